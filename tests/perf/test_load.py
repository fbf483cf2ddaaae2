"""Load test (on demand: ``make bench`` or ``pytest tests/perf/test_load.py -m bench -s``).

``kg serve`` (waitress) on loopback over an on-disk store holding the ingested
seed; a simple SPARQL query sustained for 60 s by 32 connections with wrk
(Debian package ``wrk``; a Python client with 32 threads where wrk is
missing). Passes only with 0 errors; prints throughput and latency
percentiles, and the same query's rate run on raw pyoxigraph in one thread
of this process as the baseline measured in the same run.

Issue 15's wrk run on ``/network.json`` over a large store is in
``tests/perf/test_routes_bench.py``.

``KG_LOAD_SECONDS`` and ``KG_LOAD_CONNECTIONS`` change the duration and the
number of connections; ``KG_LOAD_THREADS`` the server's worker threads.

``test_public_routes_under_load`` (issue 13) runs wrk with 32 and with 128
connections for ``KG_LOAD_SECONDS`` each on ``/sparql`` (the gallery's "Who
fights whom"), ``/network.json`` and ``/id/actor/isis``, while a thread probes
``/healthz`` every 50 ms; it needs 0 errors and every probe under 100 ms, and
writes the figures to ``artifacts/load-public.json``. wrk is one client
address, so the server runs with ``--client-queries 0`` (no per-address bound
on concurrent queries; with the default bound of 2 most of its queries would
be refused with 429, as they should).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.conftest import ARTIFACTS, SEEDS
from tests.perf.store_server import Server
from tests.reliability_log import reliability  # noqa: F401  (fixture)

pytestmark = pytest.mark.bench
RELIABILITY_AREA = "Load"
SECONDS = int(os.environ.get("KG_LOAD_SECONDS", 60))
CONNECTIONS = int(os.environ.get("KG_LOAD_CONNECTIONS", 32))
THREADS = int(os.environ.get("KG_LOAD_THREADS", 8))
QUERY = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?label WHERE { ?actor a ckg:Actor ; rdfs:label ?label } ORDER BY ?label LIMIT 20"""
ACCEPT = "application/sparql-results+json"
KG = [sys.executable, "-m", "kg.cli.__main__"]


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("load")
    uri = f"oxigraph:{folder}/kg"
    done = subprocess.run([*KG, "ingest", str(SEEDS)], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "KG_STORE": uri})
    assert done.returncode == 0, done.stderr
    return uri


def baseline(uri: str, seconds: float = 5.0) -> dict[str, float]:
    """The query on raw pyoxigraph, one thread, result serialised as JSON like the server."""
    import pyoxigraph as ox

    store = ox.Store(uri.removeprefix("oxigraph:"))
    latencies = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        answer = store.query(QUERY, use_default_graph_as_union=True)
        answer.serialize(format=ox.QueryResultsFormat.JSON)
        latencies.append(time.perf_counter() - start)
    del store
    return {"rps": len(latencies) / sum(latencies), "p50_ms": 1000 * statistics.median(latencies)}


def query_url(base: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": QUERY})


def run_wrk(url: str, connections: int = CONNECTIONS,
            headers: tuple[str, ...] = (f"Accept: {ACCEPT}",)) -> dict[str, float]:
    options = [option for header in headers for option in ("-H", header)]
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{SECONDS}s", "--latency",
         "--timeout", "10s", *options, url],
        capture_output=True, text=True, timeout=SECONDS + 120, check=True).stdout
    print(out)

    def ms(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": ms("50%"), "p90_ms": ms("90%"), "p99_ms": ms("99%"),
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
        "client": "wrk",
    }


def run_python_client(url: str) -> dict[str, float]:
    """32 threads, one keep-alive connection each, for the same duration."""
    parts = urllib.parse.urlsplit(url)
    target = f"{parts.path}?{parts.query}"
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + SECONDS

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                connection.request("GET", target, headers={"Accept": ACCEPT})
                answer = connection.getresponse()
                answer.read()
                if answer.status != 200:
                    errors.append(f"HTTP {answer.status}")
            except (OSError, http.client.HTTPException) as error:
                errors.append(repr(error))
                connection.close()
            latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "p50_ms": 1000 * cuts[49],
            "p90_ms": 1000 * cuts[89], "p99_ms": 1000 * cuts[98], "errors": len(errors),
            "client": "python threads"}


