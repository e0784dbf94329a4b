"""scan(), the streaming forms and annotate: every documented shape, losslessness, bad input."""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atscodes
from atscodes import Finding, scan
from atscodes._annotate import CLOSE, OPEN, annotate_bytes, process, strip_annotations

# (line, [(text, domain, code, name)]) — each shape named in issue 3, with where it was seen.
SHAPES = [
    # NSURLSession/NSURLConnection line, iOS 9+ (firebase/quickstart-ios issue 339)
    (
        "NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, -9802)",
        [("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert")],
    ),
    # older NSURLConnection/CFURLConnection form (SVHTTPRequest issue 57)
    (
        "NSURLConnection/CFURLConnection HTTP load failed (kCFStreamErrorDomainSSL, -9813)",
        [("-9813", "kCFStreamErrorDomainSSL", -9813, "errSSLNoRootCert")],
    ),
    # CFNetwork SSLHandshake failed (swisspol/SwiftHTTP issue 43)
    (
        "CFNetwork SSLHandshake failed (-9806)",
        [("-9806", "kCFStreamErrorDomainSSL", -9806, "errSSLClosedAbort")],
    ),
    # Task line with the CFStream pair (Apple Developer Forums thread 102253)
    (
        "Task <1A2B>.<1> HTTP load failed, 0/0 bytes (error code: -1202 [3:-9813])",
        [
            ("-1202", "NSURLErrorDomain", -1202, "NSURLErrorServerCertificateUntrusted"),
            ("[3:-9813]", "kCFStreamErrorDomainSSL", -9813, "errSSLNoRootCert"),
        ],
    ),
    (
        "Task <1A2B>.<1> finished with error - code: -1200",
        [("-1200", "NSURLErrorDomain", -1200, "NSURLErrorSecureConnectionFailed")],
    ),
    (
        "Task <1A2B>.<1> finished with error [-1202] Error Domain=NSURLErrorDomain Code=-1202",
        [
            ("-1202", "NSURLErrorDomain", -1202, "NSURLErrorServerCertificateUntrusted"),
            ("-1202", "NSURLErrorDomain", -1202, "NSURLErrorServerCertificateUntrusted"),
        ],
    ),
    # TIC lines, iOS 11 (Apple Developer Forums thread 80638; couchbase-lite-ios issue 2026)
    (
        "TIC TCP Conn Failed [1:0x1c4164c80]: 3:-9802 Err(-9802)",
        [
            ("3:-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert"),
            ("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert"),
        ],
    ),
    ("TIC SSL Trust Error [25:0x1c0176d40]: 3:0", []),
    ("TIC Read Status [2:0x610000033d40]: 1:57", [("1:57", "NSPOSIXErrorDomain", 57, "ENOTCONN")]),
    (
        "nw_coretls_read_one_record tls_handshake_process: [-9802]",
        [("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert")],
    ),
    (
        "Connection 2: default TLS Trust evaluation failed(-9813)",
        [("-9813", "kCFStreamErrorDomainSSL", -9813, "errSSLNoRootCert")],
    ),
    (
        "Connection 2: TLS Trust encountered error 3:-9813",
        [("3:-9813", "kCFStreamErrorDomainSSL", -9813, "errSSLNoRootCert")],
    ),
    (
        "Connection 4: failed to connect 3:-9838, reason -1",
        [("3:-9838", "kCFStreamErrorDomainSSL", -9838, "errSSLPeerInternalError")],
    ),
    (
        "SocketStream read error [0x2811f18c0]: 1 54",
        [("1 54", "NSPOSIXErrorDomain", 54, "ECONNRESET")],
    ),
    # BoringSSL / Network.framework naming the alert (Apple Developer Forums thread 129481)
    (
        "boringssl_context_handle_fatal_alert(1872) [C1:2][0x1016266a0] read alert, level: fatal,"
        " description: bad certificate",
        [("bad certificate", "TLSAlert", 42, "bad_certificate")],
    ),
    (
        "…:SSLV3_ALERT_BAD_CERTIFICATE:…/tls_record.cc:587:SSL alert number 42",
        [
            ("BAD_CERTIFICATE", "TLSAlert", 42, "bad_certificate"),
            ("42", "TLSAlert", 42, "bad_certificate"),
        ],
    ),
    (
        "OPENSSL_internal:TLSV1_ALERT_DECRYPT_ERROR",
        [("DECRYPT_ERROR", "TLSAlert", 51, "decrypt_error")],
    ),
    (
        "Peer disconnected during the middle of a handshake."
        " Sending errSSLClosedNoNotify(-9816) alert",
        [("-9816", "kCFStreamErrorDomainSSL", -9816, "errSSLClosedNoNotify")],
    ),
    # NSError renderings, nested (Apple Developer Forums thread 762158)
    (
        'Error Domain=NSURLErrorDomain Code=-1200 "An SSL error has occurred" UserInfo={'
        "_kCFStreamErrorCodeKey=-9802, _kCFStreamErrorDomainKey=3, NSUnderlyingError=0x28 "
        '{Error Domain=kCFErrorDomainCFNetwork Code=-1200 "(null)" UserInfo={'
        "_kCFNetworkCFStreamSSLErrorOriginalValue=-9802}}}",
        [
            ("-1200", "NSURLErrorDomain", -1200, "NSURLErrorSecureConnectionFailed"),
            ("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert"),
            ("-1200", "kCFErrorDomainCFNetwork", -1200, "kCFURLErrorSecureConnectionFailed"),
            ("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert"),
        ],
    ),
    (
        "The operation couldn’t be completed. (NSURLErrorDomain error -1200.)",
        [("-1200", "NSURLErrorDomain", -1200, "NSURLErrorSecureConnectionFailed")],
    ),
    (
        "The operation couldn’t be completed. (OSStatus error -9836.)",
        [("-9836", "NSOSStatusErrorDomain", -9836, "errSSLPeerProtocolVersion")],
    ),
    (
        '    "_kCFStreamErrorCodeKey" = -9802;',
        [("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert")],
    ),
    (
        '{"_kCFStreamErrorDomainKey": 3, "_kCFStreamErrorCodeKey": -9802}',
        [("-9802", "kCFStreamErrorDomainSSL", -9802, "errSSLFatalAlert")],
    ),
    (
        'Error Domain=NSURLErrorDomain Code=-1009 "似乎已断开与互联网的连接。"',
        [("-1009", "NSURLErrorDomain", -1009, "NSURLErrorNotConnectedToInternet")],
    ),
    (
        'Optional(Error Domain=NSURLErrorDomain Code=-999 "cancelled")',
        [("-999", "NSURLErrorDomain", -999, "NSURLErrorCancelled")],
    ),
    (
        "URLError(_nsError: Error Domain=NSURLErrorDomain Code=-1001)",
        [("-1001", "NSURLErrorDomain", -1001, "NSURLErrorTimedOut")],
    ),
    (
        "(Network.NWError error -9825 - misc. bad certificate)",
        [("-9825", "kCFStreamErrorDomainSSL", -9825, "errSSLPeerBadCert")],
    ),
    # Pairs in other domains (tencent-kit issue 134, cordova-plugin-advanced-http issue 17)
    (
        "Connection 4: failed to connect 12:8, reason -1",
        [("12:8", "kCFStreamErrorDomainNetDB", 8, "EAI_NONAME")],
    ),
    (
        "HTTP load failed (error code: -1004 [1:61])",
        [
            ("-1004", "NSURLErrorDomain", -1004, "NSURLErrorCannotConnectToHost"),
            ("[1:61]", "NSPOSIXErrorDomain", 61, "ECONNREFUSED"),
        ],
    ),
    (
        "HTTP load failed (error code: -1001 [4:-2102])",
        [
            ("-1001", "NSURLErrorDomain", -1001, "NSURLErrorTimedOut"),
            ("[4:-2102]", "kCFStreamErrorDomainHTTP", -2102, None),
        ],
    ),
]

