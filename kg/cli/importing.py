"""``kg import FILE...``: load RDF produced elsewhere, validated first (see :mod:`kg.importing`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.env import ExitStatus, get_env, reported_errors, store_option
from kg.formats import RDF_FORMATS


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option
@click.option("--format", "format_name", type=click.Choice([f.name for f in RDF_FORMATS]),
              help="RDF format (default: from each file's extension).")
@click.option("--graph", "graph", metavar="IRI_OR_KEY",
              help="Named graph for triples (default: the article graph named after the file).")
@click.option("--atomic/--bulk", default=None,
              help="One transaction, or pyoxigraph's faster bulk loader "
                   "(default: bulk above 64 MB).")
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], store: str | None,
            format_name: str | None, graph: str | None, atomic: bool | None) -> None:
    """Import RDF files (.ttl .trig .nt .nq .jsonld .rdf) into the store."""
    from kg.errors import InputError, KGError, StoreError
    from kg.importing import import_file, parse_graph_option

    env = get_env(ctx, store)
    failed = False
    with reported_errors(env):
        if graph and len(paths) > 1:
            raise InputError("--graph takes one file at a time")
        target = parse_graph_option(graph) if graph else None
        kg_store = env.store()
        for path in paths:
            try:
                env.echo(import_file(kg_store, path, format_name, target, atomic=atomic).summary())
            except StoreError:
                raise
            except KGError as error:  # a bad file: say so, go on with the others
                env.error(str(error))
                failed = True
    if failed:
        ctx.exit(ExitStatus.ERROR)
