"""Event times: the timestamp prefixes of Apple's log tools, read as ISO 8601."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from atscodes._timestamps import iso_time, line_time

CORPUS = {
    row["id"]: row
    for row in (
        json.loads(line)
        for line in (Path(__file__).parent / "data" / "corpus.jsonl").read_text().splitlines()
    )
}


@pytest.mark.parametrize(
    ("excerpt", "prefix"),
    [
        # Unified log / Xcode console lines quoted in public issues (tests/data/corpus.jsonl).
        ("appsales-62-trust-9813", "2022-06-07 20:16:48.875502+0200"),
        ("carekit-mbaas-21-trust-9807", "2020-05-28 11:39:01.480972-0700"),
        ("trustkit-223-boringssl-alert-40", "2020-03-22 23:03:44.216832+0300"),
    ],
)
def test_unified_log_prefix_agrees_with_strptime(excerpt: str, prefix: str) -> None:
    """The result is what the standard library makes of the same prefix (an independent reader)."""
    line = CORPUS[excerpt]["text"].splitlines()[0]
    assert line.startswith(prefix)
    expected = datetime.strptime(prefix, "%Y-%m-%d %H:%M:%S.%f%z").isoformat()
    assert line_time(line) == expected


def test_nslog_form_without_offset_is_local_time() -> None:
    # NSLog's older form: "2016-06-09 10:27:35.514 App[2136:54016] …" (no offset printed).
    line = "2016-06-09 10:27:35.514 App[2136:54016] NSURLSession/NSURLConnection HTTP load failed"
    assert line_time(line) == "2016-06-09T10:27:35.514"
    assert datetime.fromisoformat(line_time(line) or "").tzinfo is None


def test_console_app_tab_separated_row() -> None:
    """Console.app rows (github/CopilotForXcode issue 35): type, time of day, process, message."""
    line = CORPUS["copilot-xcode-35-trust-result-0-neg"]["text"].splitlines()[0]
    assert line_time(line) == "14:40:22.585542+09:00"


def test_syslog_prefix_has_no_year_unless_given() -> None:
    line = "Jul  1 21:40:07 iPhone MyApp[123] <Notice>: Task <A>.<1> finished with error"
    assert line_time(line) == "--07-01T21:40:07"
    assert line_time(line, year=2025) == "2025-07-01T21:40:07"
    assert line_time("Dec 31 23:59:59 host x[1]: y") == "--12-31T23:59:59"


@pytest.mark.parametrize(
    "line",
    [
        "2025-13-24 14:32:34.176682+0300 month 13",
        "2025-06-24 25:32:34 hour 25",
        "Foo  1 21:40:07 not a month",
        "TIC TCP Conn Failed [1:0x1c4164c80]: 3:-9802 Err(-9802)",
        "12:8 is a pair, not a time",
        "",
    ],
)
def test_no_time_where_there_is_none(line: str) -> None:
    assert line_time(line) is None


def test_ndjson_timestamp_field() -> None:
    # `log show --style ndjson` writes "timestamp" : "2025-06-24 14:32:34.176682+0300".
    assert iso_time("2025-06-24 14:32:34.176682+0300") == "2025-06-24T14:32:34.176682+03:00"
    assert iso_time("2025-06-24T14:32:34Z") == "2025-06-24T14:32:34Z"
    assert iso_time("yesterday") is None


def test_only_the_start_of_a_long_line_is_read() -> None:
    assert line_time("x" * 10_000_000) is None
    assert line_time("2025-06-24 14:32:34+0300 " + "y" * 1_000_000) == "2025-06-24T14:32:34+03:00"


def test_console_app_row_with_a_space_before_the_offset() -> None:
    """A Console.app row quoted in avocode issue 1291: "error<TAB>16:57:42.591193 -0500<TAB>…"."""
    line = CORPUS["avocode-1291-sketch-1003"]["text"].splitlines()[0]
    assert line_time(line) == "16:57:42.591193-05:00"


@pytest.mark.parametrize(
    "line",
    [
        # dates that do not exist (a black-box review: they became event times that the
        #   report then could not place)
        "2025-02-30 14:32:34.176682+0300 MyApp[1:2] x",
        "2025-13-40 99:99:99.0+0300 MyApp[1:2] x",
        "2023-02-29 10:00:00.000000+0000 MyApp[1:2] x",
        "Apr 31 10:00:00 iPhone MyApp[1] <Notice>: x",
    ],
)
def test_impossible_dates_are_no_time(line: str) -> None:
    from atscodes._structured import iso_time

    assert line_time(line) is None
    assert iso_time(line.split(" MyApp", maxsplit=1)[0]) is None


def test_a_leap_day_is_a_time() -> None:
    assert line_time("2024-02-29 10:00:00 x") == "2024-02-29T10:00:00"
    assert line_time("Feb 29 10:00:00 iPhone x") == "--02-29T10:00:00"
