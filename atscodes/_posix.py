"""``DarwinErrno`` and ``AddrInfoError``: the second half of CFStream pairs in domains 1 and 12.

A pair such as ``[1:54]`` is a ``kCFStreamErrorDomainPOSIX`` errno *as numbered
on Darwin*: 54 is ``ECONNRESET`` there but ``EXFULL`` on Linux, so Python's
:mod:`errno` module gives the wrong answer for Apple logs read on Linux.

``DarwinErrno``: the ``E*`` values of ``bsd/sys/errno.h`` in
apple-oss-distributions/xnu at tag xnu-11417.121.6 (commit a1e26a70f38d) as a
user-space POSIX (``__DARWIN_UNIX03``) program sees them: ``EOPNOTSUPP`` is 102
(the header's pre-UNIX03 spelling makes it an alias of ``ENOTSUP``, 45, which
modern code never sees), ``EWOULDBLOCK`` is an alias of ``EAGAIN``.  Left out:
``ELAST`` (a marker equal to the largest value, not an error), the kernel-only
codes (``ERESTART``, ``EJUSTRETURN`` …, under ``#ifdef KERNEL``), and
``ENOTCAPABLE`` (107), which Libc-1725's ``sys_errlist`` names but which no xnu
header we could read defines yet.

``AddrInfoError``: the ``EAI_*`` codes of ``lookup.subproj/netdb.h`` in
apple-oss-distributions/Libinfo at tag Libinfo-600 (commit 39b70c515bae), the
``getaddrinfo`` errors a ``kCFStreamErrorDomainNetDB`` pair (``[12:8]``) carries.
``EAI_MAX`` (one past the last code) is left out.
"""

from __future__ import annotations

from typing import Final

from ._base import Code, register

__all__ = ["AddrInfoError", "DarwinErrno"]

_ERRNO_H: Final = "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/errno.h"
_NETDB_H: Final = "apple-oss-distributions/Libinfo Libinfo-600 lookup.subproj/netdb.h"


