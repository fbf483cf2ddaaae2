"""Joining the world index (:mod:`kg.extract.world`) to the curated gazetteer.

The curated entries keep priority: a country or place of ``ontology/`` keeps its
key, label and aliases, and only gains what it lacks from packaged data
(coordinates of the countries, the admin chain of the places). Every other
ISO 3166-1 country becomes a state actor and a country place, and every demonym
the packages recognise composes actors ("Malian soldiers").

Examples
--------
>>> from kg.extract.gazetteer import load_gazetteer
>>> gazetteer = load_gazetteer()
>>> gazetteer.nationalities["malian"], gazetteer.places["mali"].lat is not None
('mali', True)
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable

from kg.extract.world import WorldIndex, WorldPlace, fold
from kg.ids import slugify
from kg.model import Actor, Place

NEAR_KM = 50.0  # a curated place and a world place this close with the same name are one


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(distance_km(33.89, 35.50, 33.51, 36.29))
    84
    """
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def world_place(found: WorldPlace, capitals: set[str]) -> Place:
    """The model :class:`~kg.model.Place` of a world index entry; its key ends in the
    entry's stable identifier (GeoNames id or ISO 3166-2 code)."""
    kind = {"admin1": "region", "admin2": "region", "country": "country"}.get(
        found.kind, "capital" if found.ident in capitals else
        "city" if found.population >= 100_000 else "town")
    unmarked = without_marks(found.name)
    return Place(key=f"{slugify(found.name)}-{found.ident.replace('iso-', '')}", label=found.name,
                 kind=kind, country=found.country, lat=found.lat, lon=found.lon,  # type: ignore[arg-type]
                 aliases=(unmarked,) if unmarked != found.name else (),
                 admin1=found.admin1 if found.kind != "admin1" else None, admin2=found.admin2
                 if found.kind != "admin2" else None, other_names=found.alternates)


def without_marks(name: str) -> str:
    """A transliterated name as plain English writes it: without the marks of the letters
    ayn and hamza and without diacritics ("Ṣaʻdah" is "Sadah", "Qa‘ţabah" "Qatabah"), where
    the name has such marks; else the name itself.

    >>> without_marks("Şāʻdah"), without_marks("Qa‘ţabah"), without_marks("Radā‘")
    ('Sadah', 'Qatabah', 'Rada')
    >>> without_marks("Sa'dah"), without_marks("O'Hare"), without_marks("Ḩarīb")
    ('Sadah', "O'Hare", 'Ḩarīb')
    """
    import unicodedata

    if not _MARKS.search(name):
        return name
    text = unicodedata.normalize("NFKD", _MARKS.sub("", name))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


_MARKS = re.compile(r"(?<=\w)[`ʿʾʻʽ‘’ʼ](?=\w|\s|$)|(?<=\w)'(?=[a-z])|(?:^|(?<=\s))[`ʿʾʻʽ‘’ʼ']")
"""The marks of ayn and hamza in a transliterated name: inside or at the end of a word, or
starting one; a plain apostrophe only inside a word before a small letter ("Sa'dah", not
"O'Hare")."""


def as_written(place: Place, written: Iterable[str], world: WorldIndex | None) -> Place:
    """``place`` with the spellings an article writes it in, as aliases, where GeoNames
    records them for this very place and they are neither its label nor an alias yet:
    "Jawhar" written "Jowhar", "Munich" written "Munchen". A spelling matched only by its
    likeness to a name ("Ninewa" for "Nīnawá") is none of the place's names.

    >>> from kg.extract.world import load_world
    >>> world = load_world()
    >>> town = world_place(world.lookup("Jowhar")[0], set())
    >>> as_written(town, ["Jowhar", "JAWHAR", "Jowhar", "Mogadishu"], world).aliases
    ('Jowhar',)
    """
    extra = _new_names(place, written, lambda text: world is not None and any(
        (p.lat, p.lon) == (place.lat, place.lon) for p in world.lookup(text)))
    return dataclasses.replace(place, aliases=(*place.aliases, *extra)) if extra else place


