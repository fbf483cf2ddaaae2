"""Clauses of a parse: the verb heading a token's clause and that clause's own tokens.

Examples
--------
>>> sorted(CLAUSE_DEPS)[:3]
['acl', 'advcl', 'ccomp']
"""

from __future__ import annotations

from collections.abc import Iterator

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis"}


def clause_of(token):  # type: ignore[no-untyped-def]
    """The verb heading the clause that holds ``token``."""
    while token.dep_ not in CLAUSE_DEPS | {"ROOT"} and token.head is not token:
        token = token.head
    return token


def _clause_tokens(verb) -> Iterator:  # type: ignore[no-untyped-def]
    """Tokens of the clause headed by ``verb``, not descending into other clauses."""
    yield verb
    for child in verb.children:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            yield from child.subtree



def clause_tokens(verb) -> Iterator:  # type: ignore[no-untyped-def]
    """Tokens of the clause headed by ``verb`` (public name of the walk above)."""
    return _clause_tokens(verb)
