"""The analyses over HTTP: JSON by default, filters as query parameters, 404 and 400 as JSON."""

from __future__ import annotations

import csv
import io

import pytest

from kg import ids
from web import create_app

ISIS = str(ids.actor_uri("isis"))


@pytest.fixture
def analysis_client(seed_store):
    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    assert "analysis" in app.blueprints  # listed in web/__init__.py BLUEPRINTS
    app.extensions["kg_store"] = seed_store
    return app.test_client()


def test_fights_of_isis(analysis_client):
    response = analysis_client.get("/api/analysis/fights?actor=ISIS")
    assert response.status_code == 200 and response.mimetype == "application/json"
    rows = response.get_json()["rows"]
    partners = {r["a"]["uri"] if r["b"]["uri"] == ISIS else r["b"]["uri"] for r in rows}
    assert {str(ids.actor_uri(k)) for k in ("lebanon-military", "hezbollah", "syria-military")} \
        <= partners


def test_filters_are_query_parameters(analysis_client):
    clashes = analysis_client.get("/api/analysis/fights?types=ArmedClash").get_json()
    assert clashes["filters"]["types"] == ["ArmedClash"]
    assert all(set(r["types"]) == {"ArmedClash"} for r in clashes["rows"])
    assert analysis_client.get("/api/analysis/fights?until=2016").get_json()["rows"] == []


def test_every_analysis_and_the_csv_form(analysis_client):
    names = analysis_client.get("/api/analysis").get_json()["analyses"]
    assert {"fights", "mediators", "blocs", "balance", "centrality", "ego", "path"} == set(names)
    for query in ("mediators", "blocs", "balance?window=month", "centrality?top=3",
                  "ego?actor=hezbollah&hops=2", "path?actor=Gebran%20Bassil&other=Daesh"):
        response = analysis_client.get(f"/api/analysis/{query}")
        assert response.status_code == 200, (query, response.get_json())
    body = analysis_client.get("/api/analysis/centrality?format=csv").get_data(as_text=True)
    assert "actor_uri" in next(csv.reader(io.StringIO(body)))


@pytest.mark.parametrize(("query", "status", "error"), [
    ("gossip", 404, "UnknownAnalysis"),
    ("fights?actor=Atlantis", 404, "NotFound"),
    ("fights?min_weight=heavy", 400, "InputError"),
    ("fights?since=last-week", 400, "InputError"),
    ("ego", 400, "InputError"),
    ("fights?types=Skirmish", 400, "InputError"),
    ("fights?format=xml", 400, "InputError"),
])
def test_errors(analysis_client, query, status, error):
    response = analysis_client.get(f"/api/analysis/{query}")
    assert response.status_code == status
    assert response.get_json()["error"] == error


def test_rows_come_a_page_at_a_time(analysis_client):
    whole = analysis_client.get("/api/analysis/fights?limit=1000").get_json()
    total = whole["summary"]["page"]["rows"]
    assert total == len(whole["rows"]) >= 3
    pages = [analysis_client.get(f"/api/analysis/fights?limit=2&offset={start}").get_json()
             for start in range(0, total, 2)]
    assert [row for page in pages for row in page["rows"]] == whole["rows"]
    assert {page["summary"]["page"]["rows"] for page in pages} == {total}
    assert pages[1]["summary"]["page"] == {"offset": 2, "limit": 2, "rows": total}
    assert analysis_client.get(f"/api/analysis/fights?offset={total}").get_json()["rows"] == []


@pytest.mark.parametrize("query", ["fights?limit=0", "fights?limit=1001", "fights?offset=-1",
                                   "fights?limit=many"])
def test_a_bad_page_is_a_400(analysis_client, query):
    response = analysis_client.get(f"/api/analysis/{query}")
    assert response.status_code == 400 and response.get_json()["error"] == "InputError"
