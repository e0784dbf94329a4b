"""``FindingsFilter``: decoding for Python logging, with one line of configuration."""

from __future__ import annotations

import logging

from ._annotate import _annotated
from ._scan import scan

__all__ = ["FindingsFilter"]


class FindingsFilter(logging.Filter):
    """A :class:`logging.Filter` that scans each record's message for error codes.

    It never drops a record.  The findings (a tuple of :class:`~atscodes.Finding`)
    are attached as ``record.atscodes`` (or the *attribute* you name), so a
    formatter or handler can use them; with ``annotate=True`` the message itself
    gets the same decodings ``atscodes annotate`` adds.  Attach it to a handler
    (every record that handler emits) or a logger::

        handler.addFilter(atscodes.FindingsFilter(annotate=True))

    or in :func:`logging.config.dictConfig`::

        "filters": {"atscodes": {"()": "atscodes.FindingsFilter", "annotate": True}}
    """

    def __init__(
        self, name: str = "", *, annotate: bool = False, attribute: str = "atscodes"
    ) -> None:
        super().__init__(name)
        self.annotate = annotate
        self.attribute = attribute

    def filter(self, record: logging.LogRecord) -> bool:
        if not super().filter(record):
            return False
        try:
            message = record.getMessage()
        except Exception:  # a bad format is logging's to report, not ours
            message = str(record.msg)
        findings = tuple(scan(message))
        setattr(record, self.attribute, findings)
        if self.annotate and findings:
            record.msg = _annotated(message, list(findings), 0)
            record.args = None
        return True
