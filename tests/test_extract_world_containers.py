"""Names the text puts inside or beside another place (kg.extract.world_containers), on
made-up sentences and made-up places."""

from __future__ import annotations

import dataclasses

import pytest

from kg.documents import article_from_text
from kg.extract.world import WorldPlace
from kg.extract.world_containers import containing_phrase, keep_contained

TOWN = WorldPlace("gn1", "Orvo", "city", "XQX", "Selmska", None, 49.5, 34.5, 900)
"""A hamlet of one province."""
NAMESAKE = dataclasses.replace(TOWN, ident="gn2", admin1="Kalvanska", lat=51.0, lon=30.0)
"""A hamlet of the same name in another province, close to the city of Kalvan."""
CITY = WorldPlace("gn3", "Kalvan", "city", "XQX", "Kalvanska", None, 51.1, 30.1, 90_000)
PROVINCE = WorldPlace("iso-xq-ka", "Kalvanska", "admin1", "XQX", "Kalvanska", None, 51.1, 30.1, 0)


def _by_population(place: WorldPlace) -> float:
    return place.population


@pytest.mark.parametrize("text, outer, contained", [
    ("Gunmen shot a trader in the Orvo neighbourhood of Kalvan .", "Kalvan", True),
    ("A bomb exploded in Orvo village , near Kalvan .", "Kalvan", True),
    ("A mob beat a man in Orvo quarter in the vicinity of Kalvan .", "Kalvan", True),
    ("Police arrested two men in Orvo located in Kalvan governorate .", "Kalvan", True),
    ("Farmers marched from Orvo to Kalvan on Monday .", "Kalvan", False),
    ("Troops left Orvo and Kalvan on Monday .", "Kalvan", False),
    ("Residents of Orvo protested in solidarity with Kalvan .", "Kalvan", False),
])
def test_a_containing_phrase_puts_a_name_in_or_beside_the_next(extractor, text, outer,
                                                                contained):
    doc = extractor.nlp.make_doc(text)
    words = [t.text for t in doc]
    assert containing_phrase(doc, words.index("Orvo") + 1, words.index(outer)) is contained


def test_a_contained_hamlet_takes_the_reading_its_container_holds():
    kept = keep_contained({0: 1}, [[TOWN, NAMESAKE], [CITY]], {0: TOWN, 1: CITY}, _by_population)
    assert kept[0].ident == NAMESAKE.ident


def test_a_contained_hamlet_no_reading_of_which_lies_there_is_no_place():
    kept = keep_contained({0: 1}, [[TOWN], [PROVINCE]], {0: TOWN, 1: PROVINCE}, _by_population)
    assert list(kept) == [1]


def test_a_town_abroad_yields_to_a_subdivision_whatever_its_size():
    abroad = dataclasses.replace(TOWN, country="XQY", population=900_000)
    kept = keep_contained({0: 1}, [[abroad], [PROVINCE]], {0: abroad, 1: PROVINCE},
                          _by_population)
    assert 0 not in kept


@pytest.mark.parametrize("place", [
    dataclasses.replace(TOWN, population=200_000),  # a big town beside a town: a slip
    dataclasses.replace(TOWN, population=95_000),  # larger than the town said to hold it
])
def test_a_town_keeps_its_reading_beside_a_town_that_cannot_outweigh_it(place):
    kept = keep_contained({0: 1}, [[place], [CITY]], {0: place, 1: CITY}, _by_population)
    assert kept[0] == place


def test_a_held_reading_is_kept():
    near = dataclasses.replace(TOWN, admin1="Kalvanska", lat=51.2, lon=30.2)
    kept = keep_contained({0: 1}, [[near], [CITY]], {0: near, 1: CITY}, _by_population)
    assert kept[0] == near


@pytest.mark.parametrize("text, place, country", [
    ("Gunmen killed a trader in the Hamra neighbourhood of Beirut on Monday.", "Beirut", "LBN"),
    ("Police arrested two men in Salem located in Basra governorate.", "Al Başrah", "IRQ"),
])
def test_the_event_falls_to_the_container_of_a_namesake_abroad(extractor, text, place, country):
    found = extractor.extract(article_from_text(text, origin="t"))
    by_key = {p.key: p for p in found.places}
    event_place = by_key[found.events[0].place or ""]
    assert (event_place.label, event_place.country) == (place, country)
    assert {p.country for p in found.places} == {country}


def test_a_big_town_keeps_its_reading_in_a_country_it_is_not_in():
    city = dataclasses.replace(TOWN, population=1_400_000)
    country = WorldPlace("iso-xqy", "Selmia", "country", "XQY", None, None, 52.0, 20.0, 0)
    kept = keep_contained({0: 1}, [[city], [country]], {0: city, 1: country}, _by_population)
    assert kept[0] == city  # "refugees from Orvo in Selmia"
    hamlet_kept = keep_contained({0: 1}, [[TOWN], [country]], {0: TOWN, 1: country},
                                 _by_population)
    assert 0 not in hamlet_kept
