"""Plain HTTP clients for the security suite: from a chosen loopback address, slow, or trickling.

Every address in 127.0.0.0/8 reaches a server bound to 127.0.0.1 on Linux,
so a test can play several clients that the server tells apart by address.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.parse
from dataclasses import dataclass


@dataclass(frozen=True)
class Reply:
    """One HTTP answer and how long it took."""

    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


def fetch(url: str, path: str, *, params: dict[str, str] | None = None, source: str = "127.0.0.1",
          accept: str = "application/sparql-results+json", timeout: float = 30) -> Reply:
    """GET ``path`` (with ``params``) from ``url``, connecting from the address ``source``."""
    parts = urllib.parse.urlsplit(url)
    target = path + ("?" + urllib.parse.urlencode(params) if params else "")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout,
                                            source_address=(source, 0))
    start = time.perf_counter()
    try:
        connection.request("GET", target, headers={"Accept": accept})
        answer = connection.getresponse()
        body = answer.read()
        return Reply(answer.status, {k.lower(): v for k, v in answer.getheaders()}, body,
                     time.perf_counter() - start)
    finally:
        connection.close()


def trickling(url: str, count: int) -> list[socket.socket]:
    """``count`` connections that each began a request and send no more than its first line."""
    parts = urllib.parse.urlsplit(url)
    sockets = []
    for _ in range(count):
        sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: slow\r\n")
        sockets.append(sock)
    return sockets


def trickle(sockets: list[socket.socket]) -> None:
    """Send one more header byte on each connection (enough to never look idle)."""
    for sock in sockets:
        try:
            sock.sendall(b"X")
        except OSError:
            pass


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed ``sock`` (EOF or reset), without waiting."""
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        sock.setblocking(True)