NEGATIVES = [
    "2017-04-20 17:25:22.944189+0800 SDWebViewDemo[78813:3835329] did something wrong",
    "[C1.1.1:2] error state",
    "HTTP load failed, 0/0 bytes (error code: none)",
    "object 0x7fb8a782b000 failed",
    "boringssl_context_handle_fatal_alert(1991) failed",
    "connect [2607:f8b0:401d:14::10]:443 failed",
    "https://firebaseinstallations.googleapis.com/v1/projects/1:581104381739:ios:abc error",
    "CFNetwork Diagnostics [1:1] error",
    "The server responded with an error: 404 Not Found",
]


@pytest.mark.parametrize(("line", "expected"), SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_every_shape(line: str, expected: list[tuple[str, str, int, str | None]]) -> None:
    found = [(f.text, f.domain, f.code, f.name) for f in scan(line)]
    assert found == expected


@pytest.mark.parametrize("line", NEGATIVES)
def test_not_codes(line: str) -> None:
    assert [f.text for f in scan(line) if f.member is not None] == []


def test_spans_lines_and_columns() -> None:
    text = "first line\nsecond (kCFStreamErrorDomainSSL, -9802)\r\nthird [3:-9813] error"
    found = list(scan(text))
    assert [(f.line_no, f.column) for f in found] == [(2, 34), (3, 10)]
    for f in found:
        assert text[f.span[0] : f.span[1]] == f.text


def test_unknown_code_in_a_known_domain_is_still_reported() -> None:
    [finding] = scan("(kCFStreamErrorDomainSSL, -9870)")
    assert finding.member is None
    assert finding.code == -9870
    assert finding.label() == "unknown kCFStreamErrorDomainSSL code"


def test_findings_pickle_and_round_trip_through_json() -> None:
    [finding] = scan("HTTP load failed (kCFStreamErrorDomainSSL, -9802)")
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert Finding.from_json(finding.to_json()) == finding
    assert finding.to_json()["name"] == "errSSLFatalAlert"


def test_scan_lines_and_scan_stream_agree_with_scan() -> None:
    text = "\n".join(line for line, _ in SHAPES)
    expected = [(f.line_no, f.code, f.domain, f.text) for f in scan(text)]
    by_lines = [
        (f.line_no, f.code, f.domain, f.text) for f in atscodes.scan_lines(io.StringIO(text))
    ]
    by_stream = [
        (f.line_no, f.code, f.domain, f.text)
        for f in atscodes.scan_stream(io.BytesIO(text.encode()))
    ]
    assert by_lines == expected
    assert by_stream == expected


@pytest.mark.parametrize("text", ["(OSStatus error -\r51)", "Code=-\t1200", "[3:-\n9802]"])
def test_whitespace_inside_a_number_is_not_a_number(text: str) -> None:
    """Found by fuzzing: a sign, a control character, then digits once raised ValueError."""
    for finding in scan(text):
        assert text[finding.span[0] : finding.span[1]] == finding.text


def test_scan_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        list(scan(b"-9802"))  # type: ignore[arg-type]


class TestAnnotate:
    def test_form(self) -> None:
        out = annotate_bytes(b"HTTP load failed (error code: -1200 [3:-9802])\n")
        assert (
            out
            == (
                f"HTTP load failed (error code: -1200 {OPEN}NSURLErrorSecureConnectionFailed{CLOSE}"
                f" [3:-9802] {OPEN}errSSLFatalAlert{CLOSE})\n"
            ).encode()
        )

    def test_alert_names_get_their_number(self) -> None:
        out = annotate_bytes(b"read alert, level: fatal, description: bad certificate")
        assert out.endswith(f"bad certificate {OPEN}TLS alert 42{CLOSE}".encode())

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"no newline at the end (kCFStreamErrorDomainSSL, -9802)",
            b"crlf (kCFStreamErrorDomainSSL, -9802)\r\nnext\r\n",
            b"\xff\xfe invalid utf-8 (kCFStreamErrorDomainSSL, -9813) \xc3\n",
            b"nul \x00 bytes [3:-9802] error code: -1200 [3:-9802]\x00\n",
            b"\n\n\n",
        ],
    )
    def test_lossless(self, data: bytes) -> None:
        assert strip_annotations(annotate_bytes(data)) == data

    def test_a_long_line_is_streamed_and_lossless(self) -> None:
        filler = b"x" * (3 * 1024 * 1024 + 17)
        data = filler + b" (kCFStreamErrorDomainSSL, -9802) " + filler + b" error [3:-9813]"
        out = io.BytesIO()
        found = list(process(io.BytesIO(data), out))
        assert [f.code for f in found] == [-9802, -9813]
        assert strip_annotations(out.getvalue()) == data
        assert {f.line_no for f in found} == {1}
        assert found[0].column == len(filler) + 28

    def test_a_code_straddling_a_block_boundary(self) -> None:
        from atscodes._annotate import BLOCK

        head = b"y" * (BLOCK - 10)
        data = head + b" error code: -1200 [3:-9802] tail"
        found = list(process(io.BytesIO(data), io.BytesIO()))
        assert [f.code for f in found] == [-1200, -9802]


