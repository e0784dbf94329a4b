"""The knowledge base's sources, flags and the statements issue 8 corrected.

The source checks read the raw ``knowledge.json``: every record's title must
name the document its URL points to (the same RFC and section, the same
repository and issue number, the same forums thread), so a title cannot
silently describe one document while the link opens another.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

import atscodes
from atscodes import Side, SSLStatus, explain
from atscodes._knowledge import entries, foreign_error_for
from atscodes._knowledge_types import Claim, Entry

RAW: dict[str, Any] = json.loads(
    resources.files("atscodes").joinpath("_data/knowledge.json").read_text(encoding="utf-8")
)
SOURCES: list[dict[str, str]] = RAW["sources"]
_REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository (CI), or one level further up (a worktree in a folder).
SHARED = next(
    (
        p
        for p in (_REPO / ".." / "shared" / "sources", _REPO / ".." / ".." / "shared" / "sources")
        if p.is_dir()
    ),
    _REPO / ".." / "shared" / "sources",
)


def _folded(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _title_problem(title: str, url: str) -> str | None:
    """Why *title* does not name the document at *url*, or ``None`` when it does."""
    parts = urlsplit(url)
    host, path = parts.netloc, unquote(parts.path)
    if host == "github.com":
        segments = path.strip("/").split("/")
        owner_repo = "/".join(segments[:2])
        repo = segments[1]
        if repo.casefold() not in title.casefold():
            return f"title does not name the repository {owner_repo}"
        if (
            len(segments) >= 4
            and segments[2] in ("issues", "pull")
            and not re.search(rf"(?<!\d){segments[3]}(?!\d)", title)
        ):
            return f"title does not name {segments[2]} number {segments[3]}"
        if len(segments) >= 5 and segments[2] == "blob":
            name = segments[-1]
            if name.casefold() not in title.casefold():
                return f"title does not name the file {name}"
        return None
    if host == "www.rfc-editor.org":
        match = re.fullmatch(r"/rfc/rfc(\d+)", path)
        if match is None:
            return "unexpected RFC URL"
        if f"RFC {match.group(1)}" not in title:
            return f"title does not name RFC {match.group(1)}"
        section = re.fullmatch(r"(?:section|appendix)-([\w.]+)", parts.fragment)
        if section and section.group(1) not in title:
            return f"title does not name section {section.group(1)}"
        return None
    if "developer.apple.com" in host:
        thread = re.search(r"/(thread|message)/(\d+)", path)
        if thread:
            if not re.search(rf"{thread.group(1)} {thread.group(2)}(?!\d)", title):
                return f"title does not name {thread.group(1)} {thread.group(2)}"
            return None
        note = re.search(r"/(tn\d+|qa\d+)/", path)
        if note:
            return None if note.group(1).upper() in title else f"title lacks {note.group(1)}"
        if path.startswith("/documentation/"):
            last = re.sub(r"^\d+-", "", path.rstrip("/").split("/")[-1])
            last = re.sub(r"-swift\.\w+$", "", last)
            return None if _folded(last) in _folded(title) else f"title does not name {last}"
        return None
    if host == "support.apple.com":
        article = re.search(r"/(HT\d+|\d{5,})$", path)
        if article and article.group(1) not in title:
            return f"title does not name Apple Support article {article.group(1)}"
    return None


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s["id"])
def test_source_title_and_url_are_the_same_document(source: dict[str, str]) -> None:
    assert source["title"].strip(), source
    assert re.match(r"https?://\S+$", source["url"]), source
    problem = _title_problem(source["title"], source["url"])
    assert problem is None, f"{source['id']}: {problem}: {source['title']!r} {source['url']}"


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("RFC 5246 §7.2.2", "https://www.rfc-editor.org/rfc/rfc8446#section-4.1.2"),
        ("RFC 8446 §6.2", "https://github.com/google/boringssl/blob/abc1234/ssl/handshake.cc"),
        ("AFNetworking issue 3999", "https://github.com/AFNetworking/AFNetworking/issues/4031"),
        ("openradar 22758266", "https://github.com/lionheart/openradar-mirror/issues/6100"),
        ("Apple Developer Forums thread 80638", "https://developer.apple.com/forums/thread/731368"),
    ],
)
def test_the_title_check_catches_mismatches(title: str, url: str) -> None:
    """The kinds of mismatch issue 8 found (an RFC 5246 title on an RFC 8446 link …)."""
    assert _title_problem(title, url) is not None


def test_source_ids_and_documents_are_unique() -> None:
    ids = [s["id"] for s in SOURCES]
    assert len(ids) == len(set(ids))
    pairs = [(s["title"], s["url"]) for s in SOURCES]
    assert len(pairs) == len(set(pairs))


def test_no_source_is_a_url_built_by_a_naming_pattern() -> None:
    for source in SOURCES:
        assert "naming pattern" not in source["title"], source


def _claims(entry: Entry) -> list[Claim]:
    return [entry.meaning, entry.side_reason, *entry.causes, *entry.hides, *entry.os_notes]


def _raw_claims() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for entry in RAW["entries"]:
        out += [entry["meaning"], entry["side_reason"]]
        for key in ("causes", "hides", "os_notes", "next_steps"):
            out += entry.get(key, [])
    return out


def test_every_statement_cites_a_known_source() -> None:
    known = {s["id"] for s in SOURCES}
    for claim in _raw_claims():
        assert claim["sources"], claim["text"]
        assert set(claim["sources"]) <= known, claim
    for entry in RAW["entries"]:
        if entry.get("ats"):
            assert set(entry["ats"]["sources"]) <= known


def test_flags_are_booleans_and_os_a_name_with_a_version() -> None:
    for claim in _raw_claims():
        assert isinstance(claim.get("inference", False), bool)
        assert isinstance(claim.get("derived", False), bool)
        if "os" in claim:
            assert re.match(r"(iOS|iPadOS|macOS|OS X)\b", claim["os"]), claim


def test_derived_statements_rest_on_definitions() -> None:
    """A derived cause cites an RFC or Apple's open-source code, the definitions it comes from."""
    ids = {s["id"]: s for s in SOURCES}
    derived = [c for c in _raw_claims() if c.get("derived")]
    assert derived
    for claim in derived:
        urls = [ids[s]["url"] for s in claim["sources"]]
        assert any("rfc-editor.org" in u or "apple-oss-distributions" in u for u in urls), claim[
            "text"
        ]


