"""Load test (on demand: ``make bench`` or ``pytest tests/perf/test_load.py -m bench -s``).

``kg serve`` (waitress) on loopback over an on-disk store holding the ingested
seed; a simple SPARQL query sustained for 60 s by 32 connections with wrk
(Debian package ``wrk``; a Python client with 32 threads where wrk is
missing). Passes only with 0 errors; prints throughput and latency
percentiles, and the same query's rate run on raw pyoxigraph in one thread
of this process as the baseline measured in the same run.

``KG_LOAD_SECONDS`` and ``KG_LOAD_CONNECTIONS`` change the duration and the
number of connections; ``KG_LOAD_THREADS`` the server's worker threads.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, SEEDS
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


def run_wrk(url: str) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{SECONDS}s", "--latency",
         "--timeout", "10s", "-H", f"Accept: {ACCEPT}", url],
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


@contextmanager
def serving(uri: str) -> Iterator[str]:
    """Run ``kg serve`` over ``uri`` on a free loopback port; yield its base URL.

    The server's log goes to a file: waitress warns about its queue depth under
    load, and an unread pipe would fill up and stall the server.
    """
    port = free_port()
    log = ARTIFACTS / "load-serve.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [*KG, "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(THREADS)],
            env={**os.environ, "KG_STORE": uri}, stdout=subprocess.DEVNULL, stderr=stderr)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_healthy(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-2000:]
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("kg serve did not answer /healthz within 60 s")
