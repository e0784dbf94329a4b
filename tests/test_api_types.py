"""Wrong types raise TypeError across the public API, with a message naming what was wrong."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import atscodes

CALLS: dict[str, Callable[[], object]] = {
    "get(int, 5)": lambda: atscodes.get(int, 5),  # type: ignore[type-var]
    "get('SSLStatus', 5)": lambda: atscodes.get("SSLStatus", 5),  # type: ignore[call-overload]
    "get(SSLStatus, None)": lambda: atscodes.get(atscodes.SSLStatus, None),  # type: ignore[arg-type]
    "get(SSLStatus, 1.5)": lambda: atscodes.get(atscodes.SSLStatus, 1.5),  # type: ignore[arg-type]
    "get(SSLStatus, bytes)": lambda: atscodes.get(atscodes.SSLStatus, b"-9802"),  # type: ignore[arg-type]
    "SSLStatus.get(list)": lambda: atscodes.SSLStatus.get([1]),  # type: ignore[arg-type]
    "TLSAlert.lookup(None)": lambda: atscodes.TLSAlert.lookup(None),  # type: ignore[arg-type]
    "lookup(None)": lambda: atscodes.lookup(None),  # type: ignore[arg-type]
    "lookup(bytes)": lambda: atscodes.lookup(b"-9802"),  # type: ignore[arg-type]
    "status_for_alert(None)": lambda: atscodes.status_for_alert(None, "cfstream"),  # type: ignore[arg-type]
    "alerts_for_status(layer=5)": lambda: atscodes.alerts_for_status(-9802, 5),  # type: ignore[arg-type]
    "statuses_for_url_error(None)": lambda: atscodes.statuses_for_url_error(None),  # type: ignore[arg-type]
    "scan(5)": lambda: list(atscodes.scan(5)),  # type: ignore[arg-type]
    "explain(None)": lambda: atscodes.explain(None),  # type: ignore[arg-type]
    "FindingsFilter(attribute=5)": lambda: atscodes.FindingsFilter(attribute=5),  # type: ignore[arg-type]
    "FindingsFilter(attribute='a b')": lambda: atscodes.FindingsFilter(attribute="a b"),
}


@pytest.mark.parametrize("call", list(CALLS.values()), ids=list(CALLS))
def test_wrong_types_raise_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        call()


def test_misused_entry_points_say_so() -> None:
    """A black-box review: scan_lines("text") scanned its characters and found nothing,
    bytes lines raised a confusing message, scan_stream(None) an AttributeError and
    Finding.from_json a bare KeyError."""
    with pytest.raises(TypeError, match=r"scan\(\) takes one text"):
        atscodes.scan_lines("HTTP load failed (kCFStreamErrorDomainSSL, -9802)")
    with pytest.raises(TypeError, match="not bytes"):
        list(atscodes.scan_lines([b"x"]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="takes a stream"):
        atscodes.scan_stream(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no 'domain'"):
        atscodes.Finding.from_json({"code": -9802})
