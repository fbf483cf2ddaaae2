"""The waitress server behind ``kg serve`` (:mod:`kg.cli.server`), driven in-process over loopback."""

from __future__ import annotations

import http.client
import platform
import subprocess
import sys
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from waitress import wasyncore

from kg.cli.server import Lanes, PublicServer, ServerLimits, return_large_blocks, serve_on

PAUSE = 1.0
"""Seconds a test app waits between two pieces of its answer."""


def lock_holding_app(environ, start_response):
    """A WSGI app whose task holds its channel's output lock with output buffered, for a while.

    That is the state of a task inside waitress's ``write_soon`` between
    appending its data and sending it, which under GIL contention lasts as long
    as the I/O thread keeps the GIL; reproduced here by hand, the same way.
    """
    channel = environ["waitress.client_disconnected"].__self__
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "12")])
    yield b"first "
    with channel.outbuf_lock:
        channel.outbufs[-1].append(b"second")
        channel.total_outbufs_len += len(b"second")
        time.sleep(PAUSE)


@contextmanager
def running(app, limits: ServerLimits = ServerLimits(threads=2, query_threads=1)) -> Iterator[
        tuple[PublicServer, int, list[int]]]:
    """Serve ``app`` on a free loopback port; yield the server, its port and a loop counter."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = serve_on(app, listener, limits)
    loops = [0]
    readable = server.readable

    def counting_readable() -> bool:  # the I/O loop asks the listener once per pass
        loops[0] += 1
        return readable()

    server.readable = counting_readable  # type: ignore[method-assign]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server, listener.getsockname()[1], loops
    finally:
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)
        thread.join(timeout=10)


def get(port: int, path: str = "/") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def test_a_task_holding_its_output_does_not_spin_the_io_loop():
    # Before DeadlineChannel.writable, the loop polled the channel's writable socket
    # and could not take the lock to send: thousands of passes during the pause.
    with running(lock_holding_app) as (_, port, loops):
        before = loops[0]
        status, body = get(port)
        passes = loops[0] - before
    assert (status, body) == (200, b"first second")
    assert passes < 50, f"the I/O loop made {passes} passes during a {PAUSE} s pause"


def test_a_large_answer_arrives_whole_while_the_task_writes_it():
    piece = b"0123456789abcdef" * 4096  # 64 KiB, above waitress's send_bytes

    def large_app(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        for _ in range(32):
            yield piece

    with running(large_app) as (_, port, _loops):
        status, body = get(port)
    assert status == 200 and body == piece * 32


def test_healthz_has_a_lane_of_its_own():
    assert [Lanes.route(path) for path in ("/healthz", "/sparql", "/network")] == [
        "health", "query", "pages"]



SECOND_BLOCK_MAPPED = """
import ctypes, sys
from kg.cli.server import return_large_blocks
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "fixed":
    assert return_large_blocks()
first = bytearray(1 << 20)
del first  # glibc raises its threshold past 1 MB here, unless it was fixed
before = libc.mallinfo2().hblks
second = bytearray(1 << 20)
print(libc.mallinfo2().hblks > before)
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
@pytest.mark.parametrize(("setting", "mapped"), [("moving", "False"), ("fixed", "True")])
def test_large_blocks_keep_their_own_mapping_once_the_threshold_is_fixed(setting, mapped):
    """A 1 MB block freed and asked for again: from the heap (which keeps it) under glibc's
    moving threshold, mapped on its own (given back when freed) once it is fixed."""
    run = subprocess.run([sys.executable, "-c", SECOND_BLOCK_MAPPED, setting],
                         capture_output=True, text=True, check=True, timeout=60)
    assert run.stdout.strip() == mapped
