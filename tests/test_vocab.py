"""kg/vocab.py mirrors ontology/: every term both ways, and misspellings raise."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph, URIRef
from rdflib.namespace import SKOS

from kg.taxonomy import ONTOLOGY_DIR
from kg.vocab import CKG, ET, PREFIXES, event_type_uri, sparql_prologue

TTL_FILES = ("conflict.ttl", "event-types.ttl", "shapes.ttl")
CKG_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
ET_KINDS = {SKOS.Concept, SKOS.ConceptScheme}


def parsed(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


def vocab_terms(namespace_class: type) -> set[str]:
    return set(namespace_class.__annotations__)


def local_names(graph: Graph, namespace: str, kinds: set[URIRef] | None = None) -> set[str]:
    """Local names of IRIs under ``namespace`` declared with one of ``kinds``, or used at all."""
    if kinds is not None:
        nodes = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    else:
        nodes = {term for triple in graph for term in triple}
    return {str(n)[len(namespace):] for n in nodes
            if isinstance(n, URIRef) and str(n).startswith(namespace)}


def difference_message(in_vocab: set[str], in_ontology: set[str], where: str) -> str:
    return (f"in kg/vocab.py but not declared in {where}: {sorted(in_vocab - in_ontology)}; "
            f"declared in {where} but not in kg/vocab.py: {sorted(in_ontology - in_vocab)}")


def test_every_ckg_term_is_declared_and_every_declaration_is_in_vocab():
    in_ontology = local_names(parsed("conflict.ttl"), str(CKG._NS), CKG_KINDS)
    in_vocab = vocab_terms(CKG)
    assert in_vocab == in_ontology, difference_message(in_vocab, in_ontology, "conflict.ttl")


def test_every_event_type_is_a_concept_of_the_scheme_and_back():
    in_scheme = local_names(parsed("event-types.ttl"), str(ET._NS), ET_KINDS)
    in_vocab = vocab_terms(ET)
    assert in_vocab == in_scheme, difference_message(in_vocab, in_scheme, "event-types.ttl")


@pytest.mark.parametrize("name", TTL_FILES)
def test_every_term_the_ontology_files_mention_is_a_vocab_term(name):
    graph = parsed(name)
    for namespace_class in (CKG, ET):
        unknown = local_names(graph, str(namespace_class._NS)) - vocab_terms(namespace_class)
        assert not unknown, f"{name} mentions {namespace_class.__name__} terms not in kg/vocab.py: {sorted(unknown)}"


def test_classes_are_capitalised_and_properties_are_not():
    graph = parsed("conflict.ttl")
    classes = local_names(graph, str(CKG._NS), {OWL.Class})
    properties = vocab_terms(CKG) - classes
    assert all(name[0].isupper() for name in classes), classes
    assert all(name[0].islower() for name in properties), properties


def test_misspelt_terms_raise():
    with pytest.raises(AttributeError):
        CKG.Actr  # noqa: B018
    with pytest.raises(AttributeError):
        ET.Ceasfire  # noqa: B018
    with pytest.raises(AttributeError):
        event_type_uri("Skirmish")


def test_prologue_declares_every_prefix():
    prologue = sparql_prologue()
    assert all(f"PREFIX {p}: <{ns}>" in prologue for p, ns in PREFIXES.items())
