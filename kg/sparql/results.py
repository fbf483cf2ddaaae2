"""Serialising pyoxigraph answers with a row cap and a byte cap, in every protocol format.

pyoxigraph serialises whole answers only; the endpoint must stop at
``row_limit`` rows or ``byte_limit`` bytes and say so. SELECT rows are
therefore written here one at a time (JSON, XML, CSV, TSV as the W3C result
formats define them) from pyoxigraph's lazy iterator, and CONSTRUCT/DESCRIBE
triples go through ``pyoxigraph.serialize`` with a counting iterator in front.

A cut answer is still a complete, valid document in its format: it ends
between two rows (or triples), says ``truncated`` and which cap cut it
(``cut`` is ``"rows"`` or ``"bytes"``), and JSON and XML results carry
:data:`TRUNCATION_LINK` in their head. The byte cap is exact for query results
(head and tail included); for RDF it is checked between triples against what
pyoxigraph has written so far plus an estimate of what it still buffers, so an
RDF answer may overrun it by a few kilobytes at most.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> for i in range(3):
...     store.add(ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(i)))
>>> query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
>>> answer = serialize_answer(store.query(query), results_format="csv", rdf_format="turtle",
...                           row_limit=2)
>>> answer.body.decode().splitlines(), answer.truncated, answer.count, answer.cut
(['s', 'http://e/0', 'http://e/1'], True, 2, 'rows')
>>> answer = serialize_answer(store.query(query), results_format="csv", rdf_format="turtle",
...                           row_limit=10, byte_limit=30)
>>> answer.body, answer.cut
(b's\\r\\nhttp://e/0\\r\\nhttp://e/1\\r\\n', 'bytes')
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg import formats
from kg.errors import NotAcceptable, QueryError
from kg.store.base import RESULTS_MEDIA_TYPES
from kg.vocab import PREFIXES, RDF, RS, XSD

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TRUNCATION_LINK = "https://w3id.org/conflict-kg/ontology#truncated"
"""Link put in the head of a truncated JSON or XML result (the SPARQL ``link`` member)."""
DEFAULT_BYTE_LIMIT = 64 * 1024 * 1024
"""Bytes at most in one answer unless configured (``KG_MAX_ANSWER_BYTES``)."""
RDF_WRITE_BUFFER = 8192
"""Bytes pyoxigraph's serialiser holds before writing them out (measured with 0.5)."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = Sequence[Term | None]


@dataclass(frozen=True)
class Answer:
    """A serialised answer: its bytes, media type and whether (and by which cap) it was cut."""

    body: bytes
    media_type: str
    truncated: bool = False
    count: int | None = None  # rows (SELECT) or triples (CONSTRUCT); None for ASK
    cut: str | None = None  # "rows" or "bytes" when truncated

    def chunks(self, size: int = 1 << 20) -> Iterator[bytes]:
        """The body in pieces of at most ``size`` bytes (what a streamed answer yields).

        >>> list(Answer(b"abcde", "text/plain").chunks(2))
        [b'ab', b'cd', b'e']
        """
        view = memoryview(self.body)
        for start in range(0, len(view), size):
            yield bytes(view[start:start + size])

    @property
    def size(self) -> int:
        """Bytes in the body."""
        return len(self.body)

    def close(self) -> None:
        """Nothing to release (a streamed answer releases its worker here)."""


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


@dataclass(frozen=True)
class ResultsWriter:
    """One results format, written a row at a time: head, rows joined by ``separator``, tail."""

    head: Callable[[Sequence[str], bool], bytes]
    row: Callable[[Sequence[str], Row], bytes]
    separator: bytes = b""
    tail: bytes = b""


def _json_head(variables: Sequence[str], truncated: bool) -> bytes:
    head: dict[str, object] = {"vars": list(variables)}
    if truncated:
        head["link"] = [TRUNCATION_LINK]
    return b'{"head":' + json.dumps(head, separators=(",", ":")).encode() + b',"results":{"bindings":['


