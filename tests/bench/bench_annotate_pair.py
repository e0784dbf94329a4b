"""annotate of this checkout against annotate of another commit, in one run.

`atscodes annotate < device.log` (the default path) of the working tree and of a git commit
(checked out into a temporary worktree), and the plain Python line copy, each in a fresh
interpreter, in alternating order, over the same generated ~60 MB device log (`logmix.py`).
Medians of wall-clock time; each annotate is reported against the copy and against the other,
so that a change to the scanner or the prefilter is measured where the machine's noise hits
both sides alike.

Usage: python tests/bench/bench_annotate_pair.py COMMIT [--size-mb 60] [--rounds 10] [--json]
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
from logmix import write_log

_REPO = Path(__file__).resolve().parents[2]
_COPY = "import sys\nfor line in sys.stdin.buffer:\n    sys.stdout.buffer.write(line)\n"
_ANNOTATE = (
    "import sys\nsys.path.insert(0, sys.argv[1])\nfrom atscodes._cli import main\n"
    "sys.argv = ['atscodes', 'annotate']\nmain()\n"
)


def _timed(argv: list[str], log: Path) -> float:
    with log.open("rb") as stdin, open("/dev/null", "wb") as out:
        start = time.perf_counter()
        subprocess.run(argv, stdin=stdin, stdout=out, check=False)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", help="the commit to compare against (any git revision)")
    parser.add_argument("--size-mb", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        other = Path(scratch) / "other"
        subprocess.run(
            ["git", "-C", str(_REPO), "worktree", "add", "-q", "--detach", str(other), args.commit],
            check=True,
        )
        try:
            log = Path(scratch) / "device.log"
            write_log(log, args.size_mb << 20)
            commands = {
                "copy": [sys.executable, "-c", _COPY],
                "this": [sys.executable, "-c", _ANNOTATE, str(_REPO)],
                "other": [sys.executable, "-c", _ANNOTATE, str(other)],
            }
            for path in (_REPO, other):  # byte-compile both first, as an install would
                subprocess.run(
                    [sys.executable, "-m", "compileall", "-q", str(path / "atscodes")],
                    check=False,
                )
            times: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(args.rounds):
                for name, argv in commands.items():
                    times[name].append(_timed(argv, log))
        finally:
            subprocess.run(
                ["git", "-C", str(_REPO), "worktree", "remove", "--force", str(other)],
                check=False,
            )
    median = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "commit": args.commit,
        "size_mb": args.size_mb,
        "rounds": args.rounds,
        "seconds_copy": median["copy"],
        "ratio_this_vs_copy": median["this"] / median["copy"],
        "ratio_other_vs_copy": median["other"] / median["copy"],
        "ratio_this_vs_other": median["this"] / median["other"],
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value if isinstance(value, str) else round(value, 3)}")


if __name__ == "__main__":
    main()
