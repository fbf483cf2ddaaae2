"""Every event's type and every node's date, read once and shared (kg.eventindex)."""

from __future__ import annotations

from kg.eventindex import EVENT_TYPES, NODE_DATES, event_types, node_dates
from kg.vocab import sparql_prologue


def test_the_index_holds_every_typed_event_and_every_dated_node(seed_store):
    count = sparql_prologue() + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x ckg:%s ?v }"
    typed = int(str(seed_store.select_text(count % "eventType")[0][0]))
    dated = int(str(seed_store.select_text(count % "date")[0][0]))
    assert len(event_types(seed_store)) == typed > 0
    assert len(node_dates(seed_store)) == dated > 0
    assert all(kind.startswith("https://") for kind in event_types(seed_store).values())


def test_the_timeline_the_api_and_entity_pages_read_it_once(seed_store, monkeypatch):
    from kg.catalog import events
    from kg.views.paged import timeline_page

    asked: list[str] = []
    real = seed_store.select_text
    monkeypatch.setattr(seed_store, "select_text",
                        lambda query, bindings=None: asked.append(query) or real(query, bindings))
    timeline_page(seed_store, {"page": "1"})
    events(seed_store, limit=5)
    assert asked.count(EVENT_TYPES) == 1 and asked.count(NODE_DATES) == 1
    seed_store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
    events(seed_store, limit=5)  # a write: read afresh
    assert asked.count(EVENT_TYPES) == 2


def test_kept_dates_are_given_only_once_read_and_until_a_write():
    from kg.eventindex import kept_node_dates
    from kg.store import open_store

    store = open_store("memory:")
    store.update(sparql_prologue() + 'INSERT DATA { <http://e/ev> ckg:date "2020"^^xsd:gYear }')
    assert kept_node_dates(store) is None
    assert node_dates(store) == kept_node_dates(store) == {"http://e/ev": "2020"}
    store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")
    assert kept_node_dates(store) is None
    store.cache_reads = False  # a store that keeps no reads keeps no dates
    node_dates(store)
    assert kept_node_dates(store) is None
