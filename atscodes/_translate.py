"""Translation between TLS alerts, SecureTransport statuses and URL errors, with evidence.

Three kinds of row, each carrying where it came from:

* :class:`AlertMapping`: the peer sent ``alert``; ``layer`` reported ``status``.
  ``Basis.SOURCE`` rows are read from Apple's open-source TLS code
  (coreTLS-167 ``lib/sslAlertMessage.c``, ``SSLProcessAlert``), including its
  default rule: a fatal alert without a case of its own becomes
  ``errSSLFatalAlert``.  ``Basis.OBSERVED`` rows are published observations,
  each with the OS it was seen on.  The URL loading layer and Network.framework
  are closed source, so every ``Layer.URL_LOADING`` and ``Layer.NETWORK`` row is
  an observation.  The look-ups take ``os=`` ("iOS 11", "iOS 17") to keep only
  the observations of that OS, and accept names as well as members
  (``"bad_certificate"``, ``"url-loading"``).
* :class:`SentAlert`: this side detected ``status`` and coreTLS sends ``alert``
  (``lib/sslHandshake.c`` and friends).  The same status can send different
  alerts in different situations; ``condition`` says which.
* :class:`URLErrorEvidence`: a public log in which an ``NSURLErrorDomain`` code
  and an ``errSSL*`` status were reported for the same failure.  CFNetwork is
  closed source and no authoritative table exists: these are evidence, never a
  rule.

The reverse indexes are derived from the rows at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from ._alerts import TLSAlert
from ._base import ValueEnum, _parse_int
from ._frozen import field, frozen
from ._sslstatus import SSLStatus
from ._urlerror import URLError

__all__ = [
    "ALERT_MAPPINGS",
    "SENT_ALERTS",
    "URL_ERROR_EVIDENCE",
    "AlertMapping",
    "Basis",
    "Layer",
    "SentAlert",
    "URLErrorEvidence",
    "alert_mappings",
    "alerts_for_status",
    "alerts_sent_for_status",
    "status_for_alert",
    "statuses_for_url_error",
    "url_errors_for_status",
]


class Layer(ValueEnum):
    """Who reported the error."""

    #: SecureTransport as seen through CFStream and the socket-level APIs.
    CFSTREAM = "cfstream"
    #: The URL loading system: NSURLSession / NSURLConnection (``TIC``, ``Task <…>`` lines).
    URL_LOADING = "url_loading"
    #: Network.framework used directly: ``NWConnection`` (``nw_…`` and ``[connection]`` lines).
    NETWORK = "network"


class Basis(ValueEnum):
    """What a mapping row rests on."""

    #: Read in Apple's open-source code.
    SOURCE = "source"
    #: Seen in a published log or experiment, on the OS the row names.
    OBSERVED = "observed"


@frozen
class AlertMapping:
    """The peer sent ``alert``; ``layer`` reported ``status`` (``None``: no status of its own).

    ``os`` is the OS an observation was made on (``None`` for rows read from
    code); ``date`` is when it was published, where the source says;
    ``inference`` marks a row whose alert (or status) the source does not show
    but which is worked out from Apple's code (``note`` says how).
    """

    alert: TLSAlert
    status: SSLStatus | None
    layer: Layer
    basis: Basis
    source: str = field(repr=False)
    os: str | None = None
    note: str = field(default="", repr=False)
    date: str | None = field(default=None, repr=False)
    inference: bool = field(default=False, repr=False)


@frozen
class SentAlert:
    """This side detected ``status`` and sends ``alert`` to the peer, under ``condition``."""

    status: SSLStatus
    alert: TLSAlert
    condition: str = field(repr=False)
    source: str = field(repr=False)


@frozen
class URLErrorEvidence:
    """A public log reporting ``url_error`` and ``status`` for one failure: evidence, not a rule."""

    status: SSLStatus
    url_error: URLError
    source: str = field(repr=False)
    os: str | None = None
    date: str | None = field(default=None, repr=False)


_A = TLSAlert
_S = SSLStatus
_U = URLError
_CFS = Layer.CFSTREAM
_URL = Layer.URL_LOADING

_CORETLS: Final = "apple-oss-distributions/coreTLS coreTLS-167 (0e31699de32c)"
_PROCESS_ALERT: Final = _CORETLS + " lib/sslAlertMessage.c SSLProcessAlert"

# Received alert -> status, one row per `case` of SSLProcessAlert.
_CORETLS_RECEIVED: Final[tuple[tuple[TLSAlert, SSLStatus | None, str, str], ...]] = (
    (_A.close_notify, _S.errSSLClosedGraceful, "lines 192-196", ""),
    (_A.unexpected_message, _S.errSSLPeerUnexpectedMsg, "lines 118-121", ""),
    (_A.bad_record_mac, _S.errSSLPeerBadRecordMac, "lines 122-125", ""),
    (_A.decryption_failed_RESERVED, _S.errSSLPeerDecryptionFail, "lines 126-129", ""),
    (_A.record_overflow, _S.errSSLPeerRecordOverflow, "lines 130-133", ""),
    (_A.decompression_failure_RESERVED, _S.errSSLPeerDecompressFail, "lines 134-137", ""),
    (_A.handshake_failure, _S.errSSLPeerHandshakeFail, "lines 138-141", ""),
    (
        _A.no_certificate_RESERVED,
        None,
        "lines 197-210",
        "ignored: a server waiting for a client certificate carries on as if an empty"
        " one had arrived; no status is set",
    ),
    (_A.bad_certificate, _S.errSSLPeerBadCert, "lines 146-148", ""),
    (_A.unsupported_certificate, _S.errSSLPeerUnsupportedCert, "lines 149-151", ""),
    (_A.certificate_revoked, _S.errSSLPeerCertRevoked, "lines 152-154", ""),
    (_A.certificate_expired, _S.errSSLPeerCertExpired, "lines 155-157", ""),
    (_A.certificate_unknown, _S.errSSLPeerCertUnknown, "lines 158-160", ""),
    (_A.illegal_parameter, _S.errSSLIllegalParam, "lines 142-145", ""),
    (_A.unknown_ca, _S.errSSLPeerUnknownCA, "lines 161-163", ""),
    (_A.access_denied, _S.errSSLPeerAccessDenied, "lines 164-166", ""),
    (_A.decode_error, _S.errSSLPeerDecodeError, "lines 167-169", ""),
    (_A.decrypt_error, _S.errSSLPeerDecryptError, "lines 170-172", ""),
    (_A.export_restriction_RESERVED, _S.errSSLPeerExportRestriction, "lines 173-175", ""),
    (_A.protocol_version, _S.errSSLPeerProtocolVersion, "lines 176-178", ""),
    (_A.insufficient_security, _S.errSSLPeerInsufficientSecurity, "lines 179-181", ""),
    (_A.internal_error, _S.errSSLPeerInternalError, "lines 182-184", ""),
    (_A.user_canceled, _S.errSSLPeerUserCancelled, "lines 185-187", ""),
    (_A.no_renegotiation_RESERVED, _S.errSSLPeerNoRenegotiation, "lines 188-190", ""),
    (_A.unsupported_extension, _S.errSSLFatalAlert, "lines 211-214", ""),
)

_THREAD_80638: Final = (
    'Apple Developer Forums thread 80638, "kCFStreamErrorDomainSSL Error -9802"'
    " (developer.apple.com/forums/thread/80638, 2017): the poster rewrote the alert"
    " byte of TLS 1.2 alerts 40-50 on the wire and recorded what CFStream and the"
    " URL loading system reported for each, on an iOS 11 beta"
)
_IOS11_BETA: Final = "iOS 11 beta"

# (alert, what CFStream reported, what the URL loading system reported), thread 80638.
_THREAD_80638_ROWS: Final[tuple[tuple[TLSAlert, SSLStatus, SSLStatus], ...]] = (
    (_A.handshake_failure, _S.errSSLPeerHandshakeFail, _S.errSSLFatalAlert),
    (_A.no_certificate_RESERVED, _S.errSSLClosedAbort, _S.errSSLPeerBadCert),
    (_A.bad_certificate, _S.errSSLPeerBadCert, _S.errSSLFatalAlert),
    (_A.unsupported_certificate, _S.errSSLPeerUnsupportedCert, _S.errSSLPeerUnsupportedCert),
    (_A.certificate_revoked, _S.errSSLPeerCertRevoked, _S.errSSLPeerCertRevoked),
    (_A.certificate_expired, _S.errSSLPeerCertExpired, _S.errSSLPeerCertExpired),
    (_A.certificate_unknown, _S.errSSLPeerCertUnknown, _S.errSSLPeerCertUnknown),
    (_A.illegal_parameter, _S.errSSLIllegalParam, _S.errSSLFatalAlert),
    (_A.unknown_ca, _S.errSSLPeerUnknownCA, _S.errSSLPeerUnknownCA),
    (_A.access_denied, _S.errSSLPeerAccessDenied, _S.errSSLFatalAlert),
    (_A.decode_error, _S.errSSLPeerDecodeError, _S.errSSLFatalAlert),
)


# Observations after (or before) the thread 80638 experiment, each with its OS and date.
_LATER_OBSERVATIONS: Final[tuple[AlertMapping, ...]] = (
    AlertMapping(
        _A.decrypt_error,
        _S.errSSLPeerDecryptError,
        _URL,
        Basis.OBSERVED,
        "AFNetworking/AFNetworking issue 3999 (2017-07-17): 'SSL alert number 51' then"
        " 'TIC TCP Conn Failed [1:0x1c0179b00]: 3:-9834', NSURLError -1205",
        "iOS 11 beta 3",
        "mutual TLS: the server rejected the client certificate",
        "2017-07-17",
    ),
    AlertMapping(
        _A.handshake_failure,
        _S.errSSLHandshakeFail,
        _URL,
        Basis.OBSERVED,
        "kickstarter/ios-oss issue 1071 (2020-02-17): 'SSL alert number 40' then"
        " 'Connection 4: failed to connect 3:-9858'",
        "iOS Simulator, version not stated (boringssl-283.60.3)",
        "the BoringSSL-based stack reports -9858 where coreTLS gave -9824",
        "2020-02-17",
    ),
    AlertMapping(
        _A.handshake_failure,
        _S.errSSLPeerHandshakeFail,
        _URL,
        Basis.OBSERVED,
        "apptentive/apptentive-ios issue 152 (2015-07-31): 'CFNetwork SSLHandshake failed"
        " (-9824)' and 'HTTP load failed (kCFStreamErrorDomainSSL, -9824)' against servers"
        " without TLS 1.2",
        "iOS 9 beta",
        "the log shows no alert line; that the peer sent handshake_failure is inferred"
        " from coreTLS, where only a received handshake_failure becomes -9824",
        "2015-07-31",
        inference=True,
    ),
    AlertMapping(
        _A.certificate_unknown,
        _S.errSSLPeerBadCert,
        Layer.NETWORK,
        Basis.OBSERVED,
        "odyshewroman/AndroidTVRemoteControl issue 4 (2023-10-27): 'read alert, level:"
        " fatal, description: certificate unknown', then 'nw_read_request_report [C4]"
        ' Receive failed with error "misc. bad certificate"\' (the SecBase.h text of'
        " -9825) and 'SSL alert number 46'",
        "iOS, version not stated (2023)",
        "Network.framework reported alert 46 as -9825, where coreTLS gives -9829",
        "2023-10-27",
    ),
)


def _build_alert_mappings() -> tuple[AlertMapping, ...]:
    rows: list[AlertMapping] = []
    # Observations first: status_for_alert() prefers the first row for a key.
    for alert, cfstream, url_loading in _THREAD_80638_ROWS:
        note = ""
        if alert is _A.no_certificate_RESERVED:
            note = (
                "coreTLS ignores this alert; the -9806 comes from the connection closing afterwards"
            )
        rows.append(
            AlertMapping(
                alert, cfstream, _CFS, Basis.OBSERVED, _THREAD_80638, _IOS11_BETA, note, "2017"
            )
        )
        rows.append(
            AlertMapping(
                alert, url_loading, _URL, Basis.OBSERVED, _THREAD_80638, _IOS11_BETA, "", "2017"
            )
        )
    rows.extend(_LATER_OBSERVATIONS)
    for alert, status, lines, note in _CORETLS_RECEIVED:
        rows.append(
            AlertMapping(
                alert, status, _CFS, Basis.SOURCE, f"{_PROCESS_ALERT}, {lines}", None, note
            )
        )
    explicit = {alert for alert, _, _, _ in _CORETLS_RECEIVED}
    for alert in TLSAlert:
        if alert not in explicit:
            rows.append(
                AlertMapping(
                    alert,
                    _S.errSSLFatalAlert,
                    _CFS,
                    Basis.SOURCE,
                    f"{_PROCESS_ALERT}, lines 216-224 (default case)",
                    None,
                    "no case of its own: errSSLFatalAlert when sent at fatal level,"
                    " ignored at warning level",
                )
            )
    return tuple(rows)


#: Every alert -> status row, observations first, then Apple's open-source code.
ALERT_MAPPINGS: Final[tuple[AlertMapping, ...]] = _build_alert_mappings()

_HANDSHAKE: Final = _CORETLS + " lib/sslHandshake.c"
_SEC58286_VERIFY: Final = (
    "apple-oss-distributions/Security Security-58286.270.3.0.1"
    " OSX/libsecurity_ssl/lib/sslCrypto.c sslVerifyCertChain, lines 129-214 (line 195)"
    " (every failed trust result becomes errSSLXCertChainInvalid), then"
    " tls_verify_peer_cert, lines 259-279"
)

#: This side detected a status and coreTLS sends an alert (sent at fatal level).
SENT_ALERTS: Final[tuple[SentAlert, ...]] = (
    SentAlert(
        _S.errSSLProtocol,
        _A.illegal_parameter,
        "handshake message processing failed (also: session resumption failed)",
        f"{_HANDSHAKE} SSLProcessHandshakeMessage, lines 630-632; 933-935",
    ),
    SentAlert(
        _S.errSSLProtocol,
        _A.unexpected_message,
        "handshake message not valid in the current state, or a bad ChangeCipherSpec",
        f"{_HANDSHAKE} lines 644-646; lib/sslChangeCipher.c lines 58-70, 101-111",
    ),
    SentAlert(
        _S.errSSLProtocol,
        _A.handshake_failure,
        "client got a CertificateRequest without a server certificate",
        f"{_HANDSHAKE} lines 994-997",
    ),
    SentAlert(
        _S.errSSLNegotiation,
        _A.handshake_failure,
        "handshake message processing failed: no common parameters",
        f"{_HANDSHAKE} SSLProcessHandshakeMessage, lines 633-634",
    ),
    SentAlert(
        _S.errSSLInternal,
        _A.internal_error,
        "internal failure during the handshake, or an undetermined trust result",
        f"{_HANDSHAKE} lines 635-636; 1011-1014; 854-857",
    ),
    SentAlert(
        _S.errSSLBadConfiguration,
        _A.internal_error,
        "server: client authentication with an anonymous suite, or no certificate"
        " for a suite that needs one",
        f"{_HANDSHAKE} lines 825-828; 840-843",
    ),
    SentAlert(
        _S.errSSLUnknownRootCert,
        _A.unknown_ca,
        "coreTLS with an embedder that reports an unknown root; SecureTransport"
        " (Security-58286) never does: its sslVerifyCertChain turns every failed"
        " trust result into errSSLXCertChainInvalid",
        f"{_HANDSHAKE} SSLAdvanceHandshake, lines 1015-1018; 1148-1151; {_SEC58286_VERIFY}",
    ),
    SentAlert(
        _S.errSSLCertExpired,
        _A.certificate_expired,
        "coreTLS with an embedder that reports an expired certificate; SecureTransport"
        " (Security-58286) never does, as for errSSLUnknownRootCert",
        f"{_HANDSHAKE} SSLAdvanceHandshake, lines 1019-1022; 1152-1155; {_SEC58286_VERIFY}",
    ),
    SentAlert(
        _S.errSSLXCertChainInvalid,
        _A.certificate_unknown,
        "trust evaluation failed: in SecureTransport every failed trust result"
        " (no root, unknown root, expired, not yet valid, wrong name) ends here",
        f"{_HANDSHAKE} SSLAdvanceHandshake, lines 1023-1027; 1156-1160; {_SEC58286_VERIFY}",
    ),
    SentAlert(
        _S.errSSLCrypto,
        _A.decrypt_error,
        "the peer's CertificateVerify signature did not verify (sslRsaVerify and"
        " sslRawVerify return errSSLCrypto, lib/sslCrypto.c)",
        _CORETLS + " lib/sslCert.c SSLProcessCertificateVerify, lines 728-731",
    ),
    SentAlert(
        _S.errSSLPeerProtocolVersion,
        _A.inappropriate_fallback,
        "server: the client signalled TLS_FALLBACK_SCSV below the server's maximum",
        f"{_HANDSHAKE} lines 725-731",
    ),
    SentAlert(
        _S.errSSLFatalAlert,
        _A.handshake_failure,
        "resumed session used extended master secret but this handshake did not",
        _CORETLS + " lib/sslSession.c lines 234-238",
    ),
)


def _ev(
    status: SSLStatus, url_error: URLError, source: str, os: str | None, date: str | None
) -> URLErrorEvidence:
    return URLErrorEvidence(status, url_error, source, os, date)


#: Public logs that pair an NSURLError code with an errSSL status.
URL_ERROR_EVIDENCE: Final[tuple[URLErrorEvidence, ...]] = (
    _ev(
        _S.errSSLFatalAlert,
        _U.NSURLErrorSecureConnectionFailed,
        "Apple Developer Forums thread 80638",
        _IOS11_BETA,
        "2017",
    ),
    _ev(
        _S.errSSLFatalAlert,
        _U.NSURLErrorSecureConnectionFailed,
        "uservoice/uservoice-ios-sdk issue 382",
        "iOS 9",
        "2015-09-22",
    ),
    _ev(
        _S.errSSLFatalAlert,
        _U.NSURLErrorSecureConnectionFailed,
        "firebase/quickstart-ios issue 339, comment of 2018-12-17 (the log quoted;"
        " the issue itself was opened earlier)",
        "iOS 11",
        "2018-12-17",
    ),
    _ev(
        _S.errSSLFatalAlert,
        _U.NSURLErrorSecureConnectionFailed,
        "natesymer/FHSTwitterEngine pull request 124",
        None,
        "2016-09-07",
    ),
    _ev(
        _S.errSSLFatalAlert,
        _U.NSURLErrorSecureConnectionFailed,
        "NativeScript/NativeScript issue 7351",
        None,
        "2019-06-13",
    ),
    _ev(
        _S.errSSLClosedNoNotify,
        _U.NSURLErrorSecureConnectionFailed,
        "Shopify/mobile-buy-sdk-ios issue 1263",
        None,
        "2025-03-25",
    ),
    _ev(
        _S.errSSLClosedNoNotify,
        _U.NSURLErrorSecureConnectionFailed,
        "BuglyDevTeam/Bugly-iOS issue 106",
        "iOS 16",
        "2023-04-19",
    ),
    _ev(
        _S.errSSLClosedNoNotify,
        _U.NSURLErrorSecureConnectionFailed,
        "Stack Overflow: 'Intermittent SSL errors from iOS app to AWS Elastic Beanstalk backend'",
        None,
        "2019-07-06",
    ),
    _ev(
        _S.errSSLClosedNoNotify,
        _U.NSURLErrorSecureConnectionFailed,
        "Apple Developer Forums thread 762158",
        None,
        None,
    ),
    _ev(
        _S.errSSLXCertChainInvalid,
        _U.NSURLErrorServerCertificateUntrusted,
        "Apple Developer Forums thread 102253",
        "iOS 11.3.1",
        "2018-04-18",
    ),
    _ev(
        _S.errSSLXCertChainInvalid,
        _U.NSURLErrorServerCertificateUntrusted,
        "carekit-apple/IBM-HyperProtectMBaaS issue 21",
        None,
        "2020-05-28",
    ),
    _ev(
        _S.errSSLXCertChainInvalid,
        _U.NSURLErrorServerCertificateUntrusted,
        "OnionBrowser/OnionBrowser issue 299",
        None,
        "2020-10-23",
    ),
    _ev(
        _S.errSSLNoRootCert,
        _U.NSURLErrorServerCertificateUntrusted,
        "maitrungduc1410/WebRTC-Demo issue 47",
        "iOS 18",
        "2025-05-03",
    ),
    _ev(
        _S.errSSLHostNameMismatch,
        _U.NSURLErrorServerCertificateUntrusted,
        "Alamofire/AlamofireImage issue 380",
        None,
        "2019-10-11",
    ),
    _ev(
        _S.errSSLPeerDecryptError,
        _U.NSURLErrorClientCertificateRejected,
        "AFNetworking/AFNetworking issue 3999",
        "iOS 11 beta 3",
        "2017-07-17",
    ),
    _ev(
        _S.errSSLPeerDecryptError,
        _U.NSURLErrorClientCertificateRejected,
        "AFNetworking/AFNetworking issue 4031",
        "iOS 11",
        "2017-08-24",
    ),
    _ev(
        _S.errSSLPeerBadCert,
        _U.NSURLErrorClientCertificateRejected,
        "Alamofire/Alamofire issue 2512",
        None,
        "2018-05-08",
    ),
    _ev(
        _S.errSSLHandshakeFail,
        _U.NSURLErrorSecureConnectionFailed,
        "Apple Developer Forums thread 110653",
        None,
        None,
    ),
    _ev(
        _S.errSSLHandshakeFail,
        _U.NSURLErrorSecureConnectionFailed,
        "KnuffApp/Knuff issue 94",
        None,
        "2021-04-08",
    ),
    _ev(
        _S.errSSLInappropriateFallback,
        _U.NSURLErrorSecureConnectionFailed,
        "lujiajing1126/AliyunLogObjc issue 24",
        None,
        "2019-03-15",
    ),
    _ev(
        _S.errSSLPeerHandshakeFail,
        _U.NSURLErrorSecureConnectionFailed,
        "sinaweibosdk/weibo_ios_sdk issue 158",
        None,
        "2015-11-19",
    ),
    _ev(
        _S.errSSLClosedAbort,
        _U.NSURLErrorSecureConnectionFailed,
        "Apple Developer Forums message 57669",
        "iOS 9",
        "2015-06-22",
    ),
    _ev(
        _S.errSSLProtocol,
        _U.NSURLErrorSecureConnectionFailed,
        "element-hq/element-ios issue 1803",
        None,
        "2018-03-03",
    ),
)


def _index(pairs: Iterable[tuple[object, object]]) -> Mapping[object, tuple[object, ...]]:
    grouped: dict[object, list[object]] = {}
    for key, value in pairs:
        bucket = grouped.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
    return MappingProxyType({key: tuple(values) for key, values in grouped.items()})


_BY_ALERT: Final = _index(((m.alert, m.layer), m) for m in ALERT_MAPPINGS)
_BY_STATUS: Final = _index(((m.status, m.layer), m) for m in ALERT_MAPPINGS if m.status is not None)
_SENT_BY_STATUS: Final = _index((s.status, s.alert) for s in SENT_ALERTS)
_URL_BY_STATUS: Final = _index((e.status, e) for e in URL_ERROR_EVIDENCE)
_STATUS_BY_URL: Final = _index((e.url_error, e) for e in URL_ERROR_EVIDENCE)

_ALERTS_BY_FOLDED_NAME: Final[Mapping[str, TLSAlert]] = MappingProxyType(
    {a.name.casefold(): a for a in TLSAlert}
)
# Every spelling, the deprecated aliases too, so "errsslpeerbadcert" is found.
_STATUSES_BY_FOLDED_NAME: Final[Mapping[str, SSLStatus]] = MappingProxyType(
    {name.casefold(): m for name, m in SSLStatus.__members__.items()}
)
_URL_ERRORS_BY_FOLDED_NAME: Final[Mapping[str, URLError]] = MappingProxyType(
    {name.casefold(): m for name, m in URLError.__members__.items()}
)
_OS_RE: Final = re.compile(
    r"\s*(iOS|iPadOS|macOS|Mac OS X|OS X|tvOS|watchOS|visionOS)\s*(\d{1,3})(?:\.(\d{1,3}))?", re.I
)


def _named(text: str, family: str) -> None:
    """Raise for a string that is neither a known name nor a number."""
    if _parse_int(text) is None:
        raise ValueError(f"not a {family} name or number: {text!r}")


def _alert(alert: int | str | TLSAlert) -> TLSAlert | None:
    if isinstance(alert, str):
        member = _ALERTS_BY_FOLDED_NAME.get(alert.strip().casefold()) or TLSAlert.get(alert)
        if member is None:
            _named(alert, "TLS alert")
        return member
    if isinstance(alert, bool) or not isinstance(alert, int):
        raise TypeError(f"a TLS alert is an int or a name, not {type(alert).__name__}")
    return TLSAlert.get(alert)


def _status(status: int | str | SSLStatus) -> SSLStatus | None:
    if isinstance(status, str):
        member = _STATUSES_BY_FOLDED_NAME.get(status.strip().casefold()) or SSLStatus.get(status)
        if member is None:
            _named(status, "SSLStatus")
        return member
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f"an SSLStatus is an int or a name, not {type(status).__name__}")
    return SSLStatus.get(status)


def _layer(layer: Layer | str) -> Layer:
    if isinstance(layer, Layer):
        return layer
    if isinstance(layer, str):
        key = layer.strip().casefold().replace("-", "_").replace(" ", "_")
        for member in Layer:
            if key in (member.value, member.name.casefold()):
                return member
        raise ValueError(
            f"unknown layer {layer!r}: expected one of {', '.join(m.value for m in Layer)}"
        )
    raise TypeError(f"layer must be a Layer or its name, not {type(layer).__name__}")


def _os_key(text: str) -> tuple[str, int, int] | None:
    """The era an OS name falls in, or ``None`` when no version is named.

    ``("ios", 11, 0)`` for "iOS 11 beta 3" and "ios 11.4" (iPadOS counts as
    iOS); macOS 10.x releases are told apart by their minor version
    (``("macos", 10, 13)``), later ones by the major version alone.
    """
    match = _OS_RE.match(text)
    if match is None:
        return None
    family = match.group(1).casefold().replace(" ", "")
    family = {"ipados": "ios", "osx": "macos", "macosx": "macos"}.get(family, family)
    major = int(match.group(2))
    minor = int(match.group(3) or 0) if family == "macos" and major == 10 else 0
    return (family, major, minor)


def _os_query(os: str | None) -> tuple[str, int, int] | None:
    if os is None:
        return None
    if not isinstance(os, str):
        raise TypeError(f"os must be a string such as 'iOS 17', not {type(os).__name__}")
    key = _os_key(os)
    if key is None:
        raise ValueError(
            f"os must name a platform and a major version, such as 'iOS 17' or 'macOS 14': {os!r}"
        )
    return key


def _fits(row: AlertMapping, os: tuple[str, int, int] | None) -> bool:
    """A row read from code fits every OS; an observation fits the OS it was made on."""
    if os is None or row.basis is Basis.SOURCE:
        return True
    return row.os is not None and _os_key(row.os) == os


def alert_mappings(
    alert: int | str | TLSAlert, layer: Layer | str, *, os: str | None = None
) -> tuple[AlertMapping, ...]:
    """Every row, with its evidence, for *alert* received on *layer*, preferred first.

    *alert* is a number, a member or a name (``"bad_certificate"``, any case);
    *layer* a :class:`Layer` or its name (``"cfstream"``, ``"url-loading"``).
    With *os* (``"iOS 11"``, ``"iOS 17"``) only the observations made on that
    major version are kept, with the rows read from code; without it, every
    observation, on whatever OS it was made (each row's ``os`` says which).
    """
    member = _alert(alert)
    selected = _layer(layer)
    wanted = _os_query(os)
    rows = _BY_ALERT.get((member, selected), ())
    return tuple(row for row in rows if isinstance(row, AlertMapping) and _fits(row, wanted))


def status_for_alert(
    alert: int | str | TLSAlert, layer: Layer | str, *, os: str | None = None
) -> SSLStatus | None:
    """The status *layer* reports when the peer sends *alert*, or ``None`` if unknown.

    Observed rows win over rows read from code (the thread 80638 experiment on an
    iOS 11 beta first); *os* keeps only the observations of that OS (see
    :func:`alert_mappings`, which shows every row, its OS and its evidence).
    ``None`` for an alert nobody recorded on that layer (and OS), an unassigned
    alert, or ``no_certificate_RESERVED`` where the code ignores it.
    """
    for row in alert_mappings(alert, layer, os=os):
        return row.status
    return None


def alerts_for_status(
    status: int | str | SSLStatus, layer: Layer | str, *, os: str | None = None
) -> frozenset[TLSAlert]:
    """Every alert that *layer* is known to report as *status* (the inverse, with the collapse).

    ``alerts_for_status(-9802, Layer.URL_LOADING)`` is {40, 42, 47, 49, 50}:
    on an iOS 11 beta the URL loading system reported all of them as
    errSSLFatalAlert (thread 80638).  *os* keeps only the observations made on
    that OS, with the rows read from code.
    """
    member = _status(status)
    selected = _layer(layer)
    wanted = _os_query(os)
    rows = _BY_STATUS.get((member, selected), ())
    return frozenset(
        row.alert for row in rows if isinstance(row, AlertMapping) and _fits(row, wanted)
    )


def alerts_sent_for_status(status: int | str | SSLStatus) -> frozenset[TLSAlert]:
    """The alerts coreTLS sends when this side detects *status* (see :data:`SENT_ALERTS`).

    Empty when the code has no specific alert for it; coreTLS then sends
    ``close_notify`` at fatal level for a failed handshake message.
    """
    alerts = _SENT_BY_STATUS.get(_status(status), ())
    return frozenset(a for a in alerts if isinstance(a, TLSAlert))


def url_errors_for_status(status: int | str | SSLStatus) -> tuple[URLErrorEvidence, ...]:
    """Published logs pairing *status* with an NSURLError code: evidence, not a rule."""
    rows = _URL_BY_STATUS.get(_status(status), ())
    return tuple(r for r in rows if isinstance(r, URLErrorEvidence))


def statuses_for_url_error(url_error: int | str | URLError) -> tuple[URLErrorEvidence, ...]:
    """Published logs pairing *url_error* with an errSSL status: evidence, not a rule.

    *url_error* is a number, a member or a name (``"NSURLErrorSecureConnectionFailed"``,
    any case).
    """
    member: URLError | None
    if isinstance(url_error, str):
        member = _URL_ERRORS_BY_FOLDED_NAME.get(url_error.strip().casefold()) or URLError.get(
            url_error
        )
        if member is None:
            _named(url_error, "URL error")
    elif isinstance(url_error, bool) or not isinstance(url_error, int):
        raise TypeError(f"a URL error is an int or a name, not {type(url_error).__name__}")
    else:
        member = URLError.get(url_error)
    rows = _STATUS_BY_URL.get(member, ())
    return tuple(r for r in rows if isinstance(r, URLErrorEvidence))
