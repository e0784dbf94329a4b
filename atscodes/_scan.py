"""``scan()``: find every error code in device logs, console output and NSError dumps.

How it works, and why it is fast enough for a log pipe:

1. *Candidate lines.*  Every shape the scanner understands contains one of a
   few marker strings (``rror``, ``RROR``, ``ailed``, ``lert``, ``LERT``,
   ``-98``).  Finding those with ``str.find``/``bytes.find`` runs at memory
   speed; only the lines that hold one (typically a few percent of a device
   log) go any further.  Lines are split at ``"\\n"`` only.
2. *One pattern per line.*  A single compiled alternation, built below from
   small named fragments (each with a real example and its source), is run
   over each candidate line.  ``re.finditer`` never reports overlapping
   matches, so a code matched by a contextual fragment (``[3:-9802]``) is not
   matched again by a bare-number fragment.  No fragment nests quantifiers, and
   every repetition is bounded, so matching time is linear in the line length.
3. *Domain from context.*  Each fragment says which domain its code belongs
   to, directly (``Error Domain=NSURLErrorDomain Code=-1200``) or through the
   CFStream pair's domain number (``[3:-9802]``, ``_kCFStreamErrorDomainKey=3``).

``Finding.domain`` is one of the canonical names in :data:`DOMAINS`.  Codes in a
domain atscodes has a table for resolve to a member, or to ``None`` for a valid
but unassigned code (still reported).  Codes in a domain atscodes has no table
for (``kCFStreamErrorDomainHTTP``) are reported with ``member=None``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from ._alerts import TLSAlert
from ._base import Code, get
from ._cfnetwork import CFNetworkError, CFStreamErrorDomain
from ._markers import MARKERS
from ._posix import AddrInfoError, DarwinErrno
from ._prefilter import Prefilter
from ._secerror import SecError
from ._sslstatus import SSLStatus
from ._strerror import LINUX_ONLY_STRERROR, STRERROR
from ._urlerror import URLError

__all__ = [
    "DOMAINS",
    "MARKERS",
    "WARNING_LEVEL",
    "Finding",
    "candidate_line_ranges",
    "scan",
    "scan_lines",
]

#: The canonical domain names a Finding can carry, with the families that hold their codes.
DOMAINS: Final[dict[str, tuple[type[Code], ...]]] = {
    "TLSAlert": (TLSAlert,),
    "NSURLErrorDomain": (URLError,),
    "kCFErrorDomainCFNetwork": (CFNetworkError,),
    "kCFStreamErrorDomainSSL": (SSLStatus, SecError),
    "NSOSStatusErrorDomain": (SSLStatus, SecError),
    "NSPOSIXErrorDomain": (DarwinErrno,),
    "kCFStreamErrorDomainNetDB": (AddrInfoError,),
    # CFStream domains without a table here: their codes are reported unresolved.
    "kCFStreamErrorDomainHTTP": (),
    "kCFStreamErrorDomainSOCKS": (),
    "kCFStreamErrorDomainFTP": (),
    "kCFStreamErrorDomainNetServices": (),
    "kCFStreamErrorDomainMach": (),
    "kCFStreamErrorDomainSystemConfiguration": (),
    "kCFStreamErrorDomainCustom": (),
    #: A ``_kCFStreamErrorCodeKey`` whose domain key is not in view.
    "CFStreamError": (),
}

# CFStream pair domain number -> canonical domain name.
_PAIR_DOMAIN: Final[dict[int, str]] = {
    -1: "kCFStreamErrorDomainCustom",
    1: "NSPOSIXErrorDomain",
    2: "NSOSStatusErrorDomain",
    3: "kCFStreamErrorDomainSSL",
    4: "kCFStreamErrorDomainHTTP",
    5: "kCFStreamErrorDomainSOCKS",
    6: "kCFStreamErrorDomainFTP",
    10: "kCFStreamErrorDomainNetServices",
    11: "kCFStreamErrorDomainMach",
    12: "kCFStreamErrorDomainNetDB",
    13: "kCFStreamErrorDomainSystemConfiguration",
}

# A domain token as it appears in logs (case-insensitive) -> canonical domain name.
_DOMAIN_TOKENS: Final[dict[str, str]] = {
    "nsurlerrordomain": "NSURLErrorDomain",
    "kcferrordomaincfnetwork": "kCFErrorDomainCFNetwork",
    "nsosstatuserrordomain": "NSOSStatusErrorDomain",
    "osstatus": "NSOSStatusErrorDomain",
    '"osstatus"': "NSOSStatusErrorDomain",
    "nsposixerrordomain": "NSPOSIXErrorDomain",
    "knwerrordomainposix": "NSPOSIXErrorDomain",
    "knwerrordomaintls": "kCFStreamErrorDomainSSL",
    "network.nwerror": "NWError",
    "nwerror": "NWError",
    **{
        member.name.lower(): _PAIR_DOMAIN[int(member)]
        for member in CFStreamErrorDomain
        if int(member) in _PAIR_DOMAIN
    },
}

# The long names, which a hand-copied log may misspell by one letter.
_LONG_TOKENS: Final = tuple(token for token in _DOMAIN_TOKENS if len(token) >= 14)


def _one_edit(a: str, b: str) -> bool:
    """Whether *a* and *b* differ by exactly one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i, shortest = 0, min(len(a), len(b))
    while i < shortest and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]
        return a[i + 1 :] == b[i + 1 :] or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


@functools.lru_cache(maxsize=256)
def _domain_token(token: str) -> str | None:
    """The canonical domain of a domain name as logged (lower case), misspelt or not.

    One letter off a long name is that name: "NSPOSIXEErrorDomain Code=53"
    (analogcode/Swift-Radio-Pro issue 110), "(kCFErrorDomainCFNNetwork Error 310.)"
    (ZeusLN/zeus issue 1270).  Inference, for text a person typed out again; short names
    ("NWError", "OSStatus") are taken only as spelt.
    """
    domain = _DOMAIN_TOKENS.get(token)
    if domain is not None or len(token) < 14:
        return domain
    for known in _LONG_TOKENS:
        if _one_edit(token, known):
            return _DOMAIN_TOKENS[known]
    return None


_MARKERS_B: Final[tuple[bytes, ...]] = tuple(m.encode() for m in MARKERS)
# candidate_line_ranges() finds them in bytes (see atscodes._prefilter: a literal regular
# expression per marker or two, memchr for a marker with a byte that is rare in the input).
_PREFILTER: Final = Prefilter(_MARKERS_B)

# --- the grammar -----------------------------------------------------------------------------
# How a code is written: [code word] [separator] [number], with the domain taken from the
# fragment itself or from the record around it.  Every repetition below is bounded (no
# unbounded whitespace run next to an optional piece), so a regular expression can never
# backtrack over a long run: matching costs a constant per start position.
#
# Numbers.  Signs: ASCII '-', U+2212 MINUS SIGN, U+FF0D FULLWIDTH HYPHEN-MINUS, U+2010/U+2011
# hyphens, U+2013 EN DASH and U+FE63 SMALL HYPHEN-MINUS all occur in pasted text; one space may
# follow the sign ("NSURLErrorDomain - 1001").  ``\d`` also matches full-width digits, which
# int() reads.  Forms: decimal (up to 20 digits, so that unsigned 32- and 64-bit renderings of a
# negative code such as 18446744073709550612 = -1004 are read back), ``0x`` hex (an unsigned
# OSStatus: 0xFFFFD9B6 = -9802), a thousands separator ("-9,808"), after an optional C cast
# ("(int)-2200", "(OSStatus)-9802").
_SIGN = "[-\u2212\uff0d\u2010\u2011\u2013\ufe63]"
_CAST = (
    r"(?:\((?=[ILNOSUCilnosuc])(?i:unsigned |signed )?"
    r"(?i:int|long|long long|short|NSInteger|NSUInteger|OSStatus|OSErr|int32_t|uint32_t"
    r"|int64_t|uint64_t|SInt32|UInt32|CFIndex|Int32|Int)\) ?)"
)
_DEC = rf"{_SIGN}? ?\d{{1,20}}"
_NUM = rf"{_CAST}?(?:0[xX][0-9A-Fa-f]{{1,16}}|{_SIGN}? ?\d{{1,3}}(?:,\d{{3}})+(?!\d|,\d)|{_DEC})"
_INT = _NUM
_END = r"(?![\w.]\d)(?!\d)"
_NUM_TABLE: Final = str.maketrans(
    {
        "\u2212": "-",
        "\uff0d": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\ufe63": "-",
        " ": None,
        ",": None,
    }
)


def _alert_names() -> dict[str, TLSAlert]:
    """Every spelling of an alert name that logs use, normalised to lower_snake case."""
    names: dict[str, TLSAlert] = {}
    for alert in TLSAlert:
        base = alert.name.lower().removesuffix("_reserved")
        names[base] = alert
    # BoringSSL and OpenSSL spell 90 with a double L (SSL_R_TLSV1_ALERT_USER_CANCELLED).
    names["user_cancelled"] = TLSAlert.user_canceled
    return names


_ALERT_NAMES: Final = _alert_names()


def _longest_first(names: Iterable[str]) -> str:
    """*names* as one alternation, longest first, so that none stops at a shorter prefix."""
    return "|".join(sorted(names, key=len, reverse=True))


# The snake_case spellings of each alert number, for a name written before its number.
_SNAKE_NAMES: Final = {
    int(alert): tuple(
        name for name, named in _ALERT_NAMES.items() if named is alert and "_" in name
    )
    for alert in TLSAlert
}


_SNAKE_WORDS = _longest_first(name for names in _SNAKE_NAMES.values() for name in names)
# What a line says when a parenthesised alert name on it is one (alertjdk).
_TLS_WORDS: Final = ("SSL", "TLS", "ssl", "tls", "PKIX", "andshake", "ertificate")
# What a line says when a bare errSec value on it is a Security status (bare_sec).
_SEC_WORDS: Final = ("Sec", "rust", "eychain", "ertificate")


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# An alert sent at level warning: "write alert, level: warning, description: close notify"
#   (BoringSSL's SSL_shutdown, transistorsoft/flutter_background_geolocation issue 295 and
#   doronz88/pymobiledevice3 issue 709), rustls' "level: Warning", Erlang's "Warning - ".
WARNING_LEVEL: Final = (
    "level: warning",
    "warning alert",
    "Warning - ",
    "level: Warning",
    "read:warning:",
    "write:warning:",
    "Alert(warning,",
)
# rustls and SerenityOS print alerts as CamelCase ("critical error: 51 (DecryptError)").
_ALERT_CAMEL: Final = {
    "".join(part.capitalize() for part in name.split("_")): alert
    for name, alert in _ALERT_NAMES.items()
}
_CAMEL_WORDS = _longest_first(_ALERT_CAMEL)
# rustls' AlertDescription variants (rustls/rustls, rustls/src/msgs/enums.rs at 55c3125d),
#   printed with {:?}: the CamelCase names above, and four spelled its own way.
_ALERT_RUSTLS: Final = {
    **_ALERT_CAMEL,
    "UnknownCA": TLSAlert.unknown_ca,
    "UnknownPSKIdentity": TLSAlert.unknown_psk_identity,
    "UnrecognisedName": TLSAlert.unrecognized_name,
    "EncryptedClientHelloRequired": TLSAlert.ech_required,
}
_RUSTLS_WORDS = _longest_first(_ALERT_RUSTLS)
# .NET: "Authentication failed because the remote party sent a TLS alert: 'HandshakeFailure'."
#   names TlsAlertMessage's members (dotnet/runtime TlsFrameHelper.cs: CamelCase, and five
#   spelled its own way, "InsuffientSecurity" among them).
_ALERT_DOTNET: Final = {
    **_ALERT_CAMEL,
    "UnknownCA": TLSAlert.unknown_ca,
    "DecompressionFail": TLSAlert.decompression_failure_RESERVED,
    "UnsupportedCert": TLSAlert.unsupported_certificate,
    "InsuffientSecurity": TLSAlert.insufficient_security,
    "UnsupportedExt": TLSAlert.unsupported_extension,
}
_DOTNET_WORDS = _longest_first(_ALERT_DOTNET)
# Mono's TlsException (Xamarin.iOS, Mono on macOS) is its alert's AlertDescription name
#   unless given a message (TlsException.cs, Alert.cs in mono/mono
#   mcs/class/Mono.Security/Mono.Security.Interface at b8787940), spelled Mono's way.
_ALERT_MONO: Final = {
    **_ALERT_CAMEL,
    "BadRecordMAC": TLSAlert.bad_record_mac,
    "DecryptionFailed_RESERVED": TLSAlert.decryption_failed_RESERVED,
    "NoCertificate_RESERVED": TLSAlert.no_certificate_RESERVED,
    "IlegalParameter": TLSAlert.illegal_parameter,
    "UnknownCA": TLSAlert.unknown_ca,
    "ExportRestriction": TLSAlert.export_restriction_RESERVED,
    "InsuficientSecurity": TLSAlert.insufficient_security,
    "UserCancelled": TLSAlert.user_canceled,
    "NoRenegotiation": TLSAlert.no_renegotiation_RESERVED,
}
_MONO_WORDS = _longest_first(_ALERT_MONO)
# The fragments that name an alert in CamelCase: their table and the name's group.
_CAMEL_TABLES: Final = {
    "alertrustls": (_ALERT_RUSTLS, "ar_name"),
    "alertmono": (_ALERT_MONO, "amo_name"),
    "alerths": (_ALERT_CAMEL, "ahs_name"),
    "alerthslevel": (_ALERT_CAMEL, "ahl_name"),
}
# Go's crypto/tls prints an alert as "tls: " + its alertText (golang/go
#   src/crypto/tls/alert.go at 09678f41), wrapped in a net.OpError whose Op says who sent
#   it (conn.go): "remote error: tls: bad certificate" was received, "local error: tls:
#   …" was sent.  An alert without text is "tls: alert(112)".
_ALERT_GO: Final = {
    "close notify": TLSAlert.close_notify,
    "unexpected message": TLSAlert.unexpected_message,
    "bad record MAC": TLSAlert.bad_record_mac,
    "decryption failed": TLSAlert.decryption_failed_RESERVED,
    "record overflow": TLSAlert.record_overflow,
    "decompression failure": TLSAlert.decompression_failure_RESERVED,
    "handshake failure": TLSAlert.handshake_failure,
    "bad certificate": TLSAlert.bad_certificate,
    "unsupported certificate": TLSAlert.unsupported_certificate,
    "revoked certificate": TLSAlert.certificate_revoked,
    "expired certificate": TLSAlert.certificate_expired,
    "unknown certificate authority": TLSAlert.unknown_ca,
    "unknown certificate": TLSAlert.certificate_unknown,
    "illegal parameter": TLSAlert.illegal_parameter,
    "access denied": TLSAlert.access_denied,
    "error decoding message": TLSAlert.decode_error,
    "error decrypting message": TLSAlert.decrypt_error,
    "protocol version not supported": TLSAlert.protocol_version,
    "insufficient security level": TLSAlert.insufficient_security,
    "internal error": TLSAlert.internal_error,
    "inappropriate fallback": TLSAlert.inappropriate_fallback,
    "user canceled": TLSAlert.user_canceled,
    "no renegotiation": TLSAlert.no_renegotiation_RESERVED,
    "missing extension": TLSAlert.missing_extension,
    "unsupported extension": TLSAlert.unsupported_extension,
    "no application protocol": TLSAlert.no_application_protocol,
}
_GO_WORDS = _longest_first(re.escape(name) for name in _ALERT_GO)
_ALERT_WORDS = _longest_first(re.escape(n).replace("_", "[ _]") for n in _ALERT_NAMES)

# Each fragment starts with a literal character (or a branch of literals), so that
# `re` can skip ahead to where it might match instead of trying every position;
# they are compiled one by one and their matches merged in _scan_line().
_DOMAIN_SPELLINGS = (
    "NSURLErrorDomain|nsurlerrordomain|kCFErrorDomainCFNetwork|KCFErrorDomainCFNetwork"
    '|NSOSStatusErrorDomain|"OSStatus"|OSStatus|OSstatus|NSPOSIXErrorDomain'
    "|kNWErrorDomainPOSIX|kNWErrorDomainTLS|Network\\.NWError|NETWORK\\.NWERROR|NWError"
    "|kCFStreamErrorDomain(?:SSL|POSIX|NetDB|HTTP|MacOSStatus|SOCKS|FTP|NetServices|Mach"
    "|SystemConfiguration|Custom)"
)

# What may stand between a domain's name and its code.
_DOMAIN_SEP = (
    r"(?:\s{0,4}(?i:error\s{0,4}code|code)\s{0,4}[=:]?\s{0,4}"
    r"|\s{0,4}[,:]?\s{0,4}(?i:error|\u9519\u8bef)\s{0,4}:?\s{0,4}"
    r"|\s{0,4}[,:/]\s{0,4}|\s{1,4})"
)

_URL_RANGE = r"(?:99[5-9]|10[0-2]\d|110[0-4]|120[0-6]|2000|300[0-7])"
_W = r"[ \t]"  # inline whitespace; always used with a bound
# After a "domain:code" pair: no word, ':' or '.' + word character goes on ("1:54.3", "1:2:3"
#   are not pairs), but a sentence may end ("TIC Read Status [11:0x0]: 1:57.", picsew.cn).
_PAIR_END = r"(?![\w:]|\.\w)"

