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


# --- real clients over HTTP: SPARQLWrapper in every results format, rdflib's SPARQLStore ---

ASK_ISIS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
ASK { ?actor rdfs:label "Islamic State" }"""
CONSTRUCT_ACTORS = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT { ?actor rdfs:label ?label } WHERE { ?actor a ckg:Actor ; rdfs:label ?label }"""


@pytest.fixture
def endpoint_url(app):
    with serving(app) as base:
        yield f"{base}/sparql"


def _wrapper(url, query, return_format, method="GET"):
    from SPARQLWrapper import POST, POSTDIRECTLY, URLENCODED, SPARQLWrapper

    wrapper = SPARQLWrapper(url)
    wrapper.setQuery(query)
    wrapper.setReturnFormat(return_format)
    if method != "GET":
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED if method == "POST-form" else POSTDIRECTLY)
    return wrapper


def _labels_from(return_format, converted):
    import csv
    import io

    if return_format == "json":
        return labels(converted)
    if return_format == "xml":  # a DOM document
        return {node.firstChild.firstChild.data for node in converted.getElementsByTagName("binding")}
    text = converted.decode("utf-8") if isinstance(converted, bytes) else converted
    rows = list(csv.reader(io.StringIO(text), delimiter="\t" if return_format == "tsv" else ","))
    assert rows[0] == (["?label"] if return_format == "tsv" else ["label"])
    return {row[0].strip('"') for row in rows[1:]}


@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-direct"])
@pytest.mark.parametrize("return_format", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_select_in_every_format(endpoint_url, return_format, method):
    result = _wrapper(endpoint_url, ACTORS, return_format, method).query()
    assert MAIN_ACTORS <= _labels_from(return_format, result.convert())


def _boolean(return_format, converted):
    if return_format == "json":
        return converted["boolean"]
    return converted.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("return_format", ["json", "xml"])
def test_sparqlwrapper_ask(endpoint_url, return_format):
    yes = _wrapper(endpoint_url, ASK_ISIS, return_format).query().convert()
    no = _wrapper(endpoint_url, ASK_ISIS.replace("Islamic State", "Nobody at all"),
                  return_format).query().convert()
    assert (_boolean(return_format, yes), _boolean(return_format, no)) == (True, False)


@pytest.mark.parametrize("return_format", ["turtle", "json-ld"])
def test_sparqlwrapper_construct(endpoint_url, return_format, seed_store):
    from rdflib import Graph
    from SPARQLWrapper import JSONLD, TURTLE

    wrapper = _wrapper(endpoint_url, CONSTRUCT_ACTORS, TURTLE if return_format == "turtle" else JSONLD)
    converted = wrapper.query().convert()
    graph = converted if isinstance(converted, Graph) else Graph().parse(
        data=converted, format="turtle")
    expected = {(row["actor"], row["label"]) for row in seed_store.select(
        CONSTRUCT_ACTORS.replace("CONSTRUCT { ?actor rdfs:label ?label }",
                                 "SELECT DISTINCT ?actor ?label"))}
    assert {(s, o) for s, _, o in graph} == expected and len(expected) >= 10


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint_url):
    from rdflib import Graph, Literal
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint_url, returnFormat="json"))
    found = {str(row.label) for row in graph.query(ACTORS)}
    assert MAIN_ACTORS <= found
    assert graph.query(ASK_ISIS).askAnswer is True
    assert Literal("Hezbollah") in set(graph.objects())


# --- protocol details ---

def test_format_parameter_wins_over_accept(client):
    response = client.get("/sparql", query_string={"query": ACTORS, "format": "csv"},
                          headers={"Accept": "application/sparql-results+xml"})
    assert response.mimetype == "text/csv"


def test_q_values_pick_the_preferred_format(client):
    accept = "application/sparql-results+xml;q=0.4, text/tab-separated-values;q=0.9, */*;q=0.1"
    response = client.get("/sparql", query_string={"query": ACTORS}, headers={"Accept": accept})
    assert response.mimetype == "text/tab-separated-values"
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize("fmt, rdflib_name", [("nt", "nt"), ("jsonld", "json-ld"),
                                              ("rdfxml", "xml"), ("trig", "trig")])
def test_construct_in_every_rdf_format(client, fmt, rdflib_name):
    from rdflib import Dataset, Graph

    response = client.get("/sparql", query_string={"query": CONSTRUCT_ACTORS, "format": fmt})
    assert response.status_code == 200
    graph = Dataset() if fmt == "trig" else Graph()
    graph.parse(data=response.data, format=rdflib_name)
    assert len(graph) >= 10


