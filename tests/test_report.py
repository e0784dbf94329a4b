"""atscodes report: the page's structure, its data, escaping, the Markdown and JSON forms.

The page is read back with the standard library's html.parser; the counts below were
written by hand from LOG (one failed load per Task; hosts from NSErrorFailingURLStringKey).
The log lines follow the shapes of CFNetwork's "Task <…> HTTP load failed" and
"finished with error" lines as quoted in tests/data/corpus.jsonl; the hosts are made up.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from atscodes import explain_log
from atscodes._cli import main
from atscodes._explain import NO_HOST
from atscodes._report import SIDES, build, render_html, render_json, render_markdown

_T = "2025-06-24 {}+0300 Demo[812:3501] "
_FAIL = "Task <{task}>.<1> HTTP load failed, 0/0 bytes (error code: {code} [3:{status}])"
_DUMP = (
    "Task <{task}>.<1> finished with error [{code}] Error Domain=NSURLErrorDomain Code={code} "
    "UserInfo={{NSErrorFailingURLStringKey=https://{host}/{path}, "
    "_kCFStreamErrorCodeKey={status}, _kCFStreamErrorDomainKey=3}}"
)
HOSTILE_URL = 'evil.example.com/"><img src=x onerror=alert(1)>'
HOSTILE_SCRIPT = "<script>alert(document.domain)</script>"


def _load(time: str, task: str, code: int, status: int, host: str, path: str = "v1") -> str:
    first = _T.format(time) + _FAIL.format(task=task, code=code, status=status)
    dump = _T.format(time) + _DUMP.format(task=task, code=code, status=status, host=host, path=path)
    return first + "\n" + dump


LOG = "\n".join(
    [
        _load("14:30:10.100000", "A1", -1202, -9813, "api.example.com"),
        _T.format("14:30:30.000000") + "connection ready",
        _load("14:31:40.000000", "A2", -1202, -9813, "api.example.com"),
        _load("14:33:05.000000", "B1", -1200, -9802, "cdn.example.net"),
        _load("14:35:00.000000", "A3", -1202, -9813, "api.example.com"),
        _T.format("14:36:00.000000") + "idle",
        _load("14:37:12.000000", "B2", -1200, -9802, "cdn.example.net"),
        _T.format("14:39:59.000000")
        + _DUMP.format(task="E1", code=-1202, status=-9813, host=HOSTILE_URL, path=""),
        _T.format("14:41:00.000000") + HOSTILE_SCRIPT + " load failed (error code: -1009)",
        _T.format("14:42:50.000000")
        + "Task <A4>.<1> finished with error [-1001] Error Domain=NSURLErrorDomain Code=-1001 "
        '"The request timed out." UserInfo={NSErrorFailingURLStringKey=https://api.example.com/s}',
    ]
)
#: Hand-counted from LOG: (host, cause) -> failed loads.
MATRIX = {
    ("api.example.com", "-1202 / -9813"): 3,
    ("api.example.com", "-1001"): 1,
    ("cdn.example.net", "-1200 / -9802"): 2,
    ("evil.example.com", "-1202 / -9813"): 1,
    (NO_HOST, "-1009"): 1,
}
HOSTS = {"api.example.com": 4, "cdn.example.net": 2, "evil.example.com": 1}
CAUSES = {"-1202 / -9813": 4, "-1200 / -9802": 2, "-1001": 1, "-1009": 1}
#: The line of the time each event starts on (1-based, as in LOG).
TIMES = {
    1: "2025-06-24T14:30:10.100000+03:00",
    4: "2025-06-24T14:31:40.000000+03:00",
    6: "2025-06-24T14:33:05.000000+03:00",
    8: "2025-06-24T14:35:00.000000+03:00",
    11: "2025-06-24T14:37:12.000000+03:00",
    13: "2025-06-24T14:39:59.000000+03:00",
    14: "2025-06-24T14:41:00.000000+03:00",
    15: "2025-06-24T14:42:50.000000+03:00",
}


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and the tables' cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "script":
            self.scripts.append("")
        elif tag == "style":
            self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.tables:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        top = self.stack[-1] if self.stack else ""
        if top == "script":
            self.scripts[-1] += data
        elif top == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def _timed(text: str = LOG) -> Any:
    """explain's report of *text*: events with their side and time (ISO 8601)."""
    return explain_log(text)


