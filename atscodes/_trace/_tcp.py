"""From link-layer frames to TCP segments, and the bounded reassembly of one direction.

Link types (tcpdump's LINKTYPE_* numbers): 0 NULL and 108 LOOP (BSD loopback,
a 4-byte address family), 1 Ethernet (with up to two VLAN tags), 12/14/101 raw
IP, 228 IPv4, 229 IPv6, 113 Linux cooked (SLL), 276 SLL2, and 149/258 Apple's
PKTAP (xnu ``bsd/net/pktap.h`` ``struct pktap_header``, little-endian as
tcpdump's ``print-pktap.c`` reads it: header length, the inner DLT, the process
ID at byte 52 and its name at byte 56).  IPv4 fragments other than the first,
and IPv6 beyond eight extension headers, are skipped.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Final, NamedTuple

__all__ = ["MAX_PENDING", "Direction", "Segment", "decode"]

#: Out-of-order bytes held per direction before the missing ones are given up as lost.
MAX_PENDING: Final = 262_144
#: Out-of-order segments held per direction (the same bound, against 1-byte segments).
_MAX_SEGMENTS: Final = 1024
_HALF: Final = 1 << 31
_MASK: Final = 0xFFFFFFFF

FIN: Final = 0x01
SYN: Final = 0x02
RST: Final = 0x04
ACK: Final = 0x10

_ETHERNET: Final = 1
_PKTAP: Final = (149, 258)


class Segment(NamedTuple):
    """A TCP segment: addresses (packed bytes), ports, sequence number, flags, payload."""

    source: bytes
    destination: bytes
    source_port: int
    destination_port: int
    seq: int
    flags: int
    payload: bytes
    process: tuple[int, str] | None


_U16: Final = struct.Struct(">H")
_TCP: Final = struct.Struct(">HHIIBB")


def _ip(data: bytes, at: int, process: tuple[int, str] | None) -> Segment | None:
    if len(data) < at + 20:
        return None
    version = data[at] >> 4
    if version == 4:
        header = (data[at] & 0x0F) * 4
        if header < 20 or data[at + 9] != 6:
            return None
        fragment = _U16.unpack_from(data, at + 6)[0]
        if fragment & 0x1FFF:  # not the first fragment
            return None
        total = _U16.unpack_from(data, at + 2)[0]
        end = min(len(data), at + total) if total >= header else len(data)
        source = data[at + 12 : at + 16]
        destination = data[at + 16 : at + 20]
        tcp = at + header
    elif version == 6:
        if len(data) < at + 40:
            return None
        payload_length = _U16.unpack_from(data, at + 4)[0]
        end = min(len(data), at + 40 + payload_length) if payload_length else len(data)
        source = data[at + 8 : at + 24]
        destination = data[at + 24 : at + 40]
        next_header = data[at + 6]
        tcp = at + 40
        for _ in range(8):
            if next_header == 6:
                break
            if next_header in (0, 43, 60) and tcp + 8 <= end:
                next_header = data[tcp]
                tcp += (data[tcp + 1] + 1) * 8
            elif next_header == 44 and tcp + 8 <= end:
                if _U16.unpack_from(data, tcp + 2)[0] & 0xFFF8:
                    return None
                next_header = data[tcp]
                tcp += 8
            else:
                return None
        else:
            return None
        if next_header != 6:
            return None
    else:
        return None
    if tcp + 20 > end:
        return None
    source_port, destination_port, seq, _ack, offset, flags = _TCP.unpack_from(data, tcp)
    header = (offset >> 4) * 4
    if header < 20 or tcp + header > end:
        return None
    return Segment(
        source,
        destination,
        source_port,
        destination_port,
        seq,
        flags,
        data[tcp + header : end],
        process,
    )


def _link(
    linktype: int, data: bytes, process: tuple[int, str] | None, depth: int = 0
) -> Segment | None:
    if linktype == _ETHERNET:
        if len(data) < 14:
            return None
        at = 12
        kind = _U16.unpack_from(data, at)[0]
        for _ in range(2):
            if kind in (0x8100, 0x88A8) and len(data) >= at + 6:
                at += 4
                kind = _U16.unpack_from(data, at)[0]
        if kind in (0x0800, 0x86DD):
            return _ip(data, at + 2, process)
        return None
    if linktype in (101, 12, 14, 228, 229):
        return _ip(data, 0, process)
    if linktype in (0, 108):
        return _ip(data, 4, process) if len(data) >= 4 else None
    if linktype == 113:  # Linux cooked v1: protocol at bytes 14-15
        if len(data) < 16 or _U16.unpack_from(data, 14)[0] not in (0x0800, 0x86DD):
            return None
        return _ip(data, 16, process)
    if linktype == 276:  # Linux cooked v2: protocol at bytes 0-1, 20-byte header
        if len(data) < 20 or _U16.unpack_from(data, 0)[0] not in (0x0800, 0x86DD):
            return None
        return _ip(data, 20, process)
    if linktype in _PKTAP and depth == 0:
        if len(data) < 12:
            return None
        length, _next, inner = struct.unpack_from("<III", data)
        if length < 12 or length > len(data):
            return None
        if length >= 73 and process is None:
            pid = struct.unpack_from("<i", data, 52)[0]
            name = data[56:73].split(b"\0", 1)[0].decode("utf-8", "replace")
            if pid > 0 or name:
                process = (pid, name)
        return _link(_PKTAP_INNER.get(inner, inner), data[length:], process, 1)
    return None


# PKTAP carries DLT_* values (the BSD numbering), which differ from LINKTYPE_* for raw IP.
_PKTAP_INNER: Final = {12: 101}


def decode(linktype: int, data: bytes, process: tuple[int, str] | None = None) -> Segment | None:
    """The TCP segment in a frame, or ``None`` when the frame holds none this reader follows."""
    try:
        return _link(linktype, data, process)
    except (struct.error, IndexError):
        return None


class Direction:
    """One direction of a TCP connection: delivers bytes in order to *deliver*, bounded.

    Retransmitted and overlapping bytes are delivered once; segments that arrive
    early wait (up to :data:`MAX_PENDING` bytes); past that, or at the end, the
    missing bytes are declared lost and *lost* is called before delivery resumes.
    """

    __slots__ = (
        "_deliver",
        "_lost",
        "fin",
        "gaps",
        "next_seq",
        "pending",
        "pending_bytes",
        "retransmissions",
        "rst",
        "started",
    )

    def __init__(
        self, deliver: Callable[[bytes, int, float], None], lost: Callable[[], None]
    ) -> None:
        self._deliver = deliver
        self._lost = lost
        self.next_seq: int | None = None
        self.pending: dict[int, tuple[bytes, int, float]] = {}
        self.pending_bytes = 0
        self.retransmissions = 0
        self.gaps = 0
        self.fin = False
        self.rst = False
        self.started = False

    def segment(self, seq: int, flags: int, payload: bytes, frame: int, time: float) -> None:
        if flags & SYN:
            if self.next_seq is None:
                self.next_seq = (seq + 1) & _MASK
            seq = (seq + 1) & _MASK
        if flags & RST:
            self.rst = True
        if flags & FIN:
            self.fin = True
        if not payload:
            return
        if self.next_seq is None:
            self.next_seq = seq
        self._segment(seq, payload, frame, time)

    def _segment(
        self, seq: int, payload: bytes, frame: int, time: float, drain: bool = True
    ) -> None:
        assert self.next_seq is not None
        delta = (seq - self.next_seq) & _MASK
        if delta >= _HALF:  # starts before what was already delivered
            behind = (1 << 32) - delta
            if behind >= len(payload):
                self.retransmissions += 1
                return
            payload = payload[behind:]
            delta = 0
        if delta:
            if delta > MAX_PENDING * 4:
                return  # far outside any window: not this stream
            held = self.pending.get(seq)
            if held is None or len(held[0]) < len(payload):
                self.pending_bytes += len(payload) - (0 if held is None else len(held[0]))
                self.pending[seq] = (payload, frame, time)
            if self.pending_bytes > MAX_PENDING or len(self.pending) > _MAX_SEGMENTS:
                self.flush()
            return
        self.started = True
        self.next_seq = (self.next_seq + len(payload)) & _MASK
        self._deliver(payload, frame, time)
        if drain and self.pending:
            self._drain()

    def _drain(self) -> None:
        pending = self.pending
        while pending:
            assert self.next_seq is not None
            seq = self.next_seq
            entry = pending.pop(seq, None)
            if entry is not None:
                self.pending_bytes -= len(entry[0])
                self._segment(seq, entry[0], entry[1], entry[2], drain=False)
                continue
            # Segments that overlap what was delivered (start behind next_seq).
            behind = [s for s in pending if (s - seq) & _MASK >= _HALF]
            if not behind:
                return
            for s in behind:
                payload, frame, time = pending.pop(s)
                self.pending_bytes -= len(payload)
                self._segment(s, payload, frame, time, drain=False)

    def flush(self) -> None:
        """Give up waiting for missing bytes: deliver what is held, in order, after a gap."""
        if not self.pending or self.next_seq is None:
            return
        base = self.next_seq
        for seq in sorted(self.pending, key=lambda s: (s - base) & _MASK):
            entry = self.pending.pop(seq, None)
            if entry is None:
                continue
            self.pending_bytes -= len(entry[0])
            delta = (seq - self.next_seq) & _MASK
            if delta and delta < _HALF:
                self.gaps += 1
                self._lost()
                self.next_seq = seq
            self._segment(seq, entry[0], entry[1], entry[2], drain=False)
