"""The example query gallery of the SPARQL editor (each one answers on the seed article).

Every example is a complete query with the project's prologue, so it runs as
it is in the editor, with ``kg query`` or from any SPARQL client.
``tests/test_sparql_examples.py`` runs each on the seed store and requires rows.

Examples
--------
>>> [e.key for e in examples()][:3]
['fights', 'mediators', 'claims-by-actor']
>>> example("fights").sparql.startswith("PREFIX ckg:")
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg import ids
from kg.errors import NotFound
from kg.taxonomy import event_types
from kg.vocab import sparql_prologue


@dataclass(frozen=True)
class Example:
    """One gallery entry."""

    key: str
    title: str
    description: str
    body: str  # the query without its prologue

    @property
    def sparql(self) -> str:
        """The runnable query: prologue + body."""
        return sparql_prologue() + self.body


def _values(category: str) -> str:
    keys = [key for key, t in event_types().items() if t.category == category]
    return " ".join(f"et:{key}" for key in keys)


def _fights() -> str:
    return f"""
# Hostile events (armed clashes, strikes, seizures, ...) between two actors, per dyad
SELECT ?agent ?agentLabel ?target ?targetLabel (COUNT(DISTINCT ?event) AS ?events)
       (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last)
WHERE {{
  VALUES ?type {{ {_values("hostile")} }}
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:agent ?agent ; ckg:target ?target ;
         ckg:modality "asserted" ; ckg:article ?article .
  ?agent rdfs:label ?agentLabel . ?target rdfs:label ?targetLabel .
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?event ckg:date ?eventDate }}
  BIND(COALESCE(?eventDate, ?published) AS ?date)
  FILTER(?agent != ?target)
}}
GROUP BY ?agent ?agentLabel ?target ?targetLabel
ORDER BY DESC(?events) ?agentLabel ?targetLabel
"""


MEDIATORS = """
# Who mediates or negotiates: explicit mediators and the parties to talks
SELECT ?actor ?label ?role (COUNT(DISTINCT ?event) AS ?events) (SAMPLE(?text) AS ?evidence)
WHERE {
  VALUES ?type { et:Mediate et:Negotiate }
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:sentence ?sentence .
  ?sentence ckg:text ?text .
  { ?event ckg:mediator ?actor . BIND("mediator" AS ?role) }
  UNION
  { ?event ckg:agent ?actor . BIND("party to talks" AS ?role) }
  ?actor rdfs:label ?label .
}
GROUP BY ?actor ?label ?role
ORDER BY ?role DESC(?events) ?label
"""

CLAIMS_BY_ACTOR = f"""
# Everything one actor is reported to have said (change the actor URI)
SELECT ?claim ?verb ?quote ?via ?date ?sentence
WHERE {{
  BIND(<{ids.actor_uri("hassan-nasrallah")}> AS ?speaker)
  ?claim a ckg:Claim ; ckg:speaker ?speaker ; ckg:reportingVerb ?verb ; ckg:quote ?quote ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL {{ ?claim ckg:reportedVia/rdfs:label ?via }}
  OPTIONAL {{ ?claim ckg:date ?date }}
}}
ORDER BY ?claim
"""

CONTRADICTIONS = """
# Pairs of claims that contradict each other, with who said what
SELECT ?claim ?speaker ?quote ?other ?otherSpeaker ?otherQuote
WHERE {
  ?claim ckg:contradicts ?other ; ckg:quote ?quote ; ckg:speakerText ?speaker .
  ?other ckg:quote ?otherQuote ; ckg:speakerText ?otherSpeaker .
  FILTER(STR(?claim) < STR(?other))
}
ORDER BY ?claim ?other
"""

NEAR_PLACE = f"""
# Events from 2014 to 2017 within about 50 km of Ras Baalbek (0.5 degrees), by date;
# an event without its own date takes its article's publication date
SELECT ?event ?type ?placeLabel ?date ?sentence
WHERE {{
  <{ids.place_uri("ras-baalbek-base")}> geo:lat ?lat0 ; geo:long ?lon0 .
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:place ?place ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  ?place rdfs:label ?placeLabel ; geo:lat ?lat ; geo:long ?lon .
  FILTER((?lat - ?lat0) * (?lat - ?lat0) + (?lon - ?lon0) * (?lon - ?lon0) < 0.25)
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?event ckg:date ?eventDate }}
  BIND(STR(COALESCE(?eventDate, ?published)) AS ?date)
  FILTER(?date >= "2014" && ?date < "2018")
}}
ORDER BY ?date ?event
"""

DYAD_TIMELINE = f"""
# Timeline of one dyad (Hezbollah and the Islamic State), both directions, with evidence
SELECT ?date ?type ?agentLabel ?targetLabel ?modality ?sentence ?event
WHERE {{
  VALUES (?a ?b) {{ (<{ids.actor_uri("hezbollah")}> <{ids.actor_uri("isis")}>) }}
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:agent ?agent ; ckg:target ?target ;
         ckg:modality ?modality ; ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  FILTER((?agent = ?a && ?target = ?b) || (?agent = ?b && ?target = ?a))
  ?agent rdfs:label ?agentLabel . ?target rdfs:label ?targetLabel .
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?event ckg:date ?eventDate }}
  BIND(STR(COALESCE(?eventDate, ?published)) AS ?date)
}}
ORDER BY ?date ?event
"""

ACTORS = """
# Every actor with its kind, country and how many events it takes part in
SELECT ?actor ?label ?kind ?country (COUNT(DISTINCT ?event) AS ?events)
WHERE {
  ?actor a ckg:Actor ; rdfs:label ?label ; ckg:actorKind ?kind .
  OPTIONAL { ?actor ckg:country ?country }
  OPTIONAL { { ?event ckg:agent ?actor } UNION { ?event ckg:target ?actor } }
}
GROUP BY ?actor ?label ?kind ?country
ORDER BY DESC(?events) ?label
"""


@functools.lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    """The gallery, in display order."""
    return (
        Example("fights", "Who fights whom",
                "Hostile dyads with event counts and first/last dates.", _fights()),
        Example("mediators", "Who mediates",
                "Mediators and parties to negotiations, with a sentence as evidence.", MEDIATORS),
        Example("claims-by-actor", "Claims by an actor",
                "What Hassan Nasrallah is reported to have said.", CLAIMS_BY_ACTOR),
        Example("contradictions", "Contradicting claims",
                "Claim pairs linked by ckg:contradicts.", CONTRADICTIONS),
        Example("near-place", "Events near a place in a date range",
                "Events within ~50 km of Ras Baalbek between 2014 and 2017.", NEAR_PLACE),
        Example("dyad-timeline", "Timeline of a dyad",
                "Hezbollah and the Islamic State, in date order.", DYAD_TIMELINE),
        Example("actors", "Actors",
                "Every actor with kind, country and event count.", ACTORS),
    )


def example(key: str) -> Example:
    """The example called ``key``."""
    for candidate in examples():
        if candidate.key == key:
            return candidate
    raise NotFound(f"no example query {key!r} (known: {', '.join(e.key for e in examples())})")
