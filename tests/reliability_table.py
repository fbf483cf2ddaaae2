"""Print the "Reliability" table for the README from the test suite's own record.

Run the reliability tests (they append to ``tests/artifacts/reliability.json``
through the ``reliability`` fixture of :mod:`tests.reliability_log`), then::

    .venv/bin/python tests/reliability_table.py > reliability-table.md

Each row is one test: what it tried, what happened (as the test measured it)
and the test's outcome in its latest run.

Examples
--------
>>> print(markdown({"t::a": {"area": "Faults", "tried": "x | y", "happened": "ok",
...                          "outcome": "passed", "when": "2026-01-01T00:00:00+00:00"}}))
| Area | What was tried | What happened | Result |
|---|---|---|---|
| Faults | x \\| y | ok | passed |
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LOG = Path(__file__).resolve().parent / "artifacts" / "reliability.json"
AREAS = ("Bad input", "Fuzzing", "Faults", "Concurrency", "Attack surface", "Load")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _order(item: tuple[str, dict[str, str]]) -> tuple[int, str]:
    area = item[1].get("area", "")
    return (AREAS.index(area) if area in AREAS else len(AREAS), item[0])


def markdown(entries: dict[str, dict[str, str]]) -> str:
    """The table, one row per test, grouped by area."""
    lines = ["| Area | What was tried | What happened | Result |", "|---|---|---|---|"]
    for _, entry in sorted(entries.items(), key=_order):
        lines.append(f"| {_cell(entry['area'])} | {_cell(entry['tried'])} | "
                     f"{_cell(entry['happened'])} | {entry['outcome']} |")
    return "\n".join(lines)


def summary(entries: dict[str, dict[str, str]]) -> str:
    """One line: how many tests of each outcome, and when they last ran."""
    outcomes: dict[str, int] = {}
    for entry in entries.values():
        outcomes[entry["outcome"]] = outcomes.get(entry["outcome"], 0) + 1
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(outcomes.items()))
    times = sorted(entry["when"] for entry in entries.values())
    return f"{len(entries)} tests: {counts} (runs between {times[0]} and {times[-1]})"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else LOG
    try:
        entries = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        print(f"{path}: no record yet; run the reliability tests first", file=sys.stderr)
        return 1
    print(markdown(entries))
    print()
    print(summary(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
