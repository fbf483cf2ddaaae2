"""Pages rendered in worker processes, so the serving process only moves bytes.

Why: CPython runs one thread of Python at a time. When ``kg serve`` renders
pages in its own threads, each CPU-bound render holds the GIL in 5 ms turns,
and waitress's I/O thread, which gives up the GIL at every ``send()`` and
``recv()``, waits a turn behind every busy thread each time (the "convoy
effect"). Measured with wrk at 128 connections on ``/network.json`` over the
seed: eight page threads in the server let ``/healthz`` take up to 540 ms;
one page thread, 47 ms. Lowering the switch interval did not help.

So ``kg serve`` (through :mod:`web.workers`) sends each ``GET`` and ``HEAD``
(but ``/healthz`` and the SPARQL endpoint, which has its own workers; see
:func:`delegated`) as a :class:`PageJob` to a process of a
:class:`~kg.sparql.timeout.QueryPool`: forked from the server, confined like a
query worker (the store read-only, no socket), replaced when the store
changes, killed at the deadline. The worker runs the same WSGI app
(:func:`render_page`) and sends the status, headers and body back; the server
thread waits on a pipe, without the GIL. Writes (``POST``, ``PUT``, ``DELETE``)
stay in the server, which owns the store.

Examples
--------
>>> job = PageJob.from_environ({"REQUEST_METHOD": "GET", "PATH_INFO": "/",
...                             "wsgi.input": object(), "wsgi.version": (1, 0)})
>>> sorted(job.environ)
['PATH_INFO', 'REQUEST_METHOD', 'wsgi.version']
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

KEPT_TYPES = (str, int, float, bool, tuple, type(None))
"""Environ values a page job carries; streams, callables and server objects stay behind."""

IN_WORKER = "kg.page_worker"
"""The environ key that marks a request being rendered in a page worker."""

IN_SERVER_PATHS = frozenset({"/healthz", "/sparql"})
"""Paths the server answers itself: the health check, and the endpoint with its own workers."""


@dataclass(frozen=True)
class PageJob:
    """One ``GET`` or ``HEAD`` request, as a worker needs it: the WSGI environ's plain values."""

    environ: dict[str, Any]

    @classmethod
    def from_environ(cls, environ: dict[str, Any]) -> PageJob:
        """The plain part of ``environ`` (a page request has no body to forward)."""
        return cls({key: value for key, value in environ.items()
                    if isinstance(value, KEPT_TYPES) and key != "wsgi.input"})

    def worker_environ(self) -> dict[str, Any]:
        """The environ rebuilt in the worker, with an empty body and the worker's stderr."""
        return {**self.environ, "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
                "CONTENT_LENGTH": "0", IN_WORKER: True}


@dataclass(frozen=True)
class PageHead:
    """A rendered page's status line and headers (its body follows in pieces)."""

    status: str
    headers: tuple[tuple[str, str], ...]


def render_page(app: WSGIApp, job: PageJob, conn: Connection, piece_bytes: int) -> None:
    """Worker side: run ``app`` on ``job``; send its head, its body in pieces, then ``b""``."""
    started: list[PageHead] = []

    def start_response(status: str, headers: list[tuple[str, str]],
                       exc_info: object = None) -> Callable[[bytes], None]:
        started[:] = [PageHead(status, tuple(headers))]
        return _no_write

    body = app(job.worker_environ(), start_response)
    try:
        pieces = iter(body)
        first = next(pieces, b"")  # a streamed response starts itself here
        conn.send(("ok", started[0], -1))
        for piece in _coalesced(_chain(first, pieces), piece_bytes):
            conn.send_bytes(piece)
        conn.send_bytes(b"")
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()


def _no_write(_: bytes) -> None:
    raise RuntimeError("the page workers do not support WSGI's write() callable")


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _coalesced(pieces: Iterable[bytes], size: int) -> Iterator[bytes]:
    """``pieces`` regrouped into messages of about ``size`` bytes (none empty).

    >>> list(_coalesced([b"ab", b"", b"cd", b"e"], 3))
    [b'abcd', b'e']
    """
    buffer = bytearray()
    for piece in pieces:
        buffer += piece
        if len(buffer) >= size:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)


def preload_page_code() -> None:
    """Import and read, once in the server, what page workers need on a cold page, so each
    forked worker starts with it: igraph, the view modules, Jinja and the event taxonomy
    (about 0.2 s of a cold ``/network.json`` at 300 synthetic articles), and the edge
    evidence's module, which no warmed page imports (1-3 ms of its first page). One empty
    graph is made, because igraph imports numpy only then (about 0.09 s)."""
    import jinja2  # noqa: F401

    import kg.aggregates.evidence  # noqa: F401
    import kg.views.aggregated  # noqa: F401
    import kg.views.paged  # noqa: F401
    from kg.igraph_serial import igraph_module
    from kg.taxonomy import event_types

    igraph_module().Graph()
    event_types()


def delegated(method: str, path: str) -> bool:
    """Whether a request goes to a page worker: a read of anything but the server's own paths.

    >>> delegated("GET", "/network"), delegated("POST", "/api/articles"), delegated("GET", "/healthz")
    (True, False, False)
    """
    return method in ("GET", "HEAD") and path not in IN_SERVER_PATHS
