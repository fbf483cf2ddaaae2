"""Keep the tallies current: in the same SPARQL update as the article, or rebuilt for a store.

Every tally is a node of the aggregates graph (:func:`kg.ids.aggregates_graph`)
typed ``ckg:Tally`` with its key (``ckg:tallyKind`` and the key's properties)
and a ``ckg:tallyCount``. A change is a delta per tally, applied by SPARQL
arithmetic (``COALESCE(?old, 0) + ?delta``) in the update that writes or drops
the article, so the article and its counts are stored together or not at all;
a tally that reaches zero is removed with its key. The same update adds or removes
``<event> ckg:inDyad <dyad tally>`` for each event and dyad it counts in (the
:data:`~kg.aggregates.tallies.IN_DYAD` keys of a change), the index a dyad's evidence is read
from (:mod:`kg.aggregates.evidence`).

Examples
--------
>>> from kg.store import open_store
>>> from kg.aggregates.tallies import Key
>>> from collections import Counter
>>> store = open_store("memory:")
>>> store.update(tally_update(Counter({Key("actor", ("http://example.org/a",)): 2})))
>>> store.update(tally_update(Counter({Key("actor", ("http://example.org/a",)): -1})))
>>> [int(r["n"]) for r in store.select(sparql_prologue() + "SELECT ?n { ?t ckg:tallyCount ?n }")]
[1]
>>> store.update(tally_update(Counter({Key("actor", ("http://example.org/a",)): -1})))
>>> len(store)
0
"""

from __future__ import annotations

import functools
from collections import Counter

from rdflib import URIRef

from kg import ids
from kg.aggregates.answers import version_bump
from kg.aggregates.snapshot import record_delta
from kg.aggregates.tallies import IN_DYAD, Key, from_rows
from kg.store.base import Store
from kg.vocab import CKG, RDF, RDFS, sparql_prologue

FACTS = sparql_prologue() + """
SELECT ?g ?event ?type ?modality ?date ?place ?agentsAct ?role ?actor ?published ?source WHERE {
  GRAPH ?g {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality .
  OPTIONAL { ?event ckg:date ?date }
  OPTIONAL { ?event ckg:agentsAct ?agentsAct }
  OPTIONAL { ?event ckg:place ?place }
  OPTIONAL { { ?event ckg:agent ?actor BIND("agent" AS ?role) }
             UNION { ?event ckg:target ?actor BIND("target" AS ?role) }
             UNION { ?event ckg:mediator ?actor BIND("mediator" AS ?role) } }
  OPTIONAL { ?g schema:datePublished ?published }
  OPTIONAL { ?g ckg:sourceName ?source } } }"""
"""The facts of the events of article graph ``?g`` (unbound: of every graph) the tallies need."""
TALKS_CLAIMS = sparql_prologue() + """
SELECT ?g ?claim ?speaker WHERE { GRAPH ?g {
  ?claim a ckg:Claim ; ckg:speaker ?speaker ; ckg:asserts ?event .
  ?event ckg:eventType ?talks FILTER(?talks IN (et:Mediate, et:Negotiate)) } }"""
"""The claims of article graph ``?g`` (unbound: of every graph) asserting talks, and speakers."""
MENTION_FACTS = sparql_prologue() + """
SELECT ?g ?mention ?entity WHERE { GRAPH ?g { ?mention ckg:refersTo ?entity } }"""
"""The mentions of article graph ``?g`` and what each refers to (the ``mention`` tallies)."""
MENTION_COUNTS = sparql_prologue() + """
SELECT ?entity (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?mention ckg:refersTo ?entity } } GROUP BY ?entity"""
"""Mentions per entity, summed over the graphs (as adding each graph's
:data:`MENTION_FACTS` counts them; a recount reads a few thousand rows, not millions)."""
_PARTS = {"dyad": ("tallyAgent", "tallyOther", "tallyRelation"),
          "actor": ("tallyAgent",), "place": ("tallyPlace",), "date": ("tallyDate",),
          "mediation": ("tallyAgent", "tallyRelation"), "mention": ("tallyEntity",)}
