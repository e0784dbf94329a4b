"""``atscodes translate``: alerts to statuses per layer and back, with evidence per row."""

from __future__ import annotations

import json

import pytest

from atscodes import Layer, TLSAlert, alert_mappings, alerts_for_status
from atscodes._cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_an_alert_gives_the_status_of_each_layer(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "translate", "42")
    assert (status, err) == (0, "")
    assert out.startswith("TLS alert 42 bad_certificate")
    assert "  cfstream: -9825 errSSLPeerBadCert (observed, iOS 11 beta)" in out
    assert "  url-loading: -9802 errSSLFatalAlert (observed, iOS 11 beta)" in out
    assert "Apple Developer Forums thread 80638" in out


@pytest.mark.parametrize("layer", ["cfstream", "CFStream", "CFSTREAM"])
def test_layer_cfstream_any_case(capsys: pytest.CaptureFixture[str], layer: str) -> None:
    _, out, _ = run(capsys, "translate", "bad_certificate", "--layer", layer)
    assert "cfstream: -9825" in out
    assert "url-loading" not in out


@pytest.mark.parametrize("layer", ["url-loading", "url_loading", "URL-Loading", "URL_LOADING"])
def test_layer_url_loading_spellings(capsys: pytest.CaptureFixture[str], layer: str) -> None:
    _, out, _ = run(capsys, f"--layer={layer}", "translate", "42")
    assert "url-loading: -9802 errSSLFatalAlert" in out
    assert "cfstream" not in out


def test_unknown_layer_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "translate", "42", "--layer", "tcp")
    assert status == 2
    assert "unknown layer 'tcp' (one of: cfstream, url-loading, network)" in err


def test_an_os_without_a_version_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "translate", "42", "--os", "16")
    assert status == 2
    assert "'16' names no platform and major version" in err


def test_a_status_gives_every_alert_behind_it(capsys: pytest.CaptureFixture[str]) -> None:
    """No "(7 more)": every alert the tables hold for -9802 on the URL loading system."""
    status, out, _ = run(capsys, "translate", "-9802", "--layer", "url-loading")
    assert status == 0
    expected = sorted(alerts_for_status(-9802, Layer.URL_LOADING))
    assert len(expected) == 5
    for alert in expected:
        assert f"    {int(alert)} {alert.name} (observed, iOS 11 beta)" in out
    assert "more)" not in out
    assert "-1200 NSURLErrorSecureConnectionFailed" in out
    assert "evidence, not a rule" in out


def test_a_url_error_gives_the_statuses_seen_with_it(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "translate", "secureConnectionFailed")
    assert status == 0
    assert out.startswith("URLError -1200 NSURLErrorSecureConnectionFailed")
    assert "-9802 errSSLFatalAlert (iOS 11 beta; Apple Developer Forums thread 80638)" in out


def test_os_filter_keeps_rows_of_that_os_and_rows_read_in_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "translate", "42", "--os", "iOS 11")
    assert "(observed, iOS 11 beta)" in out
    _, out, _ = run(capsys, "translate", "42", "--os", "iOS 12")
    assert "observed" not in out
    assert "(source, no OS stated)" in out


def test_os_filter_on_the_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "translate", "-1200", "--os", "iOS 16")
    assert "errSSLClosedNoNotify (iOS 16;" in out
    assert "(iOS 11 beta;" not in out


def test_json_rows_carry_basis_os_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--json", "translate", "42")
    assert status == 0
    result = json.loads(out)
    [alert] = result["translations"]
    assert (alert["kind"], alert["code"], alert["name"]) == ("alert", 42, "bad_certificate")
    rows = alert["layers"]["cfstream"]
    assert len(rows) == len(alert_mappings(TLSAlert.bad_certificate, Layer.CFSTREAM))
    assert {r["basis"] for r in rows} == {"observed", "source"}
    assert all(r["source"] for r in rows)
    assert result["layers"] == [layer.value for layer in Layer]


def test_json_for_a_status(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "translate", "-9802", "--json", "--layer", "url-loading")
    [found] = json.loads(out)["translations"]
    assert [r["alert"] for r in found["alerts"]["url_loading"]] == [40, 42, 47, 49, 50]
    assert {e["url_error"] for e in found["url_errors"]} == {-1200}


def test_options_before_and_after_agree(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "--json", "translate", "-9802")
    second = run(capsys, "translate", "-9802", "--json")
    third = run(capsys, "translate", "--json", "--", "-9802")
    assert first == second == third


def test_not_translatable_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "translate", "bad_certficate")
    assert status == 1
    assert out == ""
    assert "did you mean bad_certificate?" in err


def test_not_translatable_json_is_still_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "translate", "ENOENT", "--json")
    assert status == 1
    assert json.loads(out)["translations"] == []


def test_help_shows_its_own_examples_only(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "translate", "--help")
    assert status == 0
    examples = out.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples
    assert all(line.strip().startswith("atscodes translate ") for line in examples)
