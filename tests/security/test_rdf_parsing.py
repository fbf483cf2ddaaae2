"""Issue 13, item 3: RDF from outside is parsed with bounds (see kg/rdfinput.py).

Before: ``kg import`` of a 1 KB RDF/XML "billion laughs" file asked for
gigabytes (pyoxigraph expands internal entities) and the Graph Store's rdflib
parser did the same; JSON-LD on the Graph Store fetched a remote ``@context``
and read ``file:///etc/passwd``; deep Turtle or JSON-LD gave a 500
RecursionError, and deep JSON-LD under ``kg import`` killed the process
(pyoxigraph overflows the native stack). Now each is refused with the reason.
"""

from __future__ import annotations

import json
import resource
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.security.conftest import WRITE_TOKEN, kg_command, project_env

TOKEN = WRITE_TOKEN
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MEMORY_CAP = 1024 ** 3


def billion_laughs(levels: int) -> bytes:
    """RDF/XML whose one literal expands to 30 * 10**levels bytes."""
    entities = ['<!ENTITY lol0 "lollollollollollollollollollol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/">\n'
            f'<rdf:Description rdf:about="http://e/a"><e:p>&lol{levels};</e:p>'
            "</rdf:Description>\n</rdf:RDF>\n").encode()


DEEP_TURTLE = (b"<http://e/a> <http://e/p> " + b"[ <http://e/p> " * 100_000 + b"1"
               + b" ]" * 100_000 + b" .")


def deep_jsonld(levels: int) -> bytes:
    """JSON-LD with objects nested ``levels`` deep."""
    return (b'{"@id": "http://e/a", "http://e/p": ' + b'{"http://e/p": ' * levels + b"1"
            + b"}" * (levels + 1))


GOOD = {
    "turtle": ("text/turtle", b"<http://e/a> <http://e/p> [ <http://e/q> (1 2) ] .", 6),
    "jsonld": ("application/ld+json", json.dumps({
        "@context": {"e": "http://e/"}, "@id": "http://e/a", "e:p": {"e:q": "x"}}).encode(), 2),
    "rdfxml": ("application/rdf+xml", (
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/"><rdf:Description '
        'rdf:about="http://e/a"><e:p>x</e:p></rdf:Description></rdf:RDF>').encode(), 1),
}


def _cap_memory() -> None:
    """Cap the address space (with glibc's arenas at 2: each thread that allocates may
    reserve a 64 MB arena, so a plain import once crossed 1 GB of address space in CI, where
    RocksDB could not map its block cache and aborted)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_import(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(kg_command("import", "--store", f"oxigraph:{tmp_path / 'store'}",
                                     str(path)),
                          capture_output=True, text=True, timeout=120,
                          env=project_env(MALLOC_ARENA_MAX="2"), preexec_fn=_cap_memory)


def put(client, body: bytes, content_type: str, graph: str = "http://e/g"):
    return client.put("/sparql/graph", query_string={"graph": graph}, data=body,
                      content_type=content_type, headers={"Authorization": f"Bearer {TOKEN}"})


@pytest.fixture
def canary() -> Iterator[tuple[int, list[bytes]]]:
    """A listener on loopback: its port, and a list that fills with what each connection sent."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(1)
                seen.append(connection.recv(200))

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join(timeout=5)
    server.close()


def test_billion_laughs_import_is_refused_in_one_line(tmp_path, security_record):
    """kg import of a 1 KB RDF/XML billion-laughs file, under a 1 GB memory cap."""
    path = tmp_path / "lol.rdf"
    path.write_bytes(billion_laughs(9))
    started = time.monotonic()
    result = run_import(path, tmp_path)
    seconds = time.monotonic() - started
    lines = result.stderr.strip().splitlines()
    security_record.happened(f"exit {result.returncode} in {seconds:.1f} s: {lines[-1:]}")
    assert result.returncode not in (0, 134, -6) and len(lines) == 1, result.stderr[-2000:]
    assert "DTD entity declarations are not accepted" in lines[0] and str(path) in lines[0]
    assert seconds < 30


