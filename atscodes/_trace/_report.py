"""The result of reading a capture: one record per TLS connection, and how to show it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

if TYPE_CHECKING:
    from .._explain import Explanation

__all__ = ["Alert", "Check", "Connection", "Prediction", "Process", "TraceReport", "escape"]

_CONTROL: Final = {i: f"\\x{i:02x}" for i in (*range(0x20), 0x7F)}
_CONTROL.update({0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"})
_C1: Final = {i: f"\\x{i:02x}" for i in range(0x80, 0xA0)}


def escape(text: str) -> str:
    """*text* with control characters (C0, DEL, C1) written as escapes, for a terminal."""
    return text.translate(_CONTROL).translate(_C1)


def _md(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("`", "\\`").replace("<", "&lt;")


@attrs.frozen
class Process:
    """The process a connection belongs to, as Apple's capture formats record it."""

    pid: int
    name: str


@attrs.frozen
class Alert:
    """A TLS alert record: who sent it, where, and what it says (or could say).

    ``frame`` is the 1-based frame number Wireshark shows (the frame that carried
    the record's last byte).  An ``encrypted`` alert's level and number cannot
    be read; when ``inferred`` is true, ``alert``/``name`` or ``meaning`` were
    guessed from the record's place and size, never read.
    """

    frame: int
    time: str
    sender: str
    level: str | None
    alert: int | None
    name: str | None
    encrypted: bool
    inferred: bool
    length: int = attrs.field(default=2, repr=False)
    meaning: str | None = attrs.field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The documented keys (see the README's ``atscodes trace`` section)."""
        return {
            "frame": self.frame,
            "time": self.time,
            "sender": self.sender,
            "level": self.level,
            "alert": self.alert,
            "name": self.name,
            "encrypted": self.encrypted,
            "inferred": self.inferred,
            "length": self.length,
            "meaning": self.meaning,
        }

    def describe(self) -> str:
        """``"server fatal handshake_failure (40)"`` or ``"client encrypted alert (26 B)"``."""
        if self.encrypted and not self.inferred:
            return f"{self.sender} encrypted alert ({self.length} B)"
        if self.encrypted:
            guess = self.name if self.name else self.meaning
            return f"{self.sender} encrypted alert ({self.length} B), inferred: {guess}"
        level = f"{self.level} " if self.level else ""
        return f"{self.sender} {level}{self.name} ({self.alert})"


@attrs.frozen
class Prediction:
    """What an app on this device would have logged for the connection's failure."""

    layer: str
    status: int | None
    name: str | None
    url_error: int | None
    basis: str
    os: str | None
    source: str = attrs.field(default="", repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "status": self.status,
            "name": self.name,
            "url_error": self.url_error,
            "basis": self.basis,
            "os": self.os,
            "source": self.source,
        }


@attrs.frozen
class Check:
    """One trust or ATS rule applied to the server's chain (the records of ``ats check``)."""

    rule: str
    name: str
    ok: bool | None
    evidence: str

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "name": self.name, "ok": self.ok, "evidence": self.evidence}


