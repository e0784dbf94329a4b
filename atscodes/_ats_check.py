"""``atscodes ats check URL``: test a live server against App Transport Security, from any machine.

Connects with Python's :mod:`ssl` through memory BIOs (so that every connection
has one deadline and the raw records the server sends can be read: alerts,
a TLS 1.2 CertificateRequest, a close or reset before ServerHello), probes the
TLS versions and the cipher suites ATS accepts, all at once, and hands the
chain to :mod:`atscodes._ats_rules`, which applies Apple's trust and ATS rules
offline against Apple's root store.  Needs the ``check`` extra.

What a device would report for a given failure is a *prediction*: each one says
what it rests on, on which OS that was seen, and the alternatives where the
evidence disagrees.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import socket
import ssl
import struct
import threading
import time
import urllib.request
import warnings
from collections.abc import Sequence
from typing import Any, Final
from urllib.parse import urlsplit

import attrs
from cryptography.hazmat.primitives.serialization import pkcs7

from . import _ats_rules, _trust
from ._alerts import TLSAlert
from ._ats_rules import (
    APPLE_ATS,
    ARCHIVED_SUITES,
    ATS_FS_SUITES,
    ATS_NON_FS_SUITES,
    Certificate,
    Requirement,
    Risk,
)
from ._explain import explain
from ._knowledge_types import Source
from ._translate import AlertMapping, Layer, alert_mappings

__all__ = ["Alternative", "CheckError", "CheckReport", "check"]

_VERSIONS: Final = (
    ("TLSv1.0", "TLSv1"),
    ("TLSv1.1", "TLSv1_1"),
    ("TLSv1.2", "TLSv1_2"),
    ("TLSv1.3", "TLSv1_3"),
)
_MAX_RECEIVE: Final = 512 * 1024  # a server sending more than this during a handshake is cut off
_MAX_AIA: Final = 64 * 1024

CORETLS_VERSION: Final = Source(
    "coreTLS-167 lib/sslHandshakeHello.c, sslVerifyProtVersion (a ServerHello version below "
    "the client's minimum returns errSSLNegotiation, -9801)",
    "https://github.com/apple-oss-distributions/coreTLS/blob/coreTLS-167/lib/sslHandshakeHello.c",
)
IOS9_9824: Final = Source(
    "apptentive/apptentive-ios issue 152 (iOS 9 ATS, server without TLS 1.2 -> -9824)",
    "https://github.com/apptentive/apptentive-ios/issues/152",
)
FORUMS_80638_TABLE: Final = Source(
    "Apple Developer Forums thread 80638, a poster's per-alert experiment (iOS 11 beta)",
    "https://developer.apple.com/forums/thread/80638",
)
CORETLS_ALERTS: Final = Source(
    "coreTLS-167 lib/sslAlertMessage.c, SSLProcessAlert",
    "https://github.com/apple-oss-distributions/coreTLS/blob/coreTLS-167/lib/sslAlertMessage.c",
)
URL_ERROR_H: Final = Source(
    "NSURLError.h (macOS 14.2 SDK): NSURLErrorClientCertificateRequired -1206, "
    "NSURLErrorClientCertificateRejected -1205",
    "https://github.com/hexops/xcode-frameworks/blob/8a1cfb373587/Frameworks/Foundation.framework/"
    "Headers/NSURLError.h",
)
SECBASE_CLOSED: Final = Source(
    "SecBase.h (Security-61901.0.87.0.1): errSSLClosedAbort -9806, connection closed via error",
    "https://github.com/apple-oss-distributions/Security/blob/Security-61901.0.87.0.1/base/SecBase.h",
)
ATS_TRUST_AIA: Final = Source(
    "Security-61901.0.87.0.1 trust/trustd/SecTrustServer.c (kSecCAIssuerSource is a parent "
    "source when the path builder may use the network) and SecCertificateSource.c "
    "(SecCAIssuerCertificateSourceCopyParents; no fetch for an expired certificate)",
    "https://github.com/apple-oss-distributions/Security/blob/Security-61901.0.87.0.1/"
    "trust/trustd/SecTrustServer.c",
)


class CheckError(Exception):
    """The server could not be tested: ``kind`` is dns, refused, timeout, not_tls or network."""

    EXIT_CODES: Final = {"dns": 3, "refused": 4, "timeout": 5, "not_tls": 6, "network": 7}

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.exit_code = self.EXIT_CODES[kind]

    def to_json(self) -> dict[str, Any]:
        return {"error": {"kind": self.kind, "message": str(self)}, "exit_code": self.exit_code}


@attrs.frozen
class Probe:
    """One connection attempt, named like the sections of ``nscurl --ats-diagnostics``."""

    name: str
    settings: str
    ok: bool
    detail: str
    outcome: str = ""


@attrs.frozen
class Alternative:
    """Another code the evidence allows, what it rests on and where it was seen."""

    code: str
    reason: str
    seen_on: str
    source: str = ""


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
    prediction_basis: str = ""
    prediction_seen_on: str = ""
    alternatives: tuple[Alternative, ...] = ()
    trust_store: dict[str, Any] = attrs.field(factory=dict)
    ats_applies: bool = True
    ats_exemption: str = ""
    client_certificate: str = ""
    handshake_failure: str = ""
    aia_urls: tuple[str, ...] = ()
    fetched_intermediates: tuple[str, ...] = ()
    risks: tuple[Risk, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = attrs.asdict(self, recurse=True)
        data["protocols"] = [
            {"version": v, "accepted": ok, "detail": d} for v, ok, d in self.protocols
        ]
        for requirement in data["requirements"]:
            requirement["source"] = requirement["source"]["url"]
        for risk in data["risks"]:
            risk["sources"] = [s["url"] for s in risk["sources"]]
        data["explanation"] = (
            explain(self.prediction).to_json() if self.prediction.startswith("-") else None
        )
        return data


# ---------------------------------------------------------------- connecting


def _target(url: str, servername: str | None) -> tuple[str, int, str]:
    given = url
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"not an https URL or host: '{_ats_rules.escape(given)}'")
    if any(char.isspace() or not char.isprintable() for char in parts.hostname):
        # (a space or a control character in a host name is a typing or pasting slip:
        #   a usage error here, not a failed DNS look-up)
        raise ValueError(f"not a host name: '{_ats_rules.escape(parts.hostname)}'")
    try:
        port = parts.port if parts.port is not None else 443
    except ValueError:
        raise ValueError(f"bad port in {_ats_rules.escape(url)} (1 to 65535)") from None
    if not 1 <= port <= 65535:
        raise ValueError(f"bad port in {_ats_rules.escape(url)} (1 to 65535)")
    return parts.hostname, port, servername or parts.hostname


def _resolve(host: str, port: int) -> list[tuple[Any, ...]]:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise CheckError("dns", f"cannot resolve {host}: {error.strerror}") from None
    except UnicodeError:
        raise CheckError("dns", f"cannot resolve {_ats_rules.escape(host)}: bad name") from None


def _resolve_within(host: str, port: int, timeout: float) -> list[tuple[Any, ...]]:
    """:func:`_resolve`, but a resolver that does not answer within *timeout* is a DNS failure."""
    answer: list[list[tuple[Any, ...]] | CheckError] = []

    def resolve() -> None:
        try:
            answer.append(_resolve(host, port))
        except CheckError as error:
            answer.append(error)

    # a daemon thread: a resolver that never answers must not keep the process alive
    thread = threading.Thread(target=resolve, daemon=True)
    thread.start()
    thread.join(timeout)
    if not answer:
        raise CheckError(
            "dns", f"cannot resolve {_ats_rules.escape(host)}: no answer within {timeout:g} s"
        )
    if isinstance(answer[0], CheckError):
        raise answer[0]
    return answer[0]


def _connect(addresses: list[tuple[Any, ...]], deadline: float) -> socket.socket:
    """A connected socket, or CheckError (timeout = no answer; refused; network)."""
    last: OSError | None = None
    for family, kind, proto, _, address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        sock = socket.socket(family, kind, proto)
        sock.settimeout(remaining)
        try:
            sock.connect(address)
        except (TimeoutError, socket.timeout):
            sock.close()
            raise CheckError("timeout", f"no answer from {address[0]} (TCP connect)") from None
        except OSError as error:
            sock.close()
            last = error
            continue
        return sock
    if isinstance(last, ConnectionRefusedError):
        raise CheckError("refused", "connection refused (nothing listens on that port)")
    if last is None:
        raise CheckError("timeout", "no answer (TCP connect)")
    raise CheckError("network", f"cannot connect: {last}")


def _context(
    minimum: str | None,
    maximum: str | None,
    ciphers: Sequence[str] | None,
    client_cert: str | None = None,
) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # Trust is evaluated offline by _ats_rules against Apple's roots; the probes only
    # collect what the server does.
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
    context.set_ciphers((":".join(ciphers) if ciphers else "ALL") + ":@SECLEVEL=0")
    if client_cert:
        context.load_cert_chain(client_cert)
    return context


@attrs.frozen
class _Records:
    """What the server's plaintext records said (TLS 1.2 handshakes are readable)."""

    tls: bool = True
    server_hello: bool = False
    certificate_request: bool = False
    alert: int | None = None
    chain: tuple[bytes, ...] = ()
    first_bytes: bytes = b""


