"""``explain()``: from a code, an NSError dump or a whole log to causes and next steps.

Everything said comes from the knowledge base in ``_knowledge`` (one record per
code, each statement with its sources) and from the evidence in the input: the
TLS alerts a log shows and who sent them, the trust-failure lines around a
failure (``_events``).  This module decodes the input into layers, picks the most
specific one, decides the side at fault from the evidence, and renders the answer.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, BinaryIO, Final, TextIO, Union

import attrs

from ._base import Code
from ._cfnetwork import CFNetworkError
from ._events import (
    AlertSeen,
    FailureEvent,
    Sender,
    group_lines,
    group_records,
    lines_of_stream,
    lines_of_text,
    merge_events,
)
from ._knowledge import entry_for
from ._knowledge_types import ATSAdvice, Claim, Entry, Side, Source, Step
from ._lookup import Interpretation, lookup
from ._records import LogRecord
from ._scan import Finding
from ._urlerror import URLError

__all__ = [
    "CauseGroup",
    "ErrorLayer",
    "Event",
    "Explanation",
    "Layer",
    "LogReport",
    "explain",
    "explain_event",
    "explain_log",
    "explain_records",
]

# Outer to inner: the order in which the layers of a nested error are shown.
_DEPTH: Final[dict[str, int]] = {
    "URLError": 0,
    "CFNetworkError": 1,
    "DarwinErrno": 2,
    "AddrInfoError": 2,
    "SSLStatus": 3,
    "SecError": 3,
    "TLSAlert": 4,
}
_HOST: Final = re.compile(r"https?://([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])")
_TRUST_WORDS: Final = re.compile(r"(?i)trust|certificate|self-signed|\bCA\b|root")
#: What the text output says where the host is not in the log.
NO_HOST: Final = "host not in the log"
# A placeholder for commands and Info.plist keys when the input names no host.
_HOST_PLACEHOLDER: Final = "HOST"
#: Events kept in a LogReport (all are counted in its groups; see ``LogReport.event_count``).
MAX_EVENTS: Final = 1000
_THREAD_80638: Final = Source(
    "Apple Developer Forums thread 80638 (kCFStreamErrorDomainSSL Error -9802)",
    "https://developer.apple.com/forums/thread/80638",
)
_BORINGSSL_ALERT: Final = Source(
    "BoringSSL ssl/tls_record.cc, ssl_process_alert (a received fatal alert)",
    "https://boringssl.googlesource.com/boringssl/+/refs/heads/master/ssl/tls_record.cc",
)
_RFC8446_ALERTS: Final = Source(
    "RFC 8446 §6.2 (Error Alerts)", "https://www.rfc-editor.org/rfc/rfc8446#section-6.2"
)
_RFC8446_NO_CERT: Final = Source(
    "RFC 8446 §4.4.2.4 (Receiving a Certificate Message)",
    "https://www.rfc-editor.org/rfc/rfc8446#section-4.4.2.4",
)
_RFC5246_NO_CERT: Final = Source(
    "RFC 5246 §7.4.6 (Client Certificate)", "https://www.rfc-editor.org/rfc/rfc5246#section-7.4.6"
)
_GO_NO_CERT: Final = Source(
    "Go crypto/tls handshake_server.go, processCertsFromClient (bad_certificate for a required "
    "client certificate not sent)",
    "https://github.com/golang/go/blob/0007017f9631f4793f5699d77942c7224ad2b349/src/crypto/tls/"
    "handshake_server.go",
)
# What a received client-certificate alert says of the app's certificate, and its sources.
_CLIENT_CERT_NOTES: Final[dict[int, tuple[str, tuple[Source, ...]]]] = {
    42: (
        " Received by an app, this alert usually means that the server rejected the app's "
        "client certificate (inference: a server checks no certificate but the client's). "
        "A server that requires one and gets none should send handshake_failure (TLS 1.2, "
        "RFC 5246 §7.4.6) or certificate_required (TLS 1.3, RFC 8446 §4.4.2.4), but Go's "
        "crypto/tls server has sent bad_certificate in that case (handshake_server.go at the "
        "version cited), so an app that sent none is possible with such a server.",
        (_RFC5246_NO_CERT, _RFC8446_NO_CERT, _GO_NO_CERT),
    ),
    48: (
        " Received by an app, this alert usually means that the server rejected the app's "
        "client certificate because it does not trust its issuer (inference: a server checks "
        "no certificate but the client's).",
        (),
    ),
    116: (
        " Received by an app, this alert means that the server requires a client "
        "certificate and the app sent none (RFC 8446 §4.4.2.4).",
        (_RFC8446_NO_CERT,),
    ),
}


@attrs.frozen
class ErrorLayer:
    """One decoded layer of an error: family, code, name and what the code means."""

    family: str | None
    code: int
    name: str | None
    description: str
    domain: str | None = None


#: The name this record had before 0.2 (it is not :class:`atscodes.Layer`).
Layer = ErrorLayer


@attrs.frozen(repr=False)
class Explanation:
    """The answer for one failure: meaning, side at fault, causes, next steps, sources.

    ``layers`` lists every code found, outer to inner (NSURLError, CFNetwork, the
    CFStream pair, the SecureTransport status, the TLS alert).  ``hidden`` says
    what can hide behind a code that does not say much (-9802, -1200, -1202).
    ``evidence`` are the lines of the input the side rests on; ``alerts`` the TLS
    alerts the input shows, with who sent them.  ``alternatives`` are the other
    readings of a bare number that means different things in different families
    (42 is a TLS alert or Darwin ``ENOPROTOOPT``): each explained on its own.
    ``str()`` is the text ``atscodes explain`` prints.
    """

    query: str
    known: bool
    layers: tuple[ErrorLayer, ...]
    meaning: str
    side: Side
    side_reason: str
    hidden: tuple[Claim, ...] = ()
    causes: tuple[Claim, ...] = ()
    next_steps: tuple[Step, ...] = ()
    ats: ATSAdvice | None = None
    os_notes: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = ()
    host: str | None = None
    #: The layer the explanation is about: the most specific code with a record.
    primary: ErrorLayer | None = None
    evidence: tuple[str, ...] = ()
    alerts: tuple[AlertSeen, ...] = ()
    time: str | None = None
    alternatives: tuple[Explanation, ...] = ()
    #: Whether the query was a log or pasted text (the text then says where the host is).
    from_text: bool = False
    #: Lines of the input named as noise, with their count.
    noise: tuple[tuple[str, int], ...] = ()
    #: Sources of the side reason when the evidence, not the record, decided it.
    side_sources: tuple[Source, ...] = ()

    def __repr__(self) -> str:
        codes = " / ".join(str(layer.code) for layer in self.layers) or repr(self.query[:40])
        return f"<Explanation {codes} side={self.side.value}>"

    def __str__(self) -> str:
        return self.to_text(100)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with stable keys (see the README)."""
        return {
            "query": self.query,
            "known": self.known,
            "layers": [attrs.asdict(layer) for layer in self.layers],
            "meaning": self.meaning,
            "side": self.side.value,
            "side_reason": self.side_reason,
            "evidence": list(self.evidence),
            "alerts": [a.to_json() for a in self.alerts],
            "time": self.time,
            "hidden": [_claim_json(c) for c in self.hidden],
            "causes": [_claim_json(c) for c in self.causes],
            "next_steps": [_step_json(s) for s in self.next_steps],
            "ats": None
            if self.ats is None
            else {
                "requirement": self.ats.requirement,
                "exception": self.ats.exception,
                "cost": self.ats.cost,
                "needs_justification": self.ats.needs_justification,
                "sources": [_source_json(s) for s in self.ats.sources],
            },
            "os_notes": [_claim_json(c) for c in self.os_notes],
            "sources": [_source_json(s) for s in self.sources],
            "host": self.host,
            "primary": None if self.primary is None else attrs.asdict(self.primary),
            "alternatives": [a.to_json() for a in self.alternatives],
            "noise": [{"text": t, "lines": n} for t, n in self.noise],
        }

    def to_markdown(self) -> str:
        """Markdown for an issue or a pull request (complete), with the sources as links."""
        return _Markdown().explanation(self)

    def to_text(self, width: int = 100, *, color: bool = False, full: bool = False) -> str:
        """Plain text wrapped to *width*; ANSI colour only when *color*.

        By default what a person reads first, in at most 30 lines at 100 columns;
        *full* gives the complete report (all causes, what hides behind the code,
        OS notes, ATS details, sources).
        """
        return _Text(width, color, full).explanation(self)