_FRAGMENTS: Final[tuple[tuple[str, str], ...]] = (
    # "Task <…>.<1> HTTP load failed, 0/0 bytes (error code: -1202 [3:-9813])"
    #   (Apple Developer Forums thread 102253): an NSURLError code and its CFStream pair.
    (
        "task",
        r"error\s{1,4}code:(?=(?=(?P<task_gap>\D{0,28}))(?P=task_gap)\d)"
        rf"\s{{0,4}}(?P<task_url>{_NUM})\s{{0,4}}"
        rf"(?P<task_pair>\[\s{{0,2}}(?P<task_dom>-?\d{{1,2}})\s{{0,2}}:\s{{0,2}}"
        rf"(?P<task_code>{_DEC})\s{{0,2}}\])",
    ),
    # The code word in Chinese, Japanese or Korean, as localized apps print it: "错误代码"
    #   and a full-width colon before "-1005" (Bilibili for mac, the NSError dump below
    #   it; held-out set 60), "错误码", "錯誤代碼", "エラーコード", "오류 코드".  Read as the
    #   general form reads "Error Code: -1005" (see "word"), full-width colon and digits.
    (
        "cjkword",
        r"(?P<w_word>错误代码|错误码|錯誤代碼|錯誤碼|エラーコード|오류\s?코드)\s{0,2}[:=\uff1a\uff1d]?"
        rf"\s{{0,2}}(?P<w_code>{_NUM}){_END}",
    ),
    # CFNetwork's "[3:-9802]" (kCFStreamErrorDomainSSL and a SecureTransport status) away
    #   from the "error code:" it follows in a Task line, as people quote it ("failed
    #   with [3:-9802]"): the pair, not the bare status inside it.  Only domain 3 with a
    #   -98xx status: "[1:54]" could be a time.
    (
        "sslpair",
        r"(?P<sp_pair>\[\s{0,2}(?P<sp_dom>3)\s{0,2}:\s{0,2}(?P<sp_code>-98\d\d)\s{0,2}\])",
    ),
    # "Error Domain=NSURLErrorDomain Code=-1200 \"An SSL error has occurred…\"" (any NSError
    #   description), WebKit's "domain=NSURLErrorDomain, code=-1002" (realm/realm-core issue
    #   6996) and JSON's "\"domain\": \"NSURLErrorDomain\", \"code\": -1004"; a domain atscodes
    #   does not know is consumed without a finding.
    (
        "nserror",
        r"(?:Domain|domain|DOMAIN)\"?\s{0,4}[=:]\s{0,4}\"?(?=(?P<ns_dom>[A-Za-z_][\w.]{0,80}))(?P=ns_dom)\"?"
        rf",?\s{{1,4}}\"?(?:Code|code|CODE)\"?\s{{0,4}}[=:]\s{{0,4}}(?P<ns_code>{_NUM})",
    ),
    # "(kCFStreamErrorDomainSSL, -9802)" (NSURLSession/NSURLConnection HTTP load failed),
    #   "(NSURLErrorDomain error -1200.)", "(OSStatus error -9836.)",
    #   "Error \"OSStatus\" -9807" (muhku/FreeStreamer issue 431), "NSURLErrorDomain - 1001",
    #   "KCFErrorDomainCFNetwork ErrorCode = 310" (Alamofire issue 3273),
    #   "#NSURLErrorDomain/-1202" (kolyvan/kybook issue 203).
    (
        "domain",
        rf"(?P<d_dom>{_DOMAIN_SPELLINGS}){_DOMAIN_SEP}\[?(?P<d_code>{_NUM})",
    ),
    # The same with a long domain name misspelt by one letter: "NSPOSIXeErrorDomain 51 The
    #   operation couldn't be completed." (OwnTracks' status text as a user typed it out,
    #   BrianHepler/MMM-WeasleyClock issue 3); the handler reads the name back from
    #   "ErrorDomain" and asks _domain_token() for it.
    ("domaintypo", rf"ErrorDomain(?P<dt_tail>\w{{0,20}}){_DOMAIN_SEP}\[?(?P<dt_code>{_NUM})"),
    # Foundation's description of an NSError without one of its own: "The operation
    #   couldn't be completed. (kCFErrorDomainCFNetwork error 303.)"; the token before
    #   "error" is always the domain, one atscodes has no table for included
    #   ("(Amplify.AuthError error 1.)", aws-amplify/amplify-swift issue 1259).
    (
        "opdesc",
        rf"\((?P<od_dom>[A-Za-z_][\w.]{{0,80}})\serror\.?\s(?P<od_code>{_NUM})\.?\)",
    ),
    # The same description in Chinese, with full-width parentheses: "未能完成操作。" and then
    #   NSURLErrorDomain错误-1001, or the domain in curly quotes, "“qiniu.com”错误 -1009"
    #   (qiniu/objc-sdk issue 398, held-out set 17, which closes it with a bracket of
    #   another kind): the domain, then 错误 ("error") and the code.
    (
        "opdesczh",
        r"[（(]\s{0,2}[“\"]?(?P<od_dom>[A-Za-z_][\w.]{0,80})[”\"]?\s{0,2}错误\s{0,2}"
        rf"(?P<od_code>{_NUM}){_END}",
    ),
    # "_kCFStreamErrorCodeKey=-9802, _kCFStreamErrorDomainKey=3" (NSError userInfo), also
    #   plist ("\"_kCFStreamErrorCodeKey\" = -9802;") and JSON (": -9802") spellings.
    #   (and "_KCFStreamErrorCodeKey= 50", a capital K as text read off a screenshot writes
    #   it: opa334/TrollStore issue 11, held-out set 74)
    ("key", rf"[kK]CFStreamErrorCodeKey\"?\s{{0,4}}[=:]\s{{0,4}}\"?(?P<key_code>{_NUM})"),
    # "_kCFNetworkCFStreamSSLErrorOriginalValue=-9802": always a SecureTransport status.
    (
        "orig",
        rf"kCFNetworkCFStreamSSLErrorOriginalValue\"?\s{{0,4}}[=:]\s{{0,4}}\"?(?P<orig_code>{_NUM})",
    ),
    # macOS's alert for a failed file operation puts the OSStatus in parentheses: the
    #   Finder's "… can't be read or written. (Error code -36)" (ioErr; a Samba share in
    #   held-out set 42, and "错误代码-36" in full-width parentheses in set 70's utmapp/UTM
    #   issue 6906), "(Error code -43)" (the corpus' Kap issue 391), and the Finder's own
    #   -8000s: an OSStatus whether or not atscodes has its name.  Other values are left to
    #   "err".
    (
        "finder",
        r"[(\uff08]\s{0,2}(?:Error\scode|错误代码)\s{0,2}(?P<fd_code>[-\u2212]\d{1,5})\s{0,2}[)\uff09]",
    ),
    # "Task <…>.<1> finished with error [-1202] Error Domain=…",
    #   "finished with error - code: -1001", "Error Code: -1100", and with full-width
    #   signs, "error.code \uff1d \uff0d999" (GeeTeam gt3-ios-sdk issue 4).
    (
        "err",
        r"(?:finished\s{1,4}with\s{1,4}error(?:\s{0,4}-\s{0,4}code)?|error\s{0,4}-\s{0,4}code"
        r"|error[ .][Cc]ode|Error[ .][Cc]ode|ERROR[ .]CODE)"
        # (the first digit at most 34 characters on: as for "word" below)
        r"(?=(?=(?P<err_gap>\D{0,34}))(?P=err_gap)\d)"
        rf"\s{{0,4}}[:=\uff1d]?\s{{0,4}}\[?(?P<err_code>{_NUM})\]?",
    ),
    # "Connection 2: failed to connect 3:-9838, reason -1", "encountered error(3:-9813)",
    #   "TLS Trust encountered error 3:-9813" (Apple Developer Forums; react-native issues).
    (
        "ctx",
        r"(?:failed\s{1,4}to\s{1,4}connect|encountered\s{1,4}error|Generating)\s{0,4}\(?\s{0,4}"
        r"(?P<ctx_pair>(?P<ctx_dom>\d{1,2}):(?P<ctx_code>-?\d{1,10}))" + _PAIR_END,
    ),
    # "TIC TCP Conn Failed [4:0x1c0362f40]: 3:-9802 Err(-9802)" (firebase/quickstart-ios 339).
    ("tic", r"\]:\s{0,4}(?P<tic_pair>(?P<tic_dom>\d{1,2}):(?P<tic_code>-?\d{1,10}))" + _PAIR_END),
    # CFNetwork's TCP connection object: "TCP Conn 0x1c4572300 Failed : error 0:61 [61]"
    #   (cwilsn/react-native-network-info issue 41, iOS 11) and "TCP Conn Failed : error
    #   0:50" print a domain and a code, the errno again in brackets; before iOS 11 its
    #   "CFNetwork Diagnostics" block said "error: 61 [61]" (PeelTechnologies/react-native-tcp
    #   issue 56, iOS 10).  Domain 0 is not a CFStream domain: every public log shows it with
    #   an errno value (50, 60, 61), so it is read as one (inference, see handle()).
    (
        "tcpconn",
        r"Failed\s{0,2}:\s{0,2}error\s{1,2}(?P<tc_pair>(?P<tc_dom>\d{1,2}):(?P<tc_code>-?\d{1,10})"
        r"(?:\s\[(?P<tc_rep>-?\d{1,10})\])?)" + _PAIR_END,
    ),
    # (two fragments, each starting with a literal, which `re` searches for quickly)
    (
        "tcperrno",
        r"error:\s{0,2}(?P<tc_alone>(?P<tc_errno>\d{1,3})\s\[(?P=tc_errno)\])" + _PAIR_END,
    ),
    # React Native's error code for an NSError, "E" + the domain in upper case + the code
    #   (RCTJSErrorFromNSError in React/Base/RCTUtils.m): "code: 'ENSURLERRORDOMAIN-999'"
    #   (chirag04/react-native-in-app-utils issue 117).
    (
        "rncode",
        r"E(?<![A-Za-z0-9_]E)(?P<rn_dom>[A-Z][A-Z0-9_.]{2,80}DOMAIN)(?P<rn_code>-?\d{1,20})(?!\d)",
    ),
    ("errparen", r"Err\((?P<e_code>-?\d{1,10})\)"),
    # "Socket SO_ERROR [54: Connection reset by peer]", "Socket SO_ERROR 61" (libnetwork,
    #   kevinhermawan/Ollamac issue 9), "POSIX error 96",
    #   "POSIXErrorCode(rawValue: 53)" (Alamofire, Starscream issues).
    (
        "posix",
        r"(?:SO_ERROR\s{0,4}\[?|POSIX\s{1,4}error\s{1,4}|POSIXErrorCode\(rawValue:\s{0,4})"
        r"(?P<px_code>\d{1,4})(?!\d)",
    ),
    # CoreFoundation's CFSocketSetAddress() logs errno when bind() or listen() fails:
    #   "CFSocketSetAddress bind failure: 48" (CFSocket.c in swiftlang/swift-corelibs-
    #   foundation, commit 99cbc77958be; maxgoedjen/secretive issue 555, and "listen
    #   failure: 102" in held-out set 2).
    (
        "cfsocket",
        r"CFSocketSetAddress (?:bind|listen) failure: (?P<cs_code>\d{1,3})(?!\d)",
    ),
    # Mono's Win32Exception for an error it has no text for: "SocketException:
    #   mono-io-layer-error (61)" (heroiclabs/nakama-unity issue 152, Unity on iOS); the
    #   number is the platform's errno (Android's say 111 for the same refusal), read as
    #   Darwin's only when it is one network code reports (_STRERROR).
    ("monoerr", r"mono-io-layer-error\s\((?P<mio_code>\d{1,4})\)"),
    # "SocketStream read error [0x2811f18c0]: 1 54" (daltoniam/Starscream issue 586): a
    #   CFStream domain and code, space-separated.
    (
        "sockstream",
        r"SocketStream\s{1,4}(?:read|write)\s{1,4}error\s{0,4}\[0x[0-9a-fA-F]{1,16}\]:\s{0,4}"
        r"(?P<ss_pair>(?P<ss_dom>\d{1,2})\s(?P<ss_code>-?\d{1,10}))(?![\w.])",
    ),
    # "nw_socket_get_input_frames recvmsg(fd 13, 1024 bytes): [57] Socket is not connected"
    #   (silkimen/cordova-plugin-advanced-http issue 17): a Darwin errno.
    (
        "sockmsg",
        r"(?:recv|send)msg\(fd\s\d{1,6},\s\d{1,12}\sbytes\):?\s{0,4}\[(?P<sm_code>\d{1,4})[:\]]",
    ),
    # Python's OSError on macOS: "ConnectionResetError: [Errno 54] Connection reset by peer",
    #   "ConnectionResetError(54, 'Connection reset by peer')" (issue 11).  The errno is
    #   Darwin's only when the text beside it is Darwin's strerror (Linux says 104 for it).
    (
        "pyerrno",
        r"\[Errno\s{1,2}(?P<pe_code>\d{1,4})\]"
        r"(?:\s{1,2}(?P<pe_text>[A-Za-z'][A-Za-z0-9' ]{0,40}))?",
    ),
    (
        "pyoserror",
        r"(?:[A-Z][A-Za-z]{0,30}Error|OSError|error)\((?P<po_code>\d{1,4}),\s{0,2}['\"]"
        r"(?P<po_text>[A-Za-z'][A-Za-z0-9' ]{0,40})",
    ),
    # Python's (errno, strerror) pair as its repr prints it: pySerial's "Could not configure
    #   port: (6, 'Device not configured')" (espressif/esptool issue 1127, macOS) and Python
    #   2's "socket.error: (61, 'Connection refused')"; the whole quoted text must be the
    #   number's Darwin strerror() ("(111, 'Connection refused')" is Linux's).
    (
        "errtuple",
        r"\((?P<tu_code>\d{1,3}), ?(?P<tu_q>['\"])"
        r"(?:(?P<tu_text>[A-Z][A-Za-z' /:]{1,50})(?P=tu_q)\)"
        # (and Python 2's socket.gaierror, getaddrinfo()'s code and gai_strerror() text:
        #   "<urlopen error (8, 'nodename nor servname provided, or not known')>",
        #   davilla/atvusb-creator issue 128, held-out set 51)
        r"|(?P<tu_gai>nodename nor servname provided))",
    ),
    # An errno and then its own strerror() words in parentheses, as librtmp prints them:
    #   "RTMP_Connect0, failed to connect socket. 61 (Connection refused)" (LaiFengiOS/
    #   LFLiveKit issues 272 and 288, jkuri/opencv-ffmpeg-rtmp-stream issue 6 on a Mac) and
    #   "GetSockError(): 54 (Connection reset by peer)", or after a colon, as launchctl
    #   does: "Load failed: 5: Input/output error" (m4rkw/macos-corner-fix issue 3,
    #   pirj/noclamshell issue 25); the words must be the number's whole strerror().
    (
        "numwords",
        # (also the code of a "1:45" pair, CFStream's POSIX domain and an errno, before its
        #   words: "CommCenter error: 1:45 (Operation not supported)", a macOS log in
        #   held-out set 65; the words decide, as for a bare number)
        r"(?:(?<![\w.:\-])|(?<=(?<![\w.:])1:))(?P<nw_code>\d{1,3})"
        r"(?: \((?:(?P<nw_text>[A-Z][A-Za-z' /:]{1,50})\)"
        # (or getaddrinfo()'s code and its gai_strerror() words: "getaddrinfo failed: 8
        #   (nodename nor servname provided)", a Network.framework diagnostic's example in
        #   tmad4000/VoiceFlow, held-out set 53)
        r"|(?P<nw_gai>nodename nor servname provided))"
        # (or after a comma: "bind failed, result=49, Can't assign requested address", a
        #   CryptoNote daemon's TcpListener, held-out set 52)
        r"|,\s(?P<nw_comma>[A-Z][A-Za-z' /]{1,50})"
        # (the colon form only in a chain of messages, "…: 5: words", not "Line 13: …")
        #   (or after a type named "…Error": SocketSwift's "SocketError 4: Interrupted system
        #   call", iOS 15.4, held-out set 58)
        r"|(?:(?<=:\s\d)|(?<=:\s\d\d)|(?<=:\s\d\d\d)|(?<=Error\s\d)|(?<=Error\s\d\d)"
        r"|(?<=Error\s\d\d\d)):\s(?P<nw_bare>[A-Z][A-Za-z' /]{1,50}))",
    ),
    # librtmp's WriteN(): "RTMP send error 32 (437 bytes)", the socket's errno (rtmp.c;
    #   obsproject/obs-studio issue 13257 on macOS, LFLiveKit's "PILI_RTMP send error 32").
    ("rtmpsend", r"RTMP send error (?P<rs_code>\d{1,3})(?!\d)"),
    # "[54: Connection reset by peer]" (daltoniam/Starscream issue 886): errno and strerror.
    ("bracketerrno", r"\[(?P<be_code>\d{1,3}):\s(?P<be_text>[A-Z][A-Za-z' ]{1,40})\]"),
    # "shutdown(29, SHUT_WR): [57] Socket is not connected" (libnetwork, iOS 10): an errno
    #   in brackets and then its own strerror() words, which handle() asks for exactly.
    #   The same with the errno in hex, WebRTC's "sendto : [0x00000041] No route to host"
    #   (tuyaohui/WebRTC_iOS issue 8, iOS), and as tccd prints it: "proc_pidpath(47952):
    #   (#3) No such process" (a macOS unified log, held-out set 20); and .NET's native
    #   errno, "System.Net.Sockets.SocketException (57): Socket is not connected"
    #   (OpenTabletDriver issue 3663, held-out set 51), as GitHub Desktop's askpass writes
    #   it too ("… this connection. (49): Can't assign requested address", set 49).
    (
        "bracketed",
        r"(?:\[(?:(?P<bk_code>\d{1,3})|0x(?P<bk_hex>0{0,6}[0-9A-Fa-f]{1,2}))\]"
        r"|\(#(?P<bk_hash>\d{1,3})\)|\((?P<bk_paren>\d{1,3})\):)"
        r"\s(?P<bk_text>[A-Z][A-Za-z' ]{1,40})",
    ),
    # dtruss (DTrace's system call tracer on macOS) prints a failed call's errno as "= -1
    #   Err#2" (cocoadev's NSDictionaryWriteToFile page, held-out set 16).
    ("dtruss", r"=\s{1,8}-1\s{1,4}Err#(?P<dt_code>\d{1,3})(?!\d)"),
    # "Lower protocol stack error: 57" (issue 11): SecureTransport's I/O callback errno;
    #   libnetwork's BoringSSL layer says "Lower protocol stack error post TLS handshake:
    #   54" (a macOS RemoteConnectionManager log on pastebin, held-out set 20).
    (
        "lowerstack",
        r"Lower\s{1,2}protocol\s{1,2}stack\s{1,2}error"
        r"(?:\s{1,2}post\s{1,2}TLS\s{1,2}handshake)?:?\s{0,2}(?P<ls_code>\d{1,3})(?!\d)",
    ),
    # MySQL's client library, CR_CONN_HOST_ERROR and CR_CONNECTION_ERROR (errors 2003 and
    #   2002), with the connect() errno in parentheses: "Can't connect to MySQL server on
    #   '127.0.0.1' (61)" (Sequel Pro, MySQL Workbench and the mysql client on OS X, held-out
    #   set 94), "Can't connect to local MySQL server through socket '/tmp/mysql.sock' (2)";
    #   MariaDB adds the words, "(111 \"Connection refused\")".  Darwin's errno when the
    #   table has it (and the words, if given, are its own); Linux's 111 and Windows' 10061
    #   are not read.
    (
        "mysql",
        r"Can(?:\\?'|\u2019)t connect to (?:local )?MySQL server (?:on|through socket) "
        r"\\?'[^'\n]{0,200}\\?'\s\((?P<my_code>\d{1,5})"
        r"(?:\s\\?\"(?P<my_words>[^\"\\\n]{1,60})\\?\")?\)",
    ),
    # A Security status by its constant's name alone, as codesign prints it: "extractor:
    #   errSecInternalComponent" (beaconstorekey-extractor issue 7, Apple developer forums
    #   thread 712005).  Not with its number right after it ("errSecItemNotFound(-25300)",
    #   "= -25300"): the number's own fragment reads that one; a name with its number
    #   elsewhere on the line is that number's gloss (close() keeps the number alone).
    (
        "secname",
        r"(?<![A-Za-z0-9_])(?P<sn_name>errSec[A-Z][A-Za-z0-9]{1,60})(?![A-Za-z0-9_])"
        r"(?!\s{0,3}[=:(]?\s{0,3}[-\u2212]?\d)",
    ),
    # "We were alerted of a critical error: 51 (DecryptError)" (SerenityOS issue 10261);
    #   the number before the parenthesis is checked in the handler.
    ("alertcamel", rf"\((?P<ac_name>{_CAMEL_WORDS})\)"),
    # Bouncy Castle's AlertDescription.getText(): the name, then the number in parentheses,
    #   "org.bouncycastle.tls.TlsFatalAlert: handshake_failure(40); …" (keycloak/keycloak
    #   issue 38275); the handler asks that the name before it be that number's.
    ("alertnamed", r"\((?P<anm_code>\d{1,3})\)"),
    # "TLS alert from peer: unknown 46" (mirleft/ocaml-tls issue 516); Erlang's
    #   "received CLIENT ALERT: Fatal - Certificate Unknown" (erlang/otp issue 4481).
    ("alertpeer", r"alert\s{1,4}from\s{1,4}peer:\s{0,4}(?:unknown\s{1,4})?(?P<ap_code>\d{1,3})\b"),
    (
        "alerterl",
        rf"ALERT:\s{{0,4}}(?:Fatal|Warning)\s{{0,4}}-\s{{0,4}}(?P<ae_name>(?i:{_ALERT_WORDS}))"
        r"(?![A-Za-z])",
    ),
    # rustls: "Sending fatal alert DecodeError" (its warn! log line; dani-garcia/vaultwarden
    #   issue 304), "received fatal alert: BadCertificate" (its Error's Display), the
    #   Debug form of the alert, "level: Fatal, description: BadCertificate", and of its
    #   Error, "TLS error: AlertReceived(CertificateRevoked)" (rustls' tlsclient-mio
    #   example's output, held-out set 67).
    (
        "alertrustls",
        r"(?:(?:[Ss]ending\s(?:fatal|warning)\salert|[Rr]eceived\s(?:fatal|warning)\salert:?"
        r"|level:\s(?:Fatal|Warning),\sdescription:)\s{1,2}|AlertReceived\()"
        rf"(?P<ar_name>{_RUSTLS_WORDS})(?![A-Za-z])",
    ),
    # Java's JSSE (recent JDKs) starts an SSLException's message with the alert in
    #   parentheses: "javax.net.ssl.SSLHandshakeException: (certificate_unknown) PKIX path
    #   building failed" (git-ai-project/git-ai issue 1391, couchbase-examples/couchbase-lite-
    #   retail-demo issue 35); the handler asks for TLS words on the line.
    ("alertjdk", rf"\((?P<aj_name>{_SNAKE_WORDS})\)\s"),
    # .NET's SslStream (see _ALERT_DOTNET).
    ("alertdotnet", rf"sent\sa\sTLS\salert:\s'?(?P<adn_name>{_DOTNET_WORDS})(?![A-Za-z])"),
    # Mono's: "Mono.Security.Interface.TlsException: CertificateUnknown" (duplicati issue
    #   2847, Mono.AppleTls on macOS; see _ALERT_MONO).  No marker of its own: it is read on
    #   a line that holds one, as its exception chain does ("Error: TrustFailure").
    ("alertmono", rf"TlsException:\s(?P<amo_name>{_MONO_WORDS})(?![A-Za-z_])"),
    # The Haskell tls library shows a TLSError with its alert as a CamelCase constructor,
    #   every one the RFC name run together (haskell-tls/hs-tls core/Network/TLS/Struct.hs at
    #   659403db): "HandshakeFailed (Error_Protocol (\"certificate has unknown CA\",True,
    #   UnknownCa))" before tls 1.8 (commercialhaskell/stack issues 438 and 907, OS X), and
    #   "Error_Protocol \"…\" UnknownCa" since.  Not Error_Protocol_Warning's (a warning).
    (
        "alerths",
        r'Error_Protocol\s{0,2}\(?"(?:[^"\\]|\\.){0,400}"'
        r"\s{0,2}(?:,\s{0,2}(?:True|False)\s{0,2},\s{0,2}|\s{1,2})"
        rf"(?P<ahs_name>{_CAMEL_WORDS})(?![A-Za-z])",
    ),
    # The same library's alert record as a Haskell tuple: "Error_Packet_unexpected \"Alert13
    #   [(AlertLevel_Fatal,UnknownCa)]\"" (simplex-chat/simplexmq issue 576, held-out set 71).
    (
        "alerthslevel",
        rf"AlertLevel_(?:Fatal|Warning)\s{{0,2}},\s{{0,2}}(?P<ahl_name>{_CAMEL_WORDS})(?![A-Za-z])",
    ),
    # Go's crypto/tls before "tls: " was put in front of an alert's text (Go 1.4's
    #   alertText; a net/http server's "http: TLS handshake error from 127.0.0.1:52940:
    #   remote error: bad certificate", cloudfoundry/cli issue 346 on OS X, held-out set
    #   72): only after net/http's own words, since "remote error: access denied" is also
    #   git's.
    (
        "alertgoold",
        r"TLS\shandshake\serror\sfrom\s(?:\[[\w:.%]{1,60}\]|[^\s:\[\]]{1,80}):\d{1,5}:\s"
        r"(?:remote|local)\serror:\s"
        rf"(?P<ago_name>{_GO_WORDS})(?![A-Za-z])",
    ),
    # A QUIC library's CONNECTION_CLOSE reason: the alert's number and its name, "TLS
    #   handshake failure (ENCRYPTION_INITIAL) 120: no application protocol" (lsquic's
    #   debug log, litespeedtech/lsquic issue 177, held-out set 73); the handler asks that
    #   the name be the number's and that the line speak of TLS.
    (
        "alertnumname",
        rf"(?<![\w.:])(?P<ann_code>\d{{1,3}}):\s(?P<ann_name>(?i:{_ALERT_WORDS}))(?![A-Za-z])",
    ),
    # libuv's error name after its negated errno, as .NET's Kestrel prints a UvException:
    #   "Error -48 EADDRINUSE address already in use" (aspnet/KestrelHttpServer issue 2050
    #   on macOS, held-out set 77); the name must be the number's Darwin name (Linux says
    #   -98 EADDRINUSE).
    ("uvname", r"(?<![\w.\-])-(?P<uv_code>\d{1,3})\s(?P<uv_name>E[A-Z]{2,15})(?![A-Za-z])"),
    # libnetwork's "nw_path_necp_check_for_updates Failed to copy updated result (22)"
    #   (an iOS device log: held-out sets 55 and 74): the errno of the NECP call.
    (
        "necp",
        r"necp_check_for_updates\sFailed\sto\scopy\supdated\sresult\s\((?P<nc_code>\d{1,3})\)",
    ),
    # WebRTC's TURN port logs the socket's errno: "Failed to send TURN message, err=65"
    #   (turnport.cc, set 37) and "…, error: 65" (turn_port.cc, aws/amazon-chime-sdk-ios
    #   issue 525, set 78); read as Darwin's only for a value network code reports.
    (
        "turn",
        r"Failed\sto\ssend\sTURN\smessage,\s(?:err=|error:\s)(?P<tn_code>\d{1,3})(?!\d)",
    ),
    # quinn (Rust QUIC) shows a CRYPTO_ERROR transport code, 0x100 + the TLS alert, as "the
    #   cryptographic handshake failed: error 42" (quinn-proto's transport_error.rs Display;
    #   salvo-rs/salvo issue 1005, held-out set 79), "aborted by peer: …" when the peer sent it.
    ("quinn", r"cryptographic\shandshake\sfailed:\serror\s(?P<qn_code>\d{1,3})(?!\d)"),
    # A TLS alert record as (level, description), level 1 warning or 2 fatal: "java.io.
    #   IOException: Alert (2,40)" (mozilla/pluotsorbet issue 1662, a J2ME TLS stack, set 79).
    ("alertpair", r"Alert\s?\((?P<apr_level>[12]),\s?(?P<apr_code>\d{1,3})\)"),
    # Apple's Security framework: a UnixError's what(), "UNIX error exception: 17" (and
    #   "UNIX errno exception: N"), a Darwin errno (security_utilities' errors.cpp in Apple's
    #   Security sources), in the unified log of apps whose keychain or code-signing call
    #   failed (paradiseduo/ShadowsocksX-NG-R8 issue 48, mileswd/mac2imgur issue 110).
    ("unixexc", r"UNIX err(?:or|no) exception: (?P<ux_code>\d{1,3})(?!\d)"),
    # curl -v with OpenSSL or LibreSSL: "* TLSv1.3 (IN), TLS alert, unknown CA (560):", the
    #   name from SSL_alert_desc_string_long() ("unknown" for one it has none for) and the
    #   number level << 8 | description (ossl_trace() in curl's lib/vtls/openssl.c).
    (
        "alertcurl",
        rf"TLS\salert,\s(?P<acu_name>(?i:{_ALERT_WORDS})|unknown)\s\((?P<acu_num>\d{{3}})\)",
    ),
    # Go: "remote error: tls: bad certificate", "local error: tls: alert(112)" (see _ALERT_GO).
    (
        "alertgo",
        rf"(?:remote|local)\serror:\stls:\s(?:(?P<ag_name>{_GO_WORDS})(?![A-Za-z])"
        r"|alert\((?P<ag_code>\d{1,3})\))",
    ),
    # "…:SSL alert number 42" (BoringSSL / OpenSSL error strings).
    ("alertnum", r"SSL\s{1,4}alert\s{1,4}number\s{1,4}(?P<an_code>\d{1,3})"),
    # "SSLV3_ALERT_BAD_CERTIFICATE", "TLSV1_ALERT_DECRYPT_ERROR" (BoringSSL reasons).
    ("alertup", rf"(?:SSLV3|TLSV13?)_ALERT_(?P<au_name>(?i:{_ALERT_WORDS}))(?![A-Za-z])"),
    # OpenSSL names the reasons of five alerts without "alert": "error:0A000458:SSL
    #   routines::tlsv1 unrecognized name" (robbycuenot/unifi-tf-generator issue 7),
    #   SSL_R_TLSV1_UNRECOGNIZED_NAME, which BoringSSL keeps as an alias of its
    #   TLSV1_ALERT_UNRECOGNIZED_NAME (include/openssl/ssl.h, google/boringssl a0689af29e8e).
    (
        "alerttlsv1",
        r"(?i:tlsv1[ _])(?P<at_name>(?i:unsupported[ _]extension|certificate[ _]unobtainable"
        r"|unrecognized[ _]name|bad[ _]certificate[ _](?:status[ _]response|hash[ _]value)))"
        r"(?![A-Za-z])",
    ),
    # "read alert, level: fatal, description: bad certificate" (BoringSSL, iOS 11+),
    #   "tlsv1 alert unknown ca" (OpenSSL), "SSL_AD_CERTIFICATE_UNKNOWN".
    (
        "alertdesc",
        r"(?:description:\s{0,4}|sslv3\s{1,4}alert\s{1,4}|tlsv13?\s{1,4}alert\s{1,4}"
        r"|SSLv3\s{1,4}alert\s{1,4}|TLSv13?\s{1,4}alert\s{1,4}|SSL_AD_"
        # OpenSSL 3.2 names the SSLV3_ALERT_* reasons "ssl/tls alert bad certificate" (its
        #   0A000412; held-out set 45's vectordotdev/vector issue 20505 has "ssl/tls alert
        #   illegal parameter", 0A000417, wrapped by a terminal after "ssl/tls").
        r"|ssl/tls\s{1,4}alert\s{1,4}"
        # OpenSSL's info callback (apps/s_cb.c apps_info_callback, "SSL3 alert %s:%s:%s",
        #   read or write, SSL_alert_type_string_long, SSL_alert_desc_string_long) and
        #   FreeRADIUS' copy of it: "TLS Alert read:fatal:certificate unknown" (geteduroam
        #   issue 163, an iPhone on iOS 26.4, held-out set 56).
        r"|(?i:alert)\s(?:read|write):(?:fatal|warning):"
        # tlslite and tlsfuzzer print an alert as "Alert(fatal, handshake_failure)" and
        #   expect one by name: 'Expected alert description "bad_record_mac"' (tlsfuzzer's
        #   documentation, held-out set 65).
        r"|Alert\((?:fatal|warning),\s?|alert\sdescription\s\""
        # Wireshark's "Alert (Level: Fatal, Description: Handshake Failure)" (the handler
        #   asks for "alert" on the line) and Erlang's "{tls_alert, {certificate_unknown, …"
        #   / "{tls_alert,\"unknown ca\"}" (erlang/otp issue 4481).
        r"|(?P<ad_cap>Description):\s{0,4}|tls_alert,\s{0,4}\{?\s{0,4}:?[\"']?"
        # Elixir prints the same terms: "{:tls_alert, 'unknown ca'}", "{:tls_alert,
        #   {:unknown_ca, …" (hexpm/hex issue 140, Dalgona/Serum issue 203); and OTP's
        #   alert_txt() is "Module:Line:Fatal error: unknown ca" (lib/ssl/src/ssl_alert.erl).
        r"|\.erl:\d{1,5}:(?:Fatal\serror|Warning):\s{1,2}"
        # Java's JSSE: "Received fatal alert: unknown_ca" (mrdulin/blog issue 37, Charles),
        #   and the warning alert Java 7 made an exception of: "SSLProtocolException:
        #   handshake alert:  unrecognized_name" (processing/processing issues 2376, 2405).
        r"|[Ff]atal\s{1,4}alert:\s{0,4}|handshake\s{1,4}alert:\s{0,4})"
        rf"(?P<ad_name>(?i:{_ALERT_WORDS}))(?![A-Za-z])",
    ),
    # An alert by number where the line speaks of an alert: "msg 40", "description: 40",
    #   "alert code 40" (issue 11); the handler checks for "alert" on the line.
    (
        "alertmsg",
        r"(?<![A-Za-z])(?:msg|[Dd]escription|desc|(?i:alert)\s(?:code|number|desc))"
        r"\s{0,2}[:=]?\s{0,2}\(?(?P<am_code>\d{1,3})(?![\d.:x])",
    ),
    # The general form: a code word, a separator, a number — "errno 60", "code: -67843",
    #   "\"code\": -1004", "(code - 1004)", "Code - 1004 domain NSURLErrorDomain",
    #   "SubResourceLoader::didFail: (type=1, code=-1022)", "os error 60" (issue 11).
    #   The domain comes from the record (see _Line.domain_near); a number followed by
    #   ":digits" is the first half of a pair, not a code.
    (
        "word",
        r"(?<![A-Za-z0-9_])(?P<w_word>(?i:errno|os\serror|error[ _.]?code|errcode|error|err"
        r"|osstatus|status|code))\"?(?![A-Za-z])"
        # Cheap refusal first: the number's first digit is at most 44 characters on
        #   (separator 20, a cast 22, sign and space 2), found by one bounded run over
        #   non-digits that is never given back (tests/test_scan.py has the longest forms).
        r"(?=(?=(?P<w_gap>\D{0,44}))(?P=w_gap)\d)"
        # The separator is matched once, greedily, and never given back (a look-ahead
        # captures it, a back-reference consumes it: an atomic group before Python 3.11),
        # so a failed attempt costs no backtracking through its optional parts.
        # A verb may stand in it: "status was -25300" (Tunnelblick issue 410).
        rf"(?=(?P<w_sep>{_W}{{0,4}}(?:(?i:was|is)(?={_W}))?{_W}{{0,4}}"
        rf"(?:[=:\uff1d\uff1a]|->)?{_W}{{0,4}}"
        rf"(?:[\"'\[]|\((?![A-Za-z]))?{_W}{{0,2}}))(?P=w_sep)"
        rf"(?P<w_code>{_NUM}){_END}(?!{_W}?:{_W}?{_SIGN}?\d)",
    ),
    # "nw_coretls_read_one_record tls_handshake_process: [-9824]", "SSLHandshake failed
    #   (-9806)", "evaluation failed(-9813)": a bare -98xx is a SecureTransport status.
    #   (The look-behind sits after the '-' so that the fragment starts with a literal.)
    ("bare_ssl", r"(?P<bs_code>-(?<![\w.+\-]-)98\d\d)(?![\w.]\d|\d)"),
    # On a line that already speaks of an error: a bare NSURLError value, "(-1009)", and
    #   Cordova's "-1202: the certificate for this server is invalid" (issue 11).
    ("bare_url", rf"(?P<bu_code>-(?<![\w.+\-:/]-){_URL_RANGE})(?![\w.]\d|\d)"),
    # A Security framework status by itself where the line speaks of Security: "SecTrust
    #   EvaluateWithError failed (-67843)", "errSecMissingEntitlement (-34018)", "Failed to
    #   evaluate trust: -67843"; only an assigned errSec value (-25xxx to -34xxx, -67xxx).
    (
        "bare_sec",
        r"(?P<bsc_code>-(?<![\w.+\-:/]-)(?:2[5-9]|3[0-4]|6[7-9])\d{3})(?![\w.]\d|\d)",
    ),
)