def test_the_loaded_records_keep_the_flags() -> None:
    flagged = [c for e in entries().values() for c in _claims(e) if c.derived]
    assert flagged
    observed = [c for e in entries().values() for c in _claims(e) if c.os]
    assert any(c.os == "iOS 11 beta" for c in observed)


@pytest.mark.parametrize("member", sorted(set(SSLStatus)), ids=str)
def test_every_sslstatus_has_a_cause(member: SSLStatus) -> None:
    entry = entries()[("SSLStatus", int(member))]
    assert entry.causes, member
    for cause in entry.causes:
        assert cause.sources


# SecBase.h, Security-61901.0.87.0.1: the group comments and their lines, read at that tag.
_GROUP_COMMENTS = {
    827: "fatal errors detected by peer",
    851: "non-fatal result codes",
    855: "more errors detected by us",
    865: "non-fatal result codes",
    868: "fatal errors resulting from transport or networking errors",
    872: "fatal errors resulting from software misconfiguration",
    875: "additional errors",
    888: "ATS compliance violation errors",
    897: "early data errors",
}


@pytest.mark.parametrize("member", sorted(set(SSLStatus)), ids=str)
def test_side_reasons_quote_only_real_group_comments(member: SSLStatus) -> None:
    """Issue 8 item 2: no side reason may cite a header group the header does not have."""
    text = entries()[("SSLStatus", int(member))].side_reason.text
    for quoted, line in re.findall(r"group comment '([^']+)' \(line (\d+)\)", text):
        assert _GROUP_COMMENTS.get(int(line)) == quoted, text
    assert "groups such codes with" not in text
    value = int(member)
    if -9840 <= value <= -9819:
        assert "line 827" in text
    elif -9818 <= value <= -9800:
        assert "first block" in text


def test_fatal_alert_is_either_side_with_its_evidence() -> None:
    entry = entries()[("SSLStatus", -9802)]
    assert entry.side is Side.EITHER
    assert "line 809" in entry.side_reason.text
    urls = {s.url for s in entry.side_reason.sources}
    assert any("sslSession.c" in u for u in urls)
    assert any("731368" in u for u in urls)


