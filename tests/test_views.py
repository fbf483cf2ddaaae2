"""The view builders: filters, aggregation, centrality, blocs, escaping, exports, companions."""

from __future__ import annotations

import io
import json
import random
import re

import networkx as nx
import pytest

from kg.errors import InputError
from kg.views import ViewFilter, ViewSource, json_for_script, network_data, network_page
from kg.views.companions import claims_data, map_data, project, timeline_data
from kg.views.export import export_bytes, view_sparql_for
from kg.views.network import blocs, centrality, filtered_network
from kg.views.source import view_source

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(1)>{{7*7}}{{123456789*9}}'
EVALUATED = "1111111101"  # what {{123456789*9}} renders to if a template runs twice
A, B, C, D = (f"https://w3id.org/conflict-kg/id/actor/{k}" for k in "abcd")


def small_graph() -> nx.MultiDiGraph:
    """a-b: two clashes (2013, 2017-08-27) and one support (2017-08); b-c: one clash, undated;
    c-d: one agreement (2017-08-28). Worked out by hand below."""
    graph = nx.MultiDiGraph()
    for uri, label in ((A, "Alpha"), (B, "Bravo"), (C, "Charlie"), (D, "Delta")):
        graph.add_node(uri, uri=uri, label=label, kind="armed_group", country="", aliases=[])
    rows = [(A, B, "ArmedClash", -1, "2013"), (A, B, "ArmedClash", -1, "2017-08-27"),
            (A, B, "Support", 1, "2017-08"), (B, C, "ArmedClash", -1, ""),
            (C, D, "Agreement", 1, "2017-08-28")]
    for number, (source, target, kind, sign, date) in enumerate(rows):
        graph.add_edge(source, target, type=kind, sign=sign, event=f"ev{number}", date=date,
                       event_type=kind, sentence=f"sentence {number}", article="art",
                       place="", modality="asserted")
    return graph


def edges(view: ViewFilter) -> set[tuple[str, str, str, int]]:
    graph = filtered_network(small_graph(), view)
    return {(s[-1], t[-1], d["type"], d["count"]) for s, t, d in graph.edges(data=True)}


def test_filters_by_group_date_and_weight():
    assert edges(ViewFilter()) == {("a", "b", "ArmedClash", 2), ("a", "b", "Support", 1),
                                   ("b", "c", "ArmedClash", 1), ("c", "d", "Agreement", 1)}
    assert edges(ViewFilter(groups=("negotiates",))) == {("c", "d", "Agreement", 1)}
    assert edges(ViewFilter(start="2017-01-01", end="2017-08-27")) == {
        ("a", "b", "ArmedClash", 1), ("a", "b", "Support", 1), ("b", "c", "ArmedClash", 1)}
    assert edges(ViewFilter(min_weight=2)) == {("a", "b", "ArmedClash", 2)}


def test_ego_isolated_and_limit():
    graph = filtered_network(small_graph(), ViewFilter(focus=A, hops=1))
    assert sorted(graph) == [A, B]
    assert sorted(filtered_network(small_graph(), ViewFilter(focus=A, hops=2))) == [A, B, C]
    assert sorted(filtered_network(small_graph(), ViewFilter(min_weight=2))) == [A, B, C, D]
    assert sorted(filtered_network(small_graph(), ViewFilter(min_weight=2, isolated=False))) == [A, B]
    top = filtered_network(small_graph(), ViewFilter(limit=2))
    assert sorted(top) == [A, B] and top.graph["total_nodes"] == 4  # a and b: 3 events each


def test_filter_parameters_round_trip_and_refuse_bad_values():
    view = ViewFilter.from_params({"groups": "fights", "from": "2017", "to": "2017-08",
                                   "min_weight": "3", "focus": A, "hops": "2", "isolated": "0"})
    assert (view.start, view.end, view.isolated) == ("2017-01-01", "2017-08-31", False)
    assert ViewFilter.from_params(view.to_params()) == view
    for bad in ({"groups": "nonsense"}, {"from": "last week"}, {"min_weight": "x"},
                {"hops": "99"}, {"limit": "0"}):
        with pytest.raises(InputError):
            ViewFilter.from_params(bad)


def test_centrality_and_blocs_on_known_graphs():
    star = nx.MultiDiGraph([("hub", leaf) for leaf in "xyz"], count=1, sign=1)
    values = centrality(star)
    assert values["hub"]["degree"] == 3 and values["hub"]["betweenness"] == 1.0
    assert values["x"]["betweenness"] == 0.0 and values["hub"]["pagerank"] > values["x"]["pagerank"]
    two = nx.MultiDiGraph()
    two.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f")],
                       sign=1, count=1)
    two.add_edge("c", "d", sign=-1, count=5)
    found = blocs(two)
    assert found["a"] == found["b"] == found["c"] != found["d"] == found["e"] == found["f"]


