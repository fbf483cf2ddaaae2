"""The SPARQL endpoint: GET, POST form and POST ``application/sparql-query``."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request

from kg.errors import QueryError
from kg.query import RDF_BY_MEDIA_TYPE, RESULTS_BY_MEDIA_TYPE, endpoint_answer
from kg.vocab import PREFIXES
from web import get_store

bp = Blueprint("sparql", __name__)
MEDIA_TYPES = [*RESULTS_BY_MEDIA_TYPE, *RDF_BY_MEDIA_TYPE, "text/html"]


def _query_text() -> str | None:
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        return request.get_data(as_text=True)
    return request.values.get("query")


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():  # type: ignore[no-untyped-def]
    query = _query_text()
    if query is None:
        if request.accept_mimetypes.best_match(MEDIA_TYPES) == "text/html":
            return render_template("sparql.html", prefixes=PREFIXES)
        raise QueryError("no query: pass `query` (GET or form) or POST application/sparql-query")
    accepted = [m for m, _ in sorted(request.accept_mimetypes, key=lambda mq: -mq[1])]
    body, media_type = endpoint_answer(get_store(), query, accepted, request.values.get("format"))
    response = Response(body, mimetype=media_type)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/sparql/editor")
def editor() -> str:
    return render_template("sparql.html", prefixes=PREFIXES)
