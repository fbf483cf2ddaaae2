"""A streaming JSON-LD writer with a ``@context`` of the project's prefixes.

pyoxigraph writes JSON-LD in expanded form only. This writer takes the same
stream of quads (or triples) and writes compact IRIs (``ckg:Event``) with a
context mapping each prefix to its namespace, one node object per run of
quads with the same graph and subject, without holding the graph in memory.
Literals keep their exact lexical form (``{"@value": ..., "@type": ...}``), so
parsing the output gives back the same triples.

Examples
--------
>>> import io, json
>>> import pyoxigraph as ox
>>> quad = ox.Quad(ox.NamedNode("https://w3id.org/conflict-kg/id/actor/x"),
...                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
...                ox.NamedNode("https://w3id.org/conflict-kg/ontology#Actor"),
...                ox.NamedNode("https://w3id.org/conflict-kg/id/article/a"))
>>> out = io.BytesIO()
>>> write_jsonld([quad], out, {"ckg": "https://w3id.org/conflict-kg/ontology#",
...                            "id": "https://w3id.org/conflict-kg/id/"})
>>> json.loads(out.getvalue())["@graph"]
[{'@id': 'id:article/a', '@graph': [{'@id': 'id:actor/x', '@type': ['ckg:Actor']}]}]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import BinaryIO

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PLAIN = ("http://www.w3.org/2001/XMLSchema#string",
          "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")
Term = ox.NamedNode | ox.BlankNode | ox.Literal


class _Compactor:
    """Turns IRIs into compact IRIs ``prefix:rest`` using the longest matching namespace."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._pairs = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))

    def iri(self, value: str) -> str:
        for namespace, prefix in self._pairs:
            if value.startswith(namespace):
                rest = value[len(namespace):]
                if not rest.startswith("//"):
                    return f"{prefix}:{rest}"
        return value

    def node(self, term: ox.NamedNode | ox.BlankNode) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term: Term) -> dict[str, str]:
        if not isinstance(term, ox.Literal):
            return {"@id": self.node(term)}
        body = {"@value": term.value}
        if term.language:
            body["@language"] = term.language
        elif term.datatype.value not in _PLAIN:
            body["@type"] = self.iri(term.datatype.value)
        return body


class _Writer:
    """State of one streaming write: the open graph and the node being filled."""

    def __init__(self, out: BinaryIO, compactor: _Compactor) -> None:
        self.out = out
        self.c = compactor
        self.graph: object = None  # the current graph name (None before the first quad)
        self.named = False
        self.first_top = True
        self.first_in_graph = True
        self.node: dict[str, object] | None = None
        self.subject: Term | None = None

    def write(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))

    def flush_node(self) -> None:
        if self.node is None:
            return
        first = self.first_in_graph if self.named else self.first_top
        self.write(("" if first else ",\n") + json.dumps(self.node, ensure_ascii=False))
        if self.named:
            self.first_in_graph = False
        else:
            self.first_top = False
        self.node, self.subject = None, None

    def enter_graph(self, graph: object) -> None:
        self.flush_node()
        if self.named:
            self.write("]}")
        self.graph = graph
        self.named = not isinstance(graph, ox.DefaultGraph)
        if self.named:
            name = json.dumps(self.c.node(graph), ensure_ascii=False)  # type: ignore[arg-type]
            self.write(("" if self.first_top else ",\n") + f'{{"@id": {name}, "@graph": [\n')
            self.first_top, self.first_in_graph = False, True

    def add(self, subject: Term, predicate: ox.NamedNode, obj: Term) -> None:
        if self.node is None or subject != self.subject:
            self.flush_node()
            self.subject = subject
            self.node = {"@id": self.c.node(subject)}  # type: ignore[arg-type]
        if predicate.value == RDF_TYPE and not isinstance(obj, ox.Literal):
            self.node.setdefault("@type", []).append(self.c.node(obj))  # type: ignore[union-attr]
        else:
            key = self.c.iri(predicate.value)
            self.node.setdefault(key, []).append(self.c.value(obj))  # type: ignore[union-attr]

    def close(self) -> None:
        self.flush_node()
        if self.named:
            self.write("]}")
        self.write("\n]}\n")


def write_jsonld(quads: Iterable[ox.Quad | ox.Triple], out: BinaryIO,
                 prefixes: Mapping[str, str]) -> None:
    """Write ``quads`` (triples go to the default graph) to ``out`` as JSON-LD."""
    writer = _Writer(out, _Compactor(prefixes))
    writer.write('{"@context": ' + json.dumps(dict(prefixes), indent=1) + ',\n"@graph": [\n')
    default = ox.DefaultGraph()
    for quad in quads:
        graph = quad.graph_name if isinstance(quad, ox.Quad) else default
        if writer.graph is None or graph != writer.graph:
            writer.enter_graph(graph)
        writer.add(quad.subject, quad.predicate, quad.object)
    writer.close()
