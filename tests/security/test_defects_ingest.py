"""Issue 13, item 9 (ingest and date parts): bounded JSON lines, disk full, date parameters.

* A JSON-lines record over the line limit is skipped unread with one line
  naming ``file:line``; the rest of the batch lands and memory stays flat (on
  7c16e4f the whole line was read first: 1.5 GB took 3.6 GB of RSS).
* When the disk is full, the error names the article being written, not only
  the store (a real full disk: a small tmpfs, as root; skipped elsewhere).
* ``from``/``to`` of the view routes that do not exist, or a ``from`` after
  the ``to``, are a 400 naming the parameter (all were accepted).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.env import Environment
from tests.security.conftest import project_env

TEXT = "Hezbollah fighters shelled ISIS positions near Arsal on Sunday."
LINE_LIMIT = 8_000_000  # KG_MAX_LINE_BYTES for the subprocess
HUGE_LINE = 200_000_000  # 25 times the limit
PEAK_RSS = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(f"{done.returncode}\\n{peak}\\n{done.stdout}{done.stderr}", end="")
"""


def ingest_peak_rss(batch: Path) -> tuple[int, int, str]:
    """Run ``kg ingest`` on ``batch`` in a fresh process: exit code, peak RSS in bytes, output."""
    command = [sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "kg.cli", "ingest",
               "--no-progress", "--store", "memory:", str(batch)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env=project_env(KG_MAX_LINE_BYTES=str(LINE_LIMIT)))
    code, peak, output = done.stdout.split("\n", 2)
    return int(code), int(peak), output


def test_an_over_long_json_line_is_skipped_unread_and_the_batch_lands(tmp_path):
    good = json.dumps({"id": "after", "text": TEXT}) + "\n"
    small = tmp_path / "small.jsonl"
    small.write_text(good, "utf-8")
    batch = tmp_path / "batch.jsonl"
    with batch.open("wb") as out:
        out.write(b'{"id": "huge", "text": "')
        block = b"Arsal. " * 150_000
        for _ in range(HUGE_LINE // len(block)):
            out.write(block)
        out.write(b'"}\n' + good.encode())
    code, baseline, _ = ingest_peak_rss(small)
    assert code == 0
    code, peak, output = ingest_peak_rss(batch)
    assert code == 1, output
    lines = output.splitlines()  # stdout, then stderr
    assert lines[0] == "1 added, 0 replaced, 0 unchanged, 1 failed"  # line 2 landed
    assert lines[1:] == [f"kg: error: {batch}:1: record is over the 8.0 MB limit of a JSON "
                          "line (KG_MAX_LINE_BYTES), skipped"]
    # a 200 MB line read whole would cost at least 200 MB more than a one-line batch
    assert peak - baseline < 3 * LINE_LIMIT, (peak, baseline)


@pytest.fixture
def full_disk(tmp_path):  # type: ignore[no-untyped-def]
    """A 8 MB tmpfs holding a store with one article, then filled up (root only)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_names_the_article_being_written(tmp_path, full_disk):
    store_uri = f"oxigraph:{full_disk / 'kg'}"
    first = tmp_path / "first.txt"
    first.write_text(TEXT, "utf-8")
    done = CliRunner().invoke(main, ["ingest", "--no-progress", str(first)],
                              obj=Environment(store_uri=store_uri))
    assert done.exit_code == 0, done.output
    env = Environment(store_uri=store_uri)
    env.store()  # opened (a new manifest written) before the disk fills up
    with (full_disk / "filler").open("wb") as filler:
        with pytest.raises(OSError):
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
    story = tmp_path / "in" / "story.txt"
    story.parent.mkdir()
    story.write_text("The Lebanese army said talks with Nusra in Qalamoun had stalled.", "utf-8")
    result = CliRunner().invoke(main, ["ingest", "--no-progress", str(story)], obj=env)
    assert result.exit_code != 0
    first_error = result.stderr.splitlines()[0]
    assert first_error.startswith(f"kg: error: {story}: article 'story' not stored: write failed: ")
    assert "No space left on device" in first_error
    assert first_error.endswith(f"(store {store_uri})")


@pytest.mark.parametrize("route", ["/network.json", "/timeline.json", "/map.json", "/network.rq",
                                   "/network.gexf", "/network"])
@pytest.mark.parametrize("query, names", [
    ("from=2017-13-45", "from:"), ("to=2017-02-30", "to:"), ("from=2017-00", "from:"),
    ("from=2017-09-01&to=2017-08-31", "from: '2017-09-01' is after to: '2017-08-31'"),
])
def test_impossible_dates_and_a_from_after_the_to_are_400_naming_the_parameter(
        client, route, query, names):
    response = client.get(f"{route}?{query}", headers={"Accept": "application/json"})
    assert response.status_code == 400, response.data[:200]
    assert response.get_json()["message"].startswith(names)
    for window in ("from=2016-02-29", "from=2017-08&to=2017-08", "from=2017&to=2017-12-31"):
        assert client.get(f"{route}?{window}").status_code == 200, window  # real dates still pass



@pytest.mark.parametrize("route", ["/api/events", "/api/analysis/fights"])
@pytest.mark.parametrize("query, names", [
    ("since=2017-13-45", "since:"), ("until=2017-02-30", "until:"),
    ("since=2017-09-01&until=2017-08-31", "since: '2017-09-01' is after until: '2017-08-31'"),
])
def test_since_and_until_of_the_api_are_checked_the_same_way(client, route, query, names):
    response = client.get(f"{route}?{query}")
    assert response.status_code == 400, response.data[:200]
    assert response.get_json()["message"].startswith(names)
    assert client.get(f"{route}?since=2016-02-29&until=2017-02").status_code == 200
