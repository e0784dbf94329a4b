"""``explain()``: from a code, an NSError dump or a whole log to causes and next steps.

Everything said comes from the knowledge base in ``_knowledge`` (one record per
code, each statement with its sources); this module only decodes the input into
layers, picks the most specific one, and assembles and renders the answer.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from ._base import Code
from ._knowledge import entry_for
from ._knowledge_types import ATSAdvice, Claim, Entry, Side, Source, Step
from ._lookup import lookup
from ._scan import Finding, scan

__all__ = ["CauseGroup", "Event", "Explanation", "Layer", "LogReport", "explain", "explain_log"]

# Outer to inner: the order in which the layers of a nested error are shown.
_DEPTH: Final[dict[str, int]] = {
    "URLError": 0,
    "CFNetworkError": 1,
    "DarwinErrno": 2,
    "AddrInfoError": 2,
    "SSLStatus": 3,
    "SecError": 3,
    "TLSAlert": 4,
}
_HOST: Final = re.compile(r"https?://([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])")
_TASK: Final = re.compile(r"Task <([0-9A-Fa-f-]{1,36})>")
_NO_HOST: Final = "(host not in the log)"
# A line that starts with one of these continues the NSError dump above it.
_CONTINUATION: Final = (" ", "\t", ")", "}", "]", ",")
_CONNECTION: Final = re.compile(r"(?:Connection (\d{1,9}):|\[C(\d{1,9})[.:\]])")


@attrs.frozen
class Layer:
    """One decoded layer of an error: family, code, name and what the code means."""

    family: str | None
    code: int
    name: str | None
    description: str
    domain: str | None = None


@attrs.frozen
class Explanation:
    """The answer for one failure: meaning, side at fault, causes, next steps, sources.

    ``layers`` lists every code found, outer to inner (NSURLError, CFNetwork, the
    CFStream pair, the SecureTransport status, the TLS alert).  ``hidden`` says
    what can hide behind a code that does not say much (-9802, -1200, -1202).
    """

    query: str
    known: bool
    layers: tuple[Layer, ...]
    meaning: str
    side: Side
    side_reason: str
    hidden: tuple[Claim, ...] = ()
    causes: tuple[Claim, ...] = ()
    next_steps: tuple[Step, ...] = ()
    ats: ATSAdvice | None = None
    os_notes: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = attrs.field(default=(), repr=False)
    host: str | None = None
    #: The layer the explanation is about: the most specific code with a record.
    primary: Layer | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with stable keys (see the README)."""
        return {
            "query": self.query,
            "known": self.known,
            "layers": [attrs.asdict(layer) for layer in self.layers],
            "meaning": self.meaning,
            "side": self.side.value,
            "side_reason": self.side_reason,
            "hidden": [_claim_json(c) for c in self.hidden],
            "causes": [_claim_json(c) for c in self.causes],
            "next_steps": [_step_json(s) for s in self.next_steps],
            "ats": None
            if self.ats is None
            else {
                "requirement": self.ats.requirement,
                "exception": self.ats.exception,
                "cost": self.ats.cost,
                "needs_justification": self.ats.needs_justification,
                "sources": [_source_json(s) for s in self.ats.sources],
            },
            "os_notes": [_claim_json(c) for c in self.os_notes],
            "sources": [_source_json(s) for s in self.sources],
            "host": self.host,
            "primary": None if self.primary is None else attrs.asdict(self.primary),
        }

    def to_markdown(self) -> str:
        """Markdown for an issue or a pull request, with the sources as links."""
        return _Markdown().explanation(self)

    def to_text(self, width: int = 80, *, color: bool = False) -> str:
        """Plain text wrapped to *width*; ANSI colour only when *color*."""
        return _Text(width, color).explanation(self)


@attrs.frozen
class Event:
    """One failure in a log: the findings that belong together (a dump and its Task line)."""

    line_no: int
    findings: tuple[Finding, ...] = attrs.field(repr=False)
    host: str | None = None
    cause: str = ""


