"""Whether a reading of a place name agrees with the admin chain the text gives it.

In "X, Y" or "X (Y, Z)" the text puts X inside Y. A reading of X agrees with the chain
where Y (as written, or as read) is its province or district (:func:`admin_match`), or lies
close by (:func:`near_up_chain`); it contradicts the chain where it lies in another
province of the same country than every reading of Y holds (:func:`elsewhere`): then it is
a namesake, and the chain's higher names place the event instead.

Examples
--------
>>> town = WorldPlace("gn1", "Orvo", "city", "XQX", "Kalvanska", None, 49.5, 34.5, 900)
>>> admin_match(town, {"kalvan"}), admin_match(town, {"selmer"})
(True, False)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from kg.extract.world import WorldPlace, fold

CHAIN_KM = 150.0
"""A town this close to the subdivision after it in "X, Y" is taken to lie in it."""
WEAK_POPULATION = 20_000
"""A name spaCy tags as a person or organisation, after a locative but outside any admin chain,
is a place only if it is a town this large or lies in a country the article is about; after
"in" before its country ("X in Kalvania"), only if it is a town this large."""
FOREIGN_POPULATION = 100_000
"""Where the article's countries are known, a town elsewhere this small is a namesake
("Shah Shahed" is a village in Turkey too) unless its admin chain confirms it; a town this
large named with a neighbouring province keeps its reading: a slip of the text, not a namesake."""


def near_up_chain(place: WorldPlace, up: list[WorldPlace]) -> bool:
    """Whether the next place up the chain holds ``place``: a subdivision of its province
    ("Titao, Loroum": a province of the region Titao lies in), or a town of its country
    close enough to be its seat.

    >>> town = WorldPlace("gn1", "Orvo", "city", "XQX", "Selmska", None, 49.5, 34.5, 900)
    >>> region = WorldPlace("iso-xq-14", "Tarn", "admin2", "XQX", "Selmska", None, 48, 37.8, 0)
    >>> near_up_chain(town, [region]), near_up_chain(town, [dataclasses.replace(
    ...     region, admin1="Kalvanska")])
    (True, False)
    """
    from kg.extract.world_gazetteer import distance_km

    return any(p.country == place.country and (p.kind in ("admin1", "admin2") and holds(p, place)
               or p.kind == "city" and distance_km(p.lat, p.lon, place.lat, place.lon) <= CHAIN_KM)
               for p in up[:1])


def elsewhere(place: WorldPlace, up: WorldPlace, readings: Iterable[WorldPlace] = ()) -> bool:
    """Whether ``place``, a town under 100,000, lies outside the place the text puts it in (the
    next name up its admin chain, read as ``up``), in the same country: in another province
    than that province ("Orvo, Kalvan" read as an Orvo of another province), or far from
    that town, where the town is the larger; unless another of that name's ``readings``
    holds it (a province named like its capital).

    >>> town = WorldPlace("gn1", "Pavlivka", "city", "UKR", "Poltavska", None, 49.5, 34.5, 900)
    >>> oblast = WorldPlace("iso-ua-14", "Donetska", "admin1", "UKR", None, None, 48.0, 37.8, 0)
    >>> elsewhere(town, oblast), elsewhere(town, dataclasses.replace(oblast, name="Poltavska"))
    (True, False)
    >>> elsewhere(dataclasses.replace(town, admin1=None), oblast)
    False
    >>> city = dataclasses.replace(oblast, kind="city", population=900_000)
    >>> elsewhere(town, city), elsewhere(town, dataclasses.replace(city, population=90))
    (True, False)
    """
    if up.country != place.country or place.kind != "city" or \
            place.population >= FOREIGN_POPULATION:
        return False
    if any(holds(reading, place) for reading in (up, *readings)):
        return False
    return up.kind != "city" and bool(place.admin1 and _province(up)) or \
        up.kind == "city" and up.population >= place.population


def _province(place: WorldPlace) -> str | None:
    """The first-level subdivision a place is, or lies in."""
    return place.name if place.kind == "admin1" else place.admin1


def holds(container: WorldPlace, place: WorldPlace) -> bool:
    """Whether ``place`` may lie in ``container``: near it (a subdivision lies at its seat),
    or in its province: the province itself, a district of it, a town of it (a province
    named after its capital: "Orvo, Kalvan" with Kalvan read as the city); a subdivision
    whose province is unknown holds it too.

    >>> capital = WorldPlace("gn2", "Kalvan", "city", "XQX", "Kalvanska", None, 50.9, 34.8, 260_000)
    >>> town = dataclasses.replace(capital, name="Orvo", lat=52.9, population=700)
    >>> holds(capital, town), holds(capital, dataclasses.replace(town, admin1="Selmska"))
    (True, False)
    """
    from kg.extract.world_gazetteer import distance_km

    if container.country != place.country:
        return False
    if distance_km(container.lat, container.lon, place.lat, place.lon) <= CHAIN_KM:
        return True  # near the seat: a town whose province GeoNames files under its old one
    province = _province(container)
    same = not (place.admin1 and province) or fold(place.admin1 or "") == fold(province or "")
    return same and (container.kind != "city" or bool(place.admin1 and province))


def same_province(readings: Iterable[WorldPlace], outer: Iterable[WorldPlace]) -> set[str]:
    """The countries in which a reading of a name and a reading of the next name up its chain
    share a province: in "(Ariha, Idleb)" Syria's Ariha lies in the province of Idlib, where
    Jericho, also called Ariha, lies in none of Idleb's.

    >>> town = WorldPlace("gn1", "Orvo", "city", "XQX", "Kalvanska", None, 49.5, 34.5, 900)
    >>> seat = dataclasses.replace(town, name="Kalvan", population=260_000)
    >>> same_province([town], [seat]), same_province([town], [dataclasses.replace(
    ...     seat, admin1="Selmska")])
    ({'XQX'}, set())
    """
    outer = list(outer)
    return {p.country for p in readings if _province(p) for c in outer
            if c.country == p.country and fold(_province(c) or "") == fold(_province(p) or "")}


def admin_match(place: WorldPlace, up: set[str]) -> bool:
    """Whether a name up the admin chain is the place's admin1 or admin2, allowing an
    adjectival ending ("Donetsk" for "Donetska", "Mykolaiv" for "Mykolaivska").

    >>> town = WorldPlace("gn1", "Rubizhne", "city", "UKR", "Luhanska", None, 49.0, 38.4, 5)
    >>> admin_match(town, {"luhansk"}), admin_match(town, {"kharkiv"})
    (True, False)
    """
    for admin in filter(None, (place.admin1, place.admin2)):
        key = fold(admin)
        if any(key == name or len(name) >= 5 and key.startswith(name) and len(key) - len(name) <= 3
               for name in up):
            return True
    return False
