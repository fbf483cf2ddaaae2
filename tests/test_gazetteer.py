"""The curated gazetteer: regional actors, world countries, places with coordinates, extensions."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.documents import article_from_text
from kg.errors import InputError
from kg.extract.gazetteer import build_gazetteer, extension_files, load_gazetteer
from kg.taxonomy import ONTOLOGY_DIR


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_region_actors_have_kind_country_and_aliases(gazetteer):
    for alias, key, kind in [("daesh", "isis", "armed_group"), ("hizbollah", "hezbollah", "armed_group"),
                             ("ansar allah", "houthis", "armed_group"), ("al-manar tv", "al-manar", "media"),
                             ("unifil", "unifil", "igo"), ("hashd al-shaabi", "pmf", "armed_group")]:
        assert gazetteer.aliases[alias] == key and gazetteer.actors[key].kind == kind
    assert gazetteer.actors["hezbollah"].country == "LBN"
    assert gazetteer.actors["isis"].qid == "Q2429253"


def test_border_towns_have_coordinates_in_lebanon_or_syria(gazetteer):
    for key, country in [("arsal", "LBN"), ("ras-baalbek", "LBN"), ("qalamoun", "SYR")]:
        place = gazetteer.places[key]
        assert place.country == country and 33.0 < place.lat < 35.0 and 35.5 < place.lon < 37.0


def test_world_countries_are_states_places_and_nationalities(gazetteer):
    assert gazetteer.actors["hungary"].kind == "state" and gazetteer.actors["hungary"].country == "HUN"
    assert gazetteer.places["hungary"].kind == "country" and gazetteer.places["hungary"].lat > 40
    assert gazetteer.nationalities["peruvian"] == "peru"
    assert gazetteer.actors["lebanon"].qid == "Q822"  # the curated region entry wins


def test_composites_from_nationality_and_agent_noun(extractor):
    text = "Peruvian troops clashed with Sudanese rebels. Romanian officials met Hungarian diplomats."
    extraction = extractor.extract(article_from_text(text, origin="c"))
    keys = [m.key for m in extraction.mentions if m.kind == "actor"]
    assert keys == ["peru-military", "sudan-rebels", "romania-government", "hungary-government"]
    assert extraction.actor("sudan-rebels").kind == "armed_group"
    assert extraction.actor("peru-military").country == "PER"


@pytest.mark.parametrize("text", ["Kenyan air defences intercepted two drones near Mandera.",
                                  "Kenyan air defense systems shot down a drone near Mandera."])
def test_a_nations_air_defences_are_its_armed_forces(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="c"))
    assert extraction.events[0].agents == ("kenya-military",)


@pytest.mark.parametrize("text", ["Kenya's junta arrested ten students in Mandera.",
                                  "On 3 May 2022, the junta arrested ten students in Mandera."])
def test_a_ruling_junta_is_the_armed_forces(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="c"))
    assert extraction.events[0].agents == ("kenya-military",)


def test_a_title_before_a_name_is_the_person(extractor):
    text = "Lebanese Foreign Minister Gebran Bassil praised the Lebanese army."
    extraction = extractor.extract(article_from_text(text, origin="t"))
    assert [m.key for m in extraction.mentions if m.kind == "actor"] == ["gebran-bassil",
                                                                        "lebanon-military"]


def test_extension_file_from_the_environment(tmp_path, monkeypatch):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  wagner: {label: Wagner Group, kind: armed_group, country: RUS,"
                     " aliases: [Wagner Group, Wagner]}\n", "utf-8")
    monkeypatch.setenv("KG_ACTORS_EXTRA", str(extra))
    assert extra in extension_files(tmp_path)
    built = build_gazetteer([ONTOLOGY_DIR / "actors.yaml", *extension_files(tmp_path)], None)
    assert built.aliases["wagner"] == "wagner" and built.actors["wagner"].country == "RUS"


def _governing(since: str) -> str:
    return ("actors:\n  rulers: {label: Rulers, kind: armed_group, aliases: [Rulers],\n"
            f"           governs: {{state: peru, since: {since}}}}}\n")


def test_a_movement_in_power_names_the_states_forces_from_the_day_it_took_power(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(_governing("2021-08-15"), "utf-8")
    built = build_gazetteer([extra], None, ONTOLOGY_DIR / "countries.yaml")
    forces = built.actors[built.as_of("rulers", dt.date(2021, 8, 15))]
    assert (forces.key, forces.label, forces.kind, forces.sector, forces.parent, forces.country) == (
        "rulers-in-power", "Rulers", "military", "military", "peru", "PER")
    assert built.as_of("rulers", dt.date(2021, 8, 14)) == "rulers"
    assert built.as_of("rulers", None) == "rulers-in-power"  # an undated report is of the present


@pytest.mark.parametrize("since", ["'recently'", "2021"])
def test_a_movement_in_power_needs_a_date(tmp_path, since):
    extra = tmp_path / "mine.yaml"
    extra.write_text(_governing(since), "utf-8")
    with pytest.raises(InputError, match="'governs' needs a known state and a date"):
        build_gazetteer([extra], None, ONTOLOGY_DIR / "countries.yaml")


@pytest.mark.parametrize("published, agent, kind", [("2022-03-17", "houthis-in-power", "military"),
                                                    ("2012-03-17", "houthis", "armed_group")])
def test_the_houthis_in_power_are_a_state_force_beside_the_government_army(extractor, published,
                                                                           agent, kind):
    extraction = extractor.extract(article_from_text(
        "Houthi forces shelled government positions in Qataba district, Ad Dali.",
        origin="t", meta={"published": published}))
    actors = {a.key: a for a in extraction.actors}
    event = extraction.events[0]
    assert (event.agents, event.targets) == ((agent,), ("yemen-military",))
    assert actors[agent].kind == kind and actors[agent].country == "YEM"


def test_demonyms_and_countries_as_parties(extractor):
    text = "Ethnic Albanians demanded talks with Serbia. Hungarian officials urged Romania to act."
    extraction = extractor.extract(article_from_text(text, origin="d"))
    actors = [m.key for m in extraction.mentions if m.kind == "actor"]
    assert actors == ["albania-civilians", "serbia", "hungary-government", "romania"]
    inside = extractor.extract(article_from_text("Troops entered Serbia.", origin="e"))
    assert [(m.kind, m.key) for m in inside.mentions] == [("place", "serbia")]


@pytest.mark.parametrize("text", [
    "On 12 March 2023, IRGC forces shelled villages near Koya, Erbil.",
    "On 12 March 2023, the Islamic Revolutionary Guard Corps launched drones at bases near Koya.",
])
def test_the_revolutionary_guards_are_irans_armed_forces_wherever_they_strike(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="t"))
    agents = {a for e in extraction.events for a in e.agents}
    assert agents == {"iran-military"}
    assert extraction.actor("iran-military").country == "IRN"
