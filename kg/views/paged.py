"""Timeline and claims a page at a time, for stores too large to show whole.

The order of all events (by date, undated last) and of all claims is read once
per store generation with one-pattern queries and kept on the store
(:meth:`kg.store.base.Store.cached`); a page then reads the details of its own
events or claims only. ``meta.paging`` carries ``page, pages, total`` and the
query strings of the previous and next pages.

Examples
--------
>>> from kg.store import open_store
>>> data = timeline_page(open_store("memory:"), {"page": "1"})
>>> data["events"], data["meta"]["paging"]["pages"]
([], 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import networkx as nx

from kg.eventindex import event_types, node_dates
from kg.store import Store
from kg.views.filters import ViewFilter, _int, group_of, in_range
from kg.views.source import ViewSource, read_claims, read_events
from kg.vocab import ET, sparql_prologue

PER_PAGE = 100
_P = sparql_prologue()
CLAIM_NODES = _P + "SELECT ?claim WHERE { ?claim a ckg:Claim }"
ACTOR_EVENTS = _P + """SELECT DISTINCT ?event ?actor WHERE { { ?event ckg:agent ?actor }
  UNION { ?event ckg:target ?actor } UNION { ?event ckg:mediator ?actor } }"""


def event_order(store: Store) -> list[tuple[str, str, str]]:
    """``(date, event URI, type key)`` of every event, by date (undated last), then URI."""
    def read() -> list[tuple[str, str, str]]:
        dates, types = node_dates(store), event_types(store)
        keys = {t: t.removeprefix(str(ET._NS)) for t in set(types.values())}  # each held once
        rows = [(dates.get(e, ""), e, keys[t]) for e, t in types.items()]
        return sorted(rows, key=lambda row: (row[0] or "9999", row[1]))
    return store.cached("paged:events", read)


def claim_order(store: Store) -> list[tuple[str, str]]:
    """``(date, claim URI)`` of every claim, by date then URI (as :func:`claims_data`)."""
    def read() -> list[tuple[str, str]]:
        dates = node_dates(store)
        return sorted((dates.get(str(c), ""), str(c)) for (c,) in store.select_text(CLAIM_NODES))
    return store.cached("paged:claims", read)


def paging(params: Mapping[str, str], total: int, per_page: int | None = None
           ) -> dict[str, object]:
    """Page number, pages, total, and the query strings of the previous and next pages.

    >>> paging({"page": "2", "from": "2017"}, 250)["next"]
    '?page=3&from=2017'
    """
    per_page = per_page or PER_PAGE
    pages = max(1, -(-total // per_page))
    page = _int(params.get("page"), "page", 1, 1, 1_000_000)
    rest = {k: v for k, v in params.items() if k != "page"}
    link = lambda n: "?" + urlencode({"page": n, **rest})  # noqa: E731
    return {"page": page, "pages": pages, "total": total, "per_page": per_page,
            "prev": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < pages else None}


def _labelled(store: Store, actors: set[str]) -> nx.MultiDiGraph:
    from kg.aggregates.read import actor_names

    names, graph = actor_names(store), nx.MultiDiGraph()
    for actor in actors:
        graph.add_node(actor, label=names.get(actor, {}).get("label", actor.rsplit("/", 1)[-1]))
    return graph


def _focus_events(store: Store, focus: str) -> set[str]:
    from rdflib import URIRef

    from kg.views.aggregated import resolve_actor

    actor = resolve_actor(store, focus)
    return {str(e) for e, _ in store.select_text(ACTOR_EVENTS, {"actor": URIRef(actor)})}


def timeline_page(store: Store, params: Mapping[str, str], link_base: str = "/id/"
                  ) -> dict[str, object]:
    """One page of the timeline (:func:`kg.views.companions.timeline_data`'s format)."""
    from kg.views.companions import _event, page_meta

    view = ViewFilter.from_params(params)
    keep = _focus_events(store, view.focus) if view.focus else None
    rows = [(date, uri) for date, uri, kind in event_order(store)
            if view.shows_group(group_of(kind)) and in_range(date, view.start, view.end)
            and (keep is None or uri in keep)]
    pages = paging(params, len(rows))
    start = (int(pages["page"]) - 1) * PER_PAGE  # type: ignore[call-overload]
    uris = [uri for _, uri in rows[start:start + PER_PAGE]]
    events = read_events(store, uris)
    actors = {a for e in events.values() for role in ("agents", "targets", "mediators")
              for a in e[role]}  # type: ignore[attr-defined]
    source = ViewSource(_labelled(store, actors), events, {})
    return {"events": [_event(source, uri, events[uri], link_base) for uri in uris if uri in events],
            "meta": {**page_meta(store, view), "paging": pages}}


def claims_page(store: Store, params: Mapping[str, str], link_base: str = "/id/"
                ) -> dict[str, object]:
    """One page of the claims (:func:`kg.views.companions.claims_data`'s format)."""
    from kg.views.companions import claims_data

    order = claim_order(store)
    pages = paging(params, len(order))
    start = (int(pages["page"]) - 1) * PER_PAGE  # type: ignore[call-overload]
    uris = [uri for _, uri in order[start:start + PER_PAGE]]
    claims = read_claims(store, uris)
    asserted = [str(c["asserts"]) for c in claims.values() if c["asserts"]]
    actors = {str(c[k]) for c in claims.values() for k in ("speaker", "via") if c[k]}
    source = ViewSource(_labelled(store, actors), read_events(store, asserted), claims)
    return {**claims_data(source, link_base), "meta": {"paging": pages}}




def large(store: Store, params: Mapping[str, str]) -> bool:
    """Whether a view is paged: a large store (:func:`kg.views.aggregated.uses_aggregates`),
    or ``page`` given."""
    from kg.views.aggregated import uses_aggregates

    return uses_aggregates(store, params)


def timeline_json(store: Store, params: Mapping[str, str]) -> dict[str, object]:
    """``/timeline``'s data: a page of a large store's events, else every event."""
    from kg.views.companions import timeline_data
    from kg.views.source import cached_view_source

    if large(store, params):
        return store.cached(("paged:timeline", *sorted(params.items())),
                            lambda: timeline_page(store, params))
    return timeline_data(cached_view_source(store), ViewFilter.from_params(params))


def claims_json(store: Store, params: Mapping[str, str]) -> dict[str, object]:
    """``/claims``'s data: a page of a large store's claims, else every claim."""
    from kg.views.companions import claims_data
    from kg.views.source import cached_view_source

    if large(store, params):
        return store.cached(("paged:claims", *sorted(params.items())),
                            lambda: claims_page(store, params))
    return claims_data(cached_view_source(store))




PLACES = _P + """SELECT ?place ?label ?lat ?long WHERE { GRAPH ?e {
  ?place geo:lat ?lat ; geo:long ?long ; rdfs:label ?label } }"""


def map_places(store: Store, link_base: str = "/id/") -> dict[str, object]:
    """``/map``'s data for a large store: every place with coordinates and its event count
    (from the tallies; ``events`` left empty), most active first."""
    from kg import ids
    from kg.aggregates.read import place_activity
    from kg.views.companions import MAP_HEIGHT, MAP_WIDTH, page_meta, project
    from kg.views.data import entity_href

    counts = dict(place_activity(store))
    places = []
    for place, label, lat, long in store.select_text(PLACES, {"e": ids.entities_graph()}):
        if str(place) in counts:
            x, y = project(float(str(lat)), float(str(long)))
            places.append({"label": label, "uri": place, "x": x, "y": y, "events": [],
                           "count": counts[str(place)], "href": entity_href(str(place), link_base),
                           "lat": float(str(lat)), "long": float(str(long))})
    places.sort(key=lambda p: (-int(p["count"]), str(p["uri"])))  # type: ignore[call-overload]
    placed = sum(int(p["count"]) for p in places)  # type: ignore[call-overload]
    return {"places": places, "unplaced": sum(counts.values()) - placed, "width": MAP_WIDTH,
            "height": MAP_HEIGHT, "meta": page_meta(store, ViewFilter())}


def map_json(store: Store, params: Mapping[str, str]) -> dict[str, object]:
    """``/map``'s data: counts per place for a large store, else every event by place."""
    from kg.views.companions import map_data
    from kg.views.source import cached_view_source

    if large(store, params):
        return store.cached("paged:map", lambda: map_places(store))
    return map_data(cached_view_source(store), ViewFilter.from_params(params))


__all__ = ["PER_PAGE", "claim_order", "claims_json", "claims_page", "event_order", "large",
           "map_json", "map_places", "paging", "timeline_json", "timeline_page"]
