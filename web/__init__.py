"""The Flask application: ``create_app()`` builds it, one blueprint per feature.

The app holds no global state: the store is opened per app (``get_store()``,
like the Flask tutorial's ``get_db()``) and every :class:`~kg.errors.KGError`
becomes a JSON or HTML error page with the status the error carries.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app, g

from kg.errors import KGError
from kg.store import Store, open_store, store_uri

BLUEPRINTS: tuple[str, ...] = (
    "web.home:bp",
    "web.sparql:bp",
    "web.network:bp",
    "web.timeline:bp",
    "web.claims_view:bp",
    "web.map:bp",
    "web.exports:bp",
    "web.security:bp",
    "web.entities:bp",
    "web.api:bp",
    "web.analysis:bp",
)
"""``module:attribute`` of every blueprint the app registers, in order."""

NAVIGATION: tuple[tuple[str, str], ...] = (
    ("home.index", "Overview"),
    ("network.page", "Network"),
    ("timeline.page", "Timeline"),
    ("claims.page", "Claims"),
    ("map.page", "Map"),
    ("sparql.editor", "SPARQL"),
    ("api.openapi", "API"),
    ("exports.turtle", "Turtle"),
)
"""Top-bar links, shown when their endpoint is registered."""

DEFAULTS: dict[str, Any] = {
    "KG_STORE": None,  # store URI; None means $KG_STORE or oxigraph:./data/kg
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
    "KG_QUERY_TIMEOUT": 10.0,  # seconds
    "KG_ROW_LIMIT": 10_000,
    "KG_QUERY_WORKERS": 4,  # worker processes that run SPARQL queries (killed at the timeout)
    "KG_QUERY_MEMORY_MB": 2048,  # memory one query may allocate in its worker; 0 = no cap
    "KG_MAX_ANSWER_BYTES": 64 * 1024 * 1024,  # bytes in one SPARQL answer; more is cut, flagged
    "KG_CLIENT_QUERIES": None,  # queries one client address may run at once; None = workers // 2
    "KG_WRITE_TOKEN": None,  # token required by update / ingest APIs; None = writes off
    "KG_SANDBOX": True,  # query workers confine themselves (no network, store read-only)
    "KG_MAX_QUERY_BYTES": 256 * 1024,  # size cap of one SPARQL query or update text; 0 = none
    "KG_PAGE_WORKERS": 0,  # processes that render GET pages (kg serve: one per core); 0 = in-process
    "KG_PAGE_TIMEOUT": 30.0,  # seconds a page worker may take before it is killed (503)
    "KG_PUBLIC_URL": None,  # the app's public base URL (kg serve: http://HOST:PORT/)
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides :data:`DEFAULTS` and ``KG_*`` environment values."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    for key in DEFAULTS:
        if key.startswith("KG_") and key in os.environ:
            app.config[key] = os.environ[key]
    app.config.update(config or {})
    app.config["KG_STORE"] = store_uri(app.config["KG_STORE"])
    app.config["KG_SANDBOX"] = switched_on(app.config["KG_SANDBOX"])
    for target in BLUEPRINTS:
        module_name, _, attr = target.partition(":")
        app.register_blueprint(getattr(importlib.import_module(module_name), attr))
    from web.errors import register_error_handlers

    register_error_handlers(app)
    from web.workers import install_page_workers

    install_page_workers(app)
    nav = [(endpoint, label) for endpoint, label in NAVIGATION if endpoint in app.view_functions]
    app.context_processor(lambda: {"nav": nav})
    app.teardown_appcontext(_forget_request_store)
    return app


def switched_on(value: object) -> bool:
    """A yes/no setting from Python or from the environment's text.

    >>> switched_on(True), switched_on("1"), switched_on("off"), switched_on("False"), switched_on(0)
    (True, True, False, False, False)
    """
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


def get_store() -> Store:
    """Return the app's store, opening it on first use.

    The store is shared by all requests of one app (Oxigraph allows one
    writer process per directory and is safe across threads).
    """
    extensions = current_app.extensions
    if "kg_store" not in extensions:
        with extensions.setdefault("kg_store_lock", threading.Lock()):  # first requests race
            if "kg_store" not in extensions:
                extensions["kg_store"] = open_store(current_app.config["KG_STORE"])
    g.kg_store = extensions["kg_store"]
    return g.kg_store


def _forget_request_store(_: BaseException | None) -> None:
    g.pop("kg_store", None)


def close_app(app: Flask) -> None:
    """Release what the app holds: the page and SPARQL query workers, then the store.

    Forked query workers inherit the parent's file descriptors, so a test
    harness (or a server shutting down) must stop them explicitly.
    """
    for name in ("kg_page_pool", "kg_sparql"):
        workers = app.extensions.pop(name, None)
        if workers is not None:
            workers.close()
    store = app.extensions.pop("kg_store", None)
    if store is not None:
        store.close()


__all__ = ["BLUEPRINTS", "KGError", "close_app", "create_app", "get_store"]
