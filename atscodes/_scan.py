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

import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from ._alerts import TLSAlert
from ._base import Code, get
from ._cfnetwork import CFNetworkError, CFStreamErrorDomain
from ._posix import AddrInfoError, DarwinErrno
from ._secerror import SecError
from ._sslstatus import SSLStatus
from ._urlerror import URLError

__all__ = ["DOMAINS", "MARKERS", "Finding", "candidate_line_ranges", "scan", "scan_lines"]

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
    #: A ``_kCFStreamErrorCodeKey`` whose domain key is not on the same line.
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

#: Every fragment's match, or its line, contains one of these: the prefilter.
MARKERS: Final[tuple[str, ...]] = (
    "rror",
    "RROR",
    "ailed",
    "lert",
    "LERT",
    "-98",
    "TIC ",
    "msg(fd",
)
_MARKERS_B: Final[tuple[bytes, ...]] = tuple(m.encode() for m in MARKERS)

# --- fragments ------------------------------------------------------------------------------
# Numbers: ASCII '-', U+2212 and the full-width U+FF0D all occur in pasted logs; digits
# are bounded so that int() stays cheap and no input can make a match slow.
_SIGN = "[-\u2212\uff0d]"
_INT = rf"{_SIGN}? ?\d{{1,10}}"
_END = r"(?![\w.]\d)(?!\d)"


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
# rustls and SerenityOS print alerts as CamelCase ("critical error: 51 (DecryptError)").
_ALERT_CAMEL: Final = {
    "".join(part.capitalize() for part in name.split("_")): alert
    for name, alert in _ALERT_NAMES.items()
}
_CAMEL_WORDS = "|".join(sorted(_ALERT_CAMEL, key=len, reverse=True))
_ALERT_WORDS = "|".join(
    sorted((re.escape(n).replace("_", "[ _]") for n in _ALERT_NAMES), key=len, reverse=True)
)

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

