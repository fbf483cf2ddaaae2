"""The W3C SPARQL 1.1 manifests: which tests exist, of what kind, with which files.

Manifests are read with the base the suite is published under
(:data:`SUITE_BASE`), so every data file, query and graph name has the IRI
the expected results use; :func:`local_path` maps such an IRI back to the
file in the local copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

SUITE_BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
SUITES = {
    "protocol": ("protocol/manifest.ttl",),
    "graph store": ("graph-store-protocol/manifest-indirect.ttl",
                    "graph-store-protocol/manifest-direct.ttl"),
    "query": ("manifest-sparql11-query.ttl",),
    "update": ("manifest-sparql11-update.ttl",),
    "results formats": ("manifest-sparql11-results.ttl",),
    "service description": ("service-description/manifest.ttl",),
}
"""Suite name -> its top manifests (relative to the suite folder), in the table's order."""


@dataclass(frozen=True)
class W3CTest:
    """One test entry: its suite, short name (``folder/local-name``), type and manifest graph."""

    suite: str
    name: str
    iri: URIRef
    kind: str
    graph: Graph

    def value(self, predicate: URIRef, subject: URIRef | None = None) -> object:
        """One object of ``predicate`` on the test (or on ``subject``), None if absent."""
        return self.graph.value(subject if subject is not None else self.iri, predicate)

    def action(self) -> URIRef:
        """The test's ``mf:action`` node."""
        return self.graph.value(self.iri, MF.action)  # type: ignore[return-value]


def local_path(root: Path, iri: object) -> Path:
    """The local file of a suite IRI.

    >>> local_path(Path("/s"), URIRef(SUITE_BASE + "add/a.ttl"))
    PosixPath('/s/add/a.ttl')
    """
    text = str(iri)
    if not text.startswith(SUITE_BASE):
        raise ValueError(f"{text} is not a file of the suite")
    return root / text[len(SUITE_BASE):]


def _read(root: Path, relative: str) -> Graph:
    graph = Graph()
    graph.parse((root / relative).read_bytes(), format="turtle", publicID=SUITE_BASE + relative)
    return graph


def _entries(root: Path, relative: str) -> Iterator[tuple[Graph, URIRef]]:
    """The entries of a manifest and of the manifests it includes, in their order."""
    graph = _read(root, relative)
    manifest = URIRef(SUITE_BASE + relative)
    for include_list in graph.objects(manifest, MF.include):
        for included in Collection(graph, include_list):
            text = str(included)
            if text.startswith(SUITE_BASE):  # not the specs the results manifest names
                yield from _entries(root, text[len(SUITE_BASE):])
    for entries in graph.objects(manifest, MF.entries):
        for entry in Collection(graph, entries):
            yield graph, entry  # type: ignore[misc]


def suite_tests(root: Path, suite: str) -> list[W3CTest]:
    """Every test of ``suite`` (a key of :data:`SUITES`), in manifest order."""
    found = []
    for manifest in SUITES[suite]:
        for graph, entry in _entries(root, manifest):
            kind = graph.value(entry, RDF.type)
            short = str(entry)[len(SUITE_BASE):].replace("/manifest#", "/")
            found.append(W3CTest(suite, short, entry, str(kind).rsplit("#", 1)[-1], graph))
    return found


def graph_label(test: W3CTest, node: object) -> str:
    """The graph name of a ``ut:graphData`` node (its ``rdfs:label``, else the file IRI)."""
    label = test.graph.value(node, RDFS.label)  # type: ignore[arg-type]
    graph = test.graph.value(node, UT.graph)  # type: ignore[arg-type]
    return str(label if label is not None else graph if graph is not None else node)
