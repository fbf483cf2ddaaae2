"""``kg upgrade``: move per-article descriptions into the entities graph; count the aggregates."""

from __future__ import annotations

import click

from kg.cli.env import get_env, reported_errors, store_option


@click.command()
@store_option
@click.pass_context
def upgrade(ctx: click.Context, store: str | None) -> None:
    """Upgrade a store written before the entities graph (one description per entity) or the
    aggregates (tallies kept current at ingest); on a store up to date, keep the tallies the
    analyses read whole (one value for ``kg analyze`` to read)."""
    from kg.upgrade import keep_analysis_tables, needs_upgrade
    from kg.upgrade import upgrade as run_upgrade

    env = get_env(ctx, store)
    with reported_errors(env):
        kg_store = env.store()
        if not needs_upgrade(kg_store):
            kept = keep_analysis_tables(kg_store)
            kg_store.flush()
            env.echo("the store is up to date" + (
                "; the tallies the analyses read are kept whole" if kept else ""))
            return
        count = run_upgrade(kg_store)
        kg_store.flush()
    env.echo(f"upgraded: {count} actors and places described once, in the entities graph; "
             "aggregates counted (or their dyad index or mention tallies added)")
