"""annotate throughput, linear time on hostile input, and flat memory, as ratios in one run.

1. Throughput: `atscodes annotate` over a generated ~100 MB device log (about 1 % of
   lines with codes) against a plain Python copy of the same file line by line (read,
   write, nothing else), both in binary and in text mode.  Each is run in a fresh
   interpreter, alternating, output to /dev/null; medians are compared.
2. Linear time: scanning a 10 MB hostile line (long runs of "Code=", "[3:", "-", digits,
   "Error Domain=") against a 10 MB ordinary line.
3. Memory: peak resident memory of `atscodes annotate` streaming 10 MB and 100 MB.

Usage: python tests/bench/bench_annotate.py [--size-mb 100] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from logmix import write_log

_COPY_BINARY = (
    "import sys\n"
    "with open(sys.argv[1], 'rb') as f, open('/dev/null', 'wb') as o:\n"
    "    for line in f:\n"
    "        o.write(line)\n"
)
_COPY_TEXT = (
    "import sys\n"
    "with open(sys.argv[1], encoding='utf-8', errors='surrogateescape') as f, "
    "open('/dev/null', 'w', encoding='utf-8', errors='surrogateescape') as o:\n"
    "    for line in f:\n"
    "        o.write(line)\n"
)
_PEAK = (
    "import resource, subprocess, sys\n"
    "with open('/dev/null', 'wb') as out:\n"
    "    subprocess.run([sys.executable, '-m', 'atscodes', 'annotate', sys.argv[1]],"
    " stdout=out, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    with open("/dev/null", "wb") as out:
        subprocess.run(argv, stdout=out, check=False)
    return time.perf_counter() - start


def throughput(path: Path, rounds: int) -> dict[str, float]:
    commands = {
        "copy_binary": [sys.executable, "-c", _COPY_BINARY, str(path)],
        "copy_text": [sys.executable, "-c", _COPY_TEXT, str(path)],
        "annotate": [sys.executable, "-m", "atscodes", "annotate", str(path)],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for index in range(rounds):
        names = list(commands) if index % 2 == 0 else list(reversed(commands))
        for name in names:
            samples[name].append(_timed(commands[name]))
    size_mb = path.stat().st_size / 1e6
    median = {name: statistics.median(values) for name, values in samples.items()}
    return {
        "size_mb": size_mb,
        **{f"mb_per_s_{name}": size_mb / t for name, t in median.items()},
        "ratio_vs_binary_copy": median["annotate"] / median["copy_binary"],
        "ratio_vs_text_copy": median["annotate"] / median["copy_text"],
    }


def linearity(size: int) -> dict[str, float]:
    from atscodes._annotate import process

    pieces = ["Code=-", "[3:", "-", "9", "Error Domain=", "error code: -", "Err(", "]: "]
    unit = "".join(p * 40 for p in pieces)
    hostile = (unit * (size // len(unit) + 1))[:size].encode()
    ordinary = (
        ("2026-11-27 02:09:49.123456-0800 MyApp: (CFNetwork) Task resuming, error count 0 ")
        * (size // 80 + 1)
    )[:size].encode()
    best = {"ordinary": float("inf"), "hostile": float("inf")}
    for _ in range(3):
        for name, data in (("ordinary", ordinary), ("hostile", hostile)):
            start = time.perf_counter()
            for _finding in process(io.BytesIO(data), io.BytesIO()):
                pass
            best[name] = min(best[name], time.perf_counter() - start)
    return {
        "seconds_ordinary_line": best["ordinary"],
        "seconds_hostile_line": best["hostile"],
        "ratio_hostile_vs_ordinary": best["hostile"] / best["ordinary"],
    }


def peak_memory(paths: dict[str, Path]) -> dict[str, float]:
    result = {}
    for name, path in paths.items():
        out = subprocess.run(
            [sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True
        )
        result[f"peak_rss_mb_{name}"] = int(out.stdout.strip()) / 1024
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "device.log"
        small = Path(tmp) / "device-small.log"
        write_log(big, args.size_mb * 1_000_000)
        write_log(small, max(1, args.size_mb // 10) * 1_000_000)
        result = {
            **throughput(big, args.rounds),
            **linearity(10_000_000),
            **peak_memory({"small": small, "large": big}),
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        print(f"{key:<32} {value:10.3f}")
    print(
        "targets: ratio_vs_binary_copy <= 2, ratio_hostile_vs_ordinary <= 2, "
        "peak memory flat between the small and the large file"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
