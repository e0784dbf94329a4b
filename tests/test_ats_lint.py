"""`ats lint`: the NIAP keys, several files and stdin, the count line, untrusted text.

The NIAP fixtures follow Apple's NSRequiresNIAPTLSPackageVersion and
NSExceptionRequiresNIAPTLSPackageVersion pages (strings: ``none`` or ``FCP_v2.1``).
"""

from __future__ import annotations

import io
import json
import plistlib
import sys
from pathlib import Path
from typing import Any

import pytest

from atscodes._cli import main

FORMATS = pytest.mark.parametrize(
    "fmt", [plistlib.FMT_XML, plistlib.FMT_BINARY], ids=["xml", "binary"]
)


def niap(global_value: Any, domain_value: Any) -> dict[str, Any]:
    return {
        "NSAppTransportSecurity": {
            "NSRequiresNIAPTLSPackageVersion": global_value,
            "NSExceptionDomains": {
                "api.example.com": {"NSExceptionRequiresNIAPTLSPackageVersion": domain_value}
            },
        }
    }


def lint_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    status = main(["ats", "lint", "--json", str(path)])
    return status, json.loads(capsys.readouterr().out)


@FORMATS
@pytest.mark.parametrize(("first", "second"), [("FCP_v2.1", "none"), ("none", "FCP_v2.1")])
def test_niap_strings_are_valid(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: plistlib.PlistFormat,
    first: str,
    second: str,
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(plistlib.dumps(niap(first, second), fmt=fmt))
    status, findings = lint_json(file, capsys)
    assert findings == []
    assert status == 0


@FORMATS
def test_niap_booleans_are_the_wrong_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: plistlib.PlistFormat
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(plistlib.dumps(niap(True, False), fmt=fmt))
    status, findings = lint_json(file, capsys)
    assert status == 1
    assert {(f["rule"], f["path"].split(" > ")[-1]) for f in findings} == {
        ("wrong-type", "NSRequiresNIAPTLSPackageVersion"),
        ("wrong-type", "NSExceptionRequiresNIAPTLSPackageVersion"),
    }


@FORMATS
def test_niap_unknown_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: plistlib.PlistFormat
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(plistlib.dumps(niap("FCP_v2.0", "None"), fmt=fmt))
    status, findings = lint_json(file, capsys)
    assert status == 1
    assert [f["rule"] for f in findings] == ["invalid-niap-version", "invalid-niap-version"]
    assert {f["suggestion"] for f in findings} == {"use FCP_v2.1", "use none"}


def test_trailing_dot_is_marked_as_inference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(
        plistlib.dumps({"NSAppTransportSecurity": {"NSExceptionDomains": {"a.example.": {}}}})
    )
    status, findings = lint_json(file, capsys)
    (finding,) = findings
    assert (finding["rule"], finding["severity"], finding["inference"]) == (
        "domain-trailing-dot",
        "info",
        True,
    )
    assert status == 0
    main(["ats", "lint", str(file)])
    assert "(inference)" in capsys.readouterr().out


def test_legacy_key_claims_only_what_apple_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "Info.plist"
    file.write_bytes(
        plistlib.dumps(
            {
                "NSAppTransportSecurity": {
                    "NSExceptionDomains": {
                        "a.example": {"NSTemporaryExceptionMinimumTLSVersion": "TLSv1.0"}
                    }
                }
            }
        )
    )
    _, findings = lint_json(file, capsys)
    message = next(f["message"] for f in findings if f["rule"] == "legacy-key")
    assert "honour" not in message
    assert "not documented" in message


def test_several_files_stdin_and_the_count_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.plist"
    good.write_bytes(plistlib.dumps(niap("none", "none")))
    bad = tmp_path / "bad.plist"
    bad.write_bytes(plistlib.dumps({"NSAppTransportSecurity": {"NSAllowsArbitrayLoads": True}}))
    stdin = plistlib.dumps(niap(True, "none"), fmt=plistlib.FMT_BINARY)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(["ats", "lint", str(good), str(bad), "-"])
    out = capsys.readouterr().out
    assert status == 1
    assert f"{good}: no App Transport Security problems found" in out
    assert f"{bad}: error: NSAppTransportSecurity > NSAllowsArbitrayLoads" in out
    assert "<stdin>: error: NSAppTransportSecurity > NSRequiresNIAPTLSPackageVersion" in out
    assert out.splitlines()[-1] == "3 files: 2 error(s), 0 warning(s), 0 info"


def test_several_files_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.plist", tmp_path / "two.plist"
    one.write_bytes(plistlib.dumps(niap("none", "none")))
    two.write_bytes(plistlib.dumps({"CFBundleName": "x"}))
    assert main(["ats", "lint", "--json", str(one), str(two)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["file"] for d in data] == [str(one), str(two)]
    assert [f["rule"] for f in data[1]["findings"]] == ["no-ats-dictionary"]


def test_hostile_keys_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = "NSAllows\x1b]0;owned\x07\nInfo.plist: no App Transport Security problems found"
    file = tmp_path / "Info.plist"
    # XML plists cannot hold control characters; binary ones can
    file.write_bytes(
        plistlib.dumps({"NSAppTransportSecurity": {key: True}}, fmt=plistlib.FMT_BINARY)
    )
    assert main(["ats", "lint", str(file)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert not any(line.startswith("Info.plist:") for line in out.splitlines())
    assert "NSAllows\\x1b]0;owned\\x07\\x0aInfo.plist" in out
    assert main(["ats", "lint", "--json", str(file)]) == 1
    raw = capsys.readouterr().out
    assert raw.isascii()
    assert json.loads(raw)[0]["path"] == f"NSAppTransportSecurity > {key}"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, é, 日本", "plain text, é, 日本"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("line\nbreak\r", "line\\x0abreak\\x0d"),
        ("\u202egnp.exe", "\\u202egnp.exe"),
        ("\u2028", "\\u2028"),
        ("\x85", "\\x85"),
        ("\U000e0041", "\\U000e0041"),
    ],
)
def test_escape(raw: str, shown: str) -> None:
    from atscodes._untrusted import escape

    assert escape(raw) == shown
