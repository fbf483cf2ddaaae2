"""What a place noun written with a name says of it: "San Juan province", "the town of Ilam".

A classifier noun after a name, or before it with "of", calls the name a subdivision or a
populated place (:func:`named_kinds`); a subdivision's own word for its kind, ISO 3166-2's type
(pycountry), tells which of two subdivisions so named it is: "Plateau State" is Nigeria's state,
not Benin's department, "Punjab province" Pakistan's, not India's state (:func:`iso_type`).

Examples
--------
>>> iso_type("iso-ng-pl"), iso_type("iso-bj-pl"), iso_type("gn2347528")
('state', 'department', None)
"""

from __future__ import annotations

import functools

from kg.extract.place_words import PLACE_NOUNS
from kg.extract.world_names import Candidate

ADMIN_NOUNS = frozenset({"district", "province", "governorate", "region", "state", "county",
                         "oblast", "raion", "rayon", "department", "prefecture", "division",
                         "regency", "woreda", "lga", "tehsil", "upazila", "subdistrict"})
"""Classifier nouns that call the name before them a subdivision: "San Juan province"."""
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "hamlet", "settlement"})
"""Classifier nouns that call the name before them a populated place: "Kalaiya city"."""


def classifier(doc, candidate: Candidate) -> str | None:  # type: ignore[no-untyped-def]
    """The place noun that classifies a name, after it or before it with "of" ("Ilam
    district", "the town of Ilam"), lower case; None without one."""
    if candidate.end < len(doc) and doc[candidate.end].lower_ in PLACE_NOUNS:
        return doc[candidate.end].lower_
    at = candidate.start - 1
    if at >= 1 and doc[at].lower_ == "of" and doc[at - 1].lower_ in PLACE_NOUNS:
        return doc[at - 1].lower_
    return None


def named_kinds(doc, candidate: Candidate) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The kinds of place the name's classifier noun calls it, then the noun itself: a
    subdivision for "San Juan province" (not the larger city of Puerto Rico), a town for
    "Kalaiya city"; none without one."""
    noun = classifier(doc, candidate)
    if noun is not None and noun in ADMIN_NOUNS:
        return ("admin1", "admin2", noun)
    return ("city",) if noun in SETTLEMENT_NOUNS else ()


@functools.lru_cache(maxsize=8192)
def iso_type(ident: str) -> str | None:
    """The ISO 3166-2 type of a subdivision of the world index ("state", "province"), lower
    case; None for any other place."""
    if not ident.startswith("iso-"):
        return None
    import pycountry

    found = pycountry.subdivisions.get(code=ident[4:].upper())
    return found.type.lower() if found is not None else None


__all__ = ["ADMIN_NOUNS", "SETTLEMENT_NOUNS", "classifier", "iso_type", "named_kinds"]
