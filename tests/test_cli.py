"""The command line: decode, tables, JSON, exit codes, errors."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from atscodes._cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


class TestDecode:
    def test_an_errssl_status_with_the_alerts_behind_it(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, out, err = run(capsys, "-9802")
        assert status == 0
        assert err == ""
        assert "SSLStatus -9802 errSSLFatalAlert" in out
        assert (
            "alerts reported as this on url-loading: 40 handshake_failure, 42 bad_certificate,"
            " 47 illegal_parameter, 49 access_denied, 50 decode_error"
        ) in out
        assert "NSURLError -1200 NSURLErrorSecureConnectionFailed" in out

    def test_an_alert_shows_both_layers(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "bad_certificate")
        # one line for a status both observed and read in the source (it was two, alike)
        assert "cfstream reports: -9825 errSSLPeerBadCert (observed, iOS 11 beta; source)" in out
        assert out.count("cfstream reports: -9825") == 1
        assert "url-loading reports: -9802 errSSLFatalAlert (observed, iOS 11 beta)" in out

    def test_every_reading_of_an_ambiguous_number(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "42")
        assert "TLSAlert 42 bad_certificate" in out
        assert "DarwinErrno 42 ENOPROTOOPT" in out

    def test_a_pasted_pair(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "-1200 [3:-9802]")
        assert status == 0
        assert "URLError -1200 NSURLErrorSecureConnectionFailed" in out
        assert "domain: kCFStreamErrorDomainSSL" in out

    def test_exit_1_when_one_argument_is_not_recognised(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, out, _ = run(capsys, "-9802", "nonsense", "[3:-9870]")
        assert status == 1
        assert "nonsense\n  not recognised" in out
        assert "SSLStatus -9870: unknown" in out

    def test_json_keys_are_record_fields(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "--json", "[3:-9813]", "zzz")
        assert status == 1
        [found, missing] = json.loads(out)
        assert missing == {
            "query": "zzz",
            "recognised": False,
            "scanned": False,
            "interpretations": [],
        }
        [interp] = found["interpretations"]
        assert interp["family"] == "SSLStatus"
        assert interp["code"] == -9813
        assert interp["name"] == "errSSLNoRootCert"
        assert interp["detected_by"] == "trust"
        assert interp["fatal"] is True
        assert interp["domain"] == "kCFStreamErrorDomainSSL"
        # SecureTransport turns every failed trust result into -9807 (alert 46), so
        # -9813 sends no alert of its own (Security-58286 sslCrypto.c).
        assert interp["translation"]["alerts_sent"] == []
        assert -1202 in [e["url_error"] for e in interp["translation"]["url_errors"]]

    def test_json_for_an_alert(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "--json", "41")
        [result] = json.loads(out)
        alert = result["interpretations"][0]
        assert alert["reserved"] is True
        assert alert["translation"]["cfstream"][0]["status"] == -9806
        assert alert["translation"]["url_loading"][0]["status"] == -9825

    def test_no_arguments_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, err = run(capsys)
        assert status == 2
        assert out == ""
        assert err.startswith("atscodes: error: ")
        assert "usage:" in err

    def test_help_has_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "--help")
        assert status == 0
        assert "examples:" in out
        assert 'atscodes "-1200 [3:-9802]"' in out

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        import atscodes

        status, out, _ = run(capsys, "--version")
        assert (status, out) == (0, f"atscodes {atscodes.__version__}\n")


class TestTable:
    def test_one_family_any_case(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "table", "sslstatus")
        assert status == 0
        lines = out.splitlines()
        assert lines[0] == "SSLStatus (74 codes)"
        assert lines[1].split()[:2] == ["-9800", "errSSLProtocol"]
        assert len(lines) == 75

    def test_every_family(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "table")
        for name in (
            "TLSAlert",
            "SSLStatus",
            "SecError",
            "URLError",
            "CFNetworkError",
            "CFStreamErrorDomain",
            "DarwinErrno",
            "AddrInfoError",
        ):
            assert f"\n{name} (" in "\n" + out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "table", "TLSAlert", "--json")
        table = json.loads(out)
        assert list(table) == ["TLSAlert"]
        assert table["TLSAlert"][0] == {
            "family": "TLSAlert",
            "code": 0,
            "name": "close_notify",
            "description": table["TLSAlert"][0]["description"],
            "source": "RFC 8446",
            "reserved": False,
        }

    def test_unknown_family(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, _, err = run(capsys, "table", "nope")
        assert status == 2
        assert "atscodes: error: unknown family 'nope'" in err


def _console_script() -> str:
    found = shutil.which("atscodes", path=os.path.dirname(sys.executable))
    if found is None:
        pytest.skip("the atscodes console script is not installed next to this Python")
    return found


def test_installed_console_script_end_to_end() -> None:
    result = subprocess.run(
        [_console_script(), "[3:-9813]"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "errSSLNoRootCert" in result.stdout


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "atscodes", "nope-not-a-code"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""


def test_closed_pipe_ends_quietly() -> None:
    """`atscodes table | head -1`: no traceback, no error message."""
    script = f"{sys.executable!r} -m atscodes table | head -n 1"
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False)
    assert result.stdout.startswith("TLSAlert (")
    assert result.stderr == ""


ANSI = re.compile(r"\x1b\[[0-9;]*m")


class FakeTerminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    status = main(list(argv))
    return status, terminal.getvalue()


class TestPastedText:
    LINE = "Task <1A>.<1> HTTP load failed (error code: -1200 [3:-9802])"

    def test_a_pasted_log_line_is_scanned(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, self.LINE)
        assert status == 0
        assert "pasted text: 2 codes found in it" in out
        assert "URLError -1200 NSURLErrorSecureConnectionFailed" in out
        assert "SSLStatus -9802 errSSLFatalAlert" in out

    def test_json_says_it_was_scanned(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "--json", self.LINE)
        assert status == 0
        [record] = json.loads(out)
        assert (record["recognised"], record["scanned"]) == (True, True)
        assert [i["code"] for i in record["interpretations"]] == [-1200, -9802]

    def test_text_without_codes_points_to_explain(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "the network is down today")
        assert status == 1
        assert "try `atscodes explain`" in out

    def test_control_characters_are_escaped(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "x\x1b[31mred\x07")
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "x\\x1b[31mred\\x07" in out


class TestNamesAsTyped:
    @pytest.mark.parametrize(
        "name",
        [
            "secureConnectionFailed",
            "URLError.secureConnectionFailed",
            ".secureConnectionFailed",
            "URLError.Code.secureConnectionFailed",
        ],
    )
    def test_swift_spellings(self, capsys: pytest.CaptureFixture[str], name: str) -> None:
        status, out, _ = run(capsys, name)
        assert status == 0
        assert "URLError -1200 NSURLErrorSecureConnectionFailed" in out

    def test_cfnetwork_swift_spelling(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "CFNetworkErrors.cfurlErrorSecureConnectionFailed")
        assert status == 0
        assert "CFNetworkError -1200 kCFURLErrorSecureConnectionFailed" in out

    def test_any_case(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "errsslpeerbadcert")
        assert status == 0
        assert "SSLStatus -9825 errSSLPeerBadCert" in out

    @pytest.mark.parametrize("query", ["\u22129802", "\uff0d\uff19\uff18\uff10\uff12"])
    def test_unicode_minus_and_full_width(
        self, capsys: pytest.CaptureFixture[str], query: str
    ) -> None:
        status, out, _ = run(capsys, query)
        assert status == 0
        assert "SSLStatus -9802 errSSLFatalAlert" in out

    def test_did_you_mean(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "errSSLPeerBadCer")
        assert status == 1
        assert "did you mean errSSLPeerBadCert" in out

    def test_a_5000_digit_number(self, capsys: pytest.CaptureFixture[str]) -> None:
        for argv in (["9" * 5000], ["--json", "-" + "9" * 5000], ["[3:" + "9" * 5000 + "]"]):
            status, out, err = run(capsys, *argv)
            assert status == 1
            assert err == ""
            assert "Traceback" not in out


class TestOptionsAnywhere:
    def test_json_before_and_after_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        before = run(capsys, "--json", "table", "SSLStatus")
        after = run(capsys, "table", "SSLStatus", "--json")
        assert before == after
        assert list(json.loads(before[1])) == ["SSLStatus"]

    def test_json_before_and_after_a_code(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "--json", "-9802") == run(capsys, "-9802", "--json")

    def test_a_value_option_before_the_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The value of `--width 50` is not taken for the command word."""
        before = run(capsys, "--width", "50", "translate", "42")
        after = run(capsys, "translate", "42", "--width", "50")
        assert before == after
        assert before[0] == 0
        assert max(len(line) for line in before[1].splitlines()) <= 50

    def test_a_negative_code_is_not_an_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "--json", "-9813", "-0x2A")
        assert status == 1
        assert [r["query"] for r in json.loads(out)] == ["-9813", "-0x2A"]

    def test_the_word_table_after_a_code_is_a_code(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, out, _ = run(capsys, "-9802", "table")
        assert status == 1
        assert "table\n  not recognised" in out


class TestHelp:
    def test_overview_lists_every_command_with_summary_and_example(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from importlib import import_module

        from atscodes._cli import _COMMANDS

        status, out, _ = run(capsys, "--help")
        assert status == 0
        listing = out.split("commands (", 1)[1]
        for name, module_name in _COMMANDS.items():
            module = import_module(module_name, "atscodes")
            assert f"  {name:<11} {module.SUMMARY}\n" in listing
            after = listing.split(f"  {name:<11} {module.SUMMARY}\n", 1)[1].splitlines()[0]
            assert f"atscodes {name}" in after, name

    @pytest.mark.parametrize("command", ["table", "translate", "completion", "explain"])
    def test_subcommand_help_shows_its_own_examples(
        self, capsys: pytest.CaptureFixture[str], command: str
    ) -> None:
        status, out, _ = run(capsys, command, "--help")
        assert status == 0
        examples = out.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert examples
        for line in examples:
            assert f"atscodes {command}" in line, line

    def test_version_anywhere(self, capsys: pytest.CaptureFixture[str]) -> None:
        import atscodes

        assert run(capsys, "--version")[1] == f"atscodes {atscodes.__version__}\n"


class TestCompletion:
    @pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
    def test_every_command_is_completed(
        self, capsys: pytest.CaptureFixture[str], shell: str
    ) -> None:
        from atscodes._cli import _COMMANDS

        status, out, _ = run(capsys, "completion", shell)
        assert status == 0
        for name in _COMMANDS:
            assert name in out
        assert "SSLStatus" in out
        assert "url-loading" in out
        # each word offered once (table's --help came twice, a black-box review)
        for line in out.splitlines():
            if 'compgen -W "' in line:
                offered = line.split('compgen -W "', 1)[1].split('"', 1)[0].split()
                assert len(offered) == len(set(offered)), line

    def test_unknown_shell(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, _, err = run(capsys, "completion", "tcsh")
        assert status == 2
        assert "invalid choice" in err

    def test_bash_script_completes(self, capsys: pytest.CaptureFixture[str]) -> None:
        if shutil.which("bash") is None:
            pytest.skip("bash is not installed")
        _, script, _ = run(capsys, "completion", "bash")
        probe = (
            script + "\nCOMP_WORDS=(atscodes transl); COMP_CWORD=1; _atscodes; echo ${COMPREPLY[@]}"
            "\nCOMP_WORDS=(atscodes table SSL); COMP_CWORD=2; _atscodes; echo ${COMPREPLY[@]}"
            "\nCOMP_WORDS=(atscodes translate 42 --layer u); COMP_CWORD=4; _atscodes;"
            " echo ${COMPREPLY[@]}"
        )
        result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
        assert result.stdout.splitlines() == ["translate", "SSLStatus", "url-loading"]

    @pytest.mark.parametrize("shell", ["zsh", "fish"])
    def test_zsh_and_fish_scripts_parse(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, shell: str
    ) -> None:
        if shutil.which(shell) is None:
            pytest.skip(f"{shell} is not installed")
        _, script, _ = run(capsys, "completion", shell)
        path = tmp_path / "atscodes.completion"
        path.write_text(script, encoding="utf-8")
        subprocess.run([shell, "-n", str(path)], check=True)

    def test_fish_script_completes(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        if shutil.which("fish") is None:
            pytest.skip("fish is not installed")
        _, script, _ = run(capsys, "completion", "fish")
        path = tmp_path / "atscodes.fish"
        path.write_text(script, encoding="utf-8")
        probe = (
            f"source {path}; complete -C'atscodes transl'; complete -C'atscodes table SSL';"
            " complete -C'atscodes translate 42 --layer '"
        )
        result = subprocess.run(
            ["fish", "--no-config", "-c", probe], capture_output=True, text=True, check=True
        )
        words = [line.split("\t")[0] for line in result.stdout.splitlines()]
        assert words == ["translate", "SSLStatus", "cfstream", "url-loading"]


class TestTerminal:
    def test_wraps_to_width_without_counting_colour(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("NO_COLOR", raising=False)
        status, out = on_terminal(monkeypatch, "--width", "60", "-9802")
        assert status == 0
        assert "\x1b[" in out
        visible = [ANSI.sub("", line) for line in out.splitlines()]
        assert max(len(line) for line in visible) <= 60
        assert max(len(line) for line in visible) >= 55  # wrapped at 60, not earlier

    def test_no_color_turns_colour_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("NO_COLOR", "1")
        _, out = on_terminal(monkeypatch, "-9802")
        assert "\x1b[" not in out

    def test_color_never_and_always(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.delenv("NO_COLOR", raising=False)
        _, out = on_terminal(monkeypatch, "--color", "never", "-9802")
        assert "\x1b[" not in out
        monkeypatch.undo()
        _, piped, _ = run(capsys, "--color", "always", "-9802")
        assert "\x1b[1;36mSSLStatus -9802 errSSLFatalAlert\x1b[0m" in piped

    def test_a_pipe_gets_no_colour_and_no_wrapping(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _, out, _ = run(capsys, "-9802")
        assert "\x1b[" not in out
        assert any(len(line) > 100 for line in out.splitlines())

    @pytest.mark.parametrize("width", ["0", "-3", "wide"])
    def test_width_must_be_positive(self, capsys: pytest.CaptureFixture[str], width: str) -> None:
        status, out, err = run(capsys, "--width", width, "-9802")
        assert status == 2
        assert out == ""
        assert "--width: must be a whole number of at least 1" in err


def _script(*argv: str | bytes) -> list[str | bytes]:
    return [sys.executable, "-m", "atscodes", *argv]


OUTPUT_COMMANDS = [
    ["-9802"],
    ["--json", "-9802"],
    ["table"],
    ["translate", "42"],
    ["explain", "-9802"],
    ["completion", "bash"],
    ["--help"],
    ["annotate", "-"],
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", OUTPUT_COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_status_2(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            _script(*argv),
            stdout=full,
            stderr=subprocess.PIPE,
            input="error -9802\n",
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "atscodes: error: write error: No space left on device\n"


@pytest.mark.parametrize("argv", OUTPUT_COMMANDS[:4], ids=" ".join)
def test_a_closed_stdout_is_one_line_and_status_2(argv: list[str]) -> None:
    result = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", *_script(*argv)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("atscodes: error: ")


def test_a_broken_pipe_ends_quietly_with_141() -> None:
    process = subprocess.Popen(_script("table"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


@pytest.mark.parametrize(
    "argv",
    [
        [b"--json", b"\xff-98\xfe02"],
        [b"--json", b"caf\xe9", b"-9802"],
        [b"translate", b"\xff", b"--json"],
        [b"explain", b"--json", b"\xff\xfe-9802"],
        [b"table", b"TLSAlert", b"--json"],
        [b"translate", b"-9802", b"--json", b"--os", b"iOS 11\xff"],
    ],
)
def test_json_is_valid_utf8_with_undecodable_argv(argv: list[bytes]) -> None:
    """Also under a C.UTF-8 locale, whose stdout writes surrogate escapes back as raw bytes."""
    environment = {**os.environ, "LC_ALL": "C.UTF-8"}
    result = subprocess.run(_script(*argv), capture_output=True, check=False, env=environment)
    assert result.returncode in (0, 1)
    json.loads(result.stdout.decode("utf-8"))


@pytest.mark.parametrize("command", [["explain"], ["translate"], []])
@pytest.mark.parametrize("width", ["0", "-1"])
def test_every_width_option_refuses_zero_and_negatives(
    capsys: pytest.CaptureFixture[str], command: list[str], width: str
) -> None:
    status, out, err = run(capsys, *command, f"--width={width}", "-9802")
    assert (status, out) == (2, "")
    assert "must be a whole number of at least 1" in err


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=3), st.booleans())
def test_any_arguments_end_in_an_exit_status_not_a_traceback(
    argv: list[str], as_json: bool
) -> None:
    """Arbitrary argv: 0, 1 or 2, and JSON mode prints JSON (or, on a usage error, nothing)."""
    from atscodes._cli import _COMMANDS

    assume(not set(argv) & set(_COMMANDS))  # subcommands read stdin or the network
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--json", *argv] if as_json else argv)
    assert status in (0, 1, 2)
    if as_json and status != 2:
        json.loads(out.getvalue())


def test_table_suggests_a_family(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "table", "SSLStatuss")
    assert status == 2
    assert "unknown family 'SSLStatuss'; did you mean SSLStatus?" in err


def test_table_shows_an_unknown_family_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    # A byte that is no UTF-8 was shown as Python's surrogate escape ('\udcff').
    status, _, err = run(capsys, "table", "x\udcff\x1b")
    assert status == 2
    assert "unknown family 'x\ufffd\\x1b'" in err
    assert "udcff" not in err


def test_value_options_lists_every_option_that_takes_a_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The top level and `ats` skip an option's value before their command word only for
    the options VALUE_OPTIONS lists: it must hold every subcommand's."""
    import argparse
    import importlib

    from atscodes._cli import _COMMANDS
    from atscodes._cli_text import VALUE_OPTIONS

    seen: set[str] = set()
    add = argparse.ArgumentParser.add_argument

    def spy(self: argparse.ArgumentParser, *names: Any, **options: Any) -> argparse.Action:
        action = add(self, *names, **options)
        if action.option_strings and action.nargs != 0:
            seen.update(name for name in action.option_strings if name.startswith("--"))
        return action

    monkeypatch.setattr(argparse.ArgumentParser, "add_argument", spy)
    built = 0
    for module_name in {*_COMMANDS.values(), "._cli_decode"}:
        module = importlib.import_module(module_name, "atscodes")
        for name in dir(module):
            if "parser" in name.lower() and callable(getattr(module, name)):
                try:
                    getattr(module, name)()
                    built += 1
                except TypeError:
                    pass  # not a parser factory
    assert built >= len(_COMMANDS)
    assert seen - {"--help"} == set(VALUE_OPTIONS)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        # an option the subcommand lacks, before the command word: named as written
        (["--color", "never", "table", "sslstatus"], "unrecognized arguments: --color=never"),
        (["ats", "frob"], "ats has no command 'frob'"),
    ],
)
def test_options_before_a_command_word_are_the_commands(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from atscodes._cli import main

    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_an_option_before_ats_lint_is_lints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plist = tmp_path / "Info.plist"
    plist.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict>'
        b"<key>NSAppTransportSecurity</key><dict><key>NSAllowsArbitraryLoads</key><true/>"
        b"</dict></dict></plist>"
    )
    from atscodes._cli import main

    status = main(["--json", "ats", "lint", str(plist)])
    out = capsys.readouterr().out
    assert status == main(["ats", "lint", str(plist), "--json"])
    assert json.loads(out) == json.loads(capsys.readouterr().out)
