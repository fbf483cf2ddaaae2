"""kg upgrade: an old store (descriptions in every article graph) gets an entities graph."""

from __future__ import annotations

from click.testing import CliRunner

from kg import ids
from kg.cli import main
from kg.cli.env import Environment
from kg.extract.gazetteer import load_gazetteer
from kg.rdf import actor_triples, extraction_graph
from kg.store import open_store
from kg.upgrade import needs_upgrade, upgrade
from kg.validate import validate
from tests.store_batch import article, extraction

NAIVE = "SELECT ?p ?o WHERE { ?x ?p ?o }"


def old_store():  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    for number in range(4):
        extracted = extraction(article(number))
        store.replace_graph(ids.article_uri(extracted.article.key),
                            extraction_graph(extracted, described=True))
    return store


def test_upgrade_moves_every_copy_into_one_description():
    store = old_store()
    hezbollah = ids.actor_uri("hezbollah")
    before = [(r["p"], r["o"]) for r in store.select(NAIVE, {"x": hezbollah})]
    assert needs_upgrade(store) and len(before) > len(set(before))  # one copy per article
    problems = set(validate(store).results)
    assert upgrade(store) > 0
    after = [(r["p"], r["o"]) for r in store.select(NAIVE, {"x": hezbollah})]
    gazetteer = load_gazetteer().actors["hezbollah"]
    assert sorted(after) == sorted((p, o) for _, p, o in actor_triples(gazetteer))
    assert not needs_upgrade(store)
    assert ids.entities_graph() in store.graphs()
    assert set(validate(store).results) <= problems  # the batch leaves its parent undescribed


def test_ingest_refuses_an_old_store_with_one_line_then_works_after_upgrade(tmp_path):
    store = old_store()
    text = tmp_path / "a.txt"
    text.write_text("Hezbollah clashed with ISIS near Arsal on Monday.", encoding="utf-8")

    def kg(*args: str):  # type: ignore[no-untyped-def]
        env = Environment(store_uri="memory:", _store=store)
        return CliRunner().invoke(main, [*args], obj=env)

    refused = kg("ingest", "--no-progress", str(text))
    assert refused.exit_code != 0
    assert "kg upgrade" in refused.output and len(refused.output.strip().splitlines()) == 1
    assert "upgraded" in kg("upgrade").output
    assert kg("upgrade").output.strip() == "the store is up to date"  # tables kept by the recount
    done = kg("ingest", "--no-progress", str(text))
    assert done.exit_code == 0, done.output
    assert len(store.select(NAIVE, {"x": ids.actor_uri("isis")})) == len(
        list(actor_triples(load_gazetteer().actors["isis"])))


def test_upgrade_of_a_current_store_keeps_the_tallies_the_analyses_read(extractor, seed_article):
    from kg.aggregates.answers import version_bump
    from kg.aggregates.snapshot import kept_tables
    from kg.ingest import ingest

    store = open_store("memory:")
    ingest(store, [seed_article], extractor)
    store.update(version_bump())  # a write after they were kept, if they were

    def kg(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, [*args], obj=Environment(store_uri="memory:", _store=store))

    assert kept_tables(store) is None
    assert kg("upgrade").output.strip() == \
        "the store is up to date; the tallies the analyses read are kept whole"
    tables = kept_tables(store)
    assert tables is not None and tables.dyads
    assert kg("upgrade").output.strip() == "the store is up to date"