@attrs.frozen
class Event:
    """One failure in a log, as a report shows it: where, when, which side, which cause."""

    line_no: int
    findings: tuple[Finding, ...] = attrs.field(repr=False)
    host: str | None = None
    cause: str = ""
    side: Side = Side.UNKNOWN
    alerts: tuple[AlertSeen, ...] = ()
    time: str | None = None

    @property
    def codes(self) -> tuple[Finding, ...]:
        """The distinct codes of the event (the first finding of each)."""
        return self.findings

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line_no,
            "time": self.time,
            "host": self.host,
            "cause": self.cause,
            "side": self.side.value,
            "alerts": [a.to_json() for a in self.alerts],
            "codes": [f.to_json() for f in self.findings],
        }


@attrs.frozen
class CauseGroup:
    """The events that share a cause and side, counted per host (``None``: the host is not
    in the log), most frequent first, explained once."""

    cause: str
    count: int
    hosts: tuple[tuple[str | None, int], ...]
    explanation: Explanation = attrs.field(repr=False)


@attrs.frozen(repr=False)
class LogReport:
    """A whole log: its failure events grouped by cause, most severe first, and a summary.

    ``events`` holds the first :data:`MAX_EVENTS` events; ``event_count`` counts all.
    ``str()`` is the text ``atscodes explain`` prints.
    """

    events: tuple[Event, ...]
    groups: tuple[CauseGroup, ...]
    summary: tuple[str, ...]
    event_count: int = 0
    noise: tuple[tuple[str, int], ...] = ()

    def __repr__(self) -> str:
        return f"<LogReport {self.event_count} events, {len(self.groups)} causes>"

    def __str__(self) -> str:
        return self.to_text(100)

    def to_json(self) -> dict[str, Any]:
        return {
            "event_count": self.event_count,
            "events": [e.to_json() for e in self.events],
            "groups": [
                {
                    "cause": g.cause,
                    "count": g.count,
                    "hosts": [{"host": h, "count": n} for h, n in g.hosts],
                    "explanation": g.explanation.to_json(),
                }
                for g in self.groups
            ],
            "summary": list(self.summary),
            "noise": [{"text": t, "lines": n} for t, n in self.noise],
        }

    def to_markdown(self) -> str:
        return _Markdown().report(self)

    def to_html(
        self, *, title: str | None = None, bucket: str = "auto", max_events: int = 2000
    ) -> str:
        """One self-contained HTML page of this report (what ``atscodes report`` writes)."""
        from ._report import build, render_html  # noqa: PLC0415 (only when asked)

        report = build([("log", self, None)], title=title, bucket=bucket, max_events=max_events)
        return render_html(report)

    def to_text(self, width: int = 100, *, color: bool = False, full: bool = False) -> str:
        return _Text(width, color, full).report(self)


# ---------------------------------------------------------------- building


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _layers_from(
    members: Iterable[tuple[Code | None, str | None, int, str | None]],
) -> list[tuple[ErrorLayer, Code | None]]:
    layers: list[tuple[ErrorLayer, Code | None]] = []
    seen: set[tuple[str | None, int]] = set()
    for member, family, code, domain in members:
        key = (family, code)
        if key in seen:
            continue
        seen.add(key)
        description = member.description if member is not None else f"unknown code in {domain}"
        layers.append(
            (
                ErrorLayer(
                    family, code, None if member is None else member.name, description, domain
                ),
                member,
            )
        )
    layers.sort(key=lambda pair: _DEPTH.get(pair[0].family or "", 5))
    return layers


