"""Timeline of events, filtered like the network (same query parameters)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg.views import render_view
from kg.views.paged import timeline_json
from web import get_store
from web.network import ASSETS, view_links, view_response

bp = Blueprint("timeline", __name__)


@bp.get("/timeline")
def page() -> Response:
    data = timeline_json(get_store(), request.args)
    return view_response(render_view("timeline", data, inline_assets=False, asset_base=ASSETS,
                                     links=view_links()))


@bp.get("/timeline.json")
def data() -> Response:
    return jsonify(timeline_json(get_store(), request.args))
