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

from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg import ids
from kg.datepolicy import dated
from kg.errors import InputError, NotFound
from kg.rdf import bind_prefixes
from kg.store import Store
from kg.vocab import PREFIXES, sparql_prologue

_P = sparql_prologue()
EXISTS = _P + "ASK { ?uri ?p ?o }"  # ASK has no projection: substitution applies
OUTGOING = _P + """
SELECT ?uri ?p ?o (SAMPLE(?label) AS ?oLabel) WHERE {
  { SELECT DISTINCT ?uri ?p ?o WHERE { ?uri ?p ?o } }  # one copy per article graph otherwise
  OPTIONAL { ?o rdfs:label ?label }
} GROUP BY ?uri ?p ?o ORDER BY ?p ?o"""
INCOMING = _P + """
SELECT ?uri ?s ?p (SAMPLE(?label) AS ?sLabel) WHERE {
  ?s ?p ?uri .
  FILTER(?p NOT IN (ckg:refersTo, ckg:agent, ckg:target, ckg:mediator, ckg:place, ckg:speaker,
                    ckg:reportedVia, ckg:asserts, ckg:article, prov:wasDerivedFrom,
                    prov:wasAttributedTo))
  OPTIONAL { ?s rdfs:label ?label }
} GROUP BY ?uri ?s ?p ORDER BY ?p ?s LIMIT 200"""
MENTIONS = _P + "SELECT (COUNT(DISTINCT ?m) AS ?n) ?uri WHERE { ?m ckg:refersTo ?uri } GROUP BY ?uri"
SENTENCE = _P + "SELECT ?uri ?text WHERE { ?uri ckg:sentence/ckg:text ?text } LIMIT 1"
EVENTS = _P + """
SELECT ?uri ?event ?type ?role ?modality ?sentence ?article ?articleLabel
       (SAMPLE(STR(?eventDate)) AS ?date) (SAMPLE(?from) AS ?dateFrom) WHERE {
  VALUES ?role { ckg:agent ckg:target ckg:mediator ckg:place ckg:article }
  ?event ?role ?uri ; a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ;
         ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?article rdfs:label ?articleLabel }
  OPTIONAL { ?event ckg:date ?eventDate }
  OPTIONAL { ?event ckg:dateFrom ?from }
} GROUP BY ?uri ?event ?type ?role ?modality ?sentence ?article ?articleLabel
ORDER BY ?date ?event"""
PARTICIPANTS = _P + """
SELECT ?event ?prole ?actor ?label WHERE {
  VALUES ?prole { ckg:agent ckg:target ckg:mediator }
  ?event ?prole ?actor .
  ?actor rdfs:label ?label .
}"""
"""The actors of one event (``?event`` bound: a few index lookups per event of a page)."""
CLAIMS = _P + """
SELECT ?uri ?claim ?role ?verb ?quote ?speakerText ?negated ?sentence ?article
       (SAMPLE(STR(?d)) AS ?date)
WHERE {
  VALUES ?role { ckg:speaker ckg:reportedVia ckg:asserts ckg:article }
  ?claim ?role ?uri ; a ckg:Claim ; ckg:reportingVerb ?verb ; ckg:quote ?quote ;
         ckg:speakerText ?speakerText ; ckg:negated ?negated ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?claim ckg:date ?d }
} GROUP BY ?uri ?claim ?role ?verb ?quote ?speakerText ?negated ?sentence ?article
ORDER BY ?claim"""
DESCRIPTION = _P + """
CONSTRUCT { ?uri ?p ?o . ?o rdfs:label ?label . ?s ?q ?uri . } WHERE {
  { ?uri ?p ?o OPTIONAL { ?o rdfs:label ?label } }
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


PER_PAGE = 500
"""Events and claims on one page of an entity (``page``: the next ones)."""


def _paged(query: str, page: int) -> str:
    return f"{query} LIMIT {PER_PAGE} OFFSET {(page - 1) * PER_PAGE}"


def _events(store: Store, uri: URIRef, page: int = 1) -> list[dict[str, Any]]:
    rows = store.select(_paged(EVENTS, page), {"uri": uri})
    participants: dict[str, list[dict[str, str]]] = {}
    events = dict.fromkeys(URIRef(str(row["event"])) for row in rows)
    for row in (r for event in events for r in store.select(PARTICIPANTS, {"event": event})):
        participants.setdefault(str(row["event"]), []).append(
            {"role": curie(str(row["prole"])), "uri": str(row["actor"]), "label": str(row["label"])})
    return [{"uri": str(row["event"]), "type": str(row["type"]).rsplit("/", 1)[-1],
             "role": curie(str(row["role"])), "modality": str(row["modality"]),
             **dated(_value(row.get("date")), _value(row.get("dateFrom"))),
             "sentence": str(row["sentence"]),
             "article": str(row["article"]), "article_label": _value(row.get("articleLabel")),
             "participants": participants.get(str(row["event"]), [])}
            for row in rows]


def _claims(store: Store, uri: URIRef, page: int = 1) -> list[dict[str, Any]]:
    return [{"uri": str(row["claim"]), "role": curie(str(row["role"])), "verb": str(row["verb"]),
             "quote": str(row["quote"]), "speaker_text": str(row["speakerText"]),
             "negated": bool(row["negated"].toPython()), "date": _value(row.get("date")),
             "sentence": str(row["sentence"]), "article": str(row["article"])}
            for row in store.select(_paged(CLAIMS, page), {"uri": uri})]


def describe(store: Store, uri: str | URIRef, page: str | int | None = None) -> dict[str, Any]:
    """Everything the pages show about ``uri`` (a dict ready for JSON); its events and claims
    :data:`PER_PAGE` at a time (``page``, default 1; ``next_page`` when there are more).

    Raises :class:`~kg.errors.NotFound` if the store says nothing about it
    or it is not a Conflict KG URI.
    """
    from kg.views.filters import _int

    number = _int(None if page is None else str(page), "page", 1, 1, 1_000_000)
    return store.cached(("entity", str(uri), number), lambda: _describe(store, uri, number))


def _describe(store: Store, uri: str | URIRef, number: int) -> dict[str, Any]:
    node = URIRef(str(uri))
    kind = kind_of(str(node))
    if not store.ask(EXISTS, {"uri": node}):
        raise NotFound(f"nothing is known about {node}")
    properties = [{"property": curie(str(row["p"])), "property_uri": str(row["p"]),
                   "object": _term(row["o"], row.get("oLabel"))}
                  for row in store.select(OUTGOING, {"uri": node})]
    types = [p["object"] for p in properties if p["property"] == "rdf:type"]
    mentions = store.select(MENTIONS, {"uri": node}).column("n")
    sentence = store.select(SENTENCE, {"uri": node}).column("text")
    return {
        "uri": str(node), "kind": kind, "label": _label(properties, str(node)),
        "types": types, "sentence": str(sentence[0]) if sentence else None,
        "properties": [p for p in properties if p["property"] != "rdf:type"],
        "mentions": int(mentions[0]) if mentions else 0,
        "events": (events := _events(store, node, number)),
        "claims": (claims := _claims(store, node, number)), "page": number,
        "next_page": number + 1 if PER_PAGE in (len(events), len(claims)) else None,
        "incoming": [{"subject": str(row["s"]), "property": curie(str(row["p"])),
                      "label": _value(row.get("sLabel"))}
                     for row in store.select(INCOMING, {"uri": node})],
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
