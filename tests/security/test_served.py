"""The security suite's server fixture serves the seeded store like a user's ``kg serve``."""

from __future__ import annotations

import requests


def test_served_kg_answers_pages_and_queries(served_kg):
    assert requests.get(f"{served_kg.url}/id/actor/isis", timeout=30).status_code == 200
    answer = requests.get(f"{served_kg.url}/sparql", timeout=30,
                          params={"query": "ASK { GRAPH ?g { ?s ?p ?o } }"},
                          headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["boolean"] is True
