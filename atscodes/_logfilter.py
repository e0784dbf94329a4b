"""``FindingsFilter``: decoding for Python logging, with one line of configuration."""

from __future__ import annotations

import contextlib
import logging
import threading

from ._annotate import annotate_text
from ._scan import scan

__all__ = ["FindingsFilter"]

# Set on a record once a FindingsFilter has annotated its message, so that a
# record seen by several handlers or loggers is annotated once.
_ANNOTATED = "_atscodes_annotated"


class FindingsFilter(logging.Filter):
    """A :class:`logging.Filter` that scans each record's message for error codes.

    It never drops a record and never raises into the application.  The
    findings (a tuple of :class:`~atscodes.Finding`) are attached as
    ``record.atscodes`` (or the *attribute* you name), so a formatter or handler
    can use them; with ``annotate=True`` a string message itself gets the same
    decodings ``atscodes annotate`` adds.  Attach it to a handler (every record
    that handler emits) or a logger::

        handler.addFilter(atscodes.FindingsFilter(annotate=True))

    or in :func:`logging.config.dictConfig`::

        "filters": {"atscodes": {"()": "atscodes.FindingsFilter", "annotate": True}}

    *name* is :class:`logging.Filter`'s: only records of that logger (and its
    children) are scanned; the others pass on unscanned.

    What it leaves alone:

    * a record whose message cannot be built (``str()`` of the message raises,
      or ``msg % args`` fails) keeps its ``msg`` and ``args`` as they were, so
      that logging's own error handling reports it; its findings are ``()``;
    * a message that is not a string (a dict for a structured handler) is
      never replaced: findings are attached, nothing else;
    * a record that already carries the attribute (one filter on several
      handlers, or on a logger and a handler) is not scanned or annotated
      again.

    One instance may serve any number of threads: it keeps no state between
    records, and the check-and-annotate step on a record holds a lock.
    """

    def __init__(
        self, name: str = "", *, annotate: bool = False, attribute: str = "atscodes"
    ) -> None:
        if not str.isidentifier(attribute):  # TypeError for a non-str, as for a bad name
            raise TypeError(f"attribute must be an identifier string, not {attribute!r}")
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        super().__init__(name)
        self.annotate = bool(annotate)
        self.attribute = attribute
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"<FindingsFilter name={self.name!r} annotate={self.annotate}"
            f" attribute={self.attribute!r}>"
        )

    def filter(self, record: logging.LogRecord) -> bool:
        if not super().filter(record):
            return True  # not under the logger *name*: passed on as it is, never dropped
        try:
            self._process(record)
        except Exception:  # a logging filter must never raise into the caller
            if not hasattr(record, self.attribute):
                with contextlib.suppress(Exception):  # nothing more can be done safely
                    setattr(record, self.attribute, ())
        return True

    def _process(self, record: logging.LogRecord) -> None:
        if hasattr(record, self.attribute):
            return  # already seen by this filter (or one like it) on another handler
        try:
            message = record.getMessage()
        except Exception:  # a bad message is logging's to report, not ours
            setattr(record, self.attribute, ())
            return
        findings = tuple(scan(message))
        # (annotate's own text, so that a "⟦" the message holds is escaped as annotate
        #   escapes it and a JSON message stays valid JSON)
        annotated = (
            annotate_text(message)
            if self.annotate and findings and isinstance(record.msg, str)
            else None
        )
        with self._lock:
            if hasattr(record, self.attribute):
                return
            if annotated is not None and not getattr(record, _ANNOTATED, False):
                record.msg = annotated
                record.args = None
                setattr(record, _ANNOTATED, True)
            setattr(record, self.attribute, findings)
