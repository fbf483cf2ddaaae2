"""RDF vocabulary: the namespaces the graph uses, mirroring ``ontology/``.

:class:`CKG` (the Conflict KG ontology) and :class:`ET` (the event-type SKOS
scheme) are :class:`rdflib.namespace.DefinedNamespace` subclasses with
``_fail = True``, so a misspelt term raises instead of minting a new URI.
``tests/test_vocab.py`` checks that every term here is declared in
``ontology/conflict.ttl`` / ``ontology/event-types.ttl`` and vice versa.

Examples
--------
>>> str(CKG.Actor)
'https://w3id.org/conflict-kg/ontology#Actor'
>>> CKG.Actr
Traceback (most recent call last):
...
AttributeError: term 'Actr' not in namespace 'https://w3id.org/conflict-kg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (  # noqa: F401  (re-exported for one import site)
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = "https://w3id.org/conflict-kg/ontology"
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")
SH = Namespace("http://www.w3.org/ns/shacl#")
RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
"""The DAWG result-set vocabulary: SELECT/ASK results written as RDF."""


class CKG(DefinedNamespace):
    """Classes and properties of ``ontology/conflict.ttl``."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Actors and their kinds
    Actor: URIRef
    State: URIRef
    Government: URIRef
    Military: URIRef
    Police: URIRef
    ArmedGroup: URIRef
    PoliticalParty: URIRef
    Person: URIRef
    MediaOrganization: URIRef
    IntergovernmentalOrganization: URIRef
    NonGovernmentalOrganization: URIRef
    Civilians: URIRef
    # Places
    Place: URIRef
    Country: URIRef
    Settlement: URIRef
    Region: URIRef
    MilitaryBase: URIRef
    # Events, claims, time
    Event: URIRef
    Claim: URIRef
    TimeExpression: URIRef
    Quantity: URIRef
    Occurrence: URIRef  # the real-world event behind event records of several articles (kg.merge)
    # Provenance
    Article: URIRef
    Sentence: URIRef
    Mention: URIRef

    # actor properties
    actorKind: URIRef  # literal kind key, mirrors the class
    country: URIRef  # actor/place -> ISO alpha-3 literal
    admin1: URIRef  # place -> literal name of its first-level subdivision
    admin2: URIRef  # place -> literal name of its second-level subdivision
    wikidata: URIRef  # -> Wikidata entity IRI
    parentActor: URIRef  # composite actor -> state actor; branch -> organisation
    sector: URIRef  # composite actor -> literal sector ("military")
    # event properties
    eventType: URIRef  # -> skos:Concept in ET
    agent: URIRef
    target: URIRef
    mediator: URIRef
    agentsAct: URIRef  # literal: jointly/mutually/allied
    place: URIRef
    time: URIRef  # -> TimeExpression
    date: URIRef  # normalised literal (xsd:gYear/gYearMonth/date/dateTime)
    quantity: URIRef  # -> Quantity
    count: URIRef  # Quantity -> xsd:integer
    unit: URIRef  # Quantity -> literal
    modality: URIRef  # literal: asserted/negated/planned/hypothetical/reported
    trigger: URIRef  # literal trigger text
    eventCode: URIRef  # literal: the code a verb dictionary gave the event (CAMEO)
    occurrence: URIRef  # Event -> Occurrence (kg.merge)
    # claim properties
    speaker: URIRef
    speakerText: URIRef
    reportingVerb: URIRef
    reportedVia: URIRef
    quote: URIRef
    asserts: URIRef  # Claim -> Event
    contradicts: URIRef  # Claim -> Claim (symmetric)
    negated: URIRef  # xsd:boolean
    # time expression properties
    granularity: URIRef  # -> time:unitYear / unitMonth / unitDay / unitMinute
    relativeToPublication: URIRef  # xsd:boolean
    # provenance properties
    article: URIRef  # Sentence/Event/Claim/Mention -> Article
    sentence: URIRef  # Event/Claim/Mention/TimeExpression -> Sentence
    sentenceIndex: URIRef
    startOffset: URIRef
    endOffset: URIRef
    text: URIRef  # the exact text of a sentence or mention
    refersTo: URIRef  # Mention -> Actor/Place
    sha256: URIRef
    articleKey: URIRef
    dateInferred: URIRef  # xsd:boolean on Article
    sourceName: URIRef  # Article -> literal publisher name
    dateFrom: URIRef  # Event -> clause/sentence/context/publication
    placeFrom: URIRef  # Event -> clause/sentence/article
    # event-type scheme annotations
    sign: URIRef  # -1 hostile, 0 neutral, +1 cooperative
    category: URIRef  # "hostile" / "cooperative" / "neutral"
    cameoCode: URIRef
    ploverCode: URIRef
    acledType: URIRef
    triggerVerb: URIRef
    triggerNoun: URIRef
    triggerPhrase: URIRef
    triggerWithObject: URIRef
    triggerWithSubject: URIRef
    triggerWithPurpose: URIRef
    triggerWithPreposition: URIRef
    senseGuard: URIRef
    reportableWithoutActor: URIRef
    instrument: URIRef
    refinementRank: URIRef
    targetNoun: URIRef
    agentNoun: URIRef
    agentKind: URIRef
    mannerCue: URIRef
    # network analyses written back by kg.analysis.writeback (one named graph)
    NetworkAnalysis: URIRef
    Bloc: URIRef
    Dyad: URIRef
    articleCount: URIRef  # NetworkAnalysis -> xsd:integer
    balanceRatio: URIRef  # NetworkAnalysis -> xsd:double
    blocFit: URIRef  # NetworkAnalysis -> xsd:double
    frustration: URIRef  # NetworkAnalysis -> xsd:integer
    inBloc: URIRef  # Actor -> Bloc
    dyadMember: URIRef  # Dyad -> Actor (two)
    eventCount: URIRef  # Dyad -> xsd:integer
    firstDate: URIRef  # Dyad -> date literal
    lastDate: URIRef  # Dyad -> date literal
    brokerScore: URIRef  # Actor -> xsd:double
    mediationReason: URIRef  # Actor -> literal
    pageRank: URIRef  # Actor -> xsd:double
    betweenness: URIRef  # Actor -> xsd:double
    degree: URIRef  # Actor -> xsd:integer
    unbalancedTriads: URIRef  # Actor -> xsd:integer
    # aggregates kept current at ingest by kg.aggregates (one named graph)
    Tally: URIRef
    tallyKind: URIRef  # literal: dyad / dyad-date / dyad-source / actor / place / date / ...
    tallyCount: URIRef  # xsd:integer
    tallyAgent: URIRef  # Tally -> Actor
    tallyOther: URIRef  # Tally -> Actor
    tallyRelation: URIRef  # literal edge type
    tallyOf: URIRef  # Tally -> dyad Tally
    inDyad: URIRef  # Event -> dyad Tally it counts in (kept with the tallies)
    tallyDate: URIRef  # literal date
    tallyPlace: URIRef  # Tally -> Place
    tallyEntity: URIRef  # Tally -> Actor/Place (mentions)
    tallySource: URIRef  # literal source name
    tallyVersion: URIRef  # xsd:integer, on the aggregates graph and each kept answer
    answerJson: URIRef  # literal: an analysis's answer (kg.aggregates.answers, before gzip)
    answerGzip: URIRef  # xsd:base64Binary: gzip-compressed JSON of a kept answer


