"""Where the packaged database files GeoNames towns, and what a GeoNames admin1 group makes of it.

GeoNames' admin1 codes are mostly not ISO 3166-2 codes. The packaged
countries-states-cities database files many towns under an ISO 3166-2 subdivision
(:func:`kg.extract.world_states.town_states`); those filings decide:

- which subdivision a group is (:func:`filed_majorities`: most of its filed towns lie in
  one; :func:`fill_groups`: most of its people, for a group nothing else matched);
- that a group is no one subdivision at all (:func:`spread_groups`, or by the names of its
  largest towns, :func:`namesake_spread`): GeoNames files some territories as one group whose
  towns span several subdivisions (a "West Bank" whose towns lie in eleven governorates). Its
  towns are filed one by one (:func:`refile_spread`), not under the subdivision the group as
  a whole was matched to.

Examples
--------
>>> from types import SimpleNamespace as Sub
>>> levels = subdivision_levels([Sub(code="XQ-01", name="Velka Governorate", parent_code=None)])
>>> levels["XQ-01"]
Level(top='XQ-01', admin1='Velka', admin2=None)
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container
from typing import Any, NamedTuple

from kg.extract.world import fold
from kg.extract.world_states import SUBDIVISION_WORDS

FIRM_TOWNS = 4
"""A GeoNames admin1 group with this many towns filed in the packaged database can be matched
to a subdivision by where its towns lie."""
FIRM_SHARE = 2 / 3
"""The share of a group's filed towns that must lie in one subdivision for it to decide."""
SPREAD_TOWNS = 2
"""A group whose filed towns (:data:`FIRM_TOWNS` or more) lie in no one subdivision for
:data:`FIRM_SHARE` of them, but in two or more subdivisions with this many towns each, spans
them (one filed town elsewhere is a namesake's slip, two are a pattern)."""

SEAT_KM = 100.0
"""A town of a spread group is filed under the nearest of its subdivisions' seats only this
close to it."""

Group = tuple[str, str]
"""(ISO 3166-1 alpha-2, GeoNames admin1 code)."""


