"""``atscodes annotate``: copy logs, adding a decoding after every code."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from ._cli_text import PROG, UsageError
from ._untrusted import escape

if TYPE_CHECKING:
    import argparse

    from ._cli_common import Parser

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "copy logs, adding a decoding after every code (like c++filt)"

_ANNOTATE_EPILOG: Final = """\
Each code is followed by its decoding in one fixed, removable form: a space, U+27E6,
a label of printable ASCII, U+27E7, for example
  (error code: -1200 \u27e6NSURLErrorSecureConnectionFailed\u27e7
    [3:-9802] \u27e6errSSLFatalAlert\u27e7)
A U+27E6 already in the input is written twice; an annotation already after its code
is not added again. Everything else is copied byte for byte; --remove takes the
annotations out again. In a JSON line, annotations go only inside strings.

examples:
  atscodes annotate device.log > device.annotated.log
  log stream --style compact | atscodes annotate
  log stream --style ndjson | atscodes annotate --ndjson
  tail -f app.log | atscodes annotate
  atscodes annotate --jsonl *.log | jq .name
  atscodes annotate --remove device.annotated.log
  atscodes annotate --jobs 4 big.log > big.annotated.log

exit status: 0 a code was found (or --remove, or --no-fail), 1 none was,
2 usage error or a file that could not be read (the others are still processed)
environment: ATSCODES_NO_FAIL=1 has the effect of --no-fail
"""


def _parser() -> Parser:
    import argparse

    from ._cli_common import Parser

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
    mode.add_argument(
        "--ndjson",
        action="store_true",
        help='JSON lines: add the findings of each record as a new "atscodes" key, change'
        " nothing else (lines that are not JSON objects pass through); flushed per line",
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="PATH",
        help="with --ndjson: also scan the string at PATH (dotted, [] for every array item,"
        " e.g. log.text or records[].msg); repeatable",
    )
    parser.add_argument(
        "--no-fail",
        action="store_true",
        help="exit 0 when no code is found (for set -o pipefail); also ATSCODES_NO_FAIL=1",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes for regular files (default: every core this process may use, for"
        " files of 8 MB or more, else 1); pipes and terminals are always read line by line",
    )
    return parser


def _jobs(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _open_inputs(names: Sequence[str], failed: list[str]) -> Iterator[tuple[str, BinaryIO]]:
    """Each input in turn; one that cannot be opened is reported and skipped, like grep."""
    for name in names or ["-"]:
        if name == "-":
            yield "-", sys.stdin.buffer
            continue
        try:
            handle = open(name, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as error:
            sys.stderr.write(f"{PROG}: error: cannot read {name}: {error.strerror}\n")
            sys.stderr.flush()
            failed.append(name)
            continue
        with handle:
            yield name, handle


def _ndjson(stream: BinaryIO, out: BinaryIO, fields: Sequence[str]) -> bool:
    import json

    from ._structured import ndjson_findings

    found = False
    for line_no, line in enumerate(stream, 1):
        body = line.rstrip(b"\r\n")
        ending = line[len(body) :]
        try:
            value = json.loads(body)
            findings = (
                ndjson_findings(value, line_no, fields)
                if isinstance(value, dict) and "atscodes" not in value
                else []
            )
        except (ValueError, RecursionError):
            findings = []
        if findings:
            found = True
            head = body.rstrip()[:-1].rstrip()  # the object without its closing brace
            comma = b"" if head.endswith(b"{") else b", "
            added = json.dumps(findings, ensure_ascii=False).encode()
            out.write(head + comma + b'"atscodes": ' + added + b"}" + ending)
            out.flush()
            continue
        out.write(line)
        out.flush()
    return found


def _annotate(args: argparse.Namespace) -> int:
    # Each way imports what it needs: --remove no scanner, --jobs the scanner in one
    # process only (see atscodes._parallel).
    out = sys.stdout.buffer
    found = False
    failed: list[str] = []
    for name, stream in _open_inputs(args.files, failed):
        if args.remove:
            from ._strip import strip_stream

            strip_stream(stream, out)
            found = True
        elif args.ndjson:
            found = _ndjson(stream, out, args.field) or found
        elif args.jsonl:
            import json

            from ._annotate import process

            for finding in process(stream, None):
                record = {"file": name, **finding.to_json()}
                out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
                found = True
            out.flush()
        else:
            from ._parallel import annotate_file, jobs_for

            jobs = jobs_for(stream, args.jobs)
            if jobs > 1:
                found = annotate_file(stream, out, jobs) or found
            else:
                from ._annotate import process

                for _ in process(stream, out, flush=True, line_numbers=False):
                    found = True
    if failed:
        return 2
    no_fail = args.no_fail or os.environ.get("ATSCODES_NO_FAIL", "") not in ("", "0")
    return 0 if found or no_fail else 1


def _quick_args(argv: Sequence[str]) -> Any:
    """*argv* read without building the parser, if it holds only the common arguments.

    FILEs, ``--remove``, ``--no-fail`` and ``-j``/``--jobs N`` (N a plain number of at
    least 1), each option at most once; anything else (None) goes to argparse, which
    reads these the same way.  Saves importing argparse and building the parser, which
    cost about as much as annotating a megabyte.
    """
    values: dict[str, object] = {"remove": False, "no_fail": False, "jobs": None}
    files: list[str] = []
    seen: set[str] = set()
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "-" or not argument.startswith("-"):
            files.append(argument)
        elif argument in seen:
            return None
        elif argument in ("--remove", "--no-fail"):
            values[argument[2:].replace("-", "_")] = True
        elif argument in ("-j", "--jobs") and index + 1 < len(argv):
            number = argv[index + 1]
            if not (number.isascii() and number.isdigit() and int(number) >= 1):
                return None
            values["jobs"] = int(number)
            seen.update(("-j", "--jobs"))
            index += 1
        else:
            return None
        seen.add(argument)
        index += 1
    return SimpleNamespace(files=files, jsonl=False, ndjson=False, field=[], **values)


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes annotate`` with *argv*; return the exit status."""
    args = _quick_args(argv) or _parser().parse_args(argv)
    if args.field and not args.ndjson:
        raise UsageError("--field needs --ndjson")
    for path in args.field:
        # (dotted names, each maybe ending in [] for every array item: "log.text",
        #   "records[].msg"; an empty name matches nothing, so it is a typing slip)
        parts = path.split(".")
        if not all(part.removesuffix("[]") for part in parts):
            raise UsageError(f"--field '{escape(path)}': an empty name in the path")
    # Output errors (a full disk, a closed stdout) are the dispatcher's: one line, exit 2.
    return _annotate(args)
