"""``atscodes explain``: a code, an error dump or a whole log, explained."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import BinaryIO, Final, TextIO

from ._cli_common import PROG, Parser, UsageError, positive_int
from ._explain import Event, Explanation, LogReport, explain, explain_log

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "the meaning, the side at fault, causes and next steps of a code or a log"

_EXPLAIN_EPILOG: Final = """\
What is explained: a code (-9802, errSSLPeerBadCert, "[3:-9813]", "-1200 [3:-9802]"),
a pasted NSError dump or log line (all its codes are the layers of one failure), or a
whole log: a FILE (a FIFO or <(...) too), or - for stdin (failures are grouped into one
event per load, counted per host and cause, and each cause is explained once, most
severe first).  The side at fault follows the evidence: a "read alert" line before
-9802 is the server refusing, a "write alert" or "ATS failed system trust" line is this
device refusing, -9802 alone is either side.

Every statement carries its sources; "(inference)" marks what no source says outright,
"(derived)" what is worked out from a definition rather than seen in a report.

examples:
  atscodes explain -9802
  atscodes explain "Task <1A>.<1> HTTP load failed (error code: -1202 [3:-9813])"
  atscodes explain device.log
  log show --last 1h | atscodes explain -
  log stream --style compact | atscodes explain --follow -
  atscodes explain --full -9802            everything, with the sources
  atscodes explain --json -1022 | jq .ats.exception
  atscodes explain --markdown -9836 >> issue.md

output: text wrapped to the terminal, one screen (at most 30 lines at 100 columns) unless
--full, colour only on a terminal (NO_COLOR turns it off); --json (keys: query, known,
layers, meaning, side, side_reason, evidence, alerts, time, hidden, causes, next_steps, ats,
os_notes, sources, host, alternatives, noise; a log gives event_count, events with line,
time, host, cause, side, alerts and codes, groups, summary, noise; side is peer, local,
either, transport, configuration or unknown) and --markdown are complete.

A log is read as a stream (memory grows with distinct causes and hosts, not with the log);
lines end with LF, CRLF or a lone CR.  Lines that say nothing (network_config_register_
boringssl_log_debug_updates, AuthenticationHandlerWithError: (null)) are named as noise.

exit status: 0 explained or recognised (a code with no recorded explanation prints its
meaning, and --json says known: false), 1 nothing recognised, 2 usage error or unreadable
file (missing, a directory, no permission)
"""


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} explain",
        description=(
            "Explain a code, an error dump or a whole log: the meaning, the side at fault, "
            "likely causes, next steps, App Transport Security advice, with sources."
        ),
        epilog=_EXPLAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="CODE|TEXT|FILE|-")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON")
    form.add_argument("--markdown", action="store_true", help="print Markdown")
    parser.add_argument(
        "--full",
        action="store_true",
        help="the complete report: all causes, what hides behind the code, OS notes, ATS "
        "details, sources (the default text fits one screen)",
    )
    parser.add_argument(
        "--follow",
        action="store_true",
        help="print each failure as soon as it is complete (log stream | atscodes explain "
        "--follow -); one JSON object per line with --json",
    )
    parser.add_argument("--width", type=positive_int, help="wrap text at this width")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: only on a terminal, and not with NO_COLOR)",
    )
    return parser


def _open_log(query: str) -> BinaryIO | None:
    """The log named by *query* ('-' is stdin), opened for reading; None if it names no path.

    Regular files, FIFOs and process substitution (``<(…)``, a ``/dev/fd/N`` path) are
    read like files.  A path that exists but cannot be read (a directory, no
    permission) is a usage error; so is a name that looks like a path but is missing.
    """
    if query == "-":
        return sys.stdin.buffer
    if "\n" in query or len(query) > 4096 or "\x00" in query:
        return None
    if not os.path.lexists(query):
        if _looks_like_path(query):
            raise UsageError(f"cannot read {query}: No such file or directory")
        return None
    if os.path.isdir(query):
        raise UsageError(f"cannot read {query}: Is a directory")
    try:
        return open(query, "rb")
    except OSError as error:
        raise UsageError(f"cannot read {query}: {error.strerror or error}") from None


def _looks_like_path(query: str) -> bool:
    """Whether a missing *query* was meant as a file (not a code or a pasted line)."""
    if " " in query.strip() or not query.strip():
        return False
    return "/" in query or query.endswith((".log", ".txt", ".json", ".ndjson", ".gz"))


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    if not args.query.strip():
        raise UsageError("nothing to explain: give a code, a log line, a file, or - for stdin")
    log = _open_log(args.query)
    if log is None:
        return _render(args, explain(args.query), out)
    try:
        if args.follow:
            return _follow(args, log, out)
        return _render(args, explain_log(log), out)
    finally:
        if log is not sys.stdin.buffer:
            log.close()


def _width(args: argparse.Namespace) -> int:
    return int(args.width or shutil.get_terminal_size((100, 24)).columns)


def _color(args: argparse.Namespace, out: TextIO) -> bool:
    return args.color == "always" or (
        args.color == "auto" and out.isatty() and "NO_COLOR" not in os.environ
    )


def _render(args: argparse.Namespace, result: Explanation | LogReport, out: TextIO) -> int:
    # A code atscodes knows but has no recorded explanation for still prints its meaning
    #   (`known` is false in --json): recognised, so not "nothing recognised".
    if isinstance(result, LogReport):
        known = bool(result.groups)
    else:
        known = bool(result.known or result.layers)
    if args.json:
        json.dump(result.to_json(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.markdown:
        out.write(result.to_markdown())
    else:
        out.write(result.to_text(_width(args), color=_color(args, out), full=args.full))
    return 0 if known else 1


def _follow(args: argparse.Namespace, log: BinaryIO, out: TextIO) -> int:
    """Print each event as soon as it is complete: one JSON line each with --json."""
    seen = 0

    def show(event: Event, explanation: Explanation) -> None:
        nonlocal seen
        seen += 1
        if args.json:
            out.write(json.dumps({**event.to_json(), "explanation": explanation.to_json()}))
            out.write("\n")
        elif args.markdown:
            out.write(explanation.to_markdown() + "\n")
        else:
            where = f"line {event.line_no}" + (f", {event.time}" if event.time else "")
            out.write(f"== {event.cause} ({where}) ==\n")
            out.write(explanation.to_text(_width(args), color=_color(args, out), full=args.full))
        out.flush()

    explain_log(log, on_event=show)
    return 0 if seen else 1


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run ``atscodes explain`` with *argv*; return the exit status."""
    return _explain(_parser().parse_args(argv), sys.stdout if out is None else out)
