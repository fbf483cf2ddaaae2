"""Describe one resource of the graph: what it is, its events and claims with their sentences.

Backs the Linked Data pages (``/id/<path>``, HTML and JSON) and the RDF
answers for machines (:func:`entity_graph`). Every query takes the resource
as a binding (``?uri``), never spliced into the text.

Examples
--------
>>> from kg.store import open_store
>>> from kg import ids
>>> describe(open_store("memory:"), ids.actor_uri("nobody"))
Traceback (most recent call last):
...
kg.errors.NotFound: nothing is known about https://w3id.org/conflict-kg/id/actor/nobody
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg import ids
from kg.datepolicy import dated
from kg.errors import InputError, NotFound
from kg.rdf import bind_prefixes
from kg.store import Store
from kg.vocab import CKG, OWL, PREFIXES, PROV, RDF, sparql_prologue

_P = sparql_prologue()
EXISTS = _P + "ASK { ?uri ?p ?o }"  # ASK has no projection: substitution applies
OUTGOING = _P + """
SELECT ?uri ?p ?o (SAMPLE(?label) AS ?oLabel) WHERE {
  { SELECT DISTINCT ?uri ?p ?o WHERE { ?uri ?p ?o FILTER(?p != ckg:inDyad) } }  # one copy
  # per article graph otherwise; an event's dyads are the tallies' index (kg.aggregates.write)
  OPTIONAL { ?o rdfs:label ?label }
} GROUP BY ?uri ?p ?o ORDER BY ?p ?o"""
INCOMING = _P + """
SELECT ?uri ?s ?p (SAMPLE(?label) AS ?sLabel) WHERE {
  VALUES ?p { %s }
  ?s ?p ?uri .
  OPTIONAL { ?s rdfs:label ?label }
} GROUP BY ?uri ?s ?p ORDER BY ?p ?s LIMIT 200"""
"""Links to an entity by the properties of :func:`linking_properties` (one index lookup each:
a pattern with only the object bound walks every triple pointing at the entity, its mentions
and roles included, before a filter on the property leaves them out: 160-200 ms for the most
active actor at 100,000 articles)."""
NOT_INCOMING = tuple(str(term) for term in (
    CKG.refersTo, CKG.agent, CKG.target, CKG.mediator, CKG.place, CKG.speaker, CKG.reportedVia,
    CKG.asserts, CKG.article, PROV.wasDerivedFrom, PROV.wasAttributedTo, CKG.tallyAgent,
    CKG.tallyOther, CKG.tallyPlace, CKG.tallyEntity))
"""Links to an entity its page does not list as incoming: its mentions, events and claims (shown
as such) and the tallies that count it."""
MENTIONS = _P + "SELECT (COUNT(DISTINCT ?m) AS ?n) ?uri WHERE { ?m ckg:refersTo ?uri } GROUP BY ?uri"
"""An entity's mentions counted in the store, when it has no ``mention`` tally (:func:`_mentions`)."""
SENTENCE = _P + "SELECT ?uri ?text WHERE { ?uri ckg:sentence/ckg:text ?text } LIMIT 1"
# An entity's events and claims: found by walking the store's event and claim orders (kept per
# generation) with one index lookup per node when the entity is in enough of them, else its
# (node, role) rows by one bound pattern, ordered and cut in Python; then each of the page's own
# read by one query with its URI bound (pyoxigraph substitutes projected variables only).
# One query sorting every event of ISIS at 10k took 0.5-0.9 s.
EVENT_ROLES = _P + """SELECT ?uri ?event ?role WHERE {
  VALUES ?role { ckg:agent ckg:target ckg:mediator ckg:place ckg:article } ?event ?role ?uri }"""
