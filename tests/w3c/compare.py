"""Comparing SPARQL answers as the W3C suites mean it: bags of rows, blank nodes up to renaming.

A row is a mapping from variable name to pyoxigraph term; a graph is compared
as the bag of its triples (rows over ``s``, ``p``, ``o``). Two answers are
*equal* when a one-to-one renaming of blank nodes makes the bags the same
(for a graph: the graphs are isomorphic). They are *equal by value* when
that holds once each literal is replaced by rdflib's canonical form of its
value (``"01"^^xsd:integer`` and ``"1"^^xsd:integer``).

>>> import pyoxigraph as ox
>>> a = [{"x": ox.BlankNode("a")}, {"x": ox.Literal("1", datatype=ox.NamedNode(INTEGER))}]
>>> b = [{"x": ox.Literal("01", datatype=ox.NamedNode(INTEGER))}, {"x": ox.BlankNode("z")}]
>>> same_rows(a, b), same_rows(a, b, by_value=True)
(False, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

Row = Mapping[str, object]
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
MAX_STEPS = 200_000
"""Backtracking steps before a comparison gives up (it then reports "different")."""


def _value_form(term: object) -> object:
    """A literal's datatype and value (``1.0`` and ``1`` as decimals are equal), else the term."""
    if not isinstance(term, ox.Literal) or term.language:
        return str(term)
    from rdflib import Literal, URIRef

    value = Literal(term.value, datatype=URIRef(term.datatype.value)).toPython()
    return (term.datatype.value, term.value if isinstance(value, Literal) else value)


def _shape(row: Row, by_value: bool) -> tuple:
    """A row with its blank nodes blanked out: rows of different shapes never match."""
    return tuple(sorted(((name, "_:") if isinstance(term, ox.BlankNode) else
                         (name, _value_form(term) if by_value else str(term))
                         for name, term in row.items()), key=lambda pair: pair[0]))


def _bind(row: Row, other: Row, mapping: dict[str, str], used: set[str]) -> list[str] | None:
    """Extend ``mapping`` (blank node -> blank node) so ``row`` maps onto ``other``; new keys or None."""
    added: list[str] = []
    for name, term in row.items():
        target = other.get(name)
        if not isinstance(term, ox.BlankNode):
            continue
        if not isinstance(target, ox.BlankNode):
            break
        known = mapping.get(term.value)
        if known is None and target.value not in used:
            mapping[term.value] = target.value
            used.add(target.value)
            added.append(term.value)
        elif known != target.value:
            break
    else:
        return added
    for key in added:
        used.discard(mapping.pop(key))
    return None


def same_rows(actual: Iterable[Row], expected: Iterable[Row], by_value: bool = False) -> bool:
    """Whether two bags of rows are equal up to a renaming of blank nodes."""
    left, right = list(actual), list(expected)
    if len(left) != len(right):
        return False
    if Counter(_shape(r, by_value) for r in left) != Counter(_shape(r, by_value) for r in right):
        return False
    with_blanks = [r for r in left if any(isinstance(t, ox.BlankNode) for t in r.values())]
    candidates = [r for r in right if any(isinstance(t, ox.BlankNode) for t in r.values())]
    if not with_blanks:
        return True
    with_blanks.sort(key=lambda r: -sum(isinstance(t, ox.BlankNode) for t in r.values()))
    steps = [0]
    return _match(with_blanks, candidates, {}, set(), by_value, steps)


def _match(rows: list[Row], pool: list[Row], mapping: dict[str, str], used: set[str],
           by_value: bool, steps: list[int]) -> bool:
    if not rows:
        return True
    row, rest = rows[0], rows[1:]
    shape = _shape(row, by_value)
    for index, other in enumerate(pool):
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            return False
        if _shape(other, by_value) != shape:
            continue
        added = _bind(row, other, mapping, used)
        if added is None:
            continue
        if _match(rest, pool[:index] + pool[index + 1:], mapping, used, by_value, steps):
            return True
        for key in added:
            used.discard(mapping.pop(key))
    return False


def triple_rows(triples: Iterable[object]) -> list[Row]:
    """A graph's triples (pyoxigraph triples or quads) as rows over ``s``, ``p``, ``o``."""
    return [{"s": t.subject, "p": t.predicate, "o": t.object}  # type: ignore[attr-defined]
            for t in {(q.subject, q.predicate, q.object): q for q in triples}.values()]


def solution_rows(solutions: ox.QuerySolutions) -> list[Row]:
    """pyoxigraph query solutions as rows (unbound variables left out)."""
    names = [variable.value for variable in solutions.variables]
    return [{name: solution[name] for name in names if solution[name] is not None}
            for solution in solutions]
