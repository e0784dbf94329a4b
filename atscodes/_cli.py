"""The ``atscodes`` command: decode codes, print tables.

Exit status: 0 when every argument was recognised, 1 when one was not, 2 for a
usage error.  Results go to stdout, errors to stderr as ``atscodes: error: …``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final, TextIO

from . import __version__
from ._alerts import TLSAlert
from ._base import Code
from ._cli_common import PROG, Parser, UsageError
from ._lookup import Interpretation, _families, lookup
from ._sslstatus import SSLStatus
from ._translate import (
    Layer,
    alert_mappings,
    alerts_for_status,
    alerts_sent_for_status,
    url_errors_for_status,
)

__all__ = ["main"]

_DECODE_EPILOG: Final = """\
examples:
  atscodes -9802                          an errSSL status, with the alerts behind it
  atscodes "-1200 [3:-9802]"              an NSURLError code and its CFStream pair
  atscodes "kCFStreamErrorDomainSSL, -9813"
  atscodes 0xFFFFD9B6                     the same OSStatus written as unsigned 32-bit
  atscodes 42                             every reading: TLS alert 42 and Darwin errno 42
  atscodes --json errSSLPeerBadCert
  atscodes table SSLStatus                a whole table (atscodes table --help)
  log stream | atscodes annotate         decode every code in a log (atscodes annotate --help)
  atscodes explain -9802                  causes, side at fault, next steps (explain --help)
  atscodes ats check https://example.com  test a server against ATS (atscodes ats --help)

exit status: 0 every argument recognised, 1 one was not, 2 usage error
"""

_TABLE_EPILOG: Final = """\
families: TLSAlert, SSLStatus, SecError, URLError, CFNetworkError,
          CFStreamErrorDomain, DarwinErrno, AddrInfoError (any letter case)

examples:
  atscodes table                          every table
  atscodes table sslstatus
  atscodes table TLSAlert --json
