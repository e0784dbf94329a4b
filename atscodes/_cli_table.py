"""``atscodes table``: whole code tables, as text or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, Final, TextIO

from ._alerts import TLSAlert
from ._base import Code
from ._cli_common import PROG, Parser, UsageError, write_json
from ._lookup import _families
from ._sslstatus import SSLStatus
from ._untrusted import escape

__all__ = ["SUMMARY", "member_record", "run"]

SUMMARY: Final = "print whole code tables (every family, or one)"

_TABLE_EPILOG: Final = """\
families: TLSAlert, SSLStatus, SecError, URLError, CFNetworkError,
          CFStreamErrorDomain, DarwinErrno, AddrInfoError (any letter case)

examples:
  atscodes table sslstatus
  atscodes table                          every table
  atscodes table TLSAlert --json

exit status: 0 printed, 2 usage error (an unknown family)
"""


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} table",
        description="Print whole code tables.",
        epilog=_TABLE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("family", nargs="?", help="one family (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def member_record(member: Code) -> dict[str, Any]:
    """A member as JSON: its family, code, name, description, source and own fields."""
    record: dict[str, Any] = {
        "family": type(member).__name__,
        "code": int(member),
        "name": member.name,
        "description": member.description,
        "source": member.source,
    }
    if isinstance(member, SSLStatus):
        record["detected_by"] = member.detected_by.value
        record["fatal"] = member.fatal
    if isinstance(member, TLSAlert):
        record["reserved"] = member.reserved
    return record


def _table(args: argparse.Namespace, out: TextIO) -> int:
    families = _families()
    if args.family is not None:
        wanted = args.family.casefold()
        families = tuple(f for f in families if f.__name__.casefold() == wanted)
        if not families:
            import difflib

            names = [f.__name__ for f in _families()]
            close = difflib.get_close_matches(wanted, [n.casefold() for n in names], n=1)
            hint = "".join(
                f"; did you mean {n}?" for n in names if close and n.casefold() == close[0]
            )
            # (as typed, with bytes that are no UTF-8 as U+FFFD, as the decode command shows
            #   them, and control characters escaped: not Python's surrogate escapes)
            typed = args.family.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise UsageError(f"unknown family '{escape(typed)}'{hint} (one of: {', '.join(names)})")
    if args.json:
        write_json({f.__name__: [member_record(m) for m in f] for f in families}, out)
        return 0
    for index, family in enumerate(families):
        if index:
            out.write("\n")
        out.write(f"{family.__name__} ({len(family)} codes)\n")
        width = max(len(m.name) for m in family)
        for member in family:
            out.write(f"{int(member):>11}  {member.name:<{width}}  {member.description}\n")
    return 0


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes table`` with *argv*; return the exit status."""
    return _table(_parser().parse_intermixed_args(argv), sys.stdout)
