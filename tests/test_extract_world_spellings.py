"""kg.extract.world_spellings: names read by their spelling's likeness (a skeleton, a
compass word, a province spelt alike), in the context of the text's other places and actors."""

from __future__ import annotations

import pytest

from tests.test_extract_world_places import _event_place, _extract, _places


def test_a_name_in_its_citys_province_is_read_by_its_skeleton_however_small(extractor):
    found = _extract(extractor, "Turkish forces shelled Ain Issa in Raqqa countryside.")
    place = {p.key: p for p in found.places}[found.events[0].place or ""]
    assert (place.country, place.admin1, place.kind) == ("SYR", "Ar Raqqah", "town")
    assert "Ain Issa" not in {a.label for a in found.actors}


def test_a_spelling_of_a_province_where_the_actors_are_beats_a_hamlet_abroad(extractor):
    place = _event_place(extractor, "A Houthi drone struck an oil facility in Shabwa on Monday.")
    assert (place.country, place.kind) == ("YEM", "region")  # Shabwah, not Sha Bwa in Myanmar


@pytest.mark.parametrize("text", ["Russian forces shelled Pavlivka, Zaporizhia region.",
                                  "Russian forces shelled Pavlivka overnight."])
def test_an_actors_country_does_not_respell_a_town_named_abroad(extractor, text):
    place = _event_place(extractor, text)  # alone, the many Pavlivkas may leave it unplaced
    assert place is None or place.country == "UKR"


@pytest.mark.parametrize("text", ["Police arrested five protesters in Urmia, West Azerbaijan.",
                                  "Protests took place in West Azerbaijan on Monday."])
def test_a_compass_word_before_a_countrys_name_names_a_province(extractor, text):
    places = _places(extractor, text)
    assert places["West Azerbaijan"].country == "IRN" if "West Azerbaijan" in places else \
        _event_place(extractor, text).country == "IRN"
    assert "Azerbaijan" not in places


def test_a_hamlets_name_alone_in_a_text_reads_as_a_province_spelt_alike(extractor):
    place = _event_place(extractor, "On 5 March 2022, gunmen killed a tribal elder in Shabwa.")
    assert (place.country, place.kind) == ("YEM", "region")
    hamlet = _event_place(extractor, "On 5 March 2022, gunmen killed a man in Sha Bwa.")
    assert hamlet.country == "MMR"  # written as its own name, word for word


@pytest.mark.parametrize("text", [
    "Forty people held a vigil in Point Reyes (California) for the Day of Remembrance and Action.",
    "Activists marched in Point Reyes (California) on the anniversary of the Capitol riot."])
def test_english_words_are_never_read_as_a_place_spelt_alike(extractor, text):
    places = _places(extractor, text)  # no Acton for "Action", no Capitola for "Capitol"
    assert not {"Action", "Capitol"} & set(places)
    place = _event_place(extractor, text)
    assert (place.label, place.country) == ("California", "USA")


@pytest.mark.parametrize("text", [
    "On 3 May 2022, the military arrested two men in Muse district, Shan-North state.",
    "On 3 May 2022, the military arrested two men in Muse town (Shan-South)."])
def test_a_compass_word_after_a_provinces_name_names_part_of_that_province(extractor, text):
    """"Shan-North" is northern Shan: the chain is in Myanmar, where the index has no Muse,
    so the Muse of Pennsylvania is no reading, and the soldiers are Myanmar's."""
    found = _extract(extractor, text)
    place = {p.key: p for p in found.places}[found.events[0].place or ""]
    assert (place.country, place.label) == ("MMR", "Shan")
    assert {a.country for a in found.actors if a.kind == "military"} == {"MMR"}
