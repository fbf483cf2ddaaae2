"""The body members belong to: the proper name in the "of" phrase of a noun of members, or
the name before it ("Gulf Clan members", "JNIM militants": :func:`name_before`).

"Members of the Rosewood Cartel killed two men", "cadres of the Hill People's Front beat a
farmer": the members act for the body they are members of, and the name in their "of"
phrase is that body's, an organisation, even where the named-entity tagger missed it (a
person has no members, and a place has inhabitants, not members). Only members who act
(the subject, or a passive's "by" phrase) are taken for their body. The name is offered as a
fallback candidate (:func:`kg.extract.fallback.find_candidates`); the role parser takes the
"of" phrase of such a noun as who the members are (:data:`kg.extract.phrases.PARTITIVE_NOUNS`).

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["members", "of", "the", "Rosewood", "Cartel", "killed", "two", "men"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[5, 0, 4, 4, 1, 5, 7, 5],
...           deps=["nsubj", "prep", "det", "compound", "pobj", "ROOT", "nummod", "dobj"],
...           pos=["NOUN", "ADP", "DET", "PROPN", "PROPN", "VERB", "NUM", "NOUN"],
...           lemmas=["member", "of", "the", "Rosewood", "Cartel", "kill", "two", "man"])
>>> body_names(doc, set())
[(3, 5)]
>>> body_names(doc, {3})
[]
>>> words = ["police", "arrested", "members", "of", "the", "Rosewood", "Cartel"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 6, 6, 3],
...           deps=["nsubj", "ROOT", "dobj", "prep", "det", "compound", "pobj"],
...           pos=["NOUN", "VERB", "NOUN", "ADP", "DET", "PROPN", "PROPN"],
...           lemmas=["police", "arrest", "member", "of", "the", "Rosewood", "Cartel"])
>>> body_names(doc, set())
[]
"""

from __future__ import annotations

from collections.abc import Callable

MEMBER_NOUNS = frozenset({"member", "members", "cadre", "cadres"})
"""Nouns of the members of a body: their "of" phrase names the body."""
NOT_BODIES = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "PERSON"})
"""Entity types of a name that is no body: a place or people ("members of Kibera's
community"), a date; a person's name has no members either."""


def _name_span(name) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The token range of the proper name ``name`` heads, its article left out: every word of
    it capitalised or a numeral ("Barrio 18"), no word of a place, people or date."""
    doc = name.doc
    start = name.left_edge.i
    if doc[start].pos_ == "DET":
        start += 1
    end = name.i + 1
    while end < len(doc) and doc[end].dep_ == "nummod" and doc[end].head.i == name.i:
        end += 1  # "Barrio 18"
    words = doc[start:end]
    if not len(words) or any(t.ent_type_ in NOT_BODIES or not (
            t.text[:1].isupper() or t.like_num or t.text in ("-", "'s")) for t in words):
        return None
    return start, end


def _acting(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether the members a noun names act: the subject of a verb, or the "by" phrase of a
    passive one ("abducted by four members of X"). Members who suffer ("two members of X were
    killed") are persons harmed (:mod:`kg.extract.owners`), and say nothing of what X is."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "nsubj" or token.dep_ == "pobj" and token.head.lower_ == "by"


def body_names(doc, taken: set[int]) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Token ranges of the proper names in the "of" phrase of a noun of members who act
    (:func:`_acting`), none of whose tokens is ``taken`` (a gazetteer's or an earlier
    candidate's)."""
    found = []
    for token in doc:
        if token.lemma_.lower() not in MEMBER_NOUNS or token.pos_ != "NOUN" or not _acting(token):
            continue
        names = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        for name in names:
            span = _name_span(name)
            if span is not None and not any(i in taken for i in range(*span)):
                found.append(span)
    return found


NAMELESS = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"})
"""Entity types of a modifier that says where or whose people are, not which group: "Mombasa
police", "Shiite militiamen"."""


def name_before(token, taken: set[int], nameless: frozenset[str] = NAMELESS  # type: ignore[no-untyped-def]
                ) -> tuple[int, int] | None:
    """The proper name that modifies an agent noun, as a token range: "JNIM" of "JNIM
    militants", "Gulf Clan" of "Gulf Clan fighters"; not a place or a nationality
    (``nameless`` entity types)."""
    names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names or any(c.ent_type_ in nameless or c.i in taken or not c.text[:1].isupper()
                        for c in names):
        return None
    start, end = min(c.left_edge.i for c in names), max(c.i for c in names) + 1
    if end != token.i or any(t.ent_type_ in nameless or t.i in taken
                             for t in token.doc[start:end]):
        return None
    return start, end


MEMBERS = frozenset({"member", "members"})
"""Nouns of members: "Gulf Clan members" act as the named body (a facility has no members)."""


def add_member_names(doc, add: Callable[..., bool], taken: set[int]) -> None:  # type: ignore[no-untyped-def]
    """Offer the name before each noun of members as the body they are members of (``add`` is
    :func:`kg.extract.fallback.find_candidates`' own)."""
    for token in doc:
        if token.lemma_.lower() in MEMBERS and token.pos_ == "NOUN":
            name = name_before(token, taken, NAMELESS - {"FAC"})
            if name is not None:
                add(name[0], token.i + 1, "ORG", name=name)


def add_member_bodies(doc, add: Callable[..., bool], taken: set[int]) -> None:  # type: ignore[no-untyped-def]
    """Offer each body named in the "of" phrase of a noun of members as an organisation
    (``add`` is :func:`kg.extract.fallback.find_candidates`' own)."""
    for start, end in body_names(doc, taken):
        add(start, end, "ORG")


__all__ = ["MEMBERS", "MEMBER_NOUNS", "NAMELESS", "add_member_bodies", "add_member_names", "body_names",
           "name_before"]
