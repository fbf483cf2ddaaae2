"""Whether a reading of a name agrees with its admin chain (kg.extract.world_chains): made-up
places, and made-up sentences over the packaged gazetteer."""

from __future__ import annotations

import dataclasses

from kg.documents import article_from_text
from kg.extract.world import WorldPlace
from kg.extract.world_chains import elsewhere

TOWN = WorldPlace("gn1", "Orvo", "city", "XQX", "Selmska", None, 49.5, 34.5, 900)
PROVINCE = WorldPlace("iso-xq-14", "Kalvanska", "admin1", "XQX", None, None, 48.0, 37.8, 0)
CAPITAL = WorldPlace("gn2", "Kalvan", "city", "XQX", "Kalvanska", None, 48.0, 37.8, 500_000)


def test_a_town_of_another_province_than_its_chain_names_is_a_namesake():
    assert elsewhere(TOWN, PROVINCE)
    assert not elsewhere(TOWN, dataclasses.replace(PROVINCE, name="Selmska"))
    district = dataclasses.replace(PROVINCE, kind="admin2", name="Tarn", admin1="Selmska")
    assert not elsewhere(TOWN, district)  # a district of its own province holds it


def test_what_is_unknown_or_abroad_contradicts_nothing():
    assert not elsewhere(dataclasses.replace(TOWN, admin1=None), PROVINCE)
    assert not elsewhere(TOWN, dataclasses.replace(PROVINCE, country="XRX"))


def test_a_city_up_the_chain_holds_the_towns_near_it_or_of_its_province():
    far = dataclasses.replace(TOWN, lat=53.0, lon=30.0)
    assert elsewhere(far, CAPITAL)
    assert not elsewhere(dataclasses.replace(far, admin1="Kalvanska"), CAPITAL)
    assert not elsewhere(dataclasses.replace(far, lat=48.5, lon=37.0), CAPITAL)


def test_another_reading_of_the_name_up_the_chain_may_hold_the_town():
    far = dataclasses.replace(TOWN, lat=53.0, lon=30.0)
    assert not elsewhere(far, CAPITAL, [dataclasses.replace(PROVINCE, name="Selmska")])


def test_a_large_town_or_a_small_one_up_the_chain_keeps_the_reading():
    far = dataclasses.replace(TOWN, lat=53.0, lon=30.0)
    assert not elsewhere(dataclasses.replace(far, population=150_000), CAPITAL)
    assert not elsewhere(far, dataclasses.replace(CAPITAL, population=300))


def _extract(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    by_key = {p.key: p for p in found.places}
    places = {m.span.text: by_key[m.key] for m in found.mentions if m.kind == "place"}
    return places, by_key.get(found.events[0].place or "") if found.events else None


def test_a_village_named_with_a_province_it_has_no_namesake_in_yields_to_the_province(
        extractor):
    places, place = _extract(extractor, "Artillery shelled Nikolayevka, Lviv, overnight.")
    assert "Nikolayevka" not in places  # every Nikolayevka of the index lies elsewhere
    assert place is not None and place.label == "Lviv"


def test_a_chain_read_as_a_province_picks_the_namesake_in_that_province(extractor):
    places, _ = _extract(extractor, "Villagers protested in Anping township (Hunan) against"
                                    " a land grab.")
    assert places["Hunan"].kind == "region"
    assert places["Anping"].admin1 == places["Hunan"].label


def test_a_subdivision_up_the_chain_holds_the_towns_of_its_province_or_near_its_seat():
    from kg.extract.world_chains import near_up_chain

    district = dataclasses.replace(PROVINCE, kind="admin2", name="Tarn", admin1="Kalvanska")
    assert not near_up_chain(TOWN, [district])  # Orvo lies in Selmska, far from Tarn
    assert near_up_chain(dataclasses.replace(TOWN, admin1="Kalvanska"), [district])
    assert near_up_chain(dataclasses.replace(TOWN, lat=48.2, lon=37.5), [district])  # its seat


def test_a_reading_inside_the_next_names_province_outvotes_a_namesake_abroad(extractor):
    """"Ariha" is also Jericho's Arabic name; in "(Ariha, Idleb)" Syria's Ariha lies in the
    province of Idlib, and the name before the chain ("Jabal al Zawiya", a mountain; its "al
    Zawiya" a town in the West Bank and in Libya) does not carry the chain abroad."""
    extraction = extractor.extract(article_from_text(
        "On 3 January 2022, regime forces shelled a village in Jabal al Zawiya (Ariha, Idleb).",
        origin="world"))
    assert {p.country for p in extraction.places} == {"SYR"}
    assert [extraction.actor(k).label for k in extraction.events[0].agents] == [
        "Syrian armed forces"]
