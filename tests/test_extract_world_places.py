"""Rules of place resolution in context (kg.extract.world_places), one made-up sentence each."""

from __future__ import annotations

import dataclasses

import pytest

from kg.documents import article_from_text
from kg.extract.world import WorldPlace
from kg.extract.world_names import Candidate
from kg.extract.world_chains import admin_match as _admin_match
from kg.extract.world_places import _chain_majority, _cohere


def _extract(extractor, text):
    return extractor.extract(article_from_text(text, origin="t"))


def _places(extractor, text):
    found = _extract(extractor, text)
    by_key = {p.key: p for p in found.places}
    return {m.span.text: by_key[m.key] for m in found.mentions if m.kind == "place"}


def _event_place(extractor, text):
    found = _extract(extractor, text)
    by_key = {p.key: p for p in found.places}
    return by_key.get(found.events[0].place or "")


@pytest.mark.parametrize("text, name, country", [
    ("Protesters gathered in Vila Nova de Gaia (Porto) on Monday.", "Vila Nova de Gaia", "PRT"),
    ("Residents met in Santa Cruz de la Sierra.", "Santa Cruz de la Sierra", "BOL"),
    ("People took to the streets in Newcastle upon Tyne.", "Newcastle upon Tyne", "GBR"),
])
def test_name_particles_join_a_many_word_name(extractor, text, name, country):
    place = _places(extractor, text)[name]
    assert (place.label, place.country) == (name, country)


def test_particle_name_unknown_whole_falls_back_to_its_parts(extractor):
    places = _places(extractor, "Police clashed with youths in Porto de Ovar Nuevo, Porto.")
    assert "Porto de Ovar Nuevo" not in places
    assert places["Porto"].country == "PRT"


@pytest.mark.parametrize("text, name, country", [
    ("Gunmen killed a man in Ain al-Arab on Monday.", "Ain al-Arab", "SYR"),
    ("A drone struck a car in Jisr al-Shughur, Idlib.", "Jisr al-Shughur", "SYR"),
    ("A drone struck a car in Ras al-Ain, al-Hasakah.", "Ras al-Ain", "SYR"),
])
def test_an_arabic_article_joined_by_a_hyphen_is_part_of_the_name(extractor, text, name, country):
    place = _places(extractor, text)[name]
    assert place.country == country


def test_a_name_with_a_hyphened_article_unknown_whole_is_not_cut_at_it(extractor):
    places = _places(extractor, "Clashes broke out in Ain al-Zarqawi camp, Sidon, on Monday.")
    assert "Ain" not in places  # a spring, alone: no Al Ain in the Emirates
    assert [p.country for p in places.values()] == ["LBN"]


def test_a_name_may_begin_with_its_hyphened_article(extractor):
    places = _places(extractor, "Gunmen killed a man in al-Bab, Aleppo, on Monday.")
    assert (places["al-Bab"].country, places["Aleppo"].country) == ("SYR", "SYR")
    places = _places(extractor, "Gunmen killed a man in Tal Tamr, al-Hasakah, on Monday.")
    assert places["al-Hasakah"].country == "SYR"


def test_a_longer_name_wins_over_the_curated_place_inside_it(extractor):
    places = _places(extractor, "Workers marched in Puerto Montt (Los Lagos) on Monday.")
    assert (places["Los Lagos"].country, places["Puerto Montt"].country) == ("CHL", "CHL")
    assert "Lagos" not in places  # the curated Nigerian city is not named here


def test_a_name_before_its_subdivision_is_a_place_without_a_preposition(extractor):
    place = _event_place(extractor, "Russian forces shelled Kreminna, Luhansk, overnight.")
    assert (place.label, place.country) == ("Kreminna", "UKR")


def test_a_groups_name_before_its_members_is_no_place(extractor):
    places = _places(extractor, "Al Shabaab militants attacked a base in Jowhar.")
    assert [p.country for p in places.values()] == ["SOM"]


