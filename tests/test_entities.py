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


@pytest.mark.parametrize("per_page", [100, 3])
def test_an_entitys_events_and_claims_come_in_the_sorted_querys_order(rich_store, monkeypatch,
                                                                      per_page):
    monkeypatch.setattr(entities, "PER_PAGE", per_page)
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
