"""``lookup()``: every reading of what people paste, across all families.

A bare number means different things in different families (42 is a TLS alert
and a Darwin errno; -9860 is an ``errSSL*`` code and, elsewhere, a HIToolbox
one), so :func:`lookup` never picks one: it returns every interpretation,
labelled.  Context in the input narrows it: ``3:-9802``, ``[3:-9802]``,
``kCFStreamErrorDomainSSL, -9802``, ``NSURLErrorDomain -1200``,
``Error Domain=NSOSStatusErrorDomain Code=-9813``, ``-1200 [3:-9802]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from ._alerts import TLSAlert
from ._base import _MAX_DIGITS, Code, get
from ._cfnetwork import CFNetworkError, CFStreamErrorDomain
from ._frozen import frozen
from ._posix import AddrInfoError, DarwinErrno
from ._sslstatus import SSLStatus
from ._urlerror import URLError

__all__ = ["Interpretation", "lookup", "suggestions", "swift_name"]


@frozen
class Interpretation:
    """One reading of a code: its ``family``, its ``code`` and the ``member`` it resolves to.

    ``member`` is ``None`` for a code the input places in a family (or a domain)
    where nothing is assigned to it: an honest "unknown", never a guess.
    ``family`` is the family class (:class:`~atscodes.SSLStatus`; its name is
    ``family.__name__``), or ``None`` for a domain atscodes has no table for.
    ``domain`` is the error domain the input named (``"kCFStreamErrorDomainSSL"``,
    ``"NSURLErrorDomain"``), if any.
    """

    family: type[Code] | None
    code: int
    member: Code | None
    domain: str | None = None

    def __repr__(self) -> str:
        label = self._label()
        name = "unknown" if self.member is None else self.member.name
        domain = f" domain={self.domain}" if self.domain and self.family is not None else ""
        return f"<Interpretation {label} {self.code} {name}{domain}>"

    def _label(self) -> str:
        if self.family is not None:
            return self.family.__name__
        return self.domain or "?"

    @property
    def known(self) -> bool:
        """Whether the code resolved to a member."""
        return self.member is not None

    @property
    def name(self) -> str | None:
        """The member's upstream name, or ``None`` when unknown."""
        return None if self.member is None else self.member.name

    @property
    def description(self) -> str:
        """The member's description, or a plain statement that the code is unknown."""
        if self.member is not None:
            return self.member.description
        where = self.family.__name__ if self.family is not None else self.domain
        return f"unknown code {self.code} in {where or 'any family'}"

    def __str__(self) -> str:
        label = self._label()
        if self.member is None:
            return f"{label} {self.code}: {self.description}"
        return f"{label} {self.code} {self.member.name}: {self.member.description}"


def _families() -> tuple[type[Code], ...]:
    # SecError is imported here, not at module level: it is the one large
    # family and `import atscodes` must not pay for it.
    from ._secerror import SecError

    return (
        TLSAlert,
        SSLStatus,
        SecError,
        URLError,
        CFNetworkError,
        CFStreamErrorDomain,
        DarwinErrno,
        AddrInfoError,
    )


def _osstatus() -> tuple[type[Code], ...]:
    from ._secerror import SecError

    return (SSLStatus, SecError)


# CFStream pair domain number -> the families its codes belong to.
_PAIR_DOMAIN_FAMILIES: Final[dict[int, tuple[str, ...]]] = {
    1: ("DarwinErrno",),
    2: ("SSLStatus", "SecError"),
    3: ("SSLStatus",),
    12: ("AddrInfoError",),
}

# NSError / CFError domain string -> families.
_NAMED_DOMAIN_FAMILIES: Final[dict[str, tuple[str, ...]]] = {
    "NSURLErrorDomain": ("URLError",),
    "kCFErrorDomainCFNetwork": ("CFNetworkError",),
    "NSOSStatusErrorDomain": ("SSLStatus", "SecError"),
    "NSPOSIXErrorDomain": ("DarwinErrno",),
}

# Code words that people write before a number where a domain could stand ("OSStatus
# -9802", "error -1200", "errno 54"): not domains.  A word that names a kind of number
# narrows the families; the others leave the number to every family, as it is alone.
_CODE_WORD_FAMILIES: Final[dict[str, tuple[str, ...] | None]] = {
    "osstatus": ("SSLStatus", "SecError"),
    "errno": ("DarwinErrno",),
    "error": None,
    "err": None,
    "code": None,
    "status": None,
}

