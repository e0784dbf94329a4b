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
from collections.abc import Sequence
from typing import Final

import attrs

from ._alerts import TLSAlert
from ._base import Code, get
from ._cfnetwork import CFNetworkError, CFStreamErrorDomain
from ._posix import AddrInfoError, DarwinErrno
from ._sslstatus import SSLStatus
from ._urlerror import URLError

__all__ = ["Interpretation", "lookup"]


@attrs.frozen
class Interpretation:
    """One reading of a code: its ``family``, its ``code`` and the ``member`` it resolves to.

    ``member`` is ``None`` for a code the input places in a family (or a domain)
    where nothing is assigned to it: an honest "unknown", never a guess.
    ``family`` is the atscodes family name (``"SSLStatus"``), or ``None`` for a
    domain atscodes has no table for.  ``domain`` is the error domain the input
    named (``"kCFStreamErrorDomainSSL"``, ``"NSURLErrorDomain"``), if any.
    """

    family: str | None
    code: int
    member: Code | None
    domain: str | None = None

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
        where = self.family or self.domain or "any family"
        return f"unknown code {self.code} in {where}"

    def __str__(self) -> str:
        label = self.family or self.domain or "?"
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

_NUM = r"[+-]?(?:0[xX][0-9A-Fa-f]+|\d+)"
_PAIR = rf"\[?\s*(?P<dom>{_NUM})\s*:\s*(?P<code>{_NUM})\s*\]?"
_PAIR_RE: Final = re.compile(rf"(?:(?P<url>{_NUM})\s*)?{_PAIR}")
_NAMED_RE: Final = re.compile(
    rf"(?:Error\s+Domain\s*=\s*)?(?P<name>[A-Za-z_]\w*)\s*(?:,\s*|\s+)"
    rf"(?:error\s+|Code\s*=\s*)?(?P<code>{_NUM})\.?"
)
_NUMBER_RE: Final = re.compile(rf"(?:Code\s*=\s*)?(?P<code>{_NUM})")


def _int(text: str) -> int:
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
            found.append(Interpretation(family.__name__, int(member), member, domain))
    if not found:
        label = families[0].__name__ if len(families) == 1 else None
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


def _everywhere(code: int) -> list[Interpretation]:
    found: list[Interpretation] = []
    for family in _families():
        try:
            member = get(family, code)
        except ValueError:
            continue
        if member is not None:
            found.append(Interpretation(family.__name__, int(member), member))
    return found


def lookup(query: int | str) -> tuple[Interpretation, ...]:
    """Every interpretation of *query* across the families, in a fixed order.

    *query* is a number (``-9802``, ``4294957494``) or what people paste:
    ``"-9802"``, ``"0xFFFFD9B6"``, ``"errSSLFatalAlert"``, ``"3:-9802"``,
    ``"[3:-9802]"``, ``"kCFStreamErrorDomainSSL, -9802"``,
    ``"NSURLErrorDomain -1200"``, ``"-1200 [3:-9802]"``.  An empty tuple means
    nothing matched; an :class:`Interpretation` with ``member=None`` means the
    input named a family or domain where that code is unassigned.  Only a
    *query* that is neither ``int`` nor ``str`` raises (``TypeError``).
    """
    if isinstance(query, bool) or not isinstance(query, (int, str)):
        raise TypeError(f"lookup() takes an int or a str, not {type(query).__name__}")
    if isinstance(query, int):
        return tuple(_everywhere(query))
    text = query.strip().strip("()").strip()
    if not text:
        return ()
    for family in _families():
        member = get(family, text) if text[:1].isalpha() or text[:1] == "_" else None
        if member is not None:
            return (Interpretation(family.__name__, int(member), member),)
    match = _NUMBER_RE.fullmatch(text)
    if match:
        return tuple(_everywhere(_int(match["code"])))
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
        return (Interpretation(None, code, None, name),)
    return ()
