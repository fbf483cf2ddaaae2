"""``kg serve``: the web app under waitress, set up for a public endpoint, then sandboxed.

The order matters: bind the port, confine the process (:mod:`kg.sandbox`: no
network, no files but its code and store; before any thread starts), then
build the app, render every view's first page once so the page workers
forked later start warm (:func:`web.workers.warm_pages`), build the server
(:mod:`kg.cli.server`: limits on connections, slow clients and threads) and serve. The SPARQL limits (deadline, rows,
bytes, memory, queries per client) reach the app's config.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import click

from kg.cli.env import get_env, reported_errors, store_option
from kg.errors import ConfigError
from kg.sandbox import SandboxReport

MEGABYTE = 1024 * 1024


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; only loopback unless told otherwise.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Threads answering pages (SPARQL queries and /healthz have their own).")
@click.option("--page-workers", type=click.IntRange(0, 64), envvar="KG_PAGE_WORKERS",
              default=lambda: min(os.cpu_count() or 2, 8), show_default="one per core, up to 8",
              help="Processes rendering pages (GET), so the server process only moves bytes "
                   "and /healthz is never slowed by a page; 0 = render in the server's threads.")
@click.option("--warm/--no-warm", default=True, envvar="KG_WARM", show_default=True,
              help="Before serving, render the first page of every view once, so page workers "
                   "start with the store's indexes read (a few seconds at 10,000 articles).")
@click.option("--query-timeout", type=click.FloatRange(0), envvar="KG_QUERY_TIMEOUT",
              help="Seconds before a SPARQL query is cut (default 10; 0 = no limit).")
@click.option("--row-limit", type=click.IntRange(1), envvar="KG_ROW_LIMIT",
              help="Rows (or triples) at most in one SPARQL answer (default 10000).")
@click.option("--max-answer-mb", type=click.IntRange(1),
              help="MB at most in one SPARQL answer; more is cut and flagged like the row "
                   "limit (default 64; environment: KG_MAX_ANSWER_BYTES in bytes).")
@click.option("--query-workers", type=click.IntRange(1, 64), envvar="KG_QUERY_WORKERS",
              help="Processes running SPARQL queries at once (default 4).")
@click.option("--query-memory", type=click.IntRange(0), envvar="KG_QUERY_MEMORY_MB",
              help="MB one SPARQL query may allocate in its worker (default 2048; 0 = no cap).")
@click.option("--client-queries", type=click.IntRange(0), envvar="KG_CLIENT_QUERIES",
              help="SPARQL queries one client address may run at once; one more gets 429 "
                   "(default: half the query workers; 0 = no bound).")
@click.option("--connection-limit", default=1000, show_default=True, envvar="KG_CONNECTION_LIMIT",
              type=click.IntRange(16), help="Open connections at most (slow ones included).")
@click.option("--idle-timeout", default=30, show_default=True, envvar="KG_IDLE_TIMEOUT",
              type=click.IntRange(1), help="Seconds before an idle keep-alive connection closes.")
@click.option("--request-timeout", default=30, show_default=True, envvar="KG_REQUEST_TIMEOUT",
              type=click.IntRange(1),
              help="Seconds a client may take to send one whole request before it is dropped.")
@click.option("--public-url", envvar="KG_PUBLIC_URL",
              help="Public base URL named in the SPARQL service description and editor "
                   "(default http://HOST:PORT/; the Host header is never used).")
@click.option("--unconfined", is_flag=True, envvar="KG_UNCONFINED",
              help="Serve even where the kernel cannot sandbox the server (no network "
                   "namespace, Landlock or seccomp): only for trusted networks.")
@click.pass_context
def serve(ctx: click.Context, store: str | None, host: str, port: int, threads: int,
          page_workers: int, warm: bool,
          query_timeout: float | None, row_limit: int | None, max_answer_mb: int | None,
          query_workers: int | None, query_memory: int | None, client_queries: int | None,
          connection_limit: int, idle_timeout: int, request_timeout: int,
          public_url: str | None, unconfined: bool) -> None:
    """Serve the app (network views, SPARQL endpoint, Linked Data, API) on HOST:PORT.

    Writes (SPARQL Update, Graph Store, POST /api/articles) are off unless the
    environment sets KG_WRITE_TOKEN. Once its port is bound the server gives up
    the network and every file but its code and its store (see kg.sandbox), so
    no query, update or upload can make it fetch a URL or read a local file.
    """
    from kg.cli.server import ServerLimits, return_large_blocks, serve_on
    from kg.store import store_uri
    from web import close_app, create_app

    env = get_env(ctx, store)
    uri = store_uri(env.store_uri)
    return_large_blocks()
    with reported_errors(env):
        listener = bind_listener(host, port)
        sandbox = confine_server(uri, required=not unconfined)
    options = {"KG_QUERY_TIMEOUT": query_timeout, "KG_ROW_LIMIT": row_limit,
               "KG_QUERY_WORKERS": query_workers, "KG_QUERY_MEMORY_MB": query_memory,
               "KG_CLIENT_QUERIES": client_queries,
               "KG_MAX_ANSWER_BYTES": max_answer_mb and max_answer_mb * MEGABYTE,
               "KG_PAGE_WORKERS": page_workers,
               "KG_PUBLIC_URL": public_url or f"http://{_url_host(host)}:{port}/"}
    app = create_app({"KG_STORE": uri, "KG_SANDBOX": not unconfined,
                      **{key: value for key, value in options.items() if value is not None}})
    config = app.config
    limits = ServerLimits(threads=threads, query_threads=int(config["KG_QUERY_WORKERS"]) + 2,
                          connection_limit=connection_limit, idle_timeout=idle_timeout,
                          request_timeout=request_timeout,
                          max_request_body=int(config["MAX_CONTENT_LENGTH"]))
    warmed = _warm(app, warm) if page_workers else ""
    server = serve_on(app, listener, limits)
    click.echo(f"Conflict KG on http://{host}:{port}/ (store {config['KG_STORE']}{warmed}; query "
               f"timeout {config['KG_QUERY_TIMEOUT']} s, row limit {config['KG_ROW_LIMIT']}, "
               f"answers up to {int(config['KG_MAX_ANSWER_BYTES']) / MEGABYTE:g} MB, writes "
               f"{'on' if config['KG_WRITE_TOKEN'] else 'off'}; sandbox: {sandbox})", err=True)
    try:
        server.run()
    finally:
        close_app(app)


def _warm(app: Any, warm: bool) -> str:
    """Render the first pages (``warm``), then fork the page workers: a first request waits
    for neither."""
    from web.workers import start_page_workers, warm_pages

    warmed = f", pages warmed in {warm_pages(app):.1f} s" if warm else ""
    return f"{warmed}, {start_page_workers(app)} page workers started"


def bind_listener(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (not yet listening); one-line error if it cannot be."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise ConfigError(f"cannot listen on {host}:{port}: {error.strerror}") from error
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as error:
        listener.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {error.strerror}") from error
    return listener


def confine_server(store_uri: str, required: bool = True) -> SandboxReport:
    """Confine this process for serving ``store_uri`` (before any thread starts).

    What the sandbox hides and the server reads lazily is read first: the
    system's MIME types. Temporary files (large uploads) go to a private folder.
    """
    import mimetypes
    import tempfile

    from kg.extract.world import cache_dir
    from kg.sandbox import confine, server_confinement

    mimetypes.init()
    scheme, _, path = store_uri.partition(":")
    if scheme == "oxigraph":  # created now: once confined, only the folder itself is writable
        Path(path or "./data/kg").mkdir(parents=True, exist_ok=True)
    cache_dir().mkdir(parents=True, exist_ok=True)
    temp_dir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    tempfile.tempdir = str(temp_dir)
    return confine(server_confinement(store_uri, temp_dir), required=required)


def _url_host(host: str) -> str:
    """``host`` as written in a URL (an IPv6 address in brackets).

    >>> _url_host("::1"), _url_host("127.0.0.1")
    ('[::1]', '127.0.0.1')
    """
    return f"[{host}]" if ":" in host else host
