"""The data behind ``atscodes report``: what the page, the Markdown and the JSON all show.

A :class:`Collector` reads explain's events one by one as they complete (the
``on_event`` hook of ``explain_records``), so that what it keeps is bounded by the
events it lists (``max_events`` per cause), not by the log: the others are counted
per minute and side.  Everything it reads from an event goes through :func:`_adapt`.
Counts per cause and host come from explain's own groups, so that the page agrees with
``atscodes explain`` to the number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

import attrs

from .._events import records_from_text
from .._explain import _SEVERITY, NO_HOST, CauseGroup, Explanation, LogReport, _summary
from .._knowledge_types import Side

__all__ = [
    "BUCKETS",
    "LINE_LIMIT",
    "NO_HOST",
    "SIDES",
    "Axis",
    "Bucket",
    "Cause",
    "Collector",
    "Report",
    "ReportEvent",
    "build",
    "lines_at",
]

#: The sides at fault, in the order the chart stacks them and the legend lists them.
SIDES: Final[tuple[str, ...]] = tuple(side.value for side in Side)
#: Bucket names and their lengths in seconds; "auto" picks the first that gives fewer
#: than _AUTO_BARS bars.
BUCKETS: Final[dict[str, int]] = {"1m": 60, "10m": 600, "1h": 3600, "1d": 86400}
_AUTO_BARS: Final = 90
#: A bucket size given by hand is widened past this many bars (a log that spans years).
_MAX_BARS: Final = 1500
#: Without times, the order of events is cut into at most this many bars.
_ORDER_BARS: Final = 60
#: The first log line of an event is cut here (a 1 MiB line must not make a 1 MiB cell).
LINE_LIMIT: Final = 400
# What explain's _timestamps writes: a date and time, a time of day alone (Console.app
# rows), or a date without a year (syslog: --07-01T21:40:07).
_ISO: Final = re.compile(
    r"(?:(\d{4}|-)-(\d{2})-(\d{2})[T ])?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s?(Z|[+-]\d{2}(?::?\d{2})?)?\Z"
)

GroupKey = tuple[str, str]  # (cause, side)


@attrs.frozen
class ReportEvent:
    """One failed load as the report lists it; ``line`` is its first log line, or None."""

    file: str
    line_no: int
    time: str | None
    host: str | None
    cause: str
    side: str
    codes: tuple[str, ...]
    alerts: tuple[str, ...] = ()
    line: str | None = None


@attrs.frozen
class Cause:
    """A cause (and side): its explanation, its count per host, and the events listed."""

    key: str
    side: str
    anchor: str
    count: int
    hosts: tuple[tuple[str, int], ...]
    explanation: Explanation = attrs.field(repr=False)
    events: tuple[ReportEvent, ...] = attrs.field(repr=False)

    @property
    def more(self) -> int:
        """How many events of this cause are counted but not listed."""
        return max(0, self.count - len(self.events))


@attrs.frozen
class Bucket:
    """One bar of the chart: its start and end, its label and day, counts per side."""

    start: str
    end: str
    label: str
    day: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@attrs.frozen
class Axis:
    """The chart's horizontal axis: by time (``kind="time"``) or by event order."""

    kind: str
    bucket: str
    zone: str | None
    buckets: tuple[Bucket, ...]
    note: str
    untimed: int = 0


@attrs.frozen
class Report:
    """Everything the report shows, for any of its formats."""

    title: str
    files: tuple[tuple[str, int], ...]
    summary: tuple[str, ...]
    causes: tuple[Cause, ...]
    hosts: tuple[tuple[str, int], ...]
    matrix: Mapping[tuple[str, str], int] = attrs.field(repr=False)
    sides: tuple[tuple[str, int], ...]
    axis: Axis
    max_events: int
    first_time: str | None = None
    last_time: str | None = None

    @property
    def total(self) -> int:
        return sum(c.count for c in self.causes)