#: LOG without its timestamps.
UNTIMED = re.sub(r"^2025-06-24 \S+ ", "", LOG, flags=re.M)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(build([("device.log", _timed(), LOG)]))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_hand_counted_log_gives_the_hand_counted_events() -> None:
    """The test data means what the tests below say (explain groups it as counted)."""
    report = explain_log(LOG)
    got: dict[tuple[str, str], int] = {}
    for event in report.events:
        key = (event.host or NO_HOST, event.cause)
        got[key] = got.get(key, 0) + 1
    assert got == MATRIX
    assert {e.line_no: e.time for e in report.events} == TIMES


class TestNothingFromOutside:
    def test_no_outside_resource_in_any_src_href_or_url(self, page: str) -> None:
        parsed = parse(page)
        for tag, attributes in parsed.tags:
            assert "src" not in attributes, tag
            assert tag not in ("link", "img", "iframe", "object", "embed", "base")
            href = attributes.get("href")
            if href is not None:
                assert tag == "a", tag  # links to sources are <a> only
                assert href.startswith(("#", "https://", "http://")), href
            for name in attributes:
                assert not name.startswith("on"), (tag, name)
        for sheet in parsed.styles:
            assert "url(" not in sheet
            assert "@import" not in sheet
        assert "url(" not in "".join(a.get("style") or "" for _, a in parsed.tags)

    def test_a_csp_meta_tag_allows_nothing_but_the_page_own_style_and_script(
        self, page: str
    ) -> None:
        parsed = parse(page)
        [csp] = [
            a["content"]
            for t, a in parsed.tags
            if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
        ]
        assert csp is not None
        rules = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
        assert rules["default-src"] == ["'none'"]
        [style] = parsed.styles
        [script] = parsed.scripts
        assert rules["style-src"] == [_sha256(style)]
        assert rules["script-src"] == [_sha256(script)]
        assert rules["base-uri"] == ["'none'"]
        assert rules["form-action"] == ["'none'"]
        for values in rules.values():
            for value in values:
                assert "http" not in value
                assert "*" not in value
                assert "data:" not in value

    def test_the_csp_meta_tag_comes_before_the_style_and_script(self, page: str) -> None:
        assert page.index("Content-Security-Policy") < page.index("<style>")
        assert page.index("<style>") < page.index("<script>")


