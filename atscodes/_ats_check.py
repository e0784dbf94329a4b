"""``atscodes ats check URL``: test a live server against App Transport Security, from any machine.

Connects with Python's :mod:`ssl`, probes the TLS versions and the cipher suites
ATS accepts, reads the certificates with ``cryptography`` (the ``check`` extra;
the core package never imports it), evaluates trust against the system store or
``--ca``, and predicts what an app would see, in atscodes' terms.

The rules and suites come from Apple's documentation (see ``_REQ`` and the
suite lists); the OpenSSL names of the suites were matched to their IANA names
with ``openssl ciphers -stdname`` (OpenSSL 3.0).  What a device would report for
a given failure is a *prediction*: the rule each one rests on is stated with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import ssl
import warnings
from collections.abc import Sequence
from typing import Any, Final
from urllib.parse import urlsplit

import attrs
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from ._explain import explain
from ._knowledge_types import Source

__all__ = ["CheckError", "CheckReport", "check"]

_APPLE_ATS: Final = Source(
    "Preventing Insecure Network Connections (Apple)",
    "https://developer.apple.com/documentation/security/preventing-insecure-network-connections",
)
_ARCHIVED_SUITES: Final = Source(
    "Information Property List Key Reference, NSAppTransportSecurity (archived)",
    "https://developer.apple.com/library/archive/documentation/General/Reference/"
    "InfoPlistKeyReference/Articles/CocoaKeys.html",
)
_PLATFORM_TLS: Final = Source(
    "Apple Platform Security: TLS security",
    "https://support.apple.com/guide/security/tls-security-sec100a75d12/web",
)
_IOS13_RULES: Final = Source(
    "Requirements for trusted certificates in iOS 13 and macOS 10.15 (Apple)",
    "https://support.apple.com/en-us/103769",
)
_398_DAYS: Final = Source(
    "About upcoming limits on trusted certificates (Apple)",
    "https://support.apple.com/en-us/102028",
)
_CT_POLICY: Final = Source(
    "Apple's Certificate Transparency policy", "https://support.apple.com/en-us/103214"
)

# The eleven ECDHE suites ATS accepts by default, and the six it adds when
# NSExceptionRequiresForwardSecrecy is NO (archived Info.plist Key Reference),
# as OpenSSL names them.
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
_VERSIONS: Final = (
    ("TLSv1.0", "TLSv1"),
    ("TLSv1.1", "TLSv1_1"),
    ("TLSv1.2", "TLSv1_2"),
    ("TLSv1.3", "TLSv1_3"),
)
_IOS13_CUTOFF: Final = dt.datetime(2019, 7, 1, tzinfo=dt.timezone.utc)
_398_CUTOFF: Final = dt.datetime(2020, 9, 1, tzinfo=dt.timezone.utc)
_CT_CUTOFF: Final = dt.datetime(2018, 10, 15, tzinfo=dt.timezone.utc)


class CheckError(Exception):
    """The server could not be tested: ``kind`` is dns, refused, timeout, not_tls or network."""

    EXIT_CODES: Final = {"dns": 3, "refused": 4, "timeout": 5, "not_tls": 6, "network": 7}

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.exit_code = self.EXIT_CODES[kind]


@attrs.frozen
class Probe:
    """One connection attempt, named like the sections of ``nscurl --ats-diagnostics``."""

    name: str
    settings: str
    ok: bool
    detail: str


@attrs.frozen
class Certificate:
    """What ATS looks at in one certificate of the chain the server sent."""

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


@attrs.frozen
class Requirement:
    """One ATS or platform requirement, met or not, with the evidence and its source."""

    name: str
    ok: bool | None
    evidence: str
    source: Source = attrs.field(repr=False)


@attrs.frozen
class CheckReport:
    """Everything ``ats check`` found, and the prediction for an app with default ATS."""

    url: str
    host: str
    port: int
    servername: str
    address: str
    protocols: tuple[tuple[str, bool | None, str], ...]
    probes: tuple[Probe, ...]
    certificates: tuple[Certificate, ...]
    trusted: bool
    trust_detail: str
    requirements: tuple[Requirement, ...]
    passes: bool
    prediction: str
    prediction_reason: str
    exception: str
    exception_cost: str

    def to_json(self) -> dict[str, Any]:
        data = attrs.asdict(self, recurse=True)
        data["protocols"] = [
            {"version": v, "accepted": ok, "detail": d} for v, ok, d in self.protocols
        ]
        for requirement in data["requirements"]:
            requirement["source"] = requirement["source"]["url"]
        data["explanation"] = (
            None if self.prediction == "pass" else explain(self.prediction).to_json()
        )
        return data


# ---------------------------------------------------------------- connecting


def _target(url: str, servername: str | None) -> tuple[str, int, str]:
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"not an https URL or host: {url!r}")
    try:
        port = parts.port or 443
    except ValueError:
        raise ValueError(f"bad port in {url!r}") from None
    return parts.hostname, port, servername or parts.hostname


def _resolve(host: str, port: int) -> list[tuple[Any, ...]]:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise CheckError("dns", f"cannot resolve {host}: {error.strerror}") from None


def _connect(addresses: list[tuple[Any, ...]], timeout: float) -> socket.socket:
    last: OSError | None = None
    for family, kind, proto, _, address in addresses:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except TimeoutError:
            sock.close()
            raise CheckError(
                "timeout", f"no answer from {address[0]} within {timeout:g} s"
            ) from None
        except ConnectionRefusedError as error:
            sock.close()
            last = error
            continue
        except OSError as error:
            sock.close()
            last = error
            continue
        return sock
    if isinstance(last, ConnectionRefusedError):
        raise CheckError("refused", "connection refused (nothing listens on that port)")
    raise CheckError("network", f"cannot connect: {last}")


def _context(
    minimum: str | None,
    maximum: str | None,
    ciphers: Sequence[str] | None,
    cafile: str | None,
    verify: bool,
) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if verify:
        if cafile:
            context.load_verify_locations(cafile=cafile)
        else:
            context.load_default_certs()
    else:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():  # TLSv1 and TLSv1_1 are deprecated names
        warnings.simplefilter("ignore", DeprecationWarning)
        if minimum is not None:
            context.minimum_version = getattr(ssl.TLSVersion, minimum)
        if maximum is not None:
            context.maximum_version = getattr(ssl.TLSVersion, maximum)
    # Security level 0 so that weak servers can still be looked at; the weakness is
    # then reported as what it is instead of as a failed connection.
    suites = ":".join(ciphers) if ciphers else "ALL"
    context.set_ciphers(suites + ":@SECLEVEL=0" if not verify else suites)
    return context


@attrs.frozen
class _Handshake:
    ok: bool
    version: str = ""
    cipher: str = ""
    chain: tuple[bytes, ...] = ()
    error: str = ""


def _handshake(
    addresses: list[tuple[Any, ...]], servername: str, timeout: float, context: ssl.SSLContext
) -> _Handshake:
    sock = _connect(addresses, timeout)
    try:
        with context.wrap_socket(sock, server_hostname=servername) as tls:
            cipher = tls.cipher()
            return _Handshake(True, tls.version() or "", cipher[0] if cipher else "", _chain(tls))
    except ssl.SSLCertVerificationError as error:
        return _Handshake(False, error=error.verify_message or str(error))
    except ssl.SSLError as error:
        return _Handshake(False, error=error.reason or str(error))
    except TimeoutError:
        return _Handshake(False, error="timed out during the handshake")
    except OSError as error:
        return _Handshake(False, error=str(error) or type(error).__name__)
    finally:
        sock.close()


def _chain(tls: ssl.SSLSocket) -> tuple[bytes, ...]:
    # Python 3.13 has get_unverified_chain(); 3.10 to 3.12 have it on the private
    # _sslobj only.  Without either, the leaf is all there is to look at.
    getter = getattr(tls, "get_unverified_chain", None)
    if getter is None:
        getter = getattr(getattr(tls, "_sslobj", None), "get_unverified_chain", None)
    if getter is not None:
        chain = getter() or []
        # 3.13 returns DER bytes; the private 3.10-3.12 method returns objects with
        # public_bytes(format), where 2 is _ssl.ENCODING_DER.
        return tuple(c if isinstance(c, bytes) else c.public_bytes(2) for c in chain)
    leaf = tls.getpeercert(binary_form=True)
    return (leaf,) if leaf else ()


# ---------------------------------------------------------------- certificates


def _describe(der: bytes) -> Certificate:
    cert = x509.load_der_x509_certificate(der)
    public = cert.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        key, bits = "RSA", public.key_size
    elif isinstance(public, ec.EllipticCurvePublicKey):
        key, bits = "EC", public.curve.key_size
    elif isinstance(public, dsa.DSAPublicKey):
        key, bits = "DSA", public.key_size
    elif isinstance(public, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
        key, bits = type(public).__name__.replace("PublicKey", ""), 256
    else:
        key, bits = type(public).__name__, 0
    algorithm = cert.signature_hash_algorithm
    names: tuple[str, ...] = ()
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(san.get_values_for_type(x509.DNSName)) + tuple(
            str(ip) for ip in san.get_values_for_type(x509.IPAddress)
        )
    except x509.ExtensionNotFound:
        pass
    server_auth: bool | None = None
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        server_auth = ExtendedKeyUsageOID.SERVER_AUTH in eku
    except x509.ExtensionNotFound:
        pass
    scts = 0
    with contextlib.suppress(x509.ExtensionNotFound, ValueError):
        scts = len(
            cert.extensions.get_extension_for_class(
                x509.PrecertificateSignedCertificateTimestamps
            ).value
        )
    before, after = cert.not_valid_before_utc, cert.not_valid_after_utc
    return Certificate(
        cert.subject.rfc4514_string(),
        cert.issuer.rfc4514_string(),
        key,
        bits,
        algorithm.name if algorithm is not None else "none",
        before.isoformat(),
        after.isoformat(),
        (after - before).days,
        names,
        server_auth,
        scts,
    )


def _name_matches(name: str, host: str) -> bool:
    name, host = name.lower().rstrip("."), host.lower().rstrip(".")
    if name.startswith("*."):
        return host.count(".") >= name.count(".") and host.split(".", 1)[1] == name[2:]
    return name == host


# ---------------------------------------------------------------- the check


def check(
    url: str, *, servername: str | None = None, cafile: str | None = None, timeout: float = 10.0
) -> CheckReport:
    """Test *url*'s server against ATS; raise :class:`CheckError` when it cannot be reached."""
    host, port, sni = _target(url, servername)
    addresses = _resolve(host, port)
    first = _connect(addresses, timeout)
    address = first.getpeername()[0]
    first.close()

    def shake(
        minimum: str | None,
        maximum: str | None,
        ciphers: Sequence[str] | None = None,
        *,
        verify: bool = False,
    ) -> _Handshake:
        try:
            context = _context(minimum, maximum, ciphers, cafile, verify)
        except (ssl.SSLError, ValueError) as error:
            return _Handshake(False, error=f"not testable with this machine's OpenSSL: {error}")
        return _handshake(addresses, sni, timeout, context)

    protocols: list[tuple[str, bool | None, str]] = []
    for label, name in _VERSIONS:
        result = shake(name, name, None if name == "TLSv1_3" else ("ALL",))
        untestable = (
            "not testable" in result.error
            or "NO_PROTOCOLS_AVAILABLE" in result.error
            or ("UNSUPPORTED_PROTOCOL" in result.error and name in ("TLSv1", "TLSv1_1"))
        )
        protocols.append(
            (
                label,
                None if untestable and not result.ok else result.ok,
                result.version if result.ok else result.error,
            )
        )
    if not any(ok for _, ok, _ in protocols):
        if all("timed out" in d for _, ok, d in protocols if ok is False):
            raise CheckError(
                "timeout",
                f"{host}:{port} accepted the connection but did not "
                f"answer the TLS handshake within {timeout:g} s",
            )
        errors = " ".join(d for _, _, d in protocols).upper()
        if any(
            m in errors
            for m in (
                "WRONG_VERSION_NUMBER",
                "HTTP_REQUEST",
                "PACKET_LENGTH",
                "RECORD_LAYER",
                "UNEXPECTED EOF",
                "EOF OCCURRED",
            )
        ):
            raise CheckError("not_tls", f"{host}:{port} does not speak TLS ({protocols[-1][2]})")

    default = shake("TLSv1_2", None, ATS_FS_SUITES)
    no_fs = shake("TLSv1_2", None, ATS_FS_SUITES + ATS_NON_FS_SUITES)
    probes = [
        Probe(
            "Default ATS Secure Connection",
            "ATS defaults",
            default.ok,
            f"{default.version} {default.cipher}" if default.ok else default.error,
        ),
    ]
    lowest_ok: str | None = None
    for label, name in (
        ("TLSv1.3", "TLSv1_3"),
        ("TLSv1.2", "TLSv1_2"),
        ("TLSv1.1", "TLSv1_1"),
        ("TLSv1.0", "TLSv1"),
    ):
        result = shake(name, None, ATS_FS_SUITES)
        probes.append(
            Probe(
                f"NSExceptionMinimumTLSVersion {label}",
                f"NSExceptionMinimumTLSVersion = {label}",
                result.ok,
                f"{result.version} {result.cipher}" if result.ok else result.error,
            )
        )
        if result.ok:
            lowest_ok = label
    probes.append(
        Probe(
            "NSExceptionRequiresForwardSecrecy NO",
            "NSExceptionRequiresForwardSecrecy = NO",
            no_fs.ok,
            f"{no_fs.version} {no_fs.cipher}" if no_fs.ok else no_fs.error,
        )
    )
    any_tls = next((h for h in (default, no_fs, shake(None, None, ("ALL",))) if h.ok), None)
    chain = any_tls.chain if any_tls is not None else ()
    certificates = tuple(_describe(der) for der in chain)
    verified = (
        shake("TLSv1_2", None, None, verify=True)
        if any_tls is not None
        else _Handshake(False, error="no TLS handshake succeeded")
    )
    probes.append(
        Probe(
            "Allowing Arbitrary Loads (trust evaluation only)",
            "NSAllowsArbitraryLoads = YES",
            verified.ok,
            "trusted" if verified.ok else verified.error,
        )
    )
    requirements = _requirements(protocols, default, certificates, verified, sni=sni, cafile=cafile)
    passes = default.ok and all(r.ok is not False for r in requirements)
    prediction, reason, exception, cost = _predict(
        protocols, default, no_fs, lowest_ok=lowest_ok, requirements=requirements, verified=verified
    )
    return CheckReport(
        url,
        host,
        port,
        sni,
        address,
        tuple(protocols),
        tuple(probes),
        certificates,
        verified.ok,
        "trusted" if verified.ok else verified.error,
        tuple(requirements),
        passes,
        prediction,
        reason,
        exception,
        cost,
    )


