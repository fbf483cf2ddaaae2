"""``sparql:URL``: a store on any SPARQL 1.1 server (Query, Update, Graph Store protocols).

Tested against Oxigraph server and Virtuoso 7 (tests/servers.py starts both on
loopback). The server must answer queries over the union of its named graphs
as the default graph: start Oxigraph with ``--union-default-graph``; Virtuoso
does this by itself, but its default graph also holds Virtuoso's own system
graphs (about 2,500 triples in a fresh 7.2.5) unless they are made private
to the endpoint's users (the isql commands are in the README's store
section; tests/servers.py runs them). The store leaves the known system graphs
(:data:`~kg.store.remote_config.VIRTUOSO_SYSTEM_GRAPHS`, or ``hide=``) out of
:meth:`SparqlStore.graphs`, ``len()`` and exports in any case. Virtuoso's
``DEFINE input:default-graph-exclude`` pragma was measured to break
``GRAPH <iri>`` patterns (``ASK`` true, ``COUNT(*)`` 1 for a graph that does
not exist), so it is not used.

Writes: :meth:`SparqlStore.replace_graph` sends one update request
``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> {...} } ; ...`` (the data in
chunks of :data:`CHUNK` triples, as Virtuoso's parser runs out of memory near
5,000 triples in one ``INSERT DATA``). Oxigraph server runs a request as one
transaction. Virtuoso commits each operation of a request separately
(measured: a request whose third operation fails keeps the first two), so
there a failed or interrupted replace can leave the article absent — never
half-written by this client, which sends each article in one request.

Reading: variables are bound with a ``VALUES`` block
(:func:`kg.store.querytext.bind_values`), answers are parsed from SPARQL JSON
results and N-Triples, and exports stream from the server's answer through
pyoxigraph's serialisers.
"""

from __future__ import annotations

import io
import json
import os
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from http.client import HTTPResponse
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import formats
from kg.errors import QueryError, StoreError
from kg.store.base import RESULTS_MEDIA_TYPES, Bindings, SelectResult, Store, Triple
from kg.store.http import HttpClient, read_body
from kg.store.querytext import bind_values, ntriples_body, quad_line, query_form
from kg.store.remote_config import RemoteConfig, parse_config
from kg.store.terms import to_oxigraph, to_rdflib
from kg.vocab import PREFIXES

CHUNK = 2000
"""Triples per ``INSERT DATA`` operation."""
LOAD_BATCH = 50_000
"""Triples per request when loading a file without a Graph Store endpoint."""
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NT = "application/n-triples"
_JSON = "application/sparql-results+json"


def json_term(value: dict[str, str]) -> Node:
    """An rdflib term from one binding of SPARQL JSON results (also Virtuoso's ``typed-literal``)."""
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text.removeprefix("nodeID://"))
    if kind in ("literal", "typed-literal"):
        datatype = value.get("datatype")
        if value.get("xml:lang"):
            return Literal(text, lang=value["xml:lang"])
        return Literal(text, datatype=URIRef(datatype) if datatype and datatype != _XSD_STRING
                       else None)
    raise StoreError(f"unsupported term in the server's answer: {kind!r}")


