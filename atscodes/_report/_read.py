"""Reading logs for a report: each file streamed through explain once, then its listed
lines read back in a second pass, so that memory follows the events listed, not the log."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import BinaryIO, TextIO

from .._events import records_from_stream
from .._explain import LogReport, explain_records
from .._records import LogRecord
from .._structured import structured_records
from ._model import Collector, lines_at

__all__ = ["read_log", "spooled"]


def _records(handle: BinaryIO) -> Iterator[LogRecord]:
    """A structured log's records by their fields (``log show --style ndjson``, Sentry
    events, …), or else one record per line with the time of its prefix."""
    structured = structured_records(handle)  # None: not structured, rewound to the start
    return structured if structured is not None else records_from_stream(handle)


def _plain_lines(text: TextIO) -> Iterator[LogRecord]:
    """Numbered pieces of at most 64 KiB (a line of any length costs no more memory)."""
    number = 1
    while True:
        piece = text.readline(1 << 16)
        if not piece:
            return
        yield LogRecord(number, piece.rstrip("\n"))
        if piece.endswith("\n"):
            number += 1


def read_log(path: str, name: str, collector: Collector) -> LogReport:
    """Explain the log at *path* into *collector* (shown as *name*); OSError if unreadable."""
    with open(path, "rb") as handle:
        collector.begin(name)
        log = explain_records(_records(handle), on_event=collector.on_event)

    def reader(wanted: set[int]) -> Mapping[int, str]:
        with open(path, "rb") as again:
            structured = structured_records(again)
            if structured is not None:
                return lines_at(structured, wanted)
        # Plain lines, numbered as explain numbers them (LF, CRLF or CR ends a line, as in
        # Python's universal newlines), without the timestamps explain also reads.
        with open(path, encoding="utf-8", errors="surrogateescape", newline=None) as text:
            return lines_at(_plain_lines(text), wanted)

    collector.end(log, reader)
    return log


@contextmanager
def spooled(path: str) -> Iterator[str]:
    """A path that can be read twice: *path* itself if it is a regular file, else ('-' for
    stdin, a FIFO, ``<(…)``) a temporary copy of what it gives, removed afterwards."""
    if path != "-" and os.path.isfile(path):
        yield path
        return
    with tempfile.NamedTemporaryFile(prefix="atscodes-report-", suffix=".log") as spool:
        if path == "-":
            shutil.copyfileobj(sys.stdin.buffer, spool, 1 << 20)
        else:
            with open(path, "rb") as source:
                shutil.copyfileobj(source, spool, 1 << 20)
        spool.flush()
        yield spool.name