_IRI_PARTS = {"tallyAgent", "tallyOther", "tallyPlace", "tallyEntity"}


def tally_node(key: Key) -> URIRef:
    """The URI of the tally of ``key``."""
    return ids.tally_uri(key.kind, *key.parts)


def _tally_term(key: Key) -> str:
    """``<uri>`` of the tally of ``key``: :func:`tally_node` without building an rdflib term
    (the update of an article names about a hundred tallies)."""
    return f"<{ids.tally_iri(key.kind, *key.parts)}>"


@functools.cache
def _property_term(name: str) -> str:
    """``<uri>`` of the ``ckg:`` property ``name``, written once."""
    from kg.ntriples import iri

    return iri(CKG[name])


def _key_row(key: Key) -> str:
    """A row of :data:`KEY_COLUMNS` for the tally of ``key``: its node, kind and up to three
    ``(property, value)`` pairs of its key (``UNDEF`` for the pairs it lacks)."""
    from kg.ntriples import iri, literal

    if key.kind in ("dyad-date", "dyad-source"):
        name = "tallyDate" if key.kind == "dyad-date" else "tallySource"
        pairs = [(_property_term("tallyOf"), _tally_term(Key("dyad", key.parts[:3]))),
                 (_property_term(name), literal(key.parts[3]))]
    else:
        pairs = [(_property_term(name), iri(part) if name in _IRI_PARTS else literal(part))
                 for name, part in zip(_PARTS[key.kind], key.parts)]
    cells = [f"{p} {value}" for p, value in pairs] + ["UNDEF UNDEF"] * (3 - len(pairs))
    return f"({_tally_term(key)} {literal(key.kind)} {' '.join(cells)})"


KEY_COLUMNS = "?t ?kind ?p1 ?o1 ?p2 ?o2 ?p3 ?o3"
"""The columns of :func:`_key_row`."""


def tally_update(delta: Counter[Key]) -> str:
    """The SPARQL update that adds ``delta`` to the tallies (nothing when every delta is 0).

    A tally's key is written only when it has no count yet (a new tally), and the removal of
    the tallies that reach zero only when some delta is negative: a count written once per
    article is not re-sent, and adding cannot bring a count to zero. The
    :data:`~kg.aggregates.tallies.IN_DYAD` keys of ``delta`` add (positive) or remove
    (negative) an event's ``ckg:inDyad`` triple.
    """
    from kg.ntriples import iri

    changed = {key: n for key, n in delta.items() if n and key.kind != IN_DYAD}
    operations = _membership_updates({key: n for key, n in delta.items()
                                      if n and key.kind == IN_DYAD})
    if not changed:
        return " ;\n".join(operations)
    graph, count = iri(ids.aggregates_graph()), iri(CKG.tallyCount)
    rows = " ".join(_key_row(key) for key in sorted(changed) if changed[key] > 0)
    operations += [
        f"INSERT {{ GRAPH {graph} {{ ?t {iri(RDF.type)} {iri(CKG.Tally)} ; "
        f"{iri(CKG.tallyKind)} ?kind ; ?p1 ?o1 ; ?p2 ?o2 ; ?p3 ?o3 }} }} "
        f"WHERE {{ VALUES ({KEY_COLUMNS}) {{ {rows} }} "
        f"FILTER NOT EXISTS {{ GRAPH {graph} {{ ?t {count} ?n }} }} }}"] if rows else []
    values = " ".join(f"({_tally_term(key)} {n})" for key, n in changed.items())
    operations.append(
        f"DELETE {{ GRAPH {graph} {{ ?t {count} ?old }} }} "
        f"INSERT {{ GRAPH {graph} {{ ?t {count} ?new }} }} WHERE {{ VALUES (?t ?delta) {{ {values} }} "
        f"OPTIONAL {{ GRAPH {graph} {{ ?t {count} ?old }} }} BIND(COALESCE(?old, 0) + ?delta AS ?new) }}")
    negative = " ".join(_tally_term(key) for key, n in changed.items() if n < 0)
    if negative:
        operations.append(
            f"DELETE {{ GRAPH {graph} {{ ?t ?p ?o }} }} WHERE {{ VALUES ?t {{ {negative} }} "
            f"GRAPH {graph} {{ ?t {count} ?n FILTER(?n <= 0) ?t ?p ?o }} }}")
    return " ;\n".join(operations)