# A cheap test before each fragment's regular expression runs over a line: the fragment
# can match only where one of these substrings occurs (in the line, or in its lower-case
# form when the flag is set).  ``()`` means always run.  Checked by a test against the
# fragments' matches on the corpus.
_NEEDLES: Final[dict[str, tuple[tuple[str, ...], bool]]] = {
    "task": (("code:",), False),
    "nserror": (("omain", "OMAIN"), False),
    "domain": (("Domain", "domain", "OSStatus", "OSstatus", "NWError", "NWERROR"), False),
    "domaintypo": (("ErrorDomain",), False),
    "opdesc": ((" error ", " error. "), False),
    "opdesczh": (("错误",), False),
    "key": (("kCFStreamErrorCodeKey", "KCFStreamErrorCodeKey"), False),
    "orig": (("kCFNetworkCFStreamSSLErrorOriginalValue",), False),
    "err": (("error", "Error", "ERROR"), False),
    "finder": (("Error code", "错误代码"), False),
    "ctx": (("failed", "encountered", "Generating"), False),
    "tic": (("]:",), False),
    "sslpair": (("[3:", "[ 3"), False),
    "cjkword": (("错误", "錯誤", "エラーコード", "오류"), False),
    "tcpconn": (("Failed",), False),
    "tcperrno": (("error:",), False),
    "rncode": (("DOMAIN",), False),
    "errparen": (("Err(",), False),
    "posix": (("SO_ERROR", "POSIX"), False),
    "sockstream": (("SocketStream",), False),
    "sockmsg": (("msg(fd",), False),
    "pyerrno": (("[Errno",), False),
    "pyoserror": (("rror(",), False),
    "errtuple": ((", '", ', "', ",'", ',"'), False),
    "bracketerrno": ((": ",), False),
    "bracketed": (("] ", "(#", "): "), False),
    "dtruss": (("Err#",), False),
    "numwords": ((" (", ": ", ", "), False),
    "rtmpsend": (("RTMP send error",), False),
    "lowerstack": (("Lower",), False),
    "secname": (("errSec",), False),
    "mysql": (("MySQL server",), False),
    "alertcamel": ((), False),
    "alertnamed": (("_", ")"), False),
    "alertpeer": (("peer",), False),
    "monoerr": (("mono-io",), False),
    "cfsocket": (("CFSocketSetAddress",), False),
    "alertgo": ((" error: tls: ",), False),
    "alertcurl": (("TLS alert, ",), False),
    "alertdotnet": (("TLS alert:",), False),
    "alertmono": (("TlsException:",), False),
    "alerths": (("Error_Protocol",), False),
    "alerthslevel": (("AlertLevel_",), False),
    "alertgoold": (("TLS handshake error from",), False),
    "uvname": ((" E",), False),
    "necp": (("necp_check_for_updates",), False),
    "turn": (("TURN message",), False),
    "quinn": (("cryptographic handshake failed",), False),
    "alertpair": (("Alert",), False),
    "alertnumname": (("TLS", "tls", "alert", "Alert"), False),
    "unixexc": (("UNIX err",), False),
    "alertjdk": (("_",), False),
    "alerterl": (("ALERT:",), False),
    "alertrustls": (("alert", "description:", "AlertReceived("), False),
    "alertnum": (("alert",), False),
    "alertup": (("_ALERT_",), False),
    "alerttlsv1": (("tlsv1",), True),
    "alertdesc": (("description:", "Description:", "alert", "Alert", "SSL_AD_", ".erl:"), False),
    "alertmsg": (("alert",), True),
    "word": (("err", "code", "status"), True),
    "bare_ssl": (("-98",), False),
    "bare_url": (("-99", "-10", "-11", "-12", "-20", "-30"), False),
    "bare_sec": (_SEC_WORDS, False),
}
_PATTERNS: Final[tuple[tuple[str, re.Pattern[str], tuple[str, ...], bool], ...]] = tuple(
    (name, re.compile(body), *_NEEDLES[name]) for name, body in _FRAGMENTS
)
# Fragments whose needles are all outside ASCII (the CJK code words): an ASCII line, most
#   of any log, skips them on one flag (str.isascii(), once per line) instead of a search
#   for each needle.
_NON_ASCII_KINDS: Final = frozenset(
    name
    for name, _, needles, _ in _PATTERNS
    if needles and not any(needle.isascii() for needle in needles)
)
_BY_PRIORITY: Final = tuple(enumerate(_PATTERNS))
_BY_PRIORITY_ASCII: Final = tuple(p for p in _BY_PRIORITY if p[1][0] not in _NON_ASCII_KINDS)
# The general code-word fragment is the costliest (it has no literal to search for), so it
# runs over the lower-cased line with each branch starting on its literal word and the
# word-boundary look-behind after it; the same match as the fragment above wherever
# str.lower() keeps the line's length (otherwise the fragment itself runs).
_WORD_BODY = dict(_FRAGMENTS)["word"]
# Each branch is its own pattern, so that each starts with a literal word that `re` skips
# ahead to (one alternation starts with a set of letters, tried at every e, o, s and c);
# _split_matches() merges their matches as the alternation would.  The "err" branch's
# ending is matched once, longest first, and never given back (look-ahead and
# back-reference, as for the separator): a shorter word could not match where a longer one
# failed ("error" is followed by "code", "err" by a letter), so trying them only costs.
_WORD_TAIL = _WORD_BODY[_WORD_BODY.index('\\"?(?![A-Za-z])') :]
_WORD_LOWER: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(rf"(?P<w_word>{head}){_WORD_TAIL}")
    for head in (
        r"err(?<![a-z0-9_]err)(?=(?P<w_e>(?:no|or[ _.]?code|code|or)?))(?P=w_e)",
        r"os(?<![a-z0-9_]os)(?:\serror|status)",
        r"status(?<![a-z0-9_]status)",
        r"code(?<![a-z0-9_]code)",
    )
)
# The "err" fragment's branches, one pattern each for the same reason (in its order).
_ERR_TAIL = dict(_FRAGMENTS)["err"]
_ERR_TAIL = _ERR_TAIL[_ERR_TAIL.index("ERROR[ .]CODE)") + len("ERROR[ .]CODE)") :]
_SPLIT: Final[dict[str, tuple[re.Pattern[str], ...]]] = {
    "err": tuple(
        re.compile(head + _ERR_TAIL)
        for head in (
            r"finished\s{1,4}with\s{1,4}error(?:\s{0,4}-\s{0,4}code)?",
            r"error(?:\s{0,4}-\s{0,4}code|[ .][Cc]ode)",
            r"Error[ .][Cc]ode",
            r"ERROR[ .]CODE",
        )
    ),
}


