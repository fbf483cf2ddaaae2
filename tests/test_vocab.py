"""kg/vocab.py mirrors ontology/: every term both ways, and misspellings raise."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph
from rdflib.namespace import SKOS

from kg.vocab import CKG, ET, PREFIXES, sparql_prologue
from kg.validate import ONTOLOGY_DIR


def declared(path, namespace, kinds):
    graph = Graph().parse(ONTOLOGY_DIR / path)
    return {str(s)[len(namespace):] for kind in kinds for s in graph.subjects(RDF.type, kind)
            if str(s).startswith(namespace)}


def vocab_terms(namespace_class):
    return set(namespace_class.__annotations__)


def test_every_ckg_term_is_declared_and_every_declaration_is_in_vocab():
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    in_ontology = declared("conflict.ttl", str(CKG._NS), kinds)
    in_vocab = vocab_terms(CKG)
    assert in_vocab - in_ontology == set(), f"in kg/vocab.py but not declared: {in_vocab - in_ontology}"
    assert in_ontology - in_vocab == set(), f"declared but not in kg/vocab.py: {in_ontology - in_vocab}"


def test_every_event_type_is_a_concept_of_the_scheme():
    concepts = declared("event-types.ttl", str(ET._NS), (SKOS.Concept, SKOS.ConceptScheme))
    assert vocab_terms(ET) == concepts


def test_misspelt_terms_raise():
    with pytest.raises(AttributeError):
        CKG.Actr  # noqa: B018
    with pytest.raises(AttributeError):
        ET.Ceasfire  # noqa: B018


def test_prologue_declares_every_prefix():
    prologue = sparql_prologue()
    assert all(f"PREFIX {p}: <{ns}>" in prologue for p, ns in PREFIXES.items())
