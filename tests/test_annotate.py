"""annotate's engine: lossless on any bytes and line length, the marker escaped, JSON kept valid."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atscodes._annotate as engine
import atscodes._parallel as parallel
from atscodes import scan, scan_lines, scan_stream, strip_annotations
from atscodes._annotate import CLOSE, OPEN, annotate_bytes, process

CODES = [
    "(kCFStreamErrorDomainSSL, -9813)",
    "error code: -1200 [3:-9802]",
    "Error Domain=NSURLErrorDomain Code=-1001",
    "_kCFStreamErrorCodeKey=-2102, _kCFStreamErrorDomainKey=4",
    "TIC TCP Conn Failed [1:0x1]: 3:-9802 Err(-9802)",
    "SSL alert number 42",
]
# Pieces of the marker that are not an annotation of the code before them.
MARKERS = [OPEN, CLOSE, f" {OPEN}", f" {OPEN}abc{CLOSE}", f"{OPEN}{OPEN}", f" {OPEN} {CLOSE}"]


@contextmanager
def blocks(block: int, overlap: int) -> Iterator[None]:
    saved = engine.BLOCK, engine.OVERLAP
    engine.BLOCK, engine.OVERLAP = block, overlap
    try:
        yield
    finally:
        engine.BLOCK, engine.OVERLAP = saved


def annotated(data: bytes) -> bytes:
    out = io.BytesIO()
    for _ in process(io.BytesIO(data), out):
        pass
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*CODES, *MARKERS, "\n", "\r", "\r\n", "x" * 50, "é中", " "])
        | st.binary(max_size=12).map(lambda b: b.decode("utf-8", "surrogateescape")),
        max_size=40,
    ),
    st.sampled_from([(64, 32), (100, 40), (256, 96), (1 << 20, 4096)]),
)
def test_round_trip_with_the_marker_and_tiny_blocks(
    parts: list[str], sizes: tuple[int, int]
) -> None:
    """Arbitrary bytes with the marker in them, blocks so small that everything straddles."""
    data = "".join(parts).encode("utf-8", "surrogateescape")
    with blocks(*sizes):
        out = annotated(data)
        assert strip_annotations(out) == data
        removed = io.BytesIO()
        engine.strip_stream(io.BytesIO(out), removed)
    assert removed.getvalue() == data


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.binary(max_size=300))
def test_round_trip_on_random_bytes_around_the_marker(head: bytes, tail: bytes) -> None:
    # (a label right after its own code would be an annotation: the byte before is "|")
    data = head + b"|" + OPEN.encode() + b"errSSLFatalAlert" + CLOSE.encode() + tail
    data += b" " + OPEN.encode() + b"labelled by hand" + CLOSE.encode() + head
    assert strip_annotations(annotate_bytes(data)) == data


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*CODES, "\n", " ", "x" * 30, "\r\n"]), max_size=30))
def test_annotating_twice_adds_nothing(parts: list[str]) -> None:
    data = "".join(parts).encode()
    once = annotate_bytes(data)
    assert annotate_bytes(once) == once
    assert strip_annotations(once) == data


def test_the_escaped_form() -> None:
    data = f"literal {OPEN}x{CLOSE} then (kCFStreamErrorDomainSSL, -9802)\n".encode()
    out = annotate_bytes(data)
    assert (
        out
        == (
            f"literal {OPEN}{OPEN}x{CLOSE} then (kCFStreamErrorDomainSSL, -9802"
            f" {OPEN}errSSLFatalAlert{CLOSE})\n"
        ).encode()
    )
    assert strip_annotations(out) == data


def test_a_stale_annotation_is_kept_as_text() -> None:
    """A label that is not the code's own is the user's text: escaped, then restored."""
    data = f"(kCFStreamErrorDomainSSL, -9802 {OPEN}errSSLClosedAbort{CLOSE})".encode()
    out = annotate_bytes(data)
    assert out.count(f" {OPEN}errSSLFatalAlert{CLOSE}".encode()) == 1
    assert strip_annotations(out) == data


def test_strip_annotations_takes_str_and_bytes() -> None:
    text = f"-9802 {OPEN}errSSLFatalAlert{CLOSE} and {OPEN}{OPEN}"
    assert strip_annotations(text) == f"-9802 and {OPEN}"
    assert strip_annotations(text.encode()) == f"-9802 and {OPEN}".encode()
    with pytest.raises(TypeError, match="str or bytes"):
        strip_annotations(42)  # type: ignore[type-var]


def test_scan_stream_takes_text_and_binary_streams() -> None:
    text = "a\nHTTP load failed (kCFStreamErrorDomainSSL, -9802)\n\xe9 [3:-9813] error\n"
    binary = [(f.line_no, f.code, f.span) for f in scan_stream(io.BytesIO(text.encode()))]
    textual = [(f.line_no, f.code, f.span) for f in scan_stream(io.StringIO(text))]
    lines = [(f.line_no, f.code, f.span) for f in scan_lines(text.splitlines(keepends=True))]
    assert binary == textual == lines
    assert len(lines) == 2


def test_cr_only_line_ends_are_lines() -> None:
    lf = "one (kCFStreamErrorDomainSSL, -9802)\ntwo\nthree error [3:-9813]\n" * 50
    for ending in ("\r", "\r\n"):
        data = lf.replace("\n", ending).encode()
        found = [(f.line_no, f.code, f.column) for f in process(io.BytesIO(data), None)]
        assert found == [
            (f.line_no, f.code, f.column) for f in process(io.BytesIO(lf.encode()), None)
        ]
        assert strip_annotations(annotate_bytes(data)) == data
    with blocks(64, 32):
        data = lf.replace("\n", "\r").encode()
        found = [(f.line_no, f.code) for f in process(io.BytesIO(data), None)]
    assert found[-1] == (150, -9813)


def test_long_lines_keep_context_and_line_relative_spans() -> None:
    """With tiny windows a long line is scanned piecewise; it must agree with scan()."""
    pieces = []
    for index in range(40):
        pieces.append("y" * (37 * index % 300))
        pieces.append(CODES[index % len(CODES)])
    line = " ".join(pieces)
    whole = [(f.code, f.domain, f.span, f.column) for f in scan(line)]
    with blocks(512, 256):
        data = (line + "\n" + line).encode()
        found = list(process(io.BytesIO(data), io.BytesIO()))
    first = [(f.code, f.domain, f.span, f.column) for f in found if f.line_no == 1]
    assert first == whole
    assert [(f.code, f.span) for f in found if f.line_no == 2] == [(c, s) for c, _, s, _ in whole]
    for f in found:
        assert line[f.span[0] : f.span[1]] == f.text


def test_domain_key_before_a_window_boundary_is_still_seen() -> None:
    line = (
        "x" * 3000 + " _kCFStreamErrorDomainKey=4, " + "z" * 700 + " _kCFStreamErrorCodeKey=-2102"
    )
    with blocks(1024, 1024):
        found = list(process(io.BytesIO(line.encode()), None))
    assert [(f.domain, f.code) for f in found] == [("kCFStreamErrorDomainHTTP", -2102)]
    assert found[0].column == line.index("-2102") + 1


def test_a_5_mb_single_line() -> None:
    unit = "z" * 4000 + " HTTP load failed (kCFStreamErrorDomainSSL, -9802) " + "é" * 100
    line = (unit * (5_000_000 // len(unit) + 1)).encode()
    out = io.BytesIO()
    found = list(process(io.BytesIO(line), out))
    assert len(found) == line.count(b"-9802")
    text = line.decode()
    assert all(text[f.span[0] : f.span[1]] == "-9802" for f in found)
    assert found[-1].column == text.rindex("-9802") + 1
    assert strip_annotations(out.getvalue()) == line


def test_json_lines_stay_valid_json() -> None:
    lines = [
        {"eventMessage": "HTTP load failed (kCFStreamErrorDomainSSL, -9802)", "code": -1200},
        {"value": "Code: -1200", "nested": {"error code": -9806, "text": "error [3:-9813]"}},
        ["(kCFStreamErrorDomainSSL, -9802)", -9802, {"_kCFStreamErrorCodeKey": -9802}],
    ]
    data = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    out = annotate_bytes(data)
    assert OPEN.encode() in out
    for original, written in zip(lines, out.splitlines()):
        assert json.loads(strip_annotations(written)) == original
        json.loads(written)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        # Xcode's console without its timestamp column, a subsystem in brackets first
        (
            "[BoringSSL] boringssl_context_handle_fatal_alert(1872) [C1.1:2][0x10] read alert,"
            " level: fatal, description: bad certificate",
            "TLS alert 42",
        ),
        (
            "[connection] nw_socket_handle_socket_event [C1:1] Socket SO_ERROR [61: Connection"
            " refused]",
            "ECONNREFUSED",
        ),
        # Node's util.inspect (a16z-infra/companion-app issue 102) and a CFNetwork pair
        ("{ errno: -61, code: 'ECONNREFUSED', syscall: 'connect' }", "ECONNREFUSED"),
        ("[3:-9802] handshake failed", "errSSLFatalAlert"),
    ],
)
def test_a_line_that_starts_with_a_bracket_but_is_no_json_is_annotated(
    line: str, label: str
) -> None:
    # Every line that started with "[" or "{" was taken for JSON, annotated only inside
    # its strings: these got nothing.
    out = annotate_bytes(line.encode() + b"\n")
    assert f" {OPEN}{label}{CLOSE}".encode() in out
    assert strip_annotations(out) == line.encode() + b"\n"


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "[" + "1" * n + "x",
        lambda n: "{" + " " * n + "x",
        lambda n: "[" + " " * n + "-" + "9" * n + "." + "0" * n + "e" + " " * n + "x",
    ],
)
def test_the_json_line_test_is_linear(make: Callable[[int], str]) -> None:
    """A complexity test: 16x the input costs about 16x (a backtracking pattern: 256x)."""
    from atscodes._annotate import _is_json_line

    texts = [make(n) for n in (4_000, 64_000)]
    costs = [float("inf")] * 2
    for _ in range(5):
        for which, text in enumerate(texts):
            start = time.perf_counter()
            for _ in range(10):
                _is_json_line(text)
            costs[which] = min(costs[which], time.perf_counter() - start)
    assert costs[1] / max(costs[0], 1e-6) < 100
    assert costs[1] < 1.0


def test_a_pretty_printed_json_document_stays_valid() -> None:
    event = {
        "exception": {
            "values": [
                {
                    "type": "NSURLErrorDomain",
                    "value": "Code: -1200",
                    "mechanism": {
                        "type": "NSError",
                        "description": "Error Domain=NSURLErrorDomain Code=-1200",
                        "meta": {"ns_error": {"domain": "NSURLErrorDomain", "code": -1200}},
                        "data": {"_kCFStreamErrorCodeKey": -9802, "_kCFStreamErrorDomainKey": 3},
                    },
                }
            ]
        }
    }
    for indent in (2, 4, None):
        data = json.dumps(event, indent=indent).encode()
        out = annotate_bytes(data)
        assert f"Code=-1200 {OPEN}".encode() in out
        assert json.loads(out)["exception"]["values"][0]["mechanism"]["meta"] == {
            "ns_error": {"domain": "NSURLErrorDomain", "code": -1200}
        }


def atscodes(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "atscodes", *args],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_a_missing_file_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    first, last = tmp_path / "a.log", tmp_path / "b.log"
    first.write_bytes(b"a (kCFStreamErrorDomainSSL, -9802)\n")
    last.write_bytes(b"b [3:-9813] error\n")
    result = atscodes("annotate", str(first), str(tmp_path / "missing.log"), str(last))
    assert result.returncode == 2
    assert b"missing.log" in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout.startswith(b"a (kCFStreamErrorDomainSSL, -9802 ")
    last_line = result.stdout.splitlines()[-1]
    assert last_line.startswith(b"b [3:-9813")
    assert f"{OPEN}errSSLNoRootCert{CLOSE}".encode() in last_line


def test_no_fail() -> None:
    assert atscodes("annotate", stdin=b"nothing\n").returncode == 1
    assert atscodes("annotate", "--no-fail", stdin=b"nothing\n").returncode == 0
    assert atscodes("annotate", stdin=b"nothing\n", env={"ATSCODES_NO_FAIL": "1"}).returncode == 0


def test_jobs_give_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    unit = b"2026-11-27 02:09:49 MyApp (CFNetwork) Task resuming\n" * 40
    unit += b"HTTP load failed (kCFStreamErrorDomainSSL, -9802) \xff\n"
    path.write_bytes(unit * 12000)  # about 25 MB: several pieces
    serial = atscodes("annotate", "--jobs", "1", str(path))
    parallel = atscodes("annotate", "--jobs", "2", str(path))
    with path.open("rb") as stdin:
        redirected = subprocess.run(
            [sys.executable, "-m", "atscodes", "annotate", "-j", "2"],
            stdin=stdin,
            capture_output=True,
            check=False,
        )
    assert serial.returncode == parallel.returncode == redirected.returncode == 0
    assert parallel.stdout == serial.stdout == redirected.stdout
    assert strip_annotations(parallel.stdout) == path.read_bytes()


def test_jobs_three_and_the_default_give_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    unit = b"2026-11-27 02:09:49 MyApp (CFNetwork) Task resuming\n" * 40
    unit += b"TIC TCP Conn Failed [7:0x1]: 3:-9813 Err(-9813)\r\n"
    path.write_bytes(unit * 5000)  # about 10 MB: over PARALLEL_MIN, several pieces
    assert path.stat().st_size >= parallel.PARALLEL_MIN
    serial = atscodes("annotate", "-j", "1", str(path))
    assert serial.returncode == 0
    assert atscodes("annotate", "-j", "3", str(path)).stdout == serial.stdout
    assert atscodes("annotate", str(path)).stdout == serial.stdout


def test_two_jobs_with_long_lines_cr_only_lines_and_dense_codes(tmp_path: Path) -> None:
    """The two-process way: a piece holding a line longer than a block goes whole."""
    path = tmp_path / "mixed.log"
    code = b"HTTP load failed (kCFStreamErrorDomainSSL, -9802) "
    parts = [
        b"Task resuming\n" * 100_000,
        code * 70_000 + b"\n",  # about 3.6 MB in one line
        (b"TIC TCP Conn Failed [7:0x1]: 3:-9813 Err(-9813)\r" + b"plain\r" * 20) * 20_000,
        b"\n",
        code * 3 + b"\n" * 2 + (b"x\xff" + code + b"\n") * 60_000,
        b"no final newline " + code,
    ]
    path.write_bytes(b"".join(parts))
    serial = atscodes("annotate", "-j", "1", str(path))
    assert serial.returncode == 0
    assert atscodes("annotate", "-j", "2", str(path)).stdout == serial.stdout
    assert strip_annotations(serial.stdout) == path.read_bytes()


@pytest.mark.parametrize(("busy", "queue"), [(1, 1), (6, 32), (1, 2)])
def test_two_processes_whoever_scans_each_piece(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, busy: int, queue: int
) -> None:
    """The scanner process kept busy, so that this one scans pieces too: the same bytes."""
    monkeypatch.setattr(parallel, "_BUSY", busy)
    monkeypatch.setattr(parallel, "_QUEUE", queue)
    monkeypatch.setattr(parallel, "_BLOCK", 1 << 16)
    path = tmp_path / "in.log"
    unit = b"Task resuming\n" * 300 + b"HTTP load failed (kCFStreamErrorDomainSSL, -9802)\n"
    data = unit * 400 + b"x" * 200_000 + b" [3:-9813] error\n" + unit * 50
    path.write_bytes(data)
    target = tmp_path / "out.log"
    with path.open("rb") as stream, target.open("wb") as out:
        assert parallel.annotate_file(stream, out, 2) is True
    assert target.read_bytes() == annotate_bytes(data)


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_end_pieces_where_no_record_is_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Pieces small enough that nominal cuts fall inside NSError dumps: one process's bytes.

    A dump's later lines read their domain from its first (``_kCFStreamErrorCodeKey = 61``
    is ECONNREFUSED only under ``_kCFStreamErrorDomainKey = 1``); a piece that began
    there would read them without it.
    """
    monkeypatch.setattr(parallel, "_BLOCK", 4096)
    monkeypatch.setattr(parallel, "_PIECE_MIN", 4096)
    monkeypatch.setattr(parallel, "_PIECE_MAX", 4096)
    dump = (
        b'Error Domain=NSURLErrorDomain Code=-1004 "x" UserInfo={\n'
        b"    _kCFStreamErrorDomainKey = 1;\n"
        + b"    NSLocalizedDescription = y;\n"
        + b"    _kCFStreamErrorCodeKey = 61;\n}\n"
    )
    units = [dump + b"Task resuming\n" * (index % 5) for index in range(400)]
    data = b"".join(units)
    path = tmp_path / "in.log"
    path.write_bytes(data)
    serial = annotate_bytes(data)
    assert serial.count(b"ECONNREFUSED") == 400
    target = tmp_path / "out.log"
    with path.open("rb") as stream, target.open("wb") as out:
        assert parallel.annotate_file(stream, out, jobs) is True
    assert target.read_bytes() == serial


