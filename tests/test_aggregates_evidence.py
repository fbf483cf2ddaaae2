"""kg.aggregates.evidence: a dyad's events read from the ckg:inDyad index kept with the tallies,
equal to matching the dyad's rule over every event (the query it replaced)."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg import ids
from kg.aggregates import read
from kg.aggregates.evidence import dyad_evidence
from kg.aggregates.tallies import HAPPENED
from kg.errors import StoreError
from kg.ingest import ingest
from kg.store import open_store
from kg.vocab import CKG, ET, sparql_prologue
from tests.servers import any_store  # noqa: F401  (a fixture)
from tests.synth_corpus import synth_articles

_PATTERNS = {
    "CoAgent": "?event ckg:agent ?agent , ?other . FILTER NOT EXISTS { ?event ckg:agentsAct ?act }",
    "Mediates": "?event ckg:mediator ?agent . { ?event ckg:agent ?other } UNION "
                "{ ?event ckg:target ?other }",
    "Allied": '{ ?event ckg:agentsAct "allied" ; ckg:agent ?agent ; ckg:target ?other } UNION '
              '{ ?event ckg:agentsAct ?act ; ckg:agent ?agent , ?other '
              'FILTER(?act IN ("allied", "jointly")) }',
}
_TYPED = ('?event ckg:eventType ?type . { ?event ckg:agent ?agent ; ckg:target ?other '
          'FILTER NOT EXISTS { ?event ckg:agentsAct "allied" } } UNION '
          '{ ?event ckg:agentsAct "mutually" ; ckg:agent ?agent , ?other {order} }')
ORDERED = "FILTER(STR(?agent) < STR(?other))"
"""What the old query's mutual branch lacked: agents acting on each other are counted once, in
URI order (:func:`kg.aggregates.tallies.event_edges`); it listed them under both orders."""
MATCHED = sparql_prologue() + """
SELECT DISTINCT ?event ?agent ?other ?type ?date WHERE {{
  {pattern}
  ?event ckg:modality ?modality .
  FILTER(?modality IN ({happened}))
  OPTIONAL {{ ?event ckg:date ?date }}
}} ORDER BY ?date ?event"""
"""The query evidence ran before the index (the dyad's rule matched over every event)."""
MEMBERS_IN_ARTICLES = sparql_prologue() + "ASK { GRAPH ?g { ?e ckg:inDyad ?d } FILTER(?g != ?a) }"


def matched_events(store, agent: str, other: str, relation: str,  # type: ignore[no-untyped-def]
                   order: str = ORDERED) -> list[str]:
    query = MATCHED.format(pattern=_PATTERNS.get(relation, _TYPED.replace("{order}", order)),
                           happened=", ".join(f'"{m}"' for m in HAPPENED))
    bindings = {"agent": URIRef(agent), "other": URIRef(other)}
    if relation not in _PATTERNS:
        bindings["type"] = ET[relation]
    return [row[0] for row in store.select_text(query, bindings)]


def read_events(store, agent: str, other: str, relation: str, per_page: int) -> list[str]:  # type: ignore[no-untyped-def]
    events: list[str] = []
    for page in range(1, 1000):
        found = dyad_evidence(store, agent, other, relation, page, per_page)["events"]
        events += [e["uri"] for e in found]  # type: ignore[attr-defined]
        if len(found) < per_page:  # type: ignore[arg-type]
            return events
    raise AssertionError("no last page")


@pytest.fixture(scope="module")
def synth_store(extractor):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    ingest(store, synth_articles(60, seed=5, actors=120), extractor)
    return store


@pytest.mark.parametrize("name", ["seed_store", "synth_store"])
def test_every_dyads_evidence_is_the_events_its_rule_matches_in_the_same_order(request, name):
    store = request.getfixturevalue(name)
    dyads = read.dyads(store)
    assert len(dyads) >= (5 if name == "seed_store" else 100)
    relations = set()
    for dyad in dyads:
        expected = matched_events(store, dyad.agent, dyad.other, dyad.relation)
        assert len(expected) == dyad.count
        assert read_events(store, dyad.agent, dyad.other, dyad.relation, 3) == expected
        relations.add(dyad.relation)
    assert "CoAgent" in relations or "Mediates" in relations


def test_the_old_query_listed_agents_acting_on_each_other_under_both_orders(synth_store):
    over = [d for d in read.dyads(synth_store)
            if len(matched_events(synth_store, d.agent, d.other, d.relation, "")) > d.count]
    assert over and all(d.agent > d.other for d in over)
    for d in over:
        assert read_events(synth_store, d.agent, d.other, d.relation, 20) == \
            matched_events(synth_store, d.agent, d.other, d.relation)


def test_the_index_is_kept_in_the_aggregates_graph_not_in_the_articles(synth_store):
    assert synth_store.ask(sparql_prologue() + "ASK { GRAPH ?a { ?e ckg:inDyad ?d } }",
                           {"a": ids.aggregates_graph()})
    assert not synth_store.ask(MEMBERS_IN_ARTICLES, {"a": ids.aggregates_graph()})


def test_an_article_graph_reads_back_as_written(extractor, seed_article):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.rdf import extraction_triples

    store = open_store("memory:")
    ingest(store, [seed_article], extractor)
    extraction = extractor.extract(seed_article)
    stored = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                             {"g": ids.article_uri(seed_article.key)})
    written = Graph()
    for triple in extraction_triples(extraction):
        written.add(triple)
    assert len(stored) == len(written) > 20 and isomorphic(stored, written)


