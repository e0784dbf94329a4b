"""explain's answer as people read it: one screen, alternatives, reprs, the CLI's paths,
streaming, --follow, and linear cost."""

from __future__ import annotations

import io
import json
import os
import select
import shutil
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

import atscodes
from atscodes import Side, TLSAlert, explain, explain_log
from atscodes._cli import main
from atscodes._knowledge import entries

CORPUS = {
    row["id"]: row
    for row in (
        json.loads(line)
        for line in (Path(__file__).parent / "data" / "corpus.jsonl").read_text().splitlines()
    )
}
SIX = "\n".join(
    CORPUS[p]["text"]
    for p in (
        "firebase-quickstart-339-tic-9802-firebase-network",
        "tencent-kit-134-1003-netdb",
        "appsales-62-trust-9813",
        "rn-42123-1003-netdb-nserror",
        "connectivity-38-1009-posix50-nserror",
        "webrtc-demo-47-1202-nserror",
    )
)


def _long_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > 100 and "$ " not in line]


# --- one screen ---------------------------------------------------------------------------


@pytest.mark.parametrize(("family", "code"), sorted(entries()))
def test_every_code_fits_one_screen(family: str, code: int) -> None:
    member = getattr(atscodes, family).get(code)
    text = explain(member).to_text(100)
    assert len(text.splitlines()) <= 30
    assert not _long_lines(text)


@pytest.mark.parametrize(("family", "code"), sorted(entries()))
def test_no_statement_is_marked_inference_twice(family: str, code: int) -> None:
    # Statements whose text says "(inference)" or "(link is inference)" were given the
    #   mark again: "… captive network) (inference). (inference)".
    result = explain(getattr(atscodes, family).get(code))
    for text in (result.to_text(100, full=True), result.to_markdown()):
        flat = " ".join(text.split())
        assert "inference). (inference)" not in flat, code
        assert "inference) (inference)" not in flat, code


def test_a_log_of_several_failures_fits_one_screen_and_full_has_everything() -> None:
    report = explain_log(SIX)
    short = report.to_text(100)
    assert len(short.splitlines()) <= 30
    full = report.to_text(100, full=True)
    for group in report.groups:
        for claim in group.explanation.causes:
            assert claim.text.split()[0] in full
    assert "Sources:" in full
    assert len(full.splitlines()) > 30


def test_sources_are_listed_once_each() -> None:
    full = explain(-9802).to_text(100, full=True)
    listed = full[full.index("Sources:") :].splitlines()[1:]
    urls = [line.rsplit(" ", 1)[-1] for line in listed if line.strip()]
    assert len(urls) == len(set(urls))
    markdown = explain(-9802).to_markdown()
    links = [line for line in markdown.splitlines() if line[:1].isdigit() and "](" in line]
    assert len(links) == len({link.split("](")[1] for link in links})


@pytest.mark.parametrize("mark", ["inference", "derived"])
def test_inference_and_derived_are_marked_in_the_text(mark: str) -> None:
    marked = [
        (k, c)
        for k, e in entries().items()
        for c in (*e.causes, *e.hides, *e.os_notes)
        if getattr(c, mark)
    ]
    assert marked, f"the knowledge base marks some statements as {mark}"
    for (family, code), claim in marked[::7][:40]:
        full = explain(getattr(atscodes, family).get(code)).to_text(100, full=True)
        flat = " ".join(full.split())
        text = " ".join(claim.text.split())
        assert text in flat, claim.text
        if mark == "inference" and ("(inference" in text or "inference)" in text):
            continue  # its text marks itself ("… (link is inference)"): not marked again
        after = [flat[i + len(text) : i + len(text) + 40] for i in _occurrences(flat, text)]
        assert any(f"({mark}" in a or f", {mark}" in a for a in after), (claim.text, after)


def _occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at != -1:
        found.append(at)
        at = text.find(part, at + 1)
    return found


# --- alternatives, members, reprs ---------------------------------------------------------


