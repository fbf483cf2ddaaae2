"""Extraction on worker processes that parse *and* build, so only extractions come back.

spaCy's ``nlp.pipe(n_process=N)`` parses on workers but sends every ``Doc``
back to the parent, which deserialises it and runs the extractor's build
there: the parent alone then does most of an article's CPU (the build, the
``Doc`` transfer and, in ingest, the store's write), and is the bottleneck.
Here each worker runs the whole :meth:`Extractor.pipe` on a batch of articles
and returns the finished :class:`~kg.model.Extraction` objects, which pickle
to a fraction of a ``Doc``.

Workers are forked from the parent once it has loaded the model, so they
share its pages and start at once. Batches come back in input order, and at
most two batches per worker are in flight: memory does not grow with the
input. A worker dies with its parent, and ignores the terminal's Ctrl-C (the
parent handles it and stops them).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from kg.errors import KGError
from kg.model import Article, Extraction

if TYPE_CHECKING:
    from kg.extract.pipeline import Extractor

IN_FLIGHT_PER_WORKER = 2

_worker_extractor: Extractor | None = None
"""The extractor of this worker process, set by :func:`_start_worker` (None in the parent)."""


class ExtractionWorkerDied(KGError):
    """An extraction worker process ended without answering (killed, out of memory)."""


def parallel_pipe(extractor: Extractor, articles: Iterable[Article], n_process: int,
                  batch_size: int) -> Iterator[Extraction]:
    """Extract ``articles`` on ``n_process`` forked workers, yielding in input order.

    Examples
    --------
    >>> from kg.documents import article_from_text
    >>> from kg.extract import default_extractor
    >>> texts = ["Hezbollah shelled Arsal.", "Quiet day.", "ISIS attacked Kirkuk."]
    >>> articles = [article_from_text(t, origin=f"a{n}") for n, t in enumerate(texts)]
    >>> found = parallel_pipe(default_extractor(), articles, n_process=2, batch_size=1)
    >>> [len(extraction.events) for extraction in found]
    [1, 0, 1]
    """
    extractor.prepare()  # loaded before the fork: the workers share it
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker,
                               initargs=(extractor, os.getpid()))
    pending: deque[Future[list[Extraction]]] = deque()
    try:
        for batch in _batches(articles, batch_size):
            pending.append(pool.submit(_extract_batch, batch))
            if len(pending) >= IN_FLIGHT_PER_WORKER * n_process:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _result(future: Future[list[Extraction]]) -> list[Extraction]:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise ExtractionWorkerDied("an extraction worker process died (killed, or out of "
                                   "memory); run the command again to resume") from error


def _start_worker(extractor: Extractor, parent: int) -> None:
    global _worker_extractor
    from kg.sandbox.linux import die_with_parent

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = extractor


def _extract_batch(batch: list[Article]) -> list[Extraction]:
    assert _worker_extractor is not None, "called outside an extraction worker"
    return list(_worker_extractor.pipe(batch, n_process=1, batch_size=len(batch)))


__all__ = ["ExtractionWorkerDied", "parallel_pipe"]
