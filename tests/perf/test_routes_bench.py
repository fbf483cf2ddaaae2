"""Route latency at scale (issue 15): every page and JSON route cold and warm, /network?top=500
against raw pyoxigraph reading the same aggregates, every ``kg analyze`` analysis, ingest.

The store: ``KG_BENCH_STORE=PATH`` (an on-disk store, e.g. 10,000 synthetic articles over
5,000 actors), else a small one is built here (``KG_BENCH_ARTICLES``, default 300)::

    kg synth --articles 10000 --actors 5000 --seed 1 --out c10k.jsonl
    kg ingest c10k.jsonl --store oxigraph:PATH
    KG_BENCH_STORE=PATH pytest -m bench -s tests/perf/test_routes_bench.py

Cold is the first request to a freshly started ``kg serve`` (one server per route), once it
answers /healthz: after it rendered every view's first page once (``--warm``, the default;
"server ready" is the time from its start to that first /healthz answer);
warm is the median of the next ``KG_BENCH_WARM`` (default 9) requests. Each figure is printed
with the machine's load average (``os.getloadavg``): the machine is shared.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.perf.store_server import Server

pytestmark = pytest.mark.bench
ROOT = Path(__file__).resolve().parents[2]
WARM = int(os.environ.get("KG_BENCH_WARM", "9"))
ONLY = os.environ.get("KG_BENCH_ROUTES", "")  # comma-separated route prefixes to run, else all
SKIP = os.environ.get("KG_BENCH_SKIP", "")  # comma-separated route prefixes to leave out
RAW_TOP = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
SELECT ?agent ?other ?relation ?n WHERE {
  { SELECT ?agent WHERE { GRAPH <https://w3id.org/conflict-kg/id/graph/aggregates> {
      ?a ckg:tallyKind "actor" ; ckg:tallyAgent ?agent ; ckg:tallyCount ?c } }
    ORDER BY DESC(?c) LIMIT 500 }
  { SELECT ?other WHERE { GRAPH <https://w3id.org/conflict-kg/id/graph/aggregates> {
      ?b ckg:tallyKind "actor" ; ckg:tallyAgent ?other ; ckg:tallyCount ?c } }
    ORDER BY DESC(?c) LIMIT 500 }
  GRAPH <https://w3id.org/conflict-kg/id/graph/aggregates> {
    ?d ckg:tallyKind "dyad" ; ckg:tallyAgent ?agent ; ckg:tallyOther ?other ;
       ckg:tallyRelation ?relation ; ckg:tallyCount ?n } }"""
"""The aggregate query /network?top=500 answers: the 500 most active actors and their dyads."""


def load() -> str:
    return "load %.1f %.1f %.1f" % os.getloadavg()


def python(*args: str, **kwargs) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def, type-arg]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                          check=True, **kwargs)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    given = os.environ.get("KG_BENCH_STORE")
    if given:
        return Path(given)
    folder = tmp_path_factory.mktemp("routes")
    corpus = folder / "c.jsonl"
    count = os.environ.get("KG_BENCH_ARTICLES", "300")
    python("-m", "kg.cli", "synth", "--articles", count, "--actors", "500", "--seed", "1",
           "--out", str(corpus))
    python("-m", "kg.cli", "ingest", "-q", "--store", f"oxigraph:{folder / 'kg'}", str(corpus))
    return folder / "kg"


def top_actor_and_edge(path: Path) -> tuple[str, dict[str, str]]:
    """The most active actor's key and one edge's evidence parameters (read, then released)."""
    from kg.aggregates.read import actors_by_activity, dyads
    from kg.store import open_store

    store = open_store(f"oxigraph:{path}")
    try:
        actor = actors_by_activity(store)[0][0]
        edge = max(dyads(store), key=lambda d: d.count)
        return actor.rsplit("/", 1)[-1], {"agent": edge.agent, "other": edge.other,
                                          "type": edge.relation}
    finally:
        store.close()


def routes(path: Path) -> list[str]:
    from urllib.parse import urlencode

    actor, edge = top_actor_and_edge(path)
    found = ["/", "/index.json", "/network", "/network.json", "/network?top=500",
             "/network.json?top=500", "/network.json?top=500&page=2",
             f"/network.json?actor={actor}", "/network/evidence.json?" + urlencode(edge),
             "/timeline", "/timeline.json", "/claims", "/claims.json", "/map", "/map.json",
             f"/id/actor/{actor}", f"/id/actor/{actor}.json", "/api/actors", "/api/events",
             "/api/claims", "/api/articles", "/api/analysis/fights", "/sparql/editor", "/healthz"]
    return [r for r in found if (not ONLY or any(r.startswith(p) for p in ONLY.split(",")))
            and not (SKIP and any(r.startswith(p) for p in SKIP.split(",")))]


