"""Read the tallies: actors by activity, dyads, dates, places; each table cached by generation.

Every table is read whole from the aggregates graph once per store generation
(:meth:`kg.store.base.Store.cached`) and answered from memory until the next
write. Evidence (the events behind a dyad) is fetched on demand, a page at a time.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> actors_by_activity(store), dyads(store), date_histogram(store)
([], [], [])
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg import ids
from kg.aggregates.columns import FORMAT, TallyColumns, columns_of, tables_of
from kg.aggregates.snapshot import DyadKey, Tables, keep_columns, kept_columns
from kg.analysis.families import family_of
from kg.store.base import Store
from kg.vocab import CKG, RDFS, SKOS, sparql_prologue

ACTOR_TALLIES = sparql_prologue() + """SELECT ?actor ?n WHERE { GRAPH ?a {
  ?t ckg:tallyKind "actor" ; ckg:tallyAgent ?actor ; ckg:tallyCount ?n } }"""
DYAD_TALLIES = sparql_prologue() + """SELECT ?t ?agent ?other ?relation ?n WHERE { GRAPH ?a {
  ?t ckg:tallyKind "dyad" ; ckg:tallyAgent ?agent ; ckg:tallyOther ?other ;
     ckg:tallyRelation ?relation ; ckg:tallyCount ?n } }"""
DYAD_DATES = sparql_prologue() + """SELECT ?d ?date ?n WHERE { GRAPH ?a {
  ?t ckg:tallyOf ?d ; ckg:tallyDate ?date ; ckg:tallyCount ?n } }"""
"""Per-date tallies by their dyad tally's URI (no join: :func:`dyads` maps the URIs)."""
DYAD_SOURCES = sparql_prologue() + """SELECT ?source ?n WHERE { GRAPH ?a {
  ?t ckg:tallyOf ?d ; ckg:tallySource ?source ; ckg:tallyCount ?n } }"""
SOURCES_OF_DYADS = sparql_prologue() + """SELECT ?d ?source ?n WHERE { GRAPH ?a {
  ?t ckg:tallyOf ?d ; ckg:tallySource ?source ; ckg:tallyCount ?n } }"""
MEDIATION_TALLIES = sparql_prologue() + """SELECT ?actor ?kind ?n WHERE { GRAPH ?a {
  ?t ckg:tallyKind "mediation" ; ckg:tallyAgent ?actor ; ckg:tallyRelation ?kind ;
     ckg:tallyCount ?n } }"""
TALLY_COUNT = sparql_prologue() + """SELECT ?n WHERE { GRAPH ?a { ?t ckg:tallyCount ?n } }"""
DYAD_SPAN = sparql_prologue() + """SELECT (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE {
  GRAPH ?a { ?t ckg:tallyOf ?d ; ckg:tallyDate ?date } }"""
DATE_TALLIES = sparql_prologue() + """SELECT ?date ?n WHERE { GRAPH ?a {
  ?t ckg:tallyKind "date" ; ckg:tallyDate ?date ; ckg:tallyCount ?n } }"""
PLACE_TALLIES = sparql_prologue() + """SELECT ?place ?n WHERE { GRAPH ?a {
  ?t ckg:tallyKind "place" ; ckg:tallyPlace ?place ; ckg:tallyCount ?n } }"""
ACTOR_FACTS = sparql_prologue() + """SELECT ?actor ?fact ?value WHERE {
  VALUES ?fact { ckg:actorKind rdfs:label ckg:country skos:altLabel }
  GRAPH ?e { ?actor ?fact ?value } }"""
"""What describes the actors, one scan per property (no join: at 100k, 0.07 s where the join of
the four with OPTIONAL took 0.40-0.48 s)."""


@dataclass(frozen=True)
class Dyad:
    """Events of one edge type from ``agent`` to ``other`` (``relation``: the edge type)."""

    agent: str
    other: str
    relation: str
    count: int

    @property
    def family(self) -> str:
        """The relation family (:mod:`kg.analysis.families`)."""
        return family_of(self.relation)


def _rows(store: Store, query: str) -> list[tuple[str | None, ...]]:
    return store.select_text(query, {"a": ids.aggregates_graph()})


