"""``kg serve`` as a real process: waitress on loopback, options reach the app, /healthz answers."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.live import free_port

KG = [sys.executable, "-m", "kg.cli.__main__"]
LISTEN = "0A"


def listening_addresses(port: int) -> set[str]:
    """IPv4 addresses listening on ``port``, read from /proc/net/tcp (no ss/netstat needed)."""
    found = set()
    for line in open("/proc/net/tcp").read().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, local_port = local.split(":")
        if state == LISTEN and int(local_port, 16) == port:
            found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def _wait_for(url: str, child: subprocess.Popen, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise AssertionError(f"kg serve exited: {child.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.fixture
def served(tmp_path):
    port = free_port()
    store = f"oxigraph:{tmp_path / 'kg'}"
    child = subprocess.Popen([*KG, "serve", "--store", store, "--port", str(port),
                              "--row-limit", "2", "--query-timeout", "5"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield port, store, child
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()


def test_serve_binds_loopback_and_reports_health(served):
    port, store, child = served
    health = _wait_for(f"http://127.0.0.1:{port}/healthz", child)
    assert health == {"status": "ok", "store": store, "quads": 0}
    assert listening_addresses(port) == {"127.0.0.1"}


def test_serve_passes_the_row_limit_to_the_endpoint(served):
    port, _, child = served
    _wait_for(f"http://127.0.0.1:{port}/healthz", child)
    query = "SELECT ?n WHERE { VALUES ?n { 1 2 3 4 } }"
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(url, timeout=30) as response:
        body = json.loads(response.read())
        assert response.headers["X-KG-Truncated"] == "true"
    assert len(body["results"]["bindings"]) == 2