class TestData:
    def test_the_chart_has_one_bar_group_per_minute_of_the_span(self, page: str) -> None:
        """14:30:10 to 14:42:50 is 13 one-minute buckets (14:30 … 14:42), auto-chosen."""
        parsed = parse(page)
        groups = [a for t, a in parsed.tags if t == "g" and "bucket" in (a.get("class") or "")]
        assert len(groups) == 13
        assert [g["data-start"] for g in groups][:2] == [
            "2025-06-24T14:30:00+03:00",
            "2025-06-24T14:31:00+03:00",
        ]
        text = " ".join(parsed.text)
        assert "UTC+03:00" in text
        assert "14:30" in text
        assert "14:42" in text or "14:40" in text

    def test_the_bars_add_up_per_side(self) -> None:
        data = render_json(build([("device.log", _timed(), LOG)]))
        buckets = data["axis"]["buckets"]
        assert [b["total"] for b in buckets] == [1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1]
        assert sum(b["counts"]["local"] for b in buckets) == 4  # the four -9813 loads
        # -9802 with no alert line in the log: either side could have ended it (issue 8).
        assert sum(b["counts"]["either"] for b in buckets) == 2
        assert data["totals"]["events"] == 8

    @pytest.mark.parametrize(("bucket", "bars"), [("10m", 2), ("1h", 1), ("1m", 13)])
    def test_a_given_bucket_size_sets_the_number_of_bars(self, bucket: str, bars: int) -> None:
        page = render_html(build([("device.log", _timed(), LOG)], bucket=bucket))
        groups = [a for t, a in parse(page).tags if t == "g" and a.get("class") == "bucket"]
        assert len(groups) == bars

    def test_every_host_and_cause_appears_with_its_hand_counted_count(self, page: str) -> None:
        parsed = parse(page)
        [matrix] = [t for t in parsed.tables if t and t[0][:1] == ["host"]]
        header = [re.sub("(" + "|".join(SIDES) + ")$", "", h) for h in matrix[0]]
        assert header[0] == "host"
        assert header[-1] == "total"
        causes = header[1:-1]
        assert sorted(causes) == sorted(CAUSES)
        got = {}
        for row in matrix[1:-1]:
            host, *cells, total = row
            assert int(total) == sum(int(c) for c in cells if c)
            got.update({(host, c): int(n) for c, n in zip(causes, cells) if n})
        assert got == MATRIX
        totals = dict(zip(causes, (int(c) for c in matrix[-1][1:-1])))
        assert totals == CAUSES
        text = " ".join(parsed.text)
        assert "8" in [t.strip() for t in parsed.text]  # the failed-loads card
        for host, count in HOSTS.items():
            assert host in text
            assert int(next(r[-1] for r in matrix if r[0] == host)) == count

    def test_one_section_per_cause_with_explain_s_content(self, page: str) -> None:
        parsed = parse(page)
        details = [a for t, a in parsed.tags if t == "details" and a.get("class") == "cause"]
        assert len(details) == len(CAUSES)
        text = " ".join(parsed.text)
        for group in explain_log(LOG).groups:
            assert group.explanation.meaning in text
            assert group.explanation.side_reason in text
            for cause in group.explanation.causes:
                assert cause.text in text
            if group.explanation.ats is not None:
                assert group.explanation.ats.exception in text
        hrefs = {a.get("href") for t, a in parsed.tags if t == "a"}
        for group in explain_log(LOG).groups:
            for source in group.explanation.sources:
                assert source.url in hrefs

    def test_the_summary_is_explain_s_summary(self, page: str) -> None:
        text = " ".join(parse(page).text)
        for line in explain_log(LOG).summary:
            assert line in text

    def test_events_link_back_to_their_line_numbers(self, page: str) -> None:
        parsed = parse(page)
        rows = [a for t, a in parsed.tags if t == "tr" and "data-cause" in a]
        assert len(rows) == sum(CAUSES.values())
        text = " ".join(parsed.text)
        for line_no in TIMES:
            assert f"device.log:{line_no}" in text
        assert {r["data-host"] for r in rows} == {*HOSTS, NO_HOST}


class TestHostileLogs:
    def test_log_text_appears_as_text_never_as_markup(self, page: str) -> None:
        parsed = parse(page)
        tags = [t for t, _ in parsed.tags]
        assert tags.count("script") == 1
        assert "img" not in tags
        text = "".join(parsed.text)
        assert HOSTILE_SCRIPT in text
        assert '"><img src=x onerror=alert(1)>' in text
        for script in parsed.scripts:
            assert "alert" not in script
            assert "evil" not in script

    def test_no_attribute_holds_unescaped_log_text(self, page: str) -> None:
        # A raw double quote from the log would end an attribute and start a new one.
        for _tag, attributes in parse(page).tags:
            assert set(attributes) <= {
                "lang", "charset", "http-equiv", "content", "name", "class", "id", "href",
                "rel", "data-filter", "data-host", "data-cause", "data-side", "data-start",
                "open", "hidden", "viewbox", "role", "aria-labelledby", "xmlns", "x", "y",
                "x1", "x2", "y1", "y2", "width", "height", "fill", "stroke", "text-anchor",
                "transform", "value", "type", "placeholder", "data-label", "datetime",
            }, attributes  # fmt: skip
        assert "onerror=alert(1)>" not in page.replace("onerror=alert(1)&gt;", "")

    def test_control_characters_are_shown_not_written(self) -> None:
        log = "Task <Z>.<1> load failed \x1b[31m\x00 (error code: -1009)\udcff"
        page = render_html(build([("x.log", explain_log(log), log)]))
        assert "\x1b" not in page
        assert "\x00" not in page
        assert "\\x1b[31m\\x00" in page
        assert "\\xff" in page
        page.encode("utf-8")  # no lone surrogate is written

    def test_a_hostile_title_and_file_name_are_escaped(self) -> None:
        name = "<b>x</b>.log"
        page = render_html(build([(name, explain_log(LOG), LOG)], title="</title><script>"))
        parsed = parse(page)
        assert [t for t, _ in parsed.tags].count("script") == 1
        assert "</title><script>" in "".join(parsed.text)
        assert "<b>x</b>" not in page
        assert "&lt;b&gt;x&lt;/b&gt;.log" in page

    def test_markdown_keeps_log_text_as_text(self) -> None:
        markdown = render_markdown(build([("device.log", _timed(), LOG)]))
        assert "<script>" not in markdown
        assert "<img" not in markdown
        assert "&lt;script&gt;" in markdown
        for line in markdown.splitlines():
            if line.startswith("| device.log:"):
                assert len(re.findall(r"(?<!\\)\|", line)) == 7, line