def test_the_seed_threads_first_case_comes_first() -> None:
    """Thread 80638's poster had a self-signed certificate acting as its own CA."""
    first = entries()[("SSLStatus", -9802)].causes[0]
    assert "self-signed" in first.text
    assert first.os == "iOS 11 beta"


def test_forward_secrecy_exception_also_drops_the_key_size_check() -> None:
    causes = entries()[("SSLStatus", -9802)].causes
    [case] = [
        c for c in causes if "NSExceptionRequiresForwardSecrecy" in c.text and "key-size" in c.text
    ]
    assert any("nsexceptionrequiresforwardsecrecy" in s.url for s in case.sources)


def test_session_not_found_is_a_local_miss() -> None:
    entry = entries()[("SSLStatus", -9804)]
    assert "other side does not know" not in entry.meaning.text
    assert "local" in entry.meaning.text


def test_missing_intermediates_are_fetched_by_apple() -> None:
    causes = entries()[("SSLStatus", -9813)].causes
    assert not any("do not fetch missing intermediates" in c.text for c in causes)
    assert any(any("SecTrust.h" in s.title for s in c.sources) for c in causes)


def test_eperm_names_the_sandbox_entitlement() -> None:
    """Dart's errno = 1 on macOS (flutter/flutter issue 46821): the App Sandbox, not the network."""
    explanation = explain(atscodes.DarwinErrno.EPERM)
    assert explanation.side is Side.CONFIGURATION
    assert any("com.apple.security.network.client" in c.text for c in explanation.causes)
    assert all(c.sources for c in explanation.causes)


@pytest.mark.parametrize(
    ("code", "needle"),
    [
        (-9806, "error-close"),
        (-9830, "SSLSetProtocolVersionMin"),
        (-9836, "inappropriate_fallback"),
    ],
)
def test_local_origins_are_explained(code: int, needle: str) -> None:
    entry = entries()[("SSLStatus", code)]
    assert any(needle in c.text for c in entry.causes)


def test_thread_80638_is_cited_directly() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/sources is not beside the repository")
    [text_file] = SHARED.glob("forums-thread-80638-*.txt")
    thread = text_file.read_text(encoding="utf-8")
    # The facts the records cite from the thread are in it.
    for fact in (
        "-9825",
        "NSExceptionRequiresForwardSecrecy",
        "self-signed",
        "ECDHE-RSA-AES256-GCM-SHA384",
    ):
        assert fact in thread
    citing = [
        c
        for e in entries().values()
        for c in _claims(e)
        if any(s.url == "https://developer.apple.com/forums/thread/80638" for s in c.sources)
    ]
    assert len(citing) >= 4


def test_dart_handshake_exception_is_not_apples() -> None:
    """Issue 8: say whose error it is instead of "not recognised"."""
    line = (
        "HandshakeException: Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED:"
        " unable to get local issuer certificate(handshake.cc:354))"
    )  # flutter/flutter issue 50699
    record = foreign_error_for(line)
    assert record is not None
    assert record.side is Side.LOCAL
    assert "Dart" in record.meaning.text
    assert record.meaning.inference
    assert all(c.sources for c in record.causes)
    assert foreign_error_for("TIC TCP Conn Failed [1:0x1c4164c80]: 3:-9802 Err(-9802)") is None


@pytest.mark.parametrize("code", [-67843, -67818, -67602, -25318, -67609, -67820, -67901])
def test_trust_results_are_explained_as_local(code: int) -> None:
    entry = entries()[("SecError", code)]
    assert entry.side is Side.LOCAL
    assert entry.causes
    assert atscodes.SecError.get(code) is not None
    assert explain(code).known


def test_newer_knowledge_names_its_os_and_sources() -> None:
    causes_1200 = entries()[("URLError", -1200)].causes
    [pq] = [c for c in causes_1200 if "X25519MLKEM768" in c.text]
    assert pq.os == "iOS 26"
    assert pq.inference
    notes = entries()[("URLError", -1005)].os_notes
    assert any("Private Relay" in n.text for n in notes)
    assert any("HTTP/3" in c.text for c in entries()[("URLError", -1017)].causes)