def _alert_label(alert: AlertSeen) -> str:
    return f"{alert.name or 'unknown alert'} ({alert.number})"


def _receiver_note(number: int) -> tuple[str, tuple[Source, ...]]:
    """What a received alert means to the app that received it, and what Apple's layers
    report for it, as a sentence or two to add to the side reason."""
    text = ""
    sources: list[Source] = [_RFC8446_ALERTS]
    if number in _CLIENT_CERT_NOTES:
        note, note_sources = _CLIENT_CERT_NOTES[number]
        text += note
        sources.extend(note_sources)
    view, view_sources = _receiver_view(number)
    if view:
        text += " " + view
        sources.extend(view_sources)
    return text, tuple(sources)


def _receiver_view(number: int) -> tuple[str, tuple[Source, ...]]:
    """What Apple's layers report for a received alert, each with its OS and basis."""
    from ._translate import Layer as ReportingLayer  # noqa: PLC0415 - loaded when needed
    from ._translate import alert_mappings  # noqa: PLC0415

    parts: list[str] = []
    for layer, where in (
        (ReportingLayer.CFSTREAM, "CFStream"),
        (ReportingLayer.URL_LOADING, "the URL loading system"),
    ):
        bases: dict[str, list[str]] = {}
        for mapping in alert_mappings(number, layer):
            if mapping.status is None:
                continue
            label = f"{int(mapping.status)} {mapping.status.name}"
            basis = f"seen on {mapping.os}" if mapping.os else "read in Apple's source"
            if basis not in bases.setdefault(label, []):
                bases[label].append(basis)
        if bases:
            shown = " or ".join(f"{label} ({'; '.join(b)})" for label, b in bases.items())
            parts.append(f"{shown} on {where}")
    if not parts:
        return "", ()
    text = "Apple's layers report this alert as " + "; ".join(parts) + "."
    return text, (_THREAD_80638,)


def _side_from_evidence(
    event: FailureEvent | None, layers: Sequence[ErrorLayer], primary: Entry
) -> tuple[Side, str, tuple[str, ...], tuple[Source, ...]] | None:
    """The side the evidence shows, its reason, the lines it rests on, and their sources."""
    status = next((lay for lay in layers if lay.family == "SSLStatus"), None)
    behind = f" The alert behind {status.code}" if status is not None else ""
    if event is not None:
        sent_by_peer = [a for a in event.alerts if a.sender is Sender.PEER]
        written = [a for a in event.alerts if a.sender is Sender.LOCAL]
        if written:
            alert = written[0]
            reason = (
                f"This device sent the fatal alert {_alert_label(alert)} (line {alert.line_no}: "
                "'write alert'): it refused the server and told it why."
            )
            if behind:
                reason += f"{behind} is that alert."
            return (
                Side.LOCAL,
                reason,
                (f"line {alert.line_no}: write alert {_alert_label(alert)}",),
                (_RFC8446_ALERTS,),
            )
        if event.trust_lines:
            line, mark = event.trust_lines[0]
            reason = (
                f"The log says this device's trust evaluation failed (line {line}: '{mark}'): "
                "this device refused the server's certificate."
            )
            return (
                Side.LOCAL,
                reason,
                tuple(f"line {n}: {m}" for n, m in event.trust_lines),
                (),
            )
        if sent_by_peer:
            alert = sent_by_peer[0]
            reason = (
                f"The server sent the fatal alert {_alert_label(alert)} (line {alert.line_no}): "
                "it refused this connection."
            )
            if behind:
                reason += f"{behind} is {_alert_label(alert)}."
            note, note_sources = _receiver_note(alert.number)
            reason += note
            sources = (_BORINGSSL_ALERT, *note_sources)
            return (
                Side.PEER,
                reason,
                tuple(
                    f"line {a.line_no}: alert {_alert_label(a)} from the server"
                    for a in sent_by_peer
                ),
                sources,
            )
    if primary.family == "TLSAlert" and (event is None or not event.alerts):
        # An alert code on its own: as the app that received it sees it.
        note, note_sources = _receiver_note(primary.code)
        if note:
            return (
                primary.side,
                primary.side_reason.text + note,
                (),
                (*primary.side_reason.sources, *note_sources),
            )
    if primary.family == "SSLStatus" and primary.code == -9802:
        return (
            Side.EITHER,
            "Apple's stack reports -9802 (errSSLFatalAlert) both when the server sent a "
            "fatal alert and when this device refused the server (ATS or trust) and sent one. "
            "Look for a 'read alert' or 'write alert' line of the same connection, or an 'ATS "
            "failed system trust' line, or take a packet trace.",
            (),
            (_THREAD_80638,),
        )
    return None


def _with_host(step: Step, host: str | None) -> Step:
    if step.command is None or "{host}" not in step.command:
        return step
    return attrs.evolve(step, command=step.command.replace("{host}", host or _HOST_PLACEHOLDER))


def _ats_with_host(ats: ATSAdvice | None, host: str | None) -> ATSAdvice | None:
    if ats is None or "{host}" not in ats.exception:
        return ats
    return attrs.evolve(ats, exception=ats.exception.replace("{host}", host or _HOST_PLACEHOLDER))


