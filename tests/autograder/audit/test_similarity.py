"""Class similarity: planted copies (variables renamed, comments changed, cells reordered) rank above
every independent pair, the release's own code counts for nothing, and the staff page is safe."""

from __future__ import annotations

import ast
import io
import json
import keyword
import re
import tokenize
from pathlib import Path

import pytest

from autograder.audit import examples, similarity
from autograder.course import notebook
from autograder.course.layout import Layout
from autograder.reports import similarity as page


def local_names(source: str) -> set[str]:
    """Names a cell's functions bind themselves (arguments and assignments), not the functions' own names."""
    out = set()
    for fn in (n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef | ast.Lambda)):
        out |= {a.arg for a in fn.args.args + fn.args.kwonlyargs}
        out |= {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return out - set(dir(__builtins__)) - set(keyword.kwlist)


def disguised(source: str, salt: int) -> str:
    """The cell as a copier hands it in: every local name renamed, comments replaced, blank lines added."""
    names = local_names(source)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    out = []
    for i, tok in enumerate(tokens):
        before = tokens[i - 1].string if i else ""
        after = tokens[i + 1].string if i + 1 < len(tokens) else ""
        if (
            tok.type == tokenize.NAME
            and tok.string in names
            and before != "."
            and not (after == "=" and before in "(,")
        ):
            tok = tok._replace(string=f"my_{tok.string}_{salt}")
        elif tok.type == tokenize.COMMENT:
            tok = tok._replace(string="# done it myself")
        out.append(tok)
    renamed = tokenize.untokenize(out)
    return re.sub(r"\n(\s*)return ", r"\n\n\1# the answer\n\1return ", renamed)


def synthetic_class(name: str, root: Path, out: Path) -> tuple[list[Path], set[frozenset]]:
    """Independent submissions (the reference and each correct variant, each with only its own cells
    filled in), and a planted copy of each; the copies' pairs."""
    course = Layout(root)
    release = notebook.read(course.release(name))
    reference = examples.reference_notebook(notebook.read(course.source(name)), release)
    ref_cells = {c.id: c.source for c in notebook.code_cells(reference) if c.kind == "solution"}
    own = {"ref": ref_cells}
    for path in sorted((course.solutions(name) / "correct").glob("*.py")):
        own[path.stem] = examples.load_mistake(path)["cells"]
    out.mkdir(parents=True)
    paths, planted = [], set()
    for n, (student, cells) in enumerate(own.items()):
        for who, nb in [
            (student, examples.with_cells(release, cells)),
            (f"copy-of-{student}", examples.with_cells(release, {g: disguised(s, n) for g, s in cells.items()})),
        ]:
            if who.startswith("copy-of-"):
                first, *rest = nb["cells"]
                nb["cells"] = [first, *reversed(rest)]  # cells in another order
            path = out / f"{who}.ipynb"
            path.write_text(json.dumps(nb))
            paths.append(path)
        planted.add(frozenset({student, f"copy-of-{student}"}))
    return paths, planted


@pytest.mark.parametrize("name", ["a1_perceptron", "a5_perplexity", "a8_embeddings"])
def test_every_planted_copy_ranks_above_every_independent_pair(name, root, tmp_path):
    paths, planted = synthetic_class(name, root, tmp_path / "class")
    report = similarity.class_similarity(paths, assignment=name, root=root)
    copies = [p for p in report.pairs if frozenset({p.a, p.b}) in planted]
    others = [p for p in report.pairs if frozenset({p.a, p.b}) not in planted]
    assert len(copies) == len(planted) >= 5
    lowest_copy, highest_other = min(p.similarity for p in copies), max(p.similarity for p in others)
    assert lowest_copy > highest_other, (name, lowest_copy, highest_other)
    assert report.pairs[: len(copies)] == sorted(copies, key=lambda p: (-p.similarity, p.a, p.b))
    print(
        f"{name}: {len(paths)} submissions; planted copies {lowest_copy:.2f} and up, independent pairs at most {highest_other:.2f}"
    )


def test_the_release_counts_for_nothing_and_one_copied_function_shows(root, tmp_path):
    built = {e.name: e.path for e in examples.build("a5_perplexity", root=root, out_dir=tmp_path / "subs")}
    report = similarity.class_similarity(
        [built["blank"], built["reference"], built["padding_counted"]], assignment="a5_perplexity", root=root
    )
    pairs = {frozenset({p.a, p.b}): p for p in report.pairs}
    assert pairs[frozenset({"blank", "reference"})].similarity == 0  # stubs and docstrings are the release's
    assert pairs[frozenset({"padding_counted", "reference"})].similarity > 0.9  # one cell changed


def test_the_staff_page_escapes_names_and_code(root, tmp_path):
    hostile = '<script>alert("x")</script>'
    report = similarity.Similarity(
        "a5",
        {
            "a<b": similarity.Code("a<b", f"x = 1  # {hostile}\n", ()),
            "c": similarity.Code("c", f"x = 1  # {hostile}\n", ()),
        },
        [similarity.Pair("a<b", "c", 1.0, 1.0, ((0, 5),), ((0, 5),))],
        [],
    )
    html = page.render_html(report, threshold=0.5)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>x = 1</mark>" in html and "Staff only" in html
    rows = page.render_csv(report).splitlines()
    assert rows[0] == "rank,a,b,similarity,share_a,share_b" and rows[1].startswith("1,")


def test_the_command_writes_the_page_and_csv(root, tmp_path):
    from coursecopy import shell

    built = examples.build("a5_perplexity", root=root, out_dir=tmp_path / "subs")
    proc = shell(f"autograder similarity --assignment a5_perplexity {tmp_path / 'subs'} --out {tmp_path / 'rep'}", root)
    assert proc.returncode == 0, proc.stderr
    assert f"a5_perplexity: {len(built)} submissions" in proc.stdout
    assert (tmp_path / "rep" / "similarity-a5_perplexity.html").is_file()
    assert (
        len((tmp_path / "rep" / "similarity-a5_perplexity.csv").read_text().splitlines())
        == 1 + len(built) * (len(built) - 1) // 2
    )


def test_a_threshold_outside_0_to_1_is_refused(root, tmp_path):
    from coursecopy import shell

    proc = shell(f"autograder similarity --assignment a5_perplexity {tmp_path} --threshold 60", root)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "autograder: error: --threshold 60: give a similarity from 0 to 1 (e.g. 0.6)"
