"""The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing fetched).

Sections: counts, the score distribution (an SVG histogram), pass rate per check, item analysis
(the most common failure messages per check, numbers masked), the list of submissions, files that
could not be read, and one section per submission (``id="sub-NAME"``) with every check. Public
checks that did not pass show their message (expected and received); hidden checks show only
pass/fail and their hint. Everything taken from the results is HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape

from autograder.model.results import SubmissionResult
from autograder.reports.wording import explanation, points

from .stats import AssignmentStats, Distribution

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #f5f6f8; color: #1d2330;
       font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d9dde5; }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.meta { color: #5b6475; margin: 0 0 16px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
a { color: #1f5fbf; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { background: #fff; border: 1px solid #d9dde5; border-radius: 8px; padding: 8px 12px; flex: 1 1 auto; min-width: 84px; }
.card .value { font-size: 20px; font-weight: 600; white-space: nowrap; }
.card .label { color: #5b6475; font-size: 13px; white-space: nowrap; }
.panel { background: #fff; border: 1px solid #d9dde5; border-radius: 8px; padding: 12px 16px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #d9dde5; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e6e9ef; vertical-align: top; }
th { background: #eef1f6; font-weight: 600; font-size: 13px; }
tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.details { white-space: pre-wrap; word-break: break-word; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.bar { position: relative; width: 160px; height: 14px; background: #e6e9ef; border-radius: 3px; display: inline-block;
       vertical-align: middle; margin-right: 8px; overflow: hidden; }
.bar span { position: absolute; left: 0; top: 0; bottom: 0; background: #3f8f5a; }
.bar.low span { background: #c0392b; }
.bar.mid span { background: #d68910; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
         color: #fff; background: #6c757d; vertical-align: middle; }
.s-ok, .r-passed { background: #2e7d4f; }
.s-timeout, .s-memory { background: #c77700; }
.s-crashed, .s-invalid, .r-failed { background: #c0392b; }
.r-error { background: #7b1f1f; }
.vis-hidden { color: #6a3fa0; font-weight: 600; }
ol.groups { margin: 4px 0 8px; padding-left: 22px; }
ol.groups li { margin: 3px 0; word-break: break-word; }
.count { display: inline-block; min-width: 36px; font-weight: 600; }
.more { color: #5b6475; font-size: 13px; }
p.hint { margin: 2px 0 2px 4px; color: #5b6475; font-size: 13px; }
section.submission { background: #fff; border: 1px solid #d9dde5; border-radius: 8px; padding: 4px 16px 12px; margin: 14px 0; }
section.submission h3 .score { color: #5b6475; font-weight: 400; margin-left: 8px; }
section.submission table { border: none; table-layout: fixed; }
table.checks col.c-id { width: 26%; }
table.checks td, table.pass-rates td code, ol.groups code { overflow-wrap: anywhere; }
table.checks col.c-vis { width: 9%; }
table.checks col.c-res { width: 9%; }
table.checks col.c-pts { width: 8%; }
.note { margin: 4px 0; color: #7a4a00; }
ul.problems { margin: 4px 0 8px; color: #7a4a00; }
div.flags { margin: 4px 0 8px; padding: 4px 8px; border-left: 4px solid #b00020; background: #fdecee; }
.back { font-size: 13px; }
svg text { font-family: system-ui, "DejaVu Sans", sans-serif; }
"""


