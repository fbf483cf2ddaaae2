"""The Store contract, run on every backend: memory, Oxigraph on disk, Oxigraph server, Virtuoso.

The server backends (marked ``remote``) talk to real servers started on
loopback by :mod:`tests.servers`. Expected graphs are compared by isomorphism.
"""

from __future__ import annotations

from kg.descriptions import write_described

import io
import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg import ids
from kg.errors import QueryError
from kg.rdf import extraction_graph
from kg.vocab import CKG, RDFS, sparql_prologue
from tests.rdf_assert import assert_isomorphic
from tests.servers import any_store  # noqa: F401  (fixture)
from tests.store_batch import article, extraction

EX = "http://example.org/"
G1, G2 = ids.article_uri("one"), ids.article_uri("two")
S, P, Q = URIRef(EX + "s"), URIRef(EX + "p"), URIRef(EX + "q")
ODD_LITERALS = [
    Literal('say "hi"\nand \\ leave'), Literal("caf\u00e9 \U0001F600 \u0645\u0631\u062d\u0628\u0627"),
    Literal("x", lang="en-gb"), Literal("2017-08-27", datatype=XSD.date),
    Literal("2017", datatype=XSD.gYear), Literal("2017-08", datatype=XSD.gYearMonth),
    Literal("2017-08-27T07:00:00", datatype=XSD.dateTime), Literal(False), Literal(42),
    Literal("34.18", datatype=XSD.decimal), Literal("} . DROP ALL ; #"),
]


def graph_content(store, name: URIRef) -> Graph:  # type: ignore[no-untyped-def]
    return store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name})


def test_replace_graph_writes_then_replaces_the_whole_graph(any_store):
    any_store.replace_graph(G1, [(S, P, Literal(1)), (S, P, Literal(2))])
    any_store.replace_graph(G2, [(S, Q, Literal(9))])
    assert sorted(any_store.graphs()) == [G1, G2]
    assert len(any_store) == 3
    before = any_store.generation
    any_store.replace_graph(G1, [(S, P, Literal(3))])
    assert any_store.generation > before
    expected = Graph()
    expected.add((S, P, Literal(3)))
    assert_isomorphic(graph_content(any_store, G1), expected)
    assert len(any_store) == 2


def test_an_extraction_survives_the_store_unchanged(any_store):
    """Every datatype of the mapping (dates, booleans, decimals, language tags) comes back."""
    extracted = extraction(article(3))
    write_described(any_store, extracted)
    assert_isomorphic(graph_content(any_store, ids.article_uri(extracted.article.key)),
                      extraction_graph(extracted, described=False))


def test_drop_graph_removes_that_graph_and_nothing_else(any_store):
    shared = [(S, RDFS.label, Literal("shared actor"))]
    any_store.replace_graph(G1, shared + [(S, P, Literal(1))])
    any_store.replace_graph(G2, shared + [(S, Q, Literal(2))])
    assert any_store.drop_graph(G1) is True
    assert any_store.drop_graph(G1) is False
    assert any_store.graphs() == [G2]
    labels = any_store.select(sparql_prologue() + "SELECT ?l WHERE { ?s rdfs:label ?l }",
                              {"s": S})
    assert labels.column("l") == [Literal("shared actor")]


@pytest.mark.parametrize("value", ODD_LITERALS, ids=lambda v: repr(v)[:40])
def test_bindings_match_odd_literals_exactly(any_store, value):
    any_store.replace_graph(G1, [(S, P, value), (S, Q, Literal("other"))])
    rows = any_store.select("SELECT ?s ?p WHERE { ?s ?p ?o }", {"o": value})
    assert [(r["s"], r["p"]) for r in rows] == [(S, P)]
    assert any_store.ask("ASK { ?s ?p ?o }", {"o": value})
    assert any_store.select("SELECT ?o WHERE { ?s ?p ?o }", {"p": P}).column("o") == [value]


def test_bindings_apply_before_aggregation(any_store):
    any_store.replace_graph(G1, [(S, P, Literal(i)) for i in range(3)])
    any_store.replace_graph(G2, [(S, P, Literal(i)) for i in range(5)])
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(any_store.select(count, {"g": G1}).column("n")[0]) == 3
    grouped = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    assert [(r["g"], int(r["n"])) for r in any_store.select(grouped, {"g": G2})] == [(G2, 5)]


def test_bindings_reach_subqueries_optionals_and_construct(any_store):
    any_store.replace_graph(G1, [(S, P, Literal(1)), (S, Q, Literal(2))])
    sub = "SELECT ?o WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o } } }"
    assert sorted(int(o) for o in any_store.select(sub, {"s": S}).column("o")) == [1, 2]
    optional = "SELECT ?s ?o WHERE { ?s ?p ?x OPTIONAL { ?s ?q ?o } }"
    rows = any_store.select(optional.replace("?q", "?qq"), {"p": P, "qq": Q})
    assert [int(r["o"]) for r in rows] == [2]
    built = any_store.construct("CONSTRUCT { ?s <http://example.org/copy> ?o } "
                                "WHERE { ?s ?p ?o }", {"p": Q})
    assert set(built) == {(S, URIRef(EX + "copy"), Literal(2))}


def test_ask_is_false_for_a_missing_graph(any_store):
    any_store.replace_graph(G1, [(S, P, Literal(1))])
    assert any_store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": G1})
    assert not any_store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": G2})
    assert not any_store.ask(f"ASK {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}")
    assert not any_store.ask("ASK { ?s ?p ?o }", {"o": Literal("absent")})


