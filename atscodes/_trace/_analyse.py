"""``trace()``: read a capture, follow every TCP connection, judge every TLS handshake.

Bounds: at most :data:`MAX_OPEN` connections are followed at once (past it the
oldest is judged as it stands and dropped); each direction keeps at most
``_tcp.MAX_PENDING`` out-of-order bytes and only the TLS bytes the handshake
needs (``_tls``).  A completed connection is counted and, unless asked for,
forgotten; failed and incomplete ones are kept (at most :data:`MAX_REPORTED`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import ipaddress
import os
import warnings
from collections import Counter
from typing import TYPE_CHECKING, Final

import attrs

from .._alerts import TLSAlert
from .._sslstatus import SSLStatus
from .._translate import SENT_ALERTS, Layer, alert_mappings, url_errors_for_status
from ._names import (
    POST_QUANTUM_GROUPS,
    group_name,
    is_grease,
    signature_name,
    suite_name,
    version_name,
)
from ._pcap import CaptureError, CaptureReader
from ._report import Alert, Check, Connection, Prediction, Process, TraceReport
from ._tcp import ACK, RST, SYN, Direction, decode
from ._tls import ALERT, APPLICATION_DATA, HANDSHAKE, ConnectionFacts, Event, RecordParser

if TYPE_CHECKING:
    from .._explain import Explanation

__all__ = ["MAX_OPEN", "MAX_REPORTED", "CaptureError", "trace"]

MAX_OPEN: Final = 100_000
MAX_REPORTED: Final = 10_000
_LARGE_HELLO: Final = 1400  # more than fits one segment on a 1,500-byte MTU path


def _address(raw: bytes, port: int) -> str:
    if len(raw) == 4:
        return f"{ipaddress.IPv4Address(raw)}:{port}"
    return f"[{ipaddress.IPv6Address(raw)}]:{port}"


def _iso(time: float) -> str:
    try:
        moment = dt.datetime.fromtimestamp(time, dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return ""
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


class _Conn:
    __slots__ = (
        "client",
        "client_dir",
        "client_parser",
        "facts",
        "first_frame",
        "key",
        "process",
        "server",
        "server_dir",
        "server_parser",
        "start",
        "syn",
    )

    def __init__(
        self, key: tuple[bytes, int, bytes, int], frame: int, time: float, syn: bool
    ) -> None:
        self.key = key
        self.client = _address(key[0], key[1])
        self.server = _address(key[2], key[3])
        self.facts = facts = ConnectionFacts()
        self.client_parser = RecordParser(facts, client=True)
        self.server_parser = RecordParser(facts, client=False)
        self.client_dir = Direction(self.client_parser.feed, self.client_parser.gap)
        self.server_dir = Direction(self.server_parser.feed, self.server_parser.gap)
        self.first_frame = frame
        self.start = time
        self.process: tuple[int, str] | None = None
        self.syn = syn

    @property
    def ended(self) -> bool:
        c, s = self.client_dir, self.server_dir
        return c.rst or s.rst or (c.fin and s.fin)

    @property
    def ignorable(self) -> bool:
        """Not TLS: the client's first bytes were something else."""
        return self.client_parser.not_tls and not self.facts.hello_bodies


def _hello_starts(payload: bytes) -> bool:
    return len(payload) >= 6 and payload[0] == HANDSHAKE and payload[1] == 3 and payload[5] == 1


class _Filters:
    def __init__(self, host: str | None, port: int | None, process: str | None) -> None:
        self.host = None if host is None else host.casefold().rstrip(".")
        self.port = port
        self.process = process

    @property
    def active(self) -> bool:
        return self.host is not None or self.port is not None or self.process is not None

    def match(self, c: Connection) -> bool:
        if self.port is not None and not c.server.endswith(f":{self.port}"):
            return False
        if self.host is not None:
            server_ip = c.server.rsplit(":", 1)[0].strip("[]").casefold()
            if self.host not in ((c.sni or "").casefold().rstrip("."), server_ip):
                return False
        if self.process is not None:
            if c.process is None:
                return False
            wanted = self.process
            if wanted.isdigit():
                return c.process.pid == int(wanted)
            return c.process.name.casefold() == wanted.casefold()
        return True


