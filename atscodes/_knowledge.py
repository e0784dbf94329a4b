"""The explanation knowledge base, read on first use from ``_data/knowledge.json``.

The data is one record per code (every ``SSLStatus``, the NSURLError SSL group,
-1022, the common network failures, every ``TLSAlert``); each statement is in
our own words and cites its sources by id, and ``inference`` marks what no
source states outright.  ``kCFURLError*`` codes share the record of their
``NSURLError*`` twin.  ``tests/test_explain.py`` checks the file's shape.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ._base import Code
from ._cfnetwork import CFNetworkError
from ._knowledge_types import ATSAdvice, Claim, Entry, Side, Source, Step
from ._urlerror import URLError

__all__ = ["entries", "entry_for"]


def _claim(data: dict[str, Any], sources: dict[str, Source]) -> Claim:
    return Claim(
        str(data["text"]),
        tuple(sources[s] for s in data["sources"]),
        bool(data.get("inference", False)),
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
def entries() -> dict[tuple[str, int], Entry]:
    """Every record, keyed by (family name, code)."""
    raw = json.loads(
        resources.files("atscodes").joinpath("_data/knowledge.json").read_text(encoding="utf-8")
    )
    sources = {s["id"]: Source(s["title"], s["url"]) for s in raw["sources"]}
    return {(e["family"], int(e["code"])): _entry(e, sources) for e in raw["entries"]}


def entry_for(member: Code) -> Entry | None:
    """The record for *member*, or ``None`` when the knowledge base has none."""
    table = entries()
    if isinstance(member, CFNetworkError) and member.name.startswith("kCFURLError"):
        twin = URLError.get("NS" + member.name[2:])
        if twin is not None:
            return table.get(("URLError", int(twin)))
    return table.get((type(member).__name__, int(member)))
