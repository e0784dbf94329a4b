"""A report of a big log costs what the events shown cost, not what the log costs.

Complexity tests, not timings: the same log shape at 1x and 4x, compared in one run,
with wide margins (the machine is shared).  The log repeats tests/test_report.py's
hand-counted LOG between runs of a plain connection line.
"""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path

from atscodes import explain_log
from atscodes._cli import main
from atscodes._report import build, render_html

from .test_report import CAUSES, LOG

_NOISE = (
    "2025-06-24 14:32:34.176682+0300 Demo[812:3501] [com.apple.network:connection] "
    "nw_connection_report_state_with_handler [C12] reporting state ready\n"
)
_UNIT = _NOISE * 300 + LOG + "\n"
_TASK = re.compile(r"Task <(\w+)>")


def _log(megabytes: float) -> tuple[str, int]:
    """About *megabytes* of log, and how many copies of LOG it holds (each with its own
    Task identifiers, as every load has)."""
    units = int(megabytes * 1_000_000 // len(_UNIT))
    parts = (_TASK.sub(rf"Task <\1-{i:x}>", _UNIT) for i in range(units))
    return "".join(parts), units


def _report_cost(text: str) -> tuple[float, int, int]:
    """Seconds and peak bytes allocated to build and render the page, and its length."""
    report = explain_log(text)
    tracemalloc.start()
    try:
        start = time.perf_counter()
        page = render_html(build([("big.log", report, text)], max_events=50))
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return seconds, peak, len(page)


def test_a_4x_log_gives_the_same_page_in_the_same_memory_and_about_4x_time() -> None:
    small, _ = _log(3)
    large, _ = _log(12)
    small_time, small_peak, small_page = _report_cost(small)
    large_time, large_peak, large_page = _report_cost(large)
    # The events shown are the same (50 per cause): the page and the memory stay put.
    assert large_page < small_page * 1.05
    assert large_peak < small_peak * 1.5 + 200_000
    # Counting 4x the events costs about 4x, never 16x.
    assert large_time < small_time * 10 + 0.5


def test_a_50_mb_log(tmp_path: Path) -> None:
    text, units = _log(50)
    assert len(text) > 49_000_000
    log = tmp_path / "big.log"
    log.write_text(text, encoding="utf-8")
    del text
    out = tmp_path / "report.html"
    assert main(["report", str(log), "-o", str(out), "--max-events", "100"]) == 0
    page = out.read_text(encoding="utf-8")
    assert len(page) < 1_000_000
    assert page.count('<tr id="L0-') == 100 * len(CAUSES)
    for count in CAUSES.values():
        assert f"<strong>{units * count - 100} more</strong>" in page


def _read_cost(path: Path) -> tuple[int, int]:
    """Peak bytes allocated to read, explain and render the log at *path*, and events."""
    from atscodes._report import Collector, read_log

    tracemalloc.start()
    try:
        collector = Collector(max_events=50)
        read_log(str(path), "big.log", collector)
        render_html(collector.report())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, collector.seen


def test_reading_a_4x_log_takes_the_same_memory(tmp_path: Path) -> None:
    """The file is streamed: memory follows the events listed, not the bytes or events read."""
    small_text, _ = _log(2)
    large_text, _ = _log(8)
    (tmp_path / "small.log").write_text(small_text, encoding="utf-8")
    (tmp_path / "large.log").write_text(large_text, encoding="utf-8")
    del small_text, large_text
    small_peak, small_events = _read_cost(tmp_path / "small.log")
    large_peak, large_events = _read_cost(tmp_path / "large.log")
    assert large_events > 3.5 * small_events
    assert large_peak < small_peak * 1.5 + 500_000
