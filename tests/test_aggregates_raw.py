"""kg.aggregates.raw: the tallies stay current after a SPARQL Update, a Graph Store write and
kg import (each equal to a recount from scratch)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg import ids
from kg.aggregates.raw import graphs_written
from kg.aggregates.write import rebuild
from kg.ingest import ingest
from kg.store import open_store
from kg.vocab import sparql_prologue

TOKEN = "raw-writes"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ALL = sparql_prologue() + "SELECT ?s ?p ?o WHERE { GRAPH ?a { ?s ?p ?o } }"
HEZBOLLAH, SDF = (str(ids.actor_uri(k)) for k in ("hezbollah", "sdf"))


def aggregates(store) -> set[tuple[str | None, ...]]:  # type: ignore[no-untyped-def]
    return set(store.select_text(ALL, {"a": ids.aggregates_graph()}))


@pytest.fixture
def store(extractor, seed_article):  # type: ignore[no-untyped-def]
    fresh = open_store("memory:")
    ingest(fresh, [seed_article], extractor)
    return fresh


@pytest.fixture
def client(store) -> Iterator:  # type: ignore[no-untyped-def]
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": TOKEN,
                      "KG_PUBLIC_URL": "http://kg.example/"})
    app.extensions["kg_store"] = store
    yield app.test_client()
    close_app(app)


def _new_fight(article: str) -> str:
    event = f"{ids.BASE}event/raw-1"
    return sparql_prologue() + f"""INSERT DATA {{ GRAPH <{article}> {{
  <{event}> a ckg:Event ; ckg:eventType et:ArmedClash ; ckg:modality "asserted" ;
    ckg:agent <{HEZBOLLAH}> ; ckg:target <{SDF}> ; ckg:article <{article}> ;
    ckg:date "2017-09-02" }} }}"""


def _pairs(client) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    data = client.get("/network.json?top=500").get_json()  # from the tallies (edges name their
    return {(e["evidence"]["agent"], e["evidence"]["other"], e["type"])  # evidence), any size
            for e in data["edges"]}


def test_a_sparql_update_adding_an_event_changes_the_network(client, store, seed_article):
    assert (HEZBOLLAH, SDF, "ArmedClash") not in _pairs(client)
    article = str(ids.article_uri(seed_article.key))
    response = client.post("/sparql", data=_new_fight(article).encode(), headers=AUTH,
                           content_type="application/sparql-update")
    assert response.status_code in (200, 204), response.get_data(as_text=True)
    assert (HEZBOLLAH, SDF, "ArmedClash") in _pairs(client)
    kept = aggregates(store)
    rebuild(store)
    assert aggregates(store) == kept


def test_an_update_naming_no_graph_for_sure_recounts_every_tally(client, store):
    drop = sparql_prologue() + "DELETE WHERE { GRAPH ?g { ?e ckg:target ?t } }"
    assert graphs_written(drop) is None
    before = aggregates(store)
    client.post("/sparql", data=drop.encode(), headers=AUTH,
                content_type="application/sparql-update")
    after = aggregates(store)
    rebuild(store)
    assert after == aggregates(store) != before


def test_graph_store_delete_and_put_keep_the_tallies(client, store, seed_article):
    article = str(ids.article_uri(seed_article.key))
    got = client.get("/sparql/graph", query_string={"graph": article},
                     headers={"Accept": "text/turtle"})
    turtle = got.get_data()
    assert client.delete("/sparql/graph", query_string={"graph": article},
                         headers=AUTH).status_code == 204
    assert _pairs(client) == set()
    assert client.put("/sparql/graph", query_string={"graph": article}, data=turtle,
                      headers=AUTH, content_type="text/turtle").status_code in (201, 204)
    kept = aggregates(store)
    rebuild(store)
    assert aggregates(store) == kept and _pairs(client)


@pytest.mark.parametrize("whole", [False, True])
def test_kg_import_counts_the_graphs_it_writes(store, seed_article, tmp_path, whole):
    from kg.export import export_rdf
    from kg.importing import import_file

    path = tmp_path / "export.trig"
    with path.open("wb") as out:  # one article graph, or everything (the tallies too)
        export_rdf(store, out, "trig", None if whole else ids.article_uri(seed_article.key))
    other = open_store("memory:")
    import_file(other, path, graph=ids.article_uri(seed_article.key))
    assert aggregates(other) == aggregates(store) != set()


@pytest.mark.parametrize("update, graphs", [
    ("INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 'GRAPH ?x' } }",
     {"http://e/g"}),
    ("DROP SILENT GRAPH <http://e/a> ; CLEAR DEFAULT ; COPY <http://e/b> TO <http://e/c>",
     {"http://e/a", "http://e/b", "http://e/c"}),
    ("INSERT DATA { <http://e/s> <http://e/p> \"went to Aleppo\" } # drop all", set()),
    ("DROP ALL", None), ("CLEAR NAMED", None), ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                               None),
    ("PREFIX a: <http://e/> INSERT DATA { GRAPH a:g { a:s a:p 1 } }", None),
])
def test_the_graphs_an_update_writes(update, graphs):
    assert graphs_written(update) == graphs


def test_a_store_of_other_rdf_gets_no_tallies():
    from kg.aggregates.raw import kept_current

    other = open_store("memory:")
    update = "INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } } ; DROP ALL ; " \
             "INSERT DATA { GRAPH <http://e/h> { <http://e/s> <http://e/p> 2 } }"
    with kept_current(other, graphs_written(update)):
        other.update(update)
    assert [str(g) for g in other.graphs()] == ["http://e/h"]
