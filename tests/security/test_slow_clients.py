"""Issue 13, item 4: slow clients and greedy clients do not lock everyone else out.

Measured on 7c16e4f: 120 trickling connections filled waitress's 100-connection
limit (a probe timed out at 30 s); 4 clients looping a heavy query held every
query worker and a trivial ASK from someone else took 9.5 s; /healthz waited
behind queries. Clients here play several addresses on loopback
(127.0.0.x), which is how the server tells clients apart.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse

import pytest

from tests.security.clients import closed_by_server, fetch, trickle, trickling

HEAVY = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c . ?d ?e ?f . ?h ?i ?j . "
         "?k ?l ?m } }")
"""Runs far past any deadline on the seed (a four-way cross join)."""
ASK = "ASK { GRAPH ?g { ?s ?p ?o } }"
QUERY_TIMEOUT = 3


@pytest.fixture(scope="module")
def busy_kg(start_kg, seeded_store):
    """``kg serve`` with short deadlines: a heavy query ends within 3 s, a request must
    arrive within 2 s, an idle connection closes after 3 s; 4 query workers.

    (One server per module: an on-disk store is open in one process at a time.)
    """
    return start_kg(seeded_store, "--query-timeout", str(QUERY_TIMEOUT), "--query-workers", "4",
                    "--request-timeout", "2", "--idle-timeout", "3")


class Hammer:
    """Clients looping HEAVY until stopped; ``statuses`` collects what they got."""

    def __init__(self, url: str, sources: list[str]) -> None:
        self.url, self.stop, self.statuses = url, threading.Event(), []
        self.threads = [threading.Thread(target=self._loop, args=(source,)) for source in sources]

    def _loop(self, source: str) -> None:
        while not self.stop.is_set():
            reply = fetch(self.url, "/sparql", params={"query": HEAVY}, source=source)
            self.statuses.append(reply.status)
            if reply.status == 429:
                time.sleep(0.05)

    def __enter__(self) -> Hammer:
        for thread in self.threads:
            thread.start()
        time.sleep(1.0)  # every heavy query is running by now
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=QUERY_TIMEOUT + 30)


def test_150_slow_clients_do_not_delay_a_normal_request(busy_kg):
    sockets = trickling(busy_kg.url, 150)
    try:
        trickle(sockets)
        reply = fetch(busy_kg.url, "/id/actor/isis", accept="text/html", timeout=10)
        trickle(sockets)
        health = fetch(busy_kg.url, "/healthz", accept="application/json", timeout=10)
    finally:
        for sock in sockets:
            sock.close()
    assert reply.status == 200 and reply.seconds < 1.0, reply.seconds
    assert health.status == 200 and health.seconds < 1.0, health.seconds


def test_trickling_and_idle_connections_are_closed_at_their_deadlines(busy_kg):
    (slow,) = trickling(busy_kg.url, 1)
    parts = urllib.parse.urlsplit(busy_kg.url)
    idle = socket.create_connection((parts.hostname, parts.port), timeout=5)
    start = time.monotonic()
    slow_closed = idle_closed = None
    while time.monotonic() - start < 10 and (slow_closed is None or idle_closed is None):
        trickle([slow])  # a byte every 0.2 s: never silent, but the request never ends
        time.sleep(0.2)
        if slow_closed is None and closed_by_server(slow):
            slow_closed = time.monotonic() - start
        if idle_closed is None and closed_by_server(idle):
            idle_closed = time.monotonic() - start
    slow.close()
    idle.close()
    assert slow_closed is not None and 2 <= slow_closed < 5, slow_closed
    assert idle_closed is not None and 3 <= idle_closed < 6, idle_closed


def test_a_client_looping_heavy_queries_does_not_starve_another_clients_ask(busy_kg):
    with Hammer(busy_kg.url, ["127.0.0.2"] * 4) as greedy:
        asks = [fetch(busy_kg.url, "/sparql", params={"query": ASK}, source="127.0.0.3")
                for _ in range(3)]
        health = [fetch(busy_kg.url, "/healthz", accept="application/json") for _ in range(5)]
    assert [a.status for a in asks] == [200] * 3
    assert max(a.seconds for a in asks) < 1.0, [a.seconds for a in asks]
    assert max(h.seconds for h in health) < 0.5, [h.seconds for h in health]
    assert 429 in greedy.statuses  # the greedy client was told to slow down


def test_a_client_over_its_bound_gets_429_at_once(busy_kg):
    with Hammer(busy_kg.url, ["127.0.0.4"] * 2):  # the default bound: 4 workers // 2
        third = fetch(busy_kg.url, "/sparql", params={"query": ASK}, source="127.0.0.4")
        other = fetch(busy_kg.url, "/sparql", params={"query": ASK}, source="127.0.0.5")
    assert third.status == 429 and third.seconds < 0.5, (third.status, third.seconds)
    assert int(third.headers["retry-after"]) >= 1
    assert b"KG_CLIENT_QUERIES" in third.body
    assert other.status == 200 and other.seconds < 1.0


def test_healthz_is_not_queued_behind_queries_holding_every_thread(busy_kg):
    sources = [f"127.0.0.{n}" for n in range(10, 24)]  # 14 clients: more than any thread pool
    with Hammer(busy_kg.url, sources):
        probes = []
        for _ in range(10):
            probes.append(fetch(busy_kg.url, "/healthz", accept="application/json"))
            time.sleep(0.1)
    assert [p.status for p in probes] == [200] * 10
    seconds = sorted(p.seconds for p in probes)
    assert seconds[len(seconds) // 2] < 0.1 and seconds[-1] < 0.5, seconds
