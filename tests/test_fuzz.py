"""Property tests with hypothesis: the extractor, the RDF round trip and the SPARQL endpoint
take anything thrown at them.

Each property runs a bounded number of examples (derandomized, so CI runs are
repeatable); ``KG_FUZZ=deep`` runs 2,000 random examples per property instead.
"""

from __future__ import annotations

from kg.descriptions import write_described

import hashlib
import io
import json
import os
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic, graph_diff

from kg import ids
from kg.formats import RDF_FORMATS
from kg.model import Article, Span
from kg.store import open_store
from tests.reliability_log import reliability  # noqa: F401  (fixture)

RELIABILITY_AREA = "Fuzzing"
DEEP = os.environ.get("KG_FUZZ") == "deep"  # a long random search instead of the CI run
PROFILE = settings(max_examples=2000 if DEEP else 60, derandomize=not DEEP, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])
"""Applied to each property here only (no global profile: other tests keep their settings)."""

# --- 1. the extractor never raises and its offsets point into the text ----------------------

NEWS_WORDS = ["Hezbollah", "ISIS", "Islamic State", "Daesh", "the Lebanese army", "Syrian army",
              "Nasrallah", "Bassil", "said", "denied", "announced", "tweeted", "clashed with",
              "shelled", "killed", "nine soldiers", "ceasefire", "agreement", "near", "in",
              "Arsal", "Ras Baalbek", "Qalamoun", "Beirut", "Damascus", "on Sunday", "last week",
              "27 August 2017", "2017-08-27", "August", "2013", "did not", "will", "'", '"', "«",
              "»", ".", ",", ";", ":", "\n", "\n\n", "  ", "\t", "(", ")", "—", "-", "al-Manar",
              "according to", "the militants", "the jihadists", "Iran-backed", "\u200b", "\u00a0",
              "🙂", "\u202e", "ﷺ", "Ωμέγα", "حزب الله", "0", "999999999999", "%", "&amp;", "<b>"]
ANY_CHARS = st.characters(blacklist_categories=("Cs",))  # no lone surrogates: documents refuses
news_text = st.lists(st.sampled_from(NEWS_WORDS), max_size=60).map(" ".join)
any_text = st.text(ANY_CHARS, max_size=400)
mixed_text = st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(ANY_CHARS, max_size=8)),
                      max_size=40).map("".join)


def spans_of(extraction) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """Every (what, span-like) of an extraction: things with start, end and text."""
    found: list[tuple[str, object]] = [("sentence", s) for s in extraction.sentences]
    found += [("mention", m.span) for m in extraction.mentions]
    found += [("time", t.span) for t in extraction.times]
    for event in extraction.events:
        found.append(("trigger", event.trigger))
        found += [("quantity", q.span) for q in event.quantities]
        if event.time:
            found.append(("event time", event.time.span))
    for claim in extraction.claims:
        found.append(("quote", claim.quote))
        if claim.time:
            found.append(("claim time", claim.time.span))
    return found


