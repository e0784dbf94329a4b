"""Darwin's ``strerror()`` texts: the words a log prints beside an errno on Apple systems.

``sys_errlist`` of apple-oss-distributions/Libc at tag Libc-1725.0.11 (commit
55b54c0a0c37), ``gen/errlst.c``, indexed by errno, for the values :class:`DarwinErrno`
holds (1 to 106).  These are the texts ``strerror()``, ``perror()`` and every runtime
built on them print on macOS and iOS (Python's ``[Errno 16] Resource busy``, where
xnu's header comment says "Device / Resource busy" and Linux's C library "Device or
resource busy").  The scanner reads an errno as Darwin's when the text beside it is
this one for that number: Linux numbers most errno values above 34 differently, so
"[Errno 104] Connection reset by peer" is Linux's and not Darwin's 104.

Checked against ``tests/upstream/upstream.json`` (``strerror``), re-extracted from the
pinned file by ``tests/upstream/extract_upstream.py``.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LINUX_ONLY_STRERROR", "STRERROR"]

#: errno -> Darwin's strerror() text, as Libc-1725.0.11's sys_errlist gives it.
STRERROR: Final[dict[int, str]] = {
    1: "Operation not permitted",
    2: "No such file or directory",
    3: "No such process",
    4: "Interrupted system call",
    5: "Input/output error",
    6: "Device not configured",
    7: "Argument list too long",
    8: "Exec format error",
    9: "Bad file descriptor",
    10: "No child processes",
    11: "Resource deadlock avoided",
    12: "Cannot allocate memory",
    13: "Permission denied",
    14: "Bad address",
    15: "Block device required",
    16: "Resource busy",
    17: "File exists",
    18: "Cross-device link",
    19: "Operation not supported by device",
    20: "Not a directory",
    21: "Is a directory",
    22: "Invalid argument",
    23: "Too many open files in system",
    24: "Too many open files",
    25: "Inappropriate ioctl for device",
    26: "Text file busy",
    27: "File too large",
    28: "No space left on device",
    29: "Illegal seek",
    30: "Read-only file system",
    31: "Too many links",
    32: "Broken pipe",
    33: "Numerical argument out of domain",
    34: "Result too large",
    35: "Resource temporarily unavailable",
    36: "Operation now in progress",
    37: "Operation already in progress",
    38: "Socket operation on non-socket",
    39: "Destination address required",
    40: "Message too long",
    41: "Protocol wrong type for socket",
    42: "Protocol not available",
    43: "Protocol not supported",
    44: "Socket type not supported",
    45: "Operation not supported",
    46: "Protocol family not supported",
    47: "Address family not supported by protocol family",
    48: "Address already in use",
    49: "Can't assign requested address",
    50: "Network is down",
    51: "Network is unreachable",
    52: "Network dropped connection on reset",
    53: "Software caused connection abort",
    54: "Connection reset by peer",
    55: "No buffer space available",
    56: "Socket is already connected",
    57: "Socket is not connected",
    58: "Can't send after socket shutdown",
    59: "Too many references: can't splice",
    60: "Operation timed out",
    61: "Connection refused",
    62: "Too many levels of symbolic links",
    63: "File name too long",
    64: "Host is down",
    65: "No route to host",
    66: "Directory not empty",
    67: "Too many processes",
    68: "Too many users",
    69: "Disc quota exceeded",
    70: "Stale NFS file handle",
    71: "Too many levels of remote in path",
    72: "RPC struct is bad",
    73: "RPC version wrong",
    74: "RPC prog. not avail",
    75: "Program version wrong",
    76: "Bad procedure for program",
    77: "No locks available",
    78: "Function not implemented",
    79: "Inappropriate file type or format",
    80: "Authentication error",
    81: "Need authenticator",
    82: "Device power is off",
    83: "Device error",
    84: "Value too large to be stored in data type",
    85: "Bad executable (or shared library)",
    86: "Bad CPU type in executable",
    87: "Shared library version mismatch",
    88: "Malformed Mach-o file",
    89: "Operation canceled",
    90: "Identifier removed",
    91: "No message of desired type",
    92: "Illegal byte sequence",
    93: "Attribute not found",
    94: "Bad message",
    95: "EMULTIHOP (Reserved)",
    96: "No message available on STREAM",
    97: "ENOLINK (Reserved)",
    98: "No STREAM resources",
    99: "Not a STREAM",
    100: "Protocol error",
    101: "STREAM ioctl timeout",
    102: "Operation not supported on socket",
    103: "Policy not found",
    104: "State not recoverable",
    105: "Previous owner died",
    106: "Interface output queue is full",
}

#: Linux's strerror() texts for the errno values Darwin's network code reports (the
#: scanner's ``_STRERROR``) where Linux's is no Darwin text at all: what Python prints
#: on Linux beside one of those numbers ("OSError: [Errno 61] No data available" is
#: Linux's ENODATA).  The texts are glibc's ``sysdeps/gnu/errlist.h`` (bminor/glibc at
#: 04e750e75b73) for the names EL2NSYNC to ENOPKG; the numbers are the generic Linux
#: ones of ``asm-generic/errno.h`` (x86, ARM; MIPS, Alpha, SPARC and PA-RISC differ).
#: Where Linux's text for such a number is another Darwin errno's ("Resource deadlock
#: avoided" for 35, Darwin's 11), the Darwin table already refuses it.
LINUX_ONLY_STRERROR: Final[dict[int, str]] = {
    45: "Level 2 not synchronized",
    47: "Level 3 reset",
    48: "Link number out of range",
    49: "Protocol driver not attached",
    50: "No CSI structure available",
    51: "Level 2 halted",
    52: "Invalid exchange",
    53: "Invalid request descriptor",
    54: "Exchange full",
    55: "No anode",
    56: "Invalid request code",
    57: "Invalid slot",
    60: "Device not a stream",
    61: "No data available",
    64: "Machine is not on the network",
    65: "Package not installed",
}