def _e(text) -> str:
    return escape(str(text), quote=True)


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
    frame = _Frame(width, height)
    bins = dist.bins
    peak = max((b.count for b in bins), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="histogram" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="max-width:100%;height:auto" role="img" '
        f'aria-label="Histogram of {len(dist.scores)} scores">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    parts += _svg_grid(frame, peak)
    bars, labels = _svg_bars(frame, bins, peak)
    parts += bars + _svg_axis(frame, dist)
    if dist.scores and dist.max_score > 0:
        parts += _svg_markers(frame, dist)
    parts += labels  # drawn last, with a white halo, so that the mean and median lines do not hide them
    parts.append("</svg>")
    return "\n".join(parts)


class _Frame:
    """The plot area of the histogram inside its margins."""

    def __init__(self, width: int, height: int):
        self.left, self.right, self.top, self.bottom = 44, 16, 34, 44
        self.width, self.height = width, height
        self.plot_w, self.plot_h = width - self.left - self.right, height - self.top - self.bottom


def _svg_grid(f: _Frame, peak: int) -> list[str]:
    """Horizontal grid lines and count labels."""
    parts = []
    for k in range(5):
        value = peak * k / 4
        y = f.top + f.plot_h - f.plot_h * k / 4
        parts.append(f'<line x1="{f.left}" y1="{y:.1f}" x2="{f.left + f.plot_w}" y2="{y:.1f}" stroke="#e6e9ef"/>')
        if value == int(value) and (k == 0 or int(value) != int(peak * (k - 1) / 4)):
            parts.append(
                f'<text x="{f.left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#5b6475">{int(value)}</text>'
            )
    return parts


def _svg_bars(f: _Frame, bins, peak: int) -> tuple[list[str], list[str]]:
    """One bar per bin (its range and count in a tooltip), and the counts above the bars."""
    slot = f.plot_w / len(bins)
    bars, labels = [], []
    for i, b in enumerate(bins):
        h = f.plot_h * b.count / peak
        x = f.left + i * slot + 2
        y = f.top + f.plot_h - h
        label = f"{points(round(b.low, 2))}–{points(round(b.high, 2))}: {b.count}"
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(slot - 4, 1):.1f}" height="{h:.1f}" fill="#4a78c2">'
            f"<title>{_e(label)}</title></rect>"
        )
        if b.count:
            labels.append(
                f'<text x="{x + (slot - 4) / 2:.1f}" y="{y - 4:.1f}" font-size="11" text-anchor="middle" fill="#1d2330" '
                f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{b.count}</text>'
            )
    return bars, labels


def _svg_axis(f: _Frame, dist: Distribution) -> list[str]:
    """Bin edges along the x axis, the axis, and its title."""
    bins = dist.bins
    slot = f.plot_w / len(bins)
    parts = []
    for i in range(0, len(bins) + 1, max(1, len(bins) // 10)):
        x = f.left + i * slot
        edge = bins[i].low if i < len(bins) else bins[-1].high
        parts.append(
            f'<text x="{x:.1f}" y="{f.top + f.plot_h + 16}" font-size="11" text-anchor="middle" fill="#5b6475">'
            f"{points(round(edge, 2))}</text>"
        )
    bottom = f.top + f.plot_h
    parts.append(f'<line x1="{f.left}" y1="{bottom}" x2="{f.left + f.plot_w}" y2="{bottom}" stroke="#1d2330"/>')
    parts.append(
        f'<text x="{f.left + f.plot_w / 2:.1f}" y="{f.height - 6}" font-size="12" text-anchor="middle" fill="#1d2330">'
        f"score (points out of {points(dist.max_score)})</text>"
    )
    return parts


def _svg_markers(f: _Frame, dist: Distribution) -> list[str]:
    """The mean and the median: dashed lines, named in a legend above the plot."""
    parts = []
    legend_x = f.left + f.plot_w - 190
    for k, (name, value, color) in enumerate((("mean", dist.mean, "#c0392b"), ("median", dist.median, "#2e7d4f"))):
        x = f.left + f.plot_w * min(max(value / dist.max_score, 0), 1)
        parts.append(
            f'<line x1="{x:.1f}" y1="{f.top}" x2="{x:.1f}" y2="{f.top + f.plot_h}" stroke="{color}" stroke-width="2" '
            f'stroke-dasharray="5 3"><title>{name} {value:.2f}</title></line>'
        )
        lx = legend_x + k * 100
        parts.append(
            f'<line x1="{lx}" y1="10" x2="{lx + 18}" y2="10" stroke="{color}" stroke-width="2" stroke-dasharray="5 3"/>'
        )
        parts.append(f'<text x="{lx + 22}" y="14" font-size="11" fill="{color}">{name} {value:.2f}</text>')
    return parts


def _bar(rate: float) -> str:
    level = "low" if rate < 0.5 else "mid" if rate < 0.8 else "high"
    return f'<span class="bar {level}"><span style="width:{rate * 100:.1f}%"></span></span>'


def _cards(summary: AssignmentStats) -> str:
    dist = summary.distribution
    cards = [
        ("submissions", str(summary.n)),
        ("mean score", f"{dist.mean:.2f} / {points(dist.max_score)}"),
        ("median score", f"{dist.median:g} / {points(dist.max_score)}"),
    ]
    cards += [(f"submissions {s}", str(n)) for s, n in summary.status_counts.items()]
    cards += [(f"checks {s}", str(n)) for s, n in summary.check_counts.items()]  # what the checks' statuses say
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><div class="value">{_e(v)}</div><div class="label">{_e(k)}</div></div>'
            for k, v in cards
        )
        + "</div>"
    )