def test_dataset_parameters_restrict_the_query(client, seed_store):
    article, size = _article_graph(seed_store)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    inside = client.get("/sparql", query_string={"query": count, "default-graph-uri": str(article)})
    nowhere = client.get("/sparql", query_string={
        "query": count, "default-graph-uri": "https://w3id.org/conflict-kg/id/article/none"})
    outside = client.get("/sparql", query_string={"query": count,
                                                  "named-graph-uri": "http://example.org/"})
    number = lambda r: int(r.get_json()["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert number(inside) == size and number(nowhere) == 0
    assert outside.status_code == 400 and "named-graph-uri" in outside.get_json()["message"]


def test_service_description_without_a_query(client):
    from rdflib import Graph, URIRef
    from rdflib.namespace import Namespace

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.data, format="turtle")
    service = next(graph.subjects(sd.endpoint, None))
    assert URIRef("http://localhost/sparql") in set(graph.objects(service, sd.endpoint))
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in graph  # read-only


def test_cors_for_queries_without_credentials(client):
    response = client.get("/sparql", query_string={"query": ASK_ISIS},
                          headers={"Origin": "https://elsewhere.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    preflight = client.options("/sparql", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert "Authorization" not in preflight.headers["Access-Control-Allow-Headers"]


def test_row_cap_is_signalled(app, client):
    app.config["KG_ROW_LIMIT"] = 5
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert len(response.get_json()["results"]["bindings"]) == 5
    assert response.headers["X-KG-Truncated"] == "true"
    assert response.headers["X-KG-Row-Limit"] == "5"
    small = client.get("/sparql", query_string={"query": ACTORS})
    assert "X-KG-Truncated" not in small.headers or len(labels(small.get_json())) <= 5


# --- safety: writes need the token; nothing reaches outside the store ---

UPDATE = "INSERT DATA { GRAPH <https://w3id.org/conflict-kg/id/article/t> { <urn:x:a> <urn:x:b> 1 } }"


def _update(client, headers=None):
    return client.post("/sparql", data=UPDATE, content_type="application/sparql-update",
                       headers=headers or {})


def test_updates_are_off_without_a_configured_token(client, seed_store):
    before = len(seed_store)
    response = _update(client, {"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "KG_WRITE_TOKEN" in response.get_json()["message"]
    assert len(seed_store) == before


def test_updates_need_the_right_token(memory_store):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": "s3cret"})
    app.extensions["kg_store"] = memory_store
    client = app.test_client()
    try:
        missing = _update(client)
        wrong = _update(client, {"Authorization": "Bearer s3crex"})
        assert (missing.status_code, wrong.status_code) == (401, 403)
        assert "Bearer" in missing.headers["WWW-Authenticate"] and len(memory_store) == 0
        assert _update(client, {"Authorization": "Bearer s3cret"}).status_code == 204
        assert len(memory_store) == 1
        load = client.post("/sparql", data="LOAD <http://127.0.0.1:9/x.ttl>",
                           content_type="application/sparql-update",
                           headers={"Authorization": "Bearer s3cret"})
        assert load.status_code == 400 and "LOAD is not allowed" in load.get_json()["message"]
    finally:
        close_app(app)


def test_update_with_get_is_refused(client):
    response = client.get("/sparql", query_string={"update": UPDATE})
    assert response.status_code == 400 and "POST" in response.get_json()["message"]


@pytest.mark.parametrize("query, clause", [
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
    ("SELECT * FROM NAMED <http://127.0.0.1:9/> WHERE { GRAPH ?g { ?s ?p ?o } }",
     "FROM NAMED <http://127.0.0.1:9/>"),
    ("select * where {\n  service <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
])
def test_outside_datasets_are_400_with_the_position(client, query, clause):
    response = client.get("/sparql", query_string={"query": query})
    message = response.get_json()["message"]
    assert response.status_code == 400 and clause in message and "line" in message


def test_request_size_limit_is_a_413(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/sparql", data="#" * 4096 + "\nASK {}",
                           content_type="application/sparql-query")
    assert response.status_code == 413 and "error" in response.get_json()


def _article_graph(store):  # type: ignore[no-untyped-def]
    """The one article graph of a seeded store, and its size (the store also holds the
    entities graph)."""
    article = next(g for g in store.graphs() if "/article/" in str(g))
    return article, len(store.select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": article}))


def test_graph_store_protocol_reads_and_needs_the_token_to_write(client, seed_store):
    article, size = _article_graph(seed_store)
    article = str(article)
    response = client.get("/sparql/graph", query_string={"graph": article},
                          headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and response.mimetype == "application/n-triples"
    assert len(response.data.splitlines()) == size
    put = client.put("/sparql/graph", query_string={"graph": article}, data=b"",
                     content_type="text/turtle")
    assert put.status_code == 403 and len(seed_store) > 0
    missing = client.get("/sparql/graph", query_string={"graph": "urn:x:none"})
    assert missing.status_code == 404
