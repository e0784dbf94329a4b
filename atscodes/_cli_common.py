"""What every ``atscodes`` subcommand shares: its parser, its usage error, output helpers."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from ._cli_text import PROG, UsageError, color_wanted, terminal_safe, write_json

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
