"""The streaming JSON-LD writer: compact IRIs with a context, read back the same by two parsers."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from kg.store.jsonld import write_jsonld
from kg.vocab import PREFIXES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
CKG, ID = PREFIXES["ckg"], PREFIXES["id"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


QUADS = [
    ox.Quad(n(ID + "actor/x"), RDF_TYPE, n(CKG + "Actor"), ox.DefaultGraph()),
    ox.Quad(n(ID + "actor/x"), n(CKG + "count"), ox.Literal("007", datatype=n(PREFIXES["xsd"] + "integer")),
            n(ID + "article/a")),
    ox.Quad(n("http://e/s"), n("http://e/p"), ox.Literal("é \"q\"\n", language="fr-ca"), n(ID + "article/a")),
    ox.Quad(ox.BlankNode("b1"), n("http://e/p"), ox.BlankNode("b2"), n(ID + "article/a")),
    ox.Quad(n(ID + "actor/x"), n(CKG + "count"), ox.Literal("1"), n(ID + "article/b")),
    ox.Quad(n("http://e/s"), RDF_TYPE, ox.Literal("not a class"), n(ID + "article/b")),
    ox.Quad(n(ID + "//odd"), n("http://e/p"), ox.Literal("x"), n(ID + "article/b")),
    ox.Quad(n(ID + "actor/x"), n(CKG + "count"), ox.Literal("2"), n(ID + "article/a")),  # again
    ox.Quad(n("urn:uuid:1"), n("http://e/p"), n(CKG), ox.DefaultGraph()),
]


def written(quads) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    write_jsonld(quads, out, PREFIXES)
    return out.getvalue()


def test_pyoxigraph_reads_back_the_same_quads():
    parsed = list(ox.parse(written(QUADS), ox.RdfFormat.JSON_LD))
    assert len(parsed) == len(set(QUADS))
    plain = {str(q) for q in parsed if not isinstance(q.subject, ox.BlankNode)}
    assert plain == {str(q) for q in QUADS if not isinstance(q.subject, ox.BlankNode)}
    blank = [q for q in parsed if isinstance(q.subject, ox.BlankNode)]
    assert len(blank) == 1 and isinstance(blank[0].object, ox.BlankNode)


def test_rdflib_reads_back_the_same_quads():
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=written(QUADS), format="json-ld")
    assert len(list(dataset.quads())) == len(set(QUADS))


def test_the_output_is_compact_and_has_the_context():
    document = json.loads(written(QUADS))
    assert document["@context"] == PREFIXES
    text = json.dumps(document)
    assert '"id:actor/x"' in text and '"ckg:Actor"' in text and '"ckg:count"' in text
    assert '"xsd:integer"' in text
    assert ID + "//odd" in text  # "id://odd" would not read back as this IRI


def test_an_empty_stream_is_an_empty_document():
    assert json.loads(written([])) == {"@context": PREFIXES, "@graph": []}