def _membership_updates(members: dict[Key, int]) -> list[str]:
    """``DELETE DATA`` of the ``ckg:inDyad`` triples of the negative :data:`IN_DYAD` keys in
    ``members``, ``INSERT DATA`` of the positive ones (none, one or two operations)."""
    from kg.ntriples import iri

    lines: dict[bool, list[str]] = {True: [], False: []}
    for key in sorted(members):
        event, dyad = key.parts[0], Key("dyad", key.parts[1:])
        lines[members[key] > 0].append(f"{iri(event)} {iri(CKG.inDyad)} {_tally_term(dyad)} .")
    graph = iri(ids.aggregates_graph())
    return [f"{verb} DATA {{ GRAPH {graph} {{ {' '.join(lines[adds])} }} }}"
            for verb, adds in (("DELETE", False), ("INSERT", True)) if lines[adds]]


def stored_contribution(store: Store, graph: URIRef) -> Counter[Key]:
    """What the stored article graph ``graph`` adds to the tallies (empty when not stored)."""
    bound = {"g": graph}
    return from_rows(store.select(FACTS, bound), store.select(TALKS_CLAIMS, bound),
                     store.select(MENTION_FACTS, bound))


def rebuild(store: Store, *, keep: bool = False) -> int:
    """Recount every tally from the stored article graphs; return the number of tallies.

    ``kg upgrade`` runs it for a store written before the aggregates existed, with ``keep``:
    the analyses' tables are then kept whole from the same counts (:mod:`kg.aggregates.snapshot`).
    """
    from kg.aggregates.snapshot import keep_tables, tables_from_counts
    from kg.ntriples import iri

    per_graph: dict[str, tuple[list[dict[str, object]], list[dict[str, object]]]] = {}
    for row in store.select(FACTS):
        per_graph.setdefault(str(row["g"]), ([], []))[0].append(row)
    for row in store.select(TALKS_CLAIMS):
        per_graph.setdefault(str(row["g"]), ([], []))[1].append(row)
    total: Counter[Key] = Counter()
    for rows, claims in per_graph.values():
        total.update(from_rows(rows, claims))
    total.update(mention_counts(store))
    aggregates = iri(ids.aggregates_graph())
    store.update(f"DROP SILENT GRAPH {aggregates} ;\n"
                 f"INSERT DATA {{ GRAPH {aggregates} {{ {marker_line()} }} }}")
    items = sorted(total.items())
    for start in range(0, len(items), 5000):
        store.update(tally_update(Counter(dict(items[start:start + 5000]))))
    if keep:  # what the analyses read, as one value
        keep_tables(store, tables_from_counts(total))
    return sum(1 for key in total if key.kind != IN_DYAD)




MARKER_TEXT = ("tallies kept current at ingest (dyads with their events, actors, places, dates, "
               "mediation, mentions)")
"""The label of the aggregates graph; a store tallied by an older kg has another (``kg upgrade``
recounts it, or adds what it lacks alone: the ``ckg:inDyad`` index,
:mod:`kg.aggregates.members`; the mention tallies, :mod:`kg.aggregates.mentions`)."""
MARKER = sparql_prologue() + "ASK { GRAPH ?a { ?a rdfs:label ?label } }"
HAS_FACTS = sparql_prologue() + "ASK { GRAPH ?g { { ?e a ckg:Event } UNION { ?m ckg:refersTo ?x } } }"
"""Whether the store has anything to tally: an event or a mention."""


