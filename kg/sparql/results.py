"""Serialising pyoxigraph answers with a row cap, in every protocol format.

pyoxigraph serialises whole answers only; the endpoint must stop at
``row_limit`` rows and say so. SELECT rows are therefore written here (JSON,
XML, CSV, TSV as the W3C result formats define them) from pyoxigraph's lazy
iterator, and CONSTRUCT/DESCRIBE triples go through ``pyoxigraph.serialize``
with a counting iterator in front.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> for i in range(3):
...     store.add(ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(i)))
>>> answer = serialize_answer(store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"),
...                           results_format="csv", rdf_format="turtle", row_limit=2)
>>> answer.body.decode().splitlines(), answer.truncated, answer.count
(['s', 'http://e/0', 'http://e/1'], True, 2)
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg import formats
from kg.errors import QueryError
from kg.store.base import RESULTS_MEDIA_TYPES
from kg.vocab import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TRUNCATION_LINK = "https://w3id.org/conflict-kg/ontology#truncated"
"""Link put in the head of a truncated JSON or XML result (the SPARQL ``link`` member)."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Answer:
    """A serialised answer: its bytes, media type and whether rows were cut."""

    body: bytes
    media_type: str
    truncated: bool = False
    count: int | None = None  # rows (SELECT) or triples (CONSTRUCT); None for ASK


def json_term(term: Term) -> dict[str, object]:
    """The SPARQL 1.1 JSON form of one term.

    >>> json_term(ox.Literal("Arsal", language="en"))
    {'type': 'literal', 'value': 'Arsal', 'xml:lang': 'en'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": json_term(term.subject),
                                            "predicate": json_term(term.predicate),
                                            "object": json_term(term.object)}}
    body: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        body["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        body["datatype"] = term.datatype.value
    return body


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = zip(("subject", "predicate", "object"), (term.subject, term.predicate, term.object))
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    text = _xml_text(term.value)
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{text}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{text}</literal>"
    return f"<literal>{text}</literal>"


def _xml_text(value: str) -> str:
    """Escape character data; ``\\r`` as ``&#13;`` so that XML parsers keep it.

    >>> _xml_text("a\\r\\n<b>")
    'a&#13;\\n&lt;b&gt;'
    """
    return escape(value, {"\r": "&#13;"})


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _tsv_value(term: Term | None) -> str:
    return "" if term is None else str(term)  # N-Triples syntax escapes tabs and newlines


def write_json(variables: Sequence[str], rows: list[Sequence[Term | None]], truncated: bool
               ) -> bytes:
    """SPARQL 1.1 Query Results JSON."""
    head: dict[str, object] = {"vars": list(variables)}
    if truncated:
        head["link"] = [TRUNCATION_LINK]
    bindings = [{var: json_term(value) for var, value in zip(variables, row) if value is not None}
                for row in rows]
    return json.dumps({"head": head, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_xml(variables: Sequence[str], rows: list[Sequence[Term | None]], truncated: bool
              ) -> bytes:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
           "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables)]
    if truncated:
        out.append(f"<link href={quoteattr(TRUNCATION_LINK)}/>")
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out.extend(f"<binding name={quoteattr(var)}>{_xml_term(value)}</binding>"
                   for var, value in zip(variables, row) if value is not None)
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "\n".join(out).encode("utf-8")


def write_csv(variables: Sequence[str], rows: list[Sequence[Term | None]], _: bool) -> bytes:
    """SPARQL 1.1 Query Results CSV (RFC 4180, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_value(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def write_tsv(variables: Sequence[str], rows: list[Sequence[Term | None]], _: bool) -> bytes:
    """SPARQL 1.1 Query Results TSV (terms in N-Triples syntax)."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines.extend("\t".join(_tsv_value(value) for value in row) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}


def write_boolean(value: bool, results_format: str) -> bytes:
    """An ASK answer; CSV/TSV carry it as a one-cell table, as common servers do."""
    if results_format == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    if results_format in ("csv", "tsv"):
        return f"_askResult\n{str(value).lower()}\n".encode()
    return json.dumps({"head": {}, "boolean": value}, separators=(",", ":")).encode()


def capped(items: Iterable[object], limit: int) -> tuple[list[object], bool]:
    """Take at most ``limit`` items; say whether more were there.

    >>> capped(range(5), 3), capped(range(2), 3)
    (([0, 1, 2], True), ([0, 1], False))
    """
    taken = list(itertools.islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


class _Counting:
    """An iterator over at most ``limit`` triples that remembers if it stopped early."""

    def __init__(self, triples: Iterator[ox.Triple], limit: int) -> None:
        self._triples, self._limit, self.count, self.truncated = triples, limit, 0, False

    def __iter__(self) -> Iterator[ox.Triple]:
        for triple in self._triples:
            if self.count >= self._limit:
                self.truncated = True
                return
            self.count += 1
            yield triple


def serialize_answer(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, *,
                     results_format: str, rdf_format: str, row_limit: int) -> Answer:
    """Serialise a pyoxigraph answer, stopping after ``row_limit`` rows or triples."""
    if isinstance(answer, ox.QueryTriples):
        fmt = formats.rdf_format(rdf_format)
        triples = _Counting(iter(answer), row_limit)
        body = ox.serialize(iter(triples), format=getattr(ox.RdfFormat, fmt.oxigraph_name),
                            prefixes=PREFIXES)
        return Answer(body or b"", fmt.media_type, triples.truncated, triples.count)
    if results_format not in WRITERS:
        raise QueryError(f"unknown results format {results_format!r} (known: {', '.join(WRITERS)})")
    media_type = RESULTS_MEDIA_TYPES[results_format]
    if isinstance(answer, ox.QueryBoolean):
        return Answer(write_boolean(bool(answer), results_format), media_type)
    variables = [v.value for v in answer.variables]
    rows, truncated = capped((tuple(solution) for solution in answer), row_limit)
    body = WRITERS[results_format](variables, rows, truncated)  # type: ignore[arg-type]
    return Answer(body, media_type, truncated, len(rows))