def trace(
    path: str | os.PathLike[str],
    *,
    completed: bool = False,
    host: str | None = None,
    port: int | None = None,
    process: str | None = None,
) -> TraceReport:
    """Read the capture at *path* and judge every TLS connection in it.

    *completed* keeps the completed connections in the report too (they are
    always counted).  *host* keeps only connections whose SNI or server address
    is that; *port* only those to that server port; *process* only those of that
    process name or PID (from Apple captures).

    Raises :class:`CaptureError` when the file is not a readable capture and
    ``OSError`` when it cannot be opened.
    """
    filters = _Filters(host, port, process)
    counts: Counter[str] = Counter()
    kept: list[Connection] = []
    table: dict[tuple[bytes, int, bytes, int], _Conn] = {}
    cache: dict[tuple[object, ...], tuple[tuple[str, ...], tuple[Check, ...]]] = {}

    brief = not completed and host is None

    def finish(conn: _Conn) -> None:
        conn.client_dir.flush()  # bytes still waiting for a segment that never came
        conn.server_dir.flush()
        result = _judge(conn, brief)
        if result is None or (filters.active and not filters.match(result)):
            return
        counts[result.outcome] += 1
        if (result.outcome != "completed" or completed) and len(kept) < MAX_REPORTED:
            kept.append(_with_certificates(result, conn.start, cache))

    with open(path, "rb") as stream:
        reader = CaptureReader(stream)
        for frame in reader:
            segment = decode(frame.linktype, frame.data, frame.process)
            if segment is None:
                continue
            key = (
                segment.source,
                segment.source_port,
                segment.destination,
                segment.destination_port,
            )
            conn = table.get(key)
            from_client = True
            if conn is None:
                conn = table.get((key[2], key[3], key[0], key[1]))
                from_client = False
            flags = segment.flags
            if (
                conn is not None
                and flags & SYN
                and not flags & ACK
                and from_client
                and (conn.client_dir.started or conn.ended)
            ):
                # The same addresses and ports, a new connection.
                del table[conn.key]
                finish(conn)
                conn = None
            if conn is None:
                if flags & SYN:
                    client_sends = not flags & ACK
                elif _hello_starts(segment.payload):
                    client_sends = True
                elif segment.payload:
                    client_sends = segment.source_port > segment.destination_port
                else:
                    continue
                if not client_sends:
                    key = (key[2], key[3], key[0], key[1])
                from_client = client_sends
                conn = _Conn(key, frame.number, frame.time, bool(flags & SYN))
                if len(table) >= MAX_OPEN:
                    oldest = next(iter(table))
                    finish(table.pop(oldest))
                table[key] = conn
            if conn.process is None and segment.process is not None:
                conn.process = segment.process
            if conn.ignorable:
                if flags & RST or conn.ended:
                    table.pop(conn.key, None)
                direction = conn.client_dir if from_client else conn.server_dir
                direction.segment(segment.seq, flags, b"", frame.number, frame.time)
                continue
            direction = conn.client_dir if from_client else conn.server_dir
            direction.segment(segment.seq, flags, segment.payload, frame.number, frame.time)
            if conn.ended:
                del table[conn.key]
                finish(conn)
        for conn in table.values():
            finish(conn)
    kept.sort(key=lambda c: (_ORDER[c.outcome], c.first_frame))
    return TraceReport(
        path=os.fspath(path),
        format=reader.format,
        frames=reader.frames,
        connections=tuple(kept),
        tls=sum(counts.values()),
        completed=counts["completed"],
        failed=counts["failed"],
        incomplete=counts["incomplete"],
        damage=reader.damage,
        filtered=filters.active,
    )


