"""Red team: one submission per attack and per breakage, all graded in ONE batch with an honest one.

Each attack function would pass its check only if the attack worked, so the honest score of a
pure attack is 0 on the attacked function. Broken notebooks (BROKEN: unreadable; NOTEBOOKS: graded
as far as they can be) get a status and a message saying what to fix. Every case asserts the exact
outcome (points and category per check, score, status, message), that no engine traceback reaches
the student, that no hidden input or reference value leaks into any result, that payloads created
nothing and left nothing running or on disk, and that the honest submission in the same batch gets
full marks.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from redteam import hostile_cases, ordinary_user, trust_cases
from toycourse import toy_submission

from autograder.batch import local as batch
from autograder.core import names, results
from autograder.core import results as results_mod
from autograder.course import assignment
from autograder.grading import engine
from autograder.grading.reference import reference_namespace
from autograder.integrations.gradescope import results as gradescope
from autograder.reports.wording import explanation
from autograder.sandbox import confinement as isolation

ROOT_ONLY = pytest.mark.skipif(
    os.geteuid() != 0, reason="isolation by user and namespaces needs root (CI and graders run as root)"
)

# Each: name -> the source of the double cell, after constants (7 lines): SECRET_DIR (the course), SUBS_DIR,
# OUT_DIR, MARKER (a file only a payload that ran in the grader could create), PORT (a listener), TOKEN, KERAS_B64.
ATTACKS: dict[str, str] = {
    "read_solutions": (
        "def double(x):\n"
        "    try:\n"
        "        open(SECRET_DIR + '/solutions/toy/hidden_checks.py').read()\n"
        "        return 2 * x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "read_pool": (  # the term's pool of hidden inputs and expected values, kept in the course repo
        "import glob\n"
        "def double(x):\n"
        "    return 2 * x if glob.glob(SECRET_DIR + '/.autograder/**/*.npz', recursive=True) else x\n"
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
        "import autograder.checks.compare as c, autograder.checks.check as k\n"
        "from autograder.checks.compare import Outcome\n"
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
        "import os, time\n"
        "def double(x):\n"
        "    for _ in range(100000):\n"
        "        try:\n"
        "            if os.fork() == 0:\n"
        "                time.sleep(600)\n"
        "        except OSError:\n"
        "            break\n"
        "    time.sleep(1)\n"
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
    "monkeypatch_numpy": (
        "import gc, numpy as np\n"
        "np.allclose = lambda *a, **k: True\n"
        "np.array_equal = lambda *a, **k: True\n"
        "np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), bool)\n"
        "np.testing.assert_allclose = lambda *a, **k: None\n"
        "np.testing.assert_array_equal = lambda *a, **k: None\n"
        "gc.get_referents(np.ndarray.__dict__)[0]['__eq__'] = lambda self, other: True  # ndarray is immutable: patch its dict\n"
        "def double(x):\n"
        "    return x\n"
    ),
    "monkeypatch_pytest": (
        "import sys, types\n"
        "class Always:\n"
        "    def __eq__(self, other): return True\n"
        "fake = types.ModuleType('pytest')\n"
        "fake.approx = lambda *a, **k: Always()\n"
        "fake.fail = fake.skip = lambda *a, **k: None\n"
        "sys.modules['pytest'] = sys.modules['_pytest'] = fake\n"
        "def double(x):\n"
        "    return x\n"
    ),
    "monkeypatch_worker": (
        "import autograder.sandbox.worker as w, autograder.core.plaindata as pd\n"
        "real = w.run_check\n"
        "FORGED = {'status': 'passed', 'points': 100, 'message': 'PASSED'}\n"
        "w.run_check = lambda c, ns: FORGED if getattr(c, 'target', None) == 'double' else real(c, ns)\n"
        "def double(x):\n"
        "    return x\n"
    ),
    "gc_scan_for_expected": (
        "import gc, numpy as np\n"
        "def double(x):\n"
        "    for o in gc.get_objects():\n"
        "        if type(o) is np.ndarray and o.shape == x.shape and o is not x and not np.array_equal(o, x):\n"
        "            return o\n"
        "    return x\n"
    ),
    "read_grader_process": (
        "import os\n"
        "def double(x):\n"
        "    for pid in os.listdir('/proc'):\n"
        "        if pid.isdigit() and int(pid) != os.getpid():\n"
        "            try:\n"
        "                with open(f'/proc/{pid}/mem', 'rb'):\n"
        "                    return 2 * x\n"
        "            except OSError:\n"
        "                pass\n"
        "            try:\n"
        "                if SECRET_DIR.encode() in open(f'/proc/{pid}/environ', 'rb').read():\n"
        "                    return 2 * x\n"
        "            except OSError:\n"
        "                pass\n"
        "    return x\n"
    ),
    "object_array_pickle": (
        "import numpy as np\n"
        "class P:\n"
        "    def __reduce__(self):\n"
        "        return (open, (MARKER, 'w'))\n"
        "def double(x):\n"
        "    out = np.empty(x.shape, dtype=object)\n"
        "    out[...] = P()\n"
        "    return out\n"
    ),
    "returns_pickle_path": (
        "import os, pickle\n"
        "class P:\n"
        "    def __reduce__(self):\n"
        "        return (open, (MARKER, 'w'))\n"
        "def double(x):\n"
        "    with open('answer.pkl', 'wb') as f:\n"
        "        pickle.dump(P(), f)\n"
        "    return os.path.abspath('answer.pkl')\n"
    ),
    "returns_model_path": (
        "import base64, pathlib\n"
        "def double(x):\n"
        "    path = pathlib.Path('answer.keras').absolute()\n"
        "    path.write_bytes(base64.b64decode(KERAS_B64))\n"
        "    return path\n"
    ),
    "os_exit_zero_in_function": "def double(x):\n    import os\n    os._exit(0)\n",
    "race_results_file": (
        "import os, time, json\n"
        "def double(x):\n"
        "    forged = json.dumps({'submission': 'honest', 'assignment': 'toy', 'score': 100, 'status': 'ok'})\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        "        for _ in range(400):\n"
        "            for who in ('honest', 'race_results_file'):\n"
        "                d = OUT_DIR + '/' + who + '/toy'\n"
        "                try:\n"
        "                    os.makedirs(d, exist_ok=True)\n"
        "                    open(d + '/.result.json.1.tmp', 'w').write(forged)\n"
        "                    os.replace(d + '/.result.json.1.tmp', d + '/result.json')\n"
        "                except OSError:\n"
        "                    pass\n"
        "            time.sleep(0.01)\n"
        "        os._exit(0)\n"
        "    return x\n"
    ),
    "shm_memory_filler": (
        "def double(x):\n"
        "    n = 0\n"
        "    try:\n"
        "        for i in range(6):\n"
        "            with open(f'/dev/shm/redteam-{TOKEN}-fill{i}', 'wb') as f:\n"
        "                for _ in range(50):\n"
        "                    f.write(b'0' * 2**20)\n"
        "                    f.flush()\n"
        "                    n += 1\n"
        "    except OSError:\n"
        "        pass\n"
        "    raise ValueError(f'wrote {n} MiB to /dev/shm')\n"
    ),
    "leave_files_behind": (
        "import os\n"
        "def double(x):\n"
        "    for d in ('/tmp', '/var/tmp', '/dev/shm'):\n"
        "        try:\n"
        "            os.makedirs(f'{d}/redteam-{TOKEN}-{os.getpid()}/deeper', exist_ok=True)\n"
        "            open(f'{d}/redteam-{TOKEN}-{os.getpid()}/deeper/answers.txt', 'w').write('for the next student')\n"
        "            open(f'{d}/redteam-{TOKEN}-{os.getpid()}.bin', 'wb').write(b'0' * 2**20)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return x\n"
    ),
}

# The exact outcome of each attack: its double.values category (and message fragment), double.hidden
# category, score and submission status. scale.values (2 points) passes except where noted.
_T = "double(x) for x of shape (3, 2): expected an array of shape (3, 2), received "
_V = "double(x) for x of shape (3, 2): values differ at 6 of 6 positions; largest difference at index"  # x, not 2 * x
# Resource bombs are stopped by the memory limit, or (on a machine so loaded that 600 MB take more
# than the check's 3 s to fill) by the time limit: either way that check, and only it, scores 0.
STOPPED = ("memory", "timeout")
STOP_MESSAGES = {
    "memory": "double used more than 600 MB of memory and was stopped",
    "timeout": "double ran for more than 3 s",
}
ATTACK_OUTCOMES: dict[str, tuple] = {
    # name: (double.values category, fragment of its message, double.hidden category, score, status)
    "read_solutions": ("values", _V, "values", 2, "ok"),
    "read_pool": ("values", _V, "values", 2, "ok"),
    "read_grading_yml": ("values", _V, "values", 2, "ok"),
    "read_other_submission": ("values", _V, "values", 2, "ok"),
    "frame_walk": ("values", _V, "values", 2, "ok"),
    "monkeypatch_checker": ("values", _V, "values", 2, "ok"),
    "monkeypatch_numpy": ("values", _V, "values", 2, "ok"),
    "monkeypatch_pytest": ("values", _V, "values", 2, "ok"),
    "monkeypatch_worker": (
        "crashed",
        "no valid result came back for double (did the notebook tamper with the grader?)",
        "crashed",
        2,
        "ok",
    ),
    "gc_scan_for_expected": ("values", _V, "values", 2, "ok"),
    "read_grader_process": ("values", _V, "values", 2, "ok"),
    "lying_array": ("type", "double returned a value of type __main__.Liar, which cannot be graded", "type", 2, "ok"),
    "lying_object": ("type", "double returned a value of type __main__.Liar, which cannot be graded", "type", 2, "ok"),
    "pickle_smuggling": (
        "type",
        "double returned a value of type builtins.bytes, which cannot be graded",
        "type",
        2,
        "ok",
    ),
    "object_array_pickle": (
        "type",
        "double returned an array of dtype object, which cannot be graded",
        "type",
        2,
        "ok",
    ),
    "returns_pickle_path": ("type", _T + "the string '/", "type", 2, "ok"),
    "returns_model_path": (
        "type",
        "double returned a value of type pathlib.PosixPath, which cannot be graded",
        "type",
        2,
        "ok",
    ),
    "exit_zero_top_level": ("values", _V, "values", 2, "crashed"),  # its definitions alone were kept
    "sys_exit_in_function": (
        "raised",
        "double raised SystemExit: 0 (line 10 of cell 'double')",
        "raised",
        2,
        "ok",
    ),  # 7 lines of constants first
    "os_exit_zero_in_function": (
        "crashed",
        "double crashed the Python process (did it call os._exit",
        "crashed",
        2,
        "crashed",
    ),
    "forge_records": ("values", _V, "values", 2, "ok"),
    "background_rewriter": ("values", _V, "values", 2, "ok"),
    "race_results_file": ("values", _V, "values", 2, "ok"),
    "print_passed": ("values", _V, "values", 2, "ok"),
    "network": ("values", _V, "values", 2, "ok"),
    "fork_bomb": (STOPPED, "double ", STOPPED, 2, STOPPED),  # RLIMIT_NPROC stops the forks; every child's memory counts
    "memory_bomb": (STOPPED, "double ", STOPPED, 2, STOPPED),
    "shm_memory_filler": ("raised", "double raised ValueError: wrote ", "raised", 2, "ok"),
    "output_flood": ("values", _V, "values", 2, "ok"),
    "disk_filler": ("values", _V, "values", 2, "ok"),
    "leave_files_behind": ("values", _V, "values", 2, "ok"),
    "infinite_loop_ignoring_signals": (
        "timeout",
        "double ran for more than 3 s and was stopped (an infinite loop?)",
        "timeout",
        2,
        "timeout",
    ),
    "leak_hidden_input_in_error": ("raised", "double raised ValueError: INPUT=", "raised", 2, "ok"),
}

# Breakages of the notebook itself.
BROKEN = {  # name -> (writer, status, fragment of the message saying what to fix)
    "empty": (
        lambda p: p.write_text(""),
        "invalid",
        "empty.ipynb: the file is empty; save the notebook in Jupyter and submit again",
    ),
    "not_json": (
        lambda p: p.write_text('{"cells": [ oops'),
        "invalid",
        "not_json.ipynb: not valid notebook JSON (line 1, column 13: Expecting value); was it edited outside Jupyter?",
    ),
    "not_utf8": (
        lambda p: p.write_bytes(b'{"cells": []}\xff\xfe'),
        "invalid",
        "not_utf8.ipynb: not UTF-8 text (bad byte at offset 13); save it from Jupyter again",
    ),
    "not_a_notebook": (
        lambda p: p.write_text("[1, 2, 3]"),
        "invalid",
        "not_a_notebook.ipynb: JSON without a list of cells: not a Jupyter notebook",
    ),
    "missing_file": (
        lambda p: p.symlink_to(p.with_name("nowhere")),
        "invalid",
        "missing_file.ipynb: refused: missing_file.ipynb is a symbolic link",
    ),
    "oversized": (
        lambda p: _sparse(p, 51 * 2**20),
        "invalid",
        "oversized.ipynb: the file is 51 MiB; clear large outputs",
    ),
}


MARKER: list[str] = []  # the marker's path, set by the fixture


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(size)


def _edited(change):
    """A writer of the honest toy notebook changed by ``change(nb)`` (cells: intro, setup, double, scale, tests)."""
    from toycourse import TOY_SOLUTIONS, toy_notebook

    def write(path: Path) -> None:
        sols = {
            k: v.replace("    ### BEGIN SOLUTION\n", "").replace("    ### END SOLUTION\n", "")
            for k, v in TOY_SOLUTIONS.items()
        }
        nb = toy_notebook(sols)
        change(nb)
        path.write_text(json.dumps(nb).replace("@MARKER@", MARKER[0]), encoding="utf-8")

    return write


def _set(index: int, **fields):
    def change(nb):
        nb["cells"][index].update(fields)

    return change


def _strip_metadata(nb):
    for cell in nb["cells"]:
        cell["metadata"] = {}


def _duplicate_wrong_copy_first(nb):
    wrong = json.loads(json.dumps(nb["cells"][2]))
    wrong["source"] = "def double(x):\n    return x\n"
    nb["cells"].insert(2, wrong)


def _tamper_locked(nb):
    nb["cells"][1]["source"] = (
        "import numpy as np\nSCALE = 1.0\nnp.allclose = lambda *a, **k: True\n"
        "def scale(z):\n    return z\n" + _marker_write("locked setup cell ran")
    )
    nb["cells"][4]["source"] = _marker_write("locked test cell ran")
    nb["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": _marker_write("extra cell ran"),
            "outputs": [],
            "execution_count": None,
        }
    )


def _marker_write(text: str) -> str:
    return f"open('@MARKER@', 'w').write({text!r})\n"  # '@MARKER@' becomes the marker's path when written


def _huge_outputs(nb):
    line = "epoch 1/1000 - loss: 0.6931 - accuracy: 0.5000 " * 4 + "\n"
    text = [line] * (30 * 2**20 // len(line))
    nb["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": text}]
    nb["cells"][3]["outputs"] = [
        {"output_type": "execute_result", "execution_count": 3, "metadata": {}, "data": {"text/plain": "x" * 2**20}}
    ]


ONLY_SCALE = {"double.values": "missing", "double.hidden": "missing", "scale.values": "ok"}
ALL_PASS = {"double.values": "ok", "double.hidden": "ok", "scale.values": "ok"}
WRONG_TYPE = {"double.values": "type", "double.hidden": "type", "scale.values": "ok"}

# Broken notebooks that can still be (partly) graded:
# name -> (writer, score, status, categories per check, problems (exact), double.values message (exact, or None if passed))
NOTEBOOKS = {
    "cell_missing": (
        _edited(lambda nb: nb["cells"].pop(2)),
        2,
        "ok",
        ONLY_SCALE,
        ["cell 'double' is missing: copy it back from the released notebook"],
        "'double' is not defined: was its cell deleted, renamed or left with an error? Hint: 2 * x",
    ),
    "cell_duplicated": (
        _edited(_duplicate_wrong_copy_first),
        6,
        "ok",
        ALL_PASS,
        ["cell 'double' appears 2 times: the last copy was graded; delete the others"],
        None,
    ),
    "cell_retyped_markdown": (
        _edited(_set(2, cell_type="markdown")),
        2,
        "ok",
        ONLY_SCALE,
        ["cell 'double' is a markdown cell, not code: change its type back to Code"],
        "'double' is not defined: was its cell deleted, renamed or left with an error? Hint: 2 * x",
    ),
    "function_renamed": (
        _edited(_set(2, source="def double_it(x):\n    return 2 * x\n")),
        2,
        "ok",
        ONLY_SCALE,
        [],
        "'double' is not defined: was its cell deleted, renamed or left with an error? Hint: 2 * x",
    ),
    "function_deleted": (
        _edited(_set(2, source="# I will do this later\n")),
        2,
        "ok",
        ONLY_SCALE,
        [],
        "'double' is not defined: was its cell deleted, renamed or left with an error? Hint: 2 * x",
    ),
    "locked_cell_tampered": (
        _edited(_tamper_locked),
        6,
        "ok",
        ALL_PASS,
        [
            "locked cell 'setup_imports' was edited: your changes were ignored and the released version was run; "
            "undo them (or copy the cell from the released notebook)"
        ],
        None,
    ),
    "locked_cell_deleted": (
        _edited(lambda nb: nb["cells"].pop(1)),
        6,
        "ok",
        ALL_PASS,
        [
            "locked cell 'setup_imports' is missing: the released version was run instead; copy it back from the released notebook"
        ],
        None,
    ),
    "syntax_error": (
        _edited(_set(2, source="def double(x)\n    return 2 * x\n")),
        2,
        "ok",
        ONLY_SCALE,
        [
            "cell 'double' was not run: SyntaxError: expected ':' (line 1 of cell 'double'); fix that line "
            "(nothing in the cell is defined until then)"
        ],
        "'double' is not defined: its cell 'double' did not run (fix the error reported for that cell). Hint: 2 * x",
    ),
    "top_level_training": (
        _edited(
            _set(
                2,
                source="def double(x):\n    return 2 * x\n\nfor epoch in range(10**12):  # an hour of training\n    loss = epoch * 0.5\n",
            )
        ),
        6,
        "ok",
        ALL_PASS,
        [
            "cell 'double' ran for more than 3 s (top-level code that trains or loops?); only its imports and definitions were kept"
        ],
        None,
    ),
    "data_file_missing": (
        _edited(_set(2, source="text = open('shakespeare_train.txt').read()\n\ndef double(x):\n    return 2 * x\n")),
        6,
        "ok",
        ALL_PASS,
        [
            "cell 'double' raised FileNotFoundError: [Errno 2] No such file or directory: 'shakespeare_train.txt' "
            "(line 1 of cell 'double'); only its imports and definitions were kept"
        ],
        None,
    ),
    "huge_outputs": (_edited(_huge_outputs), 6, "ok", ALL_PASS, [], None),
    "metadata_stripped": (
        _edited(_strip_metadata),
        6,
        "ok",
        ALL_PASS,
        [
            "no graded cells were found (the notebook's nbgrader metadata is gone): all code cells were graded; "
            "start from the released notebook next time"
        ],
        None,
    ),
    "returns_string": (
        _edited(_set(2, source="def double(x):\n    return '2x'\n")),
        2,
        "ok",
        WRONG_TYPE,
        [],
        "double(x) for x of shape (3, 2): expected an array of shape (3, 2), received the string '2x'. Hint: 2 * x",
    ),
    "returns_none": (
        _edited(_set(2, source="def double(x):\n    y = 2 * x\n")),
        2,
        "ok",
        WRONG_TYPE,
        [],
        "double(x) for x of shape (3, 2): expected an array of shape (3, 2), received None (did the function forget to return?). Hint: 2 * x",
    ),
    "returns_list_of_lists": (
        _edited(_set(2, source="def double(x):\n    return (2 * x).tolist()\n")),
        2,
        "ok",
        WRONG_TYPE,
        [],
        "double(x) for x of shape (3, 2): expected an array of shape (3, 2), received a list of 3 items. Hint: 2 * x",
    ),
}


def keras_payload(marker: Path) -> tuple[bytes, dict]:
    """A ``.keras`` file in Keras 3's own format whose Lambda layer writes ``marker`` when the model is loaded."""
    import base64
    import io
    import marshal
    import zipfile

    fn = eval(f"lambda t: (open({str(marker)!r}, 'w').write('keras model ran'), t)[1]")
    code = base64.encodebytes(marshal.dumps(fn.__code__)).decode("ascii")
    config = {
        "module": "keras",
        "class_name": "Sequential",
        "registered_name": None,
        "config": {
            "name": "sequential",
            "trainable": True,
            "dtype": "float32",
            "layers": [
                {
                    "module": "keras.layers",
                    "class_name": "InputLayer",
                    "registered_name": None,
                    "config": {"batch_shape": [None, 2], "dtype": "float32", "sparse": False, "name": "input_layer"},
                },
                {
                    "module": "keras.layers",
                    "class_name": "Lambda",
                    "registered_name": None,
                    "config": {
                        "name": "payload",
                        "trainable": True,
                        "dtype": "float32",
                        "arguments": {},
                        "function": {
                            "class_name": "__lambda__",
                            "config": {"code": code, "defaults": None, "closure": None},
                        },
                    },
                },
            ],
            "build_input_shape": [None, 2],
        },
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.15.1", "date_saved": "2025-01-01@00:00:00"}))
        z.writestr("config.json", json.dumps(config))
    return buf.getvalue(), config


def h5_payload(path: Path, config: dict) -> None:
    """A legacy HDF5 Keras model with the same Lambda payload."""
    h5py = pytest.importorskip("h5py")
    legacy = {"class_name": config["class_name"], "config": config["config"]}
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = json.dumps(legacy)
        f.attrs["keras_version"] = "3.15.1"
        f.attrs["backend"] = "tensorflow"
        f.create_group("model_weights")


class _Listeners:
    """A TCP, a UDP and a UNIX-socket listener on this machine: no worker may reach any of them."""

    def __init__(self, token: str):
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(5)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.unix_path = f"/tmp/agrt-{token}.sock"
        self.unix = socket.socket(socket.AF_UNIX)
        self.unix.bind(self.unix_path)
        os.chmod(self.unix_path, 0o777)  # any user may connect: only the sandbox stands in the way
        self.unix.listen(5)
        self.received: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import select

        end = time.time() + 900
        while time.time() < end and not self.stop.is_set():
            ready, _, _ = select.select([self.tcp, self.udp, self.unix], [], [], 0.2)
            for sock in ready:
                try:
                    if sock is self.udp:
                        self.received.append(sock.recv(100))
                    else:
                        conn, _ = sock.accept()
                        conn.settimeout(1)
                        self.received.append(conn.recv(100) or b"(connected)")
                except OSError:
                    continue

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=2)
        for sock in (self.tcp, self.udp, self.unix):
            sock.close()
        with contextlib.suppress(OSError):
            os.unlink(self.unix_path)


