"""Shared fixtures: stores, the seed article and its extraction, the app and its client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_be81285fb7b3f189.txt"
DATA = Path(__file__).resolve().parent / "data"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave benchmarks out of the default run; ``-m bench`` selects them."""
    if "bench" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="benchmark: run with `make bench` or `-m bench`")
    for item in items:
        if "bench" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def memory_store():
    """An empty in-memory store."""
    from kg.store import open_store

    return open_store("memory:")


@pytest.fixture(scope="session")
def seed_article():
    """The seed article, loaded with its metadata."""
    from kg.documents import load_path

    (article,) = list(load_path(SEED_FILE))
    return article


@pytest.fixture(scope="session")
def extractor():
    """The default extractor (spaCy loaded once per session)."""
    from kg.extract import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def seed_extraction(extractor, seed_article):
    """What the extractor finds in the seed article."""
    return extractor.extract(seed_article)


@pytest.fixture
def seed_store(extractor, seed_article):
    """An in-memory store holding the ingested seed article."""
    from kg.ingest import ingest
    from kg.store import open_store

    store = open_store("memory:")
    report = ingest(store, [seed_article], extractor)
    assert report.added == [seed_article.key], report.summary()
    return store


@pytest.fixture
def app(seed_store) -> Iterator:
    """The app over a store holding the seed."""
    from web import create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    app.extensions["kg_store"] = seed_store
    yield app
    from web import close_app

    close_app(app)  # stops the query workers (closing a memory store is a no-op)


@pytest.fixture
def client(app):
    """A test client of :func:`app`."""
    return app.test_client()


@pytest.fixture
def artifacts_dir() -> Path:
    """Folder for files a test leaves behind for people (screenshots, exports)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def packaged_nlp():
    """A freshly loaded packaged model (spaCy's own components), and a parse up to a pipe.

    ``parse(text, name)`` runs the pipeline's components before the one called ``name``.
    """
    import spacy

    from kg.extract.pipeline import MODEL

    nlp = spacy.load(MODEL)

    def parse(text: str, name: str):  # type: ignore[no-untyped-def]
        doc = nlp.make_doc(text)
        for pipe_name, pipe in nlp.pipeline:
            if pipe_name == name:
                return doc
            doc = pipe(doc)
        raise AssertionError(f"no {name} in the pipeline")

    return nlp, parse