_FRAGMENTS: Final[tuple[tuple[str, str], ...]] = (
    # "Task <…>.<1> HTTP load failed, 0/0 bytes (error code: -1202 [3:-9813])"
    #   (Apple Developer Forums thread 102253): an NSURLError code and its CFStream pair.
    (
        "task",
        rf"error\s+code:\s*(?P<task_url>{_INT})\s*"
        rf"(?P<task_pair>\[\s*(?P<task_dom>-?\d{{1,2}})\s*:\s*(?P<task_code>{_INT})\s*\])",
    ),
    # "Error Domain=NSURLErrorDomain Code=-1200 \"An SSL error has occurred…\"" (any NSError
    #   description); a domain atscodes does not know is consumed without a finding.
    (
        "nserror",
        rf"Domain\s*=\s*(?P<ns_dom>[A-Za-z_][\w.]{{0,80}})\s+Code\s*=\s*(?P<ns_code>{_INT})",
    ),
    # "(kCFStreamErrorDomainSSL, -9802)" (NSURLSession/NSURLConnection HTTP load failed),
    #   "(NSURLErrorDomain error -1200.)", "(OSStatus error -9836.)",
    #   "Error \"OSStatus\" -9807" (muhku/FreeStreamer issue 431), "NSURLErrorDomain - 1001",
    #   "KCFErrorDomainCFNetwork ErrorCode = 310" (Alamofire issue 3273).
    (
        "domain",
        rf"(?P<d_dom>{_DOMAIN_SPELLINGS})"
        rf"(?:\s*(?i:error\s*code|code)\s*[=:]?\s*|\s*[,:]?\s*(?i:error|\u9519\u8bef)\s*:?\s*"
        rf"|\s*[,:]\s*|\s+-\s+|\s+)\[?(?P<d_code>{_INT})",
    ),
    # "_kCFStreamErrorCodeKey=-9802, _kCFStreamErrorDomainKey=3" (NSError userInfo), also
    #   plist ("\"_kCFStreamErrorCodeKey\" = -9802;") and JSON (": -9802") spellings.
    ("key", rf"kCFStreamErrorCodeKey\"?\s*[=:]\s*\"?(?P<key_code>{_INT})"),
    # "_kCFNetworkCFStreamSSLErrorOriginalValue=-9802": always a SecureTransport status.
    ("orig", rf"kCFNetworkCFStreamSSLErrorOriginalValue\"?\s*[=:]\s*\"?(?P<orig_code>{_INT})"),
    # "Task <…>.<1> finished with error [-1202] Error Domain=…",
    #   "finished with error - code: -1001", "Error Code: -1100", and with full-width
    #   signs, "error.code \uff1d \uff0d999" (GeeTeam gt3-ios-sdk issue 4).
    (
        "err",
        r"(?:finished\s+with\s+error(?:\s*-\s*code)?|error\s*-\s*code|error[ .][Cc]ode"
        r"|Error[ .][Cc]ode|ERROR[ .]CODE)"
        rf"\s*[:=\uff1d]?\s*\[?(?P<err_code>{_INT})\]?",
    ),
    # "Connection 2: failed to connect 3:-9838, reason -1", "encountered error(3:-9813)",
    #   "TLS Trust encountered error 3:-9813" (Apple Developer Forums; react-native issues).
    (
        "ctx",
        r"(?:failed\s+to\s+connect|encountered\s+error|Generating)\s*\(?\s*"
        r"(?P<ctx_pair>(?P<ctx_dom>\d{1,2}):(?P<ctx_code>-?\d{1,10}))(?![\w.:])",
    ),
    # "TIC TCP Conn Failed [4:0x1c0362f40]: 3:-9802 Err(-9802)" (firebase/quickstart-ios 339).
    ("tic", r"\]:\s*(?P<tic_pair>(?P<tic_dom>\d{1,2}):(?P<tic_code>-?\d{1,10}))(?![\w.:])"),
    ("errparen", r"Err\((?P<e_code>-?\d{1,10})\)"),
    # "Socket SO_ERROR [54: Connection reset by peer]", "POSIX error 96",
    #   "POSIXErrorCode(rawValue: 53)" (Alamofire, Starscream issues).
    (
        "posix",
        r"(?:SO_ERROR\s*\[|POSIX\s+error\s+|POSIXErrorCode\(rawValue:\s*)(?P<px_code>\d{1,4})",
    ),
    # "SocketStream read error [0x2811f18c0]: 1 54" (daltoniam/Starscream issue 586): a
    #   CFStream domain and code, space-separated.
    (
        "sockstream",
        r"SocketStream\s+(?:read|write)\s+error\s*\[0x[0-9a-fA-F]{1,16}\]:\s*"
        r"(?P<ss_pair>(?P<ss_dom>\d{1,2})\s(?P<ss_code>-?\d{1,10}))(?![\w.])",
    ),
    # "nw_socket_get_input_frames recvmsg(fd 13, 1024 bytes): [57] Socket is not connected"
    #   (silkimen/cordova-plugin-advanced-http issue 17): a Darwin errno.
    ("sockmsg", r"(?:recv|send)msg\(fd\s\d{1,6},\s\d{1,12}\sbytes\):\s*\[(?P<sm_code>\d{1,4})\]"),
    # "We were alerted of a critical error: 51 (DecryptError)" (SerenityOS issue 10261);
    #   the number before the parenthesis is checked in the handler.
    ("alertcamel", rf"\((?P<ac_name>{_CAMEL_WORDS})\)"),
    # "TLS alert from peer: unknown 46" (mirleft/ocaml-tls issue 516); Erlang's
    #   "received CLIENT ALERT: Fatal - Certificate Unknown" (erlang/otp issue 4481).
    ("alertpeer", r"alert\s+from\s+peer:\s*(?:unknown\s+)?(?P<ap_code>\d{1,3})\b"),
    ("alerterl", rf"ALERT:\s*(?:Fatal|Warning)\s*-\s*(?P<ae_name>(?i:{_ALERT_WORDS}))(?![A-Za-z])"),
    # "…:SSL alert number 42" (BoringSSL / OpenSSL error strings).
    ("alertnum", r"SSL\s+alert\s+number\s+(?P<an_code>\d{1,3})"),
    # "SSLV3_ALERT_BAD_CERTIFICATE", "TLSV1_ALERT_DECRYPT_ERROR" (BoringSSL reasons).
    ("alertup", rf"(?:SSLV3|TLSV13?)_ALERT_(?P<au_name>(?i:{_ALERT_WORDS}))(?![A-Za-z])"),
    # "read alert, level: fatal, description: bad certificate" (BoringSSL, iOS 11+),
    #   "tlsv1 alert unknown ca" (OpenSSL), "SSL_AD_CERTIFICATE_UNKNOWN".
    (
        "alertdesc",
        r"(?:description:\s*|sslv3\s+alert\s+|tlsv13?\s+alert\s+|SSLv3\s+alert\s+"
        r"|TLSv13?\s+alert\s+|SSL_AD_)"
        rf"(?P<ad_name>(?i:{_ALERT_WORDS}))(?![A-Za-z])",
    ),
    # "nw_coretls_read_one_record tls_handshake_process: [-9824]", "SSLHandshake failed
    #   (-9806)", "evaluation failed(-9813)": a bare -98xx is a SecureTransport status.
    #   (The look-behind sits after the '-' so that the fragment starts with a literal.)
    ("bare_ssl", r"(?P<bs_code>-(?<![\w.+\-]-)98\d\d)(?![\w.]\d|\d)"),
    # On a line that already speaks of an error: a bare NSURLError value, "(-1009)".
    (
        "bare_url",
        r"(?P<bu_code>-(?<![\w.+\-:/]-)(?:99[5-9]|10[0-2]\d|110[0-4]|120[0-6]|2000"
        r"|300[0-7]))(?![\w.]\d|\d)",
    ),
)

