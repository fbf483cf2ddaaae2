"""Extraction: articles in, :class:`~kg.model.Extraction` out (no RDF here).

Examples
--------
>>> from kg.documents import article_from_text
>>> extraction = default_extractor().extract(article_from_text(
...     "Hezbollah fighters clashed with Islamic State militants near Arsal.", origin="demo"))
>>> sorted(actor.key for actor in extraction.actors)  # Islamic State in Lebanon: its branch
['hezbollah', 'isis', 'isis-lebanon']
"""

from __future__ import annotations

import functools
import os

from kg.extract.pipeline import Extractor


VERB_DICTIONARY_ENV = "KG_VERB_DICTIONARY"


@functools.lru_cache(maxsize=4)
def default_extractor(verb_dictionary: str | None = None) -> Extractor:
    """The shared extractor with the packaged spaCy model and the default gazetteer.

    Parameters
    ----------
    verb_dictionary : str, optional
        Path of a TABARI/PETRARCH verb dictionary whose patterns also code the
        events (:mod:`kg.extract.verbdict`); by default ``$KG_VERB_DICTIONARY``
        as it was at the first call, else none.

    Raises
    ------
    kg.extract.verbdict.VerbDictionaryError
        When the dictionary file cannot be read or is not a verb dictionary.
    """
    path = verb_dictionary or os.environ.get(VERB_DICTIONARY_ENV) or None
    if path is None:
        return Extractor()
    from kg.extract.verbdict import VerbDictionary

    return Extractor(verb_dictionary=VerbDictionary.load(path))


__all__ = ["VERB_DICTIONARY_ENV", "Extractor", "default_extractor"]
