"""``trace()`` on real captures from Zeek's and tcpdump's test suites.

Expected values are tshark 4.0.17's reading of each file (``tshark -r F -Y
"tls.record.content_type == 21" -T fields -e frame.number -e ip.src -e
tls.alert_message.level -e tls.alert_message.desc -e tls.record.length``, and
``-Y tls.handshake.type == 1`` / ``== 2`` for SNI and versions), run by hand on
2026-12-01 and written here; the captures are in ``../shared/captures`` (see
its README for their origin and licences).  Tests skip when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atscodes import trace
from atscodes._cli import main


def _shared() -> Path | None:
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / ".." / "shared", here / ".." / ".." / "shared"):
        if (candidate / "captures").is_dir():
            return candidate / "captures"
    return None


CAPTURES = _shared()
pytestmark = pytest.mark.skipif(CAPTURES is None, reason="../shared/captures is not there")


def _path(name: str) -> Path:
    assert CAPTURES is not None
    return CAPTURES / name


# file, client, server, SNI, server version, alerts as (sender, level, number, frame, length)
# (level and number None when the record is encrypted).
READINGS = [
    (
        "zeek/certificate-request-failed.pcap",
        "[fd42:496a:d659:bb85::1]:52464",
        "[fd42:496a:d659:bb85:216:3eff:fe6a:a257]:3000",
        None,
        "TLSv1.2",
        [("server", "fatal", 40, 9, 2)],
    ),
    (
        "zeek/tls-1.2-handshake-failure.pcap",
        "192.168.4.149:53525",
        "74.125.239.37:443",
        None,
        None,
        [("server", "fatal", 40, 6, 2)],
    ),
    (
        "zeek/tls-early-alert.pcap",
        "192.168.6.217:50020",
        "67.207.128.99:64132",
        "jeffbryner.com",
        "TLSv1.2",
        [("server", "warning", 112, 6, 2)],
    ),
    (
        "zeek/tls13draft16-ff52.a01-aborted.pcap",
        "192.150.187.20:54980",
        "52.32.149.186:443",
        "tls13.crypto.mozilla.org",
        None,
        [("server", "fatal", 70, 6, 2)],
    ),
    (
        "zeek/tls13draft16-ff52.a01.pcap",
        "192.150.187.20:36778",
        "138.68.41.77:443",
        None,
        "TLSv1.3 draft 16",
        [("client", "fatal", 48, 8, 2)],
    ),
    (
        "zeek/dhe.pcap",
        "192.168.18.50:62277",
        "162.219.2.166:443",
        None,
        "TLSv1.2",
        [("server", None, None, 17, 48), ("client", None, None, 20, 48)],
    ),
    (
        "zeek/missing-intermediate.pcap",
        "192.168.4.149:58530",
        "72.167.102.91:443",
        None,
        "TLSv1.2",
        [("client", None, None, 31, 26), ("server", None, None, 33, 26)],
    ),
    (
        "zeek/tls1_1.pcap",
        "192.168.17.58:62987",
        "216.58.192.14:443",
        None,
        "TLSv1.1",
        [("client", None, None, 16, 48)],
    ),
    (
        "zeek/chrome-1250-tls-x25519-kyber.pcap",
        "0.0.51.217:13783",
        "142.250.200.14:443",
        "lh3.google.com",
        "TLSv1.3",
        [],
    ),
    (
        "zeek/telesec.pcap",
        "192.168.6.82:65343",
        "212.227.17.186:993",
        None,
        "TLSv1.2",
        [("client", None, None, 18, 26), ("server", None, None, 20, 26)],
    ),
]


@pytest.mark.parametrize(
    ("name", "client", "server", "sni", "version", "alerts"),
    READINGS,
    ids=[r[0] for r in READINGS],
)
def test_reading_agrees_with_tshark(
    name: str,
    client: str,
    server: str,
    sni: str | None,
    version: str | None,
    alerts: list[tuple[str, str | None, int | None, int, int]],
) -> None:
    """Addresses, SNI, version and every alert record (sender, frame, size) as tshark reads them."""
    report = trace(_path(name), completed=True)
    found = [c for c in report.connections if c.client == client]
    assert len(found) == 1, [c.client for c in report.connections]
    conn = found[0]
    assert conn.server == server
    assert conn.sni == sni
    assert conn.version == version
    records = [
        (a.sender, a.level, a.alert, a.frame, a.length) for a in conn.alerts if a.length != 19
    ]
    visible = [(s, None if a is None and lv is None else lv, a, f, n) for s, lv, a, f, n in alerts]
    # Encrypted TLS <= 1.2 alerts may carry an inferred close_notify: compare what is on the wire.
    records = [(s, lv, a, f, n) if n == 2 else (s, None, None, f, n) for s, lv, a, f, n in records]
    assert records == visible


def test_every_google_cert_repeat_connection() -> None:
    """Eight connections in one file, each with the client's 18-byte encrypted alert."""
    report = trace(_path("zeek/google-cert-repeat.pcap"), completed=True)
    frames = sorted(a.frame for c in report.connections for a in c.alerts)
    assert frames == [11, 25, 39, 53, 69, 83, 97, 113]
    assert {a.length for c in report.connections for a in c.alerts} == {18}
    assert sorted(c.sni or "" for c in report.connections).count("www.google.com") == 4


