"""Deterministic instance URIs: the same entity gets the same URI on every run.

All instance URIs live under :data:`BASE`. The web app serves ``/id/<path>``
for ``BASE + <path>``, which makes every URI dereferenceable there.
The named graph of an article is the article's own URI.

Examples
--------
>>> actor_uri("isis")
rdflib.term.URIRef('https://w3id.org/conflict-kg/id/actor/isis')
>>> slugify("Lebanese Armed Forces (LAF)")
'lebanese-armed-forces-laf'
>>> key_of(actor_uri("lebanon-military"))
('actor', 'lebanon-military')

Article keys are kept exactly as given (an article's ``id`` may be
``YEM71337`` or ``Report 1``): what is not URI-safe is percent-encoded, never
lower-cased or slugged away, so two ids that differ give two URIs.

>>> article_uri("YEM71337"), article_uri("Report 1") != article_uri("report-1")
(rdflib.term.URIRef('https://w3id.org/conflict-kg/id/article/YEM71337'), True)
>>> uri_from_path("article/" + quote_key("a/b.c")) == str(article_uri("a/b.c"))
True
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from rdflib import URIRef

from kg.errors import InputError

BASE = "https://w3id.org/conflict-kg/id/"
_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEY_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~")
MAX_KEY_CHARS = 200
"""Longest article key (an ``id`` given in metadata) accepted."""
ENTITY_KINDS = ("actor", "place", "article", "event", "claim", "type", "analysis")


def slugify(text: str) -> str:
    """Lower-case ASCII slug of ``text``: letters, digits and single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or hashlib.sha256(text.encode()).hexdigest()[:12]


def _checked(key: str) -> str:
    if not _SLUG_OK.match(key):
        raise InputError(f"not a valid key: {key!r}")
    return key


def check_article_key(key: str, where: str | None = None) -> str:
    """Return ``key`` unchanged if it can name an article, else raise :class:`InputError`.

    Any text of 1 to :data:`MAX_KEY_CHARS` characters without control characters
    (or leading/trailing spaces, which nobody could type back) is a key.

    >>> check_article_key("YEM71337")
    'YEM71337'
    >>> check_article_key(" x", where="a.meta.json")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.meta.json: id ' x' starts or ends with a space
    """
    if not key or len(key) > MAX_KEY_CHARS:
        raise InputError(f"id must have 1 to {MAX_KEY_CHARS} characters, not {len(key)}",
                         where=where)
    if key != key.strip():
        raise InputError(f"id {key!r} starts or ends with a space", where=where)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in key):
        raise InputError(f"id {key!r} holds a control character", where=where)
    return key


@functools.lru_cache(maxsize=4096)  # an article's key is quoted for each of its URIs
def quote_key(key: str) -> str:
    """Percent-encode an article key for a URI path segment (UTF-8; ``. / %`` encoded too).

    Slugs (lower-case letters, digits, hyphens) are unchanged, so the URIs of
    stores written before keys kept their case stay the same.

    >>> quote_key("Report 1"), quote_key("story"), quote_key("v1.2/x")
    ('Report%201', 'story', 'v1%2E2%2Fx')
    """
    return _quote(check_article_key(key))


def _quote(text: str) -> str:
    return "".join(chr(byte) if byte in _KEY_SAFE else f"%{byte:02X}"
                   for byte in text.encode("utf-8", "surrogatepass"))


def uri_from_path(path: str) -> str:
    """The instance URI of a request path below ``/id/``, as the client percent-encoded it.

    Each ``/``-separated segment is decoded and encoded again the way
    :func:`quote_key` does, so ``Report 1``, ``Report%201`` and ``Report%20%31``
    all name the article ``Report 1``, and an encoded ``%2F`` stays inside its key.

    >>> uri_from_path("article/Report%201/sentence/0") == str(sentence_uri("Report 1", 0))
    True
    """
    from urllib.parse import unquote

    return BASE + "/".join(_quote(unquote(segment)) for segment in path.split("/"))


def actor_uri(key: str) -> URIRef:
    """URI of the canonical actor ``key``."""
    return URIRef(f"{BASE}actor/{_checked(key)}")


def place_uri(key: str) -> URIRef:
    """URI of the place ``key``."""
    return URIRef(f"{BASE}place/{_checked(key)}")


@functools.lru_cache(maxsize=4096)  # also the base of its sentences', mentions', times' URIs
def article_uri(key: str) -> URIRef:
    """URI of an article; also the name of the article's named graph."""
    return URIRef(f"{BASE}article/{quote_key(key)}")


def sentence_uri(article_key: str, index: int) -> URIRef:
    """URI of sentence ``index`` of an article."""
    return URIRef(f"{article_uri(article_key)}/sentence/{index}")


def mention_uri(article_key: str, start: int, end: int) -> URIRef:
    """URI of the mention at ``[start, end)`` in an article."""
    return URIRef(f"{article_uri(article_key)}/mention/{start}-{end}")


