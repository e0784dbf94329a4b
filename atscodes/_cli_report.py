"""``atscodes report``: a log's TLS and URL-loading failures as one self-contained page."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from typing import Final

from ._cli_common import PROG, Parser, UsageError

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "one self-contained HTML page (or Markdown, JSON) of a log's failures over time"

_EPILOG: Final = """\
The page is one file with nothing from outside (inline CSS and SVG, a Content-Security-
Policy that allows nothing else), readable with scripts blocked; its one small script
only adds filtering and search, kept in the URL fragment (#host=api.example.com&side=peer)
so a filtered view can be shared.  It shows the summary explain prints, the failed loads
per time bucket stacked by side at fault, a host x cause matrix, each cause explained
once (as explain does), and the events with their line numbers.

examples:
  atscodes report device.log                       writes atscodes-report.html
  atscodes report a.log b.log -o ticket-1234.html --title "Ticket 1234"
  log show --last 1h | atscodes report - -o -  > report.html
  atscodes report device.log --format md -o - >> issue.md
  atscodes report device.log --format json -o - | jq .totals
  atscodes report huge.log --max-events 200 --bucket 10m

--bucket: auto picks 1m, 10m, 1h or 1d from the log's span (at most 90 bars); a log
without times is charted in the order of its events, and the page says so.

exit status: 0 report written with failures in it, 1 written but no failure found,
2 usage error or a file that cannot be read (the others are still reported)
"""

_DEFAULT_NAME: Final = {
    "html": "atscodes-report.html",
    "md": "atscodes-report.md",
    "json": "atscodes-report.json",
}


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} report",
        description=(
            "Write one report of the TLS and URL-loading failures in logs: a self-contained "
            "HTML page by default, or Markdown, or the JSON data behind it."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a log file, or - for stdin")
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write (default atscodes-report.html, .md or .json; - for stdout)",
    )
    parser.add_argument(
        "--title", metavar="TEXT", help="the page's title (default: names the files)"
    )
    parser.add_argument(
        "--bucket",
        choices=("auto", "1m", "10m", "1h", "1d"),
        default="auto",
        help="the chart's bar width in time (default auto, from the log's span)",
    )
    parser.add_argument(
        "--format", choices=("html", "md", "json"), default="html", help="default html"
    )
    parser.add_argument(
        "--max-events",
        type=_positive,
        default=2000,
        metavar="N",
        help="list at most N events per cause; the rest are counted (default 2000)",
    )
    return parser


def _write(path: str, text: str) -> None:
    """Write *text* to *path* whole or not at all (a temporary file, then a rename); a
    path that is not a regular file (/dev/stdout, a FIFO) is written to as it is."""
    if os.path.exists(path) and not os.path.isfile(path):
        with open(path, "w", encoding="utf-8", errors="backslashreplace") as out:
            out.write(text)
        return
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".atscodes-report-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes report`` with *argv*; return the exit status."""
    args = _parser().parse_args(argv)
    from ._report import (
        Collector,
        read_log,
        render_html,
        render_json,
        render_markdown,
        spooled,
    )

    collector = Collector(args.max_events)
    failed = read = False
    for name in args.files:
        try:
            with spooled(name) as path:
                read_log(path, "stdin" if name == "-" else name, collector)
        except OSError as error:
            reason = error.strerror or str(error)
            sys.stderr.write(f"{PROG}: error: cannot read {name}: {reason}\n")
            failed = True
            continue
        read = True
    if not read:
        return 2
    report = collector.report(title=args.title, bucket=args.bucket)
    if args.format == "html":
        output = render_html(report)
    elif args.format == "md":
        output = render_markdown(report)
    else:
        output = json.dumps(render_json(report), indent=2, ensure_ascii=False) + "\n"
    path = args.output or _DEFAULT_NAME[args.format]
    if path == "-":
        sys.stdout.write(output)
        sys.stdout.flush()
    else:
        try:
            _write(path, output)
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
        sys.stderr.write(
            f"{PROG}: wrote {path}: {report.total} failed loads, {len(report.causes)} causes\n"
        )
    if failed:
        return 2
    return 0 if report.total else 1
