"""Write the network analyses back into the store, as RDF in one named graph.

The graph :func:`kg.ids.analysis_graph` holds one ``ckg:NetworkAnalysis``
(article count, balance ratio, bloc fit, frustration), the hostile dyads
(``ckg:Dyad``, derived from their events), the blocs (``ckg:Bloc``) and
per-actor figures (``ckg:brokerScore``, ``ckg:mediationReason``,
``ckg:pageRank``, ``ckg:betweenness``, ``ckg:degree``,
``ckg:unbalancedTriads``, ``ckg:inBloc``), so SPARQL can ask for them::

    SELECT ?actor ?score WHERE { ?actor ckg:brokerScore ?score } ORDER BY DESC(?score)

:func:`write` replaces the graph in one write; :func:`refresh` rewrites it
only when it is already there (after ``kg analyze --write``), and is what
``kg ingest`` and ``kg remove`` call after they change the store.

Examples
--------
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> refresh(store)
False
>>> write(store) > 0, refresh(store), ids.analysis_graph() in store.graphs()
(True, True, True)
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef

from kg import ids
from kg.analysis.balance import balance
from kg.analysis.blocs import blocs
from kg.analysis.centrality import centrality
from kg.analysis.dyads import Dyad, fights
from kg.analysis.mediation import mediation_records, mediators
from kg.analysis.projection import actor_network
from kg.store import Store
from kg.store.base import Triple
from kg.vocab import CKG, PROV, RDF, RDFS, XSD, sparql_prologue

ARTICLES = sparql_prologue() + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ckg:Article }"


def _date(text: str) -> Literal:
    kinds = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
    return Literal(text, datatype=XSD.dateTime if "T" in text else kinds.get(len(text), XSD.string))


def _double(value: float) -> Literal:
    return Literal(float(value), datatype=XSD.double)


def _dyad_triples(dyad: Dyad) -> Iterator[Triple]:
    node = ids.dyad_uri(dyad.a["uri"], dyad.b["uri"])
    yield node, RDF.type, CKG.Dyad
    yield node, RDFS.label, Literal(f"{dyad.a['label']} – {dyad.b['label']}")
    for actor in (dyad.a, dyad.b):
        yield node, CKG.dyadMember, URIRef(actor["uri"])
    yield node, CKG.eventCount, Literal(dyad.events)
    if dyad.first_date and dyad.last_date:
        yield node, CKG.firstDate, _date(dyad.first_date)
        yield node, CKG.lastDate, _date(dyad.last_date)
    for event in dyad.evidence:
        yield node, PROV.wasDerivedFrom, URIRef(event)


def analysis_triples(store: Store) -> Iterator[Triple]:
    """Every triple of the analysis graph, computed from the articles in ``store``."""
    graph = actor_network(store)
    run = ids.analysis_graph()
    yield run, RDF.type, CKG.NetworkAnalysis
    yield run, RDFS.label, Literal("Network analyses of the actor graph")
    yield run, CKG.articleCount, Literal(int(store.select(ARTICLES).column("n")[0]))
    found = blocs(graph)
    yield run, CKG.frustration, Literal(found.frustration)
    if found.fit is not None:
        yield run, CKG.blocFit, _double(found.fit)
    for bloc in found.blocs:
        node = ids.bloc_uri(int(bloc["bloc"]))  # type: ignore[call-overload]
        yield node, RDF.type, CKG.Bloc
        yield node, RDFS.label, Literal(f"Bloc {bloc['bloc']}")
        for member in bloc["members"]:  # type: ignore[attr-defined]
            yield URIRef(member["uri"]), CKG.inBloc, node
    census = balance(graph)
    if census.ratio is not None:
        yield run, CKG.balanceRatio, _double(census.ratio)
    for actor, count in census.unbalanced_by_actor.items():
        yield URIRef(actor), CKG.unbalancedTriads, Literal(count)
    for dyad in fights(graph):
        yield from _dyad_triples(dyad)
    for row in centrality(graph):
        actor = URIRef(row["actor"]["uri"])  # type: ignore[index]
        yield actor, CKG.degree, Literal(row["degree"])
        yield actor, CKG.pageRank, _double(row["pagerank"])  # type: ignore[arg-type]
        yield actor, CKG.betweenness, _double(row["betweenness"])  # type: ignore[arg-type]
    for row in mediators(graph, mediation_records(store)):
        actor = URIRef(row["actor"]["uri"])
        yield actor, CKG.brokerScore, _double(row["score"])
        for reason in row["reasons"]:
            yield actor, CKG.mediationReason, Literal(reason)


def write(store: Store) -> int:
    """Compute the analyses and replace the analysis graph with them; return the triple count."""
    triples = list(analysis_triples(store))
    store.replace_graph(ids.analysis_graph(), triples)
    return len(triples)


def refresh(store: Store) -> bool:
    """Rewrite the analysis graph if the store has one; return whether it did."""
    if ids.analysis_graph() not in store.graphs():
        return False
    write(store)
    return True