class TestTimes:
    def test_a_log_without_times_is_charted_in_event_order_and_says_so(self) -> None:
        page = render_html(build([("device.log", explain_log(UNTIMED), UNTIMED)]))
        text = " ".join(parse(page).text)
        assert "no times" in text
        bars = [a for t, a in parse(page).tags if t == "g" and a.get("class") == "bucket"]
        assert len(bars) == 8  # one bar per failed load

    def test_times_with_another_offset_are_moved_onto_the_log_s_clock(self) -> None:
        report = _timed()
        events = list(report.events)
        # The same moment as 14:42:50+03:00, written in UTC.
        events[-1] = attrs.evolve(events[-1], time="2025-06-24T11:42:50Z")
        data = render_json(build([("d.log", attrs.evolve(report, events=tuple(events)), LOG)]))
        assert data["axis"]["zone"] == "+03:00"
        assert data["last_time"] == "2025-06-24T14:42:50+03:00"
        assert len(data["axis"]["buckets"]) == 13

    def test_a_span_of_centuries_stays_bounded(self) -> None:
        report = _timed()
        events = list(report.events)
        events[0] = attrs.evolve(events[0], time="1900-01-01T00:00:00+03:00")
        events[1] = attrs.evolve(events[1], time="9999-12-31T23:59:00+03:00")
        data = render_json(build([("d.log", attrs.evolve(report, events=tuple(events)), LOG)]))
        assert 1 < len(data["axis"]["buckets"]) <= 1500
        assert sum(b["total"] for b in data["axis"]["buckets"]) == 8
        assert "widened" in data["axis"]["note"] or data["axis"]["bucket"] == "1d"


class TestLimits:
    def test_max_events_lists_the_first_n_per_cause_and_says_how_many_more(self) -> None:
        page = render_html(build([("device.log", _timed(), LOG)], max_events=1))
        parsed = parse(page)
        rows = [a for t, a in parsed.tags if t == "tr" and "data-cause" in a]
        assert len(rows) == len(CAUSES)
        text = " ".join(parsed.text)
        assert "3 more" in text  # -1202 / -9813: 4 loads, 1 listed
        assert "1 more" in text  # -1200 / -9802: 2 loads, 1 listed

    def test_a_long_line_is_cut(self) -> None:
        log = "x" * 2_000_000 + " load failed (error code: -1009)"
        page = render_html(build([("long.log", explain_log(log), log)]))
        assert len(page) < 100_000
        assert "(cut)" in page


class TestFormats:
    def test_json_holds_the_data_behind_the_page(self) -> None:
        data = render_json(build([("device.log", _timed(), LOG)]))
        assert {c["cause"]: c["count"] for c in data["causes"]} == CAUSES
        assert {(m["host"] or NO_HOST, m["cause"]): m["count"] for m in data["matrix"]} == MATRIX
        assert data["totals"]["hosts"] == len(HOSTS)
        assert data["summary"] == list(explain_log(LOG).summary)
        first = data["causes"][0]["events"][0]
        assert set(first) == {"file", "line", "time", "host", "side", "codes", "alerts", "text"}
        json.dumps(data)

    def test_markdown_has_the_summary_matrix_and_each_cause(self) -> None:
        markdown = render_markdown(build([("device.log", _timed(), LOG)]))
        for line in explain_log(LOG).summary:
            assert line.split(" failed")[0] in markdown
        assert "| api.example.com | " in markdown
        for cause in CAUSES:
            assert f"### `{cause}`" in markdown

    def test_log_report_to_html_is_the_same_page(self) -> None:
        report = explain_log(LOG)
        page = report.to_html(title="t")
        assert page == render_html(build([("log", report, None)], title="t"))
        assert parse(page).scripts


