"""atscodes report on whole logs: memory and time against explain on the same log.

1. Memory: peak resident memory of `atscodes report --max-events 100 FILE -o OUT` on a
   5 MB and a 50 MB generated device log (`logmix.py`), each in a fresh interpreter,
   against `atscodes explain --json FILE` on the same file (the baseline: the report
   streams through explain and keeps only the events it lists).  Target: the report's
   50 MB peak within 2x its 5 MB peak, and within 1.5x of explain's peak.
2. Time: the same runs; the report reads each log twice (explain, then the listed
   lines), so about 1x to 2x explain's time, and linear growth from 5 to 50 MB.

Usage: python tests/bench/bench_report.py [--small-mb 5] [--large-mb 50] [--rounds 3] [--json]
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
from logmix import peak, write_log


def _run(argv: list[str]) -> tuple[float, int]:
    """Seconds and peak resident kB of *argv*, in a fresh interpreter."""
    start = time.perf_counter()
    peak_kb, _ = peak(argv)
    return time.perf_counter() - start, peak_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-mb", type=int, default=5)
    parser.add_argument("--large-mb", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        logs = {"small": Path(tmp, "small.log"), "large": Path(tmp, "large.log")}
        write_log(logs["small"], args.small_mb << 20)
        write_log(logs["large"], args.large_mb << 20)
        out = Path(tmp, "report.html")
        for size, path in logs.items():
            runs: dict[str, list[tuple[float, int]]] = {"report": [], "explain": []}
            for _ in range(args.rounds):  # alternate, so that noise hits both alike
                report = ["-m", "atscodes", "report", "--max-events", "100", str(path)]
                runs["report"].append(_run([sys.executable, *report, "-o", str(out)]))
                explain = ["-m", "atscodes", "explain", "--json", str(path)]
                runs["explain"].append(_run([sys.executable, *explain]))
            for name, values in runs.items():
                results[f"{name}_{size}_seconds"] = statistics.median(t for t, _ in values)
                results[f"{name}_{size}_peak_kb"] = max(m for _, m in values)
    results["report_peak_growth"] = (
        results["report_large_peak_kb"] / results["report_small_peak_kb"]
    )
    results["report_vs_explain_peak_large"] = (
        results["report_large_peak_kb"] / results["explain_large_peak_kb"]
    )
    results["report_vs_explain_time_large"] = (
        results["report_large_seconds"] / results["explain_large_seconds"]
    )
    results["report_time_growth"] = (
        results["report_large_seconds"] / results["report_small_seconds"]
    )
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        print(f"{key:32} {value:10.2f}")


if __name__ == "__main__":
    main()