def time_uri(article_key: str, start: int, end: int) -> URIRef:
    """URI of the time expression at ``[start, end)`` in an article."""
    return URIRef(f"{article_uri(article_key)}/time/{start}-{end}")


def quantity_uri(article_key: str, start: int, end: int) -> URIRef:
    """URI of the quantity at ``[start, end)`` in an article."""
    return URIRef(f"{article_uri(article_key)}/quantity/{start}-{end}")


def event_uri(article_key: str, index: int) -> URIRef:
    """URI of event ``index`` extracted from an article."""
    return URIRef(f"{BASE}event/{quote_key(article_key)}-{index}")


def claim_uri(article_key: str, index: int) -> URIRef:
    """URI of claim ``index`` extracted from an article."""
    return URIRef(f"{BASE}claim/{quote_key(article_key)}-{index}")


def key_of(uri: str) -> tuple[str, str]:
    """Split an instance URI into ``(kind, rest)``; raise if it is not ours."""
    if not uri.startswith(BASE):
        raise InputError(f"not a Conflict KG URI: {uri}")
    kind, _, rest = uri[len(BASE):].partition("/")
    if kind not in ENTITY_KINDS or not rest:
        raise InputError(f"not a Conflict KG URI: {uri}")
    return kind, rest


def occurrence_uri(event_type: str, agents: Iterable[str], targets: Iterable[str], date: str,
                   place: str | None) -> URIRef:
    """URI of a real-world event, the same for every article that reports it.

    Computed from the event type, the sorted agent and target keys, the date
    (at day granularity or coarser) and the place key, so two reports that
    agree on all five get the same URI (see :mod:`kg.merge`).

    >>> a = occurrence_uri("Shelling", ["hezbollah"], ["isis"], "2017-08-27", "arsal")
    >>> a == occurrence_uri("Shelling", ("hezbollah",), ("isis",), "2017-08-27", "arsal")
    True
    >>> str(a).startswith(BASE + "event/occurrence/")
    True
    """
    key = "|".join((event_type, ",".join(sorted(set(agents))), ",".join(sorted(set(targets))),
                    date, place or ""))
    return URIRef(f"{BASE}event/occurrence/{hashlib.sha256(key.encode()).hexdigest()[:24]}")


def analysis_graph() -> URIRef:
    """Name of the named graph holding the written-back network analyses (:mod:`kg.analysis.writeback`).

    >>> key_of(analysis_graph())
    ('analysis', 'network')
    """
    return URIRef(f"{BASE}analysis/network")


def entities_graph() -> URIRef:
    """Name of the named graph holding the one description of every actor and place.

    >>> str(entities_graph())
    'https://w3id.org/conflict-kg/id/graph/entities'
    """
    return URIRef(f"{BASE}graph/entities")


def aggregates_graph() -> URIRef:
    """Name of the named graph holding the tallies kept current at ingest (:mod:`kg.aggregates`).

    >>> str(aggregates_graph())
    'https://w3id.org/conflict-kg/id/graph/aggregates'
    """
    return URIRef(f"{BASE}graph/aggregates")


def shared_graphs() -> tuple[URIRef, URIRef]:
    """The named graphs that are no article's: the entities and the aggregates.

    >>> [str(g).rsplit("/", 1)[1] for g in shared_graphs()]
    ['entities', 'aggregates']
    """
    return entities_graph(), aggregates_graph()


def tally_uri(kind: str, *parts: str) -> URIRef:
    """URI of the tally of ``kind`` keyed by ``parts`` (a hash: the same key, the same URI).

    >>> tally_uri("actor", "a") == tally_uri("actor", "a") != tally_uri("place", "a")
    True
    """
    return URIRef(tally_iri(kind, *parts))


def tally_iri(kind: str, *parts: str) -> str:
    """:func:`tally_uri` as a string (no rdflib term built: 50,000 dyads a read at scale).

    >>> tally_iri("actor", "a") == str(tally_uri("actor", "a"))
    True
    """
    key = "\x1f".join((kind, *parts))
    return f"{BASE}tally/{kind}/{hashlib.sha256(key.encode()).hexdigest()[:20]}"


def bloc_uri(index: int) -> URIRef:
    """URI of bloc ``index`` of the written-back analyses."""
    return URIRef(f"{analysis_graph()}/bloc/{index}")


def dyad_uri(a: str, b: str) -> URIRef:
    """URI of the hostile dyad of actors ``a`` and ``b`` (either order) in the written-back analyses.

    >>> dyad_uri("x", "y") == dyad_uri("y", "x")
    True
    """
    key = "|".join(sorted((a, b)))
    return URIRef(f"{analysis_graph()}/dyad/{hashlib.sha256(key.encode()).hexdigest()[:16]}")
