"""``kg serve``: the web app under waitress, a production WSGI server."""

from __future__ import annotations

import click

from kg.cli.env import get_env, store_option


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; only loopback unless told otherwise.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Worker threads answering requests.")
@click.option("--query-timeout", type=click.FloatRange(0), envvar="KG_QUERY_TIMEOUT",
              help="Seconds before a SPARQL query is cut (default 10; 0 = no limit).")
@click.option("--row-limit", type=click.IntRange(1), envvar="KG_ROW_LIMIT",
              help="Rows (or triples) at most in one SPARQL answer (default 10000).")
@click.option("--query-workers", type=click.IntRange(1, 64), envvar="KG_QUERY_WORKERS",
              help="Processes running SPARQL queries at once (default 4).")
@click.option("--query-memory", type=click.IntRange(0), envvar="KG_QUERY_MEMORY_MB",
              help="MB one SPARQL query may allocate in its worker (default 2048; 0 = no cap).")
@click.option("--public-url", envvar="KG_PUBLIC_URL",
              help="Public base URL named in the SPARQL service description and editor "
                   "(default http://HOST:PORT/; the Host header is never used).")
@click.pass_context
def serve(ctx: click.Context, store: str | None, host: str, port: int, threads: int,
          query_timeout: float | None, row_limit: int | None, query_workers: int | None,
          query_memory: int | None, public_url: str | None) -> None:
    """Serve the app (network views, SPARQL endpoint, Linked Data, API) on HOST:PORT.

    Writes (SPARQL Update, Graph Store, POST /api/articles) are off unless the
    environment sets KG_WRITE_TOKEN.
    """
    from waitress import serve as waitress_serve

    from kg.store import store_uri
    from web import close_app, create_app

    env = get_env(ctx, store)
    options = {"KG_QUERY_TIMEOUT": query_timeout, "KG_ROW_LIMIT": row_limit,
               "KG_QUERY_WORKERS": query_workers, "KG_QUERY_MEMORY_MB": query_memory,
               "KG_PUBLIC_URL": public_url or f"http://{_url_host(host)}:{port}/"}
    app = create_app({"KG_STORE": store_uri(env.store_uri),
                      **{key: value for key, value in options.items() if value is not None}})
    click.echo(f"Conflict KG on http://{host}:{port}/ (store {app.config['KG_STORE']}; "
               f"query timeout {app.config['KG_QUERY_TIMEOUT']} s, row limit "
               f"{app.config['KG_ROW_LIMIT']}, writes "
               f"{'on' if app.config['KG_WRITE_TOKEN'] else 'off'})", err=True)
    try:
        waitress_serve(app, host=host, port=port, threads=threads)
    finally:
        close_app(app)


def _url_host(host: str) -> str:
    """``host`` as written in a URL (an IPv6 address in brackets).

    >>> _url_host("::1"), _url_host("127.0.0.1")
    ('[::1]', '127.0.0.1')
    """
    return f"[{host}]" if ":" in host else host
