"""Write-back: the analyses as RDF in one named graph, compared with hand-written Turtle."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from kg import ids
from kg.analysis.writeback import refresh, write
from kg.validate import validate
from kg.vocab import CKG, RDF, RDFS, SDO, XSD, sparql_prologue, event_type_uri
from tests.rdf_assert import assert_isomorphic

A, B, C = (ids.actor_uri(k) for k in ("a", "b", "c"))
ARTICLE = ids.article_uri("art1")
GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def article_triples():
    """Three actors: a fights b (dated); c negotiates with a and mediates with b (undated)."""
    sentence = ids.sentence_uri("art1", 0)
    yield ARTICLE, RDF.type, CKG.Article
    yield ARTICLE, SDO.datePublished, Literal("2017-08-27", datatype=XSD.date)
    yield sentence, CKG.text, Literal("Alpha fought Beta; Gamma talked to both.")
    for actor, label in ((A, "Alpha"), (B, "Beta"), (C, "Gamma")):
        yield actor, RDF.type, CKG.Actor
        yield actor, RDFS.label, Literal(label)
        yield actor, CKG.actorKind, Literal("armed_group")
    for index, (kind, agent, target, date) in enumerate(
            [("ArmedClash", A, B, "2017-08-20"), ("Negotiate", C, A, None),
             ("Mediate", C, B, None)]):
        event = ids.event_uri("art1", index)
        yield event, RDF.type, CKG.Event
        yield event, CKG.eventType, event_type_uri(kind)
        yield event, CKG.agent, agent
        yield event, CKG.target, target
        yield event, CKG.modality, Literal("asserted")
        yield event, CKG.article, ARTICLE
        yield event, CKG.sentence, sentence
        if date:
            yield event, CKG.date, Literal(date, datatype=XSD.date)


# Worked out by hand: signs a-b -1, a-c +1, b-c +1 (one ++- triangle: ratio 0, each actor in 1).
# Blocs: Louvain on the positive ties (a-c, c-b) starts with {a, b, c}; visiting in order, a has
# a balance of 0 there (c +1, b -1) and leaves; b (+1 with c) and c stay -> {b, c}, {a};
# the positive tie a-c breaks the partition: frustration 1, fit 2/3.
# Mediators: c = 1 (negotiator) + 3 (mediation agent) + 0.5/0.5 (on the a-b cross-bloc path,
# one of the 2 cross-bloc pairs); a and b are parties to talks (0.5 each).
# Centrality: a triangle, degree 2 and 2 events each, PageRank 1/3, betweenness 0.
EXPECTED = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .

<https://w3id.org/conflict-kg/id/analysis/network> a ckg:NetworkAnalysis ;
    rdfs:label "Network analyses of the actor graph" ;
    ckg:articleCount 1 ; ckg:frustration 1 ;
    ckg:blocFit "0.6666666666666667"^^xsd:double ; ckg:balanceRatio "0.0"^^xsd:double .
<https://w3id.org/conflict-kg/id/analysis/network/bloc/0> a ckg:Bloc ; rdfs:label "Bloc 0" .
<https://w3id.org/conflict-kg/id/analysis/network/bloc/1> a ckg:Bloc ; rdfs:label "Bloc 1" .
<DYAD> a ckg:Dyad ; rdfs:label "Alpha – Beta" ; ckg:dyadMember id:actor\\/a, id:actor\\/b ;
    ckg:eventCount 1 ; ckg:firstDate "2017-08-20"^^xsd:date ; ckg:lastDate "2017-08-20"^^xsd:date ;
    prov:wasDerivedFrom id:event\\/art1-0 .
id:actor\\/a ckg:inBloc <https://w3id.org/conflict-kg/id/analysis/network/bloc/1> ;
    ckg:unbalancedTriads 1 ; ckg:degree 2 ; ckg:pageRank "0.333333"^^xsd:double ;
    ckg:betweenness "0.0"^^xsd:double ; ckg:brokerScore "0.5"^^xsd:double ;
    ckg:mediationReason "party to talks (1 event)" .
id:actor\\/b ckg:inBloc <https://w3id.org/conflict-kg/id/analysis/network/bloc/0> ;
    ckg:unbalancedTriads 1 ; ckg:degree 2 ; ckg:pageRank "0.333333"^^xsd:double ;
    ckg:betweenness "0.0"^^xsd:double ; ckg:brokerScore "0.5"^^xsd:double ;
    ckg:mediationReason "party to talks (1 event)" .
id:actor\\/c ckg:inBloc <https://w3id.org/conflict-kg/id/analysis/network/bloc/0> ;
    ckg:unbalancedTriads 1 ; ckg:degree 2 ; ckg:pageRank "0.333333"^^xsd:double ;
    ckg:betweenness "0.0"^^xsd:double ; ckg:brokerScore "5.0"^^xsd:double ;
    ckg:mediationReason "mediation agent (1 event)", "negotiator (1 event)",
        "betweenness between blocs 0.500" .
"""


def analysis_graph(store) -> Graph:
    return store.construct(GRAPH_QUERY, {"g": ids.analysis_graph()})


def test_written_graph_is_the_hand_written_one(memory_store):
    memory_store.replace_graph(ARTICLE, article_triples())
    assert write(memory_store) == len(analysis_graph(memory_store))
    expected = Graph().parse(data=EXPECTED.replace("DYAD", str(ids.dyad_uri(str(A), str(B)))),
                             format="turtle")
    assert_isomorphic(analysis_graph(memory_store), expected)


def test_top_brokers_by_sparql_and_shapes_hold(memory_store):
    memory_store.replace_graph(ARTICLE, article_triples())
    write(memory_store)
    rows = memory_store.select(sparql_prologue() + """
        SELECT ?actor ?score WHERE { ?actor ckg:brokerScore ?score } ORDER BY DESC(?score) LIMIT 1""")
    assert rows.column("actor") == [C]
    assert validate(memory_store, ids.analysis_graph()).conforms


def test_shapes_refuse_a_broken_analysis_graph():
    from kg.validate import validate_graph

    dyad = ids.dyad_uri("x", "y")
    broken = Graph()
    broken.add((dyad, RDF.type, CKG.Dyad))
    broken.add((dyad, CKG.dyadMember, A))
    broken.add((dyad, CKG.eventCount, Literal(0)))
    broken.add((A, CKG.pageRank, Literal("high")))
    report = validate_graph(broken)
    assert not report.conforms
    assert {r.path for r in report.violations} == \
        {"ckg:dyadMember", "ckg:eventCount", "prov:wasDerivedFrom", "ckg:pageRank"}


def test_refresh_only_rewrites_an_existing_analysis_graph(memory_store):
    memory_store.replace_graph(ARTICLE, article_triples())
    assert refresh(memory_store) is False and ids.analysis_graph() not in memory_store.graphs()
    write(memory_store)
    memory_store.drop_graph(ARTICLE)
    assert refresh(memory_store) is True
    graph = analysis_graph(memory_store)
    assert graph.value(ids.analysis_graph(), CKG.articleCount) == Literal(0)
    assert not list(graph.triples((None, RDF.type, CKG.Dyad)))
    assert URIRef(str(ids.analysis_graph())) in memory_store.graphs()


def test_seed_writeback_conforms(seed_store):
    write(seed_store)
    assert validate(seed_store).conforms
    dyads = seed_store.select(sparql_prologue() + """
        SELECT ?d WHERE { ?d a ckg:Dyad ; ckg:dyadMember ?a, ?b }""",
                              {"a": ids.actor_uri("isis"), "b": ids.actor_uri("hezbollah")})
    assert len(dyads) == 1
