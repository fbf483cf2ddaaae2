"""The PETRARCH2 unit-test records: (source, target, CAMEO root) triples per category.

The records use fictional actors (Arnor, Gondor), so the extractor runs with a
gazetteer built from PETRARCH's own actor and agent dictionaries: every actor
entry becomes an actor keyed by its code, every agent ("soldiers", "foreign
minister") a sector, so "Arnor soldiers" is the composite ``ARN`` + ``MIL``.
Two runs are scored on the same parse. With our own event lexicon, a
predicted triple matches an expected one when source and target codes are
equal and the expected CAMEO root is one of the roots of the predicted event
type (no floor). With PETRARCH's validation verb dictionary loaded
(``PETR.Validate.verbs.txt``, coded by :mod:`kg.extract.verbcoder`), the root
is the first two characters of the dictionary's code; this run carries the
floors, because the expected codes come from that dictionary (WEIS-style
codes, roots such as 34 or 90 that CAMEO lacks), not from CAMEO.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.evaluate import eval_dir, require
from kg.evaluate.scoring import Metric
from kg.model import Actor, Extraction

if TYPE_CHECKING:
    from kg.extract.verbcoder import Coding

FOLDER = Path("petrarch2")
RECORDS = "PETR.UnitTest.records.xml"
ACTORS = "PETR.Validate.actors.txt"
AGENTS = "PETR.Validate.agents.txt"
VERBS = "PETR.Validate.verbs.txt"
DISCARDS = "PETR.Validate.discards.txt"
RECIPROCAL = {"Negotiate", "Support", "Agreement", "ArmedClash", "Ceasefire", "Mediate"}
"""Event types that are mutual when their participants are conjoined subjects."""
SECTOR_KINDS = {"GOV": "government", "MIL": "military", "COP": "police", "MED": "media",
                "REB": "armed_group", "OPP": "party", "LEG": "government", "JUD": "government"}


@dataclass(frozen=True)
class Record:
    """One unit-test sentence and its expected (source, target, code) codings."""

    id: str
    category: str
    text: str
    expected: tuple[tuple[str, str, str], ...]


def load_records(directory: Path | None = None) -> list[Record]:
    """The unit-test sentences (``noevents`` records expect nothing)."""
    path = require((directory or eval_dir()) / FOLDER / RECORDS)
    records = []
    for node in ElementTree.parse(path).getroot().iter("Sentence"):
        text = " ".join((node.findtext("Text") or "").split())
        expected = tuple((c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
                         for c in node.findall("EventCoding") if c.get("eventcode"))
        records.append(Record(node.get("id", ""), node.get("category", ""), text, expected))
    return records


def _phrase(entry: str) -> str:
    return entry.strip().strip("_").replace("_", " ").strip()


def parse_actors(lines: Iterable[str]) -> dict[str, list[str]]:
    """Actor code -> names from a PETRARCH actor dictionary (the first undated code, else the first).

    >>> parse_actors(["GONDOR [GON]", "+MINAS_TIRITH", "ITHILEN MILITARY  [ITHMIL] # c"])
    {'GON': ['GONDOR', 'MINAS TIRITH'], 'ITHMIL': ['ITHILEN MILITARY']}
    """
    table: dict[str, list[str]] = {}
    names: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        code = next((c for c in codes if not re.search(r"[<>\d]", c)), None)
        code = code or (codes[0].split()[0] if codes else None)
        if code and names and code.isalpha() and code not in ("---", "+++"):
            table.setdefault(code, []).extend(n for n in names if n)
        names.clear()
        codes.clear()

    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--") or line.startswith("<"):
            continue
        found = re.findall(r"\[([^\]]*)\]", line)
        head = re.sub(r"\[[^\]]*\]", "", line)
        if line.startswith("+"):
            names.append(_phrase(head[1:]))
        elif line[0].isspace():
            pass
        else:
            flush()
            names.append(_phrase(head))
        codes.extend(c.strip() for c in found)
    flush()
    return table


def parse_agents(lines: Iterable[str]) -> dict[str, list[str]]:
    """Agent code -> nouns (with the ``{}`` plural: noun + "s") from a PETRARCH agent dictionary.

    >>> parse_agents(["CLERIC  [~REL]", "ARMED_FORCES  {} [~MIL] # jap", "MSF {}  [NGO~] # x"])
    {'REL': ['CLERIC'], 'MIL': ['ARMED FORCES', 'ARMED FORCESS'], 'NGO': ['MSF', 'MSFS']}
    """
    table: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.split("#")[0].strip()
        match = re.match(r"([A-Z][A-Z_ .'!-]*?)\s*(\{([^}]*)\})?\s*\[([^\]]+)\]", line)
        if not match or "!" in match.group(1):
            continue
        noun = _phrase(match.group(1))
        plurals = [_phrase(p) for p in (match.group(3) or "").split()] if match.group(3) else []
        if match.group(2) and not plurals:
            plurals = [noun + "S"]
        table.setdefault(match.group(4).strip("~ "), []).extend([noun, *plurals])
    return table


def petrarch_gazetteer(directory: Path):  # type: ignore[no-untyped-def]
    """A :class:`~kg.extract.gazetteer.Gazetteer` from PETRARCH's actor and agent dictionaries."""
    from kg.extract.gazetteer import Gazetteer, Sector

    gazetteer = Gazetteer()
    actors = parse_actors((directory / ACTORS).read_text("utf-8", "replace").splitlines())
    agents = parse_agents((directory / AGENTS).read_text("utf-8", "replace").splitlines())
    agents.setdefault("MIL", []).extend(["SOLDIERS", "TROOPS", "ARMY", "MILITARY", "FORCES"])
    for code, nouns in agents.items():
        key = code.lower()
        gazetteer.sectors[key] = Sector(key, code, SECTOR_KINDS.get(code, "other"), tuple(
            dict.fromkeys(n.lower() for n in nouns)))
    for code, names in actors.items():
        key = code.lower()
        gazetteer.actors[key] = Actor(key=key, label=names[0].title(), kind="state",
                                      aliases=tuple(n.title() for n in names))
        for name in names:
            gazetteer.aliases[name.lower()] = key
            gazetteer.nationalities.setdefault(name.lower(), key)
    return gazetteer