def test_chain_majority_confines_a_chain_to_one_country():
    town = WorldPlace("gn1", "Ilorin", "city", "NGA", None, None, 8.5, 4.5, 900)
    state = WorldPlace("iso-ng-kw", "Kwara", "admin1", "NGA", "Kwara", None, 8.9, 4.6, 0)
    namesake = WorldPlace("gn2", "Ilorin", "city", "PHL", None, None, 6.8, 125.3, 90)
    chain = [Candidate(0, 1, "Ilorin", True, 1), Candidate(2, 3, "Kwara", True)]
    assert _chain_majority(chain, [[namesake, town], [state]]) == {0: "NGA", 1: "NGA"}
    # the subdivision atop the chain outweighs a small namesake town abroad ...
    assert _chain_majority(chain, [[namesake], [state]]) == {0: "NGA", 1: "NGA"}
    city = dataclasses.replace(namesake, population=200_000)  # ... but not a city: a tie
    assert _chain_majority(chain, [[city], [state]]) == {0: None, 1: None}
    assert _chain_majority(chain, [[city], [state]], {"NGA"}) == {0: "NGA", 1: "NGA"}


def test_admin_chain_names_match_adjectival_subdivisions():
    town = WorldPlace("gn1", "Bakhmut", "city", "UKR", "Donetska", None, 48.6, 38.0, 70_000)
    assert _admin_match(town, {"donetsk"}) and _admin_match(town, {"donetska"})
    assert not _admin_match(town, {"done"}) and not _admin_match(town, {"luhansk"})


def test_a_compass_word_in_a_chain_is_a_region_never_a_town(extractor):
    places = _places(extractor, "Locals killed a thief in Minakulu sub-county (Oyam, Northern).")
    assert places["Northern"].kind == "region"


@pytest.mark.parametrize("text, label, country", [
    ("Gunmen attacked a shop in Kabul - Karte Se (Kabul) on Monday.", "Kabul - Karte Se", "AFG"),
    ("Students marched in Lima - Comas 3 on Friday.", "Lima - Comas 3", "PER"),
])
def test_city_dash_district_is_a_place_of_its_own_in_the_citys_country(extractor, text, label,
                                                                        country):
    place = _event_place(extractor, text)
    assert (place.label, place.country, place.kind) == (label, country, "town")


def test_a_district_sits_at_its_namesake_near_the_city_else_at_the_city(extractor):
    from kg.extract.world import load_world
    from kg.extract.world_gazetteer import distance_km

    city = max(load_world().lookup("Quito"), key=lambda p: p.population)
    near = _event_place(extractor, "Farmers blocked a road near Quito - Tumbaco on Monday.")
    far = _event_place(extractor, "Farmers blocked a road near Quito - Nowhereville on Monday.")
    assert 5 < distance_km(near.lat, near.lon, city.lat, city.lon) < 30
    assert (far.lat, far.lon) == (city.lat, city.lon)


def test_a_place_keeps_the_spelling_the_article_writes_it_in(extractor):
    place = _event_place(extractor, "Gunmen killed two traders in Jowhar on Monday.")
    assert (place.label, place.aliases) == ("Jawhar", ("Jowhar",))


def test_only_a_name_geonames_records_for_that_place_becomes_an_alias():
    from kg.extract.world import load_world
    from kg.extract.world_gazetteer import as_written, world_place

    world = load_world()
    town = world_place(world.lookup("Jowhar")[0], set())
    assert as_written(town, ["Mogadishu", "Jawharville", "Jowhar"], world).aliases == ("Jowhar",)


def test_the_last_name_of_an_admin_chain_is_a_region_before_a_namesake_city(extractor):
    places = _places(extractor, "Gunmen abducted a teacher near Ugboha (Esan South East, Edo).")
    assert (places["Edo"].kind, places["Edo"].country) == ("region", "NGA")


@pytest.mark.parametrize("text", [
    "Farmers blocked the Cuenca - Loja highway on Monday.",
    "Farmers blocked the road Cuenca - Azogues - Loja on Monday.",
    "Farmers marched from Cuenca - Loja on Monday.",
])
def test_a_way_between_two_towns_is_no_district(extractor, text):
    assert not any(" - " in p.label for p in _extract(extractor, text).places)


def test_a_capitalised_preposition_starting_a_sentence_is_not_part_of_the_name(extractor):
    places = _places(extractor, "In Oromia, gunmen attacked a bus near Nekemte.")
    assert (places["Oromia"].country, places["Oromia"].kind) == ("ETH", "region")


def test_an_events_place_is_the_settlement_of_its_clause_before_the_region(extractor):
    place = _event_place(extractor, "Nurses of the Oromia regional hospital protested at the "
                                    "office of the commissioner in Nekemte to demand their pay.")
    assert (place.country, place.kind) == ("ETH", "city")


