"""Curated places that the admin chain written with them puts in another country
(kg.extract.curated_chains), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _event_place(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    places = {p.key: p for p in found.places}
    return places[found.events[0].place or ""]


@pytest.mark.parametrize("text, label, country", [
    ("About 50 people protested in downtown Athens (Georgia).", "Athens", "USA"),
    ("Truck drivers blocked roads in La Paz (Entre Rios).", "La Paz", "ARG"),
    ("About 50 people protested in Athens, Greece.", "Athens", "GRC"),
    ("About 50 people protested in Tbilisi (Georgia).", "Tbilisi", "GEO"),
])
def test_a_chain_in_another_country_reads_a_curated_name_as_its_namesake_there(
        extractor, text, label, country):
    """The curated Athens is Greece's and La Paz Bolivia's; a US state or an Argentine province
    after them names the town of theirs; a chain in the curated place's own country keeps it."""
    place = _event_place(extractor, text)
    assert (place.label, place.country) == (label, country)


def test_a_name_after_a_comma_or_bracket_is_a_run_of_capitalised_words(extractor):
    from kg.extract.curated_chains import next_name, previous_name

    doc = extractor.nlp("They met in La Paz (Entre Rios) and Kuchiri, Niger.")
    assert next_name(doc, 5) == "Entre Rios" and next_name(doc, 4) is None
    assert previous_name(doc, 12) == "Kuchiri"


@pytest.mark.parametrize("text, label, country", [
    ("About 50 people protested in Kuwait City against the government.", "Kuwait City", "KWT"),
    ("About 100 people marched through Panama City (Florida).", "Panama City", "USA"),
    ("An air strike hit a house in Gaza City.", "Gaza", "PSE"),
    ("About 50 people protested in Kuwait against the government.", "Kuwait", "KWT"),
])
def test_a_curated_name_that_opens_a_longer_town_name_is_that_town(
        extractor, text, label, country):
    """"Kuwait City" is the capital, not the country whose curated name opens it; "Panama City"
    then follows its chain to Florida; the curated name alone stays what it was."""
    place = _event_place(extractor, text)
    assert (place.label, place.country) == (label, country)
    assert (place.kind == "country") == (label == "Kuwait")
