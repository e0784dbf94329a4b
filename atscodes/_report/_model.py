"""The data behind ``atscodes report``: what the page, the Markdown and the JSON all show.

Everything read from ``explain``'s results goes through :func:`_adapt` (one event) and
:func:`_merge_groups` (the groups of several files), so that the report follows the
event fields explain gives (side, time, host) in one place.  What is kept per event is
bounded: the events shown (``max_events`` per cause) keep their first log line; the
others are only counted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

import attrs

from .._explain import _SEVERITY, CauseGroup, Explanation, LogReport, _summary
from .._knowledge_types import Side

__all__ = [
    "BUCKETS",
    "SIDES",
    "Axis",
    "Bucket",
    "Cause",
    "Report",
    "ReportEvent",
    "build",
]

#: The sides at fault, in the order the chart stacks them and the legend lists them.
SIDES: Final[tuple[str, ...]] = tuple(side.value for side in Side)
#: Bucket names and their lengths in seconds; "auto" picks the first that gives at most
#: _AUTO_BARS bars.
BUCKETS: Final[dict[str, int]] = {"1m": 60, "10m": 600, "1h": 3600, "1d": 86400}
_AUTO_BARS: Final = 90
#: A bucket size given by hand is widened past this many bars (a log that spans years).
_MAX_BARS: Final = 1500
#: Without times, the order of events is cut into at most this many bars.
_ORDER_BARS: Final = 60
#: The first log line of an event is cut here (a 1 MiB line must not make a 1 MiB cell).
LINE_LIMIT: Final = 400
_NO_HOST: Final = "(host not in the log)"
_ISO: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s?(Z|[+-]\d{2}(?::?\d{2})?)?"
)


@attrs.frozen
class ReportEvent:
    """One failed load as the report shows it; ``line`` is its first log line, or None."""

    file: str
    line_no: int
    time: str | None
    host: str | None
    cause: str
    side: str
    codes: tuple[str, ...]
    line: str | None = None


@attrs.frozen
class Cause:
    """A cause: its explanation, its count per host and side, and the events shown."""

    key: str
    anchor: str
    count: int
    side: str
    hosts: tuple[tuple[str, int], ...]
    explanation: Explanation = attrs.field(repr=False)
    events: tuple[ReportEvent, ...] = attrs.field(repr=False)

    @property
    def more(self) -> int:
        """How many events of this cause are counted but not listed."""
        return self.count - len(self.events)


@attrs.frozen
class Bucket:
    """One bar of the chart: its start (ISO 8601 or an event number), label, counts per side."""

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


def _adapt(
    event: Any, file: str, group_side: str, line: str | None
) -> tuple[ReportEvent, float | None, str | None]:
    """One of explain's events as the report shows it, with its time in seconds (in the
    log's own clock) and its UTC offset, when it has a time.

    Events that carry their own ``side`` and ``time`` (explain's event grouping) use
    them; otherwise the side is the one of the event's cause and there is no time.
    """
    side = getattr(event, "side", None)
    side_value = getattr(side, "value", side)
    if side_value not in SIDES:
        side_value = group_side
    raw_time = getattr(event, "time", None)
    time = raw_time if isinstance(raw_time, str) else None
    seconds, offset = _parse_time(time) if time is not None else (None, None)
    codes: list[str] = []
    for finding in getattr(event, "findings", ()):
        name = finding.name
        code = f"{finding.code} {name}" if name else str(finding.code)
        if code not in codes:
            codes.append(code)
    host = event.host if isinstance(event.host, str) else None
    return (
        ReportEvent(
            file, int(event.line_no), time, host, str(event.cause), side_value, tuple(codes), line
        ),
        seconds,
        offset,
    )


def _parse_time(text: str) -> tuple[float | None, str | None]:
    """Seconds since 1970 on the log's own clock (offset not applied), and the offset."""
    match = _ISO.match(text.strip())
    if match is None:
        return None, None
    year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6] or 0)
    fraction = float("0." + match[7]) if match[7] else 0.0
    try:
        moment = datetime(year, month, day, hour, minute, min(second, 59))
    except ValueError:
        return None, None
    seconds = (moment - datetime(1970, 1, 1)).total_seconds() + fraction
    zone = match[8]
    if zone is None:
        return seconds, None
    if zone == "Z":
        return seconds, "+00:00"
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        return None, None
    return seconds, f"{zone[0]}{hours:02d}:{minutes:02d}"


