"""SPARQL servers started for real on loopback, once per test session.

* Oxigraph server (``oxigraph serve`` from the venv, PyPI ``oxigraph``) with
  ``--union-default-graph``, on disk in a temporary folder;
* Virtuoso 7 (``virtuoso-t`` from Debian ``virtuoso-opensource-7``) with a
  generated ``virtuoso.ini`` in a temporary folder, SQL and HTTP ports on
  127.0.0.1, and ``SPARQL_UPDATE`` granted to the endpoint's ``SPARQL`` user
  through ``isql-vt``.

Free ports are picked by binding port 0. Each server is started on first use
and stopped when the session ends (a fixture finaliser; an ``atexit`` hook
as a backstop). A test module uses them by importing the fixtures::

    from tests.servers import any_store, oxigraph_server, virtuoso_server  # noqa: F401

``any_store`` runs a test on every backend: ``memory:``, ``oxigraph:`` on disk,
and ``sparql:`` against each server (marked ``remote``), each time empty.
"""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

START_TIMEOUT = 90.0
_RUNNING: dict[str, Server] = {}

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
MaxClientConnections = 20
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 20
MaxClientConnections = 20
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running server process and the ``sparql:`` store URI that reaches it."""

    name: str
    process: subprocess.Popen
    folder: Path
    store_uri: str
    log: Path
    stop_command: list[str] = field(default_factory=list)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Stop the server (politely, then by force) and remove its folder."""
        if self.process.poll() is None:
            if self.stop_command:
                subprocess.run(self.stop_command, capture_output=True, timeout=30, check=False)
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def _wait_until_answering(server: Server, probe_url: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}:\n"
                               f"{server.log_tail()}")
        try:
            with urllib.request.urlopen(probe_url, timeout=2) as response:
                response.read()
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer within {START_TIMEOUT:g} s:\n"
                       f"{server.log_tail()}")


def start_oxigraph() -> Server:
    """Start ``oxigraph serve`` on a free loopback port over a temporary folder."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        binary = Path(shutil.which("oxigraph") or "")
    if not binary.is_file():
        pytest.skip("oxigraph server binary not found (pip install oxigraph)")
    folder = Path(tempfile.mkdtemp(prefix="kg-oxigraph-"))
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(binary), "serve", "--location", str(folder / "data"),
             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph server", process, folder, f"sparql:{base}/query", log)
    _wait_until_answering(server, f"{base}/query?query=ASK%7B%7D")
    return server


def start_virtuoso() -> Server:
    """Start Virtuoso 7 with a generated ini and let its SPARQL endpoint write."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not binary or not isql:
        pytest.skip("virtuoso-t / isql-vt not found (Debian virtuoso-opensource-7)")
    folder = Path(tempfile.mkdtemp(prefix="kg-virtuoso-"))
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "virtuoso.log"
    process = subprocess.Popen([binary, "+configfile", str(folder / "virtuoso.ini"),
                                "+foreground"], cwd=folder, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    isql_at = [isql, f"127.0.0.1:{sql_port}", "dba", "dba"]
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", process, folder, f"sparql:{base}/sparql", log,
                    stop_command=[*isql_at, "exec=shutdown;"])
    _wait_until_answering(server, f"{base}/sparql?query=ASK%7B%7D")
    setup = subprocess.run([*isql_at, str(_virtuoso_setup(folder))],
                           capture_output=True, text=True, timeout=60)
    if setup.returncode != 0 or "Error" in setup.stdout + setup.stderr:
        server.stop()
        raise RuntimeError(f"setting up Virtuoso failed: {setup.stdout}{setup.stderr}")
    return server


VIRTUOSO_USER = ("kg", "kg-secret")
"""A SQL user for the credentials tests (``/sparql-auth``, HTTP Digest)."""


def _virtuoso_setup(folder: Path) -> Path:
    """The isql script: let the endpoint write, and keep Virtuoso's own graphs to itself.

    Virtuoso's default graph spans every graph, its system graphs included.
    Putting those into the PrivateGraphs group and denying private graphs to
    the SPARQL users removes them from the users' default graph (the
    ``DEFINE input:default-graph-exclude`` pragma was measured to break
    ``GRAPH <iri>`` patterns, so kg does not use it).
    """
    from kg.store.remote_config import VIRTUOSO_SYSTEM_GRAPHS

    private = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
    user, password = VIRTUOSO_USER
    lines = ['grant SPARQL_UPDATE to "SPARQL";',
             f"DB.DBA.USER_CREATE ('{user}', '{password}');",
             f'grant SPARQL_SELECT to "{user}";', f'grant SPARQL_UPDATE to "{user}";',
             f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{private}', 1);"]
    for name in ("nobody", user):
        lines += [f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('{name}', 15);",
                  f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('{name}', 0, 1);"]
    lines += [f"DB.DBA.RDF_GRAPH_GROUP_INS ('{private}', '{graph}');"
              for graph in VIRTUOSO_SYSTEM_GRAPHS]
    script = folder / "setup.sql"
    script.write_text("\n".join(lines) + "\n")
    return script


STARTERS = {"oxigraph-server": start_oxigraph, "virtuoso": start_virtuoso}


def server(name: str) -> Server:
    """The session's server ``name``, started on first use."""
    if name not in _RUNNING or _RUNNING[name].process.poll() is not None:
        _RUNNING[name] = STARTERS[name]()
    return _RUNNING[name]


@atexit.register
def stop_all() -> None:
    """Stop every server this process started."""
    while _RUNNING:
        _, running = _RUNNING.popitem()
        running.stop()


def _session_server(name: str, request: pytest.FixtureRequest) -> Server:
    request.session.config.add_cleanup(stop_all)  # idempotent: stops once at session end
    return server(name)


@pytest.fixture(scope="session")
def oxigraph_server(request: pytest.FixtureRequest) -> Server:
    """A running Oxigraph server (``--union-default-graph``)."""
    return _session_server("oxigraph-server", request)


@pytest.fixture(scope="session")
def virtuoso_server(request: pytest.FixtureRequest) -> Server:
    """A running Virtuoso 7 whose SPARQL endpoint accepts updates."""
    return _session_server("virtuoso", request)


def clear(store) -> None:  # type: ignore[no-untyped-def]
    """Drop every graph the store shows, in one update (a server's own system graphs stay)."""
    graphs = store.graphs()
    for start in range(0, len(graphs), 100):  # Virtuoso refuses much longer requests
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[start:start + 100]))


BACKENDS = ["memory", "oxigraph-disk",
            pytest.param("oxigraph-server", marks=pytest.mark.remote),
            pytest.param("virtuoso", marks=pytest.mark.remote)]


def open_backend(name: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An empty store of backend ``name``."""
    from kg.store import open_store

    if name == "memory":
        return open_store("memory:")
    if name == "oxigraph-disk":
        return open_store(f"oxigraph:{tmp_path / 'kg'}")
    store = open_store(server(name).store_uri)
    clear(store)
    return store


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """An empty store on each backend in turn (the server ones are marked ``remote``)."""
    if request.param in STARTERS:
        request.session.config.add_cleanup(stop_all)
    store = open_backend(request.param, tmp_path)
    try:
        yield store
    finally:
        if request.param in STARTERS:
            clear(store)
        store.close()