@attrs.frozen
class CauseGroup:
    """The events that share a cause, counted per host, with the cause explained once."""

    cause: str
    count: int
    hosts: tuple[tuple[str, int], ...]
    explanation: Explanation = attrs.field(repr=False)


@attrs.frozen
class LogReport:
    """A whole log: its failure events grouped by cause, most severe first, and a summary."""

    events: tuple[Event, ...] = attrs.field(repr=False)
    groups: tuple[CauseGroup, ...]
    summary: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "events": [
                {
                    "line": e.line_no,
                    "host": e.host,
                    "cause": e.cause,
                    "codes": [f.to_json() for f in e.findings],
                }
                for e in self.events
            ],
            "groups": [
                {
                    "cause": g.cause,
                    "count": g.count,
                    "hosts": [{"host": h, "count": n} for h, n in g.hosts],
                    "explanation": g.explanation.to_json(),
                }
                for g in self.groups
            ],
            "summary": list(self.summary),
        }

    def to_markdown(self) -> str:
        return _Markdown().report(self)

    def to_text(self, width: int = 80, *, color: bool = False) -> str:
        return _Text(width, color).report(self)


# ---------------------------------------------------------------- building


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return tuple(seen)


def _layers_from(
    members: Sequence[tuple[Code | None, str | None, int, str | None]],
) -> list[tuple[Layer, Code | None]]:
    layers: list[tuple[Layer, Code | None]] = []
    seen: set[tuple[str | None, int]] = set()
    for member, family, code, domain in members:
        key = (family, code)
        if key in seen:
            continue
        seen.add(key)
        description = member.description if member is not None else f"unknown code in {domain}"
        layers.append(
            (
                Layer(family, code, None if member is None else member.name, description, domain),
                member,
            )
        )
    layers.sort(key=lambda pair: _DEPTH.get(pair[0].family or "", 5))
    return layers


def _sent_alert(text: str, finding: Finding) -> bool:
    """Whether a BoringSSL line says this device *wrote* the alert, not read it."""
    line_start = text.rfind("\n", 0, finding.span[0]) + 1
    return "write alert" in text[line_start : finding.span[0]]


def _assemble(
    query: str, layers: list[tuple[Layer, Code | None]], host: str | None, sent_alerts: set[int]
) -> Explanation:
    entries: list[Entry] = []
    for _, member in layers:
        if member is None:
            continue
        entry = entry_for(member)
        if entry is not None:
            entries.append(entry)
    just_layers = tuple(layer for layer, _ in layers)
    if not entries:
        return Explanation(
            query,
            False,
            just_layers,
            "atscodes does not recognise this as an Apple TLS or URL-loading code."
            if not just_layers
            else "; ".join(layer.description for layer in just_layers),
            Side.UNKNOWN,
            "No explanation is recorded for these codes.",
            host=host,
        )
    # The most specific layer explains the failure; -9802 and the URL layer defer to it.
    primary = max(entries, key=lambda e: (_DEPTH.get(e.family, 0), -entries.index(e)))
    side, side_reason = primary.side, primary.side_reason.text
    if primary.family == "TLSAlert" and primary.code in sent_alerts:
        side = Side.LOCAL
        side_reason = (
            "The log says this device wrote (sent) the alert: it refused the server "
            "and told the server why."
        )
    # The answer is about the most specific layer: an outer wrapper (-1200, -1202) adds
    # its general causes only when nothing more specific is known.
    causes = primary.causes
    steps = _dedupe(_with_host(s, host) for s in primary.next_steps)
    hidden = primary.hides
    os_notes = primary.os_notes
    ordered = [primary] + [e for e in entries if e is not primary]
    ats = next((e.ats for e in ordered if e.ats is not None), None)
    sources = _dedupe(
        [s for e in ordered for s in e.meaning.sources]
        + [s for e in ordered for s in e.side_reason.sources]
        + [s for c in (*hidden, *causes, *os_notes) for s in c.sources]
        + [s for step in steps for s in step.sources]
        + list(ats.sources if ats is not None else ())
    )
    primary_layer = next(
        (lay for lay in just_layers if (lay.family, lay.code) == (primary.family, primary.code)),
        None,
    )
    return Explanation(
        query,
        True,
        just_layers,
        primary.meaning.text,
        side,
        side_reason,
        hidden,
        causes,
        steps,
        ats,
        os_notes,
        sources,
        host,
        primary_layer,
    )


