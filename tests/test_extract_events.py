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
