"""View benchmark (on demand: ``pytest tests/perf/test_views_bench.py -m bench -s``).

A synthetic actor network of 5,000 actors and 20,000 events (one edge each,
preferential attachment, 26 event types, dates over three years, a sentence per
event) goes through the real page builder (filtering, aggregation, igraph layout,
centralities, communities, JSON, the template) and is served on loopback with the
views' CSP. Issue 16's targets are measured separately and printed as a table:

- the server's answer for ``/network`` and ``/network.json``, cold (the first
  request) and warm (the best of the next three), on the client's clock: <= 1 s;
- the first draw in Chromium: navigation to the end of vis-network's first drawn
  frame, the page's own ``kg:first-draw`` mark (``network_timing.js``): <= 2 s;
- each interaction, made with real (trusted) input through Playwright: expanding
  a community meta-node, selecting a node, selecting an edge (a click on the
  canvas), a search, a filter change and the top-N slider (keyboard): from the
  input event to the end of the next drawn frame, the page's ``kg:<name>``
  User Timing measures read back afterwards (not the wall clock around
  Playwright's calls), or Chromium's own Event Timing of that input (to the next
  paint, reported from 16 ms) where it is longer: <= 100 ms each. The page's
  measure can end before vis-network paints a large graph (at 100,000 articles
  a search measured 68 ms on the page and 1,080 ms by Event Timing), so the
  longer of the two is judged; both are printed.

When other jobs load the 2 cores (load average above the core count) the
timings are printed but only the work is judged: the server's CPU time and the
page's main-thread CPU time up to the first draw (Chromium's ``ThreadTime``).
``KG_BENCH_NODES`` / ``KG_BENCH_EDGES`` change the size.

With ``KG_BENCH_STORE=PATH`` (an on-disk store, e.g. ``kg synth --articles 10000 --actors
5000``) the same timings are taken as a user meets them: a fresh ``kg serve`` over the
store (its warm-up included in "server ready"), the server's CPU time read from ``/proc``
for it and its page workers, and searches for labels the page itself shows.
``KG_BENCH_VIEW`` is the view's query string (default none: the top 500 actors; ``?top=5000``
shows 5,000).
"""

from __future__ import annotations

import json
import os
import random
import time
import urllib.request

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


TARGETS_MS = {"server": 1000, "first draw": 2000, "interaction": 100}
"""Issue 16: a server that answers in 1 s, a first draw in 2 s, each interaction in 100 ms."""


def bench_app(sources: dict[str, object], server_cpu: dict[str, list[float]]):  # type: ignore[no-untyped-def]
    """The page, its data twin and the assets, each answer's CPU time noted (thread time)."""
    from flask import Flask, send_file

    from kg.pageworkers import preload_page_code
    from kg.views import ViewFilter, asset_path, network_page
    from kg.views.data import kept_network_data
    from kg.views.page import json_for_script
    from web.network import view_response

    preload_page_code()  # as `kg serve` does before it answers
    app = Flask(__name__)

    def timed(name, build):  # type: ignore[no-untyped-def]
        started = time.thread_time()
        body = build()
        server_cpu.setdefault(name, []).append(time.thread_time() - started)
        return body

    app.add_url_rule("/network", "page", lambda: view_response(timed("/network", lambda: network_page(
        sources["/network"], inline_assets=False, asset_base="/network/assets"))))
    app.add_url_rule("/network.json", "data", lambda: view_response(timed("/network.json", lambda: json_for_script(
        kept_network_data(sources["/network.json"], ViewFilter()))), "application/json"))
    app.add_url_rule("/network/assets/<name>", "asset", lambda name: send_file(asset_path(name)))
    return app