def test_a_quiet_cut_follows_three_lines_without_a_marker() -> None:
    data = b"a\nerror 1\nb\nc\nd\nerror 2\ne\nf\n"
    after_d = data.index(b"error 2")
    assert parallel._quiet_cut(data, len(data)) == after_d
    assert parallel._quiet_cut(data, after_d) == after_d
    assert parallel._quiet_cut(data, after_d - 2) is None  # too few lines before
    dense = b"error 1\n" * 100
    assert parallel._quiet_cut(dense, len(dense)) is None


def test_a_quiet_place_after_reads_forward(tmp_path: Path) -> None:
    path = tmp_path / "in.log"
    data = b"error 1\n" * 20_000 + b"a\nb\nc\nd\n" + b"error 2\n"
    path.write_bytes(data)
    with path.open("rb") as stream:
        fd = stream.fileno()
        after_c = data.index(b"d\n")
        assert parallel._quiet_after(fd, 0, len(data)) == after_c
        assert parallel._quiet_after(fd, after_c + 2, len(data)) == len(data)
    # a long marker-less line counts as one line, a marker split by a window is seen
    data = b"x" * 200_000 + b"\n" + b"y" * (parallel._QUIET_SPAN - 3) + b"error 3\n" + b"a\nb\n"
    path.write_bytes(data)
    with path.open("rb") as stream:
        assert parallel._quiet_after(stream.fileno(), 0, len(data)) == len(data)


