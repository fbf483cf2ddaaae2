"""Every event's type and every node's own date, read once per store generation.

The timeline's pages (:func:`kg.views.paged.event_order`), the API's event list
(:func:`kg.catalog.events`) and entity pages order all events; each read both lists
with its own one-pattern queries, so a server's warm-up read them twice (about 13 s
of its 60 at 100,000 articles). Kept on the store (:meth:`kg.store.base.Store.cached`),
they are read once and shared.

Examples
--------
>>> from kg.store import open_store
>>> event_types(open_store("memory:")), node_dates(open_store("memory:"))
({}, {})
"""

from __future__ import annotations

from kg.store import Store
from kg.vocab import sparql_prologue

_P = sparql_prologue()
EVENT_TYPES = _P + "SELECT ?event ?type WHERE { ?event ckg:eventType ?type }"
NODE_DATES = _P + "SELECT ?node ?date WHERE { ?node ckg:date ?date }"
DATES = "events:dates"
"""The key of :func:`node_dates` on the store's cache."""


def event_types(store: Store) -> dict[str, str]:
    """The type URI of every event (``ckg:eventType``), by event URI."""
    return store.cached("events:types", lambda: {
        str(event): str(kind) for event, kind in store.select_text(EVENT_TYPES)})


def node_dates(store: Store) -> dict[str, str]:
    """The own date (``ckg:date``, as written) of every event and claim that has one."""
    return store.cached(DATES, lambda: {
        str(node): str(date) for node, date in store.select_text(NODE_DATES)})


def kept_node_dates(store: Store) -> dict[str, str] | None:
    """:func:`node_dates` if the store keeps them for its current generation (a served store
    reads them while warming up), else ``None``: reading them took 7-9 s at 100,000 articles,
    more than a caller wanting a few dates should wait."""
    return node_dates(store) if store.holds(DATES) else None


__all__ = ["DATES", "EVENT_TYPES", "NODE_DATES", "event_types", "kept_node_dates", "node_dates"]
