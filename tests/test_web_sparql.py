"""The SPARQL endpoint, driven by the test client and by real clients over HTTP."""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.live import free_port, serving

ACTORS = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label WHERE { ?actor a ckg:Actor ; rdfs:label ?label } ORDER BY ?label"""
MAIN_ACTORS = {"Islamic State", "Hezbollah", "Lebanese armed forces", "Syrian armed forces"}


def labels(json_body):
    return {b["label"]["value"] for b in json_body["results"]["bindings"]}


def test_get_json_lists_the_seed_actors(client):
    response = client.get("/sparql", query_string={"query": ACTORS})
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert MAIN_ACTORS <= labels(response.get_json())


@pytest.mark.parametrize("kwargs", [
    {"data": {"query": ACTORS}},
    {"data": ACTORS, "content_type": "application/sparql-query"},
])
def test_post_form_and_direct(client, kwargs):
    response = client.post("/sparql", **kwargs)
    assert response.status_code == 200 and MAIN_ACTORS <= labels(response.get_json())


@pytest.mark.parametrize("accept, media_type", [
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_results_formats_by_accept(client, accept, media_type):
    response = client.get("/sparql", query_string={"query": ACTORS}, headers={"Accept": accept})
    assert response.mimetype == media_type and b"Hezbollah" in response.data


def test_construct_as_turtle(client):
    response = client.get("/sparql", query_string={
        "query": "CONSTRUCT WHERE { ?s a <https://w3id.org/conflict-kg/ontology#Article> }",
        "format": "turtle"})
    from rdflib import RDF, Graph

    from kg import ids
    from kg.vocab import CKG

    assert response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    assert set(graph) == {(ids.article_uri("000-be81285fb7b3f189"), RDF.type, CKG.Article)}


def test_malformed_query_is_a_400_with_the_position(client):
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert "error at 1:" in response.get_json()["message"]


def test_sparqlwrapper_as_a_real_client(app):
    from SPARQLWrapper import JSON, SPARQLWrapper

    with serving(app) as base:
        wrapper = SPARQLWrapper(f"{base}/sparql")
        wrapper.setQuery(ACTORS)
        wrapper.setReturnFormat(JSON)
        assert MAIN_ACTORS <= labels(wrapper.query().convert())


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):  # quiet
        pass


def test_service_to_a_canary_is_refused_and_never_called(client):
    port = free_port()
    server = http.server.HTTPServer(("127.0.0.1", port), _Canary)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                      "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"):
            response = client.get("/sparql", query_string={"query": query})
            assert response.status_code == 400, query
    finally:
        server.shutdown()
    assert _Canary.hits == []
