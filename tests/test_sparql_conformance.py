"""SPARQL 1.1 conformance fixes (issue 17): datasets, XML results, protocol errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.sparql.results import serialize_answer
from kg.store.oxigraph import OxigraphStore
from tests.live import serving

GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def _rows(response):
    return response.get_json()["results"]["bindings"]


def _two_graph_store() -> OxigraphStore:
    store = OxigraphStore()
    for name, value in (("g1", "a"), ("g2", "b")):
        store.replace_graph(URIRef(f"http://example.org/{name}"),
                            [(URIRef("http://example.org/s"), URIRef("http://example.org/p"),
                              Literal(value))])
    return store


def _values(answer) -> set[str]:
    return {solution["o"].value for solution in answer}


def test_from_sees_only_the_named_graph():
    store = _two_graph_store()
    query = "SELECT ?o FROM <http://example.org/g1> WHERE { ?s ?p ?o }"
    assert _values(store.native_query(query)) == {"a"}
    assert _values(store.native_query("SELECT ?o WHERE { ?s ?p ?o }")) == {"a", "b"}


def test_from_relative_to_base_and_protocol_dataset():
    store = _two_graph_store()
    query = "BASE <http://example.org/> SELECT ?o FROM <g2> WHERE { ?s ?p ?o }"
    assert _values(store.native_query(query)) == {"b"}
    protocol = store.native_query("SELECT ?o WHERE { ?s ?p ?o }",
                                  default_graphs=["http://example.org/g1"])
    assert _values(protocol) == {"a"}


def test_exists_graph_variable_sees_named_graphs_only():
    store = _two_graph_store()
    query = ("SELECT ?g FROM NAMED <http://example.org/g2> "
             "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {row["g"].value for row in store.native_query(query)} == {"http://example.org/g2"}
    empty_default = "SELECT ?o FROM NAMED <http://example.org/g2> WHERE { ?s ?p ?o }"
    assert _values(store.native_query(empty_default)) == set()


def test_without_a_dataset_the_default_graph_is_the_union(client):
    sizes = _rows(client.get("/sparql", query_string={"query": GRAPH_SIZES}))
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    counted = int(_rows(client.get("/sparql", query_string={"query": query}))[0]["n"]["value"])
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"
    expected = int(_rows(client.get("/sparql", query_string={"query": distinct}))[0]["n"]["value"])
    assert sizes and counted == expected > 0


def test_xml_results_keep_a_carriage_return():
    answer = ox.Store().query('SELECT ?x { BIND("a\\r\\nb" AS ?x) }')
    body = serialize_answer(answer, results_format="xml", rdf_format="turtle", row_limit=10).body
    literal = ET.fromstring(body).find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal.text == "a\r\nb"


def test_post_without_content_type_is_a_400(client):
    response = client.post("/sparql", data=b"query=ASK%20%7B%7D", content_type="")
    assert response.status_code == 400
    assert b"Content-Type" in response.data


CONSTRUCT_ARTICLES = ("CONSTRUCT WHERE { ?s a <https://w3id.org/conflict-kg/ontology#Article> }")
DESCRIBE_ARTICLE = ("DESCRIBE ?s WHERE { ?s a <https://w3id.org/conflict-kg/ontology#Article> }")


@pytest.mark.parametrize("query", [CONSTRUCT_ARTICLES, DESCRIBE_ARTICLE])
@pytest.mark.parametrize("return_format", ["n3", "rdf+xml", "xml", "turtle", "json-ld"])
def test_sparqlwrapper_graph_forms_in_every_format(app, query, return_format):
    from rdflib import Graph
    from SPARQLWrapper import SPARQLWrapper

    with serving(app) as base:
        wrapper = SPARQLWrapper(f"{base}/sparql")
        wrapper.setQuery(query)
        wrapper.setReturnFormat(return_format)
        converted = wrapper.query().convert()
    graph = converted if isinstance(converted, Graph) else Graph().parse(
        data=converted, format="turtle")
    assert len(graph) >= 1
