"""Acronyms spelt like an auxiliary verb (kg.extract.acronym_norms); made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.acronym_norms import acronym


def _doc(extractor, text):  # type: ignore[no-untyped-def]
    return extractor.nlp(text)


@pytest.mark.parametrize("text, word, head", [
    ("IS cells attacked a bus in the desert on Monday.", "IS", "cells"),
    ("Troops bombed IS hideouts near the river.", "IS", "hideouts"),
    ("A bomb planted by IS militants exploded.", "IS", "militants"),
])
def test_an_auxiliary_in_capitals_is_parsed_as_a_name(extractor, text, word, head):
    doc = _doc(extractor, text)
    token = next(t for t in doc if t.text == word)
    assert token.pos_ != "AUX" and (token.dep_, token.head.text) == ("compound", head)
    assert token.norm_ == "IS" and token.lemma_ and token.text == "IS"


def test_an_auxiliary_in_a_headline_in_capitals_is_left_alone(extractor):
    doc = _doc(extractor, "THE ARMY IS HERE")
    assert not acronym(doc[2]) and doc[2].norm_ == "is"


def test_the_group_an_acronym_names_acts_where_the_parse_was_broken(extractor):
    extraction = extractor.extract(article_from_text(
        "On 12 April 2022, IS cells attacked an army convoy near Orvo, killing ten soldiers.",
        origin="t"))
    actors = {a.key: a for a in extraction.actors}
    assert any("isis" in (k, actors[k].parent) for e in extraction.events for k in e.agents)
