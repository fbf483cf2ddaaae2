"""The actor network page, its data twin, and the vis-network assets served locally."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, send_from_directory

from kg.analysis.projection import actor_network
from kg.views import TEMPLATES, network_data, network_page, vis_network_dir
from web import get_store

bp = Blueprint("network", __name__)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'")


@bp.get("/network")
def page() -> Response:
    html = network_page(actor_network(get_store()), inline_assets=False,
                        asset_base="/network/assets")
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    return response


@bp.get("/network.json")
def data():  # type: ignore[no-untyped-def]
    return jsonify(network_data(actor_network(get_store())))


@bp.get("/network/assets/<any('vis-network.min.js', 'vis-network.css'):name>")
def vis_asset(name: str) -> Response:
    return send_from_directory(vis_network_dir(), name)


@bp.get("/network/assets/network.js")
def app_script() -> Response:
    return send_from_directory(TEMPLATES, "network.js", mimetype="text/javascript")