def _read_records(data: bytes) -> _Records:
    """Parse the server's records up to the first encrypted one."""
    if not data:
        return _Records()
    if data[0] not in (20, 21, 22, 23) or (len(data) > 1 and data[1] != 3):
        return _Records(tls=False, first_bytes=data[:80])
    offset = 0
    server_hello = certificate_request = False
    alert: int | None = None
    chain: list[bytes] = []
    handshake = bytearray()
    while offset + 5 <= len(data):
        kind, _, length = struct.unpack_from("!BHH", data, offset)
        body = data[offset + 5 : offset + 5 + length]
        offset += 5 + length
        if kind == 21 and len(body) == 2 and alert is None:
            alert = body[1]
        elif kind == 22:
            handshake += body
        elif kind in (20, 23):
            break  # ChangeCipherSpec (TLS 1.2) or encrypted records: nothing more in the clear
    position = 0
    while position + 4 <= len(handshake):
        message, size = (
            handshake[position],
            int.from_bytes(handshake[position + 1 : position + 4], "big"),
        )
        payload = bytes(handshake[position + 4 : position + 4 + size])
        position += 4 + size
        if message == 2:
            server_hello = True
        elif message == 13:
            certificate_request = True
        elif message == 11 and len(payload) >= 3:
            at = 3
            while at + 3 <= len(payload):
                n = int.from_bytes(payload[at : at + 3], "big")
                chain.append(payload[at + 3 : at + 3 + n])
                at += 3 + n
    return _Records(True, server_hello, certificate_request, alert, tuple(chain))


