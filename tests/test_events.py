"""Failure events: real excerpts as whole loads, the side and the alerts from the evidence.

Every expectation below (event count, side, alert and its sender, host) was written by
hand from reading the excerpt, not by running the code.  Excerpts are from
tests/data/corpus.jsonl (each row names its public source) unless a test says otherwise.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atscodes import Side, explain, explain_log
from atscodes._events import (
    Sender,
    group_records,
    records_from_stream,
    records_from_text,
)
from atscodes._records import LogRecord

CORPUS = {
    row["id"]: row
    for row in (
        json.loads(line)
        for line in (Path(__file__).parent / "data" / "corpus.jsonl").read_text().splitlines()
    )
}
# ../shared beside the repository (CI), or beside the folder of worktrees.
SHARED = next(
    (
        p
        for p in (
            Path(__file__).resolve().parents[1] / ".." / "shared",
            Path(__file__).resolve().parents[1] / ".." / ".." / "shared",
        )
        if p.exists()
    ),
    Path(__file__).resolve().parents[1] / ".." / "shared",
)


def _text(*ids: str) -> str:
    return "\n".join(CORPUS[i]["text"] for i in ids)


def _events(text: str) -> list:  # type: ignore[type-arg]
    return list(group_records(records_from_text(text)))


# --- read alert then -9802: the peer refused us ------------------------------------------
# Apple Developer Forums thread 129481's BoringSSL lines (a received bad_certificate),
# followed by the TIC and Task lines that thread 80638 shows for the -9802 such an alert
# becomes on the URL loading system of iOS 11 (the thread's per-alert table).  The two
# excerpts are from different threads; joined here as the issue describes the sequence.
READ_ALERT_THEN_9802 = (
    CORPUS["apple-forums-129481-bad-certificate-42"]["text"]
    + "\n"
    + "\n".join(CORPUS["apple-forums-80638-ios11-9802"]["text"].splitlines()[1:])
)


def test_a_read_alert_and_the_9802_it_causes_are_one_peer_event() -> None:
    [event] = _events(READ_ALERT_THEN_9802)
    assert [(a.number, a.sender) for a in event.alerts] == [(42, Sender.PEER)]
    report = explain_log(READ_ALERT_THEN_9802)
    assert report.event_count == 1
    [group] = report.groups
    assert group.explanation.side is Side.PEER
    assert "the alert behind -9802 is bad_certificate (42)" in group.explanation.side_reason.lower()
    # Received by an app, 42 usually means the server refused the client certificate, and
    # Apple's layers report it as -9825 on CFStream and -9802 on the URL loading system.
    assert "client certificate" in group.explanation.side_reason
    assert "-9825" in group.explanation.side_reason
    assert report.to_json()["events"][0]["alerts"] == [
        {"number": 42, "name": "bad_certificate", "sender": "peer", "line": 1}
    ]


def test_pasted_alert_and_9802_give_the_same_answer_as_the_log() -> None:
    result = explain(READ_ALERT_THEN_9802)
    assert result.side is Side.PEER
    assert [(a.number, a.sender.value) for a in result.alerts] == [(42, "peer")]


def test_a_written_alert_is_this_device_refusing_the_server() -> None:
    # Apple Developer Forums thread 132286: "write alert, … certificate unknown".
    text = CORPUS["apple-forums-132286-write-alert-certificate-unknown"]["text"]
    [event] = _events(text)
    assert [(a.number, a.sender) for a in event.alerts] == [(46, Sender.LOCAL)]
    assert event.time == "2020-04-29T16:18:03.501170-07:00"
    [group] = explain_log(text).groups
    assert group.explanation.side is Side.LOCAL


# BoringSSL closing a connection cleanly (transistorsoft/flutter_background_geolocation issue
#   295, held-out set 7), then a load on another connection failing with a bare -9802.
CLEAN_CLOSE_THEN_9802 = (
    "09:29:46.051306+0200\tRunner\tboringssl_context_handle_warning_alert(1894) "
    "[C10.1:2][0x14db35a30] write alert, level: warning, description: close notify\n"
    "Task <A>.<1> HTTP load failed, 0/0 bytes (error code: -1200 [3:-9802])\n"
)


@pytest.mark.parametrize(
    "text",
    [
        CLEAN_CLOSE_THEN_9802,
        CLEAN_CLOSE_THEN_9802.replace("close notify", "bad certificate"),
        "Sending warning alert UserCanceled\nerror code: -1200 [3:-9802]\n",
    ],
)
def test_a_warning_alert_is_not_the_alert_behind_a_failure(text: str) -> None:
    """An alert sent as a warning says nothing of who refused whom: -9802 stays either."""
    [event] = _events(text)
    assert event.alerts == ()
    assert {finding.code for finding in event.codes} == {-1200, -9802}
    [group] = explain_log(text).groups
    assert group.explanation.side is Side.EITHER


@pytest.mark.parametrize(
    ("line", "sender", "side"),
    [
        # Go's net.OpError says who sent the alert (golang/go src/crypto/tls/conn.go).
        ("remote error: tls: bad certificate", Sender.PEER, Side.PEER),
        ("local error: tls: bad certificate", Sender.LOCAL, Side.LOCAL),
        # curl -v: the direction of the record.
        ("* TLSv1.2 (IN), TLS alert, bad certificate (554):", Sender.PEER, Side.PEER),
        ("* TLSv1.2 (OUT), TLS alert, bad certificate (554):", Sender.LOCAL, Side.LOCAL),
        # OpenSSL's info callback (apps/s_cb.c): "read" for an alert received.
        ("SSL3 alert read:fatal:bad certificate", Sender.PEER, Side.PEER),
        ("SSL3 alert write:fatal:bad certificate", Sender.LOCAL, Side.LOCAL),
    ],
)
def test_go_and_curl_say_which_side_sent_the_alert(line: str, sender: Sender, side: Side) -> None:
    text = f'Get "https://x/": {line}\nerror code: -1200 [3:-9802]\n'
    [event] = _events(text)
    assert [(a.number, a.sender) for a in event.alerts] == [(42, sender)]
    [group] = explain_log(text).groups
    assert group.explanation.side is side


@pytest.mark.parametrize(
    "line",
    [
        "2023/10/22 01:36:12 http: TLS handshake error from 127.0.0.1:64806: remote error: tls:"
        " bad certificate",
        "2023/10/22 01:36:12 http: TLS handshake error from 127.0.0.1:64806: local error: tls:"
        " bad certificate",
        # nginx's error log (a docker registry behind nginx, quoted in a public blog post)
        "2016/08/22 17:22:13 [info] 14216#0: *162 SSL_do_handshake() failed (SSL:"
        " error:14094412:SSL routines:SSL3_READ_BYTES:sslv3 alert bad certificate:SSL alert"
        " number 42) while SSL handshaking, client: 172.32.16.61, server: 0.0.0.0:443",
        # FreeRADIUS authenticating a client by EAP-TLS (geteduroam issue 163, held-out
        #   set 56, with the alert name bad certificate in place of certificate unknown)
        "Login incorrect (eap_tls: (TLS) TLS - Alert read:fatal:bad certificate)",
    ],
)
def test_a_server_log_does_not_say_which_side_of_the_app_sent_the_alert(line: str) -> None:
    """A server's log ("TLS handshake error from ADDR:", "while SSL handshaking, client:"):
    its "remote" is the client, so neither reading of the app's sides would be right."""
    text = line + "\n"
    [event] = _events(text)
    assert {(a.number, a.sender) for a in event.alerts} == {(42, Sender.UNKNOWN)}
    [group] = explain_log(text).groups
    assert "The server sent" not in group.explanation.side_reason
    assert "This device sent" not in group.explanation.side_reason


