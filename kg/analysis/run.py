"""Every analysis by name: name + parameters in, :class:`~kg.analysis.output.Result` out.

The CLI (``kg analyze``) and the web API (``/api/analysis/<name>``) both call
:func:`run_analysis`; :func:`params_from_strings` parses the text parameters
they receive and raises :class:`~kg.errors.InputError` (400) on bad values.
An unknown analysis raises :class:`UnknownAnalysis` (404).

Examples
--------
>>> from kg.store import open_store
>>> run_analysis(open_store("memory:"), "fights").summary
{'dyads': 0, 'actor': None}
>>> run_analysis(open_store("memory:"), "gossip")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.analysis.run.UnknownAnalysis: unknown analysis 'gossip'; one of: balance, blocs, ...
>>> params_from_strings({"min_weight": "0"})
Traceback (most recent call last):
...
kg.errors.InputError: min_weight: must be at least 1, not '0'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.analysis.output import Result, render
from kg.analysis.projection import (Filters, SignedEdges, actor_network, actor_ref, date_window,
                                    filter_network, signed_edges)
from kg.collection import collector_paused
from kg.errors import InputError, NotFound
from kg.store import Store

if TYPE_CHECKING:
    from kg.analysis.tallied import TallyTies

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class UnknownAnalysis(NotFound):
    """An analysis name that does not exist."""


@dataclass(frozen=True)
class Params:
    """Everything an analysis may take; each uses the parts it needs."""

    filters: Filters = field(default_factory=Filters)
    actor: str | None = None  # fights (optional), ego (required), path (source)
    other: str | None = None  # path (target)
    hops: int = 1  # ego
    top: int | None = None  # centrality, mediators
    window: str | None = None  # balance: "month" or "year" adds a census per window
    include_negated: bool = False


def _int(values: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    text = values.get(name)
    if text in (None, ""):
        return None
    try:
        number = int(str(text))
    except ValueError:
        raise InputError(f"{name}: not a whole number: {text!r}") from None
    if not low <= number <= high:
        raise InputError(f"{name}: must be at least {low}, not {text!r}" if number < low
                         else f"{name}: must be at most {high}, not {text!r}")
    return number


def _date(values: Mapping[str, str], name: str) -> str | None:
    text = values.get(name) or None
    if text is not None and not DATE.match(text):
        raise InputError(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    return text


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _article(name: str) -> str:
    """An article URI, or the URI of an article key."""
    from kg import ids

    return name if name.startswith(ids.BASE) else str(ids.article_uri(name))


def params_from_strings(values: Mapping[str, str]) -> Params:
    """Parse text parameters (query string or CLI options) into :class:`Params`.

    Keys: since, until, types (comma-separated), min_weight, articles
    (comma-separated article URIs or keys), actor, other, hops, top, window,
    include_negated.
    """
    window = values.get("window") or None
    if window not in (None, "month", "year"):
        raise InputError(f"window: expected month or year, not {window!r}")
    since, until = _date(values, "since"), _date(values, "until")
    date_window(since, until)  # a date that does not exist, or since after until, is refused
    filters = Filters(since=since, until=until,
                      types=_list(values.get("types")),
                      min_weight=_int(values, "min_weight", 1, 10**9) or 1,
                      articles=tuple(_article(a) for a in _list(values.get("articles"))))
    negated = str(values.get("include_negated", "")).lower() in ("1", "true", "yes")
    return Params(filters=filters, actor=values.get("actor") or None,
                  other=values.get("other") or None, hops=_int(values, "hops", 1, 6) or 1,
                  top=_int(values, "top", 1, 10**9), window=window, include_negated=negated)


def _tallied(graph: nx.MultiDiGraph) -> bool:
    """Whether ``graph`` is the network rebuilt from the tallies (its counts, not its events)."""
    return bool(graph.graph.get("from_tallies"))


def _ties(store: Store, graph: nx.MultiDiGraph) -> TallyTies | None:
    """The store's ties counted from its tallies when ``graph`` only names the actors
    (:func:`kg.analysis.tallied.tally_actors`), else ``None``: the analyses count the edges."""
    from kg.analysis.tallied import store_ties

    return store_ties(store) if graph.graph.get("counted_ties") else None


def _signed(store: Store, graph: nx.MultiDiGraph) -> SignedEdges:
    ties = _ties(store, graph)
    return ties.signed if ties is not None else signed_edges(graph.edges(data=True))


def _fights(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.dyads import fights
    from kg.analysis.tallied import tally_fights

    rows = (tally_fights(store, graph, p.actor) if _tallied(graph)
            else [d.row() for d in fights(graph, p.actor)])
    actor = actor_ref(graph, _resolved(graph, p.actor)) if p.actor else None
    return Result("fights", rows[:p.top] if p.top else rows, {"dyads": len(rows), "actor": actor},
                  columns=("a", "b", "events", "first_date", "last_date", "types", "sources"))


def _resolved(graph: nx.MultiDiGraph, name: str) -> str:
    from kg.analysis.projection import resolve_actor

    return resolve_actor(graph, name)


def _mediators(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.mediation import mediation_records, mediators
    from kg.analysis.tallied import explicit_mediation

    if _tallied(graph):
        explicit, ties = explicit_mediation(store), _ties(store, graph)
        rows = mediators(graph, explicit=explicit, signed=_signed(store, graph),
                         cooperative=None if ties is None else ties.cooperative)
        records = sum(n for entry in explicit.values() for n in entry["kinds"].values())
    else:
        found = mediation_records(store, p.filters, p.include_negated)
        rows = [{k: v for k, v in row.items() if k != "evidence"} for row in mediators(graph, found)]
        records = len(found)
    return Result("mediators", rows[:p.top] if p.top else rows,
                  {"explicit_records": records, "actors": len(rows)},
                  columns=("actor", "score", "bloc", "reasons"))


def _blocs(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.blocs import blocs

    found = blocs(graph, signed=_signed(store, graph))
    summary = {"blocs": len(found.blocs), "signed_ties": found.signed_ties,
               "frustration": found.frustration, "fit": found.fit, "violations": found.violations}
    return Result("blocs", found.blocs, summary,
                  columns=("bloc", "size", "internal_positive", "internal_negative", "members"))


def _balance(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.balance import balance_over_time, census

    found = census(_signed(store, graph))
    summary: dict[str, object] = {"census": found.census, "triangles": found.triangles,
                                  "ratio": found.ratio, "weak_ratio": found.weak_ratio}
    refs = {n: actor_ref(graph, n) for n in found.unbalanced_by_actor}  # one per actor: at
    # 100k, 287,000 unbalanced triangles name 2,100 actors
    summary["unbalanced"] = [[refs[u], refs[v], refs[w]] for u, v, w in found.unbalanced]
    if p.window:
        summary["windows"] = [{"window": b.window, "census": b.census, "ratio": b.ratio,
                               "unbalanced_by_actor": b.unbalanced_by_actor}
                              for b in balance_over_time(graph, p.window)]
    rows = [{"actor": actor_ref(graph, n), "unbalanced_triads": c}
            for n, c in found.unbalanced_by_actor.items()]
    return Result("balance", rows, summary, columns=("actor", "unbalanced_triads"))


def _centrality(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.centrality import betweenness_method, centrality

    rows = centrality(graph, signed=_signed(store, graph))
    summary = {"actors": len(rows), "betweenness": betweenness_method(len(rows))}
    return Result("centrality", rows[:p.top] if p.top else rows, summary,
                  columns=("actor", "degree", "events", "pagerank", "betweenness"))


def _ego(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.centrality import ego

    if not p.actor:
        raise InputError("ego: name an actor")
    found = ego(graph, p.actor, p.hops)
    return Result("ego", found["nodes"],  # type: ignore[arg-type]
                  {"center": found["center"], "hops": p.hops, "edges": found["edges"]},
                  columns=("actor", "distance"))


def _path(store: Store, graph: nx.MultiDiGraph, p: Params) -> Result:
    from kg.analysis.paths import shortest_path

    if not (p.actor and p.other):
        raise InputError("path: name two actors")
    found = shortest_path(graph, p.actor, p.other)
    return Result("path", found["hops"],  # type: ignore[arg-type]
                  {k: found[k] for k in ("source", "target", "length")},
                  columns=("a", "b", "sign", "events", "evidence"))


ANALYSES: dict[str, Callable[[Store, nx.MultiDiGraph, Params], Result]] = {
    "balance": _balance, "blocs": _blocs, "centrality": _centrality, "ego": _ego,
    "fights": _fights, "mediators": _mediators, "path": _path,
}
"""Every analysis by name."""


FROM_TALLIES = ("balance", "blocs", "centrality", "fights", "mediators")
"""Analyses of counts alone: from the tallies (:mod:`kg.aggregates`) when unfiltered (evidence
is fetched on demand: :mod:`kg.analysis.tallied`)."""


def _network(store: Store, name: str, params: Params) -> nx.MultiDiGraph:
    """The per-event network, or (for :data:`FROM_TALLIES` without filters, window or negated
    events, on a store that keeps tallies) the same counts from the tallies: the actors, and
    the pairs' ties counted from the dyad columns once per store generation for every analysis
    (:func:`kg.analysis.tallied.tally_actors`)."""
    from kg.aggregates.write import needs_tallies

    if (name in FROM_TALLIES and params.filters == Filters() and not params.window
            and not params.include_negated and not needs_tallies(store)):
        from kg.analysis.tallied import tally_actors

        return store.cached("analysis:tallies", lambda: tally_actors(store))
    return store.cached(("analysis:network", params.include_negated),
                        lambda: actor_network(store, params.include_negated))


def _packed(answer: dict[str, Any]) -> dict[str, Any]:
    """A kept answer with balance's unbalanced triangles as positions in its rows (each of their
    actors has a row): at 100k, 287,000 triangles were 93 MB of JSON, a 0.4 s parse."""
    triangles = answer["summary"].get("unbalanced")
    if not triangles:
        return answer
    position = {row["actor"]["uri"]: i for i, row in enumerate(answer["rows"])}
    packed = [[position[u["uri"]], position[v["uri"]], position[w["uri"]]]
              for u, v, w in triangles]
    return {**answer, "summary": {**answer["summary"], "unbalanced": packed}}


def _unpacked(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer :func:`_packed` kept (one kept unpacked by an older kg as it is)."""
    triangles = answer["summary"].get("unbalanced")
    if triangles and isinstance(triangles[0][0], int):
        actors = [row["actor"] for row in answer["rows"]]
        answer["summary"]["unbalanced"] = [[actors[u], actors[v], actors[w]]
                                           for u, v, w in triangles]
    return answer


