"""``kg serve`` runs confined and still serves everything a user meets, on every kind of store."""

from __future__ import annotations

import requests

from tests.servers import oxigraph_server  # noqa: F401  (fixture)


def test_served_kg_answers_pages_and_queries(served_kg, security_record):
    """kg serve, sandboxed, over an on-disk store: pages, SPARQL and exports answer"""
    for path in ("/", "/network", "/network.json", "/timeline", "/claims", "/map",
                 "/sparql/editor", "/id/actor/isis", "/api/actors", "/export.ttl", "/healthz"):
        assert requests.get(f"{served_kg.url}{path}", timeout=60).status_code == 200, path
    answer = requests.get(f"{served_kg.url}/sparql", timeout=30,
                          params={"query": "ASK { GRAPH ?g { ?s ?p ?o } }"},
                          headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["boolean"] is True
    banner = served_kg.output().splitlines()[0]
    assert "sandbox: network namespace, Landlock ABI" in banner, banner
    security_record.happened(banner.split("sandbox: ")[1].rstrip(")"))


def test_served_kg_over_a_remote_store_keeps_only_its_port(start_kg, oxigraph_server,
                                                           security_record):
    """kg serve, sandboxed, over a remote SPARQL server: it reaches that server's port"""
    served = start_kg(oxigraph_server.store_uri)
    answer = requests.get(f"{served.url}/sparql", timeout=30, params={"query": "ASK {}"},
                          headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["boolean"] is True
    banner = served.output().splitlines()[0]
    assert "Landlock" in banner and "network namespace" not in banner, banner
    security_record.happened(banner.split("sandbox: ")[1].rstrip(")"))