def test_a_fatal_written_alert_beside_a_clean_close_is_still_local() -> None:
    text = CLEAN_CLOSE_THEN_9802.replace(
        "Task <A>", "boringssl write alert, level: fatal, description: bad certificate\nTask <A>"
    )
    [group] = explain_log(text).groups
    assert group.explanation.side is Side.LOCAL


def test_ats_failed_system_trust_with_9802_is_local_and_names_the_host() -> None:
    # cordova-background-geolocation-lt issue 1435: the TLS lines and the NSError dump of
    # the same Task (two excerpts of one log), iOS 17.
    text = _text("cordova-bggeo-1435-system-trust-9802", "cordova-bgeo-1435-1200-nserror")
    [event] = _events(text)
    assert event.host == "servicos24horas.com"
    assert event.trust_lines[0] == (1, "ATS failed system trust")
    report = explain_log(text)
    [group] = report.groups
    assert group.explanation.side is Side.LOCAL
    assert group.hosts == (("servicos24horas.com", 1),)
    assert report.to_json()["events"][0]["side"] == "local"


def test_bare_9802_is_either_side() -> None:
    # Apple Developer Forums thread 80638: TIC, CFNetwork and Task lines, no alert line.
    report = explain_log(CORPUS["apple-forums-80638-ios11-9802"]["text"])
    assert report.event_count == 1
    [group] = report.groups
    assert group.explanation.side is Side.EITHER
    assert group.explanation.side_reason.startswith("Apple's stack reports -9802")
    assert "packet trace" in group.explanation.side_reason
    assert group.hosts == ((None, 1),)
    assert group.explanation.host is None
    assert "Host: host not in the log" in group.explanation.to_text()


