"""Keep the tallies current around raw writes: ``kg import``, SPARQL Update, the Graph Store.

Ingest and removal count an article's tallies in the same update as the article
(:mod:`kg.aggregates.write`). A raw write does not know what it changes, so
:func:`kept_current` recounts around it: the contributions of the named graphs it
writes are read before and after, and the difference is added to the tallies
(a second update: a crash between the two leaves the tallies of those graphs
stale until ``kg upgrade``). A write whose graphs are not known (``None``) is
followed by a recount of every tally. :func:`graphs_written` finds the graphs a
SPARQL Update names; anything it cannot read for sure (a variable graph, a
prefixed or relative graph name, ``ALL``, ``NAMED``) means "not known".

Examples
--------
>>> graphs_written('INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } }')
{'http://e/g'}
>>> graphs_written('INSERT DATA { <http://e/s> <http://e/p> "went to Aleppo" }')  # default graph
set()
>>> graphs_written('DELETE WHERE { GRAPH ?g { ?s ?p ?o } }') is None
True
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> with kept_current(store, {"http://e/g"}):
...     store.update('INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } }')
>>> len(store)
1
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from rdflib import URIRef

from kg import ids
from kg.aggregates.tallies import Key
from kg.store.base import Store

_NAMES_GRAPHS = re.compile(r"\b(?:GRAPH|WITH|TO|ADD|MOVE|COPY|DROP|CLEAR|CREATE)\b", re.I)
"""Words after which a SPARQL Update names a graph it may write."""
_TARGET = re.compile(r"\s*(?:SILENT\s+)?(?:GRAPH\s+)?(<[^<>\"{}|^`\\\s]*>|[^\s{};]+)", re.I)
_ABSOLUTE = re.compile(r"^<[A-Za-z][A-Za-z0-9+.-]*:[^>]*>$")
_LEXEMES = re.compile(r'(<[^<>"{}|^`\\\s]*>)|"""[\s\S]*?"""|' + r"'''[\s\S]*?'''"
                      + r'|"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
"""IRIs (kept), and strings and comments (blanked before looking for graph names)."""


def graphs_written(update: str) -> set[str] | None:
    """The named graphs ``update`` may write (absolute IRIs), or ``None`` when not sure.

    Over-counting is harmless (a graph recounted that did not change); a word of the
    list inside a string or comment makes the answer "not sure" or adds a graph.
    """
    found: set[str] = set()
    update = _LEXEMES.sub(lambda m: m.group(1) or " ", update)
    for match in _NAMES_GRAPHS.finditer(update):
        target = _TARGET.match(update, match.end())
        token = target.group(1) if target else ""
        if _ABSOLUTE.match(token):
            found.add(token[1:-1])
        elif token.upper() != "DEFAULT":
            return None
    return found


def _contributions(store: Store, graphs: Iterable[str]) -> Counter[Key]:
    from kg.aggregates.write import stored_contribution

    total: Counter[Key] = Counter()
    for graph in graphs:
        total.update(stored_contribution(store, URIRef(graph)))
    return total


def _tallied_or_counting(store: Store) -> bool:
    """Whether the store has tallies, or events or mentions to count (a store of other RDF
    gets none)."""
    from kg.aggregates.write import HAS_FACTS

    kept = store.ask("ASK { GRAPH ?a { ?s ?p ?o } }", {"a": ids.aggregates_graph()})
    return kept or store.ask(HAS_FACTS)


@contextmanager
def kept_current(store: Store, graphs: Iterable[str] | None) -> Iterator[None]:
    """Recount the tallies of ``graphs`` (``None``: of every graph) around the write in the
    ``with`` block (every tally when the write names the aggregates graph). Nothing is recounted on a store whose tallies an older kg wrote
    (``kg upgrade`` recounts those) or when the write fails."""
    from kg.aggregates.answers import version_bump
    from kg.aggregates.write import marker_line, needs_tallies, rebuild, tally_update
    from kg.ntriples import iri

    if needs_tallies(store):
        yield
        return
    named = None if graphs is None else sorted(set(graphs))
    if named is not None and str(ids.aggregates_graph()) in named:
        named = None  # tallies written as they are (an export imported): count them afresh
    before = _contributions(store, named) if named else Counter()
    yield
    if named is None:
        if _tallied_or_counting(store):
            rebuild(store)
        return
    delta = _contributions(store, named)
    delta.subtract(before)
    operations = [version_bump()]  # kept answers retire, whatever changed
    if named and (+delta or -delta):
        operations.append(f"INSERT DATA {{ GRAPH {iri(ids.aggregates_graph())} "
                          f"{{ {marker_line()} }} }}")
        operations.append(tally_update(delta))
    store.update(" ;\n".join(operations))


__all__ = ["graphs_written", "kept_current"]
