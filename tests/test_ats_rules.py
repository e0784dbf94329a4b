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
