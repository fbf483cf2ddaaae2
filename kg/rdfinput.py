"""Untrusted RDF in: bounded parsing of RDF from a request body or a file to import.

Every parse of RDF that someone else wrote goes through :func:`check_untrusted`
(and :func:`parse_untrusted` when the text is in memory). It refuses, with an
:class:`~kg.errors.InputError` saying what and where:

* a text over ``max_bytes`` (:class:`~kg.errors.PayloadTooLarge`);
* RDF/XML with a ``<!DOCTYPE``: pyoxigraph's RDF/XML parser expands internal
  entities, so 1 KB of nested ``<!ENTITY`` asks for gigabytes ("billion laughs");
* nesting deeper than ``max_depth``: ``[ ( {`` in Turtle/TriG, objects and
  arrays in JSON-LD, elements in RDF/XML. pyoxigraph's JSON-LD parser overflows
  the native stack at a few thousand levels (the process dies) and its RDF/XML
  parser slows down quadratically with depth;
* a JSON-LD ``@context`` given by IRI: nothing is fetched, ever (pyoxigraph has
  no document loader unless one is given; this module never gives one).

The scans are linear regular-expression passes and work on ``bytes`` or an
``mmap`` of a file, so a large import is checked without being read into memory.

Examples
--------
>>> len(list(parse_untrusted(b"<urn:x:a> <urn:x:b> [ <urn:x:c> 1 ] .", "turtle", "demo.ttl")))
2
>>> list(parse_untrusted(b"<urn:x:a> <urn:x:b> " + b"[ <urn:x:c> " * 300, "turtle", "deep.ttl"))
Traceback (most recent call last):
...
kg.errors.InputError: deep.ttl: line 1: nesting deeper than 256 levels is not accepted
>>> list(parse_untrusted(b'{"@context": "http://e/c", "@id": "http://e/a"}', "jsonld", "body"))
Traceback (most recent call last):
...
kg.errors.InputError: body: remote JSON-LD contexts are not loaded: inline the context
"""

from __future__ import annotations

import mmap
import os
import re
from collections.abc import Iterator

import pyoxigraph as ox

from kg.errors import InputError, PayloadTooLarge
from kg.formats import RdfFormat, rdf_format

MAX_RDF_BYTES = int(os.environ.get("KG_MAX_RDF_BYTES", 64 * 1024 * 1024))
"""Default size cap of an untrusted RDF text (``KG_MAX_RDF_BYTES``; 0: no cap)."""
MAX_RDF_DEPTH = int(os.environ.get("KG_MAX_RDF_DEPTH", 256))
"""Default cap on bracket, JSON or element nesting (``KG_MAX_RDF_DEPTH``)."""

# Every token may end unterminated (the parser then reports the syntax error) and
# every loop is possessive, so a scan is linear whatever the input: no token can
# rescan the text after it from each of many starting points.
_TURTLE_TOKENS = re.compile(
    rb'"""(?:[^"\\]|\\.|"(?!""))*+(?:""")?' rb"|'''(?:[^'\\]|\\.|'(?!''))*+(?:''')?"
    rb'|"(?:[^"\\\n]|\\.)*+"?' rb"|'(?:[^'\\\n]|\\.)*+'?"
    rb"|<[^<>\s]*+>?|#[^\n]*+|[\[({]|[\])}]", re.DOTALL)
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*+"?|[\[{]|[\]}]', re.DOTALL)
_XML_TOKENS = re.compile(
    rb"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)|<!DOCTYPE|<!ENTITY"
    rb"|</[^<>]*+>?|<[^!?/<>](?:[^<>\"']|\"[^\"<]*+\"|'[^'<]*+')*+>?", re.DOTALL)
_OPENERS = frozenset(b"[({")
_REMOTE_CONTEXT = "remote JSON-LD contexts are not loaded: inline the context"


def _line(data: bytes | mmap.mmap, position: int) -> int:
    return bytes(data[:position]).count(b"\n") + 1


