"""atscodes trace against tshark listing the alert records of the same capture, in one run.

1. A capture of about 100 MB with about 60,000 TLS connections is generated from
   real handshakes (Python's ssl over memory BIOs: TLS 1.3 and TLS 1.2 sessions with
   application data and close_notify, and 1 in 50 failing with the server's
   handshake_failure), each connection on its own addresses and ports.
2. Time, frames per second and peak memory of ``atscodes trace F --json`` and of
   ``tshark -r F -Y "tls.record.content_type == 21" -T fields -e frame.number -e
   ip.src -e tls.alert_message.desc`` (when tshark is installed; the report says so
   when it is not), alternating, each in a fresh process, output to /dev/null.
3. Memory flatness: peak memory of ``atscodes trace`` on a quarter of the capture
   against the whole one.

Usage: python tests/bench/bench_trace.py [--connections 60000] [--rounds 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.test_trace_generated import (  # noqa: E402
    TLS12,
    TLS13,
    _certificate,
    _client,
    _server,
    handshake,
)

Flights = list[tuple[bool, bytes]]


def templates(tmp: Path) -> list[tuple[Flights, int]]:
    """(flights, weight): real handshakes, each with a request, a response and close_notify."""
    pem = _certificate(tmp)
    found = []
    ok13, _ = handshake(_server(pem), _client(pem, **TLS13))
    ok12, _ = handshake(_server(pem), _client(pem, **TLS12))
    server = _server(pem, **TLS12)
    server.set_ciphers("ECDHE-ECDSA-AES128-GCM-SHA256")
    client = _client(pem, **TLS12)
    client.set_ciphers("ECDHE-ECDSA-CHACHA20-POLY1305")
    bad, failed = handshake(server, client)
    assert failed is not None
    for flights, weight in ((ok13, 30), (ok12, 19)):
        found.append((flights, weight))
    found.append((bad, 1))
    return found


def _frame(
    src: bytes, dst: bytes, sport: int, dport: int, seq: int, ack: int, flags: int, payload: bytes
) -> bytes:
    tcp = struct.pack(
        ">HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 0x50, flags, 65535, 0, 0
    )
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 40 + len(payload), 0, 0x4000, 64, 6, 0, src, dst)
    return b"\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02\x08\x00" + ip + tcp + payload


def write_capture(path: Path, kinds: list[tuple[Flights, int]], connections: int) -> int:
    """Write *connections* connections (kinds drawn by weight); return the number of frames."""
    rng = random.Random(7)
    choices = [k for k, w in kinds for _ in range(w)]
    frames = 0
    t = 1_700_000_000.0
    record = struct.Struct("<IIII")
    with path.open("wb", buffering=1 << 20) as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))

        def emit(data: bytes) -> None:
            nonlocal frames, t
            t += 0.0001
            seconds = int(t)
            out.write(record.pack(seconds, int((t - seconds) * 1e6), len(data), len(data)))
            out.write(data)
            frames += 1

        for i in range(connections):
            flights = rng.choice(choices)
            client = bytes((10, (i >> 16) & 255, (i >> 8) & 255, i & 255))
            server = bytes((198, 51, 100, i % 200 + 1))
            sport, dport = 1024 + i % 64000, 443
            seq = {True: rng.getrandbits(32), False: rng.getrandbits(32)}
            emit(_frame(client, server, sport, dport, seq[True], 0, 0x02, b""))
            seq[True] += 1
            emit(_frame(server, client, dport, sport, seq[False], seq[True], 0x12, b""))
            seq[False] += 1
            emit(_frame(client, server, sport, dport, seq[True], seq[False], 0x10, b""))
            for from_client, data in flights:
                a, b, pa, pb = (
                    (client, server, sport, dport)
                    if from_client
                    else (server, client, dport, sport)
                )
                for at in range(0, len(data), 1448):
                    piece = data[at : at + 1448]
                    emit(_frame(a, b, pa, pb, seq[from_client], seq[not from_client], 0x18, piece))
                    seq[from_client] += len(piece)
            emit(_frame(client, server, sport, dport, seq[True], seq[False], 0x11, b""))
            seq[True] += 1
            emit(_frame(server, client, dport, sport, seq[False], seq[True], 0x11, b""))
            seq[False] += 1
            emit(_frame(client, server, sport, dport, seq[True], seq[False], 0x10, b""))
    return frames


def _run(argv: list[str]) -> tuple[float, float, int]:
    """Wall time, peak resident MB and exit status of *argv*, run alone."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=60_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tshark = shutil.which("tshark")
    result: dict[str, object] = {"tshark": tshark or "not installed: atscodes measured alone"}
    with tempfile.TemporaryDirectory() as tmp:
        kinds = templates(Path(tmp))
        big = Path(tmp) / "big.pcap"
        quarter = Path(tmp) / "quarter.pcap"
        frames = write_capture(big, kinds, args.connections)
        write_capture(quarter, kinds, args.connections // 4)
        result.update(
            size_mb=round(big.stat().st_size / 1e6, 1),
            connections=args.connections,
            frames=frames,
        )
        commands = {"atscodes": [sys.executable, "-m", "atscodes", "trace", "--json", str(big)]}
        if tshark:
            commands["tshark"] = [
                tshark,
                "-r",
                str(big),
                "-Y",
                "tls.record.content_type == 21",
                "-T",
                "fields",
                "-e",
                "frame.number",
                "-e",
                "ip.src",
                "-e",
                "tls.alert_message.desc",
            ]
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, float] = {}
        for index in range(args.rounds):
            names = list(commands) if index % 2 == 0 else list(reversed(commands))
            for name in names:
                seconds, peak, _status = _run(commands[name])
                times[name].append(seconds)
                peaks[name] = max(peaks.get(name, 0.0), peak)
        for name, values in times.items():
            median = statistics.median(values)
            result[f"seconds_{name}"] = round(median, 2)
            result[f"frames_per_second_{name}"] = round(frames / median)
            result[f"peak_rss_mb_{name}"] = round(peaks[name], 1)
        if tshark:
            result["ratio_atscodes_vs_tshark"] = round(
                statistics.median(times["atscodes"]) / statistics.median(times["tshark"]), 2
            )
        _s, peak_quarter, _ = _run(
            [sys.executable, "-m", "atscodes", "trace", "--json", str(quarter)]
        )
        result["peak_rss_mb_atscodes_quarter"] = round(peak_quarter, 1)
        result["peak_ratio_full_vs_quarter"] = round(peaks["atscodes"] / peak_quarter, 2)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