class SparqlStore(Store):
    """A store kept by a SPARQL 1.1 server."""

    cache_reads = False  # other clients may write to the server: read afresh every time

    def __init__(self, config: RemoteConfig) -> None:
        self._config = config
        self.uri = f"sparql:{config.query_url}"
        self._ready: RemoteConfig | None = config if config.dialect != "auto" else None
        if self._ready is not None:
            self._ready = config.resolved(config.dialect)
        self._client = self._make_client(self._ready or config)

    @staticmethod
    def _make_client(config: RemoteConfig) -> HttpClient:
        urls = [u for u in (config.query_url, config.update_url, config.gsp_url) if u]
        return HttpClient(config.http, urls)

    @property
    def config(self) -> RemoteConfig:
        """The configuration with the server's dialect found out (asks the server once)."""
        if self._ready is None:
            response = self._client.send("GET", self._config.query_url,
                                         params=[("query", "ASK {}")], headers={"Accept": _JSON})
            server = response.headers.get("Server", "")
            read_body(response, self._config.query_url)
            dialect = ("virtuoso" if "virtuoso" in server.lower()
                       else "oxigraph" if server.lower().startswith("oxigraph") else "standard")
            self._ready = self._config.resolved(dialect)
            self._client = self._make_client(self._ready)
        return self._ready

    # ------------------------------------------------------------------ sending
    def _query(self, sparql: str, accept: str, default_graphs: Sequence[str] = (),
               named_graphs: Sequence[str] = ()) -> HTTPResponse:
        config = self.config
        params = [("query", sparql)]
        params += [("default-graph-uri", g) for g in default_graphs]
        params += [("named-graph-uri", g) for g in named_graphs]
        response = self._client.send(
            "POST", config.query_url, body=urllib.parse.urlencode(params).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        if response.headers.get("X-SPARQL-MaxRows"):
            response.close()
            raise StoreError(f"the server cut the answer at {response.headers['X-SPARQL-MaxRows']}"
                             " rows (raise Virtuoso's [SPARQL] ResultSetMaxRows)", where=self.uri)
        return response

    def _json(self, sparql: str, bindings: Bindings | None) -> dict:
        response = self._query(bind_values(sparql, bindings), _JSON)
        return self._decode(read_body(response, self.config.query_url))

    def _triples(self, response: HTTPResponse) -> Iterator[ox.Quad]:
        """Parse an RDF answer as it arrives."""
        media = response.headers.get_content_type()
        fmt = formats.rdf_format_for_media_type(media)
        oxformat = getattr(ox.RdfFormat, fmt.oxigraph_name) if fmt else ox.RdfFormat.N_TRIPLES
        with response:
            try:
                yield from ox.parse(response, oxformat)
            except SyntaxError as error:
                raise StoreError(f"cannot parse the server's {media} answer: {error}",
                                 where=self.uri) from error
            except OSError as error:
                raise StoreError(f"the server's answer broke off: {error}",
                                 where=self.uri) from error

    def _update(self, sparql: str, idempotent: bool) -> None:
        config = self.config
        try:
            response = self._client.send(
                "POST", config.update_url or config.query_url,
                body=urllib.parse.urlencode([("update", sparql)]).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                idempotent=idempotent)
            read_body(response, config.update_url or config.query_url)
        finally:
            self.generation += 1

    # ------------------------------------------------------------------ writing
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        name = str(to_oxigraph(graph))
        lines, blank = ntriples_body(triples)
        operations = [f"DROP SILENT GRAPH {name}"]
        if lines and blank:  # one operation: blank-node labels are scoped to it
            body = "\n".join(lines)
            operations.append(f"INSERT {{ GRAPH {name} {{\n{body}\n}} }} WHERE {{}}"
                              if self.config.dialect == "virtuoso"  # no blank nodes in its DATA
                              else f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
        elif lines:
            operations += [f"INSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines[i:i + CHUNK])
                           + "\n} }" for i in range(0, len(lines), CHUNK)]
        self._update(" ;\n".join(operations), idempotent=True)

    def drop_graph(self, graph: URIRef) -> bool:
        name = str(to_oxigraph(graph))
        if not self.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": graph}):
            return False
        self._update(f"DROP SILENT GRAPH {name}", idempotent=True)
        return True

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        prologue = f"BASE {to_oxigraph(URIRef(base_iri))}\n" if base_iri else ""
        self._update(prologue + sparql, idempotent=False)

    def load(self, source: BinaryIO, rdf_format_name: str, graph: URIRef | None = None, *,
             atomic: bool = True) -> None:
        """Parse ``source`` whole (so a syntax error writes nothing), then send graph by graph.

        Each graph goes in one Graph Store POST (or in update requests of
        :data:`LOAD_BATCH` triples without a Graph Store endpoint); ``atomic``
        changes nothing here.
        """
        fmt = formats.rdf_format(rdf_format_name)
        target = to_oxigraph(graph) if graph is not None else ox.DefaultGraph()
        per_graph: dict[object, list[str]] = {}
        try:
            for quad in ox.parse(source, getattr(ox.RdfFormat, fmt.oxigraph_name)):
                name = quad.graph_name
                key = target if isinstance(name, ox.DefaultGraph) else name
                per_graph.setdefault(key, []).append(quad_line(quad))
        except SyntaxError as error:
            raise QueryError(f"cannot parse {fmt.name}: {error}") from error
        for name, lines in per_graph.items():
            self._send_lines(name, lines)

    def _send_lines(self, name: object, lines: list[str]) -> None:
        config = self.config
        try:
            if config.gsp_url:
                where = [("default", "")] if isinstance(name, ox.DefaultGraph) else \
                    [("graph", name.value)]  # type: ignore[attr-defined]
                body = ("\n".join(lines) + "\n").encode("utf-8")
                read_body(self._client.send("POST", config.gsp_url, params=where, body=body,
                                            headers={"Content-Type": _NT}), config.gsp_url)
                return
            open_graph = "" if isinstance(name, ox.DefaultGraph) else f"GRAPH {name} {{"
            close_graph = "" if not open_graph else "}"
            for start in range(0, len(lines), LOAD_BATCH):
                batch = lines[start:start + LOAD_BATCH]
                operations = [f"INSERT DATA {{ {open_graph}\n" + "\n".join(batch[i:i + CHUNK])
                              + f"\n{close_graph} }}" for i in range(0, len(batch), CHUNK)]
                self._update(" ;\n".join(operations), idempotent=True)
        finally:
            self.generation += 1

    # ------------------------------------------------------------------ reading
    def _visible(self) -> str:
        """A FILTER leaving out the hidden graphs (Virtuoso's own), or nothing."""
        hidden = self.config.hidden_graphs
        return f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in hidden)}))" if hidden else ""

    def graphs(self) -> list[URIRef]:
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._visible()} }}")
        return [g for g in rows.column("g") if isinstance(g, URIRef)]

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        if query_form(sparql) != "SELECT":
            raise QueryError("expected a SELECT query")
        answer = self._json(sparql, bindings)
        variables = list(answer.get("head", {}).get("vars", []))
        rows = [{var: json_term(value) for var, value in row.items()}
                for row in answer.get("results", {}).get("bindings", [])]
        return SelectResult(variables, rows)

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        return self._ask(bind_values(sparql, bindings))

    def _ask(self, sparql: str, default_graphs: Sequence[str] = (),
             named_graphs: Sequence[str] = ()) -> bool:
        if query_form(sparql) != "ASK":
            raise QueryError("expected an ASK query")
        response = self._query(sparql, _JSON, default_graphs, named_graphs)
        return bool(self._decode(read_body(response, self.config.query_url)).get("boolean"))

    def _decode(self, body: bytes) -> dict:
        try:
            return json.loads(body)
        except ValueError as error:
            raise StoreError(f"the server's answer is not SPARQL JSON: {error}",
                             where=self.uri) from error

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        if query_form(sparql) not in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for quad in self._triples(self._query(bind_values(sparql, bindings), _NT)):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate),
                       to_rdflib(quad.object)))
        return graph

    def construct_to(self, out: BinaryIO, sparql: str, rdf_format_name: str,
                     bindings: Bindings | None = None) -> None:
        if query_form(sparql) not in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        triples = self._triples(self._query(bind_values(sparql, bindings), _NT))
        self._serialize(triples, out, formats.rdf_format(rdf_format_name))

    def serialized_query(self, sparql: str, *, results_format: str = "json",
                         rdf_format: str = "turtle", default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = ()) -> tuple[bytes, str]:
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            fmt = formats.rdf_format(rdf_format)
            out = io.BytesIO()
            self._serialize(self._triples(self._query(sparql, _NT, default_graphs, named_graphs)),
                            out, fmt)
            return out.getvalue(), fmt.media_type
        if results_format not in RESULTS_MEDIA_TYPES:
            raise QueryError(f"unknown results format {results_format!r}")
        if form == "ASK":
            truth = self._ask(sparql, default_graphs, named_graphs)
            body = json.dumps({"head": {}, "boolean": truth}).encode()
        else:
            body = read_body(self._query(sparql, _JSON, default_graphs, named_graphs),
                             self.config.query_url)
        try:
            answer = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        except SyntaxError as error:
            raise StoreError(f"the server's answer is not SPARQL JSON: {error}",
                             where=self.uri) from error
        out_format = getattr(ox.QueryResultsFormat, results_format.upper())
        return answer.serialize(format=out_format), RESULTS_MEDIA_TYPES[results_format]

    def __len__(self) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                           f"{self._visible()} }}")
        return int(rows.column("n")[0]) if rows.rows else 0

    # ------------------------------------------------------------------ exporting
    def _graph_quads(self, graph: URIRef) -> Iterator[ox.Quad]:
        """The triples of one graph, read with the Graph Store protocol when there is one."""
        config = self.config
        name = to_oxigraph(graph)
        if config.gsp_url:
            response = self._client.send("GET", config.gsp_url, params=[("graph", str(graph))],
                                         headers={"Accept": _NT}, allow=(404,))
            if response.status == 404:
                response.close()
                return
        else:  # CONSTRUCT answers may be cut by a server's row limit; the GSP's are not
            response = self._query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} "
                                   "{ ?s ?p ?o } }", _NT)
        for quad in self._triples(response):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, name)

    def _serialize(self, quads: Iterable[ox.Quad], out: BinaryIO, fmt: formats.RdfFormat) -> None:
        from kg.store.jsonld import write_jsonld

        if fmt.name == "jsonld":
            write_jsonld(quads, out, PREFIXES)
            return
        if not fmt.datasets:
            quads = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)  # type: ignore[assignment]
        ox.serialize(quads, out, getattr(ox.RdfFormat, fmt.oxigraph_name), prefixes=PREFIXES)

    def dump(self, out: BinaryIO, rdf_format_name: str, graph: URIRef | None = None) -> None:
        """Stream one graph, or every graph one after the other (a triple shared by two
        graphs appears twice in a triples format: the same graph once parsed)."""
        fmt = formats.rdf_format(rdf_format_name)
        names = [graph] if graph is not None else self.graphs()
        quads = (quad for name in names for quad in self._graph_quads(name))
        if graph is not None and fmt.name == "jsonld":  # one graph: its triples (see Store.dump)
            quads = (ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
        self._serialize(quads, out, fmt)


def open_sparql(rest: str) -> SparqlStore:
    """Factory for ``sparql:URL`` (options: :mod:`kg.store.remote_config`)."""
    return SparqlStore(parse_config(rest, os.environ))