def raw_top_query(path: Path, repeat: int = WARM + 1) -> list[float]:
    """Seconds of raw pyoxigraph running :data:`RAW_TOP` (first: a fresh process's store)."""
    code = ("import sys, time, pyoxigraph as ox\n"
            "s = ox.Store(sys.argv[1]); q = sys.stdin.read(); out = []\n"
            f"for _ in range({repeat}):\n"
            "    t = time.perf_counter(); rows = [[v.value for v in r] for r in s.query(q)]\n"
            "    out.append(time.perf_counter() - t)\n"
            "print(len(rows)); print(' '.join(map(str, out)))\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], input=RAW_TOP,
                          capture_output=True, text=True, check=True)
    rows, times = done.stdout.strip().splitlines()
    print(f"raw pyoxigraph top-500 aggregate query: {rows} rows")
    return [float(t) for t in times.split()]


def test_every_route_cold_and_warm_and_network_top_500_against_raw_pyoxigraph(store_path):
    raw = raw_top_query(store_path)
    print(f"\nraw top-500 query: cold {raw[0] * 1000:.0f} ms, warm p50 "
          f"{statistics.median(raw[1:]) * 1000:.1f} ms ({load()})")
    print("| route | server ready s | cold ms | warm p50 ms | load |\n|---|---|---|---|---|")
    results = {}
    failed = []
    for route in routes(store_path):
        try:
            server = Server(store_path)
        except RuntimeError as error:  # a start slower than START_SECONDS on a loaded machine
            failed.append(f"{route}: {error}")
            continue
        try:
            cold = server.get(route)
            warm = statistics.median(server.get(route) for _ in range(WARM))
        except (OSError, AssertionError) as error:
            failed.append(f"{route}: {error!r}")
            print(f"| {route} | | failed: {error!r} | | {load()} |", flush=True)
            continue
        finally:
            server.stop()
        results[route] = (cold, warm)
        print(f"| {route} | {server.ready_seconds:.1f} | {cold * 1000:.0f} | {warm * 1000:.1f} | "
              f"{load()} |", flush=True)
    if "/network.json?top=500" in results:
        cold, warm = results["/network.json?top=500"]
        print(f"/network.json?top=500 vs raw aggregate query: cold {cold / raw[0]:.2f}x, "
              f"warm {warm / statistics.median(raw[1:]):.2f}x")
    assert not failed, failed


def test_every_analysis_through_the_cli(store_path):
    from kg.analysis.run import ANALYSES

    print()
    for name in sorted(set(ANALYSES) - {"ego", "path"}):
        for run in ("first", "next"):  # the first may compute and keep the answer
            started = time.perf_counter()
            python("-m", "kg.cli", "analyze", name, "--store", f"oxigraph:{store_path}",
                   "--format", "json", timeout=1200)
            print(f"kg analyze {name} ({run} run): {time.perf_counter() - started:.2f} s "
                  f"({load()})", flush=True)


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk (Debian package wrk)")
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_network_json_under_wrk_load(store_path, encoding):
    """Issue 15's load target: wrk with 32 connections on /network.json, >= 100 requests/s, no
    error; asking for gzip as browsers do, and for the plain answer. Printed against the
    target; a failed or refused request fails the test."""
    from tests.perf.test_load import CONNECTIONS, SECONDS, run_wrk

    raw_rps = 1 / statistics.median(raw_top_query(store_path)[1:])  # before the server locks it
    with Server(store_path) as server:
        server.get("/network.json")
        result = run_wrk(server.url("/network.json"), CONNECTIONS,
                         headers=(f"Accept-Encoding: {encoding}",))
    print(f"/network.json ({encoding}) under wrk -c{CONNECTIONS} for {SECONDS} s: "
          f"{result['rps']:.1f} requests/s (target >= 100; raw pyoxigraph's top-500 aggregate "
          f"query in one thread: {raw_rps:.1f} q/s, {result['rps'] / raw_rps:.1f}x), p50 "
          f"{result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, {result['errors']} errors "
          f"({load()})")
    assert result["errors"] == 0
