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
    with reported_errors(env):
        text = query_text(sparql)
        answer = run_query(env.store(), text, output_format)
    env.echo(answer.decode("utf-8"), nl=not answer.endswith(b"\n"))


def query_text(argument: str) -> str:
    """The query: the file ``argument`` names if it is a readable file, else ``argument`` itself.

    A long inline query is no file name ("File name too long" is no error).

    >>> query_text("SELECT * WHERE { ?s ?p ?o } " + "#" * 300)[:8]
    'SELECT *'
    """
    from kg.errors import InputError

    path = Path(argument)
    try:
        is_file = path.is_file()
    except OSError:  # "File name too long" and the like: no file by that name
        return argument
    if not is_file:
        return argument
    try:
        return path.read_text("utf-8")
    except OSError as error:
        raise InputError(f"cannot read the query file: {error.strerror}", where=argument) from error
    except UnicodeDecodeError as error:
        raise InputError(f"the query file is not UTF-8 text ({error.reason})",
                         where=argument) from error
