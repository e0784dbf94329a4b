"""``trace()`` on captures built here from real handshakes between Python's ssl client and server.

Each handshake runs over memory BIOs; every flight is cut into TCP segments with
correct sequence numbers, wrapped in Ethernet and IPv4 or IPv6, and written as
pcap or as Apple-style pcapng (with a Darwin process block).  The expected
values come from what the ssl module itself did (who raised, which alert it
sent), never from the reader under test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import ssl
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atscodes import trace
from atscodes._cli import main
from atscodes._trace import CaptureError

cryptography = pytest.importorskip("cryptography")

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

# ---------------------------------------------------------------- certificates and handshakes


def _certificate(tmp: Path, name: str = "server.example") -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path = tmp / "cert.pem"
    key_path = tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture(scope="module")
def pem(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _certificate(tmp_path_factory.mktemp("pem"))


Flight = tuple[bool, bytes]  # (from the client, bytes)


def handshake(
    server_ctx: ssl.SSLContext,
    client_ctx: ssl.SSLContext,
    sni: str = "server.example",
    *,
    exchange: bool = True,
) -> tuple[list[Flight], str | None]:
    """Run a handshake over memory BIOs; the flights in order, and who raised first."""
    c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
    client = client_ctx.wrap_bio(c_in, c_out, server_hostname=sni)
    server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
    flights: list[Flight] = []
    failed: str | None = None
    done = {"client": False, "server": False}

    def pump() -> bool:
        moved = False
        for from_client, out, into in ((True, c_out, s_in), (False, s_out, c_in)):
            data = out.read()
            if data:
                flights.append((from_client, data))
                into.write(data)
                moved = True
        return moved

    for _ in range(20):
        for side, tls in (("client", client), ("server", server)):
            if done[side] or failed == side:
                continue
            try:
                tls.do_handshake()
                done[side] = True
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                pass
            except ssl.SSLError:
                failed = failed or side
        if not pump() and (all(done.values()) or failed):
            break
    if exchange and failed is None:
        try:
            client.write(b"GET / HTTP/1.1\r\n\r\n")
            pump()
            server.read(1024)
            server.write(b"HTTP/1.1 204 No Content\r\n\r\n")
            pump()
            client.read(1024)
            pump()
        except ssl.SSLError as error:  # the TLS 1.3 client-certificate failure shows up here
            failed = "client" if "alert" in str(error) else "server"
            pump()
        else:
            with contextlib.suppress(ssl.SSLWantReadError, ssl.SSLError):
                client.unwrap()
            pump()
    return flights, failed


def _server(pem: tuple[Path, Path], **options: object) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(*pem)
    for name, value in options.items():
        setattr(ctx, name, value)
    return ctx


def _client(pem: tuple[Path, Path] | None, **options: object) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if pem is not None:
        ctx.load_verify_locations(pem[0])
    else:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    for name, value in options.items():
        setattr(ctx, name, value)
    return ctx


# ---------------------------------------------------------------- frames and files

CLIENT4 = ("192.0.2.10", 50000)
SERVER4 = ("198.51.100.7", 8443)
CLIENT6 = ("2001:db8::10", 50001)
SERVER6 = ("2001:db8::443", 443)


def _checksum_free_tcp(
    src: str, dst: str, sport: int, dport: int, seq: int, ack: int, flags: int, payload: bytes
) -> bytes:
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack, 5 << 4, flags, 65535, 0, 0)
    body = tcp + payload
    a, b = ipaddress.ip_address(src), ipaddress.ip_address(dst)
    if a.version == 4:
        ip = struct.pack(
            ">BBHHHBBH4s4s", 0x45, 0, 20 + len(body), 0, 0x4000, 64, 6, 0, a.packed, b.packed
        )
        return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + ip + body
    ip6 = struct.pack(">IHBB16s16s", 6 << 28, len(body), 6, 64, a.packed, b.packed)
    return b"\x02" * 6 + b"\x04" * 6 + b"\x86\xdd" + ip6 + body


SYN, ACK, PSH, FIN, RST = 0x02, 0x10, 0x08, 0x01, 0x04


class Wire:
    """TCP frames for one connection, with the frame numbers of every segment."""

    def __init__(self, v6: bool = False, client: tuple[str, int] | None = None) -> None:
        self.client = client or (CLIENT6 if v6 else CLIENT4)
        self.server = SERVER6 if v6 else SERVER4
        self.seq = {True: 1000, False: 7000}
        self.frames: list[bytes] = []

    def _frame(
        self, from_client: bool, flags: int, payload: bytes = b"", seq: int | None = None
    ) -> int:
        src, dst = (self.client, self.server) if from_client else (self.server, self.client)
        s = self.seq[from_client] if seq is None else seq
        self.frames.append(
            _checksum_free_tcp(
                src[0], dst[0], src[1], dst[1], s, self.seq[not from_client], flags, payload
            )
        )
        return len(self.frames)

    def open(self) -> None:
        self._frame(True, SYN)
        self.seq[True] += 1
        self._frame(False, SYN | ACK)
        self.seq[False] += 1
        self._frame(True, ACK)

    def send(
        self,
        from_client: bool,
        data: bytes,
        size: int = 1400,
        *,
        reorder: bool = False,
        retransmit: bool = False,
    ) -> list[int]:
        """Segments of *data*; returns the frame number that carried each byte's last segment."""
        pieces = [
            (self.seq[from_client] + i, data[i : i + size]) for i in range(0, len(data), size)
        ]
        order = list(range(len(pieces)))
        if reorder and len(order) > 1:
            order[0], order[1] = order[1], order[0]
        numbers = {}
        for index in order:
            seq, piece = pieces[index]
            numbers[index] = self._frame(from_client, ACK | PSH, piece, seq)
            if retransmit and index == order[0]:
                self._frame(from_client, ACK | PSH, piece, seq)
        self.seq[from_client] += len(data)
        return [numbers[i] for i in range(len(pieces))]

    def close(self, rst: bool = False) -> None:
        if rst:
            self._frame(False, RST | ACK)
            return
        self._frame(True, FIN | ACK)
        self.seq[True] += 1
        self._frame(False, FIN | ACK)
        self.seq[False] += 1
        self._frame(True, ACK)