def test_the_default_graph_is_the_union_of_the_named_graphs(any_store):
    assert not any_store.ask("ASK { ?s ?p ?o }") or not any_store.graphs()
    any_store.replace_graph(G1, [(S, P, Literal(1))])
    any_store.replace_graph(G2, [(S, Q, Literal(2))])
    rows = any_store.select("SELECT ?p WHERE { ?s ?p ?o }", {"s": S})
    assert sorted(rows.column("p")) == [P, Q]


def test_malformed_queries_and_wrong_forms_are_query_errors(any_store):
    with pytest.raises(QueryError):
        any_store.select("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError):
        any_store.ask("SELECT ?s WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError):
        any_store.construct("ASK { ?s ?p ?o }")


@pytest.mark.parametrize("results_format", ["json", "xml", "csv", "tsv"])
def test_serialized_select_answers(any_store, results_format):
    any_store.replace_graph(G1, [(S, P, Literal("a b"))])
    body, media_type = any_store.serialized_query("SELECT ?o WHERE { ?s ?p ?o }",
                                                  results_format=results_format)
    assert media_type.split("/")[1].startswith(("sparql-results", "csv", "tab"))
    assert b"a b" in body
    if results_format == "json":
        answer = json.loads(body)
        assert answer["results"]["bindings"] == [{"o": {"type": "literal", "value": "a b"}}]


def test_serialized_ask_and_construct(any_store):
    any_store.replace_graph(G1, [(S, P, Literal("a"))])
    body, _ = any_store.serialized_query("ASK { ?s ?p \"a\" }")
    assert json.loads(body)["boolean"] is True
    body, _ = any_store.serialized_query(f"ASK {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}")
    assert json.loads(body)["boolean"] is False
    body, media_type = any_store.serialized_query("CONSTRUCT WHERE { ?s ?p ?o }",
                                                  rdf_format="nt")
    assert media_type == "application/n-triples"
    assert set(Graph().parse(data=body, format="nt")) == {(S, P, Literal("a"))}


def test_serialized_query_restricts_the_dataset(any_store):
    any_store.replace_graph(G1, [(S, P, Literal(1))])
    any_store.replace_graph(G2, [(S, P, Literal(2))])
    body, _ = any_store.serialized_query("SELECT ?o WHERE { ?s ?p ?o }",
                                         default_graphs=[str(G2)])
    values = [b["o"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert values == ["2"]


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "rdfxml"])
def test_construct_to_streams_the_answer(any_store, fmt):
    from kg.formats import rdf_format

    any_store.replace_graph(G1, [(S, P, value) for value in ODD_LITERALS])
    out = io.BytesIO()
    any_store.construct_to(out, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", fmt, {"p": P})
    parsed = Graph().parse(data=out.getvalue(), format=rdf_format(fmt).rdflib_name)
    expected = Graph()
    for value in ODD_LITERALS:
        expected.add((S, P, value))
    assert_isomorphic(parsed, expected)


def test_update_writes_and_counts_as_a_write(any_store):
    before = any_store.generation
    any_store.update(sparql_prologue() + f"INSERT DATA {{ GRAPH <{G1}> {{ <{S}> ckg:count 7 }} }}")
    assert any_store.generation > before
    assert any_store.select("SELECT ?n WHERE { ?s ?p ?n }", {"p": CKG.count}).column("n") == \
        [Literal(7)]


def test_load_keeps_quad_graphs_and_puts_triples_in_the_given_graph(any_store):
    any_store.load(io.BytesIO(f"<{S}> <{P}> \"in one\" <{G1}> .\n<{S}> <{P}> \"loose\" .\n"
                              .encode()), "nq", G2)
    assert sorted(any_store.graphs()) == [G1, G2]
    assert graph_content(any_store, G2).value(S, P) == Literal("loose")
    with pytest.raises(QueryError, match="line 1"):
        any_store.load(io.BytesIO(b"<http://e/a> <http://e/b> .\n"), "nt", G1)


def test_links_are_the_predicates_from_one_node_to_another_in_any_graph(any_store):
    from kg.store.base import Store

    s, o, p, q = (URIRef(f"http://example.org/{n}") for n in "sopq")
    any_store.replace_graph(URIRef("http://example.org/g1"), [(s, p, o), (o, q, s)])
    any_store.replace_graph(URIRef("http://example.org/g2"), [(s, p, o), (s, q, o)])
    for links in (any_store.links, lambda a, b: Store.links(any_store, a, b)):  # own, generic
        assert sorted(links(s, o)) == [str(p), str(q)] and links(o, s) == [str(q)]
        assert links(s, s) == []


def test_many_distinct_answers_never_push_out_a_whole_store_read():
    from kg.store import open_store
    from kg.store.base import CACHE_ENTRIES

    store, reads = open_store("memory:"), []
    store.cached("paged:events", lambda: reads.append("index"))
    store.cached(("answer", 0), lambda: reads.append(0))
    for number in range(1, CACHE_ENTRIES + 20):
        store.cached(("answer", 0), lambda: reads.append(0))  # used again: kept
        store.cached(("answer", number), lambda number=number: reads.append(number))
    store.cached("paged:events", lambda: reads.append("index"))
    store.cached(("answer", 0), lambda: reads.append(0))
    store.cached(("answer", 1), lambda: reads.append(1))  # the least recently used: forgotten
    assert reads.count("index") == 1 and reads.count(0) == 1 and reads.count(1) == 2