def code_of(actor_key: str) -> str:
    """A PETRARCH code from an actor key; a sector the actor's code already ends with is not repeated.

    >>> code_of("arn-gov"), code_of("usagov-gov"), code_of("gon")
    ('ARNGOV', 'USAGOV', 'GON')
    """
    actor, _, sector = actor_key.upper().partition("-")
    return actor if actor.endswith(sector) else actor + sector


def roots_of(event_type: str) -> frozenset[str]:
    """The two-digit CAMEO roots an event type covers.

    >>> sorted(roots_of("Support"))
    ['05', '06']
    """
    from kg.taxonomy import event_type as lookup

    return frozenset(code[:2] for code in lookup(event_type).cameo)


def predicted_triples(extraction: Extraction) -> set[tuple[str, str, frozenset[str]]]:
    """Every (agent code, target code, roots) of the extraction's events.

    A mutual event (:data:`RECIPROCAL`) with several agents and no target
    ("Gondor and Osgiliath renewed ties") has each agent act on each other one.
    """
    triples = set()
    for event in extraction.events:
        roots = roots_of(event.event_type)
        pairs = [(a, t) for a in event.agents for t in event.targets]
        if not pairs and event.event_type in RECIPROCAL:
            pairs = [(a, b) for a in event.agents for b in event.agents if a != b]
        triples |= {(code_of(a), code_of(t), roots) for a, t in pairs}
    return triples


Triples = set[tuple[str, str, frozenset[str]]]
"""Predicted (source code, target code, CAMEO roots) of one sentence."""


def dictionary_triples(codings: Iterable[Coding]) -> Triples:
    """Every (source code, target code, root) of verb-dictionary codings; the root is the first 2 chars.

    >>> from kg.extract.verbcoder import Coding
    >>> dictionary_triples([Coding(0, 0, 5, "arn-mil", "gon", "1717")])
    {('ARNMIL', 'GON', frozenset({'17'}))}
    """
    return {(code_of(c.source), code_of(c.target), frozenset({c.code[:2]})) for c in codings}


def _tally(records: list[Record], predictions: list[Triples]) -> dict[str, list[int]]:
    """category -> [expected, found, spurious, sentences, dyads found with any code]."""
    by_category: dict[str, list[int]] = {}
    for record, predicted in zip(records, predictions, strict=True):
        dyads = sum(any((s, t) == (ps, pt) for ps, pt, _ in predicted) for s, t, _ in record.expected)
        found = sum(any((s, t) == (ps, pt) and code[:2] in roots for ps, pt, roots in predicted)
                    for s, t, code in record.expected)
        spurious = sum(not any((s, t) == (ps, pt) and code[:2] in roots
                               for s, t, code in record.expected) for ps, pt, roots in predicted)
        row = by_category.setdefault(record.category, [0, 0, 0, 0, 0])
        for i, value in enumerate((len(record.expected), found, spurious, 1, dyads)):
            row[i] += value
    return by_category


