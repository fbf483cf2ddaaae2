"""Exports of the whole graph, streamed: ``/export.ttl`` and the other RDF formats.

The store's ``dump`` writes into a pipe from a thread while the response reads
the other end, so the export starts at once and the server never holds a
second copy of the graph. If the client goes away, the pipe breaks and the
dump stops.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator

from flask import Blueprint, Response

from kg.errors import KGError
from kg.formats import rdf_format
from kg.store import Store
from web import get_store

bp = Blueprint("exports", __name__)
CHUNK = 64 * 1024
log = logging.getLogger(__name__)


def stream_dump(store: Store, format_name: str) -> Iterator[bytes]:
    """Yield the store's dump in ``format_name`` chunk by chunk."""
    read_fd, write_fd = os.pipe()

    def produce() -> None:
        with os.fdopen(write_fd, "wb") as out:
            try:
                store.dump(out, format_name)
            except (BrokenPipeError, ValueError):  # the reader went away
                pass
            except KGError as error:
                log.error("export failed: %s", error)

    thread = threading.Thread(target=produce, name="kg-export", daemon=True)
    thread.start()
    try:
        with os.fdopen(read_fd, "rb") as source:
            while chunk := source.read(CHUNK):
                yield chunk
    finally:
        thread.join(timeout=30)


@bp.get("/export.ttl")
def turtle() -> Response:
    return rdf_export("ttl")


@bp.get("/export.<any(trig, nt, nq, jsonld, rdf):extension>")
def rdf_export(extension: str) -> Response:
    fmt = rdf_format(extension)
    response = Response(stream_dump(get_store(), fmt.name), mimetype=fmt.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="conflict-kg.{fmt.extension}"'
    return response
