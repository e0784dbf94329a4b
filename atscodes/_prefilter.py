"""The prefilter: which lines of a block of bytes hold one of a few marker strings.

Only those lines go on to the scanner, so this search is most of what annotating a
large log costs, and it is done with the two fastest searches CPython offers:

* a literal regular expression (``re`` scans for the first byte of the literal in a
  tight loop, about twice as fast as ``bytes.find`` on short needles), one per group of
  markers that share their first two bytes (``rror`` and ``rrno`` are one search), or
  only their first when the input seldom has that byte (``(-`` and ``(fd``: ``re``
  stops at each ``(`` and tries the rest there, which costs less than a second pass);
* ``bytes.find`` of a single byte, which is ``memchr`` (another ten times faster), for
  a marker that holds a byte that is rare in the input (``R`` of ``LERT`` in most logs):
  each occurrence of the byte is checked against the marker.

Which markers take the second way is decided from the byte counts of a sample of the
input, taken again every few megabytes; a byte that turns out common after all is
abandoned for the regular expression where it stood.  Either way every occurrence of
every marker is found: the lines returned are exactly the lines holding a marker
(plus, at most, a line that holds one only across a CR, see ``line_ranges``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ._markers import MARKERS

__all__ = ["Prefilter", "candidates", "has_marker"]

# A byte is searched with memchr when the sample says it is at most this frequent; each
# occurrence costs a few hundred nanoseconds of Python, a regex pass about 0.35 ns a byte.
_RARE: Final = 1 / 2000
# Markers sharing a first byte at most this frequent are one regular expression (one pass).
_SHARED_FIRST: Final = 1 / 64
# The sample: this many bytes at the start of a block, every _RESAMPLE bytes of input.
_SAMPLE: Final = 32 * 1024
_RESAMPLE: Final = 16 << 20

# A plan: the memchr searches (byte, ((marker, index of the byte in it), ...)) and the
# regular expressions for every other marker.
_ByByte = tuple[bytes, tuple[tuple[bytes, int], ...]]
_Plan = tuple[tuple[_ByByte, ...], tuple["re.Pattern[bytes]", ...]]


class Prefilter:
    """Finds the lines of a block that hold any of *markers* (byte strings)."""

    def __init__(self, markers: Iterable[bytes]) -> None:
        self.markers: tuple[bytes, ...] = tuple(dict.fromkeys(m for m in markers if m))
        self._bytes: tuple[int, ...] = tuple(sorted({b for m in self.markers for b in m}))
        self._patterns: dict[tuple[bytes, ...], re.Pattern[bytes]] = {}
        self._plan: _Plan | None = None
        self._countdown = 0  # input bytes until the next sample

    # -- the plan ---------------------------------------------------------------------------

    def _pattern(self, group: tuple[bytes, ...]) -> re.Pattern[bytes]:
        pattern = self._patterns.get(group)
        if pattern is None:
            # Longest first, so that an alternation never stops at a shorter marker that
            # is a prefix of another (either would do; this keeps the match obvious).
            ordered = sorted(group, key=len, reverse=True)
            pattern = re.compile(b"|".join(re.escape(m) for m in ordered))
            self._patterns[group] = pattern
        return pattern

    def _make_plan(self, sample: bytes) -> _Plan:
        size = max(len(sample), 1)
        counts = {b: sample.count(b) for b in self._bytes} if sample else {}
        rare: dict[bytes, list[tuple[bytes, int]]] = {}
        common: dict[bytes, list[bytes]] = {}
        for marker in self.markers:
            if counts:
                index = min(range(len(marker)), key=lambda i: counts[marker[i]])
                if counts[marker[index]] <= size * _RARE:
                    rare.setdefault(marker[index : index + 1], []).append((marker, index))
                    continue
            shared = 1 if counts and counts[marker[0]] <= size * _SHARED_FIRST else 2
            common.setdefault(marker[:shared], []).append(marker)
        return (
            tuple((byte, tuple(found)) for byte, found in rare.items()),
            tuple(self._pattern(tuple(group)) for group in common.values()),
        )

    def _current_plan(self, data: bytes, lo: int) -> _Plan:
        plan = self._plan
        if plan is None or self._countdown <= 0:
            plan = self._plan = self._make_plan(data[lo : lo + _SAMPLE])
            self._countdown = _RESAMPLE
        self._countdown -= len(data) - lo
        return plan

    # -- the search -------------------------------------------------------------------------

    def line_ranges(self, data: bytes, lo: int = 0, separator: bytes = b"\n") -> dict[int, int]:
        """``{start: end}`` of the lines of ``data[lo:]`` holding a marker (unordered).

        Lines end at *separator*; ``end`` is its offset (or ``len(data)``), ``start`` is
        at least *lo*.
        """
        ranges: dict[int, int] = {}
        if lo >= len(data):
            return ranges
        memchr, patterns = self._current_plan(data, lo)
        budget = int((len(data) - lo) * _RARE * 4) + 256
        for byte, found in memchr:
            stopped = self._by_byte(data, lo, separator, byte, found, ranges, budget)
            if stopped is not None:  # the byte is common here after all
                self._countdown = 0
                groups: dict[bytes, list[bytes]] = {}
                for marker, _ in found:
                    groups.setdefault(marker[:2], []).append(marker)
                for group in groups.values():
                    pattern = self._pattern(tuple(group))
                    self._by_pattern(data, stopped, lo, separator, pattern, ranges)
        for pattern in patterns:
            self._by_pattern(data, lo, lo, separator, pattern, ranges)
        return ranges

    @staticmethod
    def _by_pattern(
        data: bytes,
        at: int,
        lo: int,
        separator: bytes,
        pattern: re.Pattern[bytes],
        ranges: dict[int, int],
    ) -> None:
        search = pattern.search
        rfind, find = data.rfind, data.find
        end_of_data = len(data)
        match = search(data, at)
        while match is not None:
            at = match.start()
            start = rfind(separator, lo, at) + 1 or lo
            end = find(separator, at)
            if end == -1:
                ranges[start] = end_of_data
                return
            ranges[start] = end
            match = search(data, end)

    @staticmethod
    def _by_byte(
        data: bytes,
        lo: int,
        separator: bytes,
        byte: bytes,
        found: tuple[tuple[bytes, int], ...],
        ranges: dict[int, int],
        budget: int,
    ) -> int | None:
        """Check each occurrence of *byte*; the offset to go on from if it is too common."""
        rfind, find, startswith = data.rfind, data.find, data.startswith
        end_of_data = len(data)
        at = find(byte, lo)
        while at != -1:
            budget -= 1
            if budget < 0:
                # Resume before the earliest marker start that could still hold this byte.
                return max(lo, at - max(len(marker) for marker, _ in found))
            for marker, index in found:
                start_of_marker = at - index
                if start_of_marker >= lo and startswith(marker, start_of_marker):
                    start = rfind(separator, lo, start_of_marker) + 1 or lo
                    end = find(separator, at)
                    if end == -1:
                        ranges[start] = end_of_data
                        return None
                    ranges[start] = end
                    at = end
                    break
            at = find(byte, at + 1)
        return None

    def holds_any(self, data: bytes) -> bool:
        """Whether *data* holds a marker anywhere."""
        return any(marker in data for marker in self.markers)


# annotate's candidates: the lines holding a marker, or an annotation's opening bracket.
_CANDIDATE_MARKERS: Final = (*(m.encode() for m in MARKERS), "\u27e6".encode())
_CANDIDATES: Final = Prefilter(_CANDIDATE_MARKERS)


def has_marker(data: bytes) -> bool:
    """Whether *data* holds a marker or ``⟦`` anywhere."""
    return any(marker in data for marker in _CANDIDATE_MARKERS)


def candidates(data: bytes, lo: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of the lines of ``data[lo:]`` that hold a marker or ``⟦``.

    Lines end at LF; within a candidate, at CR too (CRLF and CR-only line ends).  A
    block without any LF is split at CR alone.
    """
    separator = b"\n" if data.find(b"\n", lo) != -1 else b"\r"
    ranges = _CANDIDATES.line_ranges(data, lo, separator)
    if separator == b"\r":
        return sorted(ranges.items())
    split: list[tuple[int, int]] = []
    for line_start, end in sorted(ranges.items()):
        ret = data.find(b"\r", line_start, end)
        if ret == -1:
            split.append((line_start, end))
            continue
        start = line_start
        while True:
            piece_end = end if ret == -1 else ret
            if has_marker(data[start:piece_end]):
                split.append((start, piece_end))
            if ret == -1:
                break
            start = ret + 1
            ret = data.find(b"\r", start, end)
    return split
