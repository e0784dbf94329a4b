"""The report as one self-contained HTML page: inline CSS and SVG, one hashed script.

Every piece of text that comes from a log (lines, hosts, file names, the title) goes
through :func:`esc`, in element content and in attribute values alike; no log text is
ever put into the script or into a URL other than a fragment (percent-encoded).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final
from urllib.parse import quote, urlencode

from .._explain import NO_HOST, Explanation, _marks, _Text
from .._knowledge_types import Claim, Source, Step
from . import _assets
from ._model import LINE_LIMIT, SIDES, Axis, Report, ReportEvent

__all__ = ["esc", "explanation_html", "render_html"]

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_WEB: Final = re.compile(r"https?://[^\s\"'<>]+\Z")


def _visible(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """*text* with control characters, lone surrogates and line separators made visible."""
    return _CONTROL.sub(_visible, text)


def esc(text: str) -> str:
    """*text* safe in HTML element content and in double- or single-quoted attributes."""
    return html.escape(clean(text), quote=True)


def _link(source: Source) -> str:
    title = esc(source.title)
    if _WEB.match(source.url):
        return f'<a href="{esc(source.url)}" rel="noreferrer noopener">{title}</a>'
    return f"{title} ({esc(source.url)})"


def _refs(sources: Sequence[Source]) -> str:
    links = ", ".join(_link(s) for s in sources)
    return f" <small>[{links}]</small>" if links else ""


def _claim(claim: Claim | Step) -> str:
    marks = _marks(claim)
    mark = f" <em>{esc(marks.strip())}</em>" if marks else ""
    return f"<li>{esc(claim.text)}{mark}{_refs(claim.sources)}"


def _commands(e: Explanation) -> list[str]:
    """The commands explain's text puts first under "Next steps" (its own code picks them)."""
    return [line.strip()[2:] for line in _Text(100, False, True)._commands(e)]


def _chain(e: Explanation) -> list[str]:
    if not e.layers:
        return []
    chain = " &gt; ".join(
        f"<code>{lay.code} {esc(lay.name or 'unknown')}</code>" for lay in e.layers
    )
    out = [
        f"<p><strong>What failed:</strong> {chain}</p>",
        '<div class="scroll"><table class="layers">',
        "<tr><th>family</th><th>code</th><th>name</th><th>meaning</th></tr>",
    ]
    for layer in e.layers:
        out.append(
            f"<tr><td>{esc(layer.family or layer.domain or '')}</td>"
            f'<td class="n mono">{layer.code}</td>'
            f"<td><code>{esc(layer.name or 'unknown')}</code></td>"
            f"<td>{esc(layer.description)}</td></tr>"
        )
    out.append("</table></div>")
    return out


