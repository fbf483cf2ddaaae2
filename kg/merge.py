"""Cross-article events: one real-world event, however many articles report it.

Each article keeps its own event record (its URI, sentence, offsets and
named graph: the provenance). When the record says enough to identify the
real-world event — an asserted or reported event with a date and at least one
agent or target — it is linked with ``ckg:occurrence`` to an *occurrence*
whose URI is computed from (type, sorted agents, sorted targets, date at day
granularity or coarser, place) by :func:`kg.ids.occurrence_uri`. Two articles
that agree on all five link to the same occurrence; the occurrence is
described (type and label) inside each article graph that reports it, so
removing one article leaves the others' link and description intact.

The number of sources is counted, not stored: :func:`occurrences` groups the
reports of each occurrence by article.

Deliberately simple: a day-granular report and a month-granular report of the
same strike stay apart, as do reports that disagree on any actor or the
place; negated, planned and hypothetical events are never merged.

Examples
--------
>>> from kg.model import Event, Span, TimeExpr
>>> day = TimeExpr(Span(0, 6, "Sunday"), 0, "2017-08-27T07:00", "time")
>>> event = Event(0, "Shelling", Span(7, 14, "shelled"), 0, agents=("hezbollah",), time=day)
>>> occurrence_of_event(event) == ids.occurrence_uri("Shelling", ["hezbollah"], [], "2017-08-27", None)
True
>>> occurrence_of_event(Event(1, "Shelling", Span(7, 14, "shelled"), 0, agents=("hezbollah",))) is None
True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Literal, URIRef

from kg import ids
from kg.model import Event
from kg.store.base import SelectResult, Store, Triple
from kg.vocab import CKG, RDF, RDFS, sparql_prologue

MERGED_MODALITIES = ("asserted", "reported")
"""Modalities of events that may be the same real-world event as another report."""

REPORTS = sparql_prologue() + """
SELECT DISTINCT ?occurrence ?label ?event ?article WHERE {
  ?event ckg:occurrence ?occurrence ; ckg:article ?article .
  OPTIONAL { ?occurrence rdfs:label ?label }
}"""


def occurrence_date(value: str, granularity: str) -> str:
    """The date an occurrence is identified by: a time is cut to its day.

    >>> occurrence_date("2017-08-27T07:00", "time"), occurrence_date("2017-08", "month")
    ('2017-08-27', '2017-08')
    """
    return value[:10] if granularity == "time" else value


def occurrence_of_event(event: Event) -> URIRef | None:
    """The occurrence an event record reports, or ``None`` when it cannot be identified."""
    if event.modality not in MERGED_MODALITIES or event.time is None:
        return None
    if not (event.agents or event.targets):
        return None
    date = occurrence_date(event.time.value, event.time.granularity)
    return ids.occurrence_uri(event.event_type, event.agents, event.targets, date, event.place)


def occurrence_label(event: Event) -> str:
    """A readable label built from the same keys as the occurrence URI."""
    assert event.time is not None
    date = occurrence_date(event.time.value, event.time.granularity)
    agents = ", ".join(sorted(set(event.agents))) or "unknown"
    targets = ", ".join(sorted(set(event.targets))) or "unknown"
    return f"{event.event_type} by {agents} against {targets}, {date}, {event.place or 'unknown place'}"


def occurrence_triples(article_key: str, event: Event) -> Iterator[Triple]:
    """Link an article's event to its occurrence and describe the occurrence."""
    occurrence = occurrence_of_event(event)
    if occurrence is None:
        return
    yield ids.event_uri(article_key, event.index), CKG.occurrence, occurrence
    yield occurrence, RDF.type, CKG.Occurrence
    yield occurrence, RDFS.label, Literal(occurrence_label(event))


@dataclass(frozen=True)
class Occurrence:
    """A real-world event with the event records (reports) and articles (sources) behind it."""

    uri: URIRef
    label: str
    reports: tuple[URIRef, ...]
    sources: tuple[URIRef, ...]

    @property
    def source_count(self) -> int:
        """How many articles report this event."""
        return len(self.sources)


def _collect(rows: SelectResult, min_sources: int = 1) -> list[Occurrence]:
    found: dict[URIRef, tuple[str, set[URIRef], set[URIRef]]] = {}
    for row in rows:
        label, reports, sources = found.get(row["occurrence"], ("", set(), set()))
        found[row["occurrence"]] = (label or str(row.get("label", "")), reports, sources)
        reports.add(row["event"])
        sources.add(row["article"])
    result = [Occurrence(uri, label, tuple(sorted(reports)), tuple(sorted(sources)))
              for uri, (label, reports, sources) in found.items()
              if len(sources) >= min_sources]
    return sorted(result, key=lambda o: (-o.source_count, str(o.uri)))


def occurrences(store: Store, min_sources: int = 1) -> list[Occurrence]:
    """Every occurrence reported by at least ``min_sources`` articles, most reported first."""
    return _collect(store.select(REPORTS), min_sources)


def occurrence_of(store: Store, event: URIRef) -> Occurrence | None:
    """The occurrence an event record in the store reports, with all its sources."""
    rows = store.select(sparql_prologue() + "SELECT ?o WHERE { ?event ckg:occurrence ?o }",
                        {"event": event})
    if not rows.rows:
        return None
    found = _collect(store.select(REPORTS, {"occurrence": rows.rows[0]["o"]}))
    return found[0] if found else None


__all__ = ["Occurrence", "occurrence_of", "occurrence_of_event", "occurrence_triples",
           "occurrences"]
