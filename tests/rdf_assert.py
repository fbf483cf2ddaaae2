"""Compare RDF graphs by isomorphism and explain the difference when they are not."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic


def assert_isomorphic(actual: Graph, expected: Graph, limit: int = 20) -> None:
    """Fail with the triples only in one graph or the other (blank nodes canonicalised)."""
    iso_actual, iso_expected = to_isomorphic(actual), to_isomorphic(expected)
    if iso_actual == iso_expected:
        return
    _, only_actual, only_expected = graph_diff(iso_actual, iso_expected)
    lines = ["graphs differ"]
    for title, graph in (("only in actual", only_actual), ("only in expected", only_expected)):
        triples = sorted(" ".join(term.n3() for term in triple) for triple in graph)
        lines.append(f"{title} ({len(triples)}):")
        lines.extend(f"  {t}" for t in triples[:limit])
        if len(triples) > limit:
            lines.append(f"  ... {len(triples) - limit} more")
    raise AssertionError("\n".join(lines))
