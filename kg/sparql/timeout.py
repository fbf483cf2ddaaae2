"""A hard query timeout and a row cap: queries run in worker processes that can be killed.

pyoxigraph has no query timeout and no way to cancel a query. Measured here
on a 1M-triple memory store: ``SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c .
?d ?e ?f }`` spends ~10 minutes inside ``Store.query()`` (aggregates are
evaluated before the first row), so a deadline checked while iterating rows
cannot cut it; pyoxigraph does release the GIL, so a thread would keep the
server answering but would burn a core until the query ends. What does cut it
is a process: each query runs in a worker process forked from the server
(it shares the store's memory copy-on-write, so nothing is copied or
reloaded), and the server waits for the answer at most ``timeout`` seconds,
then SIGKILLs the worker and answers 503. The cut takes effect at the
deadline whatever the query does.

Workers are kept between queries (a fork of a 1 GB process costs ~25 ms,
too much per query): a :class:`QueryPool` hands an idle worker to each
query, forks a new one when none is idle (up to ``max_workers``; beyond that
a query waits for one, within its own deadline), and replaces a worker that
was killed or whose store snapshot is older than the store
(:attr:`kg.store.base.Store.generation`, bumped by every write). Forking
happens under :meth:`QueryPool.writing`'s lock, so a worker never starts in
the middle of a write made through it.

A deadline bounds time, not answer size: the worker serialises at most
``byte_limit`` bytes (:func:`~kg.sparql.results.serialize_answer`, the answer is
then cut and flagged like the row cap) and holds them in its own memory. It
sends them to the server in pieces of :data:`CHUNK_BYTES`; an answer of more
than one piece comes back as a :class:`StreamedAnswer`, which the web layer
streams to the client piece by piece, so the server never holds a whole large
answer. The worker (and its slot) stays with that answer until the last piece
is read, or is killed if the reader gives up.

Slots: at most ``max_workers`` queries run at once; a query that finds none
free waits for one within its own deadline, then gets
:class:`~kg.errors.ServerBusy` (503 with ``Retry-After``).

A deadline bounds time, not memory: an ``ORDER BY`` over a cross join can
allocate gigabytes within seconds. With ``memory_mb`` set, each worker caps its
own address space (``RLIMIT_AS``) at its size when forked plus that budget; a
query that needs more fails inside the worker (an allocation fails and the
worker dies, or Python raises ``MemoryError``) and is answered with
:class:`~kg.errors.QueryTooLarge`, while the server's memory is untouched.

Examples
--------
>>> from kg.store import open_store
>>> pool = QueryPool(open_store("memory:"), timeout=5, row_limit=10)
>>> pool.run(QueryJob("ASK { ?s ?p ?o }")).body
b'{"head":{},"boolean":false}'
>>> pool.close()
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import stat
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection

from kg import errors
from kg.errors import (KGError, QueryError, QueryTimeout, QueryTooLarge, SandboxError,
                       ServerBusy, StoreError)
from kg.sparql import safety
from kg.sparql.results import DEFAULT_BYTE_LIMIT, Answer, serialize_answer
from kg.store.oxigraph import OxigraphStore

CHUNK_BYTES = 1 << 20
"""Bytes per message when a worker sends an answer to the server."""


@dataclass(frozen=True)
class QueryJob:
    """What a worker needs to answer one query."""

    sparql: str
    results_format: str = "json"
    rdf_format: str = "turtle"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdateCheck:
    """A job that analyses an update without running it (updates run in the server process).

    The worker answers ``None`` when the update may run, or the refusal.
    """

    sparql: str


def run_job(store: OxigraphStore, job: QueryJob | UpdateCheck, row_limit: int,
            byte_limit: int = DEFAULT_BYTE_LIMIT) -> Answer | None:
    """What a worker does with a job: the safety analysis, under the job's deadline, then the query.

    The analysis is :func:`kg.sparql.safety.precheck`'s nesting bound, then
    the parse-tree checks (the size was checked before the job was sent).

    An update is also rehearsed on an empty in-memory store, so that text the
    engine cannot digest (a parser crash) costs a worker, never the server.

    >>> from kg.store import open_store
    >>> run_job(open_store("memory:"), QueryJob("SELECT * { SERVICE <http://x/> {} }"), 10)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE is not allowed (line 1, column 12): this endpoint only reads its own store
    """
    if isinstance(job, UpdateCheck):
        safety.precheck(job.sparql, max_bytes=0, kind="update")
        safety.check_update(job.sparql, store.has_graph)
        rehearse_update(job.sparql)
        return None
    safety.precheck(job.sparql, max_bytes=0)
    safety.check_query(job.sparql, store.has_graph)
    return evaluate(store, job, row_limit, byte_limit)


def rehearse_update(sparql: str) -> None:
    """Run ``sparql`` on an empty in-memory store: raise :class:`QueryError` if it is malformed.

    Errors that depend on the store's content (a graph that does not exist)
    are left to the real run.

    >>> rehearse_update("INSERT DATA { <a> <b> <c> }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: malformed SPARQL update: error at 1:20: expected GRAPH
    """
    import pyoxigraph

    try:
        pyoxigraph.Store().update(sparql)
    except SyntaxError as error:
        raise QueryError(f"malformed SPARQL update: {error}") from error
    except (RuntimeError, OSError, ValueError):
        pass


def evaluate(store: OxigraphStore, job: QueryJob, row_limit: int,
             byte_limit: int = DEFAULT_BYTE_LIMIT) -> Answer:
    """Run ``job`` on ``store``; serialise at most ``row_limit`` rows and ``byte_limit`` bytes."""
    answer = store.native_query(job.sparql, default_graphs=job.default_graphs,
                                named_graphs=job.named_graphs)
    try:
        return serialize_answer(answer, results_format=job.results_format,
                                rdf_format=job.rdf_format, row_limit=row_limit,
                                byte_limit=byte_limit)
    except (OSError, RuntimeError, ValueError, SyntaxError) as error:
        raise QueryError(f"query failed: {error}") from error


def close_inherited_channels(keep: int) -> None:
    """Close the pipes and sockets a forked worker inherited, except ``keep``.

    A worker needs only its own pipe (and the store's files). Holding the
    server's listening socket, its client connections or other children's
    pipes would keep them open after their owner closed them: a port stays
    bound, a client never sees EOF, a parent waiting for a child's pipe hangs.
    """
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd == keep or fd <= 2:
            continue
        try:
            mode = os.fstat(fd).st_mode
        except OSError:  # the directory listing's own descriptor, already gone
            continue
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            os.close(fd)


def address_space_bytes() -> int:
    """This process's virtual memory size (``VmSize``), 0 where ``/proc`` is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_memory(budget_mb: int) -> None:
    """Cap this process's address space at its current size plus ``budget_mb`` MiB.

    The forked worker already maps the server's memory (shared copy-on-write),
    so the cap is relative to that size, not absolute.
    """
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = address_space_bytes() + budget_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def confine_worker(store: OxigraphStore) -> SandboxError | None:
    """Take the network and every file but the store's away from this worker, for good.

    Returns the reason when the kernel cannot do it: the worker then refuses
    every job (fail closed) instead of evaluating queries unconfined.
    """
    from kg.sandbox import confine, worker_confinement

    try:
        confine(worker_confinement(store.path))
    except SandboxError as error:
        return error
    return None


def send_reply(conn: Connection, reply: tuple[str, object, object]) -> None:
    """Send a worker's reply: errors whole; an answer as its head, its body in pieces, then b""."""
    status, answer, _ = reply
    if status != "ok" or not isinstance(answer, Answer):
        conn.send(reply)
        return
    conn.send((status, replace(answer, body=b""), len(answer.body)))
    for start in range(0, len(answer.body), CHUNK_BYTES):
        conn.send_bytes(answer.body, start, min(CHUNK_BYTES, len(answer.body) - start))
    conn.send_bytes(b"")


def _serve(store: OxigraphStore, conn: Connection, row_limit: int, parent: int,
           memory_mb: int = 0, byte_limit: int = DEFAULT_BYTE_LIMIT,
           confined: bool = True) -> None:
    """Worker loop: answer jobs until the pipe closes or the server process is gone."""
    if os.path.isdir("/proc/self/fd"):
        close_inherited_channels(keep=conn.fileno())
    if memory_mb > 0:
        limit_memory(memory_mb)
    refusal = confine_worker(store) if confined else None
    while os.getppid() == parent:
        try:
            if not conn.poll(1.0):
                continue
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if refusal is not None:
                raise refusal
            reply: tuple[str, object, object] = ("ok", run_job(store, job, row_limit,
                                                               byte_limit), None)
        except KGError as error:
            reply = ("error", type(error).__name__, error.message)
        except MemoryError:
            reply = ("error", QueryTooLarge.__name__, "out of memory")
        try:
            send_reply(conn, reply)
        except (BrokenPipeError, OSError):
            return
        del reply  # it may hold an answer as large as the byte cap: free it before the next


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    generation: int
    jobs: int = 0

    def kill(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


@dataclass
class QueryPool:
    """Forked query workers over one Oxigraph store, with a deadline per query."""

    store: OxigraphStore
    timeout: float
    row_limit: int
    max_workers: int = 4
    memory_mb: int = 0
    byte_limit: int = DEFAULT_BYTE_LIMIT
    confined: bool = True
    _idle: list[_Worker] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _write_lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: threading.BoundedSemaphore | None = None
    _pids: list[int] = field(default_factory=list)
    _started: list[_Worker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.max_workers)
        # Idle workers die with the pool (apps in tests come and go).
        weakref.finalize(self, _kill_all, self._started)

    def run(self, job: QueryJob | UpdateCheck) -> Answer | StreamedAnswer | None:
        """Answer ``job`` within :attr:`timeout` seconds or raise :class:`QueryTimeout`.

        An :class:`UpdateCheck` is answered with ``None`` or its refusal. An answer
        of one piece (:data:`CHUNK_BYTES`) comes back whole; a larger one as a
        :class:`StreamedAnswer` that keeps its worker and slot until read.
        """
        deadline = time.monotonic() + self.timeout
        assert self._slots is not None
        if not self._slots.acquire(timeout=self.timeout):
            raise ServerBusy(f"all {self.max_workers} query workers stayed busy for "
                             f"{self.timeout:g} s; try again later",
                             retry_after=max(1, round(self.timeout)))
        lease = None
        try:
            worker = self._checkout()
            head, size = self._run_on(worker, job, deadline)
            if head is None:  # an update check that passed
                return None
            lease = _Lease(self, worker)
            if size > CHUNK_BYTES:
                return StreamedAnswer(head, size, lease)
            return replace(head, body=b"".join(lease.pieces()))
        finally:
            if lease is None:
                self._slots.release()
            elif size <= CHUNK_BYTES:
                lease.finish(complete=lease.read_all)

    def _run_on(self, worker: _Worker, job: QueryJob | UpdateCheck, deadline: float
                ) -> tuple[Answer | None, int]:
        """Send ``job``; return the answer's head and body size (the body is still to read).

        A passed :class:`UpdateCheck` returns ``(None, 0)`` and its worker is given back.
        """
        try:
            worker.conn.send(job)
            ready = worker.conn.poll(max(deadline - time.monotonic(), 0.0))
            status, value, message = worker.conn.recv() if ready else ("timeout", None, None)
        except (EOFError, OSError) as error:
            worker.kill()
            if self.memory_mb > 0 and worker.process.exitcode == -signal.SIGABRT:
                raise self._too_large() from error  # Rust aborts when an allocation fails
            if worker.process.exitcode == -signal.SIGSEGV:  # a native stack overflow
                raise QueryError("the SPARQL engine crashed on this text (nested too deeply?); "
                                 "it was not run") from error
            raise StoreError(f"query worker died: {error or 'no answer'}") from error
        if status == "error" and value == QueryTooLarge.__name__:
            worker.kill()  # its heap may be fragmented near the cap; start afresh
            raise self._too_large()
        if status == "timeout":
            worker.kill()
            raise QueryTimeout(f"query cut after {self.timeout:g} s (KG_QUERY_TIMEOUT); "
                               "narrow it with more specific patterns or a LIMIT")
        if status == "error":
            self._give_back(worker)
            raise _error_class(str(value))(str(message))
        if value is None:
            self._give_back(worker)
            return None, 0
        assert isinstance(value, Answer) and isinstance(message, int)
        return value, message

    def _give_back(self, worker: _Worker) -> None:
        worker.jobs += 1
        with self._lock:
            self._idle.append(worker)

    def _too_large(self) -> QueryTooLarge:
        return QueryTooLarge(f"query stopped: it needed more than {self.memory_mb} MB "
                             "(KG_QUERY_MEMORY_MB); narrow it with more specific patterns, "
                             "fewer sorted rows or a LIMIT")

    def _checkout(self) -> _Worker:
        while True:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                return self._fork()
            if worker.generation == self.store.generation and worker.process.is_alive():
                return worker
            worker.kill()

    def _fork(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        with self._write_lock:
            parent_end, child_end = context.Pipe()
            generation = self.store.generation
            process = context.Process(target=_serve, daemon=True, name="kg-query-worker",
                                      args=(self.store, child_end, self.row_limit, os.getpid(),
                                            self.memory_mb, self.byte_limit, self.confined))
            process.start()
        child_end.close()
        self._pids.append(process.pid or 0)
        worker = _Worker(process, parent_end, generation)
        with self._lock:
            self._started[:] = [w for w in self._started if w.process.is_alive()] + [worker]
        return worker

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold while writing to the store: no worker is forked mid-write."""
        with self._write_lock:
            yield

    @property
    def forks(self) -> int:
        """How many workers were started so far."""
        return len(self._pids)

    def close(self) -> None:
        """Stop every worker, idle or busy (a busy one's query gets no answer)."""
        with self._lock:
            self._idle.clear()
            _kill_all(self._started)


class _Lease:
    """A worker and its slot, held by one answer until its body is read (or abandoned)."""

    def __init__(self, pool: QueryPool, worker: _Worker) -> None:
        self.pool, self.worker = pool, worker
        self.read_all = self.done = False

    def pieces(self) -> Iterator[bytes]:
        """The answer's body as the worker sends it, up to its closing empty piece."""
        try:
            while piece := self.worker.conn.recv_bytes():
                yield piece
        except (EOFError, OSError) as error:
            raise StoreError("query worker died while sending its answer") from error
        self.read_all = True

    def finish(self, complete: bool) -> None:
        """Give the worker back (whole answer read) or kill it (reader gave up); free the slot."""
        if self.done:
            return
        self.done = True
        if complete:
            self.pool._give_back(self.worker)
        else:
            self.worker.kill()
        assert self.pool._slots is not None
        self.pool._slots.release()


class StreamedAnswer:
    """A large answer still in its worker: iterate :meth:`chunks` once, or :meth:`close` it.

    It holds a query worker and a slot until then (and releases them when
    garbage-collected, should nobody do either).
    """

    def __init__(self, head: Answer, size: int, lease: _Lease) -> None:
        self.media_type, self.truncated = head.media_type, head.truncated
        self.count, self.cut, self.size = head.count, head.cut, size
        self._lease = lease
        weakref.finalize(self, lease.finish, False)

    def chunks(self) -> Iterator[bytes]:
        """The body, piece by piece as the worker sends it."""
        try:
            yield from self._lease.pieces()
        finally:
            self._lease.finish(complete=self._lease.read_all)

    @property
    def body(self) -> bytes:
        """The whole body (reads it all: for tests and small callers)."""
        return b"".join(self.chunks())

    def close(self) -> None:
        """Give up on the rest of the body: its worker is killed, the slot freed."""
        self._lease.finish(complete=False)


def _kill_all(workers: list[_Worker]) -> None:
    while workers:
        workers.pop().kill()


def _error_class(name: str) -> type[KGError]:
    found = getattr(errors, name, None)
    return found if isinstance(found, type) and issubclass(found, KGError) else QueryError
