"""The direct N-Triples writer gives the same graph as the rdflib mapping (kg.rdf)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg import ids
from kg.errors import InputError
from kg.model import Extraction, Place, Span, TimeExpr
from kg.ntriples import extraction_lines, literal, nquads, ntriples, utf8
from kg.rdf import extraction_graph, extraction_triples
from kg.store.querytext import ntriples_body
from tests.rdf_assert import assert_isomorphic

ODD = ['say "hi"', "back\\slash", "two\nlines\r\n", "tab\there", "Café Ḥalab حلب 北京 🚀",
       "nul\x00bell\x07del\x7f", '"', "\\", "\\n is not a newline", "ends with \\", "'single'",
       "<not an iri>", "x^^<http://e/t>", "@en", " ", "\u2028\u2029\ufeff"]


def reference(extraction: Extraction) -> Graph:
    return extraction_graph(extraction, described=False)


def written(extraction: Extraction) -> Graph:
    return Graph().parse(data=ntriples(extraction_lines(extraction)), format="nt")


def oxigraph_terms(text: str) -> set[str]:
    return {str(t) for t in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)}


def assert_same(extraction: Extraction, *, isomorphism: bool = True) -> None:
    """The same triples term for term in pyoxigraph, and (by default) isomorphic in rdflib."""
    if isomorphism:
        assert_isomorphic(written(extraction), reference(extraction))
    lines, _ = ntriples_body(extraction_triples(extraction))
    expected = oxigraph_terms("\n".join(lines))
    assert oxigraph_terms(ntriples(extraction_lines(extraction))) == expected


def oddify(extraction: Extraction, rng: random.Random) -> Extraction:
    """Put odd strings, dates and coordinates into every literal the mapping writes."""
    odd = lambda: rng.choice(ODD) + rng.choice(ODD)  # noqa: E731
    article = dataclasses.replace(
        extraction.article, title=rng.choice([None, odd()]), source=rng.choice([None, odd()]),
        url=rng.choice([None, "https://e.org/a?q=\"x\"&b=\\", "https://e.org/é"]),
        published=rng.choice([None, dt.date(1, 1, 1), dt.date(2017, 8, 27)]),
        date_inferred=rng.random() < 0.5)
    sentences = tuple(dataclasses.replace(s, text=odd()) for s in extraction.sentences)
    actors = tuple(dataclasses.replace(a, label=odd(), aliases=(odd(), odd()), description=odd(),
                                       sector=rng.choice([None, odd()]))
                   for a in extraction.actors)
    coords = [0.0, -0.0, 1e-05, 1e20, 35.0, 33.88863, -179.999999, 1 / 3]
    places = tuple(dataclasses.replace(p, label=odd(), aliases=(odd(),),
                                       lat=rng.choice(coords), lon=rng.choice(coords))
                   for p in extraction.places)
    values = [("2013", "year"), ("2017-08", "month"), ("2017-08-27", "day"),
              ("2017-08-27T07:00", "time"), ("2017-08-27T07:00:30", "time")]
    times = tuple(dataclasses.replace(t, span=Span(t.span.start, t.span.end, odd()),
                                      **dict(zip(("value", "granularity"), rng.choice(values))))
                  for t in extraction.times)
    events = tuple(dataclasses.replace(e, cameo=rng.choice([None, "041", "1717", odd()]))
                   for e in extraction.events)
    claims = tuple(dataclasses.replace(c, speaker_text=odd(), verb=odd(),
                                       quote=Span(c.quote.start, c.quote.end, odd()))
                   for c in extraction.claims)
    return dataclasses.replace(extraction, article=article, sentences=sentences, actors=actors,
                               places=places, times=times, events=events, claims=claims)


@pytest.fixture(scope="module")
def synthetic(extractor) -> list[Extraction]:
    from kg.documents import article_from_text
    from kg.synth import generate

    articles = [article_from_text(a.text, origin=a.id,
                                  meta={k: v for k, v in a.record().items() if k != "text"})
                for a in generate(40, seed=7)]
    return list(extractor.pipe(articles))


def test_seed_article_graph_is_the_rdflib_graph(seed_extraction):
    assert len(extraction_lines(seed_extraction)) > 50
    assert_same(seed_extraction)


def test_synthetic_articles_give_the_rdflib_graph(synthetic):
    assert sum(len(e.events) for e in synthetic) > 0
    for extraction in synthetic:
        assert_same(extraction)


def test_odd_literals_give_the_rdflib_graph(synthetic, seed_extraction):
    rng = random.Random(3)
    bases = [seed_extraction, *synthetic]
    for number in range(300):  # rdflib's isomorphism check is slow: every 10th graph
        assert_same(oddify(bases[number % len(bases)], rng), isomorphism=number % 10 == 0)


def test_an_event_with_a_time_and_a_quantity_and_a_bare_article(seed_extraction):
    events = [e for e in seed_extraction.events if e.quantities or e.time]
    assert events, "the seed article has dated or counted events"
    bare = Extraction(article=dataclasses.replace(seed_extraction.article, title=None,
                                                  published=None, source=None, url=None))
    assert_same(bare)
    place = Place("x", "X", "other")  # no coordinates, no country
    assert_same(dataclasses.replace(bare, places=(place,)))


def test_literal_escapes_what_n_triples_requires():
    assert literal('a"b') == '"a\\"b"'
    assert literal("a\\b") == '"a\\\\b"'
    assert literal("a\nb\rc") == '"a\\nb\\rc"'
    assert literal("\x00") == '"\\u0000"'
    assert literal("é") == '"é"'
    for text in ODD:
        parsed = next(iter(ox.parse(f"<http://e/s> <http://e/p> {literal(text)} .".encode(),
                                    format=ox.RdfFormat.N_TRIPLES)))
        assert parsed.object.value == text


def test_nquads_puts_every_line_in_the_graph(seed_extraction):
    graph = ids.article_uri(seed_extraction.article.key)
    lines = extraction_lines(seed_extraction)
    quads = list(ox.parse(nquads(lines, graph).encode(), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(lines)
    assert {q.graph_name.value for q in quads} == {str(graph)}
    assert nquads([], graph) == ""


def test_unpaired_surrogates_are_refused():
    with pytest.raises(InputError, match="surrogate"):
        utf8('"\ud800"', where="x")


def test_time_values_are_written_as_the_reference_does():
    value = TimeExpr(Span(0, 1, "x"), 0, "2017-08-27T07:00", "time")
    from kg.ntriples import date_term
    from kg.rdf import date_literal

    assert date_term(value.value, "time") == date_literal(value.value, "time").n3()
