"""Events by place on an SVG map (projected coordinates, no tile server)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg.views import ViewFilter, render_view, view_source
from kg.views.companions import map_data
from web import get_store
from web.network import ASSETS, view_links, view_response

bp = Blueprint("map", __name__)


@bp.get("/map")
def page() -> Response:
    view = ViewFilter.from_params(request.args)
    data = map_data(view_source(get_store()), view)
    return view_response(render_view("map", data, inline_assets=False, asset_base=ASSETS,
                                     links=view_links()))


@bp.get("/map.json")
def data() -> Response:
    view = ViewFilter.from_params(request.args)
    return jsonify(map_data(view_source(get_store()), view))