@pytest.mark.parametrize("text, name", [
    ("Hundreds of campaigners gathered in central Lancaster to protest.", "Lancaster"),
    ("Members of the party protested in Briceni, against the gas prices.", "Briceni"),
    ("Guards blocked the access to the prison of Dunkerque on Monday.", "Dunkerque"),
])
def test_a_name_placed_by_its_preposition_is_a_place_whatever_ner_says(extractor, text, name):
    assert name in _places(extractor, text)


def test_a_town_abroad_is_the_events_place_before_a_country(extractor):
    place = _event_place(extractor, "Students in Nancy protested against being sent back to "
                                    "Ukraine, where Russia and Ukraine fight.")
    assert (place.label, place.country) == ("Nancy", "FRA")


def test_a_small_namesake_abroad_is_outvoted_by_the_region_atop_its_chain(extractor):
    places = _places(extractor, "Soldiers burned ten houses in Travnik village (Magway region).")
    assert "Travnik" not in places  # a Bosnian town is no village of a Burmese region
    assert places["Magway"].country == "MMR"


def test_a_city_holds_its_country_against_a_region_named_abroad(extractor):
    places = _places(extractor, "Soldiers burned ten houses near Buea (Sud-Ouest).")
    assert places["Buea"].country == "CMR"


def test_a_city_only_like_the_name_written_does_not_hold_a_chain_abroad(extractor):
    places = _places(extractor, "Rebels burned a school in Kanni village (Sud-Kivu).")
    assert places["Sud-Kivu"].country == "COD"
    assert "Kanni" not in places or places["Kanni"].country == "COD"  # not Kani, Japan


def test_a_lone_namesake_abroad_takes_the_reading_in_the_country_of_the_other_places(extractor):
    place = _places(extractor, "Drivers rallied in the Herrera province, near Chitre, over fuel prices.")
    assert (place["Herrera"].country, place["Chitre"].country) == ("PAN", "PAN")


def test_coherence_leaves_chained_names_large_cities_and_split_texts_alone():
    home = WorldPlace("gn1", "Lota", "city", "CHL", "Biobio", None, -37.1, -73.2, 40_000)
    other = dataclasses.replace(home, name="Coronel")
    abroad = dataclasses.replace(home, name="Tome", country="POR", population=9_000)
    at_home = dataclasses.replace(abroad, country="CHL")
    names = [Candidate(0, 1, "Lota", True), Candidate(2, 3, "Coronel", True),
             Candidate(4, 5, "Tome", True)]
    options = [[home], [other], [abroad, at_home]]
    assert _cohere(names, options, {0: home, 1: other, 2: abroad})[2] == at_home
    big = dataclasses.replace(abroad, population=250_000)
    assert _cohere(names, [[home], [other], [big, at_home]], {0: home, 1: other, 2: big})[2] == big
    chained = [*names[:2], Candidate(4, 5, "Tome", True, 6), Candidate(6, 7, "Lisboa", True)]
    assert _cohere(chained, [*options, []], {0: home, 1: other, 2: abroad})[2] == abroad
    split = dataclasses.replace(other, country="ARG")
    assert _cohere(names, options, {0: home, 1: split, 2: abroad})[2] == abroad


def test_a_small_namesake_abroad_with_no_reading_at_home_is_dropped_beside_a_firm_place(extractor):
    places = _places(extractor, "Hundreds of nurses rallied outside Holyrood in Edinburgh on Friday.")
    assert "Holyrood" not in places and places["Edinburgh"].country == "GBR"


def test_coherence_drops_a_namesake_only_against_firm_places():
    town = WorldPlace("gn1", "Tome", "city", "PRT", None, None, 39.6, -8.8, 9_000)
    small = dataclasses.replace(town, name="Lota", country="CHL", population=40_000,
                                lat=-37.1, lon=-73.2)  # in Chile, not beside Tome in Portugal
    big = dataclasses.replace(small, name="Concepcion", population=220_000)
    names = [Candidate(0, 1, "Tome", True), Candidate(2, 3, "Lota", True)]
    assert _cohere(names, [[town], [small]], {0: town, 1: small}) == {0: town, 1: small}
    names[1] = Candidate(2, 3, "Concepcion", True)  # a big city holds as written as its name
    assert _cohere(names, [[town], [big]], {0: town, 1: big}) == {1: big}


