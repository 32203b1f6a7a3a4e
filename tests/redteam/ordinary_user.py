"""Running the grader as an ordinary user made by the test (as a course does on JupyterHub or a laptop).

CI runs as root. The test makes a user of its own (``useradd``) and a folder it owns, and runs
Python there as that user: Debian's ``/usr/bin/python3.11`` (usable by every user; a Python under
``/root`` is not) in a virtual environment whose one ``.pth`` file adds this run's installed
packages. Where the packages or the repository lie below a folder the user cannot enter (a
checkout under ``/root``), the run starts in a private mount namespace, made by root, in which
only those folders are bound back (the same ``cover`` the grader uses for its workers); nothing
else is given to the user.

``host`` options simulate hosts a course may have: ``no_userns`` (``user.max_user_namespaces`` is
0 for this user, as some distributions and containers set it) and ``no_landlock`` (a seccomp
filter answers Landlock's system calls with ``ENOSYS``, as an old kernel or a container profile
does).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

NAME = "agredteam"
SYSTEM_PYTHON = Path("/usr/bin/python3.11")
ROOT = Path(__file__).resolve().parents[2]


def available() -> str:
    """'' when an ordinary user can be made and run here, else why not."""
    if os.geteuid() != 0:
        return "making a user needs root (CI runs as root)"
    if not SYSTEM_PYTHON.is_file():
        return f"{SYSTEM_PYTHON} is missing (Debian's python3.11)"
    if shutil.which("useradd") is None:
        return "useradd is missing"
    return ""


def ensure_user() -> pwd.struct_passwd:
    """The test's ordinary user, made once (no home folder, no password, no groups)."""
    try:
        return pwd.getpwnam(NAME)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME], check=True)
        return pwd.getpwnam(NAME)


def stage(base: Path) -> Path:
    """A folder the user owns (mode 0755, on the way to it every folder enterable), with a home in it."""
    user = ensure_user()
    base.mkdir(parents=True, exist_ok=True)
    for folder in [base, *base.parents]:
        if folder == Path("/"):
            break
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            os.chmod(folder, mode | stat.S_IXOTH)  # pytest's tmp folders are 0700
    (base / "home").mkdir(exist_ok=True)
    for path in [base, base / "home"]:
        os.chown(path, user.pw_uid, user.pw_gid)
    os.chmod(base, 0o755)
    os.chmod(base / "home", 0o700)
    return base


def give(path: Path) -> None:
    """Hands every file below ``path`` to the user (what a course folder of theirs would be)."""
    user = ensure_user()
    for folder, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            p = os.path.join(folder, name)
            os.lchown(p, user.pw_uid, user.pw_gid)
    os.lchown(path, user.pw_uid, user.pw_gid)


def python(base: Path) -> Path:
    """A Python the user can run, with this run's packages (made once per stage folder)."""
    venv = base / "venv"
    if not (venv / "bin" / "python").exists():
        subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
        site = Path(sysconfig.get_paths()["purelib"])
        target = venv / "lib" / "python3.11" / "site-packages" / "zz-course-packages.pth"
        target.write_text(f"import site; site.addsitedir({str(site)!r})\n")
    return venv / "bin" / "python"


def _closed_folders() -> list[str]:
    """Folders the user could not enter on the way to the packages and the repository."""
    needed = [Path(sysconfig.get_paths()["purelib"]), ROOT]
    out = []
    for path in needed:
        for folder in reversed(path.parents):
            if folder != Path("/") and not folder.stat().st_mode & stat.S_IXOTH and str(folder) not in out:
                out.append(str(folder))
    return out


_LAUNCHER = r"""
import json, os, sys
from autograder.sandbox import namespaces
spec = json.loads(sys.argv[1])
if spec["cover"]:
    namespaces.unshare(namespaces.CLONE_NEWNS)
    namespaces.make_private()
    keep = spec["keep"]
    fds = {{p: os.open(p, os.O_PATH | os.O_CLOEXEC) for p in keep}}
    for folder in spec["cover"]:
        namespaces.cover(folder, [p for p in keep if p.startswith(folder + "/")], fds)
if spec["no_userns"] or spec["no_landlock"]:
    from seccomp_host import refuse
    refuse(userns=spec["no_userns"], landlock=spec["no_landlock"])
os.setgroups([])
os.setgid(spec["gid"])
os.setuid(spec["uid"])
os.chdir(spec["cwd"])
os.execve(spec["argv"][0], spec["argv"], spec["env"])
"""


def run(
    argv: list[str],
    *,
    base: Path,
    cwd: Path,
    env: dict | None = None,
    timeout: float = 900,
    no_userns: bool = False,
    no_landlock: bool = False,
    stdin: str | None = None,
) -> subprocess.CompletedProcess:
    """Runs ``argv`` as the ordinary user (``argv[0]`` may be ``"python"``: the user's Python).

    Args:
        argv: The command.
        base: The stage folder (:func:`stage`).
        cwd: Where to run it.
        env: Extra environment (HOME is the stage's home; PATH a plain one).
        timeout: Seconds before the command is killed.
        no_userns: Simulate a host that refuses user namespaces.
        no_landlock: Simulate a host without Landlock.
        stdin: Text for the command's standard input.
    """
    user = ensure_user()
    py = python(base)
    argv = [str(py) if a == "python" else a for a in argv]
    environment = {"PATH": f"{py.parent}:/usr/local/bin:/usr/bin:/bin", "HOME": str(base / "home"), "LANG": "C.UTF-8"}
    environment.update(env or {})
    argv[0] = shutil.which(argv[0], path=environment["PATH"]) or argv[0]
    closed = _closed_folders()
    spec = {
        "cover": closed,
        "keep": [str(p) for p in (Path(sysconfig.get_paths()["purelib"]), ROOT)],
        "no_userns": no_userns,
        "no_landlock": no_landlock,
        "uid": user.pw_uid,
        "gid": user.pw_gid,
        "cwd": str(cwd),
        "argv": argv,
        "env": environment,
    }
    launcher = [sys.executable, "-c", _LAUNCHER.replace("{{", "{").replace("}}", "}"), json.dumps(spec)]
    return subprocess.run(
        launcher,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        env={"PYTHONPATH": str(Path(__file__).parent)},
    )


def processes_of_user() -> list[str]:
    """The user's processes still alive (none may outlive a batch)."""
    uid = ensure_user().pw_uid
    out = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    with open(f"{entry.path}/stat", "rb") as fh:
                        state = fh.read().rsplit(b")", 1)[1].split()[0]
                    if state != b"Z":
                        out.append(entry.name)
            except OSError:
                continue
    return out
