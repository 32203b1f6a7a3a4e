"""Red-team cases for issue 12 (trust): stalls, links, ids and hidden inputs, graded in the same batch
as tests/redteam/test_attacks.py's attacks and honest submission.

Adding a case is a few lines in ``CASES``: a name (the student id it is graded as), its class, how
its files are laid out (``double=`` the source of the toy's ``double`` cell for a notebook at
``submitted/<name>/toy/toy.ipynb``, or ``layout=`` a function writing files), and what it must get:
``points`` (check id -> the most it may earn: 0 on what it attacked), ``categories`` (check id ->
the allowed categories), ``status``, fragments of ``message`` and ``problems``, review ``flags``
(codes), and ``absent`` (names that must get no result at all). For a class-4 case on a real
assignment's check, add a ``Case(kind="work", double=...)`` the same way once the toy course has a
side-property check (e.g. ``double.copy`` requiring ``double.values``); its ``points`` is then
``{"double.copy": 0}``.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
from pathlib import Path
from typing import Callable

from toycourse import toy_submission

ERRORS = ("timeout", "crashed", "memory", "raised", "missing", "type", "values")


@dataclasses.dataclass(frozen=True)
class Case:
    """One attack of the trust red team (see the module docstring)."""

    kind: str
    double: str | None = None
    layout: Callable[[Path, Path, str], None] | None = None  # (submitted folder, course, name)
    points: dict = dataclasses.field(default_factory=dict)
    categories: dict = dataclasses.field(default_factory=dict)
    status: tuple = ("ok",)
    message: str = ""
    problems: tuple = ()
    flags: tuple | None = None
    absent: tuple = ()
    own_result: bool = True  # False: the layout's submissions are graded under other names (tested on their own)


def _notebook(folder: Path, name: str, double: str | None = None, scale: str | None = None) -> Path:
    cells = {}
    if double is not None:
        cells["double"] = double
    if scale is not None:
        cells["scale"] = scale
    return toy_submission(folder, name, **cells)


def _solutions(course: Path) -> Path:
    return course / "solutions" / "toy" / "toy.ipynb"


def _symlink_to_solutions(sub, course, name):
    (sub / name / "toy").mkdir(parents=True)
    (sub / name / "toy" / "toy.ipynb").symlink_to(_solutions(course))


def _hardlink_to_solutions(sub, course, name):
    (sub / name / "toy").mkdir(parents=True)
    os.link(_solutions(course), sub / name / "toy" / "toy.ipynb")


def _fifo_notebook(sub, course, name):
    (sub / name / "toy").mkdir(parents=True)
    os.mkfifo(sub / name / "toy" / "toy.ipynb")


def _device_notebook(sub, course, name):
    (sub / name / "toy").mkdir(parents=True)
    os.mknod(sub / name / "toy" / "toy.ipynb", 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers


def _linked_assignment_folder(sub, course, name):
    (sub / name).mkdir(parents=True)
    (sub / name / "toy").symlink_to(_solutions(course).parent, target_is_directory=True)


def _linked_student_folder(sub, course, name):
    elsewhere = sub.parent / f"outside-{name}" / "toy"
    elsewhere.mkdir(parents=True)
    shutil.copy(_solutions(course), elsewhere / "toy.ipynb")
    (sub / name).symlink_to(elsewhere.parent, target_is_directory=True)


def _collected_copy(sub, course, name):  # what nbgrader's collect makes of a link: a plain copy
    (sub / name / "toy").mkdir(parents=True)
    shutil.copy(_solutions(course), sub / name / "toy" / "toy.ipynb")


def _through_linked_folder(sub, course, name):  # given on the command line through a linked folder
    real = sub.parent / "real-folder"
    real.mkdir(exist_ok=True)
    shutil.copy(_solutions(course), real / f"{name}.ipynb")
    if not (sub.parent / "via-link").exists():
        (sub.parent / "via-link").symlink_to(real, target_is_directory=True)


def _given_folder_is_link(sub, course, name):  # a folder given on the command line that is itself a link
    real = sub.parent / "real-folder-2" / "toy"
    real.mkdir(parents=True)
    shutil.copy(_solutions(course), real / "toy.ipynb")
    (sub.parent / name).symlink_to(real.parent, target_is_directory=True)


def _flat_symlink(sub, course, name):  # a link among the flat list of notebooks
    flat = sub.parent / "flat"
    flat.mkdir(exist_ok=True)
    (flat / f"{name}.ipynb").symlink_to(_solutions(course))


WRONG = "def double(x):\n    return x\n"


def _extra_victim(sub, course, name):
    folder = sub / name / "toy"
    _notebook(folder, "toy", double=WRONG)
    _notebook(folder, "victim")  # an honest notebook, named for a classmate who submitted nothing
    _notebook(folder / "deeper" / "toy", "classmate")


def _extra_named_after_classmate(sub, course, name):
    _notebook(sub / name / "toy", "toy", double=WRONG)
    _notebook(sub / name / "toy", "carol")  # carol submitted too: her result must stay her own
    _notebook(sub / "carol" / "toy", "toy", scale="def scale(z):\n    return z\n")


def _same_file_name(sub, course, name):  # two flat folders given on the command line, one file name
    _notebook(sub.parent / "flat_a", name)
    _notebook(sub.parent / "flat_b", name, double=WRONG)


def _speaks_for_honest(sub, course, name):  # an nbgrader student named like a flat submission
    _notebook(sub / "honest" / "toy", "toy", double=WRONG)


STALL_REWRITER = (
    "import os, signal, time\n"
    "def double(x):\n"
    "    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])\n"
    "    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
    "    out = os.path.join(os.getcwd(), '..', 'out')\n"
    "    current = open(os.path.join(out, 'progress')).read()\n"
    "    n = 0\n"
    "    while True:\n"
    "        n += 1\n"
    "        for note in (current, 'start', 'cell setup_imports', current + ' ', 'x' * (10**6 if n % 50 == 0 else 3)):\n"
    "            try:\n"
    "                with open(os.path.join(out, '.p'), 'w') as fh:\n"
    "                    fh.write(note)\n"
    "                os.replace(os.path.join(out, '.p'), os.path.join(out, 'progress'))\n"
    "            except OSError:\n"
    "                pass\n"
    "        time.sleep(0.01)\n"
)

STALL_SKIPPER = (  # advances the progress note to later phases from a daemon, to buy each phase's budget
    "import os, signal, time\n"
    "def double(x):\n"
    "    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
    "    out = os.path.join(os.getcwd(), '..', 'out')\n"
    "    if os.fork() == 0:\n"
    "        os.setsid()\n"
    "        for note in ['check 1', 'check 2', 'check 3', 'done'] * 100:\n"
    "            try:\n"
    "                open(os.path.join(out, 'progress'), 'w').write(note)\n"
    "            except OSError:\n"
    "                pass\n"
    "            time.sleep(2)\n"
    "        os._exit(0)\n"
    "    while True:\n"
    "        time.sleep(1)\n"
)

FIFO_SUICIDE = (
    "import os, signal, time\n"
    "def double(x):\n"
    "    time.sleep(0.5)  # let the grader see 'check 0'\n"
    "    out = os.path.join(os.getcwd(), '..', 'out')\n"
    "    for name in ('cells.npz', 'progress', 'check-0.npz', 'check-1.npz', 'check-2.npz'):\n"
    "        try:\n"
    "            os.unlink(os.path.join(out, name))\n"
    "        except OSError:\n"
    "            pass\n"
    "    os.mkfifo(os.path.join(out, 'cells.npz'))\n"
    "    os.mkfifo(os.path.join(out, 'progress'))\n"
    "    os.open(os.path.join(out, 'progress'), os.O_RDWR)\n"
    "    os.symlink('/dev/zero', os.path.join(out, 'check-0.npz'))\n"
    "    with open(os.path.join(out, 'check-1.npz'), 'wb') as fh:\n"
    "        fh.truncate(60 * 2**20)\n"
    "    os.link(os.path.join(out, 'check-1.npz'), os.path.join(out, 'check-2.npz'))\n"
    "    try:\n"
    "        os.replace(os.path.join(os.getcwd(), '..', 'output'), os.path.join(out, 'gone'))\n"
    "        os.mkfifo(os.path.join(os.getcwd(), '..', 'output'))\n"
    "    except OSError:\n"
    "        pass\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\n"
)

_GATHER = (  # every number a worker holds: the request file if still there, and every frame's locals
    "import os, sys, glob, gc\n"
    "import numpy as np\n"
    "def _gather():\n"
    "    found = []\n"
    "    for p in glob.glob(os.path.join(os.getcwd(), '..', '*')) + glob.glob('/tmp/autograder-*/request.npz') + sys.argv:\n"
    "        if os.path.isfile(p):\n"
    "            try:\n"
    "                found.append(open(p, 'rb').read()[:2000].decode('latin-1'))\n"
    "            except OSError:\n"
    "                pass\n"
    "    f = sys._getframe()\n"
    "    while f is not None:\n"
    "        for k, v in list(f.f_locals.items()):\n"
    "            if k in ('request', 'check', 'checks', 'inputs'):\n"
    "                found.append(repr(v)[:3000])\n"
    "        f = f.f_back\n"
    "    for o in gc.get_objects():\n"
    "        if type(o) is dict and 'inputs' in o and 'probe' in o:\n"
    "            found.append(repr(o)[:3000])\n"
    "    return ' | '.join(found)\n"
)

LEAK_RAISE = _GATHER + ("def double(x):\n    raise ValueError('LEAK ' + _gather())\n")

LEAK_TYPE_NAME = _GATHER + (  # a class made at run time, its name spelling the numbers in letters
    "def double(x):\n"
    "    digits = ''.join(c for c in _gather() if c.isdigit())[:200]\n"
    "    name = 'E' + ''.join('abcdefghij'[int(c)] for c in digits)\n"
    "    if x.size > 10:\n"
    "        raise type(name, (Exception,), {})(_gather())\n"
    "    return type(name, (), {})()\n"
)

LEAK_CELL = _GATHER + (  # at the top level of the cell: a cell error becomes a 'problem'
    "def double(x):\n    return 2 * x\nraise RuntimeError('LEAK ' + _gather())\n"
)

LEAK_FORGED_RECORDS = _GATHER + (  # writes every check's record itself, with the inputs as its message
    "def double(x):\n"
    "    import autograder.core.plaindata as pd\n"
    "    out = os.path.join(os.getcwd(), '..', 'out')\n"
    "    text = 'LEAK ' + _gather()\n"
    "    for i in range(4):\n"
    "        rec = {'status': ('raised', 'timeout', 'unplain', 'missing')[i], 'message': text, 'exception': 'E' + text[:40],\n"
    "               'cell': 'double', 'line': 10**6}\n"
    "        open(os.path.join(out, f'check-{i}.npz'), 'wb').write(pd.dumps(rec))\n"
    "    open(os.path.join(out, 'progress'), 'w').write('done')\n"
    "    os._exit(0)\n"
)

LEAK_RETURNED_STRING = _GATHER + (  # a public check's 'received the string ...' message
    "def double(x):\n    return 'LEAK ' + _gather()\n"
)

CASES: dict[str, Case] = {
    # 1. stalls: the grader's own clock, whatever the worker writes or stops writing
    "stall_alarm_ignored_progress_rewriter": Case(
        "stall",
        double=STALL_REWRITER,
        points={"double.values": 0, "double.hidden": 0},
        categories={"double.values": ("timeout",), "double.hidden": ("timeout",), "scale.values": ("ok",)},
        status=("timeout",),
        message="stopped by a limit or crash (timeout)",
    ),
    "stall_progress_skipper_daemon": Case(
        "stall",
        double=STALL_SKIPPER,
        points={"double.values": 0, "double.hidden": 0},
        categories={"double.values": ERRORS, "double.hidden": ERRORS},
        status=("timeout",),
    ),
    "stall_fifo_results_then_suicide": Case(
        "stall",
        double=FIFO_SUICIDE,
        points={"double.values": 0, "double.hidden": 0},
        categories={"double.values": ("crashed",), "double.hidden": ("crashed",), "scale.values": ("ok",)},
        status=("crashed",),
    ),
    # 2. links and special files: refused, naming what was refused; copies flagged for review
    "link_symlink_to_solutions": Case(
        "link",
        layout=_symlink_to_solutions,
        points={"*": 0},
        status=("invalid",),
        message="toy.ipynb: refused: link_symlink_to_solutions/toy/toy.ipynb is a symbolic link",
    ),
    "link_hardlink_to_solutions": Case(
        "link",
        layout=_hardlink_to_solutions,
        points={"*": 0},
        status=("invalid",),
        message="toy.ipynb: refused: link_hardlink_to_solutions/toy/toy.ipynb is a hard link",
    ),
    "link_fifo_notebook": Case(
        "link",
        layout=_fifo_notebook,
        points={"*": 0},
        status=("invalid",),
        message="toy.ipynb: refused: link_fifo_notebook/toy/toy.ipynb is a FIFO",
    ),
    "link_device_notebook": Case(
        "link",
        layout=_device_notebook,
        points={"*": 0},
        status=("invalid",),
        message="toy.ipynb: refused: link_device_notebook/toy/toy.ipynb is a device",
    ),
    "link_linked_assignment_folder": Case(
        "link",
        layout=_linked_assignment_folder,
        points={"*": 0},
        status=("invalid",),
        message="toy.ipynb: refused: link_linked_assignment_folder/toy on its path is a symbolic link",
    ),
    "link_linked_student_folder": Case(
        "link",
        layout=_linked_student_folder,
        points={"*": 0},
        status=("invalid",),
        message="toy.ipynb: refused: link_linked_student_folder on its path is a symbolic link",
    ),
    "link_flat_symlink": Case(
        "link",
        layout=_flat_symlink,
        points={"*": 0},
        status=("invalid",),
        message="link_flat_symlink.ipynb: refused: link_flat_symlink.ipynb is a symbolic link",
    ),
    "link_path_through_linked_folder": Case(
        "link",
        layout=_through_linked_folder,
        points={"*": 0},
        status=("invalid",),
        message="link_path_through_linked_folder.ipynb: refused: the folder 'via-link' on the way to it is a symbolic link",
    ),
    "link_given_folder_is_link": Case(
        "link",
        layout=_given_folder_is_link,
        points={"*": 0},
        status=("invalid",),
        message="link_given_folder_is_link: refused: link_given_folder_is_link is a symbolic link",
    ),
    "link_collected_copy": Case(
        "link", layout=_collected_copy, status=("ok",), flags=("instructor-markers", "reference-verbatim")
    ),
    # 3. ids: the student folder names the submission; one notebook per student; collisions never stop the batch
    "id_extra_victim": Case(
        "id",
        layout=_extra_victim,
        points={"double.values": 0, "double.hidden": 0},
        problems=(
            "only toy.ipynb was graded; other notebooks in your submission were not: "
            "deeper/toy/classmate.ipynb, victim.ipynb",
        ),
        absent=("victim", "classmate"),
    ),
    "id_extra_named_after_classmate": Case(
        "id",
        layout=_extra_named_after_classmate,
        points={"double.values": 0, "double.hidden": 0},
        problems=("other notebooks in your submission were not: carol.ipynb",),
    ),
    "id_same_file_name": Case("id", layout=_same_file_name, own_result=False),
    "id_speaks_for_honest": Case("id", layout=_speaks_for_honest, own_result=False),
    # 5. hidden is hidden: nothing a worker says carries a hidden input out (checked for every case below)
    "hidden_request_and_stack_raise": Case(
        "hidden",
        double=LEAK_RAISE,
        points={"double.values": 0, "double.hidden": 0},
        categories={"double.values": ("raised",), "double.hidden": ("raised",)},
    ),
    "hidden_type_name": Case(
        "hidden",
        double=LEAK_TYPE_NAME,
        points={"double.values": 0, "double.hidden": 0},
        categories={"double.values": ("type",), "double.hidden": ("raised",)},
    ),
    "hidden_cell_raise": Case("hidden", double=LEAK_CELL, problems=("cell 'double' raised RuntimeError: LEAK",)),
    "hidden_forged_records": Case(
        "hidden",
        double=LEAK_FORGED_RECORDS,
        points={"double.values": 0, "double.hidden": 0, "scale.values": 0},
        categories={"double.values": ("raised",), "double.hidden": ("raised",), "scale.values": ("timeout",)},
    ),
    "hidden_returned_string": Case(
        "hidden",
        double=LEAK_RETURNED_STRING,
        points={"double.values": 0, "double.hidden": 0},
        categories={"double.values": ("type",), "double.hidden": ("type",)},
    ),
}


def build(sub: Path, course: Path) -> list[Path]:
    """Writes every case under ``sub`` (nbgrader's ``submitted/``) and next to it; returns the extra
    command-line paths (flat folders and files) the batch must be given."""
    sub.mkdir(parents=True, exist_ok=True)
    for name, case in CASES.items():
        if case.layout is not None:
            case.layout(sub, course, name)
        else:
            _notebook(sub / name / "toy", "toy", double=case.double)
    extra = [sub.parent / "flat"]
    extra += [
        sub.parent / "via-link" / "link_path_through_linked_folder.ipynb",
        sub.parent / "link_given_folder_is_link",
    ]
    extra += [sub.parent / "flat_a" / "id_same_file_name.ipynb", sub.parent / "flat_b" / "id_same_file_name.ipynb"]
    extra.append(sub.parent / "no-such-submission.ipynb")  # a missing path: reported, the batch goes on
    return extra
