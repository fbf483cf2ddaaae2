"""What the endpoint refuses before evaluation: SERVICE, LOAD and datasets outside the store."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.ids import BASE
from kg.sparql.safety import check_query, check_update

INSIDE = BASE + "article/a"


@pytest.mark.parametrize("query", [
    "SELECT ?service ?from WHERE { ?service <urn:x:load> ?from }",  # variables
    "SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' }",  # a string
    'SELECT * WHERE { ?s ?p """\nFROM <file:///etc/passwd>\n""" }',  # a long string
    "SELECT * WHERE { ?s <http://e/service> ?o } # SERVICE <http://x/> in a comment",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:from ex:service }",  # prefixed names
    f"SELECT * FROM <{INSIDE}> WHERE {{ ?s ?p ?o }}",  # the project's own graphs
    f"PREFIX a: <{BASE}article/> SELECT * FROM NAMED a:b WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
])
def test_harmless_queries_pass(query):
    check_query(query)


@pytest.mark.parametrize("query, refusal", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("select * where { optional { service silent <http://x/> { ?s ?p ?o } } }",
     "SERVICE is not allowed"),
    ("PREFIX f: <file:///etc/> SELECT * FROM f:passwd WHERE { ?s ?p ?o }",
     "FROM <file:///etc/passwd> is not a graph of this store"),
    ("SELECT * FROM NAMED <http://169.254.169.254/latest/> WHERE { GRAPH ?g { ?s ?p ?o } }",
     "FROM NAMED <http://169.254.169.254/latest/>"),
    (f"SELECT * FROM <{INSIDE}>\nFROM <http://evil/> WHERE {{ ?s ?p ?o }}",
     "FROM <http://evil/> is not a graph of this store (line 2, column 1)"),
])
def test_outside_reaching_queries_are_refused_with_a_position(query, refusal):
    with pytest.raises(QueryError, match=refusal.replace("(", r"\(").replace(")", r"\)")):
        check_query(query)


def test_a_named_graph_the_store_holds_is_allowed():
    held = "http://imported.example/graph"
    check_query(f"SELECT * FROM <{held}> WHERE {{ ?s ?p ?o }}", lambda iri: iri == held)
    with pytest.raises(QueryError):
        check_query(f"SELECT * FROM <{held}> WHERE {{ ?s ?p ?o }}")


def test_unparseable_queries_fall_back_to_the_lexical_scan():
    # rdflib cannot parse this (pyoxigraph's extension syntax); the scan still sees SERVICE
    query = "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } } ORDER BY ?s LIMIT ?x"
    with pytest.raises(QueryError, match="SERVICE"):
        check_query(query)


@pytest.mark.parametrize("update, refusal", [
    ("LOAD <http://127.0.0.1:9/x.ttl>", "LOAD is not allowed"),
    ("LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:g>", "LOAD is not allowed"),
    ("DELETE { ?s ?p ?o } USING <http://evil/> WHERE { ?s ?p ?o }",
     "USING <http://evil/> is not a graph of this store"),
    ("INSERT { GRAPH <urn:g> { ?s ?p ?o } } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
     "SERVICE is not allowed"),
])
def test_updates_that_reach_outside_are_refused(update, refusal):
    with pytest.raises(QueryError, match=refusal):
        check_update(update)


def test_plain_updates_pass():
    check_update(f"INSERT DATA {{ GRAPH <{INSIDE}> {{ <urn:a> <urn:b> 'load from service' }} }}")
