"""Issue 13, item 5: extraction and parsing happen before the write lock, so queries go on.

The real ``kg serve`` (sandboxed) gets a large article on POST /api/articles
and a large Turtle body on the Graph Store; while the server is still busy
extracting or parsing it, a query that needs a fresh worker (forked under the
write lock) is answered at once.
"""

from __future__ import annotations

import threading
import time

import requests

from tests.conftest import SEED_FILE
from tests.security.conftest import WRITE_TOKEN

AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}


def _query_while(served, write: threading.Thread) -> tuple[float, bool]:
    """Seconds one ASK took once ``write`` started, and whether the write was still running."""
    requests.put(f"{served.url}/sparql/graph", params={"graph": "urn:x:warm"}, headers={
        **AUTH, "Content-Type": "text/turtle"}, data=b"<urn:x:a> <urn:x:b> 1 .", timeout=60)
    write.start()
    # The server is now extracting or parsing. The parse of the Graph Store body takes about
    # 1.4 s on a quiet machine, and the write after it holds the lock: asked at 1.5 s, the
    # query waited for that write.
    time.sleep(0.5)
    started = time.monotonic()
    answer = requests.get(f"{served.url}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=120)
    took, running = time.monotonic() - started, write.is_alive()
    write.join(timeout=300)
    assert answer.status_code == 200
    return took, running


def test_query_is_answered_while_an_article_is_extracted(served_kg, security_record):
    """a query needing a fresh worker while POST /api/articles extracts a 250 KB article"""
    text = SEED_FILE.read_text("utf-8").split("\n\n", 1)[-1] * 60
    results: list[requests.Response] = []
    write = threading.Thread(target=lambda: results.append(requests.post(
        f"{served_kg.url}/api/articles", params={"title": "Long report"}, data=text.encode(),
        headers={**AUTH, "Content-Type": "text/plain"}, timeout=300)))
    took, running = _query_while(served_kg, write)
    assert results and results[0].status_code in (200, 201), results[0].text
    assert took < 1.5, f"the query waited {took:.1f} s for the extraction"
    assert running, "the write finished before the query was answered: make it larger"
    security_record.happened(f"{len(text) // 1000} KB article: the query answered in {took:.2f} s")


def test_query_is_answered_while_a_graph_store_body_is_parsed(served_kg, security_record):
    """a query needing a fresh worker while a Graph Store PUT of 150,000 triples is parsed"""
    body = "".join(f'<urn:x:s{i}> <urn:x:p> "value {i}" .\n' for i in range(150_000)).encode()
    results: list[requests.Response] = []
    write = threading.Thread(target=lambda: results.append(requests.put(
        f"{served_kg.url}/sparql/graph", params={"graph": "urn:x:big"}, data=body,
        headers={**AUTH, "Content-Type": "text/turtle"}, timeout=300)))
    took, running = _query_while(served_kg, write)
    assert results and results[0].status_code in (201, 204), results[0].text
    assert took < 1.5, f"the query waited {took:.1f} s for the parse"
    assert running, "the write finished before the query was answered: make it larger"
    security_record.happened(f"{len(body) // 1_000_000} MB of Turtle: the query answered in "
                             f"{took:.2f} s")
