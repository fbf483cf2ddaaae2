"""kg.analysis.tallied: fights and mediators from the tallies equal those read from every event."""

from __future__ import annotations

import pytest

from kg.aggregates.network import tally_network
from kg.analysis.mediation import mediation_evidence, mediation_records
from kg.analysis.projection import actor_network
from kg.analysis.run import Params, run_analysis
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


@pytest.mark.parametrize("name", ["fights", "blocs", "balance"])
def test_answers_do_not_depend_on_the_order_the_tallies_are_read_in(synth_store, monkeypatch,
                                                                      name):
    import kg.aggregates.network
    import kg.analysis.tallied

    as_read = run_analysis(synth_store, name, graph=tally_network(synth_store))
    reversed_dyads = list(reversed(kg.aggregates.network.dyads(synth_store)))
    for module in (kg.aggregates.network, kg.analysis.tallied):
        monkeypatch.setattr(module, "dyads", lambda store: reversed_dyads)
    reread = run_analysis(synth_store, name, graph=tally_network(synth_store))
    assert as_read.rows and (reread.rows, reread.summary) == (as_read.rows, as_read.summary)