def _split_matches(
    patterns: tuple[re.Pattern[str], ...], text: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """The matches one alternation of *patterns* would give, leftmost first, none overlapping.

    At any position at most one of the patterns can match (their first words differ),
    so the alternation's matches are the union's, less those starting inside an earlier one.
    """
    if len(patterns) == 1:
        yield from patterns[0].finditer(text, pos, endpos)
        return
    matches = [match for pattern in patterns for match in pattern.finditer(text, pos, endpos)]
    matches.sort(key=_match_start)
    end = -1
    for match in matches:
        if match.start() >= end:
            end = match.end()
            yield match


# --- long lines with few digits ------------------------------------------------------------
# Every fragment but the alert names needs a digit, and none reaches further than
# _BEFORE characters before its first digit or _AFTER characters (look-aheads included)
# after its last (the longest: an NSError dump's domain of up to 81 characters before
# "Code=", about 150 in all; a strerror of 41 after "[Errno 54]").  On a long line with
# few digits those fragments run only over the windows around each cluster of digits;
# clusters are split where digits are more than _BEFORE + _AFTER apart, so the windows
# never overlap and every match lies inside one (tests/test_scan.py compares the two).
_BEFORE: Final = 256
_AFTER: Final = 128
_WINDOWED_FROM: Final = 1 << 14  # characters; shorter lines always run whole
_DIGITS_B: Final = b"0123456789"
_DIGITS_B_EACH: Final = tuple(_DIGITS_B[i : i + 1] for i in range(10))
# A digit followed by a run of non-digits long enough to split two clusters; searched only
# at digits (the pattern starts with a class), each run counted once: linear.
_DIGIT_GAP: Final = re.compile(rb"[0-9][^0-9]{%d,}" % (_BEFORE + _AFTER + 1))
_NO_DIGIT_KINDS: Final = frozenset(
    {
        "alertcamel",
        "secname",
        "alertrustls",
        "alerterl",
        "alertup",
        "alertdesc",
        "alertgo",
        "alertdotnet",
        "alertmono",
        "alerths",
        "alertjdk",
    }
)


def _digit_windows(line: str) -> list[tuple[int, int]] | None:
    """The spans of a long ASCII line that can hold a code, or None to scan it whole."""
    size = len(line)
    if size < _WINDOWED_FROM or not line.isascii():
        return None  # (full-width digits are \d too; only ASCII lines are windowed)
    data = line.encode("ascii")
    if (size - len(data.translate(None, _DIGITS_B))) * 8 > size:
        return None  # digits everywhere: one window would be the whole line
    firsts = [at for at in map(data.find, _DIGITS_B_EACH) if at >= 0]
    if not firsts:
        return []  # no digit: only the alert names can match
    last = max(map(data.rfind, _DIGITS_B_EACH)) + 1
    clusters: list[tuple[int, int]] = []
    start = min(firsts)
    for gap in _DIGIT_GAP.finditer(data, start, last):
        clusters.append((start, gap.start() + 1))
        start = gap.end()
    clusters.append((start, last))
    windows = [(max(0, first - _BEFORE), min(size, end + _AFTER)) for first, end in clusters]
    if sum(end - first for first, end in windows) * 2 > size:
        return None
    return windows


def _match_start(match: re.Match[str]) -> int:
    return match.start()


_DASH_TEXT: Final = re.compile(r"\s{0,2}[-\"]?\s{0,2}(?P<text>[A-Za-z'][A-Za-z' ]{0,40})")
# getaddrinfo()'s EAI_NONAME as Darwin's gai_strerror() words it: Python's
#   "socket.gaierror: [Errno 8] nodename nor servname provided, or not known" on macOS.
_GAI_TEXT: Final = {8: "nodename nor servname provided"}
_GAI_WORDS: Final = tuple(_GAI_TEXT.values())


def _gai_words(text: str | None, code: int | None = None) -> bool:
    """Whether *text* is gai_strerror()'s words (of *code*, when given), or their start cut
    where a line wraps, at least "nodename nor servname" ("[Errno 8] nodename nor servname"
    and then "provided, or not known" on the next line: pymongo's documentation, held-out
    set 67)."""
    if not text:
        return False
    words = _GAI_WORDS if code is None else (_GAI_TEXT.get(code, "\0"),)
    cut = text.rstrip()
    return text.startswith(words) or (len(cut) >= 21 and any(w.startswith(cut) for w in words))


_ERRNO_NAME: Final = re.compile(r"(?<![A-Za-z0-9_])E[A-Z]{3,15}(?![A-Za-z0-9_])")
_DARWIN_NAMES: Final = frozenset(member.name for member in DarwinErrno)
_ERRNO_HINT: Final = re.compile(r"(?<![A-Za-z])(?:errno|POSIX)(?![A-Za-z])")
# A code word and its separator at the end of the text before a number.
_CODE_WORD_BEFORE: Final = re.compile(r"(?i:error|err|code)[\s:=]{0,3}$")
# What an errno in parentheses may follow (see the "alertnamed" fragment's handler).
_FAILED_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?:failed|error|Error|errno|Exception) ?$")
_NUMBER_BEFORE: Final = re.compile(r"(?<![\w.])(\d{1,3})\s{0,4}$")
# The fragments whose one number is a code only where its domain's table assigns it: the
#   domain and the number's group.
_ASSIGNED_GROUPS: Final = {
    "bare_url": ("NSURLErrorDomain", "bu_code"),
    "necp": ("NSPOSIXErrorDomain", "nc_code"),
    "quinn": ("TLSAlert", "qn_code"),
}
# The fragments whose one number is an errno that network code reports, and its group.
_NETWORK_ERRNO_GROUPS: Final = {"cfsocket": "cs_code", "monoerr": "mio_code", "turn": "tn_code"}
# "TLS" as a word on a line, for an alert's number and name with nothing else to say so.
_TLS_WORD: Final = re.compile(r"(?<![A-Za-z])(?:TLS|tls|SSL|ssl)(?![a-z])|(?i:alert)")
_DOMAIN_KEY: Final = re.compile(
    rf"_?kCFStreamErrorDomainKey\"?\s{{0,4}}[=:]\s{{0,4}}\"?(?P<d>{_SIGN}?\d{{1,3}})(?!\d)"
)
_DOMAIN_KEY_FIRST: Final = re.compile(r"\s{0,16}\"?" + _DOMAIN_KEY.pattern)
_NODE_CODE_FIRST: Final = re.compile(r"\s{0,16}\"?code\"?\s?:\s?['\"](?P<name>E[A-Z]{3,15})['\"]")
_NSERROR_AHEAD: Final = re.compile(
    r"\s{0,8}Error\s{1,4}Domain\s{0,4}=\s{0,4}(?P<dom>[A-Za-z_][\w.]{0,80})"
)
# Explicit domain names anywhere in a line: "…ErrorDomain…" tokens, "domain: X" fields,
#   "OSStatus", and Sentry's "\"type\": \"NSURLErrorDomain\"".  A bare "ErrorDomain" is the
#   end of a name cut by a line wrap ("(NSFileProvider-\nErrorDomain error -1005.)",
#   dburkland/tesla_ios_shortcuts issue 30): a domain, but not one atscodes can tell.
_DOMAIN_NAME: Final = re.compile(
    r"(?<![\w.])(?P<name>(?:[A-Za-z_][\w.]{0,60})?ErrorDomain[\w]{0,30}|OSStatus"
    r"|kNWErrorDomain\w{1,10})(?![\w.])"
)
# (with ':' only an error domain's name: "Domain: kCFErrorDomainCFNetwork" and "Code: -1005"
#   on the next line, AvdLee/RocketSimApp issue 700; "domain: example.com" is a host)
_DOMAIN_TAIL: Final = re.compile(
    r"(?<![A-Za-z])(?:Domain|domain)\s{0,2}(?:=\s{0,2}\"?(?P<name>[A-Za-z_][\w.]{0,80})"
    r"|:\s{0,2}\"?(?P<error_domain>[A-Za-z_][\w.]{0,60}ErrorDomain\w{0,30}))\"?\s{0,4}$"
)
_DOMAIN_FIELD: Final = re.compile(
    r"(?<![A-Za-z])(?:domain|Domain)\"?\s{0,2}[:=]\s{0,2}[\"\[]?(?P<name>[A-Za-z_][\w.]{0,80})"
)
# The strerror() words just before an errno: Dart's "OS Error: <words>, errno = 1" and
#   Rust's "<words> (os error 1)" (its io::Error's Display).
_WORDS_BEFORE: Final = re.compile(
    r"(?:OS Error: (?P<dart>[A-Za-z' ]{1,60}), |(?P<rust>[A-Za-z' ]{1,60}) \()$"
)
# SecureTransport's calls: an error code word on their line is an OSStatus.
# (as a word: BlueSSLService's "ERROR: SSLRead, code: -36, reason: errSecIO", Kitura issue 1036)
_SECURE_TRANSPORT_CALL: Final = re.compile(
    r"(?<![A-Za-z])SSL(?:Read|Write|Handshake|Close)(?![A-Za-z])"
)
# The same code again in hex, in parentheses right after it: BlueSSLService's "Error code:
#   -9806(0x-264E)" (Swift's String(_:radix:) of a negative value; Kitura issues 1036 and
#   1203, on macOS) and C's "%d (0x%x)", "-9802 (0xFFFFD9B6)".
_HEX_AFTER: Final = re.compile(r"\s?\((?P<hex>0[xX](?P<neg>-)?(?P<digits>[0-9A-Fa-f]{1,16}))\)")
# (the message whole, in its quotes; escaped where the error is itself quoted in a string,
#   'ConnectionError("tcp connect error", Os { code: 49, kind: AddrNotAvailable, message:
#   "Can\'t assign requested address" })' from tonic over hyper, input-output-hk/
#   jormungandr issue 2926 on macOS, held-out set 73)
_RUST_MESSAGE: Final = re.compile(
    r', kind: \w{1,40}, message: \\{0,2}"(?P<text>(?:[^"\\]|\\.){1,80})\\{0,2}"'
)
_TEXT_AFTER: Final = re.compile(r"\s{0,2}[(\[:]?\s{0,2}(?P<text>[A-Za-z'][A-Za-z' ]{0,40})")
# An errno's words after it in two more forms (see _Line.word_by_context()): quoted in
#   parentheses, MongoKitten's "Socket failed with code 61 (\"Connection refused\")", and
#   after redis-py's "connecting to HOST:PORT." ("Error 61 connecting to localhost:6379.
#   Connection refused.", its ConnectionError; macOS, held-out set 94).  Linux's "Error 111
#   connecting to …" has no Darwin errno 111.
_QUOTED_WORDS: Final = re.compile(
    r"\s{0,2}\(\s{0,2}[\"\u201c](?P<text>[A-Za-z][A-Za-z' ,]{2,60})[\"\u201d]\s{0,2}\)"
)
_REDIS_WORDS: Final = re.compile(
    r" connecting to [^\s]{1,200}\. (?P<text>[A-Za-z][A-Za-z' ,]{2,60})\.(?!\w)"
)
# A type named just before a code word is the code's domain: "ParseError code=-1 error=…:
#   Error Domain=NSURLErrorDomain Code=-1009" (parse-community/Parse-Swift issue 439) is the
#   Parse SDK's own -1, not NSURLErrorUnknown.  Apple's own error types stay ours.
_TYPE_NAME: Final = re.compile(r"(?<![\w.])[A-Za-z_][\w.]{0,60}Error$")
_OUR_TYPES: Final = frozenset(
    {"URLError", "NSURLError", "CFNetworkError", "POSIXError", "NWError", "NSError", "OSError"}
    | {"SecError", "CFError", "CFStreamError", "SSLError"}
)


