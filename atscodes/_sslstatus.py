"""``SSLStatus``: the SecureTransport ``errSSL*`` result codes (OSStatus -9800 … -9890).

Names and values: the ``errSSL*`` enum in ``base/SecBase.h`` of
apple-oss-distributions/Security at tag Security-61901.0.87.0.1 (commit
db15acbe6a7f; the enum moved there from ``SecureTransport.h`` in
Security-59306, without changing a value).  The three deprecated spellings are
``#define`` aliases in ``OSX/libsecurity_ssl/lib/SecureTransport.h`` of the same
tag; ``errSSLLast`` is kept although codes now reach -9890, because it is what
that header says.

``detected_by`` and ``fatal`` are our reading of the header, which groups the
codes under comments (line numbers in that tag): the first block (-9800 …
-9818, lines 807-825) has no group comment, so there each code's own comment
decides; "fatal errors detected by peer" (line 827) covers -9819 … -9840;
"non-fatal result codes" (line 851) -9841 and -9842; "more errors detected by
us" (line 855) -9843 … -9850; "non-fatal result codes" (line 865) -9851;
"fatal errors resulting from transport or networking errors" (line 868) -9852
and -9853; "fatal errors resulting from software misconfiguration" (line 872)
-9854; "additional errors" (line 875) -9855 … -9865; "ATS compliance violation
errors" (line 888) -9880 … -9886; "early data errors" (line 897) -9890.  The
"additional errors" come from the closed-source Network.framework and their
group does not say which side detects them, so they are
``Detector.UNSPECIFIED``, except -9856 whose own comment names the peer.
-9802 is ``Detector.EITHER``: coreTLS-167 ``lib/sslSession.c`` returns it on
this side right after sending ``handshake_failure``, and it is what a received
fatal alert without a status of its own becomes.  Some peer-group codes also
have local origins, said in their notes (-9806, -9830, -9836).  ``fatal`` is
``False`` exactly for the four codes the header marks as not fatal (-9803,
-9841, -9842, -9851).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._base import Code, ValueEnum, new_member, register

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Detector", "SSLStatus"]

_SECBASE: Final = "apple-oss-distributions/Security Security-61901.0.87.0.1 base/SecBase.h"


class Detector(ValueEnum):
    """Which side, or which part of this side, detected an ``SSLStatus``."""

    #: The peer found a problem and told us with a TLS alert.
    PEER = "peer"
    #: This side's certificate trust evaluation rejected the peer's certificate.
    TRUST = "trust"
    #: This side's App Transport Security policy rejected the connection.
    ATS = "ats"
    #: This side found a TLS protocol error in what the peer sent.
    PROTOCOL = "protocol"
    #: This side failed internally (cryptography, session cache, modules).
    INTERNAL = "internal"
    #: This side's TLS configuration or API use is wrong.
    CONFIGURATION = "configuration"
    #: The connection underneath closed, reset or timed out.
    TRANSPORT = "transport"
    #: Not an error: a status the caller acts on (would block, certificate ready …).
    RESULT = "result"
    #: Either side: a fatal alert from the peer, or this side's own refusal (-9802).
    EITHER = "either"
    #: Apple's header does not say which side detects it.
    UNSPECIFIED = "unspecified"


class SSLStatus(Code):
    """A SecureTransport ``errSSL*`` OSStatus, as in ``kCFStreamErrorDomainSSL`` pairs.

    Besides ``description`` and ``source``, each member says who detected it
    (``detected_by``, a :class:`Detector`) and whether it ends the connection
    (``fatal``).
    """

    detected_by: Detector
    fatal: bool

    def __new__(  # (defaults for type checkers only, as Code.__new__'s)
        cls,
        value: int,
        description: str = "",
        source: str = "",
        detected_by: Detector = Detector.EITHER,
        fatal: bool = True,
        *notes: str,
    ) -> Self:
        member = new_member(
            cls,
            value,
            description,
            source,
            f"Detected by: {detected_by.value}; {'fatal' if fatal else 'not fatal'}.",
            *notes,
        )
        member.detected_by = detected_by
        member.fatal = fatal
        return member

    errSSLProtocol = -9800, "TLS protocol error detected on this side", _SECBASE, Detector.PROTOCOL
    errSSLNegotiation = (
        -9801,
        "No cipher suite or protocol version both sides accept could be negotiated",
        _SECBASE,
        Detector.PROTOCOL,
        True,
        "coreTLS-167 lib/sslHandshakeHello.c sslVerifyProtVersion also returns it when the"
        " peer's protocol version is outside this side's range.",
    )
    errSSLFatalAlert = (
        -9802,
        "A fatal alert ended the connection; the code does not say which alert or who sent it",
        _SECBASE,
        Detector.EITHER,
        True,
        "Either side: a received fatal alert without a status of its own (coreTLS-167"
        " lib/sslAlertMessage.c), or this side's own refusal after sending handshake_failure"
        " (lib/sslSession.c lines 234-238); URL-loading logs with -1200 [3:-9802] are often"
        " local ATS or trust refusals.",
    )
    errSSLWouldBlock = (
        -9803,
        "Input/output would block; call again",
        _SECBASE,
        Detector.RESULT,
        False,
    )
    errSSLSessionNotFound = (
        -9804,
        "Session to resume was not found in this side's session cache",
        _SECBASE,
        Detector.INTERNAL,
        True,
        "A local cache miss (coreTLS-167 lib/sslSession.c), not the peer forgetting a session.",
    )
    errSSLClosedGraceful = (
        -9805,
        "Connection was closed cleanly (close_notify)",
        _SECBASE,
        Detector.TRANSPORT,
    )
    errSSLClosedAbort = (
        -9806,
        "Connection was closed because of an error",
        _SECBASE,
        Detector.TRANSPORT,
        True,
        "Also what SecureTransport returns after this side itself sent a fatal alert: the"
        " context is in SSL_HdskStateErrorClose (Security-58286 sslTransport.c), e.g. -9813"
        " then -9806.",
    )
    errSSLXCertChainInvalid = (
        -9807,
        "Peer's certificate chain is invalid",
        _SECBASE,
        Detector.TRUST,
    )
    errSSLBadCert = -9808, "Peer's certificate is malformed", _SECBASE, Detector.TRUST
    errSSLCrypto = -9809, "A cryptographic operation failed", _SECBASE, Detector.INTERNAL
    errSSLInternal = -9810, "Internal error in the TLS implementation", _SECBASE, Detector.INTERNAL
    errSSLModuleAttach = -9811, "Failed to attach a security module", _SECBASE, Detector.INTERNAL
    errSSLUnknownRootCert = (
        -9812,
        "Chain is valid but ends in a root that is not trusted",
        _SECBASE,
        Detector.TRUST,
    )
    errSSLNoRootCert = (
        -9813,
        "Chain could not be verified up to a root certificate",
        _SECBASE,
        Detector.TRUST,
    )
    errSSLCertExpired = -9814, "A certificate in the chain has expired", _SECBASE, Detector.TRUST
    errSSLCertNotYetValid = (
        -9815,
        "A certificate in the chain is not valid yet",
        _SECBASE,
        Detector.TRUST,
    )
    errSSLClosedNoNotify = (
        -9816,
        "Peer closed the connection without sending close_notify",
        _SECBASE,
        Detector.TRANSPORT,
    )
    errSSLBufferOverflow = -9817, "Caller's buffer is too small", _SECBASE, Detector.CONFIGURATION
    errSSLBadCipherSuite = -9818, "Invalid cipher suite value", _SECBASE, Detector.CONFIGURATION
    errSSLPeerUnexpectedMsg = (
        -9819,
        "Peer alert: it received a message it did not expect",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerBadRecordMac = (
        -9820,
        "Peer alert: a record failed its MAC check",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerDecryptionFail = (
        -9821,
        "Peer alert: it could not decrypt a record",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerRecordOverflow = -9822, "Peer alert: a record was too long", _SECBASE, Detector.PEER
    errSSLPeerDecompressFail = -9823, "Peer alert: decompression failed", _SECBASE, Detector.PEER
    errSSLPeerHandshakeFail = (
        -9824,
        "Peer alert: it could not agree on handshake parameters",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerBadCert = (
        -9825,
        "Peer alert: it rejected a certificate (often our client certificate)",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerUnsupportedCert = (
        -9826,
        "Peer alert: certificate of a type it does not support",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerCertRevoked = -9827, "Peer alert: a certificate was revoked", _SECBASE, Detector.PEER
    errSSLPeerCertExpired = -9828, "Peer alert: a certificate has expired", _SECBASE, Detector.PEER
    errSSLPeerCertUnknown = (
        -9829,
        "Peer alert: some other certificate problem",
        _SECBASE,
        Detector.PEER,
    )
    errSSLIllegalParam = (
        -9830,
        "Peer alert: a handshake field was out of range or inconsistent",
        _SECBASE,
        Detector.PEER,
        True,
        "Also returned locally for API misuse: SSLSetProtocolVersionMin/Max with a version"
        " out of range (Security-58286 sslContext.c lines 1157-1165).",
    )
    errSSLPeerUnknownCA = (
        -9831,
        "Peer alert: it does not trust the certificate's issuer",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerAccessDenied = -9832, "Peer alert: access denied", _SECBASE, Detector.PEER
    errSSLPeerDecodeError = (
        -9833,
        "Peer alert: a message could not be decoded",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerDecryptError = (
        -9834,
        "Peer alert: a handshake cryptographic check failed",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerExportRestriction = (
        -9835,
        "Peer alert: export restriction (obsolete)",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerProtocolVersion = (
        -9836,
        "Peer alert: it does not support the protocol version offered",
        _SECBASE,
        Detector.PEER,
        True,
        "Also produced locally: a coreTLS server returns it after sending"
        " inappropriate_fallback (coreTLS-167 lib/sslHandshake.c lines 725-731).",
    )
    errSSLPeerInsufficientSecurity = (
        -9837,
        "Peer alert: the offered ciphers are too weak for it",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerInternalError = (
        -9838,
        "Peer alert: internal error on the peer",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerUserCancelled = (
        -9839,
        "Peer alert: the handshake was cancelled",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerNoRenegotiation = (
        -9840,
        "Peer alert: it refuses to renegotiate",
        _SECBASE,
        Detector.PEER,
    )
    errSSLPeerAuthCompleted = (
        -9841,
        "Peer certificate is ready for the caller to evaluate",
        _SECBASE,
        Detector.RESULT,
        False,
    )
    # Deprecated #define aliases in SecureTransport.h.
    errSSLServerAuthCompleted = errSSLPeerAuthCompleted
    errSSLClientAuthCompleted = errSSLPeerAuthCompleted
    errSSLClientCertRequested = (
        -9842,
        "Server asked for a client certificate",
        _SECBASE,
        Detector.RESULT,
        False,
    )
    errSSLHostNameMismatch = (
        -9843,
        "Peer's certificate does not match the host name",
        _SECBASE,
        Detector.TRUST,
    )
    errSSLConnectionRefused = (
        -9844,
        "Peer dropped the connection before responding",
        _SECBASE,
        Detector.TRANSPORT,
    )
    errSSLDecryptionFail = (
        -9845,
        "A record from the peer could not be decrypted",
        _SECBASE,
        Detector.PROTOCOL,
    )
    errSSLBadRecordMac = (
        -9846,
        "A record from the peer failed its MAC check",
        _SECBASE,
        Detector.PROTOCOL,
    )
    errSSLRecordOverflow = (
        -9847,
        "A record from the peer was too long",
        _SECBASE,
        Detector.PROTOCOL,
    )
    errSSLBadConfiguration = -9848, "TLS configuration error", _SECBASE, Detector.CONFIGURATION
    errSSLUnexpectedRecord = (
        -9849,
        "Unexpected record, skipped (DTLS)",
        _SECBASE,
        Detector.PROTOCOL,
    )
    # Deprecated #define in SecureTransport.h, once the end of the range.
    errSSLLast = errSSLUnexpectedRecord
    errSSLWeakPeerEphemeralDHKey = (
        -9850,
        "Peer's ephemeral Diffie-Hellman key is too weak",
        _SECBASE,
        Detector.PROTOCOL,
    )
    errSSLClientHelloReceived = (
        -9851,
        "ClientHello received (server side, for SNI)",
        _SECBASE,
        Detector.RESULT,
        False,
    )
    errSSLTransportReset = (
        -9852,
        "Underlying connection was reset or shut down (TCP RST or FIN)",
        _SECBASE,
        Detector.TRANSPORT,
    )
    errSSLNetworkTimeout = -9853, "Network timeout", _SECBASE, Detector.TRANSPORT
    errSSLConfigurationFailed = (
        -9854,
        "TLS configuration could not be applied",
        _SECBASE,
        Detector.CONFIGURATION,
    )
    errSSLUnsupportedExtension = -9855, "Unsupported TLS extension", _SECBASE, Detector.UNSPECIFIED
    errSSLUnexpectedMessage = (
        -9856,
        "Peer rejected a message it did not expect",
        _SECBASE,
        Detector.PEER,
    )
    errSSLDecompressFail = -9857, "Decompression failed", _SECBASE, Detector.UNSPECIFIED
    errSSLHandshakeFail = -9858, "Handshake failed", _SECBASE, Detector.UNSPECIFIED
    errSSLDecodeError = -9859, "A message could not be decoded", _SECBASE, Detector.UNSPECIFIED
    errSSLInappropriateFallback = (
        -9860,
        "Inappropriate protocol version fallback",
        _SECBASE,
        Detector.UNSPECIFIED,
    )
    errSSLMissingExtension = (
        -9861,
        "A required TLS extension is missing",
        _SECBASE,
        Detector.UNSPECIFIED,
    )
    errSSLBadCertificateStatusResponse = (
        -9862,
        "Invalid OCSP (certificate status) response",
        _SECBASE,
        Detector.UNSPECIFIED,
    )
    errSSLCertificateRequired = (
        -9863,
        "A certificate is required but none was sent",
        _SECBASE,
        Detector.UNSPECIFIED,
    )
    errSSLUnknownPSKIdentity = (
        -9864,
        "Unknown pre-shared key identity",
        _SECBASE,
        Detector.UNSPECIFIED,
    )
    errSSLUnrecognizedName = (
        -9865,
        "Server name (SNI) not recognized",
        _SECBASE,
        Detector.UNSPECIFIED,
    )
    errSSLATSViolation = (
        -9880,
        "Connection violates App Transport Security",
        _SECBASE,
        Detector.ATS,
    )
    errSSLATSMinimumVersionViolation = (
        -9881,
        "ATS: negotiated TLS version is below the minimum",
        _SECBASE,
        Detector.ATS,
    )
    errSSLATSCiphersuiteViolation = (
        -9882,
        "ATS: negotiated cipher suite is not allowed",
        _SECBASE,
        Detector.ATS,
    )
    errSSLATSMinimumKeySizeViolation = (
        -9883,
        "ATS: peer's key is too small",
        _SECBASE,
        Detector.ATS,
    )
    errSSLATSLeafCertificateHashAlgorithmViolation = (
        -9884,
        "ATS: leaf certificate signed with a disallowed hash",
        _SECBASE,
        Detector.ATS,
    )
    errSSLATSCertificateHashAlgorithmViolation = (
        -9885,
        "ATS: a chain certificate signed with a disallowed hash",
        _SECBASE,
        Detector.ATS,
    )
    errSSLATSCertificateTrustViolation = (
        -9886,
        "ATS: peer certificate is not trusted",
        _SECBASE,
        Detector.ATS,
    )
    errSSLEarlyDataRejected = -9890, "Peer rejected TLS 1.3 early data", _SECBASE, Detector.PEER


register(SSLStatus, -(2**31), 2**31 - 1, unsigned32=True)
