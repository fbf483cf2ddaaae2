"""Which places of a clause are an event's own (kg.extract.event_places), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.extract.event_places import actor_tokens


@pytest.mark.parametrize("text, trigger, inside, outside", [
    ("Herders from Kano clashed with farmers near Jos.", "clashed", "Kano", "Jos"),
    ("Two guards were killed by gunmen from Kano in an ambush near Jos.", "killed", "Kano", "Jos"),
    ("Residents of Tromso marched to the port.", "marched", "Residents", "Tromso"),
])
def test_the_subject_and_agent_hold_the_place_actors_come_from_not_where_they_live(
        extractor, text, trigger, inside, outside):
    doc = extractor.nlp(text)
    tokens = actor_tokens(next(t for t in doc if t.text == trigger))
    words = {doc[i].text for i in tokens}
    assert inside in words and outside not in words
