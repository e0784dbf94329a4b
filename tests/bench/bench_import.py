"""Import cost of atscodes as a ratio to importing attrs, measured in one run.

Each round starts a fresh interpreter for ``import attrs``, one for
``import atscodes`` and, for information, one that also makes a first
``lookup()``, in alternating order; the ratio of the medians is reported
(and of the medians minus a bare ``python -c pass``, which isolates the import).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time


def _once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def measure(rounds: int) -> dict[str, float]:
    codes = {
        "pass": "pass",
        "attrs": "import attrs",
        "atscodes": "import atscodes",
        # For transparency: the first look-up also loads the lazily imported parts.
        "first_lookup": "import atscodes; atscodes.lookup('-1200 [3:-9802]')",
    }
    samples: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(3):  # warm the file system cache
        for code in codes.values():
            _once(code)
    for index in range(rounds):
        order = list(codes) if index % 2 == 0 else list(reversed(codes))
        for name in order:
            samples[name].append(_once(codes[name]))
    median = {name: statistics.median(values) for name, values in samples.items()}
    return {
        "median_s_pass": median["pass"],
        "median_s_attrs": median["attrs"],
        "median_s_atscodes": median["atscodes"],
        "ratio_process": median["atscodes"] / median["attrs"],
        "ratio_import_only": (median["atscodes"] - median["pass"])
        / (median["attrs"] - median["pass"]),
        "median_s_first_lookup": median["first_lookup"],
        "ratio_first_lookup": median["first_lookup"] / median["attrs"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"python -c pass            median {result['median_s_pass'] * 1000:7.1f} ms")
    print(f"python -c 'import attrs'  median {result['median_s_attrs'] * 1000:7.1f} ms")
    print(f"python -c 'import atscodes' median {result['median_s_atscodes'] * 1000:5.1f} ms")
    print(f"ratio atscodes/attrs, whole process: {result['ratio_process']:.2f}x (target <= 1.3x)")
    print(f"ratio atscodes/attrs, import only:   {result['ratio_import_only']:.2f}x")
    print(
        f"import + first lookup() (loads SecError, translation): median "
        f"{result['median_s_first_lookup'] * 1000:.1f} ms, "
        f"{result['ratio_first_lookup']:.2f}x attrs (information, no target)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
