"""Map an :class:`~kg.model.Extraction` to RDF triples (one named graph per article).

An article graph holds what the article says; the actors and places it
mentions are described once, in the entities graph (:mod:`kg.descriptions`).

Examples
--------
>>> from kg.documents import article_from_text
>>> from kg.model import Extraction
>>> article = article_from_text("Nothing happened.", origin="quiet")
>>> graph = extraction_graph(Extraction(article=article))
>>> (ids.article_uri("quiet"), RDF.type, CKG.Article) in graph
True
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg import ids
from kg.merge import occurrence_triples
from kg.model import Actor, Article, Claim, Event, Extraction, Mention, Place, Sentence, TimeExpr
from kg.store.base import Triple
from kg.vocab import CKG, GEO, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, TIME, WD, XSD, event_type_uri

ACTOR_CLASSES = {
    "state": CKG.State, "government": CKG.Government, "military": CKG.Military,
    "police": CKG.Police, "armed_group": CKG.ArmedGroup, "party": CKG.PoliticalParty,
    "person": CKG.Person, "media": CKG.MediaOrganization,
    "igo": CKG.IntergovernmentalOrganization, "ngo": CKG.NonGovernmentalOrganization,
    "civilians": CKG.Civilians, "other": CKG.Actor,
}
PLACE_CLASSES = {
    "country": CKG.Country, "capital": CKG.Settlement, "city": CKG.Settlement,
    "town": CKG.Settlement, "region": CKG.Region, "base": CKG.MilitaryBase, "other": CKG.Place,
}
DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date, "time": XSD.dateTime}
GRANULARITY_UNITS = {"year": TIME.unitYear, "month": TIME.unitMonth, "day": TIME.unitDay,
                     "time": TIME.unitMinute}


def date_literal(value: str, granularity: str) -> Literal:
    """Typed literal for a normalised date value.

    >>> date_literal("2013", "year")
    rdflib.term.Literal('2013', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    """
    if granularity == "time" and len(value) == 16:
        value += ":00"
    return Literal(value, datatype=DATE_TYPES[granularity])


def article_triples(article: Article) -> Iterator[Triple]:
    """Describe the article itself (its provenance record)."""
    node = ids.article_uri(article.key)
    yield node, RDF.type, CKG.Article
    yield node, RDF.type, PROV.Entity
    yield node, CKG.articleKey, Literal(article.key)
    yield node, CKG.sha256, Literal(article.sha256)
    yield node, CKG.dateInferred, Literal(article.date_inferred)
    yield node, RDFS.label, Literal(article.title or article.key)
    if article.title:
        yield node, SDO.headline, Literal(article.title)
    if article.published:
        yield node, SDO.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)
    if article.source:
        yield node, CKG.sourceName, Literal(article.source)
    if article.url:
        yield node, SDO.url, Literal(article.url, datatype=XSD.anyURI)


def _anchor(node: URIRef, article_key: str, sentence: int, start: int, end: int
            ) -> Iterator[Triple]:
    yield node, CKG.article, ids.article_uri(article_key)
    yield node, CKG.sentence, ids.sentence_uri(article_key, sentence)
    yield node, CKG.startOffset, Literal(start)
    yield node, CKG.endOffset, Literal(end)


def sentence_triples(article_key: str, sentence: Sentence) -> Iterator[Triple]:
    """Describe one sentence with its text and offsets."""
    node = ids.sentence_uri(article_key, sentence.index)
    yield node, RDF.type, CKG.Sentence
    yield node, CKG.article, ids.article_uri(article_key)
    yield node, CKG.sentenceIndex, Literal(sentence.index)
    yield node, CKG.startOffset, Literal(sentence.start)
    yield node, CKG.endOffset, Literal(sentence.end)
    yield node, CKG.text, Literal(sentence.text)


def actor_triples(actor: Actor) -> Iterator[Triple]:
    """Describe a canonical actor: kind, labels, country, Wikidata, composition."""
    node = ids.actor_uri(actor.key)
    yield node, RDF.type, CKG.Actor
    yield node, RDF.type, ACTOR_CLASSES[actor.kind]
    yield node, RDFS.label, Literal(actor.label)
    yield node, SKOS.prefLabel, Literal(actor.label)
    yield node, CKG.actorKind, Literal(actor.kind)
    for alias in actor.aliases:
        yield node, SKOS.altLabel, Literal(alias)
    if actor.country:
        yield node, CKG.country, Literal(actor.country)
    if actor.qid:
        yield node, CKG.wikidata, WD[actor.qid]
    if actor.parent:
        yield node, CKG.parentActor, ids.actor_uri(actor.parent)
    if actor.sector:
        yield node, CKG.sector, Literal(actor.sector)
    if actor.description:
        yield node, RDFS.comment, Literal(actor.description)


def place_triples(place: Place) -> Iterator[Triple]:
    """Describe a place: kind, label, country, admin chain, coordinates."""
    node = ids.place_uri(place.key)
    yield node, RDF.type, CKG.Place
    yield node, RDF.type, PLACE_CLASSES[place.kind]
    yield node, RDFS.label, Literal(place.label)
    for alias in place.alternate_labels:
        yield node, SKOS.altLabel, Literal(alias)
    if place.country:
        yield node, CKG.country, Literal(place.country)
    for level, name in ((CKG.admin1, place.admin1), (CKG.admin2, place.admin2)):
        if name:
            yield node, level, Literal(name)
    if place.lat is not None and place.lon is not None:
        yield node, GEO.lat, Literal(Decimal(str(place.lat)), datatype=XSD.decimal)
        yield node, GEO.long, Literal(Decimal(str(place.lon)), datatype=XSD.decimal)
    if place.qid:
        yield node, CKG.wikidata, WD[place.qid]


def mention_triples(article_key: str, mention: Mention) -> Iterator[Triple]:
    """Link a text span to the actor or place it refers to."""
    span = mention.span
    node = ids.mention_uri(article_key, span.start, span.end)
    target = ids.actor_uri(mention.key) if mention.kind == "actor" else ids.place_uri(mention.key)
    yield node, RDF.type, CKG.Mention
    yield node, CKG.refersTo, target
    yield node, CKG.text, Literal(span.text)
    yield from _anchor(node, article_key, mention.sentence, span.start, span.end)


def time_triples(article_key: str, time: TimeExpr) -> Iterator[Triple]:
    """Describe a normalised time expression with its granularity."""
    node = ids.time_uri(article_key, time.span.start, time.span.end)
    yield node, RDF.type, CKG.TimeExpression
    yield node, CKG.date, date_literal(time.value, time.granularity)
    yield node, CKG.granularity, GRANULARITY_UNITS[time.granularity]
    yield node, CKG.relativeToPublication, Literal(time.relative)
    yield node, CKG.text, Literal(time.span.text)
    yield from _anchor(node, article_key, time.sentence, time.span.start, time.span.end)


def event_triples(article_key: str, event: Event, published: dt.date | None = None
                  ) -> Iterator[Triple]:
    """Describe an event: type, roles, place, time, quantities, modality, evidence.

    Where the place and date come from is recorded (``ckg:placeFrom``,
    ``ckg:dateFrom``); an event with no date of its own is dated by the
    article's ``published`` date with ``ckg:dateFrom "publication"``: an
    inference, never passed off as the text's.
    """
    node = ids.event_uri(article_key, event.index)
    yield node, RDF.type, CKG.Event
    yield node, CKG.eventType, event_type_uri(event.event_type)
    yield node, RDFS.label, Literal(f"{event.event_type}: {event.trigger.text}")
    yield node, CKG.trigger, Literal(event.trigger.text)
    yield node, CKG.modality, Literal(event.modality)
    if event.cameo:
        yield node, CKG.eventCode, Literal(event.cameo)
    if event.agents_act:
        yield node, CKG.agentsAct, Literal(event.agents_act)
    yield node, PROV.wasDerivedFrom, ids.article_uri(article_key)
    for prop, keys in ((CKG.agent, event.agents), (CKG.target, event.targets),
                       (CKG.mediator, event.mediators)):
        for key in keys:
            yield node, prop, ids.actor_uri(key)
    if event.place:
        yield node, CKG.place, ids.place_uri(event.place)
        if event.place_from:
            yield node, CKG.placeFrom, Literal(event.place_from)
    if event.time:
        yield node, CKG.time, ids.time_uri(article_key, event.time.span.start, event.time.span.end)
        yield node, CKG.date, date_literal(event.time.value, event.time.granularity)
        if event.date_from:
            yield node, CKG.dateFrom, Literal(event.date_from)
    elif published is not None:
        yield node, CKG.date, Literal(published.isoformat(), datatype=XSD.date)
        yield node, CKG.dateFrom, Literal("publication")
    for quantity in event.quantities:
        qnode = ids.quantity_uri(article_key, quantity.span.start, quantity.span.end)
        yield node, CKG.quantity, qnode
        yield qnode, RDF.type, CKG.Quantity
        yield qnode, CKG.count, Literal(quantity.value)
        yield qnode, CKG.unit, Literal(quantity.unit)
        yield qnode, CKG.text, Literal(quantity.span.text)
    yield from _anchor(node, article_key, event.sentence, event.trigger.start, event.trigger.end)


def claim_triples(article_key: str, claim: Claim) -> Iterator[Triple]:
    """Describe a claim: speaker, verb, channel, quote, what it asserts, contradictions."""
    node = ids.claim_uri(article_key, claim.index)
    yield node, RDF.type, CKG.Claim
    yield node, CKG.reportingVerb, Literal(claim.verb)
    yield node, CKG.speakerText, Literal(claim.speaker_text)
    yield node, CKG.quote, Literal(claim.quote.text)
    yield node, CKG.negated, Literal(claim.negated)
    yield node, PROV.wasDerivedFrom, ids.article_uri(article_key)
    if claim.speaker:
        yield node, CKG.speaker, ids.actor_uri(claim.speaker)
        yield node, PROV.wasAttributedTo, ids.actor_uri(claim.speaker)
    if claim.via:
        yield node, CKG.reportedVia, ids.actor_uri(claim.via)
    if claim.time:
        yield node, CKG.time, ids.time_uri(article_key, claim.time.span.start, claim.time.span.end)
        yield node, CKG.date, date_literal(claim.time.value, claim.time.granularity)
    if claim.asserts is not None:
        yield node, CKG.asserts, ids.event_uri(article_key, claim.asserts)
    for other in claim.contradicts:
        yield node, CKG.contradicts, ids.claim_uri(article_key, other)
    yield from _anchor(node, article_key, claim.sentence, claim.quote.start, claim.quote.end)


def extraction_triples(extraction: Extraction) -> Iterator[Triple]:
    """Yield every triple of an article's named graph."""
    key = extraction.article.key
    yield from article_triples(extraction.article)
    for sentence in extraction.sentences:
        yield from sentence_triples(key, sentence)
    for mention in extraction.mentions:
        yield from mention_triples(key, mention)
    for time in extraction.times:
        yield from time_triples(key, time)
    for event in extraction.events:
        yield from event_triples(key, event, extraction.article.published)
        yield from occurrence_triples(key, event)
    for claim in extraction.claims:
        yield from claim_triples(key, claim)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def description_triples(extraction: Extraction) -> Iterator[Triple]:
    """The descriptions of an article's actors and places, as the extractor proposes them
    (the store merges them into its entities graph: :mod:`kg.descriptions`)."""
    for actor in extraction.actors:
        yield from actor_triples(actor)
    for place in extraction.places:
        yield from place_triples(place)


def extraction_graph(extraction: Extraction, *, described: bool = True) -> Graph:
    """Return an article's triples as an rdflib graph with prefixes bound.

    ``described``: with the descriptions of its actors and places, so that the
    graph stands alone (as an export of the article with its entities does).
    """
    graph = bind_prefixes(Graph())
    for triple in extraction_triples(extraction):
        graph.add(triple)
    if described:
        for triple in description_triples(extraction):
            graph.add(triple)
    return graph