# ---------------------------------------------------------------- adapter


def _adapt(event: Any, file: str) -> ReportEvent:
    """One of explain's events (``_explain.Event``) as the report lists it."""
    side = getattr(event, "side", None)
    side_value = getattr(side, "value", side)
    if side_value not in SIDES:
        side_value = Side.UNKNOWN.value
    time = getattr(event, "time", None)
    codes: list[str] = []
    for finding in getattr(event, "findings", ()):
        name = finding.name
        code = f"{finding.code} {name}" if name else str(finding.code)
        if code not in codes:
            codes.append(code)
    alerts = tuple(
        f"alert {a.number} {a.name or 'unknown'} ({getattr(a.sender, 'value', a.sender)})"
        for a in getattr(event, "alerts", ())
    )
    return ReportEvent(
        file,
        int(event.line_no),
        time if isinstance(time, str) else None,
        event.host if isinstance(event.host, str) else None,
        str(event.cause),
        side_value,
        tuple(codes),
        alerts,
    )


def _parse_time(text: str, years_on: int = 0) -> tuple[float | None, str | None, str]:
    """Seconds since 1970 on the log's own clock (the offset not applied), the offset,
    and what the time says of its date: "date", "no year" or "no date".

    A time without a year is placed in 2000 (a leap year: 29 February exists), plus
    *years_on* years when the log has passed New Year (see ``Collector.on_event``).
    """
    match = _ISO.match(text.strip())
    if match is None:
        return None, None, ""
    if match[1] is None:
        kind, year, month, day = "no date", 1970, 1, 1
    elif match[1] == "-":
        kind, year, month, day = "no year", 2000 + years_on, int(match[2]), int(match[3])
    else:
        kind, year, month, day = "date", int(match[1]), int(match[2]), int(match[3])
    hour, minute = int(match[4]), int(match[5])
    second = int(match[6] or 0)
    fraction = float("0." + match[7]) if match[7] else 0.0
    try:
        moment = datetime(year, month, day, hour, minute, min(second, 59))
    except ValueError:
        return None, None, ""
    seconds = (moment - datetime(1970, 1, 1)).total_seconds() + fraction
    zone = match[8]
    if zone is None:
        return seconds, None, kind
    if zone == "Z":
        return seconds, "+00:00", kind
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        return None, None, ""
    return seconds, f"{zone[0]}{hours:02d}:{minutes:02d}", kind


_HALF_YEAR: Final = 183 * 86400


def _offset_seconds(offset: str) -> int:
    sign = -1 if offset[0] == "-" else 1
    return sign * (int(offset[1:3]) * 3600 + int(offset[4:6]) * 60)


def lines_at(records: Iterable[Any], wanted: Iterable[int]) -> dict[int, str]:
    """The start of the lines with the given 1-based numbers, from explain's records
    (``LogRecord``: a line longer than explain's piece size comes in several records)."""
    targets = set(wanted)
    last = max(targets, default=0)
    found: dict[int, str] = {}
    for record in records:
        number = record.line_no
        if number in targets and number not in found:
            found[number] = record.text[: LINE_LIMIT + 1]
        if number >= last:
            break
    return found


# ---------------------------------------------------------------- collecting


