"""`ats check` against servers that misbehave, ask for client certificates or send odd chains.

Every server listens on loopback only; certificates are made here.  Expected
verdicts were written by hand from the rules each case names (see
atscodes/_ats_check.py and atscodes/_ats_rules.py); time bounds are generous
limits on "the run ends", not benchmarks.
"""

from __future__ import annotations

import base64
import datetime as dt
import http.server
import json
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from atscodes._cli import main

pytest.importorskip("cryptography", reason="the check extra is not installed")

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import (
    AuthorityInformationAccessOID,
    ExtendedKeyUsageOID,
    NameOID,
)

from tests.test_ats import HOST, loopback_names, tls_server  # noqa: F401

NOW = dt.datetime.now(dt.timezone.utc)
# A generous bound on a whole run with --timeout 1 (the check promises about 2x timeout).
BOUND = 15.0

Key = ec.EllipticCurvePrivateKey


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def _key_pem(key: Key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def make(
    subject: x509.Name,
    issuer: tuple[x509.Certificate, Key] | None,
    *,
    ca: bool,
    names: tuple[str, ...] = (HOST,),
    aia: str | None = None,
    eku: tuple[x509.ObjectIdentifier, ...] = (ExtendedKeyUsageOID.SERVER_AUTH,),
) -> tuple[x509.Certificate, Key]:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer[0].subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False
        )
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(list(eku)), critical=False)
    if aia:
        builder = builder.add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.CA_ISSUERS,
                        x509.UniformResourceIdentifier(aia),
                    )
                ]
            ),
            critical=False,
        )
    return builder.sign(issuer[1] if issuer else key, hashes.SHA256()), key


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> tuple[x509.Certificate, Key, Path]:
    cert, key = make(_name("atscodes servers test root"), None, ca=True, names=(), eku=())
    file = tmp_path_factory.mktemp("root") / "root.pem"
    file.write_bytes(_pem(cert))
    return cert, key, file


def write_pair(
    folder: Path, label: str, certs: tuple[x509.Certificate, ...], key: Key
) -> tuple[Path, Path]:
    cert_file, key_file = folder / f"{label}.pem", folder / f"{label}.key"
    cert_file.write_bytes(_pem(*certs))
    key_file.write_bytes(_key_pem(key))
    return cert_file, key_file


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], float]:
    start = time.monotonic()
    status = main(["ats", "check", "--json", *args])
    elapsed = time.monotonic() - start
    out = capsys.readouterr().out
    return status, json.loads(out), elapsed


# ---------------------------------------------------------------- raw servers


