"""Issue 13, item 2: deep nesting and engine errors are 400s; no process dies.

pyoxigraph's parser recurses on nesting: a few thousand ``{`` overflow the
native stack and the process dies with SIGSEGV (the server for an update or
under ``--query-timeout 0``, a query worker otherwise, ``kg query`` with 139).
A function pyoxigraph does not know raised a RuntimeError that nothing caught,
so the worker died. Each must now be a 400 that says why, with the server up.
"""

from __future__ import annotations

import subprocess

import pytest
import requests

from tests.security.conftest import WRITE_TOKEN, kg_command, project_env

DEEP_QUERY = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
DEEP_UPDATE = "INSERT { <urn:a> <urn:b> <urn:c> } WHERE " + "{" * 5000 + "}" * 5000
HIDDEN_DEEP_QUERY = ("SELECT * WHERE { FILTER(" + "?a<(#x>)\n" * 6000 + "1" + ")" * 6001
                     + " }")  # "?a < (" and a comment, 6,000 times
UNKNOWN_FUNCTION = "SELECT (<urn:f>(1) AS ?x) {}"


def ask(url: str, query: str) -> requests.Response:
    return requests.post(f"{url}/sparql", data={"query": query}, timeout=60)


def assert_up(url: str) -> None:
    assert requests.get(f"{url}/healthz", timeout=10).status_code == 200
    answer = ask(url, "ASK {}")
    assert answer.status_code == 200 and answer.json()["boolean"] is True


@pytest.mark.parametrize("query, reason", [
    (DEEP_QUERY, "nested 5000 levels deep"),
    (HIDDEN_DEEP_QUERY, "levels deep"),
    (UNKNOWN_FUNCTION, "The custom function <urn:f> is not supported"),
])
def test_deep_queries_and_unknown_functions_are_400(served_kg, query, reason):
    answer = ask(served_kg.url, query)
    assert answer.status_code == 400 and reason in answer.json()["message"], answer.text
    assert_up(served_kg.url)


def test_a_deep_update_is_400_and_the_server_survives(served_kg):
    answer = requests.post(f"{served_kg.url}/sparql", data={"update": DEEP_UPDATE}, timeout=60,
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert answer.status_code == 400 and "nested 5000 levels deep" in answer.json()["message"]
    assert served_kg.process.poll() is None
    assert_up(served_kg.url)


@pytest.fixture(scope="module")
def in_process(start_kg, tmp_path_factory):
    """``kg serve --query-timeout 0``: queries run in the server process itself."""
    return start_kg(tmp_path_factory.mktemp("in-process") / "kg", "--query-timeout", "0")


@pytest.mark.parametrize("query", [DEEP_QUERY, HIDDEN_DEEP_QUERY, UNKNOWN_FUNCTION])
def test_in_process_evaluation_survives_what_kills_a_worker(in_process, query):
    assert ask(in_process.url, query).status_code == 400
    assert in_process.process.poll() is None
    assert_up(in_process.url)


def test_in_process_updates_survive_deep_nesting(in_process):
    answer = requests.post(f"{in_process.url}/sparql", data={"update": DEEP_UPDATE}, timeout=60,
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert answer.status_code == 400
    assert_up(in_process.url)


def test_kg_query_of_a_deep_file_exits_with_one_line(tmp_path):
    deep = tmp_path / "deep.rq"
    deep.write_text(DEEP_QUERY, encoding="utf-8")
    done = subprocess.run(kg_command("query", str(deep), "--store", "memory:"),
                          env=project_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert done.stderr.strip().count("\n") == 0 and "nested 5000 levels deep" in done.stderr


def test_a_worker_killed_by_a_native_crash_is_a_400_and_is_replaced():
    """The last line of defence: whatever text crashes the engine costs a worker, not the server."""
    import os
    import signal
    import threading
    import time

    from rdflib import Literal, URIRef

    from kg.errors import QueryError
    from kg.sparql.timeout import QueryJob, QueryPool
    from kg.store import open_store

    store = open_store("memory:")
    store.replace_graph(URIRef("urn:g"), [(URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i))
                                          for i in range(2000)])
    pool = QueryPool(store, timeout=30, row_limit=10, max_workers=1)
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            pool.run(QueryJob("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"))
        except QueryError as error:
            outcome.append(error)

    try:
        runner = threading.Thread(target=run)
        runner.start()
        time.sleep(1.0)
        os.kill(pool._started[0].process.pid, signal.SIGSEGV)
        runner.join(timeout=30)
        assert outcome and "the SPARQL engine crashed on this text" in str(outcome[0])
        assert pool.run(QueryJob("ASK { ?s ?p ?o }")).body.endswith(b"true}")
    finally:
        pool.close()
