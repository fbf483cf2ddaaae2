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
              help="Show a progress bar with articles/s and ETA (default: when stderr is a "
                   "terminal).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verb-dictionary", type=click.Path(dir_okay=False), envvar="KG_VERB_DICTIONARY",
              help="A TABARI/PETRARCH verb dictionary file whose patterns also code events "
                   "(CAMEO codes).")
@click.option("--reextract", is_flag=True,
              help="Extract again the articles whose stored text is unchanged (after changing "
                   "the gazetteer or the verb dictionary).")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links that lead outside the folders given (skipped by "
                   "default, with a warning).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], store: str | None, published: str | None,
           source: str | None, encoding: str | None, jobs: int, progress: bool | None,
           quiet: bool, verb_dictionary: str | None, reextract: bool, follow_links: bool) -> None:
    """Ingest articles (.txt, .html, .jsonl files or folders of them) into the store.

    Inputs are streamed (memory does not grow with their number) and extracted
    on --jobs processes. Run it again after an interruption: articles already
    stored with the same text are skipped. A changed text replaces the stored
    article of the same id or URL; under a key derived from a file name it is
    added beside it (key plus a short content hash), with a warning.
    """
    from tqdm import tqdm

    from kg.aggregates.snapshot import start_tables
    from kg.documents import parse_date
    from kg.extract import default_extractor
    from kg.ingest import count_inputs, ingest as run_ingest, iter_inputs
    from kg.store.filebudget import INGEST_OPEN_FILES, open_file_budget
    from kg.upgrade import refuse_old

    env = get_env(ctx, store)
    with reported_errors(env):
        defaults = {"published": parse_date(published, "--date"), "source": source}
        extractor = default_extractor(verb_dictionary)
        with open_file_budget(INGEST_OPEN_FILES):  # the writer's memory stays bounded
            opened = env.store()
        items = iter_inputs(paths, {k: v for k, v in defaults.items() if v}, encoding,
                            follow_links=follow_links)
        show = not quiet and (env.stderr_is_terminal() if progress is None else progress)
        total = count_inputs(paths, follow_links=follow_links) if show else None
        with tqdm(desc="ingest", unit="article", total=total, disable=not show, file=env.stderr,
                  smoothing=0.05) as bar:
            refuse_old(opened, env.store_uri or "PATH")
            start_tables(opened)  # a new store's analyses then read one kept value
            report = run_ingest(opened, items, extractor, n_process=jobs,
                                tick=bar.update, reextract=reextract)
        if report.changed:  # keep the analyses written by `kg analyze --write` current
            from kg.analysis.writeback import refresh

            refresh(opened)
    for warning in report.warnings:
        click.echo(f"kg: warning: {warning}", file=env.stderr, err=env.stderr is None)
    for error in report.failed:
        env.error(str(error))
    env.echo(report.summary())
    if report.failed:
        ctx.exit(ExitStatus.ERROR)