@contextmanager
def raw_server(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    """A TCP server on 127.0.0.1 that runs *handle* on every connection; yields its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(32)
    listener.settimeout(0.2)
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def one(connection: socket.socket) -> None:
        try:
            handle(connection)
        except OSError:
            pass
        finally:
            connection.close()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            thread = threading.Thread(target=one, args=(connection,), daemon=True)
            thread.start()
            threads.append(thread)

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        server.join(timeout=5)
        listener.close()


def _read_hello(connection: socket.socket) -> bytes:
    connection.settimeout(5)
    return connection.recv(65536)


def silent(connection: socket.socket) -> None:
    time.sleep(4)


def stalling(connection: socket.socket) -> None:
    # The start of a handshake record, then one byte every 0.3 s: a per-read timeout
    # would never fire, a per-connection deadline does.
    _read_hello(connection)
    connection.sendall(b"\x16\x03\x03\x40\x00")
    for _ in range(20):
        time.sleep(0.3)
        connection.sendall(b"\x02")


def closing(connection: socket.socket) -> None:
    _read_hello(connection)


def resetting(connection: socket.socket) -> None:
    _read_hello(connection)
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def alerting(connection: socket.socket) -> None:
    # handshake_failure (40), fatal, as a plaintext TLS 1.2 alert record
    _read_hello(connection)
    connection.sendall(b"\x15\x03\x03\x00\x02\x02\x28")
    time.sleep(0.2)


def http_banner(connection: socket.socket) -> None:
    _read_hello(connection)
    connection.sendall(b"HTTP/1.1 400 Bad\x1b]0;owned\x07\r\n\r\n")


class TestMisbehavingServers:
    def test_silent_server_is_no_answer(self, capsys: pytest.CaptureFixture[str]) -> None:
        with raw_server(silent) as port:
            status, report, elapsed = check(capsys, "--timeout", "1", f"https://{HOST}:{port}")
        assert status == 5
        assert report["error"]["kind"] == "timeout"
        assert "no answer" in report["error"]["message"]
        assert "refused" not in report["error"]["message"]
        assert elapsed < BOUND

    def test_stalling_server_is_bounded(self, capsys: pytest.CaptureFixture[str]) -> None:
        with raw_server(stalling) as port:
            status, report, elapsed = check(capsys, "--timeout", "1", f"https://{HOST}:{port}")
        assert status == 5
        assert report["exit_code"] == 5
        assert elapsed < BOUND

    def test_closing_server(self, capsys: pytest.CaptureFixture[str]) -> None:
        with raw_server(closing) as port:
            status, report, elapsed = check(capsys, "--timeout", "1", f"https://{HOST}:{port}")
        assert status == 1
        assert report["handshake_failure"] == (
            "the server closed the connection right after the ClientHello"
        )
        assert report["prediction"] == "-1200 [3:-9806]"
        assert "protocol_version" not in json.dumps(report["probes"])
        assert elapsed < BOUND

    def test_resetting_server(self, capsys: pytest.CaptureFixture[str]) -> None:
        with raw_server(resetting) as port:
            status, report, elapsed = check(capsys, "--timeout", "1", f"https://{HOST}:{port}")
        assert status == 1
        assert report["handshake_failure"] == (
            "the server reset the connection right after the ClientHello"
        )
        assert elapsed < BOUND

    def test_alert_before_server_hello(self, capsys: pytest.CaptureFixture[str]) -> None:
        with raw_server(alerting) as port:
            status, report, _ = check(capsys, "--timeout", "1", f"https://{HOST}:{port}")
        assert status == 1
        assert report["handshake_failure"] == (
            "the server sent the handshake_failure (40) alert before ServerHello"
        )
        # the URL loading system reported alert 40 as -9802 (thread 80638, iOS 11 beta);
        # CFStream and coreTLS SSLProcessAlert have errSSLPeerHandshakeFail (-9824)
        assert report["prediction"] == "-1200 [3:-9802]"
        assert "-9824" in [a["code"] for a in report["alternatives"]]
        assert report["prediction_seen_on"] == "iOS 11 beta"

    def test_non_tls_banner_is_escaped_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        with raw_server(http_banner) as port:
            status = main(["ats", "check", "--json", "--timeout", "1", f"https://{HOST}:{port}"])
        captured = capsys.readouterr()
        assert status == 6
        assert json.loads(captured.out)["error"]["kind"] == "not_tls"
        assert "\x1b" not in captured.err
        assert "\\x1b]0;owned" in captured.err

    def test_refused_and_dns_failure_print_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        assert main(["ats", "check", "--json", f"https://127.0.0.1:{port}"]) == 4
        assert json.loads(capsys.readouterr().out)["error"]["kind"] == "refused"
        assert main(["ats", "check", "--json", "https://no-such-host.invalid"]) == 3
        assert json.loads(capsys.readouterr().out)["error"]["kind"] == "dns"


# ---------------------------------------------------------------- usage errors


@contextmanager
def counting_listener() -> Iterator[tuple[int, list[int]]]:
    """A listener that counts connections, to show that no probe ran."""
    hits: list[int] = []
    with raw_server(lambda c: hits.append(1)) as port:
        yield port, hits


@pytest.mark.parametrize(
    "args",
    [
        ["--ca", "/nonexistent.pem"],
        ["--ca", "{tmp}"],
        ["--ca", "{junk}"],
        ["--client-cert", "/nonexistent.pem"],
        ["--client-cert", "{tmp}"],
        ["--client-cert", "{junk}"],
        ["--client-cert", "{cert_only}"],
        ["--timeout", "0"],
        ["--timeout", "-1"],
        ["--timeout", "inf"],
        ["--timeout", "nan"],
    ],
    ids=[
        "ca-missing",
        "ca-dir",
        "ca-junk",
        "cc-missing",
        "cc-dir",
        "cc-junk",
        "cc-no-key",
        "timeout-0",
        "timeout-neg",
        "timeout-inf",
        "timeout-nan",
    ],
)
def test_usage_errors_before_any_probe(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    root: tuple[x509.Certificate, Key, Path],
    args: list[str],
) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_bytes(b"not a certificate\n")
    cert_only = tmp_path / "cert.pem"
    cert_only.write_bytes(_pem(root[0]))
    args = [a.format(tmp=tmp_path, junk=junk, cert_only=cert_only) for a in args]
    with counting_listener() as (port, hits):
        status = main(["ats", "check", *args, f"https://{HOST}:{port}"])
        time.sleep(0.2)
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("atscodes: error:")
    assert "Traceback" not in err
    assert hits == []


@pytest.mark.parametrize("port", ["0", "65536", "99999"])
def test_bad_ports(capsys: pytest.CaptureFixture[str], port: str) -> None:
    assert main(["ats", "check", f"https://{HOST}:{port}"]) == 2
    err = capsys.readouterr().err
    assert "bad port" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        # a space or a control character in the host: a usage error, not a DNS failure (3)
        ("https://exa mple.com", "not a host name: 'exa mple.com'"),
        ("https://a\x01b.example", "not a host name: 'a\\x01b.example'"),
        # the message quotes what was typed, not the URL made of it
        ("", "not an https URL or host: ''"),
    ],
)
def test_bad_hosts_are_usage_errors(
    capsys: pytest.CaptureFixture[str], url: str, message: str
) -> None:
    assert main(["ats", "check", url]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_help_shows_the_default_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ats", "check", "--help"]) == 0
    assert "(default: 10)" in capsys.readouterr().out


# ---------------------------------------------------------------- client certificates


@pytest.mark.parametrize("version", [ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3])
def test_client_certificate_required(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    root: tuple[x509.Certificate, Key, Path],
    version: ssl.TLSVersion,
) -> None:
    leaf, key = make(_name(HOST), (root[0], root[1]), ca=False)
    cert_file, key_file = write_pair(tmp_path, "server", (leaf,), key)
    client, client_key = make(
        _name("atscodes client"),
        (root[0], root[1]),
        ca=False,
        names=(),
        eku=(ExtendedKeyUsageOID.CLIENT_AUTH,),
    )
    identity = tmp_path / "identity.pem"
    identity.write_bytes(_pem(client) + _key_pem(client_key))
    stranger, stranger_key = make(_name("stranger"), None, ca=False, names=())
    wrong = tmp_path / "wrong.pem"
    wrong.write_bytes(_pem(stranger) + _key_pem(stranger_key))
    url = f"https://{HOST}:{{port}}"
    with tls_server(
        cert_file, key_file, minimum=version, maximum=version, client_ca=root[2], reply=True
    ) as port:
        plain = check(capsys, "--timeout", "3", "--ca", str(root[2]), url.format(port=port))
        good = check(
            capsys,
            "--timeout",
            "3",
            "--ca",
            str(root[2]),
            "--client-cert",
            str(identity),
            url.format(port=port),
        )
        bad = check(
            capsys,
            "--timeout",
            "3",
            "--ca",
            str(root[2]),
            "--client-cert",
            str(wrong),
            url.format(port=port),
        )
    status, report, _ = plain
    assert status == 1
    assert report["prediction"] == "-1206"
    assert report["passes"] is False
    assert "CertificateRequest" in report["client_certificate"]
    # the version was negotiated (ServerHello) before the refusal: it counts as accepted
    label = "TLSv1.2" if version is ssl.TLSVersion.TLSv1_2 else "TLSv1.3"
    assert {p["version"]: p["accepted"] for p in report["protocols"]}[label] is True
    rules = {r["rule"]: r["ok"] for r in report["requirements"]}
    assert rules["tls_version"] is True
    assert rules["cipher_suite"] is not False
    status, report, _ = good
    assert (status, report["prediction"]) == (1, "-1206")  # never "pass" for such a server
    assert "accepted the handshake" in report["client_certificate"]
    status, report, _ = bad
    assert (status, report["prediction"]) == (1, "-1205")


# ---------------------------------------------------------------- chains


class _Serve(http.server.BaseHTTPRequestHandler):
    body = b""
    hits: list[str] = []  # noqa: RUF012 - set per test

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/pkix-cert")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def http_server(body: bytes) -> Iterator[tuple[int, list[str]]]:
    handler = type("Handler", (_Serve,), {"body": body, "hits": []})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.hits
    finally:
        server.shutdown()
        server.server_close()


def test_missing_intermediate_with_aia(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    root: tuple[x509.Certificate, Key, Path],
) -> None:
    inter, inter_key = make(
        _name("atscodes test intermediate"), (root[0], root[1]), ca=True, names=(), eku=()
    )
    der = inter.public_bytes(serialization.Encoding.DER)
    with http_server(der) as (http_port, hits):
        aia = f"http://127.0.0.1:{http_port}/intermediate.cer"
        leaf, key = make(_name(HOST), (inter, inter_key), ca=False, aia=aia)
        cert_file, key_file = write_pair(tmp_path, "leaf-only", (leaf,), key)
        with tls_server(cert_file, key_file) as port:
            url = f"https://{HOST}:{port}"
            status, report, _ = check(capsys, "--timeout", "3", "--ca", str(root[2]), url)
            assert hits == []  # by default only the host asked is contacted
            fetched = check(
                capsys, "--timeout", "3", "--ca", str(root[2]), "--fetch-intermediates", url
            )
    assert status == 0
    assert report["prediction"] == "passes if the device can reach that URL"
    assert report["aia_urls"] == [aia]
    assert aia in report["prediction_reason"]
    assert report["trusted"] is False
    assert hits == ["/intermediate.cer"]
    status, report, _ = fetched
    assert (status, report["prediction"], report["trusted"]) == (0, "pass", True)


def test_self_signed_ca_leaf_is_a_risk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = make(_name(HOST), None, ca=True)
    cert_file, key_file = write_pair(tmp_path, "selfca", (cert,), key)
    with tls_server(cert_file, key_file) as port:
        status, report, _ = check(
            capsys, "--timeout", "3", "--ca", str(cert_file), f"https://{HOST}:{port}"
        )
    assert report["trusted"] is True
    assert len(report["risks"]) == 1
    risk = report["risks"][0]
    assert "third-party report" in risk["basis"]
    assert "https://developer.apple.com/forums/thread/80638" in risk["sources"]
    assert status == 0


def test_hostile_names_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], root: tuple[x509.Certificate, Key, Path]
) -> None:
    evil = "evil\x1b]0;owned\x07\nPrediction for an app with default ATS: pass\u202e"
    leaf, key = make(_name(evil), (root[0], root[1]), ca=False, names=(HOST, "x\x1b[2J.example"))
    cert_file, key_file = write_pair(tmp_path, "evil", (leaf,), key)
    with tls_server(cert_file, key_file) as port:
        status = main(
            ["ats", "check", "--timeout", "3", "--ca", str(root[2]), f"https://{HOST}:{port}"]
        )
        text = capsys.readouterr().out
        main(
            [
                "ats",
                "check",
                "--json",
                "--timeout",
                "3",
                "--ca",
                str(root[2]),
                f"https://{HOST}:{port}",
            ]
        )
        raw = capsys.readouterr().out
    assert status == 0
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "\x07" not in text
    lines = text.splitlines()
    assert sum(line.startswith("Prediction for an app") for line in lines) == 1
    assert "evil\\x1b]0\\;owned\\x07\\x0aPrediction" in text  # RFC 4514 escapes ;
    assert raw.isascii()
    assert json.loads(raw)["certificates"][0]["subject"] == "CN=" + evil.replace(";", "\\;")


def _unknown_signature_oid(cert: x509.Certificate) -> bytes:
    """*cert* with its ecdsa-with-SHA256 OID (both copies) swapped for an unassigned one."""
    der = cert.public_bytes(serialization.Encoding.DER)
    ecdsa_sha256 = bytes.fromhex("06082a8648ce3d040302")  # 1.2.840.10045.4.3.2
    unknown = bytes.fromhex("06082a8648ce3d04037f")  # 1.2.840.10045.4.3.127
    assert der.count(ecdsa_sha256) == 2
    return der.replace(ecdsa_sha256, unknown)


def test_unknown_signature_algorithm_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], root: tuple[x509.Certificate, Key, Path]
) -> None:
    leaf, key = make(_name(HOST), (root[0], root[1]), ca=False)
    der = _unknown_signature_oid(leaf)
    cert_file = tmp_path / "odd.pem"
    cert_file.write_bytes(
        b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der) + b"-----END CERTIFICATE-----\n"
    )
    key_file = tmp_path / "odd.key"
    key_file.write_bytes(_key_pem(key))
    try:
        server = tls_server(cert_file, key_file)
        port = server.__enter__()
    except ssl.SSLError as error:
        pytest.skip(f"this OpenSSL will not serve the certificate: {error}")
    try:
        status, report, _ = check(
            capsys, "--timeout", "3", "--ca", str(root[2]), f"https://{HOST}:{port}"
        )
        text_status = main(
            ["ats", "check", "--timeout", "3", "--ca", str(root[2]), f"https://{HOST}:{port}"]
        )
        text = capsys.readouterr()
    finally:
        server.__exit__(None, None, None)
    assert status == 1
    assert text_status == 1
    leaf_report = report["certificates"][0]
    assert "unknown signature algorithm" in leaf_report["problem"]
    assert "1.2.840.10045.4.3.127" in leaf_report["problem"]
    assert "Traceback" not in text.err
    assert report["prediction"].startswith("-1202")


def trickle(connection: socket.socket) -> None:
    _read_hello(connection)
    connection.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 60000\r\n\r\n")
    for _ in range(40):
        time.sleep(0.2)
        connection.sendall(b"\x30")


def test_a_trickling_aia_server_is_cut_off(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    root: tuple[x509.Certificate, Key, Path],
) -> None:
    inter, inter_key = make(
        _name("atscodes trickle intermediate"), (root[0], root[1]), ca=True, names=(), eku=()
    )
    with raw_server(trickle) as http_port:
        leaf, key = make(
            _name(HOST), (inter, inter_key), ca=False, aia=f"http://127.0.0.1:{http_port}/i.cer"
        )
        cert_file, key_file = write_pair(tmp_path, "trickle", (leaf,), key)
        with tls_server(cert_file, key_file) as port:
            status, report, elapsed = check(
                capsys,
                "--timeout",
                "1",
                "--ca",
                str(root[2]),
                "--fetch-intermediates",
                f"https://{HOST}:{port}",
            )
    assert status == 0
    assert report["prediction"] == "passes if the device can reach that URL"
    assert any("no answer" in note for note in report["fetched_intermediates"])
    assert elapsed < BOUND


def _leaf_context(
    folder: Path, root: tuple[x509.Certificate, Key, Path], label: str
) -> ssl.SSLContext:
    """A server context with a leaf for HOST that *root* issued."""
    leaf, key = make(_name(HOST), (root[0], root[1]), ca=False)
    cert_file, key_file = write_pair(folder, label, (leaf,), key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def test_a_version_the_server_ignores_is_no_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], root: tuple[x509.Certificate, Key, Path]
) -> None:
    context = _leaf_context(tmp_path, root, "picky")

    def picky(connection: socket.socket) -> None:
        # Silent to a ClientHello whose client_version is TLS 1.0 or 1.1 (bytes 9-10 of the
        # first record); a normal TLS server for the rest.
        connection.settimeout(5)
        hello = connection.recv(16, socket.MSG_PEEK)
        if hello[9:11] in (b"\x03\x01", b"\x03\x02"):
            time.sleep(3)
            return
        with context.wrap_socket(connection, server_side=True):
            pass

    with raw_server(picky) as port:
        status, report, elapsed = check(
            capsys, "--timeout", "1", "--ca", str(root[2]), f"https://{HOST}:{port}"
        )
        main(["ats", "check", "--timeout", "1", "--ca", str(root[2]), f"https://{HOST}:{port}"])
        text = capsys.readouterr().out
    protocols = {p["version"]: (p["accepted"], p["detail"]) for p in report["protocols"]}
    if protocols["TLSv1.0"][1] != "no answer":
        pytest.skip(f"this OpenSSL sends no TLS 1.0 ClientHello: {protocols['TLSv1.0']}")
    assert protocols["TLSv1.0"] == (None, "no answer")
    assert "TLSv1.0  no answer" in text
    assert (status, report["prediction"]) == (0, "pass")
    assert elapsed < BOUND


def test_a_server_that_serves_one_connection_at_a_time_is_not_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], root: tuple[x509.Certificate, Key, Path]
) -> None:
    """The probes run at once; a server that answers the first and leaves the others of the
    burst waiting (as `openssl s_server` does, one connection at a time) had those reported
    as FAIL "no answer" beside the same handshake passed (a black-box review).  Probes
    without an answer are tried again alone."""
    context = _leaf_context(tmp_path, root, "single")
    lock = threading.Lock()
    first: list[float] = []

    def one_at_a_time(connection: socket.socket) -> None:
        connection.settimeout(5)
        if not connection.recv(1, socket.MSG_PEEK):
            return  # a connection that sends nothing (a reachability test) is no probe
        with lock:
            now = time.monotonic()
            burst = bool(first) and now - first[0] < 0.5
            if not first:
                first.append(now)
        if burst:
            time.sleep(1.5)  # never answered: the client gives up first
            return
        with context.wrap_socket(connection, server_side=True):
            pass

    with raw_server(one_at_a_time) as port:
        status, report, elapsed = check(
            capsys, "--timeout", "1", "--ca", str(root[2]), f"https://{HOST}:{port}"
        )
    assert status == 0, (report.get("probes"), report.get("protocols"))
    assert report["prediction"] == "pass", report
    protocols = {p["version"]: p["accepted"] for p in report["protocols"]}
    assert protocols["TLSv1.2"] is True
    assert protocols["TLSv1.3"] is True
    assert all(p["outcome"] != "timeout" for p in report["probes"]), report["probes"]
    assert elapsed < BOUND
