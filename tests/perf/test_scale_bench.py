"""Scale benchmarks (issue 15): synthetic worlds and the cost of one description per entity.

Run: ``PYTHONPATH=$PWD python -m pytest -m bench -s tests/perf/test_scale_bench.py``.
Prints what it measured; asserts only the targets of the issue it is about.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench


def test_synth_streams_100k_articles_of_a_100k_actor_world_in_minutes(tmp_path):
    from kg.synth import write_corpus

    started = time.perf_counter()
    write_corpus(tmp_path / "c.jsonl", 100_000, seed=0, actors=100_000)
    seconds = time.perf_counter() - started
    size = (tmp_path / "c.jsonl").stat().st_size / 1e6
    print(f"\nkg synth: 100,000 articles, 100,000 actors: {seconds:.1f} s, {size:.0f} MB")
    assert seconds < 300


def test_quads_and_write_cost_per_article_with_the_entities_graph(tmp_path):
    import io

    from kg import ids
    from kg.descriptions import describe_entities
    from kg.extract import default_extractor
    from kg.ntriples import extraction_lines, ntriples
    from kg.ingest import iter_inputs, write_article
    from kg.rdf import description_triples, extraction_triples
    from kg.store import open_store
    from kg.synth import write_corpus

    corpus = Path(tmp_path / "w.jsonl")
    write_corpus(corpus, 300, seed=8, actors=5000)
    extractions = list(default_extractor().pipe(iter_inputs([corpus])))
    article = sum(len(set(extraction_triples(e))) for e in extractions) / len(extractions)
    copies = sum(len(set(description_triples(e))) for e in extractions) / len(extractions)
    print(f"\nquads per article: {article + copies:.0f} with per-article descriptions, "
          f"{article:.0f} now")
    timings = {}
    for way in ("load", "write", "describe"):
        with tempfile.TemporaryDirectory() as directory:
            store = open_store(f"oxigraph:{directory}/s")
            started = time.perf_counter()
            for extraction in extractions:
                if way == "load":  # the write before the aggregates: one N-Triples load
                    store.load(io.BytesIO(ntriples(extraction_lines(extraction)).encode()),
                               "nt", ids.article_uri(extraction.article.key))
                else:
                    write_article(store, extraction, new=True)
                if way == "describe":
                    describe_entities(store, extraction)
            timings[way] = (time.perf_counter() - started) / len(extractions) * 1000
            store.close()
    print(f"write: {timings['load']:.2f} ms/article (article graph loaded, no tallies), "
          f"{timings['write']:.2f} ms/article (article graph and tallies in one update), "
          f"{timings['describe']:.2f} ms/article (and the entities graph)")
    assert article < article + copies
