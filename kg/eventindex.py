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

from collections.abc import Iterable

from kg.store import Store
from kg.vocab import sparql_prologue

_P = sparql_prologue()
EVENT_TYPES = _P + "SELECT ?event ?type WHERE { ?event ckg:eventType ?type }"
NODE_DATES = _P + "SELECT ?node ?date WHERE { ?node ckg:date ?date }"
DATES = "events:dates"
"""The key of :func:`node_dates` on the store's cache."""


def event_types(store: Store) -> dict[str, str]:
    """The type URI of every event (``ckg:eventType``), by event URI."""
    return store.cached("events:types", lambda: shared_values(store.select_text(EVENT_TYPES)))


def node_dates(store: Store) -> dict[str, str]:
    """The own date (``ckg:date``, as written) of every event and claim that has one."""
    return store.cached(DATES, lambda: shared_values(store.select_text(NODE_DATES)))


def shared_values(rows: Iterable[tuple[str | None, ...]]) -> dict[str, str]:
    """``{first column: second column}`` of two-column rows, each distinct value held once.

    Every row's value arrives as a string of its own, while hundreds of thousands of events
    share a few dozen types and a few thousand dates. Held once, they take less of the
    server's memory, and a page worker reading the dates of a few hundred events writes (the
    reference counts of) a few of them, not one memory page per event copied from the server.

    >>> found = shared_values([("e:1", "2020-05-01"), ("e:2", "-".join(("2020", "05", "01")))])
    >>> found, found["e:1"] is found["e:2"]
    ({'e:1': '2020-05-01', 'e:2': '2020-05-01'}, True)
    """
    held: dict[str, str] = {}
    return {str(key): held.setdefault(str(value), str(value)) for key, value in rows}


def kept_node_dates(store: Store) -> dict[str, str] | None:
    """:func:`node_dates` if the store keeps them for its current generation (a served store
    reads them while warming up), else ``None``: reading them took 7-9 s at 100,000 articles,
    more than a caller wanting a few dates should wait."""
    return node_dates(store) if store.holds(DATES) else None


__all__ = ["DATES", "EVENT_TYPES", "NODE_DATES", "event_types", "kept_node_dates", "node_dates",
           "shared_values"]
