"""Every query of the editor's gallery answers on the seed, through the endpoint."""

from __future__ import annotations

import pytest

from kg import ids
from kg.sparql.examples import example, examples


def rows(client, key):
    response = client.post("/sparql", data={"query": example(key).sparql},
                           headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["results"]["bindings"]


@pytest.mark.parametrize("key", [e.key for e in examples()])
def test_each_example_has_rows_on_the_seed(client, key):
    assert rows(client, key), f"example {key!r} found nothing on the seed"


def test_fights_has_the_seed_dyads(client):
    pairs = {(r["agent"]["value"], r["target"]["value"]) for r in rows(client, "fights")}
    isis = str(ids.actor_uri("isis"))
    assert any(isis in pair for pair in pairs)
    assert all(a != t for a, t in pairs)


def test_claims_by_actor_are_that_actors(client, seed_store):
    from kg.vocab import CKG

    found = {r["claim"]["value"] for r in rows(client, "claims-by-actor")}
    said = seed_store.select("SELECT ?c WHERE { ?c ?speaks ?who }", {
        "speaks": CKG.speaker, "who": ids.actor_uri("hassan-nasrallah")}).column("c")
    assert found == {str(c) for c in said}


def test_dyad_timeline_is_in_date_order(client):
    dates = [r["date"]["value"] for r in rows(client, "dyad-timeline") if "date" in r]
    assert dates == sorted(dates)


def test_unknown_example_is_not_found():
    from kg.errors import NotFound

    with pytest.raises(NotFound, match="known: fights"):
        example("nope")
