"""Running user queries from the library."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryError
from kg.query import run_query

G = URIRef("http://example.org/g")
A, P = URIRef("http://example.org/a"), URIRef("http://example.org/p")


@pytest.fixture
def store(memory_store):
    memory_store.replace_graph(G, [(A, P, Literal("x"))])
    return memory_store


def test_select_sees_named_graphs_through_the_default_graph(store):
    answer = json.loads(run_query(store, "SELECT ?o WHERE { ?s ?p ?o }", "json"))
    assert [b["o"]["value"] for b in answer["results"]["bindings"]] == ["x"]


@pytest.mark.parametrize("fmt, expected", [("csv", b"o\r\nx\r\n"), ("tsv", b'?o\n"x"\n')])
def test_select_as_csv_and_tsv(store, fmt, expected):
    assert run_query(store, "SELECT ?o WHERE { ?s ?p ?o }", fmt) == expected


def test_construct_gives_rdf(store):
    body = run_query(store, "CONSTRUCT WHERE { ?s ?p ?o }", "nt")
    assert set(Graph().parse(data=body, format="nt")) == {(A, P, Literal("x"))}


def test_malformed_query_names_the_position(store):
    with pytest.raises(QueryError, match=r"malformed SPARQL: error at 1:\d+: expected"):
        run_query(store, "SELEC ?x WHERE {}", "json")
