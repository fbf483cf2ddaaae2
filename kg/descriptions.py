"""One description per actor and place, in the entities graph.

An article's named graph holds only what the article says (sentences,
mentions, events, claims). The labels, kinds, countries, coordinates,
aliases and Wikidata links of the actors and places it mentions live once,
in the named graph :func:`kg.ids.entities_graph`, merged deterministically:

- an actor or place the gazetteer knows is described by the gazetteer;
- any other actor is labelled with its most frequent surface form over all
  stored mentions (ties: the first in code-point order), and its kind is the
  strongest any article proposed, in the order of :data:`KIND_ORDER`, except
  that a name with the word "police" is always police.

Removing the last article that mentions an entity removes its description.
A kind is not weakened when an article is removed (the proposals of the other
articles are not stored); the label is recounted.

Examples
--------
>>> from kg.store import open_store
>>> from kg.documents import article_from_text
>>> from kg.model import Actor, Extraction, Mention, Span
>>> store = open_store("memory:")
>>> def seen(key, text, kind):
...     article = article_from_text(f"{text} marched.", origin=key)
...     mention = Mention(Span(0, len(text), text), 0, "actor", "police-forces")
...     extraction = Extraction(article=article, mentions=(mention,),
...                             actors=(Actor("police-forces", text, kind),))
...     _ = write_described(store, extraction)
>>> seen("a", "Police forces", "military"); seen("b", "police forces", "military")
>>> seen("c", "police forces", "military")
>>> description(store, "police-forces")
('police forces', 'police')
>>> forget_article(store, "b"); forget_article(store, "c")
True
True
>>> description(store, "police-forces")
('Police forces', 'police')
>>> forget_article(store, "a"), description(store, "police-forces")
(True, None)
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from rdflib import Literal, URIRef

from kg import ids
from kg.model import Actor, Extraction
from kg.store.base import Store, Triple
from kg.vocab import RDFS, sparql_prologue

KIND_ORDER = ("person", "state", "military", "police", "armed_group", "government", "party",
              "igo", "ngo", "media", "civilians", "other")
"""Kinds from strongest to weakest: an actor keeps the strongest kind proposed for it."""
POLICE_WORDS = frozenset({"police", "policemen", "policeman"})

# Bound variables are projected: pyoxigraph substitutes those before evaluation (others would
# be joined afterwards, after a scan).
STORED = sparql_prologue() + """SELECT ?e ?x ?label ?kind WHERE { GRAPH ?e {
  ?x rdfs:label ?label . OPTIONAL { ?x ckg:actorKind ?kind } } }"""
STORED_MANY = sparql_prologue() + """SELECT ?x ?label ?kind WHERE {{ VALUES ?x {{ {values} }}
  GRAPH {graph} {{ ?x rdfs:label ?label }}
  OPTIONAL {{ GRAPH {graph} {{ ?x ckg:actorKind ?kind }} }} }}"""
"""STORED for many nodes (N-Triples terms, formatted in by :func:`_stored`)."""
SURFACE_FORMS = sparql_prologue() + """SELECT ?x ?text (COUNT(?m) AS ?n) WHERE {
  ?m ckg:refersTo ?x ; ckg:text ?text } GROUP BY ?x ?text"""
REFERENCED = sparql_prologue() + """SELECT ?x ?g WHERE { GRAPH ?g { ?s ?p ?x . ?g a ckg:Article } }
  LIMIT 1"""
ARTICLE_ENTITIES = sparql_prologue() + """SELECT DISTINCT ?g ?x WHERE { GRAPH ?g {
  ?s ckg:refersTo|ckg:agent|ckg:target|ckg:mediator|ckg:place|ckg:speaker|ckg:reportedVia ?x } }"""


def kind_by_rule(label: str, proposed: str) -> str:
    """The kind of an actor named ``label`` for which an article proposed ``proposed``.

    >>> kind_by_rule("police forces", "military"), kind_by_rule("Free Hawks Brigade", "other")
    ('police', 'other')
    """
    words = set(label.lower().replace("'s", "").split())
    return "police" if words & POLICE_WORDS else proposed


def stronger(first: str, second: str) -> str:
    """The stronger of two kinds in :data:`KIND_ORDER`.

    >>> stronger("other", "armed_group"), stronger("person", "armed_group")
    ('armed_group', 'person')
    """
    rank = {kind: number for number, kind in enumerate(KIND_ORDER)}
    return min(first, second, key=lambda kind: rank.get(kind, len(KIND_ORDER)))


def _gazetteer_actors() -> frozenset[str]:
    from kg.extract.gazetteer import load_gazetteer

    return frozenset(load_gazetteer().actors)


def _listed(actor: Actor) -> bool:
    return actor.parent is not None or actor.key in _gazetteer_actors()


def description(store: Store, actor_key: str) -> tuple[str, str | None] | None:
    """The stored ``(label, kind)`` of an actor, or ``None`` when it is not described."""
    rows = store.select(STORED, {"e": ids.entities_graph(), "x": ids.actor_uri(actor_key)})
    if not len(rows):
        return None
    row = next(iter(rows))
    return str(row["label"]), (str(row["kind"]) if "kind" in row else None)


def most_frequent_form(store: Store, node: URIRef, more: Iterable[str] = ()) -> str | None:
    """The most frequent surface form of the mentions of ``node`` (ties: code-point order).

    ``more``: the forms of mentions not stored yet (an article being written).
    """
    from kg.extract.fallback import _label as surface_label

    counts: Counter[str] = Counter(surface_label(text) for text in more)
    for row in store.select(SURFACE_FORMS, {"x": node}):
        counts[surface_label(str(row["text"]))] += int(row["n"])
    if not counts:
        return None
    return min(counts, key=lambda form: (-counts[form], form))


def replace_descriptions(store: Store, changes: Iterable[tuple[URIRef, Iterable[Triple]]]
                         ) -> None:
    """Replace the descriptions of nodes in the entities graph (no triples: remove one),
    all in one update."""
    from kg.store.querytext import ntriples_body
    from kg.store.terms import to_oxigraph

    graph, operations = to_oxigraph(ids.entities_graph()), []
    for node, triples in changes:
        operations.append(f"DELETE WHERE {{ GRAPH {graph} {{ {to_oxigraph(node)} ?p ?o }} }}")
        body = "\n".join(ntriples_body(triples)[0])
        if body:
            operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    if operations:
        store.update(" ;\n".join(operations))


def replace_description(store: Store, node: URIRef, triples: Iterable[Triple]) -> None:
    """Replace the description of ``node`` in the entities graph (no triples: remove it)."""
    replace_descriptions(store, [(node, triples)])


def _stored(store: Store, nodes: list[URIRef]) -> dict[URIRef, tuple[str, str | None]]:
    """``(label, kind)`` of those ``nodes`` the entities graph describes, in one query."""
    from kg.store.terms import to_oxigraph

    if not nodes:
        return {}
    values = " ".join(str(to_oxigraph(node)) for node in nodes)
    query = STORED_MANY.format(values=values, graph=to_oxigraph(ids.entities_graph()))
    return {URIRef(str(node)): (str(label), kind) for node, label, kind in store.select_text(query)}


def _merged_actor(store: Store, actor: Actor, stored: tuple[str, str | None] | None,
                  forms: list[str]) -> list[Triple] | None:
    """The new description of ``actor``, or ``None`` when the stored one stands."""
    from kg.rdf import actor_triples

    if _listed(actor):
        return list(actor_triples(actor)) if stored is None else None
    proposed = kind_by_rule(actor.label, actor.kind)
    if stored is None:
        label, kind = actor.label, proposed
    else:
        label = stored[0]
        if actor.label != label:
            label = most_frequent_form(store, ids.actor_uri(actor.key), forms) or actor.label
        kind = stronger(stored[1] or "other", kind_by_rule(label, proposed))
        if (label, kind) == stored:
            return None
    return list(actor_triples(dataclasses.replace(actor, label=label, kind=kind)))


def describe_entities(store: Store, extraction: Extraction) -> None:
    """Add or merge the descriptions of the actors and places of an article about to be stored.

    Ingest describes first and writes the article after: a crash in between leaves
    descriptions without mentions (the next ingest of the article completes it), never an
    article whose entities are undescribed.
    """
    from kg.rdf import place_triples

    actors = {ids.actor_uri(a.key): a for a in extraction.actors}
    places = {ids.place_uri(p.key): p for p in extraction.places}
    stored = _stored(store, [*actors, *places])
    changes: list[tuple[URIRef, Iterable[Triple]]] = []
    for node, actor in actors.items():
        forms = [m.span.text for m in extraction.mentions
                 if m.kind == "actor" and m.key == actor.key]
        merged = _merged_actor(store, actor, stored.get(node), forms)
        if merged is not None:
            changes.append((node, merged))
    changes += [(node, place_triples(p)) for node, p in places.items() if node not in stored]
    replace_descriptions(store, changes)


def undescribe_unwritten(store: Store, extraction: Extraction) -> None:
    """After an article failed to be written: drop the descriptions no stored article needs."""
    nodes = [ids.actor_uri(a.key) for a in extraction.actors]
    nodes += [ids.place_uri(p.key) for p in extraction.places]
    replace_descriptions(store, [(node, ()) for node in nodes
                                 if not len(store.select(REFERENCED, {"x": node}))])


def write_described(store: Store, extraction: Extraction, *, new: bool = False) -> int:
    """Write an article's graph (:func:`kg.ingest.write_article`), then describe its entities."""
    from kg.ingest import write_article

    describe_entities(store, extraction)
    return write_article(store, extraction, new=new)


