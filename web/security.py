"""Security headers on every response, CORS for reads, and the write-token check.

Headers (set unless a view already set its own, as the network page does):
``Content-Security-Policy`` (same origin only, no inline script, no framing),
``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``,
``Referrer-Policy: same-origin``, ``Cross-Origin-Opener-Policy: same-origin``.

CORS: reads (``/sparql`` queries, ``/id/...``, ``GET /api/...``) may be called
from any origin, without credentials; ``Authorization`` is not an allowed
request header, so a browser on another origin can never send a write token.

Writes (SPARQL Update, Graph Store writes, ingest) need ``Authorization:
Bearer <KG_WRITE_TOKEN>``: no token configured -> 403 (writes are off),
no/malformed header -> 401, wrong token -> 403; compared in constant time.
"""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import Unauthorized

from kg.errors import AuthError

bp = Blueprint("security", __name__)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
"""The default policy: everything from this origin, nothing inline, never framed."""

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CORS_PREFIXES = ("/sparql", "/id/", "/api/")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": ("X-KG-Truncated, X-KG-Truncated-By, X-KG-Row-Limit, "
                                      "X-KG-Byte-Limit, Content-Type, Retry-After"),
    "Access-Control-Max-Age": "600",
}
REALM = 'Bearer realm="conflict-kg"'


@bp.after_app_request
def secure_headers(response: Response) -> Response:
    """Add the security headers (keeping a view's own CSP) and CORS for reads."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.status_code == 401:
        response.headers.setdefault("WWW-Authenticate", REALM)
    if request.path.startswith(CORS_PREFIXES) and (
            request.method in ("GET", "HEAD", "OPTIONS") or request.path == "/sparql"):
        for name, value in CORS_HEADERS.items():
            response.headers.setdefault(name, value)
    return response


def require_write_token() -> None:
    """Raise unless the request carries the configured write token."""
    configured = current_app.config.get("KG_WRITE_TOKEN")
    if not configured:
        raise AuthError("writes are disabled on this server (no KG_WRITE_TOKEN configured)")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("this operation needs a write token: Authorization: Bearer <token>")
    if not hmac.compare_digest(given.strip().encode("utf-8"), str(configured).encode("utf-8")):
        raise AuthError("wrong write token")


def preflight() -> Response:
    """Answer a CORS preflight (the headers are added by :func:`secure_headers`)."""
    return Response(status=204)
