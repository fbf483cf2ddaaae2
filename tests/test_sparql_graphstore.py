"""The Graph Store protocol's default graph, new graphs, direct identification and multipart POSTs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

TOKEN = "graph-store-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURTLE = "text/turtle"


@pytest.fixture
def writer(memory_store) -> Iterator:
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": TOKEN,
                      "KG_PUBLIC_URL": "http://kg.example/"})
    app.extensions["kg_store"] = memory_store
    yield app.test_client()
    close_app(app)


def _nt(response) -> set[str]:
    return {line for line in response.get_data(as_text=True).splitlines() if line.strip()}


def test_default_graph_put_get_post_delete(writer, memory_store):
    put = writer.put("/sparql/graph?default", data=b"<urn:a> <urn:p> 1 .", headers=AUTH,
                     content_type=TURTLE)
    assert put.status_code == 204
    writer.post("/sparql/graph?default", data=b"<urn:a> <urn:p> 2 .", headers=AUTH,
                content_type=TURTLE)
    got = writer.get("/sparql/graph?default", headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and len(_nt(got)) == 2
    assert memory_store.graphs() == []  # the default graph is no named graph
    assert writer.delete("/sparql/graph?default", headers=AUTH).status_code == 204
    assert _nt(writer.get("/sparql/graph?default",
                          headers={"Accept": "application/n-triples"})) == set()


def test_default_graph_writes_need_the_token(writer):
    assert writer.put("/sparql/graph?default", data=b"<urn:a> <urn:p> 1 .",
                      content_type=TURTLE).status_code == 401


def test_post_to_the_root_creates_a_graph_at_its_location(writer):
    created = writer.post("/sparql/graph", data=b"<urn:a> <urn:p> 1 .", headers=AUTH,
                          content_type=TURTLE)
    assert created.status_code == 201
    location = created.headers["Location"]
    assert location.startswith("http://kg.example/sparql/graph/")
    by_parameter = writer.get("/sparql/graph", query_string={"graph": location},
                              headers={"Accept": "application/n-triples"})
    direct = writer.get(location.removeprefix("http://kg.example"),
                        headers={"Accept": "application/n-triples"})
    assert _nt(by_parameter) == _nt(direct) == {'<urn:a> <urn:p> "1"^^'
                                                '<http://www.w3.org/2001/XMLSchema#integer> .'}


def test_direct_identification_names_the_graph_by_the_url(writer, memory_store):
    assert writer.put("/sparql/graph/person/1.ttl", data=b"<#me> <urn:p> <x> .", headers=AUTH,
                      content_type=TURTLE).status_code == 201
    iri = "http://kg.example/sparql/graph/person/1.ttl"
    assert [str(g) for g in memory_store.graphs()] == [iri]
    body = _nt(writer.get("/sparql/graph/person/1.ttl",
                          headers={"Accept": "application/n-triples"}))
    assert body == {f"<{iri}#me> <urn:p> <http://kg.example/sparql/graph/person/x> ."}
    assert writer.delete("/sparql/graph/person/1.ttl", headers=AUTH).status_code == 204
    assert writer.get("/sparql/graph/person/1.ttl").status_code == 404


def test_multipart_post_adds_every_part(writer):
    boundary = "b0undary"
    parts = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"; "
                    f"filename=\"f{i}.ttl\"\r\nContent-Type: text/turtle\r\n\r\n"
                    f"<urn:a> <urn:p> {i} .\r\n" for i in (1, 2)) + f"--{boundary}--\r\n"
    response = writer.post("/sparql/graph?graph=urn:g", data=parts.encode(), headers=AUTH,
                           content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 201
    assert len(_nt(writer.get("/sparql/graph?graph=urn:g",
                              headers={"Accept": "application/n-triples"}))) == 2


def test_empty_put_keeps_an_empty_graph(writer):
    assert writer.put("/sparql/graph?graph=urn:empty", data=b"", headers=AUTH,
                      content_type=TURTLE).status_code == 201
    got = writer.get("/sparql/graph?graph=urn:empty", headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and _nt(got) == set()
    asked = writer.get("/sparql", query_string={"query": "ASK { }",
                                                "default-graph-uri": "urn:empty"})
    assert asked.status_code == 200


def test_graph_and_default_together_are_a_400(writer):
    response = writer.get("/sparql/graph?default&graph=urn:g")
    assert response.status_code == 400 and "not both" in response.get_json()["message"]
