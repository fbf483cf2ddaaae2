"""The sides of a symmetric event (kg.extract.sides), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.extract import default_extractor
from kg.extract.sides import between_phrases, two_sided


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return default_extractor().nlp


def test_a_between_phrase_of_an_occurrence_verb_names_the_sides(nlp):
    doc = nlp("Fighting broke out between the army and the rebels near Goma.")
    fighting = doc[0]
    assert [p.text for p in between_phrases(fighting)] == ["between"] and two_sided(fighting)


def test_an_attack_is_no_symmetric_act(nlp):
    doc = nlp("The rebels attacked the army near Goma.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert not two_sided(attacked) and between_phrases(attacked) == []


def test_a_symmetric_predicate_has_sides_without_a_between_phrase(nlp):
    doc = nlp("The army and the rebels clashed near Goma.")
    assert two_sided(next(t for t in doc if t.text == "clashed"))


def test_a_hyphenated_symmetric_noun_split_in_three_has_sides(nlp):
    doc = nlp("A shoot-out was reported in the market.")
    assert two_sided(doc[3]) and not two_sided(doc[1])


@pytest.mark.parametrize("text, word, expected", [
    ("Soldiers shot sporadically when they clashed with policemen at the roundabout.", "shot",
     True),
    ("Soldiers shot sporadically when they entered the market.", "shot", False),
])
def test_a_harm_done_while_the_sides_clashed_is_the_fight(nlp, text, word, expected):
    from kg.extract.sides import mutual

    assert mutual(next(t for t in nlp(text) if t.text == word)) is expected