def test_data_has_positions_centrality_and_evidence():
    data = network_data(ViewSource.from_network(small_graph()))
    assert all("x" in n and "y" in n and n["physics"] is False for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 4
    clash = next(e for e in data["edges"] if e["type"] == "ArmedClash" and e["count"] == 2)
    assert sorted(data["events"][i]["sentence"] for i in clash["events"]) == [
        "sentence 0", "sentence 1"]
    assert data["meta"]["date_min"] == "2013-01-01" and data["meta"]["date_max"] == "2017-08-31"
    assert data["nodes"][0]["href"] == "/id/actor/a"


def test_an_event_row_leaves_out_empty_fields_and_the_defaults():
    from kg.views.data import _event_row

    article = "https://w3id.org/conflict-kg/id/article/x"
    source = ViewSource(nx.MultiDiGraph(), events={
        "https://w3id.org/conflict-kg/id/event/e": {
            "type": "Shelling", "date": "", "date_basis": "unknown", "date_label": "date unknown",
            "sentence": "Guns fired.", "article": article, "article_title": "", "place": "",
            "place_uri": "", "modality": "asserted", "sources": 3, "agents": [A, "elsewhere"],
            "targets": [B], "mediators": []}})
    row = _event_row(source, "https://w3id.org/conflict-kg/id/event/e", [4], False, {A: 0, B: 1},
                     "/id/")
    assert list(row.items()) == [
        ("href", "/id/event/e"), ("type", "Shelling"), ("date_basis", "unknown"),
        ("date_label", "date unknown"), ("sentence", "Guns fired."), ("modality", "asserted"),
        ("article_href", "/id/article/x"), ("sources", 3), ("status", "corroborated by 3 articles"),
        ("claims", [4]), ("actors", [0, 1])]
    alone = _event_row(source, "https://w3id.org/conflict-kg/id/event/e", [], True, {}, "/id/")
    assert alone["status"] == "contradicted" and "claims" not in alone and "actors" not in alone
    assert _event_row(source, "unknown", [], False, {}, "/id/") == {"href": "unknown"}


def test_a_view_leaves_its_graph_to_reference_counting_not_to_the_cyclic_collector():
    import gc

    rng = random.Random(3)
    graph = nx.MultiDiGraph()
    actors = [f"https://w3id.org/conflict-kg/id/actor/a{number}" for number in range(60)]
    for actor in actors:
        graph.add_node(actor, uri=actor, label=actor[-3:], kind="state", country="", aliases=[])
    for number in range(300):
        agent, target = rng.sample(actors, 2)
        graph.add_edge(agent, target, type="ArmedClash", sign=-1, event=f"e{number}", date="2017",
                       event_type="ArmedClash", sentence="s", article="x", place="",
                       modality="asserted")
    source = ViewSource.from_network(graph)
    network_data(source)  # imports and first-use caches
    gc.collect()
    gc.disable()
    try:
        data = network_data(source)
        left = gc.collect()
    finally:
        gc.enable()
    assert len(data["edges"]) > 200
    assert left < 60  # the view's graph held itself in a cycle: 1,071 objects for the collector


def payload_source() -> ViewSource:
    graph = nx.MultiDiGraph()
    for key in ("a", "b"):
        graph.add_node(key, uri=key, label=f"{key} {PAYLOAD}", kind="armed_group", country="",
                       aliases=[PAYLOAD])
    graph.add_edge("a", "b", type="ArmedClash", sign=-1, date="2017-08-27", event="e",
                   event_type="ArmedClash", place=PAYLOAD, sentence=PAYLOAD, article="x",
                   modality="asserted")
    return ViewSource.from_network(graph)


@pytest.mark.parametrize("inline", [False, True])
def test_payloads_never_appear_as_markup_and_templates_run_once(inline):
    html = network_page(payload_source(), inline_assets=inline, asset_base="/a")
    data_block = re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1)
    assert "<script>alert" not in data_block and "<img" not in data_block
    assert "{{7*7}}" in data_block and EVALUATED not in html  # never templated
    assert json.loads(data_block)["nodes"][0]["label"] == f"a {PAYLOAD}"
    if not inline:
        assert "<script>alert" not in html and "<img" not in html
        assert re.findall(r"<script>", html) == []  # no inline script on the served page


def test_json_for_script_escapes_closing_tags():
    assert "</script>" not in json_for_script({"x": "</script>"})
    assert json.loads(json_for_script({"x": "</script>&"})) == {"x": "</script>&"}