def mention_counts(store: Store) -> Counter[Key]:
    """The ``mention`` tallies of every stored graph (:data:`MENTION_COUNTS`)."""
    return Counter({Key("mention", (str(entity),)): int(str(n))
                    for entity, n in store.select_text(MENTION_COUNTS)})


def marker_line() -> str:
    """The triple that says the aggregates graph is kept (written with every article)."""
    from kg.ntriples import iri, literal

    graph = ids.aggregates_graph()
    return f"{iri(graph)} {iri(RDFS.label)} {literal(MARKER_TEXT)} ."


def marked(store: Store, text: str) -> bool:
    """Whether the aggregates graph's label is ``text`` (which kg's tallies the store keeps)."""
    from rdflib import Literal

    return store.ask(MARKER, {"a": ids.aggregates_graph(), "label": Literal(text)})


def remark(store: Store, earlier: str, current: str) -> None:
    """Replace the aggregates graph's label ``earlier`` by ``current`` (one update)."""
    from kg.ntriples import iri, literal

    graph, label = iri(ids.aggregates_graph()), iri(RDFS.label)
    store.update(f"DELETE DATA {{ GRAPH {graph} {{ {graph} {label} {literal(earlier)} }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{ {graph} {label} {literal(current)} }} }}")


UPGRADE_BATCH = 20000
"""Tallies (or index keys) an upgrade step writes per update."""


def add_in_batches(store: Store, counts: Counter[Key]) -> None:
    """Add ``counts`` to the stored tallies, :data:`UPGRADE_BATCH` keys an update, in key order."""
    items = sorted(counts.items())
    for start in range(0, len(items), UPGRADE_BATCH):
        store.update(tally_update(Counter(dict(items[start:start + UPGRADE_BATCH]))))


def needs_tallies(store: Store) -> bool:
    """Whether the store has articles with events or mentions but was not tallied by this kg
    (run ``kg upgrade``)."""
    return store.ask(HAS_FACTS) and not marked(store, MARKER_TEXT)


def write_counted(store: Store, graph: URIRef, lines: list[str], contribution: Counter[Key], *,
                  new: bool) -> None:
    """Replace article graph ``graph`` by ``lines`` (:func:`kg.ntriples.extraction_lines`) and add its ``contribution``
    (:func:`kg.aggregates.tallies.from_extraction`) to the tallies less the stored one, in one
    SPARQL update (one transaction in Oxigraph: the article and its counts, or neither).

    ``new``: the graph is known not to exist (its stored contribution is not read).
    """
    from kg.ntriples import iri, ntriples

    name = iri(graph)
    delta = Counter(contribution)
    if not new:
        delta.subtract(stored_contribution(store, graph))
    aggregates = iri(ids.aggregates_graph())
    operations = [] if new else [f"DROP SILENT GRAPH {name}"]
    body = ntriples(lines)
    operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} GRAPH {aggregates} "
                      f"{{ {marker_line()} }} }}")
    tallies = tally_update(delta)
    if tallies:
        operations.append(tallies)
    operations.append(version_bump())
    store.update(" ;\n".join(operations))
    record_delta(store, delta)


def drop_counted(store: Store, graph: URIRef) -> bool:
    """Drop article graph ``graph`` and subtract its tallies in one update; whether it existed."""
    from kg.ntriples import iri

    if not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": graph}):
        return False
    delta: Counter[Key] = Counter()
    delta.subtract(stored_contribution(store, graph))
    operations = [f"DROP SILENT GRAPH {iri(graph)}", version_bump()]
    tallies = tally_update(delta)
    if tallies:
        operations.append(tallies)
    store.update(" ;\n".join(operations))
    record_delta(store, delta)
    return True


__all__ = ["FACTS", "MARKER_TEXT", "MENTION_COUNTS", "MENTION_FACTS", "TALKS_CLAIMS", "add_in_batches",
           "drop_counted", "marked", "marker_line", "mention_counts", "needs_tallies", "rebuild",
           "remark", "stored_contribution", "tally_node", "tally_update", "write_counted"]
