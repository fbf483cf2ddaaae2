"""``kg analyze NAME [ACTOR [OTHER]]``: network analyses of the stored actor graph."""

from __future__ import annotations

import click

from kg.cli.env import get_env, reported_errors, store_option

NAMES = ("fights", "mediators", "blocs", "balance", "centrality", "ego", "path")


@click.command()
@click.argument("name", type=click.Choice(NAMES))
@click.argument("actors", nargs=-1, metavar="[ACTOR [OTHER]]")
@store_option
@click.option("--format", "output_format", default="json", show_default=True,
              type=click.Choice(["json", "csv", "table"]), help="Output format.")
@click.option("--since", metavar="DATE", help="Only events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Only events on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--types", metavar="T1,T2", help="Only these event types (e.g. ArmedClash,Shelling).")
@click.option("--min-weight", type=click.IntRange(1), default=1, show_default=True,
              help="Least number of events between two actors for their ties to count.")
@click.option("--articles", metavar="KEY1,KEY2",
              help="Only events from these articles (keys or article URIs).")
@click.option("--hops", type=click.IntRange(1, 6), default=1, show_default=True,
              help="ego: how many steps out from the actor.")
@click.option("--top", type=click.IntRange(1), help="Keep the first N rows.")
@click.option("--window", type=click.Choice(["month", "year"]),
              help="balance: also one census per month or year.")
@click.option("--include-negated", is_flag=True,
              help="Count negated, planned and hypothetical events too.")
@click.option("--write", is_flag=True,
              help="Also write every analysis into the store (graph <.../id/analysis/network>); "
                   "kg ingest and kg remove keep it up to date from then on.")
@click.pass_context
def analyze(ctx: click.Context, name: str, actors: tuple[str, ...], store: str | None,
            output_format: str, write: bool, **options: object) -> None:
    """Run a network analysis: fights [ACTOR], mediators, blocs, balance, centrality,
    ego ACTOR, path ACTOR OTHER. Actors are named by URI, key, label or alias."""
    from kg import ids
    from kg.analysis.output import encoded, render
    from kg.analysis.run import params_from_strings, run_analysis

    env = get_env(ctx, store)
    if len(actors) > 2:
        raise click.UsageError("at most two actors")
    values = {key: str(value) for key, value in options.items() if value not in (None, False)}
    values.update(zip(("actor", "other"), actors, strict=False))
    with reported_errors(env):
        params = params_from_strings(values)
        store = env.store()  # an on-disk store keeps the answer for the next run
        keep = getattr(store, "path", None) is not None
        result = run_analysis(store, name, params, keep=keep)
        if output_format == "json":  # as bytes: no text made of 133 MB (balance at 100k)
            env.echo(encoded(result))
        else:
            text = render(result, output_format)
            env.echo(text, nl=not text.endswith("\n"))
        if write:
            from kg.analysis.writeback import write as write_back

            count = write_back(env.store())
            click.echo(f"wrote {count} triples of analyses to {ids.analysis_graph()}", err=True,
                       file=env.stderr)