def check_extraction(extractor, text: str) -> int:  # type: ignore[no-untyped-def]
    from kg.rdf import extraction_triples

    article = Article(key="fuzz", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    extraction = extractor.extract(article)
    spans = spans_of(extraction)
    for what, span in spans:
        assert 0 <= span.start <= span.end <= len(text), (what, span, len(text))
        assert text[span.start:span.end] == span.text, (what, span)
    indexes = {s.index for s in extraction.sentences}
    for mention in extraction.mentions:
        assert mention.sentence in indexes, mention
    store = open_store("memory:")
    write_described(store, extraction)
    return len(spans)


TEXTS = {"news-words": (news_text, "texts of conflict-news words, quotes, dates and breaks"),
         "mixed": (mixed_text, "news words mixed with random unicode"),
         "any-unicode": (any_text, "arbitrary unicode text")}


@pytest.mark.parametrize("name", TEXTS)
def test_extractor_never_raises_and_offsets_stay_inside(extractor, reliability, name):
    strategy, description = TEXTS[name]
    examples: list[int] = []

    @PROFILE
    @given(strategy)
    def prop(text: str) -> None:
        examples.append(check_extraction(extractor, text))

    reliability.tried(f"extractor + RDF mapping + store on {PROFILE.max_examples} generated "
                      f"{description}")
    prop()
    reliability.happened(f"{len(examples)} texts, no exception; all {sum(examples)} spans inside "
                         "the text with text[start:end] == span.text; every graph stored")


def test_extractor_on_known_edge_texts(extractor, reliability):
    reliability.tried("extractor on empty, whitespace-only, one 200k-character word (parsed in "
                      "chunks), RTL-override, NUL-containing and 400-sentence texts")
    texts = ["", " ", "\n\n\n", "ISIS" * 50_000, "\u202eHezbollah\u202c shelled Arsal.",
             "Arsal\x00Beirut", "." * 10_000, "Hezbollah shelled Arsal. " * 400]
    counts = [check_extraction(extractor, text) for text in texts]
    reliability.happened(f"no exception; {sum(counts)} spans, all inside their text")


# --- 2. export -> import round-trips through every RDF format --------------------------------

EX = "http://example.org/"
iris = st.sampled_from([URIRef(EX + n) for n in ("a", "b", "é-ü", "path/x?q=1#frag", "%20")]
                       + [URIRef("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"),
                          URIRef("https://w3id.org/conflict-kg/id/actor/isis")])
predicates = st.sampled_from([URIRef(EX + "p"), URIRef(EX + "label"), URIRef(EX + "ü-name"),
                              URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
                              URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")])
odd_strings = st.one_of(
    st.text(ANY_CHARS, max_size=30),
    st.sampled_from(['"', "'", '"""', "'''", "\\", "\\n", "\n", "\r\n", "\t", "", " ", "<b>&amp;",
                     "]]>", "@en", "^^<x>", "\u2028", "\ufeff", "🙂", "\U0010fffd", "حزب الله",
                     "_:b0", "<http://x>", "# not a comment", "\x0b\x0c", "\x7f"]),
)
lang_tags = st.sampled_from(["en", "en-GB", "ar", "fr-CA", "zh-Hant-TW", "de-1996", "x-private"])
datatypes = st.sampled_from([URIRef(EX + "myType"),
                             URIRef("http://www.w3.org/2001/XMLSchema#string"),
                             URIRef("http://www.w3.org/2001/XMLSchema#token")])
literals = st.one_of(
    odd_strings.map(Literal),
    st.builds(lambda text, lang: Literal(text, lang=lang), odd_strings, lang_tags),
    st.builds(lambda text, dt: Literal(text, datatype=dt), odd_strings, datatypes),
    st.integers(min_value=-10**30, max_value=10**30).map(Literal),
    st.booleans().map(Literal),
)
blank = st.sampled_from([BNode("b1"), BNode("b2")])
triples = st.tuples(st.one_of(iris, blank), predicates, st.one_of(iris, blank, literals))
datasets = st.dictionaries(st.sampled_from([ids.article_uri(k) for k in ("one", "two", "three")]),
                           st.lists(triples, min_size=1, max_size=8), min_size=1, max_size=3)


def export(store, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    from kg.export import export_rdf

    out = io.BytesIO()
    export_rdf(store, out, fmt)
    return out.getvalue()


def import_into(store, data: bytes, fmt: str, graph: URIRef | None) -> None:  # type: ignore[no-untyped-def]
    """Load with the project's importer when it exists (issue 4), else the store's own loader."""
    store.load(io.BytesIO(data), fmt, graph)


def graph_of(store, name: URIRef | None) -> Graph:  # type: ignore[no-untyped-def]
    if name is None:
        return store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name})


def assert_same(expected: Graph, actual: Graph, fmt: str, data: bytes) -> None:
    if isomorphic(expected, actual):
        return
    _, only_before, only_after = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    raise AssertionError(
        f"{fmt} round trip changed the graph\nonly before:\n"
        f"{only_before.serialize(format='nt')}\nonly after:\n{only_after.serialize(format='nt')}"
        f"\nexport was:\n{data.decode('utf-8', 'replace')[:2000]}")


@pytest.mark.parametrize("fmt", [f.name for f in RDF_FORMATS])
def test_export_import_round_trip(reliability, fmt):
    counts: list[int] = []

    @PROFILE
    @given(datasets)
    def prop(content: dict[URIRef, list[tuple]]) -> None:
        source = open_store("memory:")
        for name, graph_triples in content.items():
            source.replace_graph(name, graph_triples)
        data = export(source, fmt)
        target = open_store("memory:")
        if next(f for f in RDF_FORMATS if f.name == fmt).datasets:
            import_into(target, data, fmt, None)
            assert sorted(target.graphs()) == sorted(source.graphs())
            for name in source.graphs():
                assert_same(graph_of(source, name), graph_of(target, name), fmt, data)
        else:
            import_into(target, data, fmt, ids.article_uri("imported"))
            assert_same(graph_of(source, None), graph_of(target, None), fmt, data)
        counts.append(len(source))

    reliability.tried(f"export -> import in {fmt} of {PROFILE.max_examples} generated datasets "
                      "(odd unicode, quotes, newlines, control characters, language tags, "
                      "datatypes, blank nodes, 1-3 named graphs)")
    prop()
    reliability.happened(f"{len(counts)} datasets ({sum(counts)} quads) came back isomorphic"
                         + (" graph by graph" if fmt in ("trig", "nq", "jsonld") else ""))


# --- 3. the SPARQL endpoint answers anything with 2xx or 4xx ---------------------------------

VALID_QUERIES = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
    "SELECT ?e ?type WHERE { ?e a ckg:Event ; ckg:eventType ?type } ORDER BY ?e",
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT ?a (COUNT(?e) AS ?n) WHERE { ?e ckg:agent ?a . ?a rdfs:label ?l } GROUP BY ?a",
    "ASK { ?s ?p \"Arsal\" }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 20",
    "DESCRIBE <https://w3id.org/conflict-kg/id/actor/hezbollah>",
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
    "SELECT ?c ?q WHERE { ?c a ckg:Claim ; ckg:quote ?q FILTER(CONTAINS(LCASE(?q), \"ceasefire\")) }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT ?d WHERE { ?s <https://w3id.org/conflict-kg/ontology#date> ?d "
    "FILTER(?d >= \"2017-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>) } LIMIT 10",
]
SPARQL_TOKENS = ["SELECT", "WHERE", "{", "}", "?x", "*", "GRAPH", "OPTIONAL", "UNION", "FILTER(",
                 ")", "(", ".", ";", ",", "<", ">", "\"", "'", "#", "PREFIX", ":", "a", "LIMIT",
                 "-1", "99999999999999999999", "BIND(", "AS", "VALUES", "SERVICE", "LOAD", "FROM",
                 "INSERT DATA", "DELETE WHERE", "DROP ALL", "CLEAR", "\\", "\\u0000", "\x00",
                 "REGEX(?x, \"(a+)+$\")", "<file:///etc/passwd>", "^^", "@en", "_:b", "[]",
                 "COUNT(", "GROUP BY", "ORDER BY", "DESCRIBE", "ASK", "CONSTRUCT", "\n", "😀"]


def gallery_queries() -> list[str]:
    """The example queries of the SPARQL editor's gallery (:mod:`kg.sparql.examples`)."""
    from kg.sparql.examples import examples

    return [example.sparql for example in examples()]


@st.composite
def mutated_queries(draw) -> str:  # type: ignore[no-untyped-def]
    query = draw(st.sampled_from(VALID_QUERIES + gallery_queries()))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(query)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]))
        if kind == "insert":
            token = draw(st.one_of(st.sampled_from(SPARQL_TOKENS), st.text(ANY_CHARS, max_size=3)))
            query = f"{query[:at]} {token} {query[at:]}"
        elif kind == "delete":
            query = query[:at] + query[at + draw(st.integers(1, 12)):]
        elif kind == "replace" and query:
            query = query[:at] + draw(st.sampled_from(string.punctuation)) + query[at + 1:]
        elif kind == "truncate":
            query = query[:at]
        else:
            query = query[:at] + query[max(0, at - 10):at] + query[at:]
    return query


