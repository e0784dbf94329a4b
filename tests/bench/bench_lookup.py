"""Cost of a look-up by value, as a ratio to a plain ``dict.get`` on the same key.

Both are timed with :mod:`timeit` in the same process, interleaved over several
repeats; the ratio of the best times is reported.
"""

from __future__ import annotations

import argparse
import json
import timeit

import atscodes
from atscodes import SSLStatus


def measure(number: int, repeat: int) -> dict[str, float]:
    namespace = {
        "plain": {int(member): member for member in SSLStatus},
        "get": atscodes.get,
        "SSLStatus": SSLStatus,
    }
    statements = {
        "dict.get": "plain.get(-9802)",
        "atscodes.get(SSLStatus, v)": "get(SSLStatus, -9802)",
        "SSLStatus.get(v)": "SSLStatus.get(-9802)",
        "SSLStatus(v)": "SSLStatus(-9802)",
    }
    best = {name: float("inf") for name in statements}
    for _ in range(repeat):  # interleaved, so load on the machine hits all alike
        for name, statement in statements.items():
            elapsed = timeit.timeit(statement, globals=namespace, number=number)
            best[name] = min(best[name], elapsed / number)
    base = best["dict.get"]
    return {f"ns {name}": t * 1e9 for name, t in best.items()} | {
        f"ratio {name}": t / base for name, t in best.items() if name != "dict.get"
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--number", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.number, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        unit = "ns" if key.startswith("ns") else "x"
        print(f"{key[len(key.split()[0]) + 1 :]:<30} {key.split()[0]:<5} {value:8.2f} {unit}")
    print("target: atscodes.get(SSLStatus, v) <= 3x dict.get")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
