"""The RDF serialisation formats the project reads and writes, by name.

One registry serves the CLI (``--format``), the exports and the web layer's
content negotiation.

Examples
--------
>>> rdf_format("turtle").media_type
'text/turtle'
>>> rdf_format("ttl").name
'turtle'
>>> rdf_format("png")
Traceback (most recent call last):
...
kg.errors.InputError: unknown RDF format 'png' (known: turtle, trig, nt, nq, jsonld, rdfxml)
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import InputError


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation."""

    name: str
    media_type: str
    extension: str
    oxigraph_name: str  # attribute of pyoxigraph.RdfFormat
    rdflib_name: str
    datasets: bool  # carries named graphs
    aliases: tuple[str, ...] = ()


RDF_FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("turtle", "text/turtle", "ttl", "TURTLE", "turtle", False, ("ttl",)),
    RdfFormat("trig", "application/trig", "trig", "TRIG", "trig", True),
    RdfFormat("nt", "application/n-triples", "nt", "N_TRIPLES", "nt", False, ("ntriples",)),
    RdfFormat("nq", "application/n-quads", "nq", "N_QUADS", "nquads", True, ("nquads",)),
    RdfFormat("jsonld", "application/ld+json", "jsonld", "JSON_LD", "json-ld", True,
              ("json-ld",)),
    RdfFormat("rdfxml", "application/rdf+xml", "rdf", "RDF_XML", "xml", False, ("xml", "rdf")),
)


def rdf_format(name: str) -> RdfFormat:
    """Return the format called ``name`` (or one of its aliases or its extension)."""
    wanted = name.lower().lstrip(".")
    for fmt in RDF_FORMATS:
        if wanted in (fmt.name, fmt.extension, *fmt.aliases):
            return fmt
    known = ", ".join(f.name for f in RDF_FORMATS)
    raise InputError(f"unknown RDF format {name!r} (known: {known})")


def rdf_format_for_media_type(media_type: str) -> RdfFormat | None:
    """Return the format served as ``media_type``, or ``None``."""
    return next((f for f in RDF_FORMATS if f.media_type == media_type), None)