def _assemble(
    query: str,
    layers: list[tuple[ErrorLayer, Code | None]],
    host: str | None,
    event: FailureEvent | None = None,
    *,
    from_text: bool = False,
) -> Explanation:
    entries: list[Entry] = []
    for _, member in layers:
        if member is None:
            continue
        entry = entry_for(member)
        if entry is not None:
            entries.append(entry)
    just_layers = tuple(layer for layer, _ in layers)
    alerts = () if event is None else event.alerts
    time = None if event is None else event.time
    if not entries:
        return Explanation(
            query,
            False,
            just_layers,
            "atscodes does not recognise this as an Apple TLS or URL-loading code."
            if not just_layers
            else "; ".join(layer.description for layer in just_layers),
            Side.UNKNOWN,
            "No explanation is recorded for these codes.",
            host=host,
            alerts=alerts,
            time=time,
            from_text=from_text,
        )
    # The most specific layer explains the failure; -9802 and the URL layer defer to it.
    primary = max(entries, key=lambda e: (_DEPTH.get(e.family, 0), -entries.index(e)))
    side, side_reason = primary.side, primary.side_reason.text
    evidence: tuple[str, ...] = ()
    side_sources: tuple[Source, ...] = ()
    found = _side_from_evidence(event, just_layers, primary)
    if found is not None:
        side, side_reason, evidence, side_sources = found
    # The answer is about the most specific layer: an outer wrapper (-1200, -1202) adds
    # its general causes only when nothing more specific is known.
    causes = primary.causes
    if event is not None and event.trust_lines and side is Side.LOCAL:
        # The log says trust evaluation failed: the causes about certificates and trust
        # come first (a stable reordering of the record's own list; nothing is added).
        causes = tuple(sorted(causes, key=lambda c: not _TRUST_WORDS.search(c.text)))
    steps = _dedupe(_with_host(s, host) for s in primary.next_steps)
    hidden = primary.hides
    os_notes = primary.os_notes
    ordered = [primary] + [e for e in entries if e is not primary]
    ats = _ats_with_host(next((e.ats for e in ordered if e.ats is not None), None), host)
    sources = _by_url(
        [s for e in ordered for s in e.meaning.sources]
        + list(side_sources if found is not None else primary.side_reason.sources)
        + [s for c in (*hidden, *causes, *os_notes) for s in c.sources]
        + [s for step in steps for s in step.sources]
        + list(ats.sources if ats is not None else ())
    )
    primary_layer = next(
        (lay for lay in just_layers if (lay.family, lay.code) == (primary.family, primary.code)),
        None,
    )
    return Explanation(
        query,
        True,
        just_layers,
        primary.meaning.text,
        side,
        side_reason,
        hidden,
        causes,
        steps,
        ats,
        os_notes,
        sources,
        host,
        primary_layer,
        evidence,
        alerts,
        time,
        from_text=from_text,
        side_sources=side_sources if found is not None else primary.side_reason.sources,
    )


def _by_url(sources: Iterable[Source]) -> tuple[Source, ...]:
    """Each source once: the first record of every address."""
    first: dict[str, Source] = {}
    for source in sources:
        first.setdefault(source.url, source)
    return tuple(first.values())


def _host_in(text: str) -> str | None:
    match = _HOST.search(text)
    return None if match is None else match[1]


def _interpretation_layers(found: Sequence[Interpretation]) -> list[tuple[ErrorLayer, Code | None]]:
    return _layers_from(
        (i.member, i.family.__name__ if i.family else None, i.code, i.domain) for i in found
    )


def _event_layers(event: FailureEvent) -> list[tuple[ErrorLayer, Code | None]]:
    return _layers_from((f.member, f.family, f.code, f.domain) for f in event.codes)


def explain(query: int | str | Code) -> Explanation:
    """Explain a code (``-9802``, ``"[3:-9813]"``, ``"errSSLPeerBadCert"``) or a pasted error.

    A member (``TLSAlert.bad_certificate``) is explained as itself.  A string that
    :func:`atscodes.lookup` reads as a code is explained as that code; a bare number
    that means different things in different families (42) is explained in its first
    reading, with the others in ``alternatives``.  Anything else (a log line, an
    ``NSError`` dump) is scanned and all its codes are the layers of one failure,
    the side decided by the alerts and trust lines it holds.  For a whole log with
    several failures, use :func:`explain_log`.
    """
    if isinstance(query, bool) or not isinstance(query, (int, str)):
        raise TypeError(f"explain() takes an int or a str, not {type(query).__name__}")
    if isinstance(query, Code):
        member: Code = query
        layers = _layers_from([(member, type(member).__name__, int(member), None)])
        return _assemble(f"{int(member)}", layers, None)
    if isinstance(query, int) and query.bit_length() > 128:
        # Out of every family's range, and too long for str() past Python's 4300-digit
        #   limit: an honest unknown, as the command line gives for it.
        return _assemble(f"a number of {query.bit_length()} bits", [], None)
    text = str(query)
    # A code, a name or a pair is short; longer text is a line or a log to scan.
    short = len(text) <= 256 and "\n" not in text
    found = lookup(query) if isinstance(query, int) or short else ()
    if found:
        readings = _alternative_readings(found)
        if len(readings) > 1:
            # Explained first: a reading atscodes has a record for, and not a reserved
            # (obsolete) alert; the order of lookup() otherwise.
            readings.sort(key=_reading_rank)
            first, *others = (
                _assemble(text, _interpretation_layers([reading]), None) for reading in readings
            )
            return attrs.evolve(first, alternatives=tuple(others))
        return _assemble(text, _interpretation_layers(found), _host_in(text))
    noise: dict[str, int] = {}
    event = merge_events(group_lines(lines_of_text(text), noise=noise))
    if event is None:
        foreign = _foreign(text)
        if foreign is not None:
            return attrs.evolve(foreign, noise=tuple(noise.items()))
        return attrs.evolve(_assemble(text, [], None, from_text=True), noise=tuple(noise.items()))
    result = _assemble(text, _event_layers(event), event.host, event, from_text=True)
    return attrs.evolve(result, noise=tuple(noise.items()))


