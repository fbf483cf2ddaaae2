"""Placing subdivisions when the world index is built (kg.extract.world_build), on made-up
subdivisions, towns and states; and the index's version."""

from __future__ import annotations

from importlib.metadata import version
from types import SimpleNamespace

from kg.extract import world
from kg.extract.world_build import (Known, _add_subdivisions, _admin1_groups, _largest_towns,
                                    _town_admins, written_names)
from kg.extract.world_filings import filed_majorities, subdivision_levels

CENTRE = (5.0, 5.0)


def _placed(subs, known, towns=()):
    rows = [(f"gn{n}", name, "city", "XQX", None, None, lat, lon, 1000)
            for n, (name, lat, lon) in enumerate(towns)]
    names: list[tuple[str, int]] = []
    _add_subdivisions(rows, names, [(s, "XQX") for s in subs], known)
    return {r[0]: (r[6], r[7]) for r in rows if r[2] != "city"}


def _state(lat, lon, name="Kalvo", native=None):
    return {"name": name, "native": native, "latitude": str(lat), "longitude": str(lon)}


def _sub(code, name, parent=None):
    return SimpleNamespace(code=code, name=name, country_code="XQ", parent_code=parent)


def test_a_subdivision_with_no_namesake_town_takes_its_states_position_not_the_centre():
    known = Known({}, {"XQX": CENTRE}, {"XQ-NK": _state(-0.5, 28.7)}, {})
    placed = _placed([_sub("XQ-NK", "Nord-Ravu")], known, towns=[("Ravu", 1.0, 1.0)])
    assert placed == {"iso-xq-nk": (-0.5, 28.7)}


def test_a_subdivision_with_no_state_takes_its_groups_position():
    known = Known({("XQ", "07"): ("XQ-07", "Orvalo", 2.5, 3.5)}, {"XQX": CENTRE}, {}, {})
    assert _placed([_sub("XQ-07", "Orvalo")], known)["iso-xq-07"] == (2.5, 3.5)


def test_a_district_with_nothing_known_takes_its_parents_position_not_the_centre():
    known = Known({}, {"XQX": CENTRE}, {"XQ-12": _state(14.0, -0.2)}, {})
    placed = _placed([_sub("XQ-SEL", "Selvo", parent="XQ-12"), _sub("XQ-12", "Velka")], known)
    assert placed == {"iso-xq-12": (14.0, -0.2), "iso-xq-sel": (14.0, -0.2)}


def test_a_subdivision_is_named_by_its_states_local_name_too():
    state = _state(6.4, 10.4, "Northwest", "Nord-ouest")
    known = Known({}, {"XQX": CENTRE}, {"XQ-NW": state}, {})
    names: list[tuple[str, int]] = []
    _add_subdivisions([], names, [(_sub("XQ-NW", "North-West"), "XQX")], known)
    assert sorted(names) == [("Nord-ouest", 1), ("North-West", 1), ("Northwest", 1)]


def test_a_subdivision_lies_at_its_largest_town_before_its_states_position():
    subs = [_sub("XQ-01", "Velka"), _sub("XQ-SEL", "Selvo", parent="XQ-01"), _sub("XQ-02", "Orm")]
    cities = {str(n): {**_city(n, "05", population), "latitude": lat, "longitude": 2.0}
              for n, population, lat in [(1, 900, 1.0), (2, 5000, 2.0), (3, 40, 3.0)]}
    seats = _largest_towns(cities, {1: "XQ-SEL", 2: "XQ-01", 3: "XQ-SEL"},
                           subdivision_levels(subs))
    assert seats == {"XQ-01": (2.0, 2.0), "XQ-SEL": (1.0, 2.0)}
    known = Known({}, {"XQX": CENTRE}, {"XQ-01": _state(9.0, 9.0), "XQ-02": _state(7.0, 7.0)},
                  seats)
    assert _placed(subs, known) == {"iso-xq-01": (2.0, 2.0), "iso-xq-sel": (1.0, 2.0),
                                    "iso-xq-02": (7.0, 7.0)}


def test_the_centre_is_the_last_resort():
    placed = _placed([_sub("XQ-99", "Unmatched")], Known({}, {"XQX": CENTRE}, {}, {}))
    assert placed == {"iso-xq-99": CENTRE}


def test_the_index_version_names_the_format_and_the_states_source(monkeypatch):
    name = world.source_versions()
    assert name.startswith(f"v{world.FORMAT}-") and world.FORMAT >= 8
    assert version("countrystatecity-countries") in name.split("-")
    monkeypatch.setattr(world, "FORMAT", world.FORMAT + 1)
    assert world.source_versions() != name  # a new format rebuilds the cache