def _with_host(step: Step, host: str | None) -> Step:
    if "{host}" not in step.command:
        return step
    return attrs.evolve(step, command=step.command.replace("{host}", host or "HOST"))


def _host_in(text: str) -> str | None:
    match = _HOST.search(text)
    return None if match is None else match[1]


def explain(query: int | str) -> Explanation:
    """Explain a code (``-9802``, ``"[3:-9813]"``, ``"errSSLPeerBadCert"``) or a pasted error.

    A string that :func:`atscodes.lookup` reads as a code is explained as that
    code; anything else (a log line, an ``NSError`` dump) is scanned and all the
    codes in it are treated as the layers of one failure.  For a whole log with
    several failures, use :func:`explain_log`.
    """
    if isinstance(query, bool) or not isinstance(query, (int, str)):
        raise TypeError(f"explain() takes an int or a str, not {type(query).__name__}")
    text = str(query)
    found = lookup(query) if isinstance(query, int) or "\n" not in text else ()
    if found:
        layers = _layers_from(
            [(i.member, i.family.__name__ if i.family else None, i.code, i.domain) for i in found]
        )
        return _assemble(text, layers, _host_in(text), set())
    findings = list(scan(text))
    layers = _layers_from([(f.member, f.family, f.code, f.domain) for f in findings])
    sent = {f.code for f in findings if f.domain == "TLSAlert" and _sent_alert(text, f)}
    return _assemble(text, layers, _host_in(text), sent)


# ---------------------------------------------------------------- logs

# How bad a cause is, for ordering a report: security failures first, cancellations last.
_SEVERITY: Final[dict[Side, int]] = {
    Side.PEER: 3,
    Side.LOCAL: 3,
    Side.CONFIGURATION: 2,
    Side.TRANSPORT: 1,
    Side.UNKNOWN: 0,
}


def _group_events(text: str, findings: list[Finding]) -> list[list[Finding]]:
    """Findings that belong to one failure: the same line, the same Task, the continuation
    lines of one NSError dump, or a nearby line repeating one of the codes (the TIC line,
    the CFNetwork line and the Task line of one load)."""
    lines = text.split("\n")
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line_no, []).append(finding)
    events: list[list[Finding]] = []
    ids: list[tuple[str | None, str | None]] = []  # (task, connection) per event
    for line_no, group in by_line.items():
        line = lines[line_no - 1] if line_no - 1 < len(lines) else ""
        task_match = _TASK.search(line)
        task = task_match[1] if task_match else None
        connection_match = _CONNECTION.search(line)
        connection = (connection_match[1] or connection_match[2]) if connection_match else None
        if events:
            last = events[-1]
            last_line = last[-1].line_no
            last_task, last_connection = ids[-1]
            conflicting = (task is not None and last_task is not None and task != last_task) or (
                connection is not None
                and last_connection is not None
                and connection != last_connection
                and task is None
            )
            continuation = line_no - last_line == 1 and line[:1] in _CONTINUATION
            codes = {f.code for f in last}
            shares = any(f.code in codes for f in group)
            if (task is not None and task == last_task) or (
                not conflicting and (continuation or (shares and line_no - last_line <= 3))
            ):
                last.extend(group)
                ids[-1] = (last_task or task, last_connection or connection)
                continue
        events.append(list(group))
        ids.append((task, connection))
    return events


def _cause_key(explanation: Explanation) -> str:
    codes = _dedupe(str(layer.code) for layer in explanation.layers if layer.name)
    return " / ".join(codes) or "unrecognised"


