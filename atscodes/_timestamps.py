"""When a log line was written: the timestamp prefixes Apple's tools print, as ISO 8601.

The prefixes read (each example is the shape, the values are made up):

* the unified log (``log show``, ``log stream``) and Xcode's console:
  ``2025-06-24 14:32:34.176682+0300`` -> ``2025-06-24T14:32:34.176682+03:00``;
  also with a ``T`` or a ``Z``, as in ``log show --style ndjson`` timestamps;
* NSLog's older form and most logging libraries, local time without an offset:
  ``2017-06-12 10:15:32.123 MyApp[1234:5678] …`` -> ``2017-06-12T10:15:32.123``;
* Console.app's copied or exported rows, tab separated, whose time column has
  no date: ``Default<TAB>14:40:22.585542+0900<TAB>Xcode<TAB>…`` ->
  ``14:40:22.585542+09:00`` (an ISO 8601 time of day; a date column is used when
  the row has one);
* ``idevicesyslog`` and BSD syslog, which print no year:
  ``Jul  1 21:40:07 iPhone MyApp[123] <Notice>: …`` -> ``--07-01T21:40:07``
  (ISO 8601's truncated form for a date without a year), or with the year when
  the caller passes one (``line_time(line, year=2025)``).

Only the start of a line is read (at most :data:`PREFIX_LIMIT` characters), so
the cost per line is bounded whatever the line holds.  A prefix that has the
shape but impossible values (month 13, hour 25) is no timestamp.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["PREFIX_LIMIT", "iso_time", "line_time"]

#: How much of a line's start is looked at for a timestamp.
PREFIX_LIMIT: Final = 96

_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

# 2025-06-24 14:32:34.176682+0300, 2025-06-24T14:32:34Z, 2017-06-12 10:15:32.123
_DATE_TIME: Final = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})[ T](?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})"
    r"(?P<f>[.,]\d{1,9})?(?P<z>Z|[+-]\d{2}:?\d{2})?(?![\d:])"
)
# 14:40:22.585542+0900, 16:57:42.591193 -0500 (Console.app's time column, with or without
# a space before the offset)
_TIME: Final = re.compile(
    r"(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})(?P<f>[.,]\d{1,9})? ?(?P<z>Z|[+-]\d{2}:?\d{2})?$"
)
# Jul  1 21:40:07 (syslog, idevicesyslog)
_SYSLOG: Final = re.compile(
    r"(?P<mon>[A-Z][a-z]{2}) {1,2}(?P<d>\d{1,2}) (?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})"
    r"(?P<f>\.\d{1,9})?(?= )"
)
# Leading decoration that quoting adds: "> ", "**", a bullet.
_LEAD: Final = re.compile(r"[ \t>*\-]{0,6}")


def _zone(zone: str | None) -> str:
    if not zone:
        return ""
    if zone == "Z":
        return "Z"
    digits = zone[1:].replace(":", "")
    if int(digits[:2]) > 14 or int(digits[2:]) > 59:
        raise ValueError(zone)
    return f"{zone[0]}{digits[:2]}:{digits[2:]}"


def _clock(match: re.Match[str]) -> str:
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"])
    if hour > 23 or minute > 59 or second > 60:
        raise ValueError(match[0])
    fraction = (match["f"] or "").replace(",", ".")
    return f"{match['h']}:{match['mi']}:{match['s']}{fraction}"


#: The days of each month, February's in a leap year (a date without its year may be one).
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_date(year: int | None, month: int, day: int) -> bool:
    """Whether *day* is in *month* (of *year*, when known): not 2025-02-30 or 13-40."""
    if not (1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]):
        return False
    if month == 2 and day == 29 and year is not None:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def _date_time(match: re.Match[str]) -> str | None:
    try:
        month, day = int(match["mo"]), int(match["d"])
        if not valid_date(int(match["y"]), month, day):
            return None
        return f"{match['y']}-{match['mo']}-{match['d']}T{_clock(match)}{_zone(match['z'])}"
    except ValueError:
        return None


def _syslog(match: re.Match[str], year: int | None) -> str | None:
    month = _MONTHS.get(match["mon"].lower())
    day = int(match["d"])
    if month is None or not valid_date(year, month, day):
        return None
    try:
        clock = _clock(match)
    except ValueError:
        return None
    date = f"--{month:02d}-{day:02d}" if year is None else f"{year:04d}-{month:02d}-{day:02d}"
    return f"{date}T{clock}"


def iso_time(value: str) -> str | None:
    """A timestamp field (``"2025-06-24 14:32:34.176682+0300"``) as ISO 8601, or None."""
    match = _DATE_TIME.fullmatch(value.strip()[:PREFIX_LIMIT])
    return None if match is None else _date_time(match)


def line_time(line: str, year: int | None = None) -> str | None:
    """The time at the start of *line* as ISO 8601, or ``None`` when it has none.

    >>> line_time("2025-06-24 14:32:34.176682+0300 MyApp[1:2] Task <A>.<1> …")
    '2025-06-24T14:32:34.176682+03:00'
    >>> line_time("Jul  1 21:40:07 iPhone MyApp[123] <Notice>: …")
    '--07-01T21:40:07'
    >>> line_time("Default\\t14:40:22.585542+0900\\tXcode\\tConnection 1: …")
    '14:40:22.585542+09:00'
    """
    head = line[:PREFIX_LIMIT]
    start = _LEAD.match(head)
    at = 0 if start is None else start.end()
    match = _DATE_TIME.match(head, at)
    if match is not None:
        return _date_time(match)
    match = _SYSLOG.match(head, at)
    if match is not None:
        return _syslog(match, year)
    if "\t" in head:
        # Console.app: type, time (or date and time), process, message, tab separated.
        for raw in head.split("\t")[:4]:
            column = raw.strip()
            found = _DATE_TIME.fullmatch(column)
            if found is not None:
                return _date_time(found)
            clock = _TIME.match(column)
            if clock is not None:
                try:
                    return _clock(clock) + _zone(clock["z"])
                except ValueError:
                    return None
    return None