class DarwinErrno(Code):
    """A Darwin ``errno`` value (``NSPOSIXErrorDomain``, ``kCFStreamErrorDomainPOSIX``)."""

    EPERM = 1, "Caller lacks privilege for the operation", _ERRNO_H
    ENOENT = 2, "Path or file does not exist", _ERRNO_H
    ESRCH = 3, "Target process does not exist", _ERRNO_H
    EINTR = 4, "Call interrupted by a signal", _ERRNO_H
    EIO = 5, "Low-level I/O failure", _ERRNO_H
    ENXIO = 6, "Device missing or not configured", _ERRNO_H
    E2BIG = 7, "Exec arguments/environment too large", _ERRNO_H
    ENOEXEC = 8, "File is not a valid executable", _ERRNO_H
    EBADF = 9, "Invalid or closed file descriptor", _ERRNO_H
    ECHILD = 10, "No child processes to wait for", _ERRNO_H
    EDEADLK = 11, "Lock would cause a deadlock", _ERRNO_H
    ENOMEM = 12, "Out of memory", _ERRNO_H
    EACCES = 13, "Access denied by permissions", _ERRNO_H
    EFAULT = 14, "Invalid memory address passed", _ERRNO_H
    ENOTBLK = 15, "Block device was required", _ERRNO_H
    EBUSY = 16, "Device or resource is in use", _ERRNO_H
    EEXIST = 17, "Target already exists", _ERRNO_H
    EXDEV = 18, "Link or rename across filesystems", _ERRNO_H
    ENODEV = 19, "Device does not support this operation", _ERRNO_H
    ENOTDIR = 20, "Path component is not a directory", _ERRNO_H
    EISDIR = 21, "Target is a directory", _ERRNO_H
    EINVAL = 22, "Invalid argument supplied", _ERRNO_H
    ENFILE = 23, "System-wide open file table full", _ERRNO_H
    EMFILE = 24, "Per-process descriptor limit reached", _ERRNO_H
    ENOTTY = 25, "Device does not support this ioctl", _ERRNO_H
    ETXTBSY = 26, "Executable file is busy", _ERRNO_H
    EFBIG = 27, "File size limit exceeded", _ERRNO_H
    ENOSPC = 28, "Storage device is full", _ERRNO_H
    ESPIPE = 29, "Seek on a pipe or socket", _ERRNO_H
    EROFS = 30, "Filesystem is mounted read-only", _ERRNO_H
    EMLINK = 31, "Hard link count limit reached", _ERRNO_H
    EPIPE = 32, "Write to pipe/socket with no reader", _ERRNO_H
    EDOM = 33, "Math argument outside function domain", _ERRNO_H
    ERANGE = 34, "Math result out of representable range", _ERRNO_H
    EAGAIN = 35, "Resource temporarily unavailable; retry later", _ERRNO_H
    EWOULDBLOCK = EAGAIN
    EINPROGRESS = 36, "Non-blocking operation started, not finished", _ERRNO_H
    EALREADY = 37, "Operation already pending on this object", _ERRNO_H
    ENOTSOCK = 38, "Descriptor is not a socket", _ERRNO_H
    EDESTADDRREQ = 39, "Socket needs a destination address", _ERRNO_H
    EMSGSIZE = 40, "Message too large for socket", _ERRNO_H
    EPROTOTYPE = 41, "Protocol mismatched with socket type", _ERRNO_H
    ENOPROTOOPT = 42, "Unknown or unavailable protocol option", _ERRNO_H
    EPROTONOSUPPORT = 43, "Protocol is not supported", _ERRNO_H
    ESOCKTNOSUPPORT = 44, "Socket type is not supported", _ERRNO_H
    ENOTSUP = 45, "Operation is not supported", _ERRNO_H
    EPFNOSUPPORT = 46, "Protocol family is not supported", _ERRNO_H
    EAFNOSUPPORT = 47, "Address family unsupported by protocol", _ERRNO_H
    EADDRINUSE = 48, "Local address already in use", _ERRNO_H
    EADDRNOTAVAIL = 49, "Requested address not available locally", _ERRNO_H
    ENETDOWN = 50, "Network interface is down", _ERRNO_H
    ENETUNREACH = 51, "No route to the network", _ERRNO_H
    ENETRESET = 52, "Network reset dropped the connection", _ERRNO_H
    ECONNABORTED = 53, "Connection aborted locally", _ERRNO_H
    ECONNRESET = 54, "Peer reset the connection", _ERRNO_H
    ENOBUFS = 55, "Out of network buffer space", _ERRNO_H
    EISCONN = 56, "Socket is already connected", _ERRNO_H
    ENOTCONN = 57, "Socket is not connected", _ERRNO_H
    ESHUTDOWN = 58, "Socket already shut down for sending", _ERRNO_H
    ETOOMANYREFS = 59, "Too many references to a kernel object", _ERRNO_H
    ETIMEDOUT = 60, "Operation or connection timed out", _ERRNO_H
    ECONNREFUSED = 61, "Remote host refused the connection", _ERRNO_H
    ELOOP = 62, "Too many symbolic links in path", _ERRNO_H
    ENAMETOOLONG = 63, "File or path name too long", _ERRNO_H
    EHOSTDOWN = 64, "Remote host is down", _ERRNO_H
    EHOSTUNREACH = 65, "No route to the host", _ERRNO_H
    ENOTEMPTY = 66, "Directory is not empty", _ERRNO_H
    EPROCLIM = 67, "Process count limit reached", _ERRNO_H
    EUSERS = 68, "User count limit reached", _ERRNO_H
    EDQUOT = 69, "Disk quota exceeded", _ERRNO_H
    ESTALE = 70, "Stale NFS file handle", _ERRNO_H
    EREMOTE = 71, "Too many remote path levels", _ERRNO_H
    EBADRPC = 72, "Malformed RPC structure", _ERRNO_H
    ERPCMISMATCH = 73, "RPC version mismatch", _ERRNO_H
    EPROGUNAVAIL = 74, "RPC program not available", _ERRNO_H
    EPROGMISMATCH = 75, "RPC program version mismatch", _ERRNO_H
    EPROCUNAVAIL = 76, "RPC procedure not available", _ERRNO_H
    ENOLCK = 77, "No file locks available", _ERRNO_H
    ENOSYS = 78, "Function not implemented", _ERRNO_H
    EFTYPE = 79, "Wrong file type or format", _ERRNO_H
    EAUTH = 80, "Authentication failed", _ERRNO_H
    ENEEDAUTH = 81, "Authenticator required", _ERRNO_H
    EPWROFF = 82, "Device power is off", _ERRNO_H
    EDEVERR = 83, "Generic device error", _ERRNO_H
    EOVERFLOW = 84, "Value too large for data type", _ERRNO_H
    EBADEXEC = 85, "Executable image is bad", _ERRNO_H
    EBADARCH = 86, "Executable CPU type unsupported", _ERRNO_H
    ESHLIBVERS = 87, "Shared library version mismatch", _ERRNO_H
    EBADMACHO = 88, "Mach-O file is malformed", _ERRNO_H
    ECANCELED = 89, "Operation was canceled", _ERRNO_H
    EIDRM = 90, "IPC identifier was removed", _ERRNO_H
    ENOMSG = 91, "No message of requested type", _ERRNO_H
    EILSEQ = 92, "Invalid byte or character sequence", _ERRNO_H
    ENOATTR = 93, "Extended attribute not found", _ERRNO_H
    EBADMSG = 94, "Message is malformed", _ERRNO_H
    EMULTIHOP = 95, "Reserved (multihop attempted)", _ERRNO_H
    ENODATA = 96, "No STREAM message available", _ERRNO_H
    ENOLINK = 97, "Reserved (link severed)", _ERRNO_H
    ENOSR = 98, "Out of STREAM resources", _ERRNO_H
    ENOSTR = 99, "Descriptor is not a STREAM", _ERRNO_H
    EPROTO = 100, "Protocol error", _ERRNO_H
    ETIME = 101, "STREAM ioctl timed out", _ERRNO_H
    EOPNOTSUPP = 102, "Socket operation is not supported", _ERRNO_H
    ENOPOLICY = 103, "No matching policy registered", _ERRNO_H
    ENOTRECOVERABLE = 104, "Protected state cannot be recovered", _ERRNO_H
    EOWNERDEAD = 105, "Previous mutex owner died", _ERRNO_H
    EQFULL = 106, "Interface output queue is full", _ERRNO_H


