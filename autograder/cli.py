"""Command-line entry point (thin wiring)."""

import argparse
import sys
from pathlib import Path

from autograder import config


def main(argv=None) -> int:
    """Runs the ``autograder`` command."""
    parser = argparse.ArgumentParser(prog="autograder")
    sub = parser.add_subparsers(dest="cmd", required=True)
    val = sub.add_parser("validate", help="validate grading.yml")
    val.add_argument("path", nargs="?", default="grading.yml")
    args = parser.parse_args(argv)
    try:
        cfg = config.load(Path(args.path))
    except config.ConfigError as err:
        print(f"grading.yml: {err}", file=sys.stderr)
        return 2
    print(f"{args.path}: {sum(len(c) for c in cfg.values())} checks in {len(cfg)} assignments")
    return 0
