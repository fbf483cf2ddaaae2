"""Extraction: articles in, :class:`~kg.model.Extraction` out (no RDF here).

Examples
--------
>>> from kg.documents import article_from_text
>>> extraction = default_extractor().extract(article_from_text(
...     "Hezbollah fighters clashed with Islamic State militants near Arsal.", origin="demo"))
>>> sorted(actor.key for actor in extraction.actors)
['hezbollah', 'isis']
"""

from __future__ import annotations

import functools

from kg.extract.pipeline import Extractor


@functools.lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The shared extractor with the packaged spaCy model and the default gazetteer."""
    return Extractor()


__all__ = ["Extractor", "default_extractor"]
