"""Issue 13, item 8: symbolic links out of an ingested folder are not followed.

On 7c16e4f, ``passwd.txt -> /etc/passwd`` inside a folder given to
``kg ingest`` was read and stored as an article. Now a link that leads
outside the folder given is skipped with a one-line warning (``--follow-links``
reads it), a link inside it is read, and a link loop ends.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.env import Environment
from kg.vocab import sparql_prologue

TEXT = "Hezbollah fighters shelled ISIS positions near Arsal on Sunday."
SECRET = "root:x:0:0:Secret Operator:/root:/bin/bash\n"
SENTENCES = sparql_prologue() + "SELECT ?text WHERE { GRAPH ?g { ?s ckg:text ?text } }"


def kg_ingest(store, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["ingest", "--no-progress", *args],
                              obj=Environment(store_uri="memory:", _store=store))


def stored_text(store) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(row["text"]) for row in store.select(SENTENCES))


@pytest.fixture
def outside(tmp_path) -> Path:
    """A secret file and folder outside the ingested root (stand-ins for /etc/passwd, /etc)."""
    secrets = tmp_path / "etc"
    secrets.mkdir()
    (secrets / "passwd").write_text(SECRET, "utf-8")
    (secrets / "notes.txt").write_text(SECRET, "utf-8")
    return secrets


@pytest.fixture
def inbox(tmp_path, outside) -> Path:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "story.txt").write_text(TEXT, "utf-8")
    os.symlink(outside / "passwd", root / "passwd.txt")
    os.symlink(outside, root / "sub" / "etc")  # a folder outside
    os.symlink(root / "story.txt", root / "sub" / "same.txt")  # inside: fine
    os.symlink("..", root / "sub" / "loop")  # a loop back to the root
    os.symlink(root / "gone.txt", root / "broken.txt")
    return root


def test_links_out_of_the_root_are_skipped_with_a_warning(inbox, outside, memory_store):
    result = kg_ingest(memory_store, str(inbox))
    assert result.exit_code == 0, result.output
    # story.txt and the link sub/same.txt to it, once each: the loop sub/loop -> .. ends
    assert result.stdout.strip() == "2 added, 0 replaced, 0 unchanged, 0 failed"
    assert "Secret Operator" not in stored_text(memory_store)
    assert "Arsal" in stored_text(memory_store)
    warnings = result.stderr.splitlines()
    assert all(line.startswith("kg: warning: ") for line in warnings), warnings
    assert any(f"{inbox / 'passwd.txt'}: symbolic link to a file outside" in w for w in warnings)
    assert any(f"{inbox / 'sub' / 'etc'}: symbolic link to a folder outside" in w
               for w in warnings)
    assert any(f"{inbox / 'broken.txt'}: broken symbolic link" in w for w in warnings)
    assert len(warnings) == 3
    from kg.store import open_store

    named = kg_ingest(open_store("memory:"), str(inbox / "passwd.txt"))  # named: the user's choice
    assert named.exit_code == 0 and named.stdout.startswith("1 added") and not named.stderr


def test_follow_links_reads_them(inbox, memory_store):
    result = kg_ingest(memory_store, "--follow-links", str(inbox))
    assert result.exit_code == 0, result.output
    assert "Secret Operator" in stored_text(memory_store)  # etc/notes.txt and passwd.txt