def test_server_handshake_failure_is_the_peer() -> None:
    """A server's alert 40 after the ClientHello: failed, the peer's side, -9824 on CFStream."""
    report = trace(_path("zeek/tls-1.2-handshake-failure.pcap"))
    (conn,) = report.connections
    assert (conn.outcome, conn.side) == ("failed", "peer")
    cfstream = {p.status for p in conn.predicted if p.layer == "cfstream"}
    url = {p.status for p in conn.predicted if p.layer == "url_loading"}
    assert cfstream == {-9824}
    assert -9802 in url  # thread 80638: the URL loading system collapsed 40 to -9802 (iOS 11)
    assert conn.explanation is not None
    assert report.summary.startswith("1 of 1 TLS connection failed")
    # No supported_versions extension: 0x0303 is the client's maximum, not its only version.
    assert "offering at most TLSv1.2" in conn.summary


def test_client_unknown_ca_is_local() -> None:
    """This device's own unknown_ca (48): local side, the statuses coreTLS sends it for."""
    report = trace(_path("zeek/tls13draft16-ff52.a01.pcap"))
    failed = [c for c in report.connections if c.outcome == "failed"]
    assert len(failed) == 1
    assert failed[0].side == "local"
    statuses = {p.status for p in failed[0].predicted if p.layer == "cfstream"}
    # SENT_ALERTS: errSSLUnknownRootCert sends unknown_ca; errSSLNoRootCert no longer does
    # (Security-58286 sslVerifyCertChain turns every trust failure into -9807).
    assert statuses == {-9812}


def test_hello_retry_request_and_post_quantum_key_share() -> None:
    """hrr.pcap answers with a HelloRetryRequest; the Chrome 125 capture offers a Kyber share."""
    (hrr,) = trace(_path("zeek/hrr.pcap"), completed=True).connections
    assert hrr.hello_retry
    assert hrr.version == "TLSv1.3"
    (pq,) = trace(_path("zeek/chrome-1250-tls-x25519-kyber.pcap"), completed=True).connections
    # tshark: key share groups 0xCACA (GREASE), 25497 (0x6399), 29; handshake length 1747.
    assert pq.key_shares == ("X25519Kyber768Draft00 (1216 B)", "x25519 (32 B)")
    assert pq.client_hello_size == 1747 + 4  # the message with its 4-byte header
    assert pq.cipher_suite is not None
    assert pq.cipher_suite.startswith("TLS_AES_")


def test_tls_to_a_plain_http_server() -> None:
    """A ClientHello answered by HTTP: failed, the peer's side, the answer shown escaped."""
    report = trace(_path("zeek/https-to-http.pcap"))
    (conn,) = report.connections
    assert (conn.outcome, conn.side) == ("failed", "peer")
    assert any("not TLS" in n for n in conn.notes)


