"""Lists for the REST API: actors, events (with filters), claims, as plain dicts.

Filter values reach SPARQL only as bindings. pyoxigraph substitutes bound
variables in triple patterns and plain filters, so each optional filter is a
fixed query fragment that is included only when its value is given (a
``!BOUND(?since)`` guard would be folded away before substitution).
``limit`` and ``offset`` are checked integers, the only values written into
the query text (SPARQL has no variable LIMIT).

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
from rdflib.term import Node

from kg import ids
from kg.errors import InputError
from kg.store import Store
from kg.vocab import distinct_values, event_type_uri, sparql_prologue

MAX_LIMIT = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

ACTORS = sparql_prologue() + """
SELECT ?actor ?label ?kind ?country (COUNT(DISTINCT ?event) AS ?events)
       (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {
  # each attribute de-duplicated: every article graph repeats an actor's description
  """ + distinct_values("actor", "ckg:actorKind", "kind") + """
  """ + distinct_values("actor", "rdfs:label", "label") + """
  OPTIONAL """ + distinct_values("actor", "ckg:country", "country") + """
  OPTIONAL { VALUES ?role { ckg:agent ckg:target ckg:mediator } ?event ?role ?actor }
  OPTIONAL { ?claim ckg:speaker ?actor }
}
GROUP BY ?actor ?label ?kind ?country
ORDER BY DESC(?events) ?label"""

EVENT_SELECT = """
SELECT ?event ?type ?modality ?sentence ?article (SAMPLE(?place) AS ?where)
       (SAMPLE(STR(COALESCE(?eventDate, ?published))) AS ?date)
       (GROUP_CONCAT(DISTINCT STR(?agent); separator=" ") AS ?agents)
       (GROUP_CONCAT(DISTINCT STR(?target); separator=" ") AS ?targets)
       (GROUP_CONCAT(DISTINCT STR(?mediator); separator=" ") AS ?mediators) {extra}
WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?event ckg:place ?place }
  OPTIONAL { ?event ckg:agent ?agent } OPTIONAL { ?event ckg:target ?target }
  OPTIONAL { ?event ckg:mediator ?mediator }
  OPTIONAL { ?article schema:datePublished ?published } OPTIONAL { ?event ckg:date ?eventDate }
"""
EVENT_FILTERS = {
    "actor": "  ?event ?actorRole ?actor . VALUES ?actorRole { ckg:agent ckg:target ckg:mediator }\n",
    "since": "  FILTER(STR(COALESCE(?eventDate, ?published)) >= ?since)\n",
    "until": "  FILTER(SUBSTR(STR(COALESCE(?eventDate, ?published)), 1, STRLEN(?until)) <= ?until)\n",
    "type": "",  # ?type is already in a triple pattern
}
EVENT_GROUP = "}\nGROUP BY ?event ?type ?modality ?sentence ?article {extra}\nORDER BY ?date ?event\n"

CLAIM_SELECT = """
SELECT ?claim ?speaker ?speakerText ?verb ?quote ?negated ?via ?asserts ?sentence ?article
       (SAMPLE(STR(?d)) AS ?date)
       (GROUP_CONCAT(DISTINCT STR(?other); separator=" ") AS ?contradicts) {extra}
WHERE {
  ?claim a ckg:Claim ; ckg:speakerText ?speakerText ; ckg:reportingVerb ?verb ; ckg:quote ?quote ;
         ckg:negated ?negated ; ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?claim ckg:speaker ?speaker } OPTIONAL { ?claim ckg:reportedVia ?via }
  OPTIONAL { ?claim ckg:asserts ?asserts } OPTIONAL { ?claim ckg:date ?d }
  OPTIONAL { ?claim ckg:contradicts ?other }
"""
CLAIM_FILTERS = {"speaker": "  ?claim ckg:speaker ?speaker .\n"}
CLAIM_GROUP = ("}\nGROUP BY ?claim ?speaker ?speakerText ?verb ?quote ?negated ?via ?asserts "
               "?sentence ?article {extra}\nORDER BY ?claim\n")


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


def _split(value: Node | None) -> list[str]:
    return str(value).split() if value is not None else []


def _query(select: str, filters: dict[str, str], group: str, given: dict[str, Node],
           limit: int, offset: int) -> str:
    extra = " ".join(f"?{name}" for name in given if name not in ("type", "speaker"))
    body = "".join(filters[name] for name in given)
    return (sparql_prologue() + select.replace("{extra}", extra) + body +
            group.replace("{extra}", extra) + f"LIMIT {int(limit)} OFFSET {int(offset)}")


def actors(store: Store) -> list[dict[str, Any]]:
    """Every actor with its kind, country, and counts of events and claims."""
    return [{"uri": str(row["actor"]), "key": ids.key_of(str(row["actor"]))[1],
             "label": str(row["label"]), "kind": str(row["kind"]),
             "country": str(row["country"]) if "country" in row else None,
             "events": int(row["events"]), "claims": int(row["claims"])}
            for row in store.select(ACTORS)]


def events(store: Store, *, event_type: str | None = None, actor: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    """Events, filtered by type key, actor key and date range (inclusive, by prefix)."""
    given: dict[str, Node] = {}
    if event_type:
        try:
            given["type"] = event_type_uri(event_type)
        except AttributeError as error:
            raise InputError(f"type: unknown event type {event_type!r}") from error
    if actor:
        given["actor"] = ids.actor_uri(actor)
    from kg.analysis.projection import date_window

    date_window(since, until)  # a date that does not exist, or since after until, is refused
    if since:
        given["since"] = _date("since", since)
    if until:
        given["until"] = _date("until", until)
    query = _query(EVENT_SELECT, EVENT_FILTERS, EVENT_GROUP, given, limit, offset)
    return [{"uri": str(row["event"]), "type": str(row["type"]).rsplit("/", 1)[-1],
             "date": str(row["date"]) if "date" in row else None,
             "modality": str(row["modality"]), "place": str(row["where"]) if "where" in row else None,
             "agents": _split(row.get("agents")), "targets": _split(row.get("targets")),
             "mediators": _split(row.get("mediators")), "sentence": str(row["sentence"]),
             "article": str(row["article"])}
            for row in store.select(query, given)]


def claims(store: Store, *, speaker: str | None = None, limit: int = 100, offset: int = 0
           ) -> list[dict[str, Any]]:
    """Claims with speaker, verb, quote, what they assert and contradict."""
    given: dict[str, Node] = {"speaker": ids.actor_uri(speaker)} if speaker else {}
    query = _query(CLAIM_SELECT, CLAIM_FILTERS, CLAIM_GROUP, given, limit, offset)
    return [{"uri": str(row["claim"]), "speaker": str(row["speaker"]) if "speaker" in row else None,
             "speaker_text": str(row["speakerText"]), "verb": str(row["verb"]),
             "quote": str(row["quote"]), "negated": bool(row["negated"].toPython()),
             "via": str(row["via"]) if "via" in row else None,
             "asserts": str(row["asserts"]) if "asserts" in row else None,
             "contradicts": _split(row.get("contradicts")),
             "date": str(row["date"]) if "date" in row else None,
             "sentence": str(row["sentence"]), "article": str(row["article"])}
            for row in store.select(query, given)]
