"""The machinery every code family shares.

Each family (TLS alerts, SecureTransport statuses, URL errors …) is an
:class:`enum.IntEnum` whose member names are the exact upstream spellings and
whose members carry a ``description`` (our own words) and a ``source`` (where
the name and value were read).  Members are declared once, HTTPStatus-style, as
``name = value, description, source[, family-specific fields]``.

Looking a value up is the hot path of the scanner and of every log tool, and a
class attribute access on an enum costs about as much as three ``dict.get``
calls on CPython 3.11, so the fast lookup is the module-level :func:`get`,
which reaches a plain ``dict`` per family; the classmethods ``Family.get`` and
``Family.lookup`` are the friendly spellings of the same thing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, Union, cast

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "Code",
    "UnknownCodeError",
    "ValueEnum",
    "get",
    "lookup_code",
    "new_member",
    "register",
]

_C = TypeVar("_C", bound="Code")

#: What a family accepts as a key: a number, or a string holding a name or a number.
Key = Union[int, str]

_INT32_MIN = -(2**31)
_UINT32_SPAN = 2**32


class UnknownCodeError(LookupError):
    """A well-formed key that no member of *family* is assigned to.

    ``family`` is the family's name (``"SSLStatus"``) and ``key`` what was asked for.
    """

    # Reported where users meet it, not where it is defined.
    __module__ = "atscodes"

    def __init__(self, family: str, key: object) -> None:
        super().__init__(family, key)
        self.family = family
        self.key = key

    def __str__(self) -> str:
        return f"unknown {self.family} {self.key!r}"


class ValueEnum(enum.Enum):
    """An enum of string values whose repr and str are the same on every Python version.

    ``repr()`` shows the member (``<Side.PEER>``), ``str()`` its value (``peer``), which
    is also what JSON output uses.
    """

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}>"

    def __str__(self) -> str:
        return str(self.value)


class Code(enum.IntEnum):
    """Base of every code family: an ``int`` with a name, a description and a source.

    ``str(member)`` is the upstream name and ``repr(member)`` shows name and
    number, the same on every supported Python version.
    """

    _value_: int
    #: A short explanation in our own words.
    description: str
    #: Where the name and value were read (repository, tag and path; or an RFC).
    source: str

    # (The defaults are for type checkers only: ``TLSAlert(42)`` looks a member up by its
    #   value, as any Enum call does; the members' own tuples come here, whole, only when
    #   the class is made.  Without them mypy took ``URLError(-1200)`` for a call missing
    #   its description and source.)
    def __new__(cls, value: int, description: str = "", source: str = "") -> Self:
        return new_member(cls, value, description, source)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self._value_}>"

    def __str__(self) -> str:
        return self.name

    def __format__(self, format_spec: str) -> str:
        # With no format spec show the name, as str() does; a numeric spec
        # ("d", "x", ">6") formats the number, as for any int.
        if not format_spec:
            return self.name
        return int.__format__(int(self), format_spec)

    @classmethod
    def get(cls, key: Key) -> Self | None:
        """The member for *key* (a value, a name or a number in a string), or ``None``.

        Raises :class:`TypeError` for a key that is neither ``int`` nor ``str``
        and :class:`ValueError` for a number this family cannot hold at all.
        """
        return get(cls, key)

    @classmethod
    def lookup(cls, key: Key) -> Self:
        """Like :meth:`get`, but raise :class:`UnknownCodeError` instead of returning ``None``."""
        return lookup_code(cls, key)


def new_member(cls: type[_C], value: int, description: str, source: str, *notes: str) -> _C:
    """Build a member: the int, its description and source, and a ``__doc__`` for help().

    ``help(SSLStatus.errSSLFatalAlert)`` shows the member's own docstring
    (description, extra *notes*, source) instead of the whole class.
    """
    member = int.__new__(cls, value)
    member._value_ = value
    member.description = description
    member.source = source
    member.__doc__ = "\n\n".join((description, *notes, f"Source: {source}"))
    return member


# One plain dict per family, value -> canonical member; filled by _register().
_BY_VALUE: dict[type[Code], dict[object, Code]] = {}
_BY_NAME: dict[type[Code], dict[str, Code]] = {}
_RANGE: dict[type[Code], tuple[int, int, bool]] = {}


def register(family: type[_C], low: int, high: int, *, unsigned32: bool = False) -> type[_C]:
    """Index *family* for :func:`get`, with the range of values it can hold.

    ``unsigned32`` families (OSStatus and friends, all 32-bit signed) also accept
    the same bits written as an unsigned number (``4294957494`` is ``-9802``).
    """
    _BY_VALUE[family] = {member.value: member for member in cast("list[Code]", list(family))}
    _BY_NAME[family] = dict(family.__members__.items())
    _RANGE[family] = (low, high, unsigned32)
    return family


# No family holds a number longer than this (int32 is 10 digits, 0xFFFFFFFF 8 hex
# digits); longer ones are out of range, and converting them could hit the
# interpreter's digit limit (ValueError "Exceeds the limit (4300 digits)").
_MAX_DIGITS = 24
#: A stand-in for a number too long to convert: out of every family's range.
_TOO_LONG = 2**100


def _parse_int(text: str) -> int | None:
    """``"-9802"``, ``"+42"``, ``"0xFFFFD9B6"`` -> int; anything else -> None.

    A number of more than ``_MAX_DIGITS`` significant digits comes back as
    ``±_TOO_LONG`` without being converted: it is out of range for every family.
    """
    text = text.strip()
    body = text[1:] if text[:1] in "+-" else text
    if not body:
        return None
    if body[:2] in ("0x", "0X"):
        digits, base = body[2:], 16
        if not digits or any(ch not in "0123456789abcdefABCDEF" for ch in digits):
            return None
    elif body.isascii() and body.isdigit():
        digits, base = body, 10
    else:
        return None
    number = _TOO_LONG if len(digits.lstrip("0")) > _MAX_DIGITS else int(digits, base)
    return -number if text[:1] == "-" else number


def _shown(value: int) -> str:
    """*value* for an error message, without converting a huge int to decimal."""
    if value.bit_length() > 80:
        return f"a {'negative ' if value < 0 else ''}number of more than {_MAX_DIGITS} digits"
    return str(value)


def _normalise(family: type[Code], value: int) -> int:
    low, high, unsigned32 = _RANGE[family]
    if unsigned32 and low == _INT32_MIN and 2**31 <= value < _UINT32_SPAN:
        value -= _UINT32_SPAN
    if not low <= value <= high:
        raise ValueError(
            f"{_shown(value)} is not a valid {family.__name__} value (range {low} to {high})"
        )
    return value


def _make_get() -> Callable[[type[_C], Key], _C | None]:
    # A closure, so that the hot path reads its dict and `int` as fast locals.
    maps = _BY_VALUE
    int_ = int

    def get(family: type[_C], key: Key) -> _C | None:
        """The member of *family* for *key*, or ``None`` when it is valid but unassigned.

        *key* is a value (``-9802``, or the unsigned 32-bit form ``4294957494``
        for OSStatus families), an exact name (``"errSSLFatalAlert"``, aliases
        included), or a string holding a number (``"-9802"``, ``"0xFFFFD9B6"``).
        Raises :class:`TypeError` for a key that is neither ``int`` nor ``str``
        and :class:`ValueError` for a number the family cannot hold at all.

        This is the fast path: a hit by value costs a class check and two dict
        subscripts, about twice a plain ``dict.get``.
        """
        if key.__class__ is int_:
            try:
                member = maps[family][key]
            except KeyError:
                pass
            else:
                if TYPE_CHECKING:  # a cast without a call at run time
                    member = cast(_C, member)
                return member
        return _get_slow(family, key)

    return get


get = _make_get()


def _get_slow(family: type[_C], key: object) -> _C | None:
    if family not in _RANGE:
        what = getattr(family, "__name__", None) or repr(family)
        raise TypeError(f"{what} is not an atscodes code family (SSLStatus, TLSAlert, …)")
    if isinstance(key, int) and not isinstance(key, bool):
        # A plain int that missed, or an int subclass such as another family's member.
        value = _normalise(family, int(key))
    elif isinstance(key, str):
        named = _BY_NAME[family].get(key.strip())
        if named is not None:
            return cast(_C, named)
        parsed = _parse_int(key)
        if parsed is None:
            return None
        value = _normalise(family, parsed)
    else:
        raise TypeError(f"{family.__name__} keys are int or str, not {type(key).__name__}")
    return cast("_C | None", _BY_VALUE[family].get(value))


def lookup_code(family: type[_C], key: Key) -> _C:
    """Like :func:`get`, but raise :class:`UnknownCodeError` for an unassigned key."""
    member = get(family, key)
    if member is None:
        raise UnknownCodeError(family.__name__, key)
    return member
