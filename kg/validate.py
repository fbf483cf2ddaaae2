"""SHACL validation of the graph against ``ontology/shapes.ttl``.

The data is validated together with the ontology (``conflict.ttl``, so
``sh:class`` sees subclasses) and the event-type scheme (``event-types.ttl``,
so an event's type can be checked against the scheme, and the scheme itself
is checked). Warnings are reported but do not make a graph non-conforming.

Examples
--------
>>> from kg.store import open_store
>>> print(validate(open_store("memory:")).as_text())
Conforms: the graph satisfies every shape in ontology/shapes.ttl.
>>> from rdflib import Graph, Literal
>>> from kg.vocab import CKG, RDF
>>> actor = URIRef("https://w3id.org/conflict-kg/id/actor/nobody")
>>> report = validate_graph(Graph().add((actor, RDF.type, CKG.Actor)))
>>> report.conforms, sorted({r.path for r in report.violations})
(False, ['ckg:actorKind', 'rdfs:label'])
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from kg import ids
from kg.errors import NotFound
from kg.store import Store
from kg.taxonomy import ONTOLOGY_DIR
from kg.vocab import PREFIXES, SH

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
BACKGROUND_FILES = (ONTOLOGY_DIR / "conflict.ttl", ONTOLOGY_DIR / "event-types.ttl")

UNION = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
ONE_GRAPH = """CONSTRUCT { ?s ?p ?o } WHERE { { GRAPH ?g { ?s ?p ?o } }
  UNION { { SELECT DISTINCT ?s WHERE { GRAPH ?g { ?a ?q ?s } } } GRAPH ?e { ?s ?p ?o } } }"""
"""One article's graph with the descriptions (entities graph) of what it refers to."""


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result: which node, which property path, what is wrong.

    ``focus`` is the node's IRI (``_:`` + id for a blank node); ``path`` and
    ``value`` are in Turtle notation with the project's prefixes.
    """

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None
    constraint: str | None = None  # the SHACL constraint component, e.g. "MinCountConstraintComponent"

    def as_line(self) -> str:
        """One line: severity, focus node, path, message, offending value."""
        focus = _compact(self.focus)
        where = f"{focus} {self.path}" if self.path else focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """Whether the data conforms, and every result (violations and warnings)."""

    conforms: bool
    results: tuple[ValidationResult, ...] = field(default=())
    triples: int = 0

    @property
    def violations(self) -> list[ValidationResult]:
        """The results of severity Violation (they make the graph non-conforming)."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        """The results of severity Warning or Info."""
        return [r for r in self.results if r.severity != "Violation"]

    def as_text(self) -> str:
        """A human-readable report: a verdict, a count per message, one line per result."""
        if self.conforms and not self.results:
            return "Conforms: the graph satisfies every shape in ontology/shapes.ttl."
        if self.conforms:
            head = f"Conforms, with {len(self.warnings)} warning(s)."
        else:
            head = (f"Does not conform: {len(self.violations)} violation(s), "
                    f"{len(self.warnings)} warning(s).")
        counts = Counter((r.severity, r.message) for r in self.results)
        summary = [f"  {n} x {severity}: {message}" for (severity, message), n in counts.most_common()]
        return "\n".join([head, *summary, "", *(r.as_line() for r in self.results)])

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return {"conforms": self.conforms, "violations": len(self.violations),
                "warnings": len(self.warnings), "triples": self.triples,
                "results": [asdict(r) for r in self.results]}


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes (parsed once)."""
    return Graph().parse(SHAPES_FILE, format="turtle")


@functools.lru_cache(maxsize=1)
def background_graph() -> Graph:
    """The ontology and the event-type scheme, mixed into the data before validation."""
    graph = Graph()
    for path in BACKGROUND_FILES:
        graph.parse(path, format="turtle")
    return graph


@functools.lru_cache(maxsize=1)
def _names() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def _compact(iri: str) -> str:
    """``et:Ceasefire`` for a term under a project prefix, ``<iri>`` otherwise."""
    if iri.startswith("_:"):
        return iri
    return URIRef(iri).n3(_names().namespace_manager)


def _term(node: Node | None, names: Graph) -> str | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        return "[]"
    return node.n3(names.namespace_manager)


def _focus(node: Node | None) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _path(report: Graph, result: Node, names: Graph) -> str | None:
    path = report.value(result, SH.resultPath)
    if isinstance(path, BNode):  # a complex path, e.g. sh:alternativePath ( ... )
        members = report.value(path, SH.alternativePath)
        if members is not None:
            from rdflib.collection import Collection

            return "|".join(_term(p, names) or "" for p in Collection(report, members))
    return _term(path, names)


def _results(report: Graph) -> tuple[ValidationResult, ...]:
    names = _names()
    results = []
    for result in report.objects(None, SH.result, unique=True):  # top level, not sh:detail
        component = report.value(result, SH.sourceConstraintComponent)
        results.append(ValidationResult(
            focus=_focus(report.value(result, SH.focusNode)),
            path=_path(report, result, names),
            message=str(report.value(result, SH.resultMessage) or component),
            severity=str(report.value(result, SH.resultSeverity)).rpartition("#")[2],
            value=_term(report.value(result, SH.value), names),
            constraint=str(component).rpartition("#")[2] if component is not None else None))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return tuple(sorted(set(results), key=lambda r: (order.get(r.severity, 3), r.focus,
                                                     r.path or "", r.message, r.value or "")))


@functools.lru_cache(maxsize=64)
def _prepared(sparql: str) -> object:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(sparql)


class _QueryCachingGraph(Graph):
    """A graph that parses each distinct SPARQL text once.

    pySHACL runs a SHACL-SPARQL constraint once per focus node with the same text
    (``$this`` is passed as a binding); parsing dominated validation time.
    """

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate one rdflib graph (an article's graph, or a whole export).

    ``data`` is not modified: a copy mixed with the ontology is validated.
    """
    from pyshacl import validate as shacl_validate

    mixed = _QueryCachingGraph()
    for source in (background_graph(), data):
        for triple in source:
            mixed.add(triple)
    conforms, report, _ = shacl_validate(
        mixed, shacl_graph=shapes_graph(), inference="none", inplace=True,
        allow_warnings=True, allow_infos=True)
    return ValidationReport(conforms=bool(conforms), results=_results(report), triples=len(data))


def validate(store: Store, graph: URIRef | None = None) -> ValidationReport:
    """Validate the union of every graph in ``store``, or only the named ``graph``.

    Raises :class:`~kg.errors.NotFound` when ``graph`` is not in the store.
    """
    if graph is None:
        return validate_graph(store.construct(UNION))
    if graph not in store.graphs():
        raise NotFound(f"no graph {graph} in the store")
    return validate_graph(store.construct(ONE_GRAPH, {"g": graph, "e": ids.entities_graph()}))
