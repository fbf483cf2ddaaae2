"""The cached lemmatizer sets exactly the lemmas spaCy's lemmatizer sets."""

from __future__ import annotations

import pytest

from kg.extract.lemmatizer import CachedLemmatizer, cache_lemmatizer

# Made-up text with inflected and base forms, exceptions, repeats across documents,
# one word form with two parts of speech ("saw", "left", "leaves") or two morphologies
# ("found": find / found), words the attribute ruler lemmatises itself, line breaks.
TEXTS = [
    "Rebels found a bomb. They want to found a party. He saw the rusty saw.",
    "They left the left bank. The leaves fell as he leaves; she lives nine lives.",
    "Gunmen attacked two villages and burned houses; the villagers fled.",
    "The village was attacked again. Gunmen were seen; a gunman was arrested.",
    "Protesters marched, marching past better-armed police who'd fired tear gas.\n\nMore later",
    "Children, women and men: geese, mice, data and criteria were the worst  hit.",
    "She has been held; they're gonna say it ain't so, y'all.",
]


@pytest.fixture(scope="module")
def packaged(packaged_nlp):
    """A parse up to the lemmatizer, and the packaged lemmatizer."""
    nlp, parse = packaged_nlp
    return (lambda text: parse(text, "lemmatizer")), nlp.get_pipe("lemmatizer")


def test_lemmas_are_spacys_across_documents(packaged):
    parse, lemmatizer = packaged
    cached = CachedLemmatizer(lemmatizer)
    docs = [parse(text) for text in TEXTS + TEXTS[::-1]]
    for doc in docs:
        expected, got = lemmatizer(doc.copy()), cached(doc.copy())
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
        assert got.to_bytes() == expected.to_bytes()
    assert cached._lemmas  # later documents were answered from the cache


def test_a_lemma_set_before_is_kept(packaged):
    parse, lemmatizer = packaged
    doc = parse("Gunmen attacked")
    doc[0].lemma_ = "set-before"
    assert [t.lemma_ for t in CachedLemmatizer(lemmatizer)(doc)] == ["set-before", "attack"]


def test_overwrite_runs_spacys_own(packaged):
    parse, lemmatizer = packaged
    doc = parse("Gunmen attacked")
    doc[0].lemma_ = "set-before"
    lemmatizer.overwrite = True
    try:
        assert [t.lemma_ for t in CachedLemmatizer(lemmatizer)(doc)] == ["gunman", "attack"]
    finally:
        lemmatizer.overwrite = False


def test_a_lemmatizer_of_another_class_is_left_alone():
    import spacy
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from kg.extract.pipeline import MODEL

    class ContextLemmatizer(EnglishLemmatizer):
        pass

    nlp = spacy.load(MODEL)
    nlp.get_pipe("lemmatizer").__class__ = ContextLemmatizer
    assert not cache_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is ContextLemmatizer


def test_the_extractor_lemmatises_with_the_cache(extractor):
    assert isinstance(extractor.nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def test_dictionary_words_are_the_lemmatizers_english_words(packaged):
    from kg.extract.lemmatizer import dictionary_words

    class Pipeline:  # what dictionary_words reads of a pipeline: its lemmatizer by name
        pipe_names = ["lemmatizer"]

        def get_pipe(self, name):
            return CachedLemmatizer(packaged[1])

    words = dictionary_words(Pipeline())
    assert {"action", "capitol", "station", "attack"} <= words
    assert not {"acton", "capitola", "shabwah"} & words
