"""Lossless annotation of byte streams: the engine behind ``atscodes annotate``.

The annotation is one fixed, removable form, inserted right after each code:

    ``(error code: -1200 ⟦NSURLErrorSecureConnectionFailed⟧ [3:-9802] ⟦errSSLFatalAlert⟧)``

that is a space, ``⟦`` (U+27E6), a label of printable ASCII, and ``⟧`` (U+27E7),
all UTF-8 encoded.  :func:`strip_annotations` removes exactly those and gives the
input back byte for byte, as long as the input did not already contain ``⟦``.

Everything else passes through unchanged: bytes that are not UTF-8, NUL bytes,
CRLF line ends, a missing final newline.  Input is read in blocks of up to
1 MiB with ``read1`` (so ``tail -f log | atscodes annotate`` shows each line as
it arrives); only lines holding a marker (see :data:`atscodes._scan.MARKERS`) are
decoded and scanned.  A line longer than the block size is processed in
pieces that overlap by 4 KiB, so memory stays flat whatever the input.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Generator, Iterator
from typing import BinaryIO, Final

from ._scan import _MARKERS_B, Finding, _scan_line, candidate_line_ranges, scan

__all__ = [
    "CLOSE",
    "OPEN",
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
_OPEN_B: Final = (" " + OPEN).encode()
_CLOSE_B: Final = CLOSE.encode()
_STRIP: Final = re.compile(re.escape(_OPEN_B) + rb"[ -~]{1,200}?" + re.escape(_CLOSE_B))

BLOCK: Final = 1 << 20
OVERLAP: Final = 4096


def strip_annotations(data: bytes) -> bytes:
    """Remove every annotation that :func:`annotate_bytes` (or ``atscodes annotate``) added."""
    return _STRIP.sub(b"", data)


def _annotated(line: str, findings: list[Finding], offset: int) -> str:
    """*line* with a label after each finding (spans relative to *offset*)."""
    pieces: list[str] = []
    cursor = 0
    for finding in findings:
        end = finding.span[1] - offset
        pieces.append(line[cursor:end])
        pieces.append(f" {OPEN}{finding.label()}{CLOSE}")
        cursor = end
    pieces.append(line[cursor:])
    return "".join(pieces)


class _Writer:
    """Scans blocks of complete lines; writes them, annotated, if there is an output."""

    def __init__(self, out: BinaryIO | None) -> None:
        self.out = out
        self.line_no = 1  # number of the line the next block starts on
        self.col_base = 0  # characters of the current line already passed (long lines)

    def long_line(self, data: bytes) -> Generator[Finding, None, bytes]:
        """Part of a line longer than a block: emit all but the last OVERLAP characters.

        Returns (as the generator's value) the bytes to carry into the next round.
        """
        out = self.out
        if not _has_marker(data):
            cut = _safe_cut(data, len(data) - OVERLAP)
            if out is not None:
                out.write(data[:cut])
            self.col_base += len(data[:cut].decode("utf-8", "surrogateescape"))
            return data[cut:]
        text = data.decode("utf-8", "surrogateescape")
        findings = _scan_line(text, self.line_no, 0, self.col_base)
        cut = len(text) - OVERLAP
        for finding in findings:
            if finding.span[0] < cut < finding.span[1]:
                cut = finding.span[0]
        kept = [finding for finding in findings if finding.span[1] <= cut]
        if out is not None:
            out.write(_annotated(text[:cut], kept, 0).encode("utf-8", "surrogateescape"))
        self.col_base += cut
        yield from kept
        return text[cut:].encode("utf-8", "surrogateescape")

    def block(self, data: bytes, *, partial_line: bool = False) -> list[Finding]:
        """Scan *data*; it ends at a line end, or mid-line when *partial_line*."""
        found: list[Finding] = []
        out = self.out
        view = memoryview(data)
        cursor = 0
        line_no = self.line_no
        counted = 0
        for start, end in candidate_line_ranges(data):
            line_no += data.count(b"\n", counted, start)
            counted = start
            col_base = self.col_base if line_no == self.line_no else 0
            text = data[start:end].decode("utf-8", "surrogateescape")
            findings = _scan_line(text, line_no, 0, col_base)
            if not findings:
                continue
            found.extend(findings)
            if out is not None:
                out.write(view[cursor:start])
                out.write(_annotated(text, findings, 0).encode("utf-8", "surrogateescape"))
                cursor = end
        if out is not None:
            out.write(view[cursor:])
        newlines = data.count(b"\n")
        if partial_line and newlines == 0:
            self.col_base += len(data.decode("utf-8", "surrogateescape"))
        else:
            self.line_no += newlines
            self.col_base = (
                0
                if not partial_line
                else len(data[data.rfind(b"\n") + 1 :].decode("utf-8", "surrogateescape"))
            )
        return found


def _has_marker(data: bytes) -> bool:
    return any(marker in data for marker in _MARKERS_B)


def _safe_cut(data: bytes, cut: int) -> int:
    # Never split a UTF-8 sequence: step back over continuation bytes.
    steps = 0
    while cut > 0 and steps < 3 and 0x80 <= data[cut] <= 0xBF:
        cut -= 1
        steps += 1
    return cut


def _reads(src: BinaryIO) -> Iterator[bytes]:
    """Blocks of *src* as they arrive (``read1`` does not wait for a full block)."""
    read = getattr(src, "read1", src.read)
    while True:
        data = read(BLOCK)
        if not data:
            return
        yield data


def process(src: BinaryIO, out: BinaryIO | None, *, flush: bool = False) -> Iterator[Finding]:
    """Read *src* to its end; yield every finding; write the annotated copy to *out*."""
    writer = _Writer(out)
    carry = b""
    for data in _reads(src):
        buffer = carry + data if carry else data
        cut = buffer.rfind(b"\n") + 1
        if cut:
            yield from writer.block(buffer[:cut])
            carry = buffer[cut:]
        elif len(buffer) > BLOCK:
            # A very long line: pass on all but an overlap, cut where no finding straddles.
            carry = yield from writer.long_line(buffer)
        else:
            carry = buffer
        if flush and out is not None:
            out.flush()
    if carry:
        yield from writer.block(carry, partial_line=True)
    if out is not None:
        out.flush()


def annotate_text(text: str) -> str:
    """*text* with the decoding inserted after every code :func:`scan` finds in it."""
    return _annotated(text, list(scan(text)), 0)


def strip_stream(src: BinaryIO, out: BinaryIO) -> None:
    """Copy *src* to *out* without the annotations (they never span a line end)."""
    carry = b""
    for data in _reads(src):
        buffer = carry + data if carry else data
        cut = buffer.rfind(b"\n") + 1
        if not cut and len(buffer) > BLOCK:
            cut = len(buffer) - OVERLAP  # an annotation is far shorter than the overlap
        out.write(strip_annotations(buffer[:cut]))
        carry = buffer[cut:]
        out.flush()
    out.write(strip_annotations(carry))
    out.flush()


def scan_stream(stream: BinaryIO) -> Iterator[Finding]:
    """Every code in a binary stream, read in blocks with flat memory.

    Bytes that are not UTF-8 are kept as lone surrogates (``surrogateescape``)
    in ``Finding.text``; spans and columns count characters within each line.
    """
    yield from process(stream, None)


def scan_file(path: str | os.PathLike[str]) -> list[Finding]:
    """Every code in the file at *path* (read as bytes, in blocks), as a list.

    Findings are plain picklable records, so this maps well over many files on
    a process pool or a distributed engine (``dask.bag``, see the README).
    """
    with open(path, "rb") as stream:
        return list(scan_stream(stream))


def annotate_bytes(data: bytes) -> bytes:
    """The annotated copy of *data* (all of it in memory; for files use ``process``)."""
    out = io.BytesIO()
    for _ in process(io.BytesIO(data), out):
        pass
    return out.getvalue()
