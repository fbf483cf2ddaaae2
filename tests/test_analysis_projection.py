"""The actor network projected from the seed."""

from __future__ import annotations

from kg import ids
from kg.analysis.projection import actor_network


def hostile_targets(graph, actor_key):
    node = str(ids.actor_uri(actor_key))
    return {v for _, v, d in graph.out_edges(node, data=True) if d["sign"] < 0} | \
           {u for u, _, d in graph.in_edges(node, data=True) if d["sign"] < 0}


def test_isis_fights_the_lebanese_army_hezbollah_and_the_syrian_army(seed_store):
    graph = actor_network(seed_store)
    expected = {str(ids.actor_uri(k)) for k in ("lebanon-military", "hezbollah", "syria-military")}
    assert expected <= hostile_targets(graph, "isis")


def test_edges_carry_their_sentence(seed_store, seed_article):
    graph = actor_network(seed_store)
    for _, _, attrs in graph.edges(data=True):
        assert attrs["sentence"] in seed_article.text


def test_negated_events_are_left_out_unless_asked(seed_store):
    default = actor_network(seed_store)
    everything = actor_network(seed_store, include_negated=True)
    assert default.number_of_edges() < everything.number_of_edges()
    assert all(d["modality"] in ("asserted", "reported") for _, _, d in default.edges(data=True))


# --- filters and the signed graph, on a small named graph -------------------------------------

import pytest  # noqa: E402

from kg.analysis.projection import (  # noqa: E402
    Filters,
    filter_network,
    in_window,
    network_from_edges,
    resolve_actor,
    signed_graph,
)
from kg.errors import InputError, NotFound  # noqa: E402

EDGES = [("isis", "army", "ArmedClash", "2017-08-20", "art1"),
         ("army", "isis", "Shelling", "2017-08-27", "art2"),
         ("isis", "army", "Kidnap", "2017-07-02", "art1"),
         ("isis", "town", "Kidnap", "2014", "art1"),
         ("army", "town", "Support", "2017-08-01", "art2"),
         ("army", "town", "Praise", "", "art2")]


def events_left(filters):
    return sorted(d["event"] for *_, d in filter_network(network_from_edges(EDGES), filters)
                  .edges(data=True))


def test_time_window_keeps_overlapping_dates_and_drops_undated_edges():
    assert events_left(Filters(since="2017-08")) == ["e0", "e1", "e4"]
    assert events_left(Filters(until="2017-07-31")) == ["e2", "e3"]
    assert events_left(Filters(since="2014-06-01", until="2014-06-30")) == ["e3"]  # the year overlaps
    assert events_left(Filters()) == ["e0", "e1", "e2", "e3", "e4", "e5"]


def test_types_articles_and_min_weight():
    assert events_left(Filters(types=("Kidnap",))) == ["e2", "e3"]
    assert events_left(Filters(articles=("art2",))) == ["e1", "e4", "e5"]
    # isis-army: 3 events, army-town: 2, isis-town: 1
    assert events_left(Filters(min_weight=2)) == ["e0", "e1", "e2", "e4", "e5"]
    assert events_left(Filters(min_weight=3)) == ["e0", "e1", "e2"]
    with pytest.raises(InputError):
        events_left(Filters(types=("Skirmish",)))


def test_window_edges():
    assert in_window("2017-08-31", "2017-08", "2017-08")
    assert not in_window("2017-09-01", None, "2017-08")
    assert not in_window("", "2017", None)


def test_signed_graph_counts_events_and_takes_the_majority_sign():
    signed = signed_graph(network_from_edges(EDGES))
    assert (signed["isis"]["army"]["negative"], signed["isis"]["army"]["sign"]) == (3, -1)
    assert (signed["army"]["town"]["positive"], signed["army"]["town"]["sign"]) == (2, 1)
    tie = signed_graph(network_from_edges([("a", "b", "Praise"), ("b", "a", "Threaten"),
                                           ("a", "c", "Withdraw")]))
    assert tie["a"]["b"]["sign"] == 0 and tie["a"]["b"]["weight"] == 2
    assert tie["a"]["c"]["sign"] == 0  # neutral only


def test_actors_resolve_by_key_label_and_alias(seed_store):
    graph = actor_network(seed_store)
    isis = str(ids.actor_uri("isis"))
    assert {resolve_actor(graph, n) for n in ("isis", "Daesh", "islamic state", isis)} == {isis}
    with pytest.raises(NotFound):
        resolve_actor(graph, "Atlantis")


def test_store_filters_match_graph_filters(seed_store):
    everything = actor_network(seed_store)
    only_clashes = actor_network(seed_store, filters=Filters(types=("ArmedClash",)))
    assert 0 < only_clashes.number_of_edges() < everything.number_of_edges()
    assert {d["event_type"] for *_, d in only_clashes.edges(data=True)} == {"ArmedClash"}
    assert all(d["date"] for *_, d in everything.edges(data=True))  # event date or publication


def test_every_event_type_of_the_taxonomy_has_a_family():
    from kg.analysis.families import RELATION_FAMILIES
    from kg.taxonomy import event_types

    grouped = {kind for kinds in RELATION_FAMILIES.values() for kind in kinds}
    assert set(event_types()) - grouped == set()