@attrs.frozen
class _Handshake:
    ok: bool
    version: str = ""
    cipher: str = ""
    chain: tuple[bytes, ...] = ()
    error: str = ""
    # ok, tls_error, alert, closed, reset, timeout, refused, network, untestable, not_tls
    outcome: str = "ok"
    alert: int | None = None
    before_server_hello: bool = False
    certificate_request: bool = False
    post_alert: int | None = None
    post_closed: bool = False
    first_bytes: bytes = b""


def _alert_from_reason(reason: str) -> int | None:
    upper = reason.upper()
    for prefix in ("SSLV3_ALERT_", "TLSV1_ALERT_", "TLSV13_ALERT_", "TLSV1_"):
        if upper.startswith(prefix):
            name = upper[len(prefix) :].lower()
            for member in TLSAlert:
                if member.name.lower().replace("_reserved", "") == name:
                    return int(member)
    return None


def _chain_of(tls: ssl.SSLObject) -> tuple[bytes, ...]:
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


def _handshake(  # noqa: PLR0915 - one loop with every way a handshake ends
    addresses: list[tuple[Any, ...]],
    servername: str,
    timeout: float,
    context: ssl.SSLContext,
    *,
    after: bool = False,
) -> _Handshake:
    """One TLS handshake with one deadline; *after*: also see what the server does next."""
    deadline = time.monotonic() + timeout
    try:
        sock = _connect(addresses, deadline)
    except CheckError as error:
        return _Handshake(False, error=str(error), outcome=error.kind)
    requested: list[bool] = []

    def seen(
        _conn: object, direction: str, _v: object, kind: int, message: int, _d: object
    ) -> None:
        # CertificateRequest (13) in a handshake record (22), also when TLS 1.3 encrypts it
        if direction == "read" and kind == 22 and message == 13:
            requested.append(True)

    # SSLContext._msg_callback (CPython 3.8+, private but stable): OpenSSL's message
    # callback, the only way to see a TLS 1.3 CertificateRequest from Python.
    if hasattr(context, "_msg_callback"):
        setattr(context, "_msg_callback", seen)  # noqa: B010
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    sni = None if _ats_rules.ats_exemption(servername).startswith("an IP") else servername
    tls = context.wrap_bio(incoming, outgoing, server_hostname=sni)
    received = bytearray()

    def flush() -> None:
        data = outgoing.read()
        if data:
            sock.settimeout(max(deadline - time.monotonic(), 0.001))
            sock.sendall(data)

    def pull() -> bytes:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        sock.settimeout(remaining)
        data = sock.recv(65536)
        if len(received) < _MAX_RECEIVE:
            received.extend(data[: _MAX_RECEIVE - len(received)])
        if data:
            incoming.write(data)
        else:
            incoming.write_eof()
        return data

    def failed(outcome: str, error: str, alert: int | None = None) -> _Handshake:
        records = _read_records(bytes(received))
        if not records.tls:
            return _Handshake(
                False, error="not TLS", outcome="not_tls", first_bytes=records.first_bytes
            )
        if alert is None:
            alert = records.alert
        if outcome == "tls_error" and alert is not None:
            outcome = "alert"
        return _Handshake(
            False,
            chain=records.chain,
            error=error,
            outcome=outcome,
            alert=alert,
            before_server_hello=not records.server_hello,
            certificate_request=records.certificate_request or bool(requested),
        )

    try:
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                flush()
                if not pull() and not incoming.pending:
                    # the server closed: let OpenSSL see the EOF once
                    try:
                        tls.do_handshake()
                        break
                    except ssl.SSLError:
                        return failed("closed", "the server closed the connection")
        flush()
        records = _read_records(bytes(received))
        cipher = tls.cipher()
        result = _Handshake(
            True,
            tls.version() or "",
            cipher[0] if cipher else "",
            _chain_of(tls) or records.chain,
            certificate_request=records.certificate_request or bool(requested),
        )
        if after:
            result = _after_handshake(tls, result, flush, pull, servername)
        return result
    except ssl.SSLError as error:
        reason = error.reason or str(error)
        with contextlib.suppress(OSError):
            flush()
        if "UNEXPECTED_EOF" in reason.upper() or "EOF" in str(error).upper():
            return failed("closed", "the server closed the connection")
        return failed("tls_error", reason, _alert_from_reason(reason))
    except (TimeoutError, socket.timeout):
        return failed("timeout", f"no answer within {timeout:g} s")
    except ConnectionResetError:
        return failed("reset", "the server reset the connection")
    except OSError as error:
        return failed("network", str(error) or type(error).__name__)
    finally:
        sock.close()


