"""`atscodes annotate`: a lossless filter over files and stdin, JSONL, removal, pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

LOG = (
    b"2017-09-27 21:39:18.361086-0400 TekIT[7181:4408659] TIC TCP Conn Failed "
    b"[17:0x1c4169480]: 1:61 Err(61)\n"
    b"2017-09-27 21:39:18.361252-0400 TekIT[7181:4408659] Task <102BC563>.<1> HTTP load "
    b"failed (error code: -1004 [1:61])\r\n"
    b"\xff not utf-8, NUL \x00, no code\n"
    b"last line without newline (kCFStreamErrorDomainSSL, -9802)"
)


def atscodes(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "atscodes", *args], input=stdin, capture_output=True, check=False
    )


def test_stdin_to_stdout_adds_only_annotations() -> None:
    result = atscodes("annotate", stdin=LOG)
    assert result.returncode == 0
    assert result.stderr == b""
    assert "1:61 ⟦ECONNREFUSED⟧ Err(61 ⟦ECONNREFUSED⟧)".encode() in result.stdout
    assert "-1004 ⟦NSURLErrorCannotConnectToHost⟧ [1:61] ⟦ECONNREFUSED⟧)\r\n".encode() in (
        result.stdout
    )
    assert result.stdout.endswith("-9802 ⟦errSSLFatalAlert⟧)".encode())
    removed = atscodes("annotate", "--remove", stdin=result.stdout)
    assert removed.stdout == LOG


def test_files_and_dash(tmp_path: Path) -> None:
    first = tmp_path / "a.log"
    first.write_bytes(LOG)
    result = atscodes("annotate", str(first), "-", stdin=b"plain\n")
    assert result.stdout.endswith(b"plain\n")
    assert result.returncode == 0


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.log"
    path.write_bytes(LOG)
    result = atscodes("annotate", "--jsonl", str(path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["text"], r["code"], r["name"]) for r in records] == [
        (1, "1:61", 61, "ECONNREFUSED"),
        (1, "61", 61, "ECONNREFUSED"),
        (2, "-1004", -1004, "NSURLErrorCannotConnectToHost"),
        (2, "[1:61]", 61, "ECONNREFUSED"),
        (4, "-9802", -9802, "errSSLFatalAlert"),
    ]
    assert {r["file"] for r in records} == {str(path)}
    assert set(records[0]) >= {
        "file",
        "line",
        "column",
        "text",
        "domain",
        "code",
        "name",
        "description",
    }


def test_exit_1_when_nothing_is_found() -> None:
    result = atscodes("annotate", stdin=b"nothing to see\n")
    assert (result.returncode, result.stdout) == (1, b"nothing to see\n")


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    result = atscodes("annotate", str(tmp_path / "missing.log"))
    assert result.returncode == 2
    assert result.stderr.startswith(b"atscodes: error: cannot read ")
    assert b"Traceback" not in result.stderr


def test_jsonl_and_remove_do_not_mix() -> None:
    result = atscodes("annotate", "--jsonl", "--remove", stdin=b"")
    assert result.returncode == 2
    assert b"not allowed with" in result.stderr


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_bytes(LOG * 20000)
    script = f"{sys.executable!r} -m atscodes annotate {str(path)!r} | head -n 2"
    result = subprocess.run(["sh", "-c", script], capture_output=True, check=False)
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == b""


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX pipe")
def test_each_line_is_shown_as_it_arrives() -> None:
    """Like `tail -f log | atscodes annotate`: output follows input without waiting for EOF."""
    process = subprocess.Popen(
        [sys.executable, "-m", "atscodes", "annotate"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write(b"HTTP load failed (kCFStreamErrorDomainSSL, -9813)\n")
        process.stdin.flush()
        os.set_blocking(process.stdout.fileno(), False)
        deadline = time.monotonic() + 30
        received = b""
        while b"\n" not in received and time.monotonic() < deadline:
            chunk = process.stdout.read()
            received += chunk or b""
            time.sleep(0.05)
        assert b"errSSLNoRootCert" in received
        assert process.poll() is None  # still running: stdin is open
    finally:
        process.stdin.close()
        process.wait(timeout=30)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["-"],
        ["a.log", "b.log"],
        ["--remove", "a.log"],
        ["-j", "2", "a.log", "--no-fail"],
        ["a.log", "--jobs", "07"],
        ["--no-fail", "--remove", "-", "x"],
    ],
)
def test_the_quick_reading_of_argv_is_argparse_s(argv: list[str]) -> None:
    from atscodes._cli_annotate import _parser, _quick_args

    assert vars(_quick_args(argv)) == vars(_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["-j"], ["-j", "0"], ["--jobs", "x"], ["-j", "1", "-j", "2"], ["--rem"], ["--jsonl"], ["-h"]],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    from atscodes._cli_annotate import _quick_args

    assert _quick_args(argv) is None
