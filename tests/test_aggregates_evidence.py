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


_IN_DYAD = {  # made-up events of one dyad: dates of every type the writer uses, two undated
    "http://e/ev/m": '"2021-03"^^xsd:gYearMonth', "http://e/ev/b": '"2021-03-05"^^xsd:date',
    "http://e/ev/a": '"2021-03-05"^^xsd:date', "http://e/ev/y": '"2021"^^xsd:gYear',
    "http://e/ev/t": '"2021-03-05T08:30:00"^^xsd:dateTime', "http://e/ev/z": None,
    "http://e/ev/u": None, "http://e/ev/c": '"2020-12-31"^^xsd:date',
}
_KNOWN_ORDER = ["http://e/ev/u", "http://e/ev/z", "http://e/ev/c", "http://e/ev/y",
                "http://e/ev/m", "http://e/ev/a", "http://e/ev/b", "http://e/ev/t"]
"""Undated first, then by date across types (a year before its months, a day before its
times), then by URI: what ``ORDER BY ?date ?event`` gives."""


def _dyad_store(events: dict[str, str | None]):  # type: ignore[no-untyped-def]
    store, dyad = open_store("memory:"), URIRef("http://e/tally/dyad")
    quads = [f"GRAPH <{ids.aggregates_graph()}> {{ <{e}> ckg:inDyad <{dyad}> }}" for e in events]
    quads += [f"GRAPH <http://e/article> {{ <{e}> ckg:date {d} }}" for e, d in events.items() if d]
    store.update(sparql_prologue() + "INSERT DATA { " + " ".join(quads) + " }")
    return store, dyad


_PATHS = ["sparql", "kept dates", "dyad's dates"]
"""How a page's events are ordered: by SPARQL (a store that keeps no reads), in Python by the
dates the store keeps (:func:`kg.eventindex.node_dates` read before), or by the dyad's own."""


def _on_path(store, path: str):  # type: ignore[no-untyped-def]
    from kg.eventindex import DATES, node_dates

    store.cache_reads = path != "sparql"
    if path == "kept dates":
        node_dates(store)
    assert store.holds(DATES) == (path == "kept dates")
    return store


@pytest.mark.parametrize("path", _PATHS)
def test_a_dyads_events_page_in_sparqls_date_order_on_every_path(path):
    from kg.aggregates.evidence import page_events

    store, dyad = _dyad_store(_IN_DYAD)
    _on_path(store, path)
    pages = [page_events(store, dyad, page, 3) for page in (1, 2, 3, 4)]
    assert [e for page in pages for e, _ in page] == _KNOWN_ORDER
    assert [len(page) for page in pages] == [3, 3, 2, 0]
    assert pages[0][2] == ("http://e/ev/c", "2020-12-31") and pages[0][0][1] is None


def test_a_write_after_the_dates_were_kept_is_seen():
    from kg.aggregates.evidence import dyad_order

    store, dyad = _dyad_store(_IN_DYAD)
    _on_path(store, "kept dates")
    store.update(sparql_prologue() + f"INSERT DATA {{ GRAPH <{ids.aggregates_graph()}> "
                 f"{{ <http://e/ev/0> ckg:inDyad <{dyad}> }} GRAPH <http://e/article> "
                 '{ <http://e/ev/u> ckg:date "1999"^^xsd:gYear } }')
    assert [e for e, _ in dyad_order(store, dyad)][:3] == ["http://e/ev/0", "http://e/ev/z",
                                                         "http://e/ev/u"]


def test_every_page_of_every_dyad_is_the_same_on_every_path(synth_store):
    import json

    pages = 0
    for dyad in read.dyads(synth_store):
        for page in range(1, 2 + dyad.count // 3):
            answers = []
            for path in _PATHS:
                synth_store.__dict__.pop("_cache", None)
                answers.append(json.dumps(dyad_evidence(
                    _on_path(synth_store, path), dyad.agent, dyad.other, dyad.relation, page, 3)))
            pages += 1
            assert answers[0] == answers[1] == answers[2]
    synth_store.cache_reads = True
    assert pages > 100


def test_a_warmed_store_keeps_the_order_of_every_big_dyad_and_only_theirs(synth_store,
                                                                          monkeypatch):
    from kg.aggregates import evidence
    from kg.aggregates.tallies import Key
    from kg.aggregates.write import tally_node
    from kg.eventindex import node_dates

    dyads = read.dyads(synth_store)
    big = sorted(d.count for d in dyads)[-5]  # the five busiest dyads and their ties
    monkeypatch.setattr(evidence, "BIG_DYAD", big)
    synth_store.__dict__.pop("_cache", None)
    node_dates(synth_store)
    assert not synth_store.holds(evidence.BIG_ORDERS)
    kept = evidence.keep_big_orders(synth_store)
    assert 5 <= kept == sum(d.count >= big for d in dyads) < len(dyads)
    for dyad in dyads:
        node = tally_node(Key("dyad", (dyad.agent, dyad.other, dyad.relation)))
        order = evidence.dyad_order(synth_store, node)
        assert order == evidence.read_order(synth_store, node)
        assert (order is evidence.dyad_order(synth_store, node)) == (dyad.count >= big)
    synth_store.__dict__.pop("_cache", None)
