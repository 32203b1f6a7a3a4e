"""Red team through every front end, as root and as an ordinary user: the same submissions graded by
``autograder grade``, ``pytest --assignment``, Gradescope's ``run_autograder``, nbgrader's grade
cells, ``autograder check`` and a Dask cluster give the same scores, refuse the same links, show
review flags where staff read, tell hidden checks in one bit, and write no control character to a
terminal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from redteam import hostile_cases, ordinary_user
from redteam.test_attacks import ATTACKS, _Listeners
from toycourse import make_course, toy_submission

from autograder.core import names, results

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "\x1b[31mred\x1b[0m=1+2\u202e"  # a file name: ANSI colours, a formula, a right-to-left override
CASES = {  # name -> the double cell (None: the reference), or a layout
    "honest": None,
    "wrong": "def double(x):\n    return x\n",
    "reader": (
        "def double(x):\n"
        "    try:\n"
        "        return 2 * x if 'double.hidden' in open(SECRET_DIR + '/grading.yml').read() else x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "network": ATTACKS["network"],
    "daemon": (
        "import os, time\n"
        "def double(x):\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        "        if os.fork() == 0:\n"
        "            time.sleep(3)\n"
        "            for target in (MARKER, OUT_DIR + '/forged.json'):\n"
        "                try:\n"
        "                    open(target, 'w').write('outlived')\n"
        "                except OSError:\n"
        "                    pass\n"
        "        os._exit(0)\n"
        "    return x\n"
    ),
    "hidden_channel": hostile_cases.ATTACKS["hidden_fails_in_chosen_ways"],
    HOSTILE: "def double(x):\n    return x\n",
}
LINKED, COPIED = "symlinked", "copied"  # a link to the instructor's notebook; a plain copy of it
FRONT_ENDS = ("grade", "pytest", "gradescope", "nbgrader", "dask")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module", params=["root", "user"])
def setup(request, tmp_path_factory):
    mode = request.param
    if os.geteuid() != 0:
        pytest.skip("the front ends are tried as root and as an ordinary user made by the test (CI runs as root)")
    if mode == "user" and ordinary_user.available():
        pytest.skip(ordinary_user.available())
    base = tmp_path_factory.mktemp(f"front-{mode}")
    if mode == "user":
        base = ordinary_user.stage(base)
    course = make_course(base / "course")
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    from autograder.course import assignment as assignment_mod
    from autograder.release import generate as release

    loaded = assignment_mod.load("toy", root=course)
    release.write_fixtures(course / "assignments" / "toy" / assignment_mod.FIXTURES, release.fixtures(loaded))
    listeners = _Listeners(os.urandom(6).hex())
    consts = (
        f"SECRET_DIR = {str(course)!r}\nPORT = {listeners.tcp.getsockname()[1]}\n"
        f"MARKER = {str(base / 'marker')!r}\nOUT_DIR = {str(base / 'out-grade')!r}\n"
    )
    flat = base / "flat"
    for name, double in CASES.items():
        cells = {} if double is None else {"double": consts + double}
        toy_submission(flat, "x", **cells).rename(flat / f"{name}.ipynb")
    (flat / f"{LINKED}.ipynb").symlink_to(course / "solutions" / "toy" / "toy.ipynb")
    shutil.copy(course / "solutions" / "toy" / "toy.ipynb", flat / f"{COPIED}.ipynb")
    if mode == "user":
        ordinary_user.give(course)
    env = {"base": base, "course": course, "flat": flat, "mode": mode, "listeners": listeners}
    yield env
    listeners.close()


def _run(setup, argv, *, cwd, env=None, timeout=600) -> subprocess.CompletedProcess:
    if setup["mode"] == "user":
        return ordinary_user.run(argv, base=setup["base"], cwd=cwd, env=env, timeout=timeout)
    full = {**os.environ, "HOME": str(setup["base"]), **(env or {})}
    argv = [sys.executable if a == "python" else a for a in argv]
    return subprocess.run(argv, cwd=cwd, env=full, capture_output=True, text=True, timeout=timeout)


def _clean(text: str, where: str) -> None:
    bad = CONTROL.findall(text)
    assert not bad, f"{where}: control characters reached the terminal: {bad[:5]!r}"


def _grade(setup) -> dict:
    out = setup["base"] / "out-grade"
    proc = _run(
        setup,
        [
            "python",
            "-m",
            "autograder",
            "grade",
            "--assignment",
            "toy",
            "--root",
            str(setup["course"]),
            "--out",
            str(out),
        ]
        + ["--format", "gradescope", "--jobs", "2", str(setup["flat"])],
        cwd=setup["base"],
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    _clean(proc.stdout + proc.stderr, "autograder grade")
    assert "workers confined as '" in proc.stderr  # the mode is said at start
    views = {}
    for folder in out.iterdir():
        if (folder / "toy" / "result.json").is_file():
            seen = results.read(folder / "toy" / "result.json")
            full = results.read_full(folder / "toy" / "result.json")
            views[folder.name] = _view(seen, flags=full.flags)
    table = proc.stdout
    for name, view in views.items():
        if view["flags"]:
            assert re.search(rf"^{re.escape(name)} .*{re.escape(view['flags'][0])}", table, re.M), table
    return views


def _view(seen, *, flags) -> dict:
    hostile_cases.one_bit(seen)
    return {
        "score": seen.score,
        "passed": {c.id: c.status == "passed" for c in seen.checks},
        "status": seen.status,
        "flags": sorted(f.split(":")[0] for f in flags),
        "text": " ".join([seen.message, *seen.problems, *(c.message for c in seen.checks)]),
    }


def _pytest(setup) -> dict:
    report = setup["base"] / "pytest.json"
    proc = _run(
        setup,
        [
            "python",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--assignment",
            "toy",
            "--course-root",
            str(setup["course"]),
        ]
        + [
            str(setup["flat"]),
            "--json-report",
            f"--json-report-file={report}",
            "--junitxml",
            str(report.with_suffix(".xml")),
        ],
        cwd=setup["base"],
    )
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-3000:]
    _clean(proc.stdout + proc.stderr, "pytest")
    ET.parse(report.with_suffix(".xml"))  # well-formed
    views: dict = {}
    for test in json.loads(report.read_text())["tests"]:
        props = {k: v for d in test.get("user_properties", []) for k, v in d.items()}
        name, check = props["submission"], test["nodeid"].rpartition("::")[2]
        view = views.setdefault(name, {"score": 0.0, "passed": {}, "flags": [], "text": ""})
        view["score"] += props["points"]
        view["passed"][check] = test["outcome"] == "passed"
        view["flags"] = sorted(f.split(":")[0] for f in props.get("review_flags", "").split("; ") if f)
        view["text"] += " " + (test.get("call", {}).get("longrepr") or "")
    return views


def _gradescope(setup) -> dict:
    views = {}
    for file in sorted(setup["flat"].iterdir()):
        upload = setup["base"] / "uploads" / names.safe_id(file.stem)
        upload.mkdir(parents=True)
        target = upload / file.name
        if file.is_symlink():
            target.symlink_to(os.readlink(file))  # an upload holding a link
        else:
            shutil.copy(file, target)
        res = setup["base"] / "gs-results" / upload.name
        res.mkdir(parents=True)
        if setup["mode"] == "user":
            os.chown(res, *_ids())
        env = {
            "AUTOGRADER_SOURCE": str(setup["course"]),
            "AUTOGRADER_SUBMISSION": str(upload),
            "AUTOGRADER_RESULTS": str(res),
            "AUTOGRADER_PYTHON": "python" if setup["mode"] == "root" else str(ordinary_user.python(setup["base"])),
            "AUTOGRADER_ASSIGNMENT": "toy",
        }
        if setup["mode"] == "root":
            env["AUTOGRADER_PYTHON"] = sys.executable
        proc = _run(setup, ["bash", str(ROOT / "gradescope" / "run_autograder")], cwd=setup["base"], env=env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        doc = json.loads((res / "results.json").read_text())
        tests = [t for t in doc["tests"] if "review" not in t["tags"]]
        review = [t for t in doc["tests"] if "review" in t["tags"]]
        assert all(t["visibility"] == "hidden" for t in review)  # staff only
        flags = sorted(line.split(": ")[1] for t in review for line in t["output"].splitlines())
        views[upload.name] = {
            "score": doc["score"],
            "passed": {t["name"].split(" ")[0]: t["status"] == "passed" for t in tests},
            "flags": flags,
            "text": doc["output"] + " ".join(t["output"] for t in tests),
        }
    return views


def _ids():
    user = ordinary_user.ensure_user()
    return user.pw_uid, user.pw_gid


def _nbgrader(setup) -> dict:
    """Each notebook in nbgrader's autograded/<student>/toy/ folder, its grade cells run as nbgrader would."""
    views = {}
    snippet = (
        "import json\nfrom autograder.integrations.nbgrader.autograde import grade\n"
        "print('RESULT ' + json.dumps({t: grade(t) for t in ('double', 'scale')}))\n"
    )
    for file in sorted(setup["flat"].iterdir()):
        student = names.safe_id(file.stem)
        folder = setup["course"] / "autograded" / student / "toy"
        folder.mkdir(parents=True)
        if file.is_symlink():
            (folder / "toy.ipynb").symlink_to(os.readlink(file))
        else:
            shutil.copy(file, folder / "toy.ipynb")
        if setup["mode"] == "user":
            ordinary_user.give(setup["course"] / "autograded")
        proc = _run(setup, ["python", "-c", snippet], cwd=folder)
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr[-2000:]
        _clean(proc.stdout, "nbgrader grade cells")
        points = json.loads(proc.stdout.split("RESULT ")[1])
        views[student] = {"score": sum(points.values()), "text": proc.stdout}
    return views


