"""Start-up time of ``atscodes -9802`` as users install it, against the peer ``osstatus``.

Both tools are installed the way users install them, each in its own fresh
virtual environment: this checkout with a plain (non-editable) ``pip install``,
and ``osstatus`` (the package that decodes OSStatus codes from the command line)
from the package index.  Then each round runs ``atscodes -9802`` and
``osstatus code -- -9802`` once, in alternating order, with output to
/dev/null; the ratio of the medians is the figure (target: at most 0.5).
``python -c pass`` from the same environment is measured too, so that the
interpreter's own start-up can be seen apart.

    python tests/bench/bench_startup.py [--rounds 40] [--venvs DIR] [--json]

The virtual environments are kept in ``--venvs`` (default: a folder in the
system temporary directory) and reused when they exist; ``--fresh`` rebuilds them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def _venv(path: Path, *requirements: str, fresh: bool) -> Path:
    marker = path / ".installed"
    if fresh and path.exists():
        shutil.rmtree(path)
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        pip = [str(_bin(path, "python")), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, *requirements], check=True)
        marker.write_text(" ".join(requirements), encoding="utf-8")
    return path


def _once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def measure(rounds: int, venvs: Path, *, fresh: bool) -> dict[str, float]:
    ours = _venv(venvs / "atscodes", str(ROOT), fresh=fresh)
    # Always this checkout as it is now: a plain, non-editable install (a wheel
    # built from the source tree), as `pip install .` gives users.
    reinstall = ["install", "--quiet", "--force-reinstall", "--no-deps", str(ROOT)]
    subprocess.run([str(_bin(ours, "python")), "-m", "pip", *reinstall], check=True)
    peer = _venv(venvs / "osstatus", "osstatus", fresh=fresh)
    commands = {
        "atscodes": [str(_bin(ours, "atscodes")), "-9802"],
        "osstatus": [str(_bin(peer, "osstatus")), "code", "--", "-9802"],
        "python": [str(_bin(ours, "python")), "-c", "pass"],
    }
    for command in commands.values():  # warm the file system cache
        for _ in range(3):
            _once(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for index in range(rounds):
        order = list(commands) if index % 2 == 0 else list(reversed(commands))
        for name in order:
            samples[name].append(_once(commands[name]))
    median = {name: statistics.median(values) for name, values in samples.items()}
    return {
        "rounds": rounds,
        "median_s_atscodes": median["atscodes"],
        "median_s_osstatus": median["osstatus"],
        "median_s_python": median["python"],
        "ratio": median["atscodes"] / median["osstatus"],
        "ratio_without_interpreter": (median["atscodes"] - median["python"])
        / (median["osstatus"] - median["python"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument(
        "--venvs",
        type=Path,
        default=Path(tempfile.gettempdir()) / "atscodes-bench-startup",
        help="where the two virtual environments live",
    )
    parser.add_argument("--fresh", action="store_true", help="rebuild both environments")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.rounds, args.venvs, fresh=args.fresh)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"rounds: {args.rounds}, interleaved")
    print(f"atscodes -9802               median {result['median_s_atscodes'] * 1000:7.1f} ms")
    print(f"osstatus code -- -9802       median {result['median_s_osstatus'] * 1000:7.1f} ms")
    print(f"python -c pass               median {result['median_s_python'] * 1000:7.1f} ms")
    print(f"ratio atscodes/osstatus:            {result['ratio']:.2f}x (target <= 0.5x)")
    print(f"ratio without the interpreter:      {result['ratio_without_interpreter']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