_ORDER: Final = {"failed": 0, "incomplete": 1, "completed": 2}


# ---------------------------------------------------------------- judging


def _names(values: tuple[int, ...], namer: object) -> tuple[str, ...]:
    assert callable(namer)
    return tuple(str(namer(v)) for v in values if not is_grease(v))


def _clear_alert(event: Event, sender: str) -> Alert:
    level_byte, number = event.alert[0], event.alert[1]
    level = {1: "warning", 2: "fatal"}.get(level_byte)
    member = TLSAlert.get(number)
    name = member.name if member is not None else "unknown TLS alert"  # (its number beside it)
    return Alert(
        event.frame, _iso(event.time), sender, level, number, name, False, False, event.length
    )


def _encrypted_alert(
    event: Event, sender: str, *, alert: int | None = None, meaning: str | None = None
) -> Alert:
    inferred = alert is not None or meaning is not None
    name = None
    level = None
    if alert is not None:
        member = TLSAlert.get(alert)
        name = member.name if member is not None else None
        level = "warning" if alert == 0 else None
    return Alert(
        event.frame,
        _iso(event.time),
        sender,
        level,
        alert,
        name,
        True,
        inferred,
        event.length,
        meaning,
    )


_REFUSED: Final = (
    "this device refused the server (certificate trust, App Transport Security or pinning):"
    " a 19-byte record where its Finished should be"
)
_CLIENT_CERT: Final = (
    "the server refused this device's client certificate (or its absence):"
    " an alert-sized record right after the client's Finished"
)


def _tls13_alert_length(suite: int | None) -> int:
    # 2 alert bytes + 1 inner content type + the AEAD tag (8 for CCM_8, else 16), RFC 8446 §5.2.
    return 2 + 1 + (8 if suite == 0x1305 else 16)