"""


def _decode_parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description=(
            "Decode Apple TLS and URL-loading error codes: TLS alerts, errSSL*/errSec*"
            " OSStatus codes, NSURLError and CFNetwork codes, CFStream pairs."
        ),
        epilog=_DECODE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "codes",
        nargs="+",
        metavar="CODE",
        help="a number, a name, or a pasted fragment such as '[3:-9802]'",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _table_parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} table",
        description="Print whole code tables.",
        epilog=_TABLE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("family", nargs="?", help="one family (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _member_record(member: Code) -> dict[str, Any]:
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


def _alert_translation(alert: TLSAlert) -> dict[str, Any]:
    return {
        layer.value: [
            {
                "status": None if row.status is None else int(row.status),
                "status_name": None if row.status is None else row.status.name,
                "basis": row.basis.value,
                "os": row.os,
                "source": row.source,
                "note": row.note,
            }
            for row in alert_mappings(alert, layer)
        ]
        for layer in Layer
    }


def _status_translation(status: SSLStatus) -> dict[str, Any]:
    return {
        "alerts": {
            layer.value: sorted(int(a) for a in alerts_for_status(status, layer)) for layer in Layer
        },
        "alerts_sent": sorted(int(a) for a in alerts_sent_for_status(status)),
        "url_errors": [
            {
                "url_error": int(e.url_error),
                "url_error_name": e.url_error.name,
                "os": e.os,
                "date": e.date,
                "source": e.source,
            }
            for e in url_errors_for_status(status)
        ],
    }


def _interpretation_record(interp: Interpretation) -> dict[str, Any]:
    record: dict[str, Any] = {
        "family": None if interp.family is None else interp.family.__name__,
        "code": interp.code,
        "name": interp.name,
        "description": interp.description,
        "domain": interp.domain,
        "known": interp.known,
    }
    if interp.member is not None:
        record.update(_member_record(interp.member))
        record["domain"] = interp.domain
        if isinstance(interp.member, TLSAlert):
            record["translation"] = _alert_translation(interp.member)
        elif isinstance(interp.member, SSLStatus):
            record["translation"] = _status_translation(interp.member)
    return record


# ---------------------------------------------------------------- text


def _alert_list(alerts: frozenset[TLSAlert], limit: int = 6) -> str:
    ordered = sorted(alerts)
    shown = ", ".join(f"{int(a)} {a.name}" for a in ordered[:limit])
    if len(ordered) > limit:
        shown += f", … ({len(ordered) - limit} more)"
    return shown


def _text_lines(interp: Interpretation) -> Iterator[str]:
    member = interp.member
    head = interp.family.__name__ if interp.family else (interp.domain or "?")
    if member is None:
        yield f"  {head} {interp.code}: unknown"
        yield f"    {interp.description}"
        return
    yield f"  {type(member).__name__} {int(member)} {member.name}"
    yield f"    {member.description}"
    if interp.domain:
        yield f"    domain: {interp.domain}"
    if isinstance(member, SSLStatus):
        fatal = "fatal" if member.fatal else "not fatal"
        yield f"    detected by: {member.detected_by.value}; {fatal}"
        for layer in Layer:
            alerts = alerts_for_status(member, layer)
            if alerts:
                yield f"    alerts reported as this on {layer.value}: {_alert_list(alerts)}"
        sent = alerts_sent_for_status(member)
        if sent:
            yield f"    alert this side sends for it: {_alert_list(sent)}"
        pairs: dict[str, int] = {}
        for evidence in url_errors_for_status(member):
            key = f"{int(evidence.url_error)} {evidence.url_error.name}"
            pairs[key] = pairs.get(key, 0) + 1
        for key, count in pairs.items():
            logs = "public log" if count == 1 else "public logs"
            yield f"    seen with NSURLError {key} ({count} {logs}; evidence, not a rule)"
    if isinstance(member, TLSAlert):
        if member.reserved:
            yield "    reserved: TLS 1.3 peers must not send it"
        for layer in Layer:
            for row in alert_mappings(member, layer):
                got = (
                    "no status of its own"
                    if row.status is None
                    else (f"{int(row.status)} {row.status.name}")
                )
                basis = f"observed, {row.os}" if row.os else row.basis.value
                yield f"    {layer.value} reports: {got} ({basis})"
    yield f"    source: {member.source}"


# ---------------------------------------------------------------- commands


def _decode(args: argparse.Namespace, out: TextIO) -> int:
    status = 0
    records: list[dict[str, Any]] = []
    for query in args.codes:
        found = lookup(query)
        recognised = any(i.known for i in found)
        if not recognised:
            status = 1
        if args.json:
            records.append(
                {
                    "query": query,
                    "recognised": recognised,
                    "interpretations": [_interpretation_record(i) for i in found],
                }
            )
            continue
        out.write(f"{query}\n")
        if not found:
            out.write("  not recognised as a code, a name or a CFStream pair\n")
        for interp in found:
            for line in _text_lines(interp):
                out.write(line + "\n")
    if args.json:
        json.dump(records, out, indent=2, ensure_ascii=False)
        out.write("\n")
    return status


def _table(args: argparse.Namespace, out: TextIO) -> int:
    families = _families()
    if args.family is not None:
        wanted = args.family.casefold()
        families = tuple(f for f in families if f.__name__.casefold() == wanted)
        if not families:
            names = ", ".join(f.__name__ for f in _families())
            raise UsageError(f"unknown family {args.family!r} (one of: {names})")
    if args.json:
        json.dump(
            {f.__name__: [_member_record(m) for m in f] for f in families},
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
        return 0
    for index, family in enumerate(families):
        if index:
            out.write("\n")
        out.write(f"{family.__name__} ({len(family)} codes)\n")
        width = max(len(m.name) for m in family)
        for member in family:
            out.write(f"{int(member):>11}  {member.name:<{width}}  {member.description}\n")
    return 0


# Subcommands: name -> module (imported only when that subcommand runs, so that
# `atscodes -9802` pays for the tables alone).  Each module has SUMMARY and
# run(argv) -> int.
_COMMANDS: Final = {
    "annotate": "._cli_annotate",
    "ats": "._cli_ats",
    "explain": "._cli_explain",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Text that cannot be encoded for this terminal (bytes from a log that are not
    # UTF-8, or "…" on an ASCII locale) is escaped rather than allowed to crash.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        if arguments[:1] == ["table"]:
            return _table(_table_parser().parse_args(arguments[1:]), sys.stdout)
        command = _COMMANDS.get(arguments[0]) if arguments else None
        if command is not None:
            from importlib import import_module

            run: Callable[[Sequence[str]], int] = import_module(command, __package__).run
            return run(arguments[1:])
        return _decode(_decode_parser().parse_args(arguments), sys.stdout)
    except UsageError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return 2
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `atscodes table | head`: the reader went away; end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