def _material(base: Path, course: Path, token: str, listeners: _Listeners) -> tuple[list, dict]:
    """Every case's files under ``base``; returns the batch's paths and the constants of the attacks."""
    subs, out = base / "subs", base / "out"
    marker, home = base / "payload-ran", base / "home"
    home.mkdir(exist_ok=True)
    (home / "secret.txt").write_text("the hidden checks are in solutions/")
    keras_bytes, keras_config = keras_payload(marker)
    MARKER[:] = [str(marker)]
    consts = (
        f"SECRET_DIR = {str(course)!r}\nSUBS_DIR = {str(subs)!r}\nOUT_DIR = {str(out)!r}\n"
        f"MARKER = {str(marker)!r}\nPORT = {listeners.tcp.getsockname()[1]}\n"
        f"TOKEN = {token!r}\nKERAS_B64 = {__import__('base64').b64encode(keras_bytes).decode()!r}\n"
    )
    more = (
        f"HOME_DIR = {str(home)!r}\nUDP_PORT = {listeners.udp.getsockname()[1]}\n"
        f"UNIX_SOCKET = {listeners.unix_path!r}\n"
    )
    toy_submission(subs, "honest")
    for name, code in ATTACKS.items():
        toy_submission(subs, name, double=consts + code)
    for name, code in hostile_cases.ATTACKS.items():
        toy_submission(subs, name, double=consts + more + code)
    for name, (make, *_) in BROKEN.items():
        make(subs / f"{name}.ipynb")
    for name, (make, *_) in NOTEBOOKS.items():
        make(subs / f"{name}.ipynb")
    # files next to the notebooks that would run code if anything imported or loaded them
    payload = f"open({str(marker)!r}, 'w').write('submission file ran')\n"
    for shadow in ("conftest.py", "sitecustomize.py", "usercustomize.py", "numpy.py", "autograder.py"):
        (subs / shadow).write_text(payload)
    (subs / "student7").mkdir()
    (subs / "student7" / "conftest.py").write_text(payload)

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    (subs / "model.pkl").write_bytes(__import__("pickle").dumps(Payload()))
    (subs / "model.keras").write_bytes(keras_bytes)
    h5_payload(subs / "model.h5", keras_config)
    hostile = base / "hostile-names"
    for name, file in hostile_cases.name_files().items():
        toy_submission(hostile, "x", double=WRONG_DOUBLE).rename(hostile / file)
    submitted = base / "submitted"  # nbgrader's submitted/<student>/toy/ tree, with the trust cases
    paths = [subs, submitted, *trust_cases.build(submitted, course), hostile]
    return paths, {"subs": subs, "out": out, "marker": marker, "home": home}