def _judge(conn: _Conn, brief: bool = False) -> Connection | None:
    """The record of one connection; with *brief*, a completed one is only sketched."""
    facts = conn.facts
    if not facts.hello_bodies:
        return None
    server_hello = next((s for s in facts.server_hellos if not s.retry), None)
    retry = any(s.retry for s in facts.server_hellos)
    version = None if server_hello is None else version_name(server_hello.version)
    suite = None if server_hello is None else server_hello.suite
    tls13 = facts.tls13
    notes = list(facts.notes)

    alerts: list[Alert] = []
    completed = False
    decisive: Alert | None = None

    if tls13 and server_hello is not None:
        alert_size = _tls13_alert_length(suite)
        # Records after the ServerHello, in order; the handshake keys hide their type.
        events = facts.events
        start = 0
        for index, event in enumerate(events):
            if not event.client and event.content == HANDSHAKE:
                start = index + 1
        client_finished = None
        client_data = 0
        server_after_finished = 0
        for event in events[start:]:
            sender = "client" if event.client else "server"
            if event.content == ALERT:
                alert = (
                    _clear_alert(event, sender)
                    if len(event.alert) == 2
                    else _encrypted_alert(event, sender)
                )
                alerts.append(alert)
                if decisive is None and not completed and alert.level != "warning":
                    decisive = alert
                continue
            if event.content != APPLICATION_DATA:
                continue
            if event.client:
                if (
                    client_finished is not None
                    and not server_after_finished
                    and not client_data
                    and event.length != alert_size
                ):
                    # Still the client's last handshake flight (Certificate, CertificateVerify
                    # and Finished travel together): Finished is its last record.
                    client_finished = event
                    continue
                if client_finished is None:
                    if event.length == alert_size:
                        alert = _encrypted_alert(event, sender, meaning=_REFUSED)
                        alerts.append(alert)
                        decisive = decisive or alert
                        break
                    client_finished = event
                    completed = True
                    continue
                if event.length == alert_size and client_data and server_after_finished:
                    alerts.append(_encrypted_alert(event, sender, alert=0))
                    continue
                client_data += 1
            else:
                if client_finished is None:
                    continue
                if event.length == alert_size and server_after_finished == 0 and not client_data:
                    alert = _encrypted_alert(event, sender, meaning=_CLIENT_CERT)
                    alerts.append(alert)
                    completed = False
                    decisive = decisive or alert
                    break
                if event.length == alert_size and (client_data or server_after_finished):
                    alerts.append(_encrypted_alert(event, sender, alert=0))
                    continue
                server_after_finished += 1
        for event in facts.alerts:
            if any(a.frame == event.frame and a.length == event.length for a in alerts):
                continue
            if facts.events and event in facts.events:
                continue
            sender = "client" if event.client else "server"
            alerts.append(
                _clear_alert(event, sender)
                if len(event.alert) == 2
                else _encrypted_alert(event, sender)
            )
    else:
        # TLS 1.2 and earlier (or no ServerHello): the record types are in the clear.
        client_ccs = server_ccs = False
        app = {True: 0, False: 0}
        for event in facts.events:
            if event.content == 20:
                if event.client:
                    client_ccs = True
                else:
                    server_ccs = True
                if client_ccs and server_ccs and decisive is None:
                    completed = True
            elif event.content == APPLICATION_DATA:
                app[event.client] += 1
        for event in facts.alerts:
            sender = "client" if event.client else "server"
            if len(event.alert) == 2:
                alert = _clear_alert(event, sender)
            elif app[True] and app[False]:
                alert = _encrypted_alert(event, sender, alert=0)
            else:
                alert = _encrypted_alert(event, sender)
            alerts.append(alert)
            if (
                decisive is None
                and alert.level != "warning"
                and not _after_completion(event, facts.events)
            ):
                decisive = alert
                completed = False

    side: str | None = None
    server_records = conn.server_parser.records
    if completed and (decisive is None or _after(decisive, alerts, completed)):
        outcome = "completed"
        decisive = None
    elif decisive is not None:
        outcome = "failed"
        side = "peer" if decisive.sender == "server" else "local"
    elif conn.server_parser.not_tls and conn.server_parser.first_bytes:
        outcome = "failed"
        side = "peer"
        sample = conn.server_parser.first_bytes.decode("latin-1")
        notes.append(f"the server answered something that is not TLS: {sample!r}")
    elif conn.client_dir.rst or conn.server_dir.rst or conn.client_dir.fin or conn.server_dir.fin:
        outcome = "failed"
        side = "transport"
    else:
        outcome = "incomplete"
        side = "unknown"

    if brief and outcome == "completed":
        # Counted, not reported: skip everything only a report shows.
        process = None if conn.process is None else Process(conn.process[0], conn.process[1])
        return Connection(
            conn.client, conn.server, None, process, "", (), version, None, (), outcome, None
        )
    if not facts.client_hellos:
        return None
    hello = facts.client_hellos[-1]
    first_hello = facts.client_hellos[0]
    offered = hello.versions or (hello.legacy_version,)
    offered_versions = tuple(version_name(v) for v in offered if not is_grease(v))
    if outcome != "completed" and server_records == 0 and not conn.server_parser.not_tls:
        pq = [g for g, _n in first_hello.key_shares if g in POST_QUANTUM_GROUPS]
        if first_hello.size > _LARGE_HELLO or pq:
            ending = (
                "a reset"
                if conn.server_dir.rst or conn.client_dir.rst
                else "silence"
                if outcome == "incomplete"
                else "a close"
            )
            shares = f", post-quantum key share {group_name(pq[0])}" if pq else ""
            notes.append(
                f"{ending} right after a large ClientHello ({first_hello.size} bytes{shares}):"
                " the pattern of a middlebox that drops ClientHellos spanning several"
                " segments (inference)"
            )
    if conn.client_dir.gaps or conn.server_dir.gaps:
        notes.append("some bytes were missing from the capture (gaps in the TCP stream)")

    predicted = _predict(decisive) if decisive is not None else ()
    explanation = None
    if outcome == "failed" and predicted:
        explanation = _explain(predicted[0].status)
    summary = _summary(outcome, side, decisive, offered_versions, server_hello is not None, conn)
    process = None if conn.process is None else Process(conn.process[0], conn.process[1])
    return Connection(
        client=conn.client,
        server=conn.server,
        sni=first_hello.sni,
        process=process,
        start=_iso(conn.start),
        offered_versions=offered_versions,
        version=version,
        cipher_suite=None if suite is None else suite_name(suite),
        alerts=tuple(alerts),
        outcome=outcome,
        side=side,
        predicted=predicted,
        first_frame=conn.first_frame,
        offered_suites=_names(hello.suites, suite_name),
        alpn=hello.alpn,
        groups=_names(hello.groups, group_name),
        key_shares=tuple(
            f"{group_name(g)} ({n} B)" for g, n in first_hello.key_shares if not is_grease(g)
        ),
        signature_algorithms=_names(hello.signature_algorithms, signature_name),
        client_hello_size=first_hello.size,
        hello_retry=retry,
        group=None if facts.server_group is None else group_name(facts.server_group),
        certificate_request=facts.certificate_request,
        certificates=facts.certificates,
        notes=tuple(notes),
        summary=summary,
        explanation=explanation,
    )


