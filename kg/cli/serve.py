"""``kg serve``: the web app under waitress, a production WSGI server."""

from __future__ import annotations

import click

from kg.cli.env import get_env, store_option


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; only loopback unless told otherwise.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256))
@click.pass_context
def serve(ctx: click.Context, store: str | None, host: str, port: int, threads: int) -> None:
    """Serve the app (network view, SPARQL endpoint, exports) on HOST:PORT."""
    from waitress import serve as waitress_serve

    from kg.store import store_uri
    from web import create_app

    env = get_env(ctx, store)
    app = create_app({"KG_STORE": store_uri(env.store_uri)})
    click.echo(f"Conflict KG on http://{host}:{port}/ (store {app.config['KG_STORE']})",
               err=True)
    waitress_serve(app, host=host, port=port, threads=threads)