def test_two_readings_of_one_number_are_alternatives_not_layers() -> None:
    result = explain(42)
    assert [(lay.family, lay.code) for lay in result.layers] == [("TLSAlert", 42)]
    assert [(a.layers[0].family, a.layers[0].code) for a in result.alternatives] == [
        ("DarwinErrno", 42)
    ]
    assert "ENOPROTOOPT" in result.to_text()
    assert result.to_json()["alternatives"][0]["layers"][0]["name"] == "ENOPROTOOPT"


@pytest.mark.parametrize("code", [-1200, -1001, -1003, -1011])
def test_an_nsurlerror_and_its_kcfurlerror_twin_are_one_failure(code: int) -> None:
    # CFNetworkErrors.h gives kCFURLError* the NSURLError values of the same conditions;
    #   "Or: CFNetworkError -1200 … (the number alone does not say which; side unknown)"
    #   offered the same failure as another reading, with a side against the first.
    result = explain(code)
    assert [lay.family for lay in result.layers] == ["URLError", "CFNetworkError"]
    assert result.alternatives == ()
    assert "Or: CFNetworkError" not in result.to_text()


def test_a_keychain_status_suggests_no_server_check() -> None:
    # errSecAuthFailed (a keychain passphrase) suggested "ats check" and "trace" (a
    #   black-box review); a trust status still does.
    assert "ats check" not in explain(-25293).to_text()
    assert "trace trace.pcap" not in explain(-25293).to_text()
    assert "atscodes ats check https://HOST" in explain(-67843).to_text()


def test_a_member_is_only_itself() -> None:
    result = explain(TLSAlert.bad_certificate)
    assert [(lay.family, lay.code) for lay in result.layers] == [("TLSAlert", 42)]
    assert result.alternatives == ()


def test_reprs_are_one_short_line_and_str_is_the_text() -> None:
    result = explain("-1200 [3:-9802]")
    assert repr(result) == "<Explanation -1200 / -9802 side=either>"
    assert str(result) == result.to_text(100)
    report = explain_log(SIX)
    assert repr(report) == f"<LogReport 6 events, {len(report.groups)} causes>"
    assert str(report) == report.to_text(100)


def test_str_is_what_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--width", "100", "--color", "never", "-9813"]) == 0
    assert capsys.readouterr().out == str(explain("-9813"))


def test_the_layer_record_does_not_collide_with_translation_layer() -> None:
    assert atscodes.ErrorLayer is not atscodes.Layer
    assert atscodes.ErrorLayer.__name__ == "ErrorLayer"
    assert isinstance(explain(-9802).layers[0], atscodes.ErrorLayer)


def test_the_info_plist_exception_names_the_host() -> None:
    # -1022 with the failing URL in the dump: the exception's key is that host.
    dump = (
        'Task <A>.<1> finished with error [-1022] Error Domain=NSURLErrorDomain Code=-1022 "x" '
        "UserInfo={NSErrorFailingURLStringKey=http://media.example.org/a.mp4}"
    )
    result = explain(dump)
    assert result.host == "media.example.org"
    assert result.ats is not None
    assert "<key>media.example.org</key>" in result.ats.exception
    for rendered in (
        result.to_text(100, full=True),
        result.to_markdown(),
        json.dumps(result.to_json()),
    ):
        assert "{host}" not in rendered
        assert "media.example.org" in rendered
    assert "{host}" not in explain(-1022).to_text(100, full=True)


def test_a_host_not_in_the_log_is_none_and_said() -> None:
    result = explain("TIC TCP Conn Failed [1:0x1c4164c80]: 3:-9802 Err(-9802)")
    assert result.host is None
    assert "host not in the log" in result.to_text()


# --- the command line ---------------------------------------------------------------------


