"""The actor network page, its data twin, exports of the current view, and the page assets.

Every view route answers with a strict ``Content-Security-Policy``: scripts only
from this server (vis-network from the installed pyvis package), no inline
script. Filters come as query parameters (see :class:`kg.views.ViewFilter`).
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request, send_file, url_for

from kg.views import ViewFilter, asset_path
from kg.views.aggregated import (edge_evidence, network_html, network_json_gzip,
                                 network_json_text)
from kg.views.source import cached_view_source
from web import get_store

bp = Blueprint("network", __name__)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
ASSETS = "/network/assets"
VIEWS = (("network", "network.page"), ("timeline", "timeline.page"), ("claims", "claims.page"),
         ("map", "map.page"))


def view_links() -> dict[str, str]:
    """Navigation between the view pages that are registered."""
    return {label: url_for(endpoint) for label, endpoint in VIEWS
            if endpoint in current_app.view_functions}


def view_response(body: str | bytes, mimetype: str = "text/html") -> Response:
    """A view answer with the views' CSP and ``nosniff``."""
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/network")
def page() -> Response:
    return view_response(network_html(get_store(), request.args, asset_base=ASSETS,
                                      links=view_links()))


@bp.get("/network.json")
def data() -> Response:
    """Top ``top`` actors by activity (``page``: the next ones; ``actor``: an ego network);
    gzip-compressed for a client that accepts it (the answer is kept compressed)."""
    if request.accept_encodings.quality("gzip") > 0:
        response = Response(network_json_gzip(get_store(), request.args),
                            mimetype="application/json")
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(network_json_text(get_store(), request.args),
                            mimetype="application/json")
    response.vary.add("Accept-Encoding")
    return response


@bp.get("/network/evidence.json")
def evidence() -> Response:
    """A page of the events behind one edge (``agent``, ``other``, ``type``, ``page``)."""
    return jsonify(edge_evidence(get_store(), request.args))


@bp.get("/network.<any(gexf, graphml):fmt>")
def export(fmt: str) -> Response:
    from kg.views.export import FORMATS, export_bytes

    body = export_bytes(cached_view_source(get_store()), ViewFilter.from_params(request.args), fmt)
    response = view_response(body, FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="network.{fmt}"'
    return response


@bp.get("/network.rq")
def sparql() -> Response:
    from kg.views.export import view_sparql_for

    text = view_sparql_for(cached_view_source(get_store()), ViewFilter.from_params(request.args))
    return view_response(text, "text/plain")


@bp.get(f"{ASSETS}/<name>")
def asset(name: str) -> Response:
    try:
        path = asset_path(name)
    except FileNotFoundError:
        from werkzeug.exceptions import NotFound

        raise NotFound(f"no asset {name}") from None
    mimetype = "text/css" if name.endswith(".css") else "text/javascript"
    return send_file(path, mimetype=mimetype, max_age=3600)
