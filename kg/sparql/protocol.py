"""The SPARQL 1.1 Protocol without a web framework: requests, negotiation, service description.

:func:`parse_request` turns the parts of an HTTP request into a
:class:`ProtocolRequest` (query or update, dataset parameters) and
:func:`negotiate` picks the answer formats from ``Accept`` (with q-values)
and the ``format`` parameter. Both raise :class:`~kg.errors.QueryError` with
a message that names the offending parameter.

Examples
--------
>>> negotiate("application/sparql-results+xml;q=0.5, text/csv")
Formats(results='csv', rdf='')
>>> negotiate("*/*", "jsonld")
Formats(results='json', rdf='jsonld')
>>> negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
Formats(results='json', rdf='turtle')
>>> negotiate("text/turtle")
Formats(results='', rdf='turtle')
>>> parse_request("GET", None, {"query": ["ASK {}"], "default-graph-uri": ["urn:g"]}).default_graphs
['urn:g']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import codecs

from kg.errors import InputError, NotAcceptable, QueryError, UnsupportedMediaType

Params = Mapping[str, Sequence[str]]

RESULTS_MEDIA = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
"""Media type -> results format, in the server's order of preference."""

RDF_MEDIA = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "nt",
    "text/plain": "nt", "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
    "application/trig": "trig", "application/n-quads": "nq",
    "text/n3": "turtle", "text/rdf+n3": "turtle",  # Turtle is N3; SPARQLWrapper asks for N3
}
"""Media type -> RDF format (a name of :mod:`kg.formats`), in order of preference."""

FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"), "srj": ("json", None), "xml": ("xml", "rdfxml"),
    "srx": ("xml", None), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "nt": (None, "nt"),
    "ntriples": (None, "nt"), "n-triples": (None, "nt"), "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"), "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
    "trig": (None, "trig"), "nq": (None, "nq"),
    "n3": (None, "turtle"), "rdf+xml": (None, "rdfxml"), "rdf/xml": (None, "rdfxml"),
}
"""``format=`` values -> (results format, RDF format); ``None`` leaves that side to Accept."""


BROWSER_MEDIA = "text/html"
"""What a browser asks for first: it gets JSON results (and Turtle graphs)."""
UTF8_NAMES = ("utf-8", "utf8", "us-ascii", "ascii")


class Formats(NamedTuple):
    """The answer formats for a request: one for SELECT/ASK, one for CONSTRUCT/DESCRIBE.

    An empty name means that the client's Accept header offers no media type
    for that side: such an answer is a 406.
    """

    results: str
    rdf: str


@dataclass
class ProtocolRequest:
    """One protocol operation: a query or an update, with its dataset parameters."""

    operation: str  # "query", "update" or "none" (no query: service description / editor)
    text: str = ""
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    base: str | None = None  # the base IRI of relative IRIs: the endpoint's public URL


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header with their q-values (malformed q counts as 0).

    >>> parse_accept("text/html;level=1, */*;q=0.1, text/csv;q=x")
    [('text/html', 1.0), ('*/*', 0.1), ('text/csv', 0.0)]
    """
    ranges = []
    for part in (header or "").split(","):
        media, *params = [piece.strip() for piece in part.split(";")]
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media.lower(), quality))
    return ranges


def quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the client gives ``media_type``: the most specific matching range wins.

    >>> quality("text/csv", [("text/*", 0.5), ("text/csv", 0.9), ("*/*", 0.1)])
    0.9
    >>> quality("application/json", [("text/*", 1.0)])
    0.0
    """
    kind = media_type.split("/")[0]
    best, specificity = 0.0, -1
    for media, q in ranges:
        level = 2 if media == media_type else 1 if media == f"{kind}/*" else \
            0 if media == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def best_match(candidates: Sequence[str], header: str | None) -> str | None:
    """The candidate the client prefers (ties go to the earlier one); None if none is acceptable.

    >>> best_match(["application/json", "text/html"], "text/html,*/*;q=0.8")
    'text/html'
    >>> best_match(["text/turtle"], None)
    'text/turtle'
    """
    ranges = parse_accept(header) or [("*/*", 1.0)]
    scored = [(quality(candidate, ranges), -i, candidate) for i, candidate in enumerate(candidates)]
    q, _, candidate = max(scored)
    return candidate if q > 0 else None


