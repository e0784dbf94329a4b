"""Lossless annotation of byte streams: the engine behind ``atscodes annotate``.

The annotation is one fixed, removable form, inserted right after each code:

    ``(error code: -1200 ⟦NSURLErrorSecureConnectionFailed⟧ [3:-9802] ⟦errSSLFatalAlert⟧)``

that is a space, ``⟦`` (U+27E6), a label of 1 to 200 printable ASCII characters, and
``⟧`` (U+27E7), all UTF-8 encoded.  A ``⟦`` that was already in the input is written
twice (``⟦⟦``), so :func:`strip_annotations` can tell the two apart and gives the
input back byte for byte, whatever it contained.  An annotation that is already in the
input right after the code it decodes (the text was annotated before) is kept as it is
and not added a second time; ``--remove`` takes it out like any other.

Everything else passes through unchanged: bytes that are not UTF-8, NUL bytes, CRLF
and CR-only line ends, a missing final newline, lines of any length.  Input is read in
blocks of up to :data:`BLOCK` bytes with ``read1`` (so ``tail -f log | atscodes annotate``
shows each line as it arrives, but for a line that may take its code's domain from the next
one, see :func:`atscodes._scan._wants_ahead`, which waits for the next line to end or for
its first :data:`_AHEAD_BYTES` bytes); only lines holding a marker (see
:data:`atscodes._scan.MARKERS`) are decoded and scanned.  A line longer than a block
is processed in windows: each is scanned with the :data:`OVERLAP` characters before it
as context, and output is held back where a code or an annotation straddles the end
of a window, so memory stays flat and spans and columns count from the line's start.

In a JSON line (one that starts with ``{``, ``[``, ``}``, ``]`` or a ``"key":`` member,
or is a lone JSON value, as in a pretty-printed array) an annotation is only ever
written inside a string; a code that is a JSON number
(``"code": -1200``) is reported but gets no annotation, so valid JSON stays valid.
"""

from __future__ import annotations

import io
import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from ._prefilter import candidates as _candidates
from ._prefilter import has_marker as _has_marker
from ._scan import _AHEAD, Finding, Record, _scan_line, _wants_ahead, scan
from ._strip import _TOKEN_MAX, _last_line_end, read_blocks, strip_annotations
from ._strip import strip_stream as _strip_stream

if TYPE_CHECKING:
    from ._records import LogRecord

__all__ = [
    "BLOCK",
    "CLOSE",
    "OPEN",
    "OVERLAP",
    "annotate_bytes",
    "annotate_text",
    "process",
    "scan_file",
    "scan_stream",
    "strip_annotations",
    "strip_stream",
]

OPEN: Final = "\u27e6"
CLOSE: Final = "\u27e7"
_OPEN_RAW: Final = OPEN.encode()
# An annotation already in the text: a space, OPEN, a printable ASCII label, CLOSE.
_TOKEN: Final = re.compile(" \u27e6([ -~]{1,200})\u27e7")

#: Read size, and the window a long line is processed in (tests shrink it).
BLOCK = 1 << 20
#: Context kept before each window of a long line, and output held back at its end.
OVERLAP = 4096

_JSON_MEMBER: Final = re.compile(r'\s*"(?:[^"\\]|\\.)*"\s*:')
# The start of a line that opens a JSON object or array: "{" and then a key, "}" or the end
# of the line; "[" and then a value's first character (a number or literal only when a
# comma, "]" or the end of the line follows it).  Matched at the line's start only, each
# repetition followed by a character it cannot hold: linear.
_JSON_OPENING: Final = re.compile(
    r'\s*(?:\{\s*(?:["}]|$)'
    r'|\[\s*(?:[\[{"\]]|$|(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null'
    r"|NaN|-?Infinity)\s*(?:[,\]]|$)))"  # (Python's json writes and reads these three)
)
# A line that is one JSON value and maybe a comma: an array item of a pretty-printed document.
_JSON_VALUE_LINE: Final = re.compile(
    r'\s*(?:-?\d[\d.eE+-]*|true|false|null|"(?:[^"\\]|\\.)*")\s*(?:[,\]}]+\s*)?$'
)
_QUOTE_OR_ESCAPE: Final = re.compile(r'["\\]')
_JSON_KEY_BEFORE: Final = re.compile(r'"\s*:\s*$')
_JSON_NUMBER_END: Final = re.compile(r"\s*(?:[,}\]]|$)")