def _after_handshake(
    tls: ssl.SSLObject, result: _Handshake, flush: Any, pull: Any, servername: str
) -> _Handshake:
    """Send a request and see whether the server answers, alerts or closes.

    In TLS 1.3 the client finishes its handshake before the server has read the
    client's (possibly empty) Certificate, so a server that requires one answers
    only now: with an alert (certificate_required) or by closing.
    """
    request = f"HEAD / HTTP/1.1\r\nHost: {servername}\r\nConnection: close\r\n\r\n"
    try:
        tls.write(request.encode("ascii", "replace"))
        flush()
        while True:
            try:
                if tls.read(4096):
                    return result
            except ssl.SSLWantReadError:
                flush()
                if not pull():
                    with_eof = tls.pending()
                    if not with_eof:
                        return attrs.evolve(result, post_closed=True)
            except ssl.SSLZeroReturnError:
                return attrs.evolve(result, post_closed=True)
    except ssl.SSLError as error:
        alert = _alert_from_reason(error.reason or "")
        if alert is not None:
            return attrs.evolve(result, post_alert=alert)
        return attrs.evolve(result, post_closed=True)
    except (TimeoutError, socket.timeout):
        return result  # no answer to the request: nothing learned
    except OSError:
        return attrs.evolve(result, post_closed=True)


def _fetch(url: str, timeout: float) -> tuple[bytes | None, str]:
    """GET *url*; the whole exchange within *timeout* (a trickling server is cut off)."""
    if not url.lower().startswith(("http://", "https://")):
        return None, f"not an http URL: {_ats_rules.escape(url)}"
    answer: list[bytes | Exception] = []

    def get() -> None:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                answer.append(response.read(_MAX_AIA + 1))
        except Exception as error:  # URLError, HTTPError, timeouts, bad responses
            answer.append(error)

    thread = threading.Thread(target=get, daemon=True)
    thread.start()
    thread.join(timeout)
    if not answer:
        return None, f"no answer from {_ats_rules.escape(url)} within {timeout:g} s"
    data = answer[0]
    if isinstance(data, Exception):
        return None, f"cannot fetch {_ats_rules.escape(url)}: {_ats_rules.escape(str(data))}"
    if len(data) > _MAX_AIA:
        return None, f"{_ats_rules.escape(url)} sent more than {_MAX_AIA} bytes"
    return data, ""


def _fetch_all(urls: Sequence[str], timeout: float) -> tuple[list[bytes], list[str]]:
    """The certificates at *urls* (AIA caIssuers), and a note per URL; one shared timeout."""
    fetched: list[bytes] = []
    notes: list[str] = []
    deadline = time.monotonic() + timeout  # so that the check still ends in bounded time
    for url in urls[:4]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            notes.append(f"no time left to fetch {_ats_rules.escape(url)}")
            continue
        data, problem = _fetch(url, remaining)
        if data is None:
            notes.append(problem)
            continue
        ders = _der_from_aia(data)
        fetched.extend(ders)
        notes.append(
            f"fetched {_ats_rules.escape(url)}: {len(ders)} certificate(s)"
            if ders
            else f"{_ats_rules.escape(url)} held no certificate"
        )
    return fetched, notes


def _der_from_aia(data: bytes) -> list[bytes]:
    try:
        return _trust.read_certificates(data)
    except ValueError:
        pass
    try:
        return [_trust.der(c) for c in pkcs7.load_der_pkcs7_certificates(data)]
    except Exception:  # not PKCS#7 either
        return []


# ---------------------------------------------------------------- the check


def check(
    url: str,
    *,
    servername: str | None = None,
    cafile: str | None = None,
    timeout: float = 10.0,
    trust_store: str = "apple",
    client_cert: str | None = None,
    fetch_intermediates: bool = False,
) -> CheckReport:
    """Test *url*'s server against ATS; raise :class:`CheckError` when it cannot be reached.

    Every connection has its own *timeout*; the probes run at the same time, so
    the whole check takes about one *timeout* against a silent server (two with
    ``fetch_intermediates``).  ``ValueError`` for bad arguments, before any probe.
    """
    host, port, sni = _target(url, servername)
    anchors: list[bytes] = []
    if cafile:
        with open(cafile, "rb") as handle:
            anchors = _trust.read_certificates(handle.read())
    store = _trust.load_store("system" if trust_store == "system" else "apple")
    addresses = _resolve_within(host, port, timeout)
    first = _connect(addresses, time.monotonic() + timeout)
    address = first.getpeername()[0]
    first.close()
    addresses = [a for a in addresses if a[4][0] == address] or addresses

    plans: dict[str, tuple[str | None, str | None, Sequence[str] | None, str | None, bool]] = {}
    for label, name in _VERSIONS:
        plans[f"version {label}"] = (
            name,
            name,
            None if name == "TLSv1_3" else ("ALL",),
            None,
            False,
        )
    plans["default"] = ("TLSv1_2", None, ATS_FS_SUITES, None, True)
    plans["no_fs"] = ("TLSv1_2", None, ATS_FS_SUITES + ATS_NON_FS_SUITES, None, False)
    for label, name in (
        ("TLSv1.3", "TLSv1_3"),
        ("TLSv1.2", "TLSv1_2"),
        ("TLSv1.1", "TLSv1_1"),
        ("TLSv1.0", "TLSv1"),
    ):
        plans[f"min {label}"] = (name, None, ATS_FS_SUITES, None, False)
    plans["any"] = (None, None, ("ALL",), None, False)
    if client_cert:
        plans["client"] = ("TLSv1_2", None, ATS_FS_SUITES, client_cert, True)

    def run(
        plan: tuple[str | None, str | None, Sequence[str] | None, str | None, bool],
        limit: float = timeout,
    ) -> _Handshake:
        minimum, maximum, ciphers, cert, after = plan
        try:
            context = _context(minimum, maximum, ciphers, cert)
        except (ssl.SSLError, ValueError) as error:
            return _Handshake(
                False,
                error=f"not testable with this machine's OpenSSL: {error}",
                outcome="untestable",
            )
        return _handshake(addresses, sni, limit, context, after=after)

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=len(plans))
    try:
        futures = {key: pool.submit(run, plan) for key, plan in plans.items()}
        results = {key: future.result() for key, future in futures.items()}
    finally:
        pool.shutdown(wait=False)
    if any(result.ok or result.outcome == "alert" for result in results.values()):
        # The server answers TLS, but not every connection at once (a server that serves one
        #   at a time, a rate limit): a probe without an answer is tried again alone, so
        #   that it is not reported as a refusal beside the same handshake accepted.  All
        #   the retries share one more timeout, so that the check still ends in two.
        deadline = time.monotonic() + timeout
        for key, result in list(results.items()):
            left = deadline - time.monotonic()
            if result.outcome == "timeout" and left > 0.05:
                retried = run(plans[key], left)
                if retried.outcome != "timeout":
                    results[key] = retried
    return _report(
        url,
        host,
        port,
        sni,
        address,
        results,
        anchors,
        store,
        timeout,
        fetch_intermediates=fetch_intermediates,
        client_cert=client_cert,
    )


