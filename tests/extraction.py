"""Helpers for the extraction tests: run the extractor on a made-up sentence and read what it
found, as the tests of one module and of the module split from it both need."""

from __future__ import annotations

from kg.documents import article_from_text


def roles(extractor, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """(type, agent keys, target keys) of each event ``text`` reports."""
    extraction = extractor.extract(article_from_text(text, origin="t"))
    return [(e.event_type, e.agents, e.targets) for e in extraction.events]


def actor(extractor, text: str, key: str):  # type: ignore[no-untyped-def]
    """The actor ``key`` of the extraction of ``text``."""
    return extractor.extract(article_from_text(text, origin="t")).actor(key)


def first_event(extractor, text: str):  # type: ignore[no-untyped-def]
    """The first event ``text`` reports."""
    return extractor.extract(article_from_text(text, origin="roles")).events[0]


def first_type(extractor, text: str) -> str | None:
    """The type of the first event ``text`` reports, or ``None``."""
    extraction = extractor.extract(article_from_text(text, origin="t"))
    return extraction.events[0].event_type if extraction.events else None


def triggered(extractor, text: str) -> list[tuple[str, str]]:
    """(type, trigger text) of each event ``text`` reports."""
    extraction = extractor.extract(article_from_text(text, origin="triggers"))
    return [(e.event_type, e.trigger.text) for e in extraction.events]
