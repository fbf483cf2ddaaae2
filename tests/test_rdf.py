"""The model -> RDF mapping, checked against hand-written Turtle by isomorphism."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Graph, Literal

from kg import ids
from kg.model import Actor, Article, Claim, Event, Extraction, Mention, Place, Sentence, Span, TimeExpr
from kg.rdf import date_literal, extraction_graph
from kg.vocab import CKG, sparql_prologue
from tests.rdf_assert import assert_isomorphic

TEXT = "Hezbollah shelled Arsal on Sunday, al-Manar said."


def small_extraction() -> Extraction:
    article = Article(key="demo", text=TEXT, sha256="ab" * 32, title="Demo",
                      published=dt.date(2017, 8, 27), source="Wire")
    sunday = TimeExpr(Span(27, 33, "Sunday"), 0, "2017-08-27", "day", relative=True)
    return Extraction(
        article=article,
        sentences=(Sentence(0, 0, len(TEXT), TEXT),),
        actors=(Actor("hezbollah", "Hezbollah", "armed_group", country="LBN", qid="Q131183",
                      aliases=("Hizbullah",)),
                Actor("al-manar", "al-Manar", "media", country="LBN")),
        places=(Place("arsal", "Arsal", "town", country="LBN", lat=34.18, lon=36.42),),
        mentions=(Mention(Span(0, 9, "Hezbollah"), 0, "actor", "hezbollah"),
                  Mention(Span(18, 23, "Arsal"), 0, "place", "arsal")),
        times=(sunday,),
        events=(Event(0, "Shelling", Span(10, 17, "shelled"), 0, agents=("hezbollah",),
                      place="arsal", time=sunday),),
        claims=(Claim(0, "al-manar", "al-Manar", "say", Span(0, 33, TEXT[:33]), 0, asserts=0),),
    )


EXPECTED = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix et: <https://w3id.org/conflict-kg/event-type/> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

id:article\\/demo a ckg:Article, prov:Entity ; ckg:articleKey "demo" ;
  ckg:sha256 "abababababababababababababababababababababababababababababababab" ;
  ckg:dateInferred false ; rdfs:label "Demo" ; schema:headline "Demo" ;
  schema:datePublished "2017-08-27"^^xsd:date ; ckg:sourceName "Wire" .

<https://w3id.org/conflict-kg/id/article/demo/sentence/0> a ckg:Sentence ;
  ckg:article id:article\\/demo ; ckg:sentenceIndex 0 ; ckg:startOffset 0 ; ckg:endOffset 49 ;
  ckg:text "Hezbollah shelled Arsal on Sunday, al-Manar said." .

id:actor\\/hezbollah a ckg:Actor, ckg:ArmedGroup ; rdfs:label "Hezbollah" ;
  skos:prefLabel "Hezbollah" ; skos:altLabel "Hizbullah" ; ckg:actorKind "armed_group" ;
  ckg:country "LBN" ; ckg:wikidata wd:Q131183 .
id:actor\\/al-manar a ckg:Actor, ckg:MediaOrganization ; rdfs:label "al-Manar" ;
  skos:prefLabel "al-Manar" ; ckg:actorKind "media" ; ckg:country "LBN" .
id:place\\/arsal a ckg:Place, ckg:Settlement ; rdfs:label "Arsal" ; ckg:country "LBN" ;
  geo:lat 34.18 ; geo:long 36.42 .

<https://w3id.org/conflict-kg/id/article/demo/mention/0-9> a ckg:Mention ;
  ckg:refersTo id:actor\\/hezbollah ; ckg:text "Hezbollah" ; ckg:article id:article\\/demo ;
  ckg:sentence <https://w3id.org/conflict-kg/id/article/demo/sentence/0> ;
  ckg:startOffset 0 ; ckg:endOffset 9 .
<https://w3id.org/conflict-kg/id/article/demo/mention/18-23> a ckg:Mention ;
  ckg:refersTo id:place\\/arsal ; ckg:text "Arsal" ; ckg:article id:article\\/demo ;
  ckg:sentence <https://w3id.org/conflict-kg/id/article/demo/sentence/0> ;
  ckg:startOffset 18 ; ckg:endOffset 23 .

<https://w3id.org/conflict-kg/id/article/demo/time/27-33> a ckg:TimeExpression ;
  ckg:date "2017-08-27"^^xsd:date ; ckg:granularity time:unitDay ;
  ckg:relativeToPublication true ; ckg:text "Sunday" ; ckg:article id:article\\/demo ;
  ckg:sentence <https://w3id.org/conflict-kg/id/article/demo/sentence/0> ;
  ckg:startOffset 27 ; ckg:endOffset 33 .

id:event\\/demo-0 a ckg:Event ; ckg:eventType et:Shelling ; rdfs:label "Shelling: shelled" ;
  ckg:trigger "shelled" ; ckg:modality "asserted" ; prov:wasDerivedFrom id:article\\/demo ;
  ckg:agent id:actor\\/hezbollah ; ckg:place id:place\\/arsal ;
  ckg:time <https://w3id.org/conflict-kg/id/article/demo/time/27-33> ;
  ckg:date "2017-08-27"^^xsd:date ; ckg:article id:article\\/demo ;
  ckg:sentence <https://w3id.org/conflict-kg/id/article/demo/sentence/0> ;
  ckg:startOffset 10 ; ckg:endOffset 17 ;
  ckg:occurrence <https://w3id.org/conflict-kg/id/event/occurrence/481fec12adde809100a28cf8> .

# the real-world event (kg.merge): type, agents, targets, day and place make its URI
<https://w3id.org/conflict-kg/id/event/occurrence/481fec12adde809100a28cf8> a ckg:Occurrence ;
  rdfs:label "Shelling by hezbollah against unknown, 2017-08-27, arsal" .

id:claim\\/demo-0 a ckg:Claim ; ckg:reportingVerb "say" ; ckg:speakerText "al-Manar" ;
  ckg:quote "Hezbollah shelled Arsal on Sunday" ; ckg:negated false ;
  prov:wasDerivedFrom id:article\\/demo ; ckg:speaker id:actor\\/al-manar ;
  prov:wasAttributedTo id:actor\\/al-manar ; ckg:asserts id:event\\/demo-0 ;
  ckg:article id:article\\/demo ;
  ckg:sentence <https://w3id.org/conflict-kg/id/article/demo/sentence/0> ;
  ckg:startOffset 0 ; ckg:endOffset 33 .
"""


