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

import socket
import ssl
import warnings
from collections.abc import Sequence
from typing import Any, Final
from urllib.parse import urlsplit

import attrs

from . import _ats_rules, _trust
from ._ats_rules import (
    APPLE_ATS,
    ARCHIVED_SUITES,
    ATS_FS_SUITES,
    ATS_NON_FS_SUITES,
    Certificate,
    Requirement,
)
from ._explain import explain

__all__ = ["CheckError", "CheckReport", "check"]

_VERSIONS: Final = (
    ("TLSv1.0", "TLSv1"),
    ("TLSv1.1", "TLSv1_1"),
    ("TLSv1.2", "TLSv1_2"),
    ("TLSv1.3", "TLSv1_3"),
)


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


# ---------------------------------------------------------------- the check


def check(
    url: str,
    *,
    servername: str | None = None,
    cafile: str | None = None,
    timeout: float = 10.0,
    trust_store: str = "apple",
) -> CheckReport:
    """Test *url*'s server against ATS; raise :class:`CheckError` when it cannot be reached."""
    host, port, sni = _target(url, servername)
    anchors: list[bytes] = []
    if cafile:
        with open(cafile, "rb") as handle:
            anchors = _trust.read_certificates(handle.read())
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
    evaluation = _ats_rules.evaluate_chain(
        chain, sni, trust_store=trust_store, extra_anchors=anchors
    )
    certificates = evaluation.certificates
    probes.append(
        Probe(
            "Allowing Arbitrary Loads (trust evaluation only)",
            "NSAllowsArbitraryLoads = YES",
            evaluation.trusted,
            evaluation.trust_detail,
        )
    )
    modern = [v for v, ok, _ in protocols if ok and v in ("TLSv1.2", "TLSv1.3")]
    requirements = [
        *evaluation.requirements[:1],
        Requirement(
            "TLS 1.2 or later",
            bool(modern),
            ", ".join(modern) or "the server accepts neither TLS 1.2 nor 1.3",
            APPLE_ATS,
            "tls_version",
        ),
        Requirement(
            "forward-secret ECDHE suite with AES (TLS 1.2) or TLS 1.3",
            default.ok,
            f"negotiated {default.version} {default.cipher}" if default.ok else default.error,
            ARCHIVED_SUITES,
            "cipher_suite",
        ),
        *evaluation.requirements[1:],
    ]
    passes = default.ok and all(r.ok is not False for r in requirements)
    prediction, reason, exception, cost = _predict(
        protocols, default, no_fs, lowest_ok=lowest_ok, requirements=requirements
    )
    verified = _Handshake(evaluation.trusted, error=evaluation.trust_detail)
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
        verified.error,
        tuple(requirements),
        passes,
        prediction,
        reason,
        exception,
        cost,
    )


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
) -> tuple[str, str, str, str]:
    """(prediction, the rule it rests on, the narrowest exception, its cost)."""
    failed = {r.rule: r for r in requirements if r.ok is False}
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
    if "expired" in failed or "not_yet_valid" in failed:
        rule = "expired" if "expired" in failed else "not_yet_valid"
        return (
            "-1202 [3:-9814]" if rule == "expired" else "-1202 [3:-9815]",
            f"The certificate is not valid now ({failed[rule].evidence}). {evidence}",
            "",
            "No ATS exception turns off this check; renew the "
            "certificate (or fix the device clock).",
        )
    san = "host_name"
    if san in failed:
        return (
            "-1202 [3:-9843]",
            f"The certificate does not name this host ({failed[san].evidence}). {evidence}",
            "",
            "No ATS exception turns off name checking; reissue the certificate for "
            "this name, or connect with the name it has.",
        )
    for name in (
        "certificate_parse",
        "key_size",
        "signature_hash",
        "server_auth_eku",
        "validity_period",
    ):
        if name in failed:
            return (
                "-1202",
                f"The certificate breaks a platform trust rule ({failed[name].name}: "
                f"{failed[name].evidence}); since iOS 11 and iOS 13 such certificates fail "
                "trust evaluation for every connection. Which SecureTransport status the "
                "device nests is not documented.",
                "",
                "No Info.plist exception helps: reissue the certificate.",
            )
    if "trust" in failed:
        return (
            "-1202 [3:-9813]",
            f"Default trust evaluation fails ({failed['trust'].evidence}): the chain does not "
            "lead to a "
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