def test_an_old_stores_evidence_asks_for_an_upgrade_then_reads_the_index(seed_store):
    from kg.aggregates.write import MARKER_TEXT
    from kg.upgrade import needs_upgrade, upgrade

    store = _copy_without_index(seed_store, MARKER_TEXT)
    dyad = max(read.dyads(store), key=lambda d: d.count)
    assert needs_upgrade(store)
    with pytest.raises(StoreError, match="kg upgrade"):
        dyad_evidence(store, dyad.agent, dyad.other, dyad.relation)
    upgrade(store)
    assert not needs_upgrade(store)
    assert read_events(store, dyad.agent, dyad.other, dyad.relation, 20) == \
        matched_events(store, dyad.agent, dyad.other, dyad.relation) != []


def _copy_without_index(source, marker_text: str):  # type: ignore[no-untyped-def]
    """A store as an older kg left it: the same quads, no ckg:inDyad, the older marker."""
    from kg.ntriples import iri, literal

    copy = open_store("memory:")
    old = marker_text.replace("dyads with their events", "dyads")
    lines = []
    for s, p, o, g in source.select_text(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isLiteral(?o)) }"):
        if p != str(CKG.inDyad) and o != marker_text:
            lines.append(f"GRAPH {iri(g)} {{ {iri(s)} {iri(p)} {iri(o)} }}")
    rows = source.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) }")
    for row in rows:
        text = old if str(row["o"]) == marker_text else None
        value = literal(text) if text else row["o"].n3()
        lines.append(f"GRAPH {iri(row['g'])} {{ {iri(row['s'])} {iri(row['p'])} {value} }}")
    copy.update("INSERT DATA { " + " ".join(lines) + " }")
    return copy


def test_a_misspelt_index_term_raises():
    assert str(CKG.inDyad).endswith("inDyad")
    with pytest.raises(AttributeError):
        CKG.inDyads  # noqa: B018


def test_evidence_on_every_backend_is_what_the_rule_matches(any_store, extractor):
    ingest(any_store, synth_articles(10, seed=5, actors=120), extractor)
    dyads = read.dyads(any_store)
    assert len(dyads) > 20
    for dyad in dyads:
        assert read_events(any_store, dyad.agent, dyad.other, dyad.relation, 2) == \
            matched_events(any_store, dyad.agent, dyad.other, dyad.relation)


def test_an_old_stores_evidence_route_answers_the_instruction(seed_store):
    from kg.aggregates.write import MARKER_TEXT
    from web import close_app, create_app

    store = _copy_without_index(seed_store, MARKER_TEXT)
    dyad = max(read.dyads(store), key=lambda d: d.count)
    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    app.extensions["kg_store"] = store
    try:
        answer = app.test_client().get("/network/evidence.json", query_string={
            "agent": dyad.agent, "other": dyad.other, "type": dyad.relation})
    finally:
        close_app(app)
    assert answer.status_code == 503 and "kg upgrade" in answer.get_data(as_text=True)
