"""Configuration of a ``sparql:URL`` store: endpoints, credentials, timeouts, dialect.

The store URI names the query endpoint; a few query parameters (removed from
the endpoint URL) or environment variables set the rest. A parameter beats an
environment variable; relative URLs are resolved against the query URL.

=================  ======================  ===============================================
parameter          environment             meaning
=================  ======================  ===============================================
``update``         ``KG_SPARQL_UPDATE``    SPARQL 1.1 Update endpoint
``gsp``            ``KG_SPARQL_GSP``       Graph Store HTTP Protocol endpoint
(URL user:pass@)   ``KG_SPARQL_USER`` /    HTTP credentials (Basic, or Digest on challenge)
                   ``KG_SPARQL_PASSWORD``
``timeout``        ``KG_SPARQL_TIMEOUT``   seconds of silence before a request fails (30)
``retries``        ``KG_SPARQL_RETRIES``   extra attempts for failures that may pass (2)
``dialect``        ``KG_SPARQL_DIALECT``   auto (from the Server header), standard,
                                           oxigraph or virtuoso
``hide``           ``KG_SPARQL_HIDE``      comma-separated graphs to leave out of the
                                           default graph and graph lists
=================  ======================  ===============================================

Examples
--------
>>> config = parse_config("http://127.0.0.1:7878/query?timeout=5", {}).resolved("oxigraph")
>>> config.query_url, config.update_url, config.gsp_url, config.http.timeout
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store', 5.0)
>>> parse_config("http://bob:s3cret@host/sparql?gsp=/sparql-graph-crud", {}).gsp_url
'http://host/sparql-graph-crud'
>>> parse_config("ftp://host/x", {})
Traceback (most recent call last):
...
kg.errors.ConfigError: sparql: store needs an http(s) URL, not 'ftp://host/x'
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kg.errors import ConfigError
from kg.store.http import HttpSettings

DIALECTS = ("auto", "standard", "oxigraph", "virtuoso")
VIRTUOSO_SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
)
"""Graphs a fresh Virtuoso 7 holds for itself; hidden from the store's default graph."""
_PARAMS = ("update", "gsp", "timeout", "retries", "dialect", "hide")


@dataclass(frozen=True)
class RemoteConfig:
    """Where and how to talk to a SPARQL server."""

    query_url: str
    update_url: str | None  # None: derive from the dialect
    gsp_url: str | None  # None: derive from the dialect (or do without)
    dialect: str
    hidden_graphs: tuple[str, ...] | None  # None: the dialect's default
    http: HttpSettings

    def resolved(self, dialect: str) -> RemoteConfig:
        """This configuration with the dialect's defaults filled in."""
        base = urllib.parse.urlsplit(self.query_url)
        sibling = base.path.endswith("/query")
        update = self.update_url or (urllib.parse.urljoin(self.query_url, "update")
                                     if sibling else self.query_url)
        gsp = self.gsp_url
        if gsp is None and dialect == "oxigraph" and sibling:
            gsp = urllib.parse.urljoin(self.query_url, "store")
        if gsp is None and dialect == "virtuoso":
            path = "/sparql-graph-crud-auth" if self.http.user else "/sparql-graph-crud"
            gsp = urllib.parse.urlunsplit((base.scheme, base.netloc, path, "", ""))
        hidden = self.hidden_graphs
        if hidden is None:
            hidden = VIRTUOSO_SYSTEM_GRAPHS if dialect == "virtuoso" else ()
        return replace(self, update_url=update, gsp_url=gsp, dialect=dialect,
                       hidden_graphs=hidden)


def _number(value: str, name: str, kind: type) -> float | int:
    try:
        number = kind(value)
    except ValueError:
        raise ConfigError(f"sparql: store option {name}={value!r} is not a number") from None
    if number < 0 or (kind is float and number == 0):
        raise ConfigError(f"sparql: store option {name}={value!r} is out of range")
    return number


def parse_config(rest: str, env: Mapping[str, str]) -> RemoteConfig:
    """Read a ``sparql:`` URI (without the scheme) and the environment."""
    parts = urllib.parse.urlsplit(rest)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"sparql: store needs an http(s) URL, not {rest!r}")
    ours: dict[str, str] = {}
    kept = []
    for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
        if name in _PARAMS:
            ours[name] = value
        else:
            kept.append((name, value))
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    if ":" in parts.hostname:  # an IPv6 literal
        netloc = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
    query_url = urllib.parse.urlunsplit(
        (parts.scheme, netloc, parts.path or "/", urllib.parse.urlencode(kept), ""))

    def option(name: str, variable: str) -> str | None:
        return ours.get(name) or env.get(variable) or None

    def url(name: str, variable: str) -> str | None:
        value = option(name, variable)
        return urllib.parse.urljoin(query_url, value) if value else None

    dialect = (option("dialect", "KG_SPARQL_DIALECT") or "auto").lower()
    if dialect not in DIALECTS:
        raise ConfigError(f"sparql: unknown dialect {dialect!r} (known: {', '.join(DIALECTS)})")
    hide = option("hide", "KG_SPARQL_HIDE")
    user = urllib.parse.unquote(parts.username) if parts.username else env.get("KG_SPARQL_USER")
    password = (urllib.parse.unquote(parts.password) if parts.password
                else env.get("KG_SPARQL_PASSWORD"))
    http = HttpSettings(
        timeout=float(_number(option("timeout", "KG_SPARQL_TIMEOUT") or "30", "timeout", float)),
        retries=int(_number(option("retries", "KG_SPARQL_RETRIES") or "2", "retries", int)),
        user=user or None, password=password)
    return RemoteConfig(query_url, url("update", "KG_SPARQL_UPDATE"), url("gsp", "KG_SPARQL_GSP"),
                        dialect, tuple(g for g in hide.split(",") if g) if hide else None, http)
