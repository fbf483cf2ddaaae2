"""``kg export``: the graph (or one article) as RDF."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.env import get_env, reported_errors, store_option
from kg.formats import RDF_FORMATS


@click.command()
@store_option
@click.option("--format", "format_name", default="turtle", show_default=True,
              type=click.Choice([f.name for f in RDF_FORMATS]))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@click.option("--article", metavar="KEY", help="Only this article's named graph.")
@click.pass_context
def export(ctx: click.Context, store: str | None, format_name: str, out: Path | None,
           article: str | None) -> None:
    """Export the graph as RDF."""
    from kg import ids
    from kg.export import export_rdf, export_to_file

    env = get_env(ctx, store)
    with reported_errors(env):
        graph = ids.article_uri(article) if article else None
        if out is None:
            export_rdf(env.store(), sys.stdout.buffer, format_name, graph)
        else:
            export_to_file(env.store(), out, format_name, graph)
