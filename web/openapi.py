"""The OpenAPI 3 description of the REST API (served at ``/api/openapi.json``)."""

from __future__ import annotations

from typing import Any

from kg import __version__

_ERROR = {"description": "Error (JSON body naming the input)",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_PAGE = [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1,
                                                       "maximum": 1000, "default": 100}},
         {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0,
                                                        "default": 0}}]


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _list(ref: str) -> dict[str, Any]:
    return _json({"type": "object", "properties": {
        "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}},
        "count": {"type": "integer"}}})


def _query(name: str, description: str, pattern: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if pattern:
        schema["pattern"] = pattern
    return {"name": name, "in": "query", "description": description, "schema": schema}


_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_STR = {"type": "string"}
ANALYSIS_FILTERS = ("since", "until", "types", "min_weight", "articles", "actor", "other",
                    "hops", "top", "window", "include_negated", "format", "limit", "offset")
"""Query parameters of ``/api/analysis/{name}`` (see :func:`kg.analysis.run.params_from_strings`)."""
_OPT = {"type": "string", "nullable": True}
_URIS = {"type": "array", "items": _STR}

SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error", "message", "status"], "properties": {
        "error": _STR, "message": _STR, "status": {"type": "integer"}, "where": _STR}},
    "Actor": {"type": "object", "required": ["uri", "key", "label"], "properties": {
        "uri": _STR, "key": _STR, "label": _STR, "kind": _STR, "country": _OPT,
        "events": {"type": "integer"}, "claims": {"type": "integer"}}},
    "Event": {"type": "object", "required": ["uri", "type"], "properties": {
        "uri": _STR, "type": _STR, "date": _OPT, "modality": _STR, "place": _OPT,
        "agents": _URIS, "targets": _URIS, "mediators": _URIS, "sentence": _STR,
        "article": _STR}},
    "Claim": {"type": "object", "required": ["uri", "quote"], "properties": {
        "uri": _STR, "speaker": _OPT, "speaker_text": _STR, "verb": _STR, "quote": _STR,
        "negated": {"type": "boolean"}, "via": _OPT, "asserts": _OPT, "contradicts": _URIS,
        "date": _OPT, "sentence": _STR, "article": _STR}},
    "Article": {"type": "object", "required": ["uri", "key"], "properties": {
        "uri": _STR, "key": _STR, "title": _STR, "published": _OPT,
        "date_inferred": {"type": "boolean"}, "source": _OPT,
        "events": {"type": "integer"}, "claims": {"type": "integer"}}},
    "Entity": {"type": "object", "description": "What the Linked Data page shows",
               "additionalProperties": True},
    "NewArticle": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string", "minLength": 1}, "title": _OPT, "published": {
            "type": "string", "nullable": True, "format": "date"},
        "source": _OPT, "url": _OPT, "id": _OPT}},
    "IngestReport": {"type": "object", "properties": {
        "added": _URIS, "replaced": _URIS, "unchanged": _URIS,
        "failed": {"type": "array", "items": {"$ref": "#/components/schemas/Error"}},
        "summary": _STR, "articles": _URIS}},
    "Health": {"type": "object", "required": ["status"], "properties": {
        "status": _STR, "store": _STR, "quads": {"type": "integer"}}},
}


def openapi_document(server_url: str) -> dict[str, Any]:
    """The OpenAPI 3.0 document, with ``server_url`` as the server."""
    paths: dict[str, Any] = {
        "/api/actors": {"get": {"summary": "Actors, most events first", "operationId": "listActors",
                                "parameters": [*_PAGE], "responses": {"200": _list("Actor"),
                                                                      "400": _ERROR}}},
        "/api/actors/{key}": {"get": {
            "summary": "One actor: its events and claims", "operationId": "getActor",
            "parameters": [{"name": "key", "in": "path", "required": True, "schema": _STR}],
            "responses": {"200": _json({"$ref": "#/components/schemas/Entity"}),
                          "404": _ERROR}}},
        "/api/events": {"get": {
            "summary": "Events, filtered", "operationId": "listEvents",
            "parameters": [_query("type", "event type key, e.g. ArmedClash"),
                           _query("actor", "actor key (agent, target or mediator)"),
                           _query("since", "first date, inclusive", _DATE),
                           _query("until", "last date, inclusive", _DATE), *_PAGE],
            "responses": {"200": _list("Event"), "400": _ERROR}}},
        "/api/claims": {"get": {
            "summary": "Claims", "operationId": "listClaims",
            "parameters": [_query("speaker", "actor key of the speaker"), *_PAGE],
            "responses": {"200": _list("Claim"), "400": _ERROR}}},
        "/api/articles": {
            "get": {"summary": "Articles", "operationId": "listArticles",
                    "responses": {"200": _list("Article")}},
            "post": {"summary": "Ingest one article (needs the write token)",
                     "operationId": "ingestArticle", "security": [{"writeToken": []}],
                     "parameters": [_query(n, f"{n} (text/plain bodies only)")
                                    for n in ("title", "published", "source", "url", "id")],
                     "requestBody": {"required": True, "content": {
                         "application/json": {"schema": {"$ref": "#/components/schemas/NewArticle"}},
                         "text/plain": {"schema": _STR}}},
                     "responses": {"201": _json({"$ref": "#/components/schemas/IngestReport"},
                                                "Added"),
                                   "200": _json({"$ref": "#/components/schemas/IngestReport"},
                                                "Replaced or unchanged"),
                                   "400": _ERROR, "401": _ERROR, "403": _ERROR, "413": _ERROR}}},
        "/api/analysis": {"get": {
            "summary": "The names of the network analyses", "operationId": "listAnalyses",
            "responses": {"200": _json({"type": "object", "additionalProperties": True})}}},
        "/api/analysis/{name}": {"get": {
            "summary": "Run a network analysis (fights, mediators, blocs, balance, centrality, "
                       "ego, path); query parameters are its filters",
            "operationId": "runAnalysis",
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": _STR},
                           *({"name": filter_name, "in": "query", "required": False,
                              "schema": _STR} for filter_name in ANALYSIS_FILTERS)],
            "responses": {"200": _json({"type": "object", "additionalProperties": True}),
                          "400": _ERROR, "404": _ERROR}}},
        "/healthz": {"get": {"summary": "Store state", "operationId": "health",
                             "responses": {"200": _json({"$ref": "#/components/schemas/Health"}),
                                           "503": _ERROR}}},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Conflict KG API", "version": __version__,
                 "description": "Actors, events, claims and articles extracted from conflict "
                                "reporting. SPARQL 1.1 at /sparql; Linked Data at /id/."},
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": SCHEMAS, "securitySchemes": {
            "writeToken": {"type": "http", "scheme": "bearer"}}},
    }
