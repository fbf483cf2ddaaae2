"""``kg remove ARTICLE_KEY_OR_URI...``: delete articles' named graphs and nothing else."""

from __future__ import annotations

import click

from kg.cli.env import ExitStatus, get_env, reported_errors, store_option


@click.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
@click.pass_context
def remove(ctx: click.Context, articles: tuple[str, ...], store: str | None) -> None:
    """Remove articles (by key, article URI or graph IRI) from the store.

    An actor or place no remaining article mentions loses its description.
    """
    from kg.descriptions import forget_graph
    from kg.importing import parse_graph_option

    env = get_env(ctx, store)
    missing = False
    with reported_errors(env):
        kg_store = env.store()
        for name in articles:
            graph = parse_graph_option(name)
            if forget_graph(kg_store, graph):
                env.echo(f"removed {graph}")
            else:
                env.error(f"no article or graph {name!r} in the store")
                missing = True
        from kg.analysis.writeback import refresh

        refresh(kg_store)  # keep the analyses written by `kg analyze --write` current
    if missing:
        ctx.exit(ExitStatus.ERROR)