class TestCommand:
    def _run(self, argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
        status = main(["report", *argv])
        return status, capsys.readouterr().out

    def test_writes_atscodes_report_html_by_default(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "device.log").write_text(LOG, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        status, _ = self._run(["device.log"], capsys)
        assert status == 0
        page = (tmp_path / "atscodes-report.html").read_text(encoding="utf-8")
        assert "device.log:15" in page
        assert not list(tmp_path.glob(".atscodes-report-*"))

    def test_dash_o_dash_writes_to_stdout_in_each_format(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        log = tmp_path / "device.log"
        log.write_text(LOG, encoding="utf-8")
        status, out = self._run([str(log), "-o", "-", "--title", "T<1>"], capsys)
        assert status == 0
        assert out.startswith("<!DOCTYPE html>")
        assert "T&lt;1&gt;" in out
        status, out = self._run([str(log), "-o", "-", "--format", "md"], capsys)
        assert status == 0
        assert out.startswith("# ")
        status, out = self._run([str(log), "-o", "-", "--format", "json"], capsys)
        assert json.loads(out)["totals"]["events"] == 8

    def test_several_files_are_counted_together(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "a.log").write_text(LOG, encoding="utf-8")
        (tmp_path / "b.log").write_text(LOG, encoding="utf-8")
        args = [str(tmp_path / "a.log"), str(tmp_path / "b.log"), "--format", "json", "-o", "-"]
        status, out = self._run(args, capsys)
        data = json.loads(out)
        assert status == 0
        assert {c["cause"]: c["count"] for c in data["causes"]} == {
            k: 2 * v for k, v in CAUSES.items()
        }
        assert data["summary"][0].startswith("8 loads to api.example.com (6)")

    def test_a_missing_file_is_an_error_but_the_others_are_reported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "a.log").write_text(LOG, encoding="utf-8")
        status = main(["report", str(tmp_path / "a.log"), str(tmp_path / "no.log"), "-o", "-"])
        captured = capsys.readouterr()
        assert status == 2
        assert "cannot read" in captured.err
        assert "no.log" in captured.err
        assert "api.example.com" in captured.out

    def test_a_log_without_failures_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "quiet.log").write_text("all good\n", encoding="utf-8")
        status, out = self._run([str(tmp_path / "quiet.log"), "-o", "-"], capsys)
        assert status == 1
        assert "No known TLS or URL-loading error codes" in out

    @pytest.mark.parametrize(
        "argv", [["--max-events", "-1", "x"], ["--bucket", "5m", "x"], ["--format", "pdf", "x"]]
    )
    def test_bad_options_are_usage_errors(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["report", *argv]) == 2
        assert "error" in capsys.readouterr().err

    def test_help_has_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["report", "--help"]) == 0
        out = capsys.readouterr().out
        assert "examples:" in out
        assert "--max-events" in out


def _ndjson(text: str) -> str:
    """*text* as ``log show --style ndjson`` writes it (fields as in atscodes._structured)."""
    out = []
    for line in text.splitlines():
        stamp, message = line.split(" Demo[812:3501] ", 1)
        record = {
            "timestamp": stamp,
            "eventMessage": message,
            "processImagePath": "/Applications/Demo.app/Demo",
            "processID": 812,
            "subsystem": "com.apple.CFNetwork",
            "category": "Default",
        }
        out.append(json.dumps(record))
    out.append(json.dumps({"count": len(out), "finished": 1}))
    return "\n".join(out) + "\n"


