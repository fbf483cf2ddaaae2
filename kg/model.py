"""Plain, frozen dataclasses for what extraction produces.

Nothing here knows about RDF: :mod:`kg.rdf` maps these objects to triples.
Actors and places are referred to by *key* (a slug such as ``"isis"`` or the
composite ``"lebanon-military"``); :mod:`kg.ids` turns keys into URIs.
Offsets are character offsets into :attr:`Article.text`, end exclusive.

Examples
--------
>>> span = Span(0, 4, "ISIS")
>>> Mention(span=span, sentence=0, kind="actor", key="isis").key
'isis'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Granularity = Literal["year", "month", "day", "time"]
Modality = Literal["asserted", "negated", "planned", "hypothetical", "reported"]
ActorKind = Literal[
    "state", "government", "military", "police", "armed_group", "party",
    "person", "media", "igo", "ngo", "civilians", "other",
]
PlaceKind = Literal["country", "capital", "city", "town", "region", "base", "other"]
Role = Literal["agent", "target", "mediator"]
KeySource = Literal["id", "url", "name"]
DateFrom = Literal["clause", "sentence", "context"]
PlaceFrom = Literal["clause", "sentence", "article"]
AgentsAct = Literal["jointly", "mutually", "allied"]


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article, as loaded by :mod:`kg.documents`.

    ``key`` names the article (explicit id as given, URL slug or file stem).
    ``sha256`` is the hash of ``text`` and makes ingest idempotent.
    ``date_inferred`` is true when ``published`` was inferred from the text.
    ``key_from`` says where the key came from: an explicit ``id`` (the
    default), the ``url``, or a file or line ``name``. Only the same id, or the
    same URL, replaces a stored article; a derived key that is taken gets a
    content-hash suffix instead (:mod:`kg.ingest`).
    """

    key: str
    text: str
    sha256: str
    title: str | None = None
    published: dt.date | None = None
    date_inferred: bool = False
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file path or upload name, for error messages
    key_from: KeySource = "id"  # "url" or "name" (file stem, line): see kg.ingest on collisions


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A canonical actor, from the gazetteer or composed (country + sector)."""

    key: str
    label: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-3, e.g. "LBN"
    qid: str | None = None  # Wikidata, e.g. "Q2429253"
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # composite actors: the state's key; branches: the organisation's
    sector: str | None = None  # composite actors: "military", "government", ...
    description: str | None = None


@dataclass(frozen=True)
class Place:
    """A place from the gazetteer, with its admin chain (country, admin1, admin2)."""

    key: str
    label: str
    kind: PlaceKind
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    admin1: str | None = None  # first-level subdivision: province, governorate, state
    admin2: str | None = None  # second-level subdivision: district
    other_names: tuple[str, ...] = ()  # what the world gazetteer also calls it: "Abu Kamal"

    @property
    def alternate_labels(self) -> tuple[str, ...]:
        """Its aliases, then its other names, each once: the ``skos:altLabel`` of its description."""
        return tuple(dict.fromkeys((*self.aliases, *self.other_names)))


@dataclass(frozen=True)
class Mention:
    """A span of text that refers to an actor or a place."""

    span: Span
    sentence: int
    kind: Literal["actor", "place"]
    key: str


@dataclass(frozen=True)
class TimeExpr:
    """A normalised time expression.

    ``value`` is an ISO 8601 prefix matching ``granularity``: ``"2013"``,
    ``"2017-08"``, ``"2017-08-27"`` or ``"2017-08-27T07:00"``.
    ``relative`` is true when the value was resolved against the article date.
    """

    span: Span
    sentence: int
    value: str
    granularity: Granularity
    relative: bool = False


@dataclass(frozen=True)
class Quantity:
    """A counted thing attached to an event: "nine soldiers"."""

    span: Span
    value: int
    unit: str


@dataclass(frozen=True)
class Event:
    """A typed event with its roles, anchored in one sentence.

    ``event_type`` is a key of the SKOS scheme in ``ontology/event-types.ttl``
    (see :data:`kg.vocab.ET`), e.g. ``"Ceasefire"``. ``cameo`` is the code a
    loaded verb dictionary gave the event (:mod:`kg.extract.verbcoder`), if any.
    ``date_from`` says where ``time`` was found (its clause, a date of its
    sentence, the narrative before it); ``None`` means the event has no date of
    its own and the graph dates it by the publication date, marked as such.
    ``place_from`` says where ``place`` was found: clause, sentence or article.
    ``agents_act`` says how the text relates the actors (:mod:`kg.extract.jointness`):
    ``jointly`` (the agents act together), ``mutually`` (the agents act on each other),
    ``allied`` (the event is an alliance); ``None``: agents of one event only co-act.
    ``aim`` is the key of the place the act was aimed at, its trigger's object ("shelled Juba,
    killing 20 people": Juba; the people killed are its targets).
    """

    index: int  # position in the article, for a stable URI
    event_type: str
    trigger: Span
    sentence: int
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    place: str | None = None
    time: TimeExpr | None = None
    quantities: tuple[Quantity, ...] = ()
    modality: Modality = "asserted"
    cameo: str | None = None
    date_from: DateFrom | None = None
    place_from: PlaceFrom | None = None
    agents_act: AgentsAct | None = None
    aim: str | None = None


@dataclass(frozen=True)
class Claim:
    """Who said what: a statement attributed to a speaker.

    ``asserts`` is the index of the :class:`Event` the claim reports, if any;
    ``contradicts`` holds indexes of claims that deny what this one asserts.
    """

    index: int
    speaker: str | None  # actor key; None when unresolved ("a source said")
    speaker_text: str
    verb: str  # lemma of the reporting verb or channel: said, tweeted, denied
    quote: Span
    sentence: int
    via: str | None = None  # actor key of the broadcaster: "al-manar"
    time: TimeExpr | None = None
    negated: bool = False
    asserts: int | None = None
    contradicts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. "publication date inferred"

    def actor(self, key: str) -> Actor | None:
        """Return the actor with ``key`` among :attr:`actors`, or ``None``."""
        return next((a for a in self.actors if a.key == key), None)