def _headline(by_category: dict[str, list[int]], label: str, floor: float | None) -> list[Metric]:
    expected, found, spurious, sentences, dyads = (sum(row[i] for row in by_category.values())
                                                   for i in range(5))
    return [
        Metric("petrarch2", f"expected triples found ({label})", found / max(expected, 1),
               f"{found}/{expected} (source, target, CAMEO root)", floor=floor),
        Metric("petrarch2", f"spurious triples per sentence ({label})", spurious / max(sentences, 1),
               f"{spurious} in {sentences} sentences", floor=floor, higher_is_better=False),
        Metric("petrarch2", f"expected (source, target) found, any code ({label})",
               dyads / max(expected, 1), f"{dyads}/{expected}"),
    ]


def score(records: list[Record], extractions: list[Extraction],
          coded: list[Triples] | None = None) -> list[Metric]:
    """Share of expected triples found and spurious triples per sentence, overall and per category.

    The extractions' events (our lexicon) are scored without a floor. ``coded``
    holds each record's verb-dictionary triples (:func:`dictionary_triples`); that
    run carries the floors (found >= 0.5, spurious < 0.5 per sentence) and the
    per-category rows. Without it, the lexicon run carries them, as before.
    """
    lexicon = _tally(records, [predicted_triples(x) for x in extractions])
    if coded is None:
        return [*_headline(lexicon, "our lexicon", 0.5), *_categories(lexicon, None)]
    dictionary = _tally(records, coded)
    return [*_headline(lexicon, "our lexicon", None),
            *_headline(dictionary, "PETRARCH verb dictionary", 0.5),
            *_categories(dictionary, lexicon)]


def _categories(main: dict[str, list[int]], other: dict[str, list[int]] | None) -> list[Metric]:
    metrics = []
    for category, (expected, found, spurious, sentences, _) in sorted(main.items()):
        detail = f"{found}/{expected} found, {spurious} spurious in {sentences}"
        if other is not None:
            detail += f"; our lexicon {other[category][1]}/{expected}, {other[category][2]} spurious"
        metrics.append(Metric("petrarch2", f"  {category}", found / max(expected, 1), detail))
    return metrics


def evaluate_petrarch(directory: Path | None = None) -> list[Metric]:
    """Extract every record with the PETRARCH dictionaries loaded, and score.

    Each record is parsed once and extracted with our lexicon; the same
    extraction is then coded with PETRARCH's validation verb dictionary
    (:func:`kg.extract.verbcoder.apply_dictionary`), whose codings are all
    scored, including codes with no taxonomy type that the pipeline does not
    keep as events (the row "kept as typed events" counts those it keeps).
    """
    from kg.documents import article_from_text
    from kg.extract import Extractor, default_extractor
    from kg.extract.verbcoder import apply_dictionary
    from kg.extract.verbdict import VerbDictionary

    folder = require((directory or eval_dir()) / FOLDER)
    records = load_records(directory)
    dictionary = VerbDictionary.load(require(folder / VERBS), discards=require(folder / DISCARDS))
    extractor = Extractor(nlp=default_extractor().nlp, gazetteer=petrarch_gazetteer(folder),
                          fallback_actors=False)  # PETRARCH codes only dictionary actors
    articles = [article_from_text(r.text, origin=r.id, meta={"id": r.id}) for r in records]
    extractions, coded, kept, total = [], [], 0, 0
    for article, doc in zip(articles, extractor.nlp.pipe(a.text for a in articles), strict=True):
        extraction = extractor.build(article, doc)
        extractions.append(extraction)
        with_codes, codings = apply_dictionary(extraction, doc, dictionary)
        coded.append(dictionary_triples(codings))
        total += len(codings)
        kept += sum(len(e.targets) for e in with_codes.events if e.cameo)
    metrics = score(records, extractions, coded)
    metrics.insert(6, Metric("petrarch2", "dictionary codings kept as typed events",
                             kept / max(total, 1), f"{kept}/{total}; the rest have no event type"))
    return metrics
