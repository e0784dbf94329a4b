"""What every ``atscodes`` subcommand shares: its parser and its usage error."""

from __future__ import annotations

import argparse
from typing import Any, Final

__all__ = ["PROG", "Parser", "UsageError"]

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
