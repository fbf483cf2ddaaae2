"""Exports of the whole graph: Turtle at ``/export.ttl`` and other RDF formats."""

from __future__ import annotations

import io

from flask import Blueprint, Response

from kg.formats import rdf_format
from web import get_store

bp = Blueprint("exports", __name__)


@bp.get("/export.ttl")
def turtle() -> Response:
    return rdf_export("turtle")


@bp.get("/export.<any(trig, nt, nq, jsonld, rdf):extension>")
def rdf_export(extension: str) -> Response:
    fmt = rdf_format(extension)
    buffer = io.BytesIO()
    get_store().dump(buffer, fmt.name)
    response = Response(buffer.getvalue(), mimetype=fmt.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="conflict-kg.{fmt.extension}"'
    return response
