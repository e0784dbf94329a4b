"""The ``atscodes`` command: decode codes, print tables.

Exit status: 0 when every argument was recognised, 1 when one was not, 2 for a
usage error.  Results go to stdout, errors to stderr as ``atscodes: error: …``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, Final, TextIO

from . import __version__
from ._alerts import TLSAlert
from ._annotate import process, strip_stream
from ._base import Code
from ._explain import explain, explain_log
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

_PROG: Final = "atscodes"

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


_ANNOTATE_EPILOG: Final = """\
Each code is followed by its decoding in one fixed, removable form: a space, U+27E6,
a label of printable ASCII, U+27E7, for example
  (error code: -1200 \u27e6NSURLErrorSecureConnectionFailed\u27e7
    [3:-9802] \u27e6errSSLFatalAlert\u27e7)
Everything else is copied byte for byte; --remove takes the annotations out again.

examples:
  atscodes annotate device.log > device.annotated.log
  log stream --style compact | atscodes annotate
  tail -f app.log | atscodes annotate
  atscodes annotate --jsonl *.log | jq .name
  atscodes annotate --remove device.annotated.log

exit status: 0 a code was found (or --remove), 1 none was, 2 usage error or unreadable file
"""


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


_ATS_EPILOG: Final = """\
commands:
  atscodes ats check URL [--servername NAME] [--ca FILE] [--timeout S] [--json]
      connect to https://HOST[:PORT] and test it against App Transport Security:
      TLS versions, ATS cipher suites, certificates, trust; predict what an app sees
      (needs the check extra: pip install 'atscodes[check]')
  atscodes ats lint Info.plist [--json]
      check NSAppTransportSecurity for keys that do not do what they seem to

exit status (check): 0 the default ATS configuration would connect, 1 it would fail,
  2 usage error, 3 DNS failure, 4 connection refused, 5 timeout, 6 not a TLS server,
  7 other network error
exit status (lint): 0 no errors or warnings, 1 some, 2 usage error or not a plist
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own signature returns NoReturn
        raise _UsageError(f"{message}\n{self.format_usage().rstrip()}")


