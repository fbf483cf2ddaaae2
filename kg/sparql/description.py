"""The SPARQL 1.1 Service Description of the endpoint (what a client may ask of it).

Examples
--------
>>> from rdflib import Graph
>>> graph = service_description("http://127.0.0.1:5000/sparql", writable=False,
...                             timeout=10, row_limit=10000)
>>> from rdflib import URIRef
>>> (URIRef("http://127.0.0.1:5000/sparql"), SD.supportedLanguage, SD.SPARQL11Update) in graph
False
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef

from kg.rdf import bind_prefixes
from kg.vocab import RDF, RDFS

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG")


def service_description(endpoint: str, *, writable: bool, timeout: float, row_limit: int
                        ) -> Graph:
    """Describe the endpoint at ``endpoint`` as an rdflib graph."""
    graph = bind_prefixes(Graph())
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if writable:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    dataset, default_graph = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((service, RDFS.comment, Literal(
        "Conflict KG: one named graph per article; the default graph is their union. "
        f"Read-only unless a write token is configured; SERVICE, LOAD and datasets outside "
        f"the store are refused; queries are cut after {timeout:g} s and answers after "
        f"{row_limit} rows (header X-KG-Truncated: true).")))
    return graph