def explanation_html(e: Explanation, depth: int = 0) -> str:
    """One explanation as HTML: the parts ``explain --full`` prints, in the same order."""
    out = _chain(e)
    where = []
    if e.from_text or e.host:
        where.append(f"<strong>Host:</strong> {esc(e.host) if e.host else esc(NO_HOST)}")
    if e.time:
        where.append(f"<strong>Time:</strong> {esc(e.time)}")
    if where:
        out.append("<p>" + " · ".join(where) + "</p>")
    out.append(f"<p><strong>Meaning:</strong> {esc(e.meaning)}</p>")
    out.append(
        f'<p><strong>Side at fault:</strong> <span class="key k-{e.side.value}"></span>'
        f"<strong>{e.side.value}</strong> — {esc(e.side_reason)}{_refs(e.side_sources)}</p>"
    )
    if e.evidence:
        out.append("<h4>Evidence</h4><ul>")
        out.extend(f"<li><code>{esc(line)}</code></li>" for line in e.evidence)
        out.append("</ul>")
    sections: list[tuple[str, Sequence[Claim], str]] = [
        ("What can hide behind it", e.hidden, "ul"),
        ("Likely causes, most likely first", e.causes, "ol"),
        ("OS versions", e.os_notes, "ul"),
    ]
    for title, claims, tag in sections:
        if claims:
            out.append(f"<h4>{title}</h4><{tag}>")
            out.extend(_claim(c) + "</li>" for c in claims)
            out.append(f"</{tag}>")
    commands = _commands(e)
    if e.next_steps or commands:
        out.append("<h4>Next steps</h4><ul>")
        out.extend(f"<li><pre><code>$ {esc(c)}</code></pre></li>" for c in commands)
        for step in e.next_steps:
            item = _claim(step)
            if step.command:
                item += f"<pre><code>$ {esc(step.command)}</code></pre>"
            out.append(item + "</li>")
        out.append("</ul>")
    if e.ats is not None:
        out.append("<h4>App Transport Security</h4>")
        out.append(f"<p>{esc(e.ats.requirement)}{_refs(e.ats.sources)}</p>")
        out.append("<p>Narrowest exception (Info.plist):</p>")
        out.append(f'<pre class="plist"><code>{esc(e.ats.exception)}</code></pre>')
        out.append(f"<p>Cost: {esc(e.ats.cost)}</p>")
        if e.ats.needs_justification:
            out.append("<p>This exception needs a justification in App Store review.</p>")
    if depth < 2:
        for alt in e.alternatives:
            first = alt.layers[0] if alt.layers else None
            title = (
                f"{first.family} {first.code} {first.name}"
                if first is not None
                else "another reading"
            )
            out.append(
                f"<h4>Or another reading: {esc(title)} (the number alone does not say which)</h4>"
            )
            out.append(explanation_html(alt, depth + 1))
    if e.noise:
        noise = ", ".join(f"<code>{esc(t)}</code> ({n})" for t, n in e.noise)
        out.append(f"<p><strong>Noise</strong> (no information about the failure): {noise}</p>")
    if e.sources and depth == 0:
        out.append("<h4>Sources</h4><ul>")
        out.extend(f"<li>{_link(s)}</li>" for s in e.sources)
        out.append("</ul>")
    return "\n".join(out)


def _filter_link(text: str, target: str, **state: str) -> str:
    query = urlencode(state, quote_via=quote)
    return f'<a href="#{esc(target)}" data-filter="{esc(query)}">{text}</a>'


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# ---------------------------------------------------------------- chart

