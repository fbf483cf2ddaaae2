"""The events behind one dyad, a page at a time (the evidence the tallies count).

Examples
--------
>>> from kg.store import open_store
>>> dyad_evidence(open_store("memory:"), "http://e/a", "http://e/b", "ArmedClash")["events"]
[]
"""

from __future__ import annotations

from rdflib import URIRef

from kg import ids
from kg.aggregates.tallies import Key
from kg.aggregates.write import needs_tallies, tally_node
from kg.analysis.families import EDGE_SIGNS
from kg.errors import InputError, StoreError
from kg.datepolicy import dated
from kg.store.base import Store
from kg.vocab import ET, sparql_prologue

EVIDENCE = sparql_prologue() + """
# every bound variable is projected: pyoxigraph substitutes those before evaluation
SELECT DISTINCT ?event ?a ?dyad ?date WHERE {{
  GRAPH ?a {{ ?event ckg:inDyad ?dyad }}
  OPTIONAL {{ ?event ckg:date ?date }}
}} ORDER BY ?date ?event LIMIT {limit} OFFSET {offset}"""
"""A page of a dyad's events in date order, read from the ``ckg:inDyad`` index kept with the
tallies (:mod:`kg.aggregates.write`): the events the dyad's tally counts, by the tally's own
rule. It replaced matching the dyad's rule again over every event, which walked the first
actor's events one lookup at a time (3.1-3.4 s cold for a dyad of two hubs at 100,000
articles). What is shown of each event is read afterwards, per event (:data:`EVENT_DETAILS`):
joined here before the page was cut, it was read for every event of the dyad.

A store that keeps its reads (:attr:`~kg.store.base.Store.cache_reads`) orders the dyad's
events in Python instead (:func:`dyad_order`): the date join and the sort over every event
of the dyad made each page cost grow with the dyad's size. This query stays for a remote
store, which keeps no dates to order by."""
DYAD_EVENTS = sparql_prologue() + """
SELECT ?event WHERE { GRAPH ?a { ?event ckg:inDyad ?dyad } }"""
"""The dyad's events from the ``ckg:inDyad`` index, one pattern: no date, no order."""
DYAD_DATES = sparql_prologue() + """
SELECT DISTINCT ?event ?date WHERE {
  GRAPH ?a { ?event ckg:inDyad ?dyad }
  OPTIONAL { ?event ckg:date ?date }
}"""
"""The dyad's events with their dates, unordered: for a store that has not read every
node's date (:func:`kg.eventindex.kept_node_dates`)."""
EVENT_DETAILS = sparql_prologue() + """
SELECT ?event ?e ?eventType ?modality ?dateFrom ?sentence ?article ?title ?placeLabel ?place
WHERE {
  ?event ckg:eventType ?eventType ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?event ckg:dateFrom ?dateFrom }
  OPTIONAL { ?article rdfs:label ?title }
  OPTIONAL { ?event ckg:place ?place OPTIONAL { GRAPH ?e { ?place rdfs:label ?placeLabel } } }
} LIMIT 1"""
PER_PAGE = 20


def sparql_order(date: str | None, event: str) -> tuple[bool, str, str]:
    """The sort key of ``ORDER BY ?date ?event`` over the dates :func:`kg.rdf.date_literal`
    writes: unbound dates first, then by lexical value, then by event URI.

    Oxigraph compares two dates of one type (``xsd:gYear``, ``xsd:gYearMonth``,
    ``xsd:date``, ``xsd:dateTime``) by value and dates of different types by lexical value
    (then datatype); for the four-digit-year, zone-free forms written here both agree with
    the lexical order, and one lexical value has one type. URIs compare by code point, as
    Python's strings do.

    >>> sorted([("2020-05-01", "e:b"), (None, "e:z"), ("2020", "e:c"), ("2020-05-01", "e:a")],
    ...        key=lambda row: sparql_order(*row))
    [(None, 'e:z'), ('2020', 'e:c'), ('2020-05-01', 'e:a'), ('2020-05-01', 'e:b')]
    """
    return date is not None, date or "", event


BIG_DYAD = 100
"""A dyad of at least this many events is big: a served store orders its events while it warms
up (:func:`keep_big_orders`). Ordering reads every event of the dyad, one lookup of its URI
each (about 20 µs cold), so a dyad's first page cost grew with its size (661 events at
100,000 articles); below this size it costs at most what the busiest dyad costs at 10,000."""
BIG_ORDERS = "evidence:big-dyad-orders"


