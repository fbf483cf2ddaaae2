"""The current view as a file: GEXF, GraphML (networkx writers) and the SPARQL behind it.

Examples
--------
>>> q = view_sparql(ViewFilter(groups=("mediates",), start="2017-01-01", min_weight=2))
>>> '"Mediate"' in q and 'HAVING (COUNT(DISTINCT ?event) >= 2)' in q
True
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import networkx as nx
from rdflib import Literal, URIRef

from kg import ids
from kg.views.filters import EDGE_GROUPS, ViewFilter
from kg.views.network import blocs, centrality, filtered_network, layout
from kg.views.source import ViewSource
from kg.vocab import sparql_prologue

FORMATS = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml"}


def export_graph(source: ViewSource, view: ViewFilter) -> nx.MultiDiGraph:
    """The view as a graph whose attributes are all scalars (what the file formats hold)."""
    graph = filtered_network(source.network, view)
    positions, central, bloc = layout(graph), centrality(graph), blocs(graph)
    out = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        x, y = positions[node]
        out.add_node(node, label=str(attrs.get("label", node)), kind=str(attrs.get("kind", "")),
                     country=str(attrs.get("country", "")), bloc=bloc[node],
                     aliases="|".join(attrs.get("aliases", [])), uri=str(attrs.get("uri", node)),
                     x=x, y=y, **central[node])
    for source_node, target, key, attrs in graph.edges(keys=True, data=True):
        out.add_edge(source_node, target, key=key, relation=attrs["type"], group=attrs["group"],
                     sign=attrs["sign"], weight=attrs["count"], events="|".join(attrs["events"]))
    return out


def export_bytes(source: ViewSource, view: ViewFilter, format_name: str) -> bytes:
    """GEXF or GraphML bytes of the view (``format_name`` in :data:`FORMATS`)."""
    graph = export_graph(source, view)
    buffer = io.BytesIO()
    if format_name == "gexf":
        for node, attrs in graph.nodes(data=True):
            attrs["viz"] = {"position": {"x": attrs["x"], "y": attrs["y"], "z": 0.0}}
        nx.write_gexf(graph, buffer)
    else:
        nx.write_graphml(graph, buffer)
    return buffer.getvalue()


def _values(variable: str, terms: Iterable[str]) -> str:
    return f"  VALUES ?{variable} {{ {' '.join(terms)} }}\n"


def view_sparql(view: ViewFilter, nodes: Iterable[str] | None = None) -> str:
    """A SPARQL query whose answer is the view's edges with their event counts.

    ``nodes`` (actor URIs) restricts both ends when the view is an ego network
    or a top-N cut; non-Conflict-KG URIs are left out, so the text stays a query.
    """
    types = [t for g, kinds in EDGE_GROUPS.items() if view.shows_group(g) for t in kinds]
    body = (
        "SELECT ?source ?target ?type (COUNT(DISTINCT ?event) AS ?events)\nWHERE {\n"
        "  ?event a ckg:Event ; ckg:modality ?modality .\n"
        '  FILTER(?modality IN ("asserted", "reported"))\n'
        "  { ?event ckg:agent ?source ; ckg:target ?target ; ckg:eventType ?et .\n"
        "    OPTIONAL { ?event ckg:agentsAct ?act }\n"
        '    BIND(IF(COALESCE(?act, "") = "allied", "Allied", STRAFTER(STR(?et), STR(et:))) AS ?type) }\n'
        "  UNION { ?event ckg:agent ?source, ?target ; ckg:eventType ?et .\n"
        "    FILTER(STR(?source) < STR(?target)) OPTIONAL { ?event ckg:agentsAct ?act }\n"
        '    BIND(IF(!BOUND(?act), "CoAgent", IF(?act = "mutually", STRAFTER(STR(?et), STR(et:)),\n'
        '                                        "Allied")) AS ?type) }\n'
        "  UNION { ?event ckg:mediator ?source ; ckg:agent|ckg:target ?target .\n"
        '    FILTER(?source != ?target) BIND("Mediates" AS ?type) }\n')
    if view.groups:
        body += _values("type", (Literal(t).n3() for t in types))
    if view.start or view.end:
        body += "  OPTIONAL { ?event ckg:date ?d } BIND(SUBSTR(STR(?d), 1, 10) AS ?day)\n"
        if view.start:
            start = Literal(view.start).n3()
            body += f"  FILTER(!BOUND(?d) || ?day >= SUBSTR({start}, 1, STRLEN(?day)))\n"
        if view.end:
            body += f"  FILTER(!BOUND(?d) || ?day <= {Literal(view.end).n3()})\n"
    if nodes is not None:
        terms = sorted(URIRef(n).n3() for n in nodes if n.startswith(ids.BASE) and
                       not any(c in n for c in '<>"{}|^`\\ '))
        body += _values("source", terms) + _values("target", terms)
    body += "}\nGROUP BY ?source ?target ?type\n"
    if view.min_weight > 1:
        body += f"HAVING (COUNT(DISTINCT ?event) >= {view.min_weight})\n"
    params = " ".join(f"{k}={v}" for k, v in sorted(view.to_params().items()))
    comment = "# Conflict KG network view" + (f": {params}" if params else "")
    comment = comment.replace("\n", " ").replace("\r", " ")
    return f"{comment}\n{sparql_prologue()}{body}ORDER BY DESC(?events) ?source ?target ?type\n"


def view_sparql_for(source: ViewSource, view: ViewFilter) -> str:
    """:func:`view_sparql` with the node set fixed when the view is an ego network or a cut."""
    graph = filtered_network(source.network, view)
    restricted = bool(view.focus and view.focus in graph) or \
        graph.graph["total_nodes"] > graph.number_of_nodes()
    return view_sparql(view, list(graph) if restricted else None)
