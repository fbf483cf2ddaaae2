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


def test_a_goal_the_parser_hangs_on_the_source_is_still_the_goal():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    words = ["They", "fired", "from", "Orvo", "towards", "Kalvan", "."]
    doc = Doc(English().vocab, words=words, heads=[1, 1, 1, 2, 3, 4, 1],
              deps=["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
              pos=["PRON", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"])
    names = [doc[i].text for i in located_tokens(doc[1])]
    assert names.index("Kalvan") < names.index("Orvo")


def _told(extractor, text):
    from kg.documents import article_from_text

    extraction = extractor.extract(article_from_text(text, origin="t"))
    actors = {a.key: a for a in extraction.actors}
    return [(e.event_type, [actors[k].label for k in e.agents]) for e in extraction.events]


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a bomb went off near a market in Orvo.",
    "On 3 May 2022, an IED detonated near a checkpoint in Orvo.",
])
def test_a_weapon_that_goes_off_is_one_event_the_verbs(extractor, text):
    assert [t for t, _ in _told(extractor, text)] == ["Bombing"]


@pytest.mark.parametrize("text", [
    "On 3 May 2022, an IED by Al Shabaab militants detonated, targeting a police convoy near Afgooye.",
    "On 3 May 2022, a bomb planted by Al Shabaab militants exploded at a checkpoint in Afgooye.",
])
def test_the_weapons_agent_is_the_agent_of_the_verbs_event(extractor, text):
    assert _told(extractor, text) == [("Bombing", ["Al Shabaab"])]
