"""The tallies the analyses read, kept whole as one value by tally version.

Reading the dyad tallies and their per-date and per-source splits row by row costs a
join and a string lookup per value in Oxigraph: at 1,000 synthetic articles 1.9 s for
about 11,000 tallies, growing with their number. :func:`keep_tables` writes them as one
JSON value (:mod:`kg.aggregates.answers`, named ``tally-columns``) stamped with the store's
tally version, and :func:`kept_tables` reads that value while the version is current: one
lookup and a parse. The value is in columns (:mod:`kg.aggregates.columns`);
:func:`kept_columns` gives them as they are. The rows of strings an older kg kept (named
``tallies``) are still read when current, and never written (``kg upgrade`` or the next
``kg analyze`` keeps them anew in columns, beside them).
Any counted write raises the version, so a stale copy is never read;
the analyses then read the tallies again (:mod:`kg.aggregates.read`), and ``kg analyze``
keeps them anew (:func:`kg.analysis.run.run_analysis` with ``keep``). ``kg upgrade`` keeps
them (from the counts it has just written when it recounts: :func:`kg.aggregates.write.rebuild`),
and an ingest or a removal adds its own changes to them (:func:`kept_current`).

Examples
--------
>>> from collections import Counter
>>> from kg.aggregates.tallies import Key
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> kept_tables(store) is None
True
>>> tables = tables_from_counts(Counter({Key("dyad", ("a", "b", "ArmedClash")): 2,
...     Key("dyad-date", ("a", "b", "ArmedClash", "2017-08-27")): 2, Key("actor", ("a",)): 2}))
>>> keep_tables(store, tables)
>>> kept_tables(store) == tables, tables.dates
(True, {('a', 'b', 'ArmedClash'): [('2017-08-27', 2)]})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg import ids
from kg.aggregates.tallies import Key
from kg.store.base import Store

if TYPE_CHECKING:
    from kg.aggregates.columns import TallyColumns

NAME = "tally-columns"
"""The name the tables are kept under among the kept answers, in columns."""
ROWS_NAME = "tallies"
"""The name an older kg kept them under, as rows of strings: still read, never written, so
that an older kg sharing the store never meets a value it cannot read (it reads its own, or
the tallies when a counted write has made its own stale)."""
DyadKey = tuple[str, str, str]
"""``(agent, other, relation)``."""
COUNTED = """ASK { GRAPH ?a { ?tally ?p ?o } }"""
"""Whether the aggregates graph holds anything: a tally, a kept answer or the tally version."""


@dataclass
class Tables:
    """Dyad counts, their splits per date and per source, and mediation records per actor."""

    dyads: dict[DyadKey, int] = field(default_factory=dict)
    dates: dict[DyadKey, list[tuple[str, int]]] = field(default_factory=dict)
    sources: dict[DyadKey, list[tuple[str, int]]] = field(default_factory=dict)
    mediation: dict[str, dict[str, int]] = field(default_factory=dict)


def tables_from_counts(counts: Counter[Key]) -> Tables:
    """The tables of a full count of the tallies (:func:`kg.aggregates.write.rebuild`): the
    count added to empty tables, in key order."""
    tables = Tables()
    apply_delta(tables, Counter(dict(sorted(counts.items()))))
    return tables


def _tables_of_rows(payload: dict[str, Any]) -> Tables:
    """The tables of a value kept by an older kg (format 1: rows of strings)."""
    keys: list[DyadKey] = [(a, o, r) for a, o, r, _ in payload["dyads"]]
    tables = Tables(dyads={key: row[3] for key, row in zip(keys, payload["dyads"], strict=True)})
    for name, split in (("dates", tables.dates), ("sources", tables.sources)):
        for number, value, n in payload[name]:
            split.setdefault(keys[number], []).append((value, n))
    for actor, kind, n in payload["mediation"]:
        tables.mediation.setdefault(actor, {})[kind] = n
    return tables


def _kept_value(store: Store) -> tuple[dict[str, Any], int, bool] | None:
    """The kept value of the current tally version, its version and whether it is in columns:
    the columns if kept, else the rows an older kg kept."""
    from kg.aggregates.answers import versioned_answer

    for name, in_columns in ((NAME, True), (ROWS_NAME, False)):
        found = versioned_answer(store, name)
        if found is not None:
            return found[0], found[1], in_columns
    return None


def keep_tables(store: Store, tables: Tables, version: int | None = None) -> None:
    """Keep ``tables`` with the store's current tally version (starting one); with ``version``,
    only if that is the current one."""
    from kg.aggregates.columns import columns_of

    keep_columns(store, columns_of(tables), version)


def keep_columns(store: Store, columns: TallyColumns, version: int | None = None) -> None:
    """:func:`keep_tables` for tables already in columns."""
    from kg.aggregates.answers import keep_answer
    from kg.aggregates.columns import payload

    keep_answer(store, NAME, payload(columns), version)


def kept_tables(store: Store) -> Tables | None:
    """The kept tables if they are of the store's current tally version, else ``None``."""
    found = _versioned(store)
    return None if found is None else found[0]