EVENT_ROW = _P + """
SELECT ?event ?type ?modality ?sentence ?article ?articleLabel ?date ?dateFrom WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ;
         ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?article rdfs:label ?articleLabel }
  OPTIONAL { ?event ckg:date ?date }
  OPTIONAL { ?event ckg:dateFrom ?dateFrom }
}"""
PARTICIPANTS = _P + """
SELECT ?event ?prole ?actor ?label WHERE {
  VALUES ?prole { ckg:agent ckg:target ckg:mediator }
  ?event ?prole ?actor .
  ?actor rdfs:label ?label .
}"""
"""The actors of one event (``?event`` bound: a few index lookups per event of a page)."""
CLAIM_ROLES = _P + """SELECT ?uri ?claim ?role WHERE {
  VALUES ?role { ckg:speaker ckg:reportedVia ckg:asserts ckg:article } ?claim ?role ?uri }"""
EVENT_ROLE_COUNT = _P + """SELECT ?uri (COUNT(*) AS ?n) WHERE {
  VALUES ?role { ckg:agent ckg:target ckg:mediator ckg:place ckg:article } ?event ?role ?uri
} GROUP BY ?uri"""
CLAIM_ROLE_COUNT = _P + """SELECT ?uri (COUNT(*) AS ?n) WHERE {
  VALUES ?role { ckg:speaker ckg:reportedVia ckg:asserts ckg:article } ?claim ?role ?uri
} GROUP BY ?uri"""
"""How many role rows an entity has (counted in the store, no row read): walk or read them.
``?uri`` is projected so that pyoxigraph binds it before it plans; else it is joined in
around the pattern, which then read every role row of the store (ISIS's 14,562 claim rows at
100,000 articles: 6-9 ms counted bound, 106-116 ms joined). No row when it has none."""
CLAIM_ROW = _P + """
SELECT ?claim ?verb ?quote ?speakerText ?negated ?sentence ?article ?date WHERE {
  ?claim a ckg:Claim ; ckg:reportingVerb ?verb ; ckg:quote ?quote ;
         ckg:speakerText ?speakerText ; ckg:negated ?negated ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?claim ckg:date ?date }
}"""
DESCRIPTION = _P + """
CONSTRUCT { ?uri ?p ?o . ?o rdfs:label ?label . ?s ?q ?uri . } WHERE {
  { ?uri ?p ?o FILTER(?p != ckg:inDyad) OPTIONAL { ?o rdfs:label ?label } }
  UNION
  { ?s ?q ?uri FILTER(?q != ckg:refersTo) }
}"""
LABELS = ("label", "prefLabel", "headline", "quote", "text")


def curie(uri: str) -> str:
    """Shorten ``uri`` with the project's prefixes.

    >>> curie("https://w3id.org/conflict-kg/ontology#agent"), curie("http://x.org/y")
    ('ckg:agent', 'http://x.org/y')
    """
    for prefix, namespace in PREFIXES.items():
        if prefix != "id" and uri.startswith(namespace) and len(uri) > len(namespace):
            return f"{prefix}:{uri[len(namespace):]}"
    return uri


def kind_of(uri: str) -> str:
    """The kind of an instance URI: actor, place, article, event, claim, or a part of an article.

    >>> kind_of(ids.sentence_uri("a", 3)), kind_of(ids.actor_uri("isis"))
    ('sentence', 'actor')
    >>> kind_of("https://w3id.org/conflict-kg/id/spaceship/x")
    Traceback (most recent call last):
    ...
    kg.errors.NotFound: not a Conflict KG resource: https://w3id.org/conflict-kg/id/spaceship/x
    """
    try:
        kind, rest = ids.key_of(uri)
    except InputError as error:
        raise NotFound(f"not a Conflict KG resource: {uri}") from error
    parts = rest.split("/")
    return parts[1] if kind == "article" and len(parts) > 2 else kind