def _requirements(
    protocols: Sequence[tuple[str, bool | None, str]],
    default: _Handshake,
    certificates: Sequence[Certificate],
    verified: _Handshake,
    *,
    sni: str,
    cafile: str | None,
) -> list[Requirement]:
    out = [
        Requirement(
            "default trust evaluation",
            verified.ok,
            "trusted" + (" (against --ca)" if cafile else " (system store)")
            if verified.ok
            else verified.error,
            _APPLE_ATS,
        ),
    ]
    modern = [v for v, ok, _ in protocols if ok and v in ("TLSv1.2", "TLSv1.3")]
    out.append(
        Requirement(
            "TLS 1.2 or later",
            bool(modern),
            ", ".join(modern) or "the server accepts neither TLS 1.2 nor 1.3",
            _APPLE_ATS,
        )
    )
    out.append(
        Requirement(
            "forward-secret ECDHE suite with AES (TLS 1.2) or TLS 1.3",
            default.ok,
            f"negotiated {default.version} {default.cipher}" if default.ok else default.error,
            _ARCHIVED_SUITES,
        )
    )
    if not certificates:
        return out
    leaf = certificates[0]
    strong_key = (
        (leaf.key == "RSA" and leaf.key_bits >= 2048)
        or (leaf.key == "EC" and leaf.key_bits >= 256)
        or leaf.key in ("Ed25519", "Ed448")
    )
    out.append(
        Requirement(
            "leaf key RSA >= 2048 bits or EC >= 256 bits",
            strong_key,
            f"{leaf.key} {leaf.key_bits} bits",
            _APPLE_ATS,
        )
    )
    weak = [
        c
        for c in certificates[:-1] or certificates
        if c.signature_hash not in ("sha256", "sha384", "sha512")
    ]
    out.append(
        Requirement(
            "SHA-256 or stronger signatures (leaf and intermediates)",
            not weak,
            "all SHA-2"
            if not weak
            else ", ".join(f"{c.subject}: {c.signature_hash}" for c in weak),
            _APPLE_ATS,
        )
    )
    out.append(
        Requirement(
            "the host name in the Subject Alternative Name (iOS 13)",
            any(_name_matches(n, sni) for n in leaf.names),
            ", ".join(leaf.names) or "no SAN names",
            _IOS13_RULES,
        )
    )
    before = dt.datetime.fromisoformat(leaf.not_before)
    if before >= _IOS13_CUTOFF:
        out.append(
            Requirement(
                "extended key usage serverAuth (iOS 13, issued after 2019-07-01)",
                leaf.server_auth is True,
                {True: "present", False: "EKU without serverAuth", None: "no EKU extension"}[
                    leaf.server_auth
                ],
                _IOS13_RULES,
            )
        )
        out.append(
            Requirement(
                "validity of 825 days or less (iOS 13, issued after 2019-07-01)",
                leaf.validity_days <= 825,
                f"{leaf.validity_days} days",
                _IOS13_RULES,
            )
        )
    public = verified.ok and cafile is None
    if public and before >= _398_CUTOFF:
        out.append(
            Requirement(
                "validity of 398 days or less (public roots, issued from 2020-09-01)",
                leaf.validity_days <= 398,
                f"{leaf.validity_days} days",
                _398_DAYS,
            )
        )
    if public and before >= _CT_CUTOFF:
        out.append(
            Requirement(
                "Certificate Transparency (public roots, issued after 2018-10-15)",
                True if leaf.scts else None,
                f"{leaf.scts} embedded SCTs"
                if leaf.scts
                else "no embedded SCTs (they may come in a TLS extension or OCSP: not checked)",
                _CT_POLICY,
            )
        )
    after = dt.datetime.fromisoformat(leaf.not_after)
    now = dt.datetime.now(dt.timezone.utc)
    out.append(
        Requirement(
            "certificate currently valid",
            before <= now <= after,
            f"{leaf.not_before} to {leaf.not_after}",
            _APPLE_ATS,
        )
    )
    return out


