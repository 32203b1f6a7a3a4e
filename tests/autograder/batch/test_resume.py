"""A batch killed with SIGKILL mid-way loses nothing, and --resume grades each submission exactly once."""

import json
import os
import signal
import subprocess
import sys
import time

from toycourse import toy_submission


def test_kill_then_resume_grades_each_submission_exactly_once(toy_course):
    subs, out = toy_course / "subs", toy_course / "out"
    names = [f"s{i:02d}" for i in range(8)]
    for i, name in enumerate(names):
        toy_submission(
            subs,
            name,
            double="import time\ndef double(x):\n    time.sleep(0.5)\n    return 2 * x\n"
            if i % 2
            else "def double(x):\n    return 2 * x\n",
        )
    cmd = [
        sys.executable,
        "-m",
        "autograder",
        "grade",
        "--assignment",
        "toy",
        "--root",
        str(toy_course),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--quiet",
        str(subs),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*/toy/result.json"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = {p.parent.parent.name: json.loads(p.read_text()) for p in out.glob("*/toy/result.json")}
    assert 3 <= len(finished) < len(names), "the batch should have been killed mid-way"
    for name, data in finished.items():  # every file left is complete
        assert data["submission"] == name and data["max_score"] == 6
    proc = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    graded_again = [line.split()[0] for line in proc.stdout.splitlines()[2:] if line.strip()]
    assert sorted(graded_again) == sorted(set(names) - set(finished))  # each remaining one, once
    for name, data in finished.items():  # finished ones untouched
        assert json.loads((out / name / "toy" / "result.json").read_text())["graded_at"] == data["graded_at"]
    assert sorted(p.parent.parent.name for p in out.glob("*/toy/result.json")) == names
    assert list(out.rglob(".*.tmp")) == []