def keep_big_orders(store: Store) -> int:
    """Order the events of every big dyad (:data:`BIG_DYAD`) now and keep the orders for the
    store's generation, where :func:`dyad_order` finds them; return how many dyads.

    >>> from kg.store import open_store
    >>> keep_big_orders(open_store("memory:"))
    0
    """
    from kg.aggregates.read import dyads

    def read() -> dict[str, list[tuple[str, str | None]]]:
        big = (tally_node(Key("dyad", (d.agent, d.other, d.relation)))
               for d in dyads(store) if d.count >= BIG_DYAD)
        return {str(node): read_order(store, node) for node in big}
    return len(store.cached(BIG_ORDERS, read))


def dyad_order(store: Store, dyad: URIRef) -> list[tuple[str, str | None]]:
    """``(event URI, date)`` of every event of the tally node ``dyad``, in the order of
    :data:`EVIDENCE` (:func:`sparql_order`): kept from the store's warm-up for a big dyad
    (:func:`keep_big_orders`), else read now (:func:`read_order`)."""
    if store.holds(BIG_ORDERS):
        kept = store.cached(BIG_ORDERS, dict).get(str(dyad))
        if kept is not None:
            return kept  # type: ignore[no-any-return]
    return read_order(store, dyad)


def read_order(store: Store, dyad: URIRef) -> list[tuple[str, str | None]]:
    """:func:`dyad_order` read from the store: dated by the dates the store keeps
    (:func:`kg.eventindex.kept_node_dates`), else by :data:`DYAD_DATES`."""
    from kg.eventindex import kept_node_dates

    bindings, dates = {"a": ids.aggregates_graph(), "dyad": dyad}, kept_node_dates(store)
    if dates is None:
        rows = [(str(event), date) for event, date in store.select_text(DYAD_DATES, bindings)]
    else:
        rows = [(str(e), dates.get(str(e))) for (e,) in store.select_text(DYAD_EVENTS, bindings)]
    return sorted(rows, key=lambda row: sparql_order(row[1], row[0]))


def page_events(store: Store, dyad: URIRef, page: int, per_page: int
                ) -> list[tuple[str, str | None]]:
    """``(event URI, date)`` of page ``page`` of the dyad's events: cut from
    :func:`dyad_order` when the store keeps its reads, else by :data:`EVIDENCE`."""
    offset = (page - 1) * per_page
    if store.cache_reads:
        return dyad_order(store, dyad)[offset:offset + per_page]
    query = EVIDENCE.format(limit=per_page, offset=offset)
    rows = store.select_text(query, {"a": ids.aggregates_graph(), "dyad": dyad})
    return [(str(event), date) for event, _, _, date in rows]


def dyad_evidence(store: Store, agent: str, other: str, relation: str, page: int = 1,
                  per_page: int = PER_PAGE) -> dict[str, object]:
    """Page ``page`` of the events of the dyad ``agent -> other`` of edge type ``relation``
    (in date order): ``events`` (uri, type, date, date_basis, date_label, modality, sentence, article, article_title,
    place, place_uri) and ``page``. Raises :class:`~kg.errors.StoreError` with the one-line
    ``kg upgrade`` instruction on a store whose tallies are older than the index."""
    if page < 1 or per_page < 1:
        raise InputError(f"page: must be 1 or more, not {page}")
    if relation not in EDGE_SIGNS:  # an edge type that is no event type
        try:
            ET[relation]
        except (AttributeError, KeyError):
            raise InputError(f"type: no edge type {relation!r}") from None
    if needs_tallies(store):  # no index to read: an empty page would be a wrong answer
        from kg.upgrade import INSTRUCTION

        raise StoreError(INSTRUCTION.format(uri=store.uri))
    dyad = tally_node(Key("dyad", (agent, other, relation)))
    prefix, events = str(ET._NS), []
    for event, date in page_events(store, dyad, page, int(per_page)):
        found = store.select_text(EVENT_DETAILS, {"event": URIRef(event),
                                                  "e": ids.entities_graph()})
        if not found:  # an event without a type, sentence or article is not shown
            continue
        _, _, kind, modality, date_from, sentence, article, title, place_label, place = found[0]
        events.append({"uri": event, "type": str(kind).removeprefix(prefix),
                       **dated(date, date_from), "modality": modality,
                       "sentence": sentence, "article": article, "article_title": title or article,
                       "place": place_label or "", "place_uri": place or ""})
    return {"events": events, "page": page, "per_page": per_page}


__all__ = ["BIG_DYAD", "BIG_ORDERS", "DYAD_DATES", "DYAD_EVENTS", "EVENT_DETAILS", "EVIDENCE",
           "PER_PAGE", "dyad_evidence", "dyad_order", "keep_big_orders", "page_events", "read_order",
           "sparql_order"]