_NUM = r"[+-]?(?:0[xX][0-9A-Fa-f]+|\d+)"
_PAIR = rf"\[?\s*(?P<dom>{_NUM})\s*:\s*(?P<code>{_NUM})\s*\]?"
_PAIR_RE: Final = re.compile(rf"(?:(?P<url>{_NUM})\s*)?{_PAIR}")
_NAMED_RE: Final = re.compile(
    rf"(?:Error\s+Domain\s*=\s*)?(?P<name>[A-Za-z_]\w*)\s*(?:,\s*|\s+)"
    rf"(?:error\s+|Code\s*=\s*)?(?P<code>{_NUM})\.?"
)
_NUMBER_RE: Final = re.compile(rf"(?:Code\s*=\s*)?(?P<code>{_NUM})")


class _TooLongError(Exception):
    """A number longer than any family holds: it matches nothing."""


def _int(text: str) -> int:
    if len(text.lstrip("+-").lstrip("0")) > _MAX_DIGITS:
        raise _TooLongError(text)
    return int(text, 0) if text.lstrip("+-")[:2].lower() == "0x" else int(text, 10)


def _by_family_name(names: Sequence[str]) -> tuple[type[Code], ...]:
    wanted = set(names)
    return tuple(f for f in _families() if f.__name__ in wanted)


def _in(families: Sequence[type[Code]], code: int, domain: str | None) -> list[Interpretation]:
    found: list[Interpretation] = []
    for family in families:
        try:
            member = get(family, code)
        except ValueError:
            continue
        if member is not None:
            found.append(Interpretation(family, int(member), member, domain))
    if not found:
        label = families[0] if len(families) == 1 else None
        found.append(Interpretation(label, code, None, domain))
    return found


def _pair(domain_number: int, code: int) -> list[Interpretation]:
    try:
        domain_member = get(CFStreamErrorDomain, domain_number)
    except ValueError:  # not even an int32: no CFStream domain
        domain_member = None
    domain = (
        domain_member.name if domain_member is not None else f"CFStreamErrorDomain {domain_number}"
    )
    names = _PAIR_DOMAIN_FAMILIES.get(domain_number)
    if names is None:
        return [Interpretation(None, code, None, domain)]
    return _in(_by_family_name(names), code, domain)


def _numeric(value: int) -> list[Interpretation]:
    """A bare number's readings: :func:`_everywhere`, and an NSInteger printed unsigned
    (18446744073709550612 is -1004, NSURLErrorCannotConnectToHost), as the scanner reads
    it; the 32-bit unsigned form is the families' own (``register(unsigned32=True)``)."""
    found = _everywhere(value)
    if 1 << 63 <= value < 1 << 64:
        found += [i for i in _everywhere(value - (1 << 64)) if i not in found]
    return found


def _everywhere(code: int) -> list[Interpretation]:
    found: list[Interpretation] = []
    for family in _families():
        try:
            member = get(family, code)
        except ValueError:
            continue
        if member is not None:
            found.append(Interpretation(family, int(member), member))
    return found


# ---------------------------------------------------------------- names as people type them

# Dashes people (and word processors) paste for a minus sign.  NFKC already
# turns the full-width forms (U+FF0D, digits U+FF10…) into ASCII.
_MINUS: Final = dict.fromkeys(map(ord, "\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\ufe58"), "-")


