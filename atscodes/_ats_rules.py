"""The certificate and ATS rules an Apple device applies to a TLS server, offline.

Shared by ``atscodes ats check`` (which gets the chain from live probes) and
``atscodes trace`` (which reads it from a capture).  Nothing here touches the
network.  Needs the ``check`` extra (``cryptography``).

The API (stable; keyword arguments may be added, never removed or reordered)::

    evaluate_chain(
        chain: Sequence[bytes],          # DER certificates as the server sent them, leaf first
        host: str,                       # the name the app connects to (SNI / URL host)
        *,
        tls_version: str | None = None,  # negotiated: "TLSv1.2", "TLSv1.3", "TLS 1.2"
        cipher: str | None = None,       # negotiated suite: OpenSSL or IANA name
        trust_store: TrustStore | str = "apple",  # "apple", "system" or a loaded TrustStore
        extra_anchors: Sequence[bytes] = (),      # DER anchors an app adds (--ca)
        fetched: Sequence[bytes] = (),   # intermediates fetched from AIA caIssuers URLs
        now: datetime | None = None,     # the time to evaluate at (default: now, UTC)
    ) -> ChainEvaluation

    chain_requirements(...same arguments...) -> tuple[Requirement, ...]

:class:`ChainEvaluation` holds ``requirements`` (the :class:`Requirement`
records ``ats check`` reports, each with a stable ``rule`` key), ``certificates``
(one :class:`Certificate` per DER given; unparseable ones carry ``problem``),
``trusted``, ``trust_detail``, ``anchor`` (``apple``, ``system``, ``custom`` or
``""``), ``aia_urls`` (caIssuers URLs of a certificate whose issuer is missing),
``risks`` (third-party reports that apply) and ``ats_exempt`` (why ATS does not
apply to *host*, or ``""``).  When *tls_version* / *cipher* are omitted, the
``tls_version`` and ``cipher_suite`` requirements are left out (``ats check``
derives them from its probes instead).

Requirement ``rule`` keys: ``trust``, ``tls_version``, ``cipher_suite``,
``key_size``, ``signature_hash``, ``host_name``, ``server_auth_eku``,
``validity_period``, ``certificate_transparency``, ``not_yet_valid``,
``expired``, ``certificate_parse``.  ``ok`` is True, False, or None (not
decidable offline / does not apply).

Anchors: *trust_store* roots are system anchors; *extra_anchors* are treated as an app's
custom anchors (``SecTrustSetAnchorCertificates``), so the non-system rules apply to them
(825 days for leaves issued after 2019-07-01, EKU serverAuth); a leaf that is itself one of
*extra_anchors* is treated like trustd's user-anchored leaf and exempt from the key-size,
EKU and validity-period limits (our mapping of ``--ca`` onto trustd's anchor sources:
inference).  ``ats check`` adds a ``client_certificate`` requirement of its own.

Each rule names the code it follows: Apple's trust daemon (Security-61901.0.87.0.1,
``trust/trustd/SecPolicyServer.c``, ``CertificateTransparency.m``,
``OSX/sec/Security/SecPolicy.c`` ``SecPolicyCreateSSLWithKeyUsage``) or Apple's
ATS documentation.  What this module does not do: revocation, name constraints,
certificate policies, Apple's per-root constraints (``constraints.json``), pinning.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
from collections.abc import Sequence
from typing import Any, Final

import attrs
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID

from . import _trust
from ._knowledge_types import Source
from ._untrusted import escape, escape_bytes

__all__ = [
    "ATS_FS_SUITES",
    "ATS_NON_FS_SUITES",
    "Certificate",
    "ChainEvaluation",
    "Requirement",
    "Risk",
    "ats_exemption",
    "chain_requirements",
    "describe",
    "escape",
    "escape_bytes",
    "evaluate_chain",
]

APPLE_ATS: Final = Source(
    "Preventing Insecure Network Connections (Apple)",
    "https://developer.apple.com/documentation/security/preventing-insecure-network-connections",
)
ARCHIVED_SUITES: Final = Source(
    "Information Property List Key Reference, NSAppTransportSecurity (archived)",
    "https://developer.apple.com/library/archive/documentation/General/Reference/"
    "InfoPlistKeyReference/Articles/CocoaKeys.html",
)
ATS_REFERENCE: Final = Source(
    "NSAppTransportSecurity (Apple Information Property List reference)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsapptransportsecurity",
)
TRUSTD: Final = Source(
    "Security-61901.0.87.0.1 trust/trustd/SecPolicyServer.c (Apple open source)",
    "https://github.com/apple-oss-distributions/Security/blob/Security-61901.0.87.0.1/"
    "trust/trustd/SecPolicyServer.c",
)
SSL_POLICY: Final = Source(
    "Security-61901.0.87.0.1 OSX/sec/Security/SecPolicy.c, SecPolicyCreateSSLWithKeyUsage",
    "https://github.com/apple-oss-distributions/Security/blob/Security-61901.0.87.0.1/"
    "OSX/sec/Security/SecPolicy.c",
)
CT_CODE: Final = Source(
    "Security-61901.0.87.0.1 trust/trustd/CertificateTransparency.m, verify_tls_ct_policy",
    "https://github.com/apple-oss-distributions/Security/blob/Security-61901.0.87.0.1/"
    "trust/trustd/CertificateTransparency.m",
)
CT_POLICY: Final = Source(
    "Apple's Certificate Transparency policy", "https://support.apple.com/en-us/103214"
)
CHECKS_LIST: Final = Source(
    "Security-61901.0.87.0.1 OSX/sec/Security/SecPolicyChecks.list",
    "https://github.com/apple-oss-distributions/Security/blob/Security-61901.0.87.0.1/"
    "OSX/sec/Security/SecPolicyChecks.list",
)
APPLE_ROOTS: Final = Source(
    "apple-oss-distributions/security_certificates, tag security_certificates-55349.0.11",
    "https://github.com/apple-oss-distributions/security_certificates/tree/"
    "security_certificates-55349.0.11",
)
FORUMS_80638: Final = Source(
    "Apple Developer Forums thread 80638 (first post: self-signed certificate, iOS 11 beta, "
    "-1200 [3:-9802])",
    "https://developer.apple.com/forums/thread/80638",
)
CA_SEPARATION: Final = Source(
    "iOS 11 ATS -9802: CA/server certificate separation (openillumi.com blog)",
    "https://openillumi.com/en/en-ios11-ats-ssl-9802-ca-separation-fix",
)

# The eleven ECDHE suites ATS accepts by default, and the six it adds when
# NSExceptionRequiresForwardSecrecy is NO (archived Info.plist Key Reference),
# as OpenSSL names them (matched with `openssl ciphers -stdname`, OpenSSL 3.0).
ATS_FS_SUITES: Final = (
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-SHA384",
    "ECDHE-ECDSA-AES256-SHA",
    "ECDHE-ECDSA-AES128-SHA256",
    "ECDHE-ECDSA-AES128-SHA",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES256-SHA384",
    "ECDHE-RSA-AES128-SHA256",
    "ECDHE-RSA-AES128-SHA",
)
ATS_NON_FS_SUITES: Final = (
    "AES256-GCM-SHA384",
    "AES128-GCM-SHA256",
    "AES256-SHA256",
    "AES256-SHA",
    "AES128-SHA256",
    "AES128-SHA",
)
# The same suites by IANA name (the archived reference spells them so).
_IANA: Final = {
    "ECDHE-ECDSA-AES256-GCM-SHA384": "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "ECDHE-ECDSA-AES128-GCM-SHA256": "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "ECDHE-ECDSA-AES256-SHA384": "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
    "ECDHE-ECDSA-AES256-SHA": "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
    "ECDHE-ECDSA-AES128-SHA256": "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
    "ECDHE-ECDSA-AES128-SHA": "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    "ECDHE-RSA-AES256-GCM-SHA384": "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "ECDHE-RSA-AES128-GCM-SHA256": "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "ECDHE-RSA-AES256-SHA384": "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
    "ECDHE-RSA-AES128-SHA256": "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
    "ECDHE-RSA-AES128-SHA": "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
    "AES256-GCM-SHA384": "TLS_RSA_WITH_AES_256_GCM_SHA384",
    "AES128-GCM-SHA256": "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "AES256-SHA256": "TLS_RSA_WITH_AES_256_CBC_SHA256",
    "AES256-SHA": "TLS_RSA_WITH_AES_256_CBC_SHA",
    "AES128-SHA256": "TLS_RSA_WITH_AES_128_CBC_SHA256",
    "AES128-SHA": "TLS_RSA_WITH_AES_128_CBC_SHA",
}
_FS_NAMES: Final = frozenset(ATS_FS_SUITES) | {_IANA[s] for s in ATS_FS_SUITES}

# CFAbsoluteTime constants of trustd (seconds since 2001-01-01 UTC), as dates.
_EPOCH_2001: Final = dt.datetime(2001, 1, 1, tzinfo=dt.timezone.utc)
# check_other_trust_ssl_validity_maximums: 583628400.0, "1 July 2019 00:00:00 UTC" in the
# comment, but the number is 2019-06-30 23:00:00 UTC; we follow the number.
_JUL_2019: Final = _EPOCH_2001 + dt.timedelta(seconds=583628400)
_SEP_2020: Final = _EPOCH_2001 + dt.timedelta(seconds=620611200)  # 2020-09-01 00:00 UTC
_CT_CUTOFF: Final = _EPOCH_2001 + dt.timedelta(seconds=561340800)  # 2018-10-16 00:00 UTC
_APR_2021: Final = _EPOCH_2001 + dt.timedelta(seconds=640656000)  # 2021-04-21 00:00 UTC
_DAY: Final = 86400
_SHA2: Final = frozenset({"sha224", "sha256", "sha384", "sha512"})
# SecPolicyRemoveWeakHashOptions: MD2, MD4, MD5 and SHA-1 are refused.
_WEAK_HASHES: Final = frozenset({"md2", "md4", "md5", "sha1"})


@attrs.frozen
class Certificate:
    """What the rules look at in one certificate; ``problem`` says what could not be read."""

    subject: str
    issuer: str
    key: str
    key_bits: int
    signature_hash: str
    not_before: str
    not_after: str
    validity_days: int
    names: tuple[str, ...]
    server_auth: bool | None
    scts: int
    sha256: str = ""
    is_ca: bool | None = None
    self_signed: bool = False
    ca_issuers: tuple[str, ...] = ()
    problem: str = ""


@attrs.frozen
class Requirement:
    """One ATS or trust rule, met (True), broken (False) or undecided (None), with its source."""

    name: str
    ok: bool | None
    evidence: str
    source: Source = attrs.field(repr=False)
    rule: str = ""


@attrs.frozen
class Risk:
    """Something a third party reported to fail, which the rules above do not show."""

    text: str
    basis: str
    sources: tuple[Source, ...] = attrs.field(repr=False)


@attrs.frozen
class ChainEvaluation:
    """The result of :func:`evaluate_chain`."""

    requirements: tuple[Requirement, ...]
    certificates: tuple[Certificate, ...]
    trusted: bool
    trust_detail: str
    anchor: str
    trust_store: _trust.TrustStore = attrs.field(repr=False)
    aia_urls: tuple[str, ...] = ()
    risks: tuple[Risk, ...] = ()
    ats_exempt: str = ""
    path_length: int = 0

    def failed(self, rule: str) -> Requirement | None:
        """The failed requirement with that ``rule`` key, if any."""
        return next((r for r in self.requirements if r.rule == rule and r.ok is False), None)


# ---------------------------------------------------------------- reading certificates


def _key_of(cert: x509.Certificate) -> tuple[str, int]:
    try:
        public = cert.public_key()
    except Exception as error:  # UnsupportedAlgorithm, ValueError
        return f"unknown ({type(error).__name__})", 0
    if isinstance(public, rsa.RSAPublicKey):
        return "RSA", public.key_size
    if isinstance(public, ec.EllipticCurvePublicKey):
        return "EC", public.curve.key_size
    if isinstance(public, dsa.DSAPublicKey):
        return "DSA", public.key_size
    if isinstance(public, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
        return type(public).__name__.replace("PublicKey", ""), 256
    return type(public).__name__, 0


def _hash_of(cert: x509.Certificate) -> str:
    try:
        algorithm = cert.signature_hash_algorithm
    except Exception:  # UnsupportedAlgorithm: an OID cryptography does not know
        return f"unknown ({cert.signature_algorithm_oid.dotted_string})"
    if algorithm is None:  # Ed25519 / Ed448 sign without a separate hash
        return "none"
    return algorithm.name


def _extension(cert: x509.Certificate, kind: Any) -> Any:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None


def _parse(der: bytes) -> tuple[x509.Certificate | None, Certificate]:
    sha = _trust.sha256_hex(der)
    try:
        cert = x509.load_der_x509_certificate(der)
        before, after = cert.not_valid_before_utc, cert.not_valid_after_utc
        subject, issuer = cert.subject.rfc4514_string(), cert.issuer.rfc4514_string()
    except Exception as error:  # ValueError and friends from a malformed DER
        return None, Certificate(
            "", "", "", 0, "", "", "", 0, (), None, 0, sha, problem=f"cannot parse: {error}"
        )
    problems: list[str] = []
    try:
        extensions: Any = cert.extensions
    except Exception as error:  # a malformed or duplicate extension
        extensions = None
        problems.append(f"extensions cannot be read: {error}")
    names: tuple[str, ...] = ()
    server_auth: bool | None = None
    is_ca: bool | None = None
    scts = 0
    ca_issuers: tuple[str, ...] = ()
    if extensions is not None:
        san = _extension(cert, x509.SubjectAlternativeName)
        if san is not None:
            names = tuple(san.get_values_for_type(x509.DNSName)) + tuple(
                str(ip) for ip in san.get_values_for_type(x509.IPAddress)
            )
        eku = _extension(cert, x509.ExtendedKeyUsage)
        if eku is not None:
            server_auth = ExtendedKeyUsageOID.SERVER_AUTH in eku
        basic = _extension(cert, x509.BasicConstraints)
        if basic is not None:
            is_ca = bool(basic.ca)
        with contextlib.suppress(ValueError):
            sct_list = _extension(cert, x509.PrecertificateSignedCertificateTimestamps)
            scts = len(sct_list) if sct_list is not None else 0
        aia = _extension(cert, x509.AuthorityInformationAccess)
        if aia is not None:
            ca_issuers = tuple(
                str(d.access_location.value)
                for d in aia
                if d.access_method == AuthorityInformationAccessOID.CA_ISSUERS
                and isinstance(d.access_location, x509.UniformResourceIdentifier)
            )
    key, bits = _key_of(cert)
    signature_hash = _hash_of(cert)
    if signature_hash.startswith("unknown"):
        problems.append(
            f"the certificate uses an unknown signature algorithm "
            f"({cert.signature_algorithm_oid.dotted_string})"
        )
    if key.startswith("unknown"):
        problems.append("the certificate's public key uses an unknown algorithm")
    self_signed = cert.issuer == cert.subject
    return cert, Certificate(
        subject,
        issuer,
        key,
        bits,
        signature_hash,
        before.isoformat(),
        after.isoformat(),
        int((after - before).total_seconds() // _DAY),
        names,
        server_auth,
        scts,
        sha,
        is_ca,
        self_signed,
        ca_issuers,
        "; ".join(problems),
    )


def describe(der: bytes) -> Certificate:
    """Describe one DER certificate; never raises (an unreadable one has ``problem`` set)."""
    return _parse(der)[1]


# ---------------------------------------------------------------- names


def ats_exemption(host: str) -> str:
    """Why ATS does not apply to *host* (Apple's NSAppTransportSecurity reference), or ``""``:
    a phrase to follow "ATS does not apply:" ("the host is an IP address")."""
    name = host.strip("[]").rstrip(".").lower()
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        pass
    else:
        return "the host is an IP address"
    if name == "localhost":
        return "the host is localhost"
    if name.endswith(".local"):
        return "the host is a .local name"
    if "." not in name:
        return "the host is an unqualified name"
    return ""


def _name_matches(name: str, host: str) -> bool:
    name, host = name.lower().rstrip("."), host.lower().strip("[]").rstrip(".")
    if name.startswith("*."):
        return host.count(".") >= name.count(".") and host.split(".", 1)[1] == name[2:]
    return name == host


# ---------------------------------------------------------------- the rules


def _seconds(cert: Certificate) -> float:
    return (
        dt.datetime.fromisoformat(cert.not_after) - dt.datetime.fromisoformat(cert.not_before)
    ).total_seconds()


def _strong_key(cert: Certificate) -> bool | None:
    # SecPolicyAddStrongKeySizeOptions: RSA >= 2048, EC >= 256. Other key types are not
    # in the dictionary; trustd's SecCertificateIsAtLeastMinKeySize fails them (inference
    # from the two-entry dictionary) except that we cannot say for an unknown key.
    if cert.key == "RSA":
        return cert.key_bits >= 2048
    if cert.key == "EC":
        return cert.key_bits >= 256
    if cert.key.startswith("unknown"):
        return None
    return False


def _ct_requirement(cert: x509.Certificate, leaf: Certificate, now: dt.datetime) -> Requirement:
    logs = _trust.apple_ct_logs()
    try:
        scts = list(
            cert.extensions.get_extension_for_class(
                x509.PrecertificateSignedCertificateTimestamps
            ).value
        )
    except (x509.ExtensionNotFound, ValueError):
        scts = []
    counted: dict[bytes, str] = {}
    other: list[str] = []
    for sct in scts:
        log = logs.get(sct.log_id)
        stamp = sct.timestamp.replace(tzinfo=dt.timezone.utc)
        if log is None:
            other.append("a log Apple does not list")
            continue
        label = f"{log['description']} ({log['operator']}, {log['state']})"
        if log["state"] in ("usable", "qualified", "readonly"):
            counted[sct.log_id] = label
        elif log["state"] == "retired" and log["since"]:
            retired = dt.datetime.fromisoformat(log["since"].replace("Z", "+00:00"))
            if stamp < retired and dt.datetime.fromisoformat(leaf.not_before) < retired:
                counted[sct.log_id] = label + " before its retirement"
            else:
                other.append(label)
        else:
            other.append(label)
    lifetime = _seconds(leaf)
    before = dt.datetime.fromisoformat(leaf.not_before)
    if before < _APR_2021:
        # verify_embedded_sct_policy_v1 counts calendar months; 30.44-day months are an
        # approximation of CFCalendarGetComponentDifference.
        months = int(lifetime // (30.436875 * _DAY))
        need = 2 if months < 15 else 3 if months <= 27 else 4 if months <= 39 else 5
        policy = f"issued before 2021-04-21, about {months} months: {need} SCTs"
    else:
        need = 2 if lifetime <= 180 * _DAY else 3 if lifetime <= 825 * _DAY else 4
        policy = f"issued from 2021-04-21, {int(lifetime // _DAY)} days: {need} SCTs"
    have = len(counted)
    evidence = (
        f"{have} embedded SCTs from logs Apple lists as usable or once-usable ({policy}; "
        "log ids matched against Apple's log_list.json, SCT signatures not verified)"
        + (": " + "; ".join(counted.values()) if counted else "")
        + (f"; not counted: {'; '.join(other)}" if other else "")
    )
    if have >= need:
        return Requirement(
            "Certificate Transparency (leaf issued on or after 2018-10-16, system root)",
            True,
            evidence,
            CT_CODE,
            "certificate_transparency",
        )
    # SCTs can also come in the TLS extension or stapled OCSP (two from current logs
    # then suffice); this check sees only the embedded ones.
    return Requirement(
        "Certificate Transparency (leaf issued on or after 2018-10-16, system root)",
        None,
        evidence + "; SCTs sent in the TLS extension or OCSP are not checked, so this is "
        "undecided rather than failed",
        CT_CODE,
        "certificate_transparency",
    )


def _resolve_store(store: _trust.TrustStore | str) -> _trust.TrustStore:
    if isinstance(store, _trust.TrustStore):
        return store
    if store not in ("apple", "system"):
        raise ValueError(f"unknown trust store {store!r}: apple or system")
    return _trust.load_store("apple" if store == "apple" else "system")


def evaluate_chain(  # noqa: PLR0915 - one rule after another, in trustd's order
    chain: Sequence[bytes],
    host: str,
    *,
    tls_version: str | None = None,
    cipher: str | None = None,
    trust_store: _trust.TrustStore | str = "apple",
    extra_anchors: Sequence[bytes] = (),
    fetched: Sequence[bytes] = (),
    now: dt.datetime | None = None,
) -> ChainEvaluation:
    """Apply Apple's trust and ATS rules to *chain* (DER, leaf first) for *host*; no network."""
    store = _resolve_store(trust_store)
    now = now or dt.datetime.now(dt.timezone.utc)
    exempt = ats_exemption(host)
    parsed = [_parse(der) for der in chain]
    certificates = tuple(c for _, c in parsed)
    out: list[Requirement] = []
    risks: list[Risk] = []
    if tls_version is not None:
        version = tls_version.replace("TLS ", "TLSv").replace("TLSv1_", "TLSv1.")
        modern = version in ("TLSv1.2", "TLSv1.3")
        out.append(
            Requirement(
                "TLS 1.2 or later",
                None if exempt and not modern else modern,
                f"negotiated {tls_version}" + (f" ({exempt})" if exempt else ""),
                APPLE_ATS,
                "tls_version",
            )
        )
    if cipher is not None:
        tls13 = (tls_version or "").endswith("1.3") or cipher.startswith(("TLS_AES", "TLS_CHACHA"))
        fs = tls13 or cipher in _FS_NAMES
        out.append(
            Requirement(
                "forward-secret ECDHE suite with AES (TLS 1.2) or TLS 1.3",
                None if exempt and not fs else fs,
                f"negotiated {cipher}" + (f" ({exempt})" if exempt else ""),
                ARCHIVED_SUITES,
                "cipher_suite",
            )
        )
    for index, cert in enumerate(certificates):
        if cert.problem:
            out.append(
                Requirement(
                    f"certificate {index} can be read",
                    False if not cert.subject else None,
                    cert.problem,
                    CHECKS_LIST,
                    "certificate_parse",
                )
            )
    if not parsed or parsed[0][0] is None:
        return ChainEvaluation(
            tuple(out),
            certificates,
            False,
            "no readable leaf certificate" if parsed else "the server sent no certificate",
            "",
            store,
            ats_exempt=exempt,
        )
    leaf_x509 = parsed[0][0]
    leaf = certificates[0]
    intermediates = [c for c, _ in parsed[1:] if c is not None]
    for der in fetched:
        with contextlib.suppress(ValueError):
            intermediates.extend(
                x509.load_der_x509_certificate(d) for d in _trust.read_certificates(der)
            )
    path = _trust.build_path(leaf_x509, intermediates, store, extra_anchors)
    anchor = path.anchor.source if path.anchor else ""
    system = anchor == store.name
    aia: tuple[str, ...] = ()
    if path.missing_issuer:
        last = describe(_trust.der(path.certificates[-1]))
        aia = last.ca_issuers
    in_path = [describe(_trust.der(c)) for c in path.certificates]
    if path.anchor is not None:
        detail = (
            f"chains to a root in the {store.name} store ({store.version})"
            if system
            else "chains to an anchor given with --ca"
        )
    elif path.missing_issuer and aia:
        detail = (
            f"{path.problem}; an Apple device fetches the missing issuer from the leaf's "
            f"Authority Information Access URL {', '.join(aia)}"
        )
    else:
        detail = path.problem
    trusted = path.anchor is not None
    out.insert(
        0,
        Requirement(
            "default trust evaluation",
            True if trusted else (None if (path.missing_issuer and aia) else False),
            detail,
            TRUSTD,
            "trust",
        ),
    )
    user_leaf = anchor == "custom" and len(path.certificates) == 1
    # Key sizes: SecPolicyCheckKeySize, every certificate of the path, except a leaf that
    # is itself a user anchor.
    checked = (
        in_path
        if path.anchor is not None
        else in_path + [c for c in certificates[len(in_path) :] if not c.problem]
    )
    if not user_leaf:
        weak = [c for c in checked if _strong_key(c) is False]
        out.append(
            Requirement(
                "RSA >= 2048 / EC >= 256 bits (leaf and CAs)",
                False if weak else (None if any(_strong_key(c) is None for c in checked) else True),
                ", ".join(f"{c.subject}: {c.key} {c.key_bits} bits" for c in weak)
                or "; ".join(f"{c.key} {c.key_bits}" for c in checked),
                SSL_POLICY,
                "key_size",
            )
        )
    # Signature hashes: SecPolicyCheckSignatureHashAlgorithms skips self-signed
    # certificates, and a user-trusted anchor.
    signed = [c for c in checked if not c.self_signed]
    weak_hash = [c for c in signed if c.signature_hash in _WEAK_HASHES]
    unknown_hash = [c for c in signed if c.signature_hash.startswith("unknown")]
    out.append(
        Requirement(
            "SHA-2 signatures (leaf and issuing CAs)",
            False if weak_hash else (None if unknown_hash else True),
            ", ".join(f"{c.subject}: {c.signature_hash}" for c in weak_hash + unknown_hash)
            or "all " + (", ".join(sorted({c.signature_hash for c in signed})) or "self-signed"),
            SSL_POLICY,
            "signature_hash",
        )
    )
    out.append(
        Requirement(
            "the host name in the Subject Alternative Name",
            any(_name_matches(n, host) for n in leaf.names),
            ", ".join(leaf.names) or "no SAN names",
            CHECKS_LIST,
            "host_name",
        )
    )
    before = dt.datetime.fromisoformat(leaf.not_before)
    after = dt.datetime.fromisoformat(leaf.not_after)
    seconds = _seconds(leaf)
    # ServerAuthEKU (SecPolicyCheckServerAuthEKU).
    if system or (not user_leaf and before > _JUL_2019):
        out.append(
            Requirement(
                "extended key usage serverAuth"
                + (" (system root)" if system else " (issued after 2019-07-01)"),
                leaf.server_auth is True,
                {True: "present", False: "EKU without serverAuth", None: "no EKU extension"}[
                    leaf.server_auth
                ],
                TRUSTD,
                "server_auth_eku",
            )
        )
    # Validity periods (SecPolicyCheckValidityPeriodMaximums).
    if system:
        limit, label = (
            (825 * _DAY + 3600, "825 days (+1 h), system root, issued before 2020-09-01")
            if before < _SEP_2020
            else (398 * _DAY, "398 days, system root, issued from 2020-09-01")
        )
    elif not user_leaf and before > _JUL_2019:
        limit, label = (
            825 * _DAY + 3600,
            "825 days (+1 h), non-system anchor, issued after 2019-07-01",
        )
    else:
        limit, label = 0, ""
    if limit:
        out.append(
            Requirement(
                f"validity period at most {label}",
                seconds <= limit,
                f"{seconds / _DAY:.2f} days (notAfter - notBefore = {int(seconds)} s; limit "
                f"{limit} s)",
                TRUSTD,
                "validity_period",
            )
        )
    if system and before >= _CT_CUTOFF and before <= now <= after:
        out.append(_ct_requirement(leaf_x509, leaf, now))
    out.append(
        Requirement(
            "certificate already valid (notBefore)",
            now >= before,
            f"valid from {leaf.not_before}",
            CHECKS_LIST,
            "not_yet_valid",
        )
    )
    out.append(
        Requirement(
            "certificate not expired (notAfter)",
            now <= after,
            f"valid until {leaf.not_after}",
            CHECKS_LIST,
            "expired",
        )
    )
    if leaf.self_signed and leaf.is_ca:
        risks.append(
            Risk(
                "The server's certificate is a self-signed CA certificate (CA:TRUE) used as its "
                "own server certificate. Such setups were reported to fail from iOS 11 on with "
                "-1200 [3:-9802] even when the certificate was trusted; a separate CA and a "
                "serverAuth leaf fixed it.",
                "third-party report (forum post and blog; not in Apple's documentation)",
                (FORUMS_80638, CA_SEPARATION),
            )
        )
    return ChainEvaluation(
        tuple(out),
        certificates,
        trusted,
        detail,
        anchor,
        store,
        aia,
        tuple(risks),
        exempt,
        len(path.certificates),
    )


def chain_requirements(
    chain: Sequence[bytes],
    host: str,
    *,
    tls_version: str | None = None,
    cipher: str | None = None,
    trust_store: _trust.TrustStore | str = "apple",
    extra_anchors: Sequence[bytes] = (),
    fetched: Sequence[bytes] = (),
    now: dt.datetime | None = None,
) -> tuple[Requirement, ...]:
    """Only the requirement records of :func:`evaluate_chain`."""
    return evaluate_chain(
        chain,
        host,
        tls_version=tls_version,
        cipher=cipher,
        trust_store=trust_store,
        extra_anchors=extra_anchors,
        fetched=fetched,
        now=now,
    ).requirements
