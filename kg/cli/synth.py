"""``kg synth --articles N --seed S --out DIR|FILE.jsonl``: a synthetic corpus with its truth."""

from __future__ import annotations

import click

from kg.cli.env import get_env, reported_errors


@click.command()
@click.option("--articles", "-n", "count", default=1000, show_default=True,
              type=click.IntRange(0), help="Number of articles.")
@click.option("--actors", default=None, type=click.IntRange(1),
              help="Grow the world to this many actors (100 to 100,000; Zipf activity, "
                   "2-10 events per article). Default: the gazetteer's actors.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed.")
@click.option("--out", required=True, metavar="DIR|FILE.jsonl", type=click.Path(),
              help="A folder (one .txt per article) or a JSON-lines file.")
@click.pass_context
def synth(ctx: click.Context, count: int, actors: int | None, seed: int, out: str) -> None:
    """Write a seeded synthetic news corpus and its ground truth (actors, events, claims)."""
    from kg.errors import InputError
    from kg.synth import write_corpus

    env = get_env(ctx, None)
    with reported_errors(env):
        try:
            truth = write_corpus(out, count, seed, actors)
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror}", where=out) from error
    world = f", {actors} actors" if actors else ""
    env.echo(f"{count} articles written to {out} (seed {seed}{world}); ground truth: {truth}")
