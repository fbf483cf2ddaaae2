"""``kg view``: the actor network as one standalone, offline HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.env import get_env, reported_errors, store_option


@click.command()
@store_option
@click.option("--out", default="network.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def view(ctx: click.Context, store: str | None, out: Path) -> None:
    """Write the network page with every asset inlined (opens without a server or network)."""
    from kg.analysis.projection import actor_network
    from kg.views import network_page

    env = get_env(ctx, store)
    with reported_errors(env):
        html = network_page(actor_network(env.store()), inline_assets=True)
    out.write_text(html, "utf-8")
    env.echo(f"wrote {out} ({len(html.encode()) / 1e6:.1f} MB)")
