"""kg.catalog: the REST API's lists from cached indexes equal one SPARQL query over the store.

The reference queries below are what kg.catalog ran before (one GROUP BY query
per page, sorted over every event: 8-10 s a page at 10,000 articles); they are
the specification the indexed lists must keep, order included.
"""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg import catalog, ids
from kg.ingest import ingest
from kg.store import open_store
from kg.vocab import distinct_values, event_type_uri, sparql_prologue
from tests.synth_corpus import synth_articles

REFERENCE_ACTORS = sparql_prologue() + """
SELECT ?actor ?label ?kind ?country (COUNT(DISTINCT ?event) AS ?events)
       (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {
  """ + distinct_values("actor", "ckg:actorKind", "kind") + """
  """ + distinct_values("actor", "rdfs:label", "label") + """
  OPTIONAL """ + distinct_values("actor", "ckg:country", "country") + """
  OPTIONAL { VALUES ?role { ckg:agent ckg:target ckg:mediator } ?event ?role ?actor }
  OPTIONAL { ?claim ckg:speaker ?actor }
}
GROUP BY ?actor ?label ?kind ?country"""

REFERENCE_EVENTS = sparql_prologue() + """
SELECT ?event (SAMPLE(STR(COALESCE(?eventDate, ?published))) AS ?date) WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?article schema:datePublished ?published } OPTIONAL { ?event ckg:date ?eventDate }
  %s
} GROUP BY ?event ORDER BY ?date ?event"""
ACTOR_FILTER = "?event ?role ?actor . VALUES ?role { ckg:agent ckg:target ckg:mediator }"

REFERENCE_CLAIMS = sparql_prologue() + """
SELECT DISTINCT ?claim WHERE { ?claim a ckg:Claim ; ckg:quote ?q ; ckg:sentence/ckg:text ?s .
  %s } ORDER BY ?claim"""


@pytest.fixture(scope="module")
def rich_store(extractor, seed_article):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    ingest(store, [seed_article, *synth_articles(12, seed=3, actors=200)], extractor)
    return store


def test_actors_equal_the_grouped_query(rich_store):
    listed = catalog.actors(rich_store)
    expected = {(str(r["actor"]), str(r["label"]), str(r["kind"]),
                 str(r["country"]) if "country" in r else None, int(r["events"]), int(r["claims"]))
                for r in rich_store.select(REFERENCE_ACTORS)}
    assert len(listed) == len(expected) == catalog.actor_total(rich_store) > 20
    assert {(a["uri"], a["label"], a["kind"], a["country"], a["events"], a["claims"])
            for a in listed} == expected
    assert [a["events"] for a in listed] == sorted((a["events"] for a in listed), reverse=True)
    assert catalog.actors(rich_store, 5, 3) == listed[3:8]


def _reference_events(store, where: str = "", bindings=None, keep=lambda date: True):  # type: ignore[no-untyped-def]
    rows = store.select(REFERENCE_EVENTS % where, bindings or {})
    return [str(r["event"]) for r in rows if keep(str(r["date"]) if "date" in r else "")]


@pytest.mark.parametrize("name", ["all", "type", "actor", "since", "until", "both"])
def test_events_equal_the_sorted_query_for_every_filter(rich_store, name):
    filters = {"all": {}, "type": {"event_type": "ArmedClash"}, "actor": {"actor": "isis"},
               "since": {"since": "2022-03"}, "until": {"until": "2022"},
               "both": {"since": "2021-06-02", "until": "2022-02"}}[name]
    if name == "type":
        expected = _reference_events(rich_store, "", {"type": event_type_uri("ArmedClash")})
    elif name == "actor":
        expected = _reference_events(rich_store, ACTOR_FILTER, {"actor": ids.actor_uri("isis")})
    else:
        since, until = filters.get("since"), filters.get("until")
        expected = _reference_events(rich_store, keep=lambda d: catalog._within(d, since, until))
    listed = catalog.events(rich_store, limit=1000, **filters)
    assert expected and [e["uri"] for e in listed] == expected
    page = catalog.events(rich_store, limit=3, offset=2, **filters)
    assert [e["uri"] for e in page] == expected[2:5]


def test_an_undated_event_is_in_no_bounded_range(rich_store):
    dates = [e["date"] for e in catalog.events(rich_store, limit=1000, until="2100")]
    assert dates and all(dates)


def test_claims_equal_the_sorted_query(rich_store):
    every = [c["uri"] for c in catalog.claims(rich_store, limit=1000)]
    assert every == [str(r["claim"]) for r in rich_store.select(REFERENCE_CLAIMS % "")]
    speaker = catalog.claims(rich_store, limit=1)[0]["speaker"]
    mine = catalog.claims(rich_store, speaker=ids.key_of(speaker)[1], limit=1000)
    assert mine and [c["uri"] for c in mine] == [str(r["claim"]) for r in rich_store.select(
        REFERENCE_CLAIMS % "?claim ckg:speaker ?speaker .", {"speaker": URIRef(speaker)})]


def test_a_write_refreshes_the_indexes(extractor):
    first, second = synth_articles(2, seed=5, actors=100)
    store = open_store("memory:")
    ingest(store, [first], extractor)
    before = (len(catalog.events(store, limit=1000)), len(catalog.claims(store, limit=1000)))
    ingest(store, [second], extractor)
    after = (len(catalog.events(store, limit=1000)), len(catalog.claims(store, limit=1000)))
    assert after[0] > before[0] > 0 and after[1] >= before[1]


@pytest.mark.parametrize("one_by_one", [2000, 0])
def test_an_event_without_its_own_date_takes_its_articles(seed_store, monkeypatch, one_by_one):
    monkeypatch.setattr(catalog, "UNDATED_ONE_BY_ONE", one_by_one)
    seed_store.update(sparql_prologue() + "DELETE { GRAPH ?g { ?e ckg:date ?d } } WHERE { "
                      "GRAPH ?g { ?e a ckg:Event ; ckg:date ?d } FILTER(STRENDS(STR(?e), '-1')) }")
    assert not seed_store.ask(sparql_prologue() + "ASK { ?e a ckg:Event ; ckg:date ?d "
                              "FILTER(STRENDS(STR(?e), '-1')) }")
    listed = catalog.events(seed_store, limit=1000)
    assert [e["uri"] for e in listed] == _reference_events(seed_store)
    undated = next(e for e in listed if e["uri"].endswith("-1"))
    assert undated["date"] == "2017-08-27"  # the seed's publication date
