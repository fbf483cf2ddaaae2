"""``kg validate``: SHACL report of the store's graph (exit 0 if it conforms, 1 if not)."""

from __future__ import annotations

import json

import click

from kg.cli.env import ExitStatus, get_env, reported_errors, store_option


@click.command()
@store_option
@click.option("--graph", "graph", metavar="ARTICLE_URI", default=None,
              help="Validate one article's named graph instead of the whole store.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A readable report, or JSON with every result.")
@click.pass_context
def validate(ctx: click.Context, store: str | None, graph: str | None, output_format: str) -> None:
    """Check the graph against ontology/shapes.ttl; exit 1 if it does not conform."""
    from rdflib import URIRef

    from kg.validate import validate as run_validate

    env = get_env(ctx, store)
    with reported_errors(env):
        report = run_validate(env.store(), URIRef(graph) if graph else None)
    env.echo(report.as_text() if output_format == "text" else json.dumps(report.as_dict(), indent=2))
    if not report.conforms:
        ctx.exit(ExitStatus.ERROR)
