"""Fixtures for the security suite: the real ``kg serve`` in a subprocess, as an attacker meets it.

``served_kg`` ingests the seed article into an on-disk Oxigraph store under
``tmp_path`` and starts ``python -m kg.cli serve`` on a free loopback port with
a write token. Tests talk to it over HTTP only; whatever the server does to
protect itself (sandboxing, limits) is what they exercise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_FILE
from tests.live import free_port
from tests.reliability_log import Recorder, reliability  # noqa: F401  (fixture)

WRITE_TOKEN = "security-suite-token"
RELIABILITY_AREA = "Attack surface"


@pytest.fixture(autouse=True)
def security_record(request: pytest.FixtureRequest, reliability: Recorder) -> Recorder:
    """Every security test is a row of the README's Reliability table (area "Attack surface").

    What was tried is the test's docstring (its first line) unless the test
    says more through ``reliability.tried``; what happened is what it records.
    """
    reliability.area = RELIABILITY_AREA
    doc = (request.function.__doc__ or "").strip().splitlines()
    reliability.tried(doc[0] if doc else request.node.name.removeprefix("test_").replace("_", " "))
    return reliability


@dataclass
class ServedKG:
    """A running ``kg serve``: its base URL, process, store and log."""

    url: str
    process: subprocess.Popen[bytes]
    store: Path | str
    log: Path

    def output(self) -> str:
        """What the server printed so far (stdout and stderr)."""
        return self.log.read_text(errors="replace")


def kg_command(*args: str) -> list[str]:
    """The command line that runs the project's CLI with this interpreter."""
    return [sys.executable, "-m", "kg.cli", *args]


def project_env(**extra: str) -> dict[str, str]:
    """The environment for a CLI subprocess: this checkout first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    env.pop("KG_STORE", None)
    return env


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Poll ``url/healthz`` until it answers, or fail with the server's exit code."""
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited with {process.returncode}")
        try:
            if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError(f"kg serve did not answer on {url} within {seconds} s")


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk Oxigraph store holding the seed article (ingested once per module)."""
    store = tmp_path_factory.mktemp("store") / "kg"
    subprocess.run(kg_command("ingest", str(SEED_FILE), "--store", f"oxigraph:{store}"),
                   env=project_env(), check=True, capture_output=True, timeout=300)
    return store


@pytest.fixture(scope="module")
def start_kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., ServedKG]]:
    """Start ``kg serve`` on a store with extra CLI arguments; every server stops at teardown."""
    started: list[ServedKG] = []

    def start(store: Path | str, *args: str, env: dict[str, str] | None = None) -> ServedKG:
        """``store`` is an on-disk Oxigraph folder or any store URI."""
        port = free_port()
        log = tmp_path_factory.mktemp("serve") / "serve.log"
        uri = store if isinstance(store, str) else f"oxigraph:{store}"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                kg_command("serve", "--store", uri, "--port", str(port), *args),
                env=project_env(KG_WRITE_TOKEN=WRITE_TOKEN, **(env or {})),
                stdout=sink, stderr=subprocess.STDOUT)
        served = ServedKG(f"http://127.0.0.1:{port}", process, store, log)
        started.append(served)
        wait_until_up(served.url, process)
        return served

    yield start
    for served in started:
        served.process.terminate()
        try:
            served.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            served.process.kill()


@pytest.fixture(scope="module")
def served_kg(start_kg: Callable[..., ServedKG], seeded_store: Path) -> ServedKG:
    """``kg serve`` over the seeded store, with the suite's write token."""
    return start_kg(seeded_store)


@pytest.fixture
def token_client(memory_store) -> Iterator:
    """A test client of an in-process app with the suite's write token, over an empty store."""
    from web import close_app, create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": WRITE_TOKEN})
    app.extensions["kg_store"] = memory_store
    yield app.test_client()
    close_app(app)
