"""SHACL validation of the graph against ``ontology/shapes.ttl``.

The event-type scheme is loaded alongside the data so that shapes can check
that an event's type is a concept of the scheme.

Examples
--------
>>> from kg.store import open_store
>>> validate(open_store("memory:")).conforms
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.store import Store
from kg.vocab import SH

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"


@dataclass(frozen=True)
class Violation:
    """One failed constraint."""

    focus: str
    path: str | None
    message: str
    severity: str


@dataclass
class ValidationReport:
    """Whether the data conforms, and what does not."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def as_text(self) -> str:
        """A human-readable report, one line per violation."""
        if self.conforms:
            return "Conforms: the graph satisfies every shape in ontology/shapes.ttl."
        lines = [f"Does not conform: {len(self.violations)} violation(s)."]
        lines += [f"- {v.severity}: {v.focus} {v.path or ''}: {v.message}" for v in self.violations]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return {"conforms": self.conforms, "violations": [v.__dict__ for v in self.violations]}


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes."""
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


@functools.lru_cache(maxsize=1)
def scheme_graph() -> Graph:
    """The event-type scheme, added to the data as background knowledge."""
    return Graph().parse(ONTOLOGY_DIR / "event-types.ttl")


def validate_graph(data: Graph) -> ValidationReport:
    """Validate one rdflib graph."""
    from pyshacl import validate as shacl_validate

    combined = Graph()
    for triple in data:
        combined.add(triple)
    for triple in scheme_graph():
        combined.add(triple)
    conforms, results, _ = shacl_validate(combined, shacl_graph=shapes_graph(),
                                          allow_warnings=True)
    violations = [
        Violation(focus=str(results.value(r, SH.focusNode)),
                  path=str(results.value(r, SH.resultPath)) if results.value(r, SH.resultPath) else None,
                  message=str(results.value(r, SH.resultMessage)),
                  severity=str(results.value(r, SH.resultSeverity)).rpartition("#")[2])
        for r in results.subjects(predicate=SH.focusNode)
    ]
    return ValidationReport(conforms=bool(conforms), violations=sorted(violations, key=str))


def validate(store: Store) -> ValidationReport:
    """Validate the union of all graphs in ``store``."""
    data = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return validate_graph(data)