T0 = 1_700_000_000


def write_pcap(path: Path, frames: list[bytes], *, nanos: bool = False, big: bool = False) -> None:
    order = ">" if big else "<"
    magic = 0xA1B23C4D if nanos else 0xA1B2C3D4
    with path.open("wb") as f:
        f.write(struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, 262144, 1))
        for i, frame in enumerate(frames):
            fraction = i * 1000 if nanos else i
            f.write(struct.pack(order + "IIII", T0, fraction, len(frame), len(frame)))
            f.write(frame)


def _block(kind: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", kind, len(body) + 12) + body + struct.pack("<I", len(body) + 12)


def _option(code: int, value: bytes) -> bytes:
    return struct.pack("<HH", code, len(value)) + value + b"\0" * (-len(value) % 4)


def write_pcapng(
    path: Path, frames: list[bytes], process: tuple[int, str] = (4242, "MyApp")
) -> None:
    """Apple-style pcapng: SHB, an unused interface, an Ethernet interface, a process block."""
    out = [
        _block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)),
        _block(1, struct.pack("<HHI", 101, 0, 0) + _option(0, b"")),
        _block(1, struct.pack("<HHI", 1, 0, 0) + _option(9, b"\x09") + _option(0, b"")),
        _block(
            0x80000001,
            struct.pack("<I", process[0]) + _option(2, process[1].encode()) + _option(0, b""),
        ),
    ]
    for i, frame in enumerate(frames):
        ticks = T0 * 10**9 + i * 1000
        body = struct.pack("<IIIII", 1, ticks >> 32, ticks & 0xFFFFFFFF, len(frame), len(frame))
        body += frame + b"\0" * (-len(frame) % 4)
        body += _option(0x8001, struct.pack("<I", 0)) + _option(0, b"")
        out.append(_block(6, body))
    path.write_bytes(b"".join(out))


