"""The pieces of the sparql: backend that need no server: query text, configuration, answers."""

from __future__ import annotations

import http.server
import threading

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import ConfigError, QueryError, StoreError
from kg.store.querytext import bind_values, query_form, where_group
from kg.store.remote import json_term
from kg.store.remote_config import VIRTUOSO_SYSTEM_GRAPHS, parse_config

A = URIRef("http://e/a")


@pytest.mark.parametrize("query, expected", [
    ("PREFIX e: <http://e/#x> # ASK {\nSELECT ?x WHERE { ?x ?p \"{ }\" }",
     "PREFIX e: <http://e/#x> # ASK {\nSELECT ?x WHERE { VALUES (?s) { (<http://e/a>) } "
     "{ ?x ?p \"{ }\" } }"),
    ("CONSTRUCT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
     "CONSTRUCT { ?s ?p 'x' } WHERE { VALUES (?s) { (<http://e/a>) } { ?s ?p ?o } }"),
    ("CONSTRUCT WHERE { ?s ?p ?o }",
     "CONSTRUCT WHERE { ?s ?p ?o }\nVALUES (?s) { (<http://e/a>) }"),
    ("DESCRIBE ?s", "DESCRIBE ?s\nVALUES (?s) { (<http://e/a>) }"),
    ("SELECT (COUNT(*) AS ?n) { SELECT ?s WHERE { ?s ?p ?o } }",
     "SELECT (COUNT(*) AS ?n) { VALUES (?s) { (<http://e/a>) } { SELECT ?s WHERE "
     "{ ?s ?p ?o } } }"),
    ("ASK FROM <http://g> { ?s ?p ?o FILTER(?o < 3) }",
     "ASK FROM <http://g> { VALUES (?s) { (<http://e/a>) } { ?s ?p ?o FILTER(?o < 3) } }"),
    ("SELECT ?where WHERE { ?where e:WHERE '''a } b''' }",
     "SELECT ?where WHERE { VALUES (?s) { (<http://e/a>) } { ?where e:WHERE '''a } b''' } }"),
])
def test_values_go_into_the_top_level_where_group(query, expected):
    assert bind_values(query, {"s": A}) == expected


def test_bound_terms_are_escaped_and_bad_ones_refused():
    evil = Literal('"} } ; DROP ALL ; #\n')
    text = bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": evil})
    assert '"\\"} } ; DROP ALL ; #\\n"' in text
    import pyoxigraph as ox

    ox.Store().query(text)  # parses: the quotes and braces in the value stayed inside it
    with pytest.raises(QueryError, match="blank node"):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": BNode()})
    with pytest.raises(QueryError, match="cannot bind"):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": URIRef("http://e/a> . <x")})
    with pytest.raises(QueryError, match="not a variable name"):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o) } #": A})


def test_query_form_skips_prologue_comments_and_strings():
    assert query_form("BASE <http://e/> PREFIX a: <http://ask/> #SELECT\nDESCRIBE <x>") == \
        "DESCRIBE"
    with pytest.raises(QueryError):
        query_form("INSERT DATA { <a> <b> <c> }")


def test_config_from_uri_and_environment():
    env = {"KG_SPARQL_UPDATE": "http://other/update", "KG_SPARQL_USER": "env-user",
           "KG_SPARQL_PASSWORD": "env-secret", "KG_SPARQL_TIMEOUT": "7", "KG_SPARQL_HIDE": ""}
    config = parse_config("https://host:8443/ds/query?key=abc&retries=0", env)
    assert config.query_url == "https://host:8443/ds/query?key=abc"
    assert config.update_url == "http://other/update"
    assert (config.http.user, config.http.password) == ("env-user", "env-secret")
    assert (config.http.timeout, config.http.retries) == (7.0, 0)
    in_uri = parse_config("http://u%40x:p%3Aw@host/sparql?update=/sparql&timeout=3", env)
    assert (in_uri.http.user, in_uri.http.password, in_uri.http.timeout) == ("u@x", "p:w", 3.0)
    assert in_uri.update_url == "http://host/sparql"
    assert "u%40x" not in in_uri.query_url


def test_dialect_defaults():
    virtuoso = parse_config("http://host:8890/sparql", {}).resolved("virtuoso")
    assert virtuoso.update_url == "http://host:8890/sparql"
    assert virtuoso.gsp_url == "http://host:8890/sparql-graph-crud"
    assert virtuoso.hidden_graphs == VIRTUOSO_SYSTEM_GRAPHS
    standard = parse_config("http://host/sparql?hide=http://g1,http://g2", {}).resolved("standard")
    assert (standard.gsp_url, standard.hidden_graphs) == (None, ("http://g1", "http://g2"))


@pytest.mark.parametrize("uri, message", [
    ("http://host/q?timeout=soon", "timeout='soon' is not a number"),
    ("http://host/q?timeout=0", "out of range"),
    ("http://host/q?retries=-1", "out of range"),
    ("http://host/q?dialect=fuseki", "unknown dialect 'fuseki'"),
    ("host/q", "needs an http(s) URL"),
])
def test_bad_options_are_config_errors(uri, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_config(uri, {})


@pytest.mark.parametrize("binding, term", [
    ({"type": "uri", "value": "http://e/a"}, A),
    ({"type": "bnode", "value": "nodeID://b1001"}, BNode("b1001")),
    ({"type": "literal", "value": "x", "xml:lang": "fr-ca"}, Literal("x", lang="fr-ca")),
    ({"type": "typed-literal", "value": "0", "datatype": str(XSD.boolean)}, Literal(False)),
    ({"type": "literal", "value": "x", "datatype": str(XSD.string)}, Literal("x")),
])
def test_json_terms_including_virtuoso_forms(binding, term):
    assert json_term(binding) == term


class _CutAnswer(http.server.BaseHTTPRequestHandler):
    """Answers like a Virtuoso that cut its answer at ResultSetMaxRows."""

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("X-SPARQL-MaxRows", "10000")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_an_answer_cut_by_the_server_is_an_error_not_a_short_answer():
    from kg.store import open_store

    fake = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CutAnswer)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    try:
        store = open_store(f"sparql:http://127.0.0.1:{fake.server_port}/sparql?dialect=standard")
        with pytest.raises(StoreError, match="cut the answer at 10000 rows"):
            store.select("SELECT ?s WHERE { ?s ?p ?o }")
    finally:
        fake.shutdown()
        fake.server_close()