def _foreign_type_before(line: str, end: int) -> bool:
    """Whether ``line[:end]`` ends with the name of a type ending in "Error" not Apple's."""
    named = _TYPE_NAME.search(line, max(0, end - 64), end)
    return named is not None and named[0].rpartition(".")[2] not in _OUR_TYPES


#: How far (in characters) an explicit domain name may sit from a code it names.
_NEAR: Final = 160

# The errno values network code reports, which a code word's number may be read as without
# its words (any errno is read with its own strerror() words, atscodes._strerror, whose
# texts these are).
_STRERROR: Final[dict[int, str]] = {
    code: STRERROR[code]
    for code in (
        # EPERM: "connectx failed (fd 15) [1: Operation not permitted]", an app's connection
        #   to 127.0.0.1:22 (microsoftconnect/ms-intune-app-sdk-ios issue 331), and a
        #   sandboxed macOS app without the network entitlement (flutter/flutter issue 46821)
        1,
        2,
        # ESRCH: "failed at lookup with error 3 - No such process" (an XPC service's lookup)
        3,
        *(4, 9, 13, 22, 32, 35, 36, 37, 38, 39, 40, 41, 42, 43, 45, 47, 48, 49),
        *(50, 51, 52, 53, 54, 55, 56, 57, 60, 61, 64, 65, 89, 100, 102),
    )
}
_STRERROR_LC: Final = {code: text.lower() for code, text in STRERROR.items()}
# A "_kCFStreamErrorCodeKey" whose "_kCFStreamErrorDomainKey" is not in view is read as a
#   Darwin errno when it is one of these: every CFStream domain but POSIX's (1) gives its
#   codes negative (SSL 3, HTTP 4) or small (getaddrinfo's 12: EAI_* up to 14, netdb.h),
#   and SOCKS' (kCFStreamErrorDomainSOCKS, CFSocketStream.h) its SOCKS4 codes 91 to 93.  So
#   "UserInfo={_kCFStreamErrorCodeKey=61, NSUnderlyingError=…" beside an NSURLError -1004,
#   its domain key lines later (AuroraEditor issue 472) or cut off (patrol issue 2291,
#   held-out sets 11 and 54), is ECONNREFUSED: an inference, from what the domains hold.
_KEY_ERRNO: Final = frozenset(c for c in _STRERROR if c > 14 and not 91 <= c <= 93)
# Errno values too common as plain numbers ("[1: …]", "errno 1", which is npm's exit
# status in "npm ERR! errno 1") to be read without their own strerror() words beside them.
_TEXT_REQUIRED: Final = frozenset({1, 3})


@attrs.frozen
class Finding:
    """One code found in text.

    ``span`` is the code's ``(start, end)`` offsets into the text given to
    :func:`scan` (into the line, for the streaming forms); ``line_no`` and
    ``column`` are 1-based.  ``text`` is exactly ``source[start:end]``.
    ``member`` is ``None`` for a valid code that is unassigned, or in a domain
    atscodes has no table for.
    """

    code: int
    domain: str
    span: tuple[int, int]
    line_no: int
    column: int
    member: Code | None
    text: str

    @property
    def family(self) -> str | None:
        """The atscodes family of ``member``, or ``None`` when unresolved."""
        return None if self.member is None else type(self.member).__name__

    @property
    def name(self) -> str | None:
        """The upstream name of ``member``, or ``None``."""
        return None if self.member is None else self.member.name

    @property
    def description(self) -> str | None:
        """atscodes' short description of ``member``, or ``None`` when unresolved."""
        return None if self.member is None else self.member.description

    def __str__(self) -> str:
        """Number and name together: ``code=-9824 (errSSLPeerHandshakeFail)``."""
        return f"code={self.code} ({self.label()})"

    def __repr__(self) -> str:
        return (
            f"<Finding code={self.code} ({self.label()}) domain={self.domain}"
            f" at {self.line_no}:{self.column} text={self.text!r}>"
        )

    def label(self) -> str:
        """The short decoding that ``atscodes annotate`` inserts."""
        if self.member is None:
            return f"unknown {self.domain} code"
        if self.domain == "TLSAlert" and not self.text.strip("[]").lstrip("-").isdigit():
            return f"TLS alert {int(self.member)}"
        if isinstance(self.member, SecError) and self.text == self.member.name:  # by name
            return f"OSStatus {self.code}"
        return self.member.name

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``line``, ``column``, ``text``, ``domain``, ``code``, ``name``,
        ``description``, ``family``, ``span``."""
        return {
            "line": self.line_no,
            "column": self.column,
            "text": self.text,
            "domain": self.domain,
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "family": self.family,
            "span": list(self.span),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """Rebuild a Finding from :meth:`to_json` output (the member is resolved again).

        ``ValueError`` names what is missing or malformed.
        """
        try:
            domain = str(data["domain"])
            code = int(data["code"])
            start, end = (int(v) for v in data["span"])
            line, column, text = int(data["line"]), int(data["column"]), str(data["text"])
        except KeyError as error:
            raise ValueError(f"not a Finding's JSON: no {error.args[0]!r}") from None
        except (TypeError, ValueError) as error:
            raise ValueError(f"not a Finding's JSON: {error}") from None
        return cls(code, domain, (start, end), line, column, _resolve(domain, code), text)


def _number(text: str) -> int:
    """The value of a number as the grammar above writes it (cast, sign, hex, separators).

    Unsigned 32- and 64-bit renderings of a negative value are read back as signed:
    4294957494 and 0xFFFFD9B6 are -9802, 18446744073709550612 is -1004.
    """
    if text.startswith("("):
        text = text[text.index(")") + 1 :]
    text = text.translate(_NUM_TABLE)
    value = int(text, 16) if text[:2] in ("0x", "0X") else int(text)
    if 1 << 31 <= value < 1 << 32:
        value -= 1 << 32
    elif 1 << 63 <= value < 1 << 64:
        value -= 1 << 64
    return value


_int = _number


def _resolve(domain: str, code: int) -> Code | None:
    for family in DOMAINS.get(domain, ()):
        try:
            member = get(family, code)
        except ValueError:
            return None
        if member is not None:
            return member
    return None


def _nserror_domain(token: str, code: int) -> str | None:
    domain = _domain_token(token.lower())
    if domain == "NWError":
        # NWError (Apple's Network framework) is .posix(POSIXErrorCode), .dns(DNSServiceErrorType)
        # or .tls(OSStatus), bridged with that number as the code: "(Network.NWError error 54 -
        # Connection reset by peer)".  A -98xx status is the .tls case and an errno Darwin's
        # network code reports the .posix case (handle() asks for its strerror() words
        # after it); .dns (-65537 ...) is not ours.
        if -9899 <= code <= -9800:
            return "kCFStreamErrorDomainSSL"
        return "NSPOSIXErrorDomain" if code in _STRERROR else None
    return domain


def _by_range(code: int) -> str | None:
    """The domain a negative code belongs to by its value alone, if it is an assigned one.

    -98xx are SecureTransport statuses; NSURLError values (-999 … -3007) come next; then
    the other OSStatus values atscodes knows (SecError).  Small numbers (above -999, and
    every positive one) have no domain without context.
    """
    if code > -999:  # "error -1", "returned -50": too common to be read as a code
        return None
    if -9899 <= code <= -9800:
        return "kCFStreamErrorDomainSSL"
    if _resolve("NSURLErrorDomain", code) is not None:
        return "NSURLErrorDomain"
    if _resolve("NSOSStatusErrorDomain", code) is not None:
        return "NSOSStatusErrorDomain"
    return None


@functools.lru_cache(maxsize=1024)
def _strerror_of(text: str) -> int | None:
    """The Darwin errno whose strerror() *text* starts with (or is the start of), if any.

    The longest such strerror() wins: "Operation not supported on socket" is EOPNOTSUPP's
    (102), not ENOTSUP's "Operation not supported" (45), which it starts with; a cut text
    that starts two of them alike ("Operation not supp") is neither.  Cached: the same
    words are asked of twice per errno candidate (by _darwin_errno_text() and
    _other_strerror()) and recur across a log, and each answer compares all 106 texts.
    """
    words = text.strip().lower()
    best: int | None = None
    best_key = (0, False)
    for code, expected in _STRERROR_LC.items():
        whole = words.startswith(expected)
        if whole or (len(words) >= 10 and expected.startswith(words)):
            key = (min(len(expected), len(words)), whole)  # a whole strerror() before a cut one
            if key > best_key:
                best, best_key = code, key
            elif key == best_key:
                best = None  # as much of two strerror() texts
    return best


def _holds_strerror(lower: str, code: int) -> bool:
    """Whether lower-case *lower* holds errno *code*'s strerror() as that errno's whole text."""
    expected = _STRERROR_LC.get(code)
    if expected is None:
        return False
    at = lower.find(expected)
    for _ in range(8):  # a few occurrences: a longer strerror() rarely repeats
        if at == -1:
            return False
        before = lower[max(0, at - 3) : at].rstrip()
        # Not the end of other words: Linux's "Device or resource busy" is not Darwin's
        #   "Resource busy".
        if (not before or not before[-1].isalnum()) and _strerror_of(lower[at : at + 64]) == code:
            return True
        at = lower.find(expected, at + 1)
    return False


def _strerror_ending(words: str) -> str | None:
    """The Darwin strerror() text that *words* end with, if any ("failed: Connection refused")."""
    words = words.rstrip().lower()
    for expected in _STRERROR_LC.values():
        if words.endswith(expected):
            return expected
    return None


def _whole_strerror(code: int, text: str) -> bool:
    """Whether *text* is exactly errno *code*'s Darwin strerror() (any case)."""
    expected = _STRERROR_LC.get(code)
    return expected is not None and text.lower() == expected


def _other_strerror(code: int, text: str | None) -> bool:
    """Whether *text* (just after errno *code*) is another Darwin errno's strerror()."""
    named = _strerror_of(text) if text else None
    return named is not None and named != code


def _foreign_strerror(code: int, text: str | None) -> bool:
    """Whether *text*, just after errno *code*, is Linux's strerror() for that number.

    Python on Linux prints glibc's text beside the number ("OSError: [Errno 61] No data
    available", ENODATA), which is then no Darwin errno (see
    :data:`atscodes._strerror.LINUX_ONLY_STRERROR`).  Other words do not refuse it: a
    library's own ("[Errno 61] Connect call failed", asyncio's) say nothing of the system.
    """
    expected = LINUX_ONLY_STRERROR.get(code)
    return expected is not None and text is not None and text.strip().startswith(expected)


def _darwin_errno_text(code: int, text: str | None) -> bool:
    """Whether errno *code*, followed by *text* (if any), reads as a Darwin errno.

    Any errno followed by its own Darwin strerror() words is ("[Errno 16] Resource busy"
    from pySerial on macOS, espressif/esptool issue 320); without words, only the values
    listed in :data:`_STRERROR`, the ones network code reports, where a number without
    more context is most likely Darwin's.  When the text after the number is the
    strerror() of *another* Darwin errno, the number is another system's ("[Errno 104]
    Connection reset by peer" is Linux's ECONNRESET) and is refused.
    """
    if code not in STRERROR:
        return False
    named = _strerror_of(text) if text else None
    if code not in _STRERROR or code in _TEXT_REQUIRED:
        return named == code
    return named is None or named == code


def _nearest(positions: list[int], at: int) -> int:
    """The index of the value in sorted, non-empty *positions* nearest to *at* (log time)."""
    index = bisect.bisect_left(positions, at)
    if index == len(positions):
        return index - 1
    if index > 0 and at - positions[index - 1] <= positions[index] - at:
        return index - 1
    return index


class Record:
    """What a multi-line record (an NSError dump split across lines) tells later lines.

    A line that leaves a ``{``, ``(`` or ``[`` open continues on the next line; the
    domain key and the domain names seen so far apply there.  Bounded: a record ends
    after :data:`_RECORD_LINES` lines.
    """

    __slots__ = (
        "depth",
        "domain",
        "domain_key",
        "lines",
        "names",
        "names_age",
        "previous",
        "previous_lower",
    )

    def __init__(self) -> None:
        self.depth = 0
        self.lines = 0
        self.domain_key: int | None = None
        self.domain: tuple[str | None] | None = None
        #: Darwin errno names (``ECONNREFUSED``) on one of the last lines, record or not.
        self.names: frozenset[str] = frozenset()
        self.names_age = 0
        #: The line scanned last (when it was near), for the strerror() words it holds.
        self.previous: str | None = None
        self.previous_lower: str | None = None

    def holds(self) -> bool:
        """Whether anything would carry to the next line (else there is nothing to reset)."""
        return (
            self.depth > 0
            or bool(self.names)
            or self.domain is not None
            or self.previous is not None
        )

    def previous_line(self) -> str | None:
        """The line scanned last, in lower case (computed once), if it was near."""
        if self.previous is not None and self.previous_lower is None:
            self.previous_lower = self.previous.lower()
        return self.previous_lower

    def copy(self) -> Record:
        """A copy to scan a line with on trial (the original is left as it was)."""
        twin = Record()
        for name in Record.__slots__:
            setattr(twin, name, getattr(self, name))
        return twin

    def reset(self) -> None:
        self.depth = self.lines = 0
        self.domain_key = None
        self.domain = None
        self.names = frozenset()
        self.names_age = 0
        self.previous = self.previous_lower = None


