"""The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing fetched).

Sections: counts, the score distribution (an SVG histogram), pass rate per check, item analysis
(the most common failure messages per check, numbers masked), the list of submissions, files that
could not be read, and one section per submission (``id="sub-NAME"``) with every check. Public
checks that did not pass show their message (expected and received); hidden checks show only
pass/fail and their hint.

The pages are rendered by Jinja2 templates (``autograder/reports/templates/``) through
:data:`ENVIRONMENT`, the one environment of every HTML writer (:mod:`autograder.reports.feedback`
too), which autoescapes every value put in a page: nothing taken from the results is escaped by
hand or marked safe. Python only picks what a page shows and formats its numbers.
"""

from __future__ import annotations

import re

import jinja2

from autograder.core.results import CHECK_STATUSES, SUBMISSION_STATUSES, SubmissionResult
from autograder.reports.wording import explanation, notes, points

from .stats import AssignmentStats, CheckStats, Distribution

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("autograder.reports", "templates"),
    autoescape=True,  # every template, whatever its extension (the SVG's too)
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
"""The Jinja2 environment of the HTML pages: autoescaping on for every template, and a name the
context lacks is an error rather than an empty string."""


def render_page(template: str, **context) -> str:
    """A page of :data:`ENVIRONMENT`'s templates.

    Args:
        template: The template's file name in ``autograder/reports/templates/``.
        **context: The template's variables (every text in them is escaped where it is written).

    Returns:
        The rendered text.
    """
    return ENVIRONMENT.get_template(template).render(**context)


def badge(prefix: str, status: str) -> str:
    """A status badge's CSS class: ``s-<status>`` for a submission's, ``r-<status>`` for a check's.

    Args:
        prefix: ``s`` (a submission's status) or ``r`` (a check's).
        status: The status as the result gives it.

    Returns:
        The class; a status that is not one of the known ones (a result file edited by hand) gets
        ``s-invalid`` or ``r-error``, so that no result chooses the page's classes.
    """
    known, other = (SUBMISSION_STATUSES, "invalid") if prefix == "s" else (CHECK_STATUSES, "error")
    return f"{prefix}-{status if status in known else other}"


def anchors(results: list[SubmissionResult]) -> list[str]:
    """The element id of each submission's section: ``sub-NAME``, made unique and safe.

    Args:
        results: The results, in the order of the page.

    Returns:
        One id per result; characters other than letters, digits, ``_``, ``.`` and ``-`` become
        ``_``, and a repeated name gets ``-2``, ``-3``, ...
    """
    seen: set[str] = set()
    ids = []
    for r in results:
        base = "sub-" + re.sub(r"[^A-Za-z0-9_.-]", "_", r.submission)
        anchor, k = base, 1
        while anchor in seen:
            k += 1
            anchor = f"{base}-{k}"
        seen.add(anchor)
        ids.append(anchor)
    return ids


def histogram_svg(dist: Distribution, *, width: int = 720, height: int = 260) -> str:
    """The score distribution as an inline SVG bar chart, with the mean and median marked.

    Args:
        dist: The scores.
        width: The image's width in pixels.
        height: Its height in pixels.

    Returns:
        An ``<svg>`` element.
    """
    return render_page("histogram.svg", svg=_histogram(dist, width, height))


class _Frame:
    """The plot area of the histogram inside its margins."""

    def __init__(self, width: int, height: int):
        self.left, self.right, self.top, self.bottom = 44, 16, 34, 44
        self.width, self.height = width, height
        self.plot_w, self.plot_h = width - self.left - self.right, height - self.top - self.bottom


def _histogram(dist: Distribution, width: int, height: int) -> dict:
    """What the histogram template draws, every number already formatted."""
    f = _Frame(width, height)
    peak = max((b.count for b in dist.bins), default=0) or 1
    bars, labels = _svg_bars(f, dist.bins, peak)
    bottom = f.top + f.plot_h
    return {
        "width": width,
        "height": height,
        "n": len(dist.scores),
        "grid": _svg_grid(f, peak),
        "bars": bars,
        "labels": labels,  # drawn last, with a white halo, so that the mean and median lines do not hide them
        "ticks": _svg_ticks(f, dist),
        "axis": {"x1": f.left, "x2": f.left + f.plot_w, "y": bottom},
        "title": {"x": f"{f.left + f.plot_w / 2:.1f}", "y": f.height - 6, "max": points(dist.max_score)},
        "markers": _svg_markers(f, dist) if dist.scores and dist.max_score > 0 else [],
    }