register(DarwinErrno, 0, 2**31 - 1)


class AddrInfoError(Code):
    """A Darwin ``getaddrinfo`` error (``EAI_*``), as in ``kCFStreamErrorDomainNetDB`` pairs."""

    EAI_ADDRFAMILY = 1, "Host has no addresses in requested family", _NETDB_H
    EAI_AGAIN = 2, "Temporary name resolution failure; retry later", _NETDB_H
    EAI_BADFLAGS = 3, "Invalid ai_flags value in hints", _NETDB_H
    EAI_FAIL = 4, "Permanent name resolution failure", _NETDB_H
    EAI_FAMILY = 5, "Requested address family not supported", _NETDB_H
    EAI_MEMORY = 6, "Out of memory during lookup", _NETDB_H
    EAI_NODATA = 7, "Host name exists but has no addresses", _NETDB_H
    EAI_NONAME = 8, "Host or service unknown, or neither given", _NETDB_H
    EAI_SERVICE = 9, "Service not available for socket type", _NETDB_H
    EAI_SOCKTYPE = 10, "Requested socket type not supported", _NETDB_H
    EAI_SYSTEM = 11, "System error; consult errno", _NETDB_H
    EAI_BADHINTS = 12, "Invalid hints structure supplied", _NETDB_H
    EAI_PROTOCOL = 13, "Resolved protocol is unknown", _NETDB_H
    EAI_OVERFLOW = 14, "Caller-supplied buffer too small", _NETDB_H


register(AddrInfoError, -(2**31), 2**31 - 1)
