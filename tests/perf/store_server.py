"""``kg serve`` over an on-disk store, started fresh for a benchmark, and its CPU time.

Shared by the route benchmark (issue 15) and the view benchmark over a store (issue 16).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 300
TICKS = os.sysconf("SC_CLK_TCK")


class Server:
    """``kg serve`` on a free loopback port over the store: an on-disk store's folder or a
    store URI (``oxigraph:PATH``), with ``extra`` options after the defaults (no per-address
    bound on queries: a benchmark is one client address). Its log goes to ``log`` if given:
    waitress warns about its queue depth under load, and an unread pipe would stall it."""

    def __init__(self, store: Path | str, *extra: str, log: Path | None = None) -> None:
        self.port = free_port()
        uri = store if isinstance(store, str) else f"oxigraph:{store}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with open(log or os.devnull, "w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kg.cli", "serve", "--store", uri, "--host", "127.0.0.1",
                 "--port", str(self.port), "--client-queries", "0", *extra],
                env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        began = time.monotonic()
        deadline = began + START_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                urllib.request.urlopen(self.url("/healthz"), timeout=5).read()
                self.ready_seconds = time.monotonic() - began  # start, warm-up, first /healthz
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        tail = log.read_text()[-2000:] if log else ""
        raise RuntimeError(f"kg serve did not start {tail}")

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def url(self, route: str) -> str:
        return f"http://127.0.0.1:{self.port}{route}"

    def get(self, route: str) -> float:
        started = time.perf_counter()
        with urllib.request.urlopen(self.url(route), timeout=600) as response:
            response.read()
            assert response.status == 200
        return time.perf_counter() - started

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its live descendants, from
    ``/proc`` (a page worker's time counts; the server renders pages in worker processes)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended while we looked
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    tree, total = {pid}, 0.0
    for _ in range(8):  # grandchildren and deeper
        tree |= {child for child, (parent, _) in stats.items() if parent in tree}
    for member in tree:
        total += stats.get(member, (0, 0.0))[1]
    return total


@contextmanager
def served_store_timings(path: Path, routes: tuple[str, ...], warm: int = 3
                         ) -> Iterator[tuple[str, dict[str, dict[str, float]], list[str]]]:
    """Start ``kg serve`` over ``path``; time each route cold (its first request) and warm (the
    best of the next ``warm``), client clock and the server's CPU; yield the base URL, the
    timings (as :func:`tests.perf.test_views_bench.server_timings` gives them) and the node
    labels ``/network.json`` holds, in its order."""
    server = Server(path)
    try:
        print(f"kg serve over {path} ready in {server.ready_seconds:.1f} s")
        found = {route: _timed(server, route, warm) for route in routes}
        with urllib.request.urlopen(server.url("/network.json"), timeout=600) as answer:
            labels = [str(node["label"]) for node in json.loads(answer.read())["nodes"]]
        yield server.url(""), found, labels
    finally:
        server.stop()


def _timed(server: Server, route: str, warm: int) -> dict[str, float]:
    runs = []
    for _ in range(warm + 1):
        cpu = process_tree_cpu(server.process.pid)
        started = time.perf_counter()
        with urllib.request.urlopen(server.url(route), timeout=600) as answer:
            size = len(answer.read())
        runs.append(((time.perf_counter() - started) * 1000, size,
                     (process_tree_cpu(server.process.pid) - cpu) * 1000))
    return cold_and_warm(runs)


def cold_and_warm(runs: list[tuple[float, int, float]]) -> dict[str, float]:
    """From runs of one route, each ``(ms, bytes, server CPU ms)``: the first (cold) and the best
    of the others (warm), by the clock and by the server's CPU time."""
    return {"cold": runs[0][0], "warm": min(r[0] for r in runs[1:]), "bytes": runs[0][1],
            "cold_cpu": runs[0][2], "warm_cpu": min(r[2] for r in runs[1:])}
