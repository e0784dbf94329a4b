"""The offline rules of ``atscodes._ats_rules`` and the shipped Apple trust store.

Chains are generated here; expected verdicts were written by hand from the trustd
code each rule cites (Security-61901.0.87.0.1 SecPolicyServer.c).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("cryptography", reason="the check extra is not installed")

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import (
    AuthorityInformationAccessOID,
    ExtendedKeyUsageOID,
    NameOID,
)

from atscodes import _ats_rules, _trust

UPSTREAM = Path(__file__).parent / "upstream" / "apple_roots_security_certificates-55349.0.11.txt"
NOW = dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def make(
    subject: str,
    issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey] | None,
    *,
    ca: bool,
    start: dt.datetime = NOW - dt.timedelta(days=1),
    seconds: float = 30 * 86400,
    aia: str | None = None,
    names: tuple[str, ...] = ("www.example.com",),
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer[0] if issuer else _name(subject))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(seconds=seconds))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
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
def pki() -> dict[str, bytes]:
    root, root_key = make("test root", None, ca=True, seconds=3650 * 86400)
    inter, inter_key = make("test intermediate", (root.subject, root_key), ca=True)
    leaf, _ = make(
        "www.example.com", (inter.subject, inter_key), ca=False, aia="http://127.0.0.1:9/i.der"
    )
    return {"root": _der(root), "inter": _der(inter), "leaf": _der(leaf)}


# ---------------------------------------------------------------- the Apple store


def test_shipped_roots_are_the_upstream_files() -> None:
    names = [line.strip() for line in UPSTREAM.read_text().splitlines() if line and line[0] != "#"]
    assert len(names) == 156
    folder = resources.files("atscodes") / "_data" / "apple_roots"
    shipped = sorted(e.name for e in folder.iterdir() if e.name.endswith(".cer"))
    assert shipped == sorted(names)
    for entry in folder.iterdir():
        if entry.name.endswith(".cer"):
            digest = hashlib.sha256(entry.read_bytes()).hexdigest().upper()
            assert entry.name == f"{digest}.cer"


def test_apple_store_reports_its_version() -> None:
    store = _trust.load_store("apple")
    assert store.to_json() == {
        "name": "apple",
        "version": "security_certificates-55349.0.11",
        "roots": 156,
    }
    assert len(_trust._parse_all(store.roots)) == 156


def test_ct_log_list_is_read() -> None:
    logs = _trust.apple_ct_logs()
    states = {log["state"] for log in logs.values()}
    assert {"usable", "retired", "rejected"} <= states
    assert all(len(log_id) == 32 for log_id in logs)


# ---------------------------------------------------------------- trust


def _rules(evaluation: _ats_rules.ChainEvaluation) -> dict[str, bool | None]:
    return {r.rule: r.ok for r in evaluation.requirements}


def test_full_chain_to_a_custom_anchor(pki: dict[str, bytes]) -> None:
    result = _ats_rules.evaluate_chain(
        [pki["leaf"], pki["inter"]], "www.example.com", extra_anchors=[pki["root"]], now=NOW
    )
    assert (result.trusted, result.anchor, result.path_length) == (True, "custom", 3)
    assert all(ok is not False for ok in _rules(result).values()), result.requirements


def test_not_anchored_in_the_apple_store(pki: dict[str, bytes]) -> None:
    result = _ats_rules.evaluate_chain([pki["leaf"], pki["inter"]], "www.example.com", now=NOW)
    assert result.trusted is False
    assert _rules(result)["trust"] is False


def test_missing_intermediate_names_the_aia_url(pki: dict[str, bytes]) -> None:
    result = _ats_rules.evaluate_chain(
        [pki["leaf"]], "www.example.com", extra_anchors=[pki["root"]], now=NOW
    )
    assert result.aia_urls == ("http://127.0.0.1:9/i.der",)
    assert _rules(result)["trust"] is None
    fetched = _ats_rules.evaluate_chain(
        [pki["leaf"]],
        "www.example.com",
        extra_anchors=[pki["root"]],
        fetched=[pki["inter"]],
        now=NOW,
    )
    assert fetched.trusted


def test_wrong_name_and_negotiated_parameters(pki: dict[str, bytes]) -> None:
    result = _ats_rules.evaluate_chain(
        [pki["leaf"], pki["inter"]],
        "api.example.org",
        tls_version="TLSv1.2",
        cipher="AES128-GCM-SHA256",
        extra_anchors=[pki["root"]],
        now=NOW,
    )
    rules = _rules(result)
    assert (rules["host_name"], rules["tls_version"], rules["cipher_suite"]) == (
        False,
        True,
        False,
    )
    iana = _ats_rules.chain_requirements(
        [pki["leaf"], pki["inter"]],
        "www.example.com",
        tls_version="TLS 1.2",
        cipher="TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        extra_anchors=[pki["root"]],
        now=NOW,
    )
    assert {r.rule: r.ok for r in iana}["cipher_suite"] is True


@pytest.mark.parametrize(
    ("seconds", "ok"),
    [(825 * 86400 + 3600, True), (825 * 86400 + 3601, False)],
    ids=["825d+1h", "825d+1h+1s"],
)
def test_825_day_limit_for_non_system_anchors(seconds: int, ok: bool) -> None:
    root, root_key = make("r825", None, ca=True, seconds=3650 * 86400)
    leaf, _ = make("www.example.com", (root.subject, root_key), ca=False, seconds=seconds)
    result = _ats_rules.evaluate_chain(
        [_der(leaf)], "www.example.com", extra_anchors=[_der(root)], now=NOW
    )
    assert _rules(result)["validity_period"] is ok


def test_not_yet_valid_and_expired() -> None:
    root, root_key = make("rtime", None, ca=True, start=NOW - dt.timedelta(days=900))
    early, _ = make(
        "www.example.com", (root.subject, root_key), ca=False, start=NOW + dt.timedelta(days=2)
    )
    late, _ = make(
        "www.example.com", (root.subject, root_key), ca=False, start=NOW - dt.timedelta(days=60)
    )
    first = _rules(_ats_rules.evaluate_chain([_der(early)], "www.example.com", now=NOW))
    second = _rules(_ats_rules.evaluate_chain([_der(late)], "www.example.com", now=NOW))
    assert (first["not_yet_valid"], first["expired"]) == (False, True)
    assert (second["not_yet_valid"], second["expired"]) == (True, False)


def test_garbage_is_a_finding_not_an_exception() -> None:
    result = _ats_rules.evaluate_chain([b"\x30\x03\x02\x01\x00"], "www.example.com", now=NOW)
    assert result.certificates[0].problem.startswith("cannot parse")
    assert _rules(result)["certificate_parse"] is False
    assert result.trusted is False


@pytest.mark.parametrize(
    ("host", "exempt"),
    [
        ("localhost", True),
        ("printer.local", True),
        ("intranet", True),
        ("192.168.1.10", True),
        ("[::1]", True),
        ("www.example.com", False),
    ],
)
def test_ats_exempt_names(host: str, exempt: bool) -> None:
    assert bool(_ats_rules.ats_exemption(host)) is exempt


# ---------------------------------------------------------------- system-anchored rules

# A stand-in for the Apple store: a TrustStore named "apple" holding a test root, so that
# the rules trustd applies only to system-anchored chains (398 days, CT) can be exercised.


def _system(root_der: bytes) -> _trust.TrustStore:
    return _trust.TrustStore("apple", "test", (root_der,))


def _sct_extension(log_ids: list[bytes], when: dt.datetime) -> x509.UnrecognizedExtension:
    """An embedded SCT list (RFC 6962 3.3) naming *log_ids*, with dummy signatures."""
    millis = int(when.timestamp() * 1000)
    items = b""
    for log_id in log_ids:
        sct = b"\x00" + log_id + millis.to_bytes(8, "big") + b"\x00\x00" + b"\x04\x03"
        sct += (4).to_bytes(2, "big") + b"\x30\x02\x05\x00"
        items += len(sct).to_bytes(2, "big") + sct
    tls_list = len(items).to_bytes(2, "big") + items
    octets = b"\x04" + _der_length(len(tls_list)) + tls_list
    return x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"), octets)


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _leaf_with(
    root: tuple[x509.Certificate, ec.EllipticCurvePrivateKey],
    *,
    seconds: float,
    extension: x509.ExtensionType | None = None,
    start: dt.datetime = NOW - dt.timedelta(days=1),
) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name("www.example.com"))
        .issuer_name(root[0].subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(seconds=seconds))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("www.example.com")]), False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
    )
    if extension is not None:
        builder = builder.add_extension(extension, critical=False)
    return _der(builder.sign(root[1], hashes.SHA256()))


@pytest.fixture(scope="module")
def sysroot() -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    return make(
        "system-like root", None, ca=True, start=NOW - dt.timedelta(days=2000), seconds=4000 * 86400
    )


def _logs(state: str, count: int) -> list[bytes]:
    found = [i for i, log in _trust.apple_ct_logs().items() if log["state"] == state]
    assert len(found) >= count
    return found[:count]


@pytest.mark.parametrize(
    ("seconds", "ok"), [(398 * 86400, True), (398 * 86400 + 1, False)], ids=["398d", "398d+1s"]
)
def test_398_day_limit_for_system_roots(
    sysroot: tuple[x509.Certificate, ec.EllipticCurvePrivateKey], seconds: int, ok: bool
) -> None:
    leaf = _leaf_with(sysroot, seconds=seconds)
    result = _ats_rules.evaluate_chain(
        [leaf], "www.example.com", trust_store=_system(_der(sysroot[0])), now=NOW
    )
    assert result.anchor == "apple"
    assert _rules(result)["validity_period"] is ok


@pytest.mark.parametrize(
    ("usable", "rejected", "expected"),
    [(2, 0, True), (1, 0, None), (1, 2, None), (0, 0, None)],
    ids=["two-usable", "one-usable", "rejected-not-counted", "none"],
)
def test_certificate_transparency_counts_apple_listed_logs(
    sysroot: tuple[x509.Certificate, ec.EllipticCurvePrivateKey],
    usable: int,
    rejected: int,
    expected: bool | None,
) -> None:
    # 90 days, issued after 2021-04-21: verify_embedded_sct_policy_v2 wants 2 SCTs.
    ids = _logs("usable", usable) + _logs("rejected", rejected)
    extension = _sct_extension(ids, NOW - dt.timedelta(days=1)) if ids else None
    leaf = _leaf_with(sysroot, seconds=90 * 86400, extension=extension)
    result = _ats_rules.evaluate_chain(
        [leaf], "www.example.com", trust_store=_system(_der(sysroot[0])), now=NOW
    )
    requirement = next(r for r in result.requirements if r.rule == "certificate_transparency")
    assert requirement.ok is expected
    assert f"{usable} embedded SCTs" in requirement.evidence


def test_ct_does_not_apply_before_the_cutoff_or_to_custom_anchors(
    sysroot: tuple[x509.Certificate, ec.EllipticCurvePrivateKey],
) -> None:
    # trustd: leaf notBefore on or after 2018-10-16 00:00 UTC (561340800.0)
    early = _leaf_with(
        sysroot,
        seconds=3000 * 86400,
        start=dt.datetime(2018, 10, 15, 23, 59, 59, tzinfo=dt.timezone.utc),
    )
    store = _system(_der(sysroot[0]))
    rules = _rules(
        _ats_rules.evaluate_chain([early], "www.example.com", trust_store=store, now=NOW)
    )
    assert "certificate_transparency" not in rules
    leaf = _leaf_with(sysroot, seconds=90 * 86400)
    custom = _ats_rules.evaluate_chain(
        [leaf], "www.example.com", extra_anchors=[_der(sysroot[0])], now=NOW
    )
    assert "certificate_transparency" not in _rules(custom)


def test_the_wheel_ships_the_apple_data(tmp_path: Path) -> None:
    buildapi = pytest.importorskip("flit_core.buildapi", reason="flit_core is not installed")
    import os
    import zipfile

    root = Path(__file__).resolve().parents[1]
    cwd = Path.cwd()
    os.chdir(root)
    try:
        name = buildapi.build_wheel(str(tmp_path))
    finally:
        os.chdir(cwd)
    with zipfile.ZipFile(tmp_path / name) as wheel:
        names = wheel.namelist()
    roots = [n for n in names if n.startswith("atscodes/_data/apple_roots/")]
    assert len([n for n in roots if n.endswith(".cer")]) == 156
    assert "atscodes/_data/apple_ct_log_list.json" in names