def _svg_grid(f: _Frame, peak: int) -> list[dict]:
    """Horizontal grid lines, with a count label where the count is a new whole number."""
    lines = []
    for k in range(5):
        value = peak * k / 4
        y = f.top + f.plot_h - f.plot_h * k / 4
        labelled = value == int(value) and (k == 0 or int(value) != int(peak * (k - 1) / 4))
        lines.append(
            {
                "x1": f.left,
                "x2": f.left + f.plot_w,
                "y": f"{y:.1f}",
                "label": str(int(value)) if labelled else "",
                "label_x": f.left - 6,
                "label_y": f"{y + 4:.1f}",
            }
        )
    return lines


def _svg_bars(f: _Frame, bins, peak: int) -> tuple[list[dict], list[dict]]:
    """One bar per bin (its range and count in a tooltip), and the counts above the bars."""
    slot = f.plot_w / len(bins)
    bars, labels = [], []
    for i, b in enumerate(bins):
        h = f.plot_h * b.count / peak
        x = f.left + i * slot + 2
        y = f.top + f.plot_h - h
        bars.append(
            {
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "width": f"{max(slot - 4, 1):.1f}",
                "height": f"{h:.1f}",
                "title": f"{points(round(b.low, 2))}–{points(round(b.high, 2))}: {b.count}",
            }
        )
        if b.count:
            labels.append({"x": f"{x + (slot - 4) / 2:.1f}", "y": f"{y - 4:.1f}", "count": b.count})
    return bars, labels


