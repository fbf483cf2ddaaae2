"""kg.aggregates.members: kg upgrade adds the ckg:inDyad index alone to tallies kept before it."""

from __future__ import annotations

import pytest

from kg import ids
from kg.aggregates.members import EARLIER_MARKER_TEXT, add_index, needs_index_only
from kg.aggregates.write import MARKER_TEXT, needs_tallies
from kg.ingest import ingest
from kg.ntriples import iri, literal
from kg.store import open_store
from kg.vocab import CKG, RDFS
from tests.synth_corpus import synth_articles

ALL = "SELECT ?s ?p ?o WHERE { GRAPH ?a { ?s ?p ?o } }"


def aggregates(store) -> set[tuple[str | None, ...]]:  # type: ignore[no-untyped-def]
    """The aggregates graph less the kept answers and their version (kg.aggregates.answers)."""
    from kg.aggregates.answers import kept_answer_triple

    return {row for row in store.select_text(ALL, {"a": ids.aggregates_graph()})
            if not kept_answer_triple(row[0], row[1])}


def as_before_the_index(store) -> None:  # type: ignore[no-untyped-def]
    """Drop the index and the mention tallies (counted since) and put back the marker an earlier
    kg wrote (its other tallies are today's)."""
    graph, label = iri(ids.aggregates_graph()), iri(RDFS.label)
    store.update(f"DELETE WHERE {{ GRAPH {graph} {{ ?e {iri(CKG.inDyad)} ?d }} }} ;\n"
                 f"DELETE WHERE {{ GRAPH {graph} {{ ?t {iri(CKG.tallyEntity)} ?x ; ?p ?o }} }} ;\n"
                 f"DELETE DATA {{ GRAPH {graph} {{ {graph} {label} {literal(MARKER_TEXT)} }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{ {graph} {label} {literal(EARLIER_MARKER_TEXT)} }} }}")


@pytest.fixture(scope="module")
def ingested(extractor):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    ingest(store, synth_articles(20, seed=7, actors=150), extractor)
    return store


def test_the_index_added_alone_is_the_one_ingest_keeps(ingested):
    from kg.aggregates.snapshot import kept_tables
    from kg.upgrade import needs_upgrade, upgrade

    kept = aggregates(ingested)
    store = open_store("memory:")
    store.update("INSERT DATA { " + " ".join(
        f"GRAPH {iri(g)} {{ {iri(s)} {iri(p)} {o} }}" for s, p, o, g in _quads(ingested)) + " }")
    as_before_the_index(store)
    without = aggregates(store)
    assert needs_tallies(store) and needs_upgrade(store) and needs_index_only(store)
    assert len(kept - without) > 50  # the index, the mention tallies and the marker
    upgrade(store)
    assert not needs_upgrade(store) and not needs_index_only(store)
    assert aggregates(store) == kept
    assert kept_tables(store) is not None  # what the analyses read, kept whole as a recount does


def _quads(store):  # type: ignore[no-untyped-def]
    for row in store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
        yield row["s"], row["p"], row["o"].n3(), row["g"]


def test_a_store_of_today_or_without_tallies_gets_no_index_added(ingested, extractor):
    assert not needs_index_only(ingested) and add_index(ingested) == 0
    from kg.rdf import extraction_triples

    bare = open_store("memory:")
    for extraction in extractor.pipe(synth_articles(3, seed=7, actors=150)):
        bare.replace_graph(ids.article_uri(extraction.article.key), extraction_triples(extraction))
    assert needs_tallies(bare) and not needs_index_only(bare) and add_index(bare) == 0
