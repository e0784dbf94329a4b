"""``CFNetworkError`` and ``CFStreamErrorDomain``: CFNetwork's own numbers.

``CFNetworkError``: every enumerator of ``CFNetworkErrors`` in
``CFNetwork.framework/Headers/CFNetworkErrors.h`` of the macOS 14.2 SDK
(hexops/xcode-frameworks at commit 8a1cfb373587): host, SOCKS, FTP, HTTP,
``kCFURLError*``, cookie and NetService codes, 84 names.  These are the codes of
``kCFErrorDomainCFNetwork``.

``CFStreamErrorDomain``: the ``domain`` half of a ``CFStreamError`` pair (the
``3`` of ``[3:-9802]``).  Only -1, 1 and 2 have values in a public header (the
``CFStreamErrorDomain`` enum in CoreFoundation's ``CFStream.h``); the others are
declared as ``extern const`` variables without values, so their values come from
Apple's open-source definitions, named per member: CF (apple-oss-distributions/CF,
CF-1153.18, ``CFSocketStream.c``) for SSL and SOCKS, CFNetwork-129.20 (2006,
as first imported unmodified into gerickson/opencfnetwork at f4d5e778874a) for
the rest.  ``kCFStreamErrorDomainWinSock`` is left out: no Apple source gives
its value (third-party files say 7 or 15, and it exists only on Windows).
"""

from __future__ import annotations

from typing import Final

from ._base import Code, register

__all__ = ["CFNetworkError", "CFStreamErrorDomain"]

_CFNETWORKERRORS_H: Final = (
    "macOS 14.2 SDK CFNetwork.framework/Headers/CFNetworkErrors.h"
    " (hexops/xcode-frameworks 8a1cfb373587)"
)