# --- where annotations may go ---------------------------------------------------------------


def _is_json_line(text: str) -> bool:
    """Whether *text* is (or may be a line of) a JSON document: annotations then go only
    inside its strings.

    Not every line that starts with a bracket: Xcode's console prints ``[BoringSSL] …
    read alert, …`` and ``[connection] nw_socket_…``, Node's util.inspect ``{ errno: -61,
    code: 'ECONNREFUSED' }``, CFNetwork ``[3:-9802]``; what follows the bracket must be
    what JSON allows there (see :data:`_JSON_OPENING`).
    """
    head = text.lstrip()[:1]
    if head in ("}", "]"):
        return True
    if head in ("{", "["):
        return _JSON_OPENING.match(text) is not None
    if head == '"' and _JSON_MEMBER.match(text) is not None:
        return True
    return _JSON_VALUE_LINE.match(text) is not None


def _json_number(text: str, start: int, end: int) -> bool:
    """``"key": -1200`` anywhere in a line: a JSON number value, which gets no annotation."""
    return (
        _JSON_KEY_BEFORE.search(text, max(0, start - 64), start) is not None
        and _JSON_NUMBER_END.match(text, end) is not None
    )


def _string_interiors(text: str) -> tuple[list[int], list[int]]:
    """Where the JSON strings of *text* are, inside their quotes (linear in the length)."""
    starts: list[int] = []
    ends: list[int] = []
    in_string = False
    escaped = -1
    for match in _QUOTE_OR_ESCAPE.finditer(text):
        at = match.start()
        if at == escaped:
            continue
        if in_string and text[at] == "\\":
            escaped = at + 1
        elif text[at] == '"':
            (ends if in_string else starts).append(at if in_string else at + 1)
            in_string = not in_string
    if in_string:
        starts.pop()  # unterminated: not a string to write into
    return starts, ends


def _inside(interiors: tuple[list[int], list[int]], pos: int) -> bool:
    index = bisect_right(interiors[0], pos) - 1
    return index >= 0 and pos <= interiors[1][index]


# --- one line (or window) -------------------------------------------------------------------

# An edit: (position in the text, order at that position, what to insert).
_Edit = tuple[int, int, str]


def _edits(
    text: str,
    line_no: int,
    base: int,
    json_mode: bool | None,
    record: Record | None = None,
    ahead: str | None = None,
) -> tuple[list[Finding], list[_Edit]]:
    """Findings in *text* (spans offset by *base*) and the insertions annotate makes.

    *json_mode*: None to decide from *text*, True for a JSON line seen from its
    middle (no annotation at all), False for plain text.  *record*: the scanner's
    multi-line context from the lines before (see :class:`atscodes._scan.Record`);
    *ahead*: the start of the next line, for the codes whose domain it may give.
    """
    if OPEN in text:
        return _edits_marked(text, line_no, base, json_mode, record, ahead)
    findings = _scan_line(text, line_no, base, base, record, ahead)
    if not findings:
        return findings, []
    allowed = _annotation_filter(text, json_mode)
    edits = [
        (f.span[1] - base, 0, f" {OPEN}{f.label()}{CLOSE}")
        for f in findings
        if allowed(f.span[0] - base, f.span[1] - base)
    ]
    return findings, edits


def _annotation_filter(text: str, json_mode: bool | None) -> Any:
    if json_mode is None:
        json_mode = _is_json_line(text)
        if json_mode:
            interiors = _string_interiors(text)
            return lambda start, end: _inside(interiors, end)
    if json_mode:
        return lambda start, end: False
    return lambda start, end: not _json_number(text, start, end)


