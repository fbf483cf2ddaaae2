"""``kg serve``: the web app under waitress, a production WSGI server set up for a public endpoint.

See :mod:`kg.cli.server` for the limits on connections, slow clients and
threads; the SPARQL limits (deadline, rows, bytes, memory, queries per
client) reach the app's config.
"""

from __future__ import annotations

import click

from kg.cli.env import ExitStatus, get_env, store_option

MEGABYTE = 1024 * 1024


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; only loopback unless told otherwise.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Threads answering pages (SPARQL queries and /healthz have their own).")
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
@click.pass_context
def serve(ctx: click.Context, store: str | None, host: str, port: int, threads: int,
          query_timeout: float | None, row_limit: int | None, max_answer_mb: int | None,
          query_workers: int | None, query_memory: int | None, client_queries: int | None,
          connection_limit: int, idle_timeout: int, request_timeout: int) -> None:
    """Serve the app (network views, SPARQL endpoint, Linked Data, API) on HOST:PORT.

    Writes (SPARQL Update, Graph Store, POST /api/articles) are off unless the
    environment sets KG_WRITE_TOKEN.
    """
    from kg.cli.server import ServerLimits, bind
    from kg.store import store_uri
    from web import close_app, create_app

    env = get_env(ctx, store)
    options = {"KG_QUERY_TIMEOUT": query_timeout, "KG_ROW_LIMIT": row_limit,
               "KG_QUERY_WORKERS": query_workers, "KG_QUERY_MEMORY_MB": query_memory,
               "KG_CLIENT_QUERIES": client_queries,
               "KG_MAX_ANSWER_BYTES": max_answer_mb and max_answer_mb * MEGABYTE}
    app = create_app({"KG_STORE": store_uri(env.store_uri),
                      **{key: value for key, value in options.items() if value is not None}})
    config = app.config
    limits = ServerLimits(threads=threads, query_threads=int(config["KG_QUERY_WORKERS"]) + 2,
                          connection_limit=connection_limit, idle_timeout=idle_timeout,
                          request_timeout=request_timeout,
                          max_request_body=int(config["MAX_CONTENT_LENGTH"]))
    try:
        server = bind(app, host, port, limits)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        click.echo(f"kg serve: cannot listen on {host}:{port}: {reason}", err=True)
        raise SystemExit(ExitStatus.ERROR) from None
    # The socket is bound and nothing is served yet: confine the process here.
    click.echo(f"Conflict KG on http://{host}:{server.effective_port}/ (store "
               f"{config['KG_STORE']}; query timeout {config['KG_QUERY_TIMEOUT']} s, row limit "
               f"{config['KG_ROW_LIMIT']}, answers up to "
               f"{int(config['KG_MAX_ANSWER_BYTES']) / MEGABYTE:g} MB, writes "
               f"{'on' if config['KG_WRITE_TOKEN'] else 'off'})", err=True)
    try:
        server.run()
    finally:
        close_app(app)