def _foreign(text: str) -> Explanation | None:
    """The explanation of a TLS error that is not Apple's (Dart's ``HandshakeException``)."""
    from ._knowledge import foreign_error_for  # noqa: PLC0415 - only for unknown input

    record = foreign_error_for(text[:65536])
    if record is None:
        return None
    steps = tuple(_with_host(s, _host_in(text)) for s in record.next_steps)
    sources = _by_url(
        [
            *record.meaning.sources,
            *record.side_reason.sources,
            *(s for c in record.causes for s in c.sources),
            *(s for step in steps for s in step.sources),
        ]
    )
    return Explanation(
        text,
        True,
        (),
        f"{record.name}: {record.meaning.text}",
        record.side,
        record.side_reason.text,
        causes=record.causes,
        next_steps=steps,
        sources=sources,
        host=_host_in(text),
        from_text=True,
        side_sources=record.side_reason.sources,
    )


def _reading_rank(reading: Interpretation) -> tuple[bool, bool]:
    member = reading.member
    if member is None:
        return True, True
    return entry_for(member) is None, member.name.endswith("_RESERVED")


def _alternative_readings(found: Sequence[Interpretation]) -> list[Interpretation]:
    """The readings of a bare number that are alternatives (several families, no domain)."""
    if len(found) < 2 or any(i.domain is not None for i in found):
        return [found[0]] if len(found) == 1 else list(found[:0])
    if len({i.code for i in found}) != 1 or len({i.family for i in found}) != len(found):
        return []
    if _twins(found):
        return []  # one failure in two numberings: its layers, not alternatives
    return list(found)


def _twins(found: Sequence[Interpretation]) -> bool:
    """Whether *found* is one NSURLError and the kCFURLError of the same condition.

    CFNetworkErrors.h gives the kCFURLError codes the NSURLError values of the same
    conditions (``kCFURLErrorSecureConnectionFailed`` = ``NSURLErrorSecureConnectionFailed``
    = -1200; only the Unknown codes differ, -998 and -1): one failure, two layers.
    """
    if len(found) != 2:
        return False
    url, cf = sorted(found, key=lambda i: i.family is not URLError)
    if url.family is not URLError or cf.family is not CFNetworkError:
        return False
    if url.member is None or cf.member is None:
        return False
    return url.member.name[len("NSURLError") :] == cf.member.name[len("kCFURLError") :]


# ---------------------------------------------------------------- logs

# How bad a cause is, for ordering a report: security failures first, cancellations last.
_SEVERITY: Final[dict[Side, int]] = {
    Side.PEER: 3,
    Side.LOCAL: 3,
    Side.EITHER: 3,
    Side.CONFIGURATION: 2,
    Side.TRANSPORT: 1,
    Side.UNKNOWN: 0,
}


def _cause_key(explanation: Explanation) -> str:
    codes = _dedupe(str(layer.code) for layer in explanation.layers if layer.name)
    return " / ".join(codes) or "unrecognised"


def explain_event(event: FailureEvent) -> Explanation:
    """The explanation of one failure event (see ``atscodes._events``)."""
    layers = _event_layers(event)
    result = _assemble("", layers, event.host, event, from_text=True)
    return attrs.evolve(result, query=_cause_key(result))


OnEvent = Callable[[Event, Explanation], None]


def explain_records(records: Iterable[LogRecord], *, on_event: OnEvent | None = None) -> LogReport:
    """Group records into failure events, count them per host and cause, explain each
    distinct cause (and side) once, and summarise, most severe first.

    Memory grows with the number of distinct causes and hosts, not with the input.
    *on_event*, when given, is called with each ``(Event, Explanation)`` as soon as
    the event is complete (``atscodes explain --follow``).
    """
    noise: dict[str, int] = {}
    return _explain_events(group_records(records, noise=noise), noise, on_event)


def _explain_events(
    failures: Iterable[FailureEvent], noise: dict[str, int], on_event: OnEvent | None
) -> LogReport:
    events: list[Event] = []
    count = 0
    by_cause: dict[tuple[str, Side], dict[str | None, int]] = {}
    counts: dict[tuple[str, Side], int] = {}
    firsts: dict[tuple[str, Side], FailureEvent] = {}
    for failure in failures:
        layers = _event_layers(failure)
        probe = _assemble("", layers, failure.host, failure, from_text=True)
        cause = _cause_key(probe)
        key = (cause, probe.side)
        firsts.setdefault(key, failure)
        event = Event(
            failure.line_no,
            failure.codes,
            failure.host,
            cause,
            probe.side,
            failure.alerts,
            failure.time,
        )
        count += 1
        if len(events) < MAX_EVENTS:
            events.append(event)
        if on_event is not None:
            on_event(event, attrs.evolve(probe, query=cause))
        hosts = by_cause.setdefault(key, {})
        host = failure.host
        if host in hosts or len(hosts) < MAX_EVENTS:
            hosts[host] = hosts.get(host, 0) + 1
        counts[key] = counts.get(key, 0) + 1
    groups = []
    for key, hosts in by_cause.items():
        cause, _side = key
        top = sorted(hosts.items(), key=lambda kv: -kv[1])
        named = [h for h, _ in top if h is not None]
        first = attrs.evolve(firsts[key], host=named[0] if named else None)
        explanation = attrs.evolve(explain_event(first), query=cause)
        groups.append(CauseGroup(cause, counts[key], tuple(top), explanation))
    groups.sort(key=lambda g: (-_SEVERITY[g.explanation.side], -g.count))
    events.sort(key=lambda e: e.line_no)
    return LogReport(
        tuple(events),
        tuple(groups),
        tuple(_summary(g) for g in groups),
        count,
        tuple(noise.items()),
    )


LogInput = Union[str, BinaryIO, TextIO]


