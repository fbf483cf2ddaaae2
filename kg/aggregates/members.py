"""Add the ``ckg:inDyad`` index to a store whose tallies an earlier kg kept without it.

The index (one ``<event> ckg:inDyad <dyad tally>`` per event and dyad it counts in, see
:mod:`kg.aggregates.write`) is kept with the tallies at every write since. A store tallied
before it has the earlier marker (:data:`EARLIER_MARKER_TEXT`) and current tallies: ``kg
upgrade`` then adds the index alone (:func:`add_index`), reading only the events that happened
and their actors, instead of recounting every tally.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> needs_index_only(store), add_index(store)
(False, 0)
"""

from __future__ import annotations

from collections import Counter

from kg.aggregates.tallies import HAPPENED, IN_DYAD, Key, event_edges, event_facts
from kg.store.base import Store
from kg.vocab import sparql_prologue

EARLIER_MARKER_TEXT = "tallies kept current at ingest (dyads, actors, places, dates, mediation)"
"""The aggregates graph's label before the index (its tallies are those of today)."""
EDGE_FACTS = sparql_prologue() + """
SELECT ?g ?event ?type ?agentsAct ?role ?actor WHERE { GRAPH ?g {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality .
  FILTER(?modality IN (%s))
  OPTIONAL { ?event ckg:agentsAct ?agentsAct }
  { ?event ckg:agent ?actor BIND("agent" AS ?role) }
  UNION { ?event ckg:target ?actor BIND("target" AS ?role) }
  UNION { ?event ckg:mediator ?actor BIND("mediator" AS ?role) } } }""" % ", ".join(
    f'"{m}"' for m in HAPPENED)
"""What :func:`kg.aggregates.tallies.event_edges` needs of every event that happened, per
article graph (as :data:`kg.aggregates.write.FACTS` reads it for the tallies)."""
def needs_index_only(store: Store) -> bool:
    """Whether the store's tallies are current but lack the index (an earlier kg's marker)."""
    from kg.aggregates.write import marked

    return marked(store, EARLIER_MARKER_TEXT)


def index_keys(store: Store) -> Counter[Key]:
    """The :data:`~kg.aggregates.tallies.IN_DYAD` keys of every stored event that happened."""
    columns = ("graph", "event", "type", "agentsAct", "role", "actor")
    rows = (dict(zip(columns, row, strict=True), modality=HAPPENED[0])
            for row in store.select_text(EDGE_FACTS))
    facts, _, _ = event_facts(rows)
    return Counter({Key(IN_DYAD, (event.uri, *dyad)): 1 for event in facts
                    for dyad in event_edges(event)})


def add_index(store: Store) -> int:
    """Write the index of a store that :func:`needs_index_only` and the marker of a store with
    it (:data:`kg.aggregates.mentions.INDEXED_MARKER_TEXT`: the mention tallies are added next);
    return the index triples written (0, and nothing done, on any other store)."""
    from kg.aggregates.mentions import INDEXED_MARKER_TEXT
    from kg.aggregates.write import add_in_batches, remark

    if not needs_index_only(store):
        return 0
    keys = index_keys(store)
    add_in_batches(store, keys)
    remark(store, EARLIER_MARKER_TEXT, INDEXED_MARKER_TEXT)
    return len(keys)


__all__ = ["EARLIER_MARKER_TEXT", "add_index", "index_keys", "needs_index_only"]
