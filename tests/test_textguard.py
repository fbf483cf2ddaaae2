"""kg.textguard: over-long runs are cut for the tokenizer, nothing moves."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.textguard import MAX_CHUNK, guard_text


@given(st.text(alphabet=st.sampled_from("ab&{ \n.-"), max_size=400))
def test_guard_keeps_length_and_every_character_it_does_not_cut(text):
    guarded = guard_text(text, chunk=8)
    assert len(guarded) == len(text)
    assert all(g == t or g == " " for g, t in zip(guarded, text))
    assert max((len(run) for run in guarded.split()), default=0) <= 8
    assert [run[:8] for run in text.split()] == guarded.split()


def test_ordinary_text_is_untouched():
    text = "On 8 January 2022, IS militants attacked an army post near Sinjar (Ninewa)."
    assert guard_text(text) is text


def test_runs_up_to_the_bound_are_kept_whole():
    url = "https://example.org/" + "a" * (MAX_CHUNK - 20)
    assert guard_text(url) == url
    assert guard_text(url + "b") != url + "b"