def test_deep_jsonld_import_is_refused_not_a_crash(tmp_path, security_record):
    """kg import of JSON-LD nested 5,000 objects deep (pyoxigraph's stack overflowed: SIGSEGV)."""
    path = tmp_path / "deep.jsonld"
    path.write_bytes(deep_jsonld(5_000))
    result = run_import(path, tmp_path)
    lines = result.stderr.strip().splitlines()
    security_record.happened(f"exit {result.returncode}: {lines[-1:]}")
    assert result.returncode > 0 and len(lines) == 1, result.stderr[-2000:]
    assert "nesting deeper than 256 levels" in lines[0]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_normal_rdf_still_imports(tmp_path, name):
    """kg import of ordinary Turtle, JSON-LD and RDF/XML."""
    path = tmp_path / f"good.{ {'turtle': 'ttl', 'jsonld': 'jsonld', 'rdfxml': 'rdf'}[name]}"
    _, body, triples = GOOD[name]
    path.write_bytes(body)
    result = run_import(path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert f": {triples} quads into 1 graph" in result.stdout


def test_billion_laughs_on_the_graph_store_is_a_400(token_client, memory_store, security_record):
    """Graph Store PUT of an RDF/XML entity-expansion document, with the write token."""
    started = time.monotonic()
    response = put(token_client, billion_laughs(5), "application/rdf+xml")
    seconds = time.monotonic() - started
    security_record.happened(f"{response.status_code} in {seconds:.2f} s")
    assert response.status_code == 400, response.get_data(as_text=True)[:500]
    assert "DTD entity declarations are not accepted" in response.get_json()["message"]
    assert len(memory_store) == 0 and seconds < 5


@pytest.mark.parametrize("context", ["http://127.0.0.1:{port}/context.jsonld",
                                     ["http://127.0.0.1:{port}/context.jsonld", {}]])
def test_remote_jsonld_context_is_not_fetched(token_client, canary, context, security_record):
    """Graph Store PUT of JSON-LD whose @context is a loopback URL: no connection, a 400."""
    port, seen = canary
    context = (context.format(port=port) if isinstance(context, str)
               else [context[0].format(port=port), {}])
    body = json.dumps({"@context": context, "@id": "http://e/a", "p": "x"}).encode()
    response = put(token_client, body, "application/ld+json")
    time.sleep(0.5)
    security_record.happened(f"{response.status_code}, {len(seen)} connections")
    assert seen == []
    assert response.status_code == 400
    assert "remote JSON-LD contexts are not loaded" in response.get_json()["message"]


def test_file_jsonld_context_is_not_read(token_client, security_record):
    """Graph Store PUT of JSON-LD whose @context is file:///etc/passwd."""
    body = json.dumps({"@context": "file:///etc/passwd", "@id": "http://e/a"}).encode()
    response = put(token_client, body, "application/ld+json")
    security_record.happened(f"{response.status_code}: {response.get_json()['message']}")
    assert response.status_code == 400
    assert "remote JSON-LD contexts are not loaded" in response.get_json()["message"]
    assert "root:" not in response.get_data(as_text=True)


@pytest.mark.parametrize("body, content_type", [(DEEP_TURTLE, "text/turtle"),
                                                (deep_jsonld(100_000), "application/ld+json")])
def test_deep_nesting_on_the_graph_store_is_a_400(token_client, body, content_type, security_record):
    """Graph Store PUT of Turtle or JSON-LD nested 100,000 levels deep."""
    response = put(token_client, body, content_type)
    security_record.happened(f"{response.status_code}")
    assert response.status_code == 400, response.get_data(as_text=True)[:500]
    assert "nesting deeper than 256 levels" in response.get_json()["message"]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_normal_rdf_still_goes_into_the_graph_store(token_client, memory_store, name):
    """Graph Store PUT of ordinary Turtle, JSON-LD and RDF/XML."""
    content_type, body, triples = GOOD[name]
    assert put(token_client, body, content_type).status_code == 201
    assert len(memory_store) == triples
