"""The protocol's dataset for updates: ``using-graph-uri`` and ``using-named-graph-uri``.

pyoxigraph takes no dataset with an update, so the parameters become what
they mean (SPARQL 1.1 Protocol, 2.2.3): a ``USING <g>`` / ``USING NAMED <g>``
clause in every ``DELETE/INSERT ... WHERE`` operation. An update that has
its own USING or WITH clause as well is refused, as the protocol says, and so
is one with a ``DELETE WHERE`` (which cannot take USING). The rewritten text
then goes through the same safety analysis as any other update.

Examples
--------
>>> with_using("INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", ["http://e.org/g"], [])
'INSERT { ?s ?p 1 } USING <http://e.org/g> WHERE { ?s ?p ?o }'
>>> with_using("WITH <http://e.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", [], ["urn:x"])
Traceback (most recent call last):
...
kg.errors.QueryError: using-graph-uri / using-named-graph-uri and a USING or WITH clause (line 1, column 1) cannot be given together
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import URIRef

from kg.errors import QueryError
from kg.sparql.safety import blanked, keyword_positions, where
from kg.store.terms import to_oxigraph

_WORDS = frozenset({"USING", "WITH", "WHERE", "DELETE", "INSERT"})


def _top_level(text: str) -> list[tuple[str, int]]:
    """The keywords of ``_WORDS`` outside any ``{ }`` (the operations' own keywords)."""
    plain = blanked(text)
    found, depth, last = [], 0, 0
    for word, offset in keyword_positions(text, _WORDS):
        depth += plain.count("{", last, offset) - plain.count("}", last, offset)
        last = offset
        if depth == 0:
            found.append((word, offset))
    return found


def with_using(update: str, default: Sequence[str], named: Sequence[str]) -> str:
    """``update`` with the protocol's dataset as USING / USING NAMED clauses before each WHERE."""
    if not (default or named):
        return update
    words = _top_level(update)
    for word, offset in words:
        if word in ("USING", "WITH"):
            raise QueryError("using-graph-uri / using-named-graph-uri and a USING or WITH clause "
                             f"({where(update, offset)}) cannot be given together")
    clauses = " ".join([f"USING {to_oxigraph(URIRef(g))}" for g in default]
                       + [f"USING NAMED {to_oxigraph(URIRef(g))}" for g in named]) + " "
    text = update
    for index in range(len(words) - 1, -1, -1):
        word, offset = words[index]
        if word != "WHERE":
            continue
        before = words[index - 1] if index else None
        if before and before[0] == "DELETE" and not update[before[1] + 6:offset].strip():
            raise QueryError(f"using-graph-uri / using-named-graph-uri cannot apply to DELETE "
                             f"WHERE ({where(update, before[1])}); write DELETE {{ }} WHERE {{ }}")
        text = text[:offset] + clauses + text[offset:]
    return text
