"""Lists for the REST API: actors, events (with filters), claims, as plain dicts.

Each list is ordered from an index read once per store generation
(:meth:`kg.store.base.Store.cached`) with one-pattern queries; filters cut it
in Python, and only the page's own events or claims are then read, each by one
query with its URI bound. Values reach SPARQL only as bindings.

Examples
--------
>>> from kg.store import open_store
>>> events(open_store("memory:"), event_type="ArmedClash", since="2017-08")
[]
>>> events(open_store("memory:"), since="last week")
Traceback (most recent call last):
...
kg.errors.InputError: since: no such date: 'last week' (YYYY, YYYY-MM or YYYY-MM-DD; month 1-12, \
day within the month)
>>> events(open_store("memory:"), since="2017-09", until="2017-08-31")
Traceback (most recent call last):
...
kg.errors.InputError: since: '2017-09' is after until: '2017-08-31'
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal

from kg import ids
from kg.errors import InputError
from kg.store import Store
from kg.vocab import distinct_values, event_type_uri, sparql_prologue

MAX_LIMIT = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_P = sparql_prologue()

# (One GROUP BY query sorted over every event took 8-10 s a page at 10,000 articles, and the
# actor list 18.6 s: each actor's events times its claims.)
PUBLISHED = _P + """SELECT ?event ?published WHERE {
  ?event ckg:article ?article . ?article schema:datePublished ?published }"""
ACTOR_EVENTS = _P + """SELECT DISTINCT ?event WHERE {
  VALUES ?role { ckg:agent ckg:target ckg:mediator } ?event ?role ?actor }"""
CLAIM_INDEX = _P + "SELECT ?claim WHERE { ?claim a ckg:Claim }"
SPEAKER_CLAIMS = _P + "SELECT DISTINCT ?claim WHERE { ?claim a ckg:Claim ; ckg:speaker ?speaker }"
ROLE_COUNTS = _P + """SELECT ?actor (COUNT(DISTINCT ?event) AS ?n) WHERE {
  VALUES ?role { ckg:agent ckg:target ckg:mediator } ?event ?role ?actor } GROUP BY ?actor"""
SPEAKER_COUNTS = _P + """SELECT ?actor (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  ?claim ckg:speaker ?actor } GROUP BY ?actor"""
ACTOR_DESCRIPTIONS = _P + """SELECT ?actor ?label ?kind ?country WHERE {
  """ + distinct_values("actor", "ckg:actorKind", "kind") + """
  """ + distinct_values("actor", "rdfs:label", "label") + """
  OPTIONAL """ + distinct_values("actor", "ckg:country", "country") + """ }"""

# The page's own events and claims, one query each with its URI bound: pyoxigraph substitutes
# only projected variables (another is joined after evaluating the whole query), so these
# project the bound variable and are grouped here, not in SPARQL.
EVENT_DETAIL = _P + """
SELECT ?event ?type ?modality ?sentence ?article ?place ?agent ?target ?mediator WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?event ckg:place ?place }
  OPTIONAL { ?event ckg:agent ?agent } OPTIONAL { ?event ckg:target ?target }
  OPTIONAL { ?event ckg:mediator ?mediator }
}"""
CLAIM_DETAIL = _P + """
SELECT ?claim ?speaker ?speakerText ?verb ?quote ?negated ?via ?asserts ?sentence ?article ?date
       ?other
WHERE {
  ?claim a ckg:Claim ; ckg:speakerText ?speakerText ; ckg:reportingVerb ?verb ; ckg:quote ?quote ;
         ckg:negated ?negated ; ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?claim ckg:speaker ?speaker } OPTIONAL { ?claim ckg:reportedVia ?via }
  OPTIONAL { ?claim ckg:asserts ?asserts } OPTIONAL { ?claim ckg:date ?date }
  OPTIONAL { ?claim ckg:contradicts ?other }
}"""


def page(limit: int | str | None, offset: int | str | None) -> tuple[int, int]:
    """Checked ``(limit, offset)``: 1..1000 (default 100) and >= 0.

    >>> page("10", None)
    (10, 0)
    """
    try:
        checked = int(limit if limit not in (None, "") else 100), int(offset or 0)
    except (TypeError, ValueError) as error:
        raise InputError(f"limit/offset must be integers, got {limit!r}/{offset!r}") from error
    if not 1 <= checked[0] <= MAX_LIMIT or checked[1] < 0:
        raise InputError(f"limit must be 1..{MAX_LIMIT} and offset >= 0")
    return checked


def _date(name: str, value: str) -> Literal:
    if not _DATE.match(value):
        raise InputError(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return Literal(value)


def actors(store: Store, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Described actors with kind, country, and counts of events (any role) and claims (as
    speaker), most events first, then by label; ``limit`` of them from ``offset`` (all: None)."""
    every = store.cached("catalog:actors", lambda: _actor_rows(store))
    return every[offset:offset + limit] if limit is not None else every[offset:]


def actor_total(store: Store) -> int:
    """How many actors :func:`actors` lists."""
    return len(store.cached("catalog:actors", lambda: _actor_rows(store)))


def _actor_rows(store: Store) -> list[dict[str, Any]]:
    events = {str(a): int(str(n)) for a, n in store.select_text(ROLE_COUNTS)}
    claims = {str(a): int(str(n)) for a, n in store.select_text(SPEAKER_COUNTS)}
    rows = [{"uri": str(actor), "key": ids.key_of(str(actor))[1], "label": str(label),
             "kind": str(kind), "country": str(country) if country is not None else None,
             "events": events.get(str(actor), 0), "claims": claims.get(str(actor), 0)}
            for actor, label, kind, country in store.select_text(ACTOR_DESCRIPTIONS)]
    return sorted(rows, key=lambda row: (-row["events"], row["label"], row["uri"]))


