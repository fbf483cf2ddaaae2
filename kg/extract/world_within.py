"""Readings of "X in Y": a name the text gives no other sign of a place, confirmed as a town
only where Y holds it (:func:`within_holds`).

"Government forces shelled Orvo in Kalvan": where a reading of Orvo has Kalvan for its admin1
or admin2 (Kalvan as written, as a subdivision it may be read as, or the narrowest
subdivision of the town of Kalvan), Orvo is that town, though the tagger called it an
organisation; "X in <its country>" confirms a town of :data:`WEAK_POPULATION` or more.
The candidates come from :mod:`kg.extract.world_names` (``Candidate.within``).
"""

from __future__ import annotations

import dataclasses

from kg.extract.world import WorldPlace, fold
from kg.extract.world_chains import WEAK_POPULATION, admin_match
from kg.extract.world_names import Candidate


def confirm_within(candidates: list[Candidate], options: list[list[WorldPlace]],
                   final: bool = False) -> list[Candidate]:
    """A name linked up its chain by "in" only ("X in Y") stays linked where Y holds one of
    its readings (:func:`within_holds`); else it stands alone and, needing a chain, is no
    place: "the Champs de Orvo in Kalvan" must not draw Kalvan abroad, to the province of some
    namesake Orvo. A name with no reading yet stays linked until its readings by skeleton
    are known (:func:`~kg.extract.world_places.find_world_places` confirms again after them,
    ``final``: a name with no reading then stands alone too, and Y heads no chain).

    >>> town = WorldPlace("gn1", "Orvo", "city", "XQX", "Kalvanska", None, 49.5, 34.5, 900)
    >>> chain = [Candidate(0, 1, "Orvo", True, 1, chain_only=True, within=True),
    ...          Candidate(2, 3, "Kalvan", True)]
    >>> [c.chained_to for c in confirm_within(chain, [[town], []])]
    [1, None]
    >>> [c.chained_to for c in confirm_within(chain[:1] + [Candidate(2, 3, "Selm", True)],
    ...                                        [[town], []])]
    [None, None]
    >>> [c.chained_to for c in confirm_within(chain, [[], []])], [
    ...     c.chained_to for c in confirm_within(chain, [[], []], final=True)]
    ([1, None], [None, None])
    """
    confirmed = []
    for number, candidate in enumerate(candidates):
        if candidate.within and candidate.chained_to is not None and (
                options[number] or final) and not any(
                within_holds(p, candidates, options, number) for p in options[number]):
            candidate = dataclasses.replace(candidate, chained_to=None)
        confirmed.append(candidate)
    return confirmed


def within_holds(place: WorldPlace, candidates: list[Candidate],
                 options: list[list[WorldPlace]], number: int) -> bool:
    """Whether the name after "in" holds a reading of "X in Y": Y is its admin1 or admin2
    (:func:`within_admins`), or Y is its country and it is a town of
    :data:`WEAK_POPULATION` or more (the prior a name tagged as an organisation needs)."""
    return admin_match(place, within_admins(candidates, options, number)) or \
        place.population >= WEAK_POPULATION and country_above(place, candidates, options, number)


def country_above(place: WorldPlace, candidates: list[Candidate],
                  options: list[list[WorldPlace]], number: int) -> bool:
    """Whether the next name up the chain reads first as the place's country."""
    above = candidates[number].chained_to
    return above is not None and any(p.kind == "country" and p.country == place.country
                                     for p in options[above][:1])


def within_admins(candidates: list[Candidate], options: list[list[WorldPlace]],
                  number: int) -> set[str]:
    """The names the next name of a chain may stand for as a subdivision: as written, the
    subdivisions of its readings ("Aleppo" for the governorate filed as "Halab"), and the
    narrowest subdivision its largest town lies in ("X in Raqqa": in the governorate of the
    city of Raqqa; "X in Valladolid": in the province of Valladolid, not its region)."""
    above = candidates[number].chained_to
    if above is None:
        return set()
    city = next((p for p in options[above] if p.kind == "city"), None)
    narrowest = city and (city.admin2 or city.admin1)  # "in Raqqa": in Raqqa's province
    return {fold(candidates[above].text)} | {
        fold(p.name) for p in options[above] if p.kind in ("admin1", "admin2")} | (
        {fold(narrowest)} if narrowest else set())
