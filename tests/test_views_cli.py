"""``kg view``: the standalone page from the command line, with the view's filters."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from kg.cli import main
from kg.cli.env import Environment

ISIS = "https://w3id.org/conflict-kg/id/actor/isis"


def page_data(path) -> dict:
    html = path.read_text("utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', html)
    return json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))


def test_kg_view_writes_a_standalone_page_with_filters(seed_store, tmp_path):
    from kg.views import network_data, view_source

    full = network_data(view_source(seed_store))  # before kg view closes the store
    env = Environment(store_uri="memory:", _store=seed_store)
    out = tmp_path / "fights.html"
    result = CliRunner().invoke(main, ["view", "--out", str(out), "--groups", "fights",
                                       "--focus", ISIS], obj=env)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    focused = page_data(out)
    assert {e["group"] for e in focused["edges"]} == {"fights"}
    assert 0 < len(focused["edges"]) < len(full["edges"])
    assert focused["nodes"][focused["meta"]["focus"]]["uri"] == ISIS
    assert focused["nodes"][0]["href"].startswith("https://w3id.org/conflict-kg/id/")  # no server


def test_kg_view_refuses_bad_filters_as_usage_errors(memory_store, tmp_path):
    env = Environment(store_uri="memory:", _store=memory_store)
    result = CliRunner().invoke(main, ["view", "--out", str(tmp_path / "x.html"), "--from",
                                       "last week"], obj=env)
    assert result.exit_code == 2 and "from" in result.output
    assert not (tmp_path / "x.html").exists()


def test_top_actors_above_the_limit(client):
    data = client.get("/network.json?limit=3").get_json()
    assert data["meta"]["total_nodes"] > 3 and len(data["nodes"]) == 3
    labels = {n["label"] for n in data["nodes"]}
    assert "Hezbollah" in labels and "Islamic State" in labels  # the most active