def forget_article(store: Store, article_key: str) -> bool:
    """Remove an article's graph and the descriptions only it needed; return whether it was there.

    An actor still mentioned elsewhere and not in the gazetteer gets its label recounted.
    """
    return forget_graph(store, ids.article_uri(article_key))


def forget_graph(store: Store, graph: URIRef) -> bool:
    """Drop any named ``graph``, then the descriptions only it needed (:func:`forget_article`)."""
    from kg.aggregates.write import drop_counted

    rows = store.select(ARTICLE_ENTITIES, {"g": graph})
    entities = [URIRef(str(row["x"])) for row in rows]
    if not drop_counted(store, graph):  # the graph and its tallies, in one update
        return False
    listed = _gazetteer_actors()
    for node in entities:
        if not len(store.select(REFERENCED, {"x": node})):
            replace_description(store, node, ())
            continue
        kind, key = ids.key_of(node) if node.startswith(ids.BASE) else ("", "")
        stored = description(store, key) if kind == "actor" and key not in listed else None
        if stored is not None:
            label = most_frequent_form(store, node) or stored[0]
            if label != stored[0]:
                replace_description(store, node, _relabelled(store, node, label))
    return True


def _relabelled(store: Store, node: URIRef, label: str) -> list[Triple]:
    from kg.vocab import SKOS

    rows = store.select("SELECT ?e ?x ?p ?o WHERE { GRAPH ?e { ?x ?p ?o } }",
                        {"e": ids.entities_graph(), "x": node})
    kept = [(node, row["p"], row["o"]) for row in rows
            if row["p"] not in (RDFS.label, SKOS.prefLabel)]
    return [*kept, (node, RDFS.label, Literal(label)), (node, SKOS.prefLabel, Literal(label))]


__all__ = ["KIND_ORDER", "describe_entities", "description", "forget_article", "forget_graph",
           "kind_by_rule", "most_frequent_form", "replace_description", "replace_descriptions",
           "stronger", "undescribe_unwritten", "write_described"]
