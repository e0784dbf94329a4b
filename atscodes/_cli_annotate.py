"""``atscodes annotate``: copy logs, adding a decoding after every code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, Final

from ._annotate import process, strip_stream
from ._cli_common import PROG, Parser, UsageError

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "copy logs, adding a decoding after every code (like c++filt)"

_ANNOTATE_EPILOG: Final = """\
Each code is followed by its decoding in one fixed, removable form: a space, U+27E6,
a label of printable ASCII, U+27E7, for example
  (error code: -1200 \u27e6NSURLErrorSecureConnectionFailed\u27e7
    [3:-9802] \u27e6errSSLFatalAlert\u27e7)
Everything else is copied byte for byte; --remove takes the annotations out again.

examples:
  atscodes annotate device.log > device.annotated.log
  log stream --style compact | atscodes annotate
  tail -f app.log | atscodes annotate
  atscodes annotate --jsonl *.log | jq .name
  atscodes annotate --remove device.annotated.log

exit status: 0 a code was found (or --remove), 1 none was, 2 usage error or unreadable file
"""


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} annotate",
        description=(
            "Copy logs to stdout, adding a decoding after every code found "
            "(stdin when no FILE is given, like c++filt)."
        ),
        epilog=_ANNOTATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="log files ('-' is stdin)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help="print findings, one JSON object per line (file, line, column, text, domain,"
        " code, name, description) instead of the log",
    )
    mode.add_argument("--remove", action="store_true", help="remove annotations instead")
    return parser


def _open_inputs(names: Sequence[str]) -> Iterator[tuple[str, BinaryIO]]:
    for name in names or ["-"]:
        if name == "-":
            yield "-", sys.stdin.buffer
            continue
        try:
            handle = open(name, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as error:
            raise UsageError(f"cannot read {name}: {error.strerror}") from None
        with handle:
            yield name, handle


def _annotate(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    found = False
    for name, stream in _open_inputs(args.files):
        if args.remove:
            strip_stream(stream, out)
            found = True
            continue
        if args.jsonl:
            for finding in process(stream, None):
                record = {"file": name, **finding.to_json()}
                out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
                found = True
            out.flush()
            continue
        for _ in process(stream, out, flush=True):
            found = True
    return 0 if found else 1


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes annotate`` with *argv*; return the exit status."""
    return _annotate(_parser().parse_args(argv))