class TestInputs:
    def test_a_structured_log_gives_the_same_report(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "device.ndjson").write_text(_ndjson(LOG), encoding="utf-8")
        status = main(["report", str(tmp_path / "device.ndjson"), "--format", "json", "-o", "-"])
        data = json.loads(capsys.readouterr().out)
        assert status == 0
        assert {(m["host"] or NO_HOST, m["cause"]): m["count"] for m in data["matrix"]} == MATRIX
        assert data["axis"]["zone"] == "+03:00"
        assert len(data["axis"]["buckets"]) == 13
        first = data["causes"][0]["events"][0]
        assert first["text"].startswith("Task <A1>.<1> HTTP load failed")

    def test_syslog_times_without_a_year_are_charted_and_say_so(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        syslog = re.sub(
            r"^2025-06-24 (\d\d:\d\d:\d\d)\.\d+\+0300", r"Jun 24 \1 iPhone", LOG, flags=re.M
        )
        (tmp_path / "syslog.txt").write_text(syslog, encoding="utf-8")
        status = main(["report", str(tmp_path / "syslog.txt"), "--format", "json", "-o", "-"])
        data = json.loads(capsys.readouterr().out)
        assert status == 0
        assert data["axis"]["kind"] == "time"
        assert data["axis"]["zone"] is None
        assert "no year" in data["axis"]["note"]
        assert data["axis"]["buckets"][0]["start"] == "--06-24T14:30:00"
        assert len(data["axis"]["buckets"]) == 13

    def test_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import io
        import sys

        fake = io.TextIOWrapper(io.BytesIO(LOG.encode()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake)
        assert main(["report", "-", "--format", "json", "-o", "-"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["files"] == [{"file": "stdin", "events": 8}]


#: Shapes from the README and issue 8: a BoringSSL "read alert" line before the -9802 it
#: causes, and an ATS refusal of plain HTTP (-1022); hosts made up.
EXPLAINED = "\n".join(
    [
        "2025-06-24 14:30:10.100000+0300 Demo[812:3501] [com.apple.network:boringssl] "
        "boringssl_context_handle_fatal_alert(1872) [C1.1:2][0x7f9] read alert, level: fatal, "
        "description: bad certificate",
        "2025-06-24 14:30:10.200000+0300 Demo[812:3501] Task <C1>.<1> HTTP load failed, 0/0 "
        "bytes (error code: -1200 [3:-9802])",
        "2025-06-24 14:31:00.000000+0300 Demo[812:3501] Task <D1>.<1> finished with error "
        '[-1022] Error Domain=NSURLErrorDomain Code=-1022 "The resource could not be loaded '
        'because the App Transport Security policy requires the use of a secure connection." '
        "UserInfo={NSErrorFailingURLStringKey=http://media.example.org/a.mp4}",
    ]
)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_each_cause_section_has_what_explain_full_prints() -> None:
    """Every statement, command, evidence line and Info.plist exception of explain --full."""
    report = explain_log(EXPLAINED)
    page = render_html(build([("device.log", report, EXPLAINED)]))
    text = _words(" ".join(parse(page).text))
    assert any(g.explanation.ats is not None for g in report.groups)
    assert any(g.explanation.evidence for g in report.groups)
    for group in report.groups:
        e = group.explanation
        full = group.explanation.to_text(100, full=True)
        for line in full.splitlines():
            if line.strip().startswith("$ "):
                assert _words(line) in text, line
        for claim in (*e.hidden, *e.causes, *e.os_notes, *e.next_steps):
            assert _words(claim.text) in text
        for line in e.evidence:
            assert _words(line) in text
        if e.ats is not None:
            assert _words(e.ats.exception) in text
            assert _words(e.ats.requirement) in text
        assert _words(e.side_reason) in text
    # The alert seen is listed with the event it belongs to.
    assert "alert 42 bad_certificate (peer)" in text


def test_a_hostile_sentry_event_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_structured import SENTRY_EVENT

    hostile = json.dumps(SENTRY_EVENT).replace(
        "https://api.example.com/v1/items", "https://" + HOSTILE_URL
    )
    (tmp_path / "sentry.json").write_text(hostile + "\n", encoding="utf-8")
    assert main(["report", str(tmp_path / "sentry.json"), "-o", "-"]) == 0
    parsed = parse(capsys.readouterr().out)
    tags = [t for t, _ in parsed.tags]
    assert "img" not in tags
    assert tags.count("script") == 1
    assert "evil.example.com" in " ".join(parsed.text)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_is_read_once_and_its_lines_are_still_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Process substitution (<(…)) and FIFOs cannot be read twice: they are copied first."""
    import threading

    fifo = tmp_path / "log.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as out:
            out.write(LOG)

    writer = threading.Thread(target=feed)
    writer.start()
    status = main(["report", str(fifo), "--format", "json", "-o", "-"])
    writer.join(10)
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["totals"]["events"] == 8
    assert all(e["text"] for c in data["causes"] for e in c["events"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_an_output_that_is_not_a_regular_file_is_written_not_replaced(tmp_path: Path) -> None:
    """-o /dev/stdout or a FIFO: written to, never renamed over."""
    import stat
    import threading

    (tmp_path / "device.log").write_text(LOG, encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[str] = []

    def drain() -> None:
        with open(fifo, encoding="utf-8") as source:
            got.append(source.read())

    reader = threading.Thread(target=drain)
    reader.start()
    assert main(["report", str(tmp_path / "device.log"), "-o", str(fifo)]) == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got[0].startswith("<!DOCTYPE html>")


def test_line_numbers_agree_with_explain_for_cr_crlf_and_long_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The listed first lines are read back in a second pass: the same numbering as explain."""
    lines = LOG.split("\n")
    mixed = lines[0] + "\r" + lines[1] + "\r\n" + "x" * 300_000 + "\n" + "\n".join(lines[2:])
    (tmp_path / "mixed.log").write_bytes(mixed.encode())
    assert main(["report", str(tmp_path / "mixed.log"), "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    numbers = {e.line_no for e in explain_log(mixed).events}
    listed = {e["line"]: e["text"] for c in data["causes"] for e in c["events"]}
    assert set(listed) == numbers
    shift = {1: 1, 4: 5, 6: 7, 8: 9, 11: 12, 13: 14, 14: 15, 15: 16}
    for old, new in shift.items():
        assert listed[new] == lines[old - 1][: len(listed[new])], (old, new)


def test_ten_thousand_hosts_make_a_bounded_matrix() -> None:
    log = "\n".join(
        f"Task <{i:x}>.<1> finished with error [-1001] Error Domain=NSURLErrorDomain "
        f"Code=-1001 UserInfo={{NSErrorFailingURLStringKey=https://h{i}.example.com/}}"
        for i in range(3000)
    )
    page = render_html(build([("many.log", explain_log(log), log)], max_events=10))
    parsed = parse(page)
    [matrix] = [t for t in parsed.tables if t and t[0][:1] == ["host"]]
    assert len(matrix) == 1 + 200 + 1 + 1  # header, 200 hosts, the others, totals
    # explain names at most 1,000 hosts per cause; the rest are counted all the same.
    assert matrix[-2][0].startswith("800 more hosts")
    assert matrix[-2][-1] == "2800"
    assert matrix[-1][-1] == "3000"
    assert len(page) < 400_000


def test_a_syslog_log_over_new_year_is_one_short_span(tmp_path: Path) -> None:
    """Times without a year that go back by more than half a year have passed New Year:
    two failures 70 s apart over midnight on 31 December were drawn as 366 daily buckets
    (a black-box review)."""
    line = (
        "iPhone Foo[1] <Notice>: Task <{}>.<1> HTTP load failed, 0/0 bytes"
        " (error code: -1200 [3:-9802])"
    )
    log = tmp_path / "ny.log"
    log.write_text(f"Dec 31 23:59:07 {line.format(1)}\nJan  1 00:00:17 {line.format(3)}\n")
    out = tmp_path / "report.json"
    assert main(["report", "--format", "json", "-o", str(out), str(log)]) == 0
    data = json.loads(out.read_text())
    assert (data["first_time"], data["last_time"]) == ("--12-31T23:59:07", "--01-01T00:00:17")
    assert len(data["axis"]["buckets"]) <= 3
