"""``kg ingest PATH...``: load articles, extract, store each whole."""

from __future__ import annotations

import click

from kg.cli.env import ExitStatus, get_env, reported_errors, store_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
@click.option("--date", "published", metavar="YYYY-MM-DD",
              help="Publication date for articles that do not give one.")
@click.option("--source", metavar="NAME", help="Source name for articles that do not give one.")
@click.option("--encoding", metavar="NAME", help="Text encoding of the files (default UTF-8).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extraction processes.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], store: str | None, published: str | None,
           source: str | None, encoding: str | None, jobs: int, progress: bool | None) -> None:
    """Ingest articles (.txt, .html, .jsonl files or folders of them) into the store."""
    from tqdm import tqdm

    from kg.documents import iter_articles, parse_date
    from kg.extract import default_extractor
    from kg.ingest import ingest as run_ingest

    env = get_env(ctx, store)
    with reported_errors(env):
        defaults = {"published": parse_date(published, "--date"), "source": source}
        items = iter_articles(paths, {k: v for k, v in defaults.items() if v}, encoding)
        show = env.stderr_is_terminal() if progress is None else progress
        with tqdm(desc="ingest", unit="article", disable=not show, file=env.stderr) as bar:
            report = run_ingest(env.store(), items, default_extractor(), n_process=jobs,
                                progress=lambda _: bar.update())
    for error in report.failed:
        env.error(str(error))
    env.echo(report.summary())
    if report.failed:
        ctx.exit(ExitStatus.ERROR)