def _json_row(variables: Sequence[str], row: Row) -> bytes:
    binding = {var: json_term(value) for var, value in zip(variables, row) if value is not None}
    return json.dumps(binding, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_head(variables: Sequence[str], truncated: bool) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
           "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables)]
    if truncated:
        out.append(f"<link href={quoteattr(TRUNCATION_LINK)}/>")
    out.append("</head><results>\n")
    return "\n".join(out).encode("utf-8")


def _xml_row(variables: Sequence[str], row: Row) -> bytes:
    bindings = "".join(f"<binding name={quoteattr(var)}>{_xml_term(value)}</binding>"
                       for var, value in zip(variables, row) if value is not None)
    return f"<result>{bindings}</result>\n".encode("utf-8")


def _csv_line(values: Iterable[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue().encode("utf-8")


WRITERS = {
    "json": ResultsWriter(_json_head, _json_row, b",", b"]}}"),
    "xml": ResultsWriter(_xml_head, _xml_row, tail=b"</results></sparql>\n"),
    # CSV: RFC 4180 with CRLF line ends; TSV: terms in N-Triples syntax.
    "csv": ResultsWriter(lambda variables, _: _csv_line(variables),
                         lambda _, row: _csv_line(_csv_value(value) for value in row)),
    "tsv": ResultsWriter(lambda variables, _: "\t".join(f"?{v}" for v in variables).encode() + b"\n",
                         lambda _, row: ("\t".join(_tsv_value(v) for v in row) + "\n").encode()),
}
"""The SELECT result formats by name."""


def write_boolean(value: bool, results_format: str) -> bytes:
    """An ASK answer; CSV/TSV carry it as a one-cell table, as common servers do."""
    if results_format == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    if results_format in ("csv", "tsv"):
        return f"_askResult\n{str(value).lower()}\n".encode()
    return json.dumps({"head": {}, "boolean": value}, separators=(",", ":")).encode()


def write_rows(writer: ResultsWriter, variables: Sequence[str], rows: Iterable[Row],
               row_limit: int, byte_limit: int) -> tuple[bytes, int, str | None]:
    """Write ``rows`` until one of the caps; return the document, the rows written and the cut.

    The document (head and tail included) never exceeds ``byte_limit``.

    >>> rows = [[ox.Literal("a")], [ox.Literal("b")], [ox.Literal("c")]]
    >>> write_rows(WRITERS["tsv"], ["n"], rows, 5, 1000)
    (b'?n\\n"a"\\n"b"\\n"c"\\n', 3, None)
    >>> write_rows(WRITERS["tsv"], ["n"], rows, 5, 11)
    (b'?n\\n"a"\\n"b"\\n', 2, 'bytes')
    """
    budget = byte_limit - len(writer.head(variables, True)) - len(writer.tail)
    parts: list[bytes] = []
    used, cut = 0, None
    for row in rows:
        if len(parts) >= row_limit:
            cut = "rows"
            break
        encoded = writer.row(variables, row)
        cost = len(encoded) + (len(writer.separator) if parts else 0)
        if used + cost > budget:
            cut = "bytes"
            break
        parts.append(encoded)
        used += cost
    body = writer.head(variables, cut is not None) + writer.separator.join(parts) + writer.tail
    return body, len(parts), cut


class _CountingSink(io.BytesIO):
    """An in-memory output that counts the bytes written into it."""

    written = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.written += len(data)
        return super().write(data)


class _Capped:
    """Triples until ``limit`` of them or until the output would pass ``byte_limit``.

    Each triple's N-Triples length estimates what the serialiser will write
    for it; what it has not flushed yet is counted by those estimates.
    """

    def __init__(self, triples: Iterator[ox.Triple], limit: int, sink: _CountingSink,
                 byte_limit: int) -> None:
        self._triples, self._limit, self._sink, self._bytes = triples, limit, sink, byte_limit
        self.count, self.cut = 0, None

    def __iter__(self) -> Iterator[ox.Triple]:
        flushed, pending = 0, 0
        for triple in self._triples:
            if self.count >= self._limit:
                self.cut = "rows"
                return
            if self._sink.written != flushed:
                flushed, pending = self._sink.written, 0
            estimate = len(str(triple)) + 3
            if flushed + max(pending, RDF_WRITE_BUFFER) + estimate > self._bytes:
                self.cut = "bytes"
                return
            pending += estimate
            self.count += 1
            yield triple


def _serialize_triples(answer: ox.QueryTriples, rdf_format: str, row_limit: int,
                       byte_limit: int) -> Answer:
    fmt = formats.rdf_format(rdf_format)
    sink = _CountingSink()
    triples = _Capped(iter(answer), row_limit, sink, byte_limit)
    ox.serialize(iter(triples), sink, format=getattr(ox.RdfFormat, fmt.oxigraph_name),
                 prefixes=PREFIXES)
    return Answer(sink.getvalue(), fmt.media_type, triples.cut is not None, triples.count,
                  triples.cut)


def serialize_answer(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, *,
                     results_format: str, rdf_format: str, row_limit: int,
                     byte_limit: int = DEFAULT_BYTE_LIMIT) -> Answer:
    """Serialise a pyoxigraph answer, stopping after ``row_limit`` rows or ``byte_limit`` bytes.

    A client that accepts only the other kind of answer still gets one, as
    Jena and Virtuoso answer it: SELECT/ASK results in RDF use the result-set
    vocabulary (:func:`result_set_triples`), a graph in a results format is a
    ``subject``, ``predicate``, ``object`` table. Neither format (empty names)
    is a 406.

    >>> store = ox.Store()
    >>> ask = serialize_answer(store.query("ASK {}"), results_format="", rdf_format="nt",
    ...                        row_limit=5)
    >>> ask.media_type, b"result-set#boolean" in ask.body
    ('application/n-triples', True)
    """
    graph = isinstance(answer, ox.QueryTriples)
    if graph and rdf_format:
        return _serialize_triples(answer, rdf_format, row_limit, byte_limit)
    if not results_format:
        if graph or not rdf_format:
            raise NotAcceptable("the Accept header offers no media type for "
                                f"{'a graph' if graph else 'query results'}")
        return _serialize_triples(result_set_triples(answer), rdf_format, row_limit, byte_limit)
    if results_format not in WRITERS:
        raise QueryError(f"unknown results format {results_format!r} (known: {', '.join(WRITERS)})")
    media_type = RESULTS_MEDIA_TYPES[results_format]
    if isinstance(answer, ox.QueryBoolean):
        return Answer(write_boolean(bool(answer), results_format), media_type)
    if graph:
        variables = ["subject", "predicate", "object"]
        rows: Iterable[Row] = ((t.subject, t.predicate, t.object) for t in answer)
    else:
        variables = [v.value for v in answer.variables]
        rows = (tuple(solution) for solution in answer)
    body, count, cut = write_rows(WRITERS[results_format], variables, rows, row_limit, byte_limit)
    return Answer(body, media_type, cut is not None, count, cut)


def result_set_triples(answer: ox.QuerySolutions | ox.QueryBoolean) -> Iterator[ox.Triple]:
    """SELECT or ASK results as triples of the result-set vocabulary (one ``rs:ResultSet``).

    >>> [t.predicate.value.rsplit("#")[-1] for t in result_set_triples(ox.Store().query("ASK {}"))]
    ['type', 'boolean']
    """
    def node(name: str) -> ox.NamedNode:
        return ox.NamedNode(str(RS[name]))

    result = ox.BlankNode()
    yield ox.Triple(result, ox.NamedNode(str(RDF.type)), node("ResultSet"))
    if isinstance(answer, ox.QueryBoolean):
        yield ox.Triple(result, node("boolean"), ox.Literal(str(bool(answer)).lower(),
                                                            datatype=ox.NamedNode(str(XSD.boolean))))
        return
    names = [v.value for v in answer.variables]
    for name in names:
        yield ox.Triple(result, node("resultVariable"), ox.Literal(name))
    for solution in answer:
        row = ox.BlankNode()
        yield ox.Triple(result, node("solution"), row)
        for name, value in zip(names, solution, strict=True):
            if value is not None:
                binding = ox.BlankNode()
                yield ox.Triple(row, node("binding"), binding)
                yield ox.Triple(binding, node("variable"), ox.Literal(name))
                yield ox.Triple(binding, node("value"), value)
