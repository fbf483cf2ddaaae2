"""kg.aggregates: tallies kept current at ingest, replace and removal, rebuilt by kg upgrade."""

from __future__ import annotations

from collections import Counter

import pytest

from kg import ids
from kg.aggregates import read
from kg.aggregates.write import needs_tallies, rebuild, stored_contribution
from kg.aggregates.tallies import from_extraction
from kg.descriptions import forget_article
from kg.ingest import ingest
from kg.store import open_store
from kg.vocab import sparql_prologue
from tests.synth_corpus import synth_articles

TALLIES = sparql_prologue() + """SELECT ?t ?n WHERE { GRAPH ?a { ?t ckg:tallyCount ?n } }"""


def tallies(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {t: int(n) for t, n in store.select_text(TALLIES, {"a": ids.aggregates_graph()})}


def aggregate_graph(store) -> set[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    rows = store.select_text("SELECT ?s ?p ?o WHERE { GRAPH ?a { ?s ?p ?o } }",
                             {"a": ids.aggregates_graph()})
    return set(rows)


@pytest.fixture(scope="module")
def corpus(extractor):  # type: ignore[no-untyped-def]
    return synth_articles(12, seed=3, actors=200)


def test_an_articles_tallies_from_its_extraction_equal_those_read_back(seed_store,
                                                                        seed_extraction):
    graph = ids.article_uri(seed_extraction.article.key)
    stored = stored_contribution(seed_store, graph)
    assert stored and stored == from_extraction(seed_extraction)


def counts_of(store) -> set[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The aggregates graph less the kept answers and their version (kg.aggregates.answers)."""
    from kg.aggregates.answers import kept_answer_triple

    return {row for row in aggregate_graph(store) if not kept_answer_triple(row[0], row[1])}


def test_ingest_keeps_the_tallies_a_rebuild_counts(extractor, corpus):
    store = open_store("memory:")
    ingest(store, corpus, extractor)
    kept = aggregate_graph(store)
    assert len(tallies(store)) > 50
    rebuild(store)
    assert aggregate_graph(store) == kept


MENTIONS_COUNTED = sparql_prologue() + """SELECT ?uri (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m ckg:refersTo ?uri } GROUP BY ?uri"""


def test_the_mention_tallies_count_the_mentions_of_each_entity(extractor, corpus):
    store = open_store("memory:")
    ingest(store, corpus, extractor)
    counted = {str(ids.tally_uri("mention", uri)): int(n)
               for uri, n in store.select_text(MENTIONS_COUNTED)}
    assert len(counted) > 20 and sum(counted.values()) > len(counted)
    assert {t: n for t, n in tallies(store).items() if "/tally/mention/" in t} == counted


def test_a_recount_for_an_upgrade_keeps_the_tallies_the_analyses_read(extractor, corpus):
    from kg.aggregates.snapshot import kept_tables

    store = open_store("memory:")
    ingest(store, corpus, extractor)
    kept = counts_of(store)
    assert kept_tables(store) is None
    read_rows = (read.dyads(store), read.dyad_dates(store), read.dyad_sources(store),
                 read.mediation_counts(store))
    rebuild(store, keep=True)
    assert counts_of(store) == kept
    tables = kept_tables(store)  # the analyses' tables, kept whole from the same counts
    assert tables is not None and read.dyads(store) == read_rows[0]
    for got, was in zip((tables.dates, tables.sources), read_rows[1:3], strict=True):
        assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in was.items()}
    assert tables.mediation == read_rows[3]


def test_the_dyad_tallies_are_the_edges_of_the_views_network(extractor, corpus):
    from kg.views.source import view_source

    store = open_store("memory:")
    ingest(store, corpus, extractor)
    edges = Counter((u, v, d["type"]) for u, v, d in view_source(store).network.edges(data=True))
    assert {(d.agent, d.other, d.relation): d.count for d in read.dyads(store)} == dict(edges)
    activity = dict(read.actors_by_activity(store))
    assert activity and all(count > 0 for count in activity.values())


def test_removing_and_replacing_articles_leaves_the_tallies_of_the_rest(extractor, corpus):
    import dataclasses

    store, rest = open_store("memory:"), open_store("memory:")
    ingest(store, corpus, extractor)
    ingest(rest, corpus[4:], extractor)
    for article in corpus[:4]:
        assert forget_article(store, article.key)
    assert tallies(store) == tallies(rest) and aggregate_graph(store) == aggregate_graph(rest)
    changed = dataclasses.replace(corpus[5], text=corpus[6].text, sha256="0" * 64)
    ingest(store, [changed], extractor)
    assert tallies(store) != tallies(rest)
    other = open_store("memory:")
    ingest(other, [*corpus[4:5], changed, *corpus[6:]], extractor)
    assert tallies(store) == tallies(other)
    for article in corpus[4:]:
        forget_article(store, article.key)
    assert tallies(store) == {}


def test_reads_are_cached_until_the_next_write(extractor, corpus):
    store = open_store("memory:")
    ingest(store, corpus[:2], extractor)
    first = read.actors_by_activity(store)
    assert read.actors_by_activity(store) is first
    ingest(store, corpus[2:4], extractor)
    assert read.actors_by_activity(store) != first
    assert sum(n for _, n in read.date_histogram(store)) == sum(
        n for t, n in tallies(store).items() if "/tally/date/" in t)


def test_a_store_without_tallies_needs_an_upgrade_that_counts_them(extractor, corpus):
    from kg.descriptions import describe_entities
    from kg.rdf import extraction_triples
    from kg.upgrade import needs_upgrade, upgrade

    store, counted = open_store("memory:"), open_store("memory:")
    ingest(counted, corpus[:5], extractor)
    for extraction in extractor.pipe(corpus[:5]):
        describe_entities(store, extraction)
        store.replace_graph(ids.article_uri(extraction.article.key),
                            extraction_triples(extraction))
    assert needs_tallies(store) and needs_upgrade(store)
    upgrade(store)
    assert not needs_upgrade(store)
    assert counts_of(store) == counts_of(counted)


@pytest.mark.parametrize("name", ["balance", "blocs", "centrality"])
def test_structural_analyses_from_the_tallies_equal_those_of_every_event(extractor, corpus, name):
    from kg.aggregates.network import tally_network
    from kg.analysis.projection import actor_network
    from kg.analysis.run import run_analysis

    store = open_store("memory:")
    ingest(store, corpus, extractor)
    events = run_analysis(store, name, graph=actor_network(store))
    tallied = run_analysis(store, name, graph=tally_network(store))
    assert tallied.rows == events.rows and tallied.summary == events.summary
    assert run_analysis(store, name).rows == events.rows  # the store's own choice: the tallies


def test_the_seeds_structure_from_the_tallies_equals_that_of_every_event(seed_store):
    from kg.aggregates.network import tally_network
    from kg.analysis.projection import actor_network, signed_edges

    def pairs(graph):  # type: ignore[no-untyped-def]
        return sorted((u, v, d["positive"], d["negative"])
                      for u, v, d in signed_edges(graph.edges(data=True)))

    assert pairs(tally_network(seed_store)) == pairs(actor_network(seed_store)) != []


def test_a_store_others_write_to_is_read_afresh():
    from kg.store.remote import SparqlStore

    calls: list[int] = []
    store = SparqlStore.__new__(SparqlStore)  # no server needed: only the cache is used
    store.cached("k", lambda: calls.append(1))
    store.cached("k", lambda: calls.append(1))
    assert len(calls) == 2


def test_a_tallys_key_is_written_once_dropped_at_zero_and_written_again():
    from kg.aggregates.tallies import Key
    from kg.aggregates.write import tally_update

    dyad = Key("dyad", ("http://example.org/a", "http://example.org/b", "Shelling"))
    dated = Key("dyad-date", (*dyad.parts, "2020-01-02"))
    actor = Key("actor", ("http://example.org/a",))
    store = open_store("memory:")
    store.update(tally_update(Counter({dyad: 1, dated: 1, actor: 2})))
    once = counts_of(store)
    store.update(tally_update(Counter({dyad: 2, dated: 1, actor: 1})))
    again = counts_of(store)
    keys = {row for row in once if not row[1].endswith("tallyCount")}
    assert keys == {row for row in again if not row[1].endswith("tallyCount")}
    assert len(keys) == 3 + 5 + 4  # type, kind and the key's parts of each
    assert sorted(tallies(store).values()) == [2, 3, 3]
    store.update(tally_update(Counter({dyad: -3, dated: -2})))
    assert {t for t in tallies(store)} == {str(ids.tally_uri("actor", *actor.parts))}
    assert {row[0] for row in counts_of(store)} == set(tallies(store))
    store.update(tally_update(Counter({dyad: 1, dated: 1, actor: -3})))
    assert counts_of(store) == {row for row in once if row[0] != str(
        ids.tally_uri("actor", *actor.parts))}


def test_actor_names_are_the_actors_the_entities_graph_describes_in_uri_order(seed_store):
    from kg.aggregates.read import actor_names

    joined = sparql_prologue() + """SELECT ?actor ?label ?kind ?iso ?alias WHERE { GRAPH ?e {
      ?actor ckg:actorKind ?kind ; rdfs:label ?label .
      OPTIONAL { ?actor ckg:country ?iso } OPTIONAL { ?actor skos:altLabel ?alias } } }"""
    expected: dict[str, dict[str, object]] = {}
    for actor, label, kind, iso, alias in seed_store.select_text(
            joined, {"e": ids.entities_graph()}):
        entry = expected.setdefault(actor, {"label": label, "kind": kind, "country": iso or "",
                                            "aliases": []})
        if alias and alias not in entry["aliases"]:  # type: ignore[operator]
            entry["aliases"].append(alias)  # type: ignore[attr-defined]
    names = actor_names(seed_store)
    assert names == expected and any(entry["aliases"] for entry in names.values())
    assert list(names) == sorted(expected)
