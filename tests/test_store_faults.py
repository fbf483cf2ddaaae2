"""Store faults: SIGKILL mid-batch, a read-only store, a server that is down, slow or failing."""

from __future__ import annotations

import http.server
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import ids
from kg.errors import StoreError
from kg.rdf import extraction_triples
from tests.reliability_log import reliability  # noqa: F401  (fixture)
from tests.servers import VIRTUOSO_USER, clear, free_port, server
from tests.store_batch import article, extraction

RELIABILITY_AREA = "Faults"
ROOT = Path(__file__).resolve().parents[1]
BATCH = 1000
G = ids.article_uri("one")


def expected_size(i: int) -> int:
    return len(set(extraction_triples(extraction(article(i)))))


def graph_sizes(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {str(row["g"]): int(row["n"]) for row in rows}


def run_batch(uri: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tests.store_batch", uri, str(BATCH)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def kill_mid_batch(uri: str, after: int, rng: random.Random) -> int:
    """Start the batch and SIGKILL it at a random moment once ``after`` more articles are
    stored (not just after a line, which would be between two writes); return how many it
    reported stored."""
    child = subprocess.Popen([sys.executable, "-m", "tests.store_batch", uri, str(BATCH)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stored = 0
    assert child.stdout is not None
    for line in child.stdout:
        stored += line.startswith("batch-")
        if stored >= after:
            threading.Timer(rng.uniform(0, 0.02), child.send_signal, [signal.SIGKILL]).start()
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    return stored


def check_whole_or_absent(store) -> int:  # type: ignore[no-untyped-def]
    """Every stored article has exactly its full graph; return how many are stored."""
    sizes = {g: n for g, n in graph_sizes(store).items() if g not in map(str, ids.shared_graphs())}
    wrong = {g: n for g, n in sizes.items()
             if n != expected_size(int(g.rsplit("-", 1)[1]))}
    assert not wrong, f"partial article graphs: {sorted(wrong.items())[:5]}"
    return len(sizes)


@pytest.mark.parametrize("backend", [
    "oxigraph-disk", pytest.param("oxigraph-server", marks=pytest.mark.remote),
    pytest.param("virtuoso", marks=pytest.mark.remote)])
def test_sigkill_mid_batch_leaves_whole_articles_and_a_rerun_completes(backend, tmp_path,
                                                                      reliability):
    from kg.store import open_store

    uri = f"oxigraph:{tmp_path / 'kg'}" if backend == "oxigraph-disk" else server(backend).store_uri
    if backend != "oxigraph-disk":
        with open_store(uri) as store:
            clear(store)
    reliability.tried(f"SIGKILL of a {BATCH}-article ingest batch ({backend} store) at a "
                      "random moment, three times in a row (after 150 more articles each time)")
    rng = random.Random(BATCH)
    present = 0
    for _ in range(3):
        said = kill_mid_batch(uri, after=150, rng=rng)
        with open_store(uri) as store:
            now = check_whole_or_absent(store)
        assert present + said <= now <= BATCH
        present = now

    rerun = run_batch(uri)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    summary = rerun.stdout.strip().splitlines()[-1]
    assert summary == f"{BATCH - present} added, 0 replaced, {present} unchanged, 0 failed"
    with open_store(uri) as store:
        assert check_whole_or_absent(store) == BATCH
        if backend != "oxigraph-disk":
            clear(store)
    reliability.happened(f"{present} articles stored whole, none partial; the rerun said "
                         f"`{summary}` and every one of the {BATCH} graphs is complete")


@pytest.fixture
def read_only_store(tmp_path: Path) -> Iterator[Path]:
    """An on-disk store in a folder the process cannot write (a read-only tmpfs as root)."""
    from kg.store import open_store

    folder = tmp_path / "ro"
    folder.mkdir()
    as_root = os.geteuid() == 0
    if as_root and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs",
                                   str(folder)], capture_output=True).returncode != 0:
        pytest.skip("running as root and cannot mount a tmpfs to make read-only")
    try:
        with open_store(f"oxigraph:{folder / 'kg'}") as store:
            store.replace_graph(G, [(URIRef("http://e/s"), URIRef("http://e/p"), Literal(1))])
        if as_root:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(0o555 if path.is_dir() else 0o444)
        yield folder / "kg"
    finally:
        if as_root:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(0o755)


def test_read_only_store_directory_is_a_clear_store_error(read_only_store, reliability):
    from kg.store import open_store

    reliability.tried("opening an on-disk store whose folder is read-only")
    with pytest.raises(StoreError) as caught:
        open_store(f"oxigraph:{read_only_store}")
    message = str(caught.value)
    assert message.startswith(f"{read_only_store}: cannot open store: ")
    assert "Read-only file system" in message or "Permission denied" in message
    assert "\n" not in message
    reliability.happened(f"StoreError: `{message.replace(str(read_only_store), 'STORE')[:160]}`")


def test_a_server_that_is_down_fails_after_bounded_retries(reliability):
    from kg.store import open_store

    port = free_port()  # nothing listens there
    reliability.tried("a sparql: store whose server is down (closed loopback port), 2 retries")
    store = open_store(f"sparql:http://127.0.0.1:{port}/sparql?retries=2&timeout=2")
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        store.graphs()
    elapsed = time.monotonic() - started
    assert "connection refused (3 attempts)" in str(caught.value)
    assert elapsed < 30  # bounded: three quick refusals and two short pauses, never a hang
    reliability.happened(f"StoreError after 3 attempts in {elapsed:.1f} s: "
                         f"`{str(caught.value).replace(str(port), 'PORT')}`")


class FakeServer(http.server.ThreadingHTTPServer):
    """A loopback HTTP server answering with canned behaviour; counts requests."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour, self.requests = behaviour, 0
        super().__init__(("127.0.0.1", 0), FakeHandler)


class FakeHandler(http.server.BaseHTTPRequestHandler):
    server: FakeServer

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        self.server.requests += 1
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.server.behaviour == "slow":
            time.sleep(3)
            return  # the client has given up; nothing to answer
        if self.server.behaviour == "flaky" and self.server.requests == 1:
            self.send_response(503)
            self.end_headers()
            return
        body = b'{"head": {}, "boolean": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer


@pytest.fixture
def fake_server(request: pytest.FixtureRequest) -> Iterator[FakeServer]:
    fake = FakeServer(request.param)
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.shutdown()
        fake.server_close()


@pytest.mark.parametrize("fake_server", ["slow"], indirect=True)
def test_a_slow_server_times_out_with_a_retry_for_reads_and_none_for_writes(fake_server,
                                                                          reliability):
    from kg.store import open_store

    reliability.tried("a sparql: store whose server accepts requests and then sleeps 3 s "
                      "(timeout 0.5 s, 1 retry)")
    url = f"http://127.0.0.1:{fake_server.server_port}/sparql"
    store = open_store(f"sparql:{url}?timeout=0.5&retries=1&dialect=standard")
    with pytest.raises(StoreError, match=r"no answer .* within 0\.5 s \(2 attempts\)$"):
        store.ask("ASK { ?s ?p ?o }")
    assert fake_server.requests == 2
    with pytest.raises(StoreError) as caught:
        store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")
    assert str(caught.value).endswith("(1 attempt); the write may or may not have been applied")
    assert fake_server.requests == 3
    reliability.happened(f"reads: StoreError after 2 attempts; writes: no retry, "
                         f"`{str(caught.value).replace(url, 'URL')}`")


@pytest.mark.parametrize("fake_server", ["flaky"], indirect=True)
def test_a_passing_503_is_retried(fake_server):
    from kg.store import open_store

    url = f"http://127.0.0.1:{fake_server.server_port}/sparql"
    store = open_store(f"sparql:{url}?retries=1&dialect=standard")
    assert store.ask("ASK { ?s ?p ?o }") is True
    assert fake_server.requests == 2


@pytest.mark.remote
def test_virtuoso_digest_credentials_and_a_wrong_password(reliability):
    from kg.store import open_store

    base = server("virtuoso").store_uri.removeprefix("sparql:").removesuffix("/sparql")
    user, password = VIRTUOSO_USER
    store = open_store(f"sparql:{base.replace('://', f'://{user}:{password}@')}/sparql-auth")
    store.replace_graph(G, [(URIRef("http://e/s"), URIRef("http://e/p"), Literal(1))])
    assert store.graphs() == [G] and store.config.gsp_url.endswith("/sparql-graph-crud-auth")
    clear(store)
    wrong = open_store(f"sparql:{base.replace('://', f'://{user}:wrong@')}/sparql-auth")
    with pytest.raises(StoreError, match="refused access"):
        wrong.graphs()
