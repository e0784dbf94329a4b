"""Growth of scan() cost on hostile inputs, against an ordinary log line of the same size.

For each input issue 11 names (tests/scan_hostile.py), scan() is timed at 10, 40 and
160 kB (best of --rounds), alternating with an ordinary device-log text of the same size
as the baseline.  Reported per input: seconds at 10 kB, the growth factor for each 4x
step (linear is about 4, quadratic 16), and the hostile/ordinary ratio at 160 kB.  The
generated inputs (every grammar piece repeated and padded) are summarised by their worst
growth factor.

Usage: python tests/bench/bench_scan_growth.py [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan_hostile import NAMED, generated

from atscodes import scan

_ORDINARY = (
    "2023-05-02 10:11:12.131415+0200 App[123:4567] [Network] nw_connection_report_state"
    " [C7] reporting state ready\n"
)
SIZES = (10_000, 40_000, 160_000)


def _cost(text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        list(scan(text))
        best = min(best, time.perf_counter() - start)
    return best


def _ordinary(size: int) -> str:
    return (_ORDINARY * (size // len(_ORDINARY) + 1))[:size]


def run(rounds: int) -> dict[str, object]:
    named: dict[str, dict[str, float]] = {}
    for name, make in NAMED.items():
        costs, baseline = [], []
        for size in SIZES:
            costs.append(_cost(make(size), rounds))
            baseline.append(_cost(_ordinary(size), rounds))
        named[name] = {
            "seconds_10kB": costs[0],
            "growth_10_to_40kB": costs[1] / costs[0],
            "growth_40_to_160kB": costs[2] / costs[1],
            "ratio_vs_ordinary_160kB": costs[2] / baseline[2],
        }
    worst_name, worst = "", 0.0
    for name, make in generated():
        small, large = _cost(make(10_000), rounds), _cost(make(40_000), rounds)
        if large / small > worst:
            worst_name, worst = name, large / small
    return {"named": named, "generated_worst_growth": worst, "generated_worst": worst_name}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'input':30s} {'s @10kB':>9s} {'x 10->40':>9s} {'x 40->160':>10s} {'vs ordinary':>12s}")
    for name, row in result["named"].items():  # type: ignore[attr-defined]
        print(
            f"{name:30s} {row['seconds_10kB']:9.4f} {row['growth_10_to_40kB']:9.1f}"
            f" {row['growth_40_to_160kB']:10.1f} {row['ratio_vs_ordinary_160kB']:12.1f}"
        )
    print(
        f"generated inputs: worst growth 10->40 kB x{result['generated_worst_growth']:.1f}"
        f" ({result['generated_worst']})"
    )
    print("target: growth about 4 per 4x step (16 would be quadratic), well under 1 s at 10 kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
