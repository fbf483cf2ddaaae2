"""Candidate place names and their admin chains (kg.extract.world_names), on made-up
sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.world_names import name_candidates
from tests.test_extract_world_places import _event_place, _places


def _chains(extractor, text):
    doc = extractor.nlp(text)
    found = name_candidates(doc, set(), frozenset(), lambda name: True)
    return {c.text: found[c.chained_to].text if c.chained_to is not None else None
            for c in found}


@pytest.mark.parametrize("text, links", [
    ("Rebels burned the villages of Orvo, Selm and Kalvan on Monday.",
     {"Orvo": None, "Selm": None, "Kalvan": None}),
    ("Rebels burned houses in Orvo, Kalvan on Monday.", {"Orvo": "Kalvan", "Kalvan": None}),
    ("Rebels burned houses in Orvo (Selm, Kalvan) and in Tarn.",
     {"Orvo": "Selm", "Selm": "Kalvan", "Kalvan": None, "Tarn": None}),
])
def test_names_of_a_list_are_no_admin_chain(extractor, text, links):
    assert _chains(extractor, text) == links


@pytest.mark.parametrize("text, name", [
    ("Activists staged a protest on the Po river in Turin.", "Po"),
    ("Supporters of the Confederation of Workers marched in Quito.", "Confederation"),
    ("A man was stabbed at the Sunset Station hotel in Henderson (Nevada).", "Sunset Station"),
    ("Guards marched outside the Solvay factory in Torrelavega on Monday.", "Solvay"),
])
def test_a_feature_or_an_organisation_is_no_town(extractor, text, name):
    assert name not in _places(extractor, text)


@pytest.mark.parametrize("text, label, country", [
    ("Iraqi jets struck caves in the Hamrin mountains, Salah al-Din.", "Salah al-Din", "IRQ"),
    ("Syrian troops shelled farms in the Ghab plain area (Hama).", "Hama", "SYR"),
])
def test_a_name_after_a_named_place_phrase_is_the_place_it_lies_in(extractor, text, label,
                                                                  country):
    place = _event_place(extractor, text)
    assert place is not None and label in (place.label, *place.aliases)
    assert place.country == country


def test_a_name_that_acts_after_a_named_place_phrase_is_no_place(extractor):
    found = name_candidates(extractor.nlp("Troops searched caves in the Orvo mountains, Selm said."),
                            set(), frozenset(), lambda name: True)
    assert "Selm" not in {c.text for c in found}


@pytest.mark.parametrize("text, word", [
    ("Students protested at the Dam in Amsterdam on Monday.", "Dam"),
    ("Workers rallied outside the University of Orvo in Edmond (Oklahoma).", "University"),
    ("Nigerian troops attacked fighters near Lake Chad on Monday.", "Lake"),
])
def test_a_feature_noun_alone_is_no_town(extractor, text, word):
    assert word not in _places(extractor, text)


@pytest.mark.parametrize("text, word, country", [
    ("Militants attacked a village near Baydhaba, Bay.", "Bay", "SOM"),  # a region so named
    ("Students protested in Lake City (Michigan).", "Lake City", "USA"),  # a place noun after
])
def test_a_feature_noun_in_a_towns_or_a_regions_name_is_kept(extractor, text, word, country):
    place = _places(extractor, text)[word]
    assert place.country == country


def test_jabal_alone_is_a_mountain_not_a_town(extractor):
    """"Jabal" (Arabic: mountain) before a name is no town of itself, not even one spelt like
    it nearby (Jabalya)."""
    extraction = extractor.extract(article_from_text(
        "On 3 January 2022, Israeli forces shelled a house in Jabal al Rayes near Gaza.",
        origin="world"))
    assert all(not p.label.startswith("Jab") for p in extraction.places)
