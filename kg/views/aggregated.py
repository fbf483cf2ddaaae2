"""Network views read from the aggregates: the top N actors, a page of them, an ego network,
and the strongest edges among them.

A store with more than :data:`DEFAULT_TOP` active actors, or a request with
``top``, ``page`` or ``actor``, is shown from the tallies (:mod:`kg.aggregates`):
nodes and edges come with counts and no events, and each edge names its
``evidence`` (``/network/evidence.json`` parameters) for the page to fetch when
the edge is opened. At most ``edges`` (:data:`kg.views.network.LINES_DRAWN`) of the dyads
among the actors are sent, the strongest (:func:`kg.aggregates.network.strongest_edges`).
Smaller stores keep the per-event view of
:func:`kg.views.data.network_data`.

Examples
--------
>>> from kg.store import open_store
>>> data = network_json(open_store("memory:"), {})
>>> data["nodes"], data["meta"]["total_nodes"]
([], 0)
>>> network_json(open_store("memory:"), {"top": "0"})
Traceback (most recent call last):
...
kg.errors.InputError: top: must be between 1 and 5000, not 0
"""

from __future__ import annotations

from collections.abc import Mapping

from kg.aggregates.network import Selection, ranked_edges, top_network
from kg.aggregates.read import actors_by_activity, date_histogram
from kg.analysis.families import UNDIRECTED
from kg.errors import NotFound
from kg.store import Store
from kg.views.data import (BLOC_COLOURS, KIND_COLOURS, SIGN_COLOURS, _nodes, community_summaries,
                           entity_href, kept_network_data)
from kg.views.filters import (DEFAULT_LIMIT, EDGE_GROUPS, GROUP_COLOURS, GROUP_DASHES, ViewFilter,
                              _int, in_range)
from kg.views.network import CENTRALITIES, CLUSTER_ABOVE, LINES_DRAWN, release

DEFAULT_TOP = 500
"""Actors a large store's network shows first (the rest: ``page`` or ``actor``)."""
MAX_TOP = 5000
"""The most actors one view from the tallies shows (the page's "Show more actors" stops there)."""
AGGREGATE_PARAMS = ("top", "page", "actor", "edges")


EVENT_LEVEL_MAX = 1000
"""Counted events up to which the views read every event; above, they read the tallies.
Reading every event costs about 0.7 ms an event on a cold server (1.3 s for the 1,800 events
of 300 synthetic articles), so a store of few actors but many events would miss the 1 s
target for a first page."""


def uses_aggregates(store: Store, params: Mapping[str, str]) -> bool:
    """Whether the network is read from the tallies: ``top/page/actor`` given, or a large store
    (more than :data:`DEFAULT_TOP` active actors or :data:`EVENT_LEVEL_MAX` counted events)."""
    return any(params.get(name) for name in AGGREGATE_PARAMS) or \
        len(actors_by_activity(store)) > DEFAULT_TOP or \
        sum(count for _, count in date_histogram(store)) > EVENT_LEVEL_MAX


def resolve_actor(store: Store, name: str) -> str:
    """The URI of an active actor given by URI, key or label (any case); 404 when none."""
    from kg import ids
    from kg.aggregates.read import actor_names

    activity = dict(actors_by_activity(store))
    if name in activity:
        return name
    candidate = ids.BASE + "actor/" + name
    if candidate in activity:
        return candidate
    wanted = name.strip().casefold()
    for uri, entry in actor_names(store).items():
        names = [str(entry["label"]), *entry["aliases"]]  # type: ignore[misc]
        if uri in activity and wanted in (n.casefold() for n in names):
            return uri
    raise NotFound(f"actor: no actor {name!r} with events (give a URI, key or label)")


def _chosen(params: Mapping[str, str], view: ViewFilter) -> tuple[int, int, str | None, int]:
    """``(top, page, actor, edges)`` as given, checked (an actor as named, not yet resolved)."""
    return (_int(params.get("top"), "top", DEFAULT_TOP, 1, MAX_TOP),
            _int(params.get("page"), "page", 1, 1, 1_000_000), params.get("actor") or view.focus,
            _int(params.get("edges"), "edges", LINES_DRAWN, 1, 10_000_000))


