"""kg.entities: an entity's events and claims, a page at a time, in the order one sorted SPARQL
query gives (the former implementation, kept here as the specification)."""

from __future__ import annotations

import pytest

from kg import entities, ids
from kg.ingest import ingest
from kg.store import open_store
from kg.vocab import sparql_prologue
from tests.synth_corpus import synth_articles

REFERENCE_EVENTS = sparql_prologue() + """
SELECT ?event ?role (SAMPLE(STR(?eventDate)) AS ?date) WHERE {
  VALUES ?role { ckg:agent ckg:target ckg:mediator ckg:place ckg:article }
  ?event ?role ?uri ; a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ;
         ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?event ckg:date ?eventDate }
} GROUP BY ?event ?role ORDER BY ?date ?event ?role"""
REFERENCE_CLAIMS = sparql_prologue() + """
SELECT DISTINCT ?claim ?role WHERE {
  VALUES ?role { ckg:speaker ckg:reportedVia ckg:asserts ckg:article }
  ?claim ?role ?uri ; a ckg:Claim ; ckg:quote ?quote ; ckg:sentence/ckg:text ?sentence .
} ORDER BY ?claim ?role"""


@pytest.fixture(scope="module")
def rich_store(extractor, seed_article):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    ingest(store, [seed_article, *synth_articles(12, seed=3, actors=200)], extractor)
    return store


def _busiest(store) -> list:  # type: ignore[no-untyped-def]
    rows = store.select(sparql_prologue() + """SELECT ?uri (COUNT(?e) AS ?n) WHERE {
      ?e ?role ?uri . VALUES ?role { ckg:agent ckg:target ckg:place ckg:speaker } }
      GROUP BY ?uri ORDER BY DESC(?n) ?uri LIMIT 3""")
    return [row["uri"] for row in rows]


@pytest.mark.parametrize("per_page,ratio,budget", [
    (100, entities.WALK_RATIO, entities.WALK_BUDGET), (3, entities.WALK_RATIO, entities.WALK_BUDGET),
    (3, 10.0**9, 10**9), (3, 10.0**9, 0)])
def test_an_entitys_events_and_claims_come_in_the_sorted_querys_order(rich_store, monkeypatch,
                                                                      per_page, ratio, budget):
    """As chosen, always walked along the store's orders, or always read whole (budget 0)."""
    monkeypatch.setattr(entities, "PER_PAGE", per_page)
    monkeypatch.setattr(entities, "WALK_RATIO", ratio)
    monkeypatch.setattr(entities, "WALK_BUDGET", budget)
    rich_store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")  # a new generation: read afresh
    for uri in [*_busiest(rich_store), ids.actor_uri("isis")]:
        expected = [(str(r["event"]), entities.curie(str(r["role"])))
                    for r in rich_store.select(REFERENCE_EVENTS, {"uri": uri})]
        claims = [(str(r["claim"]), entities.curie(str(r["role"])))
                  for r in rich_store.select(REFERENCE_CLAIMS, {"uri": uri})]
        got, got_claims, page = [], [], 1
        while True:
            described = entities.describe(rich_store, uri, page)
            got += [(e["uri"], e["role"]) for e in described["events"]]
            got_claims += [(c["uri"], c["role"]) for c in described["claims"]]
            if described["next_page"] is None:
                break
            page += 1
        assert expected and got == expected, uri
        assert got_claims == claims, uri


def test_a_busy_entitys_first_page_is_found_by_walking_not_by_reading_its_rows(rich_store,
                                                                               monkeypatch):
    monkeypatch.setattr(entities, "PER_PAGE", 1)  # walked when rows² >= events x rows wanted
    uri = _busiest(rich_store)[0]
    read_whole, checked = [], []
    select_text, links = rich_store.select_text, rich_store.links
    monkeypatch.setattr(rich_store, "select_text", lambda q, b=None: (
        read_whole.append(q) if q in (entities.EVENT_ROLES, entities.CLAIM_ROLES) else None)
        or select_text(q, b))
    monkeypatch.setattr(rich_store, "links", lambda s, o: checked.append(s) or links(s, o))
    rich_store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")  # a new generation: read afresh
    described = entities.describe(rich_store, uri, 1)
    events = rich_store.select(REFERENCE_EVENTS, {"uri": uri})
    assert [e["uri"] for e in described["events"]] == [str(r["event"]) for r in events][:1]
    assert entities.EVENT_ROLES not in read_whole
    assert 1 <= len(checked) < len(rich_store.select(sparql_prologue() + "SELECT ?e { ?e a ckg:Event }"))


