"""The benchmark's report (bench/run.py): ratios over whole processes, and only called 'the same
submissions' when the peers graded the grader's whole batch. Rendered from the committed runs."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402


def _summary_row(md: str, name: str) -> dict[str, str]:
    summary = md.split("## Summary", 1)[1].split("\n## ", 1)[0]
    header = next(line for line in summary.splitlines() if line.startswith("| assignment |"))
    row = next(line for line in summary.splitlines() if line.startswith(f"| {name} |"))
    return dict(zip([c.strip() for c in header.split("|")], [c.strip() for c in row.split("|")]))


@pytest.mark.parametrize("stem", ["results-all", "results"])
def test_ratios_use_the_whole_grading_process_and_mark_other_work(stem):
    report = json.loads((ROOT / "bench" / f"{stem}.json").read_text())
    md = run.render(report)
    for name, a in report["assignments"].items():
        two = next(r for r in a["autograder"] if r["label"] == "2 workers")
        peer = a["peers"]["runs"]["nbgrader-asserts"]
        row = _summary_row(md, name)
        ratio = (two["n"] / two["process_wall_s"]) / (peer["n"] / peer["wall_s"])
        cell = row["2 workers / nbgrader+asserts"]
        assert cell.startswith(f"**{ratio:.1f}x**"), (name, cell, ratio)
        assert cell.endswith("†") == (peer["n"] != two["n"]), (name, cell)
        assert two["process_wall_s"] > two["wall_s"]  # the interpreter's start and imports count


def test_the_bound_is_the_peer_over_half_the_floor():
    report = json.loads((ROOT / "bench" / "results-all.json").read_text())
    a = report["assignments"]["a7_lstm"]
    peer = a["peers"]["runs"]["nbgrader-asserts"]["wall_s_per_sub"]
    floor = a["floor"]["total"]["mean"]
    bound = _summary_row(run.render(report), "a7_lstm")[
        "bound: peer s/sub over half the floor's, whole / student side (nbgrader+asserts / otter)"
    ]
    assert bound.startswith(f"{peer / (floor / 2):.1f} / ")
