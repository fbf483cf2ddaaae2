"""kg.aggregates.answers: kg analyze keeps its answers by tally version; any write retires them."""

from __future__ import annotations

import pytest

from kg.aggregates.answers import stored_answer
from kg.analysis.run import FROM_TALLIES, Params, run_analysis
from kg.ingest import ingest
from kg.store import open_store


@pytest.fixture
def disk_store(extractor, seed_article, tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    ingest(store, [seed_article], extractor)
    yield store
    store.close()


def _fresh(store, name):  # type: ignore[no-untyped-def]
    return run_analysis(store, name)  # keep=False: computed, nothing stored


@pytest.mark.parametrize("name", FROM_TALLIES)
def test_a_kept_answer_is_the_computed_one(disk_store, name):
    computed = _fresh(disk_store, name)
    assert stored_answer(disk_store, name) is None
    kept = run_analysis(disk_store, name, keep=True)
    assert stored_answer(disk_store, name) is not None
    again = run_analysis(disk_store, name, keep=True)  # read back, not computed
    for result in (kept, again):
        assert (result.rows, result.summary, result.filters, result.columns) == \
            (computed.rows, computed.summary, computed.filters, computed.columns)
    top = run_analysis(disk_store, name, Params(top=2), keep=True)
    assert top.rows == computed.rows[:2] and top.summary == computed.summary


def test_a_write_retires_the_kept_answers(disk_store, extractor):
    from kg.documents import article_from_text

    run_analysis(disk_store, "fights", keep=True)
    assert stored_answer(disk_store, "fights") is not None
    text = "Hezbollah fighters attacked the Islamic State near Arsal on Monday, officials said."
    ingest(disk_store, [article_from_text(text, origin="more.txt",
                                          meta={"published": "2017-09-04"})], extractor)
    assert stored_answer(disk_store, "fights") is None
    assert run_analysis(disk_store, "fights", keep=True).rows == _fresh(disk_store, "fights").rows


def test_a_filtered_or_memory_run_keeps_nothing(seed_store, disk_store):
    from kg.analysis.projection import Filters

    run_analysis(disk_store, "fights", Params(filters=Filters(since="2017")), keep=True)
    run_analysis(disk_store, "fights", Params(actor="ISIS"), keep=True)
    assert stored_answer(disk_store, "fights") is None


def test_an_answer_is_read_once_per_store_generation(disk_store, monkeypatch):
    import kg.aggregates.answers

    reads: list[str] = []
    real = kg.aggregates.answers.versioned_answer  # behind stored_answer too
    monkeypatch.setattr(kg.aggregates.answers, "versioned_answer",
                        lambda store, name: reads.append(name) or real(store, name))
    first = run_analysis(disk_store, "fights", keep=True)
    assert run_analysis(disk_store, "fights", keep=True).rows == first.rows
    assert run_analysis(disk_store, "fights", keep=True).rows == first.rows
    # computed (the tallies read, in columns or as rows, and kept whole first) and kept (a
    # write), then read back once
    assert reads == ["fights", "tally-columns", "tallies", "fights"]
    disk_store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
    run_analysis(disk_store, "fights", keep=True)
    assert reads == ["fights", "tally-columns", "tallies", "fights", "fights"]


def test_an_unfiltered_answer_is_computed_once_per_store_generation(disk_store, monkeypatch):
    import kg.analysis.run
    from kg.analysis.run import analysis_page

    runs: list[str] = []
    real = kg.analysis.run.ANALYSES["fights"]
    monkeypatch.setitem(kg.analysis.run.ANALYSES, "fights",
                        lambda store, graph, params: runs.append("fights") or real(store, graph, params))
    first = analysis_page(disk_store, "fights", Params(), limit=2)
    assert analysis_page(disk_store, "fights", Params(), limit=2) == first and len(runs) == 1
    assert analysis_page(disk_store, "fights", Params(), limit=1) != first and len(runs) == 1
    analysis_page(disk_store, "fights", Params(actor="isis"))
    analysis_page(disk_store, "fights", Params(actor="isis"))  # filtered: not kept
    assert len(runs) == 3


def _tables_read_afresh(store):  # type: ignore[no-untyped-def]
    """The tables read from the tallies themselves (the kept copy made stale first)."""
    from kg.aggregates import read
    from kg.aggregates.answers import version_bump
    from kg.aggregates.snapshot import Tables

    store.update(version_bump())
    assert read._kept(store) is None
    return Tables(dyads={(d.agent, d.other, d.relation): d.count for d in read.dyads(store)},
                  dates=read.dyad_dates(store), sources=read.dyad_sources(store),
                  mediation=read.mediation_counts(store))


def _same(got, expected) -> bool:  # type: ignore[no-untyped-def]
    rows = lambda split: {k: sorted(v) for k, v in split.items()}  # noqa: E731
    return (got.dyads, rows(got.dates), rows(got.sources), got.mediation) == \
        (expected.dyads, rows(expected.dates), rows(expected.sources), expected.mediation)


def test_an_ingest_and_a_removal_keep_the_kept_tallies_current(disk_store, extractor):
    from kg.aggregates.read import keep_analysis_tables
    from kg.aggregates.snapshot import kept_tables
    from kg.descriptions import forget_article
    from tests.synth_corpus import synth_articles

    keep_analysis_tables(disk_store)
    before = kept_tables(disk_store)
    articles = synth_articles(6, seed=5, actors=150)
    ingest(disk_store, articles, extractor)
    after = kept_tables(disk_store)
    assert after is not None and before is not None and after.dyads != before.dyads
    assert _same(after, _tables_read_afresh(disk_store))
    keep_analysis_tables(disk_store)
    from kg.aggregates.snapshot import kept_current

    with kept_current(disk_store):
        for article in articles[:3]:
            assert forget_article(disk_store, article.key)
    removed = kept_tables(disk_store)
    assert removed is not None and _same(removed, _tables_read_afresh(disk_store))


def test_a_write_the_block_did_not_count_leaves_no_kept_tallies(disk_store, extractor):
    from kg.aggregates.answers import version_bump
    from kg.aggregates.read import keep_analysis_tables
    from kg.aggregates.snapshot import kept_current, kept_tables
    from tests.synth_corpus import synth_articles

    keep_analysis_tables(disk_store)
    with kept_current(disk_store):
        ingest(disk_store, synth_articles(2, seed=6, actors=150), extractor)
        disk_store.update(version_bump())  # as a raw write between two counted ones would
    assert kept_tables(disk_store) is None


def test_balance_keeps_its_triangles_as_positions_and_reads_them_back(extractor, tmp_path):
    from kg.aggregates.answers import keep_answer
    from tests.synth_corpus import synth_articles

    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    ingest(store, synth_articles(30, seed=4, actors=90), extractor)
    computed = _fresh(store, "balance")
    triangles = computed.summary["unbalanced"]
    assert triangles and all(len(t) == 3 and all("uri" in a for a in t) for t in triangles)
    kept = run_analysis(store, "balance", keep=True)
    stored = stored_answer(store, "balance")
    assert stored is not None and all(isinstance(p, int) for t in stored["summary"]["unbalanced"]
                                      for p in t)
    store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")  # not counted
    again = run_analysis(store, "balance", keep=True)  # read back in a new generation
    for result in (kept, again):
        assert (result.rows, result.summary) == (computed.rows, computed.summary)
    plain = {"rows": computed.rows, "summary": computed.summary, "columns": []}
    keep_answer(store, "balance", plain)  # as an older kg kept it
    store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 2 }")
    assert run_analysis(store, "balance", keep=True).summary == computed.summary
    store.close()
