"""The red team's batch, run as an ordinary user: ``python batch_driver.py SPEC`` (JSON: paths, course,
out, jobs). It grades exactly as tests/redteam/test_attacks.py does as root; the test reads the
results back from ``out``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from autograder.batch import local as batch


def main() -> None:
    spec = json.loads(sys.argv[1])
    started = time.monotonic()
    graded = batch.grade_many(
        [Path(p) for p in spec["paths"]],
        assignment="toy",
        root=Path(spec["course"]),
        out=Path(spec["out"]),
        jobs=spec["jobs"],
    )
    print(json.dumps({"graded": len(graded), "seconds": time.monotonic() - started}))


if __name__ == "__main__":
    main()
