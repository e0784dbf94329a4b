"""Hostile inputs for the scanner: the ones issue 11 names, and a generator of more.

Shared by the complexity tests (tests/test_scan.py) and the growth benchmark
(tests/bench/bench_scan_growth.py).  Each entry maps a name to a function of the
input size in characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

#: The inputs issue 11 lists as costing seconds before (each ~10 kB at n = 10_000).
NAMED: dict[str, Callable[[int], str]] = {
    "nsurl_domain_spaces": lambda n: "NSURLErrorDomain error" + " " * n + "x",
    "error_code_spaces": lambda n: "Error Code" + " " * n,
    "error_dot_code_tabs": lambda n: "Error.code" + "\t" * n,
    "finished_with_error_spaces": lambda n: "finished with error" + " " * n,
    "decrypt_error_repeated": lambda n: "(DecryptError)" * (n // 14),
    "code_key_repeated": lambda n: "kCFStreamErrorCodeKey=1 " * (n // 24),
    "ssl_alert_number_repeated": lambda n: "SSL alert number 42 " * (n // 20),
    "indented_log": lambda n: ("    " * 50 + "error code: -1200 [3:-9802]\n") * (n // 228),
}
#: Found quadratic after issue 11's list: one long line with many findings, each of which
#: asked a question of the whole line (the nearest domain not bound to its own code, or
#: whether "TCP Conn" occurs).
NAMED.update(
    {
        "bound_domains_and_status_on_one_line": lambda n: (
            "Error Domain=NSPOSIXErrorDomain Code=57 status 1 " * (n // 48)
        ),
        "errno_words_on_one_line": lambda n: "socket error 32 err: 61 " * (n // 24),
        # the rules of held-out sets 6 and 7: a type's name looked back at per code word,
        # rustls' and OTP's alert forms
        "type_names_before_code_words": lambda n: "ParseError code=-1 " * (n // 19),
        "rustls_and_otp_alerts": lambda n: (
            "Sending fatal alert DecodeError x.erl:1:Fatal error: unknown ca " * (n // 64)
        ),
        # Go's alerts and warning close_notify (after held-out set 8)
        "go_alerts_and_warning_closes": lambda n: (
            "remote error: tls: bad certificate level: fatal, description: close notify "
            "sent a TLS alert: 'UnknownCA' handshake_failure(40) " * (n // 129)
        ),
        # a code word after each of many codes of a known domain (twins, held-out set 9)
        "repeated_codes_and_their_twins": lambda n: (
            "Error Domain=NSPOSIXErrorDomain Code=5 x Error code 5 " * (n // 54)
        ),
        # statuses written by name, each beside its number (held-out set 15's rule)
        "status_names_beside_their_numbers": lambda n: (
            "x: errSecInternalComponent -25300 (errSecItemNotFound) " * (n // 56)
        ),
        # errnos whose strerror() words are elsewhere on the line or on the line before,
        # and long domain names one letter off a known one (after held-out set 24)
        "errnos_with_their_words_in_view": lambda n: (
            "SIOCGIFMTU failed: Device not configured\n"
            + "x failed (6) osError.errorCode: 1 Operation not permitted " * (n // 58)
        ),
        "misspelt_domains": lambda n: (
            "(kCFErrorDomainCFNNetwork error 310.) Domain=NSURLErrorDomian Code=-1 " * (n // 70)
        ),
        "error_domain_after_long_words": lambda n: ("a" * 70 + "ErrorDomain 51 ") * (n // 85),
        # any errno beside its own words: Python's pairs, "words (errno)" (sets 27 and 28)
        "errno_pairs_and_words_before_numbers": lambda n: (
            "error: (61, 'Connection refused') Connection reset by peer (54) [Errno 16] x "
            * (n // 76)
        ),
        # librtmp's and libnetwork's errno forms (after sets 37 to 39)
        "errnos_before_their_words_in_parentheses": lambda n: (
            "failed 61 (Connection refused) RTMP send error 32 (9 bytes) SHUT_WR): [57] x "
            * (n // 77)
        ),
        "runs_with_a_digit_in_every_64": lambda n: "".join(
            ("Code=-" * 4 + "Error Domain=" * 2 + "error code: -" + "Err(" * 3 + "7")
            for _ in range(n // 64)
        ),
    }
)

#: Literal pieces of every fragment of the grammar in atscodes/_scan.py.
PIECES: tuple[str, ...] = (
    "error code:",
    "[3:",
    "Domain=",
    "Code=",
    "NSURLErrorDomain",
    "kCFStreamErrorDomainSSL,",
    "_kCFStreamErrorCodeKey=",
    "_kCFStreamErrorDomainKey=",
    "kCFNetworkCFStreamSSLErrorOriginalValue=",
    "finished with error",
    "error - code",
    "Error.code",
    "failed to connect",
    "encountered error",
    "]: ",
    "Err(",
    "SO_ERROR [",
    "POSIX error ",
    "POSIXErrorCode(rawValue:",
    "SocketStream read error [0x1]:",
    "recvmsg(fd 1, 2 bytes):",
    "[Errno ",
    "ConnectionResetError(",
    "[54: ",
    "Lower protocol stack error",
    "(DecryptError)",
    "alert from peer:",
    "ALERT: Fatal -",
    "SSL alert number",
    "SSLV3_ALERT_",
    "description:",
    "alert msg",
    "errno",
    "os error",
    "code",
    '"code":',
    "status",
    "OSStatus",
    "(int)",
    "-",
    "\u2212",
    "0x",
    "9,",
    "-98",
    "-1001",
    "42 (",
    "domain=",
    '"domain": "',
    "NSError",
    "Sending fatal alert ",
    "level: Fatal, description: ",
    ".erl:1:Fatal error: ",
    "{:tls_alert, {:",
    "status was ",
    "tatus: -",
    "NSURLErrorDomain/",
    "ParseError code=",
    "remote error: tls: ",
    "local error: tls: alert(",
    "sent a TLS alert: '",
    "TlsFatalAlert: handshake_failure(",
    "(IN), TLS alert, unknown CA (",
    "Os { code: ",
    "SecTrust -67843",
    "SSL (certificate_unknown) ",
    "OS Error: Operation not permitted, errno = ",
    "Operation not permitted (os error ",
    "(kCFErrorDomainCFNetwork error. ",
    "mono-io-layer-error (",
    "SSLRead() return error ",
    "error 3 - No such process",
    "level: warning, description: close notify",
    ": errSecInternalComponent",
    "UNIX error exception: ",
    "TlsException: CertificateUnknown",
    'Error_Protocol ("',
    "error (#3) No such process",
    "error [0x00000041] No route to host",
    " = -1 Err#2",
    "error (57): Socket is not connected",
    "error (8, 'nodename nor servname provided",
    "handshake alert: ",
    '",True,UnknownCa)',
    "-25300 (errSecItemNotFound)",
    # 2026-12-04's forms
    "gaierror(8, 'nodename nor servname provided",
    "8 (nodename nor servname provided",
    "result=49, Can't assign requested address",
    "SSL3 alert read:fatal:",
    "Alert write:warning:",
    "SocketError 4: ",
    "system error: ",
    "exit code ",
    "[3:-98",
    "错误代码：",
    "오류 코드 ",
    "Alert(fatal, ",
    'alert description "',
    "1:45 (",
)
PADS: tuple[str, ...] = (" ", "\t", "-", "0", ",", "(", "x")
#: Context that a later code on the same line looks back or ahead to, and codes that look.
CONTEXTS: tuple[str, ...] = (
    "NSURLErrorDomain ",
    "_kCFStreamErrorDomainKey=3, ",
    "domain=NSURLErrorDomain, ",
    "SSL alert ",
    "TIC TCP Conn Failed [1:0x1]: 3:-9802 ",
    "errno ",
)
CODES: tuple[str, ...] = (
    "code=-1001 ",
    "_kCFStreamErrorCodeKey=-9802, ",
    "msg 40 ",
    "[Errno 54] ",
    "Err(-9802) ",
    "51 (DecryptError) ",
)


def generated() -> Iterator[tuple[str, Callable[[int], str]]]:
    """Repeated units and padding around every piece: ``p*k``, ``p + pad*k + p``, ``(p+pad)*k``;
    and context-plus-code units repeated."""
    for index, piece in enumerate(PIECES):
        yield f"{index}:repeat", lambda n, p=piece: p * (n // len(p))
        for pad in PADS:
            yield (
                f"{index}:pad{pad!r}",
                lambda n, p=piece, d=pad: p + d * max(0, n - 2 * len(p)) + p,
            )
            yield f"{index}:unit{pad!r}", lambda n, p=piece, d=pad: (p + d) * (n // (len(p) + 1))
    # Many codes on one line, each consulting context found elsewhere on it.
    for context in CONTEXTS:
        for code in CODES:
            unit = context + code
            yield f"{context.strip()}+{code.strip()}", lambda n, u=unit: u * (n // len(u))
