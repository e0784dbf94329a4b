"""TLS records and cleartext handshake messages, one direction of a connection at a time.

A :class:`RecordParser` is fed the in-order bytes of one direction.  It reads
record headers (RFC 8446 §5.1, RFC 5246 §6.2), keeps the bodies of cleartext
handshake and alert records only, and skips every other body without keeping
it, so that its memory stays bounded however long the connection runs.

Bounds: a record longer than 2^14 + 2048 bytes (RFC 5246 §6.2.3's ceiling for
ciphertext) or a first record that does not look like TLS marks the direction
as not TLS; a handshake message longer than :data:`MAX_HANDSHAKE` bytes is
skipped and noted.
"""

from __future__ import annotations

import struct
from typing import Final

__all__ = [
    "MAX_HANDSHAKE",
    "ClientHello",
    "ConnectionFacts",
    "RecordParser",
    "ServerHello",
]

CHANGE_CIPHER_SPEC: Final = 20
ALERT: Final = 21
HANDSHAKE: Final = 22
APPLICATION_DATA: Final = 23
_HEARTBEAT: Final = 24
_MAX_RECORD: Final = 16384 + 2048
#: Largest handshake message kept (certificate chains are rarely above 20 KB).
MAX_HANDSHAKE: Final = 131_072
#: Most alerts and record events kept per connection.
MAX_EVENTS: Final = 64
MAX_CERTIFICATES: Final = 16

# RFC 8446 §4.1.3: the ServerHello.random of a HelloRetryRequest.
_HRR_RANDOM: Final = bytes.fromhex(
    "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C"
)


class ClientHello:
    """What a ClientHello offered (RFC 8446 §4.1.2 and the extensions of §4.2)."""

    __slots__ = (
        "alpn",
        "ech",
        "groups",
        "key_shares",
        "legacy_version",
        "signature_algorithms",
        "size",
        "sni",
        "suites",
        "versions",
    )

    def __init__(self, legacy_version: int, size: int) -> None:
        self.legacy_version = legacy_version
        self.size = size
        self.versions: tuple[int, ...] = ()
        self.suites: tuple[int, ...] = ()
        self.sni: str | None = None
        self.alpn: tuple[str, ...] = ()
        self.groups: tuple[int, ...] = ()
        self.key_shares: tuple[tuple[int, int], ...] = ()  # (group, key length)
        self.signature_algorithms: tuple[int, ...] = ()
        self.ech = False


class ServerHello:
    """What a ServerHello (or HelloRetryRequest) chose."""

    __slots__ = ("group", "legacy_version", "retry", "suite", "version")

    def __init__(self, legacy_version: int, suite: int, retry: bool) -> None:
        self.legacy_version = legacy_version
        self.suite = suite
        self.retry = retry
        self.version: int = legacy_version
        self.group: int | None = None


class Event:
    """A record seen on the connection: sender, content type, length, frame, time."""

    __slots__ = ("alert", "client", "content", "frame", "length", "time")

    def __init__(
        self, client: bool, content: int, length: int, frame: int, time: float, alert: bytes
    ) -> None:
        self.client = client
        self.content = content
        self.length = length
        self.frame = frame
        self.time = time
        self.alert = alert


class ConnectionFacts:
    """Everything both directions' parsers learnt about one connection."""

    __slots__ = (
        "_parsed",
        "alerts",
        "certificate_request",
        "certificates",
        "client_ccs",
        "encrypted",
        "events",
        "hello_bodies",
        "notes",
        "server_ccs",
        "server_group",
        "server_hellos",
    )

    def __init__(self) -> None:
        #: The ClientHello bodies, read only when a report needs them (see client_hellos).
        self.hello_bodies: list[bytes] = []
        self._parsed: list[ClientHello] | None = None
        self.server_hellos: list[ServerHello] = []
        self.server_group: int | None = None
        self.certificates: tuple[bytes, ...] = ()
        self.certificate_request = False
        self.client_ccs = False
        self.server_ccs = False
        #: Records in order, up to MAX_EVENTS (alerts are always kept, up to MAX_EVENTS more).
        self.events: list[Event] = []
        self.alerts: list[Event] = []
        self.notes: list[str] = []
        self.encrypted = False

    @property
    def client_hellos(self) -> list[ClientHello]:
        """The ClientHellos (a second one after a HelloRetryRequest), parsed on first use."""
        if self._parsed is None:
            parsed = []
            for body in self.hello_bodies:
                try:
                    parsed.append(_parse_client_hello(body, len(body) + 4))
                except ValueError:
                    self.note("a malformed ClientHello was skipped")
            self._parsed = parsed
        return self._parsed

    def note(self, text: str) -> None:
        if text not in self.notes and len(self.notes) < 16:
            self.notes.append(text)

    @property
    def tls13(self) -> bool:
        """Whether the server chose TLS 1.3 (or one of its drafts)."""
        return any(s.version == 0x0304 or s.version >> 8 == 0x7F for s in self.server_hellos)