def _pass_rates(summary: AssignmentStats, by_function: bool = False) -> str:
    rows = [
        '<table class="pass-rates"><thead><tr><th>check</th><th class="num">points</th><th>visibility</th>'
        '<th>pass rate</th><th class="num">passed</th><th class="num">not passed</th></tr></thead><tbody>'
    ]
    order = list(summary.checks)
    if by_function:  # checks of one function together, under a row for the function
        targets = list(dict.fromkeys(c.target for c in order))
        order = [c for t in targets for c in order if c.target == t]
    current = None
    for c in order:
        if by_function and c.target != current:
            current = c.target
            mine = [k for k in order if k.target == current]
            rows.append(
                f'<tr class="function"><th colspan="6"><code>{_e(current)}</code>: {len(mine)} check(s), '
                f"{points(sum(k.max_points for k in mine))} point(s)</th></tr>"
            )
        vis = '<span class="vis-hidden">hidden</span>' if c.hidden else "public"
        rows.append(
            f'<tr><td><code>{_e(c.id)}</code></td><td class="num">{points(c.max_points)}</td><td>{vis}</td>'
            f'<td class="num" style="text-align:left">{_bar(c.pass_rate)}{c.pass_rate:.0%}</td>'
            f'<td class="num">{c.n_passed} / {c.n}</td><td class="num">{c.n_failed}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _item_analysis(summary: AssignmentStats, show_members: bool = False) -> str:
    failing = [c for c in summary.checks if c.n_failed]
    if not failing:
        return '<p class="panel">Every submission passed every check.</p>'
    parts = [
        '<p class="meta">The most common ways each check was failed. Numbers in messages are masked as '
        "<code>#</code> so that the same mistake on different values is counted once, and the check's hint "
        "is shown once above them; hidden checks are grouped by their hint.</p>"
    ]
    for c in failing:
        vis = ' <span class="vis-hidden">(hidden)</span>' if c.hidden else ""
        parts.append(
            f'<div class="item"><h3><code>{_e(c.id)}</code>{vis} '
            f'<span class="more">{c.n_failed} of {c.n} not passed</span></h3>'
        )
        if c.hint and not c.hidden:
            parts.append(f'<p class="hint">Hint: {_e(c.hint)}</p>')
        parts.append('<ol class="groups">')
        for g in c.failures:
            text = f"hint: {g.pattern}" if c.hidden else g.pattern
            who = f'<br><span class="more">{_e(", ".join(g.members))}</span>' if show_members and g.members else ""
            parts.append(f'<li><span class="count">{g.count}×</span> <code>{_e(text)}</code>{who}</li>')
        parts.append("</ol>")
        if c.n_groups > len(c.failures):
            parts.append(f'<p class="more">and {c.n_groups - len(c.failures)} other kind(s) of failure</p>')
        parts.append("</div>")
    return "\n".join(parts)


def _submission_list(results: list[SubmissionResult], ids: list[str], pages: dict[str, str] | None = None) -> str:
    rows = [
        '<table class="submissions"><thead><tr><th>submission</th><th class="num">score</th><th>status</th>'
        '<th class="num">not passed</th>' + ("<th>own page</th>" if pages else "") + "</tr></thead><tbody>"
    ]
    for r, anchor in zip(results, ids):
        missed = sum(c.status != "passed" for c in r.checks)
        review = "".join(
            f' <span class="badge s-invalid" title="{_e(f)}">review: {_e(f.partition(":")[0])}</span>' for f in r.flags
        )
        page = (
            f'<td><a href="{_e(pages[r.submission])}">{_e(pages[r.submission])}</a></td>'
            if pages and r.submission in pages
            else ("<td></td>" if pages else "")
        )
        rows.append(
            f'<tr><td><a href="#{anchor}">{_e(r.submission)}</a>{review}</td>'
            f'<td class="num">{points(r.score)} / {points(r.max_score)}</td>'
            f'<td><span class="badge s-{_e(r.status)}">{_e(r.status)}</span></td>'
            f'<td class="num">{missed} of {len(r.checks)}</td>{page}</tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _unreadable(unreadable) -> str:
    if not unreadable:
        return ""
    items = "".join(f"<li><code>{_e(u.path)}</code>: {_e(u.reason)}</li>" for u in unreadable)
    return (
        f'<section id="unreadable"><h2>Unreadable results</h2><p class="meta">{len(unreadable)} result.json '
        f"file(s) could not be read and were skipped:</p><ul>{items}</ul></section>"
    )


def _check_row(c, hidden: bool) -> str:
    if hidden:
        shown = c.status  # hidden: the status and the hint only (an error stays an error, as in result.json)
        details = "" if c.status == "passed" else (f"Hint: {c.hint}" if c.hint else "(no hint)")
        vis = '<span class="vis-hidden">hidden</span>'
    else:
        shown = c.status
        details = explanation(c)
        vis = "public"
    return (
        f"<tr><td><code>{_e(c.id)}</code></td><td>{vis}</td>"
        f'<td><span class="badge r-{_e(shown)}">{_e(shown)}</span></td>'
        f'<td class="num">{points(c.points)} / {points(c.max_points)}</td><td class="details">{_e(details)}</td></tr>'
    )


def _submission_section(r: SubmissionResult, anchor: str, hidden_ids: set[str]) -> str:
    parts = [
        f'<section class="submission" id="{anchor}"><h3>{_e(r.submission)}'
        f'<span class="score">{points(r.score)} / {points(r.max_score)}</span> '
        f'<span class="badge s-{_e(r.status)}">{_e(r.status)}</span></h3>'
    ]
    if r.message:
        parts.append(f'<p class="note">{_e(r.message)}</p>')
    if r.problems:
        parts.append('<ul class="problems">' + "".join(f"<li>{_e(p)}</li>" for p in r.problems) + "</ul>")
    if r.flags:
        parts.append(
            '<div class="flags"><strong>Review:</strong><ul>'
            + "".join(f"<li>{_e(f)}</li>" for f in r.flags)
            + "</ul></div>"
        )
    if r.checks:
        parts.append(
            '<table class="checks"><colgroup><col class="c-id"><col class="c-vis"><col class="c-res">'
            '<col class="c-pts"><col></colgroup><thead><tr><th>check</th><th>visibility</th><th>result</th>'
            '<th class="num">points</th><th>details</th></tr></thead><tbody>'
        )
        parts += [_check_row(c, c.hidden or c.id in hidden_ids) for c in r.checks]
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="meta">No checks were graded.</p>')
    parts.append('<p class="back"><a href="#submissions">back to the list of submissions</a></p></section>')
    return "\n".join(parts)


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
    hidden_ids = {c.id for c in summary.checks if c.hidden}
    title = f"{summary.assignment}: grading report"
    origin = f" from <code>{_e(source)}</code>" if source else ""
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{summary.n} submission(s){origin}, {len(summary.checks)} check(s).</p>',
        _cards(summary),
        '<section id="distribution"><h2>Score distribution</h2><div class="panel">',
        histogram_svg(summary.distribution),
        f'<p class="meta">Mean {summary.distribution.mean:.2f}, median {summary.distribution.median:g} '
        f"out of {points(summary.distribution.max_score)} points.</p></div></section>",
        '<section id="checks"><h2>Pass rate per check</h2>',
        _pass_rates(summary, by_function),
        "</section>",
        '<section id="items"><h2>Item analysis</h2>',
        _item_analysis(summary, members),
        "</section>",
        '<section id="submissions"><h2>Submissions</h2>',
        _submission_list(results, ids, pages),
        "</section>",
        _unreadable(unreadable),
        '<section id="details"><h2>Per submission</h2>',
        *(_submission_section(r, a, hidden_ids) for r, a in zip(results, ids)),
        "</section>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(b for b in body if b)
        + "\n</main>\n</body>\n</html>\n"
    )
