"""`atscodes ats check` against real TLS servers on 127.0.0.1, and `ats lint` on plists.

Certificates are generated during the run; every server listens on the loopback
interface only.  Each case's verdict and predicted code were written by hand from
the rules the check applies (see atscodes/_ats_check.py).
"""

from __future__ import annotations

import datetime as dt
import json
import plistlib
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from atscodes._cli import main

cryptography = pytest.importorskip("cryptography", reason="the check extra is not installed")

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: E402

NOW = dt.datetime.now(dt.timezone.utc)


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class Pki:
    """A test CA and leaf certificates signed by it, written to a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.ca = (
            x509.CertificateBuilder()
            .subject_name(_name("atscodes test CA"))
            .issuer_name(_name("atscodes test CA"))
            .public_key(self.ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=1))
            .not_valid_after(NOW + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )
        self.ca_file = folder / "ca.pem"
        self.ca_file.write_bytes(_pem(self.ca))

    def leaf(
        self,
        label: str,
        *,
        names: tuple[str, ...] = ("localhost",),
        bits: int = 2048,
        start: dt.datetime | None = None,
        days: int = 30,
        self_signed: bool = False,
    ) -> tuple[Path, Path]:
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        start = start or NOW - dt.timedelta(days=1)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(names[0]))
            .issuer_name(_name(names[0]) if self_signed else self.ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=days))
            .add_extension(
                x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        )
        cert = builder.sign(key if self_signed else self.ca_key, hashes.SHA256())
        cert_file, key_file = self.folder / f"{label}.pem", self.folder / f"{label}.key"
        cert_file.write_bytes(_pem(cert))
        key_file.write_bytes(_key_pem(key))
        return cert_file, key_file

    def sha1_leaf(self) -> tuple[Path, Path]:
        """A SHA-1 signed leaf, signed by the openssl tool (cryptography refuses SHA-1)."""
        openssl = shutil.which("openssl")
        if openssl is None:
            pytest.skip("no openssl tool on this machine to sign a SHA-1 certificate")
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(_name("localhost"))
            .sign(key, hashes.SHA256())
        )
        (self.folder / "sha1.csr").write_bytes(csr.public_bytes(serialization.Encoding.PEM))
        (self.folder / "ca.key").write_bytes(_key_pem(self.ca_key))
        (self.folder / "sha1.ext").write_text(
            "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n"
        )
        result = subprocess.run(
            [
                openssl,
                "x509",
                "-req",
                "-in",
                "sha1.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "30",
                "-sha1",
                "-extfile",
                "sha1.ext",
                "-out",
                "sha1.pem",
            ],
            cwd=self.folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            pytest.skip(f"this openssl refuses to sign with SHA-1: {result.stderr.strip()}")
        (self.folder / "sha1.key").write_bytes(_key_pem(key))
        return self.folder / "sha1.pem", self.folder / "sha1.key"


@contextmanager
def tls_server(
    cert: Path,
    key: Path,
    *,
    maximum: ssl.TLSVersion | None = None,
    minimum: ssl.TLSVersion | None = None,
    ciphers: str = "ALL",
    host: str = "127.0.0.1",
) -> Iterator[int]:
    """A TLS server on loopback that completes handshakes and closes; yields its port."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_ciphers(ciphers + ":@SECLEVEL=0")
    if minimum is not None:
        context.minimum_version = minimum
    if maximum is not None:
        context.maximum_version = maximum
    context.load_cert_chain(cert, key)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind((host, 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            connection.settimeout(5)
            try:
                with context.wrap_socket(connection, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("pki"))


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    status = main(["ats", "check", "--json", "--timeout", "5", *args])
    out = capsys.readouterr().out
    return status, (json.loads(out) if out.strip() else {})


def test_compliant_server_passes(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("good")
    with tls_server(cert, key) as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 0
    assert report["prediction"] == "pass"
    assert report["passes"] is True
    leaf = report["certificates"][0]
    assert (leaf["key"], leaf["key_bits"], leaf["signature_hash"]) == ("RSA", 2048, "sha256")
    assert {p["name"]: p["ok"] for p in report["probes"]}["Default ATS Secure Connection"]


def test_rsa_1024_leaf_fails_the_key_size_rule(
    pki: Pki, capsys: pytest.CaptureFixture[str]
) -> None:
    cert, key = pki.leaf("rsa1024", bits=1024)
    with tls_server(cert, key) as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 1
    assert report["prediction"] == "-1202"
    failed = [r["name"] for r in report["requirements"] if r["ok"] is False]
    assert "leaf key RSA >= 2048 bits or EC >= 256 bits" in failed


def test_sha1_signed_leaf_fails_the_hash_rule(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.sha1_leaf()
    with tls_server(cert, key) as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 1
    assert report["certificates"][0]["signature_hash"] == "sha1"
    assert report["prediction"] == "-1202"


def test_self_signed_is_untrusted(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("selfsigned", self_signed=True)
    with tls_server(cert, key) as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 1
    assert report["prediction"] == "-1202 [3:-9813]"
    assert report["trusted"] is False
    assert report["explanation"]["side"] == "local"


def test_expired_certificate(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("expired", start=NOW - dt.timedelta(days=20), days=10)
    with tls_server(cert, key) as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 1
    assert report["prediction"] == "-1202 [3:-9814]"


def test_wrong_host_name(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("wronghost", names=("www.example.invalid",))
    with tls_server(cert, key) as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 1
    assert report["prediction"] == "-1202 [3:-9843]"


def test_servername_checks_another_name(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("othername", names=("api.example.invalid",))
    with tls_server(cert, key) as port:
        status, report = run_check(
            capsys,
            f"https://127.0.0.1:{port}",
            "--ca",
            str(pki.ca_file),
            "--servername",
            "api.example.invalid",
        )
    assert (status, report["prediction"], report["servername"]) == (
        0,
        "pass",
        "api.example.invalid",
    )


def test_non_forward_secret_tls12_server(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("nonfs")
    with tls_server(cert, key, maximum=ssl.TLSVersion.TLSv1_2, ciphers="AES128-GCM-SHA256") as port:
        status, report = run_check(capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file))
    assert status == 1
    assert report["prediction"] == "-1200 [3:-9802]"
    # -9802 alone does not say who refused (issue 8): here ATS on this side would.
    assert report["explanation"]["side"] == "either"
    assert "<key>NSExceptionRequiresForwardSecrecy</key>" in report["exception"]
    probes = {p["name"]: p["ok"] for p in report["probes"]}
    assert probes["Default ATS Secure Connection"] is False
    assert probes["NSExceptionRequiresForwardSecrecy NO"] is True


def test_old_tls_only_server(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    cert, key = pki.leaf("oldtls")
    try:
        with tls_server(
            cert, key, maximum=ssl.TLSVersion.TLSv1_1, minimum=ssl.TLSVersion.TLSv1
        ) as port:
            status, report = run_check(
                capsys, f"https://localhost:{port}", "--ca", str(pki.ca_file)
            )
    except ssl.SSLError as error:
        pytest.skip(f"this machine's OpenSSL cannot serve TLS 1.0/1.1: {error}")
    accepted = {p["version"]: p["accepted"] for p in report["protocols"]}
    if not (accepted.get("TLSv1.0") or accepted.get("TLSv1.1")):
        pytest.skip(f"this machine's OpenSSL will not speak TLS 1.0/1.1: {report['protocols']}")
    assert status == 1
    assert report["prediction"] == "-1200 [3:-9836]"
    assert "<key>NSExceptionMinimumTLSVersion</key>" in report["exception"]


def test_ipv6_loopback(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    cert, key = pki.leaf("v6")
    try:
        server = tls_server(cert, key, host="::1")
        port = server.__enter__()
    except OSError as error:
        pytest.skip(f"cannot listen on ::1: {error}")
    try:
        status, report = run_check(
            capsys, f"https://[::1]:{port}", "--ca", str(pki.ca_file), "--servername", "localhost"
        )
    finally:
        server.__exit__(None, None, None)
    assert (status, report["prediction"], report["address"]) == (0, "pass", "::1")


class TestCannotTest:
    def test_dns_failure(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["ats", "check", "https://no-such-host.invalid"]) == 3
        assert "cannot resolve" in capsys.readouterr().err

    def test_connection_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        assert main(["ats", "check", f"https://127.0.0.1:{port}"]) == 4
        assert "refused" in capsys.readouterr().err

    def test_silent_server_times_out(self, capsys: pytest.CaptureFixture[str]) -> None:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        try:
            status = main(
                [
                    "ats",
                    "check",
                    "--timeout",
                    "0.5",
                    f"https://127.0.0.1:{listener.getsockname()[1]}",
                ]
            )
        finally:
            listener.close()
        assert status == 5
        assert "did not answer" in capsys.readouterr().err

    def test_plain_http_server_is_not_tls(self, capsys: pytest.CaptureFixture[str]) -> None:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.settimeout(0.2)
        stop = threading.Event()

        def serve() -> None:
            while not stop.is_set():
                try:
                    connection, _ = listener.accept()
                except (TimeoutError, OSError):
                    continue
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                connection.close()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        try:
            status = main(["ats", "check", f"https://127.0.0.1:{listener.getsockname()[1]}"])
        finally:
            stop.set()
            thread.join(5)
            listener.close()
        assert status == 6
        err = capsys.readouterr().err
        assert "does not speak TLS" in err
        assert "Traceback" not in err

    def test_not_an_https_url(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["ats", "check", "http://example.com"]) == 2
        assert "not an https URL" in capsys.readouterr().err


# ---------------------------------------------------------------- lint

GOOD = {
    "NSAppTransportSecurity": {
        "NSExceptionDomains": {
            "api.example.com": {
                "NSIncludesSubdomains": True,
                "NSExceptionRequiresForwardSecrecy": False,
            }
        }
    }
}

# One plist per rule: (rule, plist dict, path of the finding)
RULES = [
    (
        "unknown-key",
        {"NSAppTransportSecurity": {"NSAllowsArbitrayLoads": True}},
        "NSAppTransportSecurity > NSAllowsArbitrayLoads",
    ),
    (
        "legacy-key",
        {
            "NSAppTransportSecurity": {
                "NSExceptionDomains": {
                    "a.example": {"NSTemporaryExceptionAllowsInsecureHTTPLoads": True}
                }
            }
        },
        "NSAppTransportSecurity > NSExceptionDomains > a.example > "
        "NSTemporaryExceptionAllowsInsecureHTTPLoads",
    ),
    (
        "wrong-type",
        {"NSAppTransportSecurity": {"NSAllowsArbitraryLoads": "YES"}},
        "NSAppTransportSecurity > NSAllowsArbitraryLoads",
    ),
    (
        "misplaced-key",
        {"NSAppTransportSecurity": {"NSIncludesSubdomains": True}},
        "NSAppTransportSecurity > NSIncludesSubdomains",
    ),
    (
        "arbitrary-loads-ignored",
        {
            "NSAppTransportSecurity": {
                "NSAllowsArbitraryLoads": True,
                "NSAllowsLocalNetworking": True,
            }
        },
        "NSAppTransportSecurity > NSAllowsArbitraryLoads",
    ),
    (
        "domain-scheme",
        {"NSAppTransportSecurity": {"NSExceptionDomains": {"https://a.example": {}}}},
        "NSAppTransportSecurity > NSExceptionDomains > https://a.example",
    ),
    (
        "domain-port",
        {"NSAppTransportSecurity": {"NSExceptionDomains": {"a.example:8443": {}}}},
        "NSAppTransportSecurity > NSExceptionDomains > a.example:8443",
    ),
    (
        "domain-uppercase",
        {"NSAppTransportSecurity": {"NSExceptionDomains": {"A.Example": {}}}},
        "NSAppTransportSecurity > NSExceptionDomains > A.Example",
    ),
    (
        "domain-trailing-dot",
        {"NSAppTransportSecurity": {"NSExceptionDomains": {"a.example.": {}}}},
        "NSAppTransportSecurity > NSExceptionDomains > a.example.",
    ),
    (
        "domain-ip-address",
        {"NSAppTransportSecurity": {"NSExceptionDomains": {"192.168.1.10": {}}}},
        "NSAppTransportSecurity > NSExceptionDomains > 192.168.1.10",
    ),
    (
        "domain-wildcard",
        {"NSAppTransportSecurity": {"NSExceptionDomains": {"*.a.example": {}}}},
        "NSAppTransportSecurity > NSExceptionDomains > *.a.example",
    ),
    (
        "invalid-tls-version",
        {
            "NSAppTransportSecurity": {
                "NSExceptionDomains": {"a.example": {"NSExceptionMinimumTLSVersion": "1.0"}}
            }
        },
        "NSAppTransportSecurity > NSExceptionDomains > a.example > NSExceptionMinimumTLSVersion",
    ),
    (
        "pin-missing-identities",
        {
            "NSAppTransportSecurity": {
                "NSPinnedDomains": {"a.example": {"NSIncludesSubdomains": True}}
            }
        },
        "NSAppTransportSecurity > NSPinnedDomains > a.example",
    ),
    (
        "pin-malformed-hash",
        {
            "NSAppTransportSecurity": {
                "NSPinnedDomains": {
                    "a.example": {"NSPinnedLeafIdentities": [{"SPKI-SHA256-BASE64": "c2hvcnQ="}]}
                }
            }
        },
        "NSAppTransportSecurity > NSPinnedDomains > a.example > NSPinnedLeafIdentities > 0 > "
        "SPKI-SHA256-BASE64",
    ),
    (
        "needs-justification",
        {"NSAppTransportSecurity": {"NSAllowsArbitraryLoadsForMedia": True}},
        "NSAppTransportSecurity > NSAllowsArbitraryLoadsForMedia",
    ),
    (
        "obsolete-key",
        {
            "NSAppTransportSecurity": {
                "NSExceptionDomains": {"a.example": {"NSRequiresCertificateTransparency": True}}
            }
        },
        "NSAppTransportSecurity > NSExceptionDomains > a.example > "
        "NSRequiresCertificateTransparency",
    ),
    ("no-ats-dictionary", {"CFBundleName": "App"}, "NSAppTransportSecurity"),
]


@pytest.mark.parametrize("fmt", [plistlib.FMT_XML, plistlib.FMT_BINARY], ids=["xml", "binary"])
@pytest.mark.parametrize(("rule", "plist", "path"), RULES, ids=[r[0] for r in RULES])
def test_lint_rule(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: plistlib.PlistFormat,
    rule: str,
    plist: dict[str, Any],
    path: str,
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(plistlib.dumps(plist, fmt=fmt))
    status = main(["ats", "lint", "--json", str(file)])
    findings = json.loads(capsys.readouterr().out)
    assert (rule, path) in {(f["rule"], f["path"]) for f in findings}
    severities = {f["severity"] for f in findings}
    assert status == (1 if severities & {"error", "warning"} else 0)


def test_lint_a_good_plist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pin = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    plist = {**GOOD}
    plist["NSAppTransportSecurity"] = {
        **GOOD["NSAppTransportSecurity"],
        "NSPinnedDomains": {
            "api.example.com": {"NSPinnedCAIdentities": [{"SPKI-SHA256-BASE64": pin}]}
        },
    }
    file = tmp_path / "Info.plist"
    file.write_bytes(plistlib.dumps(plist))
    assert main(["ats", "lint", str(file)]) == 0
    assert "no App Transport Security problems" in capsys.readouterr().out


def test_lint_suggests_the_nearest_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(plistlib.dumps(RULES[0][1]))
    main(["ats", "lint", str(file)])
    assert "suggestion: did you mean NSAllowsArbitraryLoads?" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content", [b"", b"not a plist", b"<?xml version='1.0'?><plist>", b"bplist00\xff\xff"]
)
def test_lint_bad_input_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(content)
    assert main(["ats", "lint", str(file)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("atscodes: error:")
    assert "Traceback" not in err
