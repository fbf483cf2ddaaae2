"""Linked Data: every URI of the seed graph resolves to a page, JSON and RDF."""

from __future__ import annotations

from markupsafe import escape

import pytest
from rdflib import RDF, Graph, URIRef

from kg import ids
from kg.vocab import CKG

KINDS = {CKG.Actor: "actor", CKG.Event: "event", CKG.Claim: "claim", CKG.Place: "place",
         CKG.Article: "article"}


def path_of(uri: URIRef) -> str:
    return "/id/" + str(uri)[len(ids.BASE):]


@pytest.fixture
def seed_uris(seed_store):
    """One URI of each kind from the seed graph, read from the store (not hard-coded)."""
    found = {}
    for cls, kind in KINDS.items():
        rows = seed_store.select("SELECT ?s WHERE { ?s a ?cls } ORDER BY ?s LIMIT 1", {"cls": cls})
        found[kind] = rows.column("s")[0]
    return found


@pytest.mark.parametrize("kind", sorted(KINDS.values()))
def test_every_kind_resolves_as_html_json_and_rdf(client, seed_store, seed_uris, kind):
    uri = seed_uris[kind]
    page = client.get(path_of(uri), headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html"
    data = client.get(path_of(uri) + ".json").get_json()
    assert data["uri"] == str(uri) and data["kind"] == kind
    assert str(escape(data["label"])) in page.get_data(as_text=True)
    turtle = client.get(path_of(uri), headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.data, format="turtle")
    stored = {(row["p"], row["o"]) for row in seed_store.select(
        "SELECT ?p ?o WHERE { ?s ?p ?o }", {"s": uri})}
    assert {(p, o) for _, p, o in graph.triples((uri, None, None))} == stored


def test_actor_page_lists_its_events_with_sentences_and_links_onward(client, seed_store):
    hezbollah = ids.actor_uri("hezbollah")
    data = client.get(path_of(hezbollah) + ".json").get_json()
    stored_events = set(seed_store.select(
        "SELECT DISTINCT ?e WHERE { ?e a ?event ; ?role ?a }",
        {"a": hezbollah, "event": CKG.Event}).column("e"))
    assert {URIRef(e["uri"]) for e in data["events"]} == stored_events
    assert all(e["sentence"].strip() for e in data["events"])
    page = client.get(path_of(hezbollah), headers={"Accept": "text/html"}).get_data(as_text=True)
    first = data["events"][0]
    assert f'href="{path_of(URIRef(first["uri"]))}"' in page
    assert "show on the network" in page


@pytest.mark.parametrize("accept, rdflib_name, media_type", [
    ("application/ld+json", "json-ld", "application/ld+json"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/rdf+xml", "xml", "application/rdf+xml"),
])
def test_machines_get_rdf_by_accept(client, seed_uris, accept, rdflib_name, media_type):
    uri = seed_uris["event"]
    response = client.get(path_of(uri), headers={"Accept": accept})
    assert response.mimetype == media_type and "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.data, format=rdflib_name)
    assert (uri, RDF.type, CKG.Event) in graph


@pytest.mark.parametrize("suffix, rdflib_name", [("ttl", "turtle"), ("jsonld", "json-ld"),
                                                 ("nt", "nt"), ("rdf", "xml")])
def test_suffix_picks_the_form(client, seed_uris, suffix, rdflib_name):
    uri = seed_uris["place"]
    response = client.get(f"{path_of(uri)}.{suffix}", headers={"Accept": "text/html"})
    assert (uri, RDF.type, CKG.Place) in Graph().parse(data=response.data, format=rdflib_name)


@pytest.mark.parametrize("path, status", [
    # a space or <> in the path is percent-encoded into a well-formed URI that names nothing
    ("/id/actor/nobody-at-all", 404), ("/id/actor/a%20b", 404), ("/id/actor/%3Cx%3E", 404),
    ("/id/", 404), ("/id/actor/nobody.json", 404),
])
def test_unknown_or_malformed_uris_are_4xx_never_500(client, path, status):
    for accept in ("text/html", "text/turtle", "application/json"):
        response = client.get(path, headers={"Accept": accept})
        assert response.status_code == status, (path, accept)


def test_an_entitys_events_come_a_page_at_a_time(client, monkeypatch):
    import kg.entities

    whole = client.get("/id/actor/isis.json").get_json()
    assert len(whole["events"]) > 4 and whole["next_page"] is None
    monkeypatch.setattr(kg.entities, "PER_PAGE", 4)
    pages, number = [], 1
    while number:
        page = client.get(f"/id/actor/isis.json?page={number}").get_json()
        pages.append(page)
        number = page["next_page"]
    assert [e["uri"] for p in pages for e in p["events"]] == [e["uri"] for e in whole["events"]]
    assert client.get("/id/actor/isis?page=0").status_code == 400
