"""Structured logs: recognise them without flags and read them as :class:`LogRecord` values.

Three shapes are recognised from their first JSON value:

* ``log show --style ndjson`` (one object per line) and ``--style json`` (one array):
  ``timestamp`` (``2025-06-24 14:32:34.176682+0300``), ``eventMessage``,
  ``processImagePath``, ``processID``, ``subsystem``, ``category``; the closing
  ``{"count": …, "finished": 1}`` record carries no message and is skipped.
* The JSON lines of Mandiant's unified-log iterator (``macos-UnifiedLogs``,
  ``examples/unifiedlog_iterator``, ``--format jsonl``: serde of its ``LogData``):
  ``time`` (nanoseconds since 1970, UTC), ``message``, ``process``, ``pid``,
  ``subsystem``.
* Sentry events as sentry-cocoa builds them for an ``NSError``
  (``Sources/Sentry/SentryClient+ErrorEvents.m``): ``exception.values[]`` holds one
  entry per error of the ``NSUnderlyingError`` chain, innermost first, each with
  ``type`` = the domain, ``value`` = ``"Code: -1200"`` (or ``"… (Code: -1200)"``),
  ``mechanism.meta.ns_error = {domain, code}`` and the user info in
  ``mechanism.data``.  An event is one failure: its records share ``event_key``,
  and its host comes from ``NSErrorFailingURLStringKey``.

Anything else (plain text, or JSON of another shape) is read as plain lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import IO, Any, Final
from urllib.parse import urlsplit

from ._records import LogRecord
from ._timestamps import valid_date

__all__ = [
    "DEFAULT_FIELDS",
    "detect",
    "ndjson_findings",
    "read_records",
    "records_from_json",
    "structured_records",
]

#: Keys whose string values ``annotate --ndjson`` scans by default (at any depth).
DEFAULT_FIELDS: Final = ("eventMessage", "message", "msg", "value", "description")

_HEAD: Final = 1 << 16
_MAX_VALUE: Final = 16 << 20  # a JSON value larger than this ends structured reading
_LINE_PIECE: Final = 1 << 20  # plain lines longer than this are read in pieces
_TIME: Final = re.compile(
    r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d{1,9})?)\s*(?:(Z)|([+-]\d\d):?(\d\d)?)?$"
)
_SENTRY_CODE: Final = re.compile(r"\s*\(?Code: (-?\d{1,20})\)?\s*$")
_WS: Final = " \t\r\n"
_PREAMBLE: Final = "Filtering the log data using"
_LINE_END: Final = re.compile(r"\r\n|\r|\n")


def detect(head: bytes | str) -> str | None:
    """The structured format *head* (the first bytes of a log) starts, or None for plain text.

    One of ``"log-ndjson"``, ``"log-json"``, ``"unifiedlog-iterator"``, ``"sentry"``,
    ``"json"`` (JSON of another shape, or a first value longer than *head*).
    """
    kind = _detect(head, final=True)
    return None if kind is _MORE else kind


_MORE: Final = "more"  # _detect cannot tell yet


def _incomplete(error: json.JSONDecodeError, text: str) -> bool:
    """Whether decoding failed only because *text* stops inside the value."""
    if error.pos >= len(text) - 1:
        return True
    return error.msg.startswith("Unterminated string") and "\n" not in text[error.pos :]


def _detect(head: bytes | str, *, final: bool) -> str | None:
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    skipped = _preamble(text)
    if skipped == len(text) and not final:
        return _MORE
    text = text[skipped:]
    stripped = text.lstrip(_WS)
    if not stripped:
        return None if final else _MORE
    if not stripped.startswith(("{", "[")):
        return None
    at = len(text) - len(stripped)
    if stripped.startswith("["):
        at = _skip(text, at + 1)
        if at >= len(text):
            return "json" if final else _MORE
    try:
        value, _ = json.JSONDecoder().raw_decode(text, at)
    except json.JSONDecodeError as error:
        if not _incomplete(error, text):
            return None
        return "json" if final or len(text) >= _HEAD else _MORE
    except RecursionError:
        return "json"
    kind = _kind(value)
    if kind == "log" and stripped.startswith("["):
        return "log-json"
    return {"log": "log-ndjson"}.get(kind, kind)


def _preamble(text: str) -> int:
    """Length of the line ``log show`` prints before its JSON (``Filtering the log data …``)."""
    if text.startswith(_PREAMBLE):
        end = text.find("\n")
        return len(text) if end == -1 else end + 1
    return 0


def _looks_like_json(text: str) -> bool:
    return re.match(r'[\[{]\s*(?:"|\{|\[|\]|\})', text) is not None


def _kind(value: Any) -> str:
    if not isinstance(value, dict):
        return "json"
    exception = value.get("exception")
    if isinstance(exception, dict) and isinstance(exception.get("values"), list):
        return "sentry"
    if "eventMessage" in value or value.keys() == {"count", "finished"}:
        return "log"
    if "message" in value and ("process" in value or "pid" in value) and "time" in value:
        return "unifiedlog-iterator"
    return "json"


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _WS + ",":
        at += 1
    return at


# --- times --------------------------------------------------------------------------------


def iso_time(value: Any) -> str | None:
    """An ISO 8601 time from a log's timestamp: ``2025-06-24 14:32:34.176682+0300``
    becomes ``2025-06-24T14:32:34.176682+03:00``; a number is seconds since 1970 (UTC)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(float(value), timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    match = _TIME.match(value.strip())
    if match is None:
        return None
    date, clock, zulu, hours, minutes = match.groups()
    year, month, day = (int(part) for part in date.split("-"))
    hour, minute, second = (int(part) for part in clock[:8].split(":"))
    if not valid_date(year, month, day) or hour > 23 or minute > 59 or second > 60:
        return None  # ("2025-02-30 14:32:34", "2025-13-40 99:99:99": no time at all)
    if hours and (int(hours[1:]) > 14 or int(minutes or 0) > 59):
        return None
    offset = "+00:00" if zulu else (f"{hours}:{minutes or '00'}" if hours else "")
    return f"{date}T{clock}{offset}"


def _nanoseconds(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return iso_time(value)
    try:
        seconds, rest = divmod(int(value), 1_000_000_000)
        moment = datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    # A float of nanoseconds is exact to about 256 ns at today's times: round to microseconds.
    return moment.replace(microsecond=min(999_999, round(rest / 1000))).isoformat()


# --- records from JSON values --------------------------------------------------------------


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 20:
        return int(value)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def records_from_json(value: Any, line_no: int, raw: str = "") -> Iterator[LogRecord]:
    """The records one decoded JSON value holds (*raw*: its text, for other shapes)."""
    kind = _kind(value)
    if kind == "sentry":
        yield from _sentry_records(value, line_no)
    elif kind == "log":
        message = _str(value.get("eventMessage"))
        if message is not None:
            yield LogRecord(
                line_no,
                message,
                time=iso_time(value.get("timestamp")),
                process=_str(value.get("processImagePath")) or _str(value.get("process")),
                pid=_int(value.get("processID")),
            )
    elif kind == "unifiedlog-iterator":
        message = _str(value.get("message"))
        if message is not None:
            yield LogRecord(
                line_no,
                message,
                time=_nanoseconds(value.get("time")),
                process=_str(value.get("process")),
                pid=_int(value.get("pid")),
            )
    else:
        yield LogRecord(line_no, raw or json.dumps(value, ensure_ascii=False))


def _sentry_records(event: Mapping[str, Any], line_no: int) -> Iterator[LogRecord]:
    values = [v for v in event["exception"]["values"] if isinstance(v, dict)]
    key = _str(event.get("event_id")) or f"sentry-event@{line_no}"
    time = iso_time(event.get("timestamp"))
    host = None
    for entry in values:
        data = _mechanism(entry).get("data")
        if isinstance(data, dict):
            url = _str(data.get("NSErrorFailingURLStringKey")) or _str(
                data.get("NSErrorFailingURLKey")
            )
            if url and host is None:
                try:
                    host = urlsplit(url).hostname
                except ValueError:
                    host = None
    for entry in values:
        yield LogRecord(line_no, _sentry_text(entry), time=time, host=host, event_key=key)


def _mechanism(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    mechanism = entry.get("mechanism")
    return mechanism if isinstance(mechanism, dict) else {}


def _sentry_text(entry: Mapping[str, Any]) -> str:
    """One chain entry as the ``NSError`` text it stands for, which the scanner reads.

    ``Error Domain=<domain> Code=<code> "<description>" UserInfo={key=value, …}``,
    without ``NSUnderlyingError`` (the next entry of the chain is its own record).
    """
    mechanism = _mechanism(entry)
    meta = mechanism.get("meta")
    ns_error = meta.get("ns_error") if isinstance(meta, dict) else None
    domain = code = None
    if isinstance(ns_error, dict):
        domain, code = _str(ns_error.get("domain")), _int(ns_error.get("code"))
    value = _str(entry.get("value")) or ""
    described = _SENTRY_CODE.search(value)
    if code is None and described is not None:
        code = int(described[1])
    if domain is None:
        domain = _str(entry.get("type"))
    text = value[: described.start()] if described is not None else value
    parts = []
    if domain is not None and code is not None:
        parts.append(f"Error Domain={domain} Code={code}")
    if text.strip():
        parts.append(json.dumps(text.strip(), ensure_ascii=False))
    data = mechanism.get("data")
    if isinstance(data, dict):
        info = [
            f"{k}={v}"
            for k, v in data.items()
            if k != "NSUnderlyingError" and isinstance(v, (str, int, float))
        ]
        if info:
            parts.append("UserInfo={" + ", ".join(info) + "}")
    return " ".join(parts)


# --- reading ------------------------------------------------------------------------------


def _chunks(stream: IO[Any]) -> Iterator[str]:
    probe = stream.read(0)
    if isinstance(probe, str):
        while True:
            text = stream.read(_HEAD)
            if not text:
                return
            yield text
    read = getattr(stream, "read1", stream.read)
    decoder_state = b""
    while True:
        data = read(_HEAD)
        if not data:
            if decoder_state:
                yield decoder_state.decode("utf-8", "surrogateescape")
            return
        data = decoder_state + data
        cut = len(data)
        steps = 0
        while cut > 0 and steps < 3 and 0x80 <= data[cut - 1] <= 0xBF:
            cut -= 1
            steps += 1
        if cut > 0 and data[cut - 1] >= 0xC0:
            cut -= 1
        elif steps == 3 or cut == 0:
            cut = len(data)
        decoder_state = data[cut:]
        yield data[:cut].decode("utf-8", "surrogateescape")


def _plain(first: str, rest: Iterator[str], line_no: int) -> Iterator[LogRecord]:
    """Plain lines (LF, CRLF or CR), those longer than 1 MiB in pieces."""
    pending = first
    chunks = iter(rest)
    while True:
        more = next(chunks, None)
        if more is not None and "\n" not in more and "\r" not in more and pending[-1:] != "\r":
            pending += more  # no line ends: no need to split it all again
            while len(pending) > _LINE_PIECE:
                yield LogRecord(line_no, pending[:_LINE_PIECE])
                pending = pending[_LINE_PIECE:]
            continue
        if more is not None:
            pending += more
        held = ""
        if more is not None and pending.endswith("\r"):
            pending, held = pending[:-1], "\r"  # maybe the CR of a CRLF
        lines = _LINE_END.split(pending)
        tail = lines.pop() + held if more is not None else lines.pop()
        for line in lines:
            yield LogRecord(line_no, line)
            line_no += 1
        if more is None:
            if tail:
                yield LogRecord(line_no, tail)
            return
        while len(tail) > _LINE_PIECE:
            yield LogRecord(line_no, tail[:_LINE_PIECE])
            tail = tail[_LINE_PIECE:]
        pending = tail


def _json_stream(first: str, rest: Iterator[str]) -> Iterator[LogRecord]:
    """Decode a sequence of JSON values (ndjson, concatenated documents, one array)."""
    decoder = json.JSONDecoder()
    buffer = first
    chunks = iter(rest)
    line_no = 1
    at = _preamble(buffer)
    if at:
        yield LogRecord(1, buffer[:at].rstrip("\r\n"))
        line_no = 2
    in_array = False
    started = False
    exhausted = False

    def fill() -> bool:
        nonlocal buffer, at, exhausted
        more = next(chunks, None)
        if more is None:
            exhausted = True
            return False
        buffer = buffer[at:] + more
        at = 0
        return True

    while True:
        while True:
            skipped = _skip(buffer, at) if in_array else _skip_ws(buffer, at)
            line_no += buffer.count("\n", at, skipped)
            at = skipped
            if at < len(buffer) or not fill():
                break
        if at >= len(buffer):
            return
        if not in_array and buffer[at] == "[" and not started:
            started = True
            in_array = True
            at += 1
            continue
        if in_array and buffer[at] == "]":
            in_array = False
            at += 1
            continue
        try:
            value, end = decoder.raw_decode(buffer, at)
        except (json.JSONDecodeError, RecursionError) as error:
            incomplete = isinstance(error, json.JSONDecodeError) and _incomplete(error, buffer)
            if incomplete and not exhausted and len(buffer) - at < _MAX_VALUE and fill():
                continue
            yield from _plain(buffer[at:], chunks, line_no)
            return
        started = True
        raw = buffer[at:end]
        yield from records_from_json(value, line_no, raw)
        line_no += raw.count("\n")
        at = end


def _skip_ws(text: str, at: int) -> int:
    while at < len(text) and text[at] in _WS:
        at += 1
    return at


def _head(chunks: Iterator[str]) -> tuple[str, str | None]:
    """Read until the format is known (a live stream is not kept waiting for 64 KiB)."""
    head = ""
    for chunk in chunks:
        head += chunk
        kind = _detect(head, final=len(head) >= _HEAD)
        if kind is not _MORE:
            return head, kind
    return head, detect(head)


def structured_records(stream: IO[Any]) -> Iterator[LogRecord] | None:
    """Records of *stream* if it starts as a structured log, else None.

    When None is returned a seekable stream is back at its start; for one that is not
    seekable, use :func:`read_records`, which never loses what it read.
    """
    chunks = _chunks(stream)
    head, kind = _head(chunks)
    if kind is None:
        if stream.seekable():
            stream.seek(0)
            return None
        return _plain(head, chunks, 1)
    return _json_stream(head, chunks)


def read_records(stream: IO[Any]) -> Iterator[LogRecord]:
    """Every record of *stream* (binary or text): structured logs by their fields, else lines.

    The format is detected from the start of the input (at most 64 KiB, less as soon as
    it is clear); a structured log that stops being valid JSON is read on as plain lines
    from there.  Memory is bounded by the largest record (plain lines longer than 1 MiB
    come in pieces with the same ``line_no``).  Data is taken as it arrives, so this
    also reads ``log stream --style ndjson`` live.
    """
    chunks = _chunks(stream)
    head, kind = _head(chunks)
    if kind is None:
        yield from _plain(head, chunks, 1)
    else:
        yield from _json_stream(head, chunks)


# --- annotate --ndjson ----------------------------------------------------------------------


def _path(path: str) -> list[str]:
    return [part for part in path.split(".") if part]


def _at_path(value: Any, parts: Sequence[str], prefix: str) -> Iterator[tuple[str, Any]]:
    if not parts:
        yield prefix, value
        return
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    name = head[:-2] if many else head
    if name:
        if not isinstance(value, dict) or name not in value:
            return
        value = value[name]
        prefix = f"{prefix}.{name}" if prefix else name
    if many:
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _at_path(item, rest, f"{prefix}[{index}]")
        return
    yield from _at_path(value, rest, prefix)


def _named(value: Any, names: frozenset[str], prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if key in names and isinstance(item, str):
                yield path, item
            else:
                yield from _named(item, names, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _named(item, names, f"{prefix}[{index}]")


def _leaves(value: Any, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield prefix, value
    elif isinstance(value, dict):
        numbers = [
            f"{k}={v}"
            for k, v in value.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        ]
        if "domain" in value and "code" in value and _int(value.get("code")) is not None:
            yield prefix, f"Error Domain={value['domain']} Code={value['code']}"
        elif numbers:
            yield prefix, ", ".join(numbers)
        for key, item in value.items():
            yield from _leaves(item, f"{prefix}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{prefix}[{index}]")


def _ndjson_strings(value: Any, fields: Sequence[str]) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    sources: list[Iterator[tuple[str, str]]] = [_named(value, frozenset(DEFAULT_FIELDS), "")]
    for mechanism_path, mechanism in _at_path(value, _path("exception.values[].mechanism"), ""):
        sources.append(_leaves(mechanism, mechanism_path))
    for field in fields:
        for path, item in _at_path(value, _path(field), ""):
            if isinstance(item, str):
                sources.append(iter([(path, item)]))
    for source in sources:
        for path, text in source:
            if path not in seen:
                seen.add(path)
                yield path, text


def ndjson_findings(value: Any, line_no: int, fields: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The finding objects ``annotate --ndjson`` adds to one decoded record.

    Each is :meth:`Finding.to_json` with ``line`` set to *line_no* and a ``field``
    naming where the code was (``exception.values[0].mechanism.data``); ``column`` and
    ``span`` count within that field's string (for numbers, within the
    ``key=value`` text the field's numbers make).
    """
    from ._scan import scan  # noqa: PLC0415 - the scanner loads only when used

    found: list[dict[str, Any]] = []
    for path, text in _ndjson_strings(value, fields):
        for finding in scan(text):
            record = {"field": path, **finding.to_json()}
            record["line"] = line_no
            found.append(record)
    return found