class Collector:
    """What a report keeps while explain reads its logs: every event counted, the first
    *max_events* per cause kept with their first log line.

    For each log: :meth:`begin`, then :meth:`on_event` for each event (as
    ``explain_records(..., on_event=collector.on_event)``), then :meth:`end` with
    explain's report and a way to read the lines asked for.
    """

    def __init__(self, max_events: int = 2000) -> None:
        if max_events < 0:
            raise ValueError("max_events must not be negative")
        self.max_events = max_events
        self.file = ""
        self._years_on = 0
        self._last_no_year: float | None = None
        self.files: list[tuple[str, int]] = []
        self.logs: list[LogReport] = []
        self.listed: dict[GroupKey, list[ReportEvent]] = {}
        self._pending: list[ReportEvent] = []
        self.seen = 0
        # Timed events counted per (minute as written, UTC offset) per side; a bucket is
        # a whole number of minutes and an offset too, so nothing finer is needed.
        self.minutes: dict[tuple[float, str | None], list[int]] = {}
        # The earliest and the latest time per offset, for the page's "from … to …".
        self.extremes: dict[str | None, tuple[float, float]] = {}
        self.offsets: dict[str, int] = {}
        self.kinds: dict[str, int] = {}
        self.order_sides = bytearray()  # the side of every event in log order (no times)

    def begin(self, name: str) -> None:
        self.file = name
        self._pending = []
        self._years_on = 0  # New Years the file's times without a year have passed
        self._last_no_year = None

    def on_event(self, event: Any, explanation: Any = None) -> None:
        view = _adapt(event, self.file)
        self.seen += 1
        side_index = SIDES.index(view.side)
        self.order_sides.append(side_index)
        listed = self.listed.setdefault((view.cause, view.side), [])
        if len(listed) < self.max_events:
            listed.append(view)
            self._pending.append(view)
        if view.time is None:
            return
        seconds, offset, kind = _parse_time(view.time, self._years_on)
        if seconds is None:
            return
        if kind == "no year":
            # A syslog time has no year: one that goes back by more than half a year has
            #   passed New Year ("Dec 31 23:59:07" then "Jan  1 00:00:17"), in log order.
            if self._last_no_year is not None and seconds < self._last_no_year - _HALF_YEAR:
                self._years_on += 1
                seconds, offset, kind = _parse_time(view.time, self._years_on)
                if seconds is None:
                    return
            self._last_no_year = seconds
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        counts = self.minutes.setdefault((math.floor(seconds / 60) * 60, offset), [0] * len(SIDES))
        counts[side_index] += 1
        low, high = self.extremes.get(offset, (seconds, seconds))
        self.extremes[offset] = (min(low, seconds), max(high, seconds))
        if offset is not None:
            self.offsets[offset] = self.offsets.get(offset, 0) + 1

    def end(
        self, log: LogReport, read_lines: Callable[[set[int]], Mapping[int, str]] | None
    ) -> None:
        """Close the current log: fill in the first lines of the events it listed."""
        lines = read_lines({e.line_no for e in self._pending}) if read_lines else {}
        pending = {id(e) for e in self._pending}
        for key, listed in self.listed.items():
            self.listed[key] = [
                attrs.evolve(e, line=lines.get(e.line_no)) if id(e) in pending else e
                for e in listed
            ]
        self._pending = []
        self.logs.append(log)
        self.files.append((self.file, int(getattr(log, "event_count", 0) or len(log.events))))

    def report(self, *, title: str | None = None, bucket: str = "auto") -> Report:
        """The report of every log read so far."""
        if bucket != "auto" and bucket not in BUCKETS:
            raise ValueError(f"bucket must be auto or one of {', '.join(BUCKETS)}, not {bucket!r}")
        merged = _merge(self.logs)
        order = sorted(
            merged.items(),
            key=lambda kv: (-_SEVERITY.get(kv[1].explanation.side, 0), -kv[1].count),
        )
        causes = tuple(
            Cause(
                cause,
                side,
                f"c{index + 1}",
                group.count,
                tuple((NO_HOST if h is None else h, n) for h, n in group.hosts),
                group.explanation,
                tuple(self.listed.get((cause, side), ())),
            )
            for index, ((cause, side), group) in enumerate(order)
        )
        matrix: dict[tuple[str, str], int] = {}
        host_totals: dict[str, int] = {}
        side_totals = dict.fromkeys(SIDES, 0)
        for cause in causes:
            side_totals[cause.side] = side_totals.get(cause.side, 0) + cause.count
            for host, n in cause.hosts:
                matrix[(host, cause.anchor)] = matrix.get((host, cause.anchor), 0) + n
                host_totals[host] = host_totals.get(host, 0) + n
        total = sum(c.count for c in causes)
        axis, first, last = self._axis(bucket, total)
        files = self.files
        if title is None:
            names = ", ".join(name for name, _ in files[:3]) + (" …" if len(files) > 3 else "")
            title = f"TLS and network failures: {names}" if names else "TLS and network failures"
        return Report(
            title,
            tuple(files),
            tuple(_summary(group) for _, group in order),
            causes,
            tuple(sorted(host_totals.items(), key=lambda kv: (-kv[1], kv[0]))),
            matrix,
            tuple((side, side_totals[side]) for side in SIDES),
            axis,
            self.max_events,
            first,
            last,
        )

    def _axis(self, bucket: str, total: int) -> tuple[Axis, str | None, str | None]:
        # The log's own time zone is the offset most of its times carry; a time written
        # with another offset is moved onto that clock.
        zone = max(self.offsets.items(), key=lambda kv: kv[1])[0] if self.offsets else None
        shift = _offset_seconds(zone) if zone is not None else 0
        minutes: dict[float, list[int]] = {}
        for (minute, offset), counts in self.minutes.items():
            moved = minute if offset is None else minute - _offset_seconds(offset) + shift
            into = minutes.setdefault(moved, [0] * len(SIDES))
            for index, n in enumerate(counts):
                into[index] += n
        ends = [
            t if o is None else t - _offset_seconds(o) + shift
            for o, pair in self.extremes.items()
            for t in pair
        ]
        kind = max(self.kinds.items(), key=lambda kv: kv[1])[0] if self.kinds else "date"
        if not minutes:
            axis = _order_axis(self.order_sides)
        else:
            axis = _time_axis(minutes, ends, len(self.order_sides), zone, bucket, kind)
        if self.seen < total:
            axis = attrs.evolve(
                axis,
                note=axis.note
                + f" The chart counts the first {self.seen} of the {total} failed loads.",
            )
        if not ends:
            return axis, None, None
        return axis, _iso(min(ends), zone, kind), _iso(max(ends), zone, kind)