def selection(store: Store, params: Mapping[str, str], view: ViewFilter) -> Selection:
    """The :class:`~kg.aggregates.network.Selection` of ``top, page, actor`` and the view's filters."""
    top, page, actor, edges = _chosen(params, view)
    window = None
    if view.start or view.end:
        window = lambda date: in_range(date, view.start, view.end)  # noqa: E731
    return Selection(top=top, page=page, actor=resolve_actor(store, actor) if actor else None,
                     edges=edges, hops=view.hops, families=view.groups, min_weight=view.min_weight,
                     in_window=window)


def _edges(graph, node_index: dict[str, int]) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The edges strongest first (:func:`~kg.aggregates.network.ranked_edges`), so the page's
    own line budget, which breaks ties by id, keeps what the server chose."""
    return [{"id": number, "from": node_index[s], "to": node_index[t], "type": a["type"],
             "group": a["group"], "sign": a["sign"], "count": a["count"], "events": [],
             "evidence": {"agent": s, "other": t, "type": a["type"]},
             "arrows": "" if a["type"] in UNDIRECTED else "to"}
            for number, (s, t, _, a) in enumerate(ranked_edges(graph))]


def aggregated_network_data(store: Store, params: Mapping[str, str], view: ViewFilter,
                            link_base: str = "/id/") -> dict[str, object]:
    """The network page's data (the format of :func:`kg.views.data.network_data`) from the tallies."""
    chosen = selection(store, params, view)
    graph = top_network(store, chosen)
    if not view.isolated:
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    node_index = {node: number for number, node in enumerate(graph)}
    nodes, edges, counts = _nodes(graph, link_base), _edges(graph, node_index), dict(graph.graph)
    release(graph)
    dates = date_histogram(store)
    focus = node_index.get(chosen.actor) if chosen.actor else None
    return {"nodes": nodes, "edges": edges, "events": [], "claims": [], "meta": {
        "communities": community_summaries(nodes) if len(nodes) > CLUSTER_ABOVE else [],
        "total_nodes": counts["total_nodes"], "shown_nodes": len(nodes),
        "aggregated": {"top": chosen.top, "max_top": MAX_TOP, "page": chosen.page, "pages": counts["pages"],
                       "actor": chosen.actor, "evidence": "/network/evidence.json",
                       "edges": chosen.edges, "total_edges": counts["total_edges"],
                       "shown_edges": len(edges)},
        "date_min": dates[0][0][:10] if dates else "", "date_max": dates[-1][0][:10] if dates else "",
        "filter": view.as_dict(), "default_limit": DEFAULT_LIMIT, "focus": focus, "focus_missing": False,
        "max_lines": chosen.edges,
        "groups": {g: {"colour": GROUP_COLOURS[g], "dashes": GROUP_DASHES[g], "types": list(t)}
                   for g, t in EDGE_GROUPS.items()},
        "centralities": list(CENTRALITIES), "sign_colours": SIGN_COLOURS,
        "kind_colours": KIND_COLOURS, "bloc_colours": list(BLOC_COLOURS)}}


def _cached_aggregated(store: Store, params: Mapping[str, str], view: ViewFilter,
                       link_base: str) -> dict[str, object]:
    from kg.collection import collector_paused

    def build() -> dict[str, object]:
        with collector_paused():
            return aggregated_network_data(store, params, view, link_base)

    key = ("views:aggregated", link_base, view, _chosen(params, view))  # "?top=500" is "?"
    return store.cached(key, build)


def network_json(store: Store, params: Mapping[str, str], link_base: str = "/id/"
                 ) -> dict[str, object]:
    """``/network.json``: from the tallies for a large store or with ``top/page/actor``, else
    every event (:func:`kg.views.data.network_data`); either cached by store generation and
    filter (callers must not change the answer)."""
    from kg.views.source import cached_view_source

    view = ViewFilter.from_params(params)
    if uses_aggregates(store, params):
        return _cached_aggregated(store, params, view, link_base)
    return kept_network_data(cached_view_source(store), view, link_base=link_base)


