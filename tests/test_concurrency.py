"""Ingest while 8 clients query, over real HTTP on loopback: no errors, and every answer
is a consistent snapshot (each article is visible whole, in one version, or not at all).

The server is waitress (as ``kg serve`` runs it) in a thread, over an on-disk
Oxigraph store. Articles arrive through ``POST /api/articles`` with the write
token; where that API is not built yet, a thread calls :func:`kg.ingest.ingest`
on the server's store instead (the record says which).

Each query returns, per named graph, the article's content hash and its
number of triples. An article is ingested, then (for half of them) replaced by
a changed version; a consistent snapshot shows for each graph exactly the
(hash, triple count) pair of one complete version.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from tests.reliability_log import reliability  # noqa: F401  (fixture)

RELIABILITY_AREA = "Concurrency"
TOKEN = "concurrency-test-token"
CLIENTS = 8
ARTICLES = 16
SNAPSHOT = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
SELECT ?g ?sha (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g ckg:sha256 ?sha . ?s ?p ?o } }
GROUP BY ?g ?sha"""
SENTENCES = [
    "Hezbollah fighters clashed with Islamic State militants near Arsal on {d} August 2017.",
    "The Lebanese army said it shelled ISIS positions in the hills near Ras Baalbek.",
    "Nasrallah announced a ceasefire with the jihadists on Sunday.",
    "Syrian army units seized a hilltop in Qalamoun, killing nine militants.",
    "Gebran Bassil said Lebanon would not negotiate with Daesh.",
    "Two soldiers were killed and four wounded in a bombing near Beirut.",
]


def article_text(number: int, version: int) -> str:
    """Article ``number`` (different sizes), version 2 longer than version 1."""
    picked = [SENTENCES[(number + i) % len(SENTENCES)] for i in range(2 + number % 4 + version)]
    return " ".join(picked).format(d=number % 27 + 1)


