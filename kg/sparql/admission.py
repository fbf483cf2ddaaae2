"""A bound on each client's concurrent queries, so that one client cannot take every worker.

The endpoint runs at most ``max_workers`` queries at once (:mod:`kg.sparql.timeout`).
Without a bound per client, a single client looping a heavy query on a few
connections holds every worker and everybody else waits for the deadline.
:class:`ClientQueries` admits at most ``per_client`` queries at once from one
client address; one more is refused at once with
:class:`~kg.errors.TooManyQueries` (HTTP 429 with ``Retry-After``), never queued.

Clients are told apart by their address (``REMOTE_ADDR``): behind a reverse
proxy every client has the proxy's address, so the proxy must then set the
bound itself (or the server must be told to trust its forwarding header).

Examples
--------
>>> limits = ClientQueries(per_client=1)
>>> release = limits.admit("192.0.2.7")
>>> limits.admit("192.0.2.7")
Traceback (most recent call last):
...
kg.errors.TooManyQueries: 192.0.2.7 already runs 1 query at once, the most one client may (KG_CLIENT_QUERIES); retry when it has finished
>>> other = limits.admit("198.51.100.1")  # another client is not affected
>>> release(); release()  # releasing twice is harmless
>>> limits.admit("192.0.2.7")()
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kg.errors import TooManyQueries


class ClientQueries:
    """Count running queries per client address; refuse one over ``per_client`` (0: no bound)."""

    def __init__(self, per_client: int, retry_after: int = 1) -> None:
        self.per_client, self.retry_after = per_client, retry_after
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()

    def admit(self, client: str) -> Callable[[], None]:
        """Count one more query from ``client``; return the function that ends it (idempotent)."""
        with self._lock:
            running = self._running.get(client, 0)
            if 0 < self.per_client <= running:
                plural = "query" if self.per_client == 1 else "queries"
                raise TooManyQueries(f"{client} already runs {running} {plural} at once, the most "
                                     "one client may (KG_CLIENT_QUERIES); retry when it has "
                                     "finished", retry_after=self.retry_after)
            self._running[client] = running + 1
        released = threading.Event()

        def release() -> None:
            with self._lock:
                if released.is_set():
                    return
                released.set()
                left = self._running[client] - 1
                if left:
                    self._running[client] = left
                else:
                    del self._running[client]

        return release

    def running(self, client: str) -> int:
        """Queries ``client`` runs now."""
        with self._lock:
            return self._running.get(client, 0)
