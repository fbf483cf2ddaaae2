"""Who fights whom, on a small named graph and on the seed."""

from __future__ import annotations

import pytest

from kg import ids
from kg.analysis.dyads import fights
from kg.analysis.projection import actor_network, network_from_edges
from kg.errors import NotFound

EDGES = [("isis", "army", "ArmedClash", "2017-08-20", "art1"),
         ("army", "isis", "Shelling", "2017-08-27", "art2"),
         ("isis", "army", "Kidnap", "2017-07-02", "art1"),
         ("isis", "town", "Kidnap", "2014", "art1"),
         ("army", "town", "Support", "2017-08-01", "art2")]


def test_hostile_dyads_with_counts_dates_months_and_sources():
    dyads = fights(network_from_edges(EDGES, labels={"isis": "ISIS", "army": "Army"}))
    assert [(d.a["label"], d.b["label"]) for d in dyads] == [("Army", "ISIS"), ("ISIS", "town")]
    first = dyads[0]
    assert first.events == 3
    assert (first.first_date, first.last_date) == ("2017-07-02", "2017-08-27")
    assert first.months == {"2017-07": 1, "2017-08": 2}
    assert first.types == {"ArmedClash": 1, "Kidnap": 1, "Shelling": 1}
    assert first.articles == ["art1", "art2"] and first.evidence == ["e0", "e1", "e2"]
    assert dyads[1].months == {"2014": 1} and dyads[1].first_date == "2014"


def test_only_the_named_actors_dyads_and_unknown_actor():
    graph = network_from_edges(EDGES, labels={"isis": "ISIS"})
    assert [d.b["uri"] for d in fights(graph, "town")] == ["town"]
    assert [d.events for d in fights(graph, "ISIS")] == [3, 1]
    with pytest.raises(NotFound):
        fights(graph, "nobody")


def test_ties_rank_by_latest_date():
    graph = network_from_edges([("a", "b", "Threaten", "2017-01-01"),
                                ("c", "d", "Threaten", "2017-02-01")])
    assert [d.a["uri"] for d in fights(graph)] == ["c", "a"]


def test_seed_isis_fights_the_lebanese_army_hezbollah_and_the_syrian_army(seed_store):
    dyads = fights(actor_network(seed_store), "ISIS")
    partners = {d.a["uri"] if d.b["uri"] == str(ids.actor_uri("isis")) else d.b["uri"] for d in dyads}
    expected = {str(ids.actor_uri(k)) for k in ("lebanon-military", "hezbollah", "syria-military")}
    assert expected <= partners
    assert all(d.sources and d.articles for d in dyads)
    assert all(d.a["label"] and d.b["label"] for d in dyads)
