"""Claims, with contradicting claims side by side."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from kg.views import render_view, view_source
from kg.views.companions import claims_data
from web import get_store
from web.network import ASSETS, view_links, view_response

bp = Blueprint("claims", __name__)


@bp.get("/claims")
def page() -> Response:
    data = claims_data(view_source(get_store()))
    return view_response(render_view("claims", data, inline_assets=False, asset_base=ASSETS,
                                     links=view_links()))


@bp.get("/claims.json")
def data() -> Response:
    return jsonify(claims_data(view_source(get_store())))
