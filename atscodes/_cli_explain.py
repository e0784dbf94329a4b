"""``atscodes explain``: a code, an error dump or a whole log, explained."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import Final, TextIO

from ._cli_common import PROG, Parser, UsageError, positive_int
from ._explain import explain, explain_log

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "the meaning, the side at fault, causes and next steps of a code or a log"

_EXPLAIN_EPILOG: Final = """\
What is explained: a code (-9802, errSSLPeerBadCert, "[3:-9813]", "-1200 [3:-9802]"),
a pasted NSError dump or log line (all its codes are the layers of one failure), or a
whole log: a FILE, or - for stdin (failures are grouped, counted per host and cause,
and each cause is explained once, most severe first).

Every statement carries its sources; "(inference)" marks what no source says outright.

examples:
  atscodes explain -9802
  atscodes explain "Task <1A>.<1> HTTP load failed (error code: -1202 [3:-9813])"
  atscodes explain device.log
  log show --last 1h | atscodes explain -
  atscodes explain --json -1022 | jq .ats.exception
  atscodes explain --markdown -9836 >> issue.md

output: text wrapped to the terminal, colour only on a terminal (NO_COLOR turns it off),
--json (keys: query, known, layers, meaning, side, side_reason, hidden, causes, next_steps,
ats, os_notes, sources, host; side is peer, local, transport, configuration or unknown),
--markdown for issues and pull requests.

exit status: 0 explained, 1 nothing recognised, 2 usage error or unreadable file
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
    parser.add_argument("--width", type=positive_int, help="wrap text at this width")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: only on a terminal, and not with NO_COLOR)",
    )
    return parser


def _read_log(query: str) -> str | None:
    """The text of a log named by *query* ('-' is stdin), or None if it names no file."""
    if query == "-":
        return sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    if "\n" in query or len(query) > 4096 or not os.path.isfile(query):
        return None
    try:
        with open(query, "rb") as handle:
            return handle.read().decode("utf-8", "surrogateescape")
    except OSError as error:
        raise UsageError(f"cannot read {query}: {error.strerror}") from None


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    log = _read_log(args.query)
    result = explain_log(log) if log is not None else explain(args.query)
    known = bool(result.groups) if hasattr(result, "groups") else bool(result.known)
    if args.json:
        json.dump(result.to_json(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.markdown:
        out.write(result.to_markdown())
    else:
        width = args.width or shutil.get_terminal_size((100, 24)).columns
        color = args.color == "always" or (
            args.color == "auto" and out.isatty() and "NO_COLOR" not in os.environ
        )
        out.write(result.to_text(width, color=color))
    return 0 if known else 1


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run ``atscodes explain`` with *argv*; return the exit status."""
    return _explain(_parser().parse_args(argv), sys.stdout if out is None else out)
