"""Text output shared by the subcommands: escaping, colour, wrapping, JSON.

Kept apart from the argument parser so that ``atscodes -9802`` can print
without importing argparse.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Final, TextIO

__all__ = [
    "PROG",
    "Line",
    "UsageError",
    "color_wanted",
    "is_option",
    "options_then_codes",
    "render",
    "terminal_safe",
    "terminal_width",
    "write_json",
]

PROG: Final = "atscodes"


class UsageError(Exception):
    """A usage error: ``main`` prints it as ``atscodes: error: …`` and exits with 2."""


#: (indent, text, style): styles are "head", "name", "unknown", "hint", "" (plain).
Line = tuple[str, str, str]

_STYLES: Final = {"head": "1", "name": "1;36", "unknown": "33", "hint": "2"}


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


#: Every subcommand's options that take a value (a test checks this against the parsers),
#: so that one written before a command word (``atscodes --color never table``, ``atscodes
#: ats --timeout 3 check``) does not have its value taken for the command.
VALUE_OPTIONS: Final = frozenset(
    {
        "--bucket",
        "--ca",
        "--client-cert",
        "--color",
        "--colour",
        "--field",
        "--format",
        "--host",
        "--jobs",
        "--layer",
        "--max-events",
        "--os",
        "--output",
        "--port",
        "--process",
        "--servername",
        "--timeout",
        "--title",
        "--trust-store",
        "--width",
    }
)


def layer_label(value: str) -> str:
    """A translation layer as its ``--layer`` option spells it (``url-loading``); JSON keeps
    the value (``url_loading``)."""
    return value.replace("_", "-")


def is_option(argument: str) -> bool:
    """``--json``, ``--width=3``, ``-h``: an option; ``-9802``, ``-0x2A``, a minus sign: a code."""
    return argument == "-h" or (argument.startswith("--") and argument[2:3].isalpha())


def options_then_codes(arguments: Sequence[str], value_options: frozenset[str]) -> list[str]:
    """The options first (with the values of *value_options*), then ``--`` and the rest.

    So that argparse takes ``-9802`` (or a pasted ``-1200 [3:-9802]``) for a code,
    not an option, wherever it stands; ``--width -5`` keeps -5 as the width.
    """
    options: list[str] = []
    codes: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            codes.extend(arguments[index + 1 :])
            break
        if is_option(argument):
            options.append(argument)
            if argument in value_options and index + 1 < len(arguments):
                options.append(arguments[index + 1])
                index += 1
        else:
            codes.append(argument)
        index += 1
    return [*options, "--", *codes] if codes else options


def render(lines: Sequence[Line], width: int | None, color: bool) -> str:
    """The lines as text: wrapped at *width* visible columns, then coloured.

    Wrapping happens on the plain text, so colour codes never count toward the width;
    continuation lines are indented two more columns.
    """
    out: list[str] = []
    for indent, text, style in lines:
        if width is None or len(indent) + len(text) <= width:
            pieces = [text]
        else:
            import textwrap  # only a terminal or --width pays for it

            room = max(20, width - len(indent))
            pieces = textwrap.wrap(text, room, subsequent_indent="  ", break_on_hyphens=False)
            pieces = pieces or [text]
        code = _STYLES.get(style) if color else None
        for piece in pieces:
            out.append(indent + (f"\x1b[{code}m{piece}\x1b[0m" if code else piece))
    return "\n".join(out) + "\n" if out else ""


def terminal_width(out: TextIO, width: int | None) -> int | None:
    """*width*, or the terminal's when *out* is one; ``None`` (no wrapping) into a pipe."""
    if width is not None:
        return width
    try:
        if not out.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    import shutil

    return shutil.get_terminal_size((100, 24)).columns