def test_pktap_captures_read_without_tls(capsys: pytest.CaptureFixture[str]) -> None:
    """tcpdump's PKTAP samples (DNS) and its malformed one read cleanly, with no TLS found."""
    for name in ("LINKTYPE_PKTAP.pcap", "LINKTYPE_USER2_PKTAP.pcap", "pktap-heap-overflow.pcap"):
        assert main(["trace", str(_path("tcpdump/" + name))]) == 0
    assert "No TLS connection" in capsys.readouterr().out


def test_cli_exit_status_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1 for a failed connection, 0 when all completed; the JSON keys of the README."""
    assert main(["trace", "--json", str(_path("zeek/tls-1.2-handshake-failure.pcap"))]) == 1
    import json

    document = json.loads(capsys.readouterr().out)
    (conn,) = document["connections"]
    for key in (
        "client",
        "server",
        "sni",
        "process",
        "start",
        "offered_versions",
        "version",
        "cipher_suite",
        "alerts",
        "outcome",
        "side",
        "predicted",
    ):
        assert key in conn
    assert set(conn["alerts"][0]) >= {
        "frame",
        "time",
        "sender",
        "level",
        "alert",
        "name",
        "encrypted",
        "inferred",
    }
    assert set(conn["predicted"][0]) >= {"layer", "status", "name", "url_error", "basis", "os"}
    assert main(["trace", str(_path("zeek/chrome-34-google.pcap"))]) == 0


def test_certificate_chain_through_the_ats_rules() -> None:
    """A TLS 1.2 chain goes through ats check's rules: the 1024-bit RSA key of this test
    server (openssl x509 -text on the chain tshark exports: "Public-Key: (1024 bit)")."""
    report = trace(_path("zeek/x509-generalizedtime.pcap"), completed=True)
    (conn,) = report.connections
    failed = {c.rule for c in conn.certificate_checks if c.ok is False}
    assert "key_size" in failed
    assert "host_name" not in {c.rule for c in conn.certificate_checks}  # no SNI: not checked
    assert any("1024" in f for f in conn.certificate_findings)


def test_expired_chain_is_judged_at_capture_time() -> None:
    """tls-expired-cert's first server expired on 2014-03-04; the capture is later than that."""
    report = trace(_path("zeek/tls-expired-cert.pcap"), completed=True)
    first = next(c for c in report.connections if c.server == "87.98.220.10:443")
    assert first.start > "2014-03-05"
    assert "expired" in {c.rule for c in first.certificate_checks if c.ok is False}


def test_missing_intermediate_and_old_protocol_fail_the_rules() -> None:
    """missing-intermediate.pcap's first server sends its leaf alone over TLS 1.0 with RC4
    (tshark: one certificate, ServerHello version 0x0301, suite 0x0004): trust, version and
    suite all fail, judged as for a named host since the ClientHello has no SNI."""
    report = trace(_path("zeek/missing-intermediate.pcap"), completed=True)
    first = next(c for c in report.connections if c.first_frame == 1)
    assert (first.version, first.cipher_suite) == ("TLSv1.0", "TLS_RSA_WITH_RC4_128_MD5")
    assert len(first.certificates) == 1
    failed = {c.rule for c in first.certificate_checks if c.ok is False}
    assert {"trust", "tls_version", "cipher_suite"} <= failed


