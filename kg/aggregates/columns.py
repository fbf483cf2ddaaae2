"""The tallies the analyses read, in columns: every actor and edge type named once, numbers after.

:class:`TallyColumns` holds the dyad tallies as four parallel lists of whole numbers
(agent, other, edge type: positions in the sorted ``actors`` and ``relations``; events),
their per-date and per-source splits as flat ``(dyad position, value position, events)``
triples, and the explicit mediation records per actor. It is the form the tables are kept in
(:mod:`kg.aggregates.snapshot`, format :data:`FORMAT`) and the one the analyses compute from
(:func:`kg.aggregates.read.tally_columns`): at 100,000 articles the kept value of
:class:`~kg.aggregates.snapshot.Tables` as rows of strings was 37 MB of JSON, a 1.2 s parse
and 0.8 s more to build the tables; the columns parse in a fraction of that and the analyses
of counts alone never build the per-date and per-source tables.

Because ``actors`` and ``relations`` are sorted, comparing two positions compares the URIs.

Examples
--------
>>> from kg.aggregates.snapshot import Tables
>>> tables = Tables(dyads={("b", "a", "Shelling"): 2, ("a", "b", "Praise"): 1},
...                 dates={("b", "a", "Shelling"): [("2017-08-27", 2)]},
...                 mediation={"m": {"mediator": 1}})
>>> columns = columns_of(tables)
>>> columns.actors, columns.relations, columns.agent, columns.count
(['a', 'b'], ['Praise', 'Shelling'], [1, 0], [2, 1])
>>> columns.split("dates")
{0: [('2017-08-27', 2)]}
>>> tables_of(from_payload(payload(columns))) == tables
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.aggregates.snapshot import DyadKey, Tables

FORMAT = 2
"""The kept format of the columns (format 1: :class:`~kg.aggregates.snapshot.Tables` as rows)."""
SPLITS = ("dates", "sources")


@dataclass(frozen=True)
class Split:
    """Per-date or per-source events of the dyads: ``rows`` is flat ``(dyad position, value
    position, events)`` triples, ``values`` the dates or source names."""

    values: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class TallyColumns:
    """Dyads, their splits and mediation records per actor (module docstring)."""

    actors: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    agent: list[int] = field(default_factory=list)
    other: list[int] = field(default_factory=list)
    relation: list[int] = field(default_factory=list)
    count: list[int] = field(default_factory=list)
    dates: Split = field(default_factory=Split)
    sources: Split = field(default_factory=Split)
    mediation: dict[str, dict[str, int]] = field(default_factory=dict)
    format: int = FORMAT  # the format it was read from (1: kept by an older kg)

    def split(self, name: str, wanted: set[int] | None = None) -> dict[int, list[tuple[str, int]]]:
        """Per dyad position: its ``(value, events)`` of split ``name`` (``dates`` or
        ``sources``), of the dyads in ``wanted`` only if given."""
        split: Split = getattr(self, name)
        values, rows, found = split.values, split.rows, {}  # type: ignore[var-annotated]
        for dyad, value, n in zip(rows[0::3], rows[1::3], rows[2::3], strict=True):
            if wanted is None or dyad in wanted:
                found.setdefault(dyad, []).append((values[value], n))
        return found

    def key(self, position: int) -> DyadKey:
        """``(agent, other, relation)`` of the dyad at ``position``."""
        return (self.actors[self.agent[position]], self.actors[self.other[position]],
                self.relations[self.relation[position]])


def _split_of(rows: dict[DyadKey, list[tuple[str, int]]], position: dict[DyadKey, int]) -> Split:
    values: dict[str, int] = {}
    flat: list[int] = []
    for dyad, pairs in rows.items():
        if dyad in position:  # always, unless a raw write broke the tallies
            for value, n in pairs:
                flat += (position[dyad], values.setdefault(value, len(values)), n)
    return Split(list(values), flat)


def columns_of(tables: Tables, format: int = FORMAT) -> TallyColumns:
    """The columns of ``tables`` (dyads in the tables' order)."""
    actors = sorted({actor for dyad in tables.dyads for actor in dyad[:2]})
    relations = sorted({dyad[2] for dyad in tables.dyads})
    actor_at = {actor: i for i, actor in enumerate(actors)}
    relation_at = {relation: i for i, relation in enumerate(relations)}
    position = {dyad: i for i, dyad in enumerate(tables.dyads)}
    return TallyColumns(
        actors, relations, [actor_at[a] for a, _, _ in tables.dyads],
        [actor_at[o] for _, o, _ in tables.dyads], [relation_at[r] for _, _, r in tables.dyads],
        list(tables.dyads.values()), _split_of(tables.dates, position),
        _split_of(tables.sources, position),
        {actor: dict(kinds) for actor, kinds in tables.mediation.items()}, format)


def tables_of(columns: TallyColumns) -> Tables:
    """The :class:`~kg.aggregates.snapshot.Tables` of ``columns``."""
    from kg.aggregates.snapshot import Tables

    keys = [columns.key(i) for i in range(len(columns.count))]
    tables = Tables(dyads=dict(zip(keys, columns.count, strict=True)),
                    mediation={actor: dict(kinds) for actor, kinds in columns.mediation.items()})
    for name in SPLITS:
        split = getattr(tables, name)
        for position, pairs in columns.split(name).items():
            split[keys[position]] = pairs
    return tables


def payload(columns: TallyColumns) -> dict[str, Any]:
    """The JSON value the columns are kept as (format :data:`FORMAT`)."""
    flat: list[int] = []
    for row in zip(columns.agent, columns.other, columns.relation, columns.count, strict=True):
        flat += row
    return {"format": FORMAT, "actors": columns.actors, "relations": columns.relations,
            "dyads": flat,
            **{name: {"values": getattr(columns, name).values, "rows": getattr(columns, name).rows}
               for name in SPLITS},
            "mediation": [[actor, kind, n] for actor, kinds in columns.mediation.items()
                          for kind, n in kinds.items()]}


def from_payload(value: dict[str, Any]) -> TallyColumns:
    """The columns of a kept value of format :data:`FORMAT`."""
    flat = value["dyads"]
    mediation: dict[str, dict[str, int]] = {}
    for actor, kind, n in value["mediation"]:
        mediation.setdefault(actor, {})[kind] = n
    return TallyColumns(value["actors"], value["relations"], flat[0::4], flat[1::4], flat[2::4],
                        flat[3::4], Split(value["dates"]["values"], value["dates"]["rows"]),
                        Split(value["sources"]["values"], value["sources"]["rows"]), mediation)


__all__ = ["FORMAT", "Split", "TallyColumns", "columns_of", "from_payload", "payload",
           "tables_of"]
