"""The ontology files: they parse (rdflib and rapper), are documented, aligned, and fit the data."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.rdf import ACTOR_CLASSES, PLACE_CLASSES, extraction_graph
from kg.taxonomy import ONTOLOGY_DIR
from kg.vocab import CKG, PROV, SDO, SEM
from kg.validate import background_graph

FILES = ["conflict.ttl", "event-types.ttl", "shapes.ttl"]
OWLRL_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "conflict.ttl", format="turtle")


@pytest.mark.parametrize("name", FILES)
def test_parses_with_rdflib(name):
    assert len(Graph().parse(ONTOLOGY_DIR / name, format="turtle")) > 100


@pytest.mark.parametrize("name", FILES)
def test_parses_with_rapper(name):
    if shutil.which("rapper") is None:
        pytest.skip("rapper (Debian raptor2-utils) is not installed; `make system-deps` installs it")
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(ONTOLOGY_DIR / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "returned" in done.stderr and "error" not in done.stderr.lower(), done.stderr


def test_every_term_has_an_english_label_and_comment(ontology):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {s for kind in kinds for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(CKG._NS))}
    undocumented = sorted(str(t) for t in terms
                          if not any(isinstance(o, Literal) and o.language == "en"
                                     for p in (RDFS.label, RDFS.comment) for o in ontology.objects(t, p))
                          or ontology.value(t, RDFS.comment) is None)
    assert not undocumented, undocumented


@pytest.mark.parametrize(("sub", "relation", "sup"), [
    (CKG.Event, RDFS.subClassOf, SEM.Event), (CKG.Actor, RDFS.subClassOf, SEM.Actor),
    (CKG.Place, RDFS.subClassOf, SEM.Place), (CKG.Place, RDFS.subClassOf, SDO.Place),
    (CKG.Person, RDFS.subClassOf, SDO.Person), (CKG.Article, RDFS.subClassOf, SDO.NewsArticle),
    (CKG.Article, RDFS.subClassOf, PROV.Entity), (CKG.TimeExpression, RDFS.subClassOf, SEM.Time),
    (CKG.agent, RDFS.subPropertyOf, SEM.hasActor), (CKG.target, RDFS.subPropertyOf, SEM.hasActor),
    (CKG.mediator, RDFS.subPropertyOf, SEM.hasActor), (CKG.place, RDFS.subPropertyOf, SEM.hasPlace),
    (CKG.article, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (CKG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (CKG.eventType, RDFS.subPropertyOf, SEM.eventType),
    (CKG.contradicts, RDF.type, OWL.SymmetricProperty),
])
def test_alignment(ontology, sub, relation, sup):
    assert (sub, relation, sup) in ontology


def test_kind_classes_used_by_the_mapping_are_subclasses(ontology):
    for kinds, top in ((ACTOR_CLASSES, CKG.Actor), (PLACE_CLASSES, CKG.Place)):
        for cls in set(kinds.values()) - {top}:
            assert (cls, RDFS.subClassOf, top) in ontology, cls


def test_granularity_range_is_the_four_owl_time_units(ontology):
    from rdflib.collection import Collection
    from rdflib.namespace import TIME

    members = Collection(ontology, ontology.value(ontology.value(CKG.granularity, RDFS.range), OWL.oneOf))
    assert list(members) == [TIME.unitYear, TIME.unitMonth, TIME.unitDay, TIME.unitMinute]


def mapped_graphs(seed_extraction) -> list[tuple[str, Graph]]:
    from tests.test_validate import extraction

    return [("hand-built", extraction_graph(extraction())), ("seed", extraction_graph(seed_extraction))]


def test_object_and_datatype_properties_match_the_data(ontology, seed_extraction):
    object_props = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    datatype_props = set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    for name, graph in mapped_graphs(seed_extraction):
        wrong = {(str(p), type(o).__name__) for _, p, o in graph if str(p).startswith(str(CKG._NS))
                 and ((p in object_props) != isinstance(o, URIRef) or (p in datatype_props) != isinstance(o, Literal))}
        assert not wrong, f"{name}: property kind does not match the values: {sorted(wrong)}"


def owl_rl_errors(graph: Graph) -> list[str]:
    owlrl = pytest.importorskip("owlrl")
    closure = Graph()
    for source in (background_graph(), graph):
        for triple in source:
            closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    return sorted(str(o) for o in closure.objects(None, OWLRL_ERROR))


def test_data_is_consistent_with_the_ontology_under_owl_rl(seed_extraction):
    for name, graph in mapped_graphs(seed_extraction):
        assert owl_rl_errors(graph) == [], name


def test_owl_rl_catches_a_claim_that_is_also_an_event():
    from tests.test_validate import extraction

    from kg import ids

    graph = extraction_graph(extraction())
    graph.add((ids.claim_uri("check", 0), RDF.type, CKG.Event))
    errors = owl_rl_errors(graph)
    assert len(errors) == 1 and "Disjoint classes" in errors[0], errors


def test_every_event_type_concept_is_typed_and_labelled():
    scheme = Graph().parse(ONTOLOGY_DIR / "event-types.ttl", format="turtle")
    for concept in scheme.subjects(SKOS.inScheme, None):
        assert (concept, RDF.type, SKOS.Concept) in scheme
        labels = [o for o in scheme.objects(concept, SKOS.prefLabel) if o.language == "en"]
        assert len(labels) == 1, concept
        assert not set(scheme.objects(concept, SKOS.prefLabel)) & set(scheme.objects(concept, SKOS.altLabel))
