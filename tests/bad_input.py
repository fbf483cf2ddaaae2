"""Shared pieces of the bad-input tests (``test_bad_input*.py``): the texts, a store
that already holds one article, a spy on the extractor, and the store as sorted N-Quads."""

from __future__ import annotations

import io

import pytest

from kg import ids

GOOD_TEXT = "Hezbollah fighters clashed with Islamic State militants near Arsal on Monday."
OTHER_TEXT = "The Lebanese army shelled ISIS positions in the hills near Ras Baalbek."
FIFTY_MB = 50 * 1024 * 1024


def quads(store) -> list[str]:
    """The store as sorted N-Quads lines: equal lists mean an unchanged store."""
    out = io.BytesIO()
    store.dump(out, "nq")
    return sorted(out.getvalue().decode("utf-8").splitlines())


def stated(store_or_quads) -> list[str]:  # type: ignore[no-untyped-def]
    """The N-Quads lines outside the aggregates graph (whose counts a write changes)."""
    lines = store_or_quads if isinstance(store_or_quads, (list, set)) else quads(store_or_quads)
    return [line for line in lines if not line.endswith(f"<{ids.aggregates_graph()}> .")]


def literals(store) -> list[str]:
    return [str(v) for v in store.select("SELECT ?o WHERE { ?s ?p ?o FILTER isLiteral(?o) }")
            .column("o")]


class SpyExtractor:
    """The real extractor, noting which articles reach it."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.keys: list[str] = []

    def pipe(self, articles, n_process=1):  # type: ignore[no-untyped-def]
        def noted():  # type: ignore[no-untyped-def]
            for article in articles:
                self.keys.append(article.key)
                yield article
        return self.inner.pipe(noted(), n_process=n_process)


@pytest.fixture
def spy(monkeypatch, extractor):
    import kg.extract

    spy = SpyExtractor(extractor)
    monkeypatch.setattr(kg.extract, "default_extractor", lambda verb_dictionary=None: spy)
    return spy


@pytest.fixture
def store(extractor):
    """A memory store already holding one article, so 'unchanged' means something."""
    from kg.documents import article_from_text
    from kg.ingest import ingest
    from kg.store import open_store

    store = open_store("memory:")
    ingest(store, [article_from_text(OTHER_TEXT, origin="existing")], extractor)
    return store
