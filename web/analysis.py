"""JSON over HTTP for the network analyses: ``GET /api/analysis/<name>?since=...&types=...``.

Query parameters are the filters and options of :func:`kg.analysis.run.params_from_strings`
(since, until, types, min_weight, articles, actor, other, hops, top, window,
include_negated) plus ``format`` (json, csv or table) and the page, ``limit`` (1-1000, default
100) rows from ``offset``, as for the other list APIs; the summary's ``page`` says how many rows
there are in all. An unknown analysis is a 404 and a bad parameter a 400, both as JSON errors.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from kg import catalog
from kg.analysis.run import ANALYSES, analysis_page, params_from_strings
from web import get_store

bp = Blueprint("analysis", __name__)
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
               "table": "text/plain; charset=utf-8"}


@bp.get("/api/analysis")
def index() -> Response:
    return jsonify({"analyses": sorted(ANALYSES)})


@bp.get("/api/analysis/<name>")
def analysis(name: str) -> Response:
    args = request.args.to_dict()
    fmt = args.pop("format", "json")
    limit, offset = catalog.page(args.pop("limit", None), args.pop("offset", None))
    text = analysis_page(get_store(), name, params_from_strings(args), fmt, limit, offset)
    return Response(text, mimetype=MEDIA_TYPES.get(fmt, "application/json"))