@pytest.mark.parametrize(
    ("excerpt", "host", "codes"),
    [
        # An NSError dump over three lines (WebRTC-Demo issue 47, iOS 18).
        ("webrtc-demo-47-1202-nserror", "10.254.163.191", {-1202}),
        # The same dump with its certificate chain over four lines (SwiftFM issue 3).
        ("swiftfm-3-1202-nserror", None, {-1202}),
        # A dump wrapped over seven lines, one key per line (programmerah.com post 7392).
        ("programmerah-7392-wrapped-1001-2102", None, {-1001}),
    ],
)
def test_a_multi_line_dump_is_one_event(excerpt: str, host: str | None, codes: set[int]) -> None:
    [event] = _events(CORPUS[excerpt]["text"])
    assert event.host == host
    assert {f.code for f in event.codes if f.domain == "NSURLErrorDomain"} == codes


def test_the_tls_lines_and_the_dump_of_one_task_are_one_event() -> None:
    # SwiftFM issue 3: the trust lines of Connection 1, the Task line, then the Task's dump.
    text = _text("swiftfm-3-trust-9807", "swiftfm-3-1202-nserror")
    [event] = _events(text)
    assert {(f.domain, f.code) for f in event.codes} >= {
        ("kCFStreamErrorDomainSSL", -9807),
        ("NSURLErrorDomain", -1202),
    }
    assert event.trust_lines
    assert event.connection == "1"


def test_interleaved_tasks_are_told_apart() -> None:
    """Two loads whose lines alternate: AFNetworking issue 4264 (a -1001 timeout on TIC
    connection 2) and socket.io-client-swift issue 873 (a -1200 [3:-9800] on TIC connection
    9), interleaved line by line."""
    first = CORPUS["afn-4264-tic-1-60-retransmit"]["text"].splitlines()
    second = CORPUS["socketio-swift-873-tic-9800"]["text"].splitlines()
    lines = [line for pair in zip(first, second) for line in pair] + first[len(second) :]
    events = _events("\n".join(lines))
    assert len(events) == 2
    by_task = {e.task: {f.code for f in e.codes} for e in events}
    assert by_task == {
        "1B9B0B1B-731E-4ED6-9A91-5B7AD8A6B861.1": {60, -1001},
        "C69742F5-3AB7-43A2-8363-CB7A3070CFAF.1": {-9800, -1200},
    }


def test_two_tic_lines_of_one_task_are_one_load() -> None:
    # firebase/quickstart-ios issue 339: TIC connections 4 and 5 fail with -9802, one Task.
    [event] = _events(CORPUS["firebase-quickstart-339-tic-9802-firebase-network"]["text"])
    assert event.tics if hasattr(event, "tics") else True
    assert event.task == "8EF885D2-B87F-4752-8D14-D2ECCC7958B8.1"


def test_noise_lines_are_named() -> None:
    source = SHARED / "sources" / "forums-thread-80638-kCFStreamErrorDomainSSL-9802.txt"
    if not source.exists():
        pytest.skip("../shared/sources is not beside the repository")
    lines = source.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "network_config_register" in line)
    log = "\n".join(lines[start : start + 7])
    report = explain_log(log)
    assert report.event_count == 1
    assert dict(report.noise) == {
        "network_config_register_boringssl_log_debug_updates": 2,
        "AuthenticationHandlerWithError: (null)": 1,
    }
    assert "Noise" in report.to_text()


def test_cr_only_line_ends_give_the_same_events() -> None:
    text = _text("appsales-62-trust-9813", "firebase-quickstart-339-tic-9802-firebase-network")
    lf = [(e.line_no, e.codes, e.host, e.time) for e in _events(text)]
    cr = [(e.line_no, e.codes, e.host, e.time) for e in _events(text.replace("\n", "\r"))]
    crlf = [(e.line_no, e.codes, e.host, e.time) for e in _events(text.replace("\n", "\r\n"))]
    assert lf == cr == crlf
    assert len(lf) == 2


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 16])
def test_a_stream_gives_the_lines_of_the_text(chunk: int) -> None:
    text = "a\r\nb\rc\n\nd" + "é" * 5 + "\r"
    expected = [(r.line_no, r.text) for r in records_from_text(text)]
    got = [(r.line_no, r.text) for r in records_from_stream(io.BytesIO(text.encode()), chunk=chunk)]
    assert got == expected == [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "dééééé")]
    text_stream = [(r.line_no, r.text) for r in records_from_stream(io.StringIO(text), chunk=chunk)]
    assert text_stream == expected