@attrs.frozen
class Connection:
    """One TLS connection in a capture: who, what was offered and chosen, how it ended."""

    client: str
    server: str
    sni: str | None
    process: Process | None
    start: str
    offered_versions: tuple[str, ...]
    version: str | None
    cipher_suite: str | None
    alerts: tuple[Alert, ...]
    outcome: str
    side: str | None
    predicted: tuple[Prediction, ...] = ()
    first_frame: int = attrs.field(default=0, repr=False)
    offered_suites: tuple[str, ...] = attrs.field(default=(), repr=False)
    alpn: tuple[str, ...] = attrs.field(default=(), repr=False)
    groups: tuple[str, ...] = attrs.field(default=(), repr=False)
    key_shares: tuple[str, ...] = attrs.field(default=(), repr=False)
    signature_algorithms: tuple[str, ...] = attrs.field(default=(), repr=False)
    client_hello_size: int | None = attrs.field(default=None, repr=False)
    hello_retry: bool = attrs.field(default=False, repr=False)
    group: str | None = attrs.field(default=None, repr=False)
    certificate_request: bool = attrs.field(default=False, repr=False)
    certificates: tuple[bytes, ...] = attrs.field(default=(), repr=False)
    certificate_findings: tuple[str, ...] = attrs.field(default=(), repr=False)
    certificate_checks: tuple[Check, ...] = attrs.field(default=(), repr=False)
    notes: tuple[str, ...] = attrs.field(default=(), repr=False)
    summary: str = attrs.field(default="", repr=False)
    explanation: Explanation | None = attrs.field(default=None, repr=False)

    @property
    def host(self) -> str:
        """The SNI when the client sent one, else the server's address."""
        return self.sni or self.server

    def to_json(self) -> dict[str, Any]:
        """The documented keys (see the README's ``atscodes trace`` section)."""
        return {
            "client": self.client,
            "server": self.server,
            "sni": self.sni,
            "process": None
            if self.process is None
            else {"pid": self.process.pid, "name": self.process.name},
            "start": self.start,
            "first_frame": self.first_frame,
            "offered_versions": list(self.offered_versions),
            "version": self.version,
            "cipher_suite": self.cipher_suite,
            "alerts": [a.to_json() for a in self.alerts],
            "outcome": self.outcome,
            "side": self.side,
            "predicted": [p.to_json() for p in self.predicted],
            "summary": self.summary,
            "offered_suites": list(self.offered_suites),
            "alpn": list(self.alpn),
            "groups": list(self.groups),
            "key_shares": list(self.key_shares),
            "signature_algorithms": list(self.signature_algorithms),
            "client_hello_size": self.client_hello_size,
            "hello_retry": self.hello_retry,
            "group": self.group,
            "certificate_request": self.certificate_request,
            "certificates": len(self.certificates),
            "certificate_findings": list(self.certificate_findings),
            "certificate_checks": [c.to_json() for c in self.certificate_checks],
            "notes": list(self.notes),
            "explanation": None if self.explanation is None else self.explanation.to_json(),
        }


_ORDER: Final = {"failed": 0, "incomplete": 1, "completed": 2}