_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(body)) for name, body in _FRAGMENTS
)
_NUMBER_BEFORE: Final = re.compile(r"(?<![\w.])(\d{1,3})\s*$")
_DOMAIN_KEY: Final = re.compile(rf"_?kCFStreamErrorDomainKey\"?\s*[=:]\s*\"?(?P<d>{_INT})")
_NSERROR_AHEAD: Final = re.compile(r"\s*Error\s+Domain\s*=\s*(?P<dom>[A-Za-z_][\w.]{0,80})")


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

    def label(self) -> str:
        """The short decoding that ``atscodes annotate`` inserts."""
        if self.member is None:
            return f"unknown {self.domain} code"
        if self.domain == "TLSAlert" and not self.text.strip("[]").lstrip("-").isdigit():
            return f"TLS alert {int(self.member)}"
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
            "description": None if self.member is None else self.member.description,
            "family": self.family,
            "span": list(self.span),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """Rebuild a Finding from :meth:`to_json` output (the member is resolved again)."""
        domain = str(data["domain"])
        code = int(data["code"])
        start, end = (int(v) for v in data["span"])
        return cls(
            code,
            domain,
            (start, end),
            int(data["line"]),
            int(data["column"]),
            _resolve(domain, code),
            str(data["text"]),
        )


def _int(text: str) -> int:
    cleaned = text.replace("\u2212", "-").replace("\uff0d", "-").replace(" ", "")
    return int(cleaned)


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
    domain = _DOMAIN_TOKENS.get(token.lower())
    if domain == "NWError":
        # NWError prints .tls(OSStatus) as the bare status; other cases are not ours.
        return "kCFStreamErrorDomainSSL" if -9899 <= code <= -9800 else None
    return domain


