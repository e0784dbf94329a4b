"""atscodes: Apple's TLS and URL-loading error codes, exact, typed and offline.

The families (each an :class:`enum.IntEnum` named with the exact upstream
spellings, each member with a ``description`` and a ``source``):

* :class:`TLSAlert`: TLS alert descriptions (RFC 8446 …), 0 … 121.
* :class:`SSLStatus`: SecureTransport ``errSSL*`` OSStatus codes, -9800 … -9890.
* :class:`SecError`: Security framework ``errSec*`` codes (loaded on first use).
* :class:`URLError`: ``NSURLErrorDomain`` codes.
* :class:`CFNetworkError`: ``CFNetworkErrors`` (``kCFErrorDomainCFNetwork``).
* :class:`CFStreamErrorDomain`: the domain half of a CFStream pair (``3`` in ``[3:-9802]``).
* :class:`DarwinErrno`, :class:`AddrInfoError`: the code half of ``[1:54]`` and ``[12:8]``.

>>> import atscodes
>>> atscodes.SSLStatus.get(-9802)
<SSLStatus.errSSLFatalAlert: -9802>
>>> [str(i) for i in atscodes.lookup("[3:-9813]")]
['SSLStatus -9813 errSSLNoRootCert: Chain could not be verified up to a root certificate']
>>> sorted(atscodes.alerts_for_status(-9802, atscodes.Layer.URL_LOADING))
[<TLSAlert.handshake_failure: 40>, <TLSAlert.bad_certificate: 42>, \
<TLSAlert.illegal_parameter: 47>, <TLSAlert.access_denied: 49>, <TLSAlert.decode_error: 50>]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._alerts import TLSAlert
    from ._annotate import annotate_text, scan_file, scan_stream
    from ._base import Code, UnknownCodeError, get
    from ._cfnetwork import CFNetworkError, CFStreamErrorDomain
    from ._explain import CauseGroup, Event, Explanation, LogReport, explain, explain_log
    from ._explain import Layer as ErrorLayer
    from ._knowledge_types import ATSAdvice, Claim, Side, Source, Step
    from ._logfilter import FindingsFilter
    from ._lookup import Interpretation, lookup
    from ._posix import AddrInfoError, DarwinErrno
    from ._scan import Finding, scan, scan_lines
    from ._secerror import SecError
    from ._sslstatus import Detector, SSLStatus
    from ._strip import strip_annotations
    from ._trace import TraceReport, trace
    from ._translate import (
        ALERT_MAPPINGS,
        SENT_ALERTS,
        URL_ERROR_EVIDENCE,
        AlertMapping,
        Basis,
        Layer,
        SentAlert,
        URLErrorEvidence,
        alert_mappings,
        alerts_for_status,
        alerts_sent_for_status,
        status_for_alert,
        statuses_for_url_error,
        url_errors_for_status,
    )
    from ._urlerror import URLError

__version__ = "0.1.0"

__all__ = [
    "ALERT_MAPPINGS",
    "SENT_ALERTS",
    "URL_ERROR_EVIDENCE",
    "ATSAdvice",
    "AddrInfoError",
    "AlertMapping",
    "Basis",
    "CFNetworkError",
    "CFStreamErrorDomain",
    "CauseGroup",
    "Claim",
    "Code",
    "DarwinErrno",
    "Detector",
    "ErrorLayer",
    "Event",
    "Explanation",
    "Finding",
    "FindingsFilter",
    "Interpretation",
    "Layer",
    "LogReport",
    "SSLStatus",
    "SecError",
    "SentAlert",
    "Side",
    "Source",
    "Step",
    "TLSAlert",
    "TraceReport",
    "URLError",
    "URLErrorEvidence",
    "UnknownCodeError",
    "alert_mappings",
    "alerts_for_status",
    "alerts_sent_for_status",
    "annotate_text",
    "explain",
    "explain_log",
    "get",
    "lookup",
    "scan",
    "scan_file",
    "scan_lines",
    "scan_stream",
    "status_for_alert",
    "statuses_for_url_error",
    "strip_annotations",
    "trace",
    "url_errors_for_status",
]

# Every name's module is imported on first access, not by `import atscodes`: a log tool
# that starts often pays only for what it uses (`annotate --jobs` reads the log in one
# process without loading a single table; the large SecError family, the errno tables and
# everything built on attrs load only when used).  Type checkers and IDEs see the real
# objects through the TYPE_CHECKING imports above; a test (tests/test_package.py) checks
# that those imports, this table and __all__ agree.
# One name per line, so that additions merge cleanly.
_LAZY: dict[str, str] = {
    "TLSAlert": "_alerts",
    "Code": "_base",
    "UnknownCodeError": "_base",
    "get": "_base",
    "CFNetworkError": "_cfnetwork",
    "CFStreamErrorDomain": "_cfnetwork",
    "Detector": "_sslstatus",
    "SSLStatus": "_sslstatus",
    "URLError": "_urlerror",
    "SecError": "_secerror",
    "AddrInfoError": "_posix",
    "DarwinErrno": "_posix",
    "Interpretation": "_lookup",
    "lookup": "_lookup",
    "Finding": "_scan",
    "scan": "_scan",
    "scan_lines": "_scan",
    "annotate_text": "_annotate",
    "scan_file": "_annotate",
    "scan_stream": "_annotate",
    "strip_annotations": "_strip",
    "FindingsFilter": "_logfilter",
    "CauseGroup": "_explain",
    "ErrorLayer": "_explain",
    "Event": "_explain",
    "Explanation": "_explain",
    "LogReport": "_explain",
    "explain": "_explain",
    "explain_log": "_explain",
    "ATSAdvice": "_knowledge_types",
    "Claim": "_knowledge_types",
    "Side": "_knowledge_types",
    "Source": "_knowledge_types",
    "Step": "_knowledge_types",
    "ALERT_MAPPINGS": "_translate",
    "SENT_ALERTS": "_translate",
    "URL_ERROR_EVIDENCE": "_translate",
    "AlertMapping": "_translate",
    "Basis": "_translate",
    "Layer": "_translate",
    "SentAlert": "_translate",
    "URLErrorEvidence": "_translate",
    "alert_mappings": "_translate",
    "alerts_for_status": "_translate",
    "alerts_sent_for_status": "_translate",
    "status_for_alert": "_translate",
    "statuses_for_url_error": "_translate",
    "url_errors_for_status": "_translate",
    "TraceReport": "_trace",
    "trace": "_trace",
}


def __getattr__(name: str) -> object:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    attribute = "Layer" if name == "ErrorLayer" else name
    value: object = getattr(import_module(f"{__name__}.{module_name}"), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The public API only: not the submodules, `annotations` or TYPE_CHECKING.
    return sorted([*__all__, "__version__"])