def _check_depth(data: bytes | mmap.mmap, tokens: re.Pattern[bytes], max_depth: int,
                 where: str) -> None:
    depth = 0
    for match in tokens.finditer(data):
        token = match.group()
        if token.startswith((b"<!DOCTYPE", b"<!ENTITY")):
            raise InputError(f"line {_line(data, match.start())}: DTD entity declarations are "
                             "not accepted (remove the <!DOCTYPE ...>)", where=where)
        if len(token) == 1:
            depth += 1 if token[0] in _OPENERS else -1
        elif token.startswith(b"<") and tokens is _XML_TOKENS and token[1:2] not in b"!?":
            depth += -1 if token[1:2] == b"/" else 0 if token.endswith(b"/>") else 1
        depth = max(depth, 0)  # stray closers first must not buy extra depth later
        if depth > max_depth:
            raise InputError(f"line {_line(data, match.start())}: nesting deeper than "
                             f"{max_depth} levels is not accepted", where=where)


def check_untrusted(data: bytes | mmap.mmap, fmt: RdfFormat, where: str,
                    max_bytes: int = MAX_RDF_BYTES, max_depth: int = MAX_RDF_DEPTH) -> None:
    """Refuse ``data`` (bytes or an ``mmap``) if it is too big, too deep or declares entities.

    >>> check_untrusted(b'<!DOCTYPE r [<!ENTITY a "b">]><r/>', rdf_format("rdfxml"), "x.rdf")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.rdf: line 1: DTD entity declarations are not accepted (remove the <!DOCTYPE ...>)
    >>> check_untrusted(b"<urn:a> <urn:b> <urn:c> .", rdf_format("nt"), "body", max_bytes=8)
    Traceback (most recent call last):
    ...
    kg.errors.PayloadTooLarge: body: RDF of 25 bytes is over the 8-byte limit
    """
    if max_bytes > 0 and len(data) > max_bytes:
        raise PayloadTooLarge(f"RDF of {len(data)} bytes is over the {max_bytes}-byte limit",
                              where=where)
    tokens = {"turtle": _TURTLE_TOKENS, "trig": _TURTLE_TOKENS, "jsonld": _JSON_TOKENS,
              "rdfxml": _XML_TOKENS}.get(fmt.name)
    if tokens is not None:  # N-Triples and N-Quads do not nest
        _check_depth(data, tokens, max_depth, where)


def syntax_error(error: SyntaxError, where: str) -> InputError:
    """The :class:`InputError` for a pyoxigraph parse error: line, column and message."""
    text = error.msg or str(error)  # str() would add "(file, line n)"
    if "LoadDocumentCallback" in text:  # pyoxigraph was asked to fetch a context
        return InputError(_REMOTE_CONTEXT, where=where)
    message = text.split(": ", 1)[-1] if error.lineno else text
    position = f"line {error.lineno}, column {error.offset}: " if error.lineno else ""
    return InputError(f"{position}{message}", where=where)


def parse_untrusted(data: bytes, format_name: str, where: str, max_bytes: int = MAX_RDF_BYTES,
                    max_depth: int = MAX_RDF_DEPTH, base_iri: str | None = None
                    ) -> Iterator[ox.Quad]:
    """Check ``data`` (see :func:`check_untrusted`), then yield its quads.

    Relative IRIs resolve against ``base_iri`` (none: they are an error).
    Parse errors become :class:`InputError` naming ``where``, the line and column.
    """
    fmt = rdf_format(format_name)
    check_untrusted(data, fmt, where, max_bytes, max_depth)
    try:
        yield from ox.parse(input=data, format=getattr(ox.RdfFormat, fmt.oxigraph_name),
                            base_iri=base_iri)
    except SyntaxError as error:
        raise syntax_error(error, where) from error
    except ValueError as error:  # a base IRI pyoxigraph cannot parse
        raise InputError(f"cannot use <{base_iri}> as the base IRI: {error}", where=where) \
            from error


__all__ = ["MAX_RDF_BYTES", "MAX_RDF_DEPTH", "check_untrusted", "parse_untrusted",
           "syntax_error"]
