"""Pages rendered in worker processes (kg.pageworkers, web.workers, kg serve --page-workers)."""

from __future__ import annotations

import os
import time
from multiprocessing import Pipe

import pytest

from kg.errors import QueryTimeout
from kg.pageworkers import IN_WORKER, PageHead, PageJob, render_page
from kg.sparql.timeout import QueryPool
from kg.store import open_store


def pid_app(environ, start_response):
    """A WSGI app that answers with the process that rendered it, in three pieces."""
    if environ["PATH_INFO"] == "/slow":
        time.sleep(30)
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Path", environ["PATH_INFO"])])
    return [b"pid=", str(os.getpid()).encode(), b";"]


def request_environ(path: str) -> dict:
    return {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "x",
            "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.version": (1, 0),
            "wsgi.input": object(), "wsgi.errors": object(), "wsgi.file_wrapper": object}


def test_a_job_carries_plain_values_and_the_worker_rebuilds_streams():
    job = PageJob.from_environ(request_environ("/a"))
    assert "wsgi.input" not in job.environ and "wsgi.file_wrapper" not in job.environ
    rebuilt = job.worker_environ()
    assert rebuilt["wsgi.input"].read() == b"" and rebuilt[IN_WORKER] is True


def test_render_page_sends_head_then_body_pieces_then_an_empty_piece():
    parent, child = Pipe()
    render_page(pid_app, PageJob.from_environ(request_environ("/a")), child, piece_bytes=4)
    status, head, size = parent.recv()
    assert (status, size) == ("ok", -1)
    assert head == PageHead("200 OK", (("Content-Type", "text/plain"), ("X-Path", "/a")))
    pieces = []
    while piece := parent.recv_bytes():
        pieces.append(piece)
    assert b"".join(pieces) == f"pid={os.getpid()};".encode()
    assert all(len(piece) >= 4 for piece in pieces[:-1])


@pytest.fixture
def page_pool():
    pool = QueryPool(open_store("memory:"), timeout=2, row_limit=0, max_workers=1,
                     wsgi_app=pid_app)
    yield pool
    pool.close()


def test_a_page_is_rendered_in_another_process(page_pool):
    page = page_pool.run(PageJob.from_environ(request_environ("/b")))
    assert page.head.status == "200 OK"
    body = page.body.decode()
    assert body.startswith("pid=") and body != f"pid={os.getpid()};"


def freeze_app(environ, start_response):
    """A WSGI app that answers with how many objects the collector leaves out in its process."""
    import gc

    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"frozen={gc.get_freeze_count()}".encode()]


def test_a_worker_leaves_what_it_inherited_out_of_its_collections():
    import gc

    pool = QueryPool(open_store("memory:"), timeout=5, row_limit=0, max_workers=1,
                     wsgi_app=freeze_app)
    try:
        inherited = len(gc.get_objects())
        body = pool.run(PageJob.from_environ(request_environ("/f"))).body.decode()
    finally:
        pool.close()
    assert gc.get_freeze_count() == 0  # the server's own collections are untouched
    assert int(body.removeprefix("frozen=")) >= inherited // 2  # most of what the server held


def thread_app(environ, start_response):
    """A WSGI app that answers with whether it runs on its process's main thread, and how nice."""
    import threading

    start_response("200 OK", [("Content-Type", "text/plain")])
    main = threading.current_thread() is threading.main_thread()
    return [f"main={main};nice={os.nice(0)}".encode()]


def test_a_worker_renders_off_its_main_thread_at_its_lower_priority():
    """Off the main thread, so its allocations come from an arena of its own, not the main heap
    it shares with the server (kg.sparql.worker.in_own_arena); still niced below the server."""
    from kg.sparql.worker import WORKER_NICENESS

    pool = QueryPool(open_store("memory:"), timeout=5, row_limit=0, max_workers=1,
                     wsgi_app=thread_app)
    try:
        body = pool.run(PageJob.from_environ(request_environ("/t"))).body.decode()
    finally:
        pool.close()
    assert body == f"main=False;nice={min(os.nice(0) + WORKER_NICENESS, 19)}"


def test_a_page_past_its_deadline_is_cut_and_its_worker_replaced(page_pool):
    with pytest.raises(QueryTimeout, match="page not ready after 2 s"):
        page_pool.run(PageJob.from_environ(request_environ("/slow")))
    assert page_pool.run(PageJob.from_environ(request_environ("/c"))).head.status == "200 OK"
    assert page_pool.forks == 2


