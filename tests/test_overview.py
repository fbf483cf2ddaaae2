"""The store overview behind the home page."""

from __future__ import annotations

from kg.overview import overview


def test_empty_store(memory_store):
    assert overview(memory_store) == {
        "store": "memory:",
        "counts": {"articles": 0, "actors": 0, "events": 0, "claims": 0, "places": 0, "quads": 0},
        "articles": [], "page": 1, "pages": 1,
    }


def test_seed_counts_match_the_extraction(seed_store, seed_extraction, seed_article):
    result = overview(seed_store)
    assert result["counts"]["articles"] == 1
    assert result["counts"]["actors"] == len(seed_extraction.actors)
    assert result["counts"]["events"] == len(seed_extraction.events)
    assert result["counts"]["claims"] == len(seed_extraction.claims)
    (article,) = result["articles"]
    assert article["title"] == seed_article.title
    assert article["published"] == "2017-08-27"
    assert article["events"] == len(seed_extraction.events)


def test_articles_come_a_page_at_a_time_newest_first(monkeypatch):
    import kg.overview
    from kg.store import open_store
    from tests.rdf_datasets import fill

    store = open_store("memory:")
    fill(store, 3)
    whole = [a["uri"] for a in overview(store)["articles"]]
    monkeypatch.setattr(kg.overview, "PER_PAGE", 2)
    first, second = overview(store, 1), overview(store, 2)
    assert first["pages"] == second["pages"] == 2
    assert [a["uri"] for a in first["articles"] + second["articles"]] == whole
    assert len(whole) == 3 and overview(store, 3)["articles"] == []
