"""Ingest articles into a store: load, skip unchanged, extract, write each graph whole.

An article is stored under its key and versioned by its content hash. Ingest
is idempotent: an article already stored with the same hash is skipped; a new
version of the same article (the same ``id``, or the same ``url``) replaces
its named graph in one atomic write; another text whose derived key is taken
(two ``story.txt`` in two folders, two URLs with one slug) is added beside it
under the key plus a short content hash, with a warning (:func:`place`), so
no collision loses an article. An input that cannot be read is reported
without stopping the batch.

Ingest streams: inputs are read (JSON lines line by line, see
:func:`iter_inputs`), checked, extracted in spaCy batches on ``n_process``
workers and written one article at a time, so memory does not grow with the
size of the corpus. An interrupted run is resumed by running it again: what
was stored is skipped by its hash.

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

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from kg import documents, ids
from kg.aggregates.snapshot import kept_current
from kg.errors import InputError, KGError, StoreError
from kg.model import Article, Extraction
from kg.descriptions import describe_entities, forget_article, undescribe_unwritten
from kg.ntriples import extraction_lines, ntriples, utf8
from kg.store import Store
from kg.vocab import sparql_prologue
from kg.walk import Skipped

STORED = (sparql_prologue()
          + "SELECT ?g ?sha ?url WHERE { GRAPH ?g { ?g ckg:sha256 ?sha "
            "OPTIONAL { ?g schema:url ?url } } }")
GRAPH_EXISTS = "ASK { GRAPH ?g { ?s ?p ?o } }"
FLUSH_TRIPLES = 500_000
"""Ingest flushes an on-disk store after about this many triples (~1,000 synthetic articles).

Each flush bounds memory; flushing more often costs write throughput (compactions)."""


class ExtractorLike(Protocol):
    """What ingest needs of an extractor (see :class:`kg.extract.Extractor`)."""

    def pipe(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction]: ...


@dataclass
class IngestReport:
    """What happened to each input of a batch, by article key, and the warnings to show."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[KGError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the store was written to."""
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        """One line: counts per outcome."""
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged, {len(self.failed)} failed")


@dataclass(frozen=True)
class Version:
    """An article version already placed under a key: stored, or earlier in the batch."""

    sha256: str
    url: str | None
    origin: str | None = None


def stored_version(store: Store, article_key: str) -> Version | None:
    """The content hash and URL of the stored article ``article_key``, if any."""
    rows = list(store.select(STORED, {"g": ids.article_uri(article_key)}))
    if not rows:
        return None
    url = rows[0].get("url")
    return Version(str(rows[0]["sha"]), None if url is None else str(url))


def stored_hash(store: Store, article_key: str) -> str | None:
    """Return the content hash of the stored article ``article_key``, if any."""
    version = stored_version(store, article_key)
    return version.sha256 if version else None


def same_article(article: Article, other: Version) -> bool:
    """Whether ``article`` is a new version of ``other`` (same key): by id, or by the same URL.

    A key derived from a file name, or a URL slug shared by two URLs, is no
    identity: the two texts are two articles.
    """
    return article.key_from == "id" or (article.url is not None and article.url == other.url)


def place(store: Store, article: Article, seen: Mapping[str, Version]
          ) -> tuple[Article, Version | None] | KGError:
    """The key ``article`` goes under, with the version already there (or why it cannot go in).

    Under a key taken by a different text that is not the same article (see
    :func:`same_article`), the article gets the key plus a short content hash:
    it is added beside the other, never over it.
    """
    candidate = article
    for length in (8, 16, 64):
        first = seen.get(candidate.key)
        if first is not None:
            if first.sha256 == candidate.sha256:
                return candidate, first
            if same_article(candidate, first):
                return InputError(
                    f"article id {candidate.key!r} appears twice in the batch with different "
                    f"text; the first ({first.origin}) was kept", where=candidate.origin)
        else:
            stored = stored_version(store, candidate.key)
            if stored is None or stored.sha256 == candidate.sha256 or same_article(candidate,
                                                                                      stored):
                return candidate, stored
        candidate = replace(article, key=f"{article.key}-{article.sha256[:length]}")
    raise AssertionError("two texts with one SHA-256")  # pragma: no cover


