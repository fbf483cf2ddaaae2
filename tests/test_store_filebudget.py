"""kg.store.filebudget: a store opened inside the budget keeps few table files open."""

from __future__ import annotations

import re
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.env import Environment
from kg.store.filebudget import INGEST_OPEN_FILES, open_file_budget
from kg.store.oxigraph import OxigraphStore


def rocksdb_max_open_files(path: Path) -> int:
    """``max_open_files`` as RocksDB recorded it in the store's newest OPTIONS file."""
    newest = max(path.glob("OPTIONS-*"), key=lambda f: int(f.name.split("-")[1]))
    return int(re.search(r"^\s*max_open_files=(-?\d+)$", newest.read_text(), re.M).group(1))


@pytest.fixture
def roomy_limit():
    """A soft limit well above the budget (restored after the test)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
    if wanted <= INGEST_OPEN_FILES + 48:
        pytest.skip(f"the hard limit on open files ({hard}) leaves no room above the budget")
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    yield wanted
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_store_opened_in_the_budget_keeps_fewer_table_files_open(tmp_path, roomy_limit):
    OxigraphStore(tmp_path / "plain").close()
    with open_file_budget(INGEST_OPEN_FILES):
        OxigraphStore(tmp_path / "budget").close()
    assert rocksdb_max_open_files(tmp_path / "plain") == roomy_limit - 48
    assert rocksdb_max_open_files(tmp_path / "budget") == INGEST_OPEN_FILES - 48
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == roomy_limit


def test_the_limit_comes_back_when_the_block_fails(roomy_limit):
    with pytest.raises(KeyError), open_file_budget(INGEST_OPEN_FILES):
        raise KeyError("boom")
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == roomy_limit


def test_a_lower_limit_is_left_as_it_is(roomy_limit):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (100, hard))
    with open_file_budget(INGEST_OPEN_FILES) as inside:
        assert inside == 100 == resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == 100


def test_kg_ingest_writes_within_the_budget(tmp_path, roomy_limit):
    article = tmp_path / "a.txt"
    article.write_text("Hezbollah fighters clashed with ISIS near Arsal on Monday.", "utf-8")
    uri = f"oxigraph:{tmp_path / 'kg'}"
    env = Environment(store_uri=uri)
    result = CliRunner().invoke(main, ["ingest", "--no-progress", str(article)], obj=env)
    env.close()
    assert result.exit_code == 0, result.output
    assert rocksdb_max_open_files(tmp_path / "kg") == INGEST_OPEN_FILES - 48
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == roomy_limit
