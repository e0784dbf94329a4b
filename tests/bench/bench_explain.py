"""explain on whole logs: memory against input size, growth of time, CR-only logs.

1. Memory: peak resident memory of `atscodes explain --json FILE` on a 5 MB and a 50 MB
   generated device log (`logmix.py`), each in a fresh interpreter, against the peak of
   the interpreter that only imports explain's machinery (the baseline).  Target: the
   50 MB peak within 2x the 5 MB peak.
2. Time: the same two runs against a plain Python line copy of the same files, and the
   50 MB / 5 MB growth (linear: about 10x).
3. CR-only line ends: the 5 MB log with every LF turned into CR, against the LF file.
4. `'SSL alert number 42 ' * 40_000` against `* 10_000` in `explain()` (linear: about 4x).
5. `head -c 300M /dev/zero | atscodes explain -`: exit status and peak memory.

Usage: python tests/bench/bench_explain.py [--small-mb 5] [--large-mb 50] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from logmix import peak, write_log

_COPY = (
    "import sys\n"
    "with open(sys.argv[1], 'rb') as f, open('/dev/null', 'wb') as o:\n"
    "    for line in f:\n"
    "        o.write(line)\n"
)
_ALERTS = (
    "import sys, time, atscodes\n"
    "text = 'SSL alert number 42 ' * int(sys.argv[1])\n"
    "atscodes.explain(text)\n"
    "start = time.perf_counter(); atscodes.explain(text)\n"
    "print(time.perf_counter() - start)\n"
)


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    with open("/dev/null", "wb") as out:
        subprocess.run(argv, stdout=out, check=False)
    return time.perf_counter() - start


def _explain(path: Path) -> list[str]:
    return [sys.executable, "-m", "atscodes", "explain", "--json", str(path)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-mb", type=int, default=5)
    parser.add_argument("--large-mb", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        small, large, cr = Path(tmp, "small.log"), Path(tmp, "large.log"), Path(tmp, "cr.log")
        write_log(small, args.small_mb << 20)
        write_log(large, args.large_mb << 20)
        cr.write_bytes(small.read_bytes().replace(b"\n", b"\r"))

        base = peak([sys.executable, "-c", "import atscodes._explain, atscodes._events"])[0]
        small_peak = peak(_explain(small))[0]
        large_peak = peak(_explain(large))[0]
        results["memory_kb"] = {"baseline": base, "small": small_peak, "large": large_peak}
        results["memory_large_over_small"] = round(large_peak / small_peak, 2)

        times: dict[str, list[float]] = {"copy": [], "small": [], "large": [], "lf": [], "cr": []}
        for _ in range(args.rounds):
            times["copy"].append(_timed([sys.executable, "-c", _COPY, str(large)]))
            times["small"].append(_timed(_explain(small)))
            times["large"].append(_timed(_explain(large)))
            times["lf"].append(_timed(_explain(small)))
            times["cr"].append(_timed(_explain(cr)))
        medians = {k: statistics.median(v) for k, v in times.items()}
        results["seconds"] = {k: round(v, 3) for k, v in medians.items()}
        results["large_over_copy"] = round(medians["large"] / medians["copy"], 2)
        results["time_large_over_small"] = round(medians["large"] / medians["small"], 2)
        results["cr_over_lf"] = round(medians["cr"] / medians["lf"], 2)

    alert_times = {}
    for count in (10_000, 40_000):
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", _ALERTS, str(count)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(args.rounds)
        ]
        alert_times[count] = statistics.median(runs)
    results["alerts_40k_over_10k"] = round(alert_times[40_000] / alert_times[10_000], 2)

    zero = peak(["sh", "-c", f"head -c 300M /dev/zero | {sys.executable} -m atscodes explain -"])
    results["zeros_300M"] = {"peak_kb": zero[0], "exit": zero[1]}

    if args.json:
        print(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
