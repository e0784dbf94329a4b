"""``annotate --jobs``: one regular file on several processes, output in the input's order.

Two ways, both forking (no ``multiprocessing``, which costs 10 ms to import):

* *Two processes* split the work by kind.  This one, which has not loaded the scanner,
  runs the prefilter (:mod:`atscodes._prefilter`) over the file piece by piece and
  writes the output; a forked one loads the scanner meanwhile and scans the candidate
  lines it is sent, answering with the rewrites.  Loading the scanner (attrs, the code
  families, the grammar) costs about as much as annotating 15 MB, and so it is hidden
  behind the prefilter instead of delaying both processes.  When the scanner has caught
  up, it is sent whole pieces to prefilter itself, so neither waits for long.
* *More processes* take the pieces in turn: each annotates its next piece while the
  others write theirs, and writes it when a token, passed round a ring of pipes, comes.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from typing import IO, Any, Final, NoReturn

__all__ = ["PARALLEL_MIN", "annotate_file", "jobs_for"]

#: Inputs at least this large use every core by default (``--jobs``).
PARALLEL_MIN: Final = 8_000_000
_PIECE_MIN: Final = 1 << 20
_PIECE_MAX: Final = 8 << 20


def jobs_for(stream: IO[bytes], requested: int | None) -> int:
    """How many processes annotate *stream* with: 1 unless it is a regular file."""
    if requested == 1 or not hasattr(os, "fork"):
        return 1
    try:
        fd = stream.fileno()
        info = os.fstat(fd)
        remaining = info.st_size - stream.tell()
    except (OSError, ValueError, io.UnsupportedOperation):
        return 1
    if not stat.S_ISREG(info.st_mode):
        return 1
    if requested is None:
        return _cores() if remaining >= PARALLEL_MIN else 1
    return max(1, min(requested, remaining // _PIECE_MIN + 1))


def _cores() -> int:
    """The cores this process may run on.

    Not the idle ones by the load average: that is a one-minute mean, so it still counts
    the runs that just ended (a script annotating file after file would talk itself down
    to one process), and a core that is busy is shared by the scheduler anyway, so a
    second process there costs little more than its fork.
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


#: How far back from a piece's end to look for a quiet line start (see _quiet_cut).
_QUIET_SPAN: Final = 64 * 1024
#: Lines without a marker before a piece's end, so that the next piece starts as one
#: process would be there: the scanner drops a record after more than two lines between
#: candidate lines (``_Engine.gap``), which these ensure.
_QUIET_LINES: Final = 3


def _quiet_cut(data: bytes, cut: int, floor: int = 0) -> int | None:
    """The last line start at or before *cut* in *data* that follows quiet lines, or None.

    A piece is annotated with a fresh record (:class:`atscodes._scan.Record`, the context
    an NSError dump gives its later lines, an errno name Node prints on the next line);
    one process would still hold the record of the lines just before.  Ending pieces only
    where :data:`_QUIET_LINES` lines without a marker come first makes the two the same.
    *cut* is a line start (after an LF, or the end of *data*); *floor*, where the lines in
    *data* start.  At most :data:`_QUIET_SPAN` bytes back; None when there is no such
    start there (a log with a code on nearly every line): see :func:`_quiet_after`.
    """
    from ._prefilter import has_marker  # noqa: PLC0415 - light: the marker table only

    limit = max(floor, cut - _QUIET_SPAN)
    at = cut
    while at > limit:
        begin, quiet = at, 0
        while quiet < _QUIET_LINES:
            if begin <= floor:
                return None  # too few lines to tell
            line_start = max(floor, data.rfind(b"\n", floor, begin - 1) + 1)
            if has_marker(data[line_start:begin]):
                break
            begin = line_start
            quiet += 1
        else:
            return at
        at = line_start  # every later start has this marker's line among its last lines
    return None


