"""Faults: a full disk and a SIGKILL in the middle of an export.

(SIGKILL during ingest, a read-only store and a remote store that is down or
slow are tested with the store, issue 4.)

The full disk is a real one: a 3 MB tmpfs mounted for the test (root can do
that here). Where mounting is not allowed, the same test runs the command
under ``RLIMIT_FSIZE``, which makes every write past the limit fail with
``EFBIG`` just as a full disk fails with ``ENOSPC``.
"""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import ids
from tests.reliability_log import reliability  # noqa: F401  (fixture)

RELIABILITY_AREA = "Faults"
KG = [sys.executable, "-m", "kg.cli.__main__"]
ARTICLE = ("Hezbollah fighters clashed with Islamic State militants near Arsal on {day} August "
           "2017, and the Lebanese army said it shelled ISIS positions in the hills. ") * 30


def run_kg(*args: str, store: str, limit_bytes: int | None = None, timeout: float = 300
           ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # in the child: writes past the limit fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=timeout,
                          env={"PATH": "/usr/bin:/bin", "KG_STORE": store},
                          preexec_fn=limit if limit_bytes else None)


@pytest.fixture
def small_disk(tmp_path) -> Iterator[tuple[Path, int | None]]:
    """``(folder, rlimit)``: a 3 MB tmpfs, or a plain folder and a file-size limit."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
        capture_output=True).returncode == 0
    try:
        yield mount, None if mounted else 1_500_000
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(mount)], check=False)


def free_space(mount: Path, rlimit: int | None) -> None:
    """What an operator does after a full disk: make room (here: grow the tmpfs to 50 MB)."""
    if rlimit is None:
        subprocess.run(["mount", "-o", "remount,size=50m", str(mount)], check=True)


def stored_keys(uri: str) -> list[str]:
    from kg.store import open_store

    with open_store(uri) as store:
        return sorted(str(g).rsplit("/", 1)[1] for g in store.graphs())


def test_full_disk_gives_a_clear_error_and_a_consistent_store(tmp_path, small_disk, reliability):
    mount, rlimit = small_disk
    how = "a 3 MB tmpfs" if rlimit is None else f"RLIMIT_FSIZE={rlimit} (mount not allowed)"
    reliability.tried(f"`kg ingest` of 12 articles into an on-disk store on {how} that fills up")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for day in range(12):
        (inbox / f"a{day:02}.txt").write_text(ARTICLE.format(day=day % 28 + 1), "utf-8")
    uri = f"oxigraph:{mount}/kg"
    result = run_kg("ingest", str(inbox), store=uri, limit_bytes=rlimit)

    lines = result.stderr.strip().splitlines()
    assert result.returncode in (1, 3), result.stderr
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert lines and all(line.startswith("kg: error: ") for line in lines), result.stderr[-2000:]
    full = [line for line in lines if "No space left on device" in line or "File too large" in line]
    assert full, lines[:3]
    added = int(result.stdout.split()[0]) if result.stdout.strip() else 0
    assert added < 12, result.stdout

    # Whatever landed is whole: each stored article has its full graph (as a fresh ingest of the
    # same file into memory produces it), and nothing else is there.
    from kg.documents import load_path
    from kg.extract import default_extractor
    from kg.ingest import ingest
    from kg.store import open_store

    free_space(mount, rlimit)
    with open_store(uri) as store:
        keys = sorted(str(g).rsplit("/", 1)[1] for g in store.graphs()
                      if g not in ids.shared_graphs())
        for key in keys:
            reference = open_store("memory:")
            ingest(reference, load_path(inbox / f"{key}.txt"), default_extractor())
            assert _graph_size(store, key) == _graph_size(reference, key), key
    example = full[0].removeprefix(f"kg: error: {uri}: ").replace(str(mount), "DISK")
    reliability.happened(
        f"exit {result.returncode}; {added} of 12 articles stored whole, the others refused with "
        f"one line each, e.g. `{example[:140]}`; no traceback; "
        "once space is freed the store reopens holding only whole articles")


def _graph_size(store, key: str) -> int:  # type: ignore[no-untyped-def]
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                        {"g": ids.article_uri(key)})
    return int(rows.column("n")[0])


def test_full_disk_during_export_leaves_no_partial_file(tmp_path, small_disk, reliability):
    mount, rlimit = small_disk
    reliability.tried("`kg export --out` of a 30,000-quad store onto a disk that fills up")
    uri = f"oxigraph:{tmp_path}/kg"
    _big_store(uri, 30_000)
    target = mount / "export.nq"
    result = run_kg("export", "--format", "nq", "--out", str(target), store=uri,
                    limit_bytes=rlimit)
    assert result.returncode == 3, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("kg: error: ") and ("No space left" in line or "too large" in line)
    assert not target.exists()
    assert not [p.name for p in mount.iterdir() if p.name != "lost+found"]
    message = line.removeprefix("kg: error: ").replace(str(mount), "DISK")
    reliability.happened(f"exit 3, `{message[:140]}`; no export file and no temporary file left "
                         "on the full disk")


def _big_store(uri: str, quads: int) -> None:
    """Fill a store with ``quads`` quads in 200 article graphs (bulk load, no extraction)."""
    from kg.store import open_store

    lines = [f'<https://example.org/s{i % 5000}> <https://example.org/p{i % 7}> '
             f'"literal value number {i} with some text to make the file longer" '
             f"<{ids.article_uri(f'a{i % 200}')}> .\n" for i in range(quads)]
    with open_store(uri) as store:
        store.load(io.BytesIO("".join(lines).encode()), "nq")


def test_sigkill_during_export_leaves_store_and_target_intact(tmp_path, reliability):
    reliability.tried("SIGKILL of `kg export --format nq --out FILE` while it writes "
                      "(100,000 quads), over an earlier complete export at FILE")
    uri = f"oxigraph:{tmp_path}/kg"
    _big_store(uri, 100_000)
    from kg.store import open_store

    with open_store(uri) as store:
        before = (len(store), sorted(store.graphs()))
    out = tmp_path / "exports"
    target = out / "graph.nq"
    out.mkdir()
    target.write_text("<https://example.org/old> <https://example.org/p> \"old\" .\n")
    old_export = target.read_bytes()

    child = subprocess.Popen([*KG, "export", "--format", "nq", "--out", str(target)],
                             env={"PATH": "/usr/bin:/bin", "KG_STORE": uri},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    partial = _wait_for_partial(out, child)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    leftovers = [p for p in out.iterdir() if p != target]

    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == old_export  # never replaced by the half-written one
    assert all(p.name.startswith(".graph.nq.") and p.name.endswith(".part") for p in leftovers)
    with open_store(uri) as store:
        assert (len(store), sorted(store.graphs())) == before
    again = run_kg("export", "--format", "nq", "--out", str(target), store=uri)
    assert again.returncode == 0, again.stderr
    assert len(target.read_bytes().splitlines()) == before[0]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # like any file, not mkstemp's 0600
    reliability.happened(
        f"killed with {partial} bytes written to a hidden `.graph.nq.*.part` file; FILE still "
        "held the earlier export; the store reopened with the same quads and graphs; a rerun "
        f"wrote all {before[0]} quads (the dead run's .part file stays behind)")


def _wait_for_partial(folder: Path, child: subprocess.Popen, timeout: float = 60) -> int:
    """Wait until the export's temporary file holds data; return its size."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert child.poll() is None, "export finished before it could be killed"
        for path in folder.glob(".*.part"):
            size = path.stat().st_size
            if size > 0:
                return size
        time.sleep(0.005)
    raise AssertionError("export never started writing")