def negotiate(accept: str | None, format_name: str | None = None) -> Formats:
    """Pick the results and RDF formats; ``format`` (a name or a media type) wins over Accept.

    >>> negotiate("text/rdf+n3", "n3")
    Formats(results='', rdf='turtle')
    >>> negotiate(None, "rdf+xml").rdf
    'rdfxml'
    """
    results = rdf = None
    if format_name:
        wanted = format_name.strip().lower()
        if "/" in wanted:
            results, rdf = RESULTS_MEDIA.get(wanted), RDF_MEDIA.get(wanted)
            if not (results or rdf):
                raise QueryError(f"format={format_name!r} is not a media type this endpoint serves")
        elif wanted in FORMAT_NAMES:
            results, rdf = FORMAT_NAMES[wanted]
        else:
            known = ", ".join(sorted({n for n in FORMAT_NAMES if "-" not in n}))
            raise QueryError(f"unknown format={format_name!r} (known: {known})")
    results = results or _accepted(RESULTS_MEDIA, accept, "json")
    rdf = rdf or _accepted(RDF_MEDIA, accept, "turtle")
    if not (results or rdf):
        raise NotAcceptable(f"Accept: {accept} offers nothing this endpoint answers in "
                            f"(results: {', '.join(RESULTS_MEDIA)}; graphs: {', '.join(RDF_MEDIA)})")
    return Formats(results, rdf)


def _accepted(media: Mapping[str, str], accept: str | None, browser_format: str) -> str:
    """The format of ``media`` the client prefers ("" if none); a browser's text/html gets
    ``browser_format``."""
    wanted = best_match([*media, BROWSER_MEDIA], accept)
    if wanted == BROWSER_MEDIA:
        return browser_format
    return media.get(wanted or "", "")


def decode_body(data: bytes, charset: str | None) -> str:
    """A query or update body as text: UTF-8, as the protocol requires (``charset`` is honoured).

    >>> decode_body("ASK {}".encode(), "UTF-8")
    'ASK {}'
    >>> decode_body("ASK {}".encode("utf-16"), "UTF-16")
    Traceback (most recent call last):
    ...
    kg.errors.UnsupportedMediaType: charset=UTF-16: SPARQL Protocol bodies are UTF-8 (send the text as UTF-8)
    """
    name = (charset or "utf-8").strip().strip('"')
    if name.lower() not in UTF8_NAMES:
        try:
            codecs.lookup(name)
        except LookupError:
            raise UnsupportedMediaType(f"unknown charset={name!r} in Content-Type") from None
        raise UnsupportedMediaType(f"charset={name}: SPARQL Protocol bodies are UTF-8 "
                                   "(send the text as UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"the request body is not UTF-8 (byte {error.start})") from None


def _one(params: Params, name: str) -> str | None:
    values = list(params.get(name, ()))
    if len(values) > 1:
        raise QueryError(f"parameter {name!r} given {len(values)} times; send it once")
    return values[0] if values else None


def parse_request(method: str, mimetype: str | None, args: Params, form: Params | None = None,
                  body: str | None = None) -> ProtocolRequest:
    """Read a protocol request (GET, POST form, POST ``application/sparql-query|update``).

    >>> parse_request("POST", "application/sparql-update", {}, body="CLEAR ALL").operation
    'update'
    >>> parse_request("GET", None, {"update": ["CLEAR ALL"]})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: updates must be sent with POST
    >>> parse_request("POST", None, {}, body="query=ASK%7B%7D")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a POST needs a Content-Type: application/sparql-query, application/sparql-update or a form
    """
    form = form or {}
    mimetype = (mimetype or "").lower()
    if method == "POST" and mimetype == "application/sparql-query":
        return _with_dataset(ProtocolRequest("query", body or ""), args, "default-graph-uri",
                             "named-graph-uri")
    if method == "POST" and mimetype == "application/sparql-update":
        return _with_dataset(ProtocolRequest("update", body or ""), args, "using-graph-uri",
                             "using-named-graph-uri")
    if method == "POST" and not mimetype:
        raise InputError("a POST needs a Content-Type: application/sparql-query, "
                         "application/sparql-update or a form")
    if method == "POST" and mimetype not in ("application/x-www-form-urlencoded",
                                             "multipart/form-data"):
        raise InputError(f"unsupported Content-Type {mimetype!r}: use application/sparql-query, "
                         "application/sparql-update or a form")
    params = {**args, **form} if method == "POST" else args
    query, update = _one(params, "query"), _one(params, "update")
    if query is not None and update is not None:
        raise QueryError("send either query= or update=, not both")
    if update is not None:
        if method != "POST":
            raise QueryError("updates must be sent with POST")
        return _with_dataset(ProtocolRequest("update", update), params, "using-graph-uri",
                             "using-named-graph-uri")
    if query is None:
        return ProtocolRequest("none")
    return _with_dataset(ProtocolRequest("query", query), params, "default-graph-uri",
                         "named-graph-uri")


def _with_dataset(request: ProtocolRequest, params: Params, default: str, named: str
                  ) -> ProtocolRequest:
    if not request.text.strip():
        raise QueryError(f"empty {request.operation}")
    request.default_graphs = [g for g in params.get(default, ()) if g]
    request.named_graphs = [g for g in params.get(named, ()) if g]
    return request
