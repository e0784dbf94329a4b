"""``URLError``: the ``NSURLErrorDomain`` codes of the URL loading system.

Names and values: the ``NSURLErrorDomain`` enum in
``Foundation.framework/Headers/NSURLError.h`` of the macOS 14.2 SDK (as
mirrored unmodified in hexops/xcode-frameworks at commit 8a1cfb373587; the same
text since the 13.3 SDK), 49 names, all literal values.  swift-corelibs-foundation's
``NSURLError.swift`` is deliberately not used: its SSL group is off by one
(-1201 … -1207 where the SDK says -1200 … -1206).

Each code has a ``kCFURLError*`` twin in :class:`~atscodes.CFNetworkError` with
the same value, except ``NSURLErrorUnknown`` (-1; ``kCFURLErrorUnknown`` is
-998) and ``NSURLErrorBackgroundSessionRequiresSharedContainer`` (-995, no twin).
"""

from __future__ import annotations

from typing import Final

from ._base import Code, register

__all__ = ["URLError"]

_NSURLERROR_H: Final = (
    "macOS 14.2 SDK Foundation.framework/Headers/NSURLError.h"
    " (hexops/xcode-frameworks 8a1cfb373587)"
)


class URLError(Code):
    """An ``NSURLErrorDomain`` code (``NSURLError*``) from NSURLSession or NSURLConnection."""

    NSURLErrorUnknown = -1, "Error with no more specific cause", _NSURLERROR_H
    NSURLErrorBackgroundSessionRequiresSharedContainer = (
        -995,
        "Background session in extension lacks shared container",
        _NSURLERROR_H,
    )
    NSURLErrorBackgroundSessionInUseByAnotherProcess = (
        -996,
        "Background session already owned by another process",
        _NSURLERROR_H,
    )
    NSURLErrorBackgroundSessionWasDisconnected = (
        -997,
        "App exited or suspended during background task",
        _NSURLERROR_H,
    )
    NSURLErrorCancelled = -999, "Request was cancelled before finishing", _NSURLERROR_H
    NSURLErrorBadURL = -1000, "URL is malformed", _NSURLERROR_H
    NSURLErrorTimedOut = -1001, "Request took too long and timed out", _NSURLERROR_H
    NSURLErrorUnsupportedURL = -1002, "No handler for this URL scheme", _NSURLERROR_H
    NSURLErrorCannotFindHost = -1003, "Host name could not be resolved", _NSURLERROR_H
    NSURLErrorCannotConnectToHost = -1004, "Could not open a connection to the host", _NSURLERROR_H
    NSURLErrorNetworkConnectionLost = -1005, "Connection dropped while loading", _NSURLERROR_H
    NSURLErrorDNSLookupFailed = -1006, "DNS resolution failed (legacy code)", _NSURLERROR_H
    NSURLErrorHTTPTooManyRedirects = -1007, "Redirect loop or too many redirects", _NSURLERROR_H
    NSURLErrorResourceUnavailable = -1008, "Requested resource could not be fetched", _NSURLERROR_H
    NSURLErrorNotConnectedToInternet = (
        -1009,
        "Device has no usable internet connection",
        _NSURLERROR_H,
    )
    NSURLErrorRedirectToNonExistentLocation = (
        -1010,
        "Redirect response lacked a target location",
        _NSURLERROR_H,
    )
    NSURLErrorBadServerResponse = -1011, "Server sent data that made no sense", _NSURLERROR_H
    NSURLErrorUserCancelledAuthentication = (
        -1012,
        "User dismissed the authentication prompt",
        _NSURLERROR_H,
    )
    NSURLErrorUserAuthenticationRequired = (
        -1013,
        "Resource needs credentials to access",
        _NSURLERROR_H,
    )
    NSURLErrorZeroByteResource = (
        -1014,
        "Server closed connection without sending body",
        _NSURLERROR_H,
    )
    NSURLErrorCannotDecodeRawData = -1015, "Body in known encoding failed to decode", _NSURLERROR_H
    NSURLErrorCannotDecodeContentData = (
        -1016,
        "Body uses an unrecognised content encoding",
        _NSURLERROR_H,
    )
    NSURLErrorCannotParseResponse = -1017, "Response could not be parsed", _NSURLERROR_H
    NSURLErrorInternationalRoamingOff = (
        -1018,
        "Data roaming is disabled on this device",
        _NSURLERROR_H,
    )
    NSURLErrorCallIsActive = -1019, "Phone call blocks data on this network", _NSURLERROR_H
    NSURLErrorDataNotAllowed = -1020, "Cellular network refused data use", _NSURLERROR_H
    NSURLErrorRequestBodyStreamExhausted = (
        -1021,
        "Body stream needed again but not supplied",
        _NSURLERROR_H,
    )
    NSURLErrorAppTransportSecurityRequiresSecureConnection = (
        -1022,
        "App Transport Security blocked an insecure connection",
        _NSURLERROR_H,
    )
    NSURLErrorFileDoesNotExist = -1100, "Local file is missing", _NSURLERROR_H
    NSURLErrorFileIsDirectory = -1101, "Target is a directory, not a file", _NSURLERROR_H
    NSURLErrorNoPermissionsToReadFile = -1102, "Not allowed to read the file", _NSURLERROR_H
    NSURLErrorDataLengthExceedsMaximum = (
        -1103,
        "Resource is larger than the allowed maximum",
        _NSURLERROR_H,
    )
    NSURLErrorFileOutsideSafeArea = (
        -1104,
        "Internal file operation outside permitted area",
        _NSURLERROR_H,
    )
    NSURLErrorSecureConnectionFailed = (
        -1200,
        "TLS handshake failed for an unspecific reason",
        _NSURLERROR_H,
    )
    NSURLErrorServerCertificateHasBadDate = (
        -1201,
        "Server certificate expired or not yet valid",
        _NSURLERROR_H,
    )
    NSURLErrorServerCertificateUntrusted = (
        -1202,
        "Server certificate chain is not trusted",
        _NSURLERROR_H,
    )
    NSURLErrorServerCertificateHasUnknownRoot = (
        -1203,
        "Server certificate root authority is unknown",
        _NSURLERROR_H,
    )
    NSURLErrorServerCertificateNotYetValid = (
        -1204,
        "Server certificate validity period not started",
        _NSURLERROR_H,
    )
    NSURLErrorClientCertificateRejected = (
        -1205,
        "Server refused the client certificate",
        _NSURLERROR_H,
    )
    NSURLErrorClientCertificateRequired = (
        -1206,
        "Server demanded a client certificate",
        _NSURLERROR_H,
    )
    NSURLErrorCannotLoadFromNetwork = -2000, "Cache-only request needed the network", _NSURLERROR_H
    NSURLErrorCannotCreateFile = -3000, "Download could not create its file", _NSURLERROR_H
    NSURLErrorCannotOpenFile = -3001, "Downloaded file could not be opened", _NSURLERROR_H
    NSURLErrorCannotCloseFile = -3002, "Downloaded file could not be closed", _NSURLERROR_H
    NSURLErrorCannotWriteToFile = -3003, "Could not write the downloaded file", _NSURLERROR_H
    NSURLErrorCannotRemoveFile = -3004, "Downloaded file could not be deleted", _NSURLERROR_H
    NSURLErrorCannotMoveFile = -3005, "Downloaded file could not be moved", _NSURLERROR_H
    NSURLErrorDownloadDecodingFailedMidStream = (
        -3006,
        "Decoding a download failed partway through",
        _NSURLERROR_H,
    )
    NSURLErrorDownloadDecodingFailedToComplete = (
        -3007,
        "Decoding a download failed at the end",
        _NSURLERROR_H,
    )


# NSInteger on every current Apple platform.
register(URLError, -(2**63), 2**63 - 1, unsigned32=False)