class ET(DefinedNamespace):
    """Concepts of the event-type scheme in ``ontology/event-types.ttl``."""

    _NS = Namespace("https://w3id.org/conflict-kg/event-type/")
    _fail = True

    EventTypeScheme: URIRef
    # hostile
    ArmedClash: URIRef
    AirStrike: URIRef
    Shelling: URIRef
    Bombing: URIRef
    AttackOnCivilians: URIRef
    Kidnap: URIRef
    SeizeTerritory: URIRef
    Arrest: URIRef
    Threaten: URIRef
    Accuse: URIRef
    Condemn: URIRef
    Sanction: URIRef
    Reject: URIRef
    Mobilize: URIRef
    # cooperative
    Ceasefire: URIRef
    Release: URIRef
    Agreement: URIRef
    Negotiate: URIRef
    Mediate: URIRef
    Support: URIRef
    MilitaryAid: URIRef
    Praise: URIRef
    # neutral (DesignateTerrorist carries a hostile sign toward the designated)
    Withdraw: URIRef
    Demand: URIRef
    Protest: URIRef
    DesignateTerrorist: URIRef
    # refinements and further ACLED / CASE classes (skos:broader where one applies)
    RegainTerritory: URIRef
    ChemicalWeapon: URIRef
    SuicideBomb: URIRef
    Grenade: URIRef
    SexualViolence: URIRef
    Attack: URIRef
    OrganisedCrime: URIRef
    ProtestWithIntervention: URIRef
    ExcessiveForce: URIRef
    ViolentDemonstration: URIRef
    MobViolence: URIRef
    Looting: URIRef
    DisruptedWeapons: URIRef
    BaseEstablished: URIRef
    SecurityMeasure: URIRef
    Surrender: URIRef
    OtherDevelopment: URIRef


PREFIXES: dict[str, str] = {
    "ckg": str(CKG._NS),
    "et": str(ET._NS),
    "id": "https://w3id.org/conflict-kg/id/",
    "sem": str(SEM),
    "prov": str(PROV),
    "schema": str(SDO),
    "skos": str(SKOS),
    "time": str(TIME),
    "geo": str(GEO),
    "wd": str(WD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
}
"""Prefixes bound in exports, the query editor and example queries."""


def event_type_uri(key: str) -> URIRef:
    """Return the concept URI for an event-type key, raising on unknown keys.

    >>> event_type_uri("Ceasefire")
    rdflib.term.URIRef('https://w3id.org/conflict-kg/event-type/Ceasefire')
    """
    return getattr(ET, key)


def sparql_prologue() -> str:
    """Return ``PREFIX`` lines for every entry of :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def distinct_values(subject: str, predicate: str, value: str) -> str:
    """A SPARQL group binding each ``(?subject, ?value)`` pair of ``predicate`` once.

    Every article graph that mentions an actor or place repeats its
    description, and the union default graph returns one copy of such a triple
    per graph: joining ``?actor rdfs:label ?label`` directly multiplies every
    row by the number of articles. Queries look entity attributes up through
    this group instead.

    >>> distinct_values("actor", "rdfs:label", "label")
    '{ SELECT DISTINCT ?actor ?label WHERE { ?actor rdfs:label ?label } }'
    """
    return f"{{ SELECT DISTINCT ?{subject} ?{value} WHERE {{ ?{subject} {predicate} ?{value} }} }}"
