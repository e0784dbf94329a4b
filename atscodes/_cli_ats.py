"""``atscodes ats``: check a server and lint an Info.plist against App Transport Security."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from typing import Any, Final, TextIO

from ._cli_common import PROG, Parser, UsageError
from ._cli_text import VALUE_OPTIONS, is_option
from ._untrusted import escape as _escape

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "check a server (ats check) or an Info.plist (ats lint) against ATS"
DEFAULT_TIMEOUT: Final = 10.0

_ATS_EPILOG: Final = """\
commands:
  atscodes ats check URL [--servername NAME] [--trust-store apple|system] [--ca FILE]
                         [--client-cert FILE] [--fetch-intermediates] [--timeout S] [--json]
      connect to https://HOST[:PORT] and test it against App Transport Security:
      TLS versions, ATS cipher suites, client-certificate requests, certificates and
      trust as Apple evaluates it (Apple's root store, shipped with atscodes); predict
      what an app sees (needs the check extra: pip install 'atscodes[check]')
  atscodes ats lint Info.plist [MORE.plist ...] [--json]    ('-' reads standard input)
      check NSAppTransportSecurity for keys that do not do what they seem to

examples:
  atscodes ats check api.example.com
  atscodes ats check https://127.0.0.1:8443 --servername api.example.com --ca dev-ca.pem
  atscodes ats check api.example.com --client-cert me.pem --json
  plutil -convert xml1 -o - App/Info.plist | atscodes ats lint -

exit status (check): 0 the default ATS configuration would connect (also when it
  needs an intermediate the device fetches by AIA: the report says so), 1 it would
  fail, 2 usage error, 3 DNS failure, 4 connection refused, 5 no answer (timeout),
  6 not a TLS server, 7 other network error
exit status (lint): 0 no errors or warnings, 1 some, 2 usage error or not a plist
"""


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds above 0: {text!r}")
    return value


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
        "--trust-store",
        choices=("apple", "system"),
        default="apple",
        help="roots to evaluate trust against: Apple's (security_certificates-55349.0.11, "
        "shipped with atscodes) or this machine's (default: %(default)s)",
    )
    check.add_argument(
        "--ca",
        metavar="FILE",
        help="also trust this CA certificate (PEM or DER), as an app with a custom anchor",
    )
    check.add_argument(
        "--client-cert",
        metavar="FILE",
        help="PEM file with a client certificate and its key, for servers that ask for one",
    )
    check.add_argument(
        "--fetch-intermediates",
        action="store_true",
        help="fetch a missing intermediate from the leaf's AIA URL, as an Apple device "
        "does (off by default: the check contacts only the host asked)",
    )
    check.add_argument(
        "--timeout",
        type=_timeout,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds for each connection; the probes run at the same time (default: %(default)g)",
    )
    check.add_argument("--json", action="store_true", help="print JSON (also for failures)")
    lint = Parser(
        prog=f"{PROG} ats lint",
        description="Lint the NSAppTransportSecurity dictionary of Info.plist files "
        "(XML or binary).",
        epilog=_ATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument("plist", metavar="Info.plist", nargs="+", help="files; - for stdin")
    lint.add_argument("--json", action="store_true", help="print JSON")
    return parser, check, lint


def _ats(arguments: Sequence[str], out: TextIO) -> int:
    parser, check_parser, lint_parser = _ats_parsers()
    # The command word may follow options, as the top level's does ("atscodes --json ats
    #   lint Info.plist"): the first word that is not an option (nor an option's value).
    index = 0
    while index < len(arguments) and is_option(arguments[index]):
        index += 1 if "=" in arguments[index] or arguments[index] not in VALUE_OPTIONS else 2
    command = arguments[index] if index < len(arguments) else None
    rest = [*arguments[:index], *arguments[index + 1 :]]
    if command == "lint":
        return _ats_lint(lint_parser.parse_args(rest), out)
    if command == "check":
        return _ats_check(check_parser.parse_args(rest), out)
    if command is not None and command != "--":
        raise UsageError(
            f"ats has no command '{_escape(command)}': check or lint\n"
            + parser.format_usage().rstrip()
        )
    parser.parse_args(arguments)  # --help, or an error
    raise UsageError("ats needs a command: check or lint\n" + parser.format_usage().rstrip())


def _ats_lint(args: argparse.Namespace, out: TextIO) -> int:
    from ._ats_lint import lint_plist

    inputs: list[tuple[str, bytes]] = []
    for name in args.plist:
        if name == "-":
            inputs.append(("<stdin>", sys.stdin.buffer.read()))
            continue
        try:
            with open(name, "rb") as handle:
                inputs.append((name, handle.read()))
        except OSError as error:
            raise UsageError(f"cannot read {_escape(name)}: {error.strerror}") from None
    results = []
    for name, data in inputs:
        try:
            results.append((name, lint_plist(data)))
        except ValueError as error:
            raise UsageError(f"{_escape(name)}: {_escape(str(error))}") from None
    counts = {"error": 0, "warning": 0, "info": 0}
    for _, findings in results:
        for f in findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
    if args.json:
        data_out: Any = (
            [f.to_json() for f in results[0][1]]
            if len(results) == 1
            else [{"file": n, "findings": [f.to_json() for f in fs]} for n, fs in results]
        )
        json.dump(data_out, out, indent=2, ensure_ascii=True)
        out.write("\n")
    else:
        for name, findings in results:
            shown = _escape(name)
            for f in findings:
                out.write(
                    f"{shown}: {f.severity}: {_escape(f.path)}: {_escape(f.message)}"
                    + (" (inference)" if f.inference else "")
                    + f" [{f.rule}]\n"
                )
                if f.suggestion:
                    out.write(f"    suggestion: {_escape(f.suggestion)}\n")
                if f.source is not None:
                    out.write(f"    see: {f.source.url}\n")
            if not findings:
                out.write(f"{shown}: no App Transport Security problems found\n")
        files = len(results)
        out.write(
            f"{files} file{'s' if files != 1 else ''}: {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} info\n"
        )
    return 1 if counts["error"] or counts["warning"] else 0


def _readable_file(option: str, path: str) -> bytes:
    if os.path.isdir(path):
        raise UsageError(f"{option} {_escape(path)}: is a directory")
    try:
        with open(path, "rb") as handle:
            return handle.read(4 * 1024 * 1024)
    except OSError as error:
        raise UsageError(f"{option} {_escape(path)}: {error.strerror}") from None


def _validate(args: argparse.Namespace) -> None:
    """Every usage error, before any probe."""
    from . import _trust
    from ._ats_check import _target

    try:
        _target(args.url, args.servername)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.ca is not None:
        data = _readable_file("--ca", args.ca)
        try:
            _trust.read_certificates(data)
        except ValueError:
            raise UsageError(f"--ca {_escape(args.ca)}: not a PEM or DER certificate") from None
    if args.client_cert is not None:
        import ssl

        data = _readable_file("--client-cert", args.client_cert)
        try:
            _trust.read_certificates(data)
        except ValueError:
            raise UsageError(
                f"--client-cert {_escape(args.client_cert)}: no PEM certificate in it"
            ) from None
        try:
            ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_cert_chain(args.client_cert)
        except (ssl.SSLError, OSError, ValueError):
            raise UsageError(
                f"--client-cert {_escape(args.client_cert)}: needs the certificate and its "
                "unencrypted private key in one PEM file"
            ) from None


def _ats_check(args: argparse.Namespace, out: TextIO) -> int:
    try:
        import cryptography  # noqa: F401 - only to fail early with a clear message
    except ImportError:
        raise UsageError(
            "ats check needs the 'check' extra: pip install 'atscodes[check]'"
        ) from None
    from ._ats_check import CheckError, check

    _validate(args)
    try:
        report = check(
            args.url,
            servername=args.servername,
            cafile=args.ca,
            timeout=args.timeout,
            trust_store=args.trust_store,
            client_cert=args.client_cert,
            fetch_intermediates=args.fetch_intermediates,
        )
    except ValueError as error:
        raise UsageError(_escape(str(error))) from None
    except CheckError as error:
        if args.json:
            json.dump({"url": args.url, **error.to_json()}, out, indent=2, ensure_ascii=True)
            out.write("\n")
        sys.stderr.write(f"{PROG}: error: {_escape(str(error))}\n")
        return error.exit_code
    if args.json:
        json.dump(report.to_json(), out, indent=2, ensure_ascii=True)
        out.write("\n")
        return 0 if report.passes else 1
    _print_report(report, out)
    return 0 if report.passes else 1


def _probe_state(probe: Any) -> str:
    """PASS, FAIL, or "?" for no answer even when tried alone (neither a pass nor a refusal)."""
    if probe.ok:
        return "PASS"
    return "?   " if probe.outcome == "timeout" else "FAIL"


def _print_report(report: Any, out: TextIO) -> None:
    from ._explain import explain

    e = _escape
    out.write(
        f"Checking {e(report.url)} ({e(report.address)}, SNI {e(report.servername)})\n"
        f"Trust store: {report.trust_store['name']} ({e(report.trust_store['version'])}, "
        f"{report.trust_store['roots']} roots)\n"
    )
    if not report.ats_applies:
        out.write(
            f"ATS does not apply: {e(report.ats_exemption)} (NSAppTransportSecurity "
            "reference); only TLS and trust are predicted.\n"
        )
    out.write("\nProtocols:\n")
    for version, ok, detail in report.protocols:
        state = {True: "accepted", False: "refused", None: "not testable here"}[ok]
        silent = ok is None and detail == "no answer"
        if silent:
            state = "no answer"
        shown = not silent and (ok is not True or detail.startswith("ServerHello"))
        extra = f"  ({e(detail)})" if shown else ""
        out.write(f"  {version:<8} {state}{extra}\n")
    out.write("\nATS diagnostics (as nscurl --ats-diagnostics names them):\n")
    for probe in report.probes:
        out.write(f"  {_probe_state(probe)}  {probe.name}: {e(probe.detail)}\n")
    if report.client_certificate:
        out.write(f"\nClient certificate: {e(report.client_certificate)}\n")
    for index, cert in enumerate(report.certificates):
        role = "leaf" if index == 0 else f"chain[{index}]"
        if cert.problem and not cert.subject:
            out.write(f"\nCertificate ({role}): {e(cert.problem)}\n")
            continue
        out.write(
            f"\nCertificate ({role}): {e(cert.subject)}\n  issuer {e(cert.issuer)}\n"
            f"  {e(cert.key)} {cert.key_bits} bits, signed with {e(cert.signature_hash)}, "
            f"{cert.not_before[:10]} to {cert.not_after[:10]} ({cert.validity_days} "
            f"days)\n  names: {e(', '.join(cert.names)) or 'none'}\n"
        )
        if cert.problem:
            out.write(f"  problem: {e(cert.problem)}\n")
    out.write("\nRequirements:\n")
    for requirement in report.requirements:
        state = {True: "ok  ", False: "FAIL", None: "?   "}[requirement.ok]
        out.write(f"  {state} {requirement.name}: {e(requirement.evidence)}\n")
    for note in report.fetched_intermediates:
        out.write(f"  note: {e(note)}\n")
    for risk in report.risks:
        out.write(f"\nRisk ({risk.basis}): {risk.text}\n")
        for source in risk.sources:
            out.write(f"  see: {source.url}\n")
    out.write(f"\nPrediction for an app with default ATS: {report.prediction}\n")
    out.write(f"  {e(report.prediction_reason)}\n")
    if report.prediction_basis:
        out.write(f"  Rests on: {e(report.prediction_basis)}\n")
    if report.prediction_seen_on:
        out.write(f"  Seen on: {e(report.prediction_seen_on)}\n")
    for alternative in report.alternatives:
        out.write(
            f"  Alternative: {alternative.code}: {alternative.reason}"
            + (f" ({alternative.seen_on})" if alternative.seen_on else "")
            + "\n"
        )
    if report.prediction.startswith("-"):
        explained = explain(report.prediction)
        out.write(f"  Side at fault: {explained.side.value}. {explained.side_reason}\n")
    if report.exception:
        out.write("\nNarrowest Info.plist exception:\n")
        host_xml = report.exception.replace("{host}", e(report.host))
        out.write("".join(f"  {line}\n" for line in host_xml.splitlines()))
    if report.exception_cost:
        out.write(f"  Cost: {report.exception_cost}\n")
    if report.prediction.startswith("-"):
        first = report.prediction.split()[0]
        code = report.prediction.split(" ")[-1].strip("[]").split(":")[-1]
        out.write(
            f"\nMore: atscodes explain {first}"
            + (f" ; atscodes explain {code}" if code != first else "")
            + "\n"
        )


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run ``atscodes ats`` with *argv*; return the exit status."""
    return _ats(list(argv), sys.stdout if out is None else out)
