"""The endpoint's one entry point: check a request, run it safely, return the answer.

:class:`SparqlService` ties :mod:`~kg.sparql.safety` (refusals),
:mod:`~kg.sparql.timeout` (worker processes with a deadline and a row cap)
and the store together; the web layer parses HTTP and calls it.

Examples
--------
>>> from kg.store import open_store
>>> from kg.sparql.protocol import Formats, ProtocolRequest
>>> service = SparqlService(open_store("memory:"), timeout=5, row_limit=100)
>>> service.query(ProtocolRequest("query", "ASK {}"), Formats("json", "turtle")).body
b'{"head":{},"boolean":true}'
>>> service.query(ProtocolRequest("query", "SELECT * { SERVICE <http://x/> {} }"),
...               Formats("json", "turtle"))
Traceback (most recent call last):
...
kg.errors.QueryError: SERVICE is not allowed (line 1, column 12): this endpoint only reads its own store
>>> service.close()
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.sparql import safety
from kg.sparql.dataset import with_using
from kg.sparql.protocol import Formats, ProtocolRequest
from kg.sparql.results import DEFAULT_BYTE_LIMIT, Answer
from kg.sparql.timeout import QueryJob, QueryPool, UpdateCheck, evaluate
from kg.store import Store
from kg.store.oxigraph import OxigraphStore


@dataclass
class SparqlService:
    """Safe query and update execution over one store.

    ``timeout`` <= 0 turns the worker processes off (queries run in the
    calling thread with no deadline). Stores other than Oxigraph (a remote
    SPARQL server) answer through :meth:`Store.serialized_query`; their own
    server enforces time limits and the row cap does not apply.

    The calling thread checks only a text's size. With worker processes, the
    safety analysis (:func:`kg.sparql.safety.precheck`'s nesting bound, then
    an rdflib parse) runs in a worker under the query deadline, for updates
    too (:class:`~kg.sparql.timeout.UpdateCheck`), so no text can hold a
    request thread or crash the server while it is analysed.
    """

    store: Store
    timeout: float
    row_limit: int
    max_workers: int = 4
    memory_mb: int = 0
    confined: bool = True
    max_query_bytes: int = safety.MAX_QUERY_BYTES
    byte_limit: int = DEFAULT_BYTE_LIMIT
    write_lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _pool: QueryPool | None = field(default=None, init=False)

    @property
    def pool(self) -> QueryPool | None:
        """The worker pool (created on first use), or None when queries run in-process."""
        if self._pool is None and self.timeout > 0 and isinstance(self.store, OxigraphStore):
            safety.prepare()  # the workers inherit rdflib's parser
            self._pool = QueryPool(self.store, self.timeout, self.row_limit, self.max_workers,
                                   self.memory_mb, byte_limit=self.byte_limit,
                                   confined=self.confined, write_lock=self.write_lock)
        return self._pool

    def graph_exists(self, iri: str) -> bool:
        """Whether the store holds the named graph ``iri``."""
        if isinstance(self.store, OxigraphStore):
            return self.store.has_graph(iri)
        return URIRef(iri) in set(self.store.graphs())

    def query(self, request: ProtocolRequest, formats: Formats) -> Answer:
        """Answer a query request in the negotiated formats."""
        safety.check_size(request.text, self.max_query_bytes, kind="query")
        safety.check_dataset(request.default_graphs, "default-graph-uri", self.graph_exists)
        safety.check_dataset(request.named_graphs, "named-graph-uri", self.graph_exists)
        job = QueryJob(request.text, formats.results, formats.rdf,
                       tuple(request.default_graphs), tuple(request.named_graphs), request.base)
        if self.pool is not None:  # the worker checks the text (kg.sparql.worker.run_job)
            answer = self.pool.run(job)
            assert answer is not None
            return answer
        safety.precheck(request.text, max_bytes=0)
        safety.check_query(request.text, self.graph_exists, request.base)
        if isinstance(self.store, OxigraphStore):
            return evaluate(self.store, job, self.row_limit, self.byte_limit)
        body, media_type = self.store.serialized_query(
            job.sparql, results_format=job.results_format or "json",
            rdf_format=job.rdf_format or "turtle",
            default_graphs=job.default_graphs, named_graphs=job.named_graphs)
        return Answer(body, media_type)

    def update(self, request: ProtocolRequest) -> None:
        """Run a SPARQL Update (the caller has checked the write token); the tallies of the
        graphs it writes are recounted (:func:`kg.aggregates.raw.kept_current`).

        ``using-graph-uri`` / ``using-named-graph-uri`` become USING clauses
        (:func:`kg.sparql.dataset.with_using`), checked like any other.
        """
        safety.check_size(request.text, self.max_query_bytes, kind="update")
        using = self.using_allowed
        safety.check_dataset(request.default_graphs, "using-graph-uri", using)
        safety.check_dataset(request.named_graphs, "using-named-graph-uri", using)
        text = with_using(request.text, request.default_graphs, request.named_graphs)
        if self.pool is not None:  # the worker analyses it (kg.sparql.worker.run_job)
            self.pool.run(UpdateCheck(text, request.base))
        else:
            safety.precheck(text, max_bytes=0, kind="update")
            safety.check_update(text, using, request.base)
        from kg.aggregates.raw import graphs_written, kept_current

        with self.writing(), kept_current(self.store, graphs_written(text)):
            self.store.update(text, base_iri=request.base)

    def using_allowed(self, iri: str) -> bool:
        """Whether an update may name ``iri`` in USING: any graph on the embedded store
        (:func:`kg.sparql.safety.any_graph`), only a graph it holds on a remote server,
        which might dereference the IRI."""
        return isinstance(self.store, OxigraphStore) or self.graph_exists(iri)

    def writing(self) -> threading.Lock:
        """Hold while writing to the store: no worker (query or page) is forked mid-write."""
        return self.write_lock

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.close()
