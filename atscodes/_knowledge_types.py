"""The record types of the explanation knowledge base (the data is in ``_knowledge``)."""

from __future__ import annotations

import attrs

from ._base import ValueEnum

__all__ = ["ATSAdvice", "Claim", "Entry", "ForeignError", "Side", "Source", "Step"]


class Side(ValueEnum):
    """Which side is at fault for a failure."""

    #: The peer refused us: it sent an alert.
    PEER = "peer"
    #: This device refused the server: trust evaluation, ATS policy, a local TLS error.
    LOCAL = "local"
    #: Either side: the code is produced by a peer's alert and by this side's own refusal
    #: (-9802); only the rest of the event (an alert line, a trust line) can tell.
    EITHER = "either"
    #: The network underneath: reset, timeout, no route, no connection.
    TRANSPORT = "transport"
    #: Settings or API use: the app's, the device's, or the TLS configuration.
    CONFIGURATION = "configuration"
    #: The code itself does not say.
    UNKNOWN = "unknown"


@attrs.frozen
class Source:
    """Where a statement comes from: a title and a link."""

    title: str
    url: str


@attrs.frozen
class Claim:
    """A statement in our own words, with its sources.

    ``inference`` is true when no source says it outright.  ``derived`` is true
    when no field report backs it and it is worked out from a definition (an
    RFC's alert text, Apple's open-source TLS code): a cause that can happen,
    not one that was seen.  ``os`` names the OS an observation was made on
    (``"iOS 11 beta"``), ``None`` when the statement is not an observation or
    its source does not say.
    """

    text: str
    sources: tuple[Source, ...] = attrs.field(repr=False)
    inference: bool = False
    derived: bool = False
    os: str | None = None


@attrs.frozen
class Step:
    """A next step; ``command`` can be pasted (``{host}`` is replaced by the failing host),
    or is ``None`` when the step has none."""

    text: str
    command: str | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), repr=False)
    inference: bool = False


@attrs.frozen
class ATSAdvice:
    """What App Transport Security requires here, the narrowest exception, and its cost."""

    requirement: str
    exception: str
    cost: str
    needs_justification: bool
    sources: tuple[Source, ...] = attrs.field(repr=False)


@attrs.frozen
class Entry:
    """Everything atscodes knows about one code, each statement with its sources."""

    family: str
    code: int
    meaning: Claim
    side: Side
    side_reason: Claim
    causes: tuple[Claim, ...] = ()
    next_steps: tuple[Step, ...] = ()
    hides: tuple[Claim, ...] = ()
    ats: ATSAdvice | None = None
    os_notes: tuple[Claim, ...] = ()


@attrs.frozen
class ForeignError:
    """A TLS error that is not Apple's (Dart's ``HandshakeException`` …), matched by ``pattern``.

    ``pattern`` is a regular expression searched for in the text a person
    pastes; the record says whose stack reported the error and what it means,
    instead of "not recognised".
    """

    id: str
    name: str
    pattern: str = attrs.field(repr=False)
    meaning: Claim = attrs.field(repr=False)
    side: Side
    side_reason: Claim = attrs.field(repr=False)
    causes: tuple[Claim, ...] = attrs.field(default=(), repr=False)
    next_steps: tuple[Step, ...] = attrs.field(default=(), repr=False)
