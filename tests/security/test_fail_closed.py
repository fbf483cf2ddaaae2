"""Issue 13, item 1: the safety analysis fails closed and is bounded by the query deadline.

The forms below got SERVICE past the old lexical fallback (rdflib could not
parse them, the scan read them differently from the SPARQL grammar). Each is
now refused with a 400 that names the reason, and the loopback listener each
one points at is never connected to. The analysis (an rdflib parse) runs in
the query worker, so a text that is slow to parse costs at most the query
deadline and never holds the server's threads or its GIL.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from tests.security.conftest import WRITE_TOKEN

TIMEOUT = 2.0


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback socket that records whether anything connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    yield sock
    sock.close()


def connected(sock: socket.socket) -> bool:
    try:
        sock.accept()[0].close()
    except BlockingIOError:
        return False
    return True


def service(port: int) -> str:
    return f"SERVICE <http://127.0.0.1:{port}/sparql> {{ ?x ?y ?z }}"


FORMS = {
    "prefixed name ending in an escaped \\#":
        "PREFIX ex: <http://e/> SELECT * WHERE { ?s ?p ex:a\\# . @SERVICE@ }",
    "?o.SERVICE after 40 nested empty groups":
        "SELECT * WHERE { " + "{" * 40 + "}" * 40 + " ?s ?p ?o.@SERVICE@ }",
    "?o.SERVICE after a LATERAL group":
        "SELECT * WHERE { ?s ?p ?o LATERAL { SELECT ?x WHERE { ?x ?y ?z } LIMIT 1 } "
        "?s ?p ?o.@SERVICE@ }",
    "?o.SERVICE after 60 nested parentheses":
        "SELECT * WHERE { FILTER(" + "(" * 60 + "1" + ")" * 60 + ") ?s ?p ?o.@SERVICE@ }",
    "SERVICE between strings that rdflib's escape expansion joins":
        'SELECT * WHERE { ?s ?p "a\\u0022," . @SERVICE@ . ?q ?r ",\\u0022b" }',
}


@pytest.mark.parametrize("form", FORMS.values(), ids=list(FORMS))
def test_service_forms_the_analysis_cannot_read_are_refused(served_kg, listener, form):
    query = form.replace("@SERVICE@", service(listener.getsockname()[1]))
    answer = requests.post(f"{served_kg.url}/sparql", data={"query": query}, timeout=60)
    message = answer.json()["message"]
    assert answer.status_code == 400, (answer.status_code, message)
    assert "cannot be analysed" in message or "SERVICE is not allowed" in message, message
    assert not connected(listener)


def test_load_hidden_behind_an_escaped_hash_is_refused(served_kg, listener):
    port = listener.getsockname()[1]
    update = ("PREFIX ex: <http://e/> INSERT { ?s ?p ex:a } WHERE { " + "{" * 40 + "}" * 40
              + f" ?s ?p ex:a\\# }} ; LOAD <http://127.0.0.1:{port}/x.ttl>")
    answer = requests.post(f"{served_kg.url}/sparql", data={"update": update}, timeout=60,
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert answer.status_code == 400, answer.text
    assert "update cannot be analysed" in answer.json()["message"]
    assert not connected(listener)


def test_a_text_over_the_size_cap_is_refused_before_parsing(served_kg):
    query = "SELECT * WHERE { ?s ?p ?o } # from\n" + "#" * (300 * 1024)
    started = time.monotonic()
    answer = requests.post(f"{served_kg.url}/sparql", data=query, timeout=60,
                           headers={"Content-Type": "application/sparql-query"})
    assert answer.status_code == 413 and "KG_MAX_QUERY_BYTES" in answer.json()["message"]
    assert time.monotonic() - started < 2


@pytest.fixture(scope="module")
def short_deadline(start_kg, tmp_path_factory):
    """``kg serve`` with a 2 s query deadline, on a store of its own (one process per store)."""
    return start_kg(tmp_path_factory.mktemp("deadline") / "kg", "--query-timeout", str(TIMEOUT))


def test_a_slow_analysis_is_cut_at_the_deadline_and_the_server_stays_responsive(short_deadline):
    # rdflib's parser is superlinear on a long IN list: this one takes it > 20 s
    query = "SELECT * WHERE { FILTER(?x IN (" + "1, " * 20_000 + "2)) } # from"
    health: list[float] = []

    def probe() -> None:
        while len(health) < 20:
            started = time.monotonic()
            requests.get(f"{short_deadline.url}/healthz", timeout=30)
            health.append(time.monotonic() - started)
            time.sleep(0.05)

    prober = threading.Thread(target=probe)
    prober.start()
    started = time.monotonic()
    answer = requests.post(f"{short_deadline.url}/sparql", data={"query": query}, timeout=120)
    elapsed = time.monotonic() - started
    prober.join()
    assert answer.status_code in (400, 503), answer.text
    assert elapsed < TIMEOUT + 3, f"the analysis held the request for {elapsed:.1f} s"
    assert max(health) < 1.0, f"/healthz took up to {max(health):.2f} s"
