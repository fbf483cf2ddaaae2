"""The actors a noun phrase names (kg.extract.phrases), on made-up sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.documents import article_from_text
from kg.extract.phrases import phrase_actors


def test_one_mention_of_a_countrys_forces_is_the_composite_itself(extractor):
    """ "the military forces of Tajikistan" is one composite mention over the head and its of
    phrase: it is the phrase's actor, whatever entity type the parser gives the country."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, Kenyan soldiers clashed with the military forces of Tajikistan near "
        "Mandera.", origin="phrases"))
    assert extraction.events[0].agents == ("kenya-military", "tajikistan-military")  # two sides


def test_the_forces_of_a_named_group_are_the_groups(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, Kenyan soldiers clashed with the combined forces of the Kifaya Front "
        "near Mandera.", origin="phrases"))
    assert [k for k in extraction.events[0].targets if "kifaya" in k] and not [
        k for k in extraction.events[0].targets if k.endswith("-military")]


@pytest.mark.parametrize("fighters", ["Militants", "Rebels", "suspected insurgents"])
def test_the_fighters_of_a_named_group_are_the_group(extractor, fighters):
    extraction = extractor.extract(article_from_text(
        f"On 3 May 2022, {fighters} of the Kifaya Patriotic Forces killed ten villagers near "
        "Mandera.", origin="phrases"))
    assert [extraction.actor(k).label for k in extraction.events[0].agents] == [
        "Kifaya Patriotic Forces"]


def test_a_number_of_people_is_those_people():
    """ "an unknown number of people": a quantity noun's "of" phrase is who they are."""
    doc = Doc(spacy.blank("en").vocab, words="an unknown number of people".split(),
              heads=[2, 2, 2, 2, 3], deps=["det", "amod", "ROOT", "prep", "pobj"],
              lemmas=["an", "unknown", "number", "of", "people"])
    assert phrase_actors(doc[2], {4: "civilians"}.get) == ("civilians",)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a former member of the Kenyan police was killed by gunmen in Mandera.",
    "On 3 May 2022, a former Kenyan army member was shot dead by gunmen in Mandera."])
def test_a_former_member_of_a_force_is_no_longer_the_force(extractor, text):
    """The victim is a person out of service: a civilian, as event coders count him."""
    extraction = extractor.extract(article_from_text(text, origin="phrases"))
    actors = {a.key: a for a in extraction.actors}
    assert [actors[k].kind for k in extraction.events[0].targets] == ["civilians"]


def test_a_serving_member_of_a_force_is_the_force(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, a member of the Kenyan police was killed by gunmen in Mandera.",
        origin="phrases"))
    assert extraction.events[0].targets == ("kenya-police",)


@pytest.mark.parametrize("gunmen", [
    "gunmen suspected to be al-Shabaab militants",
    "unidentified assailants, suspected to be al-Shabaab members,",
    "gunmen believed to be al-Shabaab fighters",
    "gunmen suspected of belonging to al-Shabaab",
    "gunmen, presumably al-Shabaab militants,",
])
def test_an_unidentified_band_suspected_to_be_a_named_group_is_that_group(extractor, gunmen):
    """Coders name the suspected perpetrator: the group the text takes the band to be acts, no
    unidentified group beside it."""
    extraction = extractor.extract(article_from_text(
        f"On 3 May 2022, {gunmen} opened fire on a police checkpoint in Mandera.",
        origin="phrases"))
    assert [extraction.actor(k).label for k in extraction.events[0].agents] == ["al-Shabaab"]


def test_a_crowd_presumed_to_be_supporters_stays_a_crowd(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, a mob, presumed to be supporters of the Kifaya Front, attacked a trader "
        "in Mandera.", origin="phrases"))
    assert all("kifaya" not in k for k in extraction.events[0].agents)