ACCEPTS = st.sampled_from(["*/*", "application/sparql-results+json", "text/csv", "text/turtle",
                           "application/ld+json", "text/html", "application/xml;q=0.3, */*;q=0.1",
                           "garbage/;;;q=x", ""])
FORMATS = st.one_of(st.none(), st.sampled_from(["json", "xml", "csv", "tsv", "turtle", "nt",
                                                "jsonld", "rdfxml", "trig", "png", "../x", ""]))


@pytest.fixture(scope="module")
def fuzz_client(extractor):
    """The app over a small store (one short article): cheap even for a cross join."""
    from kg.documents import article_from_text
    from kg.ingest import ingest
    from web import create_app

    store = open_store("memory:")
    ingest(store, [article_from_text(
        "Hezbollah fighters clashed with Islamic State militants near Arsal on 27 August 2017. "
        "The Lebanese army said it shelled ISIS positions. Nasrallah announced a ceasefire.",
        origin="fuzz-article", meta={"title": "Fuzz", "published": "2017-08-28"})], extractor)
    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_QUERY_TIMEOUT": 5.0})
    app.extensions["kg_store"] = store
    return app.test_client()


def check_answer(response, seen: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    seen[response.status_code] = seen.get(response.status_code, 0) + 1
    body = response.get_data()
    assert response.status_code < 500, body[:500]
    assert b"Traceback" not in body
    if 400 <= response.status_code < 500 and response.mimetype == "application/json":
        error = json.loads(body)
        assert error["status"] == response.status_code and error["message"]


def statuses(seen: dict[int, int]) -> str:
    return ", ".join(f"{n}x {code}" for code, n in sorted(seen.items()))


def test_sparql_endpoint_answers_random_strings(fuzz_client, reliability):
    seen: dict[int, int] = {}

    @PROFILE
    @given(st.text(ANY_CHARS, max_size=300), ACCEPTS, FORMATS, st.booleans())
    def prop(query: str, accept: str, fmt: str | None, post: bool) -> None:
        params = {"query": query, **({"format": fmt} if fmt is not None else {})}
        headers = {"Accept": accept}
        response = (fuzz_client.post("/sparql", data=params, headers=headers) if post
                    else fuzz_client.get("/sparql", query_string=params, headers=headers))
        check_answer(response, seen)

    reliability.tried(f"{PROFILE.max_examples} random unicode query strings to /sparql (GET and "
                      "POST form, random Accept and format)")
    prop()
    reliability.happened(f"never a 5xx: {statuses(seen)}")


def test_sparql_endpoint_answers_random_bytes(fuzz_client, reliability):
    seen: dict[int, int] = {}

    @PROFILE
    @given(st.binary(max_size=300), ACCEPTS)
    def prop(body: bytes, accept: str) -> None:
        check_answer(fuzz_client.post("/sparql", data=body, headers={
            "Content-Type": "application/sparql-query", "Accept": accept}), seen)
        check_answer(fuzz_client.post("/sparql", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept}), seen)

    reliability.tried(f"{PROFILE.max_examples} random byte strings POSTed as "
                      "application/sparql-query and as a form")
    prop()
    reliability.happened(f"never a 5xx: {statuses(seen)}")


def test_sparql_endpoint_answers_mutated_valid_queries(fuzz_client, reliability):
    seen: dict[int, int] = {}
    for query in VALID_QUERIES:  # the unmutated queries are valid: the mutations start from sense
        response = fuzz_client.get("/sparql", query_string={"query": query})
        assert response.status_code == 200, (query, response.get_data()[:300])

    @settings(PROFILE, max_examples=PROFILE.max_examples * 3)
    @given(mutated_queries(), ACCEPTS, FORMATS)
    def prop(query: str, accept: str, fmt: str | None) -> None:
        params = {"query": query, **({"format": fmt} if fmt is not None else {})}
        check_answer(fuzz_client.get("/sparql", query_string=params, headers={"Accept": accept}),
                     seen)

    reliability.tried(f"{PROFILE.max_examples * 3} mutations (insert/delete/replace/truncate/"
                      f"duplicate) of {len(VALID_QUERIES)} valid queries"
                      + f" and the {len(gallery_queries())} gallery examples")
    prop()
    reliability.happened(f"never a 5xx: {statuses(seen)}")