class _Line:
    """Scanning state for one line: turns matches into Findings."""

    __slots__ = ("base", "col_base", "findings", "last_pair", "line", "line_no")

    def __init__(self, line: str, line_no: int, base: int, col_base: int) -> None:
        self.line = line
        self.line_no = line_no
        self.base = base
        self.col_base = col_base
        self.findings: list[Finding] = []
        self.last_pair: tuple[int, str] | None = None

    def add(self, domain: str, code: int, start: int, end: int, member: Code | None = None) -> None:
        if member is None:
            member = _resolve(domain, code)
        self.findings.append(
            Finding(
                code,
                domain,
                (self.base + start, self.base + end),
                self.line_no,
                self.col_base + start + 1,
                member,
                self.line[start:end],
            )
        )

    def pair(self, match: re.Match[str], group: str, dom: str, code: str) -> None:
        number = int(match[dom])
        domain = _PAIR_DOMAIN.get(number)
        if domain is None:
            return
        value = _int(match[code])
        if value == 0:  # "TIC SSL Trust Error [25:0x1c0176d40]: 3:0": no error
            return
        self.last_pair = (value, domain)
        self.add(domain, value, *match.span(group))

    def handle(self, kind: str, match: re.Match[str]) -> None:  # noqa: PLR0915 - per fragment
        if kind == "task":
            self.add("NSURLErrorDomain", _int(match["task_url"]), *match.span("task_url"))
            self.pair(match, "task_pair", "task_dom", "task_code")
        elif kind == "nserror":
            code = _int(match["ns_code"])
            domain = _nserror_domain(match["ns_dom"], code)
            if domain is not None:
                self.add(domain, code, *match.span("ns_code"))
        elif kind == "domain":
            code = _int(match["d_code"])
            domain = _nserror_domain(match["d_dom"], code)
            if domain == "NSURLErrorDomain" and code > 0:
                code = -code  # "NSURLErrorDomain - 1001": the sign printed apart, or dropped
            if domain is not None:
                self.add(domain, code, *match.span("d_code"))
        elif kind == "key":
            code = _int(match["key_code"])
            domain_key = _DOMAIN_KEY.search(self.line)
            if domain_key is not None:
                domain = _PAIR_DOMAIN.get(_int(domain_key["d"]), "CFStreamError")
            elif -9899 <= code <= -9800:
                domain = "kCFStreamErrorDomainSSL"
            else:
                domain = "CFStreamError"
            self.add(domain, code, *match.span("key_code"))
        elif kind == "orig":
            self.add("kCFStreamErrorDomainSSL", _int(match["orig_code"]), *match.span("orig_code"))
        elif kind == "err":
            code = _int(match["err_code"])
            ahead = _NSERROR_AHEAD.match(self.line, match.end())
            if ahead is not None:
                domain = _nserror_domain(ahead["dom"], code)
            else:
                domain = "NSURLErrorDomain" if code < 0 else None
            if domain is not None:
                self.add(domain, code, *match.span("err_code"))
        elif kind == "ctx":
            self.pair(match, "ctx_pair", "ctx_dom", "ctx_code")
        elif kind == "tic":
            self.pair(match, "tic_pair", "tic_dom", "tic_code")
        elif kind == "errparen":
            code = _int(match["e_code"])
            if self.last_pair is not None and self.last_pair[0] == code:
                self.add(self.last_pair[1], code, *match.span("e_code"))
            elif -9899 <= code <= -9800:
                self.add("kCFStreamErrorDomainSSL", code, *match.span("e_code"))
        elif kind == "sockstream":
            self.pair(match, "ss_pair", "ss_dom", "ss_code")
        elif kind == "sockmsg":
            self.add("NSPOSIXErrorDomain", int(match["sm_code"]), *match.span("sm_code"))
        elif kind == "alertcamel":
            alert = _ALERT_CAMEL[match["ac_name"]]
            number = _NUMBER_BEFORE.search(self.line, 0, match.start())
            if number is not None and int(number[1]) == int(alert):
                self.add("TLSAlert", int(alert), number.start(1), match.end(), member=alert)
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
        elif kind in ("alertup", "alertdesc", "alerterl"):
            group = {"alertup": "au_name", "alertdesc": "ad_name", "alerterl": "ae_name"}[kind]
            alert = _ALERT_NAMES[match[group].lower().replace(" ", "_")]
            self.add("TLSAlert", int(alert), *match.span(group), member=alert)
        elif kind == "bare_ssl":
            self.add("kCFStreamErrorDomainSSL", int(match["bs_code"]), *match.span("bs_code"))
        elif kind == "bare_url":
            self.add("NSURLErrorDomain", int(match["bu_code"]), *match.span("bu_code"))


def _scan_line(line: str, line_no: int, base: int = 0, col_base: int = 0) -> list[Finding]:
    """Findings in *line*: every fragment's matches, merged as one alternation would.

    Matches are taken by start position (at the same position, the earlier
    fragment wins), skipping any that overlap a match already taken.
    """
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for priority, (kind, pattern) in enumerate(_PATTERNS):
        for match in pattern.finditer(line):
            candidates.append((match.start(), priority, kind, match))
    state = _Line(line, line_no, base, col_base)
    if not candidates:
        return state.findings
    candidates.sort(key=_by_position)
    cursor = 0
    for start, _, kind, match in candidates:
        if start >= cursor:
            state.handle(kind, match)
            cursor = match.end()
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

    >>> for f in scan("HTTP load failed (error code: -1200 [3:-9802])"):
    ...     print(f.code, f.domain, f.name)
    -1200 NSURLErrorDomain NSURLErrorSecureConnectionFailed
    -9802 kCFStreamErrorDomainSSL errSSLFatalAlert
    """
    if not isinstance(text, str):
        raise TypeError(f"scan() takes a str, not {type(text).__name__}")
    line_no, counted_to = 1, 0
    for start in _candidate_starts(text):
        line_no += text.count("\n", counted_to, start)
        counted_to = start
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        yield from _scan_line(line, line_no, start)


def scan_lines(lines: Iterable[str]) -> Iterator[Finding]:
    """Every code in an iterable of lines (such as an open text file), lazily.

    Spans are offsets into each line; ``line_no`` counts the lines given, from 1.
    """
    for line_no, line in enumerate(lines, 1):
        if _has_marker(line):
            yield from _scan_line(line.rstrip("\n"), line_no)


def candidate_line_ranges(block: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` byte ranges of the lines of *block* that hold a marker.

    ``end`` is the offset of the line's ``"\\n"`` (or the end of *block*).
    """
    ranges: dict[int, int] = {}
    for marker in _MARKERS_B:
        at = block.find(marker)
        while at != -1:
            start = block.rfind(b"\n", 0, at) + 1
            end = block.find(b"\n", at)
            if end == -1:
                end = len(block)
            ranges[start] = end
            at = block.find(marker, end)
    return sorted(ranges.items())