def test_missing_file_and_directory_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(tmp_path / "device.log")]) == 2
    assert "No such file" in capsys.readouterr().err
    assert main(["explain", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_unreadable_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "secret.log"
    log.write_text(CORPUS["appsales-62-trust-9813"]["text"])
    log.chmod(0)
    try:
        assert main(["explain", str(log)]) == 2
        assert "cannot read" in capsys.readouterr().err
    finally:
        log.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_read_like_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "w") as handle:
            handle.write(CORPUS["appsales-62-trust-9813"]["text"])

    thread = threading.Thread(target=writer)
    thread.start()
    assert main(["explain", "--json", str(fifo)]) == 0
    thread.join()
    assert json.loads(capsys.readouterr().out)["event_count"] == 1


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for <(…)")
def test_process_substitution_is_read_like_a_file(tmp_path: Path) -> None:
    log = tmp_path / "device.log"
    log.write_text(CORPUS["appsales-62-trust-9813"]["text"])
    command = f'"{sys.executable}" -m atscodes explain --json <(cat "{log}")'
    done = subprocess.run(
        ["bash", "-c", command], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["events"][0]["side"] == "local"


def test_follow_prints_an_event_before_the_input_ends() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "atscodes", "explain", "--follow", "--json", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write(
            CORPUS["firebase-quickstart-339-tic-9802-firebase-network"]["text"].encode() + b"\n"
        )
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 30)
        assert ready, "no event printed while the input is still open"
        event = json.loads(process.stdout.readline())
        assert event["cause"] == "-1200 / -9802"
        assert event["side"] == "either"
    finally:
        process.stdin.close()
        process.wait(30)
    assert process.returncode == 0


def test_a_stream_is_explained_like_the_text() -> None:
    from_text = explain_log(SIX).to_json()
    from_stream = explain_log(io.BytesIO(SIX.encode())).to_json()
    assert from_text == from_stream


# --- bounded memory and linear time -------------------------------------------------------


def _log(size: int) -> bytes:
    """A device log of about *size* bytes: real excerpts repeated with fresh task ids over
    20 hosts, between lines that carry no code."""
    parts = [
        CORPUS[k]["text"]
        for k in (
            "appsales-62-trust-9813",
            "firebase-quickstart-339-tic-9802-firebase-network",
            "cordova-bgeo-1435-1200-nserror",
            "apple-forums-132286-write-alert-certificate-unknown",
        )
    ]
    filler = "2025-06-24 14:32:34.176682+0300 MyApp[378:5982] [UI] view did appear\n" * 20
    out, n = [], 0
    while n < size:
        i = len(out)
        text = parts[i % len(parts)].replace("servicos24horas.com", f"h{i % 20}.example.org")
        text = text.replace("-4", f"-{i % 10}", 1)
        chunk = (filler + text + "\n").encode()
        out.append(chunk)
        n += len(chunk)
    return b"".join(out)


def _peak(data: bytes) -> tuple[int, int]:
    tracemalloc.start()
    try:
        report = explain_log(io.BytesIO(data))
        return tracemalloc.get_traced_memory()[1], report.event_count
    finally:
        tracemalloc.stop()


def test_memory_grows_with_causes_not_with_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the events a report keeps (MAX_EVENTS, lowered here so that both logs pass it),
    8x the log costs no more memory: what grows is counts per cause and host."""
    import atscodes._explain as module

    monkeypatch.setattr(module, "MAX_EVENTS", 50)
    small, small_events = _peak(_log(500_000))
    large, large_events = _peak(_log(4_000_000))
    assert large_events > 7 * small_events
    assert large < 2 * small, (small, large)


def test_a_300_megabyte_line_without_end_is_read_in_bounded_pieces() -> None:
    """What `head -c 300M /dev/zero | atscodes explain -` gives, at a test-friendly size."""

    class Zeros(io.RawIOBase):
        def __init__(self, size: int) -> None:
            self.left = size

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            n = min(len(buffer), self.left)
            buffer[:n] = b"\0" * n
            self.left -= n
            return n

    tracemalloc.start()
    try:
        report = explain_log(io.BufferedReader(Zeros(24 << 20)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.event_count == 0
    assert peak < 16 << 20


def _seconds(function: object, argument: object) -> float:
    start = time.perf_counter()
    function(argument)  # type: ignore[operator]
    return time.perf_counter() - start


@pytest.mark.parametrize("how", ["explain", "explain_log"])
def test_repeated_alerts_cost_linear_time(how: str) -> None:
    """`'SSL alert number 42 ' * 40_000` (issue 11): 4x the input costs about 4x."""
    function = explain if how == "explain" else explain_log
    small = "SSL alert number 42 " * 10_000
    large = "SSL alert number 42 " * 40_000
    _seconds(function, small)  # warm the caches
    smalls, larges = [], []
    for _ in range(3):  # alternate, so that a busy moment of the machine hits both
        smalls.append(_seconds(function, small))
        larges.append(_seconds(function, large))
    t_small, t_large = min(smalls), min(larges)
    assert t_large < 20.0
    # Linear gives about 4x; quadratic would give 16x.
    assert t_large < 10 * max(t_small, 0.005), (t_small, t_large)
    result = explain("SSL alert number 42 " * 40_000)
    assert [a.number for a in result.alerts] == [42]
    assert result.side is Side.PEER


def test_cr_only_costs_what_lf_costs() -> None:
    lf = _log(400_000).decode()
    cr = lf.replace("\n", "\r")
    assert explain_log(lf).to_json() == explain_log(cr).to_json()
    t_lf = min(_seconds(explain_log, lf) for _ in range(2))
    t_cr = min(_seconds(explain_log, cr) for _ in range(2))
    assert t_cr < 3 * t_lf + 0.05, (t_lf, t_cr)


def test_a_step_without_a_command_has_none() -> None:
    steps = [s for e in entries().values() for s in e.next_steps]
    assert any(s.command is None for s in steps)
    assert all(s.command is None or s.command.strip() for s in steps)
    data = explain(-1200).to_json()
    assert any(step["command"] is None for step in data["next_steps"])


def test_a_received_alert_is_explained_from_the_receivers_view() -> None:
    """Issue 8 / thread 80638's third case: the app needs to see a received
    bad_certificate (42), which the URL loading system reports as -9802 on iOS 11 and
    CFStream as -9825."""
    reason = explain(42).side_reason
    assert "client certificate" in reason
    assert "-9825 errSSLPeerBadCert" in reason
    assert "-9802 errSSLFatalAlert (seen on iOS 11" in reason
    assert "client certificate" in explain("certificate_required").side_reason
    assert "client certificate" not in explain("handshake_failure").side_reason


def test_bad_certificate_says_which_servers_send_it_for_a_missing_certificate() -> None:
    # It said "or that the app sent none", citing the RFC section that gives another alert
    #   for that case (a black-box review): the RFCs say handshake_failure (TLS 1.2) and
    #   certificate_required (TLS 1.3); Go's crypto/tls server is the one source for 42.
    result = explain(42)
    assert "handshake_failure (TLS 1.2, RFC 5246 §7.4.6)" in result.side_reason
    assert "Go's crypto/tls" in result.side_reason
    urls = {source.url for source in result.side_sources}
    assert any("rfc5246#section-7.4.6" in url for url in urls)
    assert any("golang/go" in url for url in urls)
    assert "sent none" in explain(116).side_reason
    assert "sent none" not in explain(48).side_reason


@pytest.mark.parametrize(
    "query",
    [
        "42",
        "-1200 [3:-9802]",
        CORPUS["webrtc-demo-47-1202-nserror"]["text"],
        CORPUS["cordova-bgeo-1435-1200-nserror"]["text"],
        "SSL alert number 42 " * 1000,
    ],
)
def test_pasted_text_fits_one_screen(query: str) -> None:
    text = explain(query).to_text(100)
    assert len(text.splitlines()) <= 30
    assert not _long_lines(text)


def test_an_error_that_is_not_apples_is_named_not_unknown() -> None:
    # Dart's HandshakeException as Flutter apps print it (the knowledge record's pattern).
    result = explain(
        "HandshakeException: Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: "
        "unable to get local issuer certificate(handshake.cc:393))"
    )
    assert result.known
    assert result.layers == ()
    assert "Dart" in result.meaning
    assert "not recognise" not in result.to_text()


def test_a_reading_with_a_record_comes_before_a_reserved_one() -> None:
    # 60 is Darwin ETIMEDOUT and the obsolete TLS alert export_restriction_RESERVED.
    result = explain(60)
    assert [(lay.family, lay.name) for lay in result.layers] == [("DarwinErrno", "ETIMEDOUT")]
    assert [a.layers[0].family for a in result.alternatives] == ["TLSAlert"]