def explain_log(log: LogInput, *, on_event: OnEvent | None = None) -> LogReport:
    """Explain a whole log: a ``str`` or a binary or text stream (read in chunks).

    See :func:`explain_records`.  A stream is read to its end in bounded memory.
    """
    noise: dict[str, int] = {}
    if isinstance(log, str):
        lines = lines_of_text(log)
    elif hasattr(log, "read"):
        if on_event is None and _seekable_bytes(log):
            # A file: a structured log (log show --style ndjson or json, the unified-log
            #   iterator's lines, Sentry events) is read by its records, as scan_file()
            #   and the report read it; else it is back at its start, read by lines.
            from ._structured import structured_records  # noqa: PLC0415

            records = structured_records(log)
            if records is not None:
                return explain_records(records)
        lines = lines_of_stream(log, follow=on_event is not None)
    else:
        raise TypeError(f"explain_log() takes a str or a stream, not {type(log).__name__}")
    return _explain_events(group_lines(lines, noise=noise), noise, on_event)


def _seekable_bytes(stream: Any) -> bool:
    """Whether *stream* is a binary stream that can go back to where it is (a file)."""
    try:
        return (
            not isinstance(stream, io.TextIOBase) and bool(stream.seekable()) and stream.tell() == 0
        )
    except (AttributeError, OSError, ValueError):
        return False


def _summary(group: CauseGroup) -> str:
    loads = "load" if group.count == 1 else "loads"
    known = [(h, n) for h, n in group.hosts if h is not None]
    unknown = sum(n for h, n in group.hosts if h is None)
    if not known:
        where = f"({NO_HOST})"
    elif len(known) == 1 and not unknown:
        where = f"to {known[0][0]}"
    else:
        where = "to " + ", ".join(f"{h} ({n})" for h, n in known[:3])
        if len(known) > 3:
            where += f" and {len(known) - 3} more hosts"
        if unknown:
            where += f", {unknown} without a host in the log"
    primary = group.explanation.primary
    meaning = primary.description if primary is not None else group.explanation.meaning
    meaning = meaning.rstrip(".")
    return (
        f"{group.count} {loads} {where} failed: {_lower_first(meaning)} "
        f"({group.cause}); side at fault: {group.explanation.side.value}."
    )


#: Names that start some meanings and keep their capitals after a colon.
_NAMES_FIRST: Final = ("App Transport Security", "Trust Settings", "Apple ")


def _lower_first(sentence: str) -> str:
    """*sentence* to go on after a colon: its first letter lower-cased, unless its first
    word is an acronym or a name ("TLS handshake failed", "SecureTransport", "ATS", "App
    Transport Security blocked …")."""
    first = sentence.split(" ", 1)[0]
    if (len(first) > 1 and not first[1:].islower()) or sentence.startswith(_NAMES_FIRST):
        return sentence
    return sentence[:1].lower() + sentence[1:]


# ---------------------------------------------------------------- rendering


def _source_json(source: Source) -> dict[str, str]:
    return {"title": source.title, "url": source.url}


def _claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "inference": claim.inference,
        "derived": claim.derived,
        "os": claim.os,
        "sources": [_source_json(s) for s in claim.sources],
    }


def _step_json(step: Step) -> dict[str, Any]:
    return {
        "text": step.text,
        "command": step.command,
        "sources": [_source_json(s) for s in step.sources],
    }


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    """Text from the input with control characters shown as escapes, never raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


#: A statement's text that marks itself as inference ("(inference)", "(inference; …)",
#: "(second half is inference)"): the mark is not added again.
_SAYS_INFERENCE: Final = re.compile(r"\(inference|inference\)")


def _marks(claim: Claim | Step) -> str:
    """What the text says about a statement's standing: derived, inference, the OS seen on."""
    marks = []
    if getattr(claim, "derived", False):
        marks.append("derived")
    if claim.inference and not _SAYS_INFERENCE.search(claim.text):
        marks.append("inference")  # (unless its text marks itself: "… (link is inference).")
    os = getattr(claim, "os", None)
    if os and os not in claim.text:
        marks.append(f"seen on {os}")
    return f" ({', '.join(marks)})" if marks else ""


def _number(numbers: dict[Source, int], urls: dict[str, int], sources: Sequence[Source]) -> str:
    """``[n]`` references, numbering each source once (by its address) in order of use."""
    refs = []
    for source in sources:
        number = urls.get(source.url)
        if number is None:
            number = urls[source.url] = len(urls) + 1
            numbers[source] = number
        if f"[{number}]" not in refs:
            refs.append(f"[{number}]")
    return " ".join(refs)


#: At most this many lines in the default text output.
SCREEN_LINES: Final = 30


