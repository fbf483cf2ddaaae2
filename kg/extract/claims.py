"""Claims: who said what, through which channel, asserting or denying what.

A claim is anchored on a reporting verb with a subject. Its quote is the
reported clause (``ccomp``) or the object. When a broadcaster reports another
actor's statement ("Hezbollah ... announced a ceasefire, al-Manar TV said"),
the inner claim keeps the original speaker and records the broadcaster as
``via``. Claims about the same kind of proposition where one denies and the
other asserts are linked as contradicting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.extract.modality import modality_of
from kg.model import Claim, Event

REPORTING_VERBS = {
    "say": "say", "announce": "announce", "tweet": "tweet", "add": "add", "state": "state",
    "claim": "claim", "deny": "deny", "confirm": "confirm", "report": "report", "tell": "tell",
    "declare": "declare", "warn": "warn", "insist": "insist", "stress": "stress",
    "acknowledge": "acknowledge", "allege": "allege", "classify": "classify",
}
PROPOSITION_FAMILIES = {
    "negotiation": "talks", "negotiate": "talks", "talk": "talks", "mediate": "talks",
    "truce": "ceasefire", "ceasefire": "ceasefire", "cease-fire": "ceasefire",
    "coordinate": "cooperation", "coordination": "cooperation", "cooperation": "cooperation",
    "cooperate": "cooperation", "communication": "cooperation",
}
"""Trigger lemmas grouped by the proposition they assert (talks happened, ...)."""


def proposition_family(token) -> str | None:  # type: ignore[no-untyped-def]
    """The proposition family a token's lemma belongs to, if any."""
    return PROPOSITION_FAMILIES.get(token.lemma_.lower())


@dataclass(frozen=True)
class FoundClaim:
    """A claim in token terms."""

    verb_token: int
    verb: str
    speaker: str | None
    speaker_span: tuple[int, int]
    quote_span: tuple[int, int]  # token range
    via: str | None
    negated: bool


ActorAt = Callable[[int], str | None]


def _speaker(verb, actor_at: ActorAt):  # type: ignore[no-untyped-def]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _speaker(verb.head, actor_at)  # "He thanked the army, and said that ..."
    if not subjects:
        return None, None
    subject = subjects[0]
    tokens = list(subject.subtree)
    head_key = actor_at(subject.i)
    keys = [actor_at(t.i) for t in tokens if actor_at(t.i)]
    if head_key is None and subject.pos_ != "PRON" and keys and subject.dep_ != "nsubjpass":
        head_key = keys[-1] if subject.lemma_ in ("tv", "channel", "agency") else None
    return head_key, (tokens[0].i, tokens[-1].i + 1)


CHANNEL_WORDS = {"twitter", "social", "facebook", "telegram", "television", "radio"}


def _quote(verb):  # type: ignore[no-untyped-def]
    for dep in ("ccomp", "dobj", "xcomp"):
        for child in verb.children:
            if child.dep_ == dep and child.lower_ not in CHANNEL_WORDS:
                tokens = [t.i for t in child.subtree]
                return child, (min(tokens), max(tokens) + 1)
    return None, None


def _is_negated(clause_head) -> bool:  # type: ignore[no-untyped-def]
    """A reported clause that denies: "it is not ...", "we see no evidence ..."."""
    if clause_head is None:
        return False
    if any(c.dep_ == "neg" for c in clause_head.children):
        return True
    return any(g.lower_ in ("no", "never") for c in clause_head.children
               if c.dep_ in ("dobj", "attr", "nsubj") for g in c.children)


def _reporting_verb(token) -> str | None:  # type: ignore[no-untyped-def]
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if token.lemma_ == "take" and any(c.lower_ in CHANNEL_WORDS for p in token.children
                                      if p.dep_ in ("prep", "xcomp") for c in p.subtree):
        return "tweet"
    return REPORTING_VERBS.get(token.lemma_.lower())


def find_claims(sentence, actor_at: ActorAt, kind_of: Callable[[str], str]  # type: ignore[no-untyped-def]
                ) -> Iterator[FoundClaim]:
    """Yield the claims of one sentence, folding broadcaster reports into ``via``."""
    found = []
    for token in sentence:
        verb = _reporting_verb(token)
        if verb is None:
            continue
        speaker, speaker_span = _speaker(token, actor_at)
        quote_head, quote_span = _quote(token)
        if speaker_span is None or quote_span is None:
            continue
        negated = verb == "deny" or _is_negated(quote_head)
        found.append(FoundClaim(token.i, verb, speaker, speaker_span, quote_span, None, negated))
    for claim in found:
        inner = [c for c in found if c is not claim
                 and claim.quote_span[0] <= c.verb_token < claim.quote_span[1]]
        if claim.speaker and kind_of(claim.speaker) == "media" and inner:
            continue  # the broadcaster's report becomes the inner claim's channel
        outer = next((c for c in found if c is not claim and c.speaker
                      and kind_of(c.speaker) == "media"
                      and c.quote_span[0] <= claim.verb_token < c.quote_span[1]), None)
        via = outer.speaker if outer else None
        yield FoundClaim(claim.verb_token, claim.verb, claim.speaker, claim.speaker_span,
                         claim.quote_span, via, claim.negated)


def contradictions(asserted: list[tuple[int, str | None, bool]]) -> dict[int, tuple[int, ...]]:
    """Pair claims that assert and deny a proposition of the same family.

    ``asserted`` holds ``(claim index, proposition family or None, negated)``.

    >>> contradictions([(0, "talks", True), (1, "talks", False), (2, None, False)])
    {0: (1,), 1: (0,)}
    """
    by_side: dict[tuple[str, bool], list[int]] = {}
    for index, family, negated in asserted:
        if family:
            by_side.setdefault((family, negated), []).append(index)
    links = {index: tuple(by_side.get((family, not negated), ()))
             for index, family, negated in asserted if family}
    return {k: v for k, v in links.items() if v}


def proposition(doc, claim: Claim, events: list[Event]) -> tuple[int, str | None, bool]:  # type: ignore[no-untyped-def]
    """What a claim asserts, for contradiction checks: (index, proposition family, negated)."""
    quote = doc.char_span(claim.quote.start, claim.quote.end, alignment_mode="expand")
    for token in quote or ():
        family = proposition_family(token)
        if family:
            modality = modality_of(token)
            if modality in ("hypothetical", "planned"):
                return claim.index, None, claim.negated  # asserts nothing either way
            return claim.index, family, claim.negated or modality == "negated"
    return claim.index, None, claim.negated
