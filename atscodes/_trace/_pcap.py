"""Read pcap and pcapng captures, frame by frame, without any dependency.

Formats read:

* pcap (``tcpdump -w``): both byte orders, micro- and nanosecond timestamps
  (magic ``0xA1B2C3D4`` and ``0xA1B23C4D``).
* pcapng (Wireshark, ``tcpdump`` 4.99+, Apple's ``tcpdump -P``): several
  sections and interfaces, Enhanced and Simple Packet Blocks, the interface
  options ``if_tsresol`` and ``if_tsoffset``, and Apple's Darwin extensions
  (apple-oss-distributions/libpcap ``pcap-ng.h``): the Process Information
  Block ``0x80000001`` (a 32-bit PID, option 2 the process name) and the
  Enhanced Packet Block options ``0x8001`` (index of the packet's process
  block) and ``0x8003`` (index of its effective process block).

Frames are numbered from 1 in file order, as Wireshark numbers them.

Bounds: a frame larger than :data:`MAX_FRAME` bytes, a block larger than
:data:`MAX_BLOCK`, more than :data:`MAX_INTERFACES` interfaces or
:data:`MAX_PROCESSES` process blocks in a section end the reading: the frames
before it are kept and :attr:`CaptureReader.damage` says where and why.  A file
that is not a capture at all raises :class:`CaptureError`.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO, Final, NamedTuple

__all__ = [
    "MAX_BLOCK",
    "MAX_FRAME",
    "CaptureError",
    "CaptureReader",
    "Frame",
]

#: Largest frame read (tcpdump's and Wireshark's own ceiling for most link types is 262144).
MAX_FRAME: Final = 262_144
#: Largest pcapng block read.
MAX_BLOCK: Final = MAX_FRAME + 4096
MAX_INTERFACES: Final = 4096
MAX_PROCESSES: Final = 65_536
_MAX_NAME: Final = 256

_PCAP_US: Final = 0xA1B2C3D4
_PCAP_NS: Final = 0xA1B23C4D
_SHB: Final = 0x0A0D0D0A
_BYTE_ORDER: Final = 0x1A2B3C4D
_IDB: Final = 1
_OBSOLETE_PB: Final = 2
_SPB: Final = 3
_EPB: Final = 6
_PIB: Final = 0x80000001  # Darwin process information block (libpcap pcap-ng.h PCAPNG_BT_PIB)
_EPB_PIB_INDEX: Final = 0x8001
_EPB_E_PIB_INDEX: Final = 0x8003
_PIB_NAME: Final = 2
_IF_TSRESOL: Final = 9
_IF_TSOFFSET: Final = 14


class CaptureError(Exception):
    """The file is not a capture this reader understands (``atscodes trace`` exits with 3)."""


class Frame(NamedTuple):
    """One captured frame: its 1-based number, time (seconds since the epoch), link type, bytes.

    ``process`` is ``(pid, name)`` when the capture recorded which process the
    frame belongs to (Apple pcapng process blocks), else ``None``.
    """

    number: int
    time: float
    linktype: int
    data: bytes
    process: tuple[int, str] | None = None


def _text(raw: bytes) -> str:
    return raw.split(b"\0", 1)[0][:_MAX_NAME].decode("utf-8", "replace")


class CaptureReader:
    """Iterate over the frames of an open binary file holding a pcap or pcapng capture.

    Raises :class:`CaptureError` at construction when the file does not start
    like a capture.  Damage after the start (a truncated last frame, a corrupt
    block) ends the iteration and is described in :attr:`damage`.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        head = stream.read(4)
        if len(head) < 4:
            raise CaptureError("the file is too short to be a capture")
        self._head = head
        #: ``None`` while the capture reads cleanly; else what ended it early.
        self.damage: str | None = None
        #: ``"pcap"`` or ``"pcapng"``.
        self.format: str
        self.frames = 0
        magic_le = struct.unpack("<I", head)[0]
        magic_be = struct.unpack(">I", head)[0]
        if magic_le in (_PCAP_US, _PCAP_NS) or magic_be in (_PCAP_US, _PCAP_NS):
            self.format = "pcap"
            self._order = "<" if magic_le in (_PCAP_US, _PCAP_NS) else ">"
            self._scale = 1e-9 if _PCAP_NS in (magic_le, magic_be) else 1e-6
            rest = stream.read(20)
            if len(rest) < 20:
                raise CaptureError("the pcap file header is cut short")
            self._linktype = struct.unpack(self._order + "I", rest[16:20])[0] & 0x0FFFFFFF
        elif magic_le == _SHB:
            self.format = "pcapng"
        else:
            raise CaptureError(
                "not a pcap or pcapng capture (unknown magic number 0x" + head.hex() + ")"
            )

    def __iter__(self) -> Iterator[Frame]:
        if self.format == "pcap":
            return self._pcap()
        return self._pcapng()

    # ------------------------------------------------------------ pcap

    def _pcap(self) -> Iterator[Frame]:
        read = self._stream.read
        record = struct.Struct(self._order + "IIII")
        scale = self._scale
        linktype = self._linktype
        number = 0
        while True:
            header = read(16)
            if not header:
                return
            if len(header) < 16:
                self.damage = f"the capture is cut short in the header of frame {number + 1}"
                return
            seconds, fraction, captured, _original = record.unpack(header)
            if captured > MAX_FRAME:
                self.damage = (
                    f"frame {number + 1} claims {captured} bytes (more than {MAX_FRAME}):"
                    " the file is damaged from there on"
                )
                return
            data = read(captured)
            if len(data) < captured:
                self.damage = f"the capture is cut short in the middle of frame {number + 1}"
                return
            number += 1
            self.frames = number
            yield Frame(number, seconds + fraction * scale, linktype, data)

    # ------------------------------------------------------------ pcapng

    def _pcapng(self) -> Iterator[Frame]:
        read = self._stream.read
        pending = self._head
        order = "<"
        interfaces: list[tuple[int, float, float]] = []  # linktype, seconds per tick, offset
        processes: list[tuple[int, str]] = []
        number = 0
        first = True
        while True:
            head = pending + read(8 - len(pending))
            pending = b""
            if not head:
                return
            if len(head) < 8:
                self.damage = "the capture is cut short in a block header"
                return
            if struct.unpack("<I", head[:4])[0] == _SHB:
                magic = read(4)
                if len(magic) < 4:
                    self.damage = "the capture is cut short in a section header"
                    return
                if magic == b"\x4d\x3c\x2b\x1a":
                    order = "<"
                elif magic == b"\x1a\x2b\x3c\x4d":
                    order = ">"
                else:
                    if first:
                        raise CaptureError("a pcapng section header with a bad byte-order magic")
                    self.damage = "a section header with a bad byte-order magic"
                    return
                interfaces = []
                processes = []
                length = struct.unpack(order + "I", head[4:8])[0]
                body_length = length - 12
                if length < 28 or length % 4 or length > MAX_BLOCK:
                    if first:
                        raise CaptureError("a pcapng section header with an impossible length")
                    self.damage = "a section header with an impossible length"
                    return
                body = read(body_length)
                if len(body) < body_length:
                    self.damage = "the capture is cut short in a section header"
                    return
                first = False
                continue
            if first:
                raise CaptureError("a pcapng file must start with a section header")
            kind, length = struct.unpack(order + "II", head)
            if length < 12 or length % 4 or length > MAX_BLOCK:
                self.damage = f"a block after frame {number} has an impossible length ({length})"
                return
            body = read(length - 8)
            if len(body) < length - 8:
                if kind in (_EPB, _SPB, _OBSOLETE_PB):
                    self.damage = f"the capture is cut short in the middle of frame {number + 1}"
                else:
                    self.damage = f"the capture is cut short in a block after frame {number}"
                return
            body = body[:-4]
            if kind == _EPB:
                if len(body) < 20:
                    self.damage = f"frame {number + 1} has a block too short for its header"
                    return
                interface, high, low, captured, _original = struct.unpack_from(
                    order + "IIIII", body
                )
                if interface >= len(interfaces) or 20 + captured > len(body):
                    self.damage = (
                        f"frame {number + 1} names an undeclared interface or overruns its block"
                    )
                    return
                linktype, tick, offset = interfaces[interface]
                data = body[20 : 20 + captured]
                process = None
                options_at = 20 + ((captured + 3) & ~3)
                if options_at < len(body) and processes:
                    process = self._process(body, options_at, order, processes)
                number += 1
                self.frames = number
                yield Frame(number, ((high << 32) | low) * tick + offset, linktype, data, process)
            elif kind == _SPB:
                if not interfaces or len(body) < 4:
                    self.damage = f"frame {number + 1} is a simple packet without an interface"
                    return
                linktype, _tick, _offset = interfaces[0]
                (original,) = struct.unpack_from(order + "I", body)
                number += 1
                self.frames = number
                yield Frame(number, 0.0, linktype, body[4 : 4 + original])
            elif kind == _OBSOLETE_PB:
                if len(body) < 20:
                    self.damage = f"frame {number + 1} has a block too short for its header"
                    return
                interface, _drops, high, low, captured, _original = struct.unpack_from(
                    order + "HHIIII", body
                )
                if interface >= len(interfaces) or 20 + captured > len(body):
                    self.damage = f"frame {number + 1} names an undeclared interface"
                    return
                linktype, tick, offset = interfaces[interface]
                number += 1
                self.frames = number
                yield Frame(
                    number, ((high << 32) | low) * tick + offset, linktype, body[20 : 20 + captured]
                )
            elif kind == _IDB:
                if len(body) < 8:
                    self.damage = "an interface description block is too short"
                    return
                if len(interfaces) >= MAX_INTERFACES:
                    self.damage = f"more than {MAX_INTERFACES} interfaces in one section"
                    return
                (linktype,) = struct.unpack_from(order + "H", body)
                tick, offset = 1e-6, 0.0
                for code, value in _options(body, 8, order):
                    if code == _IF_TSRESOL and len(value) >= 1:
                        resolution = value[0]
                        exponent = resolution & 0x7F
                        if exponent <= 64:
                            tick = 2.0**-exponent if resolution & 0x80 else 10.0**-exponent
                    elif code == _IF_TSOFFSET and len(value) >= 8:
                        offset = float(struct.unpack_from(order + "q", value)[0])
                interfaces.append((linktype, tick, offset))
            elif kind == _PIB:
                if len(processes) >= MAX_PROCESSES:
                    self.damage = f"more than {MAX_PROCESSES} process blocks in one section"
                    return
                pid = struct.unpack_from(order + "I", body)[0] if len(body) >= 4 else -1
                name = ""
                for code, value in _options(body, 4, order):
                    if code == _PIB_NAME:
                        name = _text(value)
                processes.append((pid, name))
            # Every other block (name resolution, statistics, custom, decryption
            # secrets) carries nothing this tool uses.

    @staticmethod
    def _process(
        body: bytes, at: int, order: str, processes: list[tuple[int, str]]
    ) -> tuple[int, str] | None:
        found = None
        for code, value in _options(body, at, order):
            if code in (_EPB_PIB_INDEX, _EPB_E_PIB_INDEX) and len(value) >= 4:
                index: int = struct.unpack_from(order + "I", value)[0]
                if index < len(processes):
                    if code == _EPB_PIB_INDEX:
                        return processes[index]
                    found = processes[index]
        return found


def _options(body: bytes, at: int, order: str) -> Iterator[tuple[int, bytes]]:
    """The (code, value) options from *at* in a block body; a malformed tail ends them."""
    header = struct.Struct(order + "HH")
    end = len(body)
    while at + 4 <= end:
        code, length = header.unpack_from(body, at)
        if code == 0:
            return
        at += 4
        if at + length > end:
            return
        yield code, body[at : at + length]
        at += (length + 3) & ~3
