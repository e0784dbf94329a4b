"""``atscodes translate``: an alert to the status each layer reports, and back."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import Any, Final, TextIO

from ._alerts import TLSAlert
from ._cli_common import (
    PROG,
    Parser,
    add_text_options,
    color_wanted,
    terminal_safe,
    write_json,
)
from ._cli_text import layer_label, options_then_codes, render, terminal_width
from ._lookup import lookup, suggestions
from ._sslstatus import SSLStatus
from ._translate import (
    AlertMapping,
    Layer,
    URLErrorEvidence,
    alert_mappings,
    alerts_for_status,
    alerts_sent_for_status,
    statuses_for_url_error,
    url_errors_for_status,
)
from ._urlerror import URLError

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "an alert -> the status each layer reports; a status -> the alerts behind it"

_EPILOG: Final = """\
CODE is a TLS alert (42, bad_certificate), an errSSL status (-9802, errSSLFatalAlert)
or an NSURLError code (-1200, secureConnectionFailed).  For an alert: the status each
layer reports when the peer sends it.  For a status: every alert each layer reports as
it, the alert this side sends for it, and the NSURLError codes public logs show with it
(evidence, not a rule).  For an NSURLError code: the statuses public logs show with it.
Every row names its basis (read in Apple's code, or observed) and the OS it was seen on.

layers: cfstream (SecureTransport through CFStream and sockets), url-loading
(NSURLSession / NSURLConnection), network (Network.framework used directly); also
written url_loading, in any letter case.

examples:
  atscodes translate 42 --layer cfstream
  atscodes translate -9802 --layer url-loading
  atscodes translate bad_certificate --os "iOS 11"
  atscodes translate -1200 --json

exit status: 0 translated, 1 no translation recorded (or not a code), 2 usage error
"""


_VALUE_OPTIONS: Final = frozenset({"--layer", "--os", "--width", "--color", "--colour"})


def _layer(text: str) -> Layer:
    from ._translate import _layer as layer_named

    try:
        return layer_named(text)
    except ValueError:
        choices = ", ".join(layer.value.replace("_", "-") for layer in Layer)
        raise argparse.ArgumentTypeError(f"unknown layer {text!r} (one of: {choices})") from None


def _os(text: str) -> str:
    from ._translate import _os_query

    try:
        _os_query(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} names no platform and major version (such as 'iOS 17')"
        ) from None
    return text


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} translate",
        description="Translate between TLS alerts, errSSL statuses and NSURLError codes, "
        "with the evidence of every row.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("code", metavar="CODE")
    parser.add_argument(
        "--layer",
        type=_layer,
        action="append",
        metavar="LAYER",
        help="only this layer: cfstream, url-loading or network (default: all; may be repeated)",
    )
    parser.add_argument(
        "--os",
        type=_os,
        metavar="VERSION",
        help='only the observations made on this major version ("iOS 11", "iOS 17"),'
        " with the rows read in code",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_text_options(parser)
    return parser


def _seen_on(row_os: str | None, wanted: str | None) -> bool:
    """Whether a public log seen on *row_os* was made on ``--os`` *wanted* (``None``: any).

    The same rule as the translation functions' ``os=``: the same platform and
    major version; a log that names no OS does not fit a given one.
    """
    if wanted is None:
        return True
    from ._translate import _os_key, _os_query

    return row_os is not None and _os_key(row_os) == _os_query(wanted)


def _mapping_json(row: AlertMapping) -> dict[str, Any]:
    return {
        "alert": int(row.alert),
        "alert_name": row.alert.name,
        "status": None if row.status is None else int(row.status),
        "status_name": None if row.status is None else row.status.name,
        "layer": row.layer.value,
        "basis": row.basis.value,
        "os": row.os,
        "source": row.source,
        "note": row.note,
    }


def _evidence_json(row: URLErrorEvidence) -> dict[str, Any]:
    return {
        "status": int(row.status),
        "status_name": row.status.name,
        "url_error": int(row.url_error),
        "url_error_name": row.url_error.name,
        "os": row.os,
        "date": row.date,
        "source": row.source,
    }


def _basis(row: AlertMapping) -> str:
    if row.os:
        return f"{row.basis.value}, {row.os}"
    return f"{row.basis.value}, no OS stated"


class _Translation:
    """What ``translate`` found for one code, as JSON and as text lines."""

    def __init__(self, layers: Sequence[Layer], os: str | None) -> None:
        self.layers = layers
        self.os = os
        self.rows = 0

    def alert(self, alert: TLSAlert) -> tuple[dict[str, Any], list[str]]:
        record: dict[str, Any] = {"kind": "alert", "code": int(alert), "name": alert.name}
        lines = [f"TLS alert {int(alert)} {alert.name}: {alert.description}"]
        by_layer: dict[str, list[dict[str, Any]]] = {}
        for layer in self.layers:
            rows = list(alert_mappings(alert, layer, os=self.os))
            by_layer[layer.value] = [_mapping_json(r) for r in rows]
            self.rows += len(rows)
            if not rows:
                lines.append(f"  {layer_label(layer.value)}: no row recorded")
            for row in rows:
                got = (
                    "no status of its own"
                    if row.status is None
                    else (f"{int(row.status)} {row.status.name}")
                )
                lines.append(f"  {layer_label(layer.value)}: {got} ({_basis(row)})")
                lines.append(f"      source: {row.source}")
        record["layers"] = by_layer
        return record, lines

    def status(self, status: SSLStatus) -> tuple[dict[str, Any], list[str]]:
        record: dict[str, Any] = {"kind": "status", "code": int(status), "name": status.name}
        lines = [f"SSLStatus {int(status)} {status.name}: {status.description}"]
        alerts: dict[str, list[dict[str, Any]]] = {}
        for layer in self.layers:
            rows = [
                row
                for alert in sorted(alerts_for_status(status, layer, os=self.os))
                for row in alert_mappings(alert, layer, os=self.os)
                if row.status == status
            ]
            alerts[layer.value] = [_mapping_json(r) for r in rows]
            self.rows += len(rows)
            lines.append(
                f"  alerts {layer_label(layer.value)} reports as this: "
                f"{len(rows) or 'none recorded'}"
            )
            for row in rows:
                lines.append(f"    {int(row.alert)} {row.alert.name} ({_basis(row)})")
        record["alerts"] = alerts
        sent = sorted(alerts_sent_for_status(status))
        record["alerts_sent"] = [{"alert": int(a), "alert_name": a.name} for a in sent]
        if sent:
            shown = ", ".join(f"{int(a)} {a.name}" for a in sent)
            lines.append(f"  alert this side sends when it detects this: {shown}")
        evidence = [e for e in url_errors_for_status(status) if _seen_on(e.os, self.os)]
        record["url_errors"] = [_evidence_json(e) for e in evidence]
        self.rows += len(evidence)
        if evidence:
            lines.append("  NSURLError codes public logs show with it (evidence, not a rule):")
            lines.extend(self._evidence_lines(evidence, url_side=True))
        return record, lines

    def url_error(self, url_error: URLError) -> tuple[dict[str, Any], list[str]]:
        record: dict[str, Any] = {
            "kind": "url_error",
            "code": int(url_error),
            "name": url_error.name,
        }
        lines = [f"URLError {int(url_error)} {url_error.name}: {url_error.description}"]
        evidence = [e for e in statuses_for_url_error(url_error) if _seen_on(e.os, self.os)]
        record["statuses"] = [_evidence_json(e) for e in evidence]
        self.rows += len(evidence)
        if evidence:
            lines.append("  errSSL statuses public logs show with it (evidence, not a rule):")
            lines.extend(self._evidence_lines(evidence, url_side=False))
        else:
            lines.append("  no public log recorded with an errSSL status")
        return record, lines

    @staticmethod
    def _evidence_lines(rows: Sequence[URLErrorEvidence], *, url_side: bool) -> Iterator[str]:
        for row in rows:
            code = row.url_error if url_side else row.status
            seen = row.os or "OS not stated"
            yield f"    {int(code)} {code.name} ({seen}; {row.source})"


def _translate(args: argparse.Namespace, out: TextIO) -> int:
    layers: Sequence[Layer] = tuple(dict.fromkeys(args.layer)) if args.layer else tuple(Layer)
    translation = _Translation(layers, args.os)
    records: list[dict[str, Any]] = []
    text: list[str] = []
    for interp in lookup(args.code):
        member = interp.member
        if isinstance(member, TLSAlert):
            record, lines = translation.alert(member)
        elif isinstance(member, SSLStatus):
            record, lines = translation.status(member)
        elif isinstance(member, URLError):
            record, lines = translation.url_error(member)
        else:
            continue
        records.append(record)
        text.extend(lines)
    if not records:
        close = suggestions(args.code) if len(args.code) < 200 else ()
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        message = (
            f"{terminal_safe(args.code)}: not a TLS alert, an errSSL status or an NSURLError"
            f" code{hint}"
        )
        if args.json:
            write_json({"query": args.code, "translations": [], "error": message}, out)
        else:
            sys.stderr.write(f"{PROG} translate: {message}\n")
        return 1
    if args.json:
        write_json(
            {
                "query": args.code,
                "layers": [layer.value for layer in layers],
                "os": args.os,
                "translations": records,
            },
            out,
        )
    else:
        color = color_wanted(args.color, out)
        styled: list[tuple[str, str, str]] = []
        for line in text:
            body = line.lstrip(" ")
            indent = line[: len(line) - len(body)]
            style = "hint" if body.startswith("source:") else ("" if indent else "name")
            styled.append((indent, terminal_safe(body), style))
        out.write(render(styled, terminal_width(out, args.width), color))
    return 0 if translation.rows else 1


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes translate`` with *argv*; return the exit status."""
    arguments = options_then_codes(argv, _VALUE_OPTIONS)
    if "--" not in arguments:
        arguments.append("--")  # no CODE: argparse says so
    return _translate(_parser().parse_args(arguments), sys.stdout)
