"""``atscodes completion SHELL``: a completion script for bash, zsh or fish."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import Final

from ._cli_common import PROG, Parser

__all__ = ["SUMMARY", "run"]

SUMMARY: Final = "print a shell completion script (bash, zsh or fish)"

_EPILOG: Final = """\
The script completes the commands, each command's options, family names after
`table`, layers after `--layer` and file names where a command reads files.

examples:
  atscodes completion bash > ~/.local/share/bash-completion/completions/atscodes
  atscodes completion zsh > "${fpath[1]}/_atscodes"
  atscodes completion fish > ~/.config/fish/completions/atscodes.fish
  eval "$(atscodes completion bash)"            for this shell only

exit status: 0 printed, 2 usage error (an unknown shell)
"""

_VALUES: Final = {
    "--color": ("auto", "always", "never"),
    "--layer": ("cfstream", "url-loading"),
}
_DECODE_OPTIONS: Final = ("--json", "--color", "--width", "--help", "--version")
_SHELLS: Final = ("bash", "zsh", "fish")


def _words() -> dict[str, tuple[str, ...]]:
    """The words a command takes first: family names after `table`, shells, ats's commands."""
    from ._lookup import _families

    return {
        "table": tuple(family.__name__ for family in _families()),
        "completion": _SHELLS,
        "ats": ("check", "lint"),
    }


def _parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} completion",
        description="Print a completion script for SHELL on stdout.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", choices=_SHELLS, metavar="SHELL")
    return parser


def _options(command: str) -> tuple[str, ...]:
    """The long options of *command*, read from its own parser(s)."""
    from importlib import import_module

    from ._cli import _COMMANDS

    module = import_module(_COMMANDS[command], __package__)
    found: dict[str, None] = {}
    for name, factory in sorted(vars(module).items()):
        if not (name == "_parser" or (name.startswith("_") and name.endswith("_parsers"))):
            continue
        if not callable(factory) or command == "completion":
            continue
        made = factory()
        for parser in made if isinstance(made, tuple) else (made,):
            if isinstance(parser, argparse.ArgumentParser):
                for action in parser._actions:
                    found.update(dict.fromkeys(o for o in action.option_strings if o[:2] == "--"))
    return tuple(found)


def _table() -> dict[str, tuple[str, ...]]:
    from ._cli import _COMMANDS

    return {command: _options(command) for command in sorted(_COMMANDS)}


def _bash(options: dict[str, tuple[str, ...]], words: dict[str, tuple[str, ...]]) -> Iterator[str]:
    yield f"# bash completion for {PROG}"
    yield f"_{PROG}() {{"
    yield '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"'
    yield '    local cmd="" i'
    yield "    for ((i = 1; i < COMP_CWORD; i++)); do"
    yield '        case "${COMP_WORDS[i]}" in'
    yield f"            {'|'.join(options)}) cmd=${{COMP_WORDS[i]}}; break ;;"
    yield "        esac"
    yield "    done"
    yield '    case "$prev" in'
    for option, values in _VALUES.items():
        choices = " ".join(values)
        yield f'        {option}) COMPREPLY=($(compgen -W "{choices}" -- "$cur")); return ;;'
    yield "    esac"
    yield '    case "$cmd" in'
    for command, opts in options.items():
        choices = " ".join(dict.fromkeys((*words.get(command, ()), *opts, "--help")))
        files = "" if command in words else ' $(compgen -f -- "$cur")'
        yield f'        {command}) COMPREPLY=($(compgen -W "{choices}" -- "$cur"){files}) ;;'
    commands = " ".join((*options, *_DECODE_OPTIONS))
    yield f'        *) COMPREPLY=($(compgen -W "{commands}" -- "$cur")) ;;'
    yield "    esac"
    yield "}"
    yield f"complete -F _{PROG} {PROG}"


def _zsh(options: dict[str, tuple[str, ...]], words: dict[str, tuple[str, ...]]) -> Iterator[str]:
    yield f"#compdef {PROG}"
    yield f"# zsh completion for {PROG}"
    yield f"_{PROG}() {{"
    yield "    local -a commands"
    yield "    commands=(" + " ".join(options) + ")"
    yield "    if (( CURRENT == 2 )); then"
    yield "        compadd -a commands"
    yield "        compadd -- " + " ".join(_DECODE_OPTIONS)
    yield "        return"
    yield "    fi"
    yield "    case $words[CURRENT-1] in"
    for option, values in _VALUES.items():
        yield f"        {option}) compadd -- {' '.join(values)}; return ;;"
    yield "    esac"
    yield "    case $words[2] in"
    for command, opts in options.items():
        choices = " ".join(dict.fromkeys((*words.get(command, ()), *opts, "--help")))
        files = "" if command in words else "; _files"
        yield f"        {command}) compadd -- {choices}{files} ;;"
    yield "    esac"
    yield "}"
    yield f'_{PROG} "$@"'


def _fish(options: dict[str, tuple[str, ...]], words: dict[str, tuple[str, ...]]) -> Iterator[str]:
    yield f"# fish completion for {PROG}"
    commands = " ".join(options)
    yield f"complete -c {PROG} -f -n 'not __fish_seen_subcommand_from {commands}' -a '{commands}'"
    for option in _DECODE_OPTIONS:
        yield f"complete -c {PROG} -n 'not __fish_seen_subcommand_from {commands}' -l {option[2:]}"
    for command, opts in options.items():
        seen = f"__fish_seen_subcommand_from {command}"
        first = words.get(command)
        if first:
            yield f"complete -c {PROG} -f -n '{seen}' -a '{' '.join(first)}'"
        for option in dict.fromkeys((*opts, "--help")):
            values = _VALUES.get(option)
            extra = f" -x -a '{' '.join(values)}'" if values else ""
            yield f"complete -c {PROG} -n '{seen}' -l {option[2:]}{extra}"


def run(argv: Sequence[str]) -> int:
    """Run ``atscodes completion`` with *argv*; return the exit status."""
    args = _parser().parse_args(argv)
    writer = {"bash": _bash, "zsh": _zsh, "fish": _fish}[args.shell]
    sys.stdout.write("\n".join(writer(_table(), _words())) + "\n")
    return 0
