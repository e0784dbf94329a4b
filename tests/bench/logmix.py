"""A generated device log with a realistic line mix, for the annotate benchmarks.

Lines imitate `log show` / Xcode console output of an iOS app: CFNetwork task
progress, libnetwork connection events, UIKit, Firebase; about 1 % of lines
carry an error code in one of the shapes seen in public logs.  Seeded, so two
runs write the same file.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

_NORMAL = (
    "{ts} 0x{tid:x}   Default     0x0   {pid}    0    MyApp: (CFNetwork) "
    "[com.apple.CFNetwork:Default] Task <{uuid}>.<{n}> resuming, timeouts(60.0, 604800.0) "
    "qos(0x19) voucher(0x0) activity(00000000-0000-0000-0000-000000000000)",
    "{ts} 0x{tid:x}   Info        0x0   {pid}    0    MyApp: (libnetwork.dylib) "
    "[com.apple.network:connection] [C{n}.1.1 Hostname#{hx}:443 tcp, url hash: {hx}, tls, "
    "definite, attribution: developer] ready channel-flow",
    "{ts} 0x{tid:x}   Default     0x0   {pid}    0    MyApp: (UIKitCore) "
    "[com.apple.UIKit:Lifecycle] Scene {n} did enter background; snapshot 1170x2532 scale 3.0",
    "{ts} 0x{tid:x}   Debug       0x0   {pid}    0    MyApp: [Firebase/Analytics]"
    "[I-ACS023007] Analytics v.{n}00000 started, session id {hx}",
    "{ts} 0x{tid:x}   Default     0x0   {pid}    0    MyApp: (CFNetwork) Task <{uuid}>.<{n}> "
    "received response, status 200 content K, 1532/0 bytes, duration 0.{n}s",
    "{ts} 0x{tid:x}   Default     0x0   {pid}    0    MyApp: (libboringssl.dylib) "
    "[com.apple.network:boringssl] boringssl_context_info_handler(2069) [C{n}.1.1:2]"
    "[0x{hx}] Client handshake state: TLS 1.3 client read_server_finished",
)
_CODES = (
    "{ts} MyApp[{pid}:{tid}] Task <{uuid}>.<{n}> HTTP load failed, 0/0 bytes "
    "(error code: -1200 [3:-9802])",
    "{ts} MyApp[{pid}:{tid}] TIC TCP Conn Failed [{n}:0x{hx}]: 3:-9813 Err(-9813)",
    "{ts} MyApp[{pid}:{tid}] Task <{uuid}>.<{n}> finished with error [-1001] Error "
    'Domain=NSURLErrorDomain Code=-1001 "The request timed out." '
    "UserInfo={{_kCFStreamErrorCodeKey=-2102, _kCFStreamErrorDomainKey=4}}",
    "{ts} MyApp[{pid}:{tid}] NSURLSession/NSURLConnection HTTP load failed "
    "(kCFStreamErrorDomainSSL, -9802)",
    "{ts} MyApp[{pid}:{tid}] [BoringSSL] boringssl_context_handle_fatal_alert(1991) "
    "[C{n}.1:2][0x{hx}] read alert, level: fatal, description: bad certificate",
)


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        ts=f"2026-11-27 02:{rng.randrange(60):02d}:{rng.randrange(60):02d}."
        f"{rng.randrange(10**6):06d}-0800",
        tid=rng.randrange(1, 10**7),
        pid=rng.randrange(100, 99999),
        uuid="8EF885D2-B87F-4752-8D14-D2ECCC7958B8",
        n=rng.randrange(1, 99),
        hx=f"{rng.randrange(2**40):x}",
    )


def write_log(path: Path, size: int, *, seed: int = 7, code_share: float = 0.01) -> int:
    """Write about *size* bytes of log lines to *path*; return how many carry a code."""
    rng = random.Random(seed)
    written = coded = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while written < size:
            if rng.random() < code_share:
                line = _fill(rng.choice(_CODES), rng)
                coded += 1
            else:
                line = _fill(rng.choice(_NORMAL), rng)
            out.write(line + "\n")
            written += len(line) + 1
    return coded


# Runs a command line (its argv after -c) and prints the children's peak resident kB
# and the command's exit status; output and errors go to /dev/null.
PEAK_SCRIPT = (
    "import resource, subprocess, sys\n"
    "with open('/dev/null', 'wb') as out:\n"
    "    done = subprocess.run(sys.argv[1:], stdout=out, stderr=out, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


def peak(argv: list[str]) -> tuple[int, int]:
    """Peak resident kB and exit status of *argv*, run under a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, *argv], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[1])