UNDATED_ONE_BY_ONE = 2000
"""Up to this many events without a date of their own, each article's publication date is
looked up for each; above, for every event in one join (1.2-3 s at 60,000 events)."""


def _event_index(store: Store) -> list[tuple[str, str, str]]:
    """``(date, event URI, type URI)`` of every event, by date (its own, else its article's
    publication; none first), then URI."""
    def read() -> list[tuple[str, str, str]]:
        from rdflib import URIRef

        from kg.eventindex import event_types, node_dates

        dates, kinds = dict(node_dates(store)), event_types(store)  # dates: a copy, added to
        undated = [e for e in kinds if e not in dates]
        if len(undated) > UNDATED_ONE_BY_ONE:
            dates.update((str(e), str(p)) for e, p in store.select_text(PUBLISHED)
                         if str(e) not in dates)
        else:
            dates.update((str(e), str(p)) for event in undated for e, p in store.select_text(
                PUBLISHED, {"event": URIRef(event)}))
        return sorted(((dates.get(e, ""), e, t) for e, t in kinds.items()),
                      key=lambda row: (row[0], row[1]))
    return store.cached("catalog:event-index", read)


def events(store: Store, *, event_type: str | None = None, actor: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    """Events, filtered by type key, actor key and date range (inclusive, by prefix)."""
    return store.cached(("catalog:events", event_type, actor, since, until, limit, offset),
                        lambda: _events(store, event_type, actor, since, until, limit, offset))


def _events(store: Store, event_type: str | None, actor: str | None, since: str | None,
            until: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    from kg.analysis.projection import date_window

    wanted = None
    if event_type:
        try:
            wanted = str(event_type_uri(event_type))
        except AttributeError as error:
            raise InputError(f"type: unknown event type {event_type!r}") from error
    date_window(since, until)  # a date that does not exist, or since after until, is refused
    low = str(_date("since", since)) if since else None
    high = str(_date("until", until)) if until else None
    keep = {str(e) for (e,) in store.select_text(ACTOR_EVENTS, {"actor": ids.actor_uri(actor)})} \
        if actor else None
    chosen = [(date, uri) for date, uri, kind in _event_index(store)
              if (wanted is None or kind == wanted) and (keep is None or uri in keep)
              and _within(date, low, high)]
    found = (_event(store, uri, date) for date, uri in chosen[offset:offset + limit])
    return [event for event in found if event is not None]


def _within(date: str, since: str | None, until: str | None) -> bool:
    """Whether ``date`` is in the inclusive range, ``until`` by prefix ("2017" ends 2017-12-31);
    an undated event is in no bounded range.

    >>> _within("2017-08-27", "2017-08", "2017"), _within("", None, "2017"), _within("", None, None)
    (True, False, True)
    """
    if since is None and until is None:
        return True
    return bool(date) and (since is None or date >= since) and (
        until is None or date[:len(until)] <= until)


def _event(store: Store, uri: str, date: str) -> dict[str, Any] | None:
    from rdflib import URIRef

    rows = store.select_text(EVENT_DETAIL, {"event": URIRef(uri)})
    if not rows:  # an event without a sentence or modality: not listed (as before)
        return None
    _, kind, modality, sentence, article, place = rows[0][:6]
    return {"uri": uri, "type": str(kind).rsplit("/", 1)[-1], "date": date or None,
            "modality": modality, "place": next((r[5] for r in rows if r[5]), None),
            "agents": _distinct(rows, 6), "targets": _distinct(rows, 7),
            "mediators": _distinct(rows, 8), "sentence": sentence, "article": article}


def _distinct(rows: list[tuple[str | None, ...]], column: int) -> list[str]:
    return list(dict.fromkeys(str(r[column]) for r in rows if r[column] is not None))


def claims(store: Store, *, speaker: str | None = None, limit: int = 100, offset: int = 0
           ) -> list[dict[str, Any]]:
    """Claims with speaker, verb, quote, what they assert and contradict (by URI)."""
    return store.cached(("catalog:claims", speaker, limit, offset),
                        lambda: _claims(store, speaker, limit, offset))


def _claims(store: Store, speaker: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    if speaker:
        chosen = sorted(str(c) for (c,) in store.select_text(
            SPEAKER_CLAIMS, {"speaker": ids.actor_uri(speaker)}))
    else:
        chosen = claim_index(store)
    found = (_claim(store, uri) for uri in chosen[offset:offset + limit])
    return [claim for claim in found if claim is not None]


def claim_index(store: Store) -> list[str]:
    """Every claim's URI, in URI order (read once per store generation).

    >>> from kg.store import open_store
    >>> claim_index(open_store("memory:"))
    []
    """
    return store.cached("catalog:claim-index", lambda: sorted(
        str(c) for (c,) in store.select_text(CLAIM_INDEX)))


def _claim(store: Store, uri: str) -> dict[str, Any] | None:
    from rdflib import URIRef

    rows = store.select_text(CLAIM_DETAIL, {"claim": URIRef(uri)})
    if not rows:  # a claim without its quote or sentence: not listed (as before)
        return None
    _, speaker, speaker_text, verb, quote, negated, via, asserts, sentence, article = rows[0][:10]
    return {"uri": uri, "speaker": speaker, "speaker_text": speaker_text, "verb": verb,
            "quote": quote, "negated": negated in ("true", "1"), "via": via, "asserts": asserts,
            "contradicts": _distinct(rows, 11),
            "date": next((r[10] for r in rows if r[10] is not None), None),
            "sentence": sentence, "article": article}
