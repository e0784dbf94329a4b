"""The report page in a real browser: Debian's Chromium, headless, driven by Playwright.

Skipped, with the reason, where Chromium or Playwright is missing (a user's machine);
failed instead when the CI environment variable is set, because CI installs both
(.ci/run).  Set ATSCODES_SCREENSHOTS=DIR to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from atscodes._report import build, render_html
from atscodes._report._assets import SIDE_COLOURS

from .test_report import CAUSES, LOG, _timed

pytestmark = pytest.mark.browser

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing() -> str | None:
    if shutil.which("chromium") is None:
        return "Chromium is not installed (Debian package chromium, on PATH as chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (the test extra has it)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs them)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        # Playwright gives each launch a fresh, temporary user-data directory.
        chromium = driver.chromium.launch(
            executable_path=shutil.which("chromium"), args=ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(build([("device.log", _timed(), LOG)])), encoding="utf-8")
    return path


class Watched:
    """A page with everything it logged and every request it made."""

    def __init__(self, browser: Any, **options: Any) -> None:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def close(self) -> None:
        self.context.close()

    def open(self, path: Path, fragment: str = "") -> Any:
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.page

    def visible_rows(self) -> int:
        return int(
            self.page.evaluate("document.querySelectorAll('tr[data-cause]:not([hidden])').length")
        )


def _shots() -> Path | None:
    folder = os.environ.get("ATSCODES_SCREENSHOTS")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


def _rgb(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_page_loads_with_no_console_error_and_no_request(
    browser: Any, report_file: Path
) -> None:
    """No CSP violation (the hashes match), no script error, nothing fetched but the page."""
    watched = Watched(browser)
    page = watched.open(report_file)
    assert watched.errors == []
    assert watched.requests == [report_file.as_uri()]
    # The script ran: the filter form is shown and counts the events.
    assert page.is_visible("#filter")
    assert page.text_content("#shown") == f"{sum(CAUSES.values())} of 8 listed events shown"
    watched.close()


def test_a_fragment_filters_the_event_table(browser: Any, report_file: Path) -> None:
    watched = Watched(browser)
    page = watched.open(report_file, "#host=cdn.example.net")
    assert watched.visible_rows() == 2
    hidden = page.evaluate(
        "Array.from(document.querySelectorAll('section.events')).filter(s => s.hidden).length"
    )
    assert hidden == len(CAUSES) - 1  # only the -1200 / -9802 table is left
    page.goto(report_file.as_uri() + "#side=local")
    assert watched.visible_rows() == 4
    page.goto(report_file.as_uri() + "#q=timed%20out")
    assert watched.visible_rows() == 1
    assert watched.errors == []
    watched.close()


def test_the_controls_and_the_matrix_set_the_fragment(browser: Any, report_file: Path) -> None:
    watched = Watched(browser)
    page = watched.open(report_file)
    page.select_option("#filter select[name=cause]", "-1202 / -9813")
    page.wait_for_function("location.hash.indexOf('cause=') >= 0")
    assert watched.visible_rows() == 4
    page.select_option("#filter select[name=host]", "api.example.com")
    page.wait_for_function("location.hash.indexOf('host=') >= 0")
    assert watched.visible_rows() == 3
    page.click("#filter button[name=clear]")
    assert watched.visible_rows() == 8
    # A count in the host x cause matrix narrows the table to its events.
    page.click("a[data-filter^='host=cdn.example.net&cause=-1200%20%2F%20-9802&side=']")
    page.wait_for_function("location.hash.indexOf('cdn.example.net') >= 0")
    assert watched.visible_rows() == 2
    assert watched.errors == []
    assert set(watched.requests) == {report_file.as_uri()}
    watched.close()


def test_the_table_follows_a_matrix_link_in_the_same_task(browser: Any, report_file: Path) -> None:
    """Rows are filtered when the link is followed, not only on the later hashchange."""
    watched = Watched(browser)
    page = watched.open(report_file)
    shown = page.evaluate(
        """() => {
        document.querySelector("a[data-filter^='host=cdn.example.net&cause=']").click();
        return document.querySelectorAll('tr[data-cause]:not([hidden])').length;
        }"""
    )
    assert shown == 2
    assert watched.errors == []
    watched.close()


def test_with_scripts_blocked_everything_is_readable(browser: Any, report_file: Path) -> None:
    watched = Watched(browser, java_script_enabled=False)
    page = watched.open(report_file, "#host=cdn.example.net")
    assert not page.is_visible("#filter")
    assert watched.visible_rows() == 8  # no filtering without the script, nothing hidden
    assert page.locator("svg.chart g.bucket").count() == 13
    assert page.is_visible("details.cause pre.plist") or page.locator("details.cause").count()
    assert watched.requests == [report_file.as_uri()]
    watched.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "form"), [(1280, "laptop"), (390, "phone")])
def test_screenshots_in_light_and_dark_at_laptop_and_phone_width(
    browser: Any, report_file: Path, tmp_path: Path, scheme: str, width: int, form: str
) -> None:
    watched = Watched(browser, viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = watched.open(report_file)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(13, 17, 23)")
    # The bars take the scheme's colour for their side (the stylesheet over the attribute).
    fill = page.evaluate("getComputedStyle(document.querySelector('rect.s-local')).fill")
    light, dark = SIDE_COLOURS["local"]
    assert fill == _rgb(light if scheme == "light" else dark)
    # Nothing wider than the screen: wide tables scroll inside their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    folder = _shots() or tmp_path
    shot = folder / f"report-{form}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert _png_size(shot.read_bytes())[0] == width
    assert watched.errors == []
    watched.close()


def test_print_hides_the_controls_and_prints_light(browser: Any, report_file: Path) -> None:
    watched = Watched(browser, color_scheme="dark")
    page = watched.open(report_file)
    page.emulate_media(media="print")
    assert not page.is_visible("#filter")
    assert page.locator("tr[data-cause]").count() == 8
    # Paper is white even when the screen is dark, and the bars keep their light colours.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    fill = page.evaluate("getComputedStyle(document.querySelector('rect.s-local')).fill")
    assert fill == _rgb(SIDE_COLOURS["local"][0])
    assert page.pdf()[:5] == b"%PDF-"
    watched.close()


#: The Content-Security-Policy Jenkins puts on archived artifacts by default
#: (hudson.model.DirectoryBrowserSupport.CSP): no script, no inline style at all.
JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';"


def test_under_jenkins_artifact_csp_the_page_stays_readable(
    browser: Any, report_file: Path
) -> None:
    """Served from 127.0.0.1 with that header: no style, no script, and still all there."""
    import http.server
    import threading

    body = report_file.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", JENKINS_CSP)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        watched = Watched(browser)
        url = f"http://127.0.0.1:{server.server_address[1]}/report.html"
        page = watched.page
        page.goto(url)
        assert watched.requests == [url]
        assert not page.is_visible("#filter")  # the script did not run
        assert page.evaluate("getComputedStyle(document.body).maxWidth") == "none"  # no style
        assert page.locator("tr[data-cause]").count() == 8
        fills = page.evaluate(
            "Array.from(document.querySelectorAll('svg.chart g.bucket rect'))"
            ".map(r => getComputedStyle(r).fill)"
        )
        assert len(fills) == 8
        assert "rgb(0, 0, 0)" not in fills  # the sides keep their colours from attributes
        assert page.locator("text=side at fault: local").count() >= 1
        watched.close()
    finally:
        server.shutdown()
        server.server_close()


def test_the_info_plist_exception_gets_a_copy_button(browser: Any, tmp_path: Path) -> None:
    from atscodes import explain_log

    from .test_report import EXPLAINED

    path = tmp_path / "ats.html"
    path.write_text(
        render_html(build([("device.log", explain_log(EXPLAINED), EXPLAINED)])), encoding="utf-8"
    )
    watched = Watched(browser)
    page = watched.open(path)
    plists = page.locator("pre.plist").count()
    assert plists >= 1
    assert page.locator("button.copy").count() == plists
    page.locator("button.copy").first.click()
    page.wait_for_function(
        "document.querySelector('button.copy').textContent === 'Copied' || "
        "String(window.getSelection()).indexOf('NSAppTransportSecurity') >= 0"
    )
    assert watched.errors == []
    watched.close()