def _u16s(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f">{len(data) // 2}H", data[: len(data) // 2 * 2])


class _Reader:
    """Bounds-checked reads from a message body; a short read raises ``ValueError``."""

    __slots__ = ("at", "data", "end")

    def __init__(self, data: bytes, at: int = 0, end: int | None = None) -> None:
        self.data = data
        self.at = at
        self.end = len(data) if end is None else end

    def take(self, n: int) -> bytes:
        if self.at + n > self.end:
            raise ValueError("short")
        chunk = self.data[self.at : self.at + n]
        self.at += n
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def u16(self) -> int:
        value: int = struct.unpack(">H", self.take(2))[0]
        return value

    def u24(self) -> int:
        return int.from_bytes(self.take(3), "big")

    def vector(self, width: int) -> bytes:
        length = int.from_bytes(self.take(width), "big")
        return self.take(length)


def _parse_client_hello(body: bytes, size: int) -> ClientHello:
    r = _Reader(body)
    hello = ClientHello(r.u16(), size)
    r.take(32)
    r.vector(1)
    hello.suites = _u16s(r.vector(2))
    r.vector(1)
    if r.at >= r.end:
        return hello
    extensions = _Reader(r.vector(2))
    while extensions.at < extensions.end:
        kind = extensions.u16()
        value = extensions.vector(2)
        try:
            _client_extension(hello, kind, value)
        except ValueError:
            continue  # one malformed extension does not hide the others
    return hello


def _client_extension(hello: ClientHello, kind: int, value: bytes) -> None:
    if kind == 0:  # server_name, RFC 6066 §3
        names = _Reader(_Reader(value).vector(2))
        while names.at < names.end:
            name_type = names.u8()
            name = names.vector(2)
            if name_type == 0:
                hello.sni = name[:255].decode("ascii", "backslashreplace")
                return
    elif kind == 16:  # ALPN, RFC 7301 §3.1
        protocols = _Reader(_Reader(value).vector(2))
        found: list[str] = []
        while protocols.at < protocols.end and len(found) < 16:
            found.append(protocols.vector(1)[:64].decode("ascii", "backslashreplace"))
        hello.alpn = tuple(found)
    elif kind == 10:  # supported_groups, RFC 8446 §4.2.7
        hello.groups = _u16s(_Reader(value).vector(2))
    elif kind == 13:  # signature_algorithms, RFC 8446 §4.2.3
        hello.signature_algorithms = _u16s(_Reader(value).vector(2))
    elif kind == 43:  # supported_versions, RFC 8446 §4.2.1
        hello.versions = _u16s(_Reader(value).vector(1))
    elif kind == 51:  # key_share, RFC 8446 §4.2.8
        shares = _Reader(_Reader(value).vector(2))
        found_shares: list[tuple[int, int]] = []
        while shares.at < shares.end and len(found_shares) < 16:
            group = shares.u16()
            found_shares.append((group, len(shares.vector(2))))
        hello.key_shares = tuple(found_shares)
    elif kind == 0xFE0D:  # encrypted_client_hello, draft-ietf-tls-esni
        hello.ech = True


def _parse_server_hello(body: bytes) -> ServerHello:
    r = _Reader(body)
    legacy = r.u16()
    random = r.take(32)
    draft = legacy >> 8 == 0x7F  # TLS 1.3 drafts before 22: no session id, no compression
    if not draft:
        r.vector(1)
    suite = r.u16()
    if not draft:
        r.u8()
    hello = ServerHello(legacy, suite, random == _HRR_RANDOM)
    if r.at >= r.end:
        return hello
    extensions = _Reader(r.vector(2))
    while extensions.at < extensions.end:
        kind = extensions.u16()
        value = extensions.vector(2)
        if kind == 43 and len(value) >= 2:
            hello.version = struct.unpack(">H", value[:2])[0]
        elif kind == 51 and len(value) >= 2:
            hello.group = struct.unpack(">H", value[:2])[0]
    if hello.legacy_version >> 8 == 0x7F:  # TLS 1.3 drafts before 22 put the version here
        hello.version = hello.legacy_version
    return hello


def _parse_certificates(body: bytes) -> tuple[bytes, ...]:
    r = _Reader(body)
    chain = _Reader(r.take(r.u24()))
    found: list[bytes] = []
    while chain.at < chain.end and len(found) < MAX_CERTIFICATES:
        found.append(chain.take(chain.u24()))
    return tuple(found)


class RecordParser:
    """The TLS records of one direction; facts go to a shared :class:`ConnectionFacts`."""

    __slots__ = (
        "_body",
        "_collect",
        "_content",
        "_handshake",
        "_header",
        "_length",
        "_skip",
        "client",
        "facts",
        "first_bytes",
        "lost",
        "not_tls",
        "records",
    )

    def __init__(self, facts: ConnectionFacts, client: bool) -> None:
        self.facts = facts
        self.client = client
        self._header = b""
        self._body = bytearray()
        self._content = 0
        self._length = 0  # length of the current record
        self._collect = False  # whether its body is kept
        self._skip = 0  # body bytes still to skip (not kept)
        self._handshake = bytearray()
        self.records = 0
        #: Set when this direction's bytes are not TLS; ``first_bytes`` holds a sample.
        self.not_tls = False
        self.first_bytes = b""
        #: Set after a gap in the bytes: parsing resumes at the next plausible record.
        self.lost = False

    def gap(self) -> None:
        """Bytes are missing: drop the partial record and resynchronise on the next header."""
        self._header = b""
        self._body.clear()
        self._handshake.clear()
        self._skip = 0
        self._collect = False
        self.lost = True

    def feed(self, data: bytes, frame: int, time: float) -> None:
        """Read the next in-order bytes of this direction, which arrived in *frame*."""
        if self.not_tls:
            return
        at = 0
        end = len(data)
        while at < end:
            if self._skip:
                step = min(self._skip, end - at)
                self._skip -= step
                at += step
                if not self._skip:
                    self._record_done(frame, time, b"")
                continue
            if self._collect:
                need = self._length - len(self._body)
                self._body += data[at : at + need]
                at += min(need, end - at)
                if len(self._body) == self._length:
                    body = bytes(self._body)
                    self._body.clear()
                    self._collect = False
                    self._record_done(frame, time, body)
                continue
            if not self._header and end - at >= 5:
                header = data[at : at + 5]
                at += 5
            else:
                need = 5 - len(self._header)
                self._header += data[at : at + need]
                at += min(need, end - at)
                if len(self._header) < 5:
                    return
                header = self._header
                self._header = b""
            content, major, length = header[0], header[1], header[3] << 8 | header[4]
            if not (
                CHANGE_CIPHER_SPEC <= content <= _HEARTBEAT
                and major == 3
                and 0 < length <= _MAX_RECORD
            ):
                if self.lost:
                    self.facts.note(
                        "bytes were missing and the records could not be resynchronised"
                    )
                elif self.records == 0:
                    self.first_bytes = (header + data[at : at + 27])[:32]
                self.not_tls = True
                return
            self.lost = False
            self._content = content
            self._length = length
            if content == ALERT or (content == HANDSHAKE and not self._encrypted()):
                self._collect = True
            else:
                self._skip = length

    def _encrypted(self) -> bool:
        # TLS 1.3's ChangeCipherSpec is only for middlebox compatibility (RFC 8446
        # D.4): a second ClientHello may follow it in the clear.
        facts = self.facts
        if facts.server_hellos and (facts.tls13 or facts.server_hellos[0].retry):
            return False
        return facts.client_ccs if self.client else facts.server_ccs

    def _record_done(self, frame: int, time: float, body: bytes) -> None:
        content = self._content
        length = self._length
        self.records += 1
        facts = self.facts
        if content == CHANGE_CIPHER_SPEC:
            if self.client:
                facts.client_ccs = True
            else:
                facts.server_ccs = True
        event = Event(self.client, content, length, frame, time, body if content == ALERT else b"")
        if content == ALERT and len(facts.alerts) < MAX_EVENTS:
            facts.alerts.append(event)
        if len(facts.events) < MAX_EVENTS:
            facts.events.append(event)
        if content == HANDSHAKE and body:
            self._handshake_bytes(body, length)

    def _handshake_bytes(self, body: bytes, record_length: int) -> None:
        buffer = self._handshake
        buffer += body
        while len(buffer) >= 4:
            kind = buffer[0]
            length = int.from_bytes(buffer[1:4], "big")
            if length > MAX_HANDSHAKE:
                self.facts.note(f"a handshake message of {length} bytes was too long to read")
                buffer.clear()
                return
            if len(buffer) < 4 + length:
                if len(buffer) > MAX_HANDSHAKE + 4:
                    buffer.clear()
                return
            message = bytes(buffer[4 : 4 + length])
            del buffer[: 4 + length]
            try:
                self._message(kind, message, record_length)
            except ValueError:
                self.facts.note(f"a malformed handshake message (type {kind}) was skipped")

    def _message(self, kind: int, body: bytes, record_length: int) -> None:
        facts = self.facts
        if self.client and kind == 1:
            if len(facts.hello_bodies) < 4 and len(body) >= 38:
                facts.hello_bodies.append(body)
        elif not self.client and kind == 2:
            if len(facts.server_hellos) < 4:
                hello = _parse_server_hello(body)
                facts.server_hellos.append(hello)
                if hello.group is not None and not hello.retry:
                    facts.server_group = hello.group
        elif not self.client and kind == 11 and not facts.certificates:
            facts.certificates = _parse_certificates(body)
        elif not self.client and kind == 12 and len(body) >= 3 and body[0] == 3:
            # ServerKeyExchange with a named curve (RFC 8422 §5.4)
            facts.server_group = struct.unpack(">H", body[1:3])[0]
        elif not self.client and kind == 13:
            facts.certificate_request = True
