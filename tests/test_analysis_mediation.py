"""Who mediates: Gould–Fernandez roles, betweenness between blocs, explicit mediators, the seed."""

from __future__ import annotations

from kg import ids
from kg.analysis.brokerage import roles
from kg.analysis.mediation import MediationRecord, mediation_records, mediators
from kg.analysis.projection import Filters, actor_network, network_from_edges

# Two hostile camps {a1, a2} and {b1, b2}; m cooperates with a1 and b1 both ways.
BROKER = [("a1", "a2", "CoAgent"), ("b1", "b2", "CoAgent"),
          ("a1", "b1", "ArmedClash"), ("a2", "b2", "ArmedClash"),
          ("m", "a1", "Support"), ("a1", "m", "Support"),
          ("m", "b1", "Support"), ("b1", "m", "Support")]


def zero(**counts):
    return {"coordinator": 0, "itinerant": 0, "representative": 0, "gatekeeper": 0,
            "liaison": 0} | counts


def test_the_five_gould_fernandez_roles():
    bloc = {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 2}
    assert roles({"a": {"b"}, "b": {"c"}}, bloc)["b"] == zero(coordinator=1)
    assert roles({"x": {"a"}, "a": {"y"}}, bloc)["a"] == zero(itinerant=1)
    assert roles({"a": {"b"}, "b": {"x"}}, bloc)["b"] == zero(representative=1)
    assert roles({"x": {"b"}, "b": {"a"}}, bloc)["b"] == zero(gatekeeper=1)
    assert roles({"a": {"x"}, "x": {"z"}}, bloc)["x"] == zero(liaison=1)


def test_closed_pairs_and_returns_do_not_count():
    bloc = {"a": 0, "b": 1, "c": 2}
    assert "b" not in roles({"a": {"b", "c"}, "b": {"c"}}, bloc)  # a -> c directly
    assert "b" not in roles({"a": {"b"}, "b": {"a"}}, bloc)  # a -> b -> a


def test_the_broker_between_two_blocs_ranks_first():
    # Blocs by hand: m joins {a1, a2} (ties +1 to each camp; the first in order wins), so
    # a1 -> m -> b1 makes m a representative and b1 -> m -> a1 a gatekeeper; b1 is the
    # B-side contact (m -> b1 -> b2 gatekeeper, b2 -> b1 -> m representative).
    # Cross-bloc pairs: {a1,a2,m} x {b1,b2} = 6; m lies on a1-b1, a1-b2, a2-b1, a2-b2 (4/6);
    # b1 on a1-b2, a2-b2, m-b2 (3/6); a1 on a2-b1, a2-b2 (2/6).
    rows = {r["actor"]["uri"]: r for r in mediators(network_from_edges(BROKER))}
    assert rows["m"]["brokerage"] == zero(representative=1, gatekeeper=1)
    assert rows["b1"]["brokerage"] == zero(representative=1, gatekeeper=1)
    assert rows["m"]["between_blocs"] == round(4 / 6, 6)
    assert rows["b1"]["between_blocs"] == round(3 / 6, 6)
    assert rows["a1"]["between_blocs"] == round(2 / 6, 6) and rows["a1"]["cross_bloc"] == 0
    ranked = [r["actor"]["uri"] for r in mediators(network_from_edges(BROKER))]
    assert ranked[:2] == ["m", "b1"]
    assert rows["m"]["score"] == 2.0  # 2/2 cross-bloc + (4/6)/(4/6) betweenness
    assert "betweenness between blocs 0.667" in rows["m"]["reasons"]


def test_explicit_mediators_outrank_brokers_and_say_why():
    records = [MediationRecord("a2", "mediator", "ev1"), MediationRecord("a2", "claimed talks", "c1")]
    rows = mediators(network_from_edges(BROKER), records)
    assert rows[0]["actor"]["uri"] == "a2"
    assert rows[0]["explicit"] == 3.5 and rows[0]["evidence"] == ["c1", "ev1"]
    assert rows[0]["reasons"][:2] == ["claimed talks (1 claim)", "mediator (1 event)"]


def test_seed_negotiation_actors_are_mediators(seed_store):
    records = mediation_records(seed_store)
    rows = {r["actor"]["uri"]: r for r in mediators(actor_network(seed_store), records)}
    negotiators = {str(ids.actor_uri(k)) for k in ("hezbollah", "lebanon-military")}
    assert negotiators <= set(rows)
    assert all("negotiator" in " ".join(rows[a]["reasons"]) for a in negotiators)
    assert str(ids.actor_uri("hassan-nasrallah")) in rows  # says Hezbollah began talks
    # the hypothetical "if the Lebanese state wanted to negotiate" is left out by default
    assert str(ids.actor_uri("lebanon")) not in {r.actor for r in records}
    assert str(ids.actor_uri("lebanon")) in {r.actor for r in mediation_records(seed_store,
                                                                               include_negated=True)}
    assert mediation_records(seed_store, Filters(since="2018")) == []