def _offset_seconds(offset: str) -> int:
    sign = -1 if offset[0] == "-" else 1
    return sign * (int(offset[1:3]) * 3600 + int(offset[4:6]) * 60)


def _merge_groups(groups: Sequence[CauseGroup]) -> CauseGroup:
    """One cause's groups from several files, as explain would have counted them together."""
    if len(groups) == 1:
        return groups[0]
    hosts: dict[str, int] = {}
    for group in groups:
        for host, count in group.hosts:
            hosts[host] = hosts.get(host, 0) + count
    return attrs.evolve(
        groups[0],
        count=sum(g.count for g in groups),
        hosts=tuple(sorted(hosts.items(), key=lambda kv: -kv[1])),
    )


def _lines_at(text: str, wanted: Iterable[int]) -> dict[int, str]:
    """The lines with the given 1-based numbers (explain numbers lines at ``\\n``)."""
    targets = sorted(set(wanted))
    found: dict[int, str] = {}
    position, line_no = 0, 1
    for target in targets:
        while line_no < target:
            newline = text.find("\n", position)
            if newline < 0:
                return found
            position, line_no = newline + 1, line_no + 1
        end = text.find("\n", position)
        # Only the start of a long line is shown; never copy a whole 1 MiB line.
        stop = len(text) if end < 0 else end
        found[target] = text[position : min(stop, position + LINE_LIMIT + 1)].rstrip("\r")
    return found


# ---------------------------------------------------------------- building


def build(
    logs: Sequence[tuple[str, LogReport, str | None]],
    *,
    title: str | None = None,
    bucket: str = "auto",
    max_events: int = 2000,
) -> Report:
    """The report of *logs*: ``(file name, explain_log's report, the log's text or None)``.

    With the text, each event shown carries its first log line.  At most *max_events*
    events are listed per cause; the rest are counted.
    """
    if bucket != "auto" and bucket not in BUCKETS:
        raise ValueError(f"bucket must be auto or one of {', '.join(BUCKETS)}, not {bucket!r}")
    if max_events < 0:
        raise ValueError("max_events must not be negative")
    by_cause: dict[str, list[CauseGroup]] = {}
    for _, log, _ in logs:
        for group in log.groups:
            by_cause.setdefault(group.cause, []).append(group)
    merged = {key: _merge_groups(groups) for key, groups in by_cause.items()}
    order = sorted(merged.values(), key=lambda g: (-_SEVERITY.get(g.explanation.side, 0), -g.count))
    anchors = {group.cause: f"c{index + 1}" for index, group in enumerate(order)}

    tally = _Tally(merged)
    for name, log, text in logs:
        tally.add(name, log, text, max_events)
    shown, cause_sides = tally.shown, tally.cause_sides
    causes = tuple(
        Cause(
            group.cause,
            anchors[group.cause],
            group.count,
            max(cause_sides[group.cause].items(), key=lambda kv: kv[1])[0]
            if cause_sides[group.cause]
            else group.explanation.side.value,
            group.hosts,
            group.explanation,
            tuple(shown[group.cause]),
        )
        for group in order
    )
    # The log's own time zone is the offset most of its times carry; a time written
    # with another offset is moved onto that clock.
    offsets = tally.offsets
    zone = max(offsets.items(), key=lambda kv: kv[1])[0] if offsets else None
    shift = _offset_seconds(zone) if zone is not None else 0
    minutes: dict[float, list[int]] = {}
    for (minute, offset), counts in tally.minutes.items():
        moved = minute if offset is None else minute - _offset_seconds(offset) + shift
        into = minutes.setdefault(moved, [0] * len(SIDES))
        for index, n in enumerate(counts):
            into[index] += n
    span = [
        t if o is None else t - _offset_seconds(o) + shift
        for o, pair in tally.extremes.items()
        for t in pair
    ]
    axis = _axis(minutes, span, tally.order_sides, zone, bucket)
    first = last = None
    if span:
        first, last = _iso(min(span), zone), _iso(max(span), zone)
    files = tally.files
    if title is None:
        names = ", ".join(name for name, _ in files[:3]) + (" …" if len(files) > 3 else "")
        title = f"TLS and network failures: {names}" if names else "TLS and network failures"
    return Report(
        title,
        tuple(files),
        tuple(_summary(group) for group in order),
        causes,
        tuple(sorted(tally.host_totals.items(), key=lambda kv: (-kv[1], kv[0]))),
        tally.matrix,
        tuple((side, tally.side_counts[side]) for side in SIDES),
        axis,
        max_events,
        first,
        last,
    )


