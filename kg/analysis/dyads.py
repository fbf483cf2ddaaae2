"""Who fights whom: hostile dyads with counts, dates, months and sources, ranked.

A dyad is an unordered pair of actors with at least one hostile event
(sign -1) between them, in either direction. Dyads are ranked by the number
of distinct events, then by the latest date, then by label.

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("isis", "army", "ArmedClash", "2017-08-20"),
...                         ("army", "isis", "Shelling", "2017-08-27"),
...                         ("isis", "town", "Kidnap", "2017-07-02"),
...                         ("army", "town", "Support", "2017-08-01")])
>>> [(d.a["label"], d.b["label"], d.events) for d in fights(g)]
[('army', 'isis', 2), ('isis', 'town', 1)]
>>> fights(g, actor="army")[0].months
{'2017-08': 2}
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import networkx as nx

from kg.analysis.projection import actor_ref, resolve_actor


@dataclass
class Dyad:
    """Two actors and the hostile events between them (``a`` sorts before ``b`` by URI)."""

    a: dict[str, str]
    b: dict[str, str]
    events: int
    first_date: str | None
    last_date: str | None
    months: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    edges: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Plain JSON values (the fields, not copied: cheaper than ``dataclasses.asdict``)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def row(self) -> dict[str, object]:
        """The row ``kg analyze fights`` gives: no event or article lists; ``edges`` (agent,
        other, edge type, events) say where :func:`kg.aggregates.evidence.dyad_evidence`
        fetches the events, a page at a time."""
        return {name: value for name, value in self.as_dict().items()
                if name not in ("articles", "evidence")}


def month_of(date: str) -> str:
    """The month of a date (``2017-08``), a year-only date itself, or ``undated``."""
    return date[:7] if len(date) >= 7 else (date or "undated")


def _collect(graph: nx.MultiDiGraph, only: str | None) -> dict[tuple[str, str], dict[str, dict]]:
    found: dict[tuple[str, str], dict[str, dict]] = {}
    for u, v, data in graph.edges(data=True):
        if data["sign"] >= 0 or u == v or (only and only not in (u, v)):
            continue
        pair = (u, v) if u < v else (v, u)
        found.setdefault(pair, {})[data["event"]] = {**data, "edge": (u, v, data["type"])}
    return found


def _edges(events: dict[str, dict]) -> list[dict[str, object]]:
    counts: dict[tuple[str, str, str], int] = {}
    for data in events.values():
        counts[data["edge"]] = counts.get(data["edge"], 0) + 1
    return [{"agent": u, "other": v, "relation": r, "events": n}
            for (u, v, r), n in sorted(counts.items())]


def _dyad(graph: nx.MultiDiGraph, pair: tuple[str, str], events: dict[str, dict]) -> Dyad:
    dates, months, types = [], {}, {}
    articles, sources = set(), set()
    for data in events.values():
        date = data["date"]
        if date:
            dates.append(date)
        month = month_of(date)
        months[month] = months.get(month, 0) + 1
        types[data["event_type"]] = types.get(data["event_type"], 0) + 1
        articles.add(data["article"])
        if data["source"]:
            sources.add(data["source"])
    return Dyad(a=actor_ref(graph, pair[0]), b=actor_ref(graph, pair[1]), events=len(events),
                first_date=min(dates) if dates else None, last_date=max(dates) if dates else None,
                months=dict(sorted(months.items())), types=dict(sorted(types.items())),
                articles=sorted(articles), sources=sorted(sources), evidence=sorted(events),
                edges=_edges(events))


def fights(graph: nx.MultiDiGraph, actor: str | None = None) -> list[Dyad]:
    """Rank the hostile dyads of ``graph`` (only those involving ``actor`` if given).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        An actor network (:func:`kg.analysis.projection.actor_network`).
    actor : str, optional
        URI, key, label or alias of an actor; raises
        :class:`~kg.errors.NotFound` if there is no such actor.
    """
    only = resolve_actor(graph, actor) if actor else None
    dyads = [_dyad(graph, pair, events) for pair, events in _collect(graph, only).items()]
    dyads.sort(key=lambda d: (d.a["label"].casefold(), d.b["label"].casefold(), d.a["uri"],
                              d.b["uri"]))  # ties: by URI, however the events were read
    dyads.sort(key=lambda d: d.last_date or "", reverse=True)
    dyads.sort(key=lambda d: d.events, reverse=True)
    return dyads
