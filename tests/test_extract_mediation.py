"""The mediator of talks, a ceasefire or an agreement (kg.extract.mediation), from made-up
sentences to the tallies, the network edge with its evidence, and the mediators analysis."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text

ARTICLE = ("Hamas and Fatah held talks brokered by Egypt in Cairo on 3 March 2016. "
           "Qatar acted as a go-between for Hamas and Fatah.")
ACTOR = "https://w3id.org/conflict-kg/id/actor/"


def _events(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="mediation"))
    return [(e.event_type, e.agents, e.targets, e.mediators) for e in extraction.events]


@pytest.mark.parametrize("text, event", [
    ("Hamas and Fatah held talks brokered by Egypt.",
     ("Negotiate", ("hamas", "fatah"), (), ("egypt",))),
    ("Hamas and Fatah agreed to a ceasefire with Egypt's mediation.",
     ("Ceasefire", ("hamas", "fatah"), (), ("egypt",))),
    ("Hamas and Fatah negotiated under the auspices of the United Nations.",
     ("Negotiate", ("hamas", "fatah"), (), ("united-nations",))),
    ("Egypt mediated talks between Hamas and Fatah in Cairo.",
     ("Negotiate", ("hamas", "fatah"), (), ("egypt",))),
    ("The talks between Hamas and Fatah were mediated by Egypt.",
     ("Negotiate", ("hamas", "fatah"), (), ("egypt",))),
])
def test_a_named_mediator_fills_the_mediators_role_and_leaves_the_parties(extractor, text, event):
    assert event in _events(extractor, text)


@pytest.mark.parametrize("text, event", [
    ("Qatar acted as a go-between for Hamas and Fatah.",
     ("Mediate", ("qatar",), ("hamas", "fatah"), ())),
    ("Egypt served as an intermediary between Hamas and Fatah.",
     ("Mediate", ("egypt",), ("hamas", "fatah"), ())),
    ("Egypt mediated between Hamas and Fatah.",
     ("Mediate", ("egypt",), ("hamas", "fatah"), ())),
])
def test_a_mediation_names_its_mediator_as_agent_and_the_parties_as_targets(
        extractor, text, event):
    assert event in _events(extractor, text)


@pytest.mark.parametrize("text", [
    "Hamas and Fatah held talks in Cairo.",
    "Hamas and Fatah held talks with Egypt.",
    "Hamas and Fatah agreed to a ceasefire with Egypt.",
])
def test_without_a_mediation_cue_there_is_no_mediator(extractor, text):
    assert all(mediators == () for *_, mediators in _events(extractor, text))


def test_seed_names_no_mediator(seed_extraction):
    mediated = [e for e in seed_extraction.events if e.event_type == "Mediate"]
    assert mediated and all(e.mediators == () for e in seed_extraction.events)


@pytest.fixture
def mediated_store(extractor):
    from kg.ingest import ingest
    from kg.store import open_store

    store = open_store("memory:")
    article = article_from_text(ARTICLE, origin="mediation", meta={"published": "2016-03-04"})
    assert ingest(store, [article], extractor).added == [article.key]
    return store


def test_tallies_count_the_mediator_edges(mediated_store):
    from kg.aggregates.read import dyads

    relations = {(d.agent, d.other, d.relation): d.count for d in dyads(mediated_store)}
    assert relations[(ACTOR + "egypt", ACTOR + "hamas", "Mediates")] == 1
    assert relations[(ACTOR + "egypt", ACTOR + "fatah", "Mediates")] == 1
    assert (ACTOR + "hamas", ACTOR + "egypt", "Negotiate") not in relations


def test_the_mediators_analysis_counts_the_mediator_as_explicit(mediated_store):
    from kg.analysis.mediation import mediation_records

    kinds = {(r.actor.rsplit("/", 1)[-1], r.kind) for r in mediation_records(mediated_store)}
    assert ("egypt", "mediator") in kinds and ("qatar", "mediation agent") in kinds


@pytest.mark.parametrize("aggregated", [False, True])
def test_the_network_draws_the_mediator_edge_with_its_evidence(mediated_store, aggregated):
    from kg.views.aggregated import edge_evidence, network_json

    data = network_json(mediated_store, {"top": "50"} if aggregated else {})
    uri = {n["id"]: n["uri"] for n in data["nodes"]}
    mediates = {(uri[e["from"]], uri[e["to"]]): e for e in data["edges"] if e["type"] == "Mediates"}
    assert set(mediates) == {(ACTOR + "egypt", ACTOR + "hamas"), (ACTOR + "egypt", ACTOR + "fatah")}
    edge = mediates[(ACTOR + "egypt", ACTOR + "hamas")]
    assert edge["group"] == "mediates" and edge["count"] == 1
    if aggregated:
        sentences = [e["sentence"] for e in edge_evidence(mediated_store, edge["evidence"])["events"]]
    else:
        sentences = [data["events"][i]["sentence"] for i in edge["events"]]
    assert sentences == ["Hamas and Fatah held talks brokered by Egypt in Cairo on 3 March 2016."]
