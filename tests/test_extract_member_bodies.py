"""The body members belong to (kg.extract.member_bodies), on made-up reports."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.documents import article_from_text
from kg.extract.member_bodies import body_names


def _agents(extractor, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="member-bodies"))
    actors = {a.key: a for a in extraction.actors}
    event = extraction.events[0]
    return [actors[k].label for k in event.agents]


def test_the_name_in_the_of_phrase_of_members_is_the_body_they_act_for(extractor):
    """The tagger tags no entity in "the Rosewood Cartel"; a noun of members names a body."""
    assert "Rosewood Cartel" in _agents(
        extractor, "On 20 June 2022, members of the Rosewood Cartel killed four people in "
                   "Celaya, Mexico.")


def test_cadres_act_for_the_body_of_their_of_phrase(extractor):
    assert "Hill Valley Brotherhood" in _agents(
        extractor, "On 2 March 2022, cadres of the Hill Valley Brotherhood beat five farmers in "
                   "Imphal, India.")


def test_members_who_suffer_name_no_body(extractor):
    """"police arrested members of X": the members are persons held, and X is no actor."""
    extraction = extractor.extract(article_from_text(
        "On 20 June 2022, in Celaya, Mexico, police arrested members of the Rosewood Cartel.",
        origin="member-bodies"))
    assert "Rosewood Cartel" not in {a.label for a in extraction.actors}


def test_a_place_in_the_of_phrase_of_members_is_no_body():
    words = ["members", "of", "Northbrook", "attacked", "a", "post"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 0, 1, 3, 5, 3],
              deps=["nsubj", "prep", "pobj", "ROOT", "det", "dobj"],
              pos=["NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN"],
              lemmas=["member", "of", "Northbrook", "attack", "a", "post"],
              ents=["O", "O", "B-GPE", "O", "O", "O"])
    assert body_names(doc, set()) == []