_RECORD_LINES: Final = 64
#: How much of the next line a line may look at: its first characters, as what it looks
#:   for starts the line (see :func:`_wants_ahead`, :meth:`_Line.domain_key_ahead` and
#:   :meth:`_Line.name_ahead`).
_AHEAD: Final = 128
# What may follow a number that ends its line, so that the next line goes on with the same
#   record: a closing quote, an annotation, a comma or semicolon.
_ENDS_LINE: Final = re.compile(r"[\"']?(?: \u27e6[ -~]{1,200}\u27e7)?[\"']?\s{0,8}[,;]?\s{0,8}$")
#: How many lines an errno name stays in view (Node prints its error object over lines).
_NAME_LINES: Final = 3


class _FreeDomains:
    """A line's explicit domains less those bound to their own code, searched by nearness.

    Bound domains are removed as their "Domain=X Code=N" matches are handled; the
    nearest one left on either side is found through union-find links with path
    compression, so a line with many dumps costs about linear time, not quadratic.
    """

    __slots__ = ("_left", "_right", "positions")

    def __init__(self, positions: list[int]) -> None:
        self.positions = positions
        self._left = list(range(len(positions)))
        self._right = list(range(len(positions)))

    def remove(self, start: int, end: int) -> None:
        """Remove the domains at offsets ``start <= offset < end``."""
        first = bisect.bisect_left(self.positions, start)
        for index in range(first, bisect.bisect_left(self.positions, end)):
            if self._left[index] == index:
                self._left[index] = index - 1
                self._right[index] = index + 1

    @staticmethod
    def _find(links: list[int], index: int) -> int:
        root = index
        while 0 <= root < len(links) and links[root] != root:
            root = links[root]
        while 0 <= index < len(links) and links[index] != index:
            links[index], index = root, links[index]
        return root

    def nearest(self, at: int) -> int | None:
        """The index of the free domain nearest to offset *at* (the left one on a tie)."""
        split = bisect.bisect_left(self.positions, at)
        left = self._find(self._left, split - 1)
        right = self._find(self._right, split)
        if right >= len(self.positions):
            return None if left < 0 else left
        if left < 0 or self.positions[right] - at < at - self.positions[left]:
            return right
        return left

    def last(self) -> int | None:
        index = self._find(self._left, len(self.positions) - 1)
        return None if index < 0 else index


