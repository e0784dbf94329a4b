"""``atscodes ats``: check a server and lint an Info.plist against App Transport Security."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Final, TextIO

from ._cli_common import PROG, Parser, UsageError
from ._explain import explain

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "check a server (ats check) or an Info.plist (ats lint) against ATS"

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


def _ats_parsers() -> tuple[Parser, Parser, Parser]:
    parser = Parser(
        prog=f"{PROG} ats",
        description="App Transport Security tools.",
        epilog=_ATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check = Parser(
        prog=f"{PROG} ats check",
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
    lint = Parser(
        prog=f"{PROG} ats lint",
        description="Lint the NSAppTransportSecurity dictionary of an Info.plist (XML or binary).",
        epilog=_ATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument("plist", metavar="Info.plist")
    lint.add_argument("--json", action="store_true", help="print JSON")
    return parser, check, lint


def _ats(arguments: Sequence[str], out: TextIO) -> int:
    parser, check_parser, lint_parser = _ats_parsers()
    if arguments[:1] == ["lint"]:
        return _ats_lint(lint_parser.parse_args(arguments[1:]), out)
    if arguments[:1] == ["check"]:
        return _ats_check(check_parser.parse_args(arguments[1:]), out)
    parser.parse_args(arguments)  # --help, or an error
    raise UsageError("ats needs a command: check or lint\n" + parser.format_usage().rstrip())


def _ats_lint(args: argparse.Namespace, out: TextIO) -> int:
    from ._ats_lint import lint_plist

    try:
        with open(args.plist, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise UsageError(f"cannot read {args.plist}: {error.strerror}") from None
    try:
        findings = lint_plist(data)
    except ValueError as error:
        raise UsageError(f"{args.plist}: {error}") from None
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
        raise UsageError(
            "ats check needs the 'check' extra: pip install 'atscodes[check]'"
        ) from None
    from ._ats_check import CheckError, check

    try:
        report = check(args.url, servername=args.servername, cafile=args.ca, timeout=args.timeout)
    except ValueError as error:
        raise UsageError(str(error)) from None
    except CheckError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
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


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run ``atscodes ats`` with *argv*; return the exit status."""
    return _ats(list(argv), sys.stdout if out is None else out)