@functools.lru_cache(maxsize=256)
def _explain(status: int | None) -> Explanation | None:
    """explain()'s answer for a status; the same object for every connection that shares it."""
    if status is None:
        return None
    from .._explain import explain

    return explain(str(status))


def _after_completion(alert: Event, events: list[Event]) -> bool:
    """Whether both sides had sent ChangeCipherSpec (≤ TLS 1.2) before this alert."""
    client = server = False
    for event in events:
        if event is alert:
            return client and server
        if event.content == 20:
            if event.client:
                client = True
            else:
                server = True
    return client and server


def _after(decisive: Alert, alerts: list[Alert], completed: bool) -> bool:
    return completed and decisive.inferred and decisive.alert == 0


def _predict(alert: Alert) -> tuple[Prediction, ...]:
    if alert.alert is None:
        return ()
    member = TLSAlert.get(alert.alert)
    if member is None:
        return ()
    found: list[Prediction] = []
    if alert.sender == "server":
        for layer in Layer:
            for row in alert_mappings(member, layer):
                url_error = _url_error(row.status) if layer is Layer.URL_LOADING else None
                found.append(
                    Prediction(
                        layer.value,
                        None if row.status is None else int(row.status),
                        None if row.status is None else row.status.name,
                        url_error,
                        row.basis.value,
                        row.os,
                        row.source,
                    )
                )
    else:
        for sent in SENT_ALERTS:
            if sent.alert is not member:
                continue
            found.append(
                Prediction(
                    "cfstream",
                    int(sent.status),
                    sent.status.name,
                    None,
                    "source",
                    None,
                    f"{sent.source} ({sent.condition})",
                )
            )
            for evidence in url_errors_for_status(sent.status):
                found.append(
                    Prediction(
                        "url_loading",
                        int(sent.status),
                        sent.status.name,
                        int(evidence.url_error),
                        "observed",
                        evidence.os,
                        evidence.source,
                    )
                )
    unique: list[Prediction] = []
    seen = set()
    for p in found:
        key = (p.layer, p.status, p.url_error, p.basis, p.os)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return tuple(unique)


def _url_error(status: object) -> int | None:
    if status is None:
        return None
    assert isinstance(status, SSLStatus)
    tally = Counter(int(e.url_error) for e in url_errors_for_status(status))
    return tally.most_common(1)[0][0] if tally else None


