"""Cross-article events (kg.merge) and removing an article (kg remove), on every backend."""

from __future__ import annotations

from kg.descriptions import write_described

import dataclasses

from click.testing import CliRunner
from rdflib import Literal

from kg import ids
from kg.cli import main
from kg.cli.env import Environment
from kg.merge import occurrence_of, occurrences
from kg.ingest import remove_article
from kg.vocab import sparql_prologue
from tests.servers import any_store  # noqa: F401  (fixture)
from tests.store_batch import DISTINCT_EVENTS, article, extraction

A, B, C = article(0), article(DISTINCT_EVENTS), article(1)  # A and B report the same event


def store_articles(store, *extractions) -> None:  # type: ignore[no-untyped-def]
    for e in extractions:
        write_described(store, e)


def event_of(art) -> object:  # type: ignore[no-untyped-def]
    return ids.event_uri(art.key, 0)


def test_two_reports_of_one_event_become_one_occurrence_with_two_sources(any_store):
    store_articles(any_store, extraction(A), extraction(B), extraction(C))
    shared = occurrences(any_store, min_sources=2)
    assert len(shared) == 1
    (occurrence,) = shared
    assert occurrence.source_count == 2
    assert occurrence.sources == (ids.article_uri(A.key), ids.article_uri(B.key))
    assert occurrence.reports == (event_of(A), event_of(B))
    assert occurrence.label.startswith("Shelling by hezbollah against isis, 2017-08-01")
    assert [o.source_count for o in occurrences(any_store)] == [2, 1]
    assert occurrence_of(any_store, event_of(B)) == occurrence
    # each report keeps its own provenance: its article and sentence
    rows = any_store.select(sparql_prologue() + "SELECT ?article ?sentence WHERE { "
                            "?e ckg:article ?article ; ckg:sentence ?sentence }",
                            {"e": event_of(B)})
    assert [(r["article"], r["sentence"]) for r in rows] == [
        (ids.article_uri(B.key), ids.sentence_uri(B.key, 0))]


def test_reports_that_disagree_or_are_negated_stay_apart(any_store):
    other_day = extraction(B)
    event = other_day.events[0]
    time = dataclasses.replace(event.time, value="2017-08-02")
    other_day = dataclasses.replace(other_day, events=(dataclasses.replace(event, time=time),))
    negated = extraction(article(2 * DISTINCT_EVENTS))
    negated = dataclasses.replace(negated, events=(
        dataclasses.replace(negated.events[0], modality="negated"),))
    store_articles(any_store, extraction(A), other_day, negated)
    assert [o.source_count for o in occurrences(any_store)] == [1, 1]
    assert occurrence_of(any_store, event_of(article(2 * DISTINCT_EVENTS))) is None


def test_removing_one_article_keeps_the_others_event_and_actors(any_store):
    store_articles(any_store, extraction(A), extraction(B))
    assert remove_article(any_store, A.key) is True
    assert set(any_store.graphs()) == {ids.article_uri(B.key), *ids.shared_graphs()}
    (occurrence,) = occurrences(any_store)
    assert occurrence.sources == (ids.article_uri(B.key),)
    label = any_store.select(sparql_prologue() + "SELECT ?l WHERE { ?a rdfs:label ?l }",
                             {"a": ids.actor_uri("hezbollah")})
    assert label.column("l") == [Literal("Hezbollah")]
    assert not any_store.ask("ASK { ?e ?p ?o }", {"e": event_of(A)})
    assert any_store.ask(sparql_prologue() + "ASK { ?o a ckg:Occurrence }",
                         {"o": occurrence.uri})


def test_kg_remove_by_key_or_uri_and_a_missing_one(memory_store):
    store_articles(memory_store, extraction(A), extraction(B), extraction(C))
    before = len(memory_store)

    def kg_remove(*names: str):  # type: ignore[no-untyped-def]
        env = Environment(store_uri="memory:", _store=memory_store)
        return CliRunner().invoke(main, ["remove", *names], obj=env)

    result = kg_remove(A.key, str(ids.article_uri(C.key)))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"removed {ids.article_uri(A.key)}",
                                          f"removed {ids.article_uri(C.key)}"]
    assert set(memory_store.graphs()) == {ids.article_uri(B.key), *ids.shared_graphs()}
    after = len(memory_store)
    assert after < before
    result = kg_remove("no-such-article")
    assert result.exit_code == 1
    assert result.output == "kg: error: no article or graph 'no-such-article' in the store\n"
    assert len(memory_store) == after
