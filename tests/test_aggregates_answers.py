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
    real = kg.aggregates.answers.stored_answer
    monkeypatch.setattr(kg.aggregates.answers, "stored_answer",
                        lambda store, name: reads.append(name) or real(store, name))
    first = run_analysis(disk_store, "fights", keep=True)
    assert run_analysis(disk_store, "fights", keep=True).rows == first.rows
    assert run_analysis(disk_store, "fights", keep=True).rows == first.rows
    # computed (the tallies read and kept whole first) and kept (a write), then read back once
    assert reads == ["fights", "tallies", "fights"]
    disk_store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
    run_analysis(disk_store, "fights", keep=True)
    assert reads == ["fights", "tallies", "fights", "fights"]


def test_an_unfiltered_answer_is_rendered_once_per_store_generation(disk_store, monkeypatch):
    import kg.analysis.run
    from kg.analysis.run import rendered_analysis

    renders: list[str] = []
    real = kg.analysis.run.render
    monkeypatch.setattr(kg.analysis.run, "render",
                        lambda result, fmt: renders.append(fmt) or real(result, fmt))
    first = rendered_analysis(disk_store, "fights", Params())
    assert rendered_analysis(disk_store, "fights", Params()) == first and renders == ["json"]
    rendered_analysis(disk_store, "fights", Params(top=1))
    rendered_analysis(disk_store, "fights", Params(actor="isis"))
    rendered_analysis(disk_store, "fights", Params(actor="isis"))  # filtered: not kept
    assert renders == ["json"] * 4
