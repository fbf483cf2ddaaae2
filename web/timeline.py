"""Timeline of events, filtered like the network (same query parameters)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg.views import ViewFilter, render_view, view_source
from kg.views.companions import timeline_data
from web import get_store
from web.network import ASSETS, view_links, view_response

bp = Blueprint("timeline", __name__)


@bp.get("/timeline")
def page() -> Response:
    view = ViewFilter.from_params(request.args)
    data = timeline_data(view_source(get_store()), view)
    return view_response(render_view("timeline", data, inline_assets=False, asset_base=ASSETS,
                                     links=view_links()))


@bp.get("/timeline.json")
def data() -> Response:
    view = ViewFilter.from_params(request.args)
    return jsonify(timeline_data(view_source(get_store()), view))