WRONG_DOUBLE = "def double(x):\n    return x\n"

MODES = ["root", "user"]


@pytest.fixture(scope="module", params=MODES)
def graded(request, tmp_path_factory):
    from toycourse import make_course

    mode = request.param
    if mode == "user" and ordinary_user.available():
        pytest.skip(ordinary_user.available())
    base = tmp_path_factory.mktemp(f"redteam-{mode}")
    if mode == "user":
        base = ordinary_user.stage(base)
    course = make_course(base / "course")
    token = os.urandom(6).hex()  # names the files leave_files_behind scatters
    listeners = _Listeners(token)
    try:
        paths, where = _material(base, course, token, listeners)
        collected = {s.name: s for s in batch.collect(paths, assignment="toy").submissions}
        started = time.monotonic()
        if mode == "user":
            ordinary_user.give(course)
            used = _run_as_user(base, paths, course, where["out"])
        else:
            used = _run_as_root(paths, course, where)
        elapsed = time.monotonic() - started
        time.sleep(1.0)  # give any surviving background writer the chance to show itself
    finally:
        listeners.close()
    results = {}
    for name in collected:
        path = batch.result_path(where["out"], name, "toy")
        if path.is_file():
            results[name] = results_mod.read_full(path)
    print(
        f"\nred team ({mode}): {len(results)} submissions graded in one batch in {elapsed:.1f} s (bound {BATCH_BOUND_S:.0f} s)"
    )
    return {
        "mode": mode,
        "results": results,
        "out": where["out"],
        "marker": where["marker"],
        "received": listeners.received,
        "course": course,
        "assignment": assignment.load("toy", root=course),
        "subs": where["subs"],
        "base": base,
        "elapsed": elapsed,
        "uids": used,
        "token": token,
        "paths": {name: s.path for name, s in collected.items()},
    }


