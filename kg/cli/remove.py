"""``kg remove ARTICLE_KEY_OR_URI...``: delete articles' named graphs and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kg.cli.env import ExitStatus, get_env, reported_errors, store_option

if TYPE_CHECKING:
    from rdflib import URIRef

    from kg.store import Store


@click.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
@click.pass_context
def remove(ctx: click.Context, articles: tuple[str, ...], store: str | None) -> None:
    """Remove articles (by key, article URI or graph IRI) from the store.

    An actor or place no remaining article mentions loses its description. A key
    is matched exactly as it was given (``YEM71337`` is not ``yem71337``).
    """
    env = get_env(ctx, store)
    missing = False
    with reported_errors(env):
        kg_store = env.store()
        from kg.aggregates.snapshot import kept_current

        with kept_current(kg_store):  # the tallies the analyses read, kept current at the end
            for name in articles:
                graph = _drop(kg_store, name)
                if graph is not None:
                    env.echo(f"removed {graph}")
                else:
                    env.error(f"no article or graph {name!r} in the store")
                    missing = True
        from kg.analysis.writeback import refresh

        refresh(kg_store)  # keep the analyses written by `kg analyze --write` current
    if missing:
        ctx.exit(ExitStatus.ERROR)


def _drop(store: Store, name: str) -> URIRef | None:
    """Drop the article keyed ``name``, else the graph with the IRI ``name``; return which.

    Descriptions that only the dropped graph needed go with it.
    """
    from kg.descriptions import forget_graph
    from kg.errors import InputError
    from kg.ids import article_uri
    from kg.importing import parse_graph_option

    candidates = []
    try:
        candidates.append(article_uri(name))
    except InputError:
        pass  # not a key (too long, control characters): maybe an IRI
    if ":" in name:
        candidates.append(parse_graph_option(name))
    if not candidates:
        raise InputError(f"neither an article key nor an IRI: {name!r}")
    return next((graph for graph in candidates if forget_graph(store, graph)), None)
