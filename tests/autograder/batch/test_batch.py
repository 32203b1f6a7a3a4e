"""Collecting submissions: ids from nbgrader's tree, one notebook per student, collisions renamed."""

import os

from toycourse import toy_submission

from autograder.batch import local as batch
from autograder.course import notebook


def test_a_file_in_one_students_folder_never_speaks_for_another(tmp_path):
    sub = tmp_path / "submitted"
    toy_submission(sub / "mallory" / "toy", "toy")
    toy_submission(sub / "mallory" / "toy", "victim")
    toy_submission(sub / "mallory" / "toy" / "deeper" / "toy", "alice")
    toy_submission(sub / "bob" / "toy", "bob_notes")  # bob's only notebook, oddly named
    found = batch.collect([sub], assignment="toy")
    names = {s.name: s for s in found.submissions}
    assert sorted(names) == ["bob", "mallory"]
    assert names["mallory"].path == sub / "mallory" / "toy" / "toy.ipynb"
    assert names["mallory"].problems == (
        "only toy.ipynb was graded; other notebooks in your submission were not: deeper/toy/alice.ipynb, victim.ipynb",
    )
    assert names["bob"].path.name == "bob_notes.ipynb" and names["bob"].problems == ()
    assert batch.collect([sub / "mallory" / "toy" / "victim.ipynb"], assignment="toy").submissions[0].name == "mallory"


def test_name_collisions_are_all_graded_under_distinct_stable_names(tmp_path):
    a = toy_submission(tmp_path / "a", "hw")
    b = toy_submission(tmp_path / "b", "hw")
    found = batch.collect([a, b], assignment="toy")
    assert [s.name for s in found.submissions][0] == "hw"
    second = found.submissions[1]
    assert second.name.startswith("hw-") and len(second.name) == 9
    assert second.flags[0].startswith("name-collision: ")
    assert batch.collect([a, b], assignment="toy").submissions[1].name == second.name


def test_missing_paths_are_reported_and_the_rest_collected(tmp_path):
    a = toy_submission(tmp_path, "alice")
    found = batch.collect([tmp_path / "nope.ipynb", a], assignment="toy")
    assert [s.name for s in found.submissions] == ["alice"]
    assert found.missing == [f"{tmp_path / 'nope.ipynb'}: no such file or folder"]


def test_links_fifos_and_hard_links_are_listed_then_refused(tmp_path):
    secret = toy_submission(tmp_path / "solutions", "toy")
    sub = tmp_path / "submitted"
    (sub / "eve" / "toy").mkdir(parents=True)
    (sub / "eve" / "toy" / "toy.ipynb").symlink_to(secret)
    (sub / "fay" / "toy").mkdir(parents=True)
    os.mkfifo(sub / "fay" / "toy" / "toy.ipynb")
    (sub / "gil" / "toy").mkdir(parents=True)
    os.link(secret, sub / "gil" / "toy" / "toy.ipynb")
    (sub / "hal").mkdir()
    (sub / "hal" / "toy").symlink_to(secret.parent, target_is_directory=True)
    (sub / "ivy").symlink_to(sub / "gil", target_is_directory=True)
    found = batch.collect([sub], assignment="toy")
    assert sorted(s.name for s in found.submissions) == ["eve", "fay", "gil", "hal", "ivy"]
    assert any("hal/toy: a symbolic link to a folder, not followed" in n for n in found.notes)
    for s in found.submissions:
        try:
            notebook.read_submission(s.path, tree=s.tree)
        except notebook.NotPlainFile as err:
            assert "refused" in str(err) and s.path.name in str(err)
        else:
            raise AssertionError(f"{s.name}'s notebook was read")


def test_a_linked_folder_on_the_way_is_refused(tmp_path):
    real = tmp_path / "real"
    toy_submission(real, "toy")
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "link").symlink_to(real, target_is_directory=True)
    try:
        notebook.read_submission(tmp_path / "tree" / "link" / "toy.ipynb", tree=tmp_path / "tree")
    except notebook.NotPlainFile as err:
        assert "link on its path is a symbolic link" in str(err)
    else:
        raise AssertionError("read through a linked folder")


def test_grade_goes_on_past_a_missing_path_and_exits_2_only_when_nothing_is_there(toy_course, capsys):
    from autograder import cli

    good = toy_submission(toy_course / "subs", "alice")
    out = toy_course / "out"
    base = ["grade", "--assignment", "toy", "--root", str(toy_course), "--out", str(out), "--quiet", "--jobs", "1"]
    assert cli.main(base + [str(toy_course / "nope.ipynb"), str(good)]) == 0
    err = capsys.readouterr().err
    assert f"autograder: {toy_course / 'nope.ipynb'}: no such file or folder" in err
    assert (out / "alice" / "toy" / "result.json").is_file()
    assert cli.main(base + [str(toy_course / "nope.ipynb")]) == 2


def test_flat_notebooks_in_a_folder_named_like_the_assignment_keep_their_file_names(tmp_path):
    folder = tmp_path / "examples" / "toy"  # as `autograder examples` lays them out
    paths = [toy_submission(folder, n) for n in ("reference", "blank")]
    assert [s.name for s in batch.collect(paths, assignment="toy").submissions] == ["reference", "blank"]
    assert [s.name for s in batch.collect([tmp_path / "examples"], assignment="toy").submissions] == [
        "blank",
        "reference",
    ]
    assert batch.submission_name(toy_submission(tmp_path / "bob" / "toy", "toy"), "toy") == "bob"


def test_grade_of_folders_without_a_notebook_is_a_usage_error_naming_them(toy_course, tmp_path, capsys):
    """An empty folder (or one of other files) is exit 2 with what was looked for, not '0 submissions'."""
    from autograder import cli

    empty, other, out = tmp_path / "empty", tmp_path / "other", tmp_path / "out"
    empty.mkdir()
    (other / "notes").mkdir(parents=True)
    (other / "notes" / "hw.py").write_text("x = 1\n")
    base = ["grade", "--assignment", "toy", "--root", str(toy_course), "--out", str(out), "--quiet", "--jobs", "1"]
    assert cli.main(base + [str(empty)]) == 2
    looked = "no notebook (*.ipynb) in this folder or below it"
    assert capsys.readouterr().err == f"autograder: error: {empty}: {looked} (it is empty)\n"
    assert cli.main(base + [str(empty), str(other)]) == 2
    assert capsys.readouterr().err == (
        f"autograder: error: {empty}: {looked} (it is empty); {other}: {looked} (it holds 1 other file(s): notes/hw.py)\n"
    )
    assert not out.exists()
    good = toy_submission(tmp_path / "subs", "alice")
    assert cli.main(base + [str(empty), str(good)]) == 0  # the others are graded, the empty one named
    assert f"autograder: {empty}: {looked} (it is empty)\n" in capsys.readouterr().err
    assert (out / "alice" / "toy" / "result.json").is_file()


def test_a_missing_path_alone_is_reported_once(toy_course, tmp_path, capsys):
    from autograder import cli

    gone = tmp_path / "no" / "such.ipynb"
    argv = ["grade", "--assignment", "toy", "--root", str(toy_course), "--out", str(tmp_path / "out"), "--quiet"]
    assert cli.main(argv + [str(gone)]) == 2
    assert capsys.readouterr().err == f"autograder: error: {gone}: no such file or folder\n"
