"""The SPARQL 1.1 Graph Store HTTP protocol: named graphs, the default graph, new graphs.

A request names its graph indirectly (``?graph=IRI``), directly (the
request's own URL is the graph's IRI) or as ``?default``: the store's own
default graph, which SPARQL Update writes to by default (the endpoint's
queries see it as part of the union of all graphs). A POST that names no
graph creates one and answers its IRI (:func:`new_graph_iri`).

GET returns a graph; PUT replaces it atomically (an empty body leaves an
empty graph); POST adds to it (a ``multipart/form-data`` body may carry
several RDF documents); DELETE drops it. Bodies are parsed before the write
lock is taken (:func:`parse_body`, :func:`parse_parts`), with the graph's IRI
as their base. The web layer checks the write token before writing.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> target = graph_target("urn:x:g", False)
>>> body = parse_body("PUT", b"<urn:x:a> <urn:x:b> 1 .", "text/turtle", target.base)
>>> graph_write(store, "PUT", target, body)
201
>>> graph_get(store, target, "nt")[0]
b'<urn:x:a> <urn:x:b> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n'
>>> graph_write(store, "DELETE", target, [])
204
>>> graph_get(store, target, "nt")
Traceback (most recent call last):
...
kg.errors.NotFound: no graph <urn:x:g> in this store
>>> graph_write(store, "PUT", graph_target(None, True), body), len(store)
(204, 1)
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from kg.errors import InputError, NotFound, QueryError
from kg.formats import rdf_format, rdf_format_for_media_type
from kg.rdfinput import parse_untrusted
from kg.store import Store
from kg.store.base import Triple
from kg.store.oxigraph import OxigraphStore
from kg.store.querytext import ntriples_body
from kg.store.terms import to_oxigraph, to_rdflib

GRAPH_FORMATS = ("turtle", "nt", "rdfxml", "jsonld")


@dataclass(frozen=True)
class GraphTarget:
    """The graph a request names: ``iri``, or the default graph when ``iri`` is None."""

    iri: URIRef | None
    base: str = ""

    @property
    def label(self) -> str:
        """How messages name the graph."""
        return f"<{self.iri}>" if self.iri is not None else "the default graph"


def graph_target(graph: str | None, default: bool, base: str = "") -> GraphTarget:
    """Read ``?graph=IRI`` / ``?default`` (or a direct IRI given as ``graph``).

    >>> graph_target("http://example.org/g", False).label
    '<http://example.org/g>'
    >>> graph_target("g", False)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: graph='g' is not an absolute IRI
    """
    if default and graph:
        raise QueryError("send either ?graph=IRI or ?default, not both")
    if default:
        return GraphTarget(None, base)
    if not graph:
        raise QueryError("missing ?graph=IRI (or ?default)")
    if not graph.startswith(("http://", "https://", "urn:")):
        raise QueryError(f"graph={graph!r} is not an absolute IRI")
    return GraphTarget(URIRef(graph), graph)


def new_graph_iri(graph_store_url: str) -> str:
    """A fresh graph IRI under the Graph Store's URL, for a POST that names no graph.

    >>> new_graph_iri("http://localhost/sparql/graph").startswith("http://localhost/sparql/graph/")
    True
    """
    return f"{graph_store_url.rstrip('/')}/{uuid.uuid4().hex}"


def graph_get(store: Store, target: GraphTarget, format_name: str) -> tuple[bytes, str]:
    """Serialise one graph; :class:`NotFound` if the store does not hold it."""
    fmt = rdf_format(format_name)
    if fmt.datasets and fmt.name != "jsonld":
        fmt = rdf_format("turtle")
    out = io.BytesIO()
    if target.iri is None:
        if not isinstance(store, OxigraphStore):
            raise QueryError("?default is served only over the embedded Oxigraph store")
        store.dump_default_graph(out, fmt.name)
        return out.getvalue(), fmt.media_type
    if target.iri not in set(store.graphs()):
        raise NotFound(f"no graph {target.label} in this store")
    store.dump(out, fmt.name, target.iri)
    return out.getvalue(), fmt.media_type


def parse_body(method: str, body: bytes, mimetype: str | None, base: str = "") -> list[Triple]:
    """The triples a PUT or POST carries (none for DELETE): parse before taking the write lock."""
    if method not in ("PUT", "POST"):
        return []
    fmt = rdf_format_for_media_type(mimetype or "")
    if fmt is None or fmt.name not in GRAPH_FORMATS:
        raise InputError(f"unsupported Content-Type {mimetype!r} for a graph (use text/turtle, "
                         "application/n-triples, application/rdf+xml, application/ld+json "
                         "or multipart/form-data)", where="request body")
    return [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
            for q in parse_untrusted(body, fmt.name, "request body", base_iri=base or None)]


def parse_parts(parts: Iterable[tuple[bytes, str | None]], base: str = "") -> list[Triple]:
    """The triples of a ``multipart/form-data`` POST: each part is an RDF document of its own type."""
    triples: list[Triple] = []
    for body, mimetype in parts:
        triples.extend(parse_body("POST", body, mimetype, base))
    if not triples and not parts:
        raise InputError("a multipart/form-data body without any file part", where="request body")
    return triples


def graph_write(store: Store, method: str, target: GraphTarget, triples: list[Triple]) -> int:
    """Apply a PUT, POST or DELETE of parsed ``triples``; return the HTTP status (201, 204).
    The tallies of a named graph written are recounted (:func:`kg.aggregates.raw.kept_current`);
    the default graph holds no article."""
    if method not in ("PUT", "POST", "DELETE"):
        raise QueryError(f"method {method} is not part of the Graph Store protocol")
    if target.iri is None:
        lines, _ = ntriples_body(triples)
        clear = "DROP SILENT DEFAULT ;\n" if method in ("PUT", "DELETE") else ""
        store.update(clear + "INSERT DATA {\n" + "\n".join(lines) + "\n}")
        return 204
    from kg.aggregates.raw import kept_current

    with kept_current(store, {str(target.iri)}):
        return _named_graph_write(store, method, target, triples)


def _named_graph_write(store: Store, method: str, target: GraphTarget,
                       triples: list[Triple]) -> int:
    name = target.iri
    assert name is not None
    existed = name in set(store.graphs())
    if method == "DELETE":
        if not store.drop_graph(name):
            raise NotFound(f"no graph {target.label} in this store")
        return 204
    graph = to_oxigraph(name)
    if method == "PUT":
        store.replace_graph(name, triples)
    else:
        lines, _ = ntriples_body(triples)
        store.update(f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(lines) + "\n} }")
    if not triples:
        store.update(f"CREATE SILENT GRAPH {graph}")  # PUT of an empty graph keeps the graph
    return 204 if existed else 201
