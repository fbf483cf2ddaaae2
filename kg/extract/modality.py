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


def _negated_by_head(noun) -> bool:  # type: ignore[no-untyped-def]
    """ "no evidence of cooperation", "no sign of talks": the governing noun is negated."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    governor = noun.head.head
    return governor.lemma_.lower() in NEGATING_HEADS and any(
        c.lower_ in ("no", "never") for c in governor.children)


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
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKERS for t in chain for c in t.children):
        return "hypothetical"
    if any(c.lower_ in HYPOTHETICAL_AUX for c in verb.children if c.dep_ == "aux"):
        return "hypothetical"
    if any(t.lemma_ in PLANNING_HEADS for t in chain[1:4]):
        return "planned"
    if any(c.lower_ in FUTURE_AUX for c in verb.children if c.dep_ == "aux"):
        return "planned"  # "Israel will evacuate", "Turkey will allow"
    return "asserted"