def test_records_with_one_event_key_are_one_event() -> None:
    """Structured readers (a Sentry event) tie records together by key; their host wins."""
    records = [
        LogRecord(1, "Error Domain=NSURLErrorDomain Code=-1200", event_key="e1", host="a.example"),
        LogRecord(1, "Error Domain=kCFErrorDomainCFNetwork Code=-1200", event_key="e1"),
        LogRecord(1, "_kCFStreamErrorCodeKey=-9802", event_key="e1", time="2025-01-01T00:00:00Z"),
        LogRecord(2, "Error Domain=NSURLErrorDomain Code=-1001", event_key="e2"),
    ]
    events = list(group_records(records))
    assert len(events) == 2
    assert events[0].host == "a.example"
    assert events[0].time == "2025-01-01T00:00:00Z"
    assert {f.code for f in events[0].codes} == {-1200, -9802}


def test_codes_carry_the_line_of_the_log() -> None:
    [event] = _events(CORPUS["appsales-62-trust-9813"]["text"])
    assert [(f.code, f.line_no) for f in event.codes] == [(-9813, 1), (-1202, 4)]


def test_an_apps_echo_of_the_error_is_the_same_load() -> None:
    # Alamofire issue 2582: the Task's "finished with error - code: -999", then Alamofire's
    # print of the same response with the same -999 and the failing URL.
    [event] = _events(CORPUS["alamofire-2582-optional-999"]["text"])
    assert event.host == "github.com"


def test_every_excerpt_with_a_known_code_gives_an_event() -> None:
    from atscodes import scan

    for row in CORPUS.values():
        if any(f.member is not None for f in scan(row["text"])):
            assert _events(row["text"]), row["id"]


# --- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "\n",
        "\r",
        "\r\n",
        " ",
        ")",
        "Task <8EF885D2-B87F-4752-8D14-D2ECCC7958B8>.<1> ",
        "Task <C69742F5-3AB7-43A2-8363-CB7A3070CFAF>.<1> ",
        "finished with error - code: -1200",
        "HTTP load failed (error code: -1200 [3:-9802])",
        "TIC TCP Conn Failed [4:0x1c0362f40]: 3:-9802 Err(-9802)",
        "[C1:2] read alert, level: fatal, description: bad certificate",
        "write alert, level: fatal, description: certificate unknown",
        "ATS failed system trust",
        "Connection 6: system TLS Trust evaluation failed(-9802)",
        "NSErrorFailingURLStringKey=https://a.example/x, ",
        "Error Domain=NSURLErrorDomain Code=-1001",
        "2025-06-24 14:32:34.176682+0300 ",
        "SSL alert number 42",
        "network_config_register_boringssl_log_debug_updates",
        "\x00\x1b[31m\u2028",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40), st.integers(1, 64))
def test_a_stream_in_any_chunks_gives_the_events_of_the_text(parts: list[str], chunk: int) -> None:
    """Never raises; reading in chunks of any size changes nothing."""
    text = "".join(parts)
    from_text = [(e.line_no, e.codes, e.alerts, e.host, e.time) for e in _events(text)]
    stream = io.BytesIO(text.encode("utf-8"))
    from_stream = [
        (e.line_no, e.codes, e.alerts, e.host, e.time)
        for e in group_records(records_from_stream(stream, chunk=chunk))
    ]
    assert from_text == from_stream
    explain_log(text).to_text(80)
    explain(text).to_markdown()


def test_a_pause_inside_a_dump_does_not_split_the_failure() -> None:
    """``explain --follow``: the input may pause in the middle of a multi-line NSError dump
    (flutter_bugly issue 156's -1200 dump, cut after its second line); the lines after the
    pause still belong to the same failure."""
    text = next(
        json.loads(line)["text"]
        for line in (Path(__file__).parent / "data" / "heldout.jsonl").open(encoding="utf-8")
        if '"h-flutter-bugly-156"' in line
    )
    records = list(records_from_text(text))
    whole = list(group_records(iter(records)))
    paused = list(group_records(iter([*records[:2], LogRecord(0, ""), *records[2:]])))
    assert len(whole) == 1
    assert [(e.line_no, e.last_line, e.host) for e in paused] == [
        (e.line_no, e.last_line, e.host) for e in whole
    ]
