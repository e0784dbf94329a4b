"""The prefilter finds exactly the lines that hold a marker, whichever search it picks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from atscodes._prefilter import Prefilter
from atscodes._scan import _MARKERS_B

_PIECES = st.sampled_from(
    [*_MARKERS_B, b"\n", b"\r", b" ", b"R", b"O", b"rr", b"-9", b"e", b"x" * 30, b"\xe2\x9f"]
)


def _expected(data: bytes, lo: int, markers: tuple[bytes, ...], sep: bytes) -> dict[int, int]:
    found: dict[int, int] = {}
    start = lo
    for piece in data[lo:].split(sep):
        end = start + len(piece)
        if any(marker in piece for marker in markers):
            found[start] = end
        start = end + 1
    return found


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=60), st.integers(0, 40), st.sampled_from([b"\n", b"\r"]))
def test_exactly_the_lines_with_a_marker(pieces: list[bytes], lo: int, sep: bytes) -> None:
    data = b"".join(pieces)
    lo = min(lo, len(data))
    prefilter = Prefilter(_MARKERS_B)
    assert prefilter.line_ranges(data, lo, sep) == _expected(data, lo, prefilter.markers, sep)


def test_a_byte_rare_in_the_sample_and_common_later() -> None:
    """memchr is chosen for L and R from the sample; runs of them later falls back to the regex."""
    prefilter = Prefilter([b"LERT", b"RROR", b"ailed"])
    head = b"nothing to see here, just words\n" * 2000
    crowd = b"L R " * 100_000 + b"\n"
    tail = b"a LERT\nb RROR x\nc failed\nplain\n" + b"L\n" * 5000 + b"LERT\n"
    data = head + crowd + tail
    assert prefilter.line_ranges(data) == _expected(data, 0, prefilter.markers, b"\n")
    # The next block is planned afresh, and is still right.
    assert prefilter.line_ranges(tail) == _expected(tail, 0, prefilter.markers, b"\n")


def test_markers_sharing_their_first_bytes_and_a_prefix_of_another() -> None:
    prefilter = Prefilter([b"rror", b"rrno", b"rr", b"ode"])
    data = b"a rr\nb rrno\nc error\nd node\ne r r\n"
    assert prefilter.line_ranges(data) == _expected(data, 0, prefilter.markers, b"\n")


def test_markers_sharing_a_first_byte_the_input_seldom_has_are_one_search() -> None:
    prefilter = Prefilter([b"(-", b"(fd", b"ode", b"odd"])
    # one "(" in 90 bytes: rare enough to share, too common for memchr (as "-" and "o" are)
    line = b"plain words, a (b) and some-more of them, here and there, to make it long enough\n"
    data = line * 200 + b"x (-997)\ny read(fd 3)\nz code\n"
    assert prefilter.line_ranges(data) == _expected(data, 0, prefilter.markers, b"\n")
    assert prefilter._plan is not None
    patterns = sorted(pattern.pattern for pattern in prefilter._plan[1])
    # "(" is rare here: one search for both; "o" is common: "ode" and "odd" share two bytes.
    assert patterns == [rb"\(fd|\(\-", rb"ode|odd"]
    # Where "(" is common, the two are searched apart (as markers sharing two bytes are).
    crowded = Prefilter([b"(-", b"(fd"])
    busy = b"fd (x) -(y) (z) f-d\n" * 300 + b"(-1)\n"
    assert crowded.line_ranges(busy) == _expected(busy, 0, crowded.markers, b"\n")
    assert crowded._plan is not None
    assert len(crowded._plan[1]) == 2
