"""Structured logs: log show ndjson/json, unified-log iterator, Sentry events, --ndjson.

The record layouts follow their producers (field names as they write them):
``log show --style ndjson``/``json`` as seen in public test fixtures of log readers
(``"eventMessage"``, ``"processImagePath"``, ``"processID"``, ``"timestamp" :
"2026-02-07 14:23:01.000000-0800"``, a ``Filtering the log data using …`` first line,
a closing ``{"count": N, "finished": 1}``); the unified-log iterator's ``--format jsonl``
is serde of ``LogData`` (mandiant/macos-UnifiedLogs ``examples/unifiedlog_iterator``,
``time`` in nanoseconds); the Sentry event is built the way sentry-cocoa's
``SentryClient+ErrorEvents.m`` builds one for an NSError with an underlying error: the
chain innermost first, ``type`` = domain, ``value`` = ``Code: N``, ``mechanism.meta.ns_error``,
``mechanism.data`` = the sanitised user info.  The messages are CFNetwork lines quoted in
the corpus (``tests/data``), not captured from a device.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import atscodes
from atscodes._annotate import OPEN, annotate_bytes
from atscodes._records import LogRecord
from atscodes._structured import detect, iso_time, read_records

NDJSON = (
    b'Filtering the log data using "subsystem == \\"com.apple.CFNetwork\\""\n'
    b'{"traceID":1,"eventMessage":"Task <8EF8>.<1> HTTP load failed, 0/0 bytes (error code: '
    b'-1200 [3:-9802])","eventType":"logEvent","subsystem":"com.apple.CFNetwork",'
    b'"category":"Summary","timestamp":"2025-06-24 14:32:34.176682+0300",'
    b'"messageType":"Default","processID":4211,"processImagePath":"/private/var/containers/'
    b'Bundle/Application/X/MyApp.app/MyApp"}\n'
    b'{"traceID":2,"eventMessage":"Connection 1: received response","eventType":"logEvent",'
    b'"timestamp":"2025-06-24 14:32:35.000001+0300","processID":4211,'
    b'"processImagePath":"/x/MyApp","code":-1200}\n'
    b'{"count":2,"finished":1}\n'
)

SENTRY_EVENT = {
    "event_id": "d2132d31b39445f1938d7e21b6bf0ec4",
    "timestamp": 1750764754.176682,
    "level": "error",
    "platform": "cocoa",
    "exception": {
        "values": [
            {
                "type": "kCFErrorDomainCFNetwork",
                "value": "Code: -1200",
                "mechanism": {
                    "type": "NSError",
                    "description": "Error Domain=kCFErrorDomainCFNetwork Code=-1200",
                    "meta": {"ns_error": {"domain": "kCFErrorDomainCFNetwork", "code": -1200}},
                    "data": {"_kCFStreamErrorCodeKey": -9802, "_kCFStreamErrorDomainKey": 3},
                },
            },
            {
                "type": "NSURLErrorDomain",
                "value": "Code: -1200",
                "mechanism": {
                    "type": "NSError",
                    "description": "Error Domain=NSURLErrorDomain Code=-1200 ...",
                    "meta": {"ns_error": {"domain": "NSURLErrorDomain", "code": -1200}},
                    "data": {
                        "NSErrorFailingURLStringKey": "https://api.example.com/v1/items",
                        "NSLocalizedDescription": "An SSL error has occurred and a secure "
                        "connection to the server cannot be made.",
                        "NSUnderlyingError": "Error Domain=kCFErrorDomainCFNetwork Code=-1200",
                        "_kCFStreamErrorCodeKey": -9802,
                        "_kCFStreamErrorDomainKey": 3,
                    },
                },
            },
        ]
    },
}

ITERATOR = (
    b'{"subsystem":"com.apple.network","thread_id":3320,"pid":4211,"euid":501,'
    b'"library":"/usr/lib/libnetwork.dylib","activity_id":0,"time":1750764754176682000.0,'
    b'"category":"connection","event_type":"Log","log_type":"Default","process":'
    b'"/x/MyApp","message":"nw_connection_copy_connected_path failed [C1.1.1:2] '
    b'(kCFStreamErrorDomainSSL, -9802)","raw_message":"%s"}\n'
)


def test_detect() -> None:
    assert detect(NDJSON) == "log-ndjson"
    assert detect(b"[" + NDJSON.split(b"\n")[1] + b",") == "log-json"
    assert detect(json.dumps(SENTRY_EVENT, indent=2)) == "sentry"
    assert detect(ITERATOR) == "unifiedlog-iterator"
    assert detect(b"2025-06-24 14:32:34 MyApp[1:2] {x} error -9802\n") is None
    assert detect(b"{not json at all\n") is None


def test_log_show_ndjson_records() -> None:
    records = list(read_records(io.BytesIO(NDJSON)))
    assert records[0] == LogRecord(1, NDJSON.split(b"\n")[0].decode())
    assert records[1].line_no == 2
    assert records[1].time == "2025-06-24T14:32:34.176682+03:00"
    assert records[1].pid == 4211
    assert records[1].process is not None
    assert records[1].process.endswith("/MyApp")
    assert records[1].text.startswith("Task <8EF8>")
    assert len(records) == 3  # the closing count record carries no message


def test_log_show_json_array_pretty_printed() -> None:
    entries = [json.loads(line) for line in NDJSON.splitlines()[1:]]
    data = json.dumps(entries, indent=2).encode()
    records = list(read_records(io.BytesIO(data)))
    assert [r.pid for r in records] == [4211, 4211]
    assert records[0].line_no == 2
    assert records[1].line_no > records[0].line_no


def test_unified_log_iterator_lines() -> None:
    (record,) = read_records(io.BytesIO(ITERATOR))
    assert record.time == "2025-06-24T11:32:34.176682+00:00"
    assert (record.pid, record.process) == (4211, "/x/MyApp")
    assert [f.code for f in atscodes.scan(record.text)] == [-9802]


def test_a_sentry_event_is_one_failure() -> None:
    data = json.dumps(SENTRY_EVENT, indent=2).encode()
    records = list(read_records(io.BytesIO(data)))
    assert len(records) == 2
    assert {r.event_key for r in records} == {SENTRY_EVENT["event_id"]}
    assert {r.host for r in records} == {"api.example.com"}
    assert {r.time for r in records} == {"2025-06-24T11:32:34.176682+00:00"}
    found = [(f.domain, f.code) for r in records for f in atscodes.scan(r.text)]
    assert ("NSURLErrorDomain", -1200) in found
    assert ("kCFErrorDomainCFNetwork", -1200) in found
    assert ("kCFStreamErrorDomainSSL", -9802) in found


def test_scan_file_reads_structured_logs(tmp_path: Path) -> None:
    path = tmp_path / "log.ndjson"
    path.write_bytes(NDJSON)
    found = atscodes.scan_file(path)
    # the JSON number "code": -1200 of line 3 is a field, not a message
    assert [(f.line_no, f.code) for f in found] == [(2, -1200), (2, -9802)]
    plain = tmp_path / "log.txt"
    plain.write_bytes(b"x\nHTTP load failed (kCFStreamErrorDomainSSL, -9802)\n")
    assert [(f.line_no, f.code) for f in atscodes.scan_file(plain)] == [(2, -9802)]


def test_explain_reads_structured_files_by_their_records(tmp_path: Path) -> None:
    """explain_log() of a file, and `atscodes explain FILE`, read a structured log as the
    report and scan_file() do (a black-box review: two Sentry events, one per line, were
    one failure with one host, and ndjson events had no time)."""
    from atscodes._cli import main

    second = json.loads(json.dumps(SENTRY_EVENT))
    second["event_id"] = "0" * 32
    second["timestamp"] = 1750851600.5
    data = second["exception"]["values"][1]["mechanism"]["data"]
    data["NSErrorFailingURLStringKey"] = "https://cdn.example.net/a"
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(SENTRY_EVENT) + "\n" + json.dumps(second) + "\n")
    with path.open("rb") as stream:
        report = atscodes.explain_log(stream)
    assert [e.host for e in report.events] == ["api.example.com", "cdn.example.net"]
    assert [e.time for e in report.events] == [
        "2025-06-24T11:32:34.176682+00:00",
        "2025-06-25T11:40:00.500000+00:00",
    ]
    logs = tmp_path / "log.ndjson"
    logs.write_bytes(NDJSON)
    with logs.open("rb") as stream:
        [event] = atscodes.explain_log(stream).events
    assert (event.line_no, event.time) == (2, "2025-06-24T14:32:34.176682+03:00")
    assert main(["explain", "--json", str(path)]) == 0


def test_invalid_json_later_on_is_read_as_lines() -> None:
    data = NDJSON.splitlines(keepends=True)[1] + b"{broken (kCFStreamErrorDomainSSL, -9813)\n"
    records = list(read_records(io.BytesIO(data)))
    assert records[-1].text == "{broken (kCFStreamErrorDomainSSL, -9813)"
    assert records[-1].line_no == 2


def test_iso_time() -> None:
    assert iso_time("2025-06-24 14:32:34.176682+0300") == "2025-06-24T14:32:34.176682+03:00"
    assert iso_time("2025-06-24T14:32:34Z") == "2025-06-24T14:32:34+00:00"
    assert iso_time("2025-06-24 14:32:34") == "2025-06-24T14:32:34"
    assert iso_time(0) == "1970-01-01T00:00:00+00:00"
    assert iso_time("yesterday") is None
    assert iso_time(1e300) is None


def ndjson(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "atscodes", "annotate", "--ndjson", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_annotate_ndjson_adds_a_key_and_changes_nothing_else() -> None:
    sentry = json.dumps(SENTRY_EVENT).encode() + b"\n"
    custom = b'{"log": {"text": "HTTP load failed (kCFStreamErrorDomainSSL, -9813)"}}\n'
    data = NDJSON + sentry + custom + b"not json -9802\n"
    result = ndjson("--field", "log.text", stdin=data)
    assert result.returncode == 0
    inputs = data.splitlines()
    outputs = result.stdout.splitlines()
    assert len(inputs) == len(outputs)
    for before, after in zip(inputs, outputs):
        try:
            original = json.loads(before)
        except ValueError:
            assert after == before
            continue
        written = json.loads(after)
        added = written.pop("atscodes", None)
        assert written == original
        if added is None:
            assert after == before
        else:
            assert after.startswith(before[:-1])
    task = json.loads(outputs[1])["atscodes"]
    assert [(f["field"], f["code"], f["line"]) for f in task] == [
        ("eventMessage", -1200, 2),
        ("eventMessage", -9802, 2),
    ]
    assert set(task[0]) >= {"line", "column", "text", "domain", "code", "name", "description"}
    event = json.loads(outputs[4])["atscodes"]
    assert {(f["domain"], f["code"]) for f in event} >= {
        ("NSURLErrorDomain", -1200),
        ("kCFErrorDomainCFNetwork", -1200),
        ("kCFStreamErrorDomainSSL", -9802),
    }
    assert any(f["field"].startswith("exception.values[1].mechanism") for f in event)
    assert json.loads(outputs[5])["atscodes"][0]["field"] == "log.text"


def test_annotate_ndjson_is_idempotent_and_without_codes_exits_1() -> None:
    once = ndjson(stdin=NDJSON).stdout
    assert ndjson(stdin=once).stdout == once
    assert ndjson(stdin=b'{"eventMessage": "fine"}\n').returncode == 1


def test_field_needs_ndjson() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "atscodes", "annotate", "--field", "x"],
        input=b"",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2


@pytest.mark.parametrize("path", ["", "log..text", "[]", "records.[]"])
def test_a_field_path_with_an_empty_name_is_a_usage_error(path: str) -> None:
    # They were accepted and matched nothing (a black-box review).
    from atscodes._cli import main

    assert main(["annotate", "--ndjson", "--field", path]) == 2


def test_text_mode_keeps_every_structured_line_valid() -> None:
    sentry = json.dumps(SENTRY_EVENT).encode() + b"\n"
    out = annotate_bytes(NDJSON + sentry + ITERATOR)
    assert OPEN.encode() in out
    for line in out.splitlines()[1:]:
        json.loads(line)


def test_annotate_ndjson_answers_each_line_as_it_arrives() -> None:
    """Behind `log stream --style ndjson` or as an exec_filter: no waiting for more input."""
    process = subprocess.Popen(
        [sys.executable, "-m", "atscodes", "annotate", "--ndjson"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write(b'{"eventMessage": "(kCFStreamErrorDomainSSL, -9813)"}\n')
        process.stdin.flush()
        line = process.stdout.readline()  # blocks until the line comes (or the test times out)
        assert json.loads(line)["atscodes"][0]["name"] == "errSSLNoRootCert"
        assert process.poll() is None
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def test_hostile_json_passes_through() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000 + b"\n"
    result = ndjson(stdin=deep + b'{"a": 1e999999, "msg": "x"}\n')
    assert result.returncode == 1
    assert result.stdout == deep + b'{"a": 1e999999, "msg": "x"}\n'
    assert b"Traceback" not in result.stderr
    records = list(
        read_records(io.BytesIO(b"{" * 50_000 + b"\n(kCFStreamErrorDomainSSL, -9802)\n"))
    )
    assert records[-1].text == "(kCFStreamErrorDomainSSL, -9802)"


def test_sentry_iso_timestamps_and_a_custom_description() -> None:
    event = json.loads(json.dumps(SENTRY_EVENT))
    event["timestamp"] = "2025-06-24T11:32:34.176Z"
    event["exception"]["values"][1]["value"] = "Handshake failed (Code: -1200)"
    del event["exception"]["values"][1]["mechanism"]["meta"]
    records = list(read_records(io.StringIO(json.dumps(event) + "\n" + json.dumps(event))))
    assert len(records) == 4
    assert {r.time for r in records} == {"2025-06-24T11:32:34.176+00:00"}
    assert [r.line_no for r in records] == [1, 1, 2, 2]
    # without ns_error, the domain is the entry's type and the code comes from its value
    assert records[1].text.startswith('Error Domain=NSURLErrorDomain Code=-1200 "Handshake failed"')
