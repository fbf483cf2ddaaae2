"""Where an event happened, among the places its clause names (kg.extract.events), on made-up
sentences."""

from __future__ import annotations

import pytest

from kg.extract.events import located_tokens


@pytest.mark.parametrize("text, goal, source", [
    ("Farmers marched from Zakho to Duhok on Monday.", "Duhok", "Zakho"),
    ("Rockets were fired from Orvo towards Kalvan.", "Kalvan", "Orvo"),
    ("Displaced families walked from Orvo into Kalvan.", "Kalvan", "Orvo"),
])
def test_a_motion_is_located_at_its_goal_before_its_source(extractor, text, goal, source):
    doc = extractor.nlp(text)
    trigger = next(t for t in doc if t.pos_ == "VERB")
    words = [doc[i].text for i in located_tokens(trigger)]
    assert words.index(goal) < words.index(source)


def test_a_source_alone_still_locates_the_event(extractor):
    doc = extractor.nlp("Gunmen abducted two traders from their shop in Kalvan.")
    trigger = next(t for t in doc if t.text == "abducted")
    assert "Kalvan" in [doc[i].text for i in located_tokens(trigger)]