def test_incoming_links_leave_out_the_tallies_that_count_the_entity(rich_store):
    rich_store.update("INSERT DATA { <http://e/s> <http://e/p> 2 }")  # a new generation: read afresh
    uri = ids.actor_uri("isis")
    counted = rich_store.select(sparql_prologue() + "SELECT ?t { ?t ckg:tallyAgent ?uri }", {"uri": uri})
    incoming = entities.describe(rich_store, uri)["incoming"]
    assert counted and not {row["subject"] for row in incoming} & {str(r["t"]) for r in counted}


def test_incoming_links_are_the_links_by_the_ontologys_linking_properties():
    """Sub-actors link to their parent (listed, labelled when described); the parent's mentions,
    event roles and a vocabulary the ontology does not declare are not incoming links."""
    store = open_store("memory:")
    parent, wing, branch = (ids.actor_uri(key) for key in ("a-front", "a-wing", "a-branch"))
    event, mention = ids.event_uri("art", 0), ids.mention_uri("art", 0, 7)
    store.update(sparql_prologue() + f"""INSERT DATA {{ GRAPH <{ids.article_uri("art")}> {{
      <{parent}> rdfs:label "A front" .
      <{wing}> ckg:parentActor <{parent}> ; rdfs:label "A wing" .
      <{branch}> ckg:parentActor <{parent}> .
      <{event}> a ckg:Event ; ckg:agent <{parent}> ; ckg:target <{wing}> .
      <{mention}> ckg:refersTo <{parent}> .
      <http://example.org/x> <http://example.org/admires> <{parent}> . }} }}""")
    incoming = entities.describe(store, parent)["incoming"]
    assert [(row["subject"], row["property"], row["label"]) for row in incoming] == [
        (str(branch), "ckg:parentActor", None), (str(wing), "ckg:parentActor", "A wing")]
    assert entities.describe(store, wing)["incoming"] == []


def test_an_entitys_mentions_are_its_tally_or_else_counted(rich_store):
    from kg.aggregates.read import tally_count
    from kg.ntriples import iri

    rich_store.update("INSERT DATA { <http://e/s> <http://e/p> 3 }")  # a new generation: read afresh
    uris = [*_busiest(rich_store), ids.actor_uri("isis")]
    counted = [int(rich_store.select(entities.MENTIONS, {"uri": uri}).column("n")[0]) for uri in uris]
    assert all(tally_count(rich_store, "mention", str(uri)) is not None for uri in uris)
    assert [entities.describe(rich_store, uri)["mentions"] for uri in uris] == counted
    store = open_store("memory:")  # the same store without its mention tallies
    store.update("INSERT DATA { " + " ".join(
        f"GRAPH {iri(r['g'])} {{ {iri(r['s'])} {iri(r['p'])} {r['o'].n3()} }}"
        for r in rich_store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        if "/tally/mention/" not in str(r["s"])) + " }")
    assert all(tally_count(store, "mention", str(uri)) is None for uri in uris)
    assert [entities.describe(store, uri)["mentions"] for uri in uris] == counted
    assert entities.describe(store, uris[0])["mentions"] > 1


def test_an_entitys_role_rows_are_counted_bound_to_it(rich_store):
    for uri in [*_busiest(rich_store), ids.actor_uri("nobody")]:
        for count, rows in ((entities.CLAIM_ROLE_COUNT, entities.CLAIM_ROLES),
                            (entities.EVENT_ROLE_COUNT, entities.EVENT_ROLES)):
            counted = rich_store.select_text(count, {"uri": uri})
            assert sum(int(n) for _, n in counted) == len(rich_store.select_text(rows, {"uri": uri}))
        assert entities._rows_estimate(rich_store, uri, entities.CLAIM_ROLE_COUNT) == len(
            rich_store.select_text(entities.CLAIM_ROLES, {"uri": uri}))


def test_the_event_walk_touches_only_the_rows_it_reached(rich_store):
    """A page worker shares the server's memory until it writes to it: walking the event order
    must not reference (and so write the reference count of) rows it has not reached."""
    import sys

    from kg.views.paged import event_order

    rows = event_order(rich_store)
    before = [sys.getrefcount(row) for row in rows]
    walk = iter(entities._event_walk(rich_store))
    first = [next(walk) for _ in range(2)]
    assert len(rows) > 10 and set(first) <= {event for _, event, _ in rows}
    assert [sys.getrefcount(row) for row in rows] == before
    undated = [event for date, event, _ in rows if not date]
    dated = [event for date, event, _ in rows if date]
    assert first + list(walk) == undated + dated
