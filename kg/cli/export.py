"""``kg export``: the graph, one article or one actor's neighbourhood, in any RDF format.

``--format graphml|gexf|csv`` exports the actor network instead, through
``kg.analysis.exports.export_network(store, fmt, out)``.
"""

from __future__ import annotations

import importlib
import sys
from functools import partial
from pathlib import Path
from typing import BinaryIO

import click

from kg.cli.env import Environment, get_env, reported_errors, store_option
from kg.formats import RDF_FORMATS

NETWORK_FORMATS = ("graphml", "gexf", "csv")


def _network_writer(store, fmt: str):  # type: ignore[no-untyped-def]
    """``out -> None`` writing the actor network, if the analysis exporters are installed."""
    from kg.errors import ConfigError

    try:
        module = importlib.import_module("kg.analysis.exports")
    except ModuleNotFoundError as error:
        raise ConfigError(f"--format {fmt}: the network exporters (kg.analysis.exports) are "
                          "not available") from error
    return lambda out: module.export_network(store, fmt, out)


def _stdout(env: Environment) -> BinaryIO:
    stream = env.stdout or sys.stdout
    return getattr(stream, "buffer", stream)


@click.command()
@store_option
@click.option("--format", "format_name", default="turtle", show_default=True,
              type=click.Choice([f.name for f in RDF_FORMATS] + list(NETWORK_FORMATS)))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@click.option("--article", metavar="KEY", help="Only this article's named graph.")
@click.option("--graph", "graph_iri", metavar="IRI", help="Only this named graph.")
@click.option("--actor", metavar="KEY",
              help="Only this actor's neighbourhood: its events, claims and their evidence.")
@click.pass_context
def export(ctx: click.Context, store: str | None, format_name: str, out: Path | None,
           article: str | None, graph_iri: str | None, actor: str | None) -> None:
    """Export the graph as RDF (or the actor network as GraphML, GEXF or CSV)."""
    from kg import export as exports
    from kg.errors import InputError
    from kg.importing import parse_graph_option

    env = get_env(ctx, store)
    with reported_errors(env):
        if sum(bool(x) for x in (article, graph_iri, actor)) > 1:
            raise InputError("give at most one of --article, --graph and --actor")
        kg_store = env.store()
        if format_name in NETWORK_FORMATS:
            if article or graph_iri or actor:
                raise InputError(f"--format {format_name} exports the whole actor network")
            write = _network_writer(kg_store, format_name)
        elif actor:
            write = partial(exports.export_actor, kg_store, format_name=format_name,
                            actor_key=actor)
        elif article:
            write = partial(exports.export_article, kg_store, format_name=format_name,
                            article_key=article)
        elif graph_iri:
            write = partial(exports.export_graph, kg_store, format_name=format_name,
                            graph=parse_graph_option(graph_iri))
        else:
            write = partial(exports.export_rdf, kg_store, format_name=format_name)
        if out is None:
            write(_stdout(env))
        else:
            exports.write_atomically(out, write)