def kept_columns(store: Store) -> TallyColumns | None:
    """The kept tables as columns (:mod:`kg.aggregates.columns`: the analyses need no more) if
    they are of the store's current tally version, else ``None``."""
    from kg.aggregates.columns import columns_of, from_payload

    found = _kept_value(store)
    if found is None:
        return None
    value, _, in_columns = found
    return from_payload(value) if in_columns else columns_of(_tables_of_rows(value), format=1)


def start_tables(store: Store) -> bool:
    """Keep empty tables on a store that holds no tally or kept answer yet (a new store), so
    that :func:`kept_current` keeps them current from its first ingest on; ``kg ingest`` does
    this. Returns whether it did.

    >>> from kg.store import open_store
    >>> store = open_store("memory:")
    >>> start_tables(store), kept_tables(store), start_tables(store)
    (True, Tables(dyads={}, dates={}, sources={}, mediation={}), False)
    """
    if store.ask(COUNTED, {"a": ids.aggregates_graph()}):
        return False
    keep_tables(store, Tables())
    return True


def _versioned(store: Store) -> tuple[Tables, int] | None:
    from kg.aggregates.columns import from_payload, tables_of

    found = _kept_value(store)
    if found is None:
        return None
    value, version, in_columns = found
    return (tables_of(from_payload(value)) if in_columns else _tables_of_rows(value)), version


def _add(split: dict[DyadKey, list[tuple[str, int]]], dyad: DyadKey,
         changes: dict[str, int]) -> None:
    rows = dict(split.get(dyad, []))
    for value, n in changes.items():
        rows[value] = rows.get(value, 0) + n
    kept = [(value, n) for value, n in rows.items() if n > 0]
    if kept:
        split[dyad] = kept
    else:
        split.pop(dyad, None)


def apply_delta(tables: Tables, delta: Counter[Key]) -> None:
    """Add a change of the tallies (:func:`kg.aggregates.tallies.contribution`, less what a
    stored article added) to ``tables``, as the tallies' update adds it to them.

    >>> tables = tables_from_counts(Counter({Key("dyad", ("a", "b", "Shelling")): 1}))
    >>> apply_delta(tables, Counter({Key("dyad", ("a", "b", "Shelling")): -1,
    ...     Key("mediation", ("m", "mediator")): 2}))
    >>> tables.dyads, tables.mediation
    ({}, {'m': {'mediator': 2}})
    """
    splits: dict[tuple[str, DyadKey], dict[str, int]] = {}
    for key, n in delta.items():
        if not n:
            continue
        if key.kind == "dyad":
            dyad: DyadKey = key.parts  # type: ignore[assignment]
            tables.dyads[dyad] = tables.dyads.get(dyad, 0) + n
            if tables.dyads[dyad] <= 0:
                del tables.dyads[dyad]
        elif key.kind in ("dyad-date", "dyad-source"):
            changes = splits.setdefault((key.kind, key.parts[:3]), {})  # type: ignore[arg-type]
            changes[key.parts[3]] = changes.get(key.parts[3], 0) + n
        elif key.kind == "mediation":
            kinds = tables.mediation.setdefault(key.parts[0], {})
            kinds[key.parts[1]] = kinds.get(key.parts[1], 0) + n
            if kinds[key.parts[1]] <= 0:
                del kinds[key.parts[1]]
            if not kinds:
                del tables.mediation[key.parts[0]]
    for (kind, dyad), changes in splits.items():
        _add(tables.dates if kind == "dyad-date" else tables.sources, dyad, changes)