@settings(max_examples=300)
@given(st.binary())
def test_annotate_never_raises_and_strips_back_to_the_input(data: bytes) -> None:
    if OPEN.encode() in data:
        return
    assert strip_annotations(annotate_bytes(data)) == data


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "Code=",
                "-9802",
                "[3:",
                "-1200",
                "]",
                " ",
                "Error Domain=",
                "NSURLErrorDomain",
                "\n",
                "\r",
                "error code: ",
                "Err(",
                ")",
                "TIC ",
                "SSL alert number ",
                "42",
                "\x00",
                "é",
                "_kCFStream",
                "ErrorCodeKey=",
                "ErrorDomainKey=",
                "description: ",
                "bad certificate",
                "failed",
            ]
        ),
        max_size=60,
    )
)
def test_scan_never_raises_on_log_like_text(parts: list[str]) -> None:
    text = "".join(parts)
    for finding in scan(text):
        assert text[finding.span[0] : finding.span[1]] == finding.text
    assert strip_annotations(annotate_bytes(text.encode())) == text.encode()


@given(st.text(alphabet=st.sampled_from("-−－0123456789 \t\r\n\x0b:[]()=,.") | st.characters()))
def test_scan_never_raises_on_any_text(text: str) -> None:
    for finding in scan(text):
        assert text[finding.span[0] : finding.span[1]] == finding.text