class CFNetworkError(Code):
    """A ``CFNetworkErrors`` code: the codes of ``kCFErrorDomainCFNetwork``."""

    kCFStreamErrorHTTPSProxyFailureUnexpectedResponseToCONNECTMethod = (
        311,
        "HTTPS proxy answered CONNECT unexpectedly",
        _CFNETWORKERRORS_H,
    )
    kCFErrorHTTPSProxyConnectionFailure = (
        310,
        "Could not connect through the HTTPS proxy",
        _CFNETWORKERRORS_H,
    )
    kCFErrorPACFileAuth = (
        309,
        "Proxy auto-config download needs authentication",
        _CFNETWORKERRORS_H,
    )
    kCFErrorPACFileError = 308, "Proxy auto-config script failed", _CFNETWORKERRORS_H
    kCFErrorHTTPBadProxyCredentials = (
        307,
        "HTTP proxy rejected the credentials",
        _CFNETWORKERRORS_H,
    )
    kCFErrorHTTPProxyConnectionFailure = (
        306,
        "Could not connect through the HTTP proxy",
        _CFNETWORKERRORS_H,
    )
    kCFErrorHTTPBadURL = 305, "HTTP request URL is invalid", _CFNETWORKERRORS_H
    kCFErrorHTTPRedirectionLoopDetected = 304, "HTTP redirects formed a loop", _CFNETWORKERRORS_H
    kCFErrorHTTPParseFailure = 303, "HTTP response could not be parsed", _CFNETWORKERRORS_H
    kCFErrorHTTPConnectionLost = 302, "HTTP connection dropped unexpectedly", _CFNETWORKERRORS_H
    kCFErrorHTTPBadCredentials = 301, "HTTP credentials were rejected", _CFNETWORKERRORS_H
    kCFErrorHTTPAuthenticationTypeUnsupported = (
        300,
        "HTTP authentication scheme is not supported",
        _CFNETWORKERRORS_H,
    )
    kCFFTPErrorUnexpectedStatusCode = (
        200,
        "FTP server replied with an unexpected status",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS5ErrorNoAcceptableMethod = (
        124,
        "SOCKS5 server accepted none of our methods",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS5ErrorUnsupportedNegotiationMethod = (
        123,
        "SOCKS5 server chose an unsupported auth method",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS5ErrorBadCredentials = (
        122,
        "SOCKS5 proxy rejected the username/password",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS5ErrorBadResponseAddr = (
        121,
        "SOCKS5 reply carried an invalid address",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS5ErrorBadState = 120, "SOCKS5 negotiation reached an invalid state", _CFNETWORKERRORS_H
    kCFSOCKS4ErrorUnknownStatusCode = (
        113,
        "SOCKS4 server returned an unknown status",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS4ErrorIdConflict = 112, "SOCKS4 identd and client user-ids differ", _CFNETWORKERRORS_H
    kCFSOCKS4ErrorIdentdFailed = (
        111,
        "SOCKS4 server could not reach client identd",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKS4ErrorRequestFailed = 110, "SOCKS4 server rejected the request", _CFNETWORKERRORS_H
    kCFSOCKSErrorUnsupportedServerVersion = (
        101,
        "SOCKS server wants an unsupported version",
        _CFNETWORKERRORS_H,
    )
    kCFSOCKSErrorUnknownClientVersion = (
        100,
        "Unrecognised SOCKS client protocol version",
        _CFNETWORKERRORS_H,
    )
    kCFHostErrorUnknown = 2, "Host lookup failed; see getaddrinfo code", _CFNETWORKERRORS_H
    kCFHostErrorHostNotFound = 1, "Host lookup found no such host", _CFNETWORKERRORS_H
    kCFURLErrorBackgroundSessionInUseByAnotherProcess = (
        -996,
        "Background session already owned by another process",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorBackgroundSessionWasDisconnected = (
        -997,
        "App exited or suspended during background task",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorUnknown = -998, "Error with no more specific cause", _CFNETWORKERRORS_H
    kCFURLErrorCancelled = -999, "Request was cancelled before finishing", _CFNETWORKERRORS_H
    kCFURLErrorBadURL = -1000, "URL is malformed", _CFNETWORKERRORS_H
    kCFURLErrorTimedOut = -1001, "Request took too long and timed out", _CFNETWORKERRORS_H
    kCFURLErrorUnsupportedURL = -1002, "No handler for this URL scheme", _CFNETWORKERRORS_H
    kCFURLErrorCannotFindHost = -1003, "Host name could not be resolved", _CFNETWORKERRORS_H
    kCFURLErrorCannotConnectToHost = (
        -1004,
        "Could not open a connection to the host",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorNetworkConnectionLost = (
        -1005,
        "Connection dropped while loading",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorDNSLookupFailed = -1006, "DNS resolution failed (legacy code)", _CFNETWORKERRORS_H
    kCFURLErrorHTTPTooManyRedirects = (
        -1007,
        "Redirect loop or too many redirects",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorResourceUnavailable = (
        -1008,
        "Requested resource could not be fetched",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorNotConnectedToInternet = (
        -1009,
        "Device has no usable internet connection",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorRedirectToNonExistentLocation = (
        -1010,
        "Redirect response lacked a target location",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorBadServerResponse = -1011, "Server sent data that made no sense", _CFNETWORKERRORS_H
    kCFURLErrorUserCancelledAuthentication = (
        -1012,
        "User dismissed the authentication prompt",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorUserAuthenticationRequired = (
        -1013,
        "Resource needs credentials to access",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorZeroByteResource = (
        -1014,
        "Server closed connection without sending body",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorCannotDecodeRawData = (
        -1015,
        "Body in known encoding failed to decode",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorCannotDecodeContentData = (
        -1016,
        "Body uses an unrecognised content encoding",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorCannotParseResponse = -1017, "Response could not be parsed", _CFNETWORKERRORS_H
    kCFURLErrorInternationalRoamingOff = (
        -1018,
        "Data roaming is disabled on this device",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorCallIsActive = -1019, "Phone call blocks data on this network", _CFNETWORKERRORS_H
    kCFURLErrorDataNotAllowed = -1020, "Cellular network refused data use", _CFNETWORKERRORS_H
    kCFURLErrorRequestBodyStreamExhausted = (
        -1021,
        "Body stream needed again but not supplied",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorAppTransportSecurityRequiresSecureConnection = (
        -1022,
        "App Transport Security blocked an insecure connection",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorFileDoesNotExist = -1100, "Local file is missing", _CFNETWORKERRORS_H
    kCFURLErrorFileIsDirectory = -1101, "Target is a directory, not a file", _CFNETWORKERRORS_H
    kCFURLErrorNoPermissionsToReadFile = -1102, "Not allowed to read the file", _CFNETWORKERRORS_H
    kCFURLErrorDataLengthExceedsMaximum = (
        -1103,
        "Resource is larger than the allowed maximum",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorFileOutsideSafeArea = (
        -1104,
        "Internal file operation outside permitted area",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorSecureConnectionFailed = (
        -1200,
        "TLS handshake failed for an unspecific reason",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorServerCertificateHasBadDate = (
        -1201,
        "Server certificate expired or not yet valid",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorServerCertificateUntrusted = (
        -1202,
        "Server certificate chain is not trusted",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorServerCertificateHasUnknownRoot = (
        -1203,
        "Server certificate root authority is unknown",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorServerCertificateNotYetValid = (
        -1204,
        "Server certificate validity period not started",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorClientCertificateRejected = (
        -1205,
        "Server refused the client certificate",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorClientCertificateRequired = (
        -1206,
        "Server demanded a client certificate",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorCannotLoadFromNetwork = (
        -2000,
        "Cache-only request needed the network",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorCannotCreateFile = -3000, "Download could not create its file", _CFNETWORKERRORS_H
    kCFURLErrorCannotOpenFile = -3001, "Downloaded file could not be opened", _CFNETWORKERRORS_H
    kCFURLErrorCannotCloseFile = -3002, "Downloaded file could not be closed", _CFNETWORKERRORS_H
    kCFURLErrorCannotWriteToFile = -3003, "Could not write the downloaded file", _CFNETWORKERRORS_H
    kCFURLErrorCannotRemoveFile = -3004, "Downloaded file could not be deleted", _CFNETWORKERRORS_H
    kCFURLErrorCannotMoveFile = -3005, "Downloaded file could not be moved", _CFNETWORKERRORS_H
    kCFURLErrorDownloadDecodingFailedMidStream = (
        -3006,
        "Decoding a download failed partway through",
        _CFNETWORKERRORS_H,
    )
    kCFURLErrorDownloadDecodingFailedToComplete = (
        -3007,
        "Decoding a download failed at the end",
        _CFNETWORKERRORS_H,
    )
    kCFHTTPCookieCannotParseCookieFile = (
        -4000,
        "Stored cookie file could not be parsed",
        _CFNETWORKERRORS_H,
    )
    kCFNetServiceErrorUnknown = (
        -72000,
        "Bonjour service error of unknown cause",
        _CFNETWORKERRORS_H,
    )
    kCFNetServiceErrorCollision = -72001, "Bonjour service name already in use", _CFNETWORKERRORS_H
    kCFNetServiceErrorNotFound = -72002, "Bonjour service could not be found", _CFNETWORKERRORS_H
    kCFNetServiceErrorInProgress = (
        -72003,
        "Bonjour operation is already running",
        _CFNETWORKERRORS_H,
    )
    kCFNetServiceErrorBadArgument = (
        -72004,
        "Bonjour call given an invalid argument",
        _CFNETWORKERRORS_H,
    )
    kCFNetServiceErrorCancel = -72005, "Bonjour operation was cancelled", _CFNETWORKERRORS_H
    kCFNetServiceErrorInvalid = -72006, "Bonjour service object is invalid", _CFNETWORKERRORS_H
    kCFNetServiceErrorTimeout = -72007, "Bonjour operation timed out", _CFNETWORKERRORS_H
    kCFNetServiceErrorDNSServiceFailure = (
        -73000,
        "DNS-SD reported an error; see its code",
        _CFNETWORKERRORS_H,
    )


# CFNetworkErrors is a CF_ENUM(int): a signed 32-bit number.
register(CFNetworkError, -(2**31), 2**31 - 1, unsigned32=True)


class CFStreamErrorDomain(Code):
    """The domain number of a ``CFStreamError`` (the ``3`` in ``[3:-9802]``)."""

    kCFStreamErrorDomainCustom = (
        -1,
        "Error code specific to the stream type",
        "macOS 14.2 SDK CoreFoundation.framework/Headers/CFStream.h, enum CFStreamErrorDomain",
    )
    kCFStreamErrorDomainPOSIX = (
        1,
        "Code is a POSIX errno value",
        "macOS 14.2 SDK CoreFoundation.framework/Headers/CFStream.h, enum CFStreamErrorDomain",
    )
    kCFStreamErrorDomainMacOSStatus = (
        2,
        "Code is a classic Mac OSStatus",
        "macOS 14.2 SDK CoreFoundation.framework/Headers/CFStream.h, enum CFStreamErrorDomain",
    )
    kCFStreamErrorDomainSSL = (
        3,
        "TLS/SecureTransport status (OSStatus, e.g. -98xx)",
        "apple-oss-distributions/CF CF-1153.18 CFSocketStream.c:38",
    )
    kCFStreamErrorDomainHTTP = (
        4,
        "HTTP-layer error from CFHTTPStream",
        "Apple CFNetwork-129.20 HTTP/CFHTTPFilter.c:37",
    )
    kCFStreamErrorDomainSOCKS = (
        5,
        "SOCKS proxy negotiation error",
        "apple-oss-distributions/CF CF-1153.18 CFSocketStream.c:39",
    )
    kCFStreamErrorDomainFTP = (
        6,
        "FTP server reply code",
        "Apple CFNetwork-129.20 FTP/CFFTPStream.c:90",
    )
    kCFStreamErrorDomainNetServices = (
        10,
        "Bonjour / DNS-SD service error",
        "Apple CFNetwork-129.20 NetServices/CFNetServices.c:53",
    )
    kCFStreamErrorDomainMach = (
        11,
        "Mach kernel return code",
        "Apple CFNetwork-129.20 NetServices/CFNetServices.c:54",
    )
    kCFStreamErrorDomainNetDB = (
        12,
        "Resolver (netdb / getaddrinfo) error",
        "Apple CFNetwork-129.20 Host/CFHost.c:94",
    )
    kCFStreamErrorDomainSystemConfiguration = (
        13,
        "SystemConfiguration framework error",
        "Apple CFNetwork-129.20 Host/CFHost.c:95",
    )
    kCFStreamErrorDomainCFHTTPServer = (
        20,
        "Private: CFNetwork's embedded HTTP server errors",
        "Apple CFNetwork-129.20 Headers/CFHTTPServerPriv.h:91",
    )


register(CFStreamErrorDomain, -(2**31), 2**31 - 1, unsigned32=True)
