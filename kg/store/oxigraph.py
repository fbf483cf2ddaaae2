"""Embedded Oxigraph backend: on disk (``oxigraph:PATH``) or in memory (``memory:``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import QueryError, StoreError
from kg import formats
from kg.vocab import PREFIXES
from kg.store.base import RESULTS_MEDIA_TYPES, Bindings, SelectResult, Store, Triple
from kg.store.jsonld import write_jsonld
from kg.store.querytext import bind_values, ntriples_body
from kg.store.terms import to_oxigraph, to_rdflib


class OxigraphStore(Store):
    """A pyoxigraph store; ``path=None`` keeps everything in memory.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> store = OxigraphStore()
    >>> g = URIRef("http://example.org/g")
    >>> store.replace_graph(g, [(URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal(1))])
    >>> store.select("SELECT ?o WHERE { ?s ?p ?o }").column("o")
    [rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))]
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.uri = f"oxigraph:{self.path}" if self.path else "memory:"
        try:
            if self.path is not None:
                self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path) if self.path else None)
        except OSError as error:
            raise StoreError(f"cannot open store: {error}", where=str(self.path)) from error

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        # One SPARQL update is one transaction in Oxigraph: the graph is
        # swapped whole or, if anything fails (or the process dies), not at all.
        name = to_oxigraph(graph)
        lines, _ = ntriples_body(triples)
        body = "\n".join(lines)
        self._update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")

    def drop_graph(self, graph: URIRef) -> bool:
        name = to_oxigraph(graph)
        if not self._store.contains_named_graph(name):
            return False
        self._update(f"DROP GRAPH {name}")
        return True

    def graphs(self) -> list[URIRef]:
        return [URIRef(g.value) for g in self._store.named_graphs()]

    def has_graph(self, iri: str) -> bool:
        """Whether the store holds the named graph ``iri`` (False for a malformed IRI).

        >>> OxigraphStore().has_graph("http://example.org/g"), OxigraphStore().has_graph("a b")
        (False, False)
        """
        try:
            return self._store.contains_named_graph(ox.NamedNode(iri))
        except ValueError:
            return False

    def _query(self, sparql: str, bindings: Bindings | None):
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            try:
                return self._store.query(sparql, use_default_graph_as_union=True,
                                         substitutions=substitutions)
            except RuntimeError:
                if not substitutions:
                    raise
                # pyoxigraph substitutes projected variables only; a VALUES join binds any
                # variable, as the remote backend does (kg.store.querytext.bind_values).
                return self._store.query(bind_values(sparql, bindings),
                                         use_default_graph_as_union=True)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL: {error}") from error
        except RuntimeError as error:
            raise QueryError(f"query rejected: {error}") from error
        except OSError as error:
            raise StoreError(f"query failed: {error}") from error

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        solutions = self._query(sparql, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in solutions.variables]
        rows = []
        for solution in solutions:
            row = {}
            for var in variables:
                value = solution[var]
                if value is not None:
                    row[var] = to_rdflib(value)
            rows.append(row)
        return SelectResult(variables, rows)

    def select_text(self, sparql: str, bindings: Bindings | None = None
                    ) -> list[tuple[str | None, ...]]:
        """Rows as tuples of lexical values, without building rdflib terms (several times faster).

        >>> OxigraphStore().select_text("SELECT ?x ?y { VALUES ?x { 1 } }")
        [('1', None)]
        """
        solutions = self._query(sparql, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        return [tuple(None if term is None else term.value for term in solution)  # in the
                for solution in solutions]  # variables' order; faster than looking each up

    def links(self, subject: URIRef, obj: URIRef) -> list[str]:
        """One lookup in the store's object-subject index (a SPARQL query per pair costs about
        five times as much, parsing and planning included)."""
        quads = self._store.quads_for_pattern(to_oxigraph(subject), None, to_oxigraph(obj))
        return list(dict.fromkeys(quad.predicate.value for quad in quads))

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        answer = self._query(sparql, bindings)
        if not isinstance(answer, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(answer)

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        triples = self._query(sparql, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in triples:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate),
                       to_rdflib(triple.object)))
        return graph

    def dump(self, out: BinaryIO, rdf_format_name: str, graph: URIRef | None = None) -> None:
        fmt = formats.rdf_format(rdf_format_name)
        from_graph = to_oxigraph(graph) if graph is not None else None
        if from_graph is not None and fmt.name == "jsonld":  # one graph: its triples
            self._serialize((q.triple for q in self._quads(from_graph)), out, fmt)
        elif fmt.name == "jsonld" or (from_graph is not None and fmt.datasets):
            self._serialize(self._quads(from_graph), out, fmt)  # quads keep the graph's name
        elif from_graph is None and not fmt.datasets:  # the union of the graphs
            self._serialize(self._union_triples(), out, fmt)
        else:
            self._store.dump(out, format=getattr(ox.RdfFormat, fmt.oxigraph_name),
                             from_graph=from_graph, prefixes=PREFIXES)

    def dump_default_graph(self, out: BinaryIO, rdf_format_name: str) -> None:
        """Serialise the store's own default graph (not the union of the graphs)."""
        fmt = formats.rdf_format(rdf_format_name)
        quads = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        self._serialize((quad.triple for quad in quads), out, fmt)

    def _union_triples(self) -> Iterator[ox.Triple]:
        """The triples of every graph in turn, streamed in constant memory.

        A triple held by two graphs (a shared actor's label) is written twice,
        which every RDF parser reads as one statement. Deduplicating costs either
        an in-memory set (a CONSTRUCT: +216 MB at 1M triples) or an index lookup
        per triple (2.8x raw pyoxigraph's export time on disk); both measured.
        """
        for quad in self._quads(None):
            yield quad.triple

    def _quads(self, graph: ox.NamedNode | None) -> Iterator[ox.Quad]:
        """Quads graph by graph (the default graph first), each graph in subject order."""
        names = [graph] if graph is not None else [ox.DefaultGraph(), *self._store.named_graphs()]
        for name in names:
            yield from self._store.quads_for_pattern(None, None, None, name)

    @staticmethod
    def _serialize(triples: Iterable[ox.Triple | ox.Quad], out: BinaryIO,
                   fmt: formats.RdfFormat) -> None:
        if fmt.name == "jsonld":
            write_jsonld(triples, out, PREFIXES)
        else:
            ox.serialize(triples, out, getattr(ox.RdfFormat, fmt.oxigraph_name),
                         prefixes=PREFIXES)

    def construct_to(self, out: BinaryIO, sparql: str, rdf_format_name: str,
                     bindings: Bindings | None = None) -> None:
        triples = self._query(sparql, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        self._serialize(triples, out, formats.rdf_format(rdf_format_name))

    def load(self, source: BinaryIO, rdf_format_name: str, graph: URIRef | None = None, *,
             atomic: bool = True) -> None:
        """Load RDF; ``atomic=False`` uses pyoxigraph's bulk loader (fast, not transactional)."""
        fmt = formats.rdf_format(rdf_format_name)
        oxformat = getattr(ox.RdfFormat, fmt.oxigraph_name)
        to_graph = to_oxigraph(graph) if graph is not None else None
        loader = self._store.load if atomic else self._store.bulk_load
        try:
            loader(source, format=oxformat, to_graph=to_graph)
        except SyntaxError as error:
            raise QueryError(f"cannot parse {fmt.name}: {error}") from error
        except OSError as error:
            raise StoreError(f"write failed: {error}", where=self.uri) from error
        finally:
            self.generation += 1

    def serialized_query(self, sparql: str, *, results_format: str = "json",
                         rdf_format: str = "turtle", default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = ()) -> tuple[bytes, str]:
        dataset: dict[str, object] = {"use_default_graph_as_union": not default_graphs}
        if default_graphs:
            dataset["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            answer = self._store.query(sparql, **dataset)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL: {error}") from error
        except (OSError, ValueError, RuntimeError) as error:  # RuntimeError: unknown function
            raise QueryError(f"query failed: {error}") from error
        if isinstance(answer, ox.QueryTriples):
            fmt = formats.rdf_format(rdf_format)
            body = ox.serialize(answer, format=getattr(ox.RdfFormat, fmt.oxigraph_name),
                                prefixes=PREFIXES)
            return body, fmt.media_type
        if results_format not in RESULTS_MEDIA_TYPES:
            raise QueryError(f"unknown results format {results_format!r}")
        body = answer.serialize(format=getattr(ox.QueryResultsFormat, results_format.upper()))
        return body, RESULTS_MEDIA_TYPES[results_format]

    def native_query(self, sparql: str, *, default_graphs: Sequence[str] = (),
                     named_graphs: Sequence[str] = (), base_iri: str | None = None
                     ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query and return pyoxigraph's own (lazy) answer.

        The dataset options are those of :meth:`serialized_query`; relative
        IRIs resolve against ``base_iri``. Used by :mod:`kg.sparql`, which
        streams the answer with a row cap.
        """
        protocol_dataset = bool(default_graphs or named_graphs)
        union = not protocol_dataset and not has_dataset_clause(sparql)
        dataset: dict[str, object] = {"use_default_graph_as_union": union}
        if default_graphs:
            dataset["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(sparql, base_iri=base_iri, **dataset)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL: {error}") from error
        except (OSError, ValueError, RuntimeError) as error:  # RuntimeError: unknown function
            raise QueryError(f"query failed: {error}") from error

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        self._update(sparql, base_iri)

    def _update(self, sparql: str, base_iri: str | None = None) -> None:
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL update: {error}") from error
        except (RuntimeError, ValueError) as error:  # CREATE of a graph that exists, ...
            raise QueryError(f"update failed: {error}") from error
        except OSError as error:
            raise StoreError(f"write failed: {error}", where=self.uri) from error
        finally:
            self.generation += 1

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        """Write an on-disk store's buffered changes to disk (Oxigraph holds them in memory)."""
        if self.path is None or self._store is None:
            return
        try:
            self._store.flush()
        except OSError as error:  # e.g. a full disk: say so in one line, not a traceback
            raise StoreError(f"cannot flush the store: {error}", where=self.uri) from error

    def close(self) -> None:
        """Flush an on-disk store and release it (and its directory lock) for other processes."""
        if self.path is None:
            return  # a memory store lives as long as its object
        try:
            self.flush()
        finally:
            self._store = None  # pyoxigraph releases the RocksDB lock when the handle goes


def open_oxigraph(path: str) -> OxigraphStore:
    """Factory for ``oxigraph:PATH``."""
    return OxigraphStore(path or "./data/kg")


def open_memory(_: str) -> OxigraphStore:
    """Factory for ``memory:``."""
    return OxigraphStore(None)


def has_dataset_clause(sparql: str) -> bool:
    """Whether a query names its own dataset (``FROM`` / ``FROM NAMED``).

    Such a query sees only the graphs it names; without one the default graph
    is the union of the store's named graphs. A query rdflib cannot parse is
    left to the engine, which reports the syntax error.

    >>> has_dataset_clause("SELECT * FROM <http://example.org/g> { ?s ?p ?o }")
    True
    >>> has_dataset_clause("SELECT * { ?s ?p 'from' }  # FROM <x>")
    False
    """
    if "from" not in sparql.lower():  # no parse (tens of ms) for the queries that cannot
        return False
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        prologue_and_query = parseQuery(sparql)
    except (ParseBaseException, RecursionError):
        return False
    return isinstance(prologue_and_query[1].get("datasetClause", None), list)