def _new_names(place: Place, names: Iterable[str],
               accept: Callable[[str], bool] = lambda name: True) -> list[str]:
    """Those of ``names`` that ``accept`` takes and whose spelling is none of ``place``'s label
    and aliases nor an earlier one's, in order.

    >>> _new_names(Place(key="taiz", label="Taiz", kind="city"), ["Ta'izz", "Taizz", "Taiz"])
    ["Ta'izz"]
    """
    known = {_spelling(n) for n in (place.label, *place.aliases)}
    kept = []
    for name in names:
        if _spelling(name) not in known and accept(name):
            known.add(_spelling(name))
            kept.append(name)
    return kept


def _spelling(name: str) -> str:
    """A name without case, diacritics or punctuation: "Ta'izz" and "Taizz" are one spelling."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in text if c.isalnum())


def add_world_index(gazetteer, world: WorldIndex) -> None:  # type: ignore[no-untyped-def]
    """Countries, demonyms, country coordinates and admin chains from ``world``."""
    key_of = {a.country: k for k, a in gazetteer.actors.items()
              if a.kind == "state" and a.country and a.parent is None}
    for country in world.countries():
        key = key_of.get(country.country) or slugify(country.name)
        if key not in gazetteer.actors:
            gazetteer.actors[key] = Actor(key=key, label=country.name, kind="state",
                                          country=country.country)
            key_of[country.country] = key
        place = gazetteer.places.get(key)
        if place is None:
            gazetteer.places[key] = Place(key=key, label=country.name, kind="country",
                                          country=country.country, lat=country.lat, lon=country.lon)
            gazetteer.place_aliases.setdefault(country.name.lower(), key)
        elif place.lat is None:
            gazetteer.places[key] = dataclasses.replace(place, lat=country.lat, lon=country.lon)
        gazetteer.nationalities.setdefault(country.name.lower(), key)
    for name, code in world.demonyms().items():
        if code in key_of and name not in gazetteer.place_aliases:
            gazetteer.nationalities.setdefault(name, key_of[code])
    for key, place in list(gazetteer.places.items()):
        if place.kind != "country" and place.admin1 is None and place.lat is not None:
            gazetteer.places[key] = with_admin_chain(place, world)


def with_admin_chain(place: Place, world: WorldIndex) -> Place:
    """``place`` with the admin1/admin2 of the same-named world place nearest to it; a curated
    town also with the names GeoNames gives that town (:func:`_town_names`)."""
    near = [p for p in world.lookup(place.label) if p.country == place.country
            and distance_km(p.lat, p.lon, place.lat, place.lon) <= NEAR_KM]  # type: ignore[arg-type]
    found = next((p for p in near if p.admin1), None)
    if found is None:
        return place
    admin1 = found.admin1 if fold(found.admin1 or "") != fold(place.label) or found.kind == "city" \
        else None
    return dataclasses.replace(place, admin1=admin1, admin2=found.admin2,
                               other_names=place.other_names or _town_names(place, near))


def _town_names(place: Place, near: list[WorldPlace]) -> tuple[str, ...]:
    """The names of the world's town of ``place``'s name near it, other than its own label and
    aliases: the curated "Idlib" is also "Idleb", "Palmyra" also "Tadmur"; none for a region.

    >>> town = WorldPlace("gn1", "Tadmur", "city", "SYR", None, None, 34.6, 38.3, 50_000,
    ...                   other_names="Palmyra|Tadmor")
    >>> _town_names(Place(key="palmyra", label="Palmyra", kind="city"), [town])
    ('Tadmur', 'Tadmor')
    """
    if place.kind not in ("city", "town", "capital"):
        return ()
    town = next((p for p in near if p.kind == "city"), None)
    if town is None:
        return ()
    return tuple(_new_names(place, (town.name, *town.alternates)))