def _answer(store: Store, name: str, params: Params, keep: bool) -> Result | None:
    """The answer of an unfiltered analysis from the tallies: kept in the store
    (:mod:`kg.aggregates.answers`), else computed (and kept when ``keep``); ``None`` when the
    parameters need more than the tallies."""
    from dataclasses import replace

    from kg.aggregates.answers import keep_answer, stored_answer
    from kg.aggregates.write import needs_tallies

    if name not in FROM_TALLIES or replace(params, top=None) != Params() or needs_tallies(store):
        return None

    def kept_or_computed() -> dict[str, Any]:
        found = stored_answer(store, name)
        if found is None:
            if keep:  # read the tallies once for every analysis after it (kg.aggregates.snapshot)
                from kg.aggregates.read import keep_analysis_tables

                keep_analysis_tables(store)
            result = ANALYSES[name](store, _network(store, name, Params()), Params())
            found = {"rows": result.rows, "summary": result.summary,
                     "columns": list(result.columns)}
            if keep:
                keep_answer(store, name, _packed(found))
            return found
        return _unpacked(found)

    # kept per store generation too: reading a kept answer parses it (0.4 s for fights at 10k)
    found = store.cached(("analysis:answer", name, keep), kept_or_computed)
    rows = found["rows"]
    return Result(name, rows[:params.top] if params.top else rows, found["summary"],
                  Filters().as_dict(), tuple(found["columns"]))