def _plain(text: str) -> str:
    """*text* with full-width forms folded (NFKC) and Unicode minus signs made ASCII."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFKC", text).translate(_MINUS)


def swift_name(name: str) -> str | None:
    """The name Swift gives a URLError or CFNetworkErrors member, or ``None`` for other names.

    Swift imports ``NS_ERROR_ENUM(NSURLErrorDomain)`` cases without their
    ``NSURLError`` prefix as ``URLError.Code`` members, and ``CFNetworkErrors``
    cases without the leading ``k``; either way the first word is lowercased,
    a leading initialism whole (``NSURLErrorDNSLookupFailed`` -> ``dnsLookupFailed``,
    ``kCFURLErrorSecureConnectionFailed`` -> ``cfurlErrorSecureConnectionFailed``).
    Checked against Apple's URLError.Code documentation and Swift's imported
    CFNetworkErrors.h (tests/upstream/swift_names.json).
    """
    if name.startswith("NSURLError"):
        rest = name[len("NSURLError") :]
    elif name.startswith("kCF"):
        rest = name[1:]
    else:
        return None
    run = len(rest) - len(rest.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if run == 0:
        return None
    if run > 1 and rest[run : run + 1].islower():
        run -= 1  # the last capital starts the next word: "DNSLookup" -> "dns" + "Lookup"
    return rest[:run].lower() + rest[run:]


# Swift qualifiers, case-folded -> the family they restrict a name to.
_SWIFT_QUALIFIERS: Final = (
    ("urlerror.code.", "URLError"),
    ("urlerror.", "URLError"),
    ("cfnetworkerrors.", "CFNetworkError"),
)

_NAMES: dict[str, tuple[Code, ...]] = {}


def _name_index() -> Mapping[str, tuple[Code, ...]]:
    """Case-folded upstream and Swift name -> members, built on the first miss."""
    if not _NAMES:
        grouped: dict[str, list[Code]] = {}
        for family in _families():
            for name, member in family.__members__.items():
                spellings = {name, swift_name(name) or name}
                for spelling in spellings:
                    bucket = grouped.setdefault(spelling.casefold(), [])
                    if member not in bucket:
                        bucket.append(member)
        _NAMES.update((key, tuple(members)) for key, members in grouped.items())
    return _NAMES


def _by_loose_name(text: str) -> tuple[Code, ...]:
    """Members named *text* in any letter case, or by a Swift spelling."""
    key = text.casefold()
    family: str | None = None
    for prefix, name in _SWIFT_QUALIFIERS:
        if key.startswith(prefix):
            key, family = key[len(prefix) :], name
            break
    else:
        key = key.removeprefix(".")
    found = _name_index().get(key, ())
    if family is not None:
        found = tuple(m for m in found if type(m).__name__ == family)
    return found


def suggestions(text: str, limit: int = 3) -> tuple[str, ...]:
    """Upstream names close to *text* (a near miss such as ``errSSLPeerBadCer``), best first."""
    import difflib

    index = _name_index()
    key = _plain(text).strip().casefold()
    close = difflib.get_close_matches(key, index, n=limit, cutoff=0.8)
    names: list[str] = []
    for match in close:
        for member in index[match]:
            spelling = member.name if member.name.casefold() == match else swift_name(member.name)
            if spelling is not None and spelling not in names:
                names.append(spelling)
    return tuple(names[:limit])


def _interpretations(members: Iterable[Code]) -> tuple[Interpretation, ...]:
    return tuple(Interpretation(type(m), int(m), m) for m in members)


def lookup(query: int | str) -> tuple[Interpretation, ...]:
    """Every interpretation of *query* across the families, in a fixed order.

    *query* is a number (``-9802``, ``4294957494``) or what people paste:
    ``"-9802"``, ``"0xFFFFD9B6"``, ``"errSSLFatalAlert"``, ``"3:-9802"``,
    ``"[3:-9802]"``, ``"kCFStreamErrorDomainSSL, -9802"``,
    ``"NSURLErrorDomain -1200"``, ``"-1200 [3:-9802]"``.  Names are matched in
    any letter case and in their Swift spellings (``"secureConnectionFailed"``,
    ``"URLError.Code.secureConnectionFailed"``,
    ``"CFNetworkErrors.cfurlErrorSecureConnectionFailed"``); Unicode minus signs
    and full-width digits are read as ASCII.  An empty tuple means
    nothing matched; an :class:`Interpretation` with ``member=None`` means the
    input named a family or domain where that code is unassigned.  Only a
    *query* that is neither ``int`` nor ``str`` raises (``TypeError``).
    """
    if isinstance(query, bool) or not isinstance(query, (int, str)):
        raise TypeError(f"lookup() takes an int or a str, not {type(query).__name__}")
    if isinstance(query, int):
        return tuple(_numeric(query))
    text = _plain(query).strip().strip("()").strip()
    if not text:
        return ()
    try:
        return _lookup_text(text)
    except _TooLongError:
        return ()


def _lookup_text(text: str) -> tuple[Interpretation, ...]:
    if text[:1].isalpha() or text[:1] in "_.":
        for family in _families():
            member = get(family, text)
            if member is not None:
                return (Interpretation(family, int(member), member),)
        if re.fullmatch(r"[\w.]+", text):
            named = _by_loose_name(text)
            if named:
                return _interpretations(named)
    match = _NUMBER_RE.fullmatch(text)
    if match:
        return tuple(_numeric(_int(match["code"])))
    match = _PAIR_RE.fullmatch(text)
    if match:
        found: list[Interpretation] = []
        if match["url"] is not None:
            found += _in((URLError,), _int(match["url"]), "NSURLErrorDomain")
        found += _pair(_int(match["dom"]), _int(match["code"]))
        return tuple(found)
    match = _NAMED_RE.fullmatch(text)
    if match:
        name, code = match["name"], _int(match["code"])
        stream_domain = get(CFStreamErrorDomain, name)
        if stream_domain is not None:
            return tuple(_pair(int(stream_domain), code))
        names = _NAMED_DOMAIN_FAMILIES.get(name)
        if names is not None:
            return tuple(_in(_by_family_name(names), code, name))
        if name.lower() in _CODE_WORD_FAMILIES:
            narrowed = _CODE_WORD_FAMILIES[name.lower()]
            if narrowed is None:
                return tuple(_everywhere(code))
            found = _in(_by_family_name(narrowed), code, None)
            if all(item.member is None for item in found):
                return (Interpretation(None, code, None, name),)  # "unknown … in OSStatus"
            return tuple(found)
        return (Interpretation(None, code, None, name),)
    return ()