def _summary(
    outcome: str,
    side: str | None,
    decisive: Alert | None,
    offered: tuple[str, ...],
    answered: bool,
    conn: _Conn,
) -> str:
    if outcome == "completed":
        return "the handshake completed"
    if decisive is not None:
        who = "the server" if decisive.sender == "server" else "this device"
        if decisive.encrypted and decisive.meaning:
            what = f"{who} sent an encrypted alert; inferred: {decisive.meaning}"
        elif decisive.encrypted:
            what = (
                f"{who} sent an encrypted alert ({decisive.length} bytes)"
                " before the handshake completed"
            )
        else:
            what = f"{who} sent {decisive.name} ({decisive.alert})"
        if not answered and decisive.sender == "server":
            if not conn.facts.client_hellos[-1].versions:  # no supported_versions: a maximum
                what += f" after a ClientHello offering at most {', '.join(offered)}"
            else:
                only = "only " if len(offered) == 1 else ""
                what += f" after a ClientHello offering {only}{', '.join(offered)}"
        return what
    if side == "peer":
        return "the server answered with something that is not TLS"
    if side == "transport":
        reset = conn.server_dir.rst or conn.client_dir.rst
        by = "reset" if reset else "closed"
        stage = "after the ClientHello" if not answered else "during the handshake"
        return f"the connection was {by} {stage}, without an alert"
    return "the capture ends before the handshake completed"


_CACHE_SIZE: Final = 1024
_NO_SNI_HOST: Final = "no-sni.example"  # RFC 2606 example name: not an ATS exemption


def _with_certificates(
    conn: Connection,
    start: float,
    cache: dict[tuple[object, ...], tuple[tuple[str, ...], tuple[Check, ...]]],
) -> Connection:
    """*conn* with its TLS <= 1.2 chain run through ``ats check``'s trust and ATS rules.

    The rules are evaluated at the time the connection started, so that an old
    capture is judged by the validity periods of its day.
    """
    if not conn.certificates:
        return conn
    # Without SNI the capture does not say which name the app used; judge it as a
    # named host (ATS exempts bare IP addresses) and leave the host-name rule out.
    host = conn.sni or _NO_SNI_HOST
    digest = hashlib.sha256(b"".join(conn.certificates)).digest()
    key: tuple[object, ...] = (digest, host, conn.version, conn.cipher_suite, int(start) // 86400)
    found = cache.get(key)
    if found is None:
        found = _evaluate(conn, host, start)
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[key] = found
    findings, checks = found
    return attrs.evolve(conn, certificate_findings=findings, certificate_checks=checks)


def _evaluate(
    conn: Connection, host: str, start: float
) -> tuple[tuple[str, ...], tuple[Check, ...]]:
    try:
        from .._ats_rules import evaluate_chain
    except ImportError:
        return ("not checked: the certificate rules need the check extra (cryptography)",), ()
    version = conn.version if conn.version in ("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2") else None
    try:
        moment = dt.datetime.fromtimestamp(start, dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        moment = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cryptography's deprecation notes on odd serials
            evaluation = evaluate_chain(
                conn.certificates, host, tls_version=version, cipher=conn.cipher_suite, now=moment
            )
    except (ValueError, TypeError) as error:  # a certificate too damaged for the rules
        return (f"the certificate chain could not be evaluated: {error}",), ()
    requirements = evaluation.requirements
    notes: list[str] = []
    if conn.sni is None:
        # Without SNI the capture does not say which name the app asked for.
        requirements = tuple(r for r in requirements if r.rule != "host_name")
        notes.append(
            "no SNI in the ClientHello: judged as if the app had used a host name (ATS exempts"
            " bare IP addresses); the host-name rule was not checked"
        )
    checks = tuple(Check(r.rule, r.name, r.ok, r.evidence) for r in requirements)
    findings = tuple(
        f"{r.name}: {r.evidence} (ATS or trust rejects it)" for r in requirements if r.ok is False
    )
    return findings + tuple(notes), checks