@functools.lru_cache(maxsize=1)
def linking_properties() -> tuple[str, ...]:
    """The properties an entity page lists incoming links by: every object property of the
    ontology (``conflict.ttl``) but those of :data:`NOT_INCOMING`, in URI order.

    A link by a property the ontology does not declare (RDF imported with a vocabulary of its
    own) is not listed; the SPARQL endpoint and the entity's RDF forms still give it.

    >>> str(CKG.parentActor) in linking_properties(), str(CKG.agent) in linking_properties()
    (True, False)
    """
    import pyoxigraph as ox

    from kg.taxonomy import ONTOLOGY_DIR

    ontology = ox.Store()
    ontology.load(path=str(ONTOLOGY_DIR / "conflict.ttl"), format=ox.RdfFormat.TURTLE)
    declared = ontology.quads_for_pattern(None, ox.NamedNode(str(RDF.type)),
                                          ox.NamedNode(str(OWL.ObjectProperty)))
    return tuple(sorted({quad.subject.value for quad in declared
                         if isinstance(quad.subject, ox.NamedNode)} - set(NOT_INCOMING)))


@functools.lru_cache(maxsize=1)
def incoming_query() -> str:
    """:data:`INCOMING` with the properties of :func:`linking_properties` (vocabulary IRIs)."""
    from kg.ntriples import iri

    return INCOMING % " ".join(iri(URIRef(p)) for p in linking_properties())