def explain_log(text: str) -> LogReport:
    """Group a log's codes into failure events, count them per host and cause, explain each
    distinct cause once, and summarise, most severe first."""
    if not isinstance(text, str):
        raise TypeError(f"explain_log() takes a str, not {type(text).__name__}")
    findings = [f for f in scan(text) if f.member is not None]
    lines = text.split("\n")
    events: list[Event] = []
    by_cause: dict[str, list[Event]] = {}
    explanations: dict[str, Explanation] = {}
    for group in _group_events(text, findings):
        first, last = group[0].line_no, group[-1].line_no
        while last < len(lines) and lines[last][:1] in _CONTINUATION:
            last += 1  # the rest of a multi-line NSError dump
        span_text = "\n".join(lines[first - 1 : last])
        layers = _layers_from([(f.member, f.family, f.code, f.domain) for f in group])
        sent = {f.code for f in group if f.domain == "TLSAlert" and _sent_alert(text, f)}
        host = _host_in(span_text)
        explanation = _assemble(span_text, layers, host, sent)
        key = _cause_key(explanation)
        event = Event(first, tuple(group), host, key)
        events.append(event)
        by_cause.setdefault(key, []).append(event)
        explanations.setdefault(key, attrs.evolve(explanation, query=key, host=host))
    groups = []
    for key, members in by_cause.items():
        hosts: dict[str, int] = {}
        for event in members:
            hosts[event.host or _NO_HOST] = hosts.get(event.host or _NO_HOST, 0) + 1
        groups.append(
            CauseGroup(
                key,
                len(members),
                tuple(sorted(hosts.items(), key=lambda kv: -kv[1])),
                explanations[key],
            )
        )
    groups.sort(key=lambda g: (-_SEVERITY[g.explanation.side], -g.count))
    return LogReport(tuple(events), tuple(groups), tuple(_summary(g) for g in groups))


def _summary(group: CauseGroup) -> str:
    loads = "load" if group.count == 1 else "loads"
    known = [(h, n) for h, n in group.hosts if h != _NO_HOST]
    unknown = sum(n for h, n in group.hosts if h == _NO_HOST)
    if not known:
        where = "(host not in the log)"
    elif len(known) == 1 and not unknown:
        where = f"to {known[0][0]}"
    else:
        where = "to " + ", ".join(f"{h} ({n})" for h, n in known[:3])
        if len(known) > 3:
            where += f" and {len(known) - 3} more hosts"
        if unknown:
            where += f", {unknown} without a host in the log"
    primary = group.explanation.primary
    meaning = primary.description if primary is not None else group.explanation.meaning
    meaning = meaning.rstrip(".")
    return (
        f"{group.count} {loads} {where} failed: {meaning[0].lower()}{meaning[1:]} "
        f"({group.cause}); side at fault: {group.explanation.side.value}."
    )


# ---------------------------------------------------------------- rendering


def _source_json(source: Source) -> dict[str, str]:
    return {"title": source.title, "url": source.url}


def _claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "inference": claim.inference,
        "sources": [_source_json(s) for s in claim.sources],
    }


def _step_json(step: Step) -> dict[str, Any]:
    return {
        "text": step.text,
        "command": step.command,
        "sources": [_source_json(s) for s in step.sources],
    }


