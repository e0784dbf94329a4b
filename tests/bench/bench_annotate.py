"""annotate throughput, hostile lines, CR-only logs and memory, as ratios in one run.

1. Throughput: `atscodes annotate < device.log` over a generated ~60 MB device log
   (`logmix.py`, about 1 % of lines with codes) against the plain Python line copy
   `for line in sys.stdin.buffer: sys.stdout.buffer.write(line)` on the same stdin.
   annotate runs with `--jobs 1` (one process), with `--jobs 2`, and with the default
   (every core for a regular file this large); also `annotate --remove`, and annotate
   reading a pipe (`cat log | atscodes annotate`, always one process, line by line).
   Each command runs in a fresh interpreter, in alternating order, output to /dev/null;
   medians of wall-clock time are compared, and of CPU time (user + system, all of the
   command's processes), which a loaded machine disturbs less.
2. Hostile line: one 5 MB line of long runs of what the patterns look for ("Code=-",
   "[3:", "-", "9", "Error Domain=", ...) against a 5 MB ordinary log line, in process;
   also the same line with a digit in every 64 characters (reported, no target).
3. CR-only: the same device log with CR line ends against the LF one, in process.
4. Memory: peak resident memory of `atscodes annotate` streaming a 6 MB and a 60 MB log.

Usage: python tests/bench/bench_annotate.py [--size-mb 60] [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from logmix import write_log

_COPY = "import sys\nfor line in sys.stdin.buffer:\n    sys.stdout.buffer.write(line)\n"
_PEAK = (
    "import resource, subprocess, sys\n"
    "with open('/dev/null', 'wb') as out:\n"
    "    subprocess.run([sys.executable, '-m', 'atscodes', 'annotate', '-j', '1', sys.argv[1]],"
    " stdout=out, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(argv: list[str], path: Path, *, pipe: bool = False) -> tuple[float, float]:
    """Wall-clock and CPU seconds (all processes, cat excluded only approximately)."""
    cpu = _cpu()
    start = time.perf_counter()
    with open("/dev/null", "wb") as out:
        if pipe:
            cat = subprocess.Popen(["cat", str(path)], stdout=subprocess.PIPE)
            subprocess.run(argv, stdin=cat.stdout, stdout=out, check=False)
            cat.wait()
        else:
            with path.open("rb") as stdin:
                subprocess.run(argv, stdin=stdin, stdout=out, check=False)
    return time.perf_counter() - start, _cpu() - cpu


def throughput(path: Path, annotated: Path, rounds: int) -> dict[str, float]:
    atscodes = [sys.executable, "-m", "atscodes", "annotate"]
    commands = {
        "copy": ([sys.executable, "-c", _COPY], path, False),
        "annotate_jobs1": ([*atscodes, "-j", "1"], path, False),
        "annotate_jobs2": ([*atscodes, "-j", "2"], path, False),
        "annotate_default": (atscodes, path, False),
        "annotate_pipe": (atscodes, path, True),
        "remove": ([*atscodes, "--remove"], annotated, False),
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for index in range(rounds):
        names = list(commands) if index % 2 == 0 else list(reversed(commands))
        for name in names:
            argv, source, pipe = commands[name]
            samples[name].append(_timed(argv, source, pipe=pipe))
    wall = {name: statistics.median(s[0] for s in values) for name, values in samples.items()}
    cpu = {name: statistics.median(s[1] for s in values) for name, values in samples.items()}
    size_mb = path.stat().st_size / 1e6
    result = {
        "size_mb": size_mb,
        "cores": float(os.cpu_count() or 1),
        "load_average_1min": os.getloadavg()[0],
    }
    for name in commands:
        result[f"seconds_{name}"] = wall[name]
        result[f"cpu_seconds_{name}"] = cpu[name]
        if name != "copy":
            result[f"ratio_{name}_vs_copy"] = wall[name] / wall["copy"]
            result[f"cpu_ratio_{name}_vs_copy"] = cpu[name] / cpu["copy"]
    return result


def _best(data: bytes, rounds: int = 3) -> float:
    from atscodes._annotate import process

    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _finding in process(io.BytesIO(data), io.BytesIO()):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def hostile_line(size: int) -> dict[str, float]:
    pieces = ["Code=-", "[3:", "-", "9", "Error Domain=", "error code: -", "Err(", "]: "]
    unit = "".join(p * 40 for p in pieces)
    hostile = (unit * (size // len(unit) + 1))[:size].encode()
    ordinary = (
        ("2026-11-27 02:09:49.123456-0800 MyApp: (CFNetwork) Task resuming, error count 0 ")
        * (size // 80 + 1)
    )[:size].encode()
    # The same runs with a digit in every 64 characters: too many for the scanner to skip
    #   the stretches between digits (atscodes._scan._digit_windows), so every fragment
    #   runs over all of it, and the digits make codes ("Code=-7") that are found and
    #   annotated.  Reported beside the target, which is for the line above.
    dense = b"".join(hostile[i : i + 63] + b"7" for i in range(0, len(hostile), 63))[:size]
    ordinary_s, hostile_s, dense_s = _best(ordinary), _best(hostile), _best(dense)
    return {
        "seconds_ordinary_line": ordinary_s,
        "seconds_hostile_line": hostile_s,
        "seconds_hostile_dense_line": dense_s,
        "ratio_hostile_vs_ordinary": hostile_s / ordinary_s,
        "ratio_hostile_dense_vs_ordinary": dense_s / ordinary_s,
    }


def cr_only(path: Path) -> dict[str, float]:
    lf = path.read_bytes()[:20_000_000]
    cr = lf.replace(b"\n", b"\r")
    lf_s, cr_s = _best(lf), _best(cr)
    return {"seconds_lf_20mb": lf_s, "seconds_cr_20mb": cr_s, "ratio_cr_vs_lf": cr_s / lf_s}


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
    parser.add_argument("--size-mb", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "device.log"
        small = Path(tmp) / "device-small.log"
        annotated = Path(tmp) / "device.annotated.log"
        write_log(big, args.size_mb * 1_000_000)
        write_log(small, max(1, args.size_mb // 10) * 1_000_000)
        with big.open("rb") as stdin, annotated.open("wb") as out:
            subprocess.run(
                [sys.executable, "-m", "atscodes", "annotate"], stdin=stdin, stdout=out, check=False
            )
        result = {
            **throughput(big, annotated, args.rounds),
            **hostile_line(5_000_000),
            **cr_only(big),
            **peak_memory({"small": small, "large": big}),
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        print(f"{key:<36} {value:10.3f}")
    print(
        "targets: ratio_annotate_*_vs_copy <= 2, ratio_hostile_vs_ordinary <= 2, "
        "ratio_cr_vs_lf about 1, peak memory flat between the small and the large file"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
