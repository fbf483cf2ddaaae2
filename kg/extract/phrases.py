"""The actors a noun phrase names: its head, conjuncts, possessors, partitive and owner phrases.

A role is filled by a noun phrase; the actors in it are those the gazetteer (or
the fallback) finds at its head and at the words that say who the head is:
"Kenyan soldiers and Somali rebels", "thousands of students", "the combined
forces of X", "the positions of X". Locative phrases inside it say where, not who.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.generic import OUT_OF_SERVICE, UNIDENTIFIED
from kg.extract.member_bodies import MEMBER_NOUNS
from kg.extract.owners import owner_phrases

PHRASE_PREPS = {"with", "between", "against"}
PARTITIVE_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score",
                   "scores", "group", "member", "members", "cadre", "cadres", "some", "many",
                   "most", "majority",
                   "one", "tens", "millions", "band", "contingent", "unit", "delegation",
                   "number", "handful", "couple", "pair"}
"""Nouns whose "of" phrase is who they are: "thousands of students", "a group of diplomats"."""
MEMBERS_FROM = {"member", "members", "cadre", "cadres"}
"""Nouns of members whose "from" phrase, too, names their body: "two members from X"."""
GROUP_OF_NOUNS = {"force", "forces", "troop", "troops", "unit", "units", "battalion", "brigade",
                  "fighter", "fighters", "militia", "wing", "column", "detachment", "militant",
                  "militants", "rebel", "rebels", "insurgent", "insurgents", "combatant",
                  "combatants"}
"""Nouns of an armed group whose "of" phrase names whose it is: "the combined forces of X"."""
NAMED_PLACES = {"GPE", "LOC", "FAC"}
"""Entity types of names of places."""

ActorAt = Callable[[int], str | None]  # token index -> actor key mentioned there


def either_at(actor_at: ActorAt, fallback_at: ActorAt | None) -> ActorAt:
    """The actor ``actor_at`` finds at a token, else the one ``fallback_at`` (the unknown
    names and generic agents) finds there, if any.

    >>> either_at({1: "isis"}.get, {1: "x", 2: "gunmen"}.get)(2)
    'gunmen'
    """
    if fallback_at is None:
        return actor_at
    return lambda i: actor_at(i) or fallback_at(i)


def actors_in(tokens, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The actors mentioned at ``tokens``, each once, in order.

    >>> actors_in([type("T", (), {"i": i}) for i in range(3)], {0: "a", 2: "b"}.get)
    ('a', 'b')
    """
    keys = (actor_at(t.i) for t in tokens)
    return tuple(dict.fromkeys(k for k in keys if k))


LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "along",
                            "within", "throughout"})
"""Prepositions whose phrase says where a party is, not who it is: "between two groups at the
polling station in X"."""


def unlocated(phrase) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The tokens of a phrase without the locative phrases inside it.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="between two groups at the market".split(),
    ...           heads=[0, 2, 0, 2, 5, 3], deps=["ROOT", "nummod", "pobj", "prep", "det", "pobj"])
    >>> [t.text for t in unlocated(doc[0])]
    ['between', 'two', 'groups']
    """
    return _pruned(phrase, lambda p: p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS)


CLAUSE_MODIFIERS = frozenset({"acl", "relcl"})
"""Clauses hanging on a noun: what they tell is another act, not who the noun is."""


def without_clauses(phrase) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The tokens of a phrase without the clauses that modify its nouns: in "by IS militants
    detonated against a vehicle of the army" (a parser's reading) the army is no user.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="by militants who shot soldiers".split(),
    ...           heads=[0, 0, 3, 1, 3], deps=["ROOT", "pobj", "nsubj", "relcl", "dobj"])
    >>> [t.text for t in without_clauses(doc[0])]
    ['by', 'militants']
    """
    return _pruned(phrase, lambda c: c.dep_ in CLAUSE_MODIFIERS)


