"""The rows of the actor network read with simple queries, joined in Python.

One SPARQL query joining events, roles, dates, sentences, places and articles
with optional parts (:data:`kg.analysis.projection.ROLES`) took 139 of 152 s at
7,000 articles: pyoxigraph evaluates the optional parts for every solution. Six
queries of one or two patterns each, read as plain strings
(:meth:`kg.store.base.Store.select_text`), give the same rows in a fraction of it.

Examples
--------
>>> from kg.store import open_store
>>> role_rows(open_store("memory:"))
[]
"""

from __future__ import annotations

from kg.store import Store
from kg.vocab import sparql_prologue

_P = sparql_prologue()
EVENTS = _P + """SELECT ?event ?type ?modality ?article WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ; ckg:article ?article }"""
AGENTS = _P + "SELECT ?event ?actor WHERE { ?event ckg:agent ?actor }"
TARGETS = _P + "SELECT ?event ?actor WHERE { ?event ckg:target ?actor }"
DATES = _P + "SELECT ?event ?date WHERE { ?event a ckg:Event ; ckg:date ?date }"
SENTENCES = _P + "SELECT ?event ?text WHERE { ?event a ckg:Event ; ckg:sentence/ckg:text ?text }"
ACTS = _P + "SELECT ?event ?act WHERE { ?event a ckg:Event ; ckg:agentsAct ?act }"
PLACES = _P + "SELECT ?event ?label WHERE { ?event a ckg:Event ; ckg:place/rdfs:label ?label }"
ARTICLES = _P + """SELECT ?article ?published ?source WHERE { ?article a ckg:Article .
  OPTIONAL { ?article schema:datePublished ?published } OPTIONAL { ?article ckg:sourceName ?source } }"""


def _multi(store: Store, query: str) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for key, value in store.select_text(query):
        found = values.setdefault(str(key), [])
        if value not in found:
            found.append(str(value))
    return values


def _first(store: Store, query: str) -> dict[str, str]:
    return {key: values[0] for key, values in _multi(store, query).items()}


def role_rows(store: Store) -> list[dict[str, str]]:
    """One row per event and role as :data:`kg.analysis.projection.ROLES` gives it (``event,
    type, agent, other, role, modality, sentence, article``; ``date, place, agents_act,
    published, source`` when known), as strings."""
    agents, targets = _multi(store, AGENTS), _multi(store, TARGETS)
    dates, places, acts = _first(store, DATES), _first(store, PLACES), _first(store, ACTS)
    sentences = _first(store, SENTENCES)
    articles = {str(a): (p, s) for a, p, s in store.select_text(ARTICLES)}
    rows = []
    for event, kind, modality, article in store.select_text(EVENTS):
        if event not in sentences or event not in agents:
            continue
        published, source = articles.get(str(article), (None, None))
        base = {"event": event, "type": kind, "modality": modality, "article": article,
                "sentence": sentences[event]}
        for name, value in (("date", dates.get(event)), ("place", places.get(event)),
                            ("agents_act", acts.get(event)),
                            ("published", published), ("source", source)):
            if value is not None:
                base[name] = value
        for agent in agents[event]:
            for other in targets.get(event, ()):
                rows.append({**base, "agent": agent, "other": other, "role": "target"})
            for other in agents[event]:
                if agent < other:
                    rows.append({**base, "agent": agent, "other": other, "role": "co-agent"})
    return rows  # type: ignore[return-value]


__all__ = ["role_rows"]
