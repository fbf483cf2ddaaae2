"""Outcomes of the suites: the table, and the check against ``expected-outcomes.txt``.

A test's outcome is one of:

- ``pass``;
- ``value``: the answer equals the expected one only by value (``1.0`` for ``1``);
- ``fail``;
- ``refused``: refused by the endpoint's policy (SERVICE, LOAD, a dataset
  outside the store), with the endpoint's message;
- ``engine``: failed through the endpoint, and raw pyoxigraph fails it too.

``expected-outcomes.txt`` holds one ``name outcome`` line per test. A run
fails when a test does worse than that file says (a ``pass`` that no longer
passes, anything that becomes ``fail`` or ``value``); set
``KG_W3C_WRITE_OUTCOMES=1`` to rewrite the file from a run.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

EXPECTED = Path(__file__).with_name("expected-outcomes.txt")
RANK = {"pass": 3, "refused": 2, "engine": 2, "value": 1, "fail": 0}
COLUMNS = ("pass", "fail", "value", "refused", "engine")


@dataclass(frozen=True)
class Result:
    """One test's outcome through the endpoint, with raw pyoxigraph's when it was run."""

    suite: str
    name: str
    outcome: str
    reason: str = ""
    raw: str = ""


def combine(suite: str, name: str, served: tuple[str, str], raw: tuple[str, str] | None
            ) -> Result:
    """The outcome of a test run both ways: an endpoint failure the engine shares is ``engine``.

    >>> combine("query", "q", ("fail", "differs"), ("fail", "differs")).outcome
    'engine'
    >>> combine("query", "q", ("value", ""), ("pass", "")).outcome
    'value'
    """
    outcome, reason = served
    raw_outcome = raw[0] if raw else ""
    if outcome in ("fail", "value") and raw and raw_outcome != "pass":
        outcome, reason = "engine", f"pyoxigraph: {raw[1] or raw_outcome}"
    return Result(suite, name, outcome, reason, raw_outcome)


def read_expected(path: Path = EXPECTED) -> dict[str, str]:
    """The checked-in outcomes (empty when the file is missing)."""
    if not path.is_file():
        return {}
    pairs = (line.split() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#"))
    return {name: outcome for name, outcome in pairs}


def regressions(results: list[Result], expected: dict[str, str]) -> list[str]:
    """Tests that do worse than expected (or are not listed), one line each."""
    found = []
    for result in results:
        wanted = expected.get(result.name)
        if wanted is None:
            found.append(f"{result.name}: {result.outcome}, not in {EXPECTED.name}")
        elif RANK[result.outcome] < RANK[wanted] or (
                wanted == "pass" and result.outcome != "pass"):
            found.append(f"{result.name}: {result.outcome} (expected {wanted}) {result.reason}")
    return found


def write_expected(results: list[Result], path: Path = EXPECTED) -> None:
    """Rewrite the lines of these results' tests in ``path`` (other suites' lines stay)."""
    merged = {**read_expected(path), **{r.name: r.outcome for r in results}}
    header = "# W3C SPARQL 1.1 suites: expected outcome per test (tests/w3c/outcomes.py)\n"
    path.write_text(header + "".join(f"{name} {outcome}\n"
                                     for name, outcome in sorted(merged.items())),
                    encoding="utf-8")


def table(results: list[Result]) -> str:
    """The Markdown table of outcomes per suite, then the refusals and engine failures by name."""
    suites: dict[str, Counter[str]] = {}
    for result in results:
        suites.setdefault(result.suite, Counter())[result.outcome] += 1
    lines = ["| suite | tests | " + " | ".join(COLUMNS) + " |",
             "|---|---:|" + "---:|" * len(COLUMNS)]
    for suite, counts in suites.items():
        lines.append(f"| {suite} | {sum(counts.values())} | "
                     + " | ".join(str(counts[c]) for c in COLUMNS) + " |")
    for kind in ("fail", "value", "refused", "engine"):
        listed = [r for r in results if r.outcome == kind]
        if listed:
            lines.append(f"\n{kind} ({len(listed)}):")
            lines.extend(f"- {r.name}: {r.reason}" for r in listed)
    return "\n".join(lines)


def should_write() -> bool:
    """Whether this run rewrites the expected outcomes (``KG_W3C_WRITE_OUTCOMES=1``)."""
    return os.environ.get("KG_W3C_WRITE_OUTCOMES", "") == "1"
