"""SHACL validation: the seed conforms; specific breakages are caught."""

from __future__ import annotations

from rdflib import Literal, URIRef

from kg import ids
from kg.rdf import extraction_graph
from kg.validate import validate, validate_graph
from kg.vocab import CKG, RDFS, XSD
from tests.test_rdf import small_extraction


def test_seed_conforms(seed_store):
    report = validate(seed_store)
    assert report.conforms, report.as_text()


def test_hand_built_graph_conforms():
    assert validate_graph(extraction_graph(small_extraction())).conforms


def focus_nodes(report):
    return {v.focus for v in report.violations}


def test_missing_actor_label_is_reported():
    graph = extraction_graph(small_extraction())
    graph.remove((ids.actor_uri("hezbollah"), RDFS.label, None))
    report = validate_graph(graph)
    assert not report.conforms
    assert str(ids.actor_uri("hezbollah")) in focus_nodes(report)


def test_event_type_outside_the_scheme_is_reported():
    graph = extraction_graph(small_extraction())
    event = ids.event_uri("demo", 0)
    graph.set((event, CKG.eventType, URIRef("https://example.org/NotAType")))
    assert str(event) in focus_nodes(validate_graph(graph))


def test_offsets_out_of_order_are_reported():
    graph = extraction_graph(small_extraction())
    mention = ids.mention_uri("demo", 0, 9)
    graph.set((mention, CKG.startOffset, Literal(20)))
    assert str(mention) in focus_nodes(validate_graph(graph))


def test_wrong_date_datatype_is_reported():
    graph = extraction_graph(small_extraction())
    event = ids.event_uri("demo", 0)
    graph.set((event, CKG.date, Literal("27 August 2017", datatype=XSD.string)))
    report = validate_graph(graph)
    assert str(event) in focus_nodes(report) and "Does not conform" in report.as_text()
