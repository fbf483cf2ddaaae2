"""What the endpoint refuses before evaluation: SERVICE, LOAD and datasets outside the store."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.ids import BASE
from kg.errors import PayloadTooLarge
from kg.sparql.safety import check_query, check_update, nesting_depth, precheck

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


@pytest.mark.parametrize("query", [
    # rdflib cannot parse these (pyoxigraph's extensions, or deeper than rdflib recurses):
    # the analysis fails closed instead of guessing
    "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } } ORDER BY ?s LIMIT ?x",
    "SELECT * WHERE { ?s ?p ?o } LIMIT ?x # a comment that says from",
    "SELECT * FROM <urn:x> WHERE " + "{" * 45 + "}" * 45,
])
def test_a_suspect_query_rdflib_cannot_parse_is_refused(query):
    with pytest.raises(QueryError, match="query cannot be analysed: "):
        check_query(query)


def test_an_unparseable_query_without_suspect_words_is_left_to_the_engine():
    check_query("SELECT * WHERE { ?s ?p ?o } LIMIT ?x")


@pytest.mark.parametrize("query", [
    # rdflib expands the escapes and reads the SERVICE inside a string; pyoxigraph does not
    'SELECT * { ?s ?p "a\\u0022," . SERVICE <http://x/> { ?x ?y ?z } . ?q ?r ",\\u0022b" }',
    "SELECT * FROM <urn:\\u0078> { ?s ?p ?o }",
    "SELECT * { ?s ?p ?o } \\u0053ERVICE",  # a server that expands escapes everywhere
])
def test_codepoint_escapes_in_a_suspect_query_are_refused(query):
    with pytest.raises(QueryError, match="codepoint escape"):
        check_query(query)


def test_codepoint_escapes_elsewhere_pass():
    check_query('SELECT * WHERE { ?s ?p "caf\\u00e9" }')


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


@pytest.mark.parametrize("text, depth", [
    ("ASK {}", 1),
    ("SELECT * { { ?s ?p ?o } FILTER((1 + (2))) }", 4),
    ("SELECT * { ?s ?p '(((' ; ?q \"{{{\" ; ?r '\'\'\'[[[\'\'\'' } # {{{{", 1),
    ("PREFIX ex: <http://e/> SELECT * { ?s ?p ex:a\\# . { ?s ?p ?o } }", 2),  # not a comment
    ("ASK { ?s <http://e/(a)> ?o }", 2),  # an IRI's own brackets count, balanced
    ("ASK { ?s <http://e/a)))> ?o { {} } }", 3),  # but cannot close anything outside it
    ("ASK { FILTER(?a<((((1))))>0) }", 6),  # a comparison that looks like an IRI
    # ... and one followed by a comment: pyoxigraph reads "?a < (" and a comment "#x>)"
    ("ASK { FILTER(" + "?a<(#x>)\n" * 100 + "1" + ")" * 101 + " }", 102),
    ("ASK { VALUES ?x { <http://e/#a> } FILTER(?x = <http://e/#a>) }", 2),  # IRIs, no drift
    ("ASK { ?s ?p <urn:\\u0041#> . FILTER(((1))) }", 4),  # an escape inside an IRI
])
def test_nesting_depth_counts_brackets_outside_strings_and_comments(text, depth):
    assert nesting_depth(text) == depth


def test_precheck_refuses_deep_and_large_texts_before_any_parser():
    with pytest.raises(QueryError, match="nested 65 levels deep"):
        precheck("ASK " + "{" * 65 + "}" * 65)
    precheck("ASK " + "{" * 64 + "}" * 64)
    with pytest.raises(PayloadTooLarge, match="over the 1000-byte limit"):
        precheck("ASK {} #" + "x" * 1000, max_bytes=1000)


def test_every_w3c_sparql11_test_text_passes_the_precheck():
    from kg.evaluate import eval_dir

    texts = sorted((eval_dir() / "w3c-sparql11").rglob("*.r[qu]"))
    if not texts:
        pytest.skip("the W3C SPARQL 1.1 test suite is not in the evaluation data")
    deepest = max(nesting_depth(path.read_text("utf-8", errors="replace")) for path in texts)
    assert 0 < deepest <= 64


def test_dataset_clauses_with_the_empty_or_an_unknown_prefix():
    # rdflib's tree has no "prefix" for ":g", and raises a bare Exception for an unknown one:
    # both used to escape the analysis (and kill the query worker that ran it)
    check_update(f"PREFIX : <{BASE}> INSERT {{ ?s ?p 1 }} USING :g WHERE {{ ?s ?p ?o }}")
    with pytest.raises(QueryError, match="USING <http://e/g> is not a graph of this store"):
        check_update("PREFIX : <http://e/> INSERT { ?s ?p 1 } USING :g WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="unknown prefix nope: in a dataset clause"):
        check_query("SELECT * FROM nope:g WHERE { ?s ?p ?o }")