def _merge(logs: Sequence[LogReport]) -> dict[GroupKey, CauseGroup]:
    """The groups of several logs, one per cause and side, counted together."""
    merged: dict[GroupKey, CauseGroup] = {}
    for log in logs:
        for group in log.groups:
            key = (group.cause, group.explanation.side.value)
            if key not in merged:
                merged[key] = group
                continue
            hosts = dict(merged[key].hosts)
            for host, n in group.hosts:
                hosts[host] = hosts.get(host, 0) + n
            merged[key] = attrs.evolve(
                merged[key],
                count=merged[key].count + group.count,
                hosts=tuple(sorted(hosts.items(), key=lambda kv: -kv[1])),
            )
    return merged


def build(
    logs: Sequence[tuple[str, LogReport, str | None]],
    *,
    title: str | None = None,
    bucket: str = "auto",
    max_events: int = 2000,
) -> Report:
    """The report of logs already explained: ``(file name, explain_log's report, the
    log's text or None)``.  Only the events the reports kept are listed and charted
    (``LogReport`` keeps the first 1,000); ``atscodes report`` reads every event."""
    if bucket != "auto" and bucket not in BUCKETS:
        raise ValueError(f"bucket must be auto or one of {', '.join(BUCKETS)}, not {bucket!r}")
    collector = Collector(max_events)
    for name, log, text in logs:
        collector.begin(name)
        for event in log.events:
            collector.on_event(event)
        reader = None
        if text is not None:
            source = text

            def reader(wanted: set[int], source: str = source) -> Mapping[int, str]:
                return lines_at(records_from_text(source), wanted)

        collector.end(log, reader)
    return collector.report(title=title, bucket=bucket)


# ---------------------------------------------------------------- the axis