def capture(
    flights: list[Flight],
    *,
    v6: bool = False,
    size: int = 1400,
    reorder: bool = False,
    retransmit: bool = False,
    close: str = "fin",
    upto: int | None = None,
) -> tuple[list[bytes], list[list[int]]]:
    wire = Wire(v6)
    wire.open()
    numbers = []
    for from_client, data in flights[:upto]:
        numbers.append(wire.send(from_client, data, size, reorder=reorder, retransmit=retransmit))
    if close == "fin":
        wire.close()
    elif close == "rst":
        wire.close(rst=True)
    return wire.frames, numbers


def _alert_offsets(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(offset of the record's last byte, content type, body) of each record in *data*."""
    at = 0
    while at + 5 <= len(data):
        length = int.from_bytes(data[at + 3 : at + 5], "big")
        yield at + 5 + length - 1, data[at], data[at + 5 : at + 5 + length]
        at += 5 + length


# ---------------------------------------------------------------- tests

TLS12 = {"maximum_version": ssl.TLSVersion.TLSv1_2}
TLS13 = {"minimum_version": ssl.TLSVersion.TLSv1_3}


def test_completed_tls13_with_its_suite(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """A good TLS 1.3 handshake with data and close_notify: completed, the suite ssl chose."""
    flights, failed = handshake(_server(pem), _client(pem, **TLS13))
    assert failed is None
    frames, _ = capture(flights)
    write_pcap(tmp_path / "ok.pcap", frames)
    report = trace(tmp_path / "ok.pcap", completed=True)
    (conn,) = report.connections
    assert (conn.outcome, conn.version, conn.sni) == ("completed", "TLSv1.3", "server.example")
    assert conn.cipher_suite in (
        "TLS_AES_256_GCM_SHA384",
        "TLS_AES_128_GCM_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
    )
    assert "TLSv1.3" in conn.offered_versions
    assert report.exit_status == 0
    assert conn.client == "192.0.2.10:50000"
    assert conn.server == "198.51.100.7:8443"


def test_client_rejects_certificate_tls12(tmp_path: Path) -> None:
    """TLS 1.2: this device does not trust the server: its unknown_ca in the clear, local side."""
    other = _certificate(tmp_path, "other.example")
    own = tmp_path / "own"
    own.mkdir()
    pem = _certificate(own)
    flights, failed = handshake(_server(pem), _client(other, **TLS12))
    assert failed == "client"
    frames, numbers = capture(flights)
    write_pcap(tmp_path / "c.pcap", frames)
    (conn,) = trace(tmp_path / "c.pcap").connections
    last_client = [i for i, (fc, _d) in enumerate(flights) if fc][-1]
    data = flights[last_client][1]
    alerts = [(end, body) for end, kind, body in _alert_offsets(data) if kind == 21]
    assert len(alerts) == 1
    assert alerts[0][1][0] == 2
    assert (conn.outcome, conn.side) == ("failed", "local")
    (alert,) = conn.alerts
    assert (alert.sender, alert.level, alert.alert) == ("client", "fatal", alerts[0][1][1])
    assert alert.frame == numbers[last_client][alerts[0][0] // 1400]
    assert not alert.encrypted


def test_client_rejects_certificate_tls13_openssl_alerts_in_clear(tmp_path: Path) -> None:
    """OpenSSL's TLS 1.3 client refuses the chain before it has handshake keys: a clear 48."""
    own = tmp_path / "own"
    own.mkdir()
    pem = _certificate(own)
    other = _certificate(tmp_path, "other.example")
    flights, failed = handshake(_server(pem), _client(other, **TLS13))
    assert failed == "client"
    frames, _ = capture(flights)
    write_pcap(tmp_path / "c13.pcap", frames)
    (conn,) = trace(tmp_path / "c13.pcap").connections
    assert (conn.outcome, conn.side, conn.version) == ("failed", "local", "TLSv1.3")
    assert [(a.sender, a.alert, a.encrypted) for a in conn.alerts] == [("client", 48, False)]


def _encrypted_record(length: int) -> bytes:
    return b"\x17\x03\x03" + length.to_bytes(2, "big") + b"\xaa" * length


def test_encrypted_refusal_in_place_of_finished_is_inferred(
    pem: tuple[Path, Path], tmp_path: Path
) -> None:
    """A stack that encrypts its refusal (19 bytes where Finished goes): inferred, local side.

    The server's flight is a real one; the client's last flight is replaced by the
    ChangeCipherSpec and one alert-sized record, as RFC 8446 §5.2 sizes it.
    """
    flights, failed = handshake(_server(pem), _client(pem, **TLS13), exchange=False)
    assert failed is None
    client_last = max(i for i, (fc, _d) in enumerate(flights) if fc)
    flights = [*flights[:client_last], (True, b"\x14\x03\x03\x00\x01\x01" + _encrypted_record(19))]
    frames, numbers = capture(flights, close="rst")
    write_pcap(tmp_path / "r.pcap", frames)
    (conn,) = trace(tmp_path / "r.pcap").connections
    assert (conn.outcome, conn.side) == ("failed", "local")
    (alert,) = conn.alerts
    assert alert.encrypted
    assert alert.inferred
    assert alert.sender == "client"
    assert alert.alert is None
    assert alert.length == 19
    assert alert.frame == numbers[-1][-1]
    assert alert.meaning is not None
    assert "refused the server" in alert.meaning


def test_tls13_client_certificate_required(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """TLS 1.3 mTLS without a client certificate: the server's alert after the client Finished."""
    server = _server(pem, verify_mode=ssl.CERT_REQUIRED)
    server.load_verify_locations(pem[0])
    flights, failed = handshake(server, _client(pem, **TLS13))
    assert failed is not None
    frames, _ = capture(flights)
    write_pcap(tmp_path / "m.pcap", frames)
    (conn,) = trace(tmp_path / "m.pcap").connections
    assert (conn.outcome, conn.side) == ("failed", "peer")
    server_alerts = [a for a in conn.alerts if a.sender == "server"]
    assert server_alerts
    assert server_alerts[0].inferred
    assert server_alerts[0].encrypted
    assert "client certificate" in (server_alerts[0].meaning or "")


def test_version_mismatch_is_protocol_version(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """A TLS 1.3-only client and a TLS 1.2 server: the server's protocol_version (70)."""
    flights, failed = handshake(_server(pem, **TLS12), _client(pem, **TLS13))
    assert failed is not None
    frames, _ = capture(flights)
    write_pcap(tmp_path / "v.pcap", frames)
    (conn,) = trace(tmp_path / "v.pcap").connections
    assert conn.offered_versions == ("TLSv1.3",)
    assert (conn.outcome, conn.side) == ("failed", "peer")
    assert [(a.sender, a.level, a.alert) for a in conn.alerts] == [("server", "fatal", 70)]
    assert "offering only TLSv1.3" in conn.summary
    assert {p.status for p in conn.predicted if p.layer == "cfstream"} == {-9836}


def test_suite_mismatch_is_handshake_failure(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """No common TLS 1.2 suite: the server's handshake_failure (40), -9824 on CFStream."""
    server = _server(pem, **TLS12)
    server.set_ciphers("ECDHE-ECDSA-AES128-GCM-SHA256")
    client = _client(pem, **TLS12)
    client.set_ciphers("ECDHE-ECDSA-CHACHA20-POLY1305")
    flights, failed = handshake(server, client)
    assert failed is not None
    frames, _ = capture(flights)
    write_pcap(tmp_path / "s.pcap", frames)
    (conn,) = trace(tmp_path / "s.pcap").connections
    assert [(a.sender, a.alert) for a in conn.alerts] == [("server", 40)]
    assert "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" in conn.offered_suites
    assert -9824 in {p.status for p in conn.predicted}


@pytest.mark.parametrize(
    ("size", "reorder", "retransmit"),
    [(1400, False, False), (97, True, False), (61, True, True), (1, False, True)],
)
def test_segmenting_reordering_and_retransmission(
    tmp_path: Path, size: int, reorder: bool, retransmit: bool
) -> None:
    """The same alert and frame numbers however the flights are cut, swapped and repeated."""
    own = tmp_path / "own"
    own.mkdir()
    pem = _certificate(own)
    other = _certificate(tmp_path, "other.example")
    flights, _failed = handshake(_server(pem), _client(other, **TLS12))
    frames, numbers = capture(flights, size=size, reorder=reorder, retransmit=retransmit)
    write_pcap(tmp_path / "seg.pcap", frames)
    (conn,) = trace(tmp_path / "seg.pcap").connections
    assert [(a.sender, a.alert) for a in conn.alerts] == [("client", 48)]
    assert conn.version == "TLSv1.2"
    assert conn.sni == "server.example"
    last = numbers[-1]
    assert conn.alerts[0].frame in last


def test_ipv6_pcapng_with_process(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """Apple pcapng: the process block names the connection's process; --process filters on it."""
    flights, _ = handshake(_server(pem, **TLS12), _client(pem, **TLS13))
    frames, _ = capture(flights, v6=True)
    write_pcapng(tmp_path / "p.pcapng", frames)
    (conn,) = trace(tmp_path / "p.pcapng").connections
    assert conn.client == "[2001:db8::10]:50001"
    assert conn.server == "[2001:db8::443]:443"
    assert conn.process is not None
    assert (conn.process.pid, conn.process.name) == (4242, "MyApp")
    assert conn.start.startswith("2023-11-14T22:13:20")
    assert trace(tmp_path / "p.pcapng", process="myapp").failed == 1
    assert trace(tmp_path / "p.pcapng", process="4242").failed == 1
    assert trace(tmp_path / "p.pcapng", process="Other").failed == 0
    assert trace(tmp_path / "p.pcapng", port=443, host="server.example").failed == 1
    assert trace(tmp_path / "p.pcapng", port=8443).tls == 0


def test_byte_orders_and_nanoseconds(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """Big-endian and nanosecond pcap files read the same connection at the same times."""
    flights, _ = handshake(_server(pem, **TLS12), _client(pem, **TLS13))
    frames, _ = capture(flights)
    readings = []
    for name, nanos, big in (("a", False, False), ("b", True, True), ("c", True, False)):
        write_pcap(tmp_path / f"{name}.pcap", frames, nanos=nanos, big=big)
        (conn,) = trace(tmp_path / f"{name}.pcap").connections
        readings.append((conn.client, conn.alerts[0].frame, conn.start[:19]))
    assert readings[0] == readings[1] == readings[2]


def test_cut_off_and_reset(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """Capture ends after the ClientHello: incomplete; a reset instead of an answer: transport."""
    flights, _ = handshake(_server(pem), _client(pem))
    frames, _ = capture(flights, upto=1, close="none")
    write_pcap(tmp_path / "cut.pcap", frames)
    (conn,) = trace(tmp_path / "cut.pcap").connections
    assert (conn.outcome, conn.side) == ("incomplete", "unknown")
    frames, _ = capture(flights, upto=1, close="rst")
    write_pcap(tmp_path / "rst.pcap", frames)
    (conn,) = trace(tmp_path / "rst.pcap").connections
    assert (conn.outcome, conn.side) == ("failed", "transport")
    assert main(["trace", str(tmp_path / "rst.pcap")]) == 1


def test_hostile_sni_is_escaped(
    pem: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Control characters in a ClientHello's SNI reach the terminal escaped, in every form."""
    flights, _ = handshake(_server(pem, **TLS12), _client(pem, **TLS13), sni="evil.example")
    flights[0] = (True, flights[0][1].replace(b"evil", b"\x1b[2J"))
    frames, _ = capture(flights)
    write_pcap(tmp_path / "e.pcap", frames)
    for form in ([], ["--markdown"], ["--json"]):
        main(["trace", *form, str(tmp_path / "e.pcap")])
        out = capsys.readouterr().out
        assert "\x1b" not in out
        assert "2J" in out


def test_not_a_capture_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text file and a missing file: exit 3 with an error on stderr."""
    (tmp_path / "x.txt").write_text("hello\n")
    assert main(["trace", str(tmp_path / "x.txt")]) == 3
    assert main(["trace", str(tmp_path / "missing.pcap")]) == 3
    assert capsys.readouterr().err.count("atscodes: error:") == 2
    assert main(["trace", "--port", "0", str(tmp_path / "x.txt")]) == 2


_SAMPLE: list[bytes] = []


def _sample(tmp: Path) -> bytes:
    if not _SAMPLE:
        own = tmp / "own"
        own.mkdir(exist_ok=True)
        pem = _certificate(own)
        flights, _ = handshake(_server(pem, **TLS12), _client(pem, **TLS13))
        frames, _ = capture(flights, size=300)
        write_pcapng(tmp / "sample.pcapng", frames)
        _SAMPLE.append((tmp / "sample.pcapng").read_bytes())
    return _SAMPLE[0]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_truncated_and_mutated_captures(tmp_path: Path, data: st.DataObject) -> None:
    """Cut anywhere or with bytes changed, a capture gives a report or CaptureError only."""
    sample = bytearray(_sample(tmp_path))
    cut = data.draw(st.integers(0, len(sample)))
    sample = sample[:cut]
    for _ in range(data.draw(st.integers(0, 8))):
        if sample:
            sample[data.draw(st.integers(0, len(sample) - 1))] = data.draw(st.integers(0, 255))
    (tmp_path / "m.pcapng").write_bytes(bytes(sample))
    try:
        report = trace(tmp_path / "m.pcapng", completed=True)
    except CaptureError:
        return
    report.to_text()
    report.to_markdown()
    report.dumps()


def _pktap(frame: bytes) -> bytes:
    """xnu's struct pktap_header (bsd/net/pktap.h), little-endian, before an Ethernet frame."""
    header = bytearray(108)
    struct.pack_into("<III", header, 0, 108, 1, 1)  # length, type_next = packet, DLT_EN10MB
    header[12:16] = b"en0\0"
    struct.pack_into("<i", header, 52, 777)
    header[56:63] = b"Safari\0"
    return bytes(header) + frame


# linktype, how an Ethernet frame becomes a frame of that type
LINKS = {
    "raw-101": (101, lambda f: f[14:]),
    "null-0": (0, lambda f: struct.pack("<I", 2 if f[12:14] == b"\x08\x00" else 30) + f[14:]),
    "loop-108": (108, lambda f: struct.pack(">I", 2 if f[12:14] == b"\x08\x00" else 30) + f[14:]),
    "sll-113": (113, lambda f: b"\x00\x04\x00\x01\x00\x06" + f[6:12] + b"\0\0" + f[12:]),
    "sll2-276": (276, lambda f: f[12:14] + b"\0\0" + b"\0" * 16 + f[14:]),
    "pktap-149": (149, _pktap),
    "pktap-258": (258, _pktap),
}


@pytest.mark.parametrize("link", sorted(LINKS))
@pytest.mark.parametrize("v6", [False, True], ids=["ipv4", "ipv6"])
def test_link_types(pem: tuple[Path, Path], tmp_path: Path, link: str, v6: bool) -> None:
    """The same connection read through every link type; PKTAP also names the process."""
    linktype, convert = LINKS[link]
    flights, _ = handshake(_server(pem, **TLS12), _client(pem, **TLS13))
    frames, _ = capture(flights, v6=v6)
    path = tmp_path / "l.pcap"
    with path.open("wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for frame in map(convert, frames):
            f.write(struct.pack("<IIII", T0, 0, len(frame), len(frame)) + frame)
    (conn,) = trace(path).connections
    assert [(a.sender, a.alert) for a in conn.alerts] == [("server", 70)]
    assert conn.client == ("[2001:db8::10]:50001" if v6 else "192.0.2.10:50000")
    if link.startswith("pktap"):
        assert conn.process is not None
        assert (conn.process.pid, conn.process.name) == (777, "Safari")
    else:
        assert conn.process is None


def test_damaged_capture_keeps_the_frames_before(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """A capture cut inside a frame: the frames before it are judged, the damage is named."""
    flights, _ = handshake(_server(pem, **TLS12), _client(pem, **TLS13))
    frames, _ = capture(flights)
    write_pcap(tmp_path / "whole.pcap", frames)
    data = (tmp_path / "whole.pcap").read_bytes()
    (tmp_path / "cut.pcap").write_bytes(data[:-10])
    report = trace(tmp_path / "cut.pcap")
    assert report.damage == f"the capture is cut short in the middle of frame {len(frames)}"
    assert report.frames == len(frames) - 1
    assert [a.alert for c in report.connections for a in c.alerts] == [70]
    write_pcapng(tmp_path / "whole.pcapng", frames)
    data = (tmp_path / "whole.pcapng").read_bytes()
    (tmp_path / "cut.pcapng").write_bytes(data[:-10])
    assert trace(tmp_path / "cut.pcapng").damage is not None


def test_completed_connections_are_counted_not_kept(pem: tuple[Path, Path], tmp_path: Path) -> None:
    """Without completed=True a completed connection is counted (filters still apply), not kept."""
    flights, failed = handshake(_server(pem), _client(pem, **TLS13))
    assert failed is None
    frames, _ = capture(flights)
    write_pcapng(tmp_path / "ok.pcapng", frames)
    report = trace(tmp_path / "ok.pcapng")
    assert (report.tls, report.completed, report.connections) == (1, 1, ())
    assert trace(tmp_path / "ok.pcapng", process="MyApp").completed == 1
    assert trace(tmp_path / "ok.pcapng", process="Other").tls == 0
    assert trace(tmp_path / "ok.pcapng", host="server.example").completed == 1
    assert len(trace(tmp_path / "ok.pcapng", completed=True).connections) == 1


def test_a_lost_segment_is_a_gap_not_a_failure_to_read(tmp_path: Path) -> None:
    """A segment of the server's flight never captured: noted as a gap; the client's alert,
    in the other direction, is still read, and the records after the gap resume."""
    own = tmp_path / "own"
    own.mkdir()
    pem = _certificate(own)
    other = _certificate(tmp_path, "other.example")
    flights, _ = handshake(_server(pem), _client(other, **TLS12))
    frames, numbers = capture(flights, size=100)
    server_flight = numbers[1]
    assert len(server_flight) > 3
    dropped = server_flight[2]
    kept = frames[: dropped - 1] + frames[dropped:]
    write_pcap(tmp_path / "gap.pcap", kept)
    (conn,) = trace(tmp_path / "gap.pcap").connections
    assert [(a.sender, a.alert) for a in conn.alerts] == [("client", 48)]
    assert any("missing" in note for note in conn.notes)


def test_many_tiny_segments_in_reverse_take_bounded_time(tmp_path: Path) -> None:
    """20,000 one-byte segments sent last-first overflow the reorder buffer: it gives up on
    the missing bytes in order instead of rescanning (the run is quick, nothing raises)."""
    wire = Wire()
    wire.open()
    hello = b"\x16\x03\x01\x00\x2d\x01\x00\x00\x29\x03\x03" + b"\0" * 33
    hello += b"\x00\x02\x13\x01\x01\x00"
    data = hello + b"\x17\x03\x03\x4e\x20" + b"x" * 20000
    base = wire.seq[True]
    for i in range(len(data) - 1, -1, -1):
        wire._frame(True, ACK | PSH, data[i : i + 1], base + i)
    write_pcap(tmp_path / "tiny.pcap", wire.frames)
    report = trace(tmp_path / "tiny.pcap")
    assert report.frames == len(wire.frames)
    # In order, the same bytes are one TLS connection.
    wire = Wire()
    wire.open()
    wire.send(True, data, 1)
    write_pcap(tmp_path / "inorder.pcap", wire.frames)
    assert trace(tmp_path / "inorder.pcap").tls == 1