def _dask(setup) -> dict:
    if setup["mode"] == "user":
        return {}
    import distributed

    from autograder.batch import local as batch

    out = setup["base"] / "out-dask"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        graded = batch.grade_many(
            [setup["flat"]], assignment="toy", root=setup["course"], out=out, scheduler=cluster.scheduler_address
        )
    return {r.submission: _view(results.student_view(r), flags=r.flags) for r in graded}


def test_every_front_end_grades_alike_and_refuses_alike(setup):
    started = time.monotonic()
    views = {fe: globals()[f"_{fe}"](setup) for fe in FRONT_ENDS}
    took = time.monotonic() - started
    print(
        f"\nfront ends ({setup['mode']}): {len(CASES) + 2} submissions through {len(FRONT_ENDS)} front ends in {took:.1f} s"
    )
    grade = views["grade"]
    expected = {names.safe_id(n) for n in [*CASES, LINKED, COPIED]}
    assert set(grade) == expected, sorted(grade)
    for fe, view in views.items():
        if fe == "dask" and not view:
            continue
        assert set(view) == expected, (fe, sorted(view))
        for name, got in view.items():
            assert got["score"] == grade[name]["score"], (fe, name, got, grade[name])
            if "passed" in got:
                assert got["passed"] == grade[name]["passed"], (fe, name)
            if fe in ("grade", "pytest", "gradescope", "dask"):
                assert got["flags"] == grade[name]["flags"], (fe, name, got["flags"], grade[name]["flags"])
            assert "hidden check on double failed (" not in got["text"], (fe, name)  # one bit: no category
    linked = grade[names.safe_id(LINKED)]
    assert linked["status"] == "invalid" and "is a symbolic link" in linked["text"]
    assert "is a symbolic link" in views["gradescope"][names.safe_id(LINKED)]["text"]
    assert "refused" in views["nbgrader"][names.safe_id(LINKED)]["text"]
    assert grade[names.safe_id(COPIED)]["flags"] == ["instructor-markers", "reference-verbatim"]
    assert grade["honest"]["score"] == 6 and grade["honest"]["flags"] == ["reference-verbatim"]
    for attack in ("reader", "network", "daemon", "hidden_channel"):
        assert grade[attack]["score"] < 6, attack
    assert not (setup["base"] / "marker").exists() and not (setup["base"] / "out-grade" / "forged.json").exists()
    assert setup["listeners"].received == [], "a worker reached the network through a front end"
    if setup["mode"] == "user":
        assert ordinary_user.processes_of_user() == []


