"""The report as Markdown (for an issue) and as JSON (the data behind the page)."""

from __future__ import annotations

import re
from typing import Any, Final

from ._html import clean
from ._model import NO_HOST, SIDES, Report

__all__ = ["render_json", "render_markdown"]

_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Log text safe in a Markdown table cell: no HTML, no emphasis, no pipes, one line."""
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(report: Report) -> str:
    """The same report as Markdown: summary, counts, chart data, matrix, causes, events."""
    out = [f"# {md(report.title)}", ""]
    files = ", ".join(f"{md(n)} ({k})" for n, k in report.files)
    out += [f"Made by atscodes report from {files}.", "", "## Summary", ""]
    out += [f"- {md(line)}" for line in report.summary] or ["No known error codes in this log."]
    hosts = [h for h, _ in report.hosts if h != NO_HOST]
    out += [
        "",
        f"**{report.total}** failed loads, **{len(hosts)}** hosts, "
        f"**{len(report.causes)}** causes; side at fault: "
        + ", ".join(f"{side} {n}" for side, n in report.sides if n),
    ]
    if not report.total:
        return "\n".join(out) + "\n"
    axis = report.axis
    out += ["", "## Failures over time", "", md(axis.note), ""]
    first = "time" if axis.kind == "time" else "failed loads (in order)"
    out += [f"| {first} | " + " | ".join(SIDES) + " | total |"]
    out += ["|---|" + "---:|" * (len(SIDES) + 1)]
    for bucket in axis.buckets:
        if bucket.total:
            when = bucket.start if axis.kind == "time" else bucket.label
            out.append(
                f"| {md(when)} | "
                + " | ".join(str(n) for n in bucket.counts)
                + f" | {bucket.total} |"
            )
    out += ["", "## Hosts × causes", ""]
    out.append(
        "| host | " + " | ".join(f"{md(c.key)} ({c.side})" for c in report.causes) + " | total |"
    )
    out.append("|---|" + "---:|" * (len(report.causes) + 1))
    for host, total in report.hosts:
        cells = " | ".join(str(report.matrix.get((host, c.anchor), "")) for c in report.causes)
        out.append(f"| {md(host)} | {cells} | {total} |")
    out += ["", "## Causes", ""]
    for cause in report.causes:
        out.append(cause.explanation.to_markdown().rstrip("\n"))
        out.append("")
    out += ["## Events", ""]
    for cause in report.causes:
        out += [f"### {md(cause.key)}, side {cause.side} ({cause.count})", ""]
        out += [
            "| line | time | host | codes | side | first log line |",
            "|---|---|---|---|---|---|",
        ]
        for e in cause.events:
            line = md(e.line) if e.line is not None else ""
            out.append(
                f"| {md(e.file)}:{e.line_no} | {md(e.time or '')} | {md(e.host or NO_HOST)} | "
                f"{md(', '.join((*e.codes, *e.alerts)))} | {e.side} | {line} |"
            )
        if cause.more:
            out += ["", f"{cause.more} more not listed (--max-events {report.max_events})."]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _host(host: str) -> str | None:
    """A host as explain's JSON writes it: None where the log names none."""
    return None if host == NO_HOST else host


def render_json(report: Report) -> dict[str, Any]:
    """The data behind the report, with stable keys (see the README)."""
    axis = report.axis
    by_anchor = {c.anchor: c for c in report.causes}
    return {
        "title": report.title,
        "files": [{"file": n, "events": k} for n, k in report.files],
        "summary": list(report.summary),
        "totals": {
            "events": report.total,
            "hosts": len([h for h, _ in report.hosts if h != NO_HOST]),
            "causes": len(report.causes),
            "sides": dict(report.sides),
        },
        "first_time": report.first_time,
        "last_time": report.last_time,
        "axis": {
            "kind": axis.kind,
            "bucket": axis.bucket,
            "zone": axis.zone,
            "note": axis.note,
            "untimed": axis.untimed,
            "buckets": [
                {
                    "start": b.start,
                    "end": b.end,
                    "label": b.label,
                    "counts": dict(zip(SIDES, b.counts)),
                    "total": b.total,
                }
                for b in axis.buckets
            ],
        },
        "matrix": [
            {
                "host": _host(host),
                "cause": by_anchor[anchor].key,
                "side": by_anchor[anchor].side,
                "count": count,
            }
            for (host, anchor), count in report.matrix.items()
        ],
        "causes": [
            {
                "cause": c.key,
                "id": c.anchor,
                "count": c.count,
                "side": c.side,
                "hosts": [{"host": _host(h), "count": n} for h, n in c.hosts],
                "listed": len(c.events),
                "more": c.more,
                "explanation": c.explanation.to_json(),
                "events": [
                    {
                        "file": e.file,
                        "line": e.line_no,
                        "time": e.time,
                        "host": e.host,
                        "side": e.side,
                        "codes": list(e.codes),
                        "alerts": list(e.alerts),
                        "text": e.line,
                    }
                    for e in c.events
                ],
            }
            for c in report.causes
        ],
        "max_events": report.max_events,
    }
