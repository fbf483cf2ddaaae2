"""Upgrade a store whose article graphs describe their actors and places (one copy each).

``kg upgrade`` moves those copies into the entities graph, merged as
:mod:`kg.descriptions` merges at ingest: a gazetteer actor keeps the
gazetteer's description, any other actor the most frequent label among the
copies (ties: code-point order) and the strongest kind; a place keeps its most
frequent description. Ingest refuses an old store with a one-line instruction.

Examples
--------
>>> from kg.store import open_store
>>> needs_upgrade(open_store("memory:"))
False
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import URIRef

from kg import ids
from kg.errors import StoreError
from kg.model import Actor
from kg.store.base import Node, Store, Triple
from kg.vocab import CKG, RDFS, sparql_prologue

OLD_COPIES = sparql_prologue() + """ASK { GRAPH ?g { ?g a ckg:Article .
  { ?x a ckg:Actor } UNION { ?x a ckg:Place } } }"""
COPIES = sparql_prologue() + """SELECT ?g ?x ?p ?o WHERE { GRAPH ?g { ?g a ckg:Article .
  { ?x a ckg:Actor } UNION { ?x a ckg:Place } ?x ?p ?o } }"""
DROP_COPIES = sparql_prologue() + """DELETE { GRAPH ?g { ?x ?p ?o } } WHERE { GRAPH ?g {
  ?g a ckg:Article . { ?x a ckg:Actor } UNION { ?x a ckg:Place } ?x ?p ?o } }"""
INSTRUCTION = ("this store was written by an older kg (descriptions in every article graph, "
               "or no aggregates, or aggregates without their dyad index or mention tallies); "
               "run `kg upgrade --store {uri}` once, then try again")


def needs_upgrade(store: Store) -> bool:
    """Whether some article graph still holds actor or place descriptions, or the store has
    events but no tallies (:mod:`kg.aggregates`)."""
    from kg.aggregates.write import needs_tallies

    return store.ask(OLD_COPIES) or needs_tallies(store)


def keep_analysis_tables(store: Store) -> bool:
    """Keep the tallies the analyses read whole, for the current tally version, unless they are
    kept already in columns (:mod:`kg.aggregates.snapshot`); whether it did. ``kg upgrade`` runs
    it on a store that is otherwise up to date, so the next ``kg analyze`` reads one value.

    >>> from kg.store import open_store
    >>> store = open_store("memory:")
    >>> keep_analysis_tables(store), keep_analysis_tables(store)
    (True, False)
    """
    from kg.aggregates.read import keep_analysis_tables as keep

    return keep(store)


def refuse_old(store: Store, uri: str) -> None:
    """Raise :class:`~kg.errors.StoreError` with the one-line instruction on an old store."""
    if needs_upgrade(store):
        raise StoreError(INSTRUCTION.format(uri=uri))


def _merged(node: URIRef, copies: list[frozenset[tuple[Node, Node]]]) -> list[Triple]:
    from kg.descriptions import kind_by_rule, stronger
    from kg.extract.gazetteer import load_gazetteer
    from kg.rdf import actor_triples

    kind, key = ids.key_of(node) if node.startswith(ids.BASE) else ("", "")
    gazetteer = load_gazetteer().actors
    if kind == "actor" and key in gazetteer:
        return list(actor_triples(gazetteer[key]))
    counted = Counter(copies)
    best = min(counted, key=lambda c: (-counted[c], sorted(map(str, c))))
    if kind != "actor":
        return [(node, p, o) for p, o in best]
    labels = Counter(str(o) for copy in copies for p, o in copy if p == RDFS.label)
    label = min(labels, key=lambda form: (-labels[form], form))
    chosen = kind_by_rule(label, "other")
    for proposed in (str(o) for copy in copies for p, o in copy if p == CKG.actorKind):
        chosen = stronger(chosen, kind_by_rule(label, proposed))
    return list(actor_triples(_actor_of(key, label, chosen, best)))


def _actor_of(key: str, label: str, kind: str, copy: frozenset[tuple[Node, Node]]) -> Actor:

    values = {str(p): str(o) for p, o in copy}
    return Actor(key, label, kind, country=values.get(str(CKG.country)))  # type: ignore[arg-type]


def upgrade(store: Store) -> int:
    """Move every article graph's descriptions into the entities graph and count the tallies
    (:func:`kg.aggregates.write.rebuild`), or only add what tallies kept by an earlier kg lack:
    the ``ckg:inDyad`` index (:func:`kg.aggregates.members.add_index`), then the mention tallies
    (:func:`kg.aggregates.mentions.add_mentions`); return the entities moved."""
    from kg.aggregates.members import add_index, needs_index_only
    from kg.aggregates.mentions import add_mentions, needs_mentions_only
    from kg.aggregates.write import rebuild

    moved = move_descriptions(store)
    if needs_index_only(store):
        add_index(store)
    if needs_mentions_only(store):
        add_mentions(store)
        keep_analysis_tables(store)
    else:
        rebuild(store, keep=True)
    return moved


def move_descriptions(store: Store) -> int:
    """Move every article graph's descriptions into the entities graph; return the entities."""
    from kg.descriptions import replace_description

    per_graph: dict[tuple[Node, URIRef], set[tuple[Node, Node]]] = defaultdict(set)
    for row in store.select(COPIES):
        per_graph[(row["g"], URIRef(str(row["x"])))].add((row["p"], row["o"]))
    copies: dict[URIRef, list[frozenset[tuple[Node, Node]]]] = defaultdict(list)
    for (_, node), pairs in per_graph.items():
        copies[node].append(frozenset(pairs))
    for node, described in sorted(copies.items()):
        replace_description(store, node, _merged(node, described))
    if copies:
        store.update(DROP_COPIES)
    return len(copies)


__all__ = ["INSTRUCTION", "keep_analysis_tables", "move_descriptions", "needs_upgrade",
           "refuse_old", "upgrade"]
