"""kg.aggregates.mentions: kg upgrade adds the mention tallies alone to tallies kept before them."""

from __future__ import annotations

import pytest

from kg import ids
from kg.aggregates.mentions import INDEXED_MARKER_TEXT, add_mentions, needs_mentions_only
from kg.aggregates.write import MARKER_TEXT, needs_tallies
from kg.ingest import ingest
from kg.ntriples import iri, literal
from kg.store import open_store
from kg.vocab import CKG, RDFS
from tests.synth_corpus import synth_articles
from tests.test_aggregates_members import _quads, aggregates


def as_before_the_mentions(store) -> None:  # type: ignore[no-untyped-def]
    """Drop the mention tallies and put back the marker an earlier kg wrote (its other tallies,
    and their index, are today's)."""
    graph, label = iri(ids.aggregates_graph()), iri(RDFS.label)
    store.update(f"DELETE WHERE {{ GRAPH {graph} {{ ?t {iri(CKG.tallyEntity)} ?x ; ?p ?o }} }} ;\n"
                 f"DELETE DATA {{ GRAPH {graph} {{ {graph} {label} {literal(MARKER_TEXT)} }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{ {graph} {label} {literal(INDEXED_MARKER_TEXT)} }} }}")


def copy_of(store):  # type: ignore[no-untyped-def]
    copied = open_store("memory:")
    copied.update("INSERT DATA { " + " ".join(
        f"GRAPH {iri(g)} {{ {iri(s)} {iri(p)} {o} }}" for s, p, o, g in _quads(store)) + " }")
    return copied


@pytest.fixture(scope="module")
def ingested(extractor):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    ingest(store, synth_articles(20, seed=11, actors=150), extractor)
    return store


def test_the_mention_tallies_added_alone_are_those_ingest_keeps(ingested):
    from kg.aggregates.snapshot import kept_tables
    from kg.upgrade import needs_upgrade, upgrade

    kept = aggregates(ingested)
    store = copy_of(ingested)
    as_before_the_mentions(store)
    without = aggregates(store)
    assert needs_tallies(store) and needs_upgrade(store) and needs_mentions_only(store)
    assert len(kept - without) > 50  # the mention tallies and the marker
    upgrade(store)
    assert not needs_upgrade(store) and not needs_mentions_only(store)
    assert aggregates(store) == kept
    assert kept_tables(store) is not None  # what the analyses read, kept whole as a recount does


def test_mention_tallies_left_from_before_are_counted_afresh_not_added_to(ingested):
    store = copy_of(ingested)
    kept = aggregates(store)
    graph, label = iri(ids.aggregates_graph()), iri(RDFS.label)
    store.update(f"DELETE DATA {{ GRAPH {graph} {{ {graph} {label} {literal(MARKER_TEXT)} }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{ {graph} {label} {literal(INDEXED_MARKER_TEXT)} }} }}")
    assert add_mentions(store) > 20
    assert aggregates(store) == kept


def test_a_store_of_today_or_without_tallies_gets_no_mention_tallies_added(ingested, extractor):
    from kg.rdf import extraction_triples

    assert not needs_mentions_only(ingested) and add_mentions(ingested) == 0
    bare = open_store("memory:")
    for extraction in extractor.pipe(synth_articles(3, seed=11, actors=150)):
        bare.replace_graph(ids.article_uri(extraction.article.key), extraction_triples(extraction))
    assert needs_tallies(bare) and not needs_mentions_only(bare) and add_mentions(bare) == 0