def _edits_marked(
    text: str,
    line_no: int,
    base: int,
    json_mode: bool | None,
    record: Record | None = None,
    ahead: str | None = None,
) -> tuple[list[Finding], list[_Edit]]:
    """The slow path for text holding ``⟦``: keep annotations already there, escape the rest.

    An annotation counts as already there when it follows the very code whose label
    it carries, once all such annotations are taken out (a fixed point: a few rounds).
    """
    kept = list(_TOKEN.finditer(text))
    while kept:
        genuine = _genuine(text, kept, line_no, record, ahead)
        if len(genuine) == len(kept):
            break
        kept = [kept[i] for i in genuine]
    stripped, positions = _without(text, kept)
    labels = {pos: token[1] for pos, token in zip(positions, kept)}
    shifts = [0]
    for token in kept:
        shifts.append(shifts[-1] + len(token[0]))
    allowed = _annotation_filter(text, json_mode)
    placed: list[Finding] = []
    edits: list[_Edit] = []
    for f in _scan_line(stripped, line_no, 0, 0, record, ahead):
        start = f.span[0] + shifts[bisect_right(positions, f.span[0])]
        end = start + (f.span[1] - f.span[0])
        placed.append(attrs.evolve(f, span=(base + start, base + end), column=base + start + 1))
        if labels.get(f.span[1]) != f.label() and allowed(start, end):
            edits.append((end, 0, f" {OPEN}{f.label()}{CLOSE}"))
    inside = [(t.start(), t.end()) for t in kept]
    at = text.find(OPEN)
    while at != -1:
        index = bisect_right(inside, (at, len(text) + 1)) - 1
        if index < 0 or not inside[index][0] <= at < inside[index][1]:
            edits.append((at, 1, OPEN))
        at = text.find(OPEN, at + 1)
    return placed, edits


