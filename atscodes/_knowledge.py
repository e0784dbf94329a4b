"""The explanation knowledge base, read on first use from ``_data/knowledge.json``.

The data is one record per code (every ``SSLStatus``, the NSURLError SSL group,
-1022, -1017, the common network failures, the errSec trust results seen in TLS
failures, every ``TLSAlert``); each statement is in our own words and cites its
sources by id; ``inference`` marks what no source states outright, ``derived``
what is worked out from a definition (an RFC, Apple's open-source code) rather
than seen in a field report, and ``os`` the OS an observation was made on.
``kCFURLError*`` codes share the record of their ``NSURLError*`` twin.  A second
list, ``foreign``, holds TLS errors that are not Apple's (Dart's
``HandshakeException``), found by a pattern in the text.  ``tests/test_explain.py``
and ``tests/test_knowledge.py`` check the file.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ._base import Code
from ._cfnetwork import CFNetworkError
from ._knowledge_types import ATSAdvice, Claim, Entry, ForeignError, Side, Source, Step
from ._urlerror import URLError

__all__ = ["entries", "entry_for", "foreign_error_for", "foreign_errors"]


def _claim(data: dict[str, Any], sources: dict[str, Source]) -> Claim:
    os = data.get("os")
    return Claim(
        str(data["text"]),
        tuple(sources[s] for s in data["sources"]),
        bool(data.get("inference", False)),
        bool(data.get("derived", False)),
        None if os is None else str(os),
    )


def _step(data: dict[str, Any], sources: dict[str, Source]) -> Step:
    return Step(
        str(data["text"]),
        str(data["command"]) if data.get("command") else None,
        tuple(sources[s] for s in data["sources"]),
        bool(data.get("inference", False)),
    )


def _entry(data: dict[str, Any], sources: dict[str, Source]) -> Entry:
    ats = data.get("ats")
    return Entry(
        family=str(data["family"]),
        code=int(data["code"]),
        meaning=_claim(data["meaning"], sources),
        side=Side(data["side"]),
        side_reason=_claim(data["side_reason"], sources),
        causes=tuple(_claim(c, sources) for c in data.get("causes", ())),
        next_steps=tuple(_step(s, sources) for s in data.get("next_steps", ())),
        hides=tuple(_claim(c, sources) for c in data.get("hides", ())),
        ats=None
        if ats is None
        else ATSAdvice(
            str(ats["requirement"]),
            str(ats["exception"]),
            str(ats["cost"]),
            bool(ats["needs_justification"]),
            tuple(sources[s] for s in ats["sources"]),
        ),
        os_notes=tuple(_claim(c, sources) for c in data.get("os_notes", ())),
    )


@lru_cache(maxsize=1)
def _raw() -> tuple[dict[str, Any], dict[str, Source]]:
    raw = json.loads(
        resources.files("atscodes").joinpath("_data/knowledge.json").read_text(encoding="utf-8")
    )
    return raw, {s["id"]: Source(s["title"], s["url"]) for s in raw["sources"]}


@lru_cache(maxsize=1)
def entries() -> dict[tuple[str, int], Entry]:
    """Every record, keyed by (family name, code)."""
    raw, sources = _raw()
    return {(e["family"], int(e["code"])): _entry(e, sources) for e in raw["entries"]}


@lru_cache(maxsize=1)
def foreign_errors() -> tuple[ForeignError, ...]:
    """The records for TLS errors that are not Apple's (Dart/Flutter ``HandshakeException`` …)."""
    raw, sources = _raw()
    return tuple(
        ForeignError(
            id=str(f["id"]),
            name=str(f["name"]),
            pattern=str(f["pattern"]),
            meaning=_claim(f["meaning"], sources),
            side=Side(f["side"]),
            side_reason=_claim(f["side_reason"], sources),
            causes=tuple(_claim(c, sources) for c in f.get("causes", ())),
            next_steps=tuple(_step(s, sources) for s in f.get("next_steps", ())),
        )
        for f in raw.get("foreign", ())
    )


@lru_cache(maxsize=1)
def _foreign_patterns() -> tuple[tuple[re.Pattern[str], ForeignError], ...]:
    return tuple((re.compile(f.pattern), f) for f in foreign_errors())


def foreign_error_for(text: str) -> ForeignError | None:
    """The first non-Apple error record whose pattern occurs in *text*, or ``None``."""
    for pattern, record in _foreign_patterns():
        if pattern.search(text):
            return record
    return None


def entry_for(member: Code) -> Entry | None:
    """The record for *member*, or ``None`` when the knowledge base has none."""
    table = entries()
    if isinstance(member, CFNetworkError) and member.name.startswith("kCFURLError"):
        twin = URLError.get("NS" + member.name[2:])
        if twin is not None:
            return table.get(("URLError", int(twin)))
    return table.get((type(member).__name__, int(member)))
