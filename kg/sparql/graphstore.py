"""The SPARQL 1.1 Graph Store HTTP protocol on named graphs (``?graph=IRI``).

GET returns one named graph; PUT replaces it atomically, POST adds to it,
DELETE drops it. Every triple of this store lives in a named graph, so the
protocol's ``?default`` graph is refused with a message saying so. The web
layer checks the write token before calling the writing functions.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> body = parse_body("PUT", b"<urn:x:a> <urn:x:b> 1 .", "text/turtle")
>>> graph_write(store, "PUT", "urn:x:g", body)
201
>>> graph_get(store, "urn:x:g", "nt")[0]
b'<urn:x:a> <urn:x:b> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n'
>>> graph_write(store, "DELETE", "urn:x:g", [])
204
>>> graph_get(store, "urn:x:g", "nt")
Traceback (most recent call last):
...
kg.errors.NotFound: no graph <urn:x:g> in this store
"""

from __future__ import annotations

import io

from rdflib import Graph, URIRef

from kg.errors import InputError, NotFound, QueryError
from kg.formats import rdf_format, rdf_format_for_media_type
from kg.rdfinput import parse_untrusted
from kg.store import Store
from kg.store.base import Triple
from kg.store.terms import to_rdflib

GRAPH_FORMATS = ("turtle", "nt", "rdfxml", "jsonld")


def _graph_name(store: Store, graph: str | None, default: bool = False) -> URIRef:
    if default:
        raise QueryError("this store keeps every triple in a named graph (one per article); "
                         "name one with ?graph=IRI")
    if not graph:
        raise QueryError("missing ?graph=IRI")
    if not graph.startswith(("http://", "https://", "urn:")):
        raise QueryError(f"graph={graph!r} is not an absolute IRI")
    return URIRef(graph)


def graph_get(store: Store, graph: str | None, format_name: str, default: bool = False
              ) -> tuple[bytes, str]:
    """Serialise one named graph; :class:`NotFound` if the store does not hold it."""
    name = _graph_name(store, graph, default)
    if name not in set(store.graphs()):
        raise NotFound(f"no graph <{name}> in this store")
    fmt = rdf_format(format_name)
    if fmt.datasets and fmt.name != "jsonld":
        fmt = rdf_format("turtle")
    out = io.BytesIO()
    store.dump(out, fmt.name, name)
    return out.getvalue(), fmt.media_type


def _parse(body: bytes, mimetype: str | None) -> Graph:
    fmt = rdf_format_for_media_type(mimetype or "")
    if fmt is None or fmt.name not in GRAPH_FORMATS:
        raise InputError(f"unsupported Content-Type {mimetype!r} for a graph (use text/turtle, "
                         "application/n-triples, application/rdf+xml or application/ld+json)",
                         where="request body")
    graph = Graph()
    for quad in parse_untrusted(body, fmt.name, "request body"):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def parse_body(method: str, body: bytes, mimetype: str | None) -> list[Triple]:
    """The triples a PUT or POST carries (none for DELETE): parse before taking the write lock."""
    return list(_parse(body, mimetype)) if method in ("PUT", "POST") else []


def graph_write(store: Store, method: str, graph: str | None, triples: list[Triple]) -> int:
    """Apply a PUT, POST or DELETE of parsed ``triples``; return the HTTP status (201, 204)."""
    name = _graph_name(store, graph)
    existed = name in set(store.graphs())
    if method == "DELETE":
        if not store.drop_graph(name):
            raise NotFound(f"no graph <{name}> in this store")
        return 204
    triples = list(triples)
    if method == "POST" and existed:
        out = io.BytesIO()
        store.dump(out, "nt", name)
        triples += list(Graph().parse(data=out.getvalue(), format="nt"))
    elif method not in ("PUT", "POST"):
        raise QueryError(f"method {method} is not part of the Graph Store protocol")
    store.replace_graph(name, triples)
    return 204 if existed else 201
