"""``kg view``: the actor network as one standalone, offline HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.env import get_env, reported_errors, store_option


@click.command()
@store_option
@click.option("--out", default="network.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path))
@click.option("--groups", default="", help="Edge groups to show, comma-separated "
              "(fights, coerces, accuses, negotiates, mediates, supports, co-acts, other).")
@click.option("--from", "start", default="", help="First date (YYYY[-MM[-DD]]).")
@click.option("--to", "end", default="", help="Last date (YYYY[-MM[-DD]]).")
@click.option("--min-weight", default="1", help="Minimum number of events per edge.")
@click.option("--focus", default="", help="Actor URI: show its ego network.")
@click.option("--hops", default="1", help="Ego network radius.")
@click.option("--limit", default="5000", help="At most this many actors (the most active).")
@click.pass_context
def view(ctx: click.Context, store: str | None, out: Path, groups: str, start: str, end: str,
         min_weight: str, focus: str, hops: str, limit: str) -> None:
    """Write the network page with every asset inlined (opens without a server or network)."""
    from kg.errors import InputError
    from kg.views import ViewFilter, network_page, view_source

    try:
        view_filter = ViewFilter.from_params({
            "groups": groups, "from": start, "to": end, "min_weight": min_weight,
            "focus": focus, "hops": hops, "limit": limit})
    except InputError as error:
        raise click.UsageError(str(error)) from None
    env = get_env(ctx, store)
    with reported_errors(env):
        html = network_page(view_source(env.store()), view_filter, inline_assets=True)
    out.write_text(html, "utf-8")
    env.echo(f"wrote {out} ({len(html.encode()) / 1e6:.1f} MB)")