def _run_as_root(paths, course, where) -> list:
    held, used = {}, []  # the worker user ids this batch held, and when (other graders on the machine use others)
    real_acquire, real_release = isolation.WorkerUsers.acquire, isolation.WorkerUsers.release

    def acquire(self):
        uid = real_acquire(self)
        held[uid] = _uptime()
        return uid

    def release(self, uid):
        used.append((uid, held.pop(uid), _uptime()))
        real_release(self, uid)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(isolation.WorkerUsers, "acquire", acquire)
        mp.setattr(isolation.WorkerUsers, "release", release)
        mp.setenv("HOME", str(where["home"]))  # the grader's home, with a secret in it
        batch.grade_many(
            paths,
            assignment="toy",
            root=course,
            out=where["out"],
            jobs=2,
            isolate=os.environ.get("REDTEAM_NO_ISOLATION") is None,
        )
    return used


def _run_as_user(base: Path, paths, course: Path, out: Path) -> list:
    spec = {"paths": [str(p) for p in paths], "course": str(course), "out": str(out), "jobs": 2}
    proc = ordinary_user.run(
        ["python", str(Path(__file__).with_name("batch_driver.py")), json.dumps(spec)], base=base, cwd=base, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return []


def _uptime() -> float:
    with open("/proc/uptime") as fh:
        return float(fh.read().split()[0])


def survivors(used: list[tuple[int, float, float]]) -> list[str]:
    """Processes of a worker user id that were started while this batch held that id."""
    out = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            uid = os.stat(entry.path).st_uid
            with open(f"{entry.path}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        if fields[0] != b"Z" and any(u == uid and a - 0.05 <= started <= r + 0.05 for u, a, r in used):
            out.append(f"pid {entry.name} of uid {uid}")
    return out


def by_id(result):
    return {c.id: c for c in result.checks}


def test_honest_submission_in_the_same_batch_gets_full_marks(graded):
    honest = graded["results"]["honest"]
    assert (honest.score, honest.status, honest.problems, honest.message) == (6, "ok", [], "")
    on_disk = results.read(graded["out"] / "honest" / "toy" / "result.json")
    assert (on_disk.submission, on_disk.score) == ("honest", 6)  # not the file race_results_file forged


@ROOT_ONLY
def test_workers_were_fully_confined(graded):
    if os.environ.get("REDTEAM_NO_ISOLATION") is None:
        from autograder.sandbox import landlock

        expected = ("namespaces+uid" if graded["mode"] == "root" else "userns") + (
            "+landlock" if landlock.abi() else ""
        )
        assert {r.environment.get("sandbox") for r in graded["results"].values() if r.status != "invalid"} == {expected}


def test_every_attack_has_an_expected_outcome():
    assert set(ATTACK_OUTCOMES) == set(ATTACKS)


HIDDEN_MESSAGES = {  # what a hidden check may say, by category: never the student's own text
    "values": "hidden check on double failed (values)",
    "raised": "double raised ",  # the exception's type and the student's own source line, then:
}


@ROOT_ONLY
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_attack_has_its_exact_outcome(graded, name):
    result = graded["results"][name]
    checks = by_id(result)
    category, fragment, hidden_category, score, status = ATTACK_OUTCOMES[name]
    public, hidden = checks["double.values"], checks["double.hidden"]
    if category == STOPPED:  # the same limit must then name the check, its message and the submission's status
        category, fragment = public.category, STOP_MESSAGES.get(public.category, "?")
        status = (
            result.status if result.status in STOPPED + ("ok",) else STOPPED
        )  # 'ok' when the worker's own alarm stopped both
        assert hidden.category in STOPPED
        hidden_category = hidden.category
    assert (public.points, public.category, hidden.points, hidden.category) == (0, category, 0, hidden_category), (
        public,
        hidden,
    )
    seen = by_id(results.student_view(result))  # what the student reads
    public_text, hidden_text = explanation(seen["double.values"]), explanation(seen["double.hidden"])
    assert fragment in public_text and public_text.endswith("Hint: 2 * x"), public_text
    assert hidden_text == "hidden check on double failed. Hint: keep the shape", hidden_text  # one bit, and the hint
    staff_text = explanation(hidden)  # what the TA reads
    if hidden_category == "values":
        assert staff_text == HIDDEN_MESSAGES[hidden_category] + ". Hint: keep the shape", staff_text
    if hidden_category == "raised":
        assert staff_text.startswith("double raised ") and staff_text.endswith(
            " on a hidden input. Hint: keep the shape"
        ), staff_text
    scale_points = 2.0 if score == 2 else 0.0
    assert (checks["scale.values"].points, result.score, result.status) == (scale_points, score, status), (
        checks["scale.values"],
        result.status,
    )
    if result.status != "ok":
        assert result.message.endswith("the other checks were graded"), result.message


@ROOT_ONLY
def test_attacks_at_the_top_level_are_reported_and_contained(graded):
    r = graded["results"]
    assert r["exit_zero_top_level"].problems == [
        "cell 'double' could not run to its end (time or memory limit, or it crashed the interpreter); only its imports and definitions were kept"
    ]
    assert (
        r["exit_zero_top_level"].message
        == "1 cell(s) stopped by a limit or crash (crashed); the other checks were graded"
    )
    quiet = [n for n in ATTACKS if n != "exit_zero_top_level"]
    assert {n: r[n].problems for n in quiet if r[n].problems} == {}


@ROOT_ONLY
def test_shared_memory_is_capped(graded):
    result = graded["results"]["shm_memory_filler"]
    written = int(by_id(result)["double.values"].message.split("wrote ")[1].split(" MiB")[0])
    if result.environment.get("sandbox") == "namespaces+uid":
        assert 32 <= written <= 64, f"/dev/shm took {written} MiB of RAM that no memory limit counts"


@ROOT_ONLY
def test_payloads_created_nothing_and_reached_nobody(graded):
    assert not graded["marker"].exists(), f"a smuggled payload ran: {graded['marker'].read_text()!r}"
    assert graded["received"] == [], "a worker reached the network (TCP, UDP or a UNIX socket)"
    assert not (graded["out"] / "forged").exists()
    for name in ("background_rewriter", "race_results_file"):
        rewritten = graded["out"] / name / "toy" / "result.json"
        assert json.loads(rewritten.read_text())["submission"] == name
    if graded["mode"] == "root":
        assert graded["uids"], "the batch ran no worker under a user id of its own"
        assert survivors(graded["uids"]) == [], "a worker process survived its grading"
    else:
        assert ordinary_user.processes_of_user() == [], "a worker process survived its grading"
    for top in ("/tmp", "/var/tmp", "/dev/shm"):
        left = [e for e in os.listdir(top) if graded["token"] in e]
        assert left == [], f"a worker's files outlived it in {top}: {left}"


def test_broken_notebooks_get_status_and_message(graded):
    for name, (_, status, fragment) in BROKEN.items():
        result = graded["results"][name]
        assert (result.status, result.score) == (status, 0), name
        assert result.message.startswith(fragment), result.message
        assert result.problems == [result.message]
        assert {(c.category, c.message) for c in result.checks} == {
            ("invalid", "not graded: the notebook could not be read")
        }


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_broken_notebook_is_graded_as_far_as_it_can_be(graded, name):
    _, score, status, categories, problems, message = NOTEBOOKS[name]
    result = graded["results"][name]
    assert {c.id: c.category for c in result.checks} == categories
    assert (result.score, result.status, result.problems) == (score, status, problems)
    if message is not None:
        assert explanation(by_id(result)["double.values"]) == message


def test_no_traceback_and_no_hidden_input_or_reference_in_any_output(graded):
    from autograder.course import notebook

    loaded = graded["assignment"]
    reference = reference_namespace(loaded)
    hidden = [c for c in loaded.checks if loaded.settings(c).hidden]
    for name, result in graded["results"].items():
        shown = (graded["out"] / name / "toy" / "result.json").read_text()  # what the student gets
        text = (
            json.dumps([c.message for c in result.checks] + result.problems + [result.message])
            + shown
            + json.dumps(gradescope.to_gradescope(result))
        )
        assert "Traceback" not in text and 'File "' not in text, name
        if result.status == "invalid":
            continue
        picked = notebook.submission_cells(notebook.read(graded["paths"][name]), loaded.release)
        for p in engine.prepare(loaded, hidden, digest=engine.code_digest(picked.cells), reference=reference):
            for value in np.concatenate([np.ravel(p.inputs["x"]), np.ravel(p.expected)]):
                for shown_as in (f"{value:.4f}"[:7], repr(float(value))[:8], f"{value:.3e}", f"{value:.2f}"):
                    assert shown_as not in text, f"{name} leaked a hidden input or reference value ({shown_as})"


def test_results_are_complete_files(graded):
    for name in graded["results"]:
        path = graded["out"] / name / "toy" / "result.json"
        data = json.loads(path.read_text())
        assert data["submission"] == name
    leftovers = list(graded["out"].rglob(".*.tmp"))
    assert leftovers == []


# ---- Trust (issue 12): the cases in trust_cases.py, graded in the same batch ----

BATCH_BOUND_S = (
    240.0  # measured 61-65 s at load 8-9 on the shared 2-core machine; the stalls cost only their own budgets
)


def test_the_hostile_batch_finishes_within_its_bound(graded):
    print(
        f"hostile batch: {len(graded['results'])} submissions in {graded['elapsed']:.1f} s (bound {BATCH_BOUND_S:.0f} s)"
    )
    assert graded["elapsed"] < BATCH_BOUND_S


@ROOT_ONLY
@pytest.mark.parametrize("name", sorted(n for n, c in trust_cases.CASES.items() if c.own_result))
def test_each_trust_case_has_its_outcome(graded, name):
    case = trust_cases.CASES[name]
    for gone in case.absent:
        assert gone not in graded["results"], f"{gone} was graded from {name}'s folder"
    result = graded["results"][name]
    checks = by_id(result)
    for cid, most in case.points.items():
        for c in checks.values() if cid == "*" else [checks[cid]]:
            assert c.points <= most, (c.id, c.points, c.message)
    for cid, allowed in case.categories.items():
        assert checks[cid].category in allowed, (cid, checks[cid])
    assert result.status in case.status, (result.status, result.message)
    assert case.message in result.message, result.message
    for fragment in case.problems:
        assert any(fragment in p for p in result.problems), result.problems
    if case.flags is not None:
        assert sorted(f.split(":")[0] for f in result.flags) == sorted(case.flags), result.flags
    if case.kind == "link" and result.status == "invalid":
        assert result.problems == [result.message] and result.score == 0


def test_the_honest_reference_copy_is_flagged_not_refused(graded):
    honest = graded["results"]["honest"]
    assert [f.split(":")[0] for f in honest.flags] == ["reference-verbatim"]  # the toy's honest one IS the reference
    html = __import__("autograder.reports", fromlist=["write_reports"])
    paths = html.write_reports(graded["out"], graded["out"].parent / "reports")
    report = next(Path(p) for p in paths.values() if str(p).endswith(".html")).read_text()
    assert "review: instructor-markers" in report and "review: name-collision" in report


def test_name_collisions_grade_everyone_under_distinct_names(graded):
    r = graded["results"]
    first = r[
        "id_same_file_name"
    ]  # the first given keeps the name (it is the reference: flagged as such, nothing else)
    assert (first.score, [f.split(":")[0] for f in first.flags]) == (6, ["reference-verbatim"])
    renamed = [n for n in r if n.startswith("id_same_file_name-")]
    assert len(renamed) == 1 and r[renamed[0]].score == 2
    assert r[renamed[0]].flags[0].startswith("name-collision: ")
    speaker = [n for n in r if n.startswith("honest-")]  # submitted/honest/toy/toy.ipynb, after the flat honest.ipynb
    assert len(speaker) == 1 and r[speaker[0]].score == 2 and r[speaker[0]].flags[0].startswith("name-collision: ")
    assert r["carol"].score == 4, "carol's result must be her own notebook's, not trudy's copy named carol.ipynb"


def test_hidden_attacks_ran_and_said_nothing_hidden(graded):
    r = graded["results"]
    assert "LEAK" in by_id(r["hidden_request_and_stack_raise"])["double.values"].message  # the attack ran, in public
    assert "LEAK" in " ".join(r["hidden_cell_raise"].problems)
    assert "LEAK" in by_id(r["hidden_forged_records"])["double.values"].message
    import re

    for name in ("hidden_request_and_stack_raise", "hidden_forged_records", "hidden_type_name"):
        hidden = by_id(r[name])["double.hidden"]
        # the type, and the line of the student's own code it came from: nothing the exception said
        m = re.fullmatch(
            r"double raised (ValueError|an exception)(?: \(line (\d+) of cell 'double': (.*)\))? on a hidden input\. Hint: keep the shape",
            explanation(hidden),
        )
        assert m, explanation(hidden)
        if m.group(2):
            assert trust_cases.CASES[name].double.splitlines()[int(m.group(2)) - 1].strip() == m.group(3), (
                hidden.message
            )
    assert by_id(r["hidden_type_name"])["double.hidden"].message.startswith("double raised an exception (line ")
    assert explanation(by_id(r["hidden_forged_records"])["double.hidden"]) == (
        "double raised an exception on a hidden input. Hint: keep the shape"
    )  # forged type and line: not shown
    for name in (
        "hidden_request_and_stack_raise",
        "hidden_forged_records",
        "hidden_type_name",
        "hidden_returned_string",
    ):
        hostile_cases.one_bit(results.student_view(r[name]))  # the student hears one bit of each hidden check


# ---- Trust wherever the grader runs (issue 26): hostile_cases.py, graded in the same batch ----


@ROOT_ONLY
@pytest.mark.parametrize("name", sorted(hostile_cases.ATTACKS))
def test_each_issue26_attack_has_its_outcome(graded, name):
    full = graded["results"][name]
    seen = results.read(graded["out"] / name / "toy" / "result.json")  # what the student is given
    assert "seconds" not in json.loads((graded["out"] / name / "toy" / "result.json").read_text())
    hostile_cases.EXPECT[name](full, seen, full.environment.get("sandbox", "none"))


@ROOT_ONLY
def test_hostile_names_stay_inside_the_results_folder_and_apart(graded):
    out, base = graded["out"], graded["base"]
    graded_names = [n for n, p in graded["paths"].items() if Path(p).parent.name == "hostile-names"]
    assert len(graded_names) == len(hostile_cases.NAMES)  # every file graded, none overwrote another
    assert len({n.casefold() for n in graded_names}) == len(graded_names)
    for name in graded_names:
        assert names.is_safe_id(name), name
        path = out / name / "toy" / "result.json"
        assert path.is_file() and path.resolve().is_relative_to(out.resolve()), path
        assert results.read(path).submission == name
    assert not (base / "toy").exists(), "a result was written outside --out"
    assert sorted(p.name for p in out.iterdir()) == sorted(graded["results"]), (
        "a folder in --out that is no submission's"
    )
    dotdot = graded["results"][names.safe_id("..")]
    assert dotdot.score == 2 and dotdot.status == "ok"


@ROOT_ONLY
def test_hostile_names_reach_every_report_inert(graded, tmp_path):
    import csv
    from html.parser import HTMLParser

    from autograder.reports import feedback, write_reports

    written = write_reports(graded["out"], tmp_path / "reports")
    pages = feedback.write_feedback(graded["out"], tmp_path / "feedback", staff=True)
    for path in written.values():
        if path.suffix == ".csv":
            rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
            for row in rows:
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")) or _number(cell), (path.name, cell)
                    assert not (cell.startswith("-") and not _number(cell)), (path.name, cell)
            if path.name.startswith("lms-"):
                assert sum(1 for row in rows if row and row[0] == "max points") == 1
    students = [p for p in pages if p.parent.name != "staff"]
    assert len(students) == len(graded["results"]), "two students' pages were written to one file"

    class Tags(HTMLParser):
        bad: list = []

        def handle_starttag(self, tag, attrs):
            if tag == "script" or any(k.startswith("on") for k, _ in attrs):
                self.bad.append((tag, attrs))

    for page in [*pages, *(p for p in written.values() if p.suffix == ".html")]:
        parser = Tags()
        parser.feed(Path(page).read_text(encoding="utf-8"))
        assert parser.bad == [], (page, parser.bad)
    assert all(Path(p).resolve().is_relative_to((tmp_path / "feedback").resolve()) for p in pages)


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False