def network_json_text(store: Store, params: Mapping[str, str], link_base: str = "/id/") -> str:
    """:func:`network_json` as compact JSON text (keys sorted), kept per store generation and
    view: writing 500 actors' JSON took 0.1-0.25 s on every request at 10,000 articles
    (with ``json.dumps``; orjson, :func:`kg.views.page.compact_json`, is about 3x faster)."""
    from kg.views.page import compact_json

    return store.cached(_json_key(store, params, link_base),
                        lambda: compact_json(network_json(store, params, link_base),
                                             sort_keys=True) + "\n")


def network_json_gzip(store: Store, params: Mapping[str, str], link_base: str = "/id/") -> bytes:
    """:func:`network_json_text` in UTF-8, gzip-compressed once and kept beside it.

    At 10,000 articles the default answer is 4 MB of JSON; sent as it is, the server moved
    32 answers a second under 32 connections, most of the time spent copying bytes.

    >>> import gzip
    >>> from kg.store import open_store
    >>> store = open_store("memory:")
    >>> gzip.decompress(network_json_gzip(store, {})).decode() == network_json_text(store, {})
    True
    """
    import gzip

    key = ("views:network-json-gzip", *_json_key(store, params, link_base))
    return store.cached(key, lambda: gzip.compress(
        network_json_text(store, params, link_base).encode("utf-8"), compresslevel=6, mtime=0))


def _json_key(store: Store, params: Mapping[str, str], link_base: str) -> tuple[object, ...]:
    view = ViewFilter.from_params(params)
    return ("views:network-json-text", link_base, view, _chosen(params, view),
            uses_aggregates(store, params))


def network_html(store: Store, params: Mapping[str, str], *, asset_base: str,
                 links: dict[str, str]) -> str:
    """The ``/network`` page: from the tallies or every event, as :func:`network_json` decides."""
    from kg.views.page import network_page, render_view
    from kg.views.source import cached_view_source

    view = ViewFilter.from_params(params)
    if not uses_aggregates(store, params):  # kept by the source (the layout alone: 0.2 s)
        return network_page(cached_view_source(store), view, inline_assets=False,
                            asset_base=asset_base, links=links)
    def page() -> str:
        data = _cached_aggregated(store, params, view, "/id/")
        data = {**data, "meta": {**data["meta"], "server": True}}  # type: ignore[dict-item]
        return render_view("network", data, inline_assets=False, asset_base=asset_base,
                           links=links)
    key = ("views:aggregated-page", asset_base, tuple(sorted(links.items())), view,
           _chosen(params, view))
    return store.cached(key, page)  # rendering 500 actors' JSON into the page: ~0.1 s


def edge_evidence(store: Store, params: Mapping[str, str], link_base: str = "/id/"
                  ) -> dict[str, object]:
    """``/network/evidence.json?agent=&other=&type=&page=``: a page of an edge's events."""
    from kg.errors import InputError

    missing = [name for name in ("agent", "other", "type") if not params.get(name)]
    if missing:
        raise InputError(f"{', '.join(missing)}: required")
    page = _int(params.get("page"), "page", 1, 1, 1_000_000)
    key = ("evidence", params["agent"], params["other"], params["type"], page, link_base)
    return store.cached(key, lambda: _evidence(store, params, page, link_base))


def _evidence(store: Store, params: Mapping[str, str], page: int, link_base: str
              ) -> dict[str, object]:
    from kg.aggregates.evidence import dyad_evidence

    found = dyad_evidence(store, params["agent"], params["other"], params["type"], page)
    for event in found["events"]:  # type: ignore[attr-defined]
        event["href"] = entity_href(event["uri"], link_base) or event["uri"]
        event["article_href"] = entity_href(event["article"], link_base)
        event["place_href"] = entity_href(event["place_uri"], link_base)
    return found


__all__ = ["DEFAULT_TOP", "aggregated_network_data", "edge_evidence", "network_html", "network_json",
           "resolve_actor", "uses_aggregates"]
