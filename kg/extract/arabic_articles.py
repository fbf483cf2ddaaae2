"""The Arabic article inside transliterated place names: "Ras al-Ain", "Deir ez-Zor", "al-Bab".

Transliterations write the article "al" (or "el", and assimilated to a sun letter "ad-", "ash-",
"ez-", ...) joined by a hyphen to the word it defines. Joined so, the article and its word are
one part of the name, which is the whole phrase: "Ain al-Arab" is a town, "Ain" alone a spring
(and, in the world index, Al Ain in the Emirates). :mod:`kg.extract.world_names` reads name runs
with :func:`hyphened_article`.
"""

from __future__ import annotations

ARABIC_ARTICLES = frozenset({"al", "el", "il", "ul", "ad", "ed", "ar", "er", "as", "es", "ash",
                             "esh", "at", "et", "az", "ez", "an", "en", "ath", "adh", "dh"})
"""Transliterations of the Arabic article, assimilated to the consonant it precedes
("ad-Dali", "ash-Shaykh", "ez-Zor"): a name's particle where a hyphen joins it to the word."""


def hyphened_article(doc, i: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether token ``i`` is an Arabic article joined by a hyphen to a capitalised word, inside
    a name ("Ras al-Ain", "Deir ez-Zor"): the article and its word are one, and the name the
    whole, whose first word alone is a common noun ("Ras" head, "Ain" spring, "Tal" hill).

    >>> from spacy.lang.en import English
    >>> doc = English()("Ras al-Ain and Deir ez-Zor and al - Bab and an-other")
    >>> [doc[i].text for i in range(len(doc)) if hyphened_article(doc, i)]
    ['al', 'ez']
    """
    token = doc[i]
    if token.lower_ not in ARABIC_ARTICLES or token.whitespace_ or i + 2 >= len(doc):
        return False  # most words, asked first
    from kg.extract.world_names import capitalised  # which imports this module

    return token.is_lower and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ and \
        capitalised(doc[i + 2])


__all__ = ["ARABIC_ARTICLES", "hyphened_article"]
