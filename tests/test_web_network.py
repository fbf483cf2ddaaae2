"""The view routes: pages with a strict CSP and no inline script, data twins, exports, assets."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest

ISIS = "https://w3id.org/conflict-kg/id/actor/isis"
PAGES = ("/network", "/timeline", "/claims", "/map")


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_a_strict_csp_and_only_local_scripts(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    html = response.get_data(as_text=True)
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all('src="/network/assets/' in s or 'type="application/json"' in s for s in scripts)
    assert not re.search(r'(src|href)="(https?:)?//', html)
    for asset in re.findall(r'(?:src|href)="(/network/assets/[^"]+)"', html):
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("path", ["/network/assets/nope.js", "/network/assets/..%2fviews.py",
                                  "/network/assets/page.py"])
def test_only_known_assets_are_served(client, path):
    assert client.get(path).status_code == 404


def test_data_twin_follows_the_filters(client):
    everything = client.get("/network.json").get_json()
    fights = client.get("/network.json?groups=fights").get_json()
    assert {e["group"] for e in fights["edges"]} == {"fights"}
    assert len(fights["edges"]) < len(everything["edges"])
    ego = client.get(f"/network.json?focus={ISIS}&hops=1").get_json()
    assert ISIS in {n["uri"] for n in ego["nodes"]} and len(ego["nodes"]) < len(everything["nodes"])


@pytest.mark.parametrize("query", ["", "?groups=fights", f"?focus={ISIS}&hops=1"])
def test_data_twin_is_gzipped_for_a_client_that_accepts_it(client, query):
    import gzip

    plain = client.get(f"/network.json{query}")
    packed = client.get(f"/network.json{query}", headers={"Accept-Encoding": "gzip, br"})
    refused = client.get(f"/network.json{query}", headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in plain.headers and "Content-Encoding" not in refused.headers
    assert packed.headers["Content-Encoding"] == "gzip" and len(packed.data) < len(plain.data)
    assert gzip.decompress(packed.data) == plain.data == refused.data
    assert all("Accept-Encoding" in r.headers["Vary"] for r in (plain, packed, refused))


@pytest.mark.parametrize("query", ["groups=nonsense", "from=yesterday", "min_weight=-1",
                                   "hops=x", "limit=0"])
def test_bad_filters_are_a_400(client, query):
    for path in ("/network", "/network.json", "/network.gexf", "/timeline", "/map"):
        assert client.get(f"{path}?{query}").status_code == 400, path


def test_exports_open_with_networkx_and_match_the_data(client):
    data = client.get("/network.json?groups=fights,co-acts&min_weight=2").get_json()
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        response = client.get(f"/network.{fmt}?groups=fights,co-acts&min_weight=2")
        assert response.status_code == 200
        assert "attachment" in response.headers["Content-Disposition"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        graph = read(io.BytesIO(response.data))
        assert graph.number_of_edges() == len(data["edges"])
        assert graph.number_of_nodes() == len(data["nodes"])


def test_sparql_of_the_view_runs_on_the_store(client, seed_store):
    text = client.get("/network.rq?groups=fights").get_data(as_text=True)
    rows = list(seed_store.select(text))
    fights = client.get("/network.json?groups=fights").get_json()["edges"]
    assert sorted(int(str(r["events"])) for r in rows) == sorted(e["count"] for e in fights)


def test_unknown_focus_is_not_an_error(client):
    response = client.get("/network?focus=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 200
    assert "<script>alert" not in response.get_data(as_text=True)


def test_companion_data(client):
    assert client.get("/claims.json").get_json()["pairs"]
    events = client.get("/timeline.json?groups=fights").get_json()["events"]
    assert events and {e["group"] for e in events} == {"fights"}
    places = client.get("/map.json").get_json()["places"]
    assert all(0 <= p["x"] <= 1000 and 0 <= p["y"] <= 500 for p in places) and places
