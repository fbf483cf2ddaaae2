"""The hard query timeout and the row cap, on a store of a million triples.

A cross join over 1M triples would run for hours inside pyoxigraph, which can
neither time out nor cancel a query; the endpoint runs it in a worker process
and kills it at the deadline, while other queries keep being answered.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import URIRef

from kg.errors import QueryTimeout, StoreError
from kg.sparql.timeout import STARTUP_ATTEMPTS, QueryJob, QueryPool
from kg.store import open_store
from tests.live import serving

MILLION = 1_000_000
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
SIMPLE = "ASK { <urn:x:s1> ?p ?o }"


@pytest.fixture(scope="module")
def big_store():
    """A memory store holding 1,000,000 triples in one named graph."""
    lines = "".join(f"<urn:x:s{i}> <urn:x:p{i % 7}> <urn:x:o{i % 1000}> .\n" for i in range(MILLION))
    store = open_store("memory:")
    store.load(io.BytesIO(lines.encode("ascii")), "nt", URIRef("urn:x:big"))
    assert len(store) == MILLION
    return store


def _get(base: str, query: str) -> tuple[int, dict]:
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_runaway_query_is_cut_while_another_query_answers(big_store):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_QUERY_TIMEOUT": 3.0})
    app.extensions["kg_store"] = big_store
    finished: dict[str, tuple[float, int, dict]] = {}

    def run(name: str, query: str) -> None:
        status, body = _get(base, query)
        finished[name] = (time.monotonic(), status, body)

    try:
        with serving(app) as base:
            assert _get(base, SIMPLE)[1]["boolean"] is True  # a worker is warm
            runaway = threading.Thread(target=run, args=("runaway", CROSS_JOIN))
            started = time.monotonic()
            runaway.start()
            time.sleep(0.5)
            run("simple", SIMPLE)
            runaway.join(timeout=60)
    finally:
        close_app(app)
    simple_at, simple_status, simple_body = finished["simple"]
    cut_at, cut_status, cut_body = finished["runaway"]
    assert simple_status == 200 and simple_body["boolean"] is True
    assert simple_at < cut_at, "the simple query waited for the runaway one"
    assert cut_status == 503 and "KG_QUERY_TIMEOUT" in cut_body["message"]
    assert cut_at - started >= 3.0  # cut at the deadline, not before


def test_pool_kills_the_worker_and_recovers(big_store):
    pool = QueryPool(big_store, timeout=1.0, row_limit=10, max_workers=1)
    try:
        with pytest.raises(QueryTimeout):
            pool.run(QueryJob(CROSS_JOIN))
        assert pool.run(QueryJob(SIMPLE)).body == b'{"head":{},"boolean":true}'
        assert pool.forks == 2  # the killed worker was replaced, the new one reused
        pool.run(QueryJob(SIMPLE))
        assert pool.forks == 2
    finally:
        pool.close()


def test_row_cap_cuts_big_answers_in_every_format(big_store):
    pool = QueryPool(big_store, timeout=30.0, row_limit=25)
    try:
        for results_format in ("json", "xml", "csv", "tsv"):
            answer = pool.run(QueryJob("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", results_format))
            assert answer.truncated and answer.count == 25, results_format
        triples = pool.run(QueryJob("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                                        rdf_format="nt"))
        assert triples.truncated and len(triples.body.splitlines()) == 25
    finally:
        pool.close()


def test_workers_see_writes_made_after_they_started():
    store = open_store("memory:")
    pool = QueryPool(store, timeout=10.0, row_limit=10)
    try:
        assert pool.run(QueryJob(SIMPLE)).body.endswith(b"false}")
        with pool.writing():
            store.replace_graph(URIRef("urn:x:g"), [(URIRef("urn:x:s1"), URIRef("urn:x:p"),
                                                     URIRef("urn:x:o"))])
        assert pool.run(QueryJob(SIMPLE)).body.endswith(b"true}")
    finally:
        pool.close()


class HangsInFirstForks:
    """A store handle whose first ``hanging`` forked copies block for good, as one forked
    while a RocksDB background thread held a lock does; later forks, and the parent, read."""

    def __init__(self, handle, hanging: int) -> None:  # type: ignore[no-untyped-def]
        self.handle, self.owner, self.hanging = handle, os.getpid(), hanging
        self.forks_seen = multiprocessing.Value("i", 0)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        if os.getpid() != self.owner:
            with self.forks_seen.get_lock():
                seen = self.forks_seen.value
                self.forks_seen.value += 1
            if seen < self.hanging:
                threading.Event().wait()
        return getattr(self.handle, name)


def test_a_worker_that_hangs_at_its_first_read_is_replaced(tmp_path):
    store = open_store(f"oxigraph:{tmp_path}/kg")
    store.replace_graph(URIRef("urn:x:g"),
                        [(URIRef("urn:x:s1"), URIRef("urn:x:p"), URIRef("urn:x:o"))])
    own_handle = store._store
    store._store = HangsInFirstForks(own_handle, hanging=1)
    pool = QueryPool(store, timeout=10.0, row_limit=10, max_workers=1, startup_timeout=1.0)
    try:
        started = time.monotonic()
        assert pool.run(QueryJob(SIMPLE)).body.endswith(b"true}")
        assert pool.forks == 2 and time.monotonic() - started < 5
    finally:
        pool.close()
        store._store = own_handle


def test_a_store_no_worker_can_read_is_an_error_not_a_hang(tmp_path):
    store = open_store(f"oxigraph:{tmp_path}/kg")
    own_handle = store._store
    store._store = HangsInFirstForks(own_handle, hanging=STARTUP_ATTEMPTS)
    pool = QueryPool(store, timeout=10.0, row_limit=10, max_workers=1, startup_timeout=0.5)
    try:
        with pytest.raises(StoreError, match="no query worker could read the store"):
            pool.run(QueryJob(SIMPLE))
    finally:
        pool.close()
        store._store = own_handle


SORTED_CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"


@pytest.fixture(scope="module")
def small_store():
    """20,000 triples: their sorted cross join needs tens of GB, far past any budget."""
    lines = "".join(f"<urn:x:s{i}> <urn:x:p{i % 7}> <urn:x:o{i % 1000}> .\n" for i in range(20_000))
    store = open_store("memory:")
    store.load(io.BytesIO(lines.encode("ascii")), "nt", URIRef("urn:x:small"))
    return store


def _allocate_after_limit(budget_mb: int, allocate_mb: int, conn) -> None:
    from kg.sparql.timeout import limit_memory

    limit_memory(budget_mb)
    try:
        bytearray(allocate_mb * 1024 * 1024)
        conn.send("allocated")
    except MemoryError:
        conn.send("MemoryError")


@pytest.mark.parametrize(("allocate_mb", "outcome"), [(16, "allocated"), (512, "MemoryError")])
def test_limit_memory_caps_what_a_process_may_allocate(allocate_mb, outcome):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()
    process = context.Process(target=_allocate_after_limit, args=(128, allocate_mb, child_end))
    process.start()
    assert parent_end.recv() == outcome
    process.join(timeout=10)


def test_query_past_its_memory_budget_is_stopped_and_the_pool_recovers(small_store):
    from kg.errors import QueryTooLarge

    # A short deadline: were the cap missing, the query would be cut (QueryTimeout,
    # failing the test) before it took more than a few GB.
    pool = QueryPool(small_store, timeout=5.0, row_limit=10, max_workers=1, memory_mb=256)
    try:
        with pytest.raises(QueryTooLarge, match="256 MB"):
            pool.run(QueryJob(SORTED_CROSS_JOIN))
        assert pool.run(QueryJob(SIMPLE)).body == b'{"head":{},"boolean":true}'
        assert pool.forks == 2
    finally:
        pool.close()


def test_endpoint_answers_503_for_a_query_past_its_memory_budget(small_store):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_QUERY_TIMEOUT": 5.0,
                      "KG_QUERY_MEMORY_MB": 256})
    app.extensions["kg_store"] = small_store
    try:
        with serving(app) as base:
            status, body = _get(base, SORTED_CROSS_JOIN)
            assert status == 503 and "KG_QUERY_MEMORY_MB" in body["message"]
            assert _get(base, SIMPLE) == (200, {"head": {}, "boolean": True})
    finally:
        close_app(app)
