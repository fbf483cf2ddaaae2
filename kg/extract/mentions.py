"""Mentions of an article: its sentences, the gazetteer's actors and places it names, the
unknown actors some event uses, and the people "he" and "she" stand for.

Spans keep the article's own characters (:func:`original`), not the parser's guarded copy.
"""

from __future__ import annotations

import datetime as dt

from kg.extract.actors import MentionMatcher, resolve
from kg.extract.fallback import Candidate
from kg.extract.gazetteer import Gazetteer
from kg.model import Actor, Mention, Sentence, Span

ORIGINAL_TEXT = "kg_original_text"
"""``doc.user_data`` key of the article's text (the parser may have seen a guarded copy,
:mod:`kg.textguard`, with the same offsets)."""


def original(doc, piece) -> str:  # type: ignore[no-untyped-def]
    """The article's own characters under ``piece`` (a spaCy span), not the parser's copy."""
    text = doc.user_data.get(ORIGINAL_TEXT)
    if text is None:  # not as .get()'s default: doc.text joins every token, on each call
        text = doc.text
    return str(text)[piece.start_char:piece.end_char]


def span_of(doc, start_token: int, end_token: int) -> Span:  # type: ignore[no-untyped-def]
    """The :class:`~kg.model.Span` of tokens ``start_token:end_token``, in the article's text."""
    piece = doc[start_token:end_token]
    return Span(piece.start_char, piece.end_char, original(doc, piece))


def sentences_of(doc) -> tuple[list[Sentence], dict[int, int], list]:  # type: ignore[no-untyped-def]
    """The article's non-blank sentences, the sentence index of each token, and the spaCy
    sentence spans."""
    sentences, index_of_token, spans = [], {}, []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        index = len(sentences)
        sentences.append(Sentence(index, sent.start_char, sent.end_char, original(doc, sent)))
        spans.append(sent)
        for token in sent:
            index_of_token[token.i] = index
    return sentences, index_of_token, spans


def gazetteer_mentions(doc, gazetteer: Gazetteer, matcher: MentionMatcher,  # type: ignore[no-untyped-def]
              sentence_of: dict[int, int], people: bool = False, day: dt.date | None = None
              ) -> tuple[list[Mention], dict[int, str], set[int]]:
    """Gazetteer mentions, the actor key of each actor token, and every token a match touched
    (of the generic phrases, "the militants", only those resolved). An actor is the one its
    name stands for on ``day``, the report's date (:meth:`Gazetteer.as_of`).

    With ``people`` (unknown actors allowed), a composite right before a person's
    name is that person's title and is left to the person's mention.
    """
    mentions, token_actor = [], {}
    raw = matcher.raw_matches(doc)
    taken = {i for found in raw if found.how != "generic" for i in range(found.start, found.end)}
    names = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    bodies = [e for e in doc.ents if e.label_ == "ORG" and e.root.lower_ in BODY_WORDS]
    for found in resolve(doc, raw, gazetteer):  # an unresolved "the militants" is left to the
        piece = doc[found.start:found.end]  # generic agents (kg.extract.generic)
        taken |= set(range(found.start, found.end))
        if people and titles_person(doc, found, names):  # "Kyrgyz Prime Minister Nikolai
            taken -= set(range(found.start, found.end))  # Tanaev", "Jordan's King Abdullah":
            continue  # the country is the person's title, the person acts
        if people and found.kind == "place" and any(  # "the Afghanistan Freedom Front": a
                e.start <= found.start and found.end <= e.root.i for e in bodies):  # body's name
            taken -= set(range(found.start, found.end))
            continue
        if found.start not in sentence_of:
            continue
        key = gazetteer.as_of(found.key, day) if found.kind == "actor" else found.key
        mentions.append(Mention(Span(piece.start_char, piece.end_char, original(doc, piece)),
                                sentence_of[found.start], found.kind, key))  # type: ignore[arg-type]
        if found.kind == "actor":
            token_actor.update({i: key for i in range(found.start, found.end)})
    return mentions, token_actor, taken


BODY_WORDS = frozenset({"front", "movement", "party", "union", "league", "coalition", "alliance",
                        "organisation", "organization", "brigade", "brigades", "battalion"})
"""Head words of the name of a body no state is (a state's army or police is the state's): a
place named in it is part of the name ("the Afghanistan Freedom Front"), no place mentioned."""


def titles_person(doc, found, names: set[int]) -> bool:  # type: ignore[no-untyped-def]
    """A composite right before a person's name, or a possessive country whose noun is a
    person's name: "Kyrgyz Prime Minister Nikolai Tanaev", "Jordan's King Abdullah II"."""
    if found.kind != "actor" or found.start in names:
        return False
    if found.how == "composite":
        return found.end in names
    owner = doc[found.end - 1]
    return owner.dep_ == "poss" and owner.head.i in names and found.how in ("country", "alias")


def unknown_mentions(doc, sentence_of: dict[int, int], candidates: dict[int, Candidate],  # type: ignore[no-untyped-def]
                     used: set[str]) -> tuple[list[Mention], dict[str, Actor]]:
    """Mentions and actors of the unknown-actor candidates that some event uses."""
    mentions, actors = [], {}
    for candidate in dict.fromkeys(c for c in candidates.values() if c.key in used):
        if candidate.start in sentence_of:
            mentions.append(Mention(span_of(doc, candidate.start, candidate.end),
                                    sentence_of[candidate.start], "actor", candidate.key))
            actors[candidate.key] = candidate.actor()
    return mentions, actors


PRONOUNS = {"he", "she", "his", "her", "him"}


def resolve_pronouns(doc, gazetteer: Gazetteer, token_actor: dict[int, str],  # type: ignore[no-untyped-def]
                      sentence_of: dict[int, int]) -> None:
    """Map he/she/his/her to the one person named in this or the previous sentence."""
    people_at: dict[int, list[tuple[int, str]]] = {}  # sentence -> (token, person key)
    for i, key in sorted(token_actor.items()):
        if gazetteer.actors[key].kind == "person" and i in sentence_of:
            people_at.setdefault(sentence_of[i], []).append((i, key))
    for token in doc:
        if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or token.i not in sentence_of:
            continue
        here = sentence_of[token.i]
        people = {key for s in (here - 1, here) for i, key in people_at.get(s, ()) if i < token.i}
        if len(people) == 1:
            token_actor[token.i] = people.pop()