@pytest.fixture
def server(tmp_path, extractor) -> Iterator[tuple[str, object, object]]:
    """``(base_url, app, store)``: waitress on 127.0.0.1, a free port, an on-disk store."""
    from waitress import create_server

    from kg.store import open_store
    from web import create_app

    store = open_store(f"oxigraph:{tmp_path}/kg")
    # Eight clients and the test itself, all from 127.0.0.1: no per-address query bound.
    app = create_app({"KG_STORE": store.uri, "KG_WRITE_TOKEN": TOKEN, "KG_CLIENT_QUERIES": 0})
    app.extensions["kg_store"] = store
    wsgi = create_server(app, host="127.0.0.1", port=0, threads=CLIENTS + 4)
    thread = threading.Thread(target=wsgi.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{wsgi.effective_port}", app, store
    wsgi.close()
    thread.join(timeout=10)
    store.close()


def has_ingest_api(app) -> bool:  # type: ignore[no-untyped-def]
    return any(rule.rule == "/api/articles" and "POST" in (rule.methods or ())
               for rule in app.url_map.iter_rules())


def post_article(base: str, key: str, text: str) -> int:
    body = json.dumps({"id": key, "text": text, "title": f"Report {key}",
                       "published": "2017-08-28"}).encode("utf-8")
    request = urllib.request.Request(f"{base}/api/articles", data=body, method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        return response.status


def snapshot(base: str) -> dict[str, tuple[str, int]]:
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": SNAPSHOT})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        rows = json.loads(response.read())["results"]["bindings"]
    graphs = [row["g"]["value"] for row in rows]
    assert len(graphs) == len(set(graphs)), "one graph with two hashes in one answer"
    return {row["g"]["value"]: (row["sha"]["value"], int(row["n"]["value"])) for row in rows}


class Clients:
    """Eight query loops; each keeps every answer and every error it met."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.stop = threading.Event()
        self.answers: list[list[dict[str, tuple[str, int]]]] = [[] for _ in range(CLIENTS)]
        self.errors: list[str] = []
        self.threads = [threading.Thread(target=self.loop, args=(i,)) for i in range(CLIENTS)]

    def loop(self, index: int) -> None:
        while not self.stop.is_set():
            try:
                self.answers[index].append(snapshot(self.base))
            except (urllib.error.URLError, OSError, ValueError, KeyError, AssertionError) as error:
                self.errors.append(f"client {index}: {type(error).__name__}: {error}")

    def __enter__(self) -> Clients:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=120)


def test_ingest_while_eight_clients_query(server, extractor, reliability):
    from kg.documents import article_from_text
    from kg.ingest import ingest

    base, app, store = server
    via_api = has_ingest_api(app)
    reliability.tried(f"{ARTICLES} articles ingested, then {ARTICLES // 2} of them replaced by a "
                      f"changed version, {'through POST /api/articles' if via_api else 'by a thread calling kg.ingest (no ingest API yet)'}"
                      f" on a waitress server over an on-disk store, while {CLIENTS} HTTP "
                      "clients query per-article (hash, triple count) in a loop")
    write_errors: list[str] = []

    def write(key: str, text: str) -> None:
        if via_api:
            try:
                status = post_article(base, key, text)
                if status >= 300:
                    write_errors.append(f"{key}: HTTP {status}")
            except urllib.error.URLError as error:
                write_errors.append(f"{key}: {error}")
        else:
            meta = {"id": key, "title": f"Report {key}", "published": "2017-08-28"}
            report = ingest(store, [article_from_text(text, origin=key, meta=meta)], extractor)
            write_errors.extend(str(e) for e in report.failed)

    keys = [f"article-{n:02}" for n in range(ARTICLES)]
    with Clients(base) as clients:
        for n, key in enumerate(keys):
            write(key, article_text(n, 1))
        first = snapshot(base)  # every version-1 graph, whole
        for n, key in enumerate(keys[: ARTICLES // 2]):
            write(key, article_text(n, 2))
        time.sleep(0.2)  # let every client see the final state at least once
    final = snapshot(base)

    assert not write_errors, write_errors
    assert not clients.errors, clients.errors[:5]
    assert len(first) == len(final) == ARTICLES
    replaced = [g for g in final if final[g] != first[g]]
    assert len(replaced) == ARTICLES // 2
    allowed = {g: {first[g], final[g]} for g in final}
    answers = [answer for history in clients.answers for answer in history]
    for history in clients.answers:
        seen: set[str] = set()
        for answer in history:
            for graph, version in answer.items():
                assert version in allowed[graph], (graph, version, allowed[graph])
            assert seen <= set(answer), "an article disappeared while it was being replaced"
            seen = set(answer)
    partial_sizes = {len(answer) for answer in answers}
    both_versions = {g for g in replaced for answer in answers if answer.get(g) == first[g]}
    assert len(partial_sizes) > 1, "the clients never queried while ingest was running"
    reliability.happened(
        f"{len(answers)} answers, 0 errors; every answer showed each article in exactly one "
        f"complete version (hash and triple count matching); clients saw {min(partial_sizes)}"
        f" to {max(partial_sizes)} articles as they landed; the old version of "
        f"{len(both_versions)} replaced articles was seen before the new one, never a mix; "
        "no article ever vanished during its replacement")


def test_first_requests_racing_to_open_the_store(tmp_path, reliability):
    """A fresh server opens its on-disk store on the first request; 16 at once must all work."""
    from waitress import create_server

    from kg.store import open_store
    from web import create_app

    open_store(f"oxigraph:{tmp_path}/kg").close()
    app = create_app({"KG_STORE": f"oxigraph:{tmp_path}/kg"})
    wsgi = create_server(app, host="127.0.0.1", port=0, threads=16)
    thread = threading.Thread(target=wsgi.run, daemon=True)
    thread.start()
    reliability.tried("16 simultaneous first requests to a fresh waitress server whose on-disk "
                      "store is not open yet")
    base = f"http://127.0.0.1:{wsgi.effective_port}"
    statuses: list[int | str] = []
    barrier = threading.Barrier(16)

    def first() -> None:
        barrier.wait()
        try:
            with urllib.request.urlopen(f"{base}/index.json", timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(f"{error.code} {error.read()[:120]!r}")

    clients = [threading.Thread(target=first) for _ in range(16)]
    try:
        for client in clients:
            client.start()
        for client in clients:
            client.join(timeout=120)
    finally:
        wsgi.close()
        thread.join(timeout=10)
        app.extensions.get("kg_store") and app.extensions["kg_store"].close()
    assert statuses == [200] * 16, statuses
    reliability.happened("all 16 answered 200: the store is opened once")
