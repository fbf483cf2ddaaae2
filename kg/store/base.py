"""The :class:`Store` interface every backend implements.

A store holds one named graph per article (named by the article URI) and
answers SPARQL with the union of all graphs as its default graph. Writes are
per article: :meth:`Store.replace_graph` writes a graph in one request or
transaction (see each backend for what its server guarantees).

Backends: :mod:`kg.store.oxigraph` (``oxigraph:PATH``, ``memory:``) and
:mod:`kg.store.remote` (``sparql:URL``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TypeVar

from rdflib import Graph, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
T = TypeVar("T")
CACHE_ENTRIES = 128
"""Answers (non-string keys) :meth:`Store.cached` keeps per generation; whole-store reads are apart."""
Bindings = Mapping[str, Node]
LINKS = "SELECT ?p WHERE { ?s ?p ?o }"
"""The predicates linking ``?s`` to ``?o`` (both bound): :meth:`Store.links`."""

RESULTS_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


@dataclass
class SelectResult:
    """Rows of a SELECT query: ``rows[i][var]`` is an rdflib term or absent."""

    variables: list[str]
    rows: list[dict[str, Node]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Node]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, var: str) -> list[Node]:
        """Return the bound values of ``var``, skipping unbound rows."""
        return [row[var] for row in self.rows if var in row]


class Store(ABC):
    """A quad store holding one named graph per article."""

    uri: str
    generation: int = 0
    """Incremented by every write; query workers and caches use it to notice change."""
    cache_reads: bool = True
    """Whether :meth:`cached` may keep values: not when other clients write the store too."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Atomically replace the content of named graph ``graph``."""

    @abstractmethod
    def drop_graph(self, graph: URIRef) -> bool:
        """Delete named graph ``graph``; return whether it existed."""

    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """Return the names of all named graphs."""

    @abstractmethod
    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        """Run a SELECT query, with ``bindings`` substituted for variables."""

    def select_text(self, sparql: str, bindings: Bindings | None = None
                    ) -> list[tuple[str | None, ...]]:
        """Rows of a SELECT as tuples of lexical values (``None`` when unbound), in the order
        of the query's variables: for reading many rows fast (backends may override)."""
        result = self.select(sparql, bindings)
        return [tuple(None if row.get(v) is None else str(row[v]) for v in result.variables)
                for row in result.rows]

    def links(self, subject: URIRef, obj: URIRef) -> list[str]:
        """The predicates from ``subject`` to ``obj`` in any graph, each once (backends with
        their own indexes override this: one bound lookup, not a query).

        >>> from kg.store import open_store
        >>> store = open_store("memory:")
        >>> store.update("INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> <http://e/o> } }")
        >>> store.links(URIRef("http://e/s"), URIRef("http://e/o")), store.links(URIRef("http://e/o"), URIRef("http://e/s"))
        (['http://e/p'], [])
        """
        rows = self.select_text(LINKS, {"s": subject, "o": obj})
        return list(dict.fromkeys(str(p) for (p,) in rows))

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered until the next write (:attr:`generation`).

        The cache lives on the store object, so each app or command has its own;
        entries of an older generation are dropped at the first look after a write. A key
        that is a string names a read of the whole store (an index, an order, the tallies:
        a few dozen names in the code, some costing seconds at 100,000 articles) and is kept
        for the generation; any other key (a tuple naming one request's answer) counts
        against :data:`CACHE_ENTRIES`, the least recently used forgotten first, so that
        many distinct requests never push out the indexes every page reads.

        >>> from kg.store import open_store
        >>> store, calls = open_store("memory:"), []
        >>> _ = store.cached("k", lambda: calls.append(1)); _ = store.cached("k", lambda: calls.append(1))
        >>> store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")
        >>> _ = store.cached("k", lambda: calls.append(1)); len(calls)
        2
        """
        if not self.cache_reads:
            return compute()
        generation, values = self.__dict__.get("_cache", (None, {}))
        if generation != self.generation:
            values = {}
            self.__dict__["_cache"] = (self.generation, values)
        if key in values:
            if not isinstance(key, str):
                values[key] = values.pop(key)  # the most recently used answer goes last
            return values[key]  # type: ignore[no-any-return]
        if not isinstance(key, str):  # many distinct requests: forget the least recently used
            answers = [k for k in values if not isinstance(k, str)]
            if len(answers) >= CACHE_ENTRIES:
                values.pop(answers[0])
        values[key] = compute()
        return values[key]  # type: ignore[no-any-return]

    def holds(self, key: Hashable) -> bool:
        """Whether :meth:`cached` keeps a value of ``key`` for the current generation (so
        reading it costs nothing now).

        >>> from kg.store import open_store
        >>> store = open_store("memory:")
        >>> before = store.holds("k"); _ = store.cached("k", lambda: 1); before, store.holds("k")
        (False, True)
        """
        generation, values = self.__dict__.get("_cache", (None, {}))
        return self.cache_reads and generation == self.generation and key in values

    @abstractmethod
    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        """Run an ASK query."""

    @abstractmethod
    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query and return an rdflib graph."""

    @abstractmethod
    def serialized_query(self, sparql: str, *, results_format: str = "json",
                         rdf_format: str = "turtle", default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = ()) -> tuple[bytes, str]:
        """Run any query form and return ``(body, media_type)``.

        SELECT/ASK answers use ``results_format`` (json, xml, csv, tsv);
        CONSTRUCT/DESCRIBE use ``rdf_format`` (a name of :mod:`kg.formats`).
        ``default_graphs``/``named_graphs`` restrict the dataset as in the
        SPARQL protocol; by default the default graph is the union of all graphs.
        """

    @abstractmethod
    def dump(self, out: BinaryIO, rdf_format: str, graph: URIRef | None = None) -> None:
        """Stream the store (or one graph) to ``out`` in a format of :mod:`kg.formats`.

        The whole store in a triples format is the union of the graphs. One
        graph in TriG or N-Quads keeps its name; in JSON-LD (often read as a
        plain graph, as in the Graph Store protocol) it is the graph's triples.
        """

    @abstractmethod
    def load(self, source: BinaryIO, rdf_format: str, graph: URIRef | None = None, *,
             atomic: bool = True) -> None:
        """Load RDF from ``source``; quads keep their graphs, triples go to ``graph``.

        A syntax error raises :class:`~kg.errors.QueryError` (with pyoxigraph's
        line and column). ``atomic=False`` lets a backend use a faster loader
        that may leave part of the file behind if the process dies.
        """

    @abstractmethod
    def construct_to(self, out: BinaryIO, sparql: str, rdf_format: str,
                     bindings: Bindings | None = None) -> None:
        """Stream the answer of a CONSTRUCT or DESCRIBE query to ``out`` in ``rdf_format``."""

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update, relative IRIs against ``base_iri`` (backends that accept one
        override this)."""
        from kg.errors import StoreError

        raise StoreError(f"{type(self).__name__} does not accept SPARQL Update", where=self.uri)

    @abstractmethod
    def __len__(self) -> int:
        """Return the number of quads."""

    def flush(self) -> None:
        """Write buffered changes to disk (a store with no buffer: nothing to do)."""

    def close(self) -> None:
        """Release the store's resources."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
