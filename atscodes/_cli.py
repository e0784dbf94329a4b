"""The ``atscodes`` command: decode codes; dispatch to the subcommands.

Exit status: 0 when every argument was recognised, 1 when one was not, 2 for a
usage error or an output error (a full disk, a closed stdout).  Results go to
stdout, errors to stderr as ``atscodes: error: …``.  A reader that goes away
(``| head``) ends the command quietly with 141, as a shell reports SIGPIPE.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Final

from ._cli_text import PROG, VALUE_OPTIONS, UsageError, is_option

__all__ = ["main"]

# Subcommands: name -> module (imported only when that subcommand runs, so that
# `atscodes -9802` pays for the tables alone, and a subcommand not even for those: the
# decode is `_cli_decode`).  Each module has SUMMARY (one line), run(argv) -> int and,
# in its epilog, examples.  One line per command.
_COMMANDS: Final = {
    "annotate": "._cli_annotate",
    "ats": "._cli_ats",
    "completion": "._cli_completion",
    "explain": "._cli_explain",
    "report": "._cli_report",
    "table": "._cli_table",
    "trace": "._cli_trace",
    "translate": "._cli_translate",
}

# ---------------------------------------------------------------- dispatch


def _split_command(arguments: Sequence[str]) -> tuple[str | None, list[str]]:
    """The subcommand named by the first positional argument, and the rest in order.

    Options may come before the command word (``atscodes --json table SSLStatus``):
    they are passed on to the subcommand, which accepts them anywhere.
    """
    index = 0
    before: list[str] = []
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            break
        if is_option(argument):
            if argument in VALUE_OPTIONS and index + 1 < len(arguments):
                # one word, so that a subcommand without the option says so, and does
                #   not take its value for an argument ("--color=never", not "never")
                before.append(f"{argument}={arguments[index + 1]}")
                index += 2
            else:
                before.append(argument)
                index += 1
            continue
        if argument in _COMMANDS:
            return argument, [*before, *arguments[index + 1 :]]
        break
    return None, list(arguments)


def _dispatch(arguments: Sequence[str]) -> int:
    command, rest = _split_command(arguments)
    if command is None:
        from ._cli_decode import run as decode

        return decode(rest)
    from importlib import import_module

    run: Callable[[Sequence[str]], int] = import_module(_COMMANDS[command], __package__).run
    return run(rest)


def _replace_unencodable(error: UnicodeError) -> tuple[str | bytes, int]:
    """A codec error handler: U+FFFD for each character that cannot be encoded.

    The UTF-8 encoder takes only ASCII text or bytes as a replacement, hence the
    bytes of U+FFFD there; other encodings get "?".
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    count = error.end - error.start
    if error.encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        return "\ufffd".encode() * count, error.end
    return "?" * count, error.end


def _say(message: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _run(arguments: Sequence[str]) -> int:
    try:
        status = _dispatch(arguments)
    except SystemExit as done:  # --help and --version
        status = done.code if isinstance(done.code, int) else 0
    sys.stdout.flush()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Output errors end the command like ``cat``'s: a reader that went away
    (broken pipe) quietly with 141, anything else (a full disk, a closed
    stdout) with one line on stderr and status 2 — never a traceback.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # started with stdout closed (`atscodes -9802 >&-`)
        _say(f"{PROG}: error: standard output is closed")
        return 2
    # Text that cannot be encoded for this terminal (bytes from a log that are not
    # UTF-8, or "…" on an ASCII locale) is escaped rather than allowed to crash.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if any(a.startswith("--json") for a in arguments) and hasattr(sys.stdout, "reconfigure"):
        # JSON must be valid UTF-8: an argv byte that was not UTF-8 (a surrogate escape,
        # which a C.UTF-8 locale's stdout would write back raw) becomes U+FFFD.
        import codecs

        codecs.register_error("atscodes.json", _replace_unencodable)
        sys.stdout.reconfigure(errors="atscodes.json")
    try:
        return _run(arguments)
    except UsageError as error:
        _say(f"{PROG}: error: {error}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `atscodes table | head`: the reader went away; end quietly.
        _discard_stdout()
        return 141
    except OSError as error:
        # A write to stdout failed: /dev/full (ENOSPC), a closed descriptor (EBADF), EIO.
        reason = error.strerror or str(error)
        where = f"{error.filename}: " if error.filename else "write error: "
        _say(f"{PROG}: error: {where}{reason}")
        _discard_stdout()
        return 2