def test_check_refuses_links_like_grade(setup):
    """The student's self-check reads the notebook through the same intake: a link is refused."""
    release = setup["course"] / "assignments" / "toy"
    for name, refused in ((LINKED, True), ("honest", False)):
        proc = _run(
            setup,
            [
                "python",
                "-m",
                "autograder",
                "check",
                str(setup["flat"] / f"{name}.ipynb"),
                "--release-dir",
                str(release),
            ],
            cwd=setup["base"],
        )
        _clean(proc.stdout + proc.stderr, "autograder check")
        if refused:
            assert "is a symbolic link" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
        else:
            assert "3 / 3 points on the public checks" in proc.stdout, proc.stdout + proc.stderr


def test_a_host_that_cannot_confine_is_refused_by_every_front_end(setup, tmp_path):
    """With neither user namespaces nor Landlock (an old kernel in a default container), the course's
    default ``sandbox: {require: full}`` makes every front end refuse, saying what the host lacks."""
    if setup["mode"] != "user":
        pytest.skip("the host simulation runs as the ordinary user")
    opts = {"no_userns": True, "no_landlock": True}
    base, course, flat = setup["base"], setup["course"], setup["flat"]
    grade = ordinary_user.run(
        ["python", "-m", "autograder", "grade", "--assignment", "toy", "--root", str(course), "--out", str(base / "o")]
        + [str(flat / "honest.ipynb")],
        base=base,
        cwd=base,
        **opts,
    )
    assert grade.returncode == 2 and "workers cannot be confined as grading.yml requires" in grade.stderr, grade.stderr
    assert "user namespaces" in grade.stderr and "Landlock" in grade.stderr
    assert not (base / "o" / "honest").exists()
    pyt = ordinary_user.run(
        ["python", "-m", "pytest", "-p", "no:cacheprovider", "--assignment", "toy", "--course-root", str(course)]
        + [str(flat / "honest.ipynb")],
        base=base,
        cwd=base,
        **opts,
    )
    assert pyt.returncode == 4 and "workers cannot be confined" in pyt.stdout + pyt.stderr, pyt.stdout[-2000:]
    res = base / "gs-refused"
    res.mkdir()
    os.chown(res, *_ids())
    upload = base / "upload-refused"
    upload.mkdir()
    shutil.copy(flat / "honest.ipynb", upload / "toy.ipynb")
    env = {"AUTOGRADER_SOURCE": str(course), "AUTOGRADER_SUBMISSION": str(upload), "AUTOGRADER_RESULTS": str(res)}
    env |= {"AUTOGRADER_PYTHON": str(ordinary_user.python(base)), "AUTOGRADER_ASSIGNMENT": "toy"}
    gs = ordinary_user.run(["bash", str(ROOT / "gradescope" / "run_autograder")], base=base, cwd=base, env=env, **opts)
    doc = json.loads((res / "results.json").read_text())
    assert doc["score"] == 0 and "could not run safely" in doc["output"] and "cannot be confined" in gs.stderr
    folder = course / "autograded" / "refused" / "toy"
    toy_submission(folder, "toy", double="def double(x):\n    return x + x\n")  # never graded before: no cached grade
    ordinary_user.give(course / "autograded")
    nb = ordinary_user.run(
        ["python", "-c", "from autograder.integrations.nbgrader.autograde import grade\nprint(grade('double'))"],
        base=base,
        cwd=folder,
        **opts,
    )
    assert "refused to grade" in nb.stdout and "cannot be confined" in nb.stdout and nb.stdout.strip().endswith("0.0")