def _domain_xml(inner: str) -> str:
    return (
        "<key>NSAppTransportSecurity</key>\n<dict>\n  <key>NSExceptionDomains</key>\n"
        "  <dict>\n    <key>{host}</key>\n    <dict>\n" + inner + "    </dict>\n  </dict>\n"
        "</dict>"
    )


def _predict(
    protocols: Sequence[tuple[str, bool | None, str]],
    default: _Handshake,
    no_fs: _Handshake,
    *,
    lowest_ok: str | None,
    requirements: Sequence[Requirement],
    verified: _Handshake,
) -> tuple[str, str, str, str]:
    """(prediction, the rule it rests on, the narrowest exception, its cost)."""
    failed = {r.name: r for r in requirements if r.ok is False}
    modern = any(ok for v, ok, _ in protocols if v in ("TLSv1.2", "TLSv1.3"))
    if not modern:
        inner = (
            f"      <key>NSExceptionMinimumTLSVersion</key>\n      <string>{lowest_ok}</string>\n"
        )
        return (
            "-1200 [3:-9836]",
            "The server accepts no TLS version ATS allows; a server refusing the offered "
            "version answers with the protocol_version alert (70), which Apple's TLS code "
            "reports as -9836, inside NSURLError -1200 (atscodes' alert table; inference for "
            "the URL loading layer).",
            _domain_xml(inner) if lowest_ok else "",
            "Allows TLS versions below 1.2 for this host; needs a justification in App Store "
            "review."
            if lowest_ok
            else "No TLS version works; fix the server.",
        )
    evidence = (
        "Public logs pair this SecureTransport status with NSURLError -1202, which the "
        "system uses for any certificate error (see atscodes explain)."
    )
    if "certificate currently valid" in failed:
        return (
            "-1202 [3:-9814]",
            f"The certificate is not valid now ({failed['certificate currently valid'].evidence}"
            f"). {evidence}",
            "",
            "No ATS exception turns off this check; renew the "
            "certificate (or fix the device clock).",
        )
    san = "the host name in the Subject Alternative Name (iOS 13)"
    if san in failed:
        return (
            "-1202 [3:-9843]",
            f"The certificate does not name this host ({failed[san].evidence}). {evidence}",
            "",
            "No ATS exception turns off name checking; reissue the certificate for "
            "this name, or connect with the name it has.",
        )
    for name in (
        "leaf key RSA >= 2048 bits or EC >= 256 bits",
        "SHA-256 or stronger signatures (leaf and intermediates)",
        "extended key usage serverAuth (iOS 13, issued after 2019-07-01)",
        "validity of 825 days or less (iOS 13, issued after 2019-07-01)",
        "validity of 398 days or less (public roots, issued from 2020-09-01)",
    ):
        if name in failed:
            return (
                "-1202",
                f"The certificate breaks a platform trust rule ({name}: "
                f"{failed[name].evidence}); since iOS 11 and iOS 13 such certificates fail "
                "trust evaluation for every connection. Which SecureTransport status the "
                "device nests is not documented.",
                "",
                "No Info.plist exception helps: reissue the certificate.",
            )
    if "default trust evaluation" in failed:
        return (
            "-1202 [3:-9813]",
            f"Default trust evaluation fails ({verified.error}): the chain does not lead to a "
            f"trusted root. {evidence}",
            "",
            "No ATS exception turns off default trust evaluation; fix the chain, or for a "
            "private CA install and trust it on the device.",
        )
    if not default.ok:
        if no_fs.ok:
            return (
                "-1200 [3:-9802]",
                "No forward-secret ECDHE suite in common: the server answers with "
                "handshake_failure (40), which the URL loading system reported as -9802 "
                "(Apple Developer Forums thread 80638, iOS 11 beta).",
                _domain_xml("      <key>NSExceptionRequiresForwardSecrecy</key>\n      <false/>\n"),
                "Drops forward secrecy (and the key-length check) for this host only.",
            )
        return (
            "-1200 [3:-9802]",
            f"No ATS-acceptable handshake ({default.error}).",
            "",
            "Fix the server.",
        )
    return ("pass", "The default ATS configuration connects and every checked rule holds.", "", "")