def actors_by_activity(store: Store) -> list[tuple[str, int]]:
    """``(actor URI, events it took part in)``, most active first (ties: URI order)."""
    def read() -> list[tuple[str, int]]:
        rows = [(str(a), int(str(n))) for a, n in _rows(store, ACTOR_TALLIES)]
        return sorted(rows, key=lambda row: (-row[1], row[0]))
    return store.cached("aggregates:actors", read)


def _kept_columns(store: Store) -> TallyColumns | None:
    """The dyad, split and mediation tables kept whole for the current tally version, if any
    (:mod:`kg.aggregates.snapshot`): one value read in place of every tally row."""
    return store.cached("aggregates:kept-columns", lambda: kept_columns(store))


def _kept(store: Store) -> Tables | None:
    """:func:`_kept_columns` as tables."""
    def build() -> Tables | None:
        columns = _kept_columns(store)
        return None if columns is None else tables_of(columns)
    return store.cached("aggregates:kept-tables", build)


def tally_columns(store: Store) -> TallyColumns:
    """The dyads, their splits and the mediation records in columns (:mod:`kg.aggregates.columns`),
    the analyses' input: the kept value as it is, else read from the tallies."""
    def build() -> TallyColumns:
        kept = _kept_columns(store)
        if kept is not None:
            return kept
        return columns_of(Tables(dyads={(d.agent, d.other, d.relation): d.count
                                        for d in dyads(store)},
                                 dates=dyad_dates(store), sources=dyad_sources(store),
                                 mediation=mediation_counts(store)))
    return store.cached("aggregates:columns", build)


def _dyad_table(store: Store) -> tuple[list[Dyad], dict[str, DyadKey]]:
    def read() -> tuple[list[Dyad], dict[str, DyadKey]]:
        found, keys = [], {}
        for t, a, o, r, n in _rows(store, DYAD_TALLIES):
            found.append(Dyad(str(a), str(o), str(r), int(str(n))))
            keys[str(t)] = (str(a), str(o), str(r))
        found.sort(key=lambda d: (d.agent, d.other, d.relation))
        return found, keys
    return store.cached("aggregates:dyads", read)


def dyads(store: Store) -> list[Dyad]:
    """Every dyad tally (agent, other, edge type, events), by agent, other and edge type."""
    kept = _kept_columns(store)
    if kept is not None:
        return store.cached("aggregates:kept-dyads", lambda: sorted(
            (Dyad(*kept.key(i), n) for i, n in enumerate(kept.count)),  # type: ignore[union-attr]
            key=lambda d: (d.agent, d.other, d.relation)))
    return _dyad_table(store)[0]


def _split(store: Store, query: str, name: str) -> dict[DyadKey, list[tuple[str, int]]]:
    """Per dyad: ``(value, events)`` of its per-date or per-source tallies (``query``)."""
    kept = _kept(store)
    if kept is not None:
        return kept.dates if query == DYAD_DATES else kept.sources

    def read() -> dict[DyadKey, list[tuple[str, int]]]:
        keys, split = _dyad_table(store)[1], {}  # type: ignore[var-annotated]
        for node, value, n in _rows(store, query):
            if str(node) in keys:  # always, unless a raw write broke the tallies
                split.setdefault(keys[str(node)], []).append((str(value), int(str(n))))
        return split
    return store.cached(name, read)


def dyad_dates(store: Store) -> dict[DyadKey, list[tuple[str, int]]]:
    """Per dyad ``(agent, other, relation)``: its ``(date, events)``; undated events are left out."""
    return _split(store, DYAD_DATES, "aggregates:dyad-dates")


def dyad_sources(store: Store) -> dict[DyadKey, list[tuple[str, int]]]:
    """Per dyad ``(agent, other, relation)``: its ``(source, events)``."""
    return _split(store, SOURCES_OF_DYADS, "aggregates:dyad-sources")


def mediation_counts(store: Store) -> dict[str, dict[str, int]]:
    """Per actor: its explicit mediation records per kind (:mod:`kg.analysis.mediation`)."""
    kept = _kept_columns(store)
    if kept is not None:
        return kept.mediation

    def read() -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for actor, kind, n in _rows(store, MEDIATION_TALLIES):
            counts.setdefault(str(actor), {})[str(kind)] = int(str(n))
        return counts
    return store.cached("aggregates:mediation", read)


