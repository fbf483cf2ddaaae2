"""The SPARQL 1.1 endpoint (``/sparql``), the Graph Store protocol and the query editor.

Views only translate HTTP: the protocol, the safety checks, the deadline and
the row cap live in :mod:`kg.sparql`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request, send_from_directory

from kg.errors import NotFound
from kg.sparql.admission import ClientQueries
from kg.formats import rdf_format
from kg.sparql.description import service_description
from kg.sparql.examples import examples
from kg.sparql.graphstore import (graph_get, graph_target, graph_write, new_graph_iri, parse_body,
                                 parse_parts)
from kg.sparql.protocol import RDF_MEDIA, best_match, decode_body, negotiate, parse_request
from kg.sparql.service import SparqlService
from web import get_store
from web.security import preflight, require_write_token

bp = Blueprint("sparql", __name__)
YASGUI_BUILD = Path(__file__).resolve().parent / "node_modules" / "@zazuko" / "yasgui" / "build"
YASGUI_FILES = ("yasgui.min.js", "yasgui.min.css", "yasgui.min.js.map")
EDITOR_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
              "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
"""The editor's policy: YASGUI writes inline styles (a <style> element and style
attributes through innerHTML), so styles may be inline; scripts stay 'self' only."""


def sparql_service() -> SparqlService:
    """The app's :class:`SparqlService`, bound to the app's store (created on first use)."""
    store = get_store()
    service = current_app.extensions.get("kg_sparql")
    if service is None or service.store is not store:
        config = current_app.config
        service = SparqlService(store, timeout=float(config["KG_QUERY_TIMEOUT"] or 0),
                                row_limit=int(config["KG_ROW_LIMIT"]),
                                max_workers=int(config.get("KG_QUERY_WORKERS", 4)),
                                memory_mb=int(config.get("KG_QUERY_MEMORY_MB") or 0),
                                confined=config["KG_SANDBOX"],
                                max_query_bytes=int(config.get("KG_MAX_QUERY_BYTES") or 0),
                                byte_limit=int(config["KG_MAX_ANSWER_BYTES"]))
        current_app.extensions["kg_sparql"] = service
    return service


def public_endpoint_url() -> str:
    """The endpoint's public URL: ``KG_PUBLIC_URL`` + ``sparql``, never the request's Host.

    ``kg serve`` sets ``KG_PUBLIC_URL`` (``--public-url``, by default its bind
    address); an app without it says ``http://localhost/sparql``. Echoing the
    Host header would let a client write any URL into the service description
    and the editor page (and poison a cache in front of the app).
    """
    return public_base_url() + "/sparql"


def public_base_url() -> str:
    """``KG_PUBLIC_URL`` without its trailing slash (``http://localhost`` when unset)."""
    return str(current_app.config.get("KG_PUBLIC_URL") or "http://localhost/").rstrip("/")


def client_queries() -> ClientQueries:
    """The app's bound on each client's concurrent queries (``KG_CLIENT_QUERIES``)."""
    limits = current_app.extensions.get("kg_client_queries")
    if limits is None:
        config = current_app.config
        bound = config.get("KG_CLIENT_QUERIES")
        if bound is None:
            bound = max(1, int(config.get("KG_QUERY_WORKERS", 4)) // 2)
        limits = ClientQueries(int(bound))
        current_app.extensions["kg_client_queries"] = limits
    return limits


def _form() -> dict[str, list[str]] | None:
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return request.form.to_dict(flat=False)
    return None


def _body() -> str | None:
    if request.mimetype in ("application/sparql-query", "application/sparql-update"):
        return decode_body(request.get_data(), request.mimetype_params.get("charset"))
    return None


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def endpoint() -> Response | str:
    if request.method == "OPTIONS":
        return preflight()
    operation = parse_request(request.method, request.mimetype, request.args.to_dict(flat=False),
                              _form(), _body())
    operation.base = public_endpoint_url()
    if operation.operation == "none":
        return _no_query()
    if operation.operation == "update":
        require_write_token()
        sparql_service().update(operation)
        return Response(status=204)
    formats = negotiate(request.headers.get("Accept"), request.values.get("format"))
    release = client_queries().admit(request.remote_addr or "")
    try:
        answer = sparql_service().query(operation, formats)
    except BaseException:
        release()
        raise
    return _streamed(answer, release)


def _streamed(answer, release) -> Response:  # type: ignore[no-untyped-def]
    """Stream ``answer`` piece by piece; its worker and the client's count end with the response.

    A cut answer says so in ``X-KG-Truncated`` and which cap cut it in
    ``X-KG-Truncated-By`` (``rows`` or ``bytes``), with both caps' values.
    """
    def body() -> Iterator[bytes]:
        # One piece ahead: the worker and the client's count are free before the
        # client has the last byte (and may send its next query).
        try:
            pieces = answer.chunks()
            ahead = next(pieces, None)
            for piece in pieces:
                yield ahead
                ahead = piece
            release()
            if ahead is not None:
                yield ahead
        finally:
            release()

    response = Response(body(), mimetype=answer.media_type)
    response.headers["Content-Length"] = str(answer.size)
    response.call_on_close(answer.close)  # also when the body was never read (HEAD)
    response.call_on_close(release)
    if answer.truncated:
        config = current_app.config
        response.headers["X-KG-Truncated"] = "true"
        response.headers["X-KG-Truncated-By"] = answer.cut or "rows"
        response.headers["X-KG-Row-Limit"] = str(config["KG_ROW_LIMIT"])
        response.headers["X-KG-Byte-Limit"] = str(config["KG_MAX_ANSWER_BYTES"])
    response.vary.add("Accept")
    return response


def _no_query() -> Response | str:
    """No query: the editor for browsers, the service description for everyone else."""
    wanted = best_match(["text/html", *RDF_MEDIA], request.headers.get("Accept"))
    if wanted == "text/html" and request.method == "GET":
        return editor()
    fmt = rdf_format(RDF_MEDIA.get(wanted or "", "turtle"))
    config = current_app.config
    graph = service_description(public_endpoint_url(), writable=bool(config.get("KG_WRITE_TOKEN")),
                                timeout=float(config["KG_QUERY_TIMEOUT"] or 0),
                                row_limit=int(config["KG_ROW_LIMIT"]))
    response = Response(graph.serialize(format=fmt.rdflib_name, encoding="utf-8"),
                        mimetype=fmt.media_type)
    response.vary.add("Accept")
    return response


@bp.get("/sparql/editor")
def editor() -> Response:
    gallery = examples()
    html = render_template("sparql.html", examples=gallery,
                           examples_json=[{"key": e.key, "title": e.title, "sparql": e.sparql}
                                          for e in gallery],
                           endpoint=public_endpoint_url(),
                           assets=YASGUI_BUILD.is_dir())
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = EDITOR_CSP
    return response


@bp.get("/sparql/assets/<name>")
def yasgui_asset(name: str) -> Response:
    if name not in YASGUI_FILES or not (YASGUI_BUILD / name).is_file():
        raise NotFound(f"editor asset {name!r} is not installed; run `make setup` "
                       "(npm ci --prefix web)")
    return send_from_directory(YASGUI_BUILD, name, max_age=3600)


@bp.route("/sparql/graph", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"])
@bp.route("/sparql/graph/<path:_>", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"])
def graph_store(_: str | None = None) -> Response:
    """SPARQL 1.1 Graph Store HTTP protocol: ``?graph=IRI``, ``?default``, or the URL itself."""
    if request.method == "OPTIONS":
        return preflight()
    url = public_base_url() + request.path
    direct = url if request.path.rstrip("/") != "/sparql/graph" else None
    graph, default = direct or request.args.get("graph"), "default" in request.args
    created = None
    if request.method == "POST" and not (graph or default):
        created = graph = new_graph_iri(url)
    target = graph_target(graph, default, base=graph or url)
    if request.method in ("GET", "HEAD"):
        wanted = best_match(list(RDF_MEDIA), request.headers.get("Accept")) or "text/turtle"
        body, media_type = graph_get(get_store(), target, RDF_MEDIA[wanted])
        return Response(body, mimetype=media_type)
    require_write_token()
    if request.mimetype == "multipart/form-data":  # parsed before the lock
        triples = parse_parts([(part.read(), part.mimetype) for part in request.files.values()],
                              target.base)
    else:
        triples = parse_body(request.method, request.get_data(), request.mimetype, target.base)
    with sparql_service().writing():
        status = graph_write(get_store(), request.method, target, triples)
    response = Response(status=201 if created else status)
    if created:
        response.headers["Location"] = created
    return response
