"""The query worker's side: what a forked worker process does with each job it receives.

A worker (forked by :class:`kg.sparql.timeout.QueryPool`) first closes the
pipes and sockets it inherited and confines itself (:mod:`kg.sandbox`: the store
read-only, no socket), after capping its address space. Then, in a thread of its
own (:func:`in_own_arena`), for each job it runs the safety analysis under the
job's deadline, evaluates the query (:func:`run_job`) and sends the answer back
in pieces (:func:`send_reply`).
"""

from __future__ import annotations

import os
import resource
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection

from kg.collection import freeze_inherited
from kg.errors import KGError, QueryError, QueryTooLarge, SandboxError
from kg.pageworkers import PageJob, WSGIApp, render_page
from kg.sparql import safety
from kg.sparql.results import DEFAULT_BYTE_LIMIT, Answer, serialize_answer
from kg.store.oxigraph import OxigraphStore

CHUNK_BYTES = 1 << 20
"""Bytes per message when a worker sends an answer to the server."""

READY = b"ready"
"""What a worker sends once it has read from the store, before it takes any job."""

WORKER_NICENESS = 5
"""How much lower a worker's CPU priority is than the server's: when queries and pages
keep every core busy, the server process (connections, ``/healthz``) still runs first."""


@dataclass(frozen=True)
class QueryJob:
    """What a worker needs to answer one query."""

    sparql: str
    results_format: str = "json"
    rdf_format: str = "turtle"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None


@dataclass(frozen=True)
class UpdateCheck:
    """A job that analyses an update without running it (updates run in the server process).

    The worker answers ``None`` when the update may run, or the refusal.
    """

    sparql: str
    base_iri: str | None = None


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
        safety.check_update(job.sparql, safety.any_graph, job.base_iri)  # an embedded store
        rehearse_update(job.sparql, job.base_iri)
        return None
    safety.precheck(job.sparql, max_bytes=0)
    safety.check_query(job.sparql, store.has_graph, job.base_iri)
    return evaluate(store, job, row_limit, byte_limit)


def rehearse_update(sparql: str, base_iri: str | None = None) -> None:
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
        pyoxigraph.Store().update(sparql, base_iri=base_iri)
    except SyntaxError as error:
        raise QueryError(f"malformed SPARQL update: {error}") from error
    except (RuntimeError, OSError, ValueError):
        pass


def evaluate(store: OxigraphStore, job: QueryJob, row_limit: int,
             byte_limit: int = DEFAULT_BYTE_LIMIT) -> Answer:
    """Run ``job`` on ``store``; serialise at most ``row_limit`` rows and ``byte_limit`` bytes."""
    answer = store.native_query(job.sparql, default_graphs=job.default_graphs,
                                named_graphs=job.named_graphs, base_iri=job.base_iri)
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


def say_ready(store: OxigraphStore, conn: Connection) -> None:
    """Read from the store once, then tell the server this worker can take jobs.

    A fork copies the store's locks as they were: if one of RocksDB's background
    threads held one, this first read never returns, and the server, waiting for
    :data:`READY`, replaces the worker (:meth:`kg.sparql.timeout.QueryPool._fork`).
    """
    try:
        bool(store.native_query("ASK { ?s ?p ?o }"))
    except (KGError, ValueError, OSError):
        pass  # a store that cannot answer is reported by the job that asks it
    conn.send_bytes(READY)


def serve_jobs(store: OxigraphStore, conn: Connection, row_limit: int, parent: int,
               memory_mb: int = 0, byte_limit: int = DEFAULT_BYTE_LIMIT,
               confined: bool = True, wsgi_app: WSGIApp | None = None) -> None:
    """Worker loop: answer jobs until the pipe closes or the server process is gone.

    A :class:`~kg.pageworkers.PageJob` is rendered by ``wsgi_app``
    (:func:`kg.pageworkers.render_page`), which sends its own reply. The jobs are
    answered in a thread of their own (:func:`in_own_arena`), started once the worker is
    capped (its size read while ``/proc`` is still readable) and confined (which must come
    before any thread); the thread's stack and heap count against ``memory_mb``.
    """
    freeze_inherited()  # the server's objects: never walked (nor copied) by a collection here
    if os.path.isdir("/proc/self/fd"):
        close_inherited_channels(keep=conn.fileno())
    if memory_mb > 0:
        limit_memory(memory_mb)
    refusal = confine_worker(store) if confined else None
    os.nice(WORKER_NICENESS)  # before the thread starts, which inherits it

    def answer_jobs() -> None:
        try:
            say_ready(store, conn)
        except (BrokenPipeError, OSError):
            return
        _answer_jobs(store, conn, row_limit, parent, byte_limit, refusal, wsgi_app)

    in_own_arena(answer_jobs)


def in_own_arena(work: Callable[[], None]) -> None:
    """Run ``work`` in a new thread and wait for it to end.

    Why: glibc's ``malloc`` serves each thread from an arena, and a process's main
    thread from the main heap. A worker forked from the server inherits the server's
    main heap, hundreds of MB at 100,000 articles, holey after its warm-up, and shared
    with the server copy-on-write: on the main thread, every block the store reads and
    every buffer the query engine allocates took a free chunk somewhere in it, copying
    its page from the server first and searching long free lists. A thread started
    after the fork gets an arena of its own (or one of the server's little-used
    ones), so the worker's allocations fill pages of its own, one after the other.
    Measured on the first page of a worker forked from a warmed server at 100,000
    articles (its CPU time, load 2.6-3.4): the busiest dyad's evidence 60 -> 36 ms, the
    busiest actor's page 250 -> 210 ms.

    >>> seen = []
    >>> in_own_arena(lambda: seen.append(threading.current_thread() is threading.main_thread()))
    >>> seen
    [False]
    """
    thread = threading.Thread(target=work, name="kg-worker-jobs")
    thread.start()
    thread.join()


def _answer_jobs(store: OxigraphStore, conn: Connection, row_limit: int, parent: int,
                 byte_limit: int, refusal: SandboxError | None, wsgi_app: WSGIApp | None) -> None:
    while os.getppid() == parent:
        try:
            if not conn.poll(1.0):
                continue
            job = conn.recv()
        except (EOFError, OSError):
            return
        if isinstance(job, PageJob) and refusal is None and wsgi_app is not None:
            try:
                render_page(wsgi_app, job, conn, CHUNK_BYTES)
            except (BrokenPipeError, OSError):  # the server gave up on the page
                return
            continue
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
