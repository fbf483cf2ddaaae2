"""SPARQL 1.1 conformance fixes (issue 17): datasets, XML results, protocol errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

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


MARKER = "sparqlwrapper-marker"
WRAPPER_QUERIES = {
    "select": "SELECT * WHERE { ?s ?p ?o }",
    "ask": f"ASK {{ ?s ?p \"{MARKER}\" }}",
    "construct": "CONSTRUCT WHERE { ?s ?p ?o }",
    "describe": "DESCRIBE <http://example.org/s>",
}
WRAPPER_FORMATS = ["json", "xml", "csv", "tsv", "n3", "turtle", "rdf+xml", "json-ld"]


@pytest.fixture(scope="module")
def one_triple_endpoint() -> Iterator[str]:
    """A served app (real WSGI server on loopback) over a store holding one triple."""
    from web import close_app, create_app

    store = OxigraphStore()
    store.replace_graph(URIRef("http://example.org/g"), [
        (URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal(MARKER))])
    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    app.extensions["kg_store"] = store
    with serving(app) as base:
        yield f"{base}/sparql"
    close_app(app)


def _carries_the_answer(converted: object, form: str) -> bool:
    """Whether SPARQLWrapper's converted answer holds the stored triple (or ASK's true)."""
    from xml.dom.minidom import Document

    from rdflib import Graph

    wanted = "true" if form == "ask" else MARKER
    if isinstance(converted, Graph):
        return Literal(MARKER) in set(converted.objects())
    if isinstance(converted, Document):
        return wanted in converted.toxml()
    if isinstance(converted, dict | list):
        import json

        return wanted in json.dumps(converted)
    return isinstance(converted, bytes) and wanted.encode() in converted


@pytest.mark.parametrize("form", list(WRAPPER_QUERIES))
@pytest.mark.parametrize("return_format", WRAPPER_FORMATS)
def test_sparqlwrapper_every_form_in_every_format(one_triple_endpoint, form, return_format):
    import warnings

    from SPARQLWrapper import SPARQLWrapper

    wrapper = SPARQLWrapper(one_triple_endpoint)
    wrapper.setQuery(WRAPPER_QUERIES[form])
    wrapper.setReturnFormat(return_format)
    with warnings.catch_warnings():  # SPARQLWrapper warns when it swaps a format it cannot ask for
        warnings.simplefilter("ignore", RuntimeWarning)
        converted = wrapper.query().convert()
    assert _carries_the_answer(converted, form)


@pytest.fixture
def writer(memory_store):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": "t",
                      "KG_PUBLIC_URL": "http://kg.example/"})
    app.extensions["kg_store"] = memory_store
    yield app.test_client()
    close_app(app)


def _update(client, text, **params):
    return client.post("/sparql", data=text.encode(), query_string=params,
                       headers={"Authorization": "Bearer t"},
                       content_type="application/sparql-update")


def _ask(client, text) -> bool:
    return client.post("/sparql", data=text.encode(),
                       content_type="application/sparql-query").get_json()["boolean"]


def test_relative_iris_in_an_update_resolve_against_the_endpoint(writer):
    assert _update(writer, "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> <test> } }"
                   ).status_code == 204
    assert _ask(writer, "ASK { GRAPH <urn:g> { <urn:s> <urn:p> <http://kg.example/test> } }")


def test_relative_iris_in_a_construct_template_resolve_against_the_endpoint(writer):
    _update(writer, "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 1 } }")
    response = writer.get("/sparql", query_string={
        "query": "CONSTRUCT { <rel> <urn:p> ?o } WHERE { ?s <urn:p> ?o }", "format": "nt"})
    assert response.status_code == 200
    assert response.data.startswith(b"<http://kg.example/rel> <urn:p> ")


def test_using_graph_uri_becomes_the_update_dataset(writer):
    _update(writer, "INSERT DATA { GRAPH <urn:a> { <urn:s> <urn:p> 1 } "
                    "GRAPH <urn:b> { <urn:s> <urn:p> 2 } }")
    copy = "INSERT { GRAPH <urn:out> { ?s <urn:seen> ?o } } WHERE { ?s <urn:p> ?o }"
    assert _update(writer, copy, **{"using-graph-uri": "urn:a"}).status_code == 204
    assert _ask(writer, "ASK { GRAPH <urn:out> { <urn:s> <urn:seen> 1 } }")
    assert not _ask(writer, "ASK { GRAPH <urn:out> { <urn:s> <urn:seen> 2 } }")
    named = "INSERT { GRAPH <urn:out2> { ?g <urn:has> ?o } } WHERE { GRAPH ?g { ?s <urn:p> ?o } }"
    assert _update(writer, named, **{"using-named-graph-uri": "urn:b"}).status_code == 204
    assert not _ask(writer, "ASK { GRAPH <urn:out2> { <urn:a> <urn:has> ?o } }")
    assert _ask(writer, "ASK { GRAPH <urn:out2> { <urn:b> <urn:has> 2 } }")


def test_using_graph_uri_with_a_using_clause_is_a_400_and_an_absent_graph_is_empty(writer):
    _update(writer, "INSERT DATA { GRAPH <urn:a> { <urn:s> <urn:p> 1 } }")
    both = "DELETE { ?s ?p ?o } USING <urn:a> WHERE { ?s ?p ?o }"
    response = _update(writer, both, **{"using-graph-uri": "urn:a"})
    assert response.status_code == 400 and "cannot be given together" in response.get_json()["message"]
    # the embedded store takes an IRI it does not hold as an empty graph and fetches nothing
    # (W3C update_dataset_*: the same request may create the graphs it names)
    _update(writer, "INSERT DATA { <urn:d> <urn:p> 2 }")
    absent = _update(writer, "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                     **{"using-graph-uri": "http://127.0.0.1:9/x"})
    assert absent.status_code in (200, 204), absent.get_data(as_text=True)
    assert _ask(writer, "ASK { <urn:d> <urn:p> 2 }")  # matched nothing: deleted nothing
    named = _update(writer, "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", **{"using-graph-uri": "urn:a"})
    assert named.status_code in (200, 204)
    assert _ask(writer, "ASK { <urn:d> <urn:p> 2 }")  # urn:a's triple is not in the default


def test_relative_from_resolves_against_base_in_the_safety_check():
    from kg.errors import QueryError
    from kg.sparql.safety import check_query

    held = "http://example.org/data.ttl".__eq__
    check_query("BASE <http://example.org/q.rq> SELECT * FROM <data.ttl> {}", held)
    with pytest.raises(QueryError, match="http://example.org/other.ttl"):
        check_query("BASE <http://example.org/q.rq> SELECT * FROM <other.ttl> {}", held)


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def test_a_browser_gets_json_results(client):
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 1"},
                          headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"


@pytest.mark.parametrize("query", ["SELECT * { ?s ?p ?o } LIMIT 1",
                                   "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"])
def test_nothing_servable_is_a_406(client, query):
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "Accept" in response.get_json()["message"]


def test_select_asked_for_rdf_is_a_result_set_graph(client):
    from rdflib import Graph

    from kg.vocab import RS

    response = client.get("/sparql", query_string={"query": "SELECT ?s { ?s ?p ?o } LIMIT 2"},
                          headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    assert len(list(graph.objects(None, RS.solution))) == 2
    assert {str(v) for v in graph.objects(None, RS.resultVariable)} == {"s"}


def test_construct_asked_for_csv_is_a_triple_table(client):
    response = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3"},
                          headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "subject,predicate,object" and len(lines) == 4


def test_a_utf8_charset_is_read_and_another_is_a_415(client):
    ask = "ASK { FILTER(\"é\" = \"\\u00E9\") }"
    utf8 = client.post("/sparql", data=ask.encode("utf-8"),
                       content_type="application/sparql-query; charset=UTF-8")
    assert utf8.get_json()["boolean"] is True
    utf16 = client.post("/sparql", data=ask.encode("utf-16"),
                        content_type="application/sparql-query; charset=UTF-16")
    assert utf16.status_code == 415 and "UTF-8" in utf16.get_json()["message"]
    unknown = client.post("/sparql", data=b"ASK {}",
                          content_type="application/sparql-query; charset=klingon")
    assert unknown.status_code == 415 and "klingon" in unknown.get_json()["message"]
    broken = client.post("/sparql", data=b"ASK { FILTER(\"\xff\" = 1) }",
                         content_type="application/sparql-query")
    assert broken.status_code == 400 and "not UTF-8" in broken.get_json()["message"]
