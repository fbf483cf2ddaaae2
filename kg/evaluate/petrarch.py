"""The PETRARCH2 unit-test records: (source, target, CAMEO root) triples per category.

The records use fictional actors (Arnor, Gondor), so the extractor runs with a
gazetteer built from PETRARCH's own actor and agent dictionaries: every actor
entry becomes an actor keyed by its code, every agent ("soldiers", "foreign
minister") a sector, so "Arnor soldiers" is the composite ``ARN`` + ``MIL``.
The event lexicon stays the extractor's own. A predicted triple matches an
expected one when source and target codes are equal and the expected CAMEO
root is one of the roots of the predicted event type.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate import eval_dir, require
from kg.evaluate.scoring import Metric
from kg.model import Actor, Extraction

FOLDER = Path("petrarch2")
RECORDS = "PETR.UnitTest.records.xml"
ACTORS = "PETR.Validate.actors.txt"
AGENTS = "PETR.Validate.agents.txt"
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


def score(records: list[Record], extractions: list[Extraction]) -> list[Metric]:
    """Share of expected triples found and spurious triples per sentence, overall and per category."""
    by_category: dict[str, list[int]] = {}  # category -> [expected, found, spurious, sentences]
    dyads = 0
    for record, extraction in zip(records, extractions, strict=True):
        predicted = predicted_triples(extraction)
        dyads += sum(any((s, t) == (ps, pt) for ps, pt, _ in predicted) for s, t, _ in record.expected)
        found = sum(any((s, t) == (ps, pt) and code[:2] in roots for ps, pt, roots in predicted)
                    for s, t, code in record.expected)
        spurious = sum(not any((s, t) == (ps, pt) and code[:2] in roots
                               for s, t, code in record.expected) for ps, pt, roots in predicted)
        row = by_category.setdefault(record.category, [0, 0, 0, 0])
        for i, value in enumerate((len(record.expected), found, spurious, 1)):
            row[i] += value
    total = [sum(row[i] for row in by_category.values()) for i in range(4)]
    metrics = [
        Metric("petrarch2", "expected triples found", total[1] / max(total[0], 1),
               f"{total[1]}/{total[0]} (source, target, CAMEO root)", floor=0.5),
        Metric("petrarch2", "spurious triples per sentence", total[2] / max(total[3], 1),
               f"{total[2]} in {total[3]} sentences", floor=0.5, higher_is_better=False),
        Metric("petrarch2", "expected (source, target) found, any code", dyads / max(total[0], 1),
               f"{dyads}/{total[0]}"),
    ]
    for category, (expected, found, spurious, sentences) in sorted(by_category.items()):
        metrics.append(Metric("petrarch2", f"  {category}", found / max(expected, 1),
                              f"{found}/{expected} found, {spurious} spurious in {sentences}"))
    return metrics


def evaluate_petrarch(directory: Path | None = None) -> list[Metric]:
    """Extract every record with the PETRARCH dictionaries loaded, and score."""
    from kg.documents import article_from_text
    from kg.extract import Extractor, default_extractor

    folder = require((directory or eval_dir()) / FOLDER)
    records = load_records(directory)
    extractor = Extractor(nlp=default_extractor().nlp, gazetteer=petrarch_gazetteer(folder),
                          fallback_actors=False)  # PETRARCH codes only dictionary actors
    articles = [article_from_text(r.text, origin=r.id, meta={"id": r.id}) for r in records]
    return score(records, list(extractor.pipe(articles)))
