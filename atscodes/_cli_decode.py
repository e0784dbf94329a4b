"""The plain decode, ``atscodes CODE|TEXT ...``: what a code is, with its translations.

Kept apart from the dispatcher (``atscodes._cli``) so that a subcommand such as
``annotate`` does not load the look-up and translation tables it never uses.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, TextIO

from ._alerts import TLSAlert
from ._cli import _COMMANDS
from ._cli_text import (
    PROG,
    VALUE_OPTIONS,
    Line,
    UsageError,
    color_wanted,
    is_option,
    layer_label,
    options_then_codes,
    render,
    terminal_safe,
    terminal_width,
    write_json,
)
from ._lookup import Interpretation, lookup
from ._sslstatus import SSLStatus
from ._translate import (
    Layer,
    alert_mappings,
    alerts_for_status,
    alerts_sent_for_status,
    url_errors_for_status,
)

if TYPE_CHECKING:
    from ._cli_common import Parser

__all__ = ["run"]

_DECODE_EXAMPLES: Final = """\
examples:
  atscodes -9802                          an errSSL status, with the alerts behind it
  atscodes "-1200 [3:-9802]"              an NSURLError code and its CFStream pair
  atscodes "kCFStreamErrorDomainSSL, -9813"
  atscodes 'HTTP load failed (error code: -1200 [3:-9802])'   a pasted log line
  atscodes 0xFFFFD9B6                     the same OSStatus written as unsigned 32-bit
  atscodes 42                             every reading: TLS alert 42 and Darwin errno 42
  atscodes URLError.secureConnectionFailed   Swift spellings, any letter case
  atscodes --json errSSLPeerBadCert
"""

_DECODE_EXIT: Final = """\
output: text (wrapped and coloured on a terminal; NO_COLOR or --color never turns colour
off), or --json: a list of {query, recognised, scanned, interpretations}.

exit status: 0 every argument recognised, 1 one was not, 2 usage or output error
"""


def _command_lines() -> str:
    """One line per subcommand (its SUMMARY) and an example: the ``atscodes --help`` list."""
    from importlib import import_module

    lines = ["commands (atscodes COMMAND --help for each):"]
    for name, module_name in sorted(_COMMANDS.items()):
        module = import_module(module_name, __package__)
        lines.append(f"  {name:<11} {getattr(module, 'SUMMARY', '')}")
        example = _example_of(module)
        if example:
            lines.append(f"  {'':<11}   {example}")
    return "\n".join(lines) + "\n"


def _example_of(module: object) -> str | None:
    """The first example in a subcommand module's epilog (a line that runs atscodes)."""
    explicit = getattr(module, "EXAMPLE", None)
    if isinstance(explicit, str):
        return explicit
    for attribute, value in sorted(vars(module).items()):
        if not (attribute.isupper() and "EPILOG" in attribute and isinstance(value, str)):
            continue
        for raw in value.splitlines():
            line = raw.strip()
            if line.startswith(f"{PROG} ") or f"| {PROG} " in line:
                return line
    return None


