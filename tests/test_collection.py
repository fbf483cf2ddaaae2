"""kg.collection: the cyclic collector is paused inside the block and restored after it."""

from __future__ import annotations

import gc
import threading

import pytest

from kg.collection import collector_paused


def test_the_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_an_error_inside_still_switches_it_back_on():
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_blocks_in_two_threads_switch_it_on_once_both_end():
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's block has not ended
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_an_analysis_runs_with_the_collector_paused(monkeypatch):
    import kg.analysis.run
    from kg.analysis.run import run_analysis
    from kg.store import open_store

    seen: list[bool] = []
    real = kg.analysis.run.ANALYSES["blocs"]
    monkeypatch.setitem(kg.analysis.run.ANALYSES, "blocs",
                        lambda *args: seen.append(gc.isenabled()) or real(*args))
    run_analysis(open_store("memory:"), "blocs")
    assert seen == [False] and gc.isenabled()
