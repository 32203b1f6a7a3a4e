"""The confinement probe: which mode this host gives, what a trial worker of it sees of itself, and
the course's requirement (``sandbox: {require: ...}``), as root and as an ordinary user made by the
test, on this host and on simulated hosts without user namespaces or Landlock."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from redteam import ordinary_user
from toycourse import make_course

from autograder.sandbox import confinement as confine
from autograder.sandbox import landlock
from autograder.sandbox.isolation import Plan

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (CI runs as root)")


def test_mode_names_say_every_layer():
    assert Plan(uid=62000, namespaces=True, landlock=7).mode == "namespaces+uid+landlock"
    assert Plan(uid=None, namespaces=True, user_namespace=True, landlock=0).mode == "userns"
    assert Plan(uid=None, namespaces=False, landlock=4).mode == "landlock"
    assert Plan(uid=62000, namespaces=False).mode == "uid"
    assert Plan(uid=None, namespaces=False).mode == "none"


def test_levels_and_what_the_course_requires():
    full = confine.Confinement("userns+landlock", Plan(uid=None, namespaces=True, user_namespace=True, landlock=7))
    alone = confine.Confinement("landlock", Plan(uid=None, namespaces=False, landlock=7), lacks=("user namespaces: x",))
    uid_only = confine.Confinement("uid", Plan(uid=62000, namespaces=False))
    nothing = confine.Confinement("none", None, reason="'userns' failed: no")
    assert [c.level for c in (full, alone, uid_only, nothing)] == ["full", "landlock", "none", "none"]
    for conf in (full, alone, uid_only, nothing):
        confine.require(conf, "none")
    confine.require(full, "full")
    confine.require(alone, "landlock")
    with pytest.raises(confine.SandboxUnavailable) as err:
        confine.require(alone, "full")
    said = str(err.value)
    assert "sandbox: {require: full}" in said and "only 'landlock'" in said and "user namespaces: x" in said
    assert "set sandbox: {require: landlock}" in said  # how to lower it knowingly
    with pytest.raises(confine.SandboxUnavailable, match="only 'none'"):
        confine.require(nothing, "landlock")


def test_candidates_are_tried_strongest_first():
    plans = confine.candidates(hide=("/x",), reveal=("/usr",), mask=())
    assert plans[0].namespaces and (plans[0].landlock == landlock.abi())
    levels = [confine.Confinement(p.mode, p).level for p in plans]
    assert levels == sorted(levels, key=confine.LEVELS.index)
    assert all(p.mode != "none" for p in plans) and len({p.mode for p in plans}) == len(plans)


def _sandbox_json(argv_prefix, course, run=None, **opts) -> tuple[int, dict]:
    argv = [*argv_prefix, "-m", "autograder", "sandbox", "--root", str(course), "--json"]
    proc = run(argv, **opts) if run else subprocess.run(argv, capture_output=True, text=True, timeout=300)
    return proc.returncode, json.loads(proc.stdout)


def _fully_confined(seen: dict, *, uid_not: int) -> None:
    assert seen["uid"] != uid_not and int(seen["capabilities"], 16) == 0 and seen["no_new_privs"] == "1"
    assert seen["pid"] == 2 and seen["processes_visible"] == 2  # its own PID namespace: init and itself
    assert seen["tmp_mb"] == 256.0 and seen["shm_mb"] == 64.0  # private tmpfs: disk_mb, shm
    assert seen["hidden_readable"] == [] and seen["loopback"] not in ("connected", "ECONNREFUSED")
    assert seen["etc_writable"] is False


@ROOT_ONLY
def test_as_root_the_trial_worker_is_fully_confined(tmp_path):
    course = make_course(tmp_path / "course")
    code, report = _sandbox_json([sys.executable], course)
    assert code == 0 and report["level"] == "full" and report["grades"], report
    assert report["mode"] == "namespaces+uid" + ("+landlock" if landlock.abi() else "")
    _fully_confined(report["seen"], uid_not=0)
    assert report["seen"]["uid"] >= confine.FIRST_UID


@pytest.fixture()
def user_stage(tmp_path):
    if ordinary_user.available():
        pytest.skip(ordinary_user.available())
    base = ordinary_user.stage(tmp_path / "stage")
    course = make_course(base / "course")
    ordinary_user.give(course)
    return base, course


def test_as_an_ordinary_user_the_trial_worker_is_fully_confined(user_stage):
    base, course = user_stage

    def run(argv, **_):
        return ordinary_user.run(["python", *argv[1:]], base=base, cwd=base)

    code, report = _sandbox_json(["python"], course, run=run)
    assert code == 0 and report["mode"] == "userns" + ("+landlock" if landlock.abi() else ""), report
    uid = ordinary_user.ensure_user().pw_uid
    _fully_confined(report["seen"], uid_not=-1)
    assert report["seen"]["uid"] == uid  # its own id, mapped one to one


@pytest.mark.parametrize(
    ("host", "mode", "level"),
    [
        ({"no_userns": True}, "landlock", "landlock"),
        ({"no_landlock": True}, "userns", "full"),
        ({"no_userns": True, "no_landlock": True}, "none", "none"),
    ],
    ids=["no-user-namespaces", "no-landlock", "neither"],
)
def test_a_weaker_host_gets_a_weaker_mode_and_is_told_what_it_lacks(user_stage, host, mode, level):
    base, course = user_stage
    if not landlock.abi() and not host.get("no_landlock"):
        pytest.skip("this kernel has no Landlock")

    def run(argv, **_):
        return ordinary_user.run(["python", *argv[1:]], base=base, cwd=base, **host)

    code, report = _sandbox_json(["python"], course, run=run)
    assert (report["mode"], report["level"]) == (mode, level), report
    assert code == (0 if level == "full" else 1) and report["grades"] is (level == "full")
    lacks = " ".join(report["lacks"])
    if host.get("no_userns"):
        assert "user namespaces" in lacks and "failed" in report["reason"]
    if host.get("no_landlock"):
        assert "Landlock" in lacks
    if mode == "landlock":  # Landlock alone still hides the course and TCP
        assert report["seen"]["hidden_readable"] == [] and report["seen"]["loopback"] == "EACCES"
    if mode == "none":
        assert report["seen"] == {}