def _quiet_after(fd: int, at: int, end_of_file: int) -> int:
    """The first line start after *at* (a line start) that follows quiet lines, or the end
    of the file: where a piece may end when none could before it (see _quiet_cut).

    Reads forward in windows of :data:`_QUIET_SPAN` bytes, each byte once: linear.
    """
    from ._prefilter import has_marker  # noqa: PLC0415

    quiet = 0
    carry = b""  # the end of a line the last window cut (enough to hold any marker)
    marked = False  # whether the part of that line already passed holds a marker
    while at < end_of_file:
        window = os.pread(fd, min(_QUIET_SPAN, end_of_file - at), at)
        if not window:
            break
        data = carry + window
        base = at - len(carry)
        at += len(window)
        begin = 0
        while True:
            newline = data.find(b"\n", begin)
            if newline == -1:
                break
            marked = marked or has_marker(data[begin : newline + 1])
            quiet = 0 if marked else quiet + 1
            marked = False
            begin = newline + 1
            if quiet >= _QUIET_LINES:
                return base + begin
        rest = data[begin:]
        marked = marked or has_marker(rest)
        carry = rest[-64:]  # (markers are shorter: one split by the window is still seen)
    return end_of_file


def _pieces(fd: int, start: int, size: int, jobs: int) -> list[tuple[int, int]]:
    """(start, end) pieces of the file, each ending just after a line end (or at its end).

    About sixteen per process, so that they finish close together, of 1 to 8 MiB, each
    ended after quiet lines (:func:`_quiet_cut`), further on when there are none near.
    """
    length = max(_PIECE_MIN, min(_PIECE_MAX, size // (jobs * 16) + 1))
    pieces = []
    end_of_file = start + size
    while start < end_of_file:
        end = min(start + length, end_of_file)
        while end < end_of_file:
            probe = os.pread(fd, 1 << 16, end)
            if not probe:
                end = end_of_file
                break
            newline = probe.find(b"\n")
            if newline != -1:
                end += newline + 1
                break
            end += len(probe)
        if end < end_of_file:
            end = _quiet_end(fd, start, end, end_of_file)
        pieces.append((start, end))
        start = end
    return pieces


def _quiet_end(fd: int, start: int, end: int, end_of_file: int) -> int:
    """*end* (a line start in the file, after the piece's *start*) moved back to follow
    quiet lines, as :func:`_quiet_cut` finds them in the bytes before it, or else on to
    the first such place after it (:func:`_quiet_after`)."""
    low = max(start, end - _QUIET_SPAN)
    data = os.pread(fd, end - low, low)
    floor = 0
    if low > start:  # the window starts inside a line: its lines start after an LF
        floor = data.find(b"\n") + 1
    quiet = _quiet_cut(data, len(data), floor) if floor > 0 or low == start else None
    if quiet is not None and low + quiet > start:
        return low + quiet
    return _quiet_after(fd, end, end_of_file)


def _piece_edits(
    fd: int, start: int, end: int, lines: list[tuple[int, int]] | None = None
) -> tuple[list[tuple[int, int, bytes]], bool]:
    """What annotate rewrites in the file's bytes *start* to *end*: (start, end, bytes) each.

    With *lines* (the candidate lines of the piece, found by another process), the piece
    is one buffer of whole lines, none longer than a block; without, it is read in blocks
    as a stream is.  Also returns whether a code was found.
    """
    from ._annotate import _AHEAD_BYTES, BLOCK, _Engine, _run  # noqa: PLC0415 - the scanner

    replaced: list[tuple[int, int, bytes]] = []
    engine = _Engine(None, line_numbers=False, replaced=replaced)
    engine.offset = start
    # The start of the next piece, for a last line that takes its code's domain from there.
    tail = os.pread(fd, _AHEAD_BYTES, end)
    if lines is not None:
        data = os.pread(fd, end - start, start)
        return replaced, bool(engine._regular(data, 0, lines, peek=tail))
    found = False
    blocks = (os.pread(fd, min(BLOCK, end - at), at) for at in range(start, end, BLOCK))
    for _ in _run(engine, blocks, tail=tail):
        found = True
    return replaced, found


def _spliced(data: bytes, start: int, replaced: list[tuple[int, int, bytes]]) -> bytes:
    """*data* (the file from *start* on) with the rewrites made."""
    if not replaced:
        return data
    view = memoryview(data)
    parts: list[bytes | memoryview] = []
    cursor = 0
    for begin, finish, rewritten in replaced:
        parts.append(view[cursor : begin - start])
        parts.append(rewritten)
        cursor = finish - start
    parts.append(view[cursor:])
    return b"".join(parts)


def _piece_output(fd: int, start: int, end: int) -> tuple[bytes, bool]:
    """The annotated copy of the file's bytes *start* to *end*, and whether a code was found."""
    replaced, found = _piece_edits(fd, start, end)
    return _spliced(os.pread(fd, end - start, start), start, replaced), found


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _Turns:
    """Whose turn it is to write: a token passed round a ring of pipes, one per process."""

    def __init__(self, jobs: int) -> None:
        self.pipes = [os.pipe() for _ in range(jobs)]
        os.write(self.pipes[0][1], b"t")  # the parent writes first

    def keep(self, rank: int) -> tuple[int, int]:
        """Close every end but this process's own read end and the next one's write end."""
        mine = self.pipes[rank][0]
        following = self.pipes[(rank + 1) % len(self.pipes)][1]
        for read_end, write_end in self.pipes:
            for end in (read_end, write_end):
                if end not in (mine, following):
                    os.close(end)
        return mine, following


def _share(
    rank: int, jobs: int, fd: int, out_fd: int, pieces: list[tuple[int, int]], turn: tuple[int, int]
) -> bool:
    """Annotate every *jobs*-th piece from *rank* on, writing each when its turn comes."""
    mine, following = turn
    found = False
    for index in range(rank, len(pieces), jobs):
        data, any_found = _piece_output(fd, *pieces[index])
        found = found or any_found
        if not os.read(mine, 1):
            raise _TurnLostError
        _write_all(out_fd, data)
        if index + 1 < len(pieces):
            try:
                os.write(following, b"t")
            except BrokenPipeError:
                raise _TurnLostError from None
    return found


class _TurnLostError(Exception):
    """The process before this one in the ring ended without passing the turn on."""


def annotate_file(stream: IO[bytes], out: IO[bytes], jobs: int) -> bool:
    """Annotate the rest of the regular file *stream* to *out* on *jobs* processes.

    Returns whether any code was found.  See the module's description for how.
    """
    if jobs == 2:
        return _split(stream, out)
    return _ring(stream, out, jobs)


def _ring(stream: IO[bytes], out: IO[bytes], jobs: int) -> bool:
    """The file cut at line ends into pieces, which *jobs* processes take in turn."""
    from . import _annotate  # noqa: F401, PLC0415 - loaded once, before the forks

    fd = stream.fileno()
    start = stream.tell()
    size = os.fstat(fd).st_size - start
    pieces = _pieces(fd, start, size, jobs)
    jobs = max(1, min(jobs, len(pieces)))
    out.flush()
    out_fd = out.fileno()
    turns = _Turns(jobs)
    children: list[int] = []
    for rank in range(1, jobs):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, reports by its exit status
            _child(rank, jobs, fd, out_fd, pieces, turns)
        children.append(pid)
    found = False
    turn = turns.keep(0)
    try:
        found = _share(0, jobs, fd, out_fd, pieces, turn)
    except _TurnLostError:
        pass  # reported below, from the child's exit status
    finally:
        for end in turn:  # a child still waiting for its turn sees the end of its pipe
            os.close(end)
        statuses = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    for status in statuses:
        if status not in (0, 1):
            _raise_for(status)
    stream.seek(start + size)
    return found or 0 in statuses


def _child(
    rank: int, jobs: int, fd: int, out_fd: int, pieces: list[tuple[int, int]], turns: _Turns
) -> None:
    """A forked process's whole life: its share of the pieces, then ``os._exit``."""

    def work() -> int:
        return 0 if _share(rank, jobs, fd, out_fd, pieces, turns.keep(rank)) else 1

    _exit_after(work, ((BrokenPipeError, 141), (_TurnLostError, 75)), errno_status=True)


def _exit_after(
    work: Callable[[], int],
    statuses: tuple[tuple[type[BaseException], int], ...],
    *,
    errno_status: bool,
) -> NoReturn:
    """Run a forked process's *work*, then end the process with the status it says.

    *statuses* map the exceptions that end it on purpose to their exit status (the
    first that matches); with *errno_status* another ``OSError`` exits with its errno
    (see :func:`_raise_for`).  Ctrl-C is 130; anything else is a bug, reported, 70.
    """
    status = 70
    try:
        status = work()
    except BaseException as error:  # a forked process must always end here
        status = _status_of(error, statuses, errno_status=errno_status)
    finally:
        os._exit(status)


def _status_of(
    error: BaseException,
    statuses: tuple[tuple[type[BaseException], int], ...],
    *,
    errno_status: bool,
) -> int:
    """The exit status for *error* (see :func:`_exit_after`); a bug's traceback is printed."""
    for kind, code in statuses:
        if isinstance(error, kind):
            return code
    if errno_status and isinstance(error, OSError):
        return error.errno if error.errno and 2 <= error.errno < 70 else 71
    if isinstance(error, KeyboardInterrupt):
        return 130
    import sys  # noqa: PLC0415 - a bug's report, in the child only
    import traceback  # noqa: PLC0415

    traceback.print_exception(type(error), error, error.__traceback__)
    sys.stderr.flush()
    return 70


def _raise_for(status: int) -> None:
    """Raise in the parent what ended a child with *status*."""
    import errno as errnos  # noqa: PLC0415

    if status == 141:
        raise BrokenPipeError(errnos.EPIPE, os.strerror(errnos.EPIPE))
    if status == 130:
        raise KeyboardInterrupt
    if 2 <= status < 70:
        raise OSError(status, os.strerror(status))
    if status == 75:
        return  # it stopped because another process failed; that one is reported
    raise RuntimeError(f"an annotate process failed (exit status {status})")


# --- two processes: the prefilter here, the scanner in a forked one -------------------------

_BLOCK: Final = 1 << 20  # a piece: at most this much, cut at its last line end
# Pieces read and not written yet, at most; the first _KEEP of them are kept in memory,
# the others read again when written.  The scanner is sent a piece when it has fewer
# than _BUSY to answer, a piece to prefilter too when it has at most _IDLE; when _QUEUE
# pieces wait for it, this process scans one itself.  (The scanner loads in about the
# time 20 pieces take to prefilter here.)
_DEPTH: Final = 64
_KEEP: Final = 8
_IDLE: Final = 2
_BUSY: Final = 6
_QUEUE: Final = 32

_Rewrites = list[tuple[int, int, bytes]]


def _frame(value: Any) -> bytes:
    import marshal  # noqa: PLC0415 - built in, and only the two-process way needs it

    payload = marshal.dumps(value)
    return len(payload).to_bytes(8, "little") + payload


class _Channel:
    """This process's end of the two pipes to the scanner: requests out, answers in.

    Sending never blocks (what the pipe does not take waits in a buffer, written while
    waiting for answers), so that neither process can wait for the other to read.
    """

    def __init__(self, send: int, receive: int) -> None:
        self.send_fd, self.receive_fd = send, receive
        os.set_blocking(send, False)
        self.outgoing = bytearray()
        self.incoming = bytearray()

    def send(self, value: object) -> None:
        self.outgoing += _frame(value)
        self._pump(0)

    def _complete(self) -> bool:
        if len(self.incoming) < 8:
            return False
        return len(self.incoming) >= 8 + int.from_bytes(self.incoming[:8], "little")

    def ready(self) -> bool:
        """Whether an answer has arrived (without waiting)."""
        if not self._complete():
            self._pump(0)
        return self._complete()

    def receive(self) -> tuple[_Rewrites, bool]:
        """The next answer, waiting for it."""
        import marshal  # noqa: PLC0415

        while not self._complete():
            self._pump(None)
        size = int.from_bytes(self.incoming[:8], "little")
        value = marshal.loads(bytes(self.incoming[8 : 8 + size]))
        del self.incoming[: 8 + size]
        replaced, found = value  # marshal keeps tuples tuples
        return replaced, bool(found)

    def finish(self) -> None:
        """Send what is still buffered, then close the request pipe (the scanner's end)."""
        while self.outgoing:
            self._pump(None)
        os.close(self.send_fd)
        self.send_fd = -1

    def _pump(self, timeout: float | None) -> None:
        import select  # noqa: PLC0415

        writing = [self.send_fd] if self.outgoing and self.send_fd >= 0 else []
        readable, writable, _ = select.select([self.receive_fd], writing, [], timeout)
        if writable:
            try:
                written = os.write(self.send_fd, self.outgoing[: 1 << 16])
            except BlockingIOError:
                written = 0
            del self.outgoing[:written]
        if readable:
            chunk = os.read(self.receive_fd, 1 << 20)
            if not chunk:
                raise _TurnLostError
            self.incoming += chunk


def _line_end_after(fd: int, at: int, end_of_file: int) -> int:
    """The offset just after the first LF at or after *at* (or the end of the file)."""
    while at < end_of_file:
        probe = os.pread(fd, 1 << 16, at)
        if not probe:
            break
        newline = probe.find(b"\n")
        if newline != -1:
            return at + newline + 1
        at += len(probe)
    return end_of_file


def _fork_scanner(fd: int) -> tuple[int, _Channel]:
    """Fork the scanning process; its pid and this process's channel to it."""
    requests_read, requests_write = os.pipe()
    answers_read, answers_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, reports by its exit status
        os.close(requests_write)
        os.close(answers_read)
        _scanner(fd, requests_read, answers_write)
    os.close(requests_read)
    os.close(answers_write)
    return pid, _Channel(requests_write, answers_read)


def _split(stream: IO[bytes], out: IO[bytes]) -> bool:
    """Prefilter here, scan in a forked process; pieces of up to a block, cut at line ends."""
    fd = stream.fileno()
    end_of_file = os.fstat(fd).st_size
    out.flush()
    pid, channel = _fork_scanner(fd)
    pieces = _Pieces(fd, out.fileno(), channel, stream.tell(), end_of_file)
    failed = False
    try:
        while pieces.step():
            pass
        channel.finish()
    except _TurnLostError:
        failed = True
    finally:
        for end_fd in (channel.send_fd, channel.receive_fd):
            if end_fd >= 0:
                os.close(end_fd)
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if failed or status != 0:
        _raise_for(status if status != 0 else 70)
    stream.seek(end_of_file)
    return pieces.found


class _Pieces:
    """The pieces read and not yet written, in order, and who annotates each.

    Each piece is read and prefiltered here, and sent to the scanner when it has fewer
    than _BUSY pieces to answer (while it is still loading, they wait here).  When it has
    few and none is waiting, the next piece goes to it unread, to prefilter too.  When
    _QUEUE pieces wait (the scanner is slower: a log dense with codes), this process scans
    the first of them itself, loading the scanner here too.
    """

    def __init__(
        self, fd: int, out_fd: int, channel: _Channel, start: int, end_of_file: int
    ) -> None:
        self.fd, self.out_fd, self.channel = fd, out_fd, channel
        self.at, self.end_of_file = start, end_of_file
        # [start, end, bytes or None (read again), candidate lines or None (whole),
        #  state: "wait" (here, unsent), "sent", or the rewrites and found]
        self.pending: list[list[Any]] = []
        self.remote = 0  # pieces sent and not answered
        self.found = False

    def step(self) -> bool:
        """Do one thing (read a piece, send, scan one here, or wait); False when all is done."""
        self._write_done()
        waiting = [piece for piece in self.pending if piece[4] == "wait"]
        while waiting and self.remote < _BUSY:
            piece = waiting.pop(0)
            self._send(piece)
        if self.at < self.end_of_file and len(waiting) < _QUEUE and len(self.pending) < _DEPTH:
            self._read(whole=self.remote <= _IDLE and not waiting)
            return True
        if waiting:
            piece = waiting[0]
            piece[4] = _piece_edits(self.fd, piece[0], piece[1], piece[3])
            return True
        if not self.pending:
            return self.at < self.end_of_file
        self._write_done(wait=True)
        return True

    def _read(self, *, whole: bool) -> None:
        from ._prefilter import candidates  # noqa: PLC0415
        from ._strip import _last_line_end  # noqa: PLC0415

        at = self.at
        data = os.pread(self.fd, _BLOCK, at)
        cut = len(data) if at + len(data) >= self.end_of_file else _last_line_end(data)
        if cut > 0 and at + cut < self.end_of_file:
            quiet = _quiet_cut(data, cut)
            if quiet is None:
                # No quiet place near the block's end (a code on nearly every line): the
                #   piece goes on to the first one, read as a stream is.
                self.at = _quiet_after(self.fd, at + cut, self.end_of_file)
                self.pending.append([at, self.at, None, None, "wait"])
                return
            cut = quiet
        if cut == 0:  # a line longer than a piece: read as a stream is, wherever it goes
            self.at = _line_end_after(self.fd, at + len(data), self.end_of_file)
            self.pending.append([at, self.at, None, None, "wait"])
            return
        self.at = at + cut
        data = data[:cut] if cut < len(data) else data
        keep = data if len(self.pending) < _KEEP else None
        piece: list[Any] = [at, self.at, keep, None if whole else candidates(data, 0), "wait"]
        self.pending.append(piece)
        if whole:
            self._send(piece)

    def _send(self, piece: list[Any]) -> None:
        # Always in the pieces' order: the answers come back in the order they were sent.
        self.channel.send((piece[0], piece[1], piece[3]))
        piece[4] = "sent"
        self.remote += 1

    def _write_done(self, *, wait: bool = False) -> None:
        """Write the pieces at the front that are done; with *wait*, wait for one."""
        while self.pending:
            start, end, data, _, state = self.pending[0]
            if state == "wait":
                return
            if state == "sent":
                if not (wait or self.channel.ready()):
                    return
                state = self.channel.receive()
                self.remote -= 1
            wait = False
            del self.pending[0]
            replaced, found = state
            self.found = self.found or found
            if data is None:
                data = os.pread(self.fd, end - start, start)
            _write_all(self.out_fd, _spliced(data, start, replaced))


def _read_exact(fd: int, size: int) -> bytes:
    parts: list[bytes] = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            if parts:
                raise _TurnLostError
            return b""
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


def _scanner(fd: int, requests: int, answers: int) -> None:
    """The forked process of the two: loads the scanner, answers requests, ``os._exit``."""
    import marshal  # noqa: PLC0415

    def work() -> int:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # never hold the output open: only the other process writes
        os.close(devnull)
        while True:
            header = _read_exact(requests, 8)
            if not header:
                return 0
            start, end, lines = marshal.loads(
                _read_exact(requests, int.from_bytes(header, "little"))
            )
            if lines is not None:
                lines = [tuple(line) for line in lines]
            _write_all(answers, _frame(_piece_edits(fd, start, end, lines)))

    # A broken pipe or a lost turn: the other process went away, and it reports why.
    _exit_after(work, ((BrokenPipeError, 75), (_TurnLostError, 75)), errno_status=False)
