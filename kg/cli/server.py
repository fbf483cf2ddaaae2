"""The waitress server behind ``kg serve``, set up for a public endpoint under hostile load.

Measured on waitress's defaults (issue 13): 120 connections that trickle a
byte now and then fill its 100-connection limit and nobody else gets in; four
clients looping a heavy query hold every thread and every query worker, and
a trivial query (or ``/healthz``) waits for the deadline. So:

- **Connections.** ``connection_limit`` is high (1000 by default) and the
  soft ``RLIMIT_NOFILE`` is raised to fit it; waitress polls with ``poll()``
  (``select()`` cannot watch descriptors past 1024).
- **Slow clients.** An idle keep-alive connection is closed after
  ``idle_timeout`` seconds (waitress's ``channel_timeout``), and a request
  that is still arriving ``request_timeout`` seconds after its first byte is
  dropped, however steadily it trickles (waitress alone only counts silence).
  Waitress reads requests in its I/O thread and hands only complete ones to
  a worker thread, so a slow client costs a socket, never a thread.
- **Lanes.** Complete requests go to one of three thread pools by path: the
  SPARQL endpoint (``/sparql``) gets ``query_threads`` threads of its own, where
  a query waits for a query worker without holding a thread that pages need;
  ``/healthz`` gets a thread of its own, so it is never queued behind
  anything; every other page gets ``threads``.
- **Bodies.** A request body over ``max_request_body`` bytes is refused by
  waitress (413) before it is buffered.

The per-client bound on concurrent queries and the answer byte cap live in
the app (:mod:`kg.sparql.admission`, :mod:`kg.sparql.results`).

Examples
--------
>>> Lanes.route("/healthz"), Lanes.route("/sparql"), Lanes.route("/sparql/editor")
('health', 'query', 'pages')
"""

from __future__ import annotations

import resource
import socket
import time
from dataclasses import dataclass
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

RESERVED_FILES = 256
"""Descriptors kept for the store's files, pipes to query workers and logs."""

M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter for the size above which a block gets its own mapping."""

LARGE_BLOCK = 128 * 1024


@dataclass(frozen=True)
class ServerLimits:
    """What one ``kg serve`` accepts: threads per lane, connections, timeouts, body size."""

    threads: int = 8
    query_threads: int = 6
    connection_limit: int = 1000
    idle_timeout: int = 30
    request_timeout: int = 30
    max_request_body: int = 8 * 1024 * 1024

    @property
    def cleanup_interval(self) -> int:
        """Seconds between checks for idle and overdue connections."""
        return max(1, min(self.idle_timeout, self.request_timeout) // 5)


class Lanes:
    """A waitress task dispatcher that gives each lane of requests its own threads."""

    def __init__(self, limits: ServerLimits) -> None:
        self.lanes = {"pages": ThreadedTaskDispatcher(), "query": ThreadedTaskDispatcher(),
                      "health": ThreadedTaskDispatcher()}
        for name, count in (("pages", limits.threads), ("query", limits.query_threads),
                            ("health", 1)):
            self.lanes[name].set_thread_count(count)

    @staticmethod
    def route(path: str) -> str:
        """The lane of a request for ``path``."""
        if path == "/healthz":
            return "health"
        return "query" if path == "/sparql" else "pages"

    def add_task(self, channel: HTTPChannel) -> None:
        """Queue ``channel``'s next request on its lane."""
        path = getattr(channel.requests[0], "path", "") if channel.requests else ""
        self.lanes[self.route(path)].add_task(channel)

    def set_thread_count(self, count: int) -> None:
        """Waitress sizes a single pool with this; the lanes were sized at creation."""

    def shutdown(self, cancel_pending: bool = True, timeout: float = 5) -> bool:
        """Stop every lane's threads."""
        return all([lane.shutdown(cancel_pending, timeout) for lane in self.lanes.values()])


class DeadlineChannel(HTTPChannel):
    """A waitress channel that remembers when its request began, and never spins the I/O loop.

    While a task is writing a response, waitress asks to be woken whenever the
    socket is writable and the channel holds output; but ``handle_write`` sends
    nothing while less than ``send_bytes`` is buffered or while the task holds
    the output lock, and the socket stays writable, so the I/O thread loops
    without sleeping and holds the GIL that the task needs to let go of the
    lock. Measured with 128 connections on /network.json: about 20,000 loops a
    second, almost all idle with the lock held by the task; 33–46 requests/s
    against 440 with 32 connections; /healthz slowed by the same spin. Such a
    channel is not writable: the task pulls the server's trigger when it
    leaves output it could not send and when it finishes, and the loop then
    looks again.
    """

    request_began = 0.0

    def writable(self) -> bool:
        if self.requests and not (self.will_close or self.close_when_flushed):
            return self.total_outbufs_len >= self.adj.send_bytes and self._output_unlocked()
        return bool(super().writable())

    def _output_unlocked(self) -> bool:
        if not self.outbuf_lock.acquire(False):
            return False
        self.outbuf_lock.release()
        return True

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_began = time.time()
        return bool(super().received(data))


class PublicServer(TcpWSGIServer):
    """Waitress's TCP server, also dropping requests that take too long to arrive."""

    channel_class = DeadlineChannel
    request_timeout = 30.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = now - self.request_timeout
        for channel in list(self.active_channels.values()):
            if channel.request is not None and not channel.requests \
                    and channel.request_began < cutoff:
                channel.will_close = True


def raise_open_files(wanted: int) -> int:
    """Raise the soft ``RLIMIT_NOFILE`` towards ``wanted`` (never past the hard limit); return it.

    >>> raise_open_files(64) >= 64
    True
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft


def return_large_blocks(threshold: int = LARGE_BLOCK) -> bool:
    """Give blocks of ``threshold`` bytes or more back to the system as soon as they are freed.

    glibc raises its mmap threshold each time a mapped block is freed, so after
    the first answer the 1 MB pieces of every streamed answer (and the copies
    waitress makes of them) come from the heap, which keeps what it was once
    lent. Measured on two 47 MB answers streamed at once: the server's peak RSS
    grew 10-24 MB with glibc's moving threshold, 6 MB with it fixed at 128 KB.
    Returns False where the C library has no ``mallopt`` or refuses the value
    (musl, macOS): the server runs as before.

    >>> isinstance(return_large_blocks(), bool)
    True
    """
    import ctypes

    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    return bool(mallopt and mallopt(M_MMAP_THRESHOLD, threshold) == 1)


def serve_on(app: Any, listener: socket.socket, limits: ServerLimits) -> PublicServer:
    """The server on an already bound ``listener``, not serving yet (call ``.run()``).

    The threads of the lanes start here, so a process confines itself
    (:mod:`kg.sandbox`) between binding the socket and calling this.
    """
    files = raise_open_files(limits.connection_limit + RESERVED_FILES)
    connections = max(16, min(limits.connection_limit, files - RESERVED_FILES))
    lanes = Lanes(limits)
    sockinfo = (listener.family, listener.type, listener.proto, listener.getsockname())
    server = PublicServer(app, map={}, _sock=listener, bind_socket=False, sockinfo=sockinfo,
                          dispatcher=lanes, connection_limit=connections,
                          channel_timeout=limits.idle_timeout,
                          cleanup_interval=limits.cleanup_interval, asyncore_use_poll=True,
                          max_request_body_size=limits.max_request_body, threads=limits.threads)
    server.request_timeout = float(limits.request_timeout)
    return server
