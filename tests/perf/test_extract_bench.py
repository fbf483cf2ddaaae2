"""Extraction throughput (on demand: ``pytest tests/perf/test_extract_bench.py -m bench -s``).

The seed article repeated 200 times (200 articles) through ``Extractor.pipe``
against bare ``nlp.pipe`` of the same spaCy model (with the same sentence
component) on the same texts, in the same run. The ratio is bare time /
extractor time: 1.0 means the gazetteer, events, claims and assembly cost
nothing on top of the parse. Target: >= 0.7.
"""

from __future__ import annotations

import dataclasses
import time

import pytest

pytestmark = pytest.mark.bench
COPIES = 200
TARGET = 0.7


def test_extractor_throughput_against_bare_spacy(extractor, seed_article):
    articles = [dataclasses.replace(seed_article, key=f"copy-{i}") for i in range(COPIES)]
    texts = [a.text for a in articles]
    nlp = extractor.nlp
    list(extractor.pipe(articles[:2]))  # warm up: matchers built, model loaded
    start = time.perf_counter()
    bare = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    bare_seconds = time.perf_counter() - start
    start = time.perf_counter()
    events = sum(len(x.events) for x in extractor.pipe(articles, batch_size=32))
    ours_seconds = time.perf_counter() - start
    ratio = bare_seconds / ours_seconds
    print(f"\n{COPIES} articles, {bare} tokens: bare nlp.pipe {bare_seconds:.2f} s, "
          f"extractor {ours_seconds:.2f} s ({events} events), ratio {ratio:.2f} (target >= {TARGET})")
    assert events == COPIES * len(extractor.extract(seed_article).events)
    assert ratio >= TARGET