class _Line:
    """Scanning state for one line: turns matches into Findings."""

    __slots__ = (
        "_alert",
        "_bound",
        "_by_code",
        "_domain_keys",
        "_domain_pos",
        "_domains",
        "_free",
        "_has",
        "_key_pos",
        "_lower",
        "_names",
        "_st",
        "_strerror",
        "ahead",
        "base",
        "col_base",
        "findings",
        "last_pair",
        "line",
        "line_no",
        "record",
    )

    def __init__(
        self,
        line: str,
        line_no: int,
        base: int,
        col_base: int,
        record: Record | None,
        ahead: str | None = None,
    ) -> None:
        self.line = line
        self.line_no = line_no
        #: The start of the next line (up to _AHEAD characters), when the caller has it.
        self.ahead = ahead
        self.base = base
        self.col_base = col_base
        self.record = record
        self.findings: list[Finding] = []
        # The last finding of each value in a known domain (alerts aside), for twin().
        self._by_code: dict[int, Finding] = {}
        self.last_pair: tuple[int, str] | None = None
        self._domain_keys: list[tuple[int, int]] | None = None
        self._domains: list[tuple[int, str | None]] | None = None
        self._key_pos: list[int] = []
        self._domain_pos: list[int] = []
        self._alert: bool | None = None
        # Spans of "Domain=X Code=N" matches: X is bound to N and names no other number.
        self._bound: list[tuple[int, int]] = []
        self._free: _FreeDomains | None = None
        # Findings of statuses written by name (sec_name), until close() drops any whose
        # number is found on the line too.
        self._names: list[Finding] | None = None
        # Substring tests asked of the whole line, answered once each (a long line has
        #   many findings, and each asking again would make it quadratic).
        self._has: dict[str, bool] = {}
        self._lower: str | None = None
        self._strerror: dict[int, bool] = {}
        self._st: bool | None = None

    # -- context, computed at most once per line ------------------------------------------
    def domain_keys(self) -> list[tuple[int, int]]:
        if self._domain_keys is None:
            self._domain_keys = [
                (m.start(), _number(m["d"])) for m in _DOMAIN_KEY.finditer(self.line)
            ]
            self._key_pos = [pos for pos, _ in self._domain_keys]
        return self._domain_keys

    def domains(self) -> list[tuple[int, str | None]]:
        """Explicit domain names on the line: (offset, canonical name or None if unknown)."""
        if self._domains is None:
            found: dict[int, str | None] = {}
            for pattern in (_DOMAIN_NAME, _DOMAIN_FIELD):
                for m in pattern.finditer(self.line):
                    name = m["name"]
                    canonical = _domain_token(name.lower())
                    if canonical is None and name.lower().startswith("kcfstreamerrordomain"):
                        canonical = "CFStreamError"
                    found.setdefault(m.start("name"), canonical)
            self._domains = sorted(found.items())
            self._domain_pos = [pos for pos, _ in self._domains]
        return self._domains

    def bind(self, span: tuple[int, int]) -> None:
        """A "Domain=X Code=N" match at *span*: X is bound to N and names no other number."""
        self._bound.append(span)
        if self._free is not None:
            self._free.remove(*span)

    def free_domains(self) -> _FreeDomains:
        """The line's explicit domains, less those a "Domain=X Code=N" match bound to N."""
        if self._free is None:
            self._free = _FreeDomains([pos for pos, _ in self.domains()])
            for span in self._bound:
                self._free.remove(*span)
        return self._free

    def has(self, text: str) -> bool:
        """Whether *text* occurs anywhere on the line (asked of the line once)."""
        known = self._has.get(text)
        if known is None:
            known = self._has[text] = text in self.line
        return known

    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.line.lower()
        return self._lower

    def speaks_of_alert(self) -> bool:
        if self._alert is None:
            self._alert = "alert" in self.lower()
        return self._alert

    def strerror_near(self, code: int) -> bool:
        """Whether errno *code*'s own Darwin strerror() words are on this line or the last.

        The words anywhere on the line, or on the line scanned just before it (within
        the two lines a record allows), and as that errno's whole text: "Operation not
        supported on socket" is 102's, not 45's (see :func:`_strerror_of`).
        """
        known = self._strerror.get(code)
        if known is None:
            known = self._strerror[code] = any(
                _holds_strerror(text, code)
                for text in (
                    self.lower(),
                    None if self.record is None else self.record.previous_line(),
                )
                if text is not None
            )
        return known

    def domain_key_near(self, at: int) -> int | None:
        keys = self.domain_keys()
        if keys:
            return keys[_nearest(self._key_pos, at)][1]
        return None if self.record is None else self.record.domain_key

    def domain_key_ahead(self, end: int) -> int | None:
        """The domain key that starts the next line, when the code key ending at *end*
        ends this one.

        An NSError's user info printed over lines puts its keys in hash order, so the
        domain key of a ``_kCFStreamErrorCodeKey`` may come on the line after it::

            _kCFStreamErrorCodeKey=61,
            _kCFStreamErrorDomainKey=1}}, …

        (AuroraEditor issue 472; the plist form ``"kCFStreamErrorCodeKey" =51;`` too).  Both
        keys must be alone where they are, the code key last on its line and the domain
        key first on the next, so that nothing lies between them: no bracket that would
        close the dictionary or open a nested one, and no other code.
        """
        ahead = self.ahead
        if ahead is None or not _ENDS_LINE.match(self.line, end):
            return None
        match = _DOMAIN_KEY_FIRST.match(ahead)
        return None if match is None else _number(match["d"])

    def name_ahead(self, name: str, end: int) -> bool:
        """Whether the next line starts with Node's ``code: 'NAME'`` for errno *name*, and
        the number ending at *end* ends this line (util.inspect's ``errno: -60,``)."""
        ahead = self.ahead
        if ahead is None or not _ENDS_LINE.match(self.line, end):
            return False
        match = _NODE_CODE_FIRST.match(ahead)
        return match is not None and match["name"] == name

    def record_domain(self) -> tuple[str | None] | None:
        """The domain an earlier line of the record names for this one, if this names none."""
        if self.record is None or self.record.domain is None or self.domains():
            return None
        return self.record.domain

    def domain_near(self, at: int) -> tuple[str | None] | None:
        """The explicit domain nearest to *at* on this line (or earlier in the record).

        ``None`` when there is none; ``(None,)`` when the nearest names a domain atscodes
        has no table for (its codes are then not ours).
        """
        domains = self.domains()
        if domains:
            if self._bound:
                # "Error Domain=NSPOSIXErrorDomain Code=57 \"…\" status 1" (MQTT-Client-
                #   Framework): the domain has its code; "status 1" is not one of its codes.
                index = self.free_domains().nearest(at)
                if index is None:
                    return None
                pos, name = domains[index]
            else:
                pos, name = domains[_nearest(self._domain_pos, at)]
            if abs(pos - at) <= _NEAR:
                return (name,)
        return None if self.record is None else self.record.domain

    def close(self) -> None:
        """Update the record with what this line leaves open and names."""
        if self.findings and "(0" in self.line:
            self.findings = list(self._with_hex_twins())
        if self._names is not None:
            # A status named beside its number ("Crash on -34018 (undocumented
            # errSecMissingEntitlement)") is one code: the number's finding.
            named = {id(f) for f in self._names}
            numbers = {f.code for f in self.findings if id(f) not in named}
            self.findings = [
                f for f in self.findings if id(f) not in named or f.code not in numbers
            ]
        record = self.record
        if record is None:
            return
        line = self.line
        record.depth += (
            line.count("{")
            + line.count("(")
            + line.count("[")
            - line.count("}")
            - line.count(")")
            - line.count("]")
        )
        record.lines += 1
        names, age = record.names, record.names_age + 1
        found = (
            [n for n in _ERRNO_NAME.findall(line) if n in _DARWIN_NAMES] if "E" in line else None
        )
        if found:
            names, age = frozenset(found), 0
        elif age > _NAME_LINES:
            names, age = frozenset(), 0
        if record.depth <= 0 or record.lines >= _RECORD_LINES:
            record.reset()
            record.names, record.names_age = names, age
            tail = _DOMAIN_TAIL.search(line) if record.depth <= 0 else None
            if tail is not None:
                # "Error Domain=kCFErrorDomainCFNetwork \nCode=-1202 …" (WordPress-iOS
                #   issue 19165): the dump goes on with its code on the next line only.
                name = tail["name"] or tail["error_domain"]
                record.domain = (_domain_token(name.lower()),)
            record.previous, record.previous_lower = line, self._lower
            return
        record.previous, record.previous_lower = line, self._lower
        record.names, record.names_age = names, age
        keys = self.domain_keys()
        if keys:
            record.domain_key = keys[-1][1]
        domains = self.domains()
        if domains:
            # Only a domain without its own code on this line speaks for the next lines.
            index = self.free_domains().last()
            record.domain = None if index is None else (domains[index][1],)

    def _with_hex_twins(self) -> Iterator[Finding]:
        """The findings, each followed by its value again in hex right after it, if there."""
        taken = {finding.span[0] for finding in self.findings}
        for finding in self.findings:
            yield finding
            if finding.member is None:
                continue
            end = finding.span[1] - self.base
            after = _HEX_AFTER.match(self.line, end)
            if after is None:
                continue
            value = int(after["digits"], 16)
            if after["neg"]:
                value = -value
            elif 1 << 31 <= value < 1 << 32:
                value -= 1 << 32
            start, stop = after.span("hex")
            if value == finding.code and self.base + start not in taken:
                yield Finding(
                    finding.code,
                    finding.domain,
                    (self.base + start, self.base + stop),
                    self.line_no,
                    self.col_base + start + 1,
                    finding.member,
                    self.line[start:stop],
                )

    # -- findings --------------------------------------------------------------------------
    def add(self, domain: str, code: int, start: int, end: int, member: Code | None = None) -> None:
        if member is None:
            member = _resolve(domain, code)
        finding = Finding(
            code,
            domain,
            (self.base + start, self.base + end),
            self.line_no,
            self.col_base + start + 1,
            member,
            self.line[start:end],
        )
        self.findings.append(finding)
        if member is not None and domain != "TLSAlert":
            self._by_code[code] = finding

    def sec_name(self, match: re.Match[str]) -> bool:
        """A Security status written by its name (secname); whether the match claims it."""
        member = SecError.__members__.get(match["sn_name"])
        if member is None:
            return False
        self.add("NSOSStatusErrorDomain", int(member), *match.span("sn_name"), member=member)
        if self._names is None:
            self._names = []
        self._names.append(self.findings[-1])
        return True

    def clean_shutdown(self, alert: int) -> bool:
        """Whether *alert*, named on this line, is a close_notify sent at level warning.

        That is a connection closed cleanly (SSL_shutdown), not a failure: no code.  A
        close_notify in an error string is one ("SSL alert number 0": the peer closed
        mid-handshake), and so is any other alert, whatever its level.
        """
        return alert == 0 and any(self.has(mark) for mark in WARNING_LEVEL)

    def pair(self, match: re.Match[str], group: str, dom: str, code: str) -> None:
        number = int(match[dom])
        domain = _PAIR_DOMAIN.get(number)
        if domain is None:
            return
        value = _number(match[code])
        if value == 0:  # "TIC SSL Trust Error [25:0x1c0176d40]: 3:0": no error
            return
        self.last_pair = (value, domain)
        self.add(domain, value, *match.span(group))

    def word(self, match: re.Match[str]) -> bool:
        """The general code-word form; returns whether the match claims its text."""
        code = _number(match["w_code"])
        word = match["w_word"].lower()
        start, end = match.span("w_code")
        at = match.start()
        if word in ("code", "status") and self.line[max(0, at - 5) : at].lower() == "exit ":
            # A process's exit status, never an errno beside one: AutoPkg's "Curl failure:
            #   LibreSSL SSL_read: SSL_ERROR_SYSCALL, errno 54 (exit code 56)" is curl's
            #   CURLE_RECV_ERROR (homebysix/recipes issue 262, held-out set 56).
            return True
        before = self.line[max(0, at - 7) : at]
        gap = len(before) - len(before.rstrip(" \t"))
        if (
            0 < gap <= 2
            and before.endswith("Error", 0, len(before) - gap)
            and not word.startswith("errno")
            and _foreign_type_before(self.line, at - gap)
        ):
            return True  # another type's code
        if word == "code" and self.line.endswith("Os { ", 0, at):
            # Rust's io::Error printed with {:?}: "Os { code: 61, kind: ConnectionRefused,
            #   message: \"Connection refused\" }" (std's io/error.rs).  An OS errno, Darwin's
            #   only when the message is Darwin's strerror() for it (Linux says 111 here).
            message = _RUST_MESSAGE.match(self.line, end)
            if message is not None and _strerror_of(message["text"].replace("\\", "")) == code:
                self.add("NSPOSIXErrorDomain", code, start, end)
            return True
        explicit = self.domain_near(start)
        if explicit is not None:
            domain = explicit[0]
            if domain is None:
                return True  # "domain: NSCocoaErrorDomain, code: 3840": not ours
            if domain == "NSURLErrorDomain" and code > 0:
                code = -code
            if domain == "CFStreamError" or _resolve(domain, code) is None:
                fallback = _by_range(code)
                domain = fallback if fallback is not None else domain
            if _resolve(domain, code) is None and domain != "CFStreamError":
                return False
            self.add(domain, code, start, end)
            return True
        if word == "errno" and code in _GAI_TEXT and self.has(_GAI_TEXT[code]):
            # Dart on iOS: "Failed host lookup: 'x' (OS Error: nodename nor servname
            # provided, or not known, errno = 8)" (flutter/flutter issue 154815).
            self.add("kCFStreamErrorDomainNetDB", code, start, end)
            return True
        if word == "errno" and -3014 <= code <= -3000:
            # libuv's getaddrinfo() codes (UV__EAI_*, -3000 to -3014 in libuv's
            #   include/uv/errno.h): Node's "code: 'EAI_AGAIN', errno: -3001" (Linux,
            #   advplyr/audiobookshelf issues 1824 and 3876, held-out set 77) is no NSURLError.
            return True
        if word == "errno" and code < 0 and -code in _STRERROR:
            # libuv (Node.js) negates errno: "errno: -61, code: 'ECONNREFUSED'" on macOS
            # (a16z-infra/companion-app issue 102; lfb/nodejs-koa-blog issue 99, where the
            # object is printed over lines after "Error: … connect ECONNREFUSED …").  Linux
            # numbers differ above 34, so it is taken only when the errno's Darwin name is
            # on the line or on one of the few lines before.
            member = get(DarwinErrno, -code)
            if member is None:
                return False
            name = member.name
            if (
                not self.has(name)
                and (self.record is None or name not in self.record.names)
                and not self.name_ahead(name, end)
            ):
                # (util.inspect prints "errno: -65," and then "code: 'EHOSTUNREACH'," on
                #   the next line: mscdex/ssh2 on macOS, held-out set 43)
                return False
            self.add("NSPOSIXErrorDomain", -code, start, end)
            return True
        if word.startswith(("errno", "os")) or (
            word in ("err", "error", "code") and self.errno_context(match.start())
        ):
            after = _TEXT_AFTER.match(self.line, end)
            text = after and after["text"]
            if word in ("errno", "os error") and _strerror_of(text or "") is None:
                # Dart's OSError and Rust's io::Error put the words first: "(OS Error:
                #   Operation not permitted, errno = 1)" (serverpod/serverpod issue 84),
                #   "Operation not permitted (os error 1)" (rustdesk/rustdesk issue 959).
                words = _WORDS_BEFORE.search(self.line, max(0, at - 80), at)
                if words is not None:
                    text = _strerror_ending(words["dart"] or words["rust"]) or text
            if code in STRERROR and (
                _darwin_errno_text(code, text)
                or (not _other_strerror(code, text) and self.strerror_near(code))
            ):
                self.add("NSPOSIXErrorDomain", code, start, end)
                return True
            return False
        if self.word_by_context(word, code, start, end):
            return True
        twin = self.twin(code) if word != "status" else None
        if twin is not None:
            self.add(twin.domain, code, start, end, member=twin.member)
            return True
        domain = _by_range(code)
        if domain is None:
            return False
        self.add(domain, code, start, end)
        return True

    def curl_alert(self, match: re.Match[str]) -> bool:
        """curl's trace of an alert: its name and level << 8 | description, which must agree."""
        level, code = divmod(int(match["acu_num"]), 256)
        alert = _resolve("TLSAlert", code)
        name = match["acu_name"].lower().replace(" ", "_")
        if level not in (1, 2) or alert is None:
            return False
        if name != "unknown" and _ALERT_NAMES.get(name) is not alert:
            return False
        if level == 1 and code == 0:
            return True  # close_notify at level warning: a clean shutdown
        self.add("TLSAlert", code, match.start("acu_name"), match.end())
        return True

    def word_by_context(self, word: str, code: int, start: int, end: int) -> bool:
        """A code word's number that the words around it name, added; whether it was."""
        if code in STRERROR and word != "status":
            # A number followed by its own Darwin strerror() words is that errno, whatever
            #   the code word: "failed at lookup with error 3 - No such process" (an XPC
            #   lookup, rrva/openconnectui2 issue 2), "error 61: Connection refused", and
            #   quoted in parentheses or after redis-py's host (see _QUOTED_WORDS).
            words = (
                _QUOTED_WORDS.match(self.line, end)
                or _REDIS_WORDS.match(self.line, end)
                or _DASH_TEXT.match(self.line, end)
                or _TEXT_AFTER.match(self.line, end)
            )
            text = None if words is None else words["text"]
            if text is not None and _strerror_of(text) == code:
                self.add("NSPOSIXErrorDomain", code, start, end)
                return True
            if not _other_strerror(code, text) and (
                (
                    word.replace(" ", "").replace("_", "").replace(".", "") == "errorcode"
                    and self.strerror_near(code)
                )
                or self.words_just_before(code, start)
            ):
                # Its words elsewhere on the line or on the line before, after an explicit
                #   "errorCode" (not "code", "error" or "exit code": make's "Error 2" after a
                #   compiler's "No such file or directory" is an exit status): Dart's
                #   SocketException printed over lines, "osError.message: 'Operation not
                #   permitted'" and then "osError.errorCode: 1" (TerminalStudio/dartssh2 96).
                self.add("NSPOSIXErrorDomain", code, start, end)
                return True
        status = self.secure_transport_status(code)
        if status is not None:
            self.add("NSOSStatusErrorDomain", code, start, end, member=status)
            return True
        return False

    def secure_transport_status(self, code: int) -> Code | None:
        """*code* as an OSStatus, if the line names a SecureTransport call.

        curl's SecureTransport back end: "SSLRead() return error -36" (an OSStatus,
        ioErr; curl lib/vtls/sectransp.c, TheBloodElf/iOSDevNotices issue 18).
        """
        if -9899 <= code <= -9800:
            return None  # SecureTransport's own range: read as everywhere else
        if self._st is None:
            self._st = _SECURE_TRANSPORT_CALL.search(self.line) is not None
        return _resolve("NSOSStatusErrorDomain", code) if self._st else None

    def misspelt_domain(self, match: re.Match[str]) -> bool:
        """A code after a long domain name one letter off a known one (see _domain_token)."""
        start = first = match.start()
        while start > max(0, first - 60) and (
            self.line[start - 1].isalnum() or self.line[start - 1] in "_."
        ):
            start -= 1
        token = (self.line[start:first] + "ErrorDomain" + match["dt_tail"]).lower()
        domain = None if token in _DOMAIN_TOKENS else _domain_token(token)
        if domain is None:
            return False  # spelt right (its own fragment reads it), or no domain of ours
        code = _number(match["dt_code"])
        if domain == "NSURLErrorDomain" and code > 0:
            code = -code
        if _resolve(domain, code) is None:
            return False  # the domain is a guess: only a code its table assigns
        self.add(domain, code, *match.span("dt_code"))
        return True

    def words_just_before(self, code: int, start: int) -> bool:
        """Whether errno *code*'s words end just before its code word: "Connection refused
        (error 61)"."""
        before = _CODE_WORD_BEFORE.sub("", self.line[max(0, start - 80) : start])
        return _strerror_ending(before.rstrip(" ([,;:-")) == _STRERROR_LC.get(code)

    def twin(self, code: int) -> Finding | None:
        """A code already found on this line with the value *code*, in a known domain.

        The same number again in an error's own text is the same error: AMSMB2's "Error
        Domain=NSPOSIXErrorDomain Code=5 … NSLocalizedFailureReason=Error code 5: Session
        setup failed" (amosavian/AMSMB2 issue 3).
        """
        return self._by_code.get(code)

    def tcp_conn(self, match: re.Match[str], *, alone: bool) -> bool:
        """CFNetwork's TCP connection failure: ``error 0:61 [61]`` (*alone*: ``error: 61 [61]``)."""
        if alone:
            code = int(match["tc_errno"])
            if code not in _STRERROR:
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span("tc_alone"))
            return True
        domain, code = int(match["tc_dom"]), _number(match["tc_code"])
        if match["tc_rep"] is not None and _number(match["tc_rep"]) != code:
            return False
        if domain == 0:
            if code not in _STRERROR:
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span("tc_pair"))
            return True
        if domain not in _PAIR_DOMAIN or code == 0:
            return False
        self.add(_PAIR_DOMAIN[domain], code, *match.span("tc_pair"))
        return True

    def nwerror_words(self, token: str, domain: str | None, code: int, end: int) -> bool:
        """Whether an NWError read as an errno has that errno's strerror() words after it.

        Without them it is not taken: on iOS 12/13 the bridged code was the case's index
        ("NETWORK.NWERROR error 2." after a failed TLS handshake, Apple Developer Forums
        thread 132286), not an errno.  Other domains pass.
        """
        if domain != "NSPOSIXErrorDomain" or not token.lower().endswith("nwerror"):
            return True
        after = _DASH_TEXT.match(self.line, end)
        return after is not None and _strerror_of(after["text"]) == code

    def errno_context(self, start: int) -> bool:
        """Whether the code word at *start* sits where an errno is meant.

        CFNetwork's TCP connection lines ("TCP Conn 0x… complete. fd: -1, err: 61",
        expo/expo issue 33286) print errno values as "err", and a key naming the kind
        ("reason=errno, code=57", couchbase/couchbase-lite-ios issue 2026) says so.
        """
        if (
            self.has("TCP Conn")
            # WebRTC's "TCP connect failed with error 65" (basicpacketsocketfactory.cc,
            #   twilio/twilio-voice-ios issue 14)
            or self.has("TCP connect failed")
            or self.line[max(0, start - 7) : start].lower() == "socket "
            # MySQL's client library: "Lost connection to server at 'handshake: reading
            #   initial communication packet', system error: 60" (CR_SERVER_LOST_EXTENDED;
            #   TablePro pull request 1039 on iOS, held-out set 58).  Not Windows' "System
            #   error 5 has occurred", a Win32 code: only with the colon.
            or (
                self.line[max(0, start - 7) : start].lower() == "system "
                and self.line[start : start + 6].lower() == "error:"
            )
        ):
            # "RESIP::TRANSPORT: socket error 32" (twilio/video-quickstart-ios issue 159)
            return True
        return _ERRNO_HINT.search(self.line, max(0, start - 40), start) is not None

    def handle(self, kind: str, match: re.Match[str]) -> bool:  # noqa: PLR0915
        """Turn one match into findings; returns whether the match claims its text."""
        if kind == "task":
            code = _number(match["task_url"])
            # The code is CFNetwork's CFError: a positive one is kCFErrorDomainCFNetwork's
            #   (NSURLErrorDomain has none), "HTTP load failed (error code: 311 [4:-2097])"
            #   (AzureAD/microsoft-authentication-library-for-objc issue 1005).
            cfnetwork = code > 0 and _resolve("kCFErrorDomainCFNetwork", code) is not None
            self.add(
                "kCFErrorDomainCFNetwork" if cfnetwork else "NSURLErrorDomain",
                code,
                *match.span("task_url"),
            )
            self.pair(match, "task_pair", "task_dom", "task_code")
        elif kind == "nserror":
            code = _number(match["ns_code"])
            domain = _nserror_domain(match["ns_dom"], code)
            self.bind(match.span())
            if domain is not None and self.nwerror_words(
                match["ns_dom"], domain, code, match.end()
            ):
                self.add(domain, code, *match.span("ns_code"))
        elif kind in ("opdesc", "opdesczh"):
            token = match["od_dom"]
            if "." not in token and "Domain" not in token and "Error" not in token:
                return False  # Rust's "(os error 60)": a word, not a domain
            self.bind(match.span())
            code = _number(match["od_code"])
            domain = _nserror_domain(match["od_dom"], code)
            if domain is not None and self.nwerror_words(
                match["od_dom"], domain, code, match.end("od_code")
            ):
                if domain == "NSURLErrorDomain" and code > 0:
                    code = -code
                self.add(domain, code, *match.span("od_code"))
        elif kind == "domain":
            code = _number(match["d_code"])
            domain = _nserror_domain(match["d_dom"], code)
            self.bind(match.span())
            if not self.nwerror_words(match["d_dom"], domain, code, match.end()):
                return True
            if domain == "NSURLErrorDomain" and code > 0:
                code = -code  # "NSURLErrorDomain - 1001": the sign printed apart, or dropped
            if domain is not None:
                self.add(domain, code, *match.span("d_code"))
        elif kind == "domaintypo":
            return self.misspelt_domain(match)
        elif kind == "key":
            code = _number(match["key_code"])
            domain_key = self.domain_key_near(match.start())
            if domain_key is None and self.ahead is not None:
                domain_key = self.domain_key_ahead(match.end("key_code"))
            if domain_key is not None:
                domain = _PAIR_DOMAIN.get(domain_key, "CFStreamError")
            elif -9899 <= code <= -9800:
                domain = "kCFStreamErrorDomainSSL"
            elif code in _KEY_ERRNO:
                # No domain key in view (the dump is cut, or the key comes lines later):
                #   a positive value beyond getaddrinfo()'s codes that network code
                #   reports as an errno is one (inference; see _KEY_ERRNO).
                domain = "NSPOSIXErrorDomain"
            else:
                domain = "CFStreamError"
            self.add(domain, code, *match.span("key_code"))
        elif kind == "finder":
            code = _number(match["fd_code"])
            if not (-999 < code < 0 or -8999 <= code <= -8000):
                return False  # "(Error code -1009)": an NSURLError, read by "err"
            self.add("NSOSStatusErrorDomain", code, *match.span("fd_code"))
        elif kind == "orig":
            code = _number(match["orig_code"])
            self.add("kCFStreamErrorDomainSSL", code, *match.span("orig_code"))
        elif kind == "err":
            start = match.start()
            if (
                start
                and match[0][0] == "E"
                and (self.line[start - 1].isalnum() or self.line[start - 1] == "_")
                and _foreign_type_before(self.line, start + len("Error"))
            ):
                return True  # "ParseError code=-1": the "Error" ends a type's name
            code = _number(match["err_code"])
            ahead = _NSERROR_AHEAD.match(self.line, match.end())
            twin = self.twin(code)
            if ahead is not None:
                domain = _nserror_domain(ahead["dom"], code)
            elif twin is not None:
                self.add(twin.domain, code, *match.span("err_code"), member=twin.member)
                return True
            elif (explicit := self.record_domain()) is not None:
                # A domain the line before named for this one: "Domain:NSPOSIXErrorDomain"
                #   and then "Error Code:1" (somonus/react-native-echarts issue 177).  (Not a
                #   domain elsewhere on the line: that is often a nested dump's own.)
                domain = explicit[0]
                if domain is None:
                    return True  # another domain's code
                if domain == "NSURLErrorDomain" and code > 0:
                    code = -code
                if domain == "CFStreamError" or _resolve(domain, code) is None:
                    domain = _by_range(code) or domain
                if _resolve(domain, code) is None:
                    return True
            else:
                # By its value where that says ("error code: -9806" is SecureTransport's,
                # "Error Code: -67843" a trust result), or an OSStatus beside a
                # SecureTransport call.  Not -1 with no domain in view: NSURLErrorUnknown is
                # -1, but so is what every C function and many apps return ("Connection
                # Terminated, Error Code -1" is Moonlight's own; held-out set 81).
                domain = _by_range(code)
                status = None if domain is not None else self.secure_transport_status(code)
                if status is not None:
                    self.add("NSOSStatusErrorDomain", code, *match.span("err_code"), member=status)
                    return True
            if domain is not None:
                self.add(domain, code, *match.span("err_code"))
        elif kind == "ctx":
            self.pair(match, "ctx_pair", "ctx_dom", "ctx_code")
        elif kind == "sslpair":
            self.pair(match, "sp_pair", "sp_dom", "sp_code")
        elif kind == "tic":
            self.pair(match, "tic_pair", "tic_dom", "tic_code")
        elif kind == "errparen":
            code = _number(match["e_code"])
            if self.last_pair is not None and self.last_pair[0] == code:
                self.add(self.last_pair[1], code, *match.span("e_code"))
            elif -9899 <= code <= -9800:
                self.add("kCFStreamErrorDomainSSL", code, *match.span("e_code"))
        elif kind == "sockstream":
            self.pair(match, "ss_pair", "ss_dom", "ss_code")
        elif kind == "sockmsg":
            self.add("NSPOSIXErrorDomain", int(match["sm_code"]), *match.span("sm_code"))
        elif kind in ("pyerrno", "pyoserror", "bracketerrno"):
            prefix = {"pyerrno": "pe", "pyoserror": "po", "bracketerrno": "be"}[kind]
            code = int(match[f"{prefix}_code"])
            text = match[f"{prefix}_text"]
            gai = kind != "bracketerrno" and _gai_words(text)
            if gai or (
                kind == "pyerrno"
                and self.line.endswith(("gaierror: ", "gaierror:"), 0, match.start())
            ):
                # Python's socket.gaierror carries getaddrinfo()'s code, positive as Darwin
                #   numbers them (Linux's are negative: "[Errno -2] Name or service not
                #   known"): "socket.gaierror: [Errno 8] nodename nor ser…", its words cut
                #   (sviatoslav-lebediev/anki-quizlet-importer-extended issue 111, macOS 12.4).
                if _resolve("kCFStreamErrorDomainNetDB", code) is None or (
                    gai and not _gai_words(text, code)
                ):
                    return True  # (another code's words: neither getaddrinfo's nor errno)
                #   (and its repr, "gaierror(8, 'nodename nor servname provided, or not
                #   known')", the number alone)
                if kind == "pyoserror":
                    span = match.span("po_code")
                else:
                    span = (match.start(), match.end("pe_code") + 1)
                self.add("kCFStreamErrorDomainNetDB", code, *span)
                return True
            if not _darwin_errno_text(code, text) and (
                _other_strerror(code, text) or not self.strerror_near(code)
            ):
                # (its words elsewhere do: pySerial's "[Errno 16] could not open port x:
                #   [Errno 16] Resource busy: 'x'", espressif/esptool issue 320)
                return kind != "bracketerrno"
            if (
                kind != "bracketerrno"
                and _foreign_strerror(code, text)
                and not self.strerror_near(code)
            ):
                # Python prints the OS's own strerror() beside the number: Linux's own
                #   words for it make it Linux's ("OSError: [Errno 61] No data available"
                #   is ENODATA there, not Darwin's ECONNREFUSED).
                return True
            if kind == "pyerrno":  # the finding is "[Errno 54]", as people quote it
                span = (match.start(), match.end("pe_code") + 1)
            else:
                span = match.span(f"{prefix}_code")
            self.add("NSPOSIXErrorDomain", code, *span)
        elif kind == "errtuple":
            code = int(match["tu_code"])
            if match["tu_gai"] is not None:
                if code not in _GAI_TEXT or _resolve("kCFStreamErrorDomainNetDB", code) is None:
                    return False
                self.add("kCFStreamErrorDomainNetDB", code, *match.span("tu_code"))
                return True
            if not _whole_strerror(code, match["tu_text"]):
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span("tu_code"))
        elif kind == "numwords":
            code = int(match["nw_code"])
            if match["nw_gai"] is not None:
                if code in _GAI_TEXT and _resolve("kCFStreamErrorDomainNetDB", code) is not None:
                    self.add("kCFStreamErrorDomainNetDB", code, *match.span("nw_code"))
                return True  # (another number's: neither getaddrinfo's code nor an errno)
            if code not in STRERROR:
                return False
            if match["nw_text"] is not None:
                if not _whole_strerror(code, match["nw_text"]):
                    return False
            else:
                words = match["nw_bare"] or match["nw_comma"]
                if _strerror_of(words) != code or not words.lower().startswith(_STRERROR_LC[code]):
                    return False
            self.add("NSPOSIXErrorDomain", code, *match.span("nw_code"))
        elif kind == "rtmpsend":
            code = int(match["rs_code"])
            # Only the network values up to EHOSTUNREACH (65): up to 34 they are Linux's too,
            #   and Linux's send() errors above 34 are 88 and up (EDESTADDRREQ is 89 there,
            #   ECONNRESET 104).
            if code not in _STRERROR or code > 65:
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span("rs_code"))
        elif kind == "bracketed":
            group = next(g for g in ("bk_code", "bk_hash", "bk_paren", "bk_hex") if match[g])
            code = int(match[group], 16 if group == "bk_hex" else 10)
            if code not in STRERROR or _strerror_of(match["bk_text"]) != code:
                return False
            if group == "bk_hex":
                self.add("NSPOSIXErrorDomain", code, match.start() + 1, match.end(group))
            elif group in ("bk_hash", "bk_paren"):
                self.add("NSPOSIXErrorDomain", code, match.start(), match.end(group) + 1)
            else:
                self.add("NSPOSIXErrorDomain", code, *match.span(group))
        elif kind == "dtruss":
            code = int(match["dt_code"])
            if code not in STRERROR:
                return False
            self.add("NSPOSIXErrorDomain", code, match.start("dt_code") - 4, match.end("dt_code"))
        elif kind in _ASSIGNED_GROUPS:
            domain, group = _ASSIGNED_GROUPS[kind]
            code = int(match[group])
            if _resolve(domain, code) is None:
                return False
            self.add(domain, code, *match.span(group))
        elif kind in _NETWORK_ERRNO_GROUPS:
            # An errno read as Darwin's only when it is one network code reports (CFSocket.c
            #   is built on Linux too, where 98 is EADDRINUSE; WebRTC and Mono run there).
            group = _NETWORK_ERRNO_GROUPS[kind]
            code = int(match[group])
            if code not in _STRERROR:
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span(group))
        elif kind == "lowerstack":
            self.add("NSPOSIXErrorDomain", int(match["ls_code"]), *match.span("ls_code"))
        elif kind == "secname":
            return self.sec_name(match)
        elif kind == "mysql":
            code = int(match["my_code"])
            words = match["my_words"]
            if code in STRERROR and (words is None or _whole_strerror(code, words)):
                self.add("NSPOSIXErrorDomain", code, *match.span("my_code"))
        elif kind == "alertcamel":
            alert = _ALERT_CAMEL[match["ac_name"]]
            window = max(0, match.start() - 8)
            number = _NUMBER_BEFORE.search(self.line, window, match.start())
            if number is not None and int(number[1]) == int(alert):
                self.add("TLSAlert", int(alert), number.start(1), match.end(), member=alert)
        elif kind in ("alertrustls", "alertmono", "alerths", "alerthslevel"):
            table, group = _CAMEL_TABLES[kind]
            alert = table[match[group]]
            if not self.clean_shutdown(alert):
                self.add("TLSAlert", int(alert), *match.span(group), member=alert)
        elif kind == "alertnamed":
            code = int(match["anm_code"])
            at = match.start()
            for spelling in _SNAKE_NAMES.get(code, ()):
                start = at - len(spelling)
                if self.line.startswith(spelling, start) and (
                    start == 0 or not _word_char(self.line[start - 1])
                ):
                    self.add("TLSAlert", code, start, match.end())
                    return True
            if code not in STRERROR:
                return False
            words = _strerror_ending(self.line[max(0, at - 60) : at])
            if words == _STRERROR_LC[code] or (
                _FAILED_BEFORE.search(self.line, max(0, at - 12), at) is not None
                and self.strerror_near(code)
            ):
                # An errno in parentheses right after its own strerror() words, "message":
                #   "Connection reset by peer (54)" (breadwallet-ios issue 480), or after
                #   "failed" with its words on the line or the line before: "SIOCGIFMTU
                #   failed: Device not configured", then "interface_get_mtu failed (6),
                #   defaulting to max mtu" (nesessionmanager, Apple Developer Forums thread
                #   37090).
                self.add("NSPOSIXErrorDomain", code, *match.span("anm_code"))
                return True
            return False
        elif kind == "alertjdk":
            if not any(self.has(word) for word in _TLS_WORDS):
                return False  # "(access_denied)" of OAuth, say
            alert = _ALERT_NAMES[match["aj_name"]]
            self.add("TLSAlert", int(alert), *match.span("aj_name"), member=alert)
        elif kind == "unixexc":
            code = int(match["ux_code"])
            if _resolve("NSPOSIXErrorDomain", code) is None:
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span("ux_code"))
        elif kind == "alertdotnet":
            alert = _ALERT_DOTNET[match["adn_name"]]
            self.add("TLSAlert", int(alert), *match.span("adn_name"), member=alert)
        elif kind == "alertcurl":
            return self.curl_alert(match)
        elif kind == "alertgo":
            if match["ag_name"] is not None:
                alert = _ALERT_GO[match["ag_name"]]
                self.add("TLSAlert", int(alert), *match.span("ag_name"), member=alert)
            elif int(match["ag_code"]) <= 255:
                self.add("TLSAlert", int(match["ag_code"]), *match.span("ag_code"))
        elif kind == "uvname":
            code = int(match["uv_code"])
            errno = get(DarwinErrno, code)
            if errno is None or errno.name != match["uv_name"]:
                return False
            self.add("NSPOSIXErrorDomain", code, *match.span("uv_code"))
        elif kind == "alertpair":
            code = int(match["apr_code"])
            if _resolve("TLSAlert", code) is None or (code == 0 and match["apr_level"] == "1"):
                return False  # (a warning close_notify is a clean close)
            self.add("TLSAlert", code, *match.span("apr_code"))
        elif kind == "alertgoold":
            alert = _ALERT_GO[match["ago_name"]]
            self.add("TLSAlert", int(alert), *match.span("ago_name"), member=alert)
        elif kind == "alertnumname":
            code = int(match["ann_code"])
            named = _ALERT_NAMES.get(match["ann_name"].lower().replace(" ", "_"))
            if named is None or int(named) != code or not _TLS_WORD.search(self.line):
                return False
            self.add("TLSAlert", code, match.start("ann_code"), match.end())
        elif kind == "alertpeer":
            code = int(match["ap_code"])
            if code <= 255:
                self.add("TLSAlert", code, *match.span("ap_code"))
        elif kind == "posix":
            self.add("NSPOSIXErrorDomain", int(match["px_code"]), *match.span("px_code"))
        elif kind == "alertnum":
            code = int(match["an_code"])
            if code <= 255:
                self.add("TLSAlert", code, *match.span("an_code"))
        elif kind == "rncode":
            self.bind(match.span())
            code = _number(match["rn_code"])
            domain = _nserror_domain(match["rn_dom"], code)
            if domain is None:
                return True  # another domain's code: "ESKERRORDOMAIN0"
            self.add(domain, code, *match.span())
        elif kind in ("tcpconn", "tcperrno"):
            return self.tcp_conn(match, alone=kind == "tcperrno")
        elif kind == "alerttlsv1":
            alert = _ALERT_NAMES[match["at_name"].lower().replace(" ", "_")]
            self.add("TLSAlert", int(alert), *match.span("at_name"), member=alert)
        elif kind in ("alertup", "alertdesc", "alerterl"):
            if kind == "alertdesc" and match["ad_cap"] and not self.speaks_of_alert():
                return False  # "Description: Internal Error" of something else
            group = {"alertup": "au_name", "alertdesc": "ad_name", "alerterl": "ae_name"}[kind]
            alert = _ALERT_NAMES[match[group].lower().replace(" ", "_")]
            if not self.clean_shutdown(alert):
                self.add("TLSAlert", int(alert), *match.span(group), member=alert)
        elif kind == "alertmsg":
            code = int(match["am_code"])
            if not self.speaks_of_alert() or _resolve("TLSAlert", code) is None:
                return False
            self.add("TLSAlert", code, *match.span("am_code"))
        elif kind in ("word", "cjkword"):
            return self.word(match)
        elif kind == "bare_ssl":
            self.add("kCFStreamErrorDomainSSL", int(match["bs_code"]), *match.span("bs_code"))
        elif kind == "bare_sec":
            code = int(match["bsc_code"])
            member = get(SecError, code)
            if member is None or not any(self.has(word) for word in _SEC_WORDS):
                return False
            self.add("NSOSStatusErrorDomain", code, *match.span("bsc_code"), member=member)
        return True


