"""Add the mention tallies to a store whose tallies an earlier kg kept without them.

A ``mention`` tally counts the mentions that refer to one actor or place
(:mod:`kg.aggregates.tallies`): an entity page reads its count in one lookup where counting
the most active actor's mentions at 100,000 articles walked 40-100 ms of them. Ingest and
removal keep them since; a store tallied before has the earlier marker
(:data:`INDEXED_MARKER_TEXT`) and current tallies otherwise, so ``kg upgrade`` adds these alone
(:func:`add_mentions`: one grouped count of the mentions), instead of recounting every tally.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> needs_mentions_only(store), add_mentions(store)
(False, 0)
"""

from __future__ import annotations


from kg import ids
from kg.store.base import Store

INDEXED_MARKER_TEXT = ("tallies kept current at ingest (dyads with their events, actors, places, "
                       "dates, mediation)")
"""The aggregates graph's label before the mention tallies (its other tallies are today's)."""


def needs_mentions_only(store: Store) -> bool:
    """Whether the store's tallies are current but lack the mention tallies (the earlier marker)."""
    from kg.aggregates.write import marked

    return marked(store, INDEXED_MARKER_TEXT)


def add_mentions(store: Store) -> int:
    """Count the mention tallies of a store that :func:`needs_mentions_only` and write its
    current marker; return the tallies written (0, and nothing done, on any other store).

    The stored tallies are not versioned anew: no analysis reads these.
    """
    from kg.aggregates.write import MARKER_TEXT, add_in_batches, mention_counts, remark
    from kg.ntriples import iri, literal
    from kg.vocab import CKG

    if not needs_mentions_only(store):
        return 0
    graph = iri(ids.aggregates_graph())
    store.update(f"DELETE {{ GRAPH {graph} {{ ?t ?p ?o }} }} WHERE {{ GRAPH {graph} {{ "
                 f"?t {iri(CKG.tallyKind)} {literal('mention')} ; ?p ?o }} }}")  # counted afresh
    counts = mention_counts(store)
    add_in_batches(store, counts)
    remark(store, INDEXED_MARKER_TEXT, MARKER_TEXT)
    return len(counts)


__all__ = ["INDEXED_MARKER_TEXT", "add_mentions", "needs_mentions_only"]
