"""kg.ingest on an on-disk Oxigraph store: the fast N-Triples path gives the rdflib graphs."""

from __future__ import annotations

import dataclasses

import pytest

from kg import ids
from kg.errors import StoreError
from kg.ingest import ingest
from kg.rdf import extraction_triples
from kg.store import open_store
from tests.rdf_datasets import assert_same_datasets, store_dataset
from tests.store_batch import TrivialExtractor, article, batch, extraction


def reference(articles) -> dict:  # type: ignore[no-untyped-def]
    """Each article's graph written by the rdflib mapping, one graph per article, the
    entities graph, and the aggregates counted afresh (:func:`kg.aggregates.write.rebuild`)."""
    from kg.aggregates.write import rebuild
    from kg.descriptions import describe_entities

    store = open_store("memory:")
    for art in articles:
        store.replace_graph(ids.article_uri(art.key), extraction_triples(extraction(art)))
        describe_entities(store, extraction(art))
    if articles:
        rebuild(store)
    return store_dataset(store)


@pytest.fixture
def disk(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    yield store
    store.close()


def test_new_articles_on_disk_get_the_graphs_of_the_rdflib_mapping(disk):
    articles = batch(30)
    ticks: list[int] = []
    report = ingest(disk, articles, TrivialExtractor(), tick=lambda: ticks.append(1))
    assert report.added == [a.key for a in articles] and not report.failed
    assert len(ticks) == 30
    assert_same_datasets(store_dataset(disk), reference(articles))


def test_a_rerun_skips_and_a_changed_article_replaces_its_graph(disk):
    ingest(disk, batch(10), TrivialExtractor())
    changed = dataclasses.replace(article(3), title="Changed", sha256="0" * 64)
    again = ingest(disk, [*batch(10)[:3], changed, *batch(12)[4:]], TrivialExtractor())
    assert again.replaced == [changed.key]
    assert again.added == ["batch-0010", "batch-0011"]
    assert len(again.unchanged) == 9
    expected = reference([*batch(12)[:3], changed, *batch(12)[4:]])
    assert_same_datasets(store_dataset(disk), expected)


def test_an_article_the_store_refuses_is_reported_and_the_others_land(disk, monkeypatch):
    from kg.store.oxigraph import OxigraphStore

    real = OxigraphStore.update

    def refuse(self, sparql):  # type: ignore[no-untyped-def]
        if "GRAPH <https://w3id.org/conflict-kg/id/article/batch-0002>" in sparql:
            raise StoreError("write failed: No space left on device", where=self.uri)
        real(self, sparql)

    monkeypatch.setattr(OxigraphStore, "update", refuse)
    report = ingest(disk, batch(5), TrivialExtractor())
    assert [str(e) for e in report.failed] == [  # names the article, then the store
        f"article 'batch-0002' not stored: write failed: No space left on device (store {disk.uri})"]
    survivors = [a for a in batch(5) if a.key != "batch-0002"]
    assert report.added == [a.key for a in survivors]
    assert_same_datasets(store_dataset(disk), reference(survivors))


def test_a_stray_graph_of_a_new_article_is_replaced_not_added_to(disk):
    from rdflib import Literal, URIRef

    graph = ids.article_uri("batch-0001")
    disk.replace_graph(graph, [(graph, URIRef("http://example.org/stray"), Literal(1))])
    report = ingest(disk, batch(3), TrivialExtractor())
    assert report.added == ["batch-0000", "batch-0001", "batch-0002"]
    assert_same_datasets(store_dataset(disk), reference(batch(3)))


def test_a_surrogate_in_a_literal_is_refused_for_that_article_only(disk):
    bad = dataclasses.replace(article(1), title="bad \ud800 title")
    report = ingest(disk, [article(0), bad, article(2)], TrivialExtractor())
    assert report.added == ["batch-0000", "batch-0002"]
    assert len(report.failed) == 1 and "surrogate" in str(report.failed[0])
    assert_same_datasets(store_dataset(disk), reference([article(0), article(2)]))