def test_sparql_under_sustained_load(seeded_store, reliability):
    base_line = baseline(seeded_store)  # before the server takes the store's lock
    reliability.tried(f"`kg serve` (waitress, {THREADS} threads) on 127.0.0.1 with the seed; "
                      f"a SELECT of 20 actor labels for {SECONDS} s from {CONNECTIONS} "
                      "connections")
    with serving(seeded_store) as base:
        with urllib.request.urlopen(urllib.request.Request(
                query_url(base), headers={"Accept": ACCEPT}), timeout=10) as answer:
            rows = json.loads(answer.read())["results"]["bindings"]
        assert rows, "the load query answers nothing on the seed"
        result = run_wrk(query_url(base)) if shutil.which("wrk") else run_python_client(
            query_url(base))
    result.update(seconds=SECONDS, connections=CONNECTIONS, server_threads=THREADS,
                  baseline_rps=base_line["rps"], baseline_p50_ms=base_line["p50_ms"],
                  rows=len(rows))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    print(f"throughput {result['rps']:.0f} req/s over HTTP = {result['rps'] / base_line['rps']:.2f}x "
          f"raw pyoxigraph in one thread ({base_line['rps']:.0f} q/s, p50 "
          f"{base_line['p50_ms']:.2f} ms)")
    assert result["requests"] > 0 and result["errors"] == 0, result
    reliability.happened(
        f"{result['requests']} requests ({result['client']}), {result['errors']} errors; "
        f"{result['rps']:.0f} req/s; latency p50 {result['p50_ms']:.1f} ms, p90 "
        f"{result['p90_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms; raw pyoxigraph in one thread: "
        f"{base_line['rps']:.0f} q/s ({result['rps'] / base_line['rps']:.2f}x)")


class HealthProbe:
    """A thread that GETs ``/healthz`` every ``interval`` s and keeps each latency."""

    def __init__(self, base: str, interval: float = 0.05) -> None:
        self.url, self.interval = f"{base}/healthz", interval
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(self.url, timeout=10) as answer:
                    answer.read()
            except OSError as error:
                self.failures.append(repr(error))
            self.latencies.append(time.perf_counter() - start)
            self._stop.wait(self.interval)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=15)

    def summary(self) -> dict[str, float]:
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return {"healthz_probes": len(self.latencies), "healthz_failures": len(self.failures),
                "healthz_p50_ms": 1000 * cuts[49], "healthz_p99_ms": 1000 * cuts[98],
                "healthz_max_ms": 1000 * max(self.latencies)}


def public_targets(base: str) -> dict[str, str]:
    """The routes of issue 13's load test: a gallery query, the network JSON, an actor page."""
    from kg.sparql.examples import examples

    (fights,) = [example for example in examples() if example.key == "fights"]
    return {"/sparql (gallery: who fights whom)":
            f"{base}/sparql?" + urllib.parse.urlencode({"query": fights.sparql}),
            "/network.json": f"{base}/network.json", "/id/actor/isis": f"{base}/id/actor/isis"}


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk (Debian package wrk)")
def test_public_routes_under_load(seeded_store, reliability):
    reliability.tried(f"`kg serve` over the seed; wrk with 32 and 128 connections, {SECONDS} s "
                      "each, on a gallery query, /network.json and /id/actor/isis, /healthz "
                      "probed every 50 ms")
    rows = []
    with serving(seeded_store) as base:
        for connections in (32, 128):
            for name, url in public_targets(base).items():
                with HealthProbe(base) as probe:
                    result = run_wrk(url, connections)
                rows.append({"route": name, "connections": connections, **result,
                             **probe.summary()})
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load-public.json").write_text(json.dumps(rows, indent=1))
    print("\n| route | connections | requests/s | errors | p50 ms | p99 ms | healthz p50 / p99 / "
          "max ms |\n|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['route']} | {row['connections']} | {row['rps']:.0f} | {row['errors']} | "
              f"{row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['healthz_p50_ms']:.1f} / "
              f"{row['healthz_p99_ms']:.1f} / {row['healthz_max_ms']:.1f} |")
    assert all(row["errors"] == 0 and row["healthz_failures"] == 0 for row in rows), rows
    assert all(row["healthz_max_ms"] < 100 for row in rows), rows
    reliability.happened("; ".join(
        f"{row['route']} x{row['connections']}: {row['rps']:.0f} req/s, {row['errors']} errors, "
        f"/healthz max {row['healthz_max_ms']:.0f} ms" for row in rows))


@contextmanager
def serving(uri: str) -> Iterator[str]:
    """``kg serve`` over ``uri`` with :data:`THREADS` threads, its log in the artifacts; yield
    its base URL. wrk is one client address, so the server has no per-address bound on
    concurrent queries (with the default bound of 2, most of wrk's queries would rightly be
    refused with 429)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with Server(uri, "--threads", str(THREADS), log=ARTIFACTS / "load-serve.log") as server:
        yield server.url("")