class _Text:
    """Terminal text: wrapped to a width, ANSI colour only when asked; short unless *full*."""

    _SIDE_COLOUR: Final = {
        "peer": "33",
        "local": "36",
        "either": "33",
        "transport": "35",
        "configuration": "34",
        "unknown": "37",
    }

    def __init__(self, width: int, color: bool, full: bool = False) -> None:
        self.width = max(40, width)
        self.color = color
        self.full = full
        self.numbers: dict[Source, int] = {}
        self.urls: dict[str, int] = {}

    def _c(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def _wrap(
        self, text: str, indent: str = "", first: str | None = None, visible: int = 0
    ) -> list[str]:
        # *visible*: how many characters of *first* are colour codes (they take no column).
        return textwrap.wrap(
            text,
            self.width + visible,
            initial_indent=first or indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        ) or [first or indent]

    def _refs(self, sources: Sequence[Source]) -> str:
        return _number(self.numbers, self.urls, sources)

    def _claim(self, claim: Claim, limit: int = 0) -> list[str]:
        text = claim.text + _marks(claim)
        if self.full:
            text = f"{text} {self._refs(claim.sources)}".rstrip()
        lines = self._wrap(text, "    ", "  - ")
        if limit and len(lines) > limit:
            marks = _marks(claim)
            lines = self._wrap(claim.text, "    ", "  - ")[:limit]
            tail = "…" + marks
            last = lines[-1]
            room = self.width - len(tail)
            lines[-1] = (last if len(last) <= room else last[:room].rstrip()) + tail
        return lines

    def _chain(self, e: Explanation) -> list[str]:
        out: list[str] = []
        if not e.layers:
            return out
        chain = " > ".join(f"{lay.code} {lay.name or 'unknown'}" for lay in e.layers)
        out.extend(self._wrap(chain, "    ", self._c("1", "What failed: "), 8 if self.color else 0))
        for layer in e.layers:
            label = f"{layer.family or layer.domain} {layer.code} {layer.name or 'unknown'}: "
            line = f"  {label}{layer.description}"
            if not self.full and len(line) > self.width:
                line = line[: self.width - 1].rstrip() + "…"
                out.append(line)
            else:
                out.extend(self._wrap(label + layer.description, "      ", "  "))
        return out

    def _where(self, e: Explanation) -> list[str]:
        parts = []
        if e.from_text:
            parts.append("Host: " + (_safe(e.host) if e.host else NO_HOST))
        elif e.host:
            parts.append("Host: " + _safe(e.host))
        if e.time:
            parts.append("Time: " + _safe(e.time))
        return ["  ".join(parts)] if parts else []

    def _side(self, e: Explanation) -> list[str]:
        head = (
            self._c("1", "Side: ") + self._c(self._SIDE_COLOUR[e.side.value], e.side.value) + " - "
        )
        visible = len(head) - len(f"Side: {e.side.value} - ")
        reason = e.side_reason
        if self.full and e.side_sources:
            reason += " " + self._refs(e.side_sources)
        return self._wrap(reason, "  ", head, visible)

    def _commands(self, e: Explanation) -> list[str]:
        commands: list[str] = []
        # A server to check or a trace to take only for a TLS or trust failure: not for a
        #   keychain status (errSecAuthFailed -25293, errSecMissingEntitlement -34018), the
        #   Security statuses outside the -67xxx certificate and trust block.
        tls = any(
            lay.family in ("SSLStatus", "TLSAlert")
            or (lay.family == "SecError" and -67999 <= lay.code <= -67000)
            or (lay.family == "URLError" and (-1206 <= lay.code <= -1200 or lay.code == -1022))
            for lay in e.layers
        )
        host = e.host or _HOST_PLACEHOLDER
        if tls:
            commands.append(f"atscodes ats check https://{host}")
        if e.side in (Side.UNKNOWN, Side.EITHER) and tls:
            commands.append(f"atscodes trace trace.pcap --host {host}")
        for step in e.next_steps:
            if step.command and len(commands) < 2:
                commands.append(step.command)
        return [f"  $ {_safe(c)}" for c in commands[:2]]

    def explanation(self, e: Explanation) -> str:
        out = self._short(e) if not self.full else self.explanation_full(e)
        return "\n".join(out) + "\n"

    def _short(self, e: Explanation, budget: int = SCREEN_LINES) -> list[str]:
        head = self._chain(e) + self._where(e)
        if not e.layers:
            head += self._wrap(e.meaning, "  ", self._c("1", "Meaning: "), 8 if self.color else 0)
        side = self._side(e)
        commands = self._commands(e)
        others = self._alternatives(e)
        noise = self._noise(e.noise)
        more: list[str] = []
        hidden = len(e.causes) > 3 or e.hidden or e.os_notes or e.ats or e.sources
        if hidden:
            more = self._wrap(
                "(--full: all causes, what hides behind the code, OS notes, ATS details, sources)"
            )
        fixed = len(head) + len(side) + len(others) + len(noise) + len(more)
        fixed += (len(commands) + 1) if commands else 0
        causes: list[list[str]] = []
        room = budget - fixed - 1
        for claim in e.causes[:3]:
            lines = self._claim(claim, limit=3)
            if room - len(lines) < 0:
                lines = self._claim(claim, limit=1)
                if room - len(lines) < 0:
                    break
            causes.append(lines)
            room -= len(lines)
        out = head + side
        if causes:
            out += [self._c("1", "Likely causes, most likely first:")]
            out += [line for lines in causes for line in lines]
        if commands:
            out += [self._c("1", "Next:"), *commands]
        out += others + noise + more
        return out[:budget]

    def _alternatives(self, e: Explanation) -> list[str]:
        if not e.alternatives:
            return []
        if self.full:
            return []
        out = []
        for alt in e.alternatives:
            layer = alt.layers[0] if alt.layers else None
            if layer is None:
                continue
            text = (
                f"Or: {layer.family} {layer.code} {layer.name}: {layer.description} "
                f"(the number alone does not say which; side {alt.side.value})."
            )
            out.extend(self._wrap(text, "    ", "  "))
        return out

    def _noise(self, noise: Sequence[tuple[str, int]]) -> list[str]:
        if not noise:
            return []
        text = "Noise, no information about the failure: " + ", ".join(
            f"{t} ({n} line{'s' if n != 1 else ''})" for t, n in noise
        )
        return self._wrap(text, "    ", "  ")

    def _long(self, e: Explanation) -> list[str]:
        out = self._chain(e) + self._where(e)
        out += [""]
        out.extend(self._wrap(e.meaning, "  ", self._c("1", "Meaning: "), 8 if self.color else 0))
        out.extend(self._side(e))
        if e.evidence:
            out += [self._c("1", "Evidence:")]
            out.extend(f"  - {_safe(line)}" for line in e.evidence)
        sections: list[tuple[str, Sequence[Claim]]] = [
            ("What can hide behind it", e.hidden),
            ("Likely causes, most likely first", e.causes),
            ("OS versions", e.os_notes),
        ]
        for title, claims in sections:
            if claims:
                out += ["", self._c("1", title + ":")]
                for claim in claims:
                    out.extend(self._claim(claim))
        commands = self._commands(e)
        if e.next_steps or commands:
            out += ["", self._c("1", "Next steps:")]
            out.extend(commands)
            for step in e.next_steps:
                text = step.text + _marks(step) + " " + self._refs(step.sources)
                out.extend(self._wrap(text.rstrip(), "    ", "  - "))
                if step.command:
                    out.append("      $ " + _safe(step.command))
        if e.ats is not None:
            out += ["", self._c("1", "App Transport Security:")]
            out.extend(
                self._wrap(e.ats.requirement + " " + self._refs(e.ats.sources), "    ", "  - ")
            )
            out.append("  Narrowest exception (Info.plist):")
            out.extend("      " + line for line in e.ats.exception.splitlines())
            out.extend(self._wrap("Cost: " + e.ats.cost, "    ", "  - "))
            if e.ats.needs_justification:
                out.extend(
                    self._wrap(
                        "This exception needs a justification in App Store review.", "    ", "  - "
                    )
                )
        for alt in e.alternatives:
            layer = alt.layers[0] if alt.layers else None
            title = (
                f"Or another reading: {layer.family} {layer.code} {layer.name}" if layer else "Or"
            )
            out += ["", self._c("1", title + " (the number alone does not say which)")]
            out.extend(self._long(alt))
        noise = self._noise(e.noise)
        if noise:
            out += ["", *noise]
        return out

    def _sources(self) -> list[str]:
        if not self.numbers:
            return []
        out = ["", self._c("1", "Sources:")]
        out.extend(f"  [{n}] {s.title} {s.url}" for s, n in self.numbers.items())
        return out

    def explanation_full(self, e: Explanation) -> list[str]:
        return self._long(e) + self._sources()

    def report(self, r: LogReport) -> str:
        out = [self._c("1", "Summary:")]
        summary = list(r.summary)
        shown = summary if self.full else summary[:5]
        for line in shown:
            out.extend(self._wrap(line, "    ", "  - "))
        if len(summary) > len(shown):
            out.append(f"  … and {len(summary) - len(shown)} more causes (--full)")
        if not r.summary:
            out.append("  No known error codes in this log.")
        if r.noise and not self.full:
            out.extend(self._noise(r.noise))
        groups = r.groups if self.full else r.groups[:1]
        for group in groups:
            title = f"== {group.cause} ({group.count}x, side {group.explanation.side.value}) =="
            if self.full:
                out += ["", self._c("1", title)]
                out.extend(self._long(group.explanation))
            else:
                out += [self._c("1", title)]
                out.extend(self._short(group.explanation, SCREEN_LINES - len(out)))
        if self.full:
            if r.noise:
                out += ["", *self._noise(r.noise)]
            out.extend(self._sources())
        return "\n".join(out[: SCREEN_LINES if not self.full else None]) + "\n"


class _Markdown:
    """Markdown, complete: every cause, note and step, sources as links (listed once)."""

    def __init__(self) -> None:
        self.numbers: dict[Source, int] = {}
        self.urls: dict[str, int] = {}

    def _refs(self, sources: Sequence[Source]) -> str:
        return _number(self.numbers, self.urls, sources)

    def _claim(self, claim: Claim) -> str:
        marks = _marks(claim)
        mark = f" *{marks.strip()}*" if marks else ""
        return f"- {claim.text}{mark} {self._refs(claim.sources)}".rstrip()

    def _body(self, e: Explanation, level: str) -> list[str]:
        title = e.query.splitlines()[0][:120] if e.query else "explanation"
        out = [f"{level} `{_safe(title).replace('`', '')}`", ""]
        if e.layers:
            out += ["| family | code | name | meaning |", "|---|---|---|---|"]
            out += [
                f"| {lay.family or lay.domain} | {lay.code} | `{lay.name or 'unknown'}` | "
                f"{lay.description} |"
                for lay in e.layers
            ]
            out.append("")
        if e.from_text or e.host:
            out.append(
                f"**Host:** {_safe(e.host) if e.host else NO_HOST}"
                + (f" · **Time:** {e.time}" if e.time else "")
            )
            out.append("")
        out += [
            f"**Meaning:** {e.meaning}",
            "",
            f"**Side at fault:** {e.side.value}. {e.side_reason} "
            f"{self._refs(e.side_sources)}".rstrip(),
        ]
        if e.evidence:
            out += ["", "**Evidence:**", ""] + [f"- {_safe(x)}" for x in e.evidence]
        for title, claims in (
            ("What can hide behind it", e.hidden),
            ("Likely causes", e.causes),
            ("OS versions", e.os_notes),
        ):
            if claims:
                out += ["", f"**{title}:**", ""] + [self._claim(c) for c in claims]
        if e.next_steps:
            out += ["", "**Next steps:**", ""]
            for step in e.next_steps:
                out.append(f"- {step.text}{_marks(step)} {self._refs(step.sources)}".rstrip())
                if step.command:
                    out.append(f"  `{_safe(step.command)}`")
        if e.ats is not None:
            out += [
                "",
                "**App Transport Security:** "
                + e.ats.requirement
                + " "
                + self._refs(e.ats.sources),
                "",
                "```xml",
                e.ats.exception,
                "```",
                "",
                "Cost: " + e.ats.cost,
            ]
        for alt in e.alternatives:
            out += ["", "**Or another reading (the number alone does not say which):**", ""]
            out += self._body(alt, level + "#")
        if e.noise:
            out += [
                "",
                "**Noise** (no information about the failure): "
                + ", ".join(f"`{t}` ({n})" for t, n in e.noise),
            ]
        return out

    def _sources(self) -> list[str]:
        if not self.numbers:
            return []
        return ["", "**Sources:**", ""] + [
            f"{n}. [{s.title}]({s.url})" for s, n in self.numbers.items()
        ]

    def explanation(self, e: Explanation, level: str = "###") -> str:
        return "\n".join(self._body(e, level) + self._sources()) + "\n"

    def report(self, r: LogReport) -> str:
        out = ["## Summary", ""] + [f"- {line}" for line in r.summary]
        if r.noise:
            out += ["", "Noise: " + ", ".join(f"`{t}` ({n})" for t, n in r.noise)]
        for group in r.groups:
            out += ["", *self._body(group.explanation, "###")]
        out += self._sources()
        return "\n".join(out) + "\n"