def _without(text: str, tokens: list[re.Match[str]]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    positions: list[int] = []
    cursor = length = 0
    for token in tokens:
        piece = text[cursor : token.start()]
        pieces.append(piece)
        length += len(piece)
        positions.append(length)
        cursor = token.end()
    pieces.append(text[cursor:])
    return "".join(pieces), positions


def _genuine(
    text: str,
    tokens: list[re.Match[str]],
    line_no: int,
    record: Record | None = None,
    ahead: str | None = None,
) -> list[int]:
    """Indexes of the tokens that follow the very code whose label they carry.

    The line is scanned on trial with a copy of *record* and with *ahead*, so that a code
    labelled from the lines around it ("errno: -61" after Node's "connect ECONNREFUSED")
    keeps the label it was given.
    """
    stripped, positions = _without(text, tokens)
    trial = None if record is None else record.copy()
    ends = {f.span[1]: f.label() for f in _scan_line(stripped, line_no, 0, 0, trial, ahead)}
    return [i for i, (pos, t) in enumerate(zip(positions, tokens)) if ends.get(pos) == t[1]]


def _apply(text: str, edits: list[_Edit], lo: int = 0, hi: int | None = None) -> str:
    """``text[lo:hi]`` with the insertions made; a window owns the annotation at its end."""
    hi = len(text) if hi is None else hi
    pieces: list[str] = []
    cursor = lo
    for pos, order, insert in sorted(edits):
        # after a code (order 0): lo < pos <= hi; before an OPEN (order 1): lo <= pos < hi
        if (order == 0 and not lo < pos <= hi) or (order == 1 and not lo <= pos < hi):
            continue
        pieces.append(text[cursor:pos])
        pieces.append(insert)
        cursor = pos
    pieces.append(text[cursor:hi])
    return "".join(pieces)


# --- the stream engine ----------------------------------------------------------------------


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _safe_cut(data: bytes, cut: int) -> int:
    """A cut at or before *cut* that never splits a UTF-8 sequence (so pieces decode alike)."""
    cut = max(0, min(cut, len(data)))
    steps = 0
    while 0 < cut < len(data) and steps < 4 and 0x80 <= data[cut] <= 0xBF:
        cut -= 1
        steps += 1
    return cut


def _line_ends(data: bytes, lo: int, hi: int) -> int:
    """How many lines end in ``data[lo:hi]`` (LF, CRLF and lone CR each end one)."""
    newlines = data.count(b"\n", lo, hi)
    returns = data.count(b"\r", lo, hi)
    if returns:
        returns -= data.count(b"\r\n", lo, hi)
        if hi < len(data) and data[hi - 1 : hi] == b"\r" and data[hi : hi + 1] == b"\n":
            returns -= 1  # a CRLF cut at *hi*: its LF, in the next range, ends the line
    return newlines + returns


def _line_ends_upto(data: bytes, lo: int, hi: int, cap: int = 3) -> int:
    """``min(_line_ends(data, lo, hi), cap)``, counting only a few kB when lines are short.

    The record's gap only asks whether more than two lines lie between candidates; the
    whole gap is counted only when its first 4 kB hold fewer than *cap* line ends.
    """
    end = min(hi, lo + 4096)
    ends = _line_ends(data, lo, end)
    if ends < cap and end < hi:
        ends = _line_ends(data, lo, hi)
    return min(ends, cap)


#: Bytes of the next line that always hold its first _AHEAD characters, and a whole one.
_AHEAD_BYTES: Final = 4 * _AHEAD + 4


def _ahead(data: bytes, end: int, peek: bytes) -> str | None:
    """The start of the line after the one that ends at *end* in *data* (then *peek*),
    as :func:`atscodes._scan._next_line_start` gives it; None after the input's end."""
    if end >= len(data):
        return None
    start = end + 2 if data[end : end + 2] == b"\r\n" else end + 1
    window = data[start : start + _AHEAD_BYTES]
    if len(window) < _AHEAD_BYTES and start + len(window) >= len(data):
        window += peek[: _AHEAD_BYTES - len(window)]
    cut = len(window)
    for stop in (b"\n", b"\r"):
        at = window.find(stop, 0, cut)
        if at != -1:
            cut = at
    return _decode(window[:cut])[:_AHEAD]


def _held_line(buffer: bytes, cut: int) -> int:
    """Where to stop before the last whole line of ``buffer[:cut]`` (-1: not at all).

    The last line is held back while it may need the next one (see
    :func:`atscodes._scan._wants_ahead`) and too little of that has been read.
    """
    if len(buffer) - cut >= _AHEAD_BYTES:
        return -1
    stop = cut - 2 if buffer[cut - 2 : cut] == b"\r\n" else cut - 1
    start = max(buffer.rfind(b"\n", 0, stop), buffer.rfind(b"\r", 0, stop)) + 1
    line = buffer[start:stop]
    if (b"rrno: -" in line or b"CodeKey" in line) and _wants_ahead(_decode(line)):
        return start
    return -1


class _Engine:
    """Scans blocks; writes them, annotated, if there is an output."""

    def __init__(
        self,
        out: IO[bytes] | None,
        *,
        line_numbers: bool = True,
        replaced: list[tuple[int, int, bytes]] | None = None,
    ) -> None:
        self.out = out
        #: If a list: (start, end, bytes) of each input range annotate rewrites, and no output.
        self.replaced = replaced
        self.offset = 0  # input offset of the data handed in next
        self.line_numbers = line_numbers
        self.line_no = 1  # the line the next byte belongs to
        self.in_long = False  # the next byte continues a line longer than a block
        self.col = 0  # characters of that line already passed
        self.context = ""  # the last OVERLAP characters of it
        self.json_line: bool | None = None  # what the first window said about it
        # The scanner's multi-line context (an NSError dump over lines), as scan() keeps it:
        # dropped when more than two lines pass between candidate lines.
        self.record = Record()
        self.gap = 0  # line ends since the last candidate line, counted while it holds any

    def write(self, data: bytes | memoryview) -> None:
        if self.out is not None:
            self.out.write(data)

    # Complete lines ------------------------------------------------------------------------

    def lines(self, data: bytes, peek: bytes = b"") -> list[Finding]:
        """Scan *data*, which ends at a line end (or the end of the input).

        *peek*: the input right after *data* (the start of the next line), if read.
        """
        found: list[Finding] = []
        start = 0
        if self.in_long:
            start = self._first_line_end(data)
            found.extend(self.window(data[:start], final=True)[0])
            self.in_long = False
        if start < len(data):
            found.extend(self._regular(data, start, peek=peek))
        return found

    @staticmethod
    def _first_line_end(data: bytes) -> int:
        newline = data.find(b"\n")
        ret = data.find(b"\r", 0, len(data) if newline == -1 else newline)
        ends = [e for e in (newline, ret) if e != -1]
        return min(ends) if ends else len(data)

    def _regular(
        self,
        data: bytes,
        lo: int,
        lines: list[tuple[int, int]] | None = None,
        peek: bytes = b"",
    ) -> list[Finding]:
        """Scan the lines of ``data[lo:]``; *lines*: its candidate lines, if already known.

        *peek*: the input after *data*, where the line after its last one starts.
        """
        found: list[Finding] = []
        view = memoryview(data)
        cursor = counted = last = lo
        line_no = self.line_no
        record = self.record
        for start, end in _candidates(data, lo) if lines is None else lines:
            if self.line_numbers:
                line_no += _line_ends(data, counted, start)
                counted = start
            if record.holds():
                self.gap += _line_ends_upto(data, last, start)
                if self.gap > 2:
                    record.reset()
            self.gap = 0
            last = end
            text = _decode(data[start:end])
            ahead = _ahead(data, end, peek) if _wants_ahead(text) else None
            findings, edits = _edits(text, line_no, 0, None, record, ahead)
            found.extend(findings)
            if edits and self.replaced is not None:
                rewritten = _encode(_apply(text, edits))
                self.replaced.append((self.offset + start, self.offset + end, rewritten))
            elif edits and self.out is not None:
                self.out.write(view[cursor:start])
                self.out.write(_encode(_apply(text, edits)))
                cursor = end
        self.write(view[cursor:])
        if self.line_numbers:
            self.line_no = line_no + _line_ends(data, counted, len(data))
        if record.holds():
            self.gap += _line_ends_upto(data, last, len(data))
        return found

    # A long line, window by window -------------------------------------------------------

    def window(self, data: bytes, *, final: bool) -> tuple[list[Finding], bytes]:
        """Pass on *data* (part of one line, no line end), holding back a tail unless *final*.

        Returns the findings made and the bytes to carry into the next round.
        """
        first = not self.in_long
        if first:
            self.in_long, self.col, self.context, self.json_line = True, 0, "", None
        if final:
            text_end = len(data)
            hold = len(data)
        else:
            text_end = _safe_cut(data, len(data) - 8)
            hold = _safe_cut(data, len(data) - OVERLAP)
        if first:
            self.json_line = _is_json_line(_decode(data[:4096]))
        if not _has_marker(data[:text_end]) and not _has_marker(_encode(self.context)):
            self.write(data[:hold])
            self._advance(_decode(data[:hold]))
            return [], data[hold:]
        emit_from = len(self.context)
        body = _decode(data[:hold])
        text = self.context + body + _decode(data[hold:text_end])
        base = self.col - emit_from
        json_mode: bool | None = None if first else bool(self.json_line)
        findings, edits = _edits(text, self.line_no, base, json_mode)
        cut = len(text) if final else emit_from + len(body)
        cut = self._no_straddle(text, findings, base, cut) if not final else cut
        cut = max(cut, emit_from)
        kept = [f for f in findings if f.span[0] - base >= emit_from and f.span[1] - base <= cut]
        passed = text[emit_from:cut]
        size = len(_encode(passed))
        if self.replaced is not None:
            rewritten = _encode(_apply(text, edits, emit_from, cut))
            self.replaced.append((self.offset, self.offset + size, rewritten))
        else:
            self.write(_encode(_apply(text, edits, emit_from, cut)))
        self._advance(passed)
        return kept, data[size:]

    @staticmethod
    def _no_straddle(text: str, findings: list[Finding], base: int, cut: int) -> int:
        """Move *cut* back until no finding and no annotation already there straddles it."""
        moved = True
        while moved:
            moved = False
            for f in findings:
                if f.span[0] - base < cut < f.span[1] - base:
                    cut, moved = f.span[0] - base, True
            for token in _TOKEN.finditer(text, max(0, cut - _TOKEN_MAX), cut + _TOKEN_MAX):
                if token.start() < cut < token.end():
                    cut, moved = token.start(), True
        return cut

    def _advance(self, passed: str) -> None:
        self.col += len(passed)
        self.context = (self.context + passed)[-OVERLAP:] if OVERLAP else ""


def process(
    src: IO[Any],
    out: IO[bytes] | None,
    *,
    flush: bool = False,
    line_numbers: bool = True,
) -> Iterator[Finding]:
    """Read *src* to its end; yield every finding; write the annotated copy to *out*.

    *src* may be a binary or a text stream.  With ``line_numbers=False`` the findings'
    ``line_no`` is not kept up to date (it saves a pass over the data).
    """
    blocks = read_blocks(src, BLOCK)
    yield from _run(_Engine(out, line_numbers=line_numbers), blocks, flush=flush)


def _run(
    engine: _Engine, blocks: Iterable[bytes], *, flush: bool = False, tail: bytes = b""
) -> Iterator[Finding]:
    """Feed *blocks* to *engine*.  *tail*: the input after the last block, if any (the start
    of the next piece, for a line of this one that looks at the next line)."""
    out = engine.out
    # What is carried to the next round, as the blocks read (joined only when they end a
    #   line, hold a block's worth, or give a held line enough of the next one: joining on
    #   every small read of a pipe would copy a long line once per read).
    pending: list[bytes] = []
    size = 0
    held_tail = -1  # while a line waits for the next one: the bytes read after it
    for data in blocks:
        pending.append(data)
        size += len(data)
        if len(pending) > 1 and b"\n" not in data and b"\r" not in data:
            if held_tail >= 0:
                held_tail += len(data)
                if held_tail < _AHEAD_BYTES:
                    continue
            elif size <= BLOCK:
                continue  # a line not ended yet, still shorter than a block
        buffer = pending[0] if len(pending) == 1 else b"".join(pending)
        held_tail = -1
        carry = b""
        cut = _last_line_end(buffer)
        held = _held_line(buffer, cut) if cut else -1
        if held == 0 and not engine.in_long:
            carry = buffer  # one line, waiting for the start of the next
            held_tail = len(buffer) - cut
        elif cut:
            if held > 0:
                held_tail = len(buffer) - cut  # (the held line waits as above)
                cut = held
            yield from engine.lines(buffer[:cut], buffer[cut : cut + _AHEAD_BYTES])
            engine.offset += cut
            carry = buffer[cut:]
        elif len(buffer) > BLOCK:
            found, carry = engine.window(buffer, final=False)
            engine.offset += len(buffer) - len(carry)
            yield from found
        else:
            carry = buffer
        pending, size = ([carry], len(carry)) if carry else ([], 0)
        if flush and out is not None:
            out.flush()
    carry = b"".join(pending)
    if carry or engine.in_long:
        yield from engine.lines(carry, tail[:_AHEAD_BYTES])
    if out is not None:
        out.flush()


def annotate_text(text: str) -> str:
    """*text* with the decoding inserted after every code :func:`scan` finds in it."""
    if not isinstance(text, str):
        raise TypeError(f"annotate_text() takes a str, not {type(text).__name__}")
    return _decode(annotate_bytes(_encode(text)))


def strip_stream(src: IO[Any], out: IO[bytes]) -> None:
    """Copy *src* to *out* without the annotations (they never span a line end)."""
    _strip_stream(src, out, BLOCK)


def scan_stream(stream: IO[Any]) -> Iterator[Finding]:
    """Every code in a binary or text stream, read in blocks with flat memory.

    Bytes that are not UTF-8 are kept as lone surrogates (``surrogateescape``)
    in ``Finding.text``; spans and columns count characters within each line.
    """
    if not hasattr(stream, "read"):
        raise TypeError(f"scan_stream() takes a stream, not {type(stream).__name__}")
    return _scan_stream(stream)


def _scan_stream(stream: IO[Any]) -> Iterator[Finding]:
    yield from process(stream, None)


def scan_file(path: str | os.PathLike[str]) -> list[Finding]:
    """Every code in the file at *path*, as a list.

    Plain logs are read as bytes, in blocks.  Structured logs (``log show --style
    ndjson`` or ``json``, unified-log iterator JSON lines, Sentry events) are
    recognised and only their messages are scanned; ``line_no`` is then the line
    where the record starts and spans count within the message (see
    :func:`atscodes._structured.read_records`).

    Findings are plain picklable records, so this maps well over many files on
    a process pool or a distributed engine (``dask.bag``, see the README).
    """
    from ._structured import structured_records  # noqa: PLC0415 - only scan_file needs it

    with open(path, "rb") as stream:
        records = structured_records(stream)
        if records is None:
            return list(scan_stream(stream))
        return list(findings_in_records(records))


def findings_in_records(records: Iterable[LogRecord]) -> Iterator[Finding]:
    """Every code in the messages of *records*, ``line_no`` set to the record's line."""
    for record in records:
        for finding in scan(record.text):
            line_no = record.line_no + finding.line_no - 1
            yield attrs.evolve(finding, line_no=line_no)


def annotate_bytes(data: bytes) -> bytes:
    """The annotated copy of *data* (all of it in memory; for files use ``process``)."""
    out = io.BytesIO()
    for _ in process(io.BytesIO(data), out):
        pass
    return out.getvalue()
