"""Claims, with contradicting claims side by side."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg.views import render_view
from kg.views.paged import claims_json
from web import get_store
from web.network import ASSETS, view_links, view_response

bp = Blueprint("claims", __name__)


@bp.get("/claims")
def page() -> Response:
    data = claims_json(get_store(), request.args)
    return view_response(render_view("claims", data, inline_assets=False, asset_base=ASSETS,
                                     links=view_links()))


@bp.get("/claims.json")
def data() -> Response:
    return jsonify(claims_json(get_store(), request.args))
