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
import signal
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from typing import Any

from kg import errors
from kg.errors import KGError, QueryError, QueryTimeout, QueryTooLarge, ServerBusy, StoreError
from kg.pageworkers import PageHead, PageJob
from kg.sparql.results import DEFAULT_BYTE_LIMIT, Answer
from kg.sparql.worker import (CHUNK_BYTES, READY, QueryJob, UpdateCheck, evaluate, limit_memory,
                              serve_jobs)
from kg.store.oxigraph import OxigraphStore

STARTUP_ATTEMPTS = 3
"""Workers forked in turn for one job before the store is reported unreadable."""

__all__ = ["CHUNK_BYTES", "QueryJob", "QueryPool", "StreamedAnswer", "UpdateCheck", "evaluate",
           "limit_memory"]


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
    wsgi_app: Any = None
    startup_timeout: float = 5.0
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _idle: list[_Worker] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: threading.BoundedSemaphore | None = None
    _pids: list[int] = field(default_factory=list)
    _started: list[_Worker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.max_workers)
        # Idle workers die with the pool (apps in tests come and go).
        weakref.finalize(self, _kill_all, self._started)

    def run(self, job: QueryJob | UpdateCheck | PageJob) -> Answer | StreamedAnswer | None:
        """Answer ``job`` within :attr:`timeout` seconds or raise :class:`QueryTimeout`.

        An :class:`UpdateCheck` is answered with ``None`` or its refusal. An answer
        of one piece (:data:`CHUNK_BYTES`) comes back whole; a larger one as a
        :class:`StreamedAnswer` that keeps its worker and slot until read. A
        :class:`~kg.pageworkers.PageJob` (a pool built with ``wsgi_app``) always
        comes back streamed, its :attr:`StreamedAnswer.head` a
        :class:`~kg.pageworkers.PageHead`.
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
            if size > CHUNK_BYTES or size < 0:
                return StreamedAnswer(head, size, lease)
            return replace(head, body=b"".join(lease.pieces()))
        finally:
            if lease is None:
                self._slots.release()
            elif 0 <= size <= CHUNK_BYTES:
                lease.finish(complete=lease.read_all)

    def _run_on(self, worker: _Worker, job: QueryJob | UpdateCheck | PageJob, deadline: float
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
            if isinstance(job, PageJob):
                raise QueryTimeout(f"page not ready after {self.timeout:g} s (KG_PAGE_TIMEOUT); "
                                   "ask for less of it (fewer actors, a narrower filter)")
            raise QueryTimeout(f"query cut after {self.timeout:g} s (KG_QUERY_TIMEOUT); "
                               "narrow it with more specific patterns or a LIMIT")
        if status == "error":
            self._give_back(worker)
            raise _error_class(str(value))(str(message))
        if value is None:
            self._give_back(worker)
            return None, 0
        assert isinstance(value, (Answer, PageHead)) and isinstance(message, int)
        return value, message

    def _give_back(self, worker: _Worker) -> None:
        worker.jobs += 1
        with self._lock:
            self._idle.append(worker)

    def _too_large(self) -> QueryTooLarge:
        return QueryTooLarge(f"query stopped: it needed more than {self.memory_mb} MB "
                             "(KG_QUERY_MEMORY_MB); narrow it with more specific patterns, "
                             "fewer sorted rows or a LIMIT")

    def prestart(self) -> int:
        """Fork idle workers now, up to :attr:`max_workers`; return how many were forked.

        A fork costs more as the server grows (the page tables of a server that
        holds a 100,000-article store's indexes), so a server forks its workers
        before it answers, not on its first requests.
        """
        workers = [self._fork() for _ in range(self.max_workers - len(self._idle))]
        with self._lock:
            self._idle.extend(workers)
        return len(workers)

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
        """A worker that has read from the store; one that hangs doing so is replaced.

        A fork can copy a RocksDB lock held by one of the store's background
        threads (flush, compaction), and the copy is never released: such a
        worker hangs at its first read. A fork a moment later does not.
        """
        for _ in range(STARTUP_ATTEMPTS):
            worker = self._fork_once()
            if worker.conn.poll(self.startup_timeout):
                try:
                    if worker.conn.recv_bytes() == READY:
                        return worker
                except (EOFError, OSError):
                    pass
            worker.kill()
        raise StoreError(f"no query worker could read the store in {STARTUP_ATTEMPTS} "
                         f"attempts of {self.startup_timeout:g} s")

    def _fork_once(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        with self.write_lock:
            parent_end, child_end = context.Pipe()
            generation = self.store.generation
            process = context.Process(target=serve_jobs, daemon=True, name="kg-query-worker",
                                      args=(self.store, child_end, self.row_limit, os.getpid(),
                                            self.memory_mb, self.byte_limit, self.confined,
                                            self.wsgi_app))
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
        with self.write_lock:
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

    def __init__(self, head: Answer | PageHead, size: int, lease: _Lease) -> None:
        self.head, self.size = head, size
        self.media_type = getattr(head, "media_type", "")
        self.truncated = getattr(head, "truncated", False)
        self.count, self.cut = getattr(head, "count", None), getattr(head, "cut", None)
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
