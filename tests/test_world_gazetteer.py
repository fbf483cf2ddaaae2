"""The world gazetteer: packaged places resolved in context, with coordinates and admin chain."""

from __future__ import annotations

import time

import pytest

from kg.documents import article_from_text
from kg.extract.world import fold, load_world


def _places(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    return {m.span.text: found.places[[p.key for p in found.places].index(m.key)]
            for m in found.mentions if m.kind == "place"}


def test_spelling_variants_fold_to_one_key():
    assert fold("Taizz") == fold("Ta'izz") == fold("Taiz")
    assert fold("al-Qaim") == fold("Qaim") and fold("Ash Shihr") == fold("Shihr")
    assert fold("Bogotá") == "bogota"


def test_a_spelling_variant_resolves_with_its_admin_chain(extractor):
    place = _places(extractor, "Gunmen attacked a checkpoint in Idleb.")["Idleb"]
    assert (place.label, place.country, place.admin1) == ("Idlib", "SYR", "Idlib")
    assert abs(place.lat - 35.93) < 0.1 and abs(place.lon - 36.63) < 0.1


def test_admin_chain_in_brackets_picks_the_country(extractor):
    places = _places(extractor, "Locals killed a thief in Minakulu sub-county (Oyam, Northern).")
    assert (places["Oyam"].country, places["Oyam"].admin1) == ("UGA", "Northern")
    assert places["Northern"].country == "UGA"  # not Australia's Northern Territory


def test_district_and_governorate_are_places_not_actors(extractor):
    found = extractor.extract(article_from_text(
        "Gunmen killed two civilians in Sinjar district, Ninewa.", origin="t"))
    assert {(p.label, p.country) for p in found.places} >= {("Sinjār", "IRQ")}
    assert any(p.country == "IRQ" and p.kind == "region" for p in found.places)  # Ninewa
    named = {a.label for e in found.events for k in e.agents if (a := found.actor(k))}
    assert not named & {"Sinjar", "Ninewa"}


@pytest.mark.parametrize("text", ["Police said the road was closed.",
                                  "March was calm in the capital.",
                                  "Abdullah Nasser met reporters."])
def test_a_common_word_or_a_persons_name_is_no_place(extractor, text):
    assert _places(extractor, text) == {}


def test_country_context_picks_among_namesakes(extractor):
    in_uganda = _places(extractor, "Ugandan soldiers patrolled Oyam district.")["Oyam"]
    in_gabon = _places(extractor, "Gabonese police arrested two men in Oyam.")["Oyam"]
    assert (in_uganda.country, in_gabon.country) == ("UGA", "GAB")


def test_demonyms_compose_country_actors(extractor):
    found = extractor.extract(article_from_text("Malian soldiers shelled a village.", origin="t"))
    assert [(a.key, a.country) for a in found.actors if a.parent] == [("mali-military", "MLI")]


def test_capital_of_the_world_index_acts_for_its_state(extractor):
    found = extractor.extract(article_from_text("Bamako rejected the proposal.", origin="t"))
    assert [e.agents for e in found.events] == [("mali",)]


def test_index_loads_from_its_cache_quickly():
    index = load_world()
    assert index.path.exists() and index.path.suffix == ".sqlite"
    load_world.cache_clear()
    start = time.perf_counter()
    again = load_world()
    assert again.lookup("Kabul")[0].country == "AFG"
    assert time.perf_counter() - start < 1.0  # opened, not rebuilt


def test_place_admin_chain_reaches_the_graph(extractor):
    from kg.rdf import place_triples
    from kg.vocab import CKG

    place = _places(extractor, "Clashes were reported in Khamyab district, Jowzjan.")["Khamyab"]
    objects = {str(o) for _, p, o in place_triples(place) if p in (CKG.admin1, CKG.country)}
    assert "AFG" in objects and place.lat is not None


def test_countries_take_packaged_coordinates_and_every_iso_country_is_a_state():
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    afghanistan = gazetteer.places["afghanistan"]  # countries.yaml types no coordinates
    assert 29 < afghanistan.lat < 39 and 60 < afghanistan.lon < 75
    states = {a.country for a in gazetteer.actors.values() if a.kind == "state"}
    assert {"MLI", "BFA", "TCD", "KIR"} <= states


@pytest.mark.parametrize("text, key, label", [
    ("Police Forces of Kenya arrested two men.", "kenya-police", "Kenyan police"),
    ("Congolese troops attacked a camp.", "congo-drc-military", "Congolese armed forces"),
    ("Burkinabe security forces killed three civilians.", "burkina-faso-military",
     "Burkinabe armed forces"),
    ("Burkinabe riot police killed three civilians.", "burkina-faso-police", "Burkinabe police"),
])
def test_country_sectors_compose_from_demonyms_and_of_phrases(extractor, text, key, label):
    found = extractor.extract(article_from_text(text, origin="t"))
    assert (key, label) in {(a.key, a.label) for a in found.actors}


def test_exact_spelling_wins_over_a_folded_namesake(extractor):
    place = _places(extractor, "A roadside bomb near the town of Samarra killed a soldier.")["Samarra"]
    assert place.country == "IRQ"  # Samara (Russia) folds alike and is bigger


def test_part_of_a_states_name_is_no_town(extractor):
    text = "Washington urged the Democratic People's Republic of Korea to talk."
    assert "Korea" not in _places(extractor, text)


def test_a_subdivision_is_found_however_many_towns_share_its_name():
    found = load_world().lookup("Santa Cruz")
    assert {("admin1", "BOL"), ("admin1", "ARG")} <= {(p.kind, p.country) for p in found}
    assert [p.population for p in found] == sorted((p.population for p in found), reverse=True)


def test_a_place_transliterated_with_marks_is_also_named_without_them(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 March 2022, artillery shelled villages in Sa'ada governorate.", origin="t"))
    place = {p.key: p for p in extraction.places}[extraction.events[0].place]
    assert place.label == "Şāʻdah" and "Sadah" in place.aliases


def test_a_place_carries_the_other_names_geonames_records_to_the_graph(extractor):
    from kg.rdf import place_triples
    from kg.vocab import SKOS

    extraction = extractor.extract(article_from_text(
        "On 10 April 2022, aircraft struck positions near Al Bukamal in Deir Ezzor.", origin="t"))
    place = {p.key: p for p in extraction.places}[extraction.events[0].place]
    assert place.label == "Ālbū Kamāl" and "Abu Kamal" in place.other_names
    assert not {"abw kmal", "Albu Kamal"} & set(place.other_names)  # a romanisation; own name
    names = {str(o) for _, p, o in place_triples(place) if p == SKOS.altLabel}
    assert "Abu Kamal" in names


def test_a_district_named_after_its_city_takes_none_of_the_citys_other_names(extractor):
    extraction = extractor.extract(article_from_text(
        "On 2 May 2022, protesters marched in Quito - La Mariscal.", origin="t"))
    district = next(p for p in extraction.places if p.label == "Quito - La Mariscal")
    assert district.other_names == ()


def test_a_curated_town_has_the_names_geonames_gives_it(extractor):
    place = _places(extractor, "Gunmen attacked a checkpoint in Palmyra.")["Palmyra"]
    assert {"Tadmur", "Tadmor"} <= set(place.alternate_labels)
    assert extractor.gazetteer.places["gaza"].other_names == ()  # a region: no town's names
