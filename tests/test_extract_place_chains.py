"""Admin chains among place mentions (kg.extract.place_chains), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.extract.place_chains import chains_of, unplaced_towns
from kg.extract.world import WorldPlace
from kg.model import Place


def _spans(doc, names):
    found, at = [], 0
    for name in names:
        start = next(t.i for t in doc[at:] if t.text == name)
        found.append((start, start + 1))
        at = start + 1
    return found


@pytest.mark.parametrize("text, names, chains", [
    ("Gunmen raided Orvo (Selm, Kalvan) at night.", ["Orvo", "Selm", "Kalvan"], [[0, 1, 2]]),
    ("Gunmen raided Orvo village of Selm district, Kalvan region.", ["Orvo", "Selm", "Kalvan"],
     [[0, 1, 2]]),
    ("Gunmen raided Orvo and then Selm, Kalvan.", ["Orvo", "Selm", "Kalvan"], [[0], [1, 2]]),
    ("Gunmen raided Orvo. Kalvan was calm.", ["Orvo", "Kalvan"], [[0], [1]]),
    ("Gunmen raided the Orvo Kalvan depot.", ["Orvo", "Kalvan"], [[0], [1]]),
])
def test_names_join_a_chain_through_commas_brackets_and_place_nouns_only(extractor, text,
                                                                         names, chains):
    doc = extractor.nlp(text)
    assert chains_of(doc, _spans(doc, names)) == chains


def _actors_and_place(extractor, text):
    from kg.documents import article_from_text

    found = extractor.extract(article_from_text(text, origin="t"))
    places = {p.key: p for p in found.places}
    event = found.events[0]
    return ({a.label for a in found.actors if a.key in (*event.agents, *event.targets)},
            places[event.place or ""].label)


@pytest.mark.parametrize("text, town, place", [
    ("Russian troops shelled Oleksandrivka, Sumy, overnight.", "Oleksandrivka", "Sumy"),
    ("Russian troops shelled Oleksandrivka in Sumy overnight.", "Oleksandrivka", "Sumy"),
])
def test_a_town_the_index_knows_elsewhere_heading_a_chain_is_no_actor(extractor, text, town,
                                                                       place):
    actors, where = _actors_and_place(extractor, text)
    assert town not in actors and where == place


class _EveryNameATown:
    """A world index in which every name is a town of Ukraine."""

    def lookup(self, name):
        return [WorldPlace("gn1", name, "city", "UKR", "Sumska", None, 50.9, 34.8, 900)]


@pytest.mark.parametrize("text, town", [
    ("Troops shelled Oleksandrivka, Sumy.", {"Oleksandrivka"}),
    ("Troops shelled Oleksandrivka in northern Sumy.", {"Oleksandrivka"}),
    ("Oleksandrivka, Sumy said it had left.", set()),  # the subject acts
    ("Troops shelled the ORVK, Sumy.", set()),  # an acronym is an organisation's
    ("Police arrested Ivan Petrenko, Sumy.", set()),  # a person is arrested
])
def test_only_a_name_where_the_syntax_says_place_is_an_unplaced_town(extractor, text, town):
    doc = extractor.nlp(text)
    region = Place(key="sumy", label="Sumy", kind="region", country="UKR")
    place_at = {t.i: "sumy" for t in doc if t.text == "Sumy"}
    found = unplaced_towns(doc, place_at, {"sumy": region}, _EveryNameATown())
    assert {doc[i].text for i in found} == town


class _NoTownAnywhere:
    """A world index that knows no name."""

    def lookup(self, name):
        return []


@pytest.mark.parametrize("text, town", [
    ("Troops shelled Oleksandrivka, Sumy.", {"Oleksandrivka"}),
    ("Troops met the Parliament in Sumy.", set()),  # "in" tells where a body sits
    ("Oleksandrivka, Sumy said it had left.", set()),  # the subject acts
])
def test_a_name_the_index_does_not_know_before_a_comma_and_a_place_is_an_unplaced_town(
        extractor, text, town):
    doc = extractor.nlp(text)
    region = Place(key="sumy", label="Sumy", kind="region", country="UKR")
    place_at = {t.i: "sumy" for t in doc if t.text == "Sumy"}
    found = unplaced_towns(doc, place_at, {"sumy": region}, _NoTownAnywhere())
    assert {doc[i].text for i in found} == town