@attrs.frozen
class TraceReport:
    """Every TLS connection in a capture, failed ones first, and the counts.

    ``connections`` holds every failed and incomplete connection, and the
    completed ones only when asked for (``trace(path, completed=True)``,
    ``--all``): memory then stays flat however many connections complete.
    ``counts`` always counts them all.
    """

    path: str
    format: str
    frames: int
    connections: tuple[Connection, ...]
    tls: int
    completed: int
    failed: int
    incomplete: int
    damage: str | None = None
    filtered: bool = False

    @property
    def exit_status(self) -> int:
        """0 when every TLS connection completed, else 1 (the CLI's exit status)."""
        return 0 if self.failed == 0 and self.incomplete == 0 else 1

    @property
    def summary(self) -> str:
        """One paragraph: how many connections failed, and how, the worst first."""
        noun = "connection" if self.tls == 1 else "connections"
        if self.tls == 0:
            head = "No TLS connection in this capture"
            if self.filtered:
                head += " matches the filters"
            return head + "."
        parts = []
        if self.failed:
            parts.append(f"{self.failed} of {self.tls} TLS {noun} failed")
        if self.incomplete:
            parts.append(f"{self.incomplete} of {self.tls} did not finish in the capture")
        if not parts:
            return f"All {self.tls} TLS {noun} completed."
        text = "; ".join(parts)
        failing = [c for c in self.connections if c.outcome != "completed"][:3]
        if failing:
            text += ": " + "; ".join(f"{c.host} — {c.summary}" for c in failing)
            more = self.failed + self.incomplete - len(failing)
            if more > 0:
                text += f"; and {more} more"
        return text + "."

    def to_json(self, *, full: bool = True) -> dict[str, Any]:
        """The documented keys (see the README's ``atscodes trace`` section)."""
        return {
            "file": self.path,
            "format": self.format,
            "frames": self.frames,
            "damage": self.damage,
            "summary": self.summary,
            "counts": {
                "tls": self.tls,
                "completed": self.completed,
                "failed": self.failed,
                "incomplete": self.incomplete,
            },
            "connections": [c.to_json() for c in self.connections] if full else [],
        }

    def to_text(self) -> str:
        """Plain text, control characters escaped."""
        return "\n".join(_text(self)) + "\n"

    def to_markdown(self) -> str:
        """Markdown for an issue or a pull request."""
        return "\n".join(_markdown(self)) + "\n"

    def dumps(self) -> str:
        """The JSON document as a string."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False)

    def write_json(self, stream: TextIO) -> None:
        """Write the JSON document to *stream* one connection at a time (memory stays flat)."""
        document = self.to_json(full=False)
        document["connections"] = _Lazy(self.connections)
        encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
        for chunk in encoder.iterencode(document):
            stream.write(chunk)
        stream.write("\n")


class _Lazy(list[Any]):
    """A list for json's encoder that turns each connection into JSON only when it gets there.

    With ``indent`` set, ``json`` encodes in Python and walks lists with ``for``,
    so overriding ``__iter__`` is enough; ``__bool__`` keeps ``[]`` for none.
    """

    def __init__(self, connections: tuple[Connection, ...]) -> None:
        super().__init__()
        self._connections = connections

    def __iter__(self) -> Iterator[Any]:
        return (c.to_json() for c in self._connections)

    def __bool__(self) -> bool:
        return bool(self._connections)

    def __len__(self) -> int:
        return len(self._connections)


def _process(c: Connection) -> str:
    return "" if c.process is None else f" [{c.process.name} ({c.process.pid})]"


def _text(r: TraceReport) -> Iterator[str]:
    yield escape(r.summary)
    if r.damage:
        yield f"warning: {escape(r.damage)}"
    for c in r.connections:
        yield ""
        yield escape(
            f"{c.outcome.upper()}: {c.client} -> {c.server}"
            + (f" ({c.sni})" if c.sni else "")
            + _process(c)
            + f", frame {c.first_frame}, {c.start}"
        )
        if c.summary:
            yield "  " + escape(c.summary)
        offered = ", ".join(c.offered_versions) or "?"
        yield f"  offered: {escape(offered)}; chosen: {escape(c.version or '-')}" + (
            f", {escape(c.cipher_suite)}" if c.cipher_suite else ""
        )
        if c.key_shares:
            yield "  key shares: " + escape(", ".join(c.key_shares))
        for a in c.alerts:
            yield f"  alert @frame {a.frame}: {escape(a.describe())}"
        if c.side:
            yield f"  side: {c.side}"
        for p in c.predicted:
            url = f", NSURLError {p.url_error}" if p.url_error is not None else ""
            os = f", seen on {p.os}" if p.os else ""
            layer = p.layer.replace("_", "-")  # (as --layer spells it; JSON keeps the value)
            yield f"  {layer} would report: {p.status} {p.name}{url} ({p.basis}{escape(os)})"
        for finding in c.certificate_findings:
            yield "  ATS / trust: " + escape(finding)
        for note in c.notes:
            yield "  note: " + escape(note)
        e = c.explanation
        if e is not None:
            yield "  explanation: " + escape(e.meaning)
            for cause in e.causes[:3]:
                yield "    cause: " + escape(cause.text)
            for step in e.next_steps[:3]:
                yield "    next: " + escape(step.text)
                if step.command:
                    yield "      $ " + escape(step.command.replace("{host}", c.host))


def _markdown(r: TraceReport) -> Iterator[str]:
    yield f"**{_md(r.summary)}**"
    if r.damage:
        yield ""
        yield f"> warning: {_md(r.damage)}"
    if not r.connections:
        return
    yield ""
    yield "| outcome | client | server | SNI | version | suite | alerts | side |"
    yield "|---|---|---|---|---|---|---|---|"
    for c in r.connections:
        alerts = "; ".join(f"{a.describe()} @{a.frame}" for a in c.alerts) or "—"
        yield (
            f"| {c.outcome} | {_md(c.client)} | {_md(c.server)} | {_md(c.sni or '—')} | "
            f"{_md(c.version or '—')} | {_md(c.cipher_suite or '—')} | {_md(alerts)} | "
            f"{c.side or '—'} |"
        )
    for c in r.connections:
        if c.outcome == "completed":
            continue
        yield ""
        yield f"### {_md(c.host)} ({c.outcome}, frame {c.first_frame})"
        if c.summary:
            yield ""
            yield _md(c.summary)
        if c.predicted:
            yield ""
            for p in c.predicted:
                url = f", NSURLError `{p.url_error}`" if p.url_error is not None else ""
                os = f", seen on {_md(p.os)}" if p.os else ""
                yield f"- {p.layer.replace('_', '-')}: `{p.status}` {p.name}{url} ({p.basis}{os})"
        for note in (*c.certificate_findings, *c.notes):
            yield f"- {_md(note)}"
        if c.explanation is not None:
            yield ""
            yield _md(c.explanation.meaning)
