"""What each reliability test tried and what happened, for the README's "Reliability" table.

A test asks for the :func:`reliability` fixture (import it into the test
module), says what it tries and records what it observed::

    def test_empty_file(reliability):
        reliability.tried("CLI ingest of an empty file")
        ...
        reliability.happened(f"exit 1, {stderr.strip()!r}, store unchanged")

When the test ends, its entry (area, what was tried, what happened, the
test's outcome) replaces the previous entry of the same test in
``tests/artifacts/reliability.json``. A failing test is recorded too, with
the first line of its failure as what happened. ``tests/reliability_table.py``
prints the file as Markdown.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import pytest

LOG = Path(__file__).resolve().parent / "artifacts" / "reliability.json"
OUTCOME = pytest.StashKey[pytest.TestReport]()
PLUGIN_NAME = "kg-reliability-outcomes"


class _OutcomePlugin:
    """Keeps each test's call report where the fixture can read it at teardown."""

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):  # type: ignore[no-untyped-def]
        outcome = yield
        report = outcome.get_result()
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            item.stash[OUTCOME] = report


class Recorder:
    """Collects one test's account of itself."""

    def __init__(self, area: str) -> None:
        self.area = area
        self.what: list[str] = []
        self.seen: list[str] = []

    def tried(self, text: str) -> None:
        """Say what the test does to the system."""
        self.what.append(text)

    def happened(self, text: str) -> None:
        """Say what the system did (measured, not expected)."""
        self.seen.append(text)


def _failure_line(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr)
    if report.outcome == "skipped" and isinstance(report.longrepr, tuple):
        text = report.longrepr[2]
    return text.strip().splitlines()[0][:300] if text.strip() else report.outcome


def _write(nodeid: str, entry: dict[str, str]) -> None:
    LOG.parent.mkdir(exist_ok=True)
    try:
        entries = json.loads(LOG.read_text("utf-8"))
    except (OSError, ValueError):
        entries = {}
    entries[nodeid] = entry
    handle, temporary = tempfile.mkstemp(dir=LOG.parent, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(entries, out, indent=1, ensure_ascii=False, sort_keys=True)
    os.replace(temporary, LOG)


@pytest.fixture
def reliability(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A :class:`Recorder`; its entry is written when the test ends."""
    manager = request.config.pluginmanager
    if not manager.has_plugin(PLUGIN_NAME):
        manager.register(_OutcomePlugin(), PLUGIN_NAME)
    area = getattr(request.module, "RELIABILITY_AREA", request.module.__name__)
    recorder = Recorder(area)
    yield recorder
    report = request.node.stash.get(OUTCOME, None)
    outcome = report.outcome if report is not None else "unknown"
    happened = "; ".join(recorder.seen)
    if report is not None and outcome != "passed":
        happened = _failure_line(report)
    _write(request.node.nodeid, {
        "area": recorder.area,
        "tried": "; ".join(recorder.what) or request.node.name,
        "happened": happened,
        "outcome": outcome,
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    })