def _decode_parser() -> _Parser:
    parser = _Parser(
        prog=_PROG,
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


def _table_parser() -> _Parser:
    parser = _Parser(
        prog=f"{_PROG} table",
        description="Print whole code tables.",
        epilog=_TABLE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("family", nargs="?", help="one family (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _annotate_parser() -> _Parser:
    parser = _Parser(
        prog=f"{_PROG} annotate",
        description=(
            "Copy logs to stdout, adding a decoding after every code found "
            "(stdin when no FILE is given, like c++filt)."
        ),
        epilog=_ANNOTATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="log files ('-' is stdin)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help="print findings, one JSON object per line (file, line, column, text, domain,"
        " code, name, description) instead of the log",
    )
    mode.add_argument("--remove", action="store_true", help="remove annotations instead")
    return parser


def _explain_parser() -> _Parser:
    parser = _Parser(
        prog=f"{_PROG} explain",
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
    parser.add_argument("--width", type=int, default=0, help="wrap text at this width")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: only on a terminal, and not with NO_COLOR)",
    )
    return parser


def _ats_parsers() -> tuple[_Parser, _Parser, _Parser]:
    parser = _Parser(
        prog=f"{_PROG} ats",
        description="App Transport Security tools.",
        epilog=_ATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check = _Parser(
        prog=f"{_PROG} ats check",
        description="Test a live server against App Transport Security and predict the "
        "error an app would see.",
        epilog=_ATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("url", metavar="URL", help="https://HOST[:PORT] (or HOST[:PORT])")
    check.add_argument("--servername", help="the name to send in SNI and check (default: HOST)")
    check.add_argument(
        "--ca", metavar="FILE", help="trust this CA file instead of the system store"
    )
    check.add_argument("--timeout", type=float, default=10.0, help="seconds per connection")
    check.add_argument("--json", action="store_true", help="print JSON")
    lint = _Parser(
        prog=f"{_PROG} ats lint",
        description="Lint the NSAppTransportSecurity dictionary of an Info.plist (XML or binary).",
        epilog=_ATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument("plist", metavar="Info.plist")
    lint.add_argument("--json", action="store_true", help="print JSON")
    return parser, check, lint


# ---------------------------------------------------------------- records


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
        "family": interp.family,
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
    head = interp.family or interp.domain or "?"
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
            raise _UsageError(f"unknown family {args.family!r} (one of: {names})")
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


def _open_inputs(names: Sequence[str]) -> Iterator[tuple[str, BinaryIO]]:
    for name in names or ["-"]:
        if name == "-":
            yield "-", sys.stdin.buffer
            continue
        try:
            handle = open(name, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as error:
            raise _UsageError(f"cannot read {name}: {error.strerror}") from None
        with handle:
            yield name, handle


def _annotate(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    found = False
    for name, stream in _open_inputs(args.files):
        if args.remove:
            strip_stream(stream, out)
            found = True
            continue
        if args.jsonl:
            for finding in process(stream, None):
                record = {"file": name, **finding.to_json()}
                out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
                found = True
            out.flush()
            continue
        for _ in process(stream, out, flush=True):
            found = True
    return 0 if found else 1


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
        raise _UsageError(f"cannot read {query}: {error.strerror}") from None


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


def _ats(arguments: list[str], out: TextIO) -> int:
    parser, check_parser, lint_parser = _ats_parsers()
    if arguments[:1] == ["lint"]:
        return _ats_lint(lint_parser.parse_args(arguments[1:]), out)
    if arguments[:1] == ["check"]:
        return _ats_check(check_parser.parse_args(arguments[1:]), out)
    parser.parse_args(arguments)  # --help, or an error
    raise _UsageError("ats needs a command: check or lint\n" + parser.format_usage().rstrip())


def _ats_lint(args: argparse.Namespace, out: TextIO) -> int:
    from ._ats_lint import lint_plist

    try:
        with open(args.plist, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise _UsageError(f"cannot read {args.plist}: {error.strerror}") from None
    try:
        findings = lint_plist(data)
    except ValueError as error:
        raise _UsageError(f"{args.plist}: {error}") from None
    if args.json:
        json.dump([f.to_json() for f in findings], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for f in findings:
            out.write(f"{args.plist}: {f.severity}: {f.path}: {f.message} [{f.rule}]\n")
            if f.suggestion:
                out.write(f"    suggestion: {f.suggestion}\n")
            if f.source is not None:
                out.write(f"    see: {f.source.url}\n")
        if not findings:
            out.write(f"{args.plist}: no App Transport Security problems found\n")
    return 1 if any(f.severity in ("error", "warning") for f in findings) else 0


def _ats_check(args: argparse.Namespace, out: TextIO) -> int:
    try:
        import cryptography  # noqa: F401 - only to fail early with a clear message
    except ImportError:
        raise _UsageError(
            "ats check needs the 'check' extra: pip install 'atscodes[check]'"
        ) from None
    from ._ats_check import CheckError, check

    try:
        report = check(args.url, servername=args.servername, cafile=args.ca, timeout=args.timeout)
    except ValueError as error:
        raise _UsageError(str(error)) from None
    except CheckError as error:
        sys.stderr.write(f"{_PROG}: error: {error}\n")
        return error.exit_code
    if args.json:
        json.dump(report.to_json(), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0 if report.passes else 1
    out.write(f"Checking {report.url} ({report.address}, SNI {report.servername})\n\n")
    out.write("Protocols:\n")
    for version, ok, detail in report.protocols:
        state = {True: "accepted", False: "refused", None: "not testable here"}[ok]
        out.write(f"  {version:<8} {state}" + (f"  ({detail})" if ok is None else "") + "\n")
    out.write("\nATS diagnostics (as nscurl --ats-diagnostics names them):\n")
    for probe in report.probes:
        out.write(f"  {'PASS' if probe.ok else 'FAIL'}  {probe.name}: {probe.detail}\n")
    for index, cert in enumerate(report.certificates):
        role = "leaf" if index == 0 else f"chain[{index}]"
        out.write(
            f"\nCertificate ({role}): {cert.subject}\n  issuer {cert.issuer}\n"
            f"  {cert.key} {cert.key_bits} bits, signed with {cert.signature_hash}, "
            f"{cert.not_before[:10]} to {cert.not_after[:10]} ({cert.validity_days} "
            f"days)\n  names: {', '.join(cert.names) or 'none'}\n"
        )
    out.write("\nRequirements:\n")
    for requirement in report.requirements:
        state = {True: "ok  ", False: "FAIL", None: "?   "}[requirement.ok]
        out.write(f"  {state} {requirement.name}: {requirement.evidence}\n")
    out.write(f"\nPrediction for an app with default ATS: {report.prediction}\n")
    out.write(f"  {report.prediction_reason}\n")
    if report.prediction != "pass":
        explained = explain(report.prediction)
        out.write(f"  Side at fault: {explained.side.value}. {explained.side_reason}\n")
    if report.exception:
        out.write("\nNarrowest Info.plist exception:\n")
        host_xml = report.exception.replace("{host}", report.host)
        out.write("".join(f"  {line}\n" for line in host_xml.splitlines()))
    if report.exception_cost:
        out.write(f"  Cost: {report.exception_cost}\n")
    if not report.passes and report.prediction != "pass":
        code = report.prediction.split(" ")[-1].strip("[]").split(":")[-1]
        out.write(
            f"\nMore: atscodes explain {report.prediction.split()[0]}"
            + (f" ; atscodes explain {code}" if code != report.prediction.split()[0] else "")
            + "\n"
        )
    return 0 if report.passes else 1


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
        if arguments[:1] == ["ats"]:
            return _ats(arguments[1:], sys.stdout)
        if arguments[:1] == ["explain"]:
            return _explain(_explain_parser().parse_args(arguments[1:]), sys.stdout)
        if arguments[:1] == ["annotate"]:
            return _annotate(_annotate_parser().parse_args(arguments[1:]))
        return _decode(_decode_parser().parse_args(arguments), sys.stdout)
    except _UsageError as error:
        sys.stderr.write(f"{_PROG}: error: {error}\n")
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