def _get_ms(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as answer:  # noqa: S310 (loopback)
        size = len(answer.read())
    return (time.perf_counter() - started) * 1000, size


def server_timings(base: str, server_cpu: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """Cold (first) and warm (best of the next three) answers of each route, client-side ms."""
    from tests.perf.store_server import cold_and_warm

    found = {}
    for path in ("/network", "/network.json"):
        runs = [_get_ms(base + path) for _ in range(4)]
        found[path] = cold_and_warm([(ms, size, cpu * 1000)
                                     for (ms, size), cpu in zip(runs, server_cpu[path], strict=True)])
    return found


NAVIGATION_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0], mark = performance.getEntriesByName('kg:first-draw')[0];
  return {response: nav.responseEnd, parsed: nav.domInteractive, loaded: nav.domContentLoadedEventEnd,
          first_draw: mark ? mark.startTime : null};
}"""
MEASURES_JS = """(name) => performance.getEntriesByName('kg:' + name, 'measure')
  .map(e => ({start: e.startTime, duration: e.duration}))"""
# Where to click: page coordinates of canvas items, only where vis itself finds that item.
# A meta-node's centre where vis finds it and no actor's disc lies (the page picks the node
# whose centre is nearest for its size, so an opened community's actor there takes the click).
META_NODES_JS = """() => {
  const n = window.kgNetwork, box = n.body.container.getBoundingClientRect(), scale = n.getScale();
  const actors = n.body.nodeIndices.filter(id => !String(id).startsWith('community-'))
    .map(id => [n.body.nodes[id], n.canvasToDOM(n.getPosition(id))]);
  const clear = p => actors.every(([node, at]) => Math.hypot(at.x - p.x, at.y - p.y) > (node.options.size || 1) * scale + 2);
  return n.body.nodeIndices.filter(id => String(id).startsWith('community-'))
    .sort((a, b) => n.body.nodes[b].options.size - n.body.nodes[a].options.size)
    .map(id => ({id, p: n.canvasToDOM(n.getPosition(id))}))
    .filter(c => c.p.x > 20 && c.p.y > 20 && c.p.x < box.width - 20 && c.p.y < box.height - 20 && n.getNodeAt(c.p) === c.id && clear(c.p))
    .map(c => ({id: c.id, x: box.left + c.p.x, y: box.top + c.p.y}));
}"""
ACTOR_NODES_JS = """() => {
  const n = window.kgNetwork, box = n.body.container.getBoundingClientRect();
  return n.body.nodeIndices.filter(id => !String(id).startsWith('community-'))
    .map(id => ({id, p: n.canvasToDOM(n.getPosition(id))}))
    .filter(c => c.p.x > 20 && c.p.y > 20 && c.p.x < box.width - 20 && c.p.y < box.height - 20 && n.getNodeAt(c.p) === c.id)
    .slice(0, 20).map(c => ({id: c.id, x: box.left + c.p.x, y: box.top + c.p.y}));
}"""
# An edge's midpoint, where vis finds that edge and no node lies within 8 px of its disc (at a
# small scale a dense cluster puts node discs a pixel or two from most midpoints).
EDGES_JS = """() => {
  const n = window.kgNetwork, box = n.body.container.getBoundingClientRect(), found = [];
  const scale = n.getScale(), discs = n.body.nodeIndices.map(id => [n.body.nodes[id], n.canvasToDOM(n.getPosition(id))]);
  const clear = p => discs.every(([node, at]) => Math.hypot(at.x - p.x, at.y - p.y) > (node.options.size || 1) * scale + 8);
  for (const id of window.kgView.visibleEdgeIds()) {
    const e = n.body.edges[id]; if (!e || !e.from || !e.to) { continue; }
    for (const t of [0.5, 0.35, 0.65, 0.2, 0.8]) {  // a point of the line clear of every disc
      const p = n.canvasToDOM({x: e.from.x + t * (e.to.x - e.from.x), y: e.from.y + t * (e.to.y - e.from.y)});
      if (p.x < 20 || p.y < 20 || p.x > box.width - 20 || p.y > box.height - 20) { continue; }
      if (n.getEdgeAt(p) === id && clear(p)) { found.push({id, x: box.left + p.x, y: box.top + p.y}); break; }
    }
    if (found.length >= 5) { break; }
  }
  return found;
}"""
# Chromium's Event Timing, observed from the page's start (an init script): a `buffered`
# observer made afterwards is given only the entries of 104 ms or more (the Event Timing
# buffer keeps no shorter ones), so every shorter interaction read as under 16 ms.
EVENT_TIMING_OBSERVER_JS = """window.kgBenchEventTiming = [];
new PerformanceObserver(list => window.kgBenchEventTiming.push(...list.getEntries()))
  .observe({type: 'event', durationThreshold: 16});"""
EVENT_TIMING_JS = """() => new Promise(done => setTimeout(() => done(window.kgBenchEventTiming
  .map(e => ({name: e.name, start: e.startTime, duration: e.duration, processed: e.processingEnd}))), 300))"""


ZOOM_TO_AN_EDGE_JS = """() => {
  const n = window.kgNetwork, id = window.kgView.visibleEdgeIds()[0], e = id !== undefined && n.body.edges[id];
  if (e) { n.moveTo({position: {x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2}, scale: 2}); }
}"""


def _interaction(page, name: str, act, cdp, cpu: dict[str, list[float]]) -> None:  # type: ignore[no-untyped-def]
    """Do ``act`` and wait until the page has measured the interaction ``name``; the page's
    main-thread CPU time meanwhile (less sensitive to other jobs than the clock) goes to ``cpu``."""
    before, started = len(page.evaluate(MEASURES_JS, name)), _cpu_seconds(cdp)
    act()
    deadline = time.monotonic() + 60
    while len(page.evaluate(MEASURES_JS, name)) <= before:
        assert time.monotonic() < deadline, f"the page measured no {name!r}"
        page.wait_for_timeout(20)
    cpu.setdefault(name, []).append((_cpu_seconds(cdp) - started) * 1000)


SEARCHES = ("alias of actor 4321", "actor 17", "a77")
"""What the searches type on the synthetic network (an alias, a label's start, a short alias)."""


def interactions(page, cdp, cpu: dict[str, list[float]],  # type: ignore[no-untyped-def]
                 searches: tuple[str, ...] = SEARCHES) -> str:
    """Three of each interaction, with trusted input: mouse on the canvas, typing, keys.

    Returns the evidence panel's text after the edge clicks (a search then shows an actor)."""
    for name, where in (("community", META_NODES_JS), ("node", ACTOR_NODES_JS), ("edge", EDGES_JS)):
        for number in range(3):  # found afresh each time: the last click may have moved the view
            targets = page.evaluate(where)
            if name == "edge" and not targets:  # as a user would: zoom in where lines are apart
                page.evaluate(ZOOM_TO_AN_EDGE_JS)
                page.wait_for_timeout(100)
                targets = page.evaluate(where)
            if len(targets) > number:
                _interaction(page, name, lambda t=targets[number]: page.mouse.click(t["x"], t["y"]),
                             cdp, cpu)
    deadline = time.monotonic() + 10  # over a store, an edge's evidence is fetched on demand
    while not (page.text_content("#evidence") or "").strip() and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    evidence = page.text_content("#evidence") or ""
    for query in searches:
        _interaction(page, "search", lambda q=query: page.fill("#search", q), cdp, cpu)
    for _ in range(3):
        _interaction(page, "filter", lambda: page.click("#groups input[value='fights']"), cdp, cpu)
    page.focus("#top-n")
    for _ in range(3):
        _interaction(page, "top-n", lambda: page.keyboard.press("PageDown"), cdp, cpu)
    return evidence


def _cpu_seconds(cdp) -> float:  # type: ignore[no-untyped-def]
    """CPU time of the page's main thread so far (``Performance.getMetrics`` ``ThreadTime``)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "ThreadTime")


def browser_timings(page, base: str, profile_dir: str | None,  # type: ignore[no-untyped-def]
                    searches: tuple[str, ...] = SEARCHES, view: str = "") -> dict[str, object]:
    """First draw (the page's mark), the page's interaction measures and Chromium's Event Timing."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    if profile_dir:  # KG_BENCH_PROFILE: a .cpuprofile of loading and of the interactions
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
    page.add_init_script(EVENT_TIMING_OBSERVER_JS)
    busy_before = _cpu_seconds(cdp)
    page.goto(f"{base}/network{view}")
    while not page.evaluate("() => window.kgReady === true"):
        page.wait_for_timeout(20)
    found: dict[str, object] = {"navigation": page.evaluate(NAVIGATION_JS),
                                "first_draw_cpu": (_cpu_seconds(cdp) - busy_before) * 1000}
    if profile_dir:
        _save_profile(cdp, profile_dir, "first-draw")
        cdp.send("Profiler.start")
    found["cpu"] = {}
    found["meta_nodes"] = len(page.evaluate(META_NODES_JS))  # none below CLUSTER_ABOVE actors
    found["evidence"] = interactions(page, cdp, found["cpu"], searches)  # type: ignore[arg-type]
    if profile_dir:
        _save_profile(cdp, profile_dir, "interactions")
    names = ("community", "node", "edge", "search", "filter", "top-n")
    found["measures"] = {name: page.evaluate(MEASURES_JS, name) for name in names}
    found["event_timing"] = page.evaluate(EVENT_TIMING_JS)
    return found


def _save_profile(cdp, folder: str, name: str) -> None:  # type: ignore[no-untyped-def]
    profile = cdp.send("Profiler.stop")["profile"]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{name}.cpuprofile"), "w", encoding="utf-8") as out:
        json.dump(profile, out)


def _event_timing(measure: dict[str, float], entries: list[dict[str, object]]) -> float | None:
    """Chromium's duration (input to next paint) of the input event behind a page measure: the
    events from whose time stamp to the end of whose handlers the measure began (a checkbox's
    change or a range's input event is made while its click or keydown is handled, later than
    the input's own time stamp by the wait for the page's thread)."""
    near = [e["duration"] for e in entries  # type: ignore[misc]
            if float(e["start"]) - 2 < measure["start"] < float(e["processed"]) + 2]  # type: ignore[arg-type]
    return max(near) if near else None  # type: ignore[type-var]


def timing_table(server: dict[str, dict[str, float]], found: dict[str, object]) -> list[tuple]:
    """Rows: what, measured ms, target ms, measured/target, CPU ms or Chromium's Event Timing."""
    rows = []
    for path, t in server.items():
        rows.append((f"server {path} cold", t["cold"], TARGETS_MS["server"], f"{t['cold_cpu']:.0f} CPU"))
        rows.append((f"server {path} warm", t["warm"], TARGETS_MS["server"], f"{t['warm_cpu']:.0f} CPU"))
    navigation = found["navigation"]
    rows.append(("first draw (navigation to kg:first-draw)", navigation["first_draw"],  # type: ignore[index]
                 TARGETS_MS["first draw"], f"{found['first_draw_cpu']:.0f} CPU"))
    for name, measures in found["measures"].items():  # type: ignore[attr-defined]
        timing = [_event_timing(m, found["event_timing"]) for m in measures]  # type: ignore[arg-type]
        shown = ", ".join("<16" if t is None else f"{t:.0f}" for t in timing)
        each = ", ".join(f"{m['duration']:.0f}" for m in measures)
        cpu = ", ".join(f"{ms:.0f}" for ms in found["cpu"].get(name, []))  # type: ignore[attr-defined]
        longest = max((max(m["duration"], t or 0) for m, t in zip(measures, timing)), default=0)
        rows.append((f"{name} (max of {len(measures)})", longest,
                     TARGETS_MS["interaction"], f"each {each}; CPU {cpu}; Event Timing {shown}"))
    return rows


def judge(server: dict[str, dict[str, float]], found: dict[str, object], size: str) -> None:
    """Print the timing table; fail on a missed target (on the work's CPU time when loaded)."""
    load = os.getloadavg()[0]
    rows = timing_table(server, found)
    print(f"\nviews bench: {size}, load average {load:.2f} on {os.cpu_count()} cores; page "
          f"{server['/network']['bytes'] / 1e6:.1f} MB, /network.json "
          f"{server['/network.json']['bytes'] / 1e6:.1f} MB; navigation "
          f"{ {k: round(v or 0) for k, v in found['navigation'].items()} } ms")  # type: ignore[union-attr]
    print(f"{'measure':44} {'ms':>7} {'target':>7} {'ratio':>6}  note")
    for what, ms, target, note in rows:
        print(f"{what:44} {ms:7.0f} {target:7.0f} {ms / target:6.2f}  {note}")
    unmeasured = [name for name, measures in found["measures"].items()  # type: ignore[attr-defined]
                  if not measures and (name != "community" or found["meta_nodes"])]
    assert not unmeasured, f"interactions the page did not measure: {unmeasured}"
    if load > (os.cpu_count() or 1):  # others' jobs share the cores: judge the work by its CPU time
        assert max(t["warm_cpu"] for t in server.values()) <= TARGETS_MS["server"]
        assert found["first_draw_cpu"] <= TARGETS_MS["first draw"]  # type: ignore[operator]
        return
    failed = [(what, round(ms)) for what, ms, target, _ in rows if ms > target]
    assert not failed, f"over issue 16's targets: {failed}"


def test_network_view_at_5000_actors_against_issue_16_targets(page, artifacts_dir):
    from kg.views import ViewSource
    from tests.live import serving

    if os.environ.get("KG_BENCH_STORE"):
        pytest.skip("KG_BENCH_STORE given: the store's own test runs instead")
    sources = {path: ViewSource.from_network(synthetic_network()) for path in ("/network", "/network.json")}
    server_cpu: dict[str, list[float]] = {}
    with serving(bench_app(sources, server_cpu)) as base:
        server = server_timings(base, server_cpu)
        found = browser_timings(page, base, os.environ.get("KG_BENCH_PROFILE"))
        page.screenshot(path=str(artifacts_dir / "network-bench.png"))
    assert "Report" in str(found["evidence"])
    assert page.console_errors == [] and page.outside_requests == []
    judge(server, found, f"{NODES} actors / {EDGES} events")


def test_network_view_over_a_store_against_issue_16_targets(page, artifacts_dir):
    from pathlib import Path

    from tests.perf.store_server import served_store_timings

    given = os.environ.get("KG_BENCH_STORE")
    if not given:
        pytest.skip("set KG_BENCH_STORE=PATH to time the view over an on-disk store")
    view = os.environ.get("KG_BENCH_VIEW", "")  # e.g. "?top=5000": every actor, not the top 500
    with served_store_timings(Path(given), (f"/network{view}", f"/network.json{view}")) as (
            base, timed, labels):
        server = {"/network": timed[f"/network{view}"], "/network.json": timed[f"/network.json{view}"]}
        searches = tuple(labels[n].lower()[:12] for n in (3, 17, 77) if n < len(labels))
        found = browser_timings(page, base, os.environ.get("KG_BENCH_PROFILE"), searches, view)
        page.screenshot(path=str(artifacts_dir / "network-bench-store.png"))
    assert str(found["evidence"]).strip(), "an edge click shows its evidence"
    assert page.console_errors == [] and page.outside_requests == []
    judge(server, found, f"store {given}, /network{view}, {len(labels)} actors in the default "
                         "/network.json")
