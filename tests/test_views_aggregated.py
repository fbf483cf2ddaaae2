"""/network.json from the tallies: top N by activity, pages, ego networks, evidence on demand."""

from __future__ import annotations

import pytest

from kg.aggregates.read import actors_by_activity, dyads


def test_top_n_are_the_most_active_actors_with_the_dyads_among_them(client, seed_store):
    data = client.get("/network.json?top=5").get_json()
    ranked = [uri for uri, _ in actors_by_activity(seed_store)]
    assert [n["uri"] for n in data["nodes"]] == ranked[:5]
    assert data["meta"]["total_nodes"] == len(ranked) > 5
    shown = set(ranked[:5])
    expected = {(d.agent, d.other, d.relation): d.count for d in dyads(seed_store)
                if d.agent in shown and d.other in shown}
    uri = {n["id"]: n["uri"] for n in data["nodes"]}
    assert {(uri[e["from"]], uri[e["to"]], e["type"]): e["count"] for e in data["edges"]} == expected
    assert data["events"] == [] and all(e["events"] == [] for e in data["edges"])


def test_pages_cover_every_active_actor_once(client, seed_store):
    first = client.get("/network.json?top=4").get_json()
    pages = first["meta"]["aggregated"]["pages"]
    seen = [n["uri"] for p in range(1, pages + 1)
            for n in client.get(f"/network.json?top=4&page={p}").get_json()["nodes"]]
    assert sorted(seen) == sorted(uri for uri, _ in actors_by_activity(seed_store))
    assert len(seen) == len(set(seen))


def test_an_ego_network_is_the_actor_and_its_neighbours(client, seed_store):
    data = client.get("/network.json?actor=isis").get_json()
    isis = "https://w3id.org/conflict-kg/id/actor/isis"
    neighbours = {d.other if d.agent == isis else d.agent for d in dyads(seed_store)
                  if isis in (d.agent, d.other)} - {isis}
    assert data["nodes"][data["meta"]["focus"]]["uri"] == isis
    assert {n["uri"] for n in data["nodes"]} == neighbours | {isis}
    by_label = client.get("/network.json?actor=ISIS").get_json()
    assert [n["uri"] for n in by_label["nodes"]] == [n["uri"] for n in data["nodes"]]


def test_every_edges_evidence_pages_to_its_count(client):
    data = client.get("/network.json?top=500").get_json()
    assert data["edges"]
    for edge in data["edges"]:
        events, page = [], 1
        while True:
            found = client.get("/network/evidence.json", query_string={**edge["evidence"],
                                                                      "page": page}).get_json()
            events += found["events"]
            if len(found["events"]) < found["per_page"]:
                break
            page += 1
        assert len(events) == edge["count"] == len({e["uri"] for e in events})
        assert all(e["sentence"] and e["href"] for e in events)


def test_evidence_shows_each_events_place_label_and_date_in_date_order(seed_store):
    """What a page shows of each event is read after the page is cut: the place's label from
    the entities graph, the event's date, its sentence, in date order."""
    from kg import ids
    from kg.aggregates.evidence import dyad_evidence
    from kg.vocab import sparql_prologue

    labels = dict(seed_store.select_text(sparql_prologue() + "SELECT ?p ?l WHERE { GRAPH ?e { "
                                          "?p a ckg:Place ; rdfs:label ?l } }",
                                          {"e": ids.entities_graph()}))
    placed = 0
    for dyad in dyads(seed_store):
        events = dyad_evidence(seed_store, dyad.agent, dyad.other, dyad.relation,
                               per_page=100)["events"]
        assert len(events) == dyad.count
        dates = [e["date"] for e in events if e.get("date")]
        assert dates == sorted(dates)
        for event in events:
            assert event["sentence"] and event["article_title"]
            assert event["place"] == labels.get(event["place_uri"], "")
            placed += bool(event["place"])
    assert placed  # the seed's events are placed: the labels were compared, not only blanks


@pytest.mark.parametrize("query, status", [
    ("/network.json?top=0", 400), ("/network.json?top=x", 400), ("/network.json?page=0", 400),
    ("/network.json?actor=nobody-at-all", 404), ("/network/evidence.json?agent=a", 400),
    ("/network/evidence.json?agent=a&other=b&type=Nonsense", 400)])