def _decode_parser(*, overview: bool = False) -> Parser:
    from ._cli_common import Parser, add_text_options

    epilog = _DECODE_EXAMPLES + "\n" + _DECODE_EXIT
    if overview:
        epilog = _DECODE_EXAMPLES + "\n" + _command_lines() + "\n" + _DECODE_EXIT
    parser = Parser(
        prog=PROG,
        usage=(
            f"{PROG} [--json] [--color WHEN] [--width N] CODE|TEXT [CODE|TEXT ...]\n"
            f"       {PROG} COMMAND [ARGS ...]   (commands: {', '.join(sorted(_COMMANDS))})"
        ),
        description=(
            "Decode Apple TLS and URL-loading error codes: TLS alerts, errSSL*/errSec*\n"
            "OSStatus codes, NSURLError and CFNetwork codes, CFStream pairs; or the codes\n"
            "in a pasted log line."
        ),
        epilog=epilog,
    )
    parser.add_argument(
        "codes",
        nargs="+",
        metavar="CODE|TEXT",
        help="a number, a name (any case, Swift spellings too), a pair such as '[3:-9802]',"
        " or pasted text to scan for codes",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_text_options(parser)
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


# ---------------------------------------------------------------- JSON


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
    from ._cli_table import member_record

    record: dict[str, Any] = {
        "family": None if interp.family is None else interp.family.__name__,
        "code": interp.code,
        "name": interp.name,
        "description": interp.description,
        "domain": interp.domain,
        "known": interp.known,
    }
    if interp.member is not None:
        record.update(member_record(interp.member))
        record["domain"] = interp.domain
        if isinstance(interp.member, TLSAlert):
            record["translation"] = _alert_translation(interp.member)
        elif isinstance(interp.member, SSLStatus):
            record["translation"] = _status_translation(interp.member)
    return record


# ---------------------------------------------------------------- text


def _alert_list(alerts: frozenset[TLSAlert]) -> str:
    return ", ".join(f"{int(a)} {a.name}" for a in sorted(alerts))


def _text_lines(interp: Interpretation) -> Iterator[Line]:
    member = interp.member
    if member is None:
        head = interp.family.__name__ if interp.family else (interp.domain or "?")
        yield "  ", f"{head} {interp.code}: unknown", "unknown"
        yield "    ", interp.description, ""
        return
    yield "  ", f"{type(member).__name__} {int(member)} {member.name}", "name"
    yield "    ", member.description, ""
    if interp.domain:
        yield "    ", f"domain: {interp.domain}", ""
    if isinstance(member, SSLStatus):
        fatal = "fatal" if member.fatal else "not fatal"
        yield "    ", f"detected by: {member.detected_by.value}; {fatal}", ""
        for layer in Layer:
            alerts = alerts_for_status(member, layer)
            if alerts:
                yield (
                    "    ",
                    f"alerts reported as this on {layer_label(layer.value)}: {_alert_list(alerts)}",
                    "",
                )
        sent = alerts_sent_for_status(member)
        if sent:
            yield "    ", f"alert this side sends for it: {_alert_list(sent)}", ""
        pairs: dict[str, int] = {}
        for evidence in url_errors_for_status(member):
            key = f"{int(evidence.url_error)} {evidence.url_error.name}"
            pairs[key] = pairs.get(key, 0) + 1
        for key, count in pairs.items():
            logs = "public log" if count == 1 else "public logs"
            yield "    ", f"seen with NSURLError {key} ({count} {logs}; evidence, not a rule)", ""
    if isinstance(member, TLSAlert):
        if member.reserved:
            yield "    ", "reserved: TLS 1.3 peers must not send it", ""
        for layer in Layer:
            # One line per status: the same status observed on an OS and read in the
            #   source is one line with both ("observed, iOS 11 beta; source").
            bases: dict[str, list[str]] = {}
            for row in alert_mappings(member, layer):
                got = (
                    "no status of its own"
                    if row.status is None
                    else (f"{int(row.status)} {row.status.name}")
                )
                basis = f"observed, {row.os}" if row.os else row.basis.value
                if basis not in bases.setdefault(got, []):
                    bases[got].append(basis)
            for got, basis_list in bases.items():
                yield (
                    "    ",
                    f"{layer_label(layer.value)} reports: {got} ({'; '.join(basis_list)})",
                    "",
                )
    yield "    ", f"source: {member.source}", "hint"


def _from_text(query: str) -> tuple[Interpretation, ...]:
    """The codes a pasted text holds (a log line, an NSError dump), read by the scanner."""
    from ._lookup import _families
    from ._scan import scan

    by_name = {f.__name__: f for f in _families()}
    found: list[Interpretation] = []
    for finding in scan(query[:1_000_000]):
        family = by_name.get(finding.family) if finding.family else None
        found.append(Interpretation(family, finding.code, finding.member, finding.domain))
    return tuple(found)


def _not_found_lines(query: str) -> Iterator[Line]:
    from ._lookup import suggestions

    yield "  ", "not recognised as a code, a name or a CFStream pair, and no code in it", "unknown"
    close = suggestions(query) if len(query) < 200 else ()
    if close:
        yield "  ", "did you mean " + " or ".join(close) + "?", "hint"
    else:
        yield "  ", f"try `{PROG} explain` for a whole log or error dump", "hint"


def _decode(
    codes: Sequence[str],
    out: TextIO,
    *,
    as_json: bool = False,
    width: int | None = None,
    color: str = "auto",
) -> int:
    status = 0
    records: list[dict[str, Any]] = []
    wrap = None if as_json else terminal_width(out, width)
    colored = not as_json and color_wanted(color, out)
    for query in codes:
        found = lookup(query)
        scanned = False
        if not found:
            found = _from_text(query)
            scanned = bool(found)
        recognised = any(i.known for i in found)
        if not recognised:
            status = 1
        if as_json:
            records.append(
                {
                    "query": query,
                    "recognised": recognised,
                    "scanned": scanned,
                    "interpretations": [_interpretation_record(i) for i in found],
                }
            )
            continue
        lines: list[Line] = [("", terminal_safe(query), "head")]
        if scanned:
            count = f"{len(found)} code{'s' if len(found) != 1 else ''}"
            lines.append(("  ", f"pasted text: {count} found in it", "hint"))
        if not found:
            lines.extend(_not_found_lines(query))
        for interp in found:
            lines.extend(_text_lines(interp))
        out.write(render(lines, wrap, colored))
    if as_json:
        write_json(records, out)
    return status


def _decode_arguments(arguments: Sequence[str]) -> list[str]:
    """The options first, then ``--`` and every code: ``-9802`` is a code, not an option."""
    return options_then_codes(arguments, VALUE_OPTIONS)


def run(arguments: Sequence[str]) -> int:
    """Decode *arguments* (codes, names, pasted text and the decode's options)."""
    if arguments and not any(is_option(a) or a == "--" for a in arguments):
        # The common case, `atscodes -9802`: no option to parse, so no argparse to import.
        return _decode(arguments, sys.stdout)
    overview = any(a in ("-h", "--help") for a in _decode_arguments(arguments))
    parser = _decode_parser(overview=overview)
    if not arguments:
        raise UsageError(
            f"nothing to decode: give a CODE, pasted TEXT or a COMMAND ({PROG} --help lists them)"
            f"\n{parser.format_usage().rstrip()}"
        )
    args = parser.parse_args(_decode_arguments(arguments))
    return _decode(args.codes, sys.stdout, as_json=args.json, width=args.width, color=args.color)