def keep_analysis_tables(store: Store) -> bool:
    """Keep the dyad, split and mediation tables whole for the current tally version, unless
    they are kept already in columns (``kg analyze``: one slow read of the tallies after each
    write, shared by every analysis and page after it; a value kept by an older kg as rows is
    kept anew in columns); whether it kept them."""
    from kg.collection import collector_paused

    with collector_paused():  # a value of rows at 100k: millions of strings and tuples
        kept = _kept_columns(store)
        if kept is not None and kept.format == FORMAT:
            return False
        columns = replace(tally_columns(store), format=FORMAT)
        keep_columns(store, columns)
    store.cached("aggregates:kept-columns", lambda: columns)  # the new generation: as kept
    store.cached("aggregates:columns", lambda: columns)
    return True


def dyad_summary(store: Store, agent: str, other: str, relation: str) -> dict[str, object]:
    """First and last date and events per source of one dyad (read on demand).

    >>> from kg.store import open_store
    >>> dyad_summary(open_store("memory:"), "a", "b", "ArmedClash")
    {'first': '', 'last': '', 'sources': {}}
    """
    from kg.aggregates.tallies import Key
    from kg.aggregates.write import tally_node

    node = tally_node(Key("dyad", (agent, other, relation)))
    bound = {"a": ids.aggregates_graph(), "d": node}
    span = store.select_text(DYAD_SPAN, bound)
    first, last = span[0] if span else (None, None)
    sources = {str(s): int(str(n)) for s, n in store.select_text(DYAD_SOURCES, bound)}
    return {"first": first or "", "last": last or "", "sources": sources}


def tally_count(store: Store, kind: str, *parts: str) -> int | None:
    """The count of one tally (``kind`` and key ``parts``), ``None`` when the store has none
    (one lookup: how many events an actor or a place took part in, asserted or reported).

    >>> from kg.store import open_store
    >>> tally_count(open_store("memory:"), "actor", "https://w3id.org/conflict-kg/id/actor/isis")
    """
    from rdflib import URIRef

    rows = store.select_text(TALLY_COUNT, {"a": ids.aggregates_graph(),
                                           "t": URIRef(ids.tally_uri(kind, *parts))})
    return int(str(rows[0][0])) if rows else None


def date_histogram(store: Store) -> list[tuple[str, int]]:
    """Events per date (the event's own date, else its article's), in date order."""
    return store.cached("aggregates:dates", lambda: sorted(
        (str(d), int(str(n))) for d, n in _rows(store, DATE_TALLIES)))


def place_activity(store: Store) -> list[tuple[str, int]]:
    """``(place URI, events there)``, most active first."""
    return store.cached("aggregates:places", lambda: sorted(
        ((str(p), int(str(n))) for p, n in _rows(store, PLACE_TALLIES)),
        key=lambda row: (-row[1], row[0])))


def actor_names(store: Store) -> dict[str, dict[str, object]]:
    """Every described actor: ``label, kind, country, aliases`` (from the entities graph), in URI
    order (a name two actors share resolves to the first)."""
    kind, label, country, alias = (str(term) for term in (
        CKG.actorKind, RDFS.label, CKG.country, SKOS.altLabel))

    def read() -> dict[str, dict[str, object]]:
        facts: dict[str, dict[str, list[str]]] = {}
        for actor, fact, value in store.select_text(ACTOR_FACTS, {"e": ids.entities_graph()}):
            facts.setdefault(str(actor), {}).setdefault(str(fact), []).append(str(value))
        return {actor: {"label": found[label][0], "kind": found[kind][0],
                        "country": found.get(country, [""])[0],
                        "aliases": list(dict.fromkeys(a for a in found.get(alias, ()) if a))}
                for actor, found in sorted(facts.items()) if kind in found and label in found}
    return store.cached("aggregates:names", read)


__all__ = ["Dyad", "actor_names", "actors_by_activity", "date_histogram", "dyad_dates",
           "dyad_sources", "dyad_summary", "dyads", "keep_analysis_tables", "mediation_counts",
           "place_activity", "tally_columns", "tally_count"]
