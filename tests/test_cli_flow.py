"""The issue's command-line flow, run as a user would, in a fresh directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

KG = [sys.executable, "-m", "kg.cli.__main__"]


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "KG_STORE": f"oxigraph:{cwd}/kg"})


def test_ingest_export_validate_and_idempotence(tmp_path):
    first = kg("ingest", str(SEEDS), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "1 added, 0 replaced, 0 unchanged, 0 failed"
    assert kg("export", "--format", "nq", "--out", "before.nq", cwd=tmp_path).returncode == 0
    again = kg("ingest", str(SEEDS), cwd=tmp_path)
    assert again.stdout.strip() == "0 added, 0 replaced, 1 unchanged, 0 failed"
    assert kg("export", "--format", "nq", "--out", "after.nq", cwd=tmp_path).returncode == 0
    before = sorted((tmp_path / "before.nq").read_text().splitlines())
    assert before == sorted((tmp_path / "after.nq").read_text().splitlines()) and before

    assert kg("export", "--format", "turtle", "--out", "seed.ttl", cwd=tmp_path).returncode == 0
    if shutil.which("rapper"):
        parsed = subprocess.run(["rapper", "-i", "turtle", "-c", str(tmp_path / "seed.ttl")],
                                capture_output=True, text=True)
        assert parsed.returncode == 0, parsed.stderr
    else:
        pytest.skip("rapper is not installed; `make system-deps` installs it")
    validated = kg("validate", cwd=tmp_path)
    assert validated.returncode == 0 and validated.stdout.startswith("Conforms")


def test_bad_inputs_are_reported_and_the_rest_lands(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (inbox / "latin1.txt").write_bytes("Caf\u00e9 talks in Beirut".encode("latin-1"))
    (inbox / "good.txt").write_text("Hezbollah fighters clashed with ISIS near Arsal.", "utf-8")
    result = kg("ingest", str(inbox), cwd=tmp_path)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("kg: error: ") for line in errors)
    assert result.stdout.strip() == "1 added, 0 replaced, 0 unchanged, 3 failed"
    assert "Traceback" not in result.stderr
