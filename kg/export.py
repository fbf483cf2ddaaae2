"""RDF exports of the whole graph, one article or one actor's neighbourhood, streamed.

Every export goes from the store's own serialiser to the output (pyoxigraph's
``dump`` or a CONSTRUCT answer serialised as it is produced; a remote store
streams its server's answer through the same serialisers): no second copy of
the graph is built in memory. Files are written beside the target and renamed
into place when complete, so an interrupted export never looks like a
finished one.

Examples
--------
>>> import io
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> export_rdf(store, io.BytesIO(), "nq")
>>> export_actor(store, io.BytesIO(), "turtle", "nobody")
Traceback (most recent call last):
...
kg.errors.NotFound: no actor 'nobody' in the store
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rdflib import URIRef

from kg import ids
from kg.errors import NotFound, StoreError
from kg.formats import rdf_format
from kg.store import Store
from kg.vocab import sparql_prologue

ACTOR_NEIGHBOURHOOD = sparql_prologue() + """
CONSTRUCT {
  ?actor ?ap ?ao .
  ?event ?ep ?eo .
  ?claim ?cp ?co .
  ?other a ?otype ; rdfs:label ?olabel .
  ?sentence a ckg:Sentence ; ckg:text ?text ; ckg:article ?article .
  ?occurrence a ckg:Occurrence ; rdfs:label ?olabel2 .
} WHERE {
  { ?actor ?ap ?ao }
  UNION { ?event ckg:agent|ckg:target|ckg:mediator ?actor . ?event ?ep ?eo }
  UNION { ?claim ckg:speaker|ckg:reportedVia ?actor . ?claim ?cp ?co }
  UNION { ?event ckg:agent|ckg:target|ckg:mediator ?actor . ?claim ckg:asserts ?event ;
          ?cp ?co }
  UNION { ?item ckg:agent|ckg:target|ckg:mediator|ckg:speaker|ckg:reportedVia ?actor ;
                ckg:agent|ckg:target|ckg:mediator|ckg:speaker|ckg:reportedVia|ckg:place ?other .
          ?other a ?otype ; rdfs:label ?olabel }
  UNION { ?item ckg:agent|ckg:target|ckg:mediator|ckg:speaker|ckg:reportedVia ?actor ;
                ckg:sentence ?sentence .
          ?sentence ckg:text ?text ; ckg:article ?article }
  UNION { ?event ckg:agent|ckg:target|ckg:mediator ?actor ; ckg:occurrence ?occurrence .
          ?occurrence rdfs:label ?olabel2 }
}"""
"""An actor, the events and claims it takes part in (with the claims about those
events), the labels and types of the other actors and places involved, the
evidence sentences, and the occurrences the events report."""

ACTOR_EXISTS = sparql_prologue() + "ASK { ?actor a ckg:Actor }"
GRAPH_EXISTS = "ASK { GRAPH ?g { ?s ?p ?o } }"

Writer = Callable[[BinaryIO], None]


def export_rdf(store: Store, out: BinaryIO, format_name: str, graph: URIRef | None = None) -> None:
    """Stream the store (or one named graph) to ``out``."""
    store.dump(out, rdf_format(format_name).name, graph)


def export_graph(store: Store, out: BinaryIO, format_name: str, graph: URIRef) -> None:
    """Stream one named graph; :class:`NotFound` when the store does not hold it."""
    if not store.ask(GRAPH_EXISTS, {"g": graph}):
        raise NotFound(f"no graph <{graph}> in the store")
    export_rdf(store, out, format_name, graph)


def export_article(store: Store, out: BinaryIO, format_name: str, article_key: str) -> None:
    """Stream one article's named graph (everything extracted from it)."""
    graph = ids.article_uri(article_key)
    if not store.ask(GRAPH_EXISTS, {"g": graph}):
        raise NotFound(f"no article {article_key!r} in the store")
    export_rdf(store, out, format_name, graph)


def export_actor(store: Store, out: BinaryIO, format_name: str, actor_key: str) -> None:
    """Stream one actor's neighbourhood (:data:`ACTOR_NEIGHBOURHOOD`) as triples.

    Dataset formats (TriG, N-Quads, JSON-LD) put the triples in the default graph.
    """
    actor = ids.actor_uri(actor_key)
    if not store.ask(ACTOR_EXISTS, {"actor": actor}):
        raise NotFound(f"no actor {actor_key!r} in the store")
    store.construct_to(out, ACTOR_NEIGHBOURHOOD, rdf_format(format_name).name, {"actor": actor})


def write_atomically(path: Path, write: Writer) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.part")
    # Created like any file (mode 0666 less the umask; mkstemp would make it 0600), exclusively.
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except OSError as error:  # a full disk or a vanished folder: one line, no half-written file
        raise StoreError(f"cannot write the export: {error.strerror or error}",
                         where=str(path)) from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def export_to_file(store: Store, path: Path, format_name: str, graph: URIRef | None = None
                   ) -> None:
    """Write an export of the store (or one graph) to ``path`` atomically."""
    write_atomically(path, lambda out: export_rdf(store, out, format_name, graph))


__all__ = ["ACTOR_NEIGHBOURHOOD", "export_actor", "export_article", "export_graph",
           "export_rdf", "export_to_file", "write_atomically"]