def _moment(seconds: float) -> datetime:
    """The time *seconds* after 1970 on the log's clock, held within what datetime holds."""
    try:
        return datetime(1970, 1, 1) + timedelta(seconds=seconds)
    except OverflowError:
        return datetime.max if seconds > 0 else datetime.min


def _iso(seconds: float, zone: str | None, kind: str = "date") -> str:
    text = _moment(seconds).isoformat(timespec="seconds")
    if kind == "no date":
        text = text[11:]
    elif kind == "no year":
        text = "--" + text[5:]
    return text + zone if zone is not None else text


def _day(moment: datetime, kind: str) -> str:
    if kind == "no date":
        return ""
    return moment.strftime("%m-%d" if kind == "no year" else "%Y-%m-%d")


def _time_axis(
    minutes: dict[float, list[int]],
    ends: list[float],
    events: int,
    zone: str | None,
    bucket: str,
    kind: str,
) -> Axis:
    low, high = min(ends), max(ends)
    span = high - low
    size_name = bucket
    widened = False
    if bucket == "auto":
        size_name = next((name for name, size in BUCKETS.items() if span / size < _AUTO_BARS), "1d")
    while span / BUCKETS[size_name] >= _MAX_BARS and size_name != "1d":
        size_name = list(BUCKETS)[list(BUCKETS).index(size_name) + 1]
        widened = True
    size = BUCKETS[size_name]
    if span / size >= _MAX_BARS:  # years of times: several days per bar
        days = math.ceil(span / size / (_MAX_BARS - 1))
        size, size_name, widened = days * 86400, f"{days}d", True
    start = math.floor(low / size) * size
    count = int((high - start) // size) + 1
    counts = [[0] * len(SIDES) for _ in range(count)]
    timed = 0
    for minute, per_side in minutes.items():
        index = max(0, min(int((minute - start) // size), count - 1))
        for side, n in enumerate(per_side):
            counts[index][side] += n
            timed += n
    buckets = []
    for index in range(count):
        begin = start + index * size
        moment = _moment(begin)
        label = moment.strftime("%H:%M") if size < 86400 else (_day(moment, kind) or "day 1")
        buckets.append(
            Bucket(
                _iso(begin, zone, kind),
                _iso(begin + size, zone, kind),
                label,
                _day(moment, kind),
                tuple(counts[index]),
            )
        )
    where = f"UTC{zone}" if zone is not None else "the log's own clock (no UTC offset in it)"
    note = f"Failed loads per {_bucket_words(size_name)}, times in {where}."
    if kind == "no year":
        note += " The log's times have no year."
    elif kind == "no date":
        note += " The log's times have no date: a log that passes midnight folds onto one day."
    if widened:
        note += f" The span is too long for {bucket} bars: widened to {size_name}."
    untimed = events - timed
    if untimed > 0:
        note += f" {untimed} failed loads have no time and are not in the chart."
    return Axis("time", size_name, zone, tuple(buckets), note, max(0, untimed))


def _bucket_words(name: str) -> str:
    words = {"1m": "minute", "10m": "10 minutes", "1h": "hour", "1d": "day"}
    return words.get(name, name[:-1] + " days")


def _order_axis(order_sides: bytearray) -> Axis:
    total = len(order_sides)
    per_bar = max(1, math.ceil(total / _ORDER_BARS))
    buckets = []
    for begin in range(0, total, per_bar):
        counts = [0] * len(SIDES)
        for side in order_sides[begin : begin + per_bar]:
            counts[side] += 1
        end = min(begin + per_bar, total)
        label = f"{begin + 1}" if per_bar == 1 else f"{begin + 1}–{end}"
        buckets.append(Bucket(str(begin + 1), str(end), label, "", tuple(counts)))
    note = "The log has no times: the bars follow the order of the failed loads in the log" + (
        "." if per_bar == 1 else f", {per_bar} loads per bar."
    )
    return Axis("order", "order", None, tuple(buckets), note, total)
