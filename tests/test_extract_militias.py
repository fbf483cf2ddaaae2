"""Militias of a community: named by their place or people (kg.extract.militias).

The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.militias import militia_label, qualifier_of


def _agents(extractor, text: str):  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="t"))
    return [extraction.actor(k) for e in extraction.events for k in e.agents]


@pytest.mark.parametrize("text, label, alias", [
    ("Suspected Tiroko militiamen killed two farmers near Mombasa.", "Tiroko militia",
     "Tiroko ethnic militia"),
    ("Members of the Marwa clan militia attacked a market near Mombasa.",
     "Marwa clan militia", None),
    ("Tiroko pastoral militia shot three herders near Mombasa.", "Tiroko militia",
     "Tiroko ethnic militia"),
])
def test_a_militia_named_by_its_community_is_that_community_s(extractor, text, label, alias):
    agents = [a for a in _agents(extractor, text) if a.kind == "armed_group"]
    assert [a.label for a in agents] == [label]
    assert agents[0].country == "KEN"
    if alias:
        assert alias in agents[0].aliases


def test_a_militia_of_a_faith_has_no_ethnic_name(extractor):
    (agent,) = [a for a in _agents(extractor, "Christian militiamen burned a mosque near Mombasa.")
                if a.kind == "armed_group"]
    assert agent.label == "Christian militia"
    assert not any("ethnic" in a or "communal" in a for a in agent.aliases)


@pytest.mark.parametrize("text, key", [
    ("Kenyan militiamen killed two farmers near Mombasa.", "kenya-rebels"),
    ("Militiamen killed two farmers near Mombasa.", "kenya-rebels"),
])
def test_a_nationality_or_no_name_keeps_the_country_s_generic_militia(extractor, text, key):
    assert key in [a.key for a in _agents(extractor, text)]


def test_an_acronym_before_a_militia_noun_names_an_organisation(extractor):
    labels = [a.label for a in _agents(extractor, "KRVF militiamen killed two farmers near Mombasa.")]
    assert "KRVF" in labels and not any(label.endswith("militia") for label in labels)


def test_qualifier_follows_place_people_and_faith():
    def is_place(name: str, iso3: str | None) -> bool:
        return name == "Oldtown" and iso3 == "KEN"
    assert qualifier_of("Oldtown", "KEN", is_place) == "communal"
    assert qualifier_of("Oldtown", "UGA", is_place) == "ethnic"
    assert qualifier_of("Muslim", "KEN", is_place) is None
    assert militia_label("Oldtown", "communal") == "Oldtown communal militia"


def test_a_militia_named_by_a_place_mentioned_as_such_is_still_that_place_s(extractor):
    agents = [a for a in _agents(extractor, "Mombasa militiamen burned two houses in Kenya.")
              if a.kind == "armed_group"]
    assert [a.label for a in agents] == ["Mombasa militia"]
    assert "Mombasa communal militia" in agents[0].aliases


def test_a_known_actor_before_a_militia_noun_is_that_actor(extractor):
    keys = [a.key for a in _agents(extractor, "Hezbollah militiamen attacked a village near Tyre.")]
    assert keys == ["hezbollah"]


def test_members_from_a_militia_are_the_militia_s(extractor):
    agents = _agents(extractor, "Two members from the Marwa clan militia shot a trader near Mombasa.")
    assert [a.label for a in agents if a.kind == "armed_group"] == ["Marwa clan militia"]


@pytest.mark.parametrize("text, label", [
    ("Tirokan separatists attacked a police post near Mombasa.", "Tirokan separatists"),
    ("Tirokan Separatists clashed with Kenyan police near Mombasa.", "Tirokan separatists"),
    ("A Tirokan rebel shot two traders near Mombasa.", "Tirokan rebels"),
])
def test_a_band_named_by_its_cause_is_that_band(extractor, text, label):
    agents = [a for a in _agents(extractor, text) if a.kind == "armed_group"]
    assert [a.label for a in agents] == [label] and agents[0].country == "KEN"


@pytest.mark.parametrize("text, key", [
    ("Kenyan rebels attacked a police post near Mombasa.", "kenya-rebels"),
    ("Rebels attacked a police post near Mombasa.", "kenya-rebels"),
])
def test_rebels_of_a_nation_or_of_no_name_stay_the_country_s(extractor, text, key):
    assert key in [a.key for a in _agents(extractor, text)]


def test_the_men_of_a_named_tribe_are_its_militia(extractor):
    agents = [a for a in _agents(extractor, "On 3 May 2022, Tiroko tribesmen attacked a police "
                                            "checkpoint near Mombasa.") if a.kind == "armed_group"]
    assert [(a.label, a.country) for a in agents] == [("Tiroko tribesmen", "KEN")]
    assert "Tiroko tribal militia" in agents[0].aliases


@pytest.mark.parametrize("text, labels", [
    ("On 3 May 2022, clashes broke out between the Tiroko and Al Marwa tribes near Mombasa.",
     ["Tiroko tribe", "Al Marwa tribe"]),
    ("On 3 May 2022, Tiroko, Bani Sala and Wazemi clans clashed near Mombasa.",
     ["Tiroko clan", "Bani Sala clan", "Wazemi clan"])])
def test_tribes_or_clans_named_together_fight_as_their_militias(extractor, text, labels):
    agents = [a for a in _agents(extractor, text) if a.kind == "armed_group"]
    assert sorted(a.label for a in agents) == sorted(labels)
    assert all(a.country == "KEN" and a.label.replace("tribe", "tribal") + " militia"
               in a.aliases for a in agents)


def test_adjectives_before_tribes_name_no_tribe(extractor):
    agents = _agents(extractor, "On 3 May 2022, Arab and Kurdish tribes clashed near Mombasa.")
    assert not any(a.label.endswith(("tribe", "tribes")) for a in agents)
