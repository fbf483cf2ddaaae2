"""Articles of a ``kg synth`` world, as ingest reads them, for tests that need many events."""

from __future__ import annotations

from kg.model import Article


def synth_articles(count: int, seed: int, actors: int) -> list[Article]:
    """``count`` synthetic articles about ``actors`` actors, the same for the same ``seed``."""
    from kg.documents import article_from_text
    from kg.synth import generate

    articles = []
    for synth in generate(count, seed=seed, actors=actors):
        meta = {k: v for k, v in synth.record().items() if k != "text"}
        articles.append(article_from_text(synth.text, origin=synth.id, meta=meta))
    return articles
