"""Place names that are something else as well: a country's name, the rest of a longer name,
an English word.

Each rule takes away readings a name has in the world index (:mod:`kg.extract.world_places`
applies them): a country's name reads as no namesake town ("El Alto, Bolivia"); a name after the
possessive of a word that names no place is the rest of a longer name ("International
Children's Day"); an English word read as another name of a place abroad, where the text's
surely read places lie elsewhere, is none ("the Po riverbank" in Turin).

Examples
--------
>>> town = WorldPlace("gn1", "Bozhou", "city", "CHN", None, None, 33.9, 115.8, 500_000)
>>> read_as_word(town, "Po", {"po"}), read_as_word(town, "Bozhou", {"po"})
(True, False)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Iterable

from kg.extract.world import WorldPlace
from kg.extract.world_names import Candidate
from kg.extract.world_spellings import dictionary_name


def country_named(found: list[WorldPlace], text: str) -> list[WorldPlace]:
    """A country's name names the country or a subdivision, not a namesake town ("El Alto,
    Bolivia" is in no Bolivia of North Carolina; "Atlanta, Georgia" stays in the state).

    >>> country = WorldPlace("iso-bol", "Bolivia", "country", "BOL", None, None, -17.0, -65.0, 0)
    >>> town = dataclasses.replace(country, ident="gn1", kind="city", country="USA")
    >>> state = dataclasses.replace(town, ident="iso-us-bo", kind="admin1")
    >>> [p.country for p in country_named([country, town, state], "Bolivia")]
    ['BOL', 'USA']
    >>> [p.country for p in country_named([town], "Bolivia")]
    ['USA']
    """
    if not any(p.kind == "country" and p.named(text) for p in found):
        return found
    return [p for p in found if p.kind != "city"]


def unplaced_possessions(doc, candidates: list[Candidate],  # type: ignore[no-untyped-def]
                         options: list[list[WorldPlace]], taken: set[int]) -> set[int]:
    """Numbers of the candidates that follow the possessive of a word that names no place (no
    ``taken`` match, no candidate with readings): each is the rest of a longer name
    ("International Children's Day" names no Dayton), where "Syria's Idlib" is a place of a
    place."""
    placed = taken | {i for c, found in zip(candidates, options) if found
                      for i in range(c.start, c.end)}
    return {n for n, c in enumerate(candidates) if c.start >= 2
            and doc[c.start - 1].tag_ == "POS" and c.start - 2 not in placed}


def read_as_word(place: WorldPlace, text: str, dictionary: Container[str]) -> bool:
    """Whether ``text``, an English word (:func:`dictionary_name`), reads as another name of
    ``place`` than its own: "Hit" is Hīt's own name written without marks, "Po" one of Bozhou's
    others."""
    return not place.named(text) and dictionary_name(text, dictionary)


def without_words_abroad(chosen: dict[int, WorldPlace], candidates: list[Candidate],
                         curated: Iterable[tuple], dictionary: Container[str]  # type: ignore[type-arg]
                         ) -> dict[int, WorldPlace]:
    """``chosen`` without the places read as English words (:func:`read_as_word`) abroad: in a
    country none of the text's other places lies in, those read surely (not so) and the
    ``curated`` matches (name, country, lat, lon). With no such place, every reading stays.

    >>> city = WorldPlace("gn1", "Bozhou", "city", "CHN", None, None, 33.9, 115.8, 500_000)
    >>> names = [Candidate(0, 1, "Po", True), Candidate(2, 3, "Turin", True)]
    >>> turin = dataclasses.replace(city, name="Turin", country="ITA")
    >>> sorted(without_words_abroad({0: city, 1: turin}, names, [], {"po"}))
    [1]
    >>> sorted(without_words_abroad({0: city}, names, [], {"po"}))
    [0]
    """
    curated_countries = {country for _, country, *_ in curated}
    sure = {n: p.country for n, p in chosen.items()
            if not read_as_word(p, candidates[n].text, dictionary)}
    kept = {}
    for number, place in chosen.items():
        context = curated_countries | {c for m, c in sure.items() if m != number}
        if not (context and place.country not in context
                and read_as_word(place, candidates[number].text, dictionary)):
            kept[number] = place
    return kept


__all__ = ["country_named", "read_as_word", "unplaced_possessions", "without_words_abroad"]
