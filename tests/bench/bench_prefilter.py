"""The prefilter's search plan against the same markers searched two bytes at a time, in process.

annotate's prefilter (`atscodes._prefilter`) joins markers into one regular expression when
they share their first two bytes, or only their first when the input seldom has that byte
(``(-`` and ``(fd``).  This times `Prefilter.line_ranges` over a generated ~60 MB device log
(`logmix.py`) in blocks of 1 MiB, as annotate reads it, with that plan and with first-byte
sharing turned off (every group keyed by two bytes, one pass more on this log), alternating
the two; medians are compared.  The lines found are checked to be the same.

Usage: python tests/bench/bench_prefilter.py [--size-mb 60] [--rounds 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from logmix import write_log

from atscodes import _prefilter


def _timed(blocks: list[bytes], shared: float) -> tuple[float, int, list[dict[int, int]]]:
    """Seconds to search every block with first-byte sharing at *shared*, passes, lines."""
    saved = _prefilter._SHARED_FIRST
    _prefilter._SHARED_FIRST = shared  # read when a plan is made
    try:
        prefilter = _prefilter.Prefilter(_prefilter._CANDIDATE_MARKERS)
        start = time.perf_counter()
        found = [prefilter.line_ranges(block) for block in blocks]
        seconds = time.perf_counter() - start
    finally:
        _prefilter._SHARED_FIRST = saved
    assert prefilter._plan is not None
    return seconds, len(prefilter._plan[1]), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "device.log"
        write_log(path, args.size_mb * 1_000_000)
        data = path.read_bytes()
    blocks = [data[at : at + (1 << 20)] for at in range(0, len(data), 1 << 20)]
    plan: list[float] = []
    two_bytes: list[float] = []
    passes = {}
    for _ in range(args.rounds):
        seconds, passes["plan"], found = _timed(blocks, _prefilter._SHARED_FIRST)
        plan.append(seconds)
        seconds, passes["two_bytes"], found_two = _timed(blocks, 0.0)
        two_bytes.append(seconds)
        assert found == found_two, "the two plans found different lines"
    result = {
        "size_mb": args.size_mb,
        "rounds": args.rounds,
        "regex_passes_plan": passes["plan"],
        "regex_passes_two_bytes": passes["two_bytes"],
        "seconds_plan": round(statistics.median(plan), 4),
        "seconds_two_bytes": round(statistics.median(two_bytes), 4),
        "ratio_plan_vs_two_bytes": round(statistics.median(plan) / statistics.median(two_bytes), 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        print(f"{key:<28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