def test_standalone_page_inlines_every_asset():
    html = network_page(payload_source(), inline_assets=True)
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "vis.Network" in html and "window.KG" in html and len(html) > 400_000


def test_sparql_reproduces_the_view(seed_store):
    source = view_source(seed_store)
    hezbollah = "https://w3id.org/conflict-kg/id/actor/hezbollah"
    for view in (ViewFilter(), ViewFilter(groups=("fights",)), ViewFilter(min_weight=2),
                 ViewFilter(focus=hezbollah, hops=1, groups=("fights", "co-acts")),
                 ViewFilter(start="2017-08-27", end="2017-08-27")):
        expected = {(s, t, d["type"], d["count"]) for s, t, d in
                    filtered_network(source.network, view).edges(data=True)}
        answer = {(str(r["source"]), str(r["target"]), str(r["type"]), int(str(r["events"])))
                  for r in seed_store.select(view_sparql_for(source, view))}
        assert answer == expected, view
        assert expected or view.start


def test_gexf_and_graphml_open_with_networkx(seed_store):
    source = view_source(seed_store)
    view = ViewFilter(groups=("fights",))
    shown = filtered_network(source.network, view)
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        graph = read(io.BytesIO(export_bytes(source, view, fmt)))
        assert graph.number_of_nodes() == shown.number_of_nodes()
        assert graph.number_of_edges() == shown.number_of_edges()
        assert {d["relation"] for _, _, d in graph.edges(data=True)} <= {
            "ArmedClash", "SeizeTerritory", "AirStrike", "Shelling", "Kidnap"}


def test_companions_on_the_seed(seed_store):
    source = view_source(seed_store)
    claims = claims_data(source)
    pairs = {(claims["claims"][a]["speaker_label"], claims["claims"][b]["speaker_label"])
             for a, b in claims["pairs"]}
    assert any("Bassil" in " ".join(p) and "security source" in " ".join(p) for p in pairs), pairs
    dates = [e["date"] for e in timeline_data(source)["events"] if e["date"]]
    assert dates == sorted(dates) and dates
    isis = "https://w3id.org/conflict-kg/id/actor/isis"
    focused = timeline_data(source, ViewFilter(focus=isis))["events"]
    assert focused and all(isis in [a["id"] for r in ("agents", "targets", "mediators")
                                    for a in e[r]] for e in focused)
    places = map_data(source)["places"]
    arsal = next(p for p in places if p["label"] == "Arsal")
    assert (arsal["x"], arsal["y"]) == project(arsal["lat"], arsal["long"])


def test_projection_corners():
    assert project(90.0, -180.0) == (0.0, 0.0)
    assert project(-90.0, 180.0) == (1000.0, 500.0)
    assert project(34.1, 36.4) == (round(216.4 / 360 * 1000, 2), round(55.9 / 180 * 500, 2))


def test_the_same_graph_gets_the_same_layout_and_communities():
    from kg.views.network import communities, layout

    graph = nx.MultiDiGraph(nx.gnm_random_graph(80, 160, seed=3, directed=True))
    nx.set_edge_attributes(graph, 1, "count")
    first = (layout(graph), communities(graph))
    random.random()  # whatever else draws from Python's generator meanwhile
    assert (layout(graph), communities(graph)) == first


def test_a_source_keeps_its_latest_pages_and_data_for_the_next_request():
    from kg.views.data import kept_network_data
    from kg.views.source import KEPT

    graph = nx.MultiDiGraph()
    for actor in ("a", "b", "c"):
        graph.add_node(actor, uri=actor, label=actor.upper(), kind="state", country="", aliases=[])
    graph.add_edge("a", "b", type="Shelling", sign=-1, event="e1", date="2017-01-02")
    graph.add_edge("b", "c", type="Negotiate", sign=1, event="e2", date="2017-03-04")
    source = ViewSource.from_network(graph)
    page = network_page(source, inline_assets=False, asset_base="/assets")
    assert network_page(source, inline_assets=False, asset_base="/assets") is page
    assert network_page(source, inline_assets=True) is not page
    fights = ViewFilter.from_params({"groups": "fights"})
    data = kept_network_data(source, fights)
    assert kept_network_data(source, fights) is data
    assert len(data["edges"]) == 1 and len(kept_network_data(source, ViewFilter())["edges"]) == 2
    for day in range(1, KEPT + 2):  # more views than a source keeps: the oldest are built again
        kept_network_data(source, ViewFilter.from_params({"to": f"2017-12-{day:02d}"}))
    assert kept_network_data(source, fights) is not data