class _Tally:
    """What the report keeps while reading events: counts for all, details for those shown."""

    def __init__(self, causes: Iterable[str]) -> None:
        self.shown: dict[str, list[ReportEvent]] = {key: [] for key in causes}
        self.side_counts = dict.fromkeys(SIDES, 0)
        self.cause_sides: dict[str, dict[str, int]] = {key: {} for key in self.shown}
        self.matrix: dict[tuple[str, str], int] = {}
        self.host_totals: dict[str, int] = {}
        # Timed events counted per minute (as written) and UTC offset, per side; a bucket is
        # a whole number of minutes and an offset too, so nothing finer is needed.
        self.minutes: dict[tuple[float, str | None], list[int]] = {}
        # The earliest and the latest time per offset, for the page's "from … to …".
        self.extremes: dict[str | None, tuple[float, float]] = {}
        self.offsets: dict[str, int] = {}
        self.order_sides = bytearray()  # the side of every event, in log order (for no times)
        self.files: list[tuple[str, int]] = []

    def add(self, name: str, log: LogReport, text: str | None, max_events: int) -> None:
        group_side = {g.cause: g.explanation.side.value for g in log.groups}
        room = {key: max_events - len(events) for key, events in self.shown.items()}
        picked: set[int] = set()
        for event in log.events:
            if room.get(event.cause, 0) > 0:
                room[event.cause] -= 1
                picked.add(id(event))
        wanted = [int(e.line_no) for e in log.events if id(e) in picked]
        lines = _lines_at(text, wanted) if text is not None else {}
        for event in log.events:
            view, seconds, offset = _adapt(
                event, name, group_side.get(event.cause, "unknown"), lines.get(int(event.line_no))
            )
            if id(event) in picked:
                self.shown.setdefault(view.cause, []).append(view)
            self.side_counts[view.side] += 1
            sides = self.cause_sides.setdefault(view.cause, {})
            sides[view.side] = sides.get(view.side, 0) + 1
            host = view.host or _NO_HOST
            self.matrix[(host, view.cause)] = self.matrix.get((host, view.cause), 0) + 1
            self.host_totals[host] = self.host_totals.get(host, 0) + 1
            side_index = SIDES.index(view.side)
            self.order_sides.append(side_index)
            if seconds is not None:
                counts = self.minutes.setdefault(
                    (math.floor(seconds / 60) * 60, offset), [0] * len(SIDES)
                )
                counts[side_index] += 1
                low, high = self.extremes.get(offset, (seconds, seconds))
                self.extremes[offset] = (min(low, seconds), max(high, seconds))
                if offset is not None:
                    self.offsets[offset] = self.offsets.get(offset, 0) + 1
        self.files.append((name, len(log.events)))


def _moment(seconds: float) -> datetime:
    """The time *seconds* after 1970 on the log's clock, held within what datetime can hold."""
    try:
        return datetime(1970, 1, 1) + timedelta(seconds=seconds)
    except OverflowError:
        return datetime.max if seconds > 0 else datetime.min


def _iso(seconds: float, zone: str | None) -> str:
    moment = _moment(seconds)
    text = moment.isoformat(timespec="seconds")
    return text + zone if zone is not None else text


def _axis(
    minutes: dict[float, list[int]],
    span_ends: list[float],
    order_sides: bytearray,
    zone: str | None,
    bucket: str,
) -> Axis:
    if not minutes:
        return _order_axis(order_sides)
    low, high = min(span_ends), max(span_ends)
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
        label = moment.strftime("%H:%M") if size < 86400 else moment.strftime("%b %d")
        buckets.append(
            Bucket(
                _iso(begin, zone),
                _iso(begin + size, zone),
                label,
                moment.strftime("%Y-%m-%d"),
                tuple(counts[index]),
            )
        )
    where = f"UTC{zone}" if zone is not None else "the log's own clock (no UTC offset in it)"
    note = f"Failed loads per {_bucket_words(size_name)}, times in {where}."
    if widened:
        note += f" The span is too long for {bucket} bars: widened to {size_name}."
    untimed = len(order_sides) - timed
    if untimed:
        note += f" {untimed} failed loads have no time and are not in the chart."
    return Axis("time", size_name, zone, tuple(buckets), note, untimed)


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