def test_prestarted_workers_answer_the_first_pages_without_a_fork():
    pool = QueryPool(open_store("memory:"), timeout=5, row_limit=0, max_workers=2,
                     wsgi_app=pid_app)
    try:
        assert (pool.prestart(), pool.forks) == (2, 2)
        assert pool.prestart() == 0  # already full
        bodies = {pool.run(PageJob.from_environ(request_environ("/a"))).body for _ in range(3)}
        assert pool.forks == 2 and f"pid={os.getpid()};".encode() not in bodies
    finally:
        pool.close()


@pytest.fixture
def worker_app(memory_store, extractor):
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": "t0ken",
                      "KG_PAGE_WORKERS": 1})
    app.extensions["kg_store"] = memory_store
    app.extensions["kg_extractor"] = extractor
    yield app
    close_app(app)


def test_pages_from_workers_equal_pages_rendered_in_process(worker_app, app):
    in_worker, in_process = worker_app.test_client(), app.test_client()
    worker_app.extensions["kg_store"] = app.extensions["kg_store"]  # the seed
    for path in ("/network.json", "/id/actor/isis", "/api/actors", "/no/such/page"):
        answer, expected = in_worker.get(path), in_process.get(path)
        assert (answer.status_code, answer.data) == (expected.status_code, expected.data), path
        assert answer.headers["Content-Type"] == expected.headers["Content-Type"], path
    assert worker_app.extensions["kg_page_pool"].forks == 1


def test_start_page_workers_forks_the_app_pool_before_any_request(worker_app):
    from web.workers import start_page_workers

    assert start_page_workers(worker_app) == 1
    worker_app.test_client().get("/api/actors")
    assert worker_app.extensions["kg_page_pool"].forks == 1


def test_a_page_after_a_write_shows_the_write(worker_app):
    client = worker_app.test_client()
    assert client.get("/api/articles").get_json()["items"] == []
    body = {"text": "Hezbollah fighters clashed with Islamic State militants near Arsal.",
            "title": "Clash", "published": "2017-08-20", "id": "clash"}
    created = client.post("/api/articles", json=body, headers={"Authorization": "Bearer t0ken"})
    assert created.status_code == 201
    articles = client.get("/api/articles").get_json()["items"]
    assert [article["key"] for article in articles] == ["clash"]
    assert worker_app.extensions["kg_page_pool"].forks == 2  # the stale worker was replaced


PRELOAD_PROBE = """
import sys
from web import create_app
from kg.taxonomy import event_types
create_app({"KG_STORE": "memory:", "KG_PAGE_WORKERS": %d, "KG_SANDBOX": False})
print("igraph" in sys.modules, event_types.cache_info().currsize)
"""


@pytest.mark.parametrize("workers, expected", [(2, "True 1"), (0, "False 0")])
def test_an_app_with_page_workers_loads_the_page_code_before_forking(workers, expected):
    import subprocess
    import sys
    import sys

    probe = subprocess.run([sys.executable, "-c", PRELOAD_PROBE % workers], capture_output=True,
                           text=True, timeout=120, check=True)
    assert probe.stdout.split("\n")[-2] == expected


def test_warmed_pages_are_answered_without_reading_the_store(app, seed_store, monkeypatch):
    from kg.pageworkers import IN_WORKER
    from kg.aggregates.evidence import BIG_ORDERS
    from web.workers import WARM_PATHS, warm_pages

    assert warm_pages(app) > 0
    assert seed_store.holds(BIG_ORDERS)  # the seed has no dyad of 100 events: none is kept
    for method in ("select", "select_text", "ask", "construct"):
        monkeypatch.setattr(seed_store, method,
                            lambda *a, _name=method, **k: pytest.fail(f"{_name}: {a[0][-160:]}"))
    client = app.test_client()
    for path in WARM_PATHS:  # as a page worker forked after the warm-up renders them
        assert client.get(path, environ_overrides={IN_WORKER: True}).status_code == 200, path


def test_a_store_that_keeps_no_reads_is_not_warmed(app, seed_store, monkeypatch):
    from web.workers import warm_pages

    monkeypatch.setattr(seed_store, "cache_reads", False)
    monkeypatch.setattr(seed_store, "select", lambda *a, **k: pytest.fail("read"))
    assert warm_pages(app) == 0.0


def test_preloading_page_code_leaves_no_import_to_a_first_view():
    import subprocess
    import sys

    probe = ("import sys\nfrom kg.pageworkers import preload_page_code\npreload_page_code()\n"
             "print(sorted(m for m in ('igraph', 'numpy', 'jinja2', 'kg.aggregates.evidence')\n"
             "             if m not in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert done.stdout.strip() == "[]"
