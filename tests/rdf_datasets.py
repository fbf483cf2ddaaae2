"""Helpers for comparing RDF datasets graph by graph (store contents, exports, parser output)."""

from __future__ import annotations

from kg.descriptions import write_described

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from tests.rdf_assert import assert_isomorphic
from tests.store_batch import batch, extraction

GRAPHS_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def fill(store, count: int = 3) -> None:  # type: ignore[no-untyped-def]
    """Store ``count`` batch articles (they share actors, places and occurrences)."""
    for art in batch(count):
        write_described(store, extraction(art))


def store_dataset(store) -> dict[URIRef, Graph]:  # type: ignore[no-untyped-def]
    """Every named graph of the store as an rdflib graph."""
    return {name: store.construct(GRAPHS_QUERY, {"g": name}) for name in store.graphs()}


def union(graphs: dict[URIRef, Graph]) -> Graph:
    """All the triples of all the graphs."""
    merged = Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def parsed_dataset(data: bytes | str, rdflib_format: str) -> dict[URIRef, Graph]:
    """Named graphs of a serialised dataset (an empty default graph is left out)."""
    dataset = Dataset()
    dataset.parse(data=data, format=rdflib_format)
    graphs: dict[URIRef, Graph] = {}
    for context in dataset.graphs():
        if context.identifier == DATASET_DEFAULT_GRAPH_ID and not len(context):
            continue
        graph = Graph()
        for triple in context:
            graph.add(triple)
        graphs[context.identifier] = graph
    return graphs


def assert_same_datasets(actual: dict[URIRef, Graph], expected: dict[URIRef, Graph]) -> None:
    """Same graph names, and each graph isomorphic (a readable diff names the graph)."""
    assert sorted(actual) == sorted(expected), (
        f"graphs only in actual: {sorted(set(actual) - set(expected))}; "
        f"only in expected: {sorted(set(expected) - set(actual))}")
    for name in expected:
        try:
            assert_isomorphic(actual[name], expected[name])
        except AssertionError as error:
            raise AssertionError(f"graph <{name}>: {error}") from None