def _city(geonameid, group, population=100, name="Town"):
    return {"geonameid": geonameid, "countrycode": "XQ", "admin1code": group,
            "population": population, "latitude": 1.0, "longitude": 2.0, "name": name}


def test_a_town_filed_under_a_district_takes_it_as_admin2_within_its_admin1():
    levels = subdivision_levels([_sub("XQ-01", "Velka"), _sub("XQ-SEL", "Selvo", "XQ-01")])
    town = _city(1, "05")
    assert _town_admins(town, {}, levels["XQ-SEL"]) == ("Velka", "Selvo")
    named = {("XQ", "05"): ("XQ-01", "Velka", 0.0, 0.0)}
    assert _town_admins(town, named, levels["XQ-SEL"]) == ("Velka", "Selvo")
    other = {("XQ", "05"): ("XQ-02", "Orm", 0.0, 0.0)}  # its group says otherwise: no admin2
    assert _town_admins(town, other, levels["XQ-SEL"]) == ("Orm", None)
    assert _town_admins(town, {}, None) == (None, None)


def test_a_town_of_a_spread_group_takes_its_own_filing_else_its_groups():
    levels = subdivision_levels([_sub("XQ-01", "Velka"), _sub("XQ-02", "Orm")])
    group = {("XQ", "WB"): ("XQ-01", "Velka", 0.0, 0.0)}
    town = _city(1, "WB")
    assert _town_admins(town, group, levels["XQ-02"]) == ("Velka", None)
    assert _town_admins(town, group, levels["XQ-02"], {("XQ", "WB")}) == ("Orm", None)
    assert _town_admins(town, group, None, {("XQ", "WB")}) == ("Velka", None)


def test_a_rebuild_removes_older_indexes_but_not_a_newer_formats(monkeypatch, tmp_path):
    monkeypatch.setenv(world.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr("kg.extract.world_build.build_index", lambda path: path.write_text("x"))
    older = tmp_path / f"world-v{world.FORMAT - 1}-1.0.sqlite"
    newer = tmp_path / f"world-v{world.FORMAT + 1}-1.0.sqlite"
    for path in (older, newer):
        path.write_text("x")
    world.load_world.cache_clear()
    try:
        index = world.load_world()
        assert index.path.exists() and not older.exists() and newer.exists()
    finally:
        world.load_world.cache_clear()


def _named_town(geonameid, group, name, population):
    return {**_city(geonameid, group, population, name), "alternatenames": []}


def test_where_a_groups_towns_lie_outweighs_a_village_named_like_another_subdivision():
    subs = [_sub("XQ-VK", "Velka"), _sub("XQ-OR", "Orm")]
    levels = subdivision_levels(subs)
    cities = {str(n): _named_town(n, "15", f"Town{n}", 900) for n in range(1, 6)}
    cities["6"] = _named_town(6, "15", "Orm", 300)  # a village of group 15 named like XQ-OR
    filed = {n: "XQ-VK" for n in range(1, 6)}
    alpha3 = {"XQ": "XQX"}
    assert _admin1_groups(cities, alpha3, subdivisions=subs)[("XQ", "15")][0] == "XQ-OR"
    firm = filed_majorities(cities, filed, levels)
    assert firm == {("XQ", "15"): "XQ-VK"}
    assert _admin1_groups(cities, alpha3, firm, subs)[("XQ", "15")][:2] == ("XQ-VK", "Velka")


def test_names_of_a_subdivision_in_two_languages_share_its_key_and_a_towns_names_none():
    from kg.extract.world_build import subdivision_keys

    rows = [("iso-xq-nw", "North-West", "admin1"), ("iso-xq-12", "Sud Kalvo", "admin2"),
            ("gn1", "Nord-Ouest", "city")]
    keys = subdivision_keys(rows, [("North-West", 1), ("Nord-Ouest", 1), ("Sud Kalvo", 2),
                                   ("Nord-Ouest", 3)])
    assert keys == {("northwest", 1), ("southkalvo", 2)}


def test_other_names_keep_one_written_form_per_spelling_and_no_codes_or_romanisations():
    names = ["Damascus", "Damas", "Damascus", "DAM", "d mshq", "Dimashq", "Dimashq",
             "Dimāshq", "Esh Sham", "Esh Shām"]
    assert written_names("Damascus", names) == ["Damas", "Dimashq", "Esh Sham"]
    assert written_names("Damascus", []) == []
