"""Read packet captures and judge their TLS handshakes (``atscodes trace``)."""

from __future__ import annotations

from ._analyse import trace
from ._pcap import CaptureError
from ._report import Alert, Connection, Prediction, Process, TraceReport

__all__ = ["Alert", "CaptureError", "Connection", "Prediction", "Process", "TraceReport", "trace"]
