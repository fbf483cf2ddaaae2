"""The seed article against its hand-written gold annotation (``tests/data/seed_gold.json``).

Items are located by a ``sentence`` substring that occurs once in the article:
a predicted event or claim matches a gold one when its trigger (or its
sentence) falls there and its type (or reporting verb) is the same. Role slots
in the gold may list alternatives (``["isis", null]``: ISIS, or nobody).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.evaluate import CHECKOUT, require
from kg.evaluate.named import as_named
from kg.evaluate.scoring import Counts, Metric, prf, set_counts
from kg.model import Claim, Event, Extraction

GOLD_FILE = CHECKOUT / "tests" / "data" / "seed_gold.json"
SEED_FILE = CHECKOUT / "seeds" / "000_be81285fb7b3f189.txt"
Slot = str | list[str | None]


def load_gold(path: Path = GOLD_FILE) -> dict[str, Any]:
    """The gold annotation as a dict (see the file's ``about``)."""
    return json.loads(require(path).read_text("utf-8"))


def _locate(text: str, snippet: str) -> tuple[int, int]:
    start = text.find(snippet)
    if start < 0 or text.find(snippet, start + 1) >= 0:
        raise ValueError(f"gold sentence must occur exactly once: {snippet!r}")
    return start, start + len(snippet)


def roles_match(slots: Sequence[Slot], predicted: Sequence[str]) -> bool:
    """Whether predicted keys fill the gold slots exactly (a list slot: any one of, ``None``: empty).

    >>> roles_match(["isis"], ["isis"]), roles_match([["isis", None]], []), roles_match([], ["isis"])
    (True, True, False)
    >>> roles_match(["a", ["b", "c"]], ["c", "a"]), roles_match(["a"], ["a", "b"])
    (True, False)
    """
    remaining = set(predicted)
    for slot in slots:
        options = slot if isinstance(slot, list) else [slot]
        hit = next((key for key in options if key is not None and key in remaining), None)
        if hit is not None:
            remaining.discard(hit)
        elif None not in options:
            return False
    return not remaining


def event_matches(gold: dict[str, Any], span: tuple[int, int], event: Event) -> bool:
    """A predicted event matches a gold one: trigger in the gold sentence, same type and roles."""
    if not (span[0] <= event.trigger.start < span[1]) or event.event_type != gold["type"]:
        return False
    if gold.get("symmetric"):
        return roles_match([*gold["agents"], *gold["targets"]], [*event.agents, *event.targets])
    return roles_match(gold["agents"], event.agents) and roles_match(gold["targets"], event.targets)


def _match_events(text: str, gold: list[dict[str, Any]], events: Sequence[Event]
                  ) -> tuple[Counts, list[tuple[dict[str, Any], Event | None]]]:
    unused, pairs, counts = list(events), [], Counts()
    for item in gold:
        span = _locate(text, item["sentence"])
        found = next((e for e in unused if event_matches(item, span, e)), None)
        if found is not None:
            unused.remove(found)
        if not item.get("optional"):
            counts.tp += found is not None
            counts.fn += found is None
        pairs.append((item, found))
    counts.fp = len(unused)
    return counts, pairs


def predicted_actors(extraction: Extraction) -> set[str]:
    """Actor keys the extraction names: mentions, event roles, speakers and channels."""
    keys = {m.key for m in extraction.mentions if m.kind == "actor"}
    keys |= {k for e in extraction.events for k in (*e.agents, *e.targets, *e.mediators)}
    return keys | {k for c in extraction.claims for k in (c.speaker, c.via) if k}


def _claim_for(extraction: Extraction, span: tuple[int, int], verb: str) -> Claim | None:
    for claim in extraction.claims:
        sentence = extraction.sentences[claim.sentence]
        if sentence.start <= span[0] < sentence.end and claim.verb == verb:
            return claim
    return None


def _claims(extraction: Extraction, gold: list[dict[str, Any]]) -> list[Metric]:
    text = extraction.article.text
    found = [_claim_for(extraction, _locate(text, g["sentence"]), g["verb"]) for g in gold]
    right = sum(c is not None and (c.speaker in g["speakers"] if g["speakers"] else c.speaker is None)
                for g, c in zip(gold, found, strict=True))
    via = [(g, c) for g, c in zip(gold, found, strict=True) if g.get("via")]
    detected = Counts(sum(c is not None for c in found), 0, sum(c is None for c in found))
    detected.fp = len(extraction.claims) - len({id(c) for c in found if c is not None})
    return [
        Metric("seed", "claim speaker accuracy", right / len(gold),
               f"{right}/{len(gold)} gold claims found with the right speaker", floor=0.9),
        Metric("seed", "claim detection F1", detected.f1, prf(detected)),
        Metric("seed", "claim channel (via) accuracy",
               sum(c is not None and c.via == g["via"] for g, c in via) / max(len(via), 1),
               f"{len(via)} gold claims reported via a broadcaster"),
    ]


def _dates(extraction: Extraction, gold: list[dict[str, Any]]) -> list[Metric]:
    text = extraction.article.text
    right_granularity = right_value = 0
    matched: set[int] = set()
    for item in gold:
        spans = [m.span() for m in re.finditer(r"\b" + re.escape(item["text"]) + r"(?!\w)", text)]
        start, end = spans[item["occurrence"]]
        time = next((t for t in extraction.times if t.span.start < end and start < t.span.end), None)
        if time is None:
            continue
        matched.add(id(time))
        right_granularity += time.granularity == item["granularity"]
        right_value += time.value == item["value"]
    n = len(gold)
    return [
        Metric("seed", "date granularity", right_granularity / n,
               f"{right_granularity}/{n} gold dates found with the right granularity", floor=1.0),
        Metric("seed", "date value", right_value / n, f"{right_value}/{n} normalised values right"),
        Metric("seed", "spurious dates", float(len(extraction.times) - len(matched)),
               "time expressions not in the gold"),
    ]


def evaluate_extraction(extraction: Extraction, gold: dict[str, Any]) -> list[Metric]:
    """Score one extraction of the seed article against ``gold``."""
    extraction = as_named(extraction)  # the gold names organisations, not their branches
    optional = {a["key"] for a in gold["actors"] if a.get("optional")}
    wanted = {a["key"] for a in gold["actors"]} - optional
    actors = set_counts(wanted, predicted_actors(extraction) - optional)
    events, pairs = _match_events(extraction.article.text, gold["events"], extraction.events)
    typed = [(g, e) for g, e in pairs if e is not None and not g.get("optional")]
    modality = sum(e.modality == g.get("modality", "asserted") for g, e in typed)  # type: ignore[union-attr]
    return [
        Metric("seed", "actor F1", actors.f1, prf(actors), floor=0.9),
        Metric("seed", "event (type+agent+target) F1", events.f1, prf(events), floor=0.8),
        Metric("seed", "event modality accuracy", modality / max(len(typed), 1),
               f"{modality}/{len(typed)} matched events"),
        *_claims(extraction, gold["claims"]),
        *_dates(extraction, gold["dates"]),
    ]


def evaluate_seed(extractor=None, gold_path: Path = GOLD_FILE) -> list[Metric]:  # type: ignore[no-untyped-def]
    """Extract the seed article and score it; raise ``EvalDataMissing`` without the gold."""
    from kg.documents import load_path
    from kg.extract import default_extractor

    gold = load_gold(gold_path)
    (article,) = list(load_path(require(SEED_FILE)))
    return evaluate_extraction((extractor or default_extractor()).extract(article), gold)