def test_a_name_the_text_calls_a_region_votes_firmly_in_its_chain():
    town = WorldPlace("gn1", "Vela", "city", "JPN", None, None, 35.0, 137.0, 8_000)
    region = dataclasses.replace(town, name="Dorn", kind="admin1", country="MMR", population=0)
    chain = [Candidate(0, 1, "Vela", True, 1), Candidate(3, 4, "Dorn", True, 2),
             Candidate(6, 7, "Sagra", True)]
    options = [[town], [region], []]
    assert _chain_majority(chain, options, ())[0] is None  # one vote each: a tie
    region = {1: ("admin1", "admin2")}  # "Dorn region"
    assert _chain_majority(chain, options, (), region)[0] == "MMR"


@pytest.mark.parametrize("text, name, country", [
    ("Protesters gathered in Ma'rib on Sunday.", "Ma'rib", "YEM"),
    ("Gunmen shot a man in Shada district, Sa'dah, on Sunday.", "Sa'dah", "YEM"),
])
def test_an_apostrophe_inside_a_transliterated_name_is_part_of_it(extractor, text, name, country):
    assert _places(extractor, text)[name].country == country


def test_and_locates_a_name_only_in_a_list_of_names(extractor):
    places = _places(extractor, "Youths threw stones and Molotov cocktails at police near Hebron.")
    assert "Molotov" not in places  # a former name of Perm, here a weapon's
    assert "Hebron" in places
    assert {"Gao", "Menaka"} <= set(_places(extractor, "Clashes broke out in Gao and Menaka."))


def test_a_name_written_as_a_towns_alternate_name_outweighs_a_hamlets_own(extractor):
    # GeoNames calls the West Bank town Janīn, with "Jenin" among its alternate names; a Polish
    # village of 1,100 is named Jenin
    assert _event_place(extractor, "A bomb exploded in Jenin on Sunday.").country == "PSE"
    places = _places(extractor, "Police clashed with youths in Porto on Sunday.")
    assert places["Porto"].country == "PRT"  # its own name, and one of Bordeaux's


@pytest.mark.parametrize("text, written, country", [
    ("Government forces shelled Kafr Nabl in Idlib.", "Kafr Nabl", "SYR"),  # tagged ORG
    ("Turkish forces shelled Tell Rifaat in Aleppo.", "Tell Rifaat", "SYR"),  # PERSON
    ("Rebels shelled Binnish in southern Idlib on Monday.", "Binnish", "SYR"),  # NORP
    ("Bandits attacked Gusau in Zamfara.", "Gusau", "NGA"),  # PERSON
    ("Gunmen attacked Kidal in Mali.", "Kidal", "MLI"),  # NORP, a town of 20,000 or more
])
def test_a_name_tagged_as_no_place_in_its_own_subdivision_is_the_place(extractor, text,
                                                                      written, country):
    found = _extract(extractor, text)
    place = {p.key: p for p in found.places}[found.events[0].place or ""]
    assert written in (place.label, *place.aliases) and place.country == country
    assert written not in {a.label for a in found.actors}


@pytest.mark.parametrize("text, name", [
    ("Kafr Nabl in Idlib condemned the shelling.", "Kafr Nabl"),  # the subject acts
    ("Israeli forces arrested Salim in Hebron.", "Salim"),  # a person is arrested
])
def test_a_name_that_acts_or_is_arrested_in_a_subdivision_stays_an_actor(extractor, text, name):
    found = _extract(extractor, text)
    assert name in {a.label for e in found.events for a in found.actors
                    if a.key in (*e.agents, *e.targets)}
    assert not any(name in (p.label, *p.aliases) for p in found.places)


def test_a_name_in_a_subdivision_that_holds_none_of_its_readings_is_no_place(extractor):
    places = _places(extractor, "Government forces shelled Leon in Valladolid.")
    assert "Leon" not in places and places["Valladolid"].country == "ESP"


def test_a_town_of_a_territory_filed_as_one_group_lies_in_its_own_governorate(extractor):
    place = _event_place(extractor, "Israeli forces raided Huwara in Nablus.")
    assert (place.label, place.admin1) == ("Huwara", "Nablus")


@pytest.mark.parametrize("text, name, label", [
    ("Militants attacked a market in Maroua, Extrême-Nord.", "Extrême-Nord", "Far North"),
    ("Gunmen killed a farmer in Garoua (Nord) on Monday.", "Nord", "North"),
])
def test_a_subdivision_named_with_compass_words_of_another_language_is_found(extractor, text,
                                                                               name, label):
    place = _places(extractor, text)[name]
    assert (place.label, place.country) == (label, "CMR")