@pytest.mark.parametrize("jobs", [2, 3, 4])
def test_jobs_on_a_log_dense_with_codes_give_one_processs_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A code on every line for longer than the quiet-cut search: a piece still never ends
    where one process holds context (a black-box review: Node's "errno: -60," whose
    ``code: 'ETIMEDOUT'`` came on the next line, in the next piece, lost its annotation;
    -j 1, -j 2 and -j 4 gave three different outputs on a 20 MB log)."""
    monkeypatch.setattr(parallel, "_BLOCK", 4096)
    monkeypatch.setattr(parallel, "_PIECE_MIN", 4096)
    monkeypatch.setattr(parallel, "_PIECE_MAX", 4096)
    monkeypatch.setattr(parallel, "_QUIET_SPAN", 1024)
    node = b"  errno: -60,\n  code: 'ETIMEDOUT',\n"
    units = [
        node * (1 + index % 40) + b"quiet\n" * (3 if index % 7 == 0 else 0) for index in range(300)
    ]
    data = b"".join(units)
    path = tmp_path / "in.log"
    path.write_bytes(data)
    serial = annotate_bytes(data)
    assert serial.count(b"-60 \xe2\x9f\xa6ETIMEDOUT") == data.count(b"errno: -60")
    target = tmp_path / "out.log"
    with path.open("rb") as stream, target.open("wb") as out:
        assert parallel.annotate_file(stream, out, jobs) is True
    assert target.read_bytes() == serial


def test_jobs_into_a_reader_that_goes_away(tmp_path: Path) -> None:
    """`annotate -j 2 big.log | head`: status 141, no traceback, no process left waiting."""
    path = tmp_path / "big.log"
    path.write_bytes(b"HTTP load failed (kCFStreamErrorDomainSSL, -9802)\n" * 400_000)
    reader = subprocess.Popen(
        ["head", "-c", "100"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    assert reader.stdin is not None
    done = subprocess.run(
        [sys.executable, "-m", "atscodes", "annotate", "-j", "2", str(path)],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        check=False,
        timeout=60,
    )
    reader.stdin.close()
    reader.wait()
    assert done.returncode == 141
    assert b"Traceback" not in done.stderr


def test_jobs_for_counts_cores_not_the_load(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_bytes(b"x" * parallel.PARALLEL_MIN)
    with path.open("rb") as stream:
        assert parallel.jobs_for(stream, None) == parallel._cores()
        assert parallel.jobs_for(stream, 1) == 1
    small = tmp_path / "small.log"
    small.write_bytes(b"x\n")
    with small.open("rb") as stream:
        assert parallel.jobs_for(stream, None) == 1


def test_annotate_starts_without_what_it_does_not_use() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['atscodes', 'annotate', '--no-fail']\n"
        "from atscodes._cli import main\n"
        "status = main(sys.argv[1:])\n"
        "unused = {'multiprocessing', 'json', 'atscodes._lookup', 'atscodes._translate',\n"
        "          'atscodes._cli_decode', 'atscodes._explain', 'atscodes._structured'}\n"
        "print(status, sorted(unused & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], input=b"", capture_output=True, check=True)
    assert done.stdout.decode().split("\n")[-2] == "0 []"


def test_jobs_rejects_zero() -> None:
    result = atscodes("annotate", "--jobs", "0")
    assert result.returncode == 2
    assert b"at least 1" in result.stderr


_JSON_TEXT = st.sampled_from(
    [*CODES, "Code: -1200", '"quoted" -9802', "back\\slash [3:-9813]", "é", "", OPEN, "x"]
)
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.sampled_from([-1200, -9802, 42, 3, -9813.0, 0])
    | st.lists(_JSON_TEXT, max_size=3).map(" ".join),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["code", "eventMessage", "_kCFStreamErrorCodeKey", "error code", "v"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_JSON, st.sampled_from([None, 2]))
def test_every_json_output_line_stays_valid(value: object, indent: int | None) -> None:
    """JSON documents and lines, compact or pretty-printed, stay valid and keep their values."""
    data = json.dumps(value, indent=indent, ensure_ascii=False).encode() + b"\n"
    out = annotate_bytes(data)
    json.loads(out)
    assert json.loads(strip_annotations(out)) == value


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("mode", [[], ["--ndjson"], ["--jsonl"], ["--remove"]])
def test_a_full_disk_is_one_line_and_exit_2(mode: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "atscodes", "annotate", *mode],
            input=b'{"msg": "(kCFStreamErrorDomainSSL, -9802)"}\n',
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == b"atscodes: error: write error: No space left on device\n"


@given(
    st.lists(st.sampled_from([b"x" * 40, b"x" * 3000, b"\n", b"\r", b"\r\n"]), max_size=12),
    st.integers(0, 20),
)
def test_the_capped_line_count_agrees_with_the_count(parts: list[bytes], lo: int) -> None:
    """The record's gap counts at most three line ends, and reads the whole gap only if it must."""
    data = b"".join(parts)
    lo = min(lo, len(data))
    expected = min(engine._line_ends(data, lo, len(data)), 3)
    assert engine._line_ends_upto(data, lo, len(data)) == expected


