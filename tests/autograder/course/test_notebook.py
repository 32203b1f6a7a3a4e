import json

import pytest
from toycourse import make_notebook

from autograder.course import notebook


def release():
    return make_notebook(
        [
            ("setup", "setup_imports", "import numpy as np"),
            ("solution", "f", "def f(): pass"),
            ("solution", "g", "def g(): pass"),
            ("tests", "check_f", "assert True"),
        ]
    )


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'{"cells": [', "not valid notebook JSON (line 1"),
        (b"[1, 2]", "not a Jupyter notebook"),
    ],
)
def test_unreadable_files_say_what_to_fix(tmp_path, content, fragment):
    path = tmp_path / "sub.ipynb"
    path.write_bytes(content)
    with pytest.raises(notebook.NotebookError, match=fragment.replace("(", r"\(")):
        notebook.read(path)


def test_missing_file(tmp_path):
    with pytest.raises(notebook.NotebookError, match="file not found"):
        notebook.read(tmp_path / "nope.ipynb")


def test_cells_are_taken_by_grade_id_in_release_order():
    sub = make_notebook(
        [
            ("solution", "g", "def g(): return 2"),
            ("solution", "f", "def f(): return 1"),
            ("setup", "setup_imports", "import os; os.remove('x')"),
        ]
    )
    picked = notebook.submission_cells(sub, release())
    assert [(c.id, c.kind) for c in picked.cells] == [("setup_imports", "setup"), ("f", "solution"), ("g", "solution")]
    assert picked.cells[0].source == "import numpy as np"  # from the release, not the submission
    assert picked.problems == [
        "locked cell 'setup_imports' was edited: your changes were ignored and the released version "
        "was run; undo them (or copy the cell from the released notebook)"
    ]


def test_untouched_and_deleted_locked_cells():
    sub = make_notebook(
        [
            ("setup", "setup_imports", "import numpy as np\n"),
            ("solution", "f", "def f(): return 1"),
            ("solution", "g", "def g(): return 2"),
        ]
    )
    assert notebook.submission_cells(sub, release()).problems == []  # trailing whitespace is not an edit
    del sub["cells"][0]
    picked = notebook.submission_cells(sub, release())
    assert picked.cells[0].source == "import numpy as np"
    assert picked.problems == [
        "locked cell 'setup_imports' is missing: the released version was run instead; copy it back from the released notebook"
    ]


def test_missing_duplicated_and_retyped_cells_are_reported():
    sub = make_notebook(
        [
            ("solution", "f", "def f(): return 1"),
            ("solution", "f", "def f(): return 2"),
            ("markdown", "g", "def g(): pass"),
        ]
    )
    sub["cells"][2]["metadata"]["nbgrader"]["solution"] = True
    picked = notebook.submission_cells(sub, release())
    assert [c.source for c in picked.cells if c.kind == "solution"] == ["def f(): return 2"]
    assert "cell 'f' appears 2 times: the last copy was graded; delete the others" in picked.problems
    assert "cell 'g' is a markdown cell, not code: change its type back to Code" in picked.problems
    sub2 = make_notebook([("solution", "f", "def f(): return 1")])
    assert (
        "cell 'g' is missing: copy it back from the released notebook"
        in notebook.submission_cells(sub2, release()).problems
    )


def test_stripped_metadata_falls_back_to_all_code_cells():
    sub = {"cells": [{"cell_type": "code", "metadata": {}, "source": ["def f():\n", "    return 1\n"]}], "nbformat": 4}
    picked = notebook.submission_cells(sub, release())
    assert [c.source for c in picked.cells if c.kind == "solution"] == ["def f():\n    return 1\n"]
    assert "metadata is gone" in picked.problems[0]


def test_source_lists_are_joined(tmp_path):
    nb = make_notebook([("solution", "f", "x")])
    nb["cells"][0]["source"] = ["a = 1\n", "b = 2\n"]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(nb))
    assert notebook.code_cells(notebook.read(path))[0].source == "a = 1\nb = 2\n"


def test_review_flags_for_instructor_markers_and_the_reference_verbatim():
    from toycourse import TOY_SOLUTIONS, toy_notebook

    source = toy_notebook(TOY_SOLUTIONS)
    copied = notebook.review_flags(source, graded=notebook.code_cells(source), source=source)
    assert [f.split(":")[0] for f in copied] == ["instructor-markers", "reference-verbatim"]
    stripped = {
        k: v.replace("    ### BEGIN SOLUTION\n", "").replace("    ### END SOLUTION\n", "").replace("return", "return  ")
        for k, v in TOY_SOLUTIONS.items()
    }
    nb = toy_notebook(stripped)
    assert [f.split(":")[0] for f in notebook.review_flags(nb, graded=notebook.code_cells(nb), source=source)] == [
        "reference-verbatim"
    ]
    own = toy_notebook({**stripped, "double": "def double(x):\n    return x + x\n"})
    assert notebook.review_flags(own, graded=notebook.code_cells(own), source=source) == []
