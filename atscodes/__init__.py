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
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._alerts import TLSAlert
from ._base import Code, UnknownCodeError, get
from ._cfnetwork import CFNetworkError, CFStreamErrorDomain
from ._sslstatus import Detector, SSLStatus
from ._urlerror import URLError

if TYPE_CHECKING:
    from ._posix import AddrInfoError, DarwinErrno
    from ._secerror import SecError

__version__ = "0.1.0"

__all__ = [
    "AddrInfoError",
    "CFNetworkError",
    "CFStreamErrorDomain",
    "Code",
    "DarwinErrno",
    "Detector",
    "SSLStatus",
    "SecError",
    "TLSAlert",
    "URLError",
    "UnknownCodeError",
    "get",
]

# Names whose module is imported on first access, not by `import atscodes`: the
# large SecError family and the errno tables.  Log tools start often; the common tables
# above cost a few milliseconds, these would cost as much again.  Type checkers
# and IDEs see the real objects through the TYPE_CHECKING imports above.
_LAZY = {
    "SecError": "_secerror",
    "AddrInfoError": "_posix",
    "DarwinErrno": "_posix",
}


def __getattr__(name: str) -> object:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value: object = getattr(import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
