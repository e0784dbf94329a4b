"""What every ``atscodes`` subcommand shares: its parser, its usage error, output helpers."""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import TYPE_CHECKING, Any, Final, TextIO

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = [
    "PROG",
    "Parser",
    "UsageError",
    "add_text_options",
    "color_wanted",
    "positive_int",
    "terminal_safe",
    "write_json",
]

PROG: Final = "atscodes"


class UsageError(Exception):
    """A usage error: ``main`` prints it as ``atscodes: error: …`` and exits with 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of exiting."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)

    def error(self, message: str) -> Any:  # argparse's own signature returns NoReturn
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse swallows OSError here, so `--help > /dev/full` would lose the help
        # and exit 0; let the error reach main(), which reports it like `cat`.
        if message:
            (file or sys.stderr).write(message)


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``--width 0`` is refused)."""
    try:
        value = int(text, 10) if len(text) < 20 else 0
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def add_text_options(parser: argparse.ArgumentParser) -> None:
    """``--width N`` and ``--color never|auto|always``, as ``explain`` and the decode have them."""
    parser.add_argument(
        "--width",
        type=positive_int,
        default=None,
        metavar="N",
        help="wrap text at N columns (default: the terminal's width; no wrapping into a pipe)",
    )
    parser.add_argument(
        "--color",
        "--colour",
        dest="color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text (auto: only on a terminal, and not when NO_COLOR is set)",
    )


def color_wanted(choice: str, out: TextIO) -> bool:
    """Whether to colour text written to *out* for ``--color`` *choice*."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


# C0 and C1 controls and DEL: never written raw to a terminal.
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """*text* with control characters escaped (``\\x1b``, ``\\n``) and bytes that were not
    UTF-8 (surrogate escapes from argv) shown as U+FFFD."""
    text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
    return _SURROGATE.sub("\ufffd", text)


def write_json(value: object, out: TextIO) -> None:
    """Write *value* as JSON: always valid UTF-8, whatever strings came from argv.

    A lone surrogate (an argv byte that was not UTF-8) becomes U+FFFD; on a stream
    whose encoding is not UTF-8 the output is plain ASCII with ``\\u`` escapes.
    """
    import json  # only JSON modes pay for it

    encoding = (getattr(out, "encoding", None) or "utf-8").replace("_", "-").lower()
    ascii_only = encoding not in ("utf-8", "utf8")
    text = _SURROGATE.sub("\ufffd", json.dumps(value, indent=2, ensure_ascii=ascii_only))
    out.write(text + "\n")