def weighted_centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Weighted mean position of (lat, lon, weight) on the sphere.

    >>> weighted_centre([(10.0, 20.0, 1.0), (10.0, 20.0, 3.0)])
    (10.0, 20.0)
    """
    x = y = z = 0.0
    for lat, lon, weight in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
    return (round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
            round(math.degrees(math.atan2(y, x)), 5))


def subdivision_name(name: str) -> str:
    """A subdivision's name without its generic words ("Taizz Governorate" is Taizz).

    >>> subdivision_name("Velka Governorate"), subdivision_name("Province")
    ('Velka', 'Province')
    """
    bare = SUBDIVISION_WORDS.sub(" ", re.sub(r"\[.*?\]", "", name.split(",")[0])).strip(" -")
    return bare if bare else name


class Level(NamedTuple):
    """Where a subdivision sits: its first-level subdivision's code and name, and its own
    name if it is of a lower level."""

    top: str
    admin1: str
    admin2: str | None


def subdivision_levels(subdivisions: list[Any]) -> dict[str, Level]:
    """ISO 3166-2 code -> its :class:`Level` (pycountry's subdivisions, or made-up ones).

    >>> from types import SimpleNamespace as Sub
    >>> subs = [Sub(code="XQ-01", name="Velka Region", parent_code=None),
    ...         Sub(code="XQ-SEL", name="Selvo Province", parent_code="XQ-01")]
    >>> subdivision_levels(subs)["XQ-SEL"]
    Level(top='XQ-01', admin1='Velka', admin2='Selvo')
    """
    by_code = {s.code: s for s in subdivisions}
    levels = {}
    for sub in subdivisions:
        chain = [sub]
        while getattr(chain[-1], "parent_code", None) in by_code and len(chain) < 4:
            chain.append(by_code[chain[-1].parent_code])
        levels[sub.code] = Level(chain[-1].code, subdivision_name(chain[-1].name),
                                 subdivision_name(chain[-2].name) if len(chain) > 1 else None)
    return levels


def _filed_tally(cities: dict[str, dict], filed: dict[int, str], levels: dict[str, Level]
                 ) -> dict[Group, Counter[str]]:
    """Group -> how many of its towns are filed under each first-level subdivision."""
    tally: dict[Group, Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        level = levels.get(filed.get(city["geonameid"], ""))
        if level is not None:
            tally[(city["countrycode"], city["admin1code"])][level.top] += 1
    return tally


def filed_majorities(cities: dict[str, dict], filed: dict[int, str],
                     levels: dict[str, Level]) -> dict[Group, str]:
    """Group -> the first-level subdivision that at least :data:`FIRM_SHARE` of the group's
    filed towns (:data:`FIRM_TOWNS` or more, counted, not weighted by population: a capital
    filed as a subdivision of its own does not decide) lie in, according to the packaged
    database.

    >>> from types import SimpleNamespace as Sub
    >>> levels = subdivision_levels([Sub(code="XQ-01", name="Velka", parent_code=None),
    ...                              Sub(code="XQ-02", name="Orm", parent_code=None)])
    >>> towns = {str(n): {"geonameid": n, "countrycode": "XQ", "admin1code": "15"}
    ...          for n in range(1, 6)}
    >>> filed_majorities(towns, {1: "XQ-01", 2: "XQ-01", 3: "XQ-01", 4: "XQ-02"}, levels)
    {('XQ', '15'): 'XQ-01'}
    >>> filed_majorities(towns, {1: "XQ-01", 2: "XQ-01", 3: "XQ-02", 4: "XQ-02"}, levels)
    {}
    """
    found = {}
    for group, counts in _filed_tally(cities, filed, levels).items():
        top, count = counts.most_common(1)[0]
        if counts.total() >= FIRM_TOWNS and count >= FIRM_SHARE * counts.total():
            found[group] = top
    return found


def spread_groups(cities: dict[str, dict], filed: dict[int, str], levels: dict[str, Level]
                  ) -> dict[Group, set[str]]:
    """Group -> the first-level subdivisions it spans (every one its filed towns lie in), for a
    group of :data:`FIRM_TOWNS` or more filed towns that no subdivision holds
    :data:`FIRM_SHARE` of, and two subdivisions or more hold :data:`SPREAD_TOWNS` of.

    >>> from types import SimpleNamespace as Sub
    >>> levels = subdivision_levels([Sub(code=f"XQ-0{n}", name=f"S{n}", parent_code=None)
    ...                              for n in (1, 2, 3)])
    >>> towns = {str(n): {"geonameid": n, "countrycode": "XQ", "admin1code": "WB"}
    ...          for n in range(1, 7)}
    >>> spread = spread_groups(towns, {1: "XQ-01", 2: "XQ-01", 3: "XQ-02", 4: "XQ-02",
    ...                                5: "XQ-03"}, levels)
    >>> sorted(spread[("XQ", "WB")])
    ['XQ-01', 'XQ-02', 'XQ-03']
    >>> spread_groups(towns, {1: "XQ-01", 2: "XQ-01", 3: "XQ-01", 4: "XQ-02"}, levels)
    {}
    """
    found = {}
    for group, counts in _filed_tally(cities, filed, levels).items():
        held = [top for top, count in counts.items() if count >= SPREAD_TOWNS]
        firm = counts.most_common(1)[0][1] >= FIRM_SHARE * counts.total()
        if counts.total() >= FIRM_TOWNS and not firm and len(held) >= 2:
            found[group] = set(counts)
    return found


NAMESAKE_POPULATION = 10_000
"""A town this large bearing a subdivision's name, the largest of that name in its country, is
taken to lie in that subdivision when it shows where a group spreads
(:func:`namesake_spread`)."""


def namesake_spread(cities: dict[str, dict], levels: dict[str, Level], groups: dict,
                    firm: Container[Group]) -> dict[Group, set[str]]:
    """Group -> the first-level subdivisions it spans by the names of its towns: a group that
    filings do not decide (not in ``firm``) and that holds the largest town of its country
    bearing the name of two subdivisions or more other than the one it was matched to
    (``groups``: group -> (code, ...)), each of :data:`NAMESAKE_POPULATION` people or more,
    spans them and its own (a strip of land whose three largest towns name three
    governorates, though the packaged database files too few of its towns to say so).

    >>> from types import SimpleNamespace as Sub
    >>> levels = subdivision_levels([Sub(code=f"XQ-0{n}", name=name, parent_code=None)
    ...                              for n, name in enumerate(["Orvo", "Selm", "Tarn"])])
    >>> def town(n, name, group, population):
    ...     return {"geonameid": n, "countrycode": "XQ", "admin1code": group, "name": name,
    ...             "alternatenames": [], "population": population}
    >>> towns = {"1": town(1, "Orvo", "GS", 90_000), "2": town(2, "Selm", "GS", 50_000),
    ...          "3": town(3, "Tarn", "GS", 40_000), "4": town(4, "Tarn", "KV", 900)}
    >>> sorted(namesake_spread(towns, levels, {("XQ", "GS"): ("XQ-00",)}, set())[("XQ", "GS")])
    ['XQ-00', 'XQ-01', 'XQ-02']
    >>> namesake_spread(towns, levels, {("XQ", "GS"): ("XQ-00",)}, {("XQ", "GS")})
    {}
    """
    by_name = {(code.split("-")[0], fold(level.admin1)): code
               for code, level in levels.items() if level.top == code}
    largest: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = (city["countrycode"], fold(name))
            if key in by_name and (key not in largest or
                                   largest[key]["population"] < city["population"]):
                largest[key] = city
    named: dict[Group, set[str]] = defaultdict(set)
    for key, city in largest.items():
        group = (city["countrycode"], city["admin1code"])
        if group in groups and group not in firm and groups[group][0] != by_name[key] and \
                city["population"] >= NAMESAKE_POPULATION:
            named[group].add(by_name[key])
    return {group: codes | {groups[group][0]} for group, codes in named.items()
            if len(codes) >= 2}


def refile_spread(cities: dict[str, dict], filed: dict[int, str], levels: dict[str, Level],
                  spread: dict[Group, set[str]]) -> dict[int, str]:
    """GeoNames id -> the subdivision a town of a spread group (:func:`spread_groups`) that the
    packaged database does not file lies in: the one of the group's subdivisions whose name
    the town bears, else the one whose seat (:func:`_spread_seats`) is nearest, within
    :data:`SEAT_KM` (a town further from every seat stays with its group's subdivision).

    >>> from types import SimpleNamespace as Sub
    >>> levels = subdivision_levels([Sub(code="XQ-01", name="Orvo", parent_code=None),
    ...                              Sub(code="XQ-02", name="Selm", parent_code=None)])
    >>> def town(n, name, lat):
    ...     return {"geonameid": n, "countrycode": "XQ", "admin1code": "WB", "name": name,
    ...             "alternatenames": [], "latitude": lat, "longitude": 0.0, "population": 9}
    >>> towns = {"1": town(1, "Orvo", 1.0), "2": town(2, "Selm", 5.0),
    ...          "3": town(3, "Tarn", 4.6), "4": town(4, "Selm", 1.2), "5": town(5, "Urd", 9.0)}
    >>> refile_spread(towns, {1: "XQ-01"}, levels, {("XQ", "WB"): {"XQ-01", "XQ-02"}})
    {2: 'XQ-02', 3: 'XQ-02', 4: 'XQ-02'}
    """
    seats = _spread_seats(cities, filed, levels, spread)
    found = {}
    for city in cities.values():
        codes = spread.get((city["countrycode"], city["admin1code"]))
        if not codes or city["geonameid"] in filed:
            continue
        named = sorted(code for code in codes if _bears_name(city, levels[code].admin1))
        near = sorted((_km(city["latitude"], city["longitude"], *seats[code]), code)
                      for code in codes if code in seats)
        if named or near and near[0][0] <= SEAT_KM:
            found[city["geonameid"]] = named[0] if named else near[0][1]
    return found


def _spread_seats(cities: dict[str, dict], filed: dict[int, str], levels: dict[str, Level],
                  spread: dict[Group, set[str]]) -> dict[str, tuple[float, float]]:
    """Subdivision code -> the position of its seat, for the subdivisions spread groups span:
    the largest town of the group that bears its name, else the largest town filed under it."""
    best: dict[str, tuple[bool, int, float, float]] = {}
    for city in cities.values():
        codes = spread.get((city["countrycode"], city["admin1code"]), set())
        level = levels.get(filed.get(city["geonameid"], ""))
        for code in codes:
            named = _bears_name(city, levels[code].admin1)
            if named or level is not None and level.top == code:
                rank = (named, city["population"], city["latitude"], city["longitude"])
                if code not in best or best[code][:2] < rank[:2]:
                    best[code] = rank
    return {code: (lat, lon) for code, (_, _, lat, lon) in best.items()}


def _bears_name(city: dict, name: str) -> bool:
    """Whether a town's name or one of its alternate names is ``name``, folded."""
    key = fold(name)
    return any(fold(n) == key for n in (city["name"], *city.get("alternatenames", ())))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from kg.extract.world_gazetteer import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def fill_groups(groups: dict, cities: dict[str, dict], filed: dict[int, str],
                levels: dict[str, Level]) -> None:
    """Give a GeoNames admin1 group that no subdivision's name or code matched the
    first-level subdivision that most of its towns (by population) are filed under in the
    packaged database, unless another group has it."""
    tally: dict[Group, Counter[str]] = defaultdict(Counter)
    members: dict[Group, list] = defaultdict(list)
    for city in cities.values():
        group = (city["countrycode"], city["admin1code"])
        level = levels.get(filed.get(city["geonameid"], ""))
        if group not in groups and level:
            tally[group][level.top] += city["population"] + 1
            members[group].append((city["latitude"], city["longitude"], city["population"] + 1))
    taken = {entry[0] for entry in groups.values()}
    for group, counts in sorted(tally.items(), key=lambda kv: -kv[1].total()):
        top, weight = counts.most_common(1)[0]
        if top not in taken and 2 * weight > counts.total():
            taken.add(top)
            groups[group] = (top, levels[top].admin1, *weighted_centre(members[group]))
