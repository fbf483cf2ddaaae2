"""Issue 13, item 7: no key collision loses an article; ids are matched the way they were given.

Driven through the real ``kg`` entry point (CliRunner with an in-memory store)
and the Flask test client. On 7c16e4f the second ``story.txt`` replaced the
first ("1 replaced"), ``Report 1`` and ``report_1`` were one article, two URLs
whose slugs agree were one article, and ``id: YEM71337`` was stored as
``yem71337``.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg import ids
from kg.cli import main
from kg.cli.env import Environment
from kg.vocab import sparql_prologue

FIRST = "Hezbollah fighters shelled ISIS positions near Arsal on Sunday."
SECOND = "The Lebanese army said on Monday that talks with Nusra in Qalamoun had stalled."
STORED = sparql_prologue() + """
SELECT ?key ?sha WHERE { GRAPH ?g { ?g ckg:articleKey ?key ; ckg:sha256 ?sha } } ORDER BY ?key"""
TEXTS = sparql_prologue() + """
SELECT ?text WHERE { GRAPH ?g { ?s ckg:sentenceIndex 0 ; ckg:text ?text } } ORDER BY ?text"""


def kg(store, *args: str):  # type: ignore[no-untyped-def]
    """Run ``kg ARGS`` on ``store`` through the real entry point."""
    return CliRunner().invoke(main, [*args], obj=Environment(store_uri="memory:", _store=store))


def ingest(store, *paths) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    result = kg(store, "ingest", "--no-progress", *map(str, paths))
    assert result.exit_code == 0, result.output
    return result.stdout.strip(), result.stderr


def keys(store) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(row["key"]) for row in store.select(STORED)]


def first_sentences(store) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(row["text"]) for row in store.select(TEXTS)]


def write(path, text: str, **meta: str):  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    if meta:
        path.with_name(path.stem + ".meta.json").write_text(json.dumps(meta), "utf-8")
    return path


def test_a_second_story_txt_is_added_beside_the_first_with_a_warning(tmp_path, memory_store):
    a = write(tmp_path / "in" / "a" / "story.txt", FIRST)
    b = write(tmp_path / "in" / "b" / "story.txt", SECOND)
    assert ingest(memory_store, a)[0] == "1 added, 0 replaced, 0 unchanged, 0 failed"
    summary, warnings = ingest(memory_store, b)
    assert summary == "1 added, 0 replaced, 0 unchanged, 0 failed"
    assert first_sentences(memory_store) == sorted([FIRST, SECOND])  # the first is still there
    (other,) = [key for key in keys(memory_store) if key != "story"]
    assert other.startswith("story-") and len(other) == len("story-") + 8
    assert warnings.count("\n") == 1 and warnings.startswith(f"kg: warning: {b}: ")
    assert "'story'" in warnings and repr(other) in warnings
    again, quiet = ingest(memory_store, a, b)  # both unchanged on a re-run, no new warning
    assert again == "0 added, 0 replaced, 2 unchanged, 0 failed" and not quiet


@pytest.mark.parametrize("names", [("Report 1.txt", "report_1.txt"),
                                   ("Arsal.txt", "arsal.txt")])
def test_file_names_that_slug_alike_are_two_articles(tmp_path, memory_store, names):
    folder = tmp_path / "in"
    write(folder / names[0], FIRST)
    write(folder / names[1], SECOND)
    summary, warnings = ingest(memory_store, folder)
    assert summary == "2 added, 0 replaced, 0 unchanged, 0 failed"
    assert first_sentences(memory_store) == sorted([FIRST, SECOND])
    assert len(keys(memory_store)) == 2 and "kg: warning: " in warnings


def test_two_urls_with_the_same_slug_are_two_articles_and_a_url_updates_its_own(
        tmp_path, memory_store):
    slashes = "https://news.example/2017/08/27/story"
    dashes = "https://news.example/2017-08-27/story"
    assert ingest(memory_store, write(tmp_path / "x.txt", FIRST, url=slashes))[0].startswith("1 added")
    summary, _ = ingest(memory_store, write(tmp_path / "y.txt", SECOND, url=dashes))
    assert summary == "1 added, 0 replaced, 0 unchanged, 0 failed"
    assert first_sentences(memory_store) == sorted([FIRST, SECOND])
    update = write(tmp_path / "z.txt", "Talks in Doha resumed on Tuesday.", url=slashes)
    summary, _ = ingest(memory_store, update)  # the same URL with another text is its update
    assert summary == "0 added, 1 replaced, 0 unchanged, 0 failed"
    assert first_sentences(memory_store) == sorted([SECOND, "Talks in Doha resumed on Tuesday."])


def test_the_same_explicit_id_with_another_text_replaces(tmp_path, memory_store):
    ingest(memory_store, write(tmp_path / "one.txt", FIRST, id="YEM71337"))
    summary, _ = ingest(memory_store, write(tmp_path / "two.txt", SECOND, id="YEM71337"))
    assert summary == "0 added, 1 replaced, 0 unchanged, 0 failed"
    assert keys(memory_store) == ["YEM71337"] and first_sentences(memory_store) == [SECOND]


def test_an_id_keeps_its_case_and_kg_remove_finds_it_by_that_id(tmp_path, memory_store):
    ingest(memory_store, write(tmp_path / "yemen.txt", FIRST, id="YEM71337"))
    ingest(memory_store, write(tmp_path / "lower.txt", SECOND, id="yem71337"))
    assert keys(memory_store) == ["YEM71337", "yem71337"]  # two ids, two articles
    assert ids.article_uri("YEM71337") in memory_store.graphs()
    removed = kg(memory_store, "remove", "YEM71337")
    assert removed.exit_code == 0, removed.output
    assert removed.stdout.strip() == f"removed {ids.article_uri('YEM71337')}"
    assert keys(memory_store) == ["yem71337"]
    missing = kg(memory_store, "remove", "YEM71337")
    assert missing.exit_code == 1 and "no article or graph 'YEM71337'" in missing.stderr


def test_ids_that_are_not_uri_safe_are_percent_encoded_not_slugged(tmp_path, memory_store):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"id": key, "text": text}) + "\n" for key, text in (
        ("Report 1", FIRST), ("report_1", SECOND), ("a/b.c", "Talks in Doha resumed."))), "utf-8")
    assert ingest(memory_store, batch)[0] == "3 added, 0 replaced, 0 unchanged, 0 failed"
    assert keys(memory_store) == ["Report 1", "a/b.c", "report_1"]
    assert {str(g) for g in memory_store.graphs()} >= {
        ids.BASE + "article/Report%201", ids.BASE + "article/report_1",
        ids.BASE + "article/a%2Fb%2Ec"}


def test_article_pages_and_the_api_address_an_id_as_given(extractor, memory_store):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": "t"})
    app.extensions["kg_store"] = memory_store
    app.extensions["kg_extractor"] = extractor
    try:
        client = app.test_client()
        auth = {"Authorization": "Bearer t"}
        for key, text in (("YEM71337", FIRST), ("Report 1/2", SECOND)):
            posted = client.post("/api/articles", json={"id": key, "text": text}, headers=auth)
            assert posted.status_code == 201, posted.get_json()
            assert posted.get_json()["articles"] == [str(ids.article_uri(key))]
        page = client.get("/id/article/YEM71337.json")
        assert page.status_code == 200 and page.get_json()["uri"] == str(ids.article_uri("YEM71337"))
        assert client.get("/id/article/yem71337.json").status_code == 404
        encoded = client.get("/id/article/Report%201%2F2.json")
        assert encoded.status_code == 200
        assert encoded.get_json()["uri"] == ids.BASE + "article/Report%201%2F2"
        html = client.get("/id/article/Report%201%2F2", headers={"Accept": "text/html"})
        assert b'href="/id/article/Report%201%2F2.ttl"' in html.data  # not encoded twice
    finally:
        close_app(app)


def test_a_store_written_with_lower_cased_ids_says_how_to_drop_the_old_copy(tmp_path,
                                                                            memory_store):
    ingest(memory_store, write(tmp_path / "old.txt", FIRST, id="yem71337"))  # as 7c16e4f stored it
    summary, warnings = ingest(memory_store, write(tmp_path / "yemen.txt", FIRST, id="YEM71337"))
    assert summary == "1 added, 0 replaced, 0 unchanged, 0 failed"
    assert warnings.strip().endswith("if that is the old copy: kg remove yem71337")
    assert keys(memory_store) == ["YEM71337", "yem71337"]  # nothing dropped unasked