def test_a_curated_place_votes_firmly_for_the_country_of_a_lone_town():
    home = WorldPlace("gn1", "Lota", "city", "XQX", "Selmska", None, -37.1, -73.2, 40_000)
    abroad = dataclasses.replace(home, ident="gn2", name="Orvo", country="XQY")
    names = [Candidate(0, 1, "Lota", True), Candidate(2, 3, "Orvo", True)]
    chosen = {0: home, 1: abroad}
    assert _cohere(names, [[home], [abroad]], chosen) == chosen  # one against one: kept
    kept = _cohere(names, [[home], [abroad]], chosen, curated=[("Kalvan", "XQX")])
    assert kept == {0: home}  # a namesake abroad of a town the index does not know


@pytest.mark.parametrize("text, name, country", [
    ("On 12 March 2023, Turkish drones struck Qamishli.", "Al Qāmishlī", "SYR"),
    ("On 12 March 2023, Turkish forces shelled Tal Tamr, al-Hasakah.", "Tall Tamr", "SYR"),
    ("On 12 March 2023, Turkish forces shelled Manbij and Qamishli.", "Manbij", "SYR"),
])
def test_the_name_a_strike_hits_is_a_place_not_a_target(extractor, text, name, country):
    extraction = _extract(extractor, text)
    place = {p.key: p for p in extraction.places}.get(extraction.events[0].place or "")
    assert place is not None and (place.label, place.country) == (name, country)
    assert all(t.startswith("syria") for e in extraction.events for t in e.targets)


def test_a_known_group_a_strike_hits_stays_its_target(extractor):
    extraction = _extract(extractor, "On 12 March 2023, Israeli aircraft struck Hamas in Gaza.")
    assert "hamas" in extraction.events[0].targets


def test_a_chain_with_one_known_name_keeps_its_largest_reading_against_an_actors_country(extractor):
    place = _event_place(extractor, "IRGC forces shelled villages in Ozrak, Soran district.")
    assert (place.label, place.country) == ("Soran", "IRQ")  # no hamlet Sūrān of Iran


@pytest.mark.parametrize("text", ["On 6 March 2022, a bomb exploded in Al Jawf, Yemen.",
                                  "Fighters of two tribes clashed in Al Jawf, Yemen, on Monday."])
def test_a_province_written_as_its_name_beats_a_town_only_called_so(extractor, text):
    place = _event_place(extractor, text)
    assert (place.label, place.country, place.kind) == ("Al Jawf", "YEM", "region")


def test_a_town_written_as_its_name_still_beats_its_namesake_province(extractor):
    place = _event_place(extractor, "On 11 June 2022, about 100 people demonstrated in Wexford.")
    assert (place.label, place.kind) == ("Wexford", "town")


def test_a_big_city_only_folding_alike_is_dropped_beside_places_of_another_country(extractor):
    place = _event_place(extractor, "On 15 April 2022, troops shelled Al-Bara village in "
                                    "Jabal al-Zawiya, Idlib, injuring a child.")
    assert place is not None and place.country == "SYR"  # never Paulo Afonso, Brazil


@pytest.mark.parametrize("text, label", [
    ("On 7 April 2022, troops shelled the vicinity of Tal Tamr in Al-Hasakah countryside.",
     "Tall Tamr"),
    ("On 9 June 2022, a navy boat fired at fishermen off the coast of Khan Younis.", "Khān Yūnis"),
])
def test_a_name_of_a_places_surroundings_is_the_place(extractor, text, label):
    place = _event_place(extractor, text)
    assert place is not None and place.label == label


def test_a_hamlet_read_by_its_skeleton_is_kept_where_its_chain_names_its_province(extractor):
    place = _event_place(extractor, "On 15 May 2022, gunmen abducted three shepherds in the "
                                    "Hawija area of Kirkuk province.")
    assert (place.label, place.country) == ("Al Ḩawījah", "IRQ")


def test_a_town_across_the_border_from_a_firm_place_is_kept(extractor):
    place = _event_place(extractor, "On 7 June 2022, a rocket was fired from the Gaza Strip "
                                    "towards Sderot.")
    assert (place.label, place.country) == ("Sderot", "ISR")
