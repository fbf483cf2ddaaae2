"""Linked Data: every instance URI ``BASE + path`` resolves at ``/id/<path>``.

Browsers get an HTML page, machines RDF by ``Accept`` (Turtle, JSON-LD,
N-Triples, RDF/XML); a suffix picks the form directly: ``.json`` (the page's
data as plain JSON), ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``. Keys never
contain a dot, so the suffix is unambiguous.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from kg import ids
from kg.entities import describe, entity_graph
from kg.formats import rdf_format
from kg.sparql.protocol import best_match
from web import get_store

bp = Blueprint("entities", __name__)
SUFFIXES = {"json": "application/json", "ttl": "text/turtle", "jsonld": "application/ld+json",
            "nt": "application/n-triples", "rdf": "application/rdf+xml"}
RDF_TYPES = {"text/turtle": "turtle", "application/ld+json": "jsonld",
             "application/n-triples": "nt", "application/rdf+xml": "rdfxml"}
OFFERED = ["text/html", *RDF_TYPES, "application/json"]


def local_href(uri: str) -> str | None:
    """The app's own address for a Conflict KG URI (None for outside IRIs).

    The URI's path is already percent-encoded (:func:`kg.ids.quote_key`): it
    is appended as it is, not encoded a second time.
    """
    if uri.startswith(ids.BASE) and len(uri) > len(ids.BASE):
        return url_for("entities.resource", rest="-")[:-1] + uri[len(ids.BASE):]
    return None


def _requested_path(rest: str) -> str:
    """The path below ``/id/`` as the client encoded it (``%2F`` inside a key kept apart from ``/``)."""
    raw = (request.environ.get("REQUEST_URI") or request.environ.get("RAW_URI") or "")
    raw = raw.split("?", 1)[0].split("#", 1)[0]
    prefix = url_for("entities.resource", rest="-")[:-1]
    if raw.startswith("/") and raw.startswith(prefix):
        return raw[len(prefix):]
    return rest  # no raw URI from the server: the decoded path, taken segment by segment


def network_href(uri: str) -> str | None:
    """Where an actor sits on the network view, if that view is registered."""
    if "network.page" in current_app.view_functions:
        return url_for("network.page", focus=uri)
    return None


@bp.app_template_filter("local_href")
def _local_href_filter(uri: str) -> str | None:
    return local_href(uri)


@bp.get("/id/<path:rest>")
def resource(rest: str) -> Response | str:
    rest = _requested_path(rest)
    path, dot, suffix = rest.rpartition(".")
    if dot and suffix in SUFFIXES and "/" not in suffix:
        wanted, rest = SUFFIXES[suffix], path
    else:
        wanted = best_match(OFFERED, request.headers.get("Accept")) or "text/html"
    uri = ids.uri_from_path(rest)
    if wanted in RDF_TYPES:
        fmt = rdf_format(RDF_TYPES[wanted])
        body = entity_graph(get_store(), uri).serialize(format=fmt.rdflib_name, encoding="utf-8")
        response = Response(body, mimetype=fmt.media_type)
    elif wanted == "application/json":
        response = jsonify(describe(get_store(), uri, request.args.get("page")))
    else:
        entity = describe(get_store(), uri, request.args.get("page"))
        response = Response(render_template(
            "entity.html", entity=entity, suffixes=SUFFIXES, self_href=local_href(uri),
            network=network_href(uri) if entity["kind"] == "actor" else None),
            mimetype="text/html")
    response.vary.add("Accept")
    return response