def _needing_extraction(store: Store, items: Iterable[Article | KGError | Skipped],
                        report: IngestReport, known: dict[str, str | None],
                        tick: Callable[[], None], reextract: bool = False) -> Iterator[Article]:
    """Yield the articles whose stored hash differs (all, with ``reextract``); record the rest.

    ``known`` gets the stored hash of each yielded article and loses it once
    the article is written, so it holds only the articles in flight.
    """
    seen: dict[str, Version] = {}  # key -> the version placed there earlier in this batch
    for item in items:
        if isinstance(item, Skipped):
            report.warnings.append(str(item))
            tick()
            continue
        placed = item if isinstance(item, KGError) else place(store, item, seen)
        if isinstance(placed, KGError):
            report.failed.append(placed)
            tick()
            continue
        article, there = placed
        if article.key in seen or (there is not None and there.sha256 == article.sha256
                                   and not reextract):
            report.unchanged.append(article.key)
            tick()
            continue
        seen[article.key] = Version(article.sha256, article.url, article.origin)
        if there is None and isinstance(item, Article) and article.key != item.key:
            report.warnings.append(
                f"{article.origin}: article key {item.key!r} is taken by another text; added "
                f"as {article.key!r} (an id or url in its metadata names it)")
        if there is None:
            report.warnings.extend(_legacy_copy(store, article))
        known[article.key] = there.sha256 if there else None
        yield article


def _legacy_copy(store: Store, article: Article) -> list[str]:
    """Say so when a new id was stored lower-cased and slugged by an earlier version of kg."""
    legacy = ids.slugify(article.key)
    if article.key_from != "id" or legacy == article.key or not stored_version(store, legacy):
        return []
    return [f"{article.origin}: article id {article.key!r} is new, but {legacy!r} is stored "
            f"(kg once lower-cased ids); if that is the old copy: kg remove {legacy}"]


@dataclass(frozen=True)
class Prepared:
    """An extractor whose work was done beforehand, e.g. outside a write lock.

    :meth:`pipe` hands back the extraction made from the same text, under the
    key :func:`ingest` placed the article at (a colliding key gets a suffix).

    >>> from kg.documents import article_from_text
    >>> article = article_from_text("Calm.", origin="a.txt")
    >>> prepared = Prepared({article.sha256: Extraction(article)})
    >>> renamed = replace(article, key="a-1")
    >>> next(prepared.pipe([renamed])).article.key
    'a-1'
    """

    by_text: Mapping[str, Extraction]

    @classmethod
    def extract(cls, extractor: ExtractorLike, articles: Iterable[Article]) -> Prepared:
        """Run ``extractor`` over ``articles`` now."""
        return cls({extraction.article.sha256: extraction
                    for extraction in extractor.pipe(articles)})

    def pipe(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction]:
        for article in articles:
            yield replace(self.by_text[article.sha256], article=article)


def ingest(store: Store, items: Iterable[Article | KGError | Skipped], extractor: ExtractorLike, *,
           n_process: int = 1, progress: Callable[[Extraction], None] | None = None,
           tick: Callable[[], None] | None = None, reextract: bool = False) -> IngestReport:
    """Extract and store every changed article of ``items``, streaming.

    ``items`` is consumed lazily: only the articles in the extractor's
    current batches are held at any time, never the whole input.

    Parameters
    ----------
    store : Store
        Where each article's named graph is written.
    items : iterable of Article, KGError or Skipped
        As yielded by :func:`iter_inputs`; errors are recorded as failed, the
        links skipped as warnings.
    extractor : ExtractorLike
        Turns articles into extractions (``pipe`` keeps spaCy batching).
    n_process : int
        Worker processes for extraction.
    progress : callable, optional
        Called after each article is stored.
    tick : callable, optional
        Called once per input, whatever became of it (stored, skipped, failed).
    reextract : bool
        Extract and replace articles whose stored text is unchanged too (after
        the gazetteer, the lexicon or the verb dictionary changed).
    """
    report = IngestReport()
    known: dict[str, str | None] = {}
    tick = tick or (lambda: None)
    todo = _needing_extraction(store, items, report, known, tick, reextract)
    with kept_current(store):  # the tallies the analyses read, kept current at the end
        _write_all(store, extractor.pipe(todo, n_process=n_process), known, report, progress,
                   tick)
    return report


def _write_all(store: Store, extractions: Iterable[Extraction], known: dict[str, str | None],
               report: IngestReport, progress: Callable[[Extraction], None] | None,
               tick: Callable[[], None]) -> None:
    """Store each extraction (its entities, then its graph and tallies), flushing as it goes."""
    unflushed = 0
    for extraction in extractions:
        key = extraction.article.key
        stored = known.pop(key, None)
        try:
            describe_entities(store, extraction)  # first: a crash leaves no undescribed entity
            unflushed += write_article(store, extraction, new=stored is None)
            if unflushed >= FLUSH_TRIPLES:
                flush(store)
                unflushed = 0
        except StoreError as error:
            report.failed.append(not_stored(extraction.article, error))
            tick()
            continue
        except KGError as error:
            undescribe_unwritten(store, extraction)
            report.failed.append(error)
            tick()
            continue
        (report.replaced if stored else report.added).append(key)
        if progress is not None:
            progress(extraction)
        tick()


