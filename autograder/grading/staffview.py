"""What a TA needs to explain a grade, kept by the grader beside ``result.json`` as ``staff.json``.

For every check: the inputs, the expected value and what the student's function returned (short
previews), and the verdict's full message, for hidden checks too (``result.json`` gives a hidden
check only pass/fail and a hint). The file is written by the grader into the results folder, which
workers never see; it is for staff only and never shown to students (``autograder feedback``
writes student pages from ``result.json`` alone).
"""

from __future__ import annotations

import numpy as np

from autograder.checks.check import Context

_MAX_PREVIEW = 600


def preview(value, *, limit: int = _MAX_PREVIEW) -> str:
    """A short, readable text of plain data (arrays abbreviated, with their shape and dtype)."""
    if isinstance(value, np.ndarray):
        body = np.array2string(value, threshold=24, edgeitems=3, precision=6, max_line_width=100)
        text = f"array{value.shape} {value.dtype}: {body}" if value.ndim else f"{body} ({value.dtype})"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k!r}: {preview(v, limit=limit // 2)}" for k, v in value.items()) + "}"
    elif isinstance(value, (list, tuple)):
        inner = ", ".join(preview(v, limit=limit // 2) for v in value[:8]) + (", ..." if len(value) > 8 else "")
        text = f"[{inner}]" if isinstance(value, list) else f"({inner})"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def collect(prepared, records: dict, results, *, settings) -> dict:
    """The staff record of one graded submission.

    Args:
        prepared: The checks as run (:class:`autograder.grading.prepared.Prepared`), with inputs and expected values.
        records: The record per prepared index (:class:`autograder.sandbox.protocol.CheckRecord`).
        results: The judged :class:`autograder.core.results.CheckResult` list, in the same order.
        settings: The check's settings (``Assignment.settings``), for its tolerance.

    Returns:
        ``{"checks": {id: {"hidden", "status", "inputs", "expected", "received", "received_type",
        "message"}}}`` as JSON-ready data.
    """
    out = {}
    for p, result in zip(prepared, results):
        record = records.get(p.index)
        entry = {
            "hidden": result.hidden,
            "status": result.status,
            "category": result.category,
            "inputs": {k: preview(v) for k, v in p.inputs.items()},
            "expected": preview(p.expected),
            "received": None,
            "received_type": record.type if record is not None else "",
            "message": result.message,
        }
        if record is not None and record.returned:
            entry["received"] = preview(record.value)
            if result.status != "passed":
                try:  # the verdict's own words, which result.json keeps from students for hidden checks
                    ctx = Context(p.check.what, settings(p.check).tol, p.inputs, entry["received_type"])
                    entry["message"] = p.check.verdict(record.value, p.expected, ctx).message or result.message
                except Exception:  # noqa: BLE001 (the stored message stays)
                    pass
        elif record is not None:
            entry["message"] = record.message or result.message  # e.g. the student's exception
        out[p.check.id] = entry
    return {"checks": out}
