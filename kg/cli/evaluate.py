"""``kg evaluate [seed|plover|petrarch|acled|all]``: precision/recall/F1 of the extractor against gold data.

Gold data missing (no ``tests/data/seed_gold.json``, no ``$KG_EVAL_DIR``) is
reported as skipped with exit status 0. ``acled`` (the ACLED development
notes, per region; ``--limit N`` samples N notes) is not part of ``all``. ``--strict`` exits 1 when a metric
misses its acceptance floor.
"""

from __future__ import annotations

import click

SETS = ("seed", "plover", "petrarch")


@click.command()
@click.argument("which", type=click.Choice([*SETS, "acled", "all"]), default="all")
@click.option("--eval-dir", "eval_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of the public gold data (default $KG_EVAL_DIR or ../shared/eval).")
@click.option("--strict", is_flag=True, help="Exit 1 when a metric misses its floor.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="acled: score a random sample of N notes (default all).")
@click.option("--seed", type=int, default=14, show_default=True, help="acled: sampling seed.")
@click.pass_context
def evaluate(ctx: click.Context, which: str, eval_dir: str | None, strict: bool,
             limit: int | None, seed: int) -> None:
    """Score the extractor on the seed gold, PLOVER GSR and PETRARCH2 records."""
    from pathlib import Path

    from kg.evaluate import EvalDataMissing
    from kg.evaluate.table import render

    directory = Path(eval_dir) if eval_dir else None
    if which == "acled":
        from kg.evaluate.acled import evaluate_acled

        try:
            regions, metrics = evaluate_acled(directory, limit=limit, seed=seed)
        except EvalDataMissing as missing:
            click.echo(render([], [f"acled: {missing}"]))
            return
        click.echo(regions + "\n\n" + render(metrics))
        if strict and any(m.passed is False for m in metrics):
            ctx.exit(1)
        return
    metrics, skipped = [], []
    for name in SETS if which == "all" else (which,):
        try:
            metrics.extend(_run(name, directory))
        except EvalDataMissing as missing:
            skipped.append(f"{name}: {missing}")
    click.echo(render(metrics, skipped))
    if strict and any(m.passed is False for m in metrics):
        ctx.exit(1)


def _run(name: str, directory) -> list:  # type: ignore[no-untyped-def,type-arg]
    if name == "seed":
        from kg.evaluate.seed import evaluate_seed

        return evaluate_seed()
    if name == "plover":
        from kg.evaluate.plover import evaluate_plover

        return evaluate_plover(directory=directory)
    from kg.evaluate.petrarch import evaluate_petrarch

    return evaluate_petrarch(directory)
