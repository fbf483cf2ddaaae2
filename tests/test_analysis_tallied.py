"""kg.analysis.tallied: fights and mediators from the tallies equal those read from every event."""

from __future__ import annotations

import pytest

from kg.aggregates.network import tally_network
from kg.analysis.mediation import mediation_evidence, mediation_records
from kg.analysis.projection import actor_network
from kg.analysis.run import FROM_TALLIES, Params, run_analysis
from kg.ingest import ingest
from kg.store import open_store
from tests.synth_corpus import synth_articles


@pytest.fixture(scope="module")
def synth_store(extractor):  # type: ignore[no-untyped-def]
    store = open_store("memory:")
    ingest(store, synth_articles(40, seed=11, actors=150), extractor)
    return store


def _fights(store, actor=None):  # type: ignore[no-untyped-def]
    params = Params(actor=actor)
    events = run_analysis(store, "fights", params, graph=actor_network(store))
    tallied = run_analysis(store, "fights", params, graph=tally_network(store))
    return events, tallied


@pytest.mark.parametrize("which", ["seed", "synth"])
def test_fights_from_the_tallies_equal_those_of_every_event(seed_store, synth_store, which):
    store = seed_store if which == "seed" else synth_store
    events, tallied = _fights(store)
    assert events.rows and tallied.summary == events.summary
    assert tallied.rows == events.rows
    assert all(sum(e["events"] for e in row["edges"]) == row["events"] for row in tallied.rows)
    assert run_analysis(store, "fights").rows == tallied.rows  # the store's own choice


def test_fights_of_one_actor_from_the_tallies(seed_store):
    events, tallied = _fights(seed_store, "ISIS")
    assert tallied.summary == events.summary and len(tallied.rows) == len(events.rows) > 2
    assert [r["events"] for r in tallied.rows] == [r["events"] for r in events.rows]


@pytest.mark.parametrize("which", ["seed", "synth"])
def test_mediators_from_the_tallies_equal_those_of_every_event(seed_store, synth_store, which):
    store = seed_store if which == "seed" else synth_store
    events = run_analysis(store, "mediators", graph=actor_network(store))
    tallied = run_analysis(store, "mediators", graph=tally_network(store))
    assert events.summary["explicit_records"] > 0
    assert tallied.summary == events.summary
    assert tallied.rows == events.rows and "evidence" not in tallied.rows[0]
    assert run_analysis(store, "mediators").rows == tallied.rows


def test_an_actors_mediation_evidence_is_fetched_on_demand(seed_store):
    records = mediation_records(seed_store)
    actor = records[0].actor
    assert mediation_evidence(seed_store, actor) == \
        sorted((r for r in records if r.actor == actor), key=lambda r: (r.kind, r.record))


def _reversed_columns(store):  # type: ignore[no-untyped-def]
    """The store's tally columns with every dyad, and every row of a split, in reverse order."""
    from kg.aggregates.columns import columns_of, tables_of
    from kg.aggregates.read import tally_columns

    tables = tables_of(tally_columns(store))
    tables.dyads = dict(reversed(tables.dyads.items()))
    for name in ("dates", "sources"):
        setattr(tables, name, {dyad: rows[::-1]
                               for dyad, rows in reversed(getattr(tables, name).items())})
    return columns_of(tables)


@pytest.mark.parametrize("name", FROM_TALLIES)
def test_answers_do_not_depend_on_the_order_the_tallies_are_read_in(synth_store, monkeypatch,
                                                                      name):
    import kg.aggregates.network
    import kg.analysis.tallied
    from kg.analysis.tallied import tally_actors

    as_read = run_analysis(synth_store, name)  # the store's own choice: the tallies' columns
    reversed_dyads = list(reversed(kg.aggregates.network.dyads(synth_store)))
    reversed_columns = _reversed_columns(synth_store)
    assert reversed_columns.agent != kg.analysis.tallied.tally_columns(synth_store).agent
    monkeypatch.setattr(kg.aggregates.network, "dyads", lambda store: reversed_dyads)
    monkeypatch.setattr(kg.analysis.tallied, "tally_columns", lambda store: reversed_columns)
    monkeypatch.setattr(kg.analysis.tallied, "store_ties",  # not the generation's cached ties
                        lambda store: kg.analysis.tallied.tally_ties(reversed_columns))
    for graph in (tally_network(synth_store), tally_actors(synth_store)):
        reread = run_analysis(synth_store, name, graph=graph)
        assert as_read.rows and (reread.rows, reread.summary) == (as_read.rows, as_read.summary)


@pytest.mark.parametrize("which", ["seed", "synth"])
def test_the_ties_counted_from_the_columns_are_those_of_the_tally_network(seed_store, synth_store,
                                                                          which):
    from kg.aggregates.read import tally_columns
    from kg.analysis.mediation import cooperative_ties
    from kg.analysis.projection import signed_edges
    from kg.analysis.tallied import tally_actors, tally_ties

    store = seed_store if which == "seed" else synth_store
    graph = tally_network(store)
    signed = signed_edges(graph.edges(data=True))
    ties = tally_ties(tally_columns(store))
    assert ties.signed == signed and any(d["sign"] < 0 for _, _, d in signed)
    assert ties.cooperative == cooperative_ties(graph, signed) and ties.cooperative
    actors = tally_actors(store)
    assert actors.number_of_edges() == 0 and actors.graph["counted_ties"]
    assert dict(actors.nodes(data=True)) == dict(graph.nodes(data=True))
