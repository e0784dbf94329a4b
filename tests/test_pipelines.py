"""Python log pipelines: the logging filter, and scanning many files on dask."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import atscodes


def test_logging_filter_attaches_findings_and_annotates() -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep()
    handler.addFilter(atscodes.FindingsFilter(annotate=True))
    logger = logging.getLogger("atscodes.test.pipeline")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.error("load failed: %s", "error code: -1200 [3:-9802]")
        logger.error("nothing here")
        # A format with too few arguments is logging's own problem; the filter must not raise.
        logger.error("bad format %s %s", "one")  # noqa: PLE1206
    finally:
        logger.removeHandler(handler)
    first, second, third = records
    assert [f.name for f in first.atscodes] == [
        "NSURLErrorSecureConnectionFailed",
        "errSSLFatalAlert",
    ]
    assert first.getMessage() == (
        "load failed: error code: -1200 ⟦NSURLErrorSecureConnectionFailed⟧ [3:-9802] "
        "⟦errSSLFatalAlert⟧"
    )
    assert second.atscodes == ()
    assert second.getMessage() == "nothing here"
    assert third.atscodes == ()


def test_logging_filter_from_dict_config() -> None:
    import logging.config

    logging.config.dictConfig(
        {
            "version": 1,
            "incremental": False,
            "disable_existing_loggers": False,
            "filters": {"codes": {"()": "atscodes.FindingsFilter", "attribute": "codes"}},
            "handlers": {"null": {"class": "logging.NullHandler", "filters": ["codes"]}},
            "loggers": {"atscodes.test.dict": {"handlers": ["null"], "propagate": False}},
        }
    )
    handler = logging.getLogger("atscodes.test.dict").handlers[0]
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "(OSStatus error -9836.)", None, None
    )
    assert handler.filter(record)
    assert [f.code for f in record.codes] == [-9836]  # type: ignore[attr-defined]


def test_dask_bag_gives_the_serial_findings(tmp_path: Path) -> None:
    """The README's distributed example, on dask's local multiprocessing scheduler."""
    bag_module = pytest.importorskip("dask.bag", reason="dask is not installed")
    lines = [
        "TIC TCP Conn Failed [4:0x1c0362f40]: 3:-9802 Err(-9802)",
        "Task <8EF>.<1> HTTP load failed (error code: -1200 [3:-9802])",
        "nothing",
        "Connection 4: failed to connect 12:8, reason -1",
    ]
    paths = []
    for index in range(6):
        path = tmp_path / f"device-{index}.log"
        path.write_text("\n".join(lines[index % 4 :] + lines[: index % 4]) + "\n")
        paths.append(str(path))

    def per_file(path: str) -> list[tuple[str, atscodes.Finding]]:
        return [(path, finding) for finding in atscodes.scan_file(path)]

    serial = [pair for path in paths for pair in per_file(path)]
    distributed = (
        bag_module.from_sequence(paths, npartitions=3)
        .map(per_file)
        .flatten()
        .compute(scheduler="processes", num_workers=2)
    )
    assert distributed == serial
    assert len(serial) == 6 * 5