def test_small_extraction_maps_to_the_expected_graph():
    expected = Graph().parse(data=EXPECTED, format="turtle")
    assert_isomorphic(extraction_graph(small_extraction()), expected)


def test_fixture_spans_match_the_text():
    extraction = small_extraction()
    spans = [m.span for m in extraction.mentions] + [t.span for t in extraction.times]
    spans += [e.trigger for e in extraction.events] + [c.quote for c in extraction.claims]
    assert all(TEXT[s.start:s.end] == s.text for s in spans)


def test_mapping_is_deterministic():
    first, second = extraction_graph(small_extraction()), extraction_graph(small_extraction())
    assert set(first) == set(second)


@pytest.mark.parametrize("value, granularity, datatype", [
    ("2013", "year", "gYear"), ("2017-08", "month", "gYearMonth"),
    ("2017-08-27", "day", "date"), ("2017-08-27T07:00", "time", "dateTime"),
])
def test_dates_keep_their_granularity(value, granularity, datatype):
    literal = date_literal(value, granularity)
    assert str(literal.datatype).endswith("#" + datatype)
    assert str(literal).startswith(value)


def test_unknown_event_type_raises():
    bad = Event(0, "Skirmishh", Span(0, 1, "x"), 0)
    extraction = Extraction(article=small_extraction().article, events=(bad,))
    with pytest.raises(AttributeError, match="Skirmishh"):
        extraction_graph(extraction)


def test_graph_is_queryable_in_a_store(memory_store):
    memory_store.replace_graph(ids.article_uri("demo"), iter(extraction_graph(small_extraction())))
    rows = memory_store.select(sparql_prologue() + """
        SELECT ?label WHERE { ?e ckg:eventType et:Shelling ; ckg:agent/rdfs:label ?label }""")
    assert rows.column("label") == [Literal("Hezbollah")]
    assert CKG.Event in {row["t"] for row in memory_store.select(
        "SELECT DISTINCT ?t WHERE { ?s a ?t }")}
