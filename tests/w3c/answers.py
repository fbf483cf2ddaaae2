"""Answers in one comparable shape: a boolean, a bag of rows, a graph or a CSV table.

Expected answers come from the suite's files (``.srx``, ``.srj``, ``.tsv``,
``.csv``, ``.ttl``, ``.nt``, ``.rdf``); actual ones from pyoxigraph or from an
HTTP response. :func:`verdict` compares two: ``pass``, ``value`` (equal only
once literals are compared by value) or ``fail``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from tests.w3c.compare import Row, same_rows, solution_rows, triple_rows

RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
RDF_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
               ".rdf": ox.RdfFormat.RDF_XML}
RDF_MEDIA = {".ttl": "text/turtle", ".nt": "application/n-triples",
             ".rdf": "application/rdf+xml"}
RESULT_FORMATS = {".srx": ox.QueryResultsFormat.XML, ".srj": ox.QueryResultsFormat.JSON,
                  ".tsv": ox.QueryResultsFormat.TSV}
RESULT_MEDIA = {".srx": "application/sparql-results+xml", ".srj": "application/sparql-results+json",
                ".tsv": "text/tab-separated-values", ".csv": "text/csv"}
MEDIA_RESULT_FORMATS = {media: RESULT_FORMATS.get(ext) for ext, media in RESULT_MEDIA.items()}
MEDIA_RDF_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE,
                     "application/n-triples": ox.RdfFormat.N_TRIPLES,
                     "application/rdf+xml": ox.RdfFormat.RDF_XML}


@dataclass
class Answer:
    """``kind`` is ``boolean``, ``rows``, ``graph`` or ``csv``; ``rows`` holds rows or triples."""

    kind: str
    boolean: bool | None = None
    rows: list[Row] = field(default_factory=list)
    header: list[str] = field(default_factory=list)


def from_pyoxigraph(answer: object) -> Answer:
    """An answer of ``pyoxigraph.Store.query`` (or of ``parse_query_results``)."""
    if isinstance(answer, ox.QueryBoolean):
        return Answer("boolean", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        return Answer("rows", rows=solution_rows(answer))
    return Answer("graph", rows=triple_rows(answer))  # type: ignore[arg-type]


def from_csv(text: str) -> Answer:
    """A CSV results table: cells are compared as text, ``_:x`` cells as blank nodes."""
    lines = list(csv.reader(io.StringIO(text)))
    header, body = (lines[0], lines[1:]) if lines else ([], [])
    rows = [{name: ox.BlankNode(cell[2:]) if cell.startswith("_:") else ox.Literal(cell)
             for name, cell in zip(header, line, strict=False)} for line in body]
    return Answer("csv", rows=rows, header=header)


def from_file(path: Path, base_iri: str) -> Answer:
    """The expected answer stored in ``path``."""
    suffix = path.suffix
    if suffix == ".csv":
        return from_csv(path.read_text(encoding="utf-8"))
    if suffix in RESULT_FORMATS:
        return from_pyoxigraph(ox.parse_query_results(path=str(path), format=RESULT_FORMATS[suffix]))
    triples = list(ox.parse(path=str(path), format=RDF_FORMATS[suffix], base_iri=base_iri))
    return from_result_set(triples) or Answer("graph", rows=triple_rows(triples))


def from_result_set(triples: list) -> Answer | None:
    """An answer written in the DAWG result-set vocabulary (``rs:ResultSet``), None if none."""
    by_subject: dict[object, dict[str, list]] = {}
    for triple in triples:
        by_subject.setdefault(triple.subject, {}).setdefault(
            triple.predicate.value.rsplit("#", 1)[-1], []).append(triple.object)
    result_set = next((node for node, props in by_subject.items()
                       if ox.NamedNode(RS + "ResultSet") in props.get("type", ())), None)
    if result_set is None:
        return None
    props = by_subject[result_set]
    if "boolean" in props:
        return Answer("boolean", boolean=props["boolean"][0].value == "true")
    rows = []
    for solution in props.get("solution", ()):
        bindings = [by_subject[b] for b in by_subject.get(solution, {}).get("binding", ())]
        rows.append({b["variable"][0].value: b["value"][0] for b in bindings})
    return Answer("rows", rows=rows)


def from_http(body: bytes, media_type: str) -> Answer:
    """An answer read from an HTTP response body of the given media type."""
    if media_type == "text/csv":
        return from_csv(body.decode("utf-8"))
    if media_type in MEDIA_RDF_FORMATS:
        return Answer("graph", rows=triple_rows(ox.parse(body, format=MEDIA_RDF_FORMATS[media_type])))
    results_format = MEDIA_RESULT_FORMATS.get(media_type)
    if results_format is None:
        raise ValueError(f"unexpected media type {media_type!r}")
    return from_pyoxigraph(ox.parse_query_results(body, format=results_format))


def verdict(actual: Answer, expected: Answer) -> str:
    """``pass``, ``value`` (equal only by value) or ``fail``."""
    if actual.kind != expected.kind or sorted(actual.header) != sorted(expected.header):
        return "fail"
    if actual.kind == "boolean":
        return "pass" if actual.boolean == expected.boolean else "fail"
    if same_rows(actual.rows, expected.rows):
        return "pass"
    return "value" if same_rows(actual.rows, expected.rows, by_value=True) else "fail"
