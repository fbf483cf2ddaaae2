"""Paged timeline, claims and map: the same rows as the whole views, a page at a time."""

from __future__ import annotations

import kg.views.paged
from kg.aggregates.tallies import HAPPENED


def test_the_timelines_pages_are_the_whole_timeline_in_order(client, monkeypatch):
    whole = client.get("/timeline.json").get_json()["events"]
    assert len(whole) > 6
    monkeypatch.setattr(kg.views.paged, "PER_PAGE", 5)
    first = client.get("/timeline.json?page=1").get_json()
    paging = first["meta"]["paging"]
    assert paging["pages"] == -(-len(whole) // 5) and paging["next"] == "?page=2"
    pages = [client.get(f"/timeline.json?page={n}").get_json()["events"]
             for n in range(1, paging["pages"] + 1)]
    assert [e for page in pages for e in page] == whole


def test_a_timeline_page_keeps_the_filters(client):
    isis = "https://w3id.org/conflict-kg/id/actor/isis"
    query = {"focus": isis, "groups": "fights"}
    whole = client.get("/timeline.json", query_string=query).get_json()["events"]
    paged = client.get("/timeline.json", query_string={**query, "page": 1}).get_json()["events"]
    assert paged == whole and whole


def test_the_claims_pages_are_the_whole_claims(client, monkeypatch):
    whole = client.get("/claims.json").get_json()
    paged = client.get("/claims.json?page=1").get_json()
    assert paged["claims"] == whole["claims"] and paged["pairs"] == whole["pairs"]
    monkeypatch.setattr(kg.views.paged, "PER_PAGE", 2)
    pages = client.get("/claims.json?page=1").get_json()["meta"]["paging"]["pages"]
    claims = [c for n in range(1, pages + 1)
              for c in client.get(f"/claims.json?page={n}").get_json()["claims"]]
    assert claims == whole["claims"]


def test_the_map_of_a_large_store_counts_the_events_at_each_place(client):
    whole = client.get("/map.json").get_json()["places"]
    counted = client.get("/map.json?page=1").get_json()["places"]
    happened = {p["uri"]: sum(e["modality"] in HAPPENED for e in p["events"]) for p in whole}
    assert {p["uri"]: p["count"] for p in counted} == {u: n for u, n in happened.items() if n}
    assert all(p["events"] == [] for p in counted)


def test_pages_link_to_each_other_in_html(client, monkeypatch):
    monkeypatch.setattr(kg.views.paged, "PER_PAGE", 5)
    assert client.get("/timeline?page=2").status_code == 200
    assert client.get("/timeline.json?page=x").status_code == 400
    assert client.get("/claims?page=0").status_code == 400
