"""The one place where errors become HTTP responses.

A :class:`~kg.errors.KGError` keeps its own status; HTTP errors raised by
Flask (404, 405, 413) are answered the same way; anything else is a 500 whose
body says nothing about the code (the traceback goes to the log only).
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from kg.errors import KGError


def wants_json() -> bool:
    """Whether the client prefers JSON to HTML (API paths always do)."""
    if request.path.startswith(("/api/", "/sparql")) or request.path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_response(status: int, name: str, message: str, where: str | None = None
                   ) -> tuple[Response | str, int]:
    """Render an error as JSON or HTML."""
    body = {"error": name, "message": message, "status": status}
    if where:
        body["where"] = where
    if wants_json():
        return jsonify(body), status
    return render_template("error.html", error=body), status


def register_error_handlers(app: Flask) -> None:
    """Install the handlers on ``app``."""

    @app.errorhandler(KGError)
    def handle_kg_error(error: KGError):  # type: ignore[no-untyped-def]
        response, status = error_response(error.status, type(error).__name__, error.message,
                                          error.where)
        if error.retry_after is not None:
            response = app.make_response((response, status))
            response.headers["Retry-After"] = str(error.retry_after)
        return response, status

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):  # type: ignore[no-untyped-def]
        if isinstance(error, RequestEntityTooLarge):
            limit = app.config.get("MAX_CONTENT_LENGTH") or 0
            return error_response(413, "PayloadTooLarge", f"over the {limit / 1e6:.1f} MB limit "
                                  "(MAX_CONTENT_LENGTH); send less", "request body")
        return error_response(error.code or 500, error.name, error.description or error.name)

    @app.errorhandler(500)
    def handle_internal_error(_: Exception):  # type: ignore[no-untyped-def]
        return error_response(500, "InternalServerError", "internal error; see the server log")