def _value(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _term(node: Node, label: Node | None = None) -> dict[str, Any]:
    if isinstance(node, Literal):
        return {"value": str(node), "literal": True,
                "datatype": curie(str(node.datatype)) if node.datatype else None,
                "language": node.language}
    return {"value": str(node), "literal": False, "label": _value(label), "curie": curie(str(node))}


def _label(properties: list[dict[str, Any]], uri: str) -> str:
    by_name = {p["property"].split(":")[-1]: p["object"]["value"] for p in reversed(properties)}
    return next((by_name[n] for n in LABELS if n in by_name), uri.rsplit("/", 1)[-1])


PER_PAGE = 100
"""Events and claims on one page of an entity (``page``: the next ones)."""
EVENT_ROLE_URIS = tuple(str(CKG[n]) for n in ("agent", "target", "mediator", "place", "article"))
CLAIM_ROLE_URIS = tuple(str(CKG[n]) for n in ("speaker", "reportedVia", "asserts", "article"))
WALK_BUDGET = 4
"""A walk along the store's order checks at most this many times the nodes it expects to need
(the entity's share of the order), else the entity's rows are read whole."""
WALK_RATIO = 1.0
"""Walk when the nodes expected to be checked are at most this many times the entity's rows."""


def _page(rows: list[tuple[str, str]], page: int) -> list[tuple[str, str]]:
    return rows[(page - 1) * PER_PAGE:page * PER_PAGE]


def _walk(store: Store, uri: URIRef, order: Iterable[str], roles: tuple[str, ...],
          wanted: int, budget: int) -> list[tuple[str, str]] | None:
    """The first ``wanted`` ``(node, role)`` rows of ``uri`` along ``order`` (each node's
    roles in URI order), checking each node with one index lookup; ``None`` when more than
    ``budget`` nodes were checked first."""
    found: list[tuple[str, str]] = []
    for checked, node in enumerate(order):
        if checked >= budget:
            return None
        found += sorted((node, role) for role in store.links(URIRef(node), uri) if role in roles)
        if len(found) >= wanted:
            break
    return found


def _walked_page(store: Store, uri: URIRef, order: Callable[[], Iterable[str]], size: int,
                 count_query: str, roles: tuple[str, ...], page: int) -> list[tuple[str, str]] | None:
    """Page ``page`` of ``uri``'s rows found by walking ``order`` (``size`` nodes), when the
    entity has rows enough that the walk costs less than reading them all; else ``None``.

    An entity in one event out of ten needs about 1,000 lookups for its first 100 rows, however
    many events it has: the cost follows its share, not its total (ISIS at 100,000 articles has
    about 80,000 role rows, read whole in 3 s)."""
    if not store.cache_reads:  # the order is not kept: nothing to walk along
        return None
    total = _rows_estimate(store, uri, count_query)
    wanted = page * PER_PAGE
    if total == 0 or wanted * size > WALK_RATIO * total * total:  # a walk longer than the rows
        return None
    found = _walk(store, uri, order(), roles, wanted, WALK_BUDGET * (wanted * size // total + 1))
    return None if found is None else _page(found, page)


def _rows_estimate(store: Store, uri: URIRef, count_query: str) -> int:
    """How many rows ``uri`` has: for an actor's or place's events, its tally (the events that
    happened: one lookup, where counting ISIS's 80,000 rows at 100,000 articles takes 0.1-0.3 s);
    else counted in the store."""
    from kg.aggregates.read import tally_count

    kind = kind_of(str(uri))
    counted = tally_count(store, kind, str(uri)) if count_query == EVENT_ROLE_COUNT and \
        kind in ("actor", "place") else None
    if counted is not None:
        return counted
    rows = store.select_text(count_query, {"uri": uri})
    return int(str(rows[0][1])) if rows else 0


def _event_walk(store: Store) -> Iterable[str]:
    """Every event in the entity pages' order: undated first, then by date; then by URI.

    The order is read by position, never sliced: a slice of it references every row, and in a
    page worker that writes to each row's memory page, shared with the server until then
    (about 37,000 pages copied at 100,000 articles, 0.1 s of the worker's first entity page).
    """
    from bisect import bisect_left
    from itertools import chain

    from kg.views.paged import event_order

    rows = event_order(store)  # dated by (date, URI), then undated by URI
    split = bisect_left(rows, "9999", key=lambda row: row[0] or "9999")
    return (rows[at][1] for at in chain(range(split, len(rows)), range(split)))


def _events(store: Store, uri: URIRef, page: int = 1) -> list[dict[str, Any]]:
    """Page ``page`` of the events ``uri`` takes part in (any role), by date (undated first),
    then URI; with each event's participants."""
    from kg.views.paged import event_order

    chosen = _walked_page(store, uri, lambda: _event_walk(store), len(event_order(store)),
                          EVENT_ROLE_COUNT, EVENT_ROLE_URIS, page)
    if chosen is None:
        dates = store.cached("entities:event-dates", lambda: {
            event: date for date, event, _ in event_order(store)})
        chosen = _page(sorted(((str(e), str(r)) for _, e, r in store.select_text(
            EVENT_ROLES, {"uri": uri}) if str(e) in dates),
            key=lambda row: (dates[row[0]], row[0], row[1])), page)
    return [event for event in (_event(store, e, role) for e, role in chosen)
            if event is not None]


def _event(store: Store, event: str, role: str) -> dict[str, Any] | None:
    found = store.select(EVENT_ROW, {"event": URIRef(event)})
    if not found.rows:
        return None
    row = found.rows[0]
    participants = [{"role": curie(str(p["prole"])), "uri": str(p["actor"]),
                     "label": str(p["label"])}
                    for p in store.select(PARTICIPANTS, {"event": URIRef(event)})]
    return {"uri": event, "type": str(row["type"]).rsplit("/", 1)[-1], "role": curie(role),
            "modality": str(row["modality"]),
            **dated(_value(row.get("date")), _value(row.get("dateFrom"))),
            "sentence": str(row["sentence"]), "article": str(row["article"]),
            "article_label": _value(row.get("articleLabel")), "participants": participants}


def _claims(store: Store, uri: URIRef, page: int = 1) -> list[dict[str, Any]]:
    """Page ``page`` of the claims ``uri`` is part of (speaker, via, asserted, article), by URI."""
    from kg.catalog import claim_index

    index = claim_index(store)
    chosen = _walked_page(store, uri, lambda: index, len(index), CLAIM_ROLE_COUNT,
                          CLAIM_ROLE_URIS, page)
    if chosen is None:
        known = store.cached("entities:claims", lambda: set(claim_index(store)))
        chosen = _page(sorted((str(c), str(r)) for _, c, r in store.select_text(
            CLAIM_ROLES, {"uri": uri}) if str(c) in known), page)
    return [claim for claim in (_claim(store, c, role) for c, role in chosen)
            if claim is not None]


def _claim(store: Store, claim: str, role: str) -> dict[str, Any] | None:
    found = store.select(CLAIM_ROW, {"claim": URIRef(claim)})
    if not found.rows:
        return None
    row = found.rows[0]
    return {"uri": claim, "role": curie(role), "verb": str(row["verb"]),
            "quote": str(row["quote"]), "speaker_text": str(row["speakerText"]),
            "negated": bool(row["negated"].toPython()), "date": _value(row.get("date")),
            "sentence": str(row["sentence"]), "article": str(row["article"])}


def describe(store: Store, uri: str | URIRef, page: str | int | None = None) -> dict[str, Any]:
    """Everything the pages show about ``uri`` (a dict ready for JSON); its events and claims
    :data:`PER_PAGE` at a time (``page``, default 1; ``next_page`` when there are more).

    Raises :class:`~kg.errors.NotFound` if the store says nothing about it
    or it is not a Conflict KG URI.
    """
    from kg.views.filters import _int

    number = _int(None if page is None else str(page), "page", 1, 1, 1_000_000)
    return store.cached(("entity", str(uri), number), lambda: _describe(store, uri, number))


def _mentions(store: Store, uri: URIRef) -> int:
    """How many mentions refer to ``uri``: its ``mention`` tally (one lookup, where counting the
    most active actor's at 100,000 articles took 40-100 ms), else counted (an entity nothing
    mentions has no tally; nor has any in a store not tallied by this kg)."""
    from kg.aggregates.read import tally_count

    counted = tally_count(store, "mention", str(uri))
    if counted is not None:
        return counted
    found = store.select(MENTIONS, {"uri": uri}).column("n")
    return int(found[0]) if found else 0


def _describe(store: Store, uri: str | URIRef, number: int) -> dict[str, Any]:
    node = URIRef(str(uri))
    kind = kind_of(str(node))
    if not store.ask(EXISTS, {"uri": node}):
        raise NotFound(f"nothing is known about {node}")
    properties = [{"property": curie(str(row["p"])), "property_uri": str(row["p"]),
                   "object": _term(row["o"], row.get("oLabel"))}
                  for row in store.select(OUTGOING, {"uri": node})]
    types = [p["object"] for p in properties if p["property"] == "rdf:type"]
    sentence = store.select(SENTENCE, {"uri": node}).column("text")
    return {
        "uri": str(node), "kind": kind, "label": _label(properties, str(node)),
        "types": types, "sentence": str(sentence[0]) if sentence else None,
        "properties": [p for p in properties if p["property"] != "rdf:type"],
        "mentions": _mentions(store, node),
        "events": (events := _events(store, node, number)),
        "claims": (claims := _claims(store, node, number)), "page": number,
        "next_page": number + 1 if PER_PAGE in (len(events), len(claims)) else None,
        "incoming": [{"subject": str(row["s"]), "property": curie(str(row["p"])),
                      "label": _value(row.get("sLabel"))}
                     for row in store.select(incoming_query(), {"uri": node})],
    }


def entity_graph(store: Store, uri: str | URIRef) -> Graph:
    """The RDF description of ``uri``: its triples, its neighbours' labels, links to it.

    Raises :class:`~kg.errors.NotFound` if the store says nothing about it.
    """
    node = URIRef(str(uri))
    kind_of(str(node))
    graph = bind_prefixes(Graph())
    for triple in store.construct(DESCRIPTION, {"uri": node}):
        graph.add(triple)
    if not graph:
        raise NotFound(f"nothing is known about {node}")
    return graph
