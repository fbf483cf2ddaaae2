"""Scoring primitives: counts, precision/recall/F1, macro-F1, span overlap.

Examples
--------
>>> c = Counts(tp=3, fp=1, fn=2)
>>> round(c.precision, 2), round(c.recall, 2), round(c.f1, 3)
(0.75, 0.6, 0.667)
>>> round(macro_f1(["A", "A", "B"], ["A", "B", "B"]), 3)
0.667
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar


@dataclass
class Counts:
    """True positives, false positives and false negatives.

    :attr:`EMPTY` is the precision (recall) when nothing was predicted
    (expected): 1.0 here, as nothing predicted wrongly; a subclass may choose 0.0.
    """

    EMPTY: ClassVar[float] = 1.0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); :attr:`EMPTY` when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else self.EMPTY

    @property
    def recall(self) -> float:
        """tp / (tp + fn); :attr:`EMPTY` when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else self.EMPTY

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return type(self)(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Metric:
    """One row of an evaluation table.

    ``value`` is the headline number (an F1, an accuracy or a rate), ``floor``
    the acceptance floor it must reach (``None``: reported only), and
    ``higher_is_better`` false for rates that must stay *under* the floor.
    """

    dataset: str
    name: str
    value: float
    detail: str = ""
    floor: float | None = None
    higher_is_better: bool = True

    @property
    def passed(self) -> bool | None:
        """Whether the floor is met; ``None`` when there is no floor."""
        if self.floor is None:
            return None
        return self.value >= self.floor if self.higher_is_better else self.value < self.floor


def set_counts(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Counts:
    """Counts of two sets compared exactly.

    >>> set_counts({"a", "b"}, {"b", "c", "d"})
    Counts(tp=1, fp=2, fn=1)
    """
    gold_set, predicted_set = set(gold), set(predicted)
    return Counts(len(gold_set & predicted_set), len(predicted_set - gold_set),
                  len(gold_set - predicted_set))


def prf(counts: Counts) -> str:
    """``P 0.75 R 0.60 (tp 3, fp 1, fn 2)`` for a table's detail column."""
    return (f"P {counts.precision:.2f} R {counts.recall:.2f} "
            f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})")


def per_label_counts(gold: Sequence[str | None], predicted: Sequence[str | None]
                     ) -> dict[str, Counts]:
    """Per-label counts of a single-label classification (``None``: no label predicted).

    >>> per_label_counts(["A", "B"], ["A", None])["B"]
    Counts(tp=0, fp=0, fn=1)
    """
    counts: dict[str, Counts] = {}
    for want, got in zip(gold, predicted, strict=True):
        if want is not None:
            counts.setdefault(want, Counts())
        if got is not None:
            counts.setdefault(got, Counts())
        if want == got and want is not None:
            counts[want].tp += 1
            continue
        if want is not None:
            counts[want].fn += 1
        if got is not None:
            counts[got].fp += 1
    return counts


def macro_f1(gold: Sequence[str | None], predicted: Sequence[str | None]) -> float:
    """Unweighted mean F1 over the gold labels (labels only ever predicted count as 0 F1 too).

    >>> macro_f1(["A", "B"], ["A", "B"])
    1.0
    >>> macro_f1(["A", "B"], [None, None])
    0.0
    """
    counts = per_label_counts(gold, predicted)
    return sum(c.f1 for c in counts.values()) / len(counts) if counts else 0.0


def accuracy(gold: Sequence[object], predicted: Sequence[object]) -> float:
    """Share of positions where prediction equals gold.

    >>> accuracy(["a", "b", "c", "d"], ["a", "x", "c", None])
    0.5
    """
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def token_overlap(gold: str, predicted: str) -> float:
    """Token overlap of two spans: shared tokens / tokens of the longer span (case-folded).

    >>> token_overlap("the Syrian army", "Syrian army")
    0.6666666666666666
    >>> token_overlap("Hungarian", "Romanian")
    0.0
    """
    a, b = gold.lower().split(), predicted.lower().split()
    if not a or not b:
        return 0.0
    shared = sum(min(a.count(t), b.count(t)) for t in set(a))
    return shared / max(len(a), len(b))


def span_counts(gold: Sequence[str], predicted: Sequence[str], threshold: float = 0.5) -> Counts:
    """Match gold spans to predicted spans one-to-one when their token overlap >= ``threshold``.

    >>> span_counts(["Israeli troops", "Hamas"], ["Israeli troops", "Gaza"])
    Counts(tp=1, fp=1, fn=1)
    """
    unused = list(predicted)
    tp = 0
    for want in gold:
        best = max(unused, key=lambda got: token_overlap(want, got), default=None)
        if best is not None and token_overlap(want, best) >= threshold:
            unused.remove(best)
            tp += 1
    return Counts(tp, len(unused), len(gold) - tp)
