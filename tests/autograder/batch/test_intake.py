"""autograder.batch.intake.collect names every submission with a distinct safe id; and
autograder.course.notebook.read_submission_bytes refuses a symbolic link anywhere on a submission's path."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from toycourse import toy_submission

from autograder.batch import intake
from autograder.core import names
from autograder.course import notebook
from autograder.course.notebook import NotPlainFile, read_submission_bytes

HOSTILE_STEMS = ["a b", "a_b", "a%20b", "Alice", "alice", "..", "=1+2", "x\x1b[31my"]


@pytest.fixture()
def base(tmp_path: Path) -> Path:
    """A folder without links on its way (tmp_path resolved)."""
    return tmp_path.resolve()


def _flat(folder: Path, stems: list[str]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {stem: toy_submission(folder, stem) for stem in stems}


def _check_names(subs: list[intake.Submission]) -> None:
    ids = [s.name for s in subs]
    assert all(names.is_safe_id(i) for i in ids), ids
    assert len({i.casefold() for i in ids}) == len(ids), ids


def test_the_hostile_stems_are_the_files_asked_for(base):
    made = _flat(base / "flat", HOSTILE_STEMS)
    assert made[".."].name == "...ipynb" and made[".."].stem == ".."
    assert sorted(p.name for p in (base / "flat").iterdir()) == sorted(f"{s}.ipynb" for s in HOSTILE_STEMS)


def test_a_flat_folder_gets_distinct_safe_ids(base):
    made = _flat(base / "flat", HOSTILE_STEMS)
    got = intake.collect([base / "flat"], assignment="toy")
    assert got.missing == []
    subs = got.submissions
    assert sorted(s.path for s in subs) == sorted(made.values())
    _check_names(subs)
    by_path = {s.path: s for s in subs}
    for stem in ["a b", "a_b", "a%20b", "..", "=1+2", "x\x1b[31my"]:
        assert by_path[made[stem]].name == names.safe_id(stem)
        assert by_path[made[stem]].flags == ()
    assert by_path[made["a b"]].name != by_path[made["a_b"]].name != by_path[made["a%20b"]].name
    assert by_path[made[".."]].name not in (".", "..") and not by_path[made[".."]].name.startswith(".")
    assert not by_path[made["=1+2"]].name.startswith("=")
    assert "\x1b" not in by_path[made["x\x1b[31my"]].name
    for s in subs:
        assert s.student is None and s.tree == base / "flat" and s.problems == ()
        out = os.path.normpath(os.path.join("results", s.name))
        assert os.path.dirname(out) == "results"


def test_a_case_insensitive_collision_flags_the_later_one(base):
    made = _flat(base / "flat", ["Alice", "alice"])
    subs = intake.collect([base / "flat"], assignment="toy").submissions
    _check_names(subs)
    first, later = sorted(subs, key=lambda s: s.path.name)  # "Alice" sorts before "alice"
    assert (first.path, first.name, first.flags) == (made["Alice"], "Alice", ())
    assert later.path == made["alice"] and later.name.startswith("alice-") and later.name != "alice"
    assert len(later.flags) == 1 and later.flags[0].startswith("name-collision")
    assert str(made["alice"]) in later.flags[0] and str(made["Alice"]) in later.flags[0]


def test_the_order_given_decides_which_one_is_renamed(base):
    made = _flat(base / "flat", ["Alice", "alice"])
    got = intake.collect([made["alice"], made["Alice"]], assignment="toy")
    subs = {s.path: s for s in got.submissions}
    assert subs[made["alice"]].name == "alice" and subs[made["alice"]].flags == ()
    renamed = subs[made["Alice"]]
    assert renamed.name.startswith("Alice-") and renamed.flags and "name-collision" in renamed.flags[0]
    assert str(made["alice"]) in renamed.flags[0] and str(made["Alice"]) in renamed.flags[0]
    assert any(str(made["Alice"]) in note for note in got.notes)
    _check_names(got.submissions)


def test_notebooks_given_directly_get_the_same_ids(base):
    made = _flat(base / "flat", HOSTILE_STEMS)
    subs = intake.collect(list(made.values()), assignment="toy").submissions
    assert [s.path for s in subs] == list(made.values())
    _check_names(subs)
    assert [s.flags != () for s in subs] == [stem == "alice" for stem in made]
    for s in subs:
        assert s.student is None and s.tree == s.path.parent
        assert intake.submission_name(s.path, "toy") == names.safe_id(s.path.stem)


def test_the_same_stem_in_two_folders_is_graded_twice(base):
    one = toy_submission(base / "one", "bob")
    two = toy_submission(base / "two", "bob")
    subs = intake.collect([one, two], assignment="toy").submissions
    assert [s.path for s in subs] == [one, two]
    assert subs[0].name == "bob" and subs[1].name.startswith("bob-") and subs[1].flags
    _check_names(subs)


def _nbgrader(base: Path, students: list[str], assignment: str = "toy") -> dict[str, Path]:
    return {who: toy_submission(base / "submitted" / who / assignment, assignment) for who in students}


def test_nbgrader_layout_names_the_student(base):
    students = ["bob smith", "Alice", "alice", "=1+2", "x\x1by", "...x", "a%20b"]
    made = _nbgrader(base, students)
    subs = intake.collect([base / "submitted"], assignment="toy").submissions
    assert sorted(s.path for s in subs) == sorted(made.values())
    _check_names(subs)
    for s in subs:
        who = s.path.parent.parent.name
        assert s.student == who  # the raw folder name, as nbgrader knows it
        if s.flags:
            assert who == "alice" and s.name.startswith("alice-")
        else:
            assert s.name == names.safe_id(who)
    assert {s.student for s in subs} == set(students)
    assert {s.name for s in subs if not s.flags} == {names.safe_id(w) for w in students if w != "alice"}


def test_an_nbgrader_notebook_given_directly_names_its_student(base):
    made = _nbgrader(base, ["bob smith"])
    (sub,) = intake.collect([made["bob smith"]], assignment="toy").submissions
    assert (sub.student, sub.name) == ("bob smith", "bob%20smith")
    assert intake.submission_name(made["bob smith"], "toy") == "bob%20smith"


def test_a_flat_file_has_no_student(base):
    made = _flat(base / "flat", ["bob smith"])
    (sub,) = intake.collect([made["bob smith"]], assignment="toy").submissions
    assert (sub.student, sub.name) == (None, "bob%20smith")


@pytest.fixture()
def linked(base: Path) -> dict[str, Path]:
    """base/real/x.ipynb, base/linkdir -> real, base/tree/inner -> ../real, base/real/final.ipynb -> x.ipynb."""
    real = toy_submission(base / "real", "x")
    (base / "linkdir").symlink_to(base / "real", target_is_directory=True)
    (base / "tree").mkdir()
    (base / "tree" / "inner").symlink_to(Path("..") / "real", target_is_directory=True)
    (base / "real" / "final.ipynb").symlink_to("x.ipynb")
    return {"real": real, "bytes": real.read_bytes()}


def test_a_plain_path_reads(base, linked):
    assert read_submission_bytes(linked["real"]) == linked["bytes"]
    assert read_submission_bytes(linked["real"], tree=base) == linked["bytes"]
    assert read_submission_bytes(linked["real"], tree=base / "real") == linked["bytes"]


def test_a_plain_relative_path_reads(base, linked, monkeypatch):
    monkeypatch.chdir(base)
    assert read_submission_bytes(Path("real/x.ipynb")) == linked["bytes"]
    assert read_submission_bytes(Path("real/x.ipynb"), tree=Path("real")) == linked["bytes"]
    monkeypatch.chdir(base / "real")
    assert read_submission_bytes(Path("x.ipynb")) == linked["bytes"]


def test_a_linked_folder_above_the_notebook_is_refused(base, linked):
    with pytest.raises(NotPlainFile) as err:
        read_submission_bytes(base / "linkdir" / "x.ipynb")
    assert "the folder 'linkdir' on the way to it is a symbolic link" in str(err.value)
    with pytest.raises(NotPlainFile, match="the folder 'linkdir' on the way to it is a symbolic link"):
        read_submission_bytes(base / "linkdir" / "x.ipynb", tree=base / "linkdir")


def test_a_linked_folder_on_a_relative_path_is_refused(base, linked, monkeypatch):
    monkeypatch.chdir(base)
    with pytest.raises(NotPlainFile) as err:
        read_submission_bytes(Path("linkdir/x.ipynb"))
    assert "the folder 'linkdir' on the way to it is a symbolic link" in str(err.value)
    with pytest.raises(NotPlainFile, match="the folder 'linkdir' on the way to it is a symbolic link"):
        read_submission_bytes(Path("linkdir") / "x.ipynb", tree=Path("linkdir"))


def test_a_link_above_a_given_tree_is_refused(base, linked):
    (base / "real" / "deeper").mkdir()
    toy_submission(base / "real" / "deeper", "y")
    with pytest.raises(NotPlainFile, match="the folder 'linkdir' on the way to it is a symbolic link"):
        read_submission_bytes(base / "linkdir" / "deeper" / "y.ipynb", tree=base / "linkdir" / "deeper")
    assert read_submission_bytes(base / "real" / "deeper" / "y.ipynb", tree=base / "real").startswith(b"{")


def test_a_link_deeper_inside_the_tree_is_refused(base, linked):
    with pytest.raises(NotPlainFile) as err:
        read_submission_bytes(base / "tree" / "inner" / "x.ipynb", tree=base / "tree")
    assert "inner on its path is a symbolic link" in str(err.value)
    assert "on the way to it" not in str(err.value)


def test_a_link_deeper_inside_a_relative_tree_is_refused(base, linked, monkeypatch):
    monkeypatch.chdir(base)
    with pytest.raises(NotPlainFile, match="inner on its path is a symbolic link"):
        read_submission_bytes(Path("tree/inner/x.ipynb"), tree=Path("tree"))


def test_a_linked_notebook_is_refused(base, linked):
    with pytest.raises(NotPlainFile, match="final.ipynb is a symbolic link"):
        read_submission_bytes(base / "real" / "final.ipynb")
    with pytest.raises(NotPlainFile, match="is a symbolic link"):
        read_submission_bytes(base / "real" / "final.ipynb", tree=base)


def test_a_link_to_a_file_outside_the_tree_is_refused(base, linked):
    (base / "tree" / "escape.ipynb").symlink_to(linked["real"])
    with pytest.raises(NotPlainFile, match="is a symbolic link"):
        read_submission_bytes(base / "tree" / "escape.ipynb", tree=base / "tree")


def test_a_refused_read_leaks_no_descriptor(base, linked):
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        for path in (base / "linkdir" / "x.ipynb", base / "real" / "final.ipynb"):
            with pytest.raises(NotPlainFile):
                read_submission_bytes(path)
        read_submission_bytes(linked["real"])
    assert len(os.listdir("/proc/self/fd")) <= before


NOBODY = 65534


def _as_reader(closed: Path, nb: Path, uid: int | None) -> str:
    """Whether ``closed`` may be listed, and what reading ``nb`` gives, as user ``uid`` (a forked
    child that drops to it) or as this process: ``"<listed|unlisted> <ok|error>"``."""

    def attempt() -> str:
        try:
            os.listdir(closed)
            listed = "listed"
        except PermissionError:
            listed = "unlisted"
        try:
            outcome = "ok" if read_submission_bytes(nb) == expected else "wrong-bytes"
        except Exception as err:  # reported to the test
            outcome = f"{type(err).__name__}: {err}"
        return f"{listed} {outcome}"

    expected = nb.read_bytes()
    if uid is None:
        return attempt()
    rd, wr = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to uid, read, report, and leave without running the parent's cleanup
        try:
            os.close(rd)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.write(wr, attempt().encode("utf-8", "replace"))
        finally:
            os._exit(0)
    os.close(wr)
    with os.fdopen(rd, "rb") as pipe:
        text = pipe.read().decode("utf-8")
    os.waitpid(pid, 0)
    return text


def test_a_folder_that_may_be_entered_but_not_listed_still_reads():
    """An intermediate folder the reader may enter but not list (mode 0o711, read as another user:
    as root, a forked child running as nobody; as any other user, the owner with mode 0o111)."""
    root = os.geteuid() == 0
    top = Path(tempfile.mkdtemp(prefix="intake-")).resolve()  # not below pytest's 0o700 folders
    closed = top / "closed"
    try:
        nb = toy_submission(closed / "student", "x")
        top.chmod(0o755)
        (closed / "student").chmod(0o755)
        nb.chmod(0o644)
        closed.chmod(0o711 if root else 0o111)
        if root:
            assert _as_reader(closed, nb, None) == "listed ok"
        seen = _as_reader(closed, nb, NOBODY if root else None)
        if seen.startswith("listed "):
            pytest.skip("the reader may list the folder anyway (a capability?): nothing to test here")
        assert seen == "unlisted ok", seen
    finally:
        closed.chmod(0o755)
        shutil.rmtree(top, ignore_errors=True)


def test_collect_of_a_linked_folder_treats_it_as_one_path(base, linked):
    got = intake.collect([base / "linkdir"], assignment="toy")
    assert got.missing == []
    (sub,) = got.submissions
    assert sub.path == base / "linkdir" and sub.tree == base
    assert sub.name == "linkdir" and names.is_safe_id(sub.name)
    with pytest.raises(NotPlainFile, match="is a symbolic link"):
        read_submission_bytes(sub.path, tree=sub.tree)


def test_collect_of_a_linked_folder_on_a_relative_path(base, linked, monkeypatch):
    monkeypatch.chdir(base)
    (sub,) = intake.collect(["linkdir"], assignment="toy").submissions
    assert sub.path == Path("linkdir")
    with pytest.raises(NotPlainFile, match="is a symbolic link"):
        read_submission_bytes(sub.path, tree=sub.tree)


def test_collect_does_not_follow_a_link_inside_a_given_folder(base, linked):
    got = intake.collect([base / "tree"], assignment="toy")
    assert all(not s.path.is_relative_to(base / "real") for s in got.submissions)
    assert any("inner" in note and "symbolic link" in note for note in got.notes)
    for s in got.submissions:
        with pytest.raises(notebook.NotebookError):
            read_submission_bytes(s.path, tree=s.tree)


def test_a_missing_path_is_reported_and_the_others_collected(base):
    made = _flat(base / "flat", ["a", "b"])
    gone = base / "flat" / "gone.ipynb"
    (base / "flat" / "dangling.ipynb").symlink_to(base / "nowhere.ipynb")
    got = intake.collect(
        [made["a"], gone, base / "no-such-folder", made["b"], base / "flat" / "dangling.ipynb"], assignment="toy"
    )
    assert got.missing == [f"{gone}: no such file or folder", f"{base / 'no-such-folder'}: no such file or folder"]
    assert [s.path for s in got.submissions] == [made["a"], made["b"], base / "flat" / "dangling.ipynb"]
    assert [s.name for s in got.submissions] == ["a", "b", "dangling"]
    with pytest.raises(NotPlainFile, match="is a symbolic link"):
        read_submission_bytes(got.submissions[2].path, tree=got.submissions[2].tree)
    assert read_submission_bytes(made["a"]) == made["a"].read_bytes()


def test_expand_refuses_a_missing_path(base):
    with pytest.raises(FileNotFoundError):
        intake.expand([base / "nope"])


def test_check_refuses_a_missing_path_or_a_folder_naming_what_to_give(root, base, capsys):
    """`autograder check` reads one notebook file: anything else is exit 2 before any loading."""
    from autograder import cli

    (base / "empty").mkdir()
    folder = base / "hw"
    toy_submission(folder, "a1_perceptron")
    cases = {
        base / "nope.ipynb": f"{base / 'nope.ipynb'}: no such file or folder",
        base / "empty": f"{base / 'empty'}: no notebook (*.ipynb) in this folder or below it (it is empty); "
        "give your notebook file",
        folder: f"{folder}: a folder, not a notebook; give the notebook file itself, e.g. {folder / 'a1_perceptron.ipynb'}",
    }
    for path, message in cases.items():
        assert cli.main(["check", str(path), "--release-dir", str(root / "assignments" / "a1_perceptron")]) == 2
        assert capsys.readouterr().err == f"autograder: error: {message}\n"