class _Text:
    """Terminal text: wrapped to a width, ANSI colour only when asked."""

    def __init__(self, width: int, color: bool) -> None:
        self.width = max(40, width)
        self.color = color

    def _c(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def _wrap(self, text: str, indent: str = "", first: str | None = None) -> list[str]:
        return textwrap.wrap(
            text, self.width, initial_indent=first or indent, subsequent_indent=indent
        ) or [first or indent]

    def _claim(self, claim: Claim, bullet: str = "- ") -> list[str]:
        text = claim.text + (" (inference)" if claim.inference else "")
        refs = " ".join(f"[{s.title}]" for s in claim.sources[:2])
        return self._wrap(f"{text} {refs}".strip(), "    ", "  " + bullet)

    def explanation(self, e: Explanation) -> str:
        side_colour = {
            "peer": "33",
            "local": "36",
            "transport": "35",
            "configuration": "34",
            "unknown": "37",
        }[e.side.value]
        out: list[str] = []
        for layer in e.layers:
            name = layer.name or "unknown"
            out.append(self._c("1", f"{layer.family or layer.domain} {layer.code} {name}"))
            out.extend(self._wrap(layer.description, "    ", "    "))
        out.append("")
        out.extend(self._wrap(e.meaning, "  ", self._c("1", "Meaning: ")))
        out.extend(
            self._wrap(
                f"{e.side_reason}",
                "  ",
                self._c("1", "Side: ") + self._c(side_colour, e.side.value) + " - ",
            )
        )
        sections: list[tuple[str, Sequence[Claim]]] = [
            ("What can hide behind it", e.hidden),
            ("Likely causes, most likely first", e.causes),
            ("OS versions", e.os_notes),
        ]
        for title, claims in sections:
            if claims:
                out += ["", self._c("1", title + ":")]
                for claim in claims:
                    out.extend(self._claim(claim))
        if e.next_steps:
            out += ["", self._c("1", "Next steps:")]
            for step in e.next_steps:
                out.extend(self._wrap(step.text, "    ", "  - "))
                if step.command:
                    out.append("      $ " + step.command)
        if e.ats is not None:
            out += ["", self._c("1", "App Transport Security:")]
            out.extend(self._wrap(e.ats.requirement, "    ", "  - "))
            out.append("  Narrowest exception (Info.plist):")
            out.extend("      " + line for line in e.ats.exception.splitlines())
            out.extend(self._wrap("Cost: " + e.ats.cost, "    ", "  - "))
            if e.ats.needs_justification:
                out.extend(
                    self._wrap(
                        "This exception needs a justification in App Store review.", "    ", "  - "
                    )
                )
        if e.sources:
            out += ["", self._c("1", "Sources:")]
            out.extend(f"  [{s.title}] {s.url}" for s in e.sources)
        return "\n".join(out) + "\n"

    def report(self, r: LogReport) -> str:
        out = [self._c("1", "Summary:")]
        for line in r.summary:
            out.extend(self._wrap(line, "    ", "  - "))
        if not r.summary:
            out.append("  No known error codes in this log.")
        for group in r.groups:
            out += ["", self._c("1", f"== {group.cause} ({group.count}x) ==")]
            out.append(self.explanation(group.explanation).rstrip("\n"))
        return "\n".join(out) + "\n"


class _Markdown:
    def _links(self, sources: Sequence[Source]) -> str:
        return " ".join(f"[{s.title}]({s.url})" for s in sources)

    def _claim(self, claim: Claim) -> str:
        mark = " *(inference)*" if claim.inference else ""
        return f"- {claim.text}{mark} {self._links(claim.sources)}".rstrip()

    def explanation(self, e: Explanation, level: str = "###") -> str:
        out = [f"{level} `{e.query}`", ""]
        out += ["| family | code | name | meaning |", "|---|---|---|---|"]
        out += [
            f"| {lay.family or lay.domain} | {lay.code} | `{lay.name or 'unknown'}` | "
            f"{lay.description} |"
            for lay in e.layers
        ]
        out += [
            "",
            f"**Meaning:** {e.meaning}",
            "",
            f"**Side at fault:** {e.side.value}. {e.side_reason}",
        ]
        for title, claims in (
            ("What can hide behind it", e.hidden),
            ("Likely causes", e.causes),
            ("OS versions", e.os_notes),
        ):
            if claims:
                out += ["", f"**{title}:**", ""] + [self._claim(c) for c in claims]
        if e.next_steps:
            out += ["", "**Next steps:**", ""]
            for step in e.next_steps:
                out.append(f"- {step.text} {self._links(step.sources)}".rstrip())
                if step.command:
                    out.append(f"  `{step.command}`")
        if e.ats is not None:
            out += [
                "",
                "**App Transport Security:** " + e.ats.requirement,
                "",
                "```xml",
                e.ats.exception,
                "```",
                "",
                "Cost: " + e.ats.cost,
            ]
        return "\n".join(out) + "\n"

    def report(self, r: LogReport) -> str:
        out = ["## Summary", ""] + [f"- {line}" for line in r.summary]
        for group in r.groups:
            out += ["", self.explanation(group.explanation).rstrip("\n")]
        return "\n".join(out) + "\n"
