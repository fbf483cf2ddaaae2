"""View benchmark (on demand: ``pytest tests/perf/test_views_bench.py -m bench -s``).

A synthetic actor network of 5,000 actors and 20,000 events (one edge each,
preferential attachment, 26 event types, dates over three years, a sentence per
event) goes through the real page builder: filtering, aggregation, igraph
layout, centralities, blocs, JSON and the template. Targets: the page is
generated in under 2 s; served on loopback, headless Chromium draws it and
answers a search, a filter change and an edge click in under 5 s from
navigation. The page size (served and standalone) is reported. When other jobs
load the 2 cores (load average above the core count) the work itself is judged:
the builder's CPU time and the page's main-thread CPU time (Chromium's
``ThreadTime``), both printed next to the wall-clock times.
``KG_BENCH_NODES`` / ``KG_BENCH_EDGES`` change the size.
"""

from __future__ import annotations

import os
import random
import time

import networkx as nx
import pytest

from kg.taxonomy import event_types
from tests.browser.conftest import browser, page  # noqa: F401  (fixtures: loopback-only Chromium)

pytestmark = [pytest.mark.bench, pytest.mark.browser]
NODES = int(os.environ.get("KG_BENCH_NODES", 5000))
EDGES = int(os.environ.get("KG_BENCH_EDGES", 20000))
BASE = "https://w3id.org/conflict-kg/id/"
KINDS = ("state", "military", "armed_group", "person", "party", "media", "igo")


def synthetic_network(nodes: int = NODES, edges: int = EDGES, seed: int = 7) -> nx.MultiDiGraph:
    """Actors with aliases; events between actors chosen with preferential attachment."""
    rng = random.Random(seed)
    types = [(key, info.sign) for key, info in event_types().items()]
    graph = nx.MultiDiGraph()
    for number in range(nodes):
        uri = f"{BASE}actor/bench-{number}"
        graph.add_node(uri, uri=uri, label=f"Actor {number}", kind=rng.choice(KINDS),
                       country="LB", aliases=[f"A{number}", f"Alias of actor {number}"])
    ends = [f"{BASE}actor/bench-{n}" for n in range(nodes)]
    for number in range(edges):
        source, target = rng.choice(ends), rng.choice(ends)
        while target == source:
            target = rng.choice(ends)
        ends += [source, target]
        kind, sign = rng.choice(types)
        date = f"{2015 + number % 3}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        graph.add_edge(source, target, type=kind, sign=sign, event=f"{BASE}event/bench-{number}",
                       event_type=kind, date=date, place="Arsal", modality="asserted",
                       article=f"{BASE}article/bench-{number % 500}",
                       sentence=f"Report {number}: {kind} between two actors near the border, "
                                "sources said on Sunday.")
    return graph


def _task_seconds(cdp) -> float:  # type: ignore[no-untyped-def]
    """CPU time of the page's main thread so far (``Performance.getMetrics`` ``ThreadTime``)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "ThreadTime")


IN_PAGE_MS = """async (step) => {
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const started = performance.now();
  new Function(step)();
  await frame(); await frame();
  return performance.now() - started;
}"""
"""Milliseconds from an interaction to the second frame after it, timed in the page itself
(a Playwright round trip would add its own latency to each step)."""

INTERACTIONS = {
    "search": "const box = document.getElementById('search'); box.value = 'alias of actor 4321';"
              " box.dispatchEvent(new Event('input'));",
    "filter": "const box = document.querySelector(\"#groups input[value='fights']\");"
              " box.checked = !box.checked; box.dispatchEvent(new Event('change', {bubbles: true}));",
    "node click": "const n = window.kgNetwork; n.body.emitter.emit('click',"
                  " {nodes: [n.body.nodeIndices[5]], edges: []});",
    "edge click": "window.kgNetwork.body.emitter.emit('click',"
                  " {nodes: [], edges: [window.kgView.visibleEdgeIds()[3]]});",
    "deselect": "window.kgNetwork.body.emitter.emit('click', {nodes: [], edges: []});",
    "top-N": "const s = document.getElementById('top-n'); s.value = '500';"
             " s.dispatchEvent(new Event('input'));",
}


def test_large_view_generation_and_drawing(page, artifacts_dir):
    from flask import Flask, Response, send_file

    from kg.views import ViewSource, asset_path, network_page
    from tests.live import serving

    source = ViewSource.from_network(synthetic_network())
    runs = []
    for _ in range(3):  # best of three; CPU time too, since other jobs may share the 2 cores
        wall, cpu = time.perf_counter(), time.process_time()
        html = network_page(source, inline_assets=False, asset_base="/network/assets")
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    generated, generated_cpu = min(runs)
    standalone = len(network_page(source, inline_assets=True).encode())

    app = Flask(__name__)
    app.add_url_rule("/view", "view", lambda: Response(html, mimetype="text/html"))
    app.add_url_rule("/network/assets/<name>", "asset", lambda name: send_file(asset_path(name)))
    with serving(app) as base:
        page.goto(f"{base}/network/assets/network.css")  # warm the server, not the page
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        busy_before = _task_seconds(cdp)
        started = time.perf_counter()
        page.goto(f"{base}/view")
        page.wait_for_function("window.kgReady === true", timeout=60_000)
        drawn = time.perf_counter() - started
        timings = {name: [round(page.evaluate(IN_PAGE_MS, step)) for _ in range(3)]
                   for name, step in INTERACTIONS.items()}
        edge = page.evaluate("window.kgView.visibleEdgeIds()[0]")
        page.evaluate("(id) => window.kgNetwork.body.emitter.emit('click', {nodes: [], edges: [id]})",
                      edge)
        evidence = page.text_content("#evidence")
        interactive = time.perf_counter() - started
        renderer = _task_seconds(cdp) - busy_before  # the page's main-thread CPU time
        page.screenshot(path=str(artifacts_dir / "network-bench.png"))
    load = os.getloadavg()[0]
    print(f"\nviews bench: {NODES} nodes / {EDGES} events: page generated in {generated:.2f} s "
          f"({generated_cpu:.2f} s CPU; load average {load:.1f} on {os.cpu_count()} cores); "
          f"drawn in {drawn:.2f} s, interactive in {interactive:.2f} s ({renderer:.2f} s "
          f"main-thread CPU); served HTML {len(html.encode()) / 1e6:.1f} MB, standalone "
          f"{standalone / 1e6:.1f} MB; in-page ms per interaction, to the second frame after "
          f"it, three times each: {timings}")
    assert "Report" in evidence
    assert page.console_errors == [] and page.outside_requests == []
    busy = load > (os.cpu_count() or 1)  # others' jobs: judge the work by its CPU time
    assert (generated_cpu if busy else generated) < 2.0, f"page generation took {generated:.2f} s"
    assert (renderer if busy else interactive) < 5.0, \
        f"drawing and first interactions took {interactive:.2f} s"
