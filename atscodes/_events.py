"""Failure events: the lines of a log that belong to one load, read as one piece of evidence.

One failed load leaves many lines: the ``Task <…>.<n>`` lines, the ``Connection N:``,
``TIC`` and CFNetwork lines, BoringSSL's ``read alert`` / ``write alert`` lines of the
same connection, an ``NSError`` dump printed over as many lines as it needs, and the
``ATS failed system trust`` / ``Trust evaluation failed`` lines around it.
:func:`group_records` turns a stream of :class:`~atscodes._records.LogRecord` into
:class:`FailureEvent` objects, one per load, with what the evidence says: the codes,
the TLS alerts and who sent them, whether this device's trust evaluation failed, the
host and the time.  :func:`records_from_text` and :func:`records_from_stream` turn
plain text into records (a line is ended by LF, CRLF or a lone CR).

The grouping, in the order the rules are tried for a line that carries a code or
evidence:

1. a line that continues an ``NSError`` dump (it starts with white space or a
   closing bracket, right after a line of an event) belongs to that event;
2. records with the same ``event_key`` (set by structured readers) are one event;
3. a line naming a ``Task <…>.<n>`` joins the open event of that task; a line naming a
   connection (``Connection 6:``, ``[C6.1:2]``) joins the open event of that connection;
4. otherwise the line joins the latest open event within :data:`NEAR` lines whose task
   and connection do not conflict, if the event has no URL-loading code yet (an alert
   line, a trust line or a TIC line waits for the load it explains) or shares a code
   with the line (a line repeating a code goes to the load it repeats; a TIC line of
   another TIC connection with other codes is another load); an event whose task has
   finished (``finished with error``) takes no more lines except from its own task and
   an echo of its URL error within three lines (an app printing the error it got).

Memory is bounded: at most :data:`MAX_OPEN` events are open at a time, an event keeps
its distinct codes and alerts only (not its lines), and an event that has seen no line
for :data:`IDLE` lines is complete.  Lines longer than :data:`MAX_LINE` characters are
read in pieces of that size.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, Final, TextIO

import attrs

from ._base import ValueEnum
from ._records import LogRecord
from ._scan import MARKERS, WARNING_LEVEL, Finding, Record, scan, scan_in
from ._timestamps import line_time

__all__ = [
    "IDLE",
    "MAX_LINE",
    "MAX_OPEN",
    "NEAR",
    "NOISE",
    "AlertSeen",
    "FailureEvent",
    "Sender",
    "group_lines",
    "group_records",
    "lines_of_stream",
    "lines_of_text",
    "merge_events",
    "one_event",
    "records_from_stream",
    "records_from_text",
]

#: Lines longer than this are read in pieces of this many characters.
MAX_LINE: Final = 1 << 20
#: How many events may be open (waiting for more lines) at once; the oldest completes first.
MAX_OPEN: Final = 32
#: An event that has seen no line for this many lines is complete.
IDLE: Final = 400
#: How far (in lines) a line without a task or connection may be from the event it joins.
NEAR: Final = 12
# How close (in lines) an app's echo of a finished load's URL error must follow it.
_ECHO: Final = 3
#: How many lines of one NSError dump are followed; a dump longer than this ends there.
MAX_DUMP_LINES: Final = 400

# Every line that can belong to an event holds one of these: the scanner's markers
# (atscodes._scan.MARKERS) cover the alert, trust, "finished with error" and noise texts.
_MARK: Final = re.compile("|".join(re.escape(m) for m in MARKERS))

#: How much of one dump's text is kept to find codes split over its lines.
DUMP_TEXT: Final = 1 << 16

#: Lines that carry no information about a failure, by the text that names them.
NOISE: Final[tuple[str, ...]] = (
    # Logged on every launch under iOS 11 (Apple Developer Forums thread 80638).
    "network_config_register_boringssl_log_debug_updates",
    # "[Error] Calling AuthenticationHandlerWithError: (null)" (thread 80638).
    "AuthenticationHandlerWithError: (null)",
)


class Sender(ValueEnum):
    """Who sent a TLS alert, as the log line says."""

    #: The other side sent it and this device read it ("read alert", "SSL alert number N").
    PEER = "peer"
    #: This device sent it ("write alert").
    LOCAL = "local"
    #: The line does not say.
    UNKNOWN = "unknown"


@attrs.frozen
class AlertSeen:
    """A TLS alert in the log, with who sent it and the line that says so."""

    number: int
    name: str | None
    sender: Sender
    line_no: int

    def to_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "name": self.name,
            "sender": self.sender.value,
            "line": self.line_no,
        }


@attrs.frozen
class FailureEvent:
    """One failed load: everything the log says about it.

    ``codes`` are the distinct codes found (the first finding of each), in the
    order they appeared; ``alerts`` the TLS alerts with their sender;
    ``trust_lines`` the lines that say this device's trust evaluation failed
    (``ATS failed system trust``, ``Trust evaluation failed``), as ``(line, text)``.
    """

    line_no: int
    last_line: int
    codes: tuple[Finding, ...] = attrs.field(repr=False)
    alerts: tuple[AlertSeen, ...] = ()
    trust_lines: tuple[tuple[int, str], ...] = ()
    host: str | None = None
    time: str | None = None
    task: str | None = None
    connection: str | None = None

    @property
    def local_refusal(self) -> bool:
        """Whether the log says this device refused the server (trust failed, alert written)."""
        return bool(self.trust_lines) or any(a.sender is Sender.LOCAL for a in self.alerts)


# ---------------------------------------------------------------- plain text to records

_LINE_END: Final = re.compile(r"\r\n|\r|\n")


def records_from_text(text: str) -> Iterator[LogRecord]:
    """One record per line of *text* (LF, CRLF or CR ends a line), with its time."""
    for line_no, line in lines_of_text(text):
        yield LogRecord(line_no, line, line_time(line))


def lines_of_text(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each line of *text*; a line longer than
    :data:`MAX_LINE` comes in pieces that share its number."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    start, line_no = 0, 0
    for match in _LINE_END.finditer(text):
        line_no += 1
        yield from _pieces(text[start : match.start()], line_no)
        start = match.end()
    if start < len(text):
        yield from _pieces(text[start:], line_no + 1)


def _pieces(line: str, line_no: int) -> Iterator[tuple[int, str]]:
    if len(line) <= MAX_LINE:
        yield line_no, line
        return
    for at in range(0, len(line), MAX_LINE):
        yield line_no, line[at : at + MAX_LINE]


def records_from_stream(
    stream: BinaryIO | TextIO, *, chunk: int = 1 << 16, follow: bool = False
) -> Iterator[LogRecord]:
    """One record per line of a binary or text stream, read in chunks (bounded memory).

    Bytes are decoded as UTF-8, undecodable bytes kept as surrogate escapes.  With
    *follow*, each read returns what is available (for ``log stream | …``), and a
    ``LogRecord`` with ``line_no == 0`` marks each point where the input paused.
    """
    for line_no, line in lines_of_stream(stream, chunk=chunk, follow=follow):
        yield LogRecord(line_no, line, line_time(line) if line_no else None)


def lines_of_stream(
    stream: BinaryIO | TextIO, *, chunk: int = 1 << 16, follow: bool = False
) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each line of a stream (see :func:`records_from_stream`);
    ``(0, "")`` marks a pause when *follow*."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    line_no = 0
    pending: list[str] = []
    pending_len = 0
    cr = False  # the last chunk ended with a CR: a following LF belongs to it
    read = _reader(stream, chunk, follow)
    while True:
        data = read()
        text = decoder.decode(data, final=not data) if isinstance(data, bytes) else data
        if not data:
            if pending:
                line_no += 1
                yield from _pieces("".join(pending), line_no)
            return
        start = 0
        if cr and text.startswith("\n"):
            start = 1
        cr = False
        for match in _LINE_END.finditer(text, start):
            piece = text[start : match.start()]
            line_no += 1
            if pending:
                pending.append(piece)
                piece = "".join(pending)
                pending, pending_len = [], 0
            yield from _pieces(piece, line_no)
            start = match.end()
            if match[0] == "\r" and start == len(text):
                cr = True
        rest = text[start:]
        if rest:
            pending.append(rest)
            pending_len += len(rest)
            if pending_len >= MAX_LINE:
                # A line that goes on and on: hand on full pieces, keep the tail.
                joined = "".join(pending)
                cut = len(joined) - len(joined) % MAX_LINE
                for at in range(0, cut, MAX_LINE):
                    yield line_no + 1, joined[at : at + MAX_LINE]
                pending = [joined[cut:]] if cut < len(joined) else []
                pending_len = len(joined) - cut
        if follow:
            yield 0, ""


def _reader(stream: BinaryIO | TextIO, chunk: int, follow: bool) -> Callable[[], bytes | str]:
    if follow:
        read1: Callable[[int], bytes] | None = getattr(stream, "read1", None)
        if read1 is not None:
            return lambda: read1(chunk)
    return lambda: stream.read(chunk)


# ---------------------------------------------------------------- evidence in one line

_TASK: Final = re.compile(r"Task <([0-9A-Fa-f-]{1,36})>\.<(\d{1,9})>")
_CONNECTION: Final = re.compile(r"(?:\bConnection (\d{1,9}):|\[C(\d{1,9})[.:\]])")
# "TIC TCP Conn Failed [4:0x1c0362f40]": CFNetwork's own connection number (iOS 11, 12).
_TIC: Final = re.compile(r"TIC [A-Za-z ]{1,40}\[(\d{1,9}):0x")
_HOST: Final = re.compile(r"https?://([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])")
_FAILING_URL: Final = re.compile(
    r"NSErrorFailingURL(?:String)?Key\"?\s*[=:]\s*\"?'?https?://"
    r"([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])"
)
# An NSError dump goes on on lines that start like these.
_CONTINUATION: Final = (" ", "\t", ")", "}", "]", ",")
# Lines that end a load: nothing of another load follows them into the same event.
_FINISHED: Final = ("finished with error", "load failed with error")
# This device's trust evaluation failed: "ATS failed system trust" (iOS 11 and later),
# "Connection 6: system TLS Trust evaluation failed(-9802)", "default TLS Trust
# evaluation failed(-9813)" (corpus: cordova-background-geolocation-lt issue 1435,
# AppSales-Mobile issue 62).
_TRUST: Final = ("ATS failed system trust", "Trust evaluation failed")
# Who sent an alert.  BoringSSL logs "read alert" / "write alert"
# (boringssl_context_handle_fatal_alert); its error queue holds
# "SSLV3_ALERT_<NAME>" / "SSL alert number N" only for a fatal alert it *received*
# (BoringSSL ssl/tls_record.cc, ssl_process_alert).
# Go's crypto/tls: "remote error: tls: …" is an alert received, "local error: tls: …" one
#   it sent (net.OpError's Op, golang/go src/crypto/tls/conn.go).  (.NET's "the remote party
#   sent a TLS alert" is not among them: SslStream says it on a server as on a client.)
_READ_MARKS: Final = (
    "read alert",
    "alert from peer",
    "SSL alert number",
    "_ALERT_",
    "ALERT:",
    "remote error: tls:",
    "(IN), TLS alert",  # curl -v
    # OpenSSL's info callback, "SSL3 alert read:fatal:unknown CA" (apps/s_cb.c), and
    #   FreeRADIUS' "TLS Alert read:fatal:…"; "write" for one it sent.
    "alert read:",
    "Alert read:",
)
_WRITE_MARKS: Final = (
    "write alert",
    "local error: tls:",
    "(OUT), TLS alert",
    "alert write:",
    "Alert write:",
)
_URL_DOMAINS: Final = frozenset({"NSURLErrorDomain", "kCFErrorDomainCFNetwork"})
# An alert sent at level warning ends nothing that failed: BoringSSL logs "write alert,
# level: warning, description: close notify" when SSL_shutdown closes a connection cleanly
# (transistorsoft/flutter_background_geolocation issue 295).  It is not the alert behind a
# failure, and not one of its codes.  (The scanner drops that close_notify itself; any
# other alert at level warning is still found, and skipped here.  A close_notify in an
# error string counts: OpenSSL's "SSL3_READ_BYTES:reason(1000):…:SSL alert number 0" is
# a peer closing mid-handshake.)


def _evidence_line(text: str) -> bool:
    return any(mark in text for mark in (*_TRUST, *_FINISHED)) or "alert" in text


# A server's log: the alert it received came from the client, so "peer" and "local" would
#   be read the wrong way round by an app's explanation.  Go's net/http: "http: TLS handshake
#   error from 10.0.0.2:5555: remote error: tls: bad certificate" (server.go); nginx: "…:SSL
#   alert number 42) while SSL handshaking, client: 172.20.0.1, server: 0.0.0.0:443".
#   FreeRADIUS authenticating a Wi-Fi client by EAP-TLS: "Login incorrect (eap_tls: (TLS) TLS -
#   Alert read:fatal:certificate unknown)" (geteduroam issue 163), "rlm_eap: SSL error …".
_SERVER_SIDE: Final = (
    "TLS handshake error from",
    "while SSL handshaking, client:",
    "eap_tls: ",
    "rlm_eap: ",
)


def _sender(text: str, at: int, read_line: bool, server_side: bool = False) -> Sender:
    if server_side:
        return Sender.UNKNOWN
    before = text[max(0, at - 120) : at]
    if any(mark in before for mark in _WRITE_MARKS):
        return Sender.LOCAL
    if read_line or any(mark in before for mark in _READ_MARKS):
        return Sender.PEER
    return Sender.UNKNOWN


def _host(text: str) -> tuple[str | None, bool]:
    """The host a line names, and whether it is the failing URL of an NSError."""
    failing = _FAILING_URL.search(text)
    if failing is not None:
        return failing[1], True
    match = _HOST.search(text)
    return (None, False) if match is None else (match[1], False)


# ---------------------------------------------------------------- grouping


class _Open:
    """An event being gathered."""

    __slots__ = (
        "alerts",
        "codes",
        "connection",
        "failing_host",
        "finished",
        "first",
        "host",
        "key",
        "last",
        "task",
        "tics",
        "time",
        "trust",
        "url_level",
    )

    def __init__(self, line_no: int) -> None:
        self.first = line_no
        self.last = line_no
        self.codes: dict[tuple[str, int], Finding] = {}
        self.alerts: dict[tuple[int, Sender], AlertSeen] = {}
        self.trust: list[tuple[int, str]] = []
        self.host: str | None = None
        self.failing_host = False
        self.time: str | None = None
        self.task: str | None = None
        self.connection: str | None = None
        self.tics: set[str] = set()
        self.key: str | None = None
        self.finished = False
        self.url_level = False

    def add(
        self,
        record: LogRecord,
        findings: list[Finding],
        task: str | None,
        connection: str | None,
    ) -> None:
        text = record.text
        self.last = max(self.last, record.line_no)
        self.task = self.task or task
        self.connection = self.connection or connection
        self.key = self.key or record.event_key
        tic = _TIC.search(text)
        if tic is not None and len(self.tics) < 8:
            self.tics.add(tic[1])
        if self.time is None:
            self.time = record.time
        read_line = "read alert" in text and "write alert" not in text
        # Asked of the line only when it holds an alert, and once (a line may hold many).
        warning: bool | None = None
        server_side = False
        for finding in findings:
            if finding.domain == "TLSAlert":
                if warning is None:
                    warning = any(mark in text for mark in WARNING_LEVEL)
                    server_side = any(mark in text for mark in _SERVER_SIDE)
                if warning:
                    continue
            key = (finding.domain, finding.code)
            if key not in self.codes:
                # The scanner saw the line alone: its line_no is 1; give the log's.
                self.codes[key] = (
                    finding
                    if finding.line_no == record.line_no
                    else attrs.evolve(finding, line_no=record.line_no)
                )
            if finding.domain in _URL_DOMAINS:
                self.url_level = True
            if finding.domain == "TLSAlert":
                sender = _sender(text, finding.span[0], read_line, server_side)
                alert_key = (finding.code, sender)
                if alert_key not in self.alerts:
                    self.alerts[alert_key] = AlertSeen(
                        finding.code,
                        None if finding.member is None else finding.member.name,
                        sender,
                        record.line_no,
                    )
        if len(self.trust) < 8:
            for mark in _TRUST:
                if mark in text:
                    self.trust.append((record.line_no, mark))
                    break
        if record.host is not None:
            self.host, self.failing_host = record.host, True
        elif not self.failing_host:
            host, failing = _host(text)
            if host is not None and (failing or self.host is None):
                self.host, self.failing_host = host, failing
        if any(mark in text for mark in _FINISHED):
            self.finished = True

    def event(self) -> FailureEvent | None:
        if not self.codes:
            return None
        # A "read alert" line names the alert twice (the description and, on the next
        # line, "SSL alert number N"): one alert, sent by the peer.
        alerts = {number: seen for (number, _), seen in self.alerts.items()}
        for (number, sender), seen in self.alerts.items():
            if sender is not Sender.UNKNOWN:
                alerts[number] = seen
        return FailureEvent(
            self.first,
            self.last,
            tuple(self.codes.values()),
            tuple(sorted(alerts.values(), key=lambda a: a.line_no)),
            tuple(self.trust),
            self.host,
            self.time,
            self.task,
            self.connection,
        )


def one_event(records: Iterable[LogRecord]) -> FailureEvent | None:
    """Every code and piece of evidence of *records* as one event (a pasted error)."""
    return merge_events(group_records(records))


def merge_events(events: Iterable[FailureEvent]) -> FailureEvent | None:
    """*events* as one: their codes, alerts and trust lines together (a pasted error that
    the grouping splits), the first host and time."""
    merged: FailureEvent | None = None
    for event in events:
        if merged is None:
            merged = event
            continue
        codes = {(f.domain, f.code): f for f in (*merged.codes, *event.codes)}
        alerts = {(a.number, a.sender): a for a in (*merged.alerts, *event.alerts)}
        merged = attrs.evolve(
            merged,
            last_line=max(merged.last_line, event.last_line),
            codes=tuple(codes.values()),
            alerts=tuple(alerts.values()),
            trust_lines=(*merged.trust_lines, *event.trust_lines)[:8],
            host=merged.host or event.host,
            time=merged.time or event.time,
            task=merged.task or event.task,
            connection=merged.connection or event.connection,
        )
    return merged


def _url_keys(codes: set[tuple[str, int]]) -> set[tuple[str, int]]:
    return {key for key in codes if key[0] in _URL_DOMAINS}


def _ids(text: str) -> tuple[str | None, str | None]:
    task = _TASK.search(text)
    connection = _CONNECTION.search(text)
    return (
        None if task is None else f"{task[1]}.{task[2]}",
        None if connection is None else (connection[1] or connection[2]),
    )


class _Grouper:
    def __init__(self, noise: dict[str, int] | None = None) -> None:
        self.noise = noise
        self.open: list[_Open] = []
        self.done: list[_Open] = []
        self.dump: _Open | None = None  # the event whose dump the next line may continue
        self.dump_lines = 0
        # The text of the dump being read, joined: a code split over lines
        # ("Domain=NSURLErrorDomain" on one, "Code=-1001" on the next) is found there.
        self.dump_text: list[str] = []
        self.dump_size = 0
        self.dump_record: LogRecord | None = None
        # The scanner's multi-line context, carried from record to record.
        self.context = Record()
        self.scanned_to = -2

    def _end_dump(self) -> None:
        dump, parts = self.dump, self.dump_text
        self.dump, self.dump_text, self.dump_size = None, [], 0
        if dump is None or len(parts) < 2 or self.dump_record is None:
            return
        joined = " ".join(part.strip() for part in parts)
        extra = [
            f for f in scan(joined) if f.member is not None and (f.domain, f.code) not in dump.codes
        ]
        if extra:
            dump.add(attrs.evolve(self.dump_record, text=""), extra, None, None)

    def _start_dump(self, event: _Open, record: LogRecord) -> None:
        self._end_dump()
        self.dump, self.dump_lines = event, 0
        self.dump_record = record
        self.dump_text, self.dump_size = [record.text[:DUMP_TEXT]], min(len(record.text), DUMP_TEXT)

    def _continue_dump(self, text: str) -> None:
        if self.dump_size < DUMP_TEXT:
            piece = text[: DUMP_TEXT - self.dump_size]
            self.dump_text.append(piece)
            self.dump_size += len(piece)

    def _close(self, event: _Open) -> None:
        if self.dump is event:
            self._end_dump()
        self.open.remove(event)
        self.done.append(event)

    def finish_idle(self, line_no: int) -> None:
        for event in [e for e in self.open if line_no - e.last > IDLE]:
            self._close(event)

    def finish_all(self, *, finished_only: bool = False) -> None:
        for event in list(self.open):
            if not finished_only or event.finished:
                self._close(event)

    def finish_paused(self) -> None:
        """The input paused: complete the events that can only grow by task or connection."""
        latest = max((e.last for e in self.open), default=0)
        for event in list(self.open):
            if event is self.dump and self.context.depth > 0:
                continue  # its NSError dump left a bracket open: it goes on after the pause
            if event.finished or latest - event.last > NEAR:
                self._close(event)

    def _target(
        self, record: LogRecord, findings: list[Finding], task: str | None, conn: str | None
    ) -> _Open | None:
        if record.event_key is not None:
            return next((e for e in self.open if e.key == record.event_key), None)
        if task is not None:
            same = next((e for e in reversed(self.open) if e.task == task), None)
            if same is not None:
                return same
        if conn is not None and task is None:
            same = next((e for e in reversed(self.open) if e.connection == conn), None)
            if same is not None:
                return same
        codes = {(f.domain, f.code) for f in findings}
        bare = {f.code for f in findings}
        tic_match = _TIC.search(record.text)
        tic = None if tic_match is None else tic_match[1]
        candidates: list[tuple[_Open, bool]] = []
        for event in reversed(self.open):
            if record.line_no - event.last > NEAR:
                break
            if event.key is not None:
                continue
            if task is not None and event.task is not None and event.task != task:
                continue
            if conn is not None and event.connection is not None and event.connection != conn:
                continue
            shares = bool(codes & event.codes.keys()) or any(
                code in bare for _, code in event.codes
            )
            if event.finished and not (
                task is None
                and record.line_no - event.last <= _ECHO
                and codes & event.codes.keys() & _url_keys(codes)
            ):
                # A finished load takes only an echo of its URL error right after it (an
                # app printing the error it got: Alamofire issue 2582).
                continue
            if tic is not None and event.tics and tic not in event.tics and not shares:
                continue  # another TIC connection with other codes: another load
            candidates.append((event, shares))
        # A line that repeats a code joins the load it repeats; otherwise the latest load
        # that has no URL-loading code yet (it is still waiting for its Task line).
        for event, shares in candidates:
            if shares:
                return event
        for event, _ in candidates:
            if not event.url_level:
                return event
        return None

    def wants(self, text: str) -> bool:
        """Whether *text* can belong to an event (a cheap test; :meth:`add` decides)."""
        return self.dump is not None or _MARK.search(text) is not None

    def skip(self, line_no: int) -> None:
        """A line that belongs to no event."""
        if self.open and line_no - self.open[0].last > IDLE:
            self.finish_idle(line_no)

    def add(self, record: LogRecord) -> None:
        text = record.text
        noise = next((mark for mark in NOISE if mark in text), None)
        if noise is not None:
            if self.noise is not None:
                self.noise[noise] = self.noise.get(noise, 0) + 1
            self._end_dump()
            return
        dump = self.dump
        continues = (
            dump is not None
            and text[:1] in _CONTINUATION
            and record.line_no - dump.last <= 1
            and self.dump_lines < MAX_DUMP_LINES
        )
        if record.line_no - self.scanned_to > 2:
            self.context.reset()  # as scan() does between lines that are not near
        self.scanned_to = record.line_no + text.count("\n")
        findings = [f for f in scan_in(text, self.context) if f.member is not None]
        if not findings and not _evidence_line(text) and not continues:
            self._end_dump()
            return
        task, conn = _ids(text)
        if continues and dump is not None and (task is None or dump.task in (None, task)):
            dump.add(record, findings, task, conn)
            self.dump_lines += 1
            self._continue_dump(text)
            return
        if not findings and not any(mark in text for mark in (*_TRUST, *_FINISHED)):
            self._end_dump()  # an alert-looking line without an alert
            return
        target = self._target(record, findings, task, conn)
        if target is None:
            if len(self.open) >= MAX_OPEN:
                self._close(self.open[0])
            target = _Open(record.line_no)
            self.open.append(target)
        else:
            # Keep the open list in order of last activity.
            self.open.remove(target)
            self.open.append(target)
        target.add(record, findings, task, conn)
        self._start_dump(target, record)
        self.skip(record.line_no)

    def take(self) -> Iterator[FailureEvent]:
        done, self.done = self.done, []
        for item in sorted(done, key=lambda e: e.first):
            event = item.event()
            if event is not None:
                yield event


def group_records(
    records: Iterable[LogRecord], *, noise: dict[str, int] | None = None
) -> Iterator[FailureEvent]:
    """The failure events of *records*, each yielded as soon as it is complete.

    Events come in the order they complete, which is the order of their first line
    except when loads interleave.  A record with ``line_no == 0`` says the input paused
    (see :func:`records_from_stream` with ``follow``): events whose task has finished,
    and events more than :data:`NEAR` lines behind, are completed there.  When *noise*
    is a dict, it counts the lines dropped as noise by the :data:`NOISE` text that
    named them.
    """
    grouper = _Grouper(noise)
    for record in records:
        if record.line_no == 0:
            grouper.finish_paused()
        elif grouper.wants(record.text):
            grouper.add(record)
        else:
            grouper.skip(record.line_no)
        if grouper.done:
            yield from grouper.take()
    grouper.finish_all()
    yield from grouper.take()


def group_lines(
    lines: Iterable[tuple[int, str]], *, noise: dict[str, int] | None = None
) -> Iterator[FailureEvent]:
    """:func:`group_records` for plain ``(line number, line)`` pairs (from
    :func:`lines_of_text` or :func:`lines_of_stream`): a record, with its time, is made
    only for the lines that can belong to an event."""
    grouper = _Grouper(noise)
    for line_no, text in lines:
        if line_no == 0:
            grouper.finish_paused()
        elif grouper.wants(text):
            grouper.add(LogRecord(line_no, text, line_time(text)))
        else:
            grouper.skip(line_no)
        if grouper.done:
            yield from grouper.take()
    grouper.finish_all()
    yield from grouper.take()
