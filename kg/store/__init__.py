"""Stores, chosen by URI: ``oxigraph:PATH`` (default), ``memory:``, ``sparql:URL``.

Backends are looked up by scheme in :data:`BACKENDS` and imported only when
used, so the remote client is not loaded for an embedded store.

Examples
--------
>>> store = open_store("memory:")
>>> store.uri, len(store)
('memory:', 0)
>>> open_store("mongo:x")
Traceback (most recent call last):
...
kg.errors.ConfigError: unknown store scheme 'mongo' in 'mongo:x' (known: oxigraph, memory, sparql)
"""

from __future__ import annotations

import importlib
import os

from kg.errors import ConfigError
from kg.store.base import SelectResult, Store

DEFAULT_STORE_URI = "oxigraph:./data/kg"
STORE_ENV = "KG_STORE"

BACKENDS: dict[str, str] = {
    "oxigraph": "kg.store.oxigraph:open_oxigraph",
    "memory": "kg.store.oxigraph:open_memory",
    "sparql": "kg.store.remote:open_sparql",
}
"""Scheme -> ``module:factory``; each factory takes the part after the colon."""


def store_uri(explicit: str | None = None) -> str:
    """Return the store URI: ``explicit``, else ``$KG_STORE``, else the default."""
    return explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE_URI


def open_store(uri: str | None = None) -> Store:
    """Open the store named by ``uri`` (see :func:`store_uri`)."""
    uri = store_uri(uri)
    scheme, sep, rest = uri.partition(":")
    if not sep or scheme not in BACKENDS:
        known = ", ".join(BACKENDS)
        raise ConfigError(f"unknown store scheme {scheme!r} in {uri!r} (known: {known})")
    module_name, _, factory = BACKENDS[scheme].partition(":")
    return getattr(importlib.import_module(module_name), factory)(rest)


__all__ = ["BACKENDS", "DEFAULT_STORE_URI", "SelectResult", "Store", "open_store", "store_uri"]
