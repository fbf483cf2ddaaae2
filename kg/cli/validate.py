"""``kg validate``: SHACL report of the store's graph."""

from __future__ import annotations

import json

import click

from kg.cli.env import ExitStatus, get_env, reported_errors, store_option


@click.command()
@store_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def validate(ctx: click.Context, store: str | None, output_format: str) -> None:
    """Check the graph against ontology/shapes.ttl; exit 1 if it does not conform."""
    from kg.validate import validate as run_validate

    env = get_env(ctx, store)
    with reported_errors(env):
        report = run_validate(env.store())
    env.echo(report.as_text() if output_format == "text" else json.dumps(report.as_dict(), indent=2))
    if not report.conforms:
        ctx.exit(ExitStatus.ERROR)
