"""The one module that builds the network page (``kg view`` and ``/network`` both call it).

pyvis's own template loads Bootstrap and vis-network from CDNs, so the page
uses a template of ours: pyvis fills the node and edge lists directly (never
``from_nx``), positions are computed on the server, physics is off, and the
data travels as escaped JSON in a non-executed ``<script type="application/json">``
block. All article text is shown with ``textContent`` in the browser, never as
HTML, and the page is rendered by Jinja exactly once.

Examples
--------
>>> import networkx as nx
>>> graph = nx.MultiDiGraph()
>>> graph.add_node("a", uri="a", label="<b>A</b>", kind="state", country="", aliases=[])
>>> html = network_page(graph, inline_assets=False, asset_base="/assets")
>>> "<b>A</b>" in html, "\\\\u003cb\\\\u003eA" in html
(False, True)
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

TEMPLATES = Path(__file__).resolve().parent / "templates"
SIGN_COLOURS = {-1: "#c0392b", 0: "#7f8c8d", 1: "#2471a3"}
KIND_COLOURS = {"state": "#5d6d7e", "military": "#7b241c", "government": "#6c3483",
                "armed_group": "#b9770e", "person": "#1e8449", "media": "#2e86c1",
                "igo": "#17a589", "ngo": "#48c9b0", "party": "#a04000", "police": "#884ea0"}


def vis_network_dir() -> Path:
    """Folder of the vis-network build that ships inside the pyvis package."""
    import pyvis

    return Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in pixels, computed once on the server (physics stays off)."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph.to_undirected())
    positions = nx.spring_layout(simple, seed=seed, k=2.5 / len(simple) ** 0.5, iterations=200)
    scale = 120 * len(simple) ** 0.5
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in positions.items()}


def network_data(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, object]]]:
    """Nodes and edges for vis-network, built with pyvis (filled directly, no ``from_nx``)."""
    from pyvis.network import Network

    net = Network(directed=True)
    positions = layout(graph)
    neighbours = {node: len(set(nx.all_neighbors(graph, node))) for node in graph}
    for node, attrs in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        net.add_node(node, label=attrs["label"], x=x, y=y, size=10 + 6 * neighbours[node] ** 0.5,
                     color=KIND_COLOURS.get(attrs["kind"], "#95a5a6"), kind=attrs["kind"],
                     country=attrs.get("country", ""), aliases=attrs.get("aliases", []),
                     uri=attrs["uri"], physics=False)
    for source, target, attrs in graph.edges(data=True):
        net.add_edge(source, target, color=SIGN_COLOURS[attrs["sign"]], type=attrs["type"],
                     sign=attrs["sign"], date=attrs["date"], evidence=[
                         {k: attrs[k] for k in ("event", "event_type", "date", "place",
                                                "sentence", "article", "modality")}],
                     arrows="to" if attrs["type"] != "CoAgent" else "")
    for index, edge in enumerate(net.edges):
        edge["id"] = f"e{index}"
    return {"nodes": net.nodes, "edges": net.edges}


def json_for_script(data: object) -> str:
    """JSON safe to place inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def network_page(graph: nx.MultiDiGraph, *, inline_assets: bool = True, asset_base: str = "",
                 title: str = "Actor network") -> str:
    """The network page as one HTML string.

    ``inline_assets`` embeds vis-network and our script (a standalone offline
    file); otherwise they load from ``asset_base`` on the same server.
    """
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                                     autoescape=True)
    assets = {}
    if inline_assets:
        vis = vis_network_dir()
        assets = {"vis_js": (vis / "vis-network.min.js").read_text("utf-8"),
                  "vis_css": (vis / "vis-network.css").read_text("utf-8"),
                  "app_js": (TEMPLATES / "network.js").read_text("utf-8")}
    return environment.get_template("network.html").render(
        title=title, data=json_for_script(network_data(graph)), inline=inline_assets,
        asset_base=asset_base, sign_colours=SIGN_COLOURS, kind_colours=KIND_COLOURS, **assets)
