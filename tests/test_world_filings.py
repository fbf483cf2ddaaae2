"""Filing GeoNames towns under ISO 3166-2 subdivisions (kg.extract.world_filings), on made-up
subdivisions and towns."""

from __future__ import annotations

from types import SimpleNamespace

from kg.extract.world_filings import (fill_groups, filed_majorities, namesake_spread,
                                      refile_spread, spread_groups, subdivision_levels)


def _sub(code, name, parent=None):
    return SimpleNamespace(code=code, name=name, country_code="XQ", parent_code=parent)


def _city(geonameid, group, population=100, name="Town", lat=1.0, lon=2.0):
    return {"geonameid": geonameid, "countrycode": "XQ", "admin1code": group,
            "population": population, "latitude": lat, "longitude": lon, "name": name,
            "alternatenames": []}


def test_a_group_no_name_matched_takes_the_state_most_of_its_towns_are_filed_under():
    subs = [_sub("XQ-01", "Velka"), _sub("XQ-SEL", "Selvo", parent="XQ-01"), _sub("XQ-02", "Orm")]
    levels = subdivision_levels(subs)
    cities = {str(n): _city(n, "05", population) for n, population in
              [(1, 5000), (2, 100), (3, 200), (4, 50)]}
    filed = {1: "XQ-SEL", 2: "XQ-02", 3: "XQ-02"}  # 5,001 people in Velka, 302 in Orm
    groups: dict = {}
    fill_groups(groups, cities, filed, levels)
    assert groups[("XQ", "05")][:2] == ("XQ-01", "Velka")


def test_a_state_another_group_holds_or_a_split_vote_fills_no_group():
    levels = subdivision_levels([_sub("XQ-01", "Velka"), _sub("XQ-02", "Orm")])
    cities = {"1": _city(1, "05"), "2": _city(2, "06"), "3": _city(3, "06")}
    groups = {("XQ", "04"): ("XQ-01", "Velka", 0.0, 0.0)}
    fill_groups(groups, cities, {1: "XQ-01", 2: "XQ-01", 3: "XQ-02"}, levels)
    assert set(groups) == {("XQ", "04")}


def test_too_few_filed_towns_or_a_split_decide_nothing():
    levels = subdivision_levels([_sub("XQ-VK", "Velka"), _sub("XQ-OR", "Orm")])
    cities = {str(n): _city(n, "15") for n in range(1, 7)}
    assert filed_majorities(cities, {1: "XQ-VK", 2: "XQ-VK", 3: "XQ-VK"}, levels) == {}
    split = {1: "XQ-VK", 2: "XQ-VK", 3: "XQ-VK", 4: "XQ-OR", 5: "XQ-OR", 6: "XQ-OR"}
    assert filed_majorities(cities, split, levels) == {}



def _territory():
    """Group "WB" of ten towns: three filed under Orvo, two under Selm, one under Tarn, and
    four unfiled, one of them bearing Selm's name, one far from every seat."""
    subs = [_sub("XQ-OR", "Orvo Governorate"), _sub("XQ-SE", "Selm Governorate"),
            _sub("XQ-TA", "Tarn Governorate")]
    towns = [(1, "Orvo", 50_000, 1.0), (2, "Avel", 900, 1.1), (3, "Brin", 800, 0.9),
             (4, "Cosk", 700, 3.0), (5, "Dulm", 600, 3.1), (6, "Eslo", 500, 6.0),
             (7, "Selm", 30_000, 3.05), (8, "Fenn", 400, 1.2), (9, "Gort", 300, 2.9),
             (10, "Hask", 200, 9.5)]
    cities = {str(n): _city(n, "WB", pop, name, lat) for n, name, pop, lat in towns}
    filed = {1: "XQ-OR", 2: "XQ-OR", 3: "XQ-OR", 4: "XQ-SE", 5: "XQ-SE", 6: "XQ-TA"}
    return cities, filed, subdivision_levels(subs)


def test_a_group_whose_filed_towns_lie_in_several_subdivisions_spans_them():
    cities, filed, levels = _territory()
    assert filed_majorities(cities, filed, levels) == {}  # three of six: no majority
    assert spread_groups(cities, filed, levels) == {("XQ", "WB"): {"XQ-OR", "XQ-SE", "XQ-TA"}}


def test_a_group_with_a_firm_majority_or_a_single_stray_town_spans_nothing():
    cities, filed, levels = _territory()
    firm = {**filed, 4: "XQ-OR", 5: "XQ-OR"}  # five of six in Orvo
    assert spread_groups(cities, firm, levels) == {}
    stray = {1: "XQ-OR", 2: "XQ-OR", 3: "XQ-SE", 4: "XQ-TA"}  # no second subdivision twice
    assert spread_groups(cities, stray, levels) == {}


def test_an_unfiled_town_of_a_spread_group_takes_its_namesake_or_nearest_subdivision():
    cities, filed, levels = _territory()
    refiled = refile_spread(cities, filed, levels, spread_groups(cities, filed, levels))
    assert refiled == {7: "XQ-SE",  # bears Selm's name
                       8: "XQ-OR",  # nearest Orvo, the seat of the subdivision of Orvo
                       9: "XQ-SE"}  # nearest Selm, the seat of Selm's subdivision
    # Hask lies 390 km from Tarn's seat, Eslo, the nearest: it stays with its group
    assert refile_spread(cities, filed, levels, {}) == {}


def test_a_territory_filed_as_one_group_gives_each_town_its_own_governorate():
    from kg.extract.world import load_world

    world = load_world()
    admin1 = {name: next(p.admin1 for p in world.lookup(name)
                         if p.country == "PSE" and p.kind == "city")
              for name in ("Nablus", "Jenin", "Hebron", "Huwara")}
    assert admin1 == {"Nablus": "Nablus", "Jenin": "Jenin", "Hebron": "Hebron",
                      "Huwara": "Nablus"}
    gaza = {name: next(p.admin1 for p in world.lookup(name)
                       if p.country == "PSE" and p.kind == "city")
            for name in ("Gaza", "Khan Yunis", "Rafah")}  # by its towns' names
    assert gaza == {"Gaza": "Gaza", "Khan Yunis": "Khan Yunis", "Rafah": "Rafah"}


def test_a_group_holding_the_largest_namesakes_of_other_subdivisions_spans_them():
    subs = [_sub("XQ-OR", "Orvo"), _sub("XQ-SE", "Selm"), _sub("XQ-TA", "Tarn")]
    levels = subdivision_levels(subs)
    cities = {"1": _city(1, "GS", 90_000, "Orvo"), "2": _city(2, "GS", 50_000, "Selm"),
              "3": _city(3, "GS", 40_000, "Tarn"), "4": _city(4, "KV", 60_000, "Selm")}
    groups = {("XQ", "GS"): ("XQ-OR", "Orvo", 0.0, 0.0)}
    # the largest Selm lies in another group: one other namesake is no spread
    assert namesake_spread(cities, levels, groups, set()) == {}
    cities["4"]["population"] = 900
    assert namesake_spread(cities, levels, groups, set()) == {
        ("XQ", "GS"): {"XQ-OR", "XQ-SE", "XQ-TA"}}
    cities["3"]["population"] = 9_000  # a namesake under 10,000 shows nothing
    assert namesake_spread(cities, levels, groups, set()) == {}