def _untestable(result: _Handshake, name: str) -> bool:
    return (
        result.outcome == "untestable"
        or "NO_PROTOCOLS_AVAILABLE" in result.error
        or ("UNSUPPORTED_PROTOCOL" in result.error and name in ("TLSv1", "TLSv1_1"))
    )


def _describe_failure(result: _Handshake) -> str:
    if result.outcome == "alert" and result.alert is not None:
        where = "before ServerHello" if result.before_server_hello else "during the handshake"
        return f"the server sent the {_alert_name(result.alert)} alert {where}"
    if result.outcome == "closed":
        where = (
            "right after the ClientHello" if result.before_server_hello else "during the handshake"
        )
        return f"the server closed the connection {where}"
    if result.outcome == "reset":
        where = (
            "right after the ClientHello" if result.before_server_hello else "during the handshake"
        )
        return f"the server reset the connection {where}"
    if result.outcome == "timeout":
        return "no answer"
    return _ats_rules.escape(result.error)


def _peer_failed_after_server_hello(result: _Handshake) -> bool:
    """The server sent a ServerHello (version and suite chosen), then refused or hung up."""
    return (
        not result.ok
        and not result.before_server_hello
        and result.outcome in ("alert", "closed", "reset")  # the peer's doing, not ours
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _alert_name(alert: int) -> str:
    member = TLSAlert.get(alert)
    return f"{member.name} ({alert})" if member is not None else f"unknown alert ({alert})"


def _report(
    url: str,
    host: str,
    port: int,
    sni: str,
    address: str,
    results: dict[str, _Handshake],
    anchors: list[bytes],
    store: _trust.TrustStore,
    timeout: float,
    *,
    fetch_intermediates: bool,
    client_cert: str | None,
) -> CheckReport:
    protocols: list[tuple[str, bool | None, str]] = []
    for label, name in _VERSIONS:
        result = results[f"version {label}"]
        # The server answered with a ServerHello for this version and only then failed
        # (a client-certificate refusal, say): the version itself is accepted.
        later = _peer_failed_after_server_hello(result)
        if result.ok:
            entry: tuple[str, bool | None, str] = (label, True, result.version)
        elif later:
            entry = (label, True, f"ServerHello, then {_describe_failure(result)}")
        elif _untestable(result, name) or result.outcome == "timeout":
            entry = (label, None, _describe_failure(result))  # not testable, or "no answer"
        else:
            entry = (label, False, _describe_failure(result))
        protocols.append(entry)
    everything = list(results.values())
    if not any(r.ok for r in everything):
        if any(r.outcome == "not_tls" for r in everything):
            first = next(r.first_bytes for r in everything if r.outcome == "not_tls")
            raise CheckError(
                "not_tls",
                f"{host}:{port} does not speak TLS (it answered {_ats_rules.escape_bytes(first)})",
            )
        tested = [r for r in everything if r.outcome != "untestable"]
        if tested and all(r.outcome == "timeout" for r in tested):
            raise CheckError(
                "timeout",
                f"{host}:{port} accepted the connection but gave no answer to the TLS "
                f"handshake within {timeout:g} s",
            )
        if tested and all(r.outcome == "refused" for r in tested):
            raise CheckError("refused", "connection refused (nothing listens on that port)")

    default, no_fs = results["default"], results["no_fs"]
    probes = [
        Probe(
            "Default ATS Secure Connection",
            "ATS defaults",
            default.ok,
            f"{default.version} {default.cipher}" if default.ok else _describe_failure(default),
            default.outcome,
        ),
    ]
    lowest_ok: str | None = None
    for label in ("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1.0"):
        result = results[f"min {label}"]
        probes.append(
            Probe(
                f"NSExceptionMinimumTLSVersion {label}",
                f"NSExceptionMinimumTLSVersion = {label}",
                result.ok,
                f"{result.version} {result.cipher}" if result.ok else _describe_failure(result),
                result.outcome,
            )
        )
        if result.ok:
            lowest_ok = label
    probes.append(
        Probe(
            "NSExceptionRequiresForwardSecrecy NO",
            "NSExceptionRequiresForwardSecrecy = NO",
            no_fs.ok,
            f"{no_fs.version} {no_fs.cipher}" if no_fs.ok else _describe_failure(no_fs),
            no_fs.outcome,
        )
    )
    source = next((h for h in (default, no_fs, results["any"], *everything) if h.chain), None)
    chain = source.chain if source is not None else ()
    evaluation = _ats_rules.evaluate_chain(chain, sni, trust_store=store, extra_anchors=anchors)
    fetched_notes: list[str] = []
    if evaluation.aia_urls and fetch_intermediates:
        fetched, fetched_notes = _fetch_all(evaluation.aia_urls, timeout)
        if fetched:
            evaluation = _ats_rules.evaluate_chain(
                chain, sni, trust_store=store, extra_anchors=anchors, fetched=fetched
            )
    probes.append(
        Probe(
            "Allowing Arbitrary Loads (trust evaluation only)",
            "NSAllowsArbitraryLoads = YES",
            evaluation.trusted,
            evaluation.trust_detail,
        )
    )
    exempt = _ats_rules.ats_exemption(host)
    modern = [v for v, ok, _ in protocols if ok and v in ("TLSv1.2", "TLSv1.3")]
    requirements = [
        *evaluation.requirements[:1],
        Requirement(
            "TLS 1.2 or later",
            bool(modern) or (None if exempt else False),
            (", ".join(modern) or "the server accepts neither TLS 1.2 nor 1.3")
            + (f" (does not apply: {exempt})" if exempt and not modern else ""),
            APPLE_ATS,
            "tls_version",
        ),
        Requirement(
            "forward-secret ECDHE suite with AES (TLS 1.2) or TLS 1.3",
            default.ok or (None if exempt or _peer_failed_after_server_hello(default) else False),
            (
                f"negotiated {default.version} {default.cipher}"
                if default.ok
                else "undecided: the server chose a suite (ServerHello), then "
                + _describe_failure(default)
                if _peer_failed_after_server_hello(default)
                else _describe_failure(default)
            )
            + (f" (does not apply: {exempt})" if exempt and not default.ok else ""),
            ARCHIVED_SUITES,
            "cipher_suite",
        ),
        *evaluation.requirements[1:],
    ]
    client, client_verdict = _client_certificate(default, results.get("client"), client_cert)
    if client:
        requirements.append(
            Requirement(
                "no client certificate requested",
                False,
                client,
                URL_ERROR_H,
                "client_certificate",
            )
        )
    prediction = _predict(
        protocols,
        results,
        lowest_ok=lowest_ok,
        requirements=requirements,
        evaluation=evaluation,
        exempt=exempt,
        client=client,
        client_verdict=client_verdict,
    )
    code = prediction[0]
    passes = code in ("pass", _CONDITIONAL)
    return CheckReport(
        url,
        host,
        port,
        sni,
        address,
        tuple(protocols),
        tuple(probes),
        evaluation.certificates,
        evaluation.trusted,
        evaluation.trust_detail,
        tuple(requirements),
        passes,
        code,
        prediction[1],
        prediction[2],
        prediction[3],
        prediction[4],
        prediction[5],
        prediction[6],
        store.to_json(),
        not exempt,
        exempt,
        client,
        _describe_failure(default) if not default.ok else "",
        evaluation.aia_urls,
        tuple(fetched_notes),
        evaluation.risks,
    )


_CONDITIONAL: Final = "passes if the device can reach that URL"
_CLIENT_OPTIONAL: Final = "passes if the app lets the client-certificate challenge pass"


def _client_certificate(
    default: _Handshake, with_cert: _Handshake | None, client_cert: str | None
) -> tuple[str, str]:
    """(what the server did about client certificates, verdict): "" if it asked for none.

    The verdict is ``refused`` (the empty certificate was refused), ``accepted``
    (the server went on without one) or ``rejected`` (it refused --client-cert too).
    """
    if not default.certificate_request:
        return "", ""
    text = "the server sent a CertificateRequest"
    if not default.ok:
        verdict = "refused"
        text += f"; after the empty client Certificate {_describe_failure(default)}"
    elif default.post_alert is not None:
        verdict = "refused"
        text += (
            f" ({default.version}); after the handshake it sent the "
            f"{_alert_name(default.post_alert)} alert in answer to the empty client Certificate"
        )
    elif default.post_closed:
        verdict = "refused"
        text += (
            f" ({default.version}); after the empty client Certificate it closed the "
            "connection without answering a request (taken as a refusal: inference)"
        )
    else:
        verdict = "accepted"
        text += f" ({default.version}) but answered without one"
    if client_cert and with_cert is not None:
        accepted = with_cert.ok and with_cert.post_alert is None and not with_cert.post_closed
        if accepted:
            text += "; with --client-cert the server accepted the handshake and answered"
        else:
            verdict = "rejected"
            text += (
                "; with --client-cert it still refused ("
                + (
                    _describe_failure(with_cert)
                    if not with_cert.ok
                    else "alert or close after the handshake"
                )
                + ")"
            )
    return text, verdict


def _predict_alert(sample: _Handshake) -> _Prediction:
    """The server answered with an alert: atscodes' alert table, URL loading view first."""
    alert = sample.alert if sample.alert is not None else 0
    rows = [*alert_mappings(alert, Layer.URL_LOADING), *alert_mappings(alert, Layer.CFSTREAM)]
    if not rows:
        return (
            "-1200",
            f"{_sentence(_describe_failure(sample))}; atscodes knows no status Apple's TLS "
            "code reports for it.",
            "",
            "Fix the server: it refuses the ClientHello an Apple device sends.",
            "no mapping row",
            "",
            (),
        )

    def code(row: AlertMapping) -> str:
        if row.status is None:
            return "-1200"
        if row.layer is Layer.URL_LOADING:
            return f"-1200 [3:{int(row.status)}]"
        return str(int(row.status))

    first, *others = rows
    seen = {code(first)}
    alternatives = []
    for row in others:
        if code(row) in seen:
            continue
        seen.add(code(row))
        alternatives.append(
            Alternative(
                code(row),
                f"{row.layer.value} reports it so ({row.basis.value})",
                row.os or "read in the code",
                row.source,
            )
        )
    status = f"{int(first.status)} ({first.status.name})" if first.status else "no status"
    return (
        code(first),
        f"{_sentence(_describe_failure(sample))}; the {first.layer.value} layer reports a "
        f"received {_alert_name(alert)} as {status}.",
        "",
        "Fix the server: it refuses the ClientHello an Apple device sends.",
        f"{first.source} ({first.basis.value})",
        first.os or "read in the code",
        tuple(alternatives),
    )


def _predict_client(client: str, verdict: str) -> _Prediction:
    cost = (
        "No ATS exception helps: the app must answer the client-certificate challenge "
        "(NSURLAuthenticationMethodClientCertificate) with an identity the server accepts, "
        "or the server must stop asking for one."
    )
    basis = (
        URL_ERROR_H.title + "; which code the device reports is inference from the error "
        "names (no public log read by atscodes shows this setup)"
    )
    if verdict == "accepted":
        return (
            _CLIENT_OPTIONAL,
            f"The server asks for a client certificate but goes on without one ({client}); "
            "URLSession hands the app a client-certificate challenge, and the load continues "
            "if the app lets it pass without a credential.",
            "",
            cost,
            basis,
            "",
            (
                Alternative(
                    "-1206",
                    "the app cancels the challenge (inference from the error name)",
                    "not observed",
                ),
            ),
        )
    rejected = verdict == "rejected"
    return (
        "-1205" if rejected else "-1206",
        (
            "The server rejected the client certificate given with --client-cert"
            if rejected
            else "The server requires a client certificate; an app without a client identity "
            "gets NSURLErrorClientCertificateRequired"
        )
        + f" ({client}).",
        "",
        cost,
        basis,
        "not observed in a public log by atscodes",
        (
            Alternative(
                "-1200 [3:-9802]" if not rejected else "-1206",
                "the alert after the empty Certificate may surface as a TLS failure "
                "instead (inference)",
                "not observed",
            ),
        ),
    )


def _domain_xml(inner: str) -> str:
    return (
        "<key>NSAppTransportSecurity</key>\n<dict>\n  <key>NSExceptionDomains</key>\n"
        "  <dict>\n    <key>{host}</key>\n    <dict>\n" + inner + "    </dict>\n  </dict>\n"
        "</dict>"
    )


_Prediction = tuple[str, str, str, str, str, str, tuple[Alternative, ...]]


def _predict(
    protocols: Sequence[tuple[str, bool | None, str]],
    results: dict[str, _Handshake],
    *,
    lowest_ok: str | None,
    requirements: Sequence[Requirement],
    evaluation: _ats_rules.ChainEvaluation,
    exempt: str,
    client: str,
    client_verdict: str,
) -> _Prediction:
    """(code, reason, exception, its cost, basis, seen on, alternatives)."""
    default, no_fs = results["default"], results["no_fs"]
    failed = {r.rule: r for r in requirements if r.ok is False}
    modern = any(ok for v, ok, _ in protocols if v in ("TLSv1.2", "TLSv1.3"))
    any_ok = any(r.ok for r in results.values())
    if client:
        return _predict_client(client, client_verdict)
    if not any_ok:
        # Nothing completed: report what the server did, as exactly that.
        sample = default if default.outcome != "untestable" else results["any"]
        if sample.outcome == "alert" and sample.alert is not None:
            return _predict_alert(sample)
        if sample.outcome in ("closed", "reset"):
            return (
                "-1200 [3:-9806]",
                f"{_sentence(_describe_failure(sample))}: no alert, no ServerHello. Apple's "
                "TLS code reports a connection that ends during the handshake as "
                "errSSLClosedAbort (-9806) (inference from the code's description).",
                "",
                "Fix the server (or whatever sits in front of it: a firewall, a load "
                "balancer that needs SNI, a proxy).",
                SECBASE_CLOSED.title,
                "inference; not seen in a public log with this setup",
                (
                    Alternative(
                        "-1005",
                        "NSURLErrorNetworkConnectionLost: the URL loading system may report a "
                        "reset as a lost connection (inference)",
                        "not observed",
                    ),
                ),
            )
    if not modern and not exempt:
        inner = (
            f"      <key>NSExceptionMinimumTLSVersion</key>\n      <string>{lowest_ok}</string>\n"
        )
        return (
            "-1200 [3:-9801]",
            "The server accepts no TLS version ATS allows (only TLS 1.0/1.1). Apple's client "
            "refuses the server's lower version itself: coreTLS sslVerifyProtVersion returns "
            "errSSLNegotiation (-9801) when the ServerHello version is below the minimum; no "
            "protocol_version alert comes from the server.",
            _domain_xml(inner) if lowest_ok else "",
            "Allows TLS versions below 1.2 for this host; needs a justification in App Store "
            "review."
            if lowest_ok
            else "No TLS version works; fix the server.",
            CORETLS_VERSION.title + " (read in the code)",
            "coreTLS-167 (SecureTransport, iOS 9 - 11 era)",
            (
                Alternative(
                    "-1200 [3:-9824]",
                    "apps under iOS 9 ATS logged -9824 (errSSLPeerHandshakeFail) against servers "
                    "without TLS 1.2",
                    "iOS 9",
                    IOS9_9824.url,
                ),
            ),
        )
    evidence = (
        "Public logs pair this SecureTransport status with NSURLError -1202, which the "
        "system uses for any certificate error (see atscodes explain)."
    )
    if "certificate_parse" in failed:
        return (
            "-1202",
            f"A certificate cannot be read ({failed['certificate_parse'].evidence}); trust "
            "evaluation cannot succeed on it.",
            "",
            "Reissue the certificate.",
            "inference: a certificate Apple's code cannot parse fails evaluation",
            "",
            (),
        )
    for rule, code in (("expired", "-1202 [3:-9814]"), ("not_yet_valid", "-1202 [3:-9815]")):
        if rule in failed:
            return (
                code,
                f"The certificate is not valid now ({failed[rule].evidence}). {evidence}",
                "",
                "No ATS exception turns off this check; renew the "
                "certificate (or fix the device clock).",
                "SecureTransport status names (SecBase.h: errSSLCertExpired -9814, "
                "errSSLCertNotYetValid -9815)",
                "",
                (
                    Alternative(
                        "-1202 [3:-9807]",
                        "SecureTransport maps every failed trust result to errSSLXCertChainInvalid",
                        "read in the code",
                    ),
                ),
            )
    if "host_name" in failed:
        return (
            "-1202 [3:-9843]",
            f"The certificate does not name this host ({failed['host_name'].evidence}). {evidence}",
            "",
            "No ATS exception turns off name checking; reissue the certificate for "
            "this name, or connect with the name it has.",
            "SecBase.h errSSLHostNameMismatch (-9843)",
            "",
            (),
        )
    for rule in ("key_size", "signature_hash", "server_auth_eku", "validity_period"):
        if rule in failed:
            return (
                "-1202",
                f"The certificate breaks a platform trust rule ({failed[rule].name}: "
                f"{failed[rule].evidence}); trustd fails such chains for every TLS "
                "connection. Which SecureTransport status the device nests is not documented.",
                "",
                "No Info.plist exception helps: reissue the certificate.",
                failed[rule].source.title,
                "",
                (),
            )
    if "trust" in failed:
        return (
            "-1202 [3:-9813]",
            f"Default trust evaluation fails ({failed['trust'].evidence}). {evidence}",
            "",
            "No ATS exception turns off default trust evaluation; fix the chain, or for a "
            "private CA install and trust it on the device.",
            "public logs pairing -9813 with -1202 (atscodes explain -9813)",
            "iOS 9 and later",
            (
                Alternative(
                    "-1202 [3:-9807]",
                    "SecureTransport maps every failed trust result to errSSLXCertChainInvalid",
                    "read in the code",
                ),
            ),
        )
    if not default.ok and not exempt:
        if no_fs.ok:
            return (
                "-1200 [3:-9802]",
                "No forward-secret ECDHE suite in common: the server answers the ATS "
                "ClientHello with handshake_failure (40), which the URL loading system "
                "reported as -9802.",
                _domain_xml("      <key>NSExceptionRequiresForwardSecrecy</key>\n      <false/>\n"),
                "Drops forward secrecy (and the key-length check) for this host only.",
                FORUMS_80638_TABLE.title,
                "iOS 11 beta",
                (
                    Alternative(
                        "-9824",
                        "the same failure on CFStream (errSSLPeerHandshakeFail), per the same "
                        "table and coreTLS SSLProcessAlert",
                        "iOS 11 beta",
                        FORUMS_80638_TABLE.url,
                    ),
                ),
            )
        return (
            "-1200 [3:-9802]",
            f"No ATS-acceptable handshake ({_describe_failure(default)}).",
            "",
            "Fix the server.",
            "inference",
            "",
            (),
        )
    if evaluation.aia_urls and not evaluation.trusted:
        return (
            _CONDITIONAL,
            "The server leaves out an intermediate certificate; the leaf names it by "
            f"Authority Information Access ({', '.join(evaluation.aia_urls)}), and Apple's "
            "trust evaluation fetches it from there for the SSL policy. A device that cannot "
            "reach that URL fails trust evaluation (-1202).",
            "",
            "Send the intermediate from the server: other clients do not fetch it.",
            ATS_TRUST_AIA.title,
            "",
            (
                Alternative(
                    "-1202 [3:-9813]",
                    "the device cannot reach the caIssuers URL",
                    "",
                ),
            ),
        )
    reason = "The default ATS configuration connects and every checked rule holds."
    if exempt:
        reason = f"ATS does not apply ({exempt}); the TLS handshake and trust evaluation succeed."
    undecided = [
        r.name
        for r in requirements
        if r.ok is None and r.rule not in ("tls_version", "cipher_suite")
    ]
    if undecided:
        reason += " Not decided here: " + "; ".join(undecided) + "."
    return ("pass", reason, "", "", "the checks listed under Requirements", "", ())
