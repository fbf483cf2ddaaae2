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
from kg.vocab import distinct_values, sparql_prologue


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


def labels(*names: str) -> str:
    """De-duplicated ``?<name>Label`` lookups (see :func:`kg.vocab.distinct_values`).

    The aggregates of a query are computed on URIs first and labels joined once.
    """
    return "".join(f"\n  {distinct_values(name, 'rdfs:label', name + 'Label')}" for name in names)


def _fights() -> str:
    return f"""
# Hostile events (armed clashes, strikes, seizures, ...) between two actors, per dyad
SELECT ?agent ?agentLabel ?target ?targetLabel ?events ?first ?last
WHERE {{
  {{ SELECT ?agent ?target (COUNT(DISTINCT ?event) AS ?events)
           (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last)
    WHERE {{
      VALUES ?type {{ {_values("hostile")} }}
      ?event a ckg:Event ; ckg:eventType ?type ; ckg:agent ?agent ; ckg:target ?target ;
             ckg:modality "asserted" ; ckg:article ?article .
      OPTIONAL {{ ?event ckg:date ?date }}  # the article's date where the text gives none
      FILTER(?agent != ?target)
    }}
    GROUP BY ?agent ?target }}{labels("agent", "target")}
}}
ORDER BY DESC(?events) ?agentLabel ?targetLabel
"""


MEDIATORS = """
# Who mediates or negotiates: explicit mediators and the parties to talks
SELECT ?actor ?actorLabel ?role ?events ?evidence
WHERE {
  { SELECT ?actor ?role (COUNT(DISTINCT ?event) AS ?events) (SAMPLE(?text) AS ?evidence)
    WHERE {
      VALUES ?type { et:Mediate et:Negotiate }
      ?event a ckg:Event ; ckg:eventType ?type ; ckg:sentence ?sentence .
      ?sentence ckg:text ?text .
      { ?event ckg:mediator ?actor . BIND("mediator" AS ?role) }
      UNION
      { ?event ckg:agent ?actor . BIND("party to talks" AS ?role) }
    }
    GROUP BY ?actor ?role }""" + labels("actor") + """
}
ORDER BY ?role DESC(?events) ?actorLabel
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
# an event without its own date is dated by its article, marked ckg:dateFrom "publication"
SELECT ?event ?type ?placeLabel ?date ?dateFrom ?sentence
WHERE {{
  BIND(<{ids.place_uri("ras-baalbek-base")}> AS ?origin)
  {distinct_values("origin", "geo:lat", "lat0")}
  {distinct_values("origin", "geo:long", "lon0")}
  {distinct_values("place", "geo:lat", "lat")}
  {distinct_values("place", "geo:long", "lon")}
  FILTER((?lat - ?lat0) * (?lat - ?lat0) + (?lon - ?lon0) * (?lon - ?lon0) < 0.25)
  ?event ckg:place ?place ; a ckg:Event ; ckg:eventType ?type ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  ?event ckg:date ?eventDate .
  OPTIONAL {{ ?event ckg:dateFrom ?dateFrom }}
  BIND(STR(?eventDate) AS ?date)
  FILTER(?date >= "2014" && ?date < "2018"){labels("place")}
}}
ORDER BY ?date ?event
"""

DYAD_TIMELINE = f"""
# Timeline of one dyad (Hezbollah and the Islamic State), both directions, with evidence
SELECT ?date ?dateFrom ?type ?agentLabel ?targetLabel ?modality ?sentence ?event
WHERE {{
  VALUES (?a ?b) {{ (<{ids.actor_uri("hezbollah")}> <{ids.actor_uri("isis")}>) }}
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:agent ?agent ; ckg:target ?target ;
         ckg:modality ?modality ; ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  FILTER((?agent = ?a && ?target = ?b) || (?agent = ?b && ?target = ?a))
  OPTIONAL {{ ?event ckg:date ?eventDate }}
  OPTIONAL {{ ?event ckg:dateFrom ?dateFrom }}  # "publication": the article's date
  BIND(STR(?eventDate) AS ?date){labels("agent", "target")}
}}
ORDER BY ?date ?event
"""

ACTORS = """
# Every actor with its kind, country and how many events it takes part in
# (each attribute looked up de-duplicated: every article graph repeats it)
SELECT ?actor ?label ?kind ?country ?events
WHERE {
  """ + distinct_values("actor", "ckg:actorKind", "kind") + """
  """ + distinct_values("actor", "rdfs:label", "label") + """
  OPTIONAL """ + distinct_values("actor", "ckg:country", "country") + """
  OPTIONAL { SELECT ?actor (COUNT(DISTINCT ?event) AS ?taking)
             WHERE { ?event ckg:agent|ckg:target ?actor } GROUP BY ?actor }
  BIND(COALESCE(?taking, 0) AS ?events)
}
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
