"""One message of a log, whatever its format: the unit that scanning and event grouping read.

Plain text logs give one record per line.  Structured logs (``log show --style ndjson``,
Sentry event JSON, unified-log exports) give one record per message, with the fields
those formats carry; ``event_key`` ties together records that are one failure by
construction (the entries of one Sentry event).
"""

from __future__ import annotations

import attrs

__all__ = ["LogRecord"]


@attrs.frozen
class LogRecord:
    """A message of a log, with what its format says about it."""

    #: The 1-based line of the input where the record starts.
    line_no: int
    #: The message text that is scanned for codes.
    text: str
    #: When it was logged, ISO 8601 (with the offset when the log has one), or None.
    time: str | None = None
    #: The process that logged it (a name or a path), or None.
    process: str | None = None
    #: Its process id, or None.
    pid: int | None = None
    #: The host the record names outside its text (Sentry's failing URL), or None.
    host: str | None = None
    #: Records with the same key are one failure by construction (one Sentry event), or None.
    event_key: str | None = None
