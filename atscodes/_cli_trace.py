"""``atscodes trace``: which side sent which TLS alert in a capture, and what the app logged."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final

from ._cli_common import PROG, Parser, UsageError

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "read a packet capture: which side ended each TLS handshake, and what the app saw"

_EPILOG: Final = """\
Reads pcap and pcapng captures (tcpdump -w, Wireshark, rvictl + tcpdump, Apple's
tcpdump -k / -P with process names) and follows every TCP connection that starts
with a TLS ClientHello, on any port.  For each: client, server, SNI, process, the
versions offered and chosen, the cipher suite, every alert with its sender and frame
(encrypted alerts by sender and size, with what their place suggests, marked
inferred), how it ended (completed, failed, incomplete), the side at fault (peer,
local, transport, unknown), what CFStream and the URL loading system would have
reported, and an explanation of each failure.

examples:
  atscodes trace device.pcapng
  atscodes trace --all capture.pcap              list the completed connections too
  atscodes trace --host api.example.com --json capture.pcap | jq '.connections[0].alerts'
  atscodes trace --process MyApp rvi.pcapng       only that process (Apple captures)
  atscodes trace --markdown capture.pcap >> issue.md

exit status: 0 every TLS connection completed, 1 one failed or did not finish,
2 usage error, 3 the file is not a readable capture
"""


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} trace",
        description=(
            "Read a packet capture and say, for each TLS connection, which side sent"
            " which alert and what the app would have logged for it."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="a pcap or pcapng capture")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON (keys in the README)")
    form.add_argument("--markdown", action="store_true", help="print Markdown")
    parser.add_argument("--host", metavar="NAME", help="only connections to this SNI or address")
    parser.add_argument("--port", metavar="N", type=int, help="only connections to this port")
    parser.add_argument(
        "--process", metavar="NAME|PID", help="only connections of this process (Apple captures)"
    )
    parser.add_argument("--all", action="store_true", help="list the completed connections too")
    return parser


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes trace`` with *argv*; return the exit status."""
    args = _parser().parse_args(argv)
    if args.port is not None and not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1 … 65535, not {args.port}")
    from ._trace import CaptureError, trace
    from ._trace._report import escape

    try:
        report = trace(
            args.file, completed=args.all, host=args.host, port=args.port, process=args.process
        )
    except CaptureError as error:
        sys.stderr.write(f"{PROG}: error: {escape(args.file)}: {escape(str(error))}\n")
        return 3
    except OSError as error:
        reason = escape(error.strerror or str(error))
        sys.stderr.write(f"{PROG}: error: cannot read {escape(args.file)}: {reason}\n")
        return 3
    if args.json:
        report.write_json(sys.stdout)
    elif args.markdown:
        sys.stdout.write(report.to_markdown())
    else:
        sys.stdout.write(report.to_text())
    return report.exit_status
