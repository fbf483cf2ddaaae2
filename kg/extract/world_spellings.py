"""Readings of a place name by the likeness of its spelling, where no reading is written as it.

Transliterations of one name differ in their vowels, their doubled letters and the feminine
"h" ("Shabwa", Shabwah; "Hawija", Al Ḩawījah), and a compass word before a name makes it a
region's ("West Azerbaijan", Iran's Āz̄ārbāyjān-e Ghārbī). :mod:`kg.extract.world_places`
reads a name by these when its own readings fail: none, namesakes abroad of the countries the
text names, or hamlets alone in a text that names no country.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from kg.extract.world import WorldIndex, WorldPlace, fold
from kg.extract.world_chains import FOREIGN_POPULATION, WEAK_POPULATION, admin_match
from kg.extract.world_names import Candidate
from kg.extract.world_states import COMPASS as STATE_COMPASS

SKELETON_POPULATION = 1_000
"""A town read by its consonant skeleton ("Ain Issa" for "Ayn Issa") must be this large,
unless "X in Y" names it and Y must be its admin (:func:`~kg.extract.world_within.within_holds`)."""


def by_skeleton(index: WorldIndex, candidate: Candidate, countries: set[str],
                up: frozenset[str] | set[str] = frozenset()) -> list[WorldPlace]:
    """The places of ``countries`` whose names differ from the candidate's in vowels or the
    transliteration of a letter ("Shabwa" for Shabwah); a town only if not tiny, or if the
    name ``up`` its admin chain is its admin, as given only where a place noun calls the name a
    place ("the Hawija area of Kirkuk province"; not "Hanley (Stoke-on-Trent, England)", no
    Henley in England)."""
    return [p for p in index.lookup(candidate.text, "skel", countries)
            if similar(candidate.text, p.name)
            and (p.population >= SKELETON_POPULATION or p.kind != "city" or candidate.within
                 or admin_match(p, up))]


def namesakes_abroad(found: list[WorldPlace], countries: set[str]) -> bool:
    """Whether every reading of a name is a small town outside the ``countries`` the curated
    matches name: then a spelling of a province or district in them is the likelier reading
    ("Shabwa" beside the Houthis is Yemen's Shabwah, not Sha Bwa in Myanmar); not a spelling
    of a town, as an actor's country need not be where it acts ("Russian forces shelled
    Pavlivka" is no Pavlovka in Russia)."""
    return bool(countries and found) and all(
        p.country not in countries and p.kind == "city" and p.population < FOREIGN_POPULATION
        for p in found)


HAMLET_LIKENESS = 0.9
"""How alike a province's name must be to a name whose readings are hamlets alone ("Shabwa" and
"Shabwah"; not "Garuda" and "Guarda")."""


def hamlets_alone(found: list[WorldPlace], text: str, countries: Iterable[str],
                  others: set[str]) -> bool:
    """Whether every reading of a name is a small town that is not written word for word as its
    name, and nothing else in the text names a country (``countries`` of the curated matches,
    the ``others`` of the other names): then a province spelt with its feminine "h" or another
    vowel is the likelier reading ("gunmen killed a man in Shabwa" is in Yemen's Shabwah, not in
    Sha Bwa, a village of Myanmar).

    >>> hamlet = WorldPlace("gn1", "Sha Bwa", "city", "MMR", None, None, 17.0, 96.0, 3_295)
    >>> hamlets_alone([hamlet], "Shabwa", (), set()), hamlets_alone([hamlet], "Sha Bwa", (),
    ...     set()), hamlets_alone([hamlet], "Shabwa", ("YEM",), set())
    (True, False, False)
    """
    return bool(found) and not countries and not others and all(
        p.kind == "city" and p.population < WEAK_POPULATION and fold(p.name) != fold(text)
        for p in found)


def compass_subdivisions(text: str, index: WorldIndex) -> list[WorldPlace]:
    """The subdivisions that a compass word and a name spelt with other vowels name ("West
    Azerbaijan" is Iran's West Azarbaijan, "Āz̄ārbāyjān-e Ghārbī"): a compass word makes a name a
    region's, and the name it qualifies is often a country's too, which is no reading of it.
    Each word after the compass word must be like a word of the subdivision's name ("South Omo"
    is no Saitama, though their consonants are alike). A compass word after the name
    ("Shan-North") names part of the subdivision so named: it is read as that subdivision.

    >>> from kg.extract.world import load_world
    >>> [(p.kind, p.country) for p in compass_subdivisions("West Azerbaijan", load_world())]
    [('admin1', 'IRN')]
    >>> compass_subdivisions("Azerbaijan", load_world()), compass_subdivisions("South Omo", load_world())
    ([], [])
    >>> [(p.name, p.country) for p in compass_subdivisions("Shan-North", load_world())]
    [('Shan', 'MMR')]
    """
    words = text.replace("-", " ").split()
    if len(words) > 1 and words[-1].lower() in STATE_COMPASS:  # "Shan-North": part of Shan
        stem = " ".join(words[:-1])
        return [p for p in index.lookup(stem, "subkey") or index.lookup(stem)
                if p.kind in ("admin1", "admin2")]
    if len(words) < 2 or words[0].lower() not in STATE_COMPASS:
        return []
    return [p for p in index.lookup(text, "skel") if p.kind in ("admin1", "admin2") and all(
        any(similar(word, part) for part in fold(p.name).split()) for word in words[1:])]


def subdivisions_alike(text: str, found: list[WorldPlace], index: WorldIndex
                       ) -> list[WorldPlace]:
    """``found`` (the readings of ``text``) and the subdivisions whose names differ from it
    only in the language of their compass words or generic words, where no reading is a
    subdivision, or the name is made of compass words alone: "Extrême-Nord" is Cameroon's
    "Far North", and "Nord" names Cameroon's "North" as well as the Nord of two other
    countries (the admin chain it heads chooses).

    >>> from kg.extract.world import load_world
    >>> [(p.name, p.country) for p in subdivisions_alike("Extrême-Nord", [], load_world())]
    [('Far North', 'CMR')]
    """
    if any(p.kind in ("admin1", "admin2") for p in found) and not all(
            word in STATE_COMPASS for word in fold(text).split()):
        return found
    return found + [p for p in index.lookup(text, "subkey") if p not in found]


def dictionary_name(text: str, dictionary: Container[str]) -> bool:
    """Whether every word of a name is a word of the English dictionary (``dictionary``, lower
    case): such a name is a place only as written, never by its likeness to another's spelling
    ("the Day of Remembrance and Action" names no Acton, "the Capitol riot" no Capitola).

    >>> words = {"sunset", "station", "action"}
    >>> dictionary_name("Sunset Station", words), dictionary_name("Shabwa", words)
    (True, False)
    """
    parts = re.findall(r"[^\W\d_]+", text.lower())
    return bool(parts) and all(part in dictionary for part in parts)


def similar(text: str, name: str, likeness: float = 0.75) -> bool:
    """Spellings of one name that differ in a vowel or two: "Ninewa" and "Nīnawá"."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(text), fold(name)).ratio() >= likeness


__all__ = ["HAMLET_LIKENESS", "SKELETON_POPULATION", "by_skeleton", "compass_subdivisions",
           "dictionary_name", "hamlets_alone", "namesakes_abroad", "similar", "subdivisions_alike"]