TABLE_KINDS = frozenset({"dyad", "dyad-date", "dyad-source", "mediation"})
"""The tally kinds the kept tables hold (:func:`apply_delta`); the rest of a change is not noted."""
APPLY_EVERY = 500
"""Counted writes whose summed changes are added to the tables at once."""


@dataclass(eq=False)  # each block removes its own from the store's list, nested or not
class Recorded:
    """The counted writes made inside one :func:`kept_current` block: their number, and their
    changes added to the kept ``tables`` every :data:`APPLY_EVERY` writes (summed meanwhile,
    of the kinds the tables hold). Memory stays that of the tables: the sum of every change of
    an ingest kept growing, most of its keys new (an event's dyad memberships, a dyad's new
    dates and sources): 20,352 keys after 1,000 synthetic articles, and 35,260 more key
    objects at 3,000 than at 1,000.

    >>> recorded = Recorded(tables_from_counts(Counter()))
    >>> recorded.add(Counter({Key("dyad", ("a", "b", "Fight")): 2, Key("actor", ("a",)): 2}))
    >>> recorded.add(Counter({Key("dyad", ("a", "b", "Fight")): -1}))
    >>> recorded.writes, len(recorded.pending), recorded.applied().dyads
    (2, 1, {('a', 'b', 'Fight'): 1})
    """

    tables: Tables
    writes: int = 0
    pending: Counter[Key] = field(default_factory=Counter)

    def add(self, delta: Counter[Key]) -> None:
        self.writes += 1
        self.pending.update({key: n for key, n in delta.items() if key.kind in TABLE_KINDS})
        if self.writes % APPLY_EVERY == 0:
            self.applied()

    def applied(self) -> Tables:
        """The tables with every change noted so far."""
        apply_delta(self.tables, self.pending)
        self.pending.clear()
        return self.tables


def record_delta(store: Store, delta: Counter[Key]) -> None:
    """Note a counted write's change to the tallies for :func:`kept_current` (after the write
    raised the tally version once)."""
    for recorded in store.__dict__.get("_tally_deltas", ()):
        recorded.add(delta)


@contextmanager
def kept_current(store: Store) -> Iterator[None]:
    """Keep the kept tables current across the counted writes of the block (an ingest, a
    removal): if they were current at its start, they are kept again at its end with every
    change the writes made, provided no other write raised the tally version meanwhile.

    Without it, the first ``kg analyze`` after an ingest reads every tally again (1.2-2.0 s at
    1,000-3,000 articles, growing with the tallies); with it, the ingest writes one value.
    """
    start = _versioned(store)
    if start is None:  # no tables kept: nothing to keep current, nothing to note
        yield
        return
    tables, version = start
    recorded = Recorded(tables)
    recording = store.__dict__.setdefault("_tally_deltas", [])
    recording.append(recorded)
    try:
        yield
    finally:
        recording.remove(recorded)
    if recorded.writes:
        keep_tables(store, recorded.applied(), version + recorded.writes)  # each counted
        # write raised the version once


__all__ = ["APPLY_EVERY", "NAME", "ROWS_NAME", "Recorded", "TABLE_KINDS", "Tables", "apply_delta",
           "keep_columns", "keep_tables", "kept_columns", "kept_current", "kept_tables",
           "record_delta", "start_tables", "tables_from_counts"]