def test_bad_paging_is_a_4xx_with_one_line(client, query, status):
    response = client.get(query)
    assert response.status_code == status
    assert "Traceback" not in response.get_data(as_text=True)


def test_the_page_of_a_top_n_view_carries_the_aggregated_data(client):
    import json
    import re

    html = client.get("/network?top=3").get_data(as_text=True)
    blob = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)
    data = json.loads(blob.group(1))  # type: ignore[union-attr]
    assert len(data["nodes"]) == 3 and data["meta"]["aggregated"]["top"] == 3


def test_the_event_level_network_is_laid_out_once_per_store_generation(seed_store, monkeypatch):
    from kg.views import data as view_data
    from kg.views.aggregated import network_html, network_json

    calls: list[int] = []
    real_layout = view_data.layout
    monkeypatch.setattr(view_data, "layout", lambda graph: calls.append(1) or real_layout(graph))
    first = network_json(seed_store, {})
    assert network_json(seed_store, {}) == first and len(calls) == 1
    page = network_html(seed_store, {}, asset_base="/assets/", links={})
    assert network_html(seed_store, {}, asset_base="/assets/", links={}) == page and len(calls) == 2
    network_json(seed_store, {"groups": "fights"})
    assert len(calls) == 3  # another filter is another layout
    seed_store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
    assert network_json(seed_store, {}) == first and len(calls) == 4  # a write: laid out again


@pytest.mark.parametrize("most_events, aggregated", [(5, True), (10_000, False)])
def test_a_store_of_many_events_is_read_from_the_tallies(seed_store, monkeypatch, most_events,
                                                         aggregated):
    from kg.aggregates.read import date_histogram
    from kg.views import aggregated as views

    assert 5 < sum(n for _, n in date_histogram(seed_store)) < 10_000
    assert len(views.actors_by_activity(seed_store)) <= views.DEFAULT_TOP
    monkeypatch.setattr(views, "EVENT_LEVEL_MAX", most_events)
    assert ("aggregated" in views.network_json(seed_store, {})["meta"]) is aggregated


def test_the_default_top_n_and_the_same_top_n_given_share_one_answer(seed_store, monkeypatch):
    from kg.views import aggregated as views

    monkeypatch.setattr(views, "EVENT_LEVEL_MAX", 0)  # the seed read as a large store
    default = views.network_json(seed_store, {})
    assert views.network_json(seed_store, {"top": str(views.DEFAULT_TOP)}) is default
    assert views.network_json(seed_store, {"top": "3"}) is not default
    page = views.network_html(seed_store, {}, asset_base="/a/", links={})
    assert views.network_html(seed_store, {"top": str(views.DEFAULT_TOP)}, asset_base="/a/",
                              links={}) is page


def test_network_json_text_is_the_answer_written_once_per_generation(client, seed_store):
    import json

    from kg.views.aggregated import network_json, network_json_text

    text = network_json_text(seed_store, {"top": "4"})
    assert network_json_text(seed_store, {"top": "4"}) is text
    assert json.loads(text) == json.loads(json.dumps(network_json(seed_store, {"top": "4"})))
    assert client.get("/network.json?top=4").get_json() == json.loads(text)


def test_edges_caps_the_lines_sent_and_says_how_many_there_are(client):
    whole = client.get("/network.json?top=500").get_json()
    total = len(whole["edges"])
    assert total > 4 and whole["meta"]["aggregated"]["total_edges"] == total
    cut = client.get("/network.json?top=500&edges=2").get_json()
    shown = cut["meta"]["aggregated"]
    assert shown["total_edges"] == total and shown["shown_edges"] == len(cut["edges"]) < total
    counts = sorted((e["count"] for e in whole["edges"]), reverse=True)
    assert sorted((e["count"] for e in cut["edges"]), reverse=True)[:2] == counts[:2]
    assert {n["uri"] for n in cut["nodes"]} == {n["uri"] for n in whole["nodes"]}  # none cut loose
    assert client.get("/network.json?edges=0").status_code == 400
