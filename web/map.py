"""Events by place on an SVG map (projected coordinates, no tile server)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg.views import render_view
from kg.views.paged import map_json
from web import get_store
from web.network import ASSETS, view_links, view_response

bp = Blueprint("map", __name__)


@bp.get("/map")
def page() -> Response:
    data = map_json(get_store(), request.args)
    return view_response(render_view("map", data, inline_assets=False, asset_base=ASSETS,
                                     links=view_links()))


@bp.get("/map.json")
def data() -> Response:
    return jsonify(map_json(get_store(), request.args))