def test_hostile_input_stays_fast_enough_to_finish() -> None:
    """Long runs of the pieces patterns look for: linear time, so this completes promptly.

    (The ratio against an ordinary line is measured in tests/bench, not asserted here.)
    """
    hostile = (
        "Code=-" * 20000
        + "[3:" * 20000
        + "-" * 20000
        + "9" * 20000
        + "Error Domain=" * 10000
        + "error code: -1200 [" * 5000
    )
    list(scan(hostile))


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "(kCFStreamErrorDomainSSL, -9813)",
                "error code: -1200 [3:-9802]",
                "\n",
                "\r\n",
                "x" * 40,
                "é中",
                "\xff",
                "TIC TCP Conn Failed [1:0x1]: 3:-9802",
                " ",
            ]
        ),
        max_size=40,
    ),
    st.sampled_from([(64, 32), (256, 96)]),
)
def test_lossless_across_block_boundaries(parts: list[str], sizes: tuple[int, int]) -> None:
    """With tiny blocks, codes and UTF-8 sequences straddle block ends all the time."""
    import atscodes._annotate as engine

    data = "".join(parts).encode("utf-8", "surrogateescape")
    saved = engine.BLOCK, engine.OVERLAP
    engine.BLOCK, engine.OVERLAP = sizes
    try:
        out = io.BytesIO()
        for _ in process(io.BytesIO(data), out):
            pass
    finally:
        engine.BLOCK, engine.OVERLAP = saved
    assert strip_annotations(out.getvalue()) == data


# --- linear time (complexity tests: ratios with a wide margin, generous absolute bounds) -----

from tests.scan_hostile import NAMED, generated  # noqa: E402


def _cost(text: str, repeats: int) -> float:
    import time

    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        list(scan(text))
        best = min(best, time.perf_counter() - start)
    return best


def _growth(make: Callable[[int], str], size: int) -> tuple[float, float]:
    """(cost at 4x size / cost at size, cost at 4x size), re-measured once if it looks bad."""
    small, large = make(size), make(4 * size)
    ratio = cost = 0.0
    for repeats in (3, 9):
        cost = _cost(large, repeats)
        ratio = cost / max(_cost(small, repeats), 1e-5)
        if ratio < 10:
            break
    return ratio, cost


@pytest.mark.parametrize("name", sorted(NAMED))
def test_the_inputs_issue_11_names_scan_in_linear_time(name: str) -> None:
    """Each costs about 4x at 4x the size (quadratic would be 16x) and little at 10 kB."""
    ratio, cost = _growth(NAMED[name], 10_000)
    assert ratio < 10, f"{name}: 4x the input cost {ratio:.1f}x"
    assert cost < 2.0, f"{name}: {cost:.2f} s at 40 kB"


def test_generated_repeats_and_padding_scan_in_linear_time() -> None:
    """Every piece of the grammar repeated, padded and interleaved with likely characters."""
    slow = []
    for name, make in generated():
        ratio, cost = _growth(make, 2_500)
        if ratio >= 10 or cost >= 1.0:
            slow.append(f"{name}: x{ratio:.1f}, {cost * 1000:.1f} ms at 10 kB")
    assert slow == []
