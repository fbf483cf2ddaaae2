"""Data of the companion views: the timeline of events, claims side by side, the map.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="A")
>>> _ = g.add_edge("a", "a", type="Shelling", sign=-1, event="e1", date="2017-08-27")
>>> [e["date"] for e in timeline_data(ViewSource.from_network(g))["events"]]
['2017-08-27']
>>> project(0.0, 0.0), project(-90.0, 180.0)
((500.0, 250.0), (1000.0, 500.0))
"""

from __future__ import annotations

from kg.analysis.projection import date_span
from kg.store import Store
from kg.taxonomy import event_types
from kg.views.data import SIGN_COLOURS, _date_range, _label, entity_href
from kg.views.filters import EDGE_GROUPS, GROUP_COLOURS, ViewFilter, group_of, in_range
from kg.views.source import ViewSource

MAP_WIDTH, MAP_HEIGHT = 1000.0, 500.0


def _sign(event_type: str) -> int:
    info = event_types().get(event_type)
    return info.sign if info else 0


def _event(source: ViewSource, uri: str, event: dict, link_base: str) -> dict[str, object]:  # type: ignore[type-arg]
    roles = {role: [{"id": a, "label": _label(source, a) or a, "href": entity_href(a, link_base)}
                    for a in event[role]] for role in ("agents", "targets", "mediators")}
    return {"uri": uri, "href": entity_href(uri, link_base), "type": event["type"],
            "group": group_of(str(event["type"])), "sign": _sign(str(event["type"])),
            "date": event["date"], "date_basis": event.get("date_basis", "unknown"),
            "date_label": event.get("date_label", ""), "place": event["place"],
            "modality": event["modality"], "place_href": entity_href(str(event["place_uri"]), link_base),
            "sentence": event["sentence"], "article_title": event["article_title"],
            "article_href": entity_href(str(event["article"]), link_base),
            "lat": event["lat"], "long": event["long"], **roles}


def _meta(source: ViewSource, view: ViewFilter) -> dict[str, object]:
    return _meta_for(_date_range(source), view)


def page_meta(store: Store, view: ViewFilter) -> dict[str, object]:
    """The meta block of a paged view: the date range from the tallies (:mod:`kg.aggregates`)."""
    from kg.aggregates.read import date_histogram

    dates = date_histogram(store)
    span = (date_span(dates[0][0])[0], date_span(dates[-1][0])[1]) if dates else ("", "")
    return _meta_for(span, view)


def _meta_for(span: tuple[str, str], view: ViewFilter) -> dict[str, object]:
    first, last = span
    return {"date_min": first, "date_max": last, "filter": view.as_dict(),
            "groups": {g: {"colour": GROUP_COLOURS[g], "types": list(t)}
                       for g, t in EDGE_GROUPS.items()}, "sign_colours": SIGN_COLOURS}


def _selected(source: ViewSource, view: ViewFilter) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    rows = []
    for uri, event in source.events.items():
        actors = [*event["agents"], *event["targets"], *event["mediators"]]  # type: ignore[misc]
        if view.shows_group(group_of(str(event["type"]))) and \
                in_range(str(event["date"]), view.start, view.end) and \
                (not view.focus or view.focus in actors):
            rows.append((uri, event))
    return sorted(rows, key=lambda row: (str(row[1]["date"]) or "9999", row[0]))


def timeline_data(source: ViewSource, view: ViewFilter | None = None,
                  link_base: str = "/id/") -> dict[str, object]:
    """Events in date order (undated last), with actors by role; ``focus`` keeps one actor's."""
    view = view or ViewFilter()
    events = [_event(source, uri, e, link_base) for uri, e in _selected(source, view)]
    return {"events": events, "meta": _meta(source, view)}


def claims_data(source: ViewSource, link_base: str = "/id/") -> dict[str, object]:
    """Every claim, and each contradicting pair once (``pairs`` of indexes into ``claims``)."""
    uris = sorted(source.claims, key=lambda u: (str(source.claims[u]["date"]), u))
    index = {uri: i for i, uri in enumerate(uris)}
    claims = []
    for uri in uris:
        claim = source.claims[uri]
        asserted = source.events.get(str(claim["asserts"]))
        claims.append({
            "uri": uri, "href": entity_href(uri, link_base), "verb": claim["verb"],
            "speaker_label": _label(source, str(claim["speaker"])) or claim["speaker_text"],
            "speaker_href": entity_href(str(claim["speaker"]), link_base),
            "via_label": _label(source, str(claim["via"])), "quote": claim["quote"],
            "sentence": claim["sentence"], "date": claim["date"], "negated": claim["negated"],
            "article_title": claim["article_title"],
            "article_href": entity_href(str(claim["article"]), link_base),
            "asserts": asserted["type"] if asserted else "",
            "asserts_href": entity_href(str(claim["asserts"]), link_base) if asserted else ""})
    pairs = sorted({tuple(sorted((index[a], index[b]))) for a in uris
                    for b in source.claims[a]["contradicts"] if b in index})  # type: ignore[attr-defined]
    return {"claims": claims, "pairs": [list(p) for p in pairs]}


def project(lat: float, long: float) -> tuple[float, float]:
    """Equirectangular projection onto the map's SVG box (x east, y south)."""
    return (round((long + 180.0) / 360.0 * MAP_WIDTH, 2),
            round((90.0 - lat) / 180.0 * MAP_HEIGHT, 2))


def map_data(source: ViewSource, view: ViewFilter | None = None,
             link_base: str = "/id/") -> dict[str, object]:
    """Places with coordinates (projected to SVG) and the events at each, filtered like the network."""
    view = view or ViewFilter()
    places: dict[str, dict[str, object]] = {}
    unplaced = 0
    for uri, event in _selected(source, view):
        if event["lat"] is None or event["long"] is None:
            unplaced += 1
            continue
        key = str(event["place_uri"]) or f"{event['lat']},{event['long']}"
        x, y = project(float(event["lat"]), float(event["long"]))  # type: ignore[arg-type]
        place = places.setdefault(key, {"label": event["place"], "uri": key, "x": x, "y": y,
                                        "href": entity_href(key, link_base), "events": [],
                                        "lat": event["lat"], "long": event["long"]})
        place["events"].append(_event(source, uri, event, link_base))  # type: ignore[attr-defined]
    return {"places": sorted(places.values(), key=lambda p: -len(p["events"])),  # type: ignore[arg-type]
            "unplaced": unplaced, "width": MAP_WIDTH, "height": MAP_HEIGHT,
            "meta": _meta(source, view)}
