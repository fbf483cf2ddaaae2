"""Ingest articles into a store: load, skip unchanged, extract, write each graph whole.

An article is identified by its key and versioned by its content hash. Ingest
is idempotent: an article already stored with the same hash is skipped, a
changed one replaces its named graph in one atomic write, and an input that
cannot be read is reported without stopping the batch.

Examples
--------
>>> from kg.documents import article_from_text
>>> from kg.store import open_store
>>> class NoExtraction:
...     def pipe(self, articles, n_process=1):
...         from kg.model import Extraction
...         return (Extraction(article=a) for a in articles)
>>> store = open_store("memory:")
>>> article = article_from_text("Quiet day.", origin="calm")
>>> ingest(store, [article], NoExtraction()).added
['calm']
>>> ingest(store, [article], NoExtraction()).unchanged
['calm']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from kg import ids
from kg.errors import InputError, KGError
from kg.model import Article, Extraction
from kg.rdf import extraction_triples
from kg.store import Store
from kg.vocab import sparql_prologue

STORED_HASH = sparql_prologue() + "SELECT ?g ?sha WHERE { GRAPH ?g { ?g ckg:sha256 ?sha } }"


class ExtractorLike(Protocol):
    """What ingest needs of an extractor (see :class:`kg.extract.Extractor`)."""

    def pipe(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction]: ...


@dataclass
class IngestReport:
    """What happened to each input of a batch, by article key."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[KGError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the store was written to."""
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        """One line: counts per outcome."""
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged, {len(self.failed)} failed")


def stored_hash(store: Store, article_key: str) -> str | None:
    """Return the content hash of the stored article ``article_key``, if any."""
    rows = store.select(STORED_HASH, {"g": ids.article_uri(article_key)})
    hashes = rows.column("sha")
    return str(hashes[0]) if hashes else None


def _needing_extraction(store: Store, items: Iterable[Article | KGError],
                        report: IngestReport, known: dict[str, str | None]) -> Iterator[Article]:
    """Yield the articles whose stored hash differs; record errors and skips."""
    seen: dict[str, tuple[str, str | None]] = {}  # key -> (sha256, origin) of its first copy
    for item in items:
        if isinstance(item, KGError):
            report.failed.append(item)
            continue
        if item.key in seen:
            first_sha, first_origin = seen[item.key]
            if first_sha == item.sha256:
                report.unchanged.append(item.key)
            else:
                report.failed.append(InputError(
                    f"article id {item.key!r} appears twice in the batch with different text; "
                    f"the first ({first_origin}) was kept", where=item.origin))
            continue
        seen[item.key] = (item.sha256, item.origin)
        known[item.key] = stored_hash(store, item.key)
        if known[item.key] == item.sha256:
            report.unchanged.append(item.key)
        else:
            yield item


def ingest(store: Store, items: Iterable[Article | KGError], extractor: ExtractorLike, *,
           n_process: int = 1, progress: Callable[[Extraction], None] | None = None
           ) -> IngestReport:
    """Extract and store every changed article of ``items``.

    Parameters
    ----------
    store : Store
        Where each article's named graph is written.
    items : iterable of Article or KGError
        As yielded by :func:`kg.documents.iter_articles`; errors are recorded.
    extractor : ExtractorLike
        Turns articles into extractions (``pipe`` keeps spaCy batching).
    n_process : int
        Worker processes for extraction.
    progress : callable, optional
        Called after each article is stored.
    """
    report = IngestReport()
    known: dict[str, str | None] = {}
    todo = _needing_extraction(store, items, report, known)
    for extraction in extractor.pipe(todo, n_process=n_process):
        key = extraction.article.key
        try:
            store.replace_graph(ids.article_uri(key), extraction_triples(extraction))
        except KGError as error:
            report.failed.append(error)
            continue
        (report.replaced if known.get(key) else report.added).append(key)
        if progress is not None:
            progress(extraction)
    return report


def remove_article(store: Store, article_key: str) -> bool:
    """Delete an article's named graph; return whether it was there."""
    return store.drop_graph(ids.article_uri(article_key))


__all__ = ["IngestReport", "ingest", "remove_article", "stored_hash"]
