"""The JSON REST API, its OpenAPI document and /healthz, on the seed graph."""

from __future__ import annotations

import pytest
from werkzeug.routing import Map, Rule

from kg import ids
from kg.vocab import CKG


def count_of(store, cls) -> int:
    rows = store.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?cls }", {"cls": cls})
    return int(rows.column("n")[0])


def test_actors_are_those_of_the_store(client, seed_store):
    body = client.get("/api/actors").get_json()
    assert body["count"] == len(body["items"]) == count_of(seed_store, CKG.Actor)
    isis = next(item for item in body["items"] if item["key"] == "isis")
    assert isis["uri"] == str(ids.actor_uri("isis")) and isis["events"] > 0


def test_actor_detail_is_the_entity_json(client):
    api = client.get("/api/actors/hezbollah").get_json()
    page = client.get("/id/actor/hezbollah.json").get_json()
    assert api == page and api["label"] == "Hezbollah"


def test_events_filter_by_actor_type_and_dates(client, seed_store):
    every = client.get("/api/events", query_string={"limit": 1000}).get_json()["items"]
    assert len(every) == count_of(seed_store, CKG.Event)
    isis = str(ids.actor_uri("isis"))
    by_actor = client.get("/api/events", query_string={"actor": "isis", "limit": 1000}).get_json()
    assert by_actor["items"] and {e["uri"] for e in by_actor["items"]} == {
        e["uri"] for e in every if isis in e["agents"] + e["targets"] + e["mediators"]}
    fights = client.get("/api/events", query_string={"type": "ArmedClash"}).get_json()["items"]
    assert fights and {e["type"] for e in fights} == {"ArmedClash"}
    recent = client.get("/api/events", query_string={"since": "2017-08", "limit": 1000}).get_json()
    assert {e["uri"] for e in recent["items"]} == {
        e["uri"] for e in every if e["date"] and e["date"] >= "2017-08"}


def test_paging(client):
    first = client.get("/api/events", query_string={"limit": 2}).get_json()["items"]
    second = client.get("/api/events", query_string={"limit": 2, "offset": 2}).get_json()["items"]
    assert len(first) == len(second) == 2 and not {e["uri"] for e in first} & {
        e["uri"] for e in second}


@pytest.mark.parametrize("query", [{"limit": "x"}, {"limit": 0}, {"since": "yesterday"},
                                   {"type": "NoSuchType"}, {"offset": -1}])
def test_bad_parameters_are_400_json(client, query):
    response = client.get("/api/events", query_string=query)
    assert response.status_code == 400 and response.get_json()["error"] == "InputError"


def test_claims_by_speaker(client, seed_store):
    every = client.get("/api/claims", query_string={"limit": 1000}).get_json()["items"]
    assert len(every) == count_of(seed_store, CKG.Claim)
    speaker = every[0]["speaker"]
    key = ids.key_of(speaker)[1]
    mine = client.get("/api/claims", query_string={"speaker": key}).get_json()["items"]
    assert mine and {c["uri"] for c in mine} == {c["uri"] for c in every if c["speaker"] == speaker}


def test_articles(client, seed_article):
    (article,) = client.get("/api/articles").get_json()["items"]
    assert article["uri"] == str(ids.article_uri(seed_article.key))
    assert article["published"] == "2017-08-27"


def test_every_openapi_path_is_served_and_every_api_route_documented(app, client):
    document = client.get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    served: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or rule.rule == "/healthz":
            methods = {m.lower() for m in rule.methods} - {"head", "options"}
            served.setdefault(rule.rule.replace("<", "{").replace(">", "}"), set()).update(methods)
    served.pop("/api/openapi.json")  # the document does not describe itself
    assert set(document["paths"]) == set(served)
    for path, operations in document["paths"].items():
        assert set(operations) == served[path], path
        assert all(op["responses"] for op in operations.values()), path


def test_healthz_reports_the_store(client, seed_store):
    body = client.get("/healthz").get_json()
    assert body == {"status": "ok", "store": seed_store.uri, "quads": len(seed_store)}
    seed_store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
    assert client.get("/healthz").get_json()["quads"] == body["quads"] + 1  # counted afresh


def test_healthz_is_503_when_the_store_cannot_open(tmp_path):
    from web import create_app

    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    app = create_app({"TESTING": True, "KG_STORE": f"oxigraph:{blocked}"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.get_json()["status"] == "error"


def test_post_article_with_the_token_ingests_it(memory_store, extractor):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": "t0ken"})
    app.extensions["kg_store"] = memory_store
    app.extensions["kg_extractor"] = extractor
    client = app.test_client()
    from kg.analysis.writeback import write

    text = "Hezbollah fighters clashed with Islamic State militants near Arsal on Sunday."
    body = {"text": text, "title": "Clash", "published": "2017-08-20", "id": "clash"}
    analyses = ids.analysis_graph()
    in_analyses = "ASK { GRAPH ?g { ?x ?p ?actor } }"
    write(memory_store)  # as `kg analyze --write` does
    before = len(memory_store)
    assert not memory_store.ask(in_analyses, {"g": analyses, "actor": ids.actor_uri("hezbollah")})
    try:
        refused = client.post("/api/articles", json=body)
        assert refused.status_code == 401 and len(memory_store) == before
        auth = {"Authorization": "Bearer t0ken"}
        created = client.post("/api/articles", json=body, headers=auth)
        assert created.status_code == 201 and created.get_json()["added"] == ["clash"]
        assert set(memory_store.graphs()) == {ids.article_uri("clash"), analyses,
                                              *ids.shared_graphs()}
        assert memory_store.ask(in_analyses, {"g": analyses, "actor": ids.actor_uri("hezbollah")})
        again = client.post("/api/articles", json=body, headers=auth)
        assert again.status_code == 200 and again.get_json()["unchanged"] == ["clash"]
    finally:
        close_app(app)