def _pruned(phrase, cut: Callable[[object], bool]) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The tokens of a phrase without the subtrees of the tokens inside it that ``cut`` tells."""
    dropped = {t.i for c in phrase.subtree if c is not phrase and cut(c) for t in c.subtree}
    return [t for t in phrase.subtree if t.i not in dropped]


def phrase_actors(token, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Actors of a noun phrase: its head, conjuncts, possessors and with/between phrases; the
    head of a group of a named one's ("the joint forces of X and Y") is theirs, not a generic
    actor of its own, even where the name is not known yet; "the forces of <a country>" are
    its armed forces.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="rebels and soldiers".split(),
    ...           heads=[0, 0, 0], deps=["ROOT", "cc", "conj"])
    >>> phrase_actors(doc[0], {0: "rebels", 2: "army"}.get)
    ('rebels', 'army')
    """
    if _former_member(token):  # "a former member of the police" is no longer the police
        return tuple(k for k in (actor_at(token.i),) if k)
    head_key = actor_at(token.i)  # "gunmen suspected to be IS members" are taken to be the
    if head_key is not None and head_key.rpartition("-")[2] == UNIDENTIFIED:  # IS; "a mob,
        identity = [k for g in suspected_identity(token) for k in phrase_actors(g, actor_at)]
        if identity:  # presumed to be supporters of X" stays a mob
            return tuple(dict.fromkeys(identity))
    named = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
             and token.lemma_.lower() in GROUP_OF_NOUNS for g in p.children
             if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ not in NAMED_PLACES]
    keys = [k for g in named for k in phrase_actors(g, actor_at)] if named \
        else [actor_at(token.i)]
    partitive = token.lemma_.lower() in PARTITIVE_NOUNS or token.pos_ == "NUM"
    member = token.lemma_.lower() in MEMBERS_FROM  # "two members from X" are X's
    for child in token.children:
        if child.dep_ in ("conj", "poss", "compound", "amod", "appos", "det", "nmod") or (
                child.dep_ == "prep" and (child.lower_ in PHRASE_PREPS
                                          or partitive and child.lower_ == "of"
                                          or member and child.lower_ == "from")) \
                or child.dep_ == "pobj":
            keys.extend(phrase_actors(child, actor_at))
    for owner in owner_phrases(token):  # "the positions of X", "camels belonging to X"
        keys.extend(phrase_actors(owner, actor_at))
    own = actor_at(token.i) if named else None  # the head's mention may span its modifiers,
    if own is not None and any(actor_at(g.i) == own for g in named):  # but one mention of
        own = None  # "the military forces of Tajikistan" is the composite itself
    return tuple(dict.fromkeys(k for k in keys if k and k != own))


SUSPICION_VERBS = frozenset({"suspect", "believe", "think", "presume", "allege", "say", "report"})
"""Verbs of a participle that tells who a group is taken to be: "suspected to be X"."""
HEDGES = frozenset({"presumably", "reportedly", "allegedly", "likely", "probably", "possibly",
                    "apparently", "suspected", "believed"})
"""Adverbs of an appositive that tells who a group is taken to be: "gunmen, presumably X"."""


def suspected_identity(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The noun phrases a participle of suspicion or a hedged appositive says ``token`` is:
    "assailants, suspected to be X supporters", "gunmen believed to be X", "men suspected of
    belonging to X", "gunmen, presumably X members".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="gunmen suspected to be militants".split(),
    ...           heads=[0, 0, 3, 1, 3], deps=["ROOT", "acl", "aux", "xcomp", "attr"],
    ...           lemmas=["gunman", "suspect", "to", "be", "militant"])
    >>> [t.text for t in suspected_identity(doc[0])]
    ['militants']
    """
    found = []
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "advmod" and c.lower_ in HEDGES
                                         for c in child.children):
            found.append(child)
        elif child.dep_ == "acl" and child.lemma_.lower() in SUSPICION_VERBS:
            found += [a for x in child.children if x.dep_ == "xcomp" and x.lemma_ == "be"
                      for a in x.children if a.dep_ == "attr"]  # "suspected to be X"
            found += [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                      for v in p.children if v.dep_ == "pcomp"  # "of belonging to X"
                      for g in (*(a for a in v.children if a.dep_ == "attr"),  # "of being X"
                                *(o for q in v.children if q.dep_ == "prep" and q.lower_ == "to"
                                  for o in q.children if o.dep_ == "pobj"))]
    return found


def _former_member(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` names a member out of service ("a former member of X", "a former X
    member", "ex-cadres of X"): the body he belonged to is no actor of his phrase.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="a former member of the police".split(),
    ...           heads=[2, 2, 2, 2, 5, 3], deps=["det", "amod", "ROOT", "prep", "det", "pobj"],
    ...           lemmas=["a", "former", "member", "of", "the", "police"])
    >>> _former_member(doc[2]), phrase_actors(doc[2], {5: "police"}.get)
    (True, ())
    """
    return token.lemma_.lower() in MEMBER_NOUNS and any(
        c.dep_ in ("amod", "advmod", "compound") and c.lower_ in OUT_OF_SERVICE
        for c in token.children)


__all__ = ["GROUP_OF_NOUNS", "LOCATIVE_PREPS", "MEMBERS_FROM", "NAMED_PLACES",
           "PARTITIVE_NOUNS", "PHRASE_PREPS", "ActorAt", "actors_in", "either_at", "phrase_actors",
           "suspected_identity", "unlocated"]
