"""Phrases that name a trigger's target by their shape (kg.extract.target_phrases), on
hand-built parses of made-up phrases."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.documents import article_from_text
from kg.extract.target_phrases import (direction_objects, later_conjuncts, misread_conjuncts,
                                       target_prep)


def _doc(words, heads, deps, **extra):  # type: ignore[no-untyped-def]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, **extra)


def test_the_object_of_in_the_direction_of_is_what_an_act_points_at():
    doc = _doc("fired in the direction of posts near town".split(), [0, 0, 3, 1, 3, 4, 5, 6],
               ["ROOT", "prep", "det", "pobj", "prep", "pobj", "prep", "pobj"],
               lemmas=["fire", "in", "the", "direction", "of", "post", "near", "town"])
    assert [t.text for t in direction_objects(doc[1])] == ["posts"]
    assert direction_objects(doc[6]) == []


def test_towards_names_a_target_and_a_date_does_not():
    doc = _doc("fired towards posts on Monday".split(), [0, 0, 1, 0, 3],
               ["ROOT", "prep", "pobj", "prep", "pobj"], lemmas=["fire", "towards", "post", "on",
                                                                 "Monday"],
               ents=["O", "O", "O", "O", "B-DATE"])
    assert [target_prep(doc[0], doc[i]) for i in (1, 3)] == [True, False]


def test_a_bare_form_conjunct_of_a_finite_verb_is_a_misread_noun():
    words = "rebels fired mortars and grenade launchers at posts".split()
    doc = _doc(words, [1, 1, 1, 1, 1, 4, 4, 6],
               ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj", "prep", "pobj"],
               tags=["NNS", "VBD", "NNS", "CC", "VB", "NNS", "IN", "NNS"])
    assert [t.text for t in misread_conjuncts(doc[1])] == ["grenade"]


def test_a_conjunct_with_its_own_auxiliary_is_a_verb():
    words = "rebels fired mortars and will return".split()
    doc = _doc(words, [1, 1, 1, 1, 5, 1], ["nsubj", "ROOT", "dobj", "cc", "aux", "conj"],
               tags=["NNS", "VBD", "NNS", "CC", "MD", "VB"])
    assert misread_conjuncts(doc[1]) == []


def test_a_present_form_conjunct_of_a_past_verb_is_a_misread_noun_but_not_of_a_present_one():
    words = "rebels fired mortars , grenade launchers at posts".split()
    deps = ["nsubj", "ROOT", "dobj", "punct", "conj", "dobj", "prep", "pobj"]
    heads = [1, 1, 1, 1, 1, 4, 4, 6]
    past = _doc(words, heads, deps, tags=["NNS", "VBD", "NNS", ",", "VBP", "NNS", "IN", "NNS"])
    present = _doc(words, heads, deps, tags=["NNS", "VBP", "NNS", ",", "VBP", "NNS", "IN", "NNS"])
    assert [t.text for t in misread_conjuncts(past[1])] == ["grenade"]
    assert misread_conjuncts(present[1]) == []


def test_the_conjuncts_after_a_verb_come_in_order_however_the_parser_nests_them():
    doc = _doc("a mob assaulted , burned , and killed a man".split(),
               [1, 2, 2, 2, 2, 4, 4, 4, 9, 7], ["det", "nsubj", "ROOT", "punct", "conj",
                                                "punct", "cc", "conj", "det", "dobj"])
    assert [t.text for t in later_conjuncts(doc[2])] == ["burned", "killed"]
    assert later_conjuncts(doc[7]) == []


def _first(extractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(article_from_text(text, origin="targets")).events[0]


@pytest.mark.parametrize("text", [
    "On 3 May 2022, Kenyan soldiers fired in the direction of Somali positions near Garissa.",
    "On 3 May 2022, Kenyan soldiers opened fire in the direction of the positions of the Somali "
    "army near Garissa.",
    "On 3 May 2022, Kenyan soldiers fired from their trenches towards Somali positions near "
    "Garissa."])
def test_fire_in_the_direction_of_positions_is_aimed_at_their_forces(extractor, text):
    event = _first(extractor, text)
    assert event.agents == ("kenya-military",) and event.targets == ("somalia-military",)


def test_fire_towards_a_group_is_aimed_at_it(extractor):
    event = _first(extractor, "On 3 May 2022, Kenyan soldiers opened fire towards Somali rebels "
                              "near Garissa.")
    assert event.targets == ("somalia-rebels",)


def test_a_direction_to_a_place_names_no_target(extractor):
    event = _first(extractor, "On 3 May 2022, Kenyan soldiers launched an offensive in the "
                              "direction of Mombasa.")
    assert event.agents == ("kenya-military",) and event.targets == ()


@pytest.mark.parametrize("text, target", [
    ("On 3 May 2022, unidentified militants lobbed a grenade at policemen in Garissa.",
     "kenya-police"),
    ("On 3 May 2022, rebels fired 40 mm rounds at the police station in Garissa.",
     "kenya-police"),
    ("On 3 May 2022, militants hurled two bombs at soldiers in Garissa.", "kenya-military")])
def test_a_weapon_sent_at_someone_is_aimed_at_them_where_the_parser_hangs_at_on_it(
        extractor, text, target):
    event = _first(extractor, text)
    assert target in event.targets


def test_a_weapon_sent_at_a_time_is_aimed_at_no_one(extractor):
    event = _first(extractor, "On 3 May 2022, militants lobbed a grenade at 9 pm in Garissa.")
    assert event.targets == ()