def not_stored(article: Article, error: StoreError) -> StoreError:
    """The store's write error, naming the article that was being written.

    >>> from kg.documents import article_from_text
    >>> article = article_from_text("Calm.", origin="in/b/story.txt")
    >>> print(not_stored(article, StoreError("write failed: [Errno 28] No space left on device",
    ...                                      where="oxigraph:data/kg")))
    in/b/story.txt: article 'story' not stored: write failed: [Errno 28] No space left on \
device (store oxigraph:data/kg)
    """
    store = f" (store {error.where})" if error.where else ""
    return StoreError(f"article {article.key!r} not stored: {error.message}{store}",
                      where=article.origin)


def flush(store: Store) -> None:
    """Flush the store's write buffers (:meth:`kg.store.base.Store.flush`).

    Oxigraph keeps written data in memory until a flush; without one, memory
    grows with every article stored (measured: 0.75 GB at 1k synthetic articles,
    2.2 GB at 10k). Ingest flushes every :data:`FLUSH_TRIPLES` triples.
    """
    store.flush()


def write_article(store: Store, extraction: Extraction, *, new: bool = False) -> int:
    """Write an article's named graph in one transaction: whole or not at all.

    Returns the number of triples written.

    The graph's N-Triples (written by :mod:`kg.ntriples`) and the change to the
    tallies (:mod:`kg.aggregates`: what the article adds, less what its stored
    version added) go in one SPARQL update, which Oxigraph runs as one
    transaction. A ``new`` article (no stored hash) whose graph does not exist
    yet is not read back first.
    """
    from kg.aggregates.tallies import from_extraction
    from kg.aggregates.write import write_counted

    graph = ids.article_uri(extraction.article.key)
    lines = extraction_lines(extraction)
    utf8(ntriples(lines), extraction.article.origin)  # unencodable text: one-line error
    fresh = new and not store.ask(GRAPH_EXISTS, {"g": graph})
    write_counted(store, graph, lines, from_extraction(extraction), new=fresh)
    return len(lines)


def iter_inputs(paths: Iterable[str | Path], defaults: Mapping[str, object] | None = None,
                encoding: str | None = None, *, follow_links: bool = False
                ) -> Iterator[Article | InputError | Skipped]:
    """Like :func:`kg.documents.iter_articles`, reading JSON-lines files line by line.

    A JSON-lines file of any size is never held in memory: each line becomes an
    article (or an :class:`InputError` naming ``file:line``) as it is read, and
    a line over :data:`kg.documents.MAX_LINE_BYTES` is skipped unread.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     batch = Path(folder) / "b.jsonl"
    ...     _ = batch.write_text('{"text": "Calm."}\\n\\nnot json\\n')
    ...     [getattr(x, "key", None) or str(x).split(": ", 1)[1] for x in iter_inputs([batch])]
    ['b-1', 'broken JSON line (Expecting value at column 1)']
    """
    return documents.iter_articles(paths, defaults, encoding, follow_links=follow_links)


def count_inputs(paths: Iterable[str | Path], *, follow_links: bool = False) -> int:
    """Count the articles under ``paths`` cheaply (files, and non-blank lines of JSON lines).

    Reads JSON-lines files in bounded blocks without parsing, for a progress bar's total.
    """
    total = 0
    for path in documents.expand_paths(paths, follow_links=follow_links):
        if isinstance(path, Skipped):
            total += 1
        elif path.suffix.lower() not in documents.LINES_SUFFIXES or not path.is_file():
            total += 1
        else:
            total += _count_lines(path)
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines of a file, each read with the JSON-lines bound (an over-long one counts)."""
    try:
        with path.open("rb") as data:
            return sum(1 for _, line in documents.bounded_lines(data, documents.MAX_LINE_BYTES)
                       if line is None or line.strip())
    except OSError:
        return 1


def remove_article(store: Store, article_key: str) -> bool:
    """Delete an article's named graph and the descriptions only it needed; return whether
    it was there (:func:`kg.descriptions.forget_article`)."""
    return forget_article(store, article_key)


__all__ = ["IngestReport", "Version", "count_inputs", "ingest", "iter_inputs", "not_stored",
           "place", "remove_article", "same_article", "stored_hash", "stored_version", "flush",
           "write_article"]
