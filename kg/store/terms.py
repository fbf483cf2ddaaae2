"""Conversion between rdflib terms and pyoxigraph terms.

rdflib is the modelling API; pyoxigraph is the engine. Only the store backends
cross between them, through these two functions.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> to_rdflib(to_oxigraph(Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
rdflib.term.Literal('7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
>>> to_oxigraph(URIRef("urn:x:a b"))
Traceback (most recent call last):
...
kg.errors.InputError: not a valid IRI: <urn:x:a b> (Invalid IRI code point ' ')
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Return the pyoxigraph term equal to an rdflib term."""
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as error:  # a request's IRI with a space, a quote, '<' ...
            raise InputError(f"not a valid IRI: <{term}> ({error})") from error
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {type(term).__name__} to a pyoxigraph term")


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """Return the rdflib term equal to a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"cannot convert {type(term).__name__} to an rdflib term")
