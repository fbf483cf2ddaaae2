"""A plain-text (or markdown) table of evaluation metrics.

Examples
--------
>>> from kg.evaluate.scoring import Metric
>>> print(render([Metric("seed", "actor F1", 0.95, "P 1.00 R 0.91", floor=0.9)]))
| set  | metric   | value | floor  | ok  | detail        |
|------|----------|-------|--------|-----|---------------|
| seed | actor F1 | 0.950 | >= 0.9 | yes | P 1.00 R 0.91 |
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.evaluate.scoring import Metric

HEADER = ("set", "metric", "value", "floor", "ok", "detail")


def _row(metric: Metric) -> tuple[str, ...]:
    floor = "" if metric.floor is None else \
        f"{'>=' if metric.higher_is_better else '<'} {metric.floor:g}"
    ok = {None: "", True: "yes", False: "NO"}[metric.passed]
    return (metric.dataset, metric.name, f"{metric.value:.3f}", floor, ok, metric.detail)


def render(metrics: Sequence[Metric], skipped: Sequence[str] = ()) -> str:
    """A markdown table of ``metrics``, then one line per skipped evaluation."""
    rows = [HEADER, *(_row(m) for m in metrics)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
             for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join([*lines, *(f"skipped: {reason}" for reason in skipped)])
