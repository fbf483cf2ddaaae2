"""The network page builder: escaping, data, positions, standalone file."""

from __future__ import annotations

import json
import re

import networkx as nx

from kg.views import json_for_script, network_data, network_page

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(1)>{{7*7}}'


def payload_graph():
    graph = nx.MultiDiGraph()
    for key in ("a", "b"):
        graph.add_node(key, uri=key, label=f"{key} {PAYLOAD}", kind="armed_group", country="",
                       aliases=[PAYLOAD])
    graph.add_edge("a", "b", type="ArmedClash", sign=-1, date="2017-08-27", event="e",
                   event_type="ArmedClash", place=PAYLOAD, sentence=PAYLOAD, article="x",
                   modality="asserted")
    return graph


def test_payloads_never_appear_as_markup_and_templates_run_once():
    html = network_page(payload_graph(), inline_assets=False, asset_base="/a")
    assert "<script>alert" not in html and "<img" not in html
    data_block = re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1)
    assert "{{7*7}}" in data_block and "49" not in data_block  # never templated
    assert json.loads(data_block)["nodes"][0]["label"] == f"a {PAYLOAD}"


def test_json_for_script_escapes_closing_tags():
    assert "</script>" not in json_for_script({"x": "</script>"})


def test_data_has_positions_and_evidence_without_physics():
    data = network_data(payload_graph())
    assert all("x" in n and "y" in n and n["physics"] is False for n in data["nodes"])
    assert data["edges"][0]["evidence"][0]["sentence"] == PAYLOAD


def test_standalone_page_inlines_every_asset():
    html = network_page(payload_graph(), inline_assets=True)
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "vis.Network" in html and len(html) > 400_000
