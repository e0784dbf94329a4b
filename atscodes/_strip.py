"""Taking annotations out again (``atscodes annotate --remove``), and reading in blocks.

Apart from the annotating engine (:mod:`atscodes._annotate`) so that ``--remove``
loads no scanner: it needs only the form of an annotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any, Final, TypeVar

__all__ = ["read_blocks", "strip_annotations", "strip_stream"]

OPEN: Final = "\u27e6"
_OPEN_RAW: Final = OPEN.encode()
_TOKEN_MAX: Final = 256  # bytes; longer than any annotation or escape
# What strip_annotations acts on: an escaped OPEN, or an annotation (its space checked apart).
_STRIP_B: Final = re.compile(rb"\xe2\x9f\xa6(?:(\xe2\x9f\xa6)|[ -~]{1,200}\xe2\x9f\xa7)")
_STRIP_S: Final = re.compile("\u27e6(?:(\u27e6)|[ -~]{1,200}\u27e7)")
# The last byte of OPEN's UTF-8 form: rarer than its first (which starts many symbols), and
# a one-byte search is memchr, ten times faster than a search for the three bytes.
_OPEN_LAST: Final = _OPEN_RAW[-1:]

#: Read size (the annotating engine passes its own, which tests shrink).
BLOCK = 1 << 20

_AnyStr = TypeVar("_AnyStr", str, bytes)


def strip_annotations(data: _AnyStr) -> _AnyStr:
    """Remove every annotation that ``atscodes annotate`` added; undo its escaping of ``⟦``.

    Accepts ``bytes`` or ``str`` and returns the same type.  For any input *x*,
    ``strip_annotations(annotate_bytes(x)) == x``, unless *x* itself held
    annotations as annotate writes them (a code followed by its own label):
    those are taken out too.
    """
    if isinstance(data, bytes):
        if _OPEN_LAST not in data or _OPEN_RAW not in data:
            return data
        return _strip_bytes(data, len(data), final=True)[0]
    if isinstance(data, str):
        if OPEN not in data:
            return data
        return _strip_str(data)
    raise TypeError(f"strip_annotations() takes str or bytes, not {type(data).__name__}")


def _strip_str(text: str) -> str:
    parts: list[str] = []
    cursor = 0
    for match in _STRIP_S.finditer(text):
        start = match.start()
        if match.group(1) is not None:
            parts.append(text[cursor:start])
            cursor = start + 1
        elif start > 0 and text[start - 1] == " ":
            parts.append(text[cursor : start - 1])
            cursor = match.end()
    parts.append(text[cursor:])
    return "".join(parts)


def _strip_bytes(data: bytes, limit: int, *, final: bool) -> tuple[bytes, int]:
    """Stripped ``data[:resume]`` and ``resume``: everything before *limit* is decided."""
    parts: list[bytes] = []
    cursor = consumed = 0
    for match in _STRIP_B.finditer(data):
        start = match.start()
        if start >= limit and not final:
            if start == limit and match.group(1) is None and data[start - 1 : start] == b" ":
                limit -= 1  # keep the annotation's space with it for the next round
            break
        consumed = match.end()
        if match.group(1) is not None:
            parts.append(data[cursor:start])
            cursor = start + 3
        elif start > 0 and data[start - 1] == 0x20:
            parts.append(data[cursor : start - 1])
            cursor = match.end()
    resume = len(data) if final else max(limit, consumed, cursor)
    parts.append(data[cursor:resume])
    return b"".join(parts), resume


def _last_line_end(data: bytes) -> int:
    """Offset just after the last line end of *data* whose kind is certain (0: none)."""
    newline = data.rfind(b"\n")
    ret = data.rfind(b"\r", newline + 1, len(data) - 1)
    return max(newline, ret) + 1


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def read_blocks(src: IO[Any], block: int = BLOCK) -> Iterator[bytes]:
    """Blocks of a binary or text stream as they arrive (``read1`` does not wait)."""
    probe = src.read(0)
    if isinstance(probe, str):
        while True:
            chunk = src.read(block // 4)
            if not chunk:
                return
            yield _encode(chunk)
    read = getattr(src, "read1", src.read)
    while True:
        data = read(block)
        if not data:
            return
        yield data


def strip_stream(src: IO[Any], out: IO[bytes], block: int = BLOCK) -> None:
    """Copy *src* to *out* without the annotations (they never span a line end)."""
    carry = b""
    for data in read_blocks(src, block):
        buffer = carry + data if carry else data
        cut = _last_line_end(buffer)
        if cut:
            out.write(strip_annotations(buffer[:cut]))
            carry = buffer[cut:]
        elif len(buffer) > block:
            stripped, resume = _strip_bytes(buffer, len(buffer) - _TOKEN_MAX, final=False)
            out.write(stripped)
            carry = buffer[resume:]
        else:
            carry = buffer
        out.flush()
    out.write(strip_annotations(carry))
    out.flush()
