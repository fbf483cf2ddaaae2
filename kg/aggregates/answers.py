"""Answers of the analyses kept in the store, by tally version: a fresh process reads one value.

``kg analyze`` (an on-disk store, no filters) stores the answer it computed in the
aggregates graph (gzip-compressed JSON in base64, ``ckg:answerGzip``) with the store's
*tally version*, a number on the aggregates graph that every counted write
(:mod:`kg.aggregates.write`, :mod:`kg.aggregates.raw`) raises by one once it exists. An
answer is used only while its version is the store's; a recount (``kg upgrade``) drops them
with the tallies and keeps the tallies the analyses read (:mod:`kg.aggregates.snapshot`),
starting a version. A store nobody ran ``kg analyze`` or ``kg upgrade`` on has no version and
no answers; once the tallies are kept whole, an ingest or a removal keeps them current
(:func:`kg.aggregates.snapshot.kept_current`). Answers kept by an older kg as plain JSON
(``ckg:answerJson``) are not read: the next run computes and keeps them anew.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> stored_answer(store, "fights") is None
True
>>> keep_answer(store, "fights", {"analysis": "fights", "rows": []})
>>> stored_answer(store, "fights")
{'analysis': 'fights', 'rows': []}
>>> store.update(version_bump())
>>> stored_answer(store, "fights") is None
True
"""

from __future__ import annotations

import base64
import gzip
from typing import Any

import orjson

from kg import ids
from kg.store.base import Store
from kg.vocab import CKG, XSD, sparql_prologue

ANSWER = sparql_prologue() + """SELECT ?json ?v WHERE { GRAPH ?a {
  ?a ckg:tallyVersion ?v . ?x ckg:tallyVersion ?v ; ckg:answerGzip ?json } }"""


def _node(name: str) -> str:
    return str(ids.tally_uri("answer", name))


def stored_answer(store: Store, name: str) -> dict[str, Any] | None:
    """The kept answer of analysis ``name`` if it is of the store's current tally version."""
    found = versioned_answer(store, name)
    return None if found is None else found[0]


def versioned_answer(store: Store, name: str) -> tuple[dict[str, Any], int] | None:
    """:func:`stored_answer` and the tally version it is of, read together (one query)."""
    from rdflib import URIRef

    rows = store.select_text(ANSWER, {"a": ids.aggregates_graph(), "x": URIRef(_node(name))})
    if not rows or rows[0][0] is None:
        return None
    answer = orjson.loads(gzip.decompress(base64.b64decode(str(rows[0][0]))))
    return answer, int(str(rows[0][1]))


def kept_answer_triple(subject: str, predicate: str) -> bool:
    """Whether a triple of the aggregates graph belongs to a kept answer or is the tally version
    (bookkeeping: not one of the counts).

    >>> kept_answer_triple(_node("fights"), "x"), kept_answer_triple("x", str(CKG.tallyVersion))
    (True, True)
    >>> kept_answer_triple(str(ids.tally_uri("actor", "a")), str(CKG.tallyCount))
    False
    """
    return subject.startswith(_node("").rsplit("/", 1)[0] + "/") or \
        predicate == str(CKG.tallyVersion)


def version_bump() -> str:
    """The update operation that raises the tally version by one (when the store has one)."""
    from kg.ntriples import iri

    graph, version = iri(ids.aggregates_graph()), iri(CKG.tallyVersion)
    return (f"DELETE {{ GRAPH {graph} {{ {graph} {version} ?v }} }} "
            f"INSERT {{ GRAPH {graph} {{ {graph} {version} ?next }} }} "
            f"WHERE {{ GRAPH {graph} {{ {graph} {version} ?v }} BIND(?v + 1 AS ?next) }}")


def keep_answer(store: Store, name: str, answer: dict[str, Any], version: int | None = None
                ) -> None:
    """Store ``answer`` of analysis ``name`` with the current tally version (starting one);
    with ``version``, only if that is the current one (else any kept copy is dropped)."""
    from kg.ntriples import iri, typed

    graph, node = iri(ids.aggregates_graph()), iri(_node(name))
    condition = "" if version is None else f"FILTER(?v = {int(version)})"
    version_of, body = iri(CKG.tallyVersion), iri(CKG.answerGzip)
    # orjson: about ten times json's speed; compressed, the 1.5 MB of a fights answer at 3,000
    # articles is written in 0.09 s, where the SPARQL update of the plain text took 0.49 s.
    # Level 1: the 30 MB of the fights answer at 100k in 0.16 s (3.6 MB), level 6 took 0.40 s
    # (2.5 MB); reading it back takes 0.13 s and 0.09 s
    packed = gzip.compress(orjson.dumps(answer, option=orjson.OPT_NON_STR_KEYS), 1, mtime=0)
    text = typed(base64.b64encode(packed).decode("ascii"), iri(XSD.base64Binary))
    store.update(
        f"DELETE WHERE {{ GRAPH {graph} {{ {node} ?p ?o }} }} ;\n"
        f"INSERT {{ GRAPH {graph} {{ {graph} {version_of} 1 }} }} WHERE {{ "
        f"FILTER NOT EXISTS {{ GRAPH {graph} {{ {graph} {version_of} ?v }} }} }} ;\n"
        f"INSERT {{ GRAPH {graph} {{ {node} {version_of} ?v ; {body} {text} }} }} "
        f"WHERE {{ GRAPH {graph} {{ {graph} {version_of} ?v }} {condition} }}")


__all__ = ["keep_answer", "kept_answer_triple", "stored_answer", "version_bump",
           "versioned_answer"]
