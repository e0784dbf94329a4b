"""``atscodes report``: a log's TLS and URL-loading failures as one page, Markdown or JSON.

:func:`build` turns ``explain_log`` results into a :class:`Report`; :func:`render_html`,
:func:`render_markdown` and :func:`render_json` write it.  The explanation of each cause
is ``explain``'s own :class:`~atscodes.Explanation`, rendered part by part.
"""

from __future__ import annotations

from ._formats import render_json, render_markdown
from ._html import esc, explanation_html, render_html
from ._model import BUCKETS, SIDES, Axis, Bucket, Cause, Collector, Report, ReportEvent, build
from ._read import read_log, spooled

__all__ = [
    "BUCKETS",
    "SIDES",
    "Axis",
    "Bucket",
    "Cause",
    "Collector",
    "Report",
    "ReportEvent",
    "build",
    "esc",
    "explanation_html",
    "read_log",
    "render_html",
    "render_json",
    "render_markdown",
    "spooled",
]
