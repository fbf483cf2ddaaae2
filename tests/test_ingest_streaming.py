"""Streaming ingest: lazy input, bounded reading, resume after interruption, --jobs."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.env import Environment
from kg.documents import article_from_text, iter_articles
from kg.errors import InputError
from kg.ingest import count_inputs, ingest, iter_inputs
from kg.model import Extraction
from kg.store import open_store
from kg.synth import write_corpus
from tests.rdf_datasets import assert_same_datasets, store_dataset


class Counted:
    """A generator of articles that counts how many were taken from it."""

    def __init__(self, count: int) -> None:
        self.count, self.taken = count, 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for number in range(self.count):
            self.taken += 1
            yield article_from_text(f"Hezbollah shelled Arsal (report {number}).",
                                    origin=f"a{number}")


class Bare:
    """An extractor that finds nothing, lazily; it can stop after ``fail_after`` articles."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.fail_after, self.seen = fail_after, []

    def pipe(self, articles, n_process=1):  # type: ignore[no-untyped-def]
        for article in articles:
            if len(self.seen) == self.fail_after:
                raise KeyboardInterrupt
            self.seen.append(article.key)
            yield Extraction(article=article)


def test_input_is_consumed_lazily():
    source, lags = Counted(200), []
    report = ingest(open_store("memory:"), source, Bare(),
                    progress=lambda e: lags.append(source.taken - int(e.article.key[1:])))
    assert len(report.added) == 200
    assert max(lags) <= 1  # never more than the article in hand was read ahead


def test_the_real_extractor_reads_ahead_by_one_batch_only(extractor):
    source, lags = Counted(100), []
    ingest(open_store("memory:"), source, extractor,
           progress=lambda e: lags.append(source.taken - int(e.article.key[1:])))
    assert len(lags) == 100
    assert max(lags) <= 33 < 100  # spaCy's batch of 32, not the whole input


def test_json_lines_are_read_line_by_line(tmp_path):
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w") as out:
        for number in range(3000):
            out.write(json.dumps({"id": f"n{number}", "text": "Calm day. " * 150}) + "\n")
    assert corpus.stat().st_size > 4_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_inputs([corpus]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 3000
    assert peak < 500_000, peak  # a few articles, not the 4.5 MB file


def test_streamed_lines_give_what_the_whole_file_reader_gives(tmp_path):
    batch = tmp_path / "mixed.jsonl"
    batch.write_bytes(b'{"id": "a", "text": "Arsal was quiet."}\n\n{"text": 5}\nnot json\n'
                      b'{"text": "Qaa too.", "published": "2017-08-27"}\n{"text": "\\ud800"}\n'
                      b'{"text": "\xff"}\n')
    (tmp_path / "plain.txt").write_text("Hermel was calm.")

    def described(items):  # type: ignore[no-untyped-def]
        return [(x.key, x.text, x.published, x.origin) if hasattr(x, "key") else str(x)
                for x in items]

    assert described(iter_inputs([tmp_path])) == described(iter_articles([tmp_path]))
    assert count_inputs([tmp_path]) == 7


def test_resume_skips_what_was_stored_before_the_interruption():
    store, articles = open_store("memory:"), list(Counted(6))
    with pytest.raises(KeyboardInterrupt):
        ingest(store, articles, Bare(fail_after=4))
    from kg import ids

    articles_stored = [g for g in store.graphs() if g not in ids.shared_graphs()]
    assert len(articles_stored) == 4  # the stored articles are whole
    again = Bare()
    report = ingest(store, articles, again)
    assert again.seen == ["a4", "a5"]
    assert (len(report.unchanged), report.added) == (4, ["a4", "a5"])
    whole = open_store("memory:")
    ingest(whole, articles, Bare())
    assert_same_datasets(store_dataset(store), store_dataset(whole))


def test_every_input_ticks_once():
    store, ticks = open_store("memory:"), []
    ingest(store, list(Counted(3)), Bare())
    items = [*Counted(5), article_from_text("Other text.", origin="a0")]
    report = ingest(store, [*items[:2], InputError("broken", where="x"), *items[2:]], Bare(),
                    tick=lambda: ticks.append(1))
    assert len(ticks) == 7 == len(report.unchanged) + len(report.added) + len(report.failed)


def kg_ingest(store, *args: str):  # type: ignore[no-untyped-def]
    env = Environment(store_uri="memory:", _store=store)
    return CliRunner().invoke(main, ["ingest", *map(str, args)], obj=env)


def test_two_jobs_give_the_same_graph_as_one(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 8, seed=4)
    one, two = open_store("memory:"), open_store("memory:")
    assert kg_ingest(one, corpus, "--jobs", "1", "--no-progress").exit_code == 0
    result = kg_ingest(two, corpus, "--jobs", "2", "--no-progress")
    assert result.exit_code == 0, result.output
    assert "8 added" in result.output
    assert len(one.graphs()) == 8 + 2  # and the entities and aggregates graphs
    assert_same_datasets(store_dataset(two), store_dataset(one))


def test_progress_bar_shows_rate_and_total_unless_quiet(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": f"Calm day {n}."}) + "\n" for n in range(3)))
    shown = kg_ingest(open_store("memory:"), corpus, "--progress")
    assert "3/3" in shown.stderr and "article/s" in shown.stderr, shown.stderr
    quiet = kg_ingest(open_store("memory:"), corpus, "--progress", "--quiet")
    assert quiet.stderr == "" and "3 added" in quiet.output


def test_a_new_article_is_inserted_whole_and_a_stray_graph_is_replaced(extractor):
    from rdflib import Literal, URIRef

    from kg import ids
    from kg.ingest import write_article
    from kg.rdf import extraction_triples

    article = article_from_text("Hezbollah clashed with ISIS near Arsal.", origin="fresh")
    extraction = extractor.extract(article)
    inserted, stray = open_store("memory:"), open_store("memory:")
    graph = ids.article_uri("fresh")
    stray.replace_graph(graph, [(graph, URIRef("http://example.org/stray"), Literal(1))])
    write_article(inserted, extraction, new=True)
    write_article(stray, extraction, new=True)
    from kg.aggregates.write import rebuild

    expected = open_store("memory:")
    expected.replace_graph(graph, extraction_triples(extraction))
    rebuild(expected)  # the tallies, counted afresh
    assert_same_datasets(store_dataset(inserted), store_dataset(expected))
    assert_same_datasets(store_dataset(stray), store_dataset(expected))


def test_ingest_flushes_an_on_disk_store_every_so_many_triples(tmp_path, monkeypatch):
    import kg.ingest

    flushed = []
    monkeypatch.setattr(kg.ingest, "FLUSH_TRIPLES", 20)
    monkeypatch.setattr(kg.ingest, "flush", lambda store: flushed.append(len(store)))
    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    try:
        ingest(store, Counted(6), Bare())
    finally:
        store.close()
    assert flushed and all(b > a for a, b in zip(flushed, flushed[1:]))
    assert len(flushed) < 6


def test_flush_writes_what_an_on_disk_store_holds(tmp_path):
    from kg.ingest import flush

    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    ingest(store, Counted(3), Bare())
    flush(store)
    flush(open_store("memory:"))  # nothing to do, no error
    assert len(store) > 0
    store.close()