def run_analysis(store: Store, name: str, params: Params | None = None,
                 graph: nx.MultiDiGraph | None = None, keep: bool = False) -> Result:
    """Run analysis ``name`` on ``store`` (or on a given actor ``graph``) with ``params``.

    ``keep``: store the answer of an unfiltered analysis with the tally version, for the
    next process to read (:mod:`kg.aggregates.answers`; ``kg analyze`` on an on-disk store).
    """
    if name not in ANALYSES:
        raise UnknownAnalysis(f"unknown analysis {name!r}; one of: {', '.join(sorted(ANALYSES))}")
    with collector_paused():  # millions of acyclic objects at scale (kg.collection)
        return _run(store, name, params or Params(), graph, keep)


def _run(store: Store, name: str, params: Params, graph: nx.MultiDiGraph | None,
         keep: bool) -> Result:
    answer = _answer(store, name, params, keep) if graph is None else None
    if answer is not None:
        return answer
    if graph is None:  # the store's network, read once per generation
        graph = _network(store, name, params)
    if params.filters != Filters():
        graph = filter_network(graph, params.filters)
    result = ANALYSES[name](store, graph, params)
    result.filters = params.filters.as_dict()
    return result


def analysis_page(store: Store, name: str, params: Params, fmt: str = "json", limit: int = 100,
                  offset: int = 0) -> str:
    """Rows ``offset`` to ``offset + limit`` of :func:`run_analysis`, rendered as ``fmt``
    (:func:`kg.analysis.output.render`), the summary saying which page it is of how many rows
    (``page``: ``offset, limit, rows``). An analysis of a large store has tens of thousands of
    rows (the fights of a 100,000-article store: 41,934 rows, 44.8 MB of JSON); the HTTP API
    sends them a page at a time, as it does actors, events and claims (:func:`kg.catalog.page`).

    >>> from kg.store import open_store
    >>> import json
    >>> json.loads(analysis_page(open_store("memory:"), "blocs", Params(), limit=5))["summary"]["page"]
    {'offset': 0, 'limit': 5, 'rows': 0}
    """
    from dataclasses import replace

    result = run_analysis(store, name, params)
    page = {"offset": offset, "limit": limit, "rows": len(result.rows)}
    return render(replace(result, rows=result.rows[offset:offset + limit],
                          summary={**result.summary, "page": page}), fmt)