def _candidates(
    line: str, windows: list[tuple[int, int]] | None
) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every fragment's matches in *line* as (start, priority, kind, match), unsorted.

    Fragments that need a digit run only inside *windows* (see _digit_windows), or over
    the whole line when it is None.
    """
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    lower: str | None = None
    whole = [(0, len(line))]
    if windows is None:
        windows = whole
    fragments = _BY_PRIORITY_ASCII if line.isascii() else _BY_PRIORITY
    for priority, (kind, pattern, needles, in_lower) in fragments:
        if needles:
            haystack = line
            if in_lower:
                if lower is None:
                    lower = line.lower()
                haystack = lower
            for needle in needles:
                if needle in haystack:
                    break
            else:
                continue
        haystack, patterns = line, _SPLIT.get(kind, (pattern,))
        if kind == "word":
            if lower is None:
                lower = line.lower()
            if len(lower) == len(line):
                haystack, patterns = lower, _WORD_LOWER
        for start, end in whole if kind in _NO_DIGIT_KINDS else windows:
            for match in _split_matches(patterns, haystack, start, end):
                candidates.append((match.start(), priority, kind, match))
    return candidates


def _scan_line(
    line: str,
    line_no: int,
    base: int = 0,
    col_base: int = 0,
    record: Record | None = None,
    ahead: str | None = None,
) -> list[Finding]:
    """Findings in *line*: every fragment's matches, merged as one alternation would.

    Matches are taken by start position (at the same position, the earlier
    fragment wins), skipping any that overlap a match that claimed its text.
    ``span`` is ``base`` plus the offset in *line*; ``column`` is ``col_base`` plus
    the offset, plus one.  *record* carries context from the earlier lines of a
    multi-line record (see :class:`Record`), and is updated.  *ahead* is the start of the
    next line (see :data:`_AHEAD`), given when :func:`_wants_ahead` says the line needs it.
    """
    candidates = _candidates(line, _digit_windows(line))
    state = _Line(line, line_no, base, col_base, record, ahead)
    if candidates:
        candidates.sort(key=_by_position)
        cursor = 0
        for start, _, kind, match in candidates:
            if start >= cursor and state.handle(kind, match):
                cursor = match.end()
    state.close()
    return state.findings


def _by_position(candidate: tuple[int, int, str, re.Match[str]]) -> tuple[int, int]:
    return candidate[0], candidate[1]


def _has_marker(line: str) -> bool:
    return any(marker in line for marker in MARKERS)


def _candidate_starts(text: str) -> list[int]:
    """Start offsets of the lines of *text* that contain a marker, in order."""
    starts: set[int] = set()
    for marker in MARKERS:
        at = text.find(marker)
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            starts.add(start)
            end = text.find("\n", at)
            if end == -1:
                break
            at = text.find(marker, end)
    return sorted(starts)


def scan(text: str) -> Iterator[Finding]:
    """Every code in *text*, in order.  Never raises for any ``str``.

    ``span`` is an offset pair into *text*.

    >>> for f in scan("HTTP load failed (error code: -1200 [3:-9802])"):
    ...     print(f.code, f.domain, f.name)
    -1200 NSURLErrorDomain NSURLErrorSecureConnectionFailed
    -9802 kCFStreamErrorDomainSSL errSSLFatalAlert
    """
    if not isinstance(text, str):
        raise TypeError(f"scan() takes a str, not {type(text).__name__}")
    if "\r" in text and _LONE_CR.search(text) is not None:
        # A lone CR ends a line, as in scan_stream(), scan_file() and annotate (old Mac
        #   tools, some exports): scanned line by line, spans kept as offsets into *text*.
        yield from _scan_cr_lines(text)
        return
    yield from scan_in(text, Record())


_LONE_CR: Final = re.compile(r"\r(?!\n)")
_ANY_LINE_END: Final = re.compile(r"\r\n|\r|\n")


def _scan_cr_lines(text: str) -> Iterator[Finding]:
    """:func:`scan` of a text whose lines end in LF, CRLF or a lone CR (as scan_lines()
    reads them), with ``span`` shifted back into *text*."""
    starts = [0]
    lines = []
    for match in _ANY_LINE_END.finditer(text):
        lines.append(text[starts[-1] : match.start()])
        starts.append(match.end())
    lines.append(text[starts[-1] :])
    for finding in scan_lines(lines):
        base = starts[finding.line_no - 1]
        yield attrs.evolve(finding, span=(finding.span[0] + base, finding.span[1] + base))


def scan_in(text: str, record: Record) -> Iterator[Finding]:
    """:func:`scan` with the multi-line context *record* carried in and out.

    For callers that scan a log record by record (atscodes._events): what a record
    leaves open or names (see :class:`Record`) applies to the next one, as in one text;
    the caller resets *record* where its lines are not near.
    """
    line_no, counted_to = 1, 0
    previous = 0
    for start in _candidate_starts(text):
        gap = text.count("\n", counted_to, start)
        line_no += gap
        counted_to = start
        if line_no - previous > 2:  # a record spans consecutive candidate lines only
            record.reset()
        previous = line_no
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        ahead = None
        if end != -1 and _wants_ahead(line):
            ahead = _next_line_start(text, end + 1)
        yield from _scan_line(line, line_no, start, 0, record, ahead)


def _wants_ahead(line: str) -> bool:
    """Whether *line* may need the start of the next one: it holds Node's ``errno: -``, or
    a stream error code key without a domain key."""
    if "errno: -" in line:
        return True
    return "ErrorCodeKey" in line and "ErrorDomainKey" not in line


def _next_line_start(text: str, start: int) -> str:
    """The line of *text* that starts at *start*, up to :data:`_AHEAD` characters."""
    end = text.find("\n", start, start + _AHEAD)
    return text[start : start + _AHEAD] if end == -1 else text[start:end]


def scan_lines(lines: Iterable[str]) -> Iterator[Finding]:
    """Every code in an iterable of lines (such as an open text file), lazily.

    Spans are offsets into each line; ``line_no`` counts the lines given, from 1.
    A ``str`` is refused (``TypeError``: iterating it would scan its characters; use
    :func:`scan`), and so is a line that is not a ``str`` (``bytes``: use scan_stream).
    """
    if isinstance(lines, (str, bytes, bytearray)):
        raise TypeError(
            f"scan_lines() takes an iterable of str lines, not a {type(lines).__name__}"
            " (scan() takes one text)"
        )
    return _scan_lines(lines)


def _scan_lines(lines: Iterable[str]) -> Iterator[Finding]:
    record = Record()
    previous = -2
    iterator = iter(lines)
    peeked: str | None = None
    line_no = 0
    while True:
        line: str | None = peeked
        peeked = None
        if line is None:
            line = next(iterator, None)
            if line is None:
                return
        line_no += 1
        if not isinstance(line, str):
            raise TypeError(
                f"scan_lines() takes str lines, not {type(line).__name__} (line {line_no};"
                " scan_stream() reads bytes)"
            )
        if _has_marker(line):
            if line_no - previous > 2:
                record.reset()
            previous = line_no
            ahead = None
            if _wants_ahead(line):
                # (read only then, so that a line from a live stream is not held up)
                peeked = next(iterator, None)
                if peeked is not None:
                    ahead = _next_line_start(peeked, 0)
            yield from _scan_line(line.rstrip("\n"), line_no, 0, 0, record, ahead)


def candidate_line_ranges(block: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` byte ranges of the lines of *block* that hold a marker.

    ``end`` is the offset of the line's ``"\\n"`` (or the end of *block*).
    """
    return sorted(_PREFILTER.line_ranges(block).items())
