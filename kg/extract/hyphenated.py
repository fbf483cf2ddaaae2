"""Names that a hyphen-joined word makes something other than the actor they name.

"pro-Russia demonstrators" are for Russia, not of it (:func:`stance`); "Iran-backed militias"
are militias that Iran stands behind, not Iran's (:func:`backing`). Both read a word written
joined to a name by a hyphen, without spaces (:func:`joined_after`); :func:`hyphen_joined`
gives the whole word a hyphen-split token ends ("shoot-out"), for the event lexicon.
"""

from __future__ import annotations

STANCE_PREFIXES = frozenset({"pro", "anti"})
"""Prefixes that make a nation's name a stance toward it: "pro-Russia demonstrators" are for
Russia, not of it."""
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "financed", "armed",
                     "trained", "allied", "affiliated", "aligned", "linked", "equipped"})
"""Participles that, hyphen-joined to a name, make it who stands behind a group: "Iran-backed
militias" are militias, not Iran's; "UAE-backed forces" no forces of the Emirates."""


def hyphen_joined(token) -> str | None:  # type: ignore[no-untyped-def]
    """The hyphenated word whose last part ``token`` is, as the tokenizer split it in three
    ("cease-fire", "shoot-out"), with the part's lemma; ``None`` for no such word.

    >>> import spacy
    >>> doc = spacy.blank("en")("a shoot-out began")
    >>> hyphen_joined(doc[3]), hyphen_joined(doc[1])
    ('shoot-out', None)
    """
    if token.i < 2 or token.nbor(-1).text != "-" or token.nbor(-1).whitespace_ \
            or token.nbor(-2).whitespace_:
        return None
    return f"{token.nbor(-2).lower_}-{(token.lemma_ or token.text).lower()}"


def joined_after(word) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``word`` follows a hyphen written joined to it and to the word before it."""
    doc, i = word.doc, word.i
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
        and not doc[i - 1].whitespace_


def stance(word) -> bool:  # type: ignore[no-untyped-def]
    """Whether a nation's name is hyphenated to a prefix of stance ("pro-Ukraine", "anti-US")."""
    return joined_after(word) and word.doc[word.i - 2].lower_ in STANCE_PREFIXES


def opposing(word) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name is hyphenated to "anti" ("anti-Houthi forces" fight the Houthis; a
    "pro-" group sides with the one it names, as coders count it among that group's).

    >>> from spacy.lang.en import English
    >>> doc = English()("anti-Houthi forces and pro-Houthi tribesmen")
    >>> [opposing(t) for t in doc if t.text == "Houthi"]
    [True, False]
    """
    return joined_after(word) and word.doc[word.i - 2].lower_ == "anti"


def backing(modifier) -> bool:  # type: ignore[no-untyped-def]
    """Whether a modifier is a backing participle hyphen-joined to its backer's name ("Iran" of
    "Iran-backed"): a named backer is not the group the noun names, which stays generic.

    >>> from spacy.lang.en import English
    >>> doc = English()("Iran-backed militias and backed militias, pro-Ukraine rallies")
    >>> [backing(t) for t in doc if t.lower_ == "backed"], stance(doc[-2])
    ([True, False], True)
    """
    return modifier.lower_ in BACKING and joined_after(modifier)


__all__ = ["BACKING", "STANCE_PREFIXES", "backing", "hyphen_joined", "joined_after", "opposing",
           "stance"]