def _svg_ticks(f: _Frame, dist: Distribution) -> list[dict]:
    """Bin edges along the x axis."""
    bins = dist.bins
    slot = f.plot_w / len(bins)
    ticks = []
    for i in range(0, len(bins) + 1, max(1, len(bins) // 10)):
        edge = bins[i].low if i < len(bins) else bins[-1].high
        ticks.append({"x": f"{f.left + i * slot:.1f}", "y": f.top + f.plot_h + 16, "text": points(round(edge, 2))})
    return ticks


def _svg_markers(f: _Frame, dist: Distribution) -> list[dict]:
    """The mean and the median: dashed lines, named in a legend above the plot."""
    legend_x = f.left + f.plot_w - 190
    markers = []
    for k, (name, value, color) in enumerate((("mean", dist.mean, "#c0392b"), ("median", dist.median, "#2e7d4f"))):
        x = f.left + f.plot_w * min(max(value / dist.max_score, 0), 1)
        markers.append(
            {
                "label": f"{name} {value:.2f}",
                "color": color,
                "x": f"{x:.1f}",
                "top": f.top,
                "bottom": f.top + f.plot_h,
                "legend_x": legend_x + k * 100,
                "legend_x2": legend_x + k * 100 + 18,
                "text_x": legend_x + k * 100 + 22,
            }
        )
    return markers


def _cards(summary: AssignmentStats) -> list[tuple[str, str]]:
    """The summary cards, ``(label, value)``."""
    dist = summary.distribution
    cards = [
        ("submissions", str(summary.n)),
        ("mean score", f"{dist.mean:.2f} / {points(dist.max_score)}"),
        ("median score", f"{dist.median:g} / {points(dist.max_score)}"),
    ]
    cards += [(f"submissions {s}", str(n)) for s, n in summary.status_counts.items()]
    cards += [(f"checks {s}", str(n)) for s, n in summary.check_counts.items()]  # what the checks' statuses say
    return cards


def _rate_row(c: CheckStats) -> dict:
    rate = c.pass_rate
    return {
        "id": c.id,
        "points": points(c.max_points),
        "hidden": c.hidden,
        "level": "low" if rate < 0.5 else "mid" if rate < 0.8 else "high",
        "width": f"{rate * 100:.1f}",
        "rate": f"{rate:.0%}",
        "passed": f"{c.n_passed} / {c.n}",
        "failed": c.n_failed,
    }


def _pass_rates(summary: AssignmentStats, by_function: bool) -> list[dict]:
    """The pass-rate table's groups: one per graded function when ``by_function``, else one, unnamed."""
    if not by_function:
        return [{"function": "", "checks": [_rate_row(c) for c in summary.checks]}]
    groups = []
    for target in dict.fromkeys(c.target for c in summary.checks):
        mine = [c for c in summary.checks if c.target == target]
        groups.append(
            {
                "function": target,
                "count": len(mine),
                "points": points(sum(k.max_points for k in mine)),
                "checks": [_rate_row(c) for c in mine],
            }
        )
    return groups


def _item_analysis(summary: AssignmentStats, show_members: bool) -> list[dict]:
    """The checks someone failed, with their most common failure groups."""
    return [
        {
            "id": c.id,
            "hidden": c.hidden,
            "n": c.n,
            "n_failed": c.n_failed,
            "n_consequential": c.n_consequential,
            "hint": "" if c.hidden else c.hint,
            "groups": [
                {
                    "count": g.count,
                    "text": f"hint: {g.pattern}" if c.hidden and not g.consequential else g.pattern,
                    "members": ", ".join(g.members) if show_members else "",
                }
                for g in c.failures
            ],
            "others": c.n_groups - len(c.failures),
        }
        for c in summary.checks
        if c.n_failed
    ]


def _submission_rows(results: list[SubmissionResult], ids: list[str], pages: dict[str, str] | None) -> list[dict]:
    """The list of submissions: a link to each one's section, its review flags and its own page."""
    return [
        {
            "anchor": anchor,
            "name": r.submission,
            "flags": [(str(f), str(f).partition(":")[0]) for f in r.flags],
            "score": f"{points(r.score)} / {points(r.max_score)}",
            "status": r.status,
            "badge": badge("s", r.status),
            "missed": f"{sum(c.status != 'passed' for c in r.checks)} of {len(r.checks)}",
            "page": (pages or {}).get(r.submission, ""),
        }
        for r, anchor in zip(results, ids)
    ]


def _check_row(c, hidden: bool) -> dict:
    if hidden:  # the status and the hint only (an error stays an error, as in result.json)
        details = "" if c.status == "passed" else (f"Hint: {c.hint}" if c.hint else "(no hint)")
    else:
        details = explanation(c)
    return {
        "id": c.id,
        "hidden": hidden,
        "status": c.status,
        "badge": badge("r", c.status),
        "points": f"{points(c.points)} / {points(c.max_points)}",
        "details": details,
    }


def _sections(results: list[SubmissionResult], ids: list[str], hidden_ids: set[str]) -> list[dict]:
    """One section per submission, with every check."""
    return [
        {
            "anchor": anchor,
            "name": r.submission,
            "score": f"{points(r.score)} / {points(r.max_score)}",
            "status": r.status,
            "badge": badge("s", r.status),
            "notes": notes(r),
            "flags": [str(f) for f in r.flags],
            "checks": [_check_row(c, c.hidden or c.id in hidden_ids) for c in r.checks],
        }
        for r, anchor in zip(results, ids)
    ]


def render(
    summary: AssignmentStats,
    results: list[SubmissionResult],
    unreadable=(),
    *,
    source: str = "",
    pages: dict[str, str] | None = None,
    members: bool = False,
    by_function: bool = False,
) -> str:
    """The report's HTML.

    Args:
        summary: The assignment's statistics (:func:`autograder.reports.stats.summarize`).
        results: Its results, in the order of the page.
        unreadable: :class:`autograder.reports.Unreadable` files to list as skipped.
        source: The results folder's name, shown under the title.
        pages: Each submission's own page (a relative link), listed beside it.
        members: List who is in each failure group of the item analysis.
        by_function: Group the pass-rate table by graded function.

    Returns:
        A complete HTML document.
    """
    ids = anchors(results)
    dist = summary.distribution
    return render_page(
        "report.html",
        title=f"{summary.assignment}: grading report",
        n=summary.n,
        n_checks=len(summary.checks),
        source=source,
        cards=_cards(summary),
        svg=_histogram(dist, 720, 260),
        mean=f"{dist.mean:.2f}",
        median=f"{dist.median:g}",
        max_score=points(dist.max_score),
        rate_groups=_pass_rates(summary, by_function),
        items=_item_analysis(summary, members),
        submissions=_submission_rows(results, ids, pages),
        has_pages=bool(pages),
        unreadable=[(str(u.path), str(u.reason)) for u in unreadable],
        sections=_sections(results, ids, {c.id for c in summary.checks if c.hidden}),
    )
