"""What is in the store: counts and the list of articles (the home page's data).

Examples
--------
>>> from kg.store import open_store
>>> overview(open_store("memory:"))["counts"]["articles"]
0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.store import Store
from kg.vocab import sparql_prologue

_P = sparql_prologue()
COUNTED = {"articles": "ckg:Article", "actors": "ckg:Actor", "events": "ckg:Event",
           "claims": "ckg:Claim", "places": "ckg:Place"}
COUNT = _P + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {kind} }}"
"""One class per query: five one-pattern counts cost less than one query of five unions."""
PUBLISHED = _P + "SELECT ?article ?published WHERE { ?article schema:datePublished ?published }"
KEYS = _P + "SELECT ?article ?key WHERE { ?article ckg:articleKey ?key }"
ARTICLES = _P + """SELECT ?article ?key ?title ?inferred ?published ?source WHERE {
  ?article ckg:articleKey ?key ; rdfs:label ?title ; ckg:dateInferred ?inferred .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article ckg:sourceName ?source } }"""
IN_GRAPH = _P + """SELECT ?article (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  GRAPH ?article {{ ?x a {kind} }} }} GROUP BY ?article"""
"""Events or claims per article graph (restricted to a page of articles)."""
PER_PAGE = 100
"""Articles on one page of the overview (newest first)."""


def _counts(store: Store) -> dict[str, int]:
    counts = {name: int(store.select_text(COUNT.format(kind=kind))[0][0] or 0)  # type: ignore[arg-type]
              for name, kind in COUNTED.items()}
    counts["quads"] = len(store)
    return counts


def _order(store: Store) -> list[str]:
    """Article URIs, newest first (undated last), then by key: two one-pattern queries."""
    published = dict(store.select_text(PUBLISHED))
    rows = sorted((str(a), str(k)) for a, k in store.select_text(KEYS))
    rows.sort(key=lambda row: row[1])
    rows.sort(key=lambda row: str(published.get(row[0]) or ""), reverse=True)
    return [article for article, _ in rows]


def _page_counts(store: Store, kind: str, articles: list[str]) -> dict[str, int]:
    from kg.views.source import only

    query = only(IN_GRAPH.format(kind=kind), "article", articles)
    return {str(a): int(str(n)) for a, n in store.select_text(query)}


def overview(store: Store, page: int = 1) -> dict[str, Any]:
    """Counts of articles, actors, events, claims, places and quads, and page ``page`` of the
    articles (newest first, :data:`PER_PAGE` a page); read once per store generation."""
    return store.cached(("overview", page, PER_PAGE), lambda: _overview(store, page))


def _overview(store: Store, page: int) -> dict[str, Any]:
    from kg.views.source import only

    counts = store.cached("overview:counts", lambda: _counts(store))
    order = store.cached("overview:order", lambda: _order(store))
    chosen = order[(page - 1) * PER_PAGE:page * PER_PAGE]
    rows = {str(row["article"]): row for row in store.select(only(ARTICLES, "article", chosen))}
    events, claims = (_page_counts(store, kind, chosen) for kind in ("ckg:Event", "ckg:Claim"))
    articles = [
        {
            "uri": uri,
            "key": str(row["key"]),
            "title": str(row["title"]),
            "published": str(row["published"]) if "published" in row else None,
            "date_inferred": bool(row["inferred"].toPython()),
            "source": str(row["source"]) if "source" in row else None,
            "events": events.get(uri, 0),
            "claims": claims.get(uri, 0),
        }
        for uri, row in ((uri, rows[uri]) for uri in chosen if uri in rows)
    ]
    pages = max(1, -(-len(order) // PER_PAGE))
    return {"store": store.uri, "counts": counts, "articles": articles,
            "page": page, "pages": pages}


def overview_for(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    """:func:`overview` of the page ``params["page"]`` (default 1; a bad number raises).

    >>> from kg.store import open_store
    >>> overview_for(open_store("memory:"), {"page": "x"})
    Traceback (most recent call last):
    ...
    kg.errors.InputError: page: not a whole number: 'x'
    """
    from kg.views.filters import _int

    return overview(store, _int(params.get("page"), "page", 1, 1, 1_000_000))
