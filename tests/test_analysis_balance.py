"""Structural balance on a signed graph whose census is worked out by hand."""

from __future__ import annotations

from collections import Counter

from kg.analysis.balance import balance, balance_over_time
from kg.analysis.projection import actor_network, network_from_edges

# a-b-c friends (+++); c and a against d (a,c,d: +--, balanced);
# b friends with d while a fights d (a,b,d: ++-), b,c,d likewise (++-);
# c, d and e all enemies (---).
SIGNED = [("a", "b", "Support", "2017-01-05"), ("b", "c", "CoAgent", "2017-01-06"),
          ("a", "c", "Agreement", "2017-01-07"), ("c", "d", "ArmedClash", "2017-02-01"),
          ("a", "d", "Shelling", "2017-02-02"), ("b", "d", "Praise", "2017-02-03"),
          ("d", "e", "Bombing", "2017-03-01"), ("c", "e", "Threaten", "2017-03-02")]


def test_census_ratio_and_unbalanced_triads_per_actor():
    result = balance(network_from_edges(SIGNED))
    assert result.census == {"+++": 1, "++-": 2, "+--": 1, "---": 1}
    assert result.triangles == 5
    assert result.ratio == 2 / 5 and result.weak_ratio == 3 / 5
    assert result.unbalanced_by_actor == {"d": 3, "b": 2, "c": 2, "a": 1, "e": 1}
    assert sorted(result.unbalanced) == [("a", "b", "d"), ("b", "c", "d"), ("c", "d", "e")]


def test_flipping_one_tie_rebalances():
    flipped = [e if e[:2] != ("b", "d") else ("b", "d", "Accuse", e[3]) for e in SIGNED]
    result = balance(network_from_edges(flipped))
    assert result.census == {"+++": 1, "++-": 0, "+--": 3, "---": 1}
    assert result.unbalanced_by_actor == {"c": 1, "d": 1, "e": 1}


def test_neutral_and_tied_pairs_are_not_triangles():
    graph = network_from_edges([("a", "b", "Support"), ("b", "c", "Support"),
                                ("a", "c", "Withdraw")])
    assert balance(graph).triangles == 0 and balance(graph).ratio is None


def test_per_month_windows():
    windows = balance_over_time(network_from_edges(SIGNED + [("a", "d", "Support", "2017-04-01")]))
    assert [w.window for w in windows] == ["2017-01", "2017-02", "2017-03", "2017-04"]
    assert windows[0].census["+++"] == 1 and windows[1].triangles == 0
    assert [w.window for w in balance_over_time(network_from_edges(SIGNED), "year")] == ["2017"]


def test_seed_census_is_consistent(seed_store):
    result = balance(actor_network(seed_store))
    assert sum(result.census.values()) == result.triangles > 0
    assert 0 <= result.ratio <= 1
    assert sum(result.unbalanced_by_actor.values()) == 3 * len(result.unbalanced)


def test_the_census_is_that_of_every_triple_of_a_random_signed_graph():
    import itertools
    import random

    from kg.analysis.balance import KINDS, census, triangles

    rng = random.Random(7)
    actors = [f"actor/{rng.randrange(10**6):06d}" for _ in range(40)]
    sign = {pair: rng.choice((-1, -1, 0, 1, 1))
            for pair in itertools.combinations(sorted(actors), 2) if rng.random() < 0.35}
    edges = [(u, v, {"sign": s}) for (u, v), s in sign.items()]
    rng.shuffle(edges)
    every = [(u, v, w, sum(sign[p] < 0 for p in ((u, v), (u, w), (v, w))))
             for u, v, w in itertools.combinations(sorted(actors), 3)
             if all(sign.get(p) for p in ((u, v), (u, w), (v, w)))]
    assert len(every) > 20 and triangles(edges) == every
    result = census(edges)
    assert result.census == {kind: sum(1 for t in every if t[3] == i)
                             for i, kind in enumerate(KINDS)}
    assert result.unbalanced == [t[:3] for t in every if t[3] % 2]
    by_actor = Counter(n for t in result.unbalanced for n in t)
    ranked = sorted(by_actor.items(), key=lambda i: (-i[1], i[0]))
    assert result.unbalanced_by_actor == dict(ranked)