# --- codes whose domain is on the next line (atscodes._scan._AHEAD) -------------------------

from tests.test_scan import KEY_BEFORE_DOMAIN, NODE_AFTER, NODE_DUMP  # noqa: E402


class _Trickle(io.RawIOBase):
    """A stream that hands out its bytes a few at a time, as a pipe from ``tail -f`` does."""

    def __init__(self, data: bytes, step: int, first: int = 0) -> None:
        self.data, self.at, self.step, self.first = data, 0, step, first

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        step = self.first if self.at == 0 and self.first else self.step
        chunk = self.data[self.at : self.at + min(step, len(buffer))]
        buffer[: len(chunk)] = chunk
        self.at += len(chunk)
        return len(chunk)


@pytest.mark.parametrize("text", [KEY_BEFORE_DOMAIN, NODE_AFTER, NODE_DUMP])
@pytest.mark.parametrize("ends", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("step", [1, 7, 64, 1 << 20])
def test_annotate_looks_at_the_next_line_as_scan_does(text: str, ends: str, step: int) -> None:
    expected = [(f.line_no, f.code, f.domain, f.name) for f in scan(text)]
    data = text.replace("\n", ends).encode()
    found = [
        (f.line_no, f.code, f.domain, f.name)
        for f in process(io.BufferedReader(_Trickle(data, step), 16), None)
    ]
    assert found == expected
    assert any(domain == "NSPOSIXErrorDomain" for _, _, domain, _ in found)


@pytest.mark.parametrize("text", [KEY_BEFORE_DOMAIN, NODE_AFTER, NODE_DUMP])
def test_annotating_twice_adds_nothing_to_codes_read_from_other_lines(text: str) -> None:
    once = annotate_bytes(text.encode())
    assert once != text.encode()
    assert annotate_bytes(once) == once
    assert strip_annotations(once) == text.encode()


@pytest.mark.parametrize(
    "text",
    [
        # the next line's own annotations later than the part of it looked at (found in review)
        "  errno: -60,\n  code: 'ETIMEDOUT', "
        + "Error Domain=NSURLErrorDomain Code=-1004 " * 40
        + "\n",
        "UserInfo={_kCFStreamErrorCodeKey=61,\n_kCFStreamErrorDomainKey=1, "
        + "Code=-1004 " * 120
        + "}\n",
    ],
)
def test_annotating_twice_adds_nothing_when_the_next_line_is_annotated_too(text: str) -> None:
    once = annotate_bytes(text.encode())
    assert annotate_bytes(once) == once
    assert [(f.code, f.name) for f in scan(once.decode())][:1] == [
        (f.code, f.name) for f in scan(text)
    ][:1]


def test_a_held_line_costs_no_more_when_the_next_arrives_byte_by_byte() -> None:
    """Complexity, not speed: the held line is not copied again on every small read."""
    import time

    def cost(size: int) -> float:
        line = ("x" * size + " errno: -60,\n").encode()
        data = line + b"y" * 600 + b"\n"
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            stream = io.BufferedReader(_Trickle(data, 1, len(line)), 1 << 20)
            for _ in process(stream, None):
                pass
            best = min(best, time.perf_counter() - start)
        return best

    small, large = cost(20_000), cost(320_000)
    # the held line comes in one read, the 600 bytes after it one at a time; a copy of the
    # held line per read would make the 16x longer one cost about 16x
    assert large < 4 * small + 0.05


@pytest.mark.parametrize("before", [b"", b"a\n"])
def test_a_held_line_is_written_once_enough_of_the_next_has_come(before: bytes) -> None:
    """Found in review: held after other lines of its block, it waited for a whole block."""
    blocks = [before + b"errno: -60,\n"] + [b"y"] * 5000 + [b"\n"]
    written_at = None
    out = io.BytesIO()
    engine_ = engine._Engine(out)

    def watched() -> Iterator[bytes]:
        nonlocal written_at
        for index, block in enumerate(blocks):
            if written_at is None and b"errno" in out.getvalue():
                written_at = index
            yield block

    for _ in engine._run(engine_, watched()):
        pass
    assert written_at is not None
    assert written_at <= engine._AHEAD_BYTES + 2
    assert out.getvalue() == b"".join(blocks)


def test_parallel_pieces_look_past_their_end() -> None:
    """A piece's last line that takes its domain from the next piece's first line."""
    import os
    import tempfile

    text = "UserInfo={_kCFStreamErrorCodeKey=61,\n_kCFStreamErrorDomainKey=1}\n"
    with tempfile.TemporaryFile() as handle:
        handle.write(text.encode())
        handle.flush()
        fd = handle.fileno()
        cut = text.index("\n") + 1
        for lines in (None, [(0, cut - 1)]):
            replaced, found = parallel._piece_edits(fd, 0, cut, lines)
            assert found
            assert b"ECONNREFUSED" in b"".join(rewritten for _, _, rewritten in replaced)
        os.lseek(fd, 0, os.SEEK_SET)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "_kCFStreamErrorCodeKey=61,",
                "_kCFStreamErrorDomainKey=1}",
                "errno: -61,",
                "code: 'ECONNREFUSED',",
                "{",
                "}",
                "\n",
                "\r\n",
                "\r",
                "x" * 30,
            ]
        ),
        max_size=30,
    ),
    st.sampled_from([(64, 32), (100, 40), (256, 96)]),
)
def test_lines_held_for_the_next_one_lose_nothing(parts: list[str], sizes: tuple[int, int]) -> None:
    data = "".join(parts).encode()
    with blocks(*sizes):
        out = annotated(data)
    assert strip_annotations(out) == data
