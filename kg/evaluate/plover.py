"""The PLOVER gold-standard records: event type and source/target actor spans.

Each record is one sentence with a PLOVER v0.5 event label (renamed to PLOVER
2021 with :data:`kg.taxonomy.PLOVER_05_TO_2021`) and the text of its source and
target actors. The extractor reads each sentence as an article; its *main*
event (the first with an agent, else the first) gives the predicted label
through :func:`primary_plover`, and the mentions of that event's agents and
targets give the predicted spans (a match is token overlap >= 0.5).

A mention is the name the gazetteer resolved ("Albanians", "U.N."); PLOVER
marks the whole noun phrase that fills the role ("Ethnic Albanians in south
Serbia", "U.N. war crimes court"). The scorer compares like with like: it
widens each role mention to its phrase in the parse
(:func:`kg.extract.extent.phrase_extent`). The extraction itself, and so the
knowledge graph, keeps the mention as the name; which actor fills the role
does not change.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate import eval_dir, require
from kg.evaluate.scoring import Counts, Metric, accuracy, macro_f1, prf, span_counts
from kg.model import Event, Extraction, Mention

Phrase = Callable[[Mention], str]
"""The text a role's mention stands for in the gold (by default the mention's own text)."""

GSR_FILE = Path("plover_gsr") / "PLOVER_GSR_CAMEO.json"
CROSSWALK_FILE = Path("plover_gsr") / "CAMEO2PLOVER-2021.txt"


@dataclass(frozen=True)
class Record:
    """One gold record: sentence, PLOVER 2021 label, source and target actor texts."""

    id: str
    text: str
    label: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


def gold_label(label: str) -> str:
    """A v0.5 label in PLOVER 2021 terms.

    >>> gold_label("FIGHT"), gold_label("DISAPPROVE"), gold_label("AGREE")
    ('ASSAULT', 'ACCUSE', 'AGREE')
    """
    from kg.taxonomy import PLOVER_05_TO_2021

    return PLOVER_05_TO_2021.get(label.upper(), label.upper())


def load_records(directory: Path | None = None) -> list[Record]:
    """The gold records (the leading DOCUMENT header is skipped)."""
    path = require((directory or eval_dir()) / GSR_FILE)
    records = []
    for item in json.loads(path.read_text("utf-8")):
        if item.get("event") == "DOCUMENT" or not item.get("text"):
            continue
        records.append(Record(item["id"], " ".join(item["text"].split()), gold_label(item["event"]),
                              _actor_texts(item.get("source")), _actor_texts(item.get("target"))))
    return records


def _actor_texts(value: object) -> tuple[str, ...]:
    """Actor texts of a source/target field (a few records hold a bare string: no actor)."""
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def parse_crosswalk(lines: Iterable[str]) -> dict[str, str]:
    """CAMEO code -> PLOVER category from the official crosswalk (first line of a code wins).

    >>> parse_crosswalk(["# c", "0871: RETREAT, ceasefire, military # truce", "08: CONCEDE", "08: RETREAT"])
    {'0871': 'RETREAT', '08': 'CONCEDE'}
    """
    table: dict[str, str] = {}
    for line in lines:
        code, sep, rest = line.split("#")[0].partition(":")
        if sep and code.strip().isdigit() and rest.strip():
            table.setdefault(code.strip(), rest.split(",")[0].strip())
    return table


@functools.lru_cache(maxsize=4)
def primary_plover(event_type: str, crosswalk_file: Path | None = None) -> str:
    """The one PLOVER category an event type is scored as.

    The type's CAMEO codes are looked up in the crosswalk, most general code
    first; the first category that is also among the type's own PLOVER codes
    wins, else the type's first PLOVER code.
    """
    from kg.taxonomy import event_type as lookup

    info = lookup(event_type)
    path = crosswalk_file or eval_dir() / CROSSWALK_FILE
    table = parse_crosswalk(path.read_text("utf-8").splitlines()) if path.exists() else {}
    found = [table[c] for c in sorted(info.cameo, key=len) if table.get(c) in info.plover]
    return found[0] if found else info.plover[0]


VERBAL_CONFLICT = {"ACCUSE", "REJECT", "THREATEN"}


def event_plover(event: Event, crosswalk_file: Path | None = None) -> str:
    """The PLOVER category of an event, with its modality read as CAMEO and PLOVER code it.

    An intended or hypothetical act is coded as the intent: cooperation as AGREE
    ("express intent to ..."), material conflict as THREATEN. A negated
    cooperative or neutral act is a refusal, REJECT. Asserted events keep
    their type's :func:`primary_plover`.

    >>> from kg.model import Event, Span
    >>> def ev(kind, modality):
    ...     return Event(0, kind, Span(0, 1, "x"), 0, ("a",), (), (), modality=modality)
    >>> [event_plover(ev("Withdraw", m)) for m in ("asserted", "planned", "negated")]
    ['RETREAT', 'RETREAT', 'REJECT']
    >>> event_plover(ev("Support", "planned")), event_plover(ev("Shelling", "hypothetical"))
    ('AGREE', 'THREATEN')
    """
    from kg.taxonomy import sign_of

    primary = primary_plover(event.event_type, crosswalk_file)
    sign = sign_of(event.event_type)
    if event.modality == "negated" and sign >= 0:
        return "REJECT"
    if event.modality in ("planned", "hypothetical") and primary not in VERBAL_CONFLICT:
        if sign > 0:
            return "AGREE"
        if sign < 0:
            return "THREATEN"
    return primary


def main_event(extraction: Extraction) -> Event | None:
    """The event a one-sentence record is about: the first with an agent, else the first."""
    return next((e for e in extraction.events if e.agents), None) or next(iter(extraction.events), None)


def place_target(extraction: Extraction, event: Event) -> list[str]:
    """The event's place as PLOVER codes it when the event has no target actor, or was aimed at it.

    CAMEO and PLOVER coders take the place an event is aimed at or happens in as
    its target, with the place's country as the actor ("shelled Juba", "imposed
    a curfew in Algiers"); the extraction keeps it as the event's place. The place an
    act was aimed at (:attr:`~kg.model.Event.aim`) is its target whoever else it hit
    ("shelled Juba, killing 20 people": Juba, where ACLED codes the people). The
    span is the place's mention in the event's sentence. Cooperative events
    (talks, agreements) are not aimed at the place they happen in, except a
    visit: CAMEO codes the host as its target (042, "make a visit").
    """
    from kg.taxonomy import sign_of

    visit = event.trigger.text.lower().startswith("visit")
    place = event.aim or event.place
    if event.targets and not event.aim or place is None \
            or sign_of(event.event_type) > 0 and not visit:
        return []
    mention = next((m for m in extraction.mentions if m.kind == "place" and m.key == place
                    and m.sentence == event.sentence), None)
    return [mention.span.text] if mention else []


def _spans(extraction: Extraction, keys: Iterable[str], phrase: Phrase | None = None) -> list[str]:
    """The texts of the first mentions of ``keys``; two mentions in one phrase ("US Congress")
    fill the role once, as that phrase."""
    spans: list[str] = []
    for key in keys:
        mention = next((m for m in extraction.mentions if m.key == key), None)
        if mention is None:
            continue  # an implicit agent ("a man was shot": unidentified) has no words
        text = phrase(mention) if phrase else mention.span.text
        if text not in spans:
            spans.append(text)
    return spans


def mention_phrase(doc, nouns: frozenset[str]) -> Phrase:  # type: ignore[no-untyped-def]
    """The :data:`Phrase` of ``doc``'s mentions: the noun phrase each one heads or modifies.

    ``nouns`` are the actor head nouns (:func:`kg.extract.extent.actor_nouns`).
    """
    from kg.extract.extent import phrase_extent

    def phrase(mention: Mention) -> str:
        piece = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if mention.kind != "actor" or piece is None or not len(piece):
            return mention.span.text
        return doc[slice(*phrase_extent(doc, piece.start, piece.end, nouns))].text

    return phrase


def score(records: list[Record], extractions: list[Extraction],
          phrases: list[Phrase] | None = None) -> list[Metric]:
    """Metrics of the extractions of ``records`` (same order).

    ``phrases`` (one per record) give the text each role mention is scored as;
    without them a mention is scored as its own text.
    """
    gold, predicted = [r.label for r in records], []
    sources, targets = Counts(), Counts()
    for i, (record, extraction) in enumerate(zip(records, extractions, strict=True)):
        event = main_event(extraction)
        phrase = phrases[i] if phrases else None
        predicted.append(event_plover(event) if event else None)
        sources += span_counts(record.sources, _spans(extraction, event.agents, phrase) if event else [])
        coded = ((event.aim and place_target(extraction, event)) or _spans(
            extraction, event.targets, phrase) or place_target(extraction, event)) if event else []
        targets += span_counts(record.targets, coded)
    both = sources + targets
    coverage = sum(p is not None for p in predicted)
    return [
        Metric("plover", "event-type accuracy", accuracy(gold, predicted),
               f"{sum(g == p for g, p in zip(gold, predicted))}/{len(gold)}; an event in {coverage}"),
        Metric("plover", "event-type macro-F1", macro_f1(gold, predicted),
               f"{len(set(gold))} gold categories", floor=0.5),
        Metric("plover", "actor span F1 (source+target)", both.f1, prf(both), floor=0.6),
        Metric("plover", "source span F1", sources.f1, prf(sources)),
        Metric("plover", "target span F1", targets.f1, prf(targets)),
    ]


def evaluate_plover(extractor=None, directory: Path | None = None) -> list[Metric]:  # type: ignore[no-untyped-def]
    """Run the extractor over every record and score it (``EvalDataMissing`` without the data).

    Each record is parsed once; the parse gives both the extraction and the
    phrases its role mentions are scored as (:func:`mention_phrase`).
    """
    from kg.documents import article_from_text
    from kg.extract import default_extractor
    from kg.extract.extent import actor_nouns

    records = load_records(directory)
    extractor = extractor or default_extractor()
    articles = [article_from_text(r.text, origin=r.id, meta={"id": r.id, "published": "2000-01-01"})
                for r in records]
    nouns = actor_nouns(extractor.gazetteer)
    docs = list(extractor.nlp.pipe(a.text for a in articles))
    extractions = [extractor.build(a, doc) for a, doc in zip(articles, docs, strict=True)]
    return score(records, extractions, [mention_phrase(doc, nouns) for doc in docs])
