"""Measuring the extractor against gold annotations.

Three gold sets: the hand-written annotation of the seed article
(``tests/data/seed_gold.json``), the PLOVER gold-standard records and the
PETRARCH2 unit-test records (both read from the evaluation folder, see
:func:`eval_dir`; never copied into the repository).

Each evaluation returns a list of :class:`~kg.evaluate.scoring.Metric` rows
that :func:`kg.evaluate.table.render` prints.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import InputError

EVAL_ENV = "KG_EVAL_DIR"
CHECKOUT = Path(__file__).resolve().parents[2]


def eval_dir() -> Path:
    """The folder of public gold data: ``$KG_EVAL_DIR``, else ``../shared/eval`` of the checkout.

    >>> eval_dir().name
    'eval'
    """
    configured = os.environ.get(EVAL_ENV)
    return Path(configured) if configured else CHECKOUT.parent / "shared" / "eval"


class EvalDataMissing(InputError):
    """The gold data an evaluation needs is not there: the evaluation is skipped, not failed."""


def require(path: Path) -> Path:
    """Return ``path`` if it exists, else raise :class:`EvalDataMissing` naming it."""
    if not path.exists():
        raise EvalDataMissing(f"gold data not found (set ${EVAL_ENV})", where=str(path))
    return path


__all__ = ["EVAL_ENV", "EvalDataMissing", "eval_dir", "require"]
