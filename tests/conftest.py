"""Shared fixtures: the families, and the independent upstream extractions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import atscodes

UPSTREAM = Path(__file__).parent / "upstream"

#: Every family, in the order lookup() reports them.
FAMILIES: tuple[type[atscodes.Code], ...] = (
    atscodes.TLSAlert,
    atscodes.SSLStatus,
    atscodes.SecError,
    atscodes.URLError,
    atscodes.CFNetworkError,
    atscodes.CFStreamErrorDomain,
    atscodes.DarwinErrno,
    atscodes.AddrInfoError,
)

ALL_MEMBERS: tuple[atscodes.Code, ...] = tuple(m for f in FAMILIES for m in f)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((UPSTREAM / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def upstream() -> dict[str, Any]:
    """Names and values re-extracted from the pinned upstream texts (extract_upstream.py)."""
    return load("upstream.json")["families"]


@pytest.fixture(scope="session")
def upstream_strerror() -> dict[str, str]:
    """Libc's sys_errlist, errno (as a string) -> text, re-extracted by extract_upstream.py."""
    table: dict[str, str] = load("upstream.json")["strerror"]
    return table


@pytest.fixture(scope="session")
def pyobjc() -> dict[str, Any]:
    """The second source: values PyObjC's wheels carry (extract_pyobjc.py)."""
    return load("pyobjc.json")
