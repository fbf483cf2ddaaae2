"""Exporting the graph to a file without ever leaving a half-written one behind.

The export streams from the store into a temporary file beside the target and
renames it into place when complete, so an interrupted export never looks
like a finished one.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import BinaryIO

from rdflib import URIRef

from kg.errors import StoreError
from kg.formats import rdf_format
from kg.store import Store


def export_rdf(store: Store, out: BinaryIO, format_name: str, graph: URIRef | None = None) -> None:
    """Stream the store (or one article's graph) to ``out``."""
    store.dump(out, rdf_format(format_name).name, graph)


def export_to_file(store: Store, path: Path, format_name: str, graph: URIRef | None = None
                   ) -> None:
    """Write an export to ``path`` atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.part")
    # Created like any file (mode 0666 less the umask; mkstemp would make it 0600), exclusively.
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as out:
            export_rdf(store, out, format_name, graph)
        os.replace(temporary, path)
    except OSError as error:  # a full disk or a vanished folder: one line, no half-written file
        raise StoreError(f"cannot write the export: {error.strerror or error}",
                         where=str(path)) from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