# Every alert record tshark 4.0.17 lists in each Zeek trace: (frame, sender address, record
# length), from `tshark -r F -Y "tls.record.content_type == 21" -T fields -e frame.number
# -e ip.src -e ipv6.src -e tls.record.content_type -e tls.record.length`, run 2026-12-01.
TSHARK_ALERT_RECORDS: dict[str, list[tuple[int, str, int]]] = {
    "CVE-2015-3194.pcap": [(12, "192.168.6.74", 26)],
    "cert-no-cn.pcap": [(11, "192.150.187.20", 32)],
    "certificate-request-failed.pcap": [(9, "fd42:496a:d659:bb85:216:3eff:fe6a:a257", 2)],
    "certificate-with-sct.pcap": [(15, "192.168.6.107", 26)],
    "chrome-1250-tls-x25519-kyber.pcap": [],
    "chrome-34-google.pcap": [],
    "client-certificate.pcap": [],
    "dhe.pcap": [(17, "162.219.2.166", 48), (20, "192.168.18.50", 48)],
    "ecdhe.pcap": [(23, "192.168.18.50", 48)],
    "ecdsa-cert.pcap": [(12, "192.168.4.149", 26)],
    "google-cert-repeat.pcap": [
        (11, "167.71.55.249", 18),
        (25, "167.71.55.249", 18),
        (39, "167.71.55.249", 18),
        (53, "167.71.55.249", 18),
        (69, "167.71.55.249", 18),
        (83, "167.71.55.249", 18),
        (97, "167.71.55.249", 18),
        (113, "167.71.55.249", 18),
    ],
    "google-duplicate.pcap": [(21, "192.168.4.149", 26), (44, "192.168.4.149", 26)],
    "heartbleed-encrypted.pcap": [(18, "54.221.166.250", 26), (21, "54.221.166.250", 26)],
    "hrr.pcap": [],
    "https-to-http.pcap": [],
    "missing-intermediate.pcap": [
        (11, "192.168.4.149", 18),
        (31, "192.168.4.149", 26),
        (33, "72.167.102.91", 26),
        (46, "192.168.4.149", 18),
    ],
    "ml-dsa-44-cert.pcap": [],
    "ocsp-stapling.pcap": [(20, "192.168.4.149", 32)],
    "openjdk-25.0.2-zeek.org.pcap": [],
    "signed_certificate_timestamp.pcap": [],
    "signed_certificate_timestamp_tls1_0.pcap": [(16, "192.168.4.195", 32)],
    "ssl-to-http-server.pcap": [],
    "telesec.pcap": [(18, "192.168.6.82", 26), (20, "212.227.17.186", 26)],
    "tls-1.2-handshake-failure.pcap": [(6, "74.125.239.37", 2)],
    "tls-1.2-protocol-error.pcap": [],
    "tls-early-alert.pcap": [(6, "67.207.128.99", 2)],
    "tls-expired-cert.pcap": [
        (19, "87.98.220.10", 32),
        (24, "192.168.4.149", 32),
        (47, "192.168.4.149", 32),
    ],
    "tls1.2-late-protocol-error.pcap": [],
    "tls1.2.pcap": [(20, "10.0.0.80", 18)],
    "tls12-decryption.pcap": [(13, "192.168.100.70", 26)],
    "tls13-ech.pcap": [],
    "tls13_wolfssl.pcap": [],
    "tls13draft16-chrome55.0.2879.0-canary-aborted.pcap": [
        (6, "52.32.149.186", 2),
        (18, "52.32.149.186", 2),
    ],
    "tls13draft16-ff52.a01-aborted.pcap": [(6, "52.32.149.186", 2), (16, "52.32.149.186", 2)],
    "tls13draft16-ff52.a01.pcap": [(8, "192.150.187.20", 2)],
    "tls13draft23-chrome67.0.3368.0-canary.pcap": [],
    "tls1_1.pcap": [(16, "192.168.17.58", 48)],
    "x509-generalizedtime.pcap": [(21, "192.168.219.1", 80)],
}


@pytest.mark.parametrize("name", sorted(TSHARK_ALERT_RECORDS))
def test_every_alert_record_tshark_lists(name: str) -> None:
    """The alert records of every Zeek trace, by frame, sender and size, exactly as tshark.

    TLS 1.3 alerts travel as application data (type 23), which tshark's filter does not
    list: the inferred 19-byte ones are left out of the comparison.
    """
    report = trace(_path("zeek/" + name), completed=True)
    ours = set()
    for conn in report.connections:
        addresses = {
            "client": conn.client.rsplit(":", 1)[0].strip("[]"),
            "server": conn.server.rsplit(":", 1)[0].strip("[]"),
        }
        for alert in conn.alerts:
            if alert.inferred and alert.length == 19 and (conn.version or "").startswith("TLSv1.3"):
                continue
            ours.add((alert.frame, addresses[alert.sender], alert.length))
    assert ours == set(TSHARK_ALERT_RECORDS[name])
