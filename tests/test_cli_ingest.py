"""``kg ingest`` options driven through the real entry point (CliRunner, memory store)."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.cli.env import Environment
from kg.store import open_store
from kg.vocab import sparql_prologue

SALUTE = "Hezbollah saluted the Lebanese army on Monday."
EVENT_TYPES = sparql_prologue() + """SELECT ?type ?code WHERE {
    GRAPH ?g { ?e a ckg:Event ; ckg:eventType ?type OPTIONAL { ?e ckg:eventCode ?code } } }"""


def _ingest(store, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["ingest", "--no-progress", *args],
                              obj=Environment(store_uri="memory:", _store=store))


def test_verb_dictionary_codes_a_verb_the_lexicon_does_not_know(tmp_path, memory_store):
    article = tmp_path / "salute.txt"
    article.write_text(SALUTE, "utf-8")
    dictionary = tmp_path / "verbs.txt"
    dictionary.write_text("--- SALUTE [051] ---\nSALUTE\n", "utf-8")
    plain = _ingest(memory_store, str(article))
    assert plain.exit_code == 0, plain.output
    assert not list(memory_store.select(EVENT_TYPES))  # our lexicon has no "salute"

    coded_store = open_store("memory:")
    coded = _ingest(coded_store, "--verb-dictionary", str(dictionary), str(article))
    assert coded.exit_code == 0, coded.output
    assert [(str(row["type"]).rsplit("/", 1)[-1], str(row["code"]))
            for row in coded_store.select(EVENT_TYPES)] == [("Praise", "051")]


def test_a_file_that_is_no_verb_dictionary_is_one_line_and_exit_1(tmp_path, memory_store):
    article = tmp_path / "salute.txt"
    article.write_text(SALUTE, "utf-8")
    not_a_dictionary = tmp_path / "notes.txt"
    not_a_dictionary.write_text("just some notes\n", "utf-8")
    result = _ingest(memory_store, "--verb-dictionary", str(not_a_dictionary), str(article))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "not a verb dictionary" in result.stderr
    assert len(memory_store) == 0  # nothing was ingested


def test_reextract_codes_stored_articles_again_with_a_new_dictionary(tmp_path, memory_store):
    article = tmp_path / "salute.txt"
    article.write_text(SALUTE, "utf-8")
    dictionary = tmp_path / "verbs.txt"
    dictionary.write_text("--- SALUTE [051] ---\nSALUTE\n", "utf-8")
    assert _ingest(memory_store, str(article)).exit_code == 0
    unchanged = _ingest(memory_store, "--verb-dictionary", str(dictionary), str(article))
    assert unchanged.stdout.strip() == "0 added, 0 replaced, 1 unchanged, 0 failed"
    assert not list(memory_store.select(EVENT_TYPES))

    again = _ingest(memory_store, "--verb-dictionary", str(dictionary), "--reextract", str(article))
    assert again.exit_code == 0, again.output
    assert again.stdout.strip() == "0 added, 1 replaced, 0 unchanged, 0 failed"
    assert [str(row["code"]) for row in memory_store.select(EVENT_TYPES)] == ["051"]


def test_a_first_ingest_keeps_the_tallies_the_analyses_read(tmp_path, seed_article,
                                                             monkeypatch):
    """On a new store ``kg ingest`` starts the kept tables, in columns, so the first ``kg
    analyze`` after it reads one value; they equal the tallies read row by row."""
    from kg.aggregates import read
    from kg.aggregates.columns import FORMAT
    from kg.aggregates.snapshot import kept_columns, kept_tables

    article = tmp_path / "seed.txt"
    article.write_text(seed_article.text, "utf-8")
    uri = f"oxigraph:{tmp_path / 'kg'}"
    result = CliRunner().invoke(main, ["ingest", "--no-progress", "--store", uri, str(article)],
                                obj=Environment())
    assert result.exit_code == 0, result.output
    store = open_store(uri)
    try:
        kept = kept_tables(store)
        assert kept is not None and kept.dyads
        assert kept_columns(store).format == FORMAT  # type: ignore[union-attr]
        monkeypatch.setattr(read, "_kept_columns", lambda store: None)  # the tallies themselves
        assert kept.dyads == {(d.agent, d.other, d.relation): d.count
                              for d in read.dyads(store) if d.count}
        assert kept.mediation == read.mediation_counts(store)
    finally:
        store.close()
