"""The record types of the explanation knowledge base (the data is in ``_knowledge``)."""

from __future__ import annotations

import attrs

from ._base import ValueEnum

__all__ = ["ATSAdvice", "Claim", "Entry", "Side", "Source", "Step"]


class Side(ValueEnum):
    """Which side is at fault for a failure."""

    #: The peer refused us: it sent an alert.
    PEER = "peer"
    #: This device refused the server: trust evaluation, ATS policy, a local TLS error.
    LOCAL = "local"
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

    ``inference`` is true when no source says it outright.
    """

    text: str
    sources: tuple[Source, ...] = attrs.field(repr=False)
    inference: bool = False


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
