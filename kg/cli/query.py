"""``kg query SPARQL_OR_FILE``: run a query against the store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.env import get_env, reported_errors, store_option


@click.command()
@click.argument("sparql")
@store_option
@click.option("--format", "output_format", default="json", show_default=True,
              type=click.Choice(["json", "csv", "tsv", "xml", "turtle", "nt", "jsonld"]),
              help="Results format (turtle/nt/jsonld for CONSTRUCT and DESCRIBE).")
@click.pass_context
def query(ctx: click.Context, sparql: str, store: str | None, output_format: str) -> None:
    """Run SPARQL (a query string or a file holding one); print the results."""
    from kg.query import run_query

    env = get_env(ctx, store)
    text = Path(sparql).read_text("utf-8") if Path(sparql).is_file() else sparql
    with reported_errors(env):
        answer = run_query(env.store(), text, output_format)
    env.echo(answer.decode("utf-8"), nl=not answer.endswith(b"\n"))
