"""Curated places that the admin chain written with them puts in another country.

The curated gazetteer (``ontology/places.yaml``) keeps priority for the names it holds, but such
a name may be a namesake's, which the chain written with it tells: "Athens (Georgia)" is the town
in the US state, "London (Ontario)" Canada's, "La Paz (Entre Rios)" Argentina's; and a country's
name may close a chain as a subdivision's ("Kuchiri (Paikoro, Niger)" lies in Nigeria's Niger
state). Where the name after a curated place (or, for a country's name, the name before it) is a
place the world index puts only in other countries, and the index reads the curated name as a
place there (a town of that subdivision, or a subdivision), the curated match is no match: the
world index reads the chain (:mod:`kg.extract.world_places`).

Examples
--------
>>> from types import SimpleNamespace as Entry
>>> from kg.extract.world import WorldPlace
>>> class World:
...     def lookup(self, name):
...         return {"georgia": [WorldPlace("gn1", "Georgia", "admin1", "USA", "Georgia", None,
...                                        32.7, -83.5, 0)],
...                 "athens": [WorldPlace("gn2", "Athens", "city", "USA", "Georgia", None,
...                                       33.9, -83.4, 127315)]}.get(name.lower(), [])
>>> abroad(Entry(country="GRC", kind="capital"), "Athens", "Georgia", None, World())
True
>>> abroad(Entry(country="GRC", kind="capital"), "Athens", "Attica", None, World())
False
"""

from __future__ import annotations

from kg.extract.place_chains import UNKNOWN_TOWN_JOINERS as CHAIN_OPENERS
from kg.extract.world import WorldIndex, WorldPlace, fold

SUBDIVISIONS = frozenset({"admin1", "admin2"})


def abroad(entry: object, name: str, after: str | None, before: str | None,
           world: WorldIndex) -> bool:
    """Whether the curated place ``entry``, written ``name``, is a namesake's the chain places
    abroad: the name ``after`` it is a subdivision of other countries only, in which the index
    has a town so named; or, for a country, the name ``before`` it lies only in other countries,
    where the index has a subdivision so named."""
    country = getattr(entry, "country", None)
    if country is None:
        return False
    if after is not None:
        up = [p for p in world.lookup(after) if p.kind in SUBDIVISIONS]
        if up and all(p.country != country for p in up):
            return any(_within(p, up) for p in world.lookup(name))
    if before is not None and getattr(entry, "kind", None) == "country":
        elsewhere = {p.country for p in world.lookup(before)}
        if elsewhere and country not in elsewhere:
            return any(p.kind in SUBDIVISIONS and p.country in elsewhere
                       for p in world.lookup(name))
    return False


def opens_longer_name(entry: object, name: str, following: str | None,
                      world: WorldIndex) -> bool:
    """Whether the curated place ``entry``, written ``name``, is only the first words of a longer
    name the world index holds in the same country: "Kuwait City", "Panama City" and "Gaza City"
    are towns, not the country or the strip the curated name alone is.

    >>> from types import SimpleNamespace as Entry
    >>> from kg.extract.world import WorldPlace
    >>> class World:
    ...     def lookup(self, name):
    ...         return {"kuwait city": [WorldPlace("gn3", "Kuwait City", "city", "KWT", None,
    ...                                            None, 29.4, 48.0, 60064)]}.get(name.lower(), [])
    >>> kuwait = Entry(country="KWT", kind="country")
    >>> opens_longer_name(kuwait, "Kuwait", "City", World())
    True
    >>> opens_longer_name(kuwait, "Kuwait", "Airways", World())
    False
    """
    country = getattr(entry, "country", None)
    if country is None or following is None:
        return False
    return any(p.country == country for p in world.lookup(f"{name} {following}"))


def left_to_world(entry: object, doc, start: int, end: int,  # type: ignore[no-untyped-def]
                  world: WorldIndex) -> bool:
    """Whether the curated place ``entry``, matched at tokens ``start:end`` of ``doc``, is left
    to the world index: its chain puts it abroad (:func:`abroad`) or it opens a longer name of a
    town (:func:`opens_longer_name`)."""
    name = doc[start:end].text
    return abroad(entry, name, next_name(doc, end), previous_name(doc, start), world) or \
        opens_longer_name(entry, name, following_word(doc, end), world)


def following_word(doc, end: int) -> str | None:  # type: ignore[no-untyped-def]
    """The capitalised word at token ``end``, if any ("City" after "Kuwait")."""
    if end >= len(doc) or not doc[end].is_alpha or not doc[end].text[:1].isupper():
        return None
    return doc[end].text


def _within(place: WorldPlace, subdivisions: list[WorldPlace]) -> bool:
    """Whether ``place`` lies in one of ``subdivisions`` (by its admin names) or is one."""
    return any(place.country == s.country and (
        fold(place.admin1 or "") == fold(s.name) or fold(place.admin2 or "") == fold(s.name)
        or place.ident == s.ident) for s in subdivisions)


def next_name(doc, end: int) -> str | None:  # type: ignore[no-untyped-def]
    """The capitalised name right after a bracket or comma at token ``end``, if any."""
    if end + 1 >= len(doc) or doc[end].text not in CHAIN_OPENERS:
        return None
    stop = end + 1
    while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
        stop += 1
    return doc[end + 1:stop].text or None


def previous_name(doc, start: int) -> str | None:  # type: ignore[no-untyped-def]
    """The capitalised name right before a comma before token ``start``, if any."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    first = start - 1
    while first > 0 and doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha:
        first -= 1
    return doc[first:start - 1].text or None


__all__ = ["abroad", "following_word", "left_to_world", "next_name", "opens_longer_name",
           "previous_name"]
