"""Pages rendered by worker processes under ``kg serve`` (see :mod:`kg.pageworkers` for why).

With ``KG_PAGE_WORKERS`` > 0, a hook before each request hands a ``GET`` or
``HEAD`` page to a worker of a :class:`~kg.sparql.timeout.QueryPool` built with
this app as its ``wsgi_app``, and answers with what the worker sends. In the
worker the same app renders the page (the job's environ marks it, so it is not
handed on again). Errors of the pool (deadline, busy workers) reach the app's
one error handler like any other :class:`~kg.errors.KGError`.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask, Response, current_app, request

from kg.pageworkers import IN_WORKER, delegated
from web import get_store

POOL = "kg_page_pool"
WARM_PATHS = ("/", "/network", "/network.json", "/timeline", "/timeline.json", "/claims",
              "/claims.json", "/map", "/map.json", "/api/actors", "/api/events", "/api/claims")
"""The pages :func:`warm_pages` renders: every view's first page and the API's lists."""


def install_page_workers(app: Flask) -> None:
    """Make ``app`` hand its pages to ``KG_PAGE_WORKERS`` worker processes (0: none)."""
    if int(app.config.get("KG_PAGE_WORKERS") or 0) > 0:
        from kg.pageworkers import preload_page_code

        preload_page_code()  # before the first fork, so no worker does it on a cold page
        app.before_request(_render_in_worker)


def warm_pages(app: Flask, paths: tuple[str, ...] = WARM_PATHS) -> float:
    """Render ``paths`` once in this process, and order the events of the big dyads
    (:func:`kg.aggregates.evidence.keep_big_orders`), before any page worker is forked, and
    return the seconds it took: what they read from the store is kept per store generation on the store
    object, which every worker forked later inherits, so their first requests are not cold
    (1-2 s each at 10,000 articles). After a write the workers read afresh. Nothing is done
    for a store that keeps no reads (a remote SPARQL server)."""
    import time

    started = time.perf_counter()
    with app.app_context():
        if not get_store().cache_reads:  # a remote store is read afresh on every request
            return 0.0
    client = app.test_client()
    for path in paths:
        client.get(path, headers={"Accept-Encoding": "gzip"},  # as browsers ask for them
                   environ_overrides={IN_WORKER: True})  # rendered here, not handed on
    from kg.aggregates.evidence import keep_big_orders

    with app.app_context():  # a big dyad's evidence: its order, read once for every worker
        keep_big_orders(get_store())
    return time.perf_counter() - started


def start_page_workers(app: Flask) -> int:
    """Fork ``app``'s page workers now, after :func:`warm_pages` and before the server answers,
    so no first request waits for a fork; return how many were started (0 without a pool)."""
    with app.app_context():
        pool = _pool()
        return pool.prestart() if pool is not None else 0


def _render_in_worker() -> Response | None:
    if request.environ.get(IN_WORKER) or not delegated(request.method, request.path):
        return None
    pool = _pool()
    if pool is None:  # a store the workers cannot share (a remote server): render here
        return None
    page = pool.run(_job())
    return Response(page.chunks(), status=page.head.status, headers=list(page.head.headers),
                    direct_passthrough=True)


def _job() -> Any:
    from kg.pageworkers import PageJob

    return PageJob.from_environ(request.environ)


def _pool() -> Any:
    extensions = current_app.extensions
    if POOL not in extensions:
        with extensions.setdefault("kg_page_pool_lock", threading.Lock()):  # first requests race
            if POOL not in extensions:
                app = current_app._get_current_object()  # type: ignore[attr-defined]
                extensions[POOL] = _new_pool(app)
    return extensions[POOL]


def _new_pool(app: Flask) -> Any:
    from kg.sparql.timeout import QueryPool
    from kg.store.oxigraph import OxigraphStore
    from web.sparql import sparql_service

    store = get_store()
    if not isinstance(store, OxigraphStore):
        return None
    config = app.config
    return QueryPool(store, timeout=float(config.get("KG_PAGE_TIMEOUT") or 30), row_limit=0,
                     max_workers=int(config["KG_PAGE_WORKERS"]),
                     memory_mb=int(config.get("KG_QUERY_MEMORY_MB") or 0),
                     confined=config["KG_SANDBOX"],
                     wsgi_app=app.wsgi_app, write_lock=sparql_service().write_lock)
