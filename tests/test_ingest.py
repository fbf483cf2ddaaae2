"""kg.ingest on an on-disk Oxigraph store: new articles written in batches, whole or not at all."""

from __future__ import annotations

import dataclasses
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import kg.ingest
from kg import ids
from kg.errors import StoreError
from kg.ingest import NewArticles, ingest
from kg.rdf import extraction_triples
from kg.store import open_store
from tests.rdf_datasets import assert_same_datasets, store_dataset
from tests.store_batch import TrivialExtractor, article, batch, extraction

ROOT = Path(__file__).resolve().parents[1]


def reference(articles) -> dict:  # type: ignore[no-untyped-def]
    """Each article's graph written by the rdflib mapping, one graph per article."""
    store = open_store("memory:")
    for art in articles:
        store.replace_graph(ids.article_uri(art.key), extraction_triples(extraction(art)))
    return store_dataset(store)


@pytest.fixture
def disk(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    yield store
    store.close()


@pytest.fixture
def small_batches(monkeypatch):  # type: ignore[no-untyped-def]
    """Batches of 7 articles, each bulk-loaded."""
    monkeypatch.setattr(kg.ingest, "BATCH_ARTICLES", 7)
    monkeypatch.setattr(kg.ingest, "BULK_MIN_TRIPLES", 0)


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk-loaded", "transactions"])
def test_batched_articles_give_the_graphs_of_the_rdflib_mapping(disk, monkeypatch, bulk):
    monkeypatch.setattr(kg.ingest, "BATCH_ARTICLES", 7)
    monkeypatch.setattr(kg.ingest, "BULK_MIN_TRIPLES", 0 if bulk else 10**9)
    articles = batch(30)  # 4 full batches and a part one
    ticks: list[int] = []
    report = ingest(disk, articles, TrivialExtractor(), tick=lambda: ticks.append(1))
    assert report.added == [a.key for a in articles] and not report.failed
    assert len(ticks) == 30
    assert_same_datasets(store_dataset(disk), reference(articles))


def test_a_rerun_skips_and_a_changed_article_replaces_its_graph(disk, small_batches):
    ingest(disk, batch(10), TrivialExtractor())
    changed = dataclasses.replace(article(3), title="Changed", sha256="0" * 64)
    again = ingest(disk, [*batch(10)[:3], changed, *batch(12)[4:]], TrivialExtractor())
    assert again.replaced == [changed.key]
    assert again.added == ["batch-0010", "batch-0011"]
    assert len(again.unchanged) == 9
    expected = reference([*batch(12)[:3], changed, *batch(12)[4:]])
    assert_same_datasets(store_dataset(disk), expected)


def test_a_batch_that_cannot_be_written_is_retried_article_by_article(disk, small_batches,
                                                                     monkeypatch):
    from kg.store.oxigraph import OxigraphStore

    real = OxigraphStore.load_quads

    def refuse(self, data: bytes, *, bulk: bool = False) -> None:  # type: ignore[no-untyped-def]
        if b"batch-0002" in data:  # a batch holding article 2, or article 2 alone
            raise StoreError("write failed: No space left on device", where=self.uri)
        real(self, data, bulk=bulk)

    monkeypatch.setattr(OxigraphStore, "load_quads", refuse)
    report = ingest(disk, batch(10), TrivialExtractor())
    assert [str(e) for e in report.failed] == [f"{disk.uri}: write failed: No space left on device"]
    assert report.added == [a.key for a in batch(10) if a.key != "batch-0002"]
    survivors = [a for a in batch(10) if a.key != "batch-0002"]
    assert_same_datasets(store_dataset(disk), reference(survivors))


def test_a_stray_graph_of_a_new_article_is_replaced_not_added_to(disk, small_batches):
    from rdflib import Literal, URIRef

    graph = ids.article_uri("batch-0001")
    disk.replace_graph(graph, [(graph, URIRef("http://example.org/stray"), Literal(1))])
    report = ingest(disk, batch(3), TrivialExtractor())
    assert report.added == ["batch-0001", "batch-0000", "batch-0002"]  # the stray one at once
    assert_same_datasets(store_dataset(disk), reference(batch(3)))


def test_an_interrupted_extraction_lets_the_batch_in_flight_land_and_stops_the_writer(
        disk, small_batches):
    class Interrupted(TrivialExtractor):
        def pipe(self, articles, n_process=1):  # type: ignore[no-untyped-def]
            for number, art in enumerate(articles):
                if number == 16:
                    raise KeyboardInterrupt
                yield extraction(art)

    before = threading.active_count()
    with pytest.raises(KeyboardInterrupt):
        ingest(disk, batch(30), Interrupted())
    assert threading.active_count() == before
    stored = sorted(str(g) for g in disk.graphs())
    assert len(stored) == 14  # two whole batches of 7; the third never reached the writer
    assert_same_datasets(store_dataset(disk), reference(batch(14)))


def test_memory_and_remote_stores_write_article_by_article():
    assert not NewArticles.suits(open_store("memory:"))


KILLED_BATCH = 400
SCRIPT = ("import sys, kg.ingest, tests.store_batch as b; kg.ingest.BATCH_ARTICLES = 40; "
          "kg.ingest.BULK_MIN_TRIPLES = 0; sys.exit(b.main(sys.argv[1:]))")


def graph_sizes(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {str(row["g"]): int(row["n"]) for row in rows}


def test_sigkill_during_bulk_loaded_batches_leaves_whole_articles(tmp_path):
    """The bulk path's own kill test (the store fault tests' articles are too small for it)."""
    uri, rng = f"oxigraph:{tmp_path / 'kg'}", random.Random(7)
    command = [sys.executable, "-c", SCRIPT, uri, str(KILLED_BATCH)]
    present = 0
    for _ in range(3):
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        printed = 0
        for line in child.stdout:
            printed += line.startswith("batch-")
            if printed >= 60:  # one batch reported, the next ones in flight
                threading.Timer(rng.uniform(0, 0.05), child.send_signal, [signal.SIGKILL]).start()
                break
        child.wait(timeout=60)
        assert child.returncode == -signal.SIGKILL
        with open_store(uri) as store:
            sizes = graph_sizes(store)
        wrong = {g: n for g, n in sizes.items()
                 if n != len(set(extraction_triples(extraction(article(int(g[-4:]))))))}
        assert not wrong, f"partial article graphs: {sorted(wrong.items())[:5]}"
        assert present + 40 <= len(sizes) < KILLED_BATCH and len(sizes) % 40 == 0
        present = len(sizes)
    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.stdout.strip().splitlines()[-1] == (
        f"{KILLED_BATCH - present} added, 0 replaced, {present} unchanged, 0 failed")
    with open_store(uri) as store:
        assert len(graph_sizes(store)) == KILLED_BATCH
