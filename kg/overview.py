"""What is in the store: counts and the list of articles (the home page's data).

Examples
--------
>>> from kg.store import open_store
>>> overview(open_store("memory:"))["counts"]["articles"]
0
"""

from __future__ import annotations

from typing import Any

from kg.store import Store
from kg.vocab import sparql_prologue

COUNTS = sparql_prologue() + """
SELECT (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?actor) AS ?actors)
       (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?claim) AS ?claims)
       (COUNT(DISTINCT ?place) AS ?places)
WHERE {
  { ?article a ckg:Article } UNION { ?actor a ckg:Actor } UNION { ?event a ckg:Event }
  UNION { ?claim a ckg:Claim } UNION { ?place a ckg:Place }
}"""

ARTICLES = sparql_prologue() + """
SELECT ?article ?key ?title ?published ?inferred ?source
       (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {
  ?article a ckg:Article ; ckg:articleKey ?key ; rdfs:label ?title ; ckg:dateInferred ?inferred .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article ckg:sourceName ?source }
  OPTIONAL { ?event a ckg:Event ; ckg:article ?article }
  OPTIONAL { ?claim a ckg:Claim ; ckg:article ?article }
}
GROUP BY ?article ?key ?title ?published ?inferred ?source
ORDER BY DESC(?published) ?key
LIMIT 500"""


def overview(store: Store) -> dict[str, Any]:
    """Return counts of articles, actors, events, claims, places and triples, and the articles."""
    counts_row = store.select(COUNTS).rows[0]
    counts = {name: int(counts_row[name]) for name in
              ("articles", "actors", "events", "claims", "places")}
    counts["quads"] = len(store)
    articles = [
        {
            "uri": str(row["article"]),
            "key": str(row["key"]),
            "title": str(row["title"]),
            "published": str(row["published"]) if "published" in row else None,
            "date_inferred": bool(row["inferred"].toPython()),
            "source": str(row["source"]) if "source" in row else None,
            "events": int(row["events"]),
            "claims": int(row["claims"]),
        }
        for row in store.select(ARTICLES)
    ]
    return {"store": store.uri, "counts": counts, "articles": articles}
