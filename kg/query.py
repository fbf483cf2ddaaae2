"""Running user SPARQL: pick the answer format from the query form.

Examples
--------
>>> from kg.store import open_store
>>> print(run_query(open_store("memory:"), "ASK { ?s ?p ?o }", "json").decode())
{"head":{},"boolean":false}
"""

from __future__ import annotations

import re

from kg.errors import QueryError
from kg.store import Store

RESULT_FORMATS = ("json", "xml", "csv", "tsv")


def run_query(store: Store, sparql: str, output_format: str = "json") -> bytes:
    """Run ``sparql`` and serialise its answer.

    ``output_format`` is a results format (json, xml, csv, tsv) for SELECT and
    ASK, or an RDF format (turtle, nt, jsonld, ...) for CONSTRUCT and DESCRIBE;
    a results format asked of a graph answer gives Turtle, and vice versa JSON.
    """
    is_results = output_format in RESULT_FORMATS
    body, _ = store.serialized_query(
        sparql,
        results_format=output_format if is_results else "json",
        rdf_format="turtle" if is_results else output_format,
    )
    return body


RESULTS_BY_MEDIA_TYPE = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
RDF_BY_MEDIA_TYPE = {
    "text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml", "application/trig": "trig",
}
_STRIPPED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                       r"'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_UNSAFE = re.compile(r"\b(SERVICE|LOAD|FROM)\b", re.IGNORECASE)


def refuse_unsafe(sparql: str) -> None:
    """Refuse queries that could reach outside the store (SERVICE, LOAD, FROM).

    Strings, IRIs and comments are blanked first, so a literal containing the
    word "service" is fine.

    >>> refuse_unsafe('SELECT * WHERE { ?s ?p "a service" }')
    >>> refuse_unsafe("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE is not allowed: queries may only read this store
    """
    match = _UNSAFE.search(_STRIPPED.sub(" ", sparql))
    if match:
        raise QueryError(f"{match.group(1).upper()} is not allowed: queries may only read this store")


def endpoint_answer(store: Store, sparql: str, accepted: list[str], format_name: str | None
                    ) -> tuple[bytes, str]:
    """Answer a protocol request: ``(body, media type)``.

    ``accepted`` lists the client's media types, best first; ``format_name``
    (json, xml, csv, tsv, turtle, nt, jsonld, rdfxml, trig) overrides it.
    """
    refuse_unsafe(sparql)
    results_format = format_name if format_name in RESULT_FORMATS else next(
        (RESULTS_BY_MEDIA_TYPE[m] for m in accepted if m in RESULTS_BY_MEDIA_TYPE), "json")
    rdf_format = format_name if format_name in RDF_BY_MEDIA_TYPE.values() else next(
        (RDF_BY_MEDIA_TYPE[m] for m in accepted if m in RDF_BY_MEDIA_TYPE), "turtle")
    return store.serialized_query(sparql, results_format=results_format, rdf_format=rdf_format)
