"""FindingsFilter never hurts the application: broken messages, shared records, threads."""

from __future__ import annotations

import io
import logging
import logging.config
import threading
from collections.abc import Iterator

import pytest

import atscodes

PAIR = "error code: -1200 [3:-9802]"
ANNOTATED = "error code: -1200 ⟦NSURLErrorSecureConnectionFailed⟧ [3:-9802] ⟦errSSLFatalAlert⟧"


class Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.messages.append(record.getMessage())


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    # Outside the logging hierarchy: nothing propagates to pytest's capture handlers.
    log = logging.Logger("atscodes.test.filter", logging.DEBUG)
    log.propagate = False
    yield log
    for handler in list(log.handlers):
        log.removeHandler(handler)
    for filt in list(log.filters):
        log.removeFilter(filt)


def reporting_handler(
    logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> list[logging.LogRecord]:
    """A StreamHandler with an annotating filter; the records it reports as bad, in a list."""
    handler = logging.StreamHandler(io.StringIO())
    handler.addFilter(atscodes.FindingsFilter(annotate=True))
    logger.addHandler(handler)
    reported: list[logging.LogRecord] = []
    monkeypatch.setattr(handler, "handleError", reported.append)
    return reported


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no str for you")


def test_two_handlers_sharing_one_filter_annotate_once(logger: logging.Logger) -> None:
    shared = atscodes.FindingsFilter(annotate=True)
    first, second = Keep(), Keep()
    for handler in (first, second):
        handler.addFilter(shared)
        logger.addHandler(handler)
    logger.error("load failed: %s", PAIR)
    assert first.messages == second.messages == [f"load failed: {ANNOTATED}"]


def test_two_filters_on_logger_and_handler_annotate_once(logger: logging.Logger) -> None:
    handler = Keep()
    handler.addFilter(atscodes.FindingsFilter(annotate=True))
    logger.addFilter(atscodes.FindingsFilter(annotate=True, attribute="other"))
    logger.addHandler(handler)
    logger.error(PAIR)
    assert handler.messages == [ANNOTATED]
    [record] = handler.records
    assert [f.code for f in record.other] == [-1200, -9802]  # type: ignore[attr-defined]
    assert [f.code for f in record.atscodes] == [-1200, -9802]  # type: ignore[attr-defined]


def test_a_message_whose_str_fails_is_left_to_logging(
    logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """logging's own handleError reports it; the filter neither raises nor alters the record."""
    reported = reporting_handler(logger, monkeypatch)
    message = Unprintable()
    logger.error(message)
    [record] = reported
    assert record.msg is message
    assert record.atscodes == ()  # type: ignore[attr-defined]


def test_failing_percent_formatting_keeps_the_arguments(
    logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported = reporting_handler(logger, monkeypatch)
    logger.error("failed %s %s " + PAIR, "one")
    [record] = reported
    assert record.msg == "failed %s %s " + PAIR
    assert record.args == ("one",)


def test_an_argument_whose_str_fails(
    logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported = reporting_handler(logger, monkeypatch)
    argument = Unprintable()
    logger.error("value %s", argument)
    [record] = reported
    assert record.args == (argument,)


def test_a_dict_message_is_kept_and_gets_findings(logger: logging.Logger) -> None:
    handler = Keep()
    handler.addFilter(atscodes.FindingsFilter(annotate=True))
    logger.addHandler(handler)
    payload = {"event": "load failed", "error": PAIR}
    logger.error(payload)
    [record] = handler.records
    assert record.msg is payload
    assert payload == {"event": "load failed", "error": PAIR}
    assert [f.code for f in record.atscodes] == [-1200, -9802]  # type: ignore[attr-defined]


def test_a_record_without_codes_is_untouched(logger: logging.Logger) -> None:
    handler = Keep()
    handler.addFilter(atscodes.FindingsFilter(annotate=True))
    logger.addHandler(handler)
    logger.error("user %s logged in", "ann")
    [record] = handler.records
    assert (record.msg, record.args) == ("user %s logged in", ("ann",))


def test_dict_config_with_annotate_on_two_handlers() -> None:
    name = "atscodes.test.filter.dict"
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {"codes": {"()": "atscodes.FindingsFilter", "annotate": True}},
            "handlers": {
                "one": {"()": Keep, "filters": ["codes"]},
                "two": {"()": Keep, "filters": ["codes"]},
            },
            "loggers": {name: {"handlers": ["one", "two"], "propagate": False}},
        }
    )
    logger = logging.getLogger(name)
    one, two = logger.handlers
    assert isinstance(one, Keep)
    assert isinstance(two, Keep)
    assert one.filters[0] is two.filters[0]
    assert isinstance(one.filters[0], atscodes.FindingsFilter)
    try:
        logger.error(PAIR)
    finally:
        for handler in (one, two):
            logger.removeHandler(handler)
    assert one.messages == two.messages == [ANNOTATED]


def test_concurrent_logging_through_one_filter(logger: logging.Logger) -> None:
    """Eight threads log through one shared filter: every record annotated exactly once."""
    shared = atscodes.FindingsFilter(annotate=True)
    first, second = Keep(), Keep()
    for handler in (first, second):
        handler.addFilter(shared)
        logger.addHandler(handler)
    per_thread = 200
    start = threading.Barrier(8)

    def work(index: int) -> None:
        start.wait()
        for line in range(per_thread):
            if line % 2:
                logger.error("t%d l%d %s", index, line, PAIR)
            else:
                logger.error("t%d l%d nothing", index, line)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(first.messages) == 8 * per_thread
    assert sorted(first.messages) == sorted(second.messages)
    expected = sorted(
        f"t{i} l{line} {ANNOTATED}" if line % 2 else f"t{i} l{line} nothing"
        for i in range(8)
        for line in range(per_thread)
    )
    assert sorted(first.messages) == expected


def test_a_record_of_another_logger_passes_on_unscanned() -> None:
    # logging.Filter's name decided, and FindingsFilter dropped the record (a black-box
    #   review): it never drops one.
    from atscodes import FindingsFilter

    record = logging.LogRecord("other", logging.INFO, "x", 1, "code: -1200", None, None)
    assert FindingsFilter("net").filter(record) is True
    assert not hasattr(record, "atscodes")


def test_annotate_escapes_a_marker_as_annotate_does() -> None:
    from atscodes import FindingsFilter, annotate_text, strip_annotations

    message = "code: -1200 \u27e6x\u27e7"
    record = logging.LogRecord("net", logging.INFO, "x", 1, message, None, None)
    assert FindingsFilter(annotate=True).filter(record) is True
    assert record.msg == annotate_text(message)
    assert strip_annotations(record.msg) == message
