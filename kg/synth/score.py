"""Score extractions against the synthetic ground truth: precision, recall, F1.

Counts are kept per measure and added up article by article, so a corpus of
any size is scored in constant memory.

* ``actors``: the set of actor keys mentioned in each article;
* ``places``: the set of place keys mentioned;
* ``events``: events as (type, agents, targets), roles included;
* ``events (participants)``: events as (type, everyone involved), roles ignored;
* ``claims``: claims by speaker.

Examples
--------
>>> from kg.model import Article, Event, Extraction, Mention, Span
>>> article = Article(key="a", text="ISIS shelled Arsal.", sha256="x")
>>> truth = {"actors": [{"key": "isis"}], "places": [{"key": "arsal"}], "claims": [],
...          "events": [{"type": "Shelling", "agents": ["isis"], "targets": []}]}
>>> extraction = Extraction(article=article, mentions=(
...     Mention(Span(0, 4, "ISIS"), 0, "actor", "isis"),),
...     events=(Event(0, "Shelling", Span(5, 12, "shelled"), 0, agents=("isis",)),))
>>> scores = Scores()
>>> scores.add(extraction, truth)
>>> scores["actors"].f1, scores["places"].recall, scores["events"].f1
(1.0, 0.0, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Any

from kg.evaluate.named import as_named
from kg.evaluate.scoring import Counts
from kg.model import Extraction

MEASURES = ("actors", "places", "events", "events (participants)", "claims")


class Tally(Counts):
    """True positives, false positives and false negatives of one measure.

    Precision and recall are 0.0 when nothing was found or expected.
    """

    EMPTY = 0.0

    def add(self, found: Iterable[Hashable], gold: Iterable[Hashable]) -> None:
        """Add one article's found and gold items (multisets)."""
        found_counts, gold_counts = Counter(found), Counter(gold)
        common = sum((found_counts & gold_counts).values())
        self.tp += common
        self.fp += sum(found_counts.values()) - common
        self.fn += sum(gold_counts.values()) - common


def _found(extraction: Extraction) -> dict[str, list[Hashable]]:
    events = extraction.events
    return {
        "actors": list({m.key for m in extraction.mentions if m.kind == "actor"}),
        "places": list({m.key for m in extraction.mentions if m.kind == "place"}),
        "events": [(e.event_type, frozenset(e.agents), frozenset(e.targets)) for e in events],
        "events (participants)": [(e.event_type, frozenset((*e.agents, *e.targets,
                                                            *e.mediators))) for e in events],
        "claims": [c.speaker for c in extraction.claims],
    }


def _gold(truth: dict[str, Any]) -> dict[str, list[Hashable]]:
    events = truth["events"]
    return {
        "actors": list({m["key"] for m in truth["actors"]}),
        "places": list({m["key"] for m in truth["places"]}),
        "events": [(e["type"], frozenset(e["agents"]), frozenset(e["targets"])) for e in events],
        "events (participants)": [(e["type"], frozenset((*e["agents"], *e["targets"],
                                                         *e.get("mediators", ()))))
                                  for e in events],
        "claims": [c["speaker"] for c in truth["claims"]],
    }


class Scores(dict[str, Tally]):
    """A :class:`Tally` per measure of :data:`MEASURES`."""

    def __init__(self) -> None:
        super().__init__((name, Tally()) for name in MEASURES)

    def add(self, extraction: Extraction, truth: dict[str, Any]) -> None:
        """Score one article, its actors named as the world's truth names them: organisations,
        not their branches or their forces in power (:func:`kg.evaluate.named.as_named`)."""
        found, gold = _found(as_named(extraction)), _gold(truth)
        for name in MEASURES:
            self[name].add(found[name], gold[name])

    def table(self) -> str:
        """A plain-text table: measure, precision, recall, F1."""
        lines = [f"{'measure':<24}{'P':>7}{'R':>7}{'F1':>7}"]
        lines += [f"{name:<24}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}"
                  for name, t in self.items()]
        return "\n".join(lines)


__all__ = ["MEASURES", "Scores", "Tally"]
