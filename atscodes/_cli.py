"""The ``atscodes`` command: decode codes; dispatch to the subcommands.

Exit status: 0 when every argument was recognised, 1 when one was not, 2 for a
usage error or an output error (a full disk, a closed stdout).  Results go to
stdout, errors to stderr as ``atscodes: error: …``.  A reader that goes away
(``| head``) ends the command quietly with 141, as a shell reports SIGPIPE.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, TextIO

from ._alerts import TLSAlert
from ._cli_text import (
    PROG,
    Line,
    UsageError,
    color_wanted,
    is_option,
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

__all__ = ["main"]

# Subcommands: name -> module (imported only when that subcommand runs, so that
# `atscodes -9802` pays for the tables alone).  Each module has SUMMARY (one
# line), run(argv) -> int and, in its epilog, examples.  One line per command.
_COMMANDS: Final = {
    "annotate": "._cli_annotate",
    "ats": "._cli_ats",
    "completion": "._cli_completion",
    "explain": "._cli_explain",
    "report": "._cli_report",
    "table": "._cli_table",
    "trace": "._cli_trace",
    "translate": "._cli_translate",
}

# Options (of any subcommand) that take a value, so that the value of one written
# before the command word (`atscodes --color never table`) is not taken for it.
_VALUE_OPTIONS: Final = frozenset(
    {"--color", "--colour", "--width", "--layer", "--os", "--jobs", "--timeout", "--ca"}
)

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
                yield "    ", f"alerts reported as this on {layer.value}: {_alert_list(alerts)}", ""
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
            for row in alert_mappings(member, layer):
                got = (
                    "no status of its own"
                    if row.status is None
                    else (f"{int(row.status)} {row.status.name}")
                )
                basis = f"observed, {row.os}" if row.os else row.basis.value
                yield "    ", f"{layer.value} reports: {got} ({basis})", ""
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


# ---------------------------------------------------------------- dispatch


def _split_command(arguments: Sequence[str]) -> tuple[str | None, list[str]]:
    """The subcommand named by the first positional argument, and the rest in order.

    Options may come before the command word (``atscodes --json table SSLStatus``):
    they are passed on to the subcommand, which accepts them anywhere.
    """
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            break
        if is_option(argument):
            if argument in _VALUE_OPTIONS:
                index += 1  # skip its value
            index += 1
            continue
        if argument in _COMMANDS:
            return argument, [*arguments[:index], *arguments[index + 1 :]]
        break
    return None, list(arguments)


def _decode_arguments(arguments: Sequence[str]) -> list[str]:
    """The options first, then ``--`` and every code: ``-9802`` is a code, not an option."""
    return options_then_codes(arguments, _VALUE_OPTIONS)


def _dispatch(arguments: Sequence[str]) -> int:
    command, rest = _split_command(arguments)
    if command is not None:
        from importlib import import_module

        run: Callable[[Sequence[str]], int] = import_module(_COMMANDS[command], __package__).run
        return run(rest)
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


def _replace_unencodable(error: UnicodeError) -> tuple[str | bytes, int]:
    """A codec error handler: U+FFFD for each character that cannot be encoded.

    The UTF-8 encoder takes only ASCII text or bytes as a replacement, hence the
    bytes of U+FFFD there; other encodings get "?".
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    count = error.end - error.start
    if error.encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        return "\ufffd".encode() * count, error.end
    return "?" * count, error.end


def _say(message: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _run(arguments: Sequence[str]) -> int:
    try:
        status = _dispatch(arguments)
    except SystemExit as done:  # --help and --version
        status = done.code if isinstance(done.code, int) else 0
    sys.stdout.flush()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Output errors end the command like ``cat``'s: a reader that went away
    (broken pipe) quietly with 141, anything else (a full disk, a closed
    stdout) with one line on stderr and status 2 — never a traceback.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # started with stdout closed (`atscodes -9802 >&-`)
        _say(f"{PROG}: error: standard output is closed")
        return 2
    # Text that cannot be encoded for this terminal (bytes from a log that are not
    # UTF-8, or "…" on an ASCII locale) is escaped rather than allowed to crash.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if any(a.startswith("--json") for a in arguments) and hasattr(sys.stdout, "reconfigure"):
        # JSON must be valid UTF-8: an argv byte that was not UTF-8 (a surrogate escape,
        # which a C.UTF-8 locale's stdout would write back raw) becomes U+FFFD.
        import codecs

        codecs.register_error("atscodes.json", _replace_unencodable)
        sys.stdout.reconfigure(errors="atscodes.json")
    try:
        return _run(arguments)
    except UsageError as error:
        _say(f"{PROG}: error: {error}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `atscodes table | head`: the reader went away; end quietly.
        _discard_stdout()
        return 141
    except OSError as error:
        # A write to stdout failed: /dev/full (ENOSPC), a closed descriptor (EBADF), EIO.
        reason = error.strerror or str(error)
        where = f"{error.filename}: " if error.filename else "write error: "
        _say(f"{PROG}: error: {where}{reason}")
        _discard_stdout()
        return 2
