"""Benchmark: every analysis on a synthetic actor graph of 10k actors and 50k dyads, under 2 s each.

Run: ``.venv/bin/python -m pytest -m bench tests/perf/test_analysis_bench.py -s``.
Each analysis runs three times and the best time counts. The generator is seeded:
40 planted blocs, 60 % of dyads inside a bloc
(cooperative event types), the rest across blocs (hostile), 5 % of signs
flipped, 1-3 events per dyad dated 2015-2018.
"""

from __future__ import annotations

import os
import random
import time

import pytest

from kg.analysis.output import render
from kg.analysis.projection import network_from_edges
from kg.analysis.run import params_from_strings, run_analysis

ACTORS, DYADS, BLOCS, LIMIT = 10_000, 50_000, 40, 2.0
RUNS = 3  # the best of three: the machine is shared (2 cores), the first run pays for warm-up
COOPERATIVE = ("Support", "Agreement", "CoAgent", "Praise", "MilitaryAid", "Negotiate")
HOSTILE = ("ArmedClash", "Shelling", "AirStrike", "Threaten", "Accuse", "Kidnap")


def synthetic_edges(seed: int = 7) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    bloc = {a: rng.randrange(BLOCS) for a in range(ACTORS)}
    members: dict[int, list[int]] = {}
    for actor, b in bloc.items():
        members.setdefault(b, []).append(actor)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < DYADS:
        u = rng.randrange(ACTORS)
        v = rng.choice(members[bloc[u]]) if rng.random() < 0.6 else rng.randrange(ACTORS)
        if u != v:
            pairs.add((min(u, v), max(u, v)))
    edges = []
    for u, v in sorted(pairs):
        friendly = (bloc[u] == bloc[v]) != (rng.random() < 0.05)
        for _ in range(rng.choice((1, 1, 2, 3))):
            kind = rng.choice(COOPERATIVE if friendly else HOSTILE)
            date = f"{rng.randrange(2015, 2019)}-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}"
            agent, target = (u, v) if rng.random() < 0.5 else (v, u)
            edges.append((f"actor/{agent:05}", f"actor/{target:05}", kind, date))
    return edges


@pytest.fixture(scope="module")
def big_graph():
    start = time.perf_counter()
    graph = network_from_edges(synthetic_edges())
    print(f"\nsynthetic graph: {graph.number_of_nodes()} actors, {graph.number_of_edges()} "
          f"events, built in {time.perf_counter() - start:.1f} s")
    return graph


CASES = [("fights", {}), ("fights", {"actor": "actor/00042"}), ("mediators", {}), ("blocs", {}),
         ("balance", {}), ("balance", {"window": "year"}), ("centrality", {}),
         ("ego", {"actor": "actor/00042", "hops": "2"}),
         ("path", {"actor": "actor/00042", "other": "actor/09999"}),
         ("fights", {"since": "2017-01", "until": "2017-06", "min_weight": "2"})]


@pytest.mark.bench
def test_every_analysis_under_two_seconds(big_graph, memory_store):
    timings = []
    for name, values in CASES:
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            result = run_analysis(memory_store, name, params_from_strings(values), big_graph)
            runs.append(time.perf_counter() - start)
        elapsed = min(runs)
        start = time.perf_counter()
        render(result, "json")
        rendered = time.perf_counter() - start
        timings.append((name, values, elapsed, rendered, len(result.rows)))
    print(f"\nload average {os.getloadavg()[0]:.1f}; best of {RUNS} runs")
    print(f"{'analysis':<12} {'parameters':<52} {'seconds':>8} {'json s':>7} {'rows':>6}")
    for name, values, elapsed, rendered, rows in timings:
        print(f"{name:<12} {str(values):<52} {elapsed:8.2f} {rendered:7.2f} {rows:6}")
    slow = [(name, values, round(t, 2)) for name, values, t, _, _ in timings if t >= LIMIT]
    assert not slow, f"over {LIMIT} s: {slow}"


@pytest.mark.bench
def test_planted_camps_are_recovered(big_graph):
    from collections import Counter

    from kg.analysis.blocs import blocs

    rng = random.Random(7)  # synthetic_edges draws the camps first
    planted = {f"actor/{a:05}": rng.randrange(BLOCS) for a in range(ACTORS)}
    result = blocs(big_graph)
    groups: dict[int, list[int]] = {}
    for node, bloc in result.membership.items():
        groups.setdefault(bloc, []).append(planted[node])
    purity = sum(Counter(camps).most_common(1)[0][1] for camps in groups.values()) / ACTORS
    print(f"\nblocs: {len(result.blocs)}, fit {result.fit:.3f}, frustration {result.frustration}, "
          f"purity {purity:.4f}")
    assert purity > 0.95 and result.fit > 0.9