_W: Final = 860
_H: Final = 300
_LEFT: Final = 48
_RIGHT: Final = 12
_TOP: Final = 34
_BOTTOM: Final = 58


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 5:
            return step
    return int(10 ** len(str(top // 5)))


def chart_svg(axis: Axis) -> str:
    """The failed loads per bucket, stacked by side, with axes, ticks and a legend."""
    buckets = axis.buckets
    count = max(1, len(buckets))
    top = max([b.total for b in buckets] + [1])
    step = _nice_step(top)
    top = -(-top // step) * step
    plot_w = _W - _LEFT - _RIGHT
    plot_h = _H - _TOP - _BOTTOM
    bar_w = plot_w / count
    gap = min(2.0, bar_w * 0.15)
    what = "time" if axis.kind == "time" else "event order"
    out = [
        f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">Failed loads over {what}, stacked by side at fault</title>',
    ]
    # legend
    x = float(_LEFT)
    for side in SIDES:
        light, _ = _assets.colours(side)
        out.append(
            f'<rect class="s-{side}" x="{x}" y="8" width="12" height="12" fill="{light}"/>'
            f'<text x="{x + 16}" y="18">{side}</text>'
        )
        x += 22 + 8 * len(side) + 16
    # y axis and grid
    for value in range(0, top + 1, step):
        y = _TOP + plot_h - plot_h * value / top
        out.append(
            f'<line class="grid" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d1d9e0"/>'
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    out.append(
        f'<text x="12" y="{_TOP + plot_h / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 12 {_TOP + plot_h / 2:.0f})">failed loads</text>'
    )
    # bars: one group per bucket, a rect per side that has loads
    for index, bucket in enumerate(buckets):
        x0 = _LEFT + index * bar_w + gap / 2
        parts = ", ".join(f"{side} {n}" for side, n in zip(SIDES, bucket.counts) if n)
        when = (
            f"{bucket.day} {bucket.label}"
            if axis.kind == "time" and axis.bucket != "1d"
            else bucket.label
        )
        label = f"{when}: {_plural(bucket.total, 'failed load')}" + (f" ({parts})" if parts else "")
        out.append(
            f'<g class="bucket" data-start="{esc(bucket.start)}"><title>{esc(label)}</title>'
        )
        y = float(_TOP + plot_h)
        for side, n in zip(SIDES, bucket.counts):
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            light, _ = _assets.colours(side)
            out.append(
                f'<rect class="s-{side}" x="{x0:.2f}" y="{y:.2f}" width="{bar_w - gap:.2f}" '
                f'height="{h:.2f}" fill="{light}"/>'
            )
        out.append("</g>")
    # x axis and ticks
    base = _TOP + plot_h
    out.append(
        f'<line class="axis" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{base}" y2="{base}" '
        f'stroke="#59636e"/>'
        f'<line class="axis" x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{base}" stroke="#59636e"/>'
    )
    every = max(1, -(-len(buckets) // 8))
    last_day = ""
    for index in range(0, len(buckets), every):
        bucket = buckets[index]
        x = _LEFT + index * bar_w + bar_w / 2
        out.append(
            f'<line class="axis" x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 5}" '
            f'stroke="#59636e"/><text x="{x:.1f}" y="{base + 18}" '
            f'text-anchor="middle">{esc(bucket.label)}</text>'
        )
        if bucket.day and bucket.day != last_day and axis.bucket != "1d":
            out.append(
                f'<text x="{x:.1f}" y="{base + 32}" text-anchor="middle">{esc(bucket.day)}</text>'
            )
            last_day = bucket.day
    if axis.kind == "time":
        zone = f"UTC{axis.zone}" if axis.zone else "log's own clock"
        caption = f"time ({zone}), one bar per {axis.bucket}"
    else:
        caption = "failed loads in the order of the log (no times in it)"
    out.append(
        f'<text x="{_LEFT + plot_w / 2:.0f}" y="{_H - 6}" text-anchor="middle">{caption}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)


def _chart_table(axis: Axis) -> str:
    rows = [b for b in axis.buckets if b.total]
    head = "".join(f"<th>{side}</th>" for side in SIDES)
    first = "time" if axis.kind == "time" else "failed loads (in order)"
    out = [
        "<details><summary>The chart as a table (bars with failed loads)</summary>",
        f'<div class="scroll"><table><tr><th>{first}</th>{head}<th>total</th></tr>',
    ]
    for b in rows:
        when = b.start if axis.kind == "time" else b.label
        cells = "".join(f'<td class="n">{n}</td>' for n in b.counts)
        out.append(f'<tr><td class="mono">{esc(when)}</td>{cells}<td class="n">{b.total}</td></tr>')
    out.append("</table></div></details>")
    return "\n".join(out)


# ---------------------------------------------------------------- page


def _event_row(event: ReportEvent, file_index: int) -> str:
    anchor = f"L{file_index}-{event.line_no}"
    line = event.line
    if line is None:
        shown = "<span class=meta>(not kept)</span>"
    else:
        cut = len(line) > LINE_LIMIT
        shown = f"<code>{esc(line[:LINE_LIMIT])}</code>" + (" … (cut)" if cut else "")
    host = event.host or NO_HOST
    return (
        f'<tr id="{anchor}" data-host="{esc(host)}" data-cause="{esc(event.cause)}" '
        f'data-side="{event.side}">'
        f'<td class="mono" data-label="line"><a href="#{anchor}">{esc(event.file)}:'
        f"{event.line_no}</a></td>"
        f'<td class="mono" data-label="time">{_when(event.time)}</td>'
        f'<td data-label="host">{esc(host)}</td>'
        f'<td class="mono" data-label="codes">'
        f"{'<br>'.join(esc(c) for c in (*event.codes, *event.alerts))}</td>"
        f'<td data-label="side"><span class="key k-{event.side}"></span>{event.side}</td>'
        f'<td class="log" data-label="first log line">{shown}</td></tr>'
    )


def _when(time: str | None) -> str:
    """A time as the table shows it: date and time of day; the whole ISO 8601 in datetime."""
    if time is None:
        return ""
    short = re.sub(r"(\d{2}:\d{2}:\d{2})(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?$", r"\1", time)
    short = short.replace("T", " ", 1)
    return f'<time datetime="{esc(time)}">{esc(short)}</time>'


def _cards(report: Report) -> str:
    total = report.total
    out = ['<ul class="cards">']
    out.append(f"<li><b>{total}</b>failed loads</li>")
    real_hosts = [h for h, _ in report.hosts if h != NO_HOST]
    out.append(f"<li><b>{len(real_hosts)}</b>hosts</li>")
    out.append(f"<li><b>{len(report.causes)}</b>causes</li>")
    for side, n in report.sides:
        if n:
            share = round(100 * n / total) if total else 0
            out.append(
                f'<li><b>{share} %</b><span class="key k-{side}"></span>side at fault: '
                f"{side} ({n})</li>"
            )
    out.append("</ul>")
    return "\n".join(out)


#: The matrix shows at most this many hosts (rows) and causes (columns); the rest are
#: summed in one more row or column, so a log with 10,000 hosts stays a page.
MATRIX_HOSTS: Final = 200
MATRIX_CAUSES: Final = 40


def _matrix(report: Report) -> str:
    if not report.causes:
        return ""
    causes = report.causes[:MATRIX_CAUSES]
    other_causes = report.causes[MATRIX_CAUSES:]
    hosts = report.hosts[:MATRIX_HOSTS]
    other_hosts = report.hosts[MATRIX_HOSTS:]
    out = [
        '<h2 id="matrix">Hosts × causes</h2>',
        "<p>Failed loads per host and cause; each count links to its events.</p>",
        '<div class="scroll"><table><tr><th>host</th>',
    ]
    out.extend(
        f'<th><a href="#{c.anchor}">{esc(c.key)}</a><br><small>{c.side}</small></th>'
        for c in causes
    )
    if other_causes:
        out.append(f"<th>{len(other_causes)} more causes</th>")
    out.append("<th>total</th></tr>")
    for host, total in hosts:
        out.append(f"<tr><td>{esc(host)}</td>")
        for cause in causes:
            n = report.matrix.get((host, cause.anchor), 0)
            state = {"host": host, "cause": cause.key, "side": cause.side}
            cell = _filter_link(str(n), f"ev-{cause.anchor}", **state) if n else ""
            out.append(f'<td class="n">{cell}</td>')
        if other_causes:
            rest = sum(report.matrix.get((host, c.anchor), 0) for c in other_causes)
            out.append(f'<td class="n">{rest or ""}</td>')
        out.append(f'<td class="n">{_filter_link(str(total), "events", host=host)}</td></tr>')
    # Hosts past the first MATRIX_HOSTS, and those explain counted without naming them
    # (it names at most 1,000 per cause): what the rows above leave of each total.
    shown = {h for h, _ in hosts}
    leftover = [
        c.count - sum(n for (h, a), n in report.matrix.items() if a == c.anchor and h in shown)
        for c in causes
    ]
    rest_total = report.total - sum(n for _, n in hosts)
    if rest_total > 0:
        label = f"{len(other_hosts)} more hosts" if other_hosts else "other hosts"
        if sum(n for _, n in other_hosts) < rest_total:
            label += " (not all named one by one)"
        out.append(f"<tr><td>{label}</td>")
        out.extend(f'<td class="n">{n or ""}</td>' for n in leftover)
        if other_causes:
            out.append("<td></td>")
        out.append(f'<td class="n">{rest_total}</td></tr>')
    out.append("<tr><th>total</th>")
    out.extend(
        f'<td class="n">{_filter_link(str(c.count), f"ev-{c.anchor}", cause=c.key, side=c.side)}'
        "</td>"
        for c in causes
    )
    if other_causes:
        out.append(f'<td class="n">{sum(c.count for c in other_causes)}</td>')
    out.append(f'<td class="n">{report.total}</td></tr></table></div>')
    return "\n".join(out)


def _filter_form(report: Report) -> str:
    hosts = "".join(f'<option value="{esc(h)}">{esc(h)}</option>' for h, _ in report.hosts)
    keys = dict.fromkeys(c.key for c in report.causes)
    causes = "".join(f'<option value="{esc(k)}">{esc(k)}</option>' for k in keys)
    sides = "".join(f'<option value="{s}">{s}</option>' for s, n in report.sides if n)
    return (
        '<form id="filter" hidden>'
        f'<label>host<select name="host"><option value="">all</option>{hosts}</select></label>'
        f'<label>cause<select name="cause"><option value="">all</option>{causes}</select></label>'
        f'<label>side<select name="side"><option value="">all</option>{sides}</select></label>'
        '<label>search<input name="q" type="search" placeholder="text in the row"></label>'
        '<button type="button" name="clear">clear</button>'
        '<output id="shown"></output></form>'
    )


def render_html(report: Report) -> str:
    """The whole page."""
    files = {name: index for index, (name, _) in enumerate(report.files)}
    title = esc(report.title)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_assets.CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{title}</title>",
        f"<style>{_assets.STYLE}</style>",
        "</head><body>",
        f"<header><h1>{title}</h1>",
    ]
    inputs = ", ".join(f"{esc(n)} ({_plural(k, 'failed load')})" for n, k in report.files)
    span = ""
    if report.first_time and report.last_time:
        span = f"; from {esc(report.first_time)} to {esc(report.last_time)}"
    out.append(f'<p class="meta">Made by atscodes report from {inputs}{span}.</p></header>')
    out.append('<main><h2 id="summary">Summary</h2>')
    if report.summary:
        out.append("<ul>" + "".join(f"<li>{esc(s)}</li>" for s in report.summary) + "</ul>")
    else:
        out.append("<p>No known TLS or URL-loading error codes in this log.</p>")
    out.append(_cards(report))
    if report.total:
        out.append('<h2 id="chart">Failures over time</h2>')
        out.append(f"<p>{esc(report.axis.note)}</p>")
        out.append(f'<div class="scroll">{chart_svg(report.axis)}</div>')
        out.append(_chart_table(report.axis))
    out.append(_matrix(report))
    if report.causes:
        out.append('<h2 id="causes">Causes</h2>')
    for cause in report.causes:
        hosts = ", ".join(f"{esc(h)} ({n})" for h, n in cause.hosts[:20])
        if len(cause.hosts) > 20:
            hosts += f" and {len(cause.hosts) - 20} more"
        out.append(
            f'<details class="cause" id="{cause.anchor}" open><summary>'
            f"<code>{esc(cause.key)}</code> — {_plural(cause.count, 'failed load')} — "
            f'side at fault: <span class="key k-{cause.side}"></span>{cause.side}</summary>'
        )
        out.append(f'<p>Hosts: {hosts}. <a href="#ev-{cause.anchor}">Its events</a>.</p>')
        out.append(explanation_html(cause.explanation))
        out.append("</details>")
    if report.causes:
        out.append('<h2 id="events">Events</h2>')
        out.append(
            f"<p>Each failed load with its first log line; the line numbers are those of "
            f"the input file. Up to {report.max_events} are listed per cause.</p>"
        )
        out.append(_filter_form(report))
    head = (
        "<tr><th>line</th><th>time</th><th>host</th><th>codes</th><th>side</th>"
        "<th>first log line</th></tr>"
    )
    for cause in report.causes:
        out.append(
            f'<section class="events" id="ev-{cause.anchor}"><h3><code>{esc(cause.key)}</code> '
            f"({_plural(cause.count, 'failed load')})</h3>"
        )
        out.append(f'<div class="scroll"><table class="ev">{head}')
        out.extend(_event_row(e, files.get(e.file, 0)) for e in cause.events)
        out.append("</table></div>")
        if cause.more:
            out.append(
                f"<p><strong>{cause.more} more</strong> failed loads of this cause are counted "
                f"above but not listed (--max-events {report.max_events}).</p>"
            )
        out.append("</section>")
    out.append("</main>")
    out.append(f"<script>{_assets.SCRIPT}</script>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
