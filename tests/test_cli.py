"""The command line: decode, tables, JSON, exit codes, errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

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
            "alerts reported as this on url_loading: 40 handshake_failure, 42 bad_certificate,"
            " 47 illegal_parameter, 49 access_denied, 50 decode_error"
        ) in out
        assert "NSURLError -1200 NSURLErrorSecureConnectionFailed" in out

    def test_an_alert_shows_both_layers(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "bad_certificate")
        assert "cfstream reports: -9825 errSSLPeerBadCert (observed, iOS 11 beta)" in out
        assert "url_loading reports: -9802 errSSLFatalAlert (observed, iOS 11 beta)" in out

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
        assert missing == {"query": "zzz", "recognised": False, "interpretations": []}
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
