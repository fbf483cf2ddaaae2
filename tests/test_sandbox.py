"""kg.sandbox: a confined process reaches no address and no file outside its policy.

Each case runs in a forked child (a confinement is for good) and reports back
what it could do; a canary listener on loopback counts the connections that
arrive. Every case has an unconfined control that shows the same attempt
succeeds without the sandbox, so the test can fail.
"""

from __future__ import annotations

import multiprocessing
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg import sandbox
from kg.sandbox import linux
from tests.canary import Canary

pytestmark = pytest.mark.skipif(linux.landlock_abi() < 1, reason="kernel without Landlock")


@pytest.fixture
def canary() -> Iterator[Canary]:
    listening = Canary()
    yield listening
    listening.close()


def _child(policy: sandbox.Confinement | None, attempt: Callable[[], object],
           results: multiprocessing.queues.Queue) -> None:
    try:
        if policy is not None:
            sandbox.confine(policy)
        results.put(("ok", repr(attempt())))
    except OSError as error:
        results.put(("denied", f"{type(error).__name__}: {error}"))
    except Exception as error:  # noqa: BLE001 - report any engine error to the parent
        results.put(("error", f"{type(error).__name__}: {error}"))


def in_child(policy: sandbox.Confinement | None, attempt: Callable[[], object]) -> tuple[str, str]:
    """Run ``attempt`` in a forked child confined by ``policy`` (None: unconfined)."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    process = context.Process(target=_child, args=(policy, attempt, results))
    process.start()
    outcome = results.get(timeout=60)
    process.join(timeout=10)
    return outcome


def connect(port: int) -> Callable[[], object]:
    return lambda: socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_worker_cannot_connect_anywhere(canary):
    assert in_child(None, connect(canary.port))[0] == "ok"
    assert canary.hits == 1
    outcome = in_child(sandbox.worker_confinement(None), connect(canary.port))
    assert outcome[0] == "denied", outcome
    assert canary.hits == 1


def test_worker_cannot_open_udp_or_raw_sockets():
    for family, kind in ((socket.AF_INET, socket.SOCK_DGRAM), (socket.AF_INET6, socket.SOCK_DGRAM),
                         (socket.AF_NETLINK, socket.SOCK_RAW)):
        assert in_child(None, lambda: socket.socket(family, kind).close())[0] == "ok"
        outcome = in_child(sandbox.worker_confinement(None),
                           lambda: socket.socket(family, kind).close())
        assert outcome[0] == "denied", (family, outcome)


def test_worker_reads_its_store_and_code_but_no_other_file(tmp_path):
    store, outside = tmp_path / "store", tmp_path / "secret.txt"
    store.mkdir()
    (store / "data").write_text("store data")
    outside.write_text("secret")
    policy = sandbox.worker_confinement(store)
    assert in_child(policy, lambda: (store / "data").read_text()) == ("ok", "'store data'")
    assert in_child(policy, lambda: len(Path(sandbox.__file__).read_text()) > 0) == ("ok", "True")
    assert in_child(None, outside.read_text) == ("ok", "'secret'")
    assert in_child(policy, outside.read_text)[0] == "denied"
    assert in_child(policy, lambda: Path("/etc/hostname").read_bytes())[0] == "denied"
    assert in_child(policy, lambda: (store / "new").write_text("x"))[0] == "denied"


def test_server_writes_its_store_and_temp_folder_only(tmp_path):
    store, temp = tmp_path / "kg", tmp_path / "tmp"
    store.mkdir()
    temp.mkdir()
    policy = sandbox.server_confinement(f"oxigraph:{store}", temp)
    assert in_child(policy, lambda: (store / "f").write_text("x")) == ("ok", "1")
    assert in_child(policy, lambda: (temp / "f").write_text("xy")) == ("ok", "2")
    assert in_child(policy, lambda: (tmp_path / "f").write_text("x"))[0] == "denied"


def test_pyoxigraph_service_and_load_reach_nothing(canary):
    """The engine's own HTTP client (SERVICE, LOAD) fails inside a confined worker."""
    def service() -> object:
        import pyoxigraph

        query = f"SELECT * {{ SERVICE <{canary.url}sparql> {{ ?s ?p ?o }} }}"
        return list(pyoxigraph.Store().query(query))

    def load() -> object:
        import pyoxigraph

        return pyoxigraph.Store().update(f"LOAD <{canary.url}data.ttl>")

    in_child(None, service)
    unconfined_hits = canary.hits
    assert unconfined_hits >= 1  # the control: unconfined, the engine does connect
    for attempt in (service, load):
        outcome = in_child(sandbox.worker_confinement(None), attempt)
        assert outcome[0] in ("denied", "error"), outcome
    assert canary.hits == unconfined_hits


def test_confine_refuses_a_threaded_process():
    def confine_with_a_thread() -> object:
        stop = threading.Event()
        threading.Thread(target=stop.wait, daemon=True).start()
        try:
            sandbox.confine(sandbox.worker_confinement(None))
        finally:
            stop.set()
        return "confined"

    outcome = in_child(None, confine_with_a_thread)
    assert outcome[0] == "error" and "threads already run" in outcome[1], outcome


def test_socket_filter_is_a_whole_bpf_program():
    program = linux.socket_filter([socket.AF_UNIX], "x86_64")
    assert len(program) % 8 == 0
    with pytest.raises(linux.SandboxUnavailable):
        linux.socket_filter([], "sparc")
