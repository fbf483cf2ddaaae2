"""SPARQL text handling for stores that send queries over HTTP.

A remote store cannot pre-bind variables the way pyoxigraph's
``substitutions`` do, so :func:`bind_values` joins the bindings in with a
``VALUES`` block placed at the start of the query's top-level ``WHERE``
group. Terms are written by pyoxigraph's N-Triples serialiser (which escapes
quotes, backslashes and newlines and refuses invalid IRIs), never by
formatting user text into the query.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> print(bind_values("SELECT ?n WHERE { ?s ?p ?n }", {"s": URIRef("http://e/a")}))
SELECT ?n WHERE { VALUES (?s) { (<http://e/a>) } { ?s ?p ?n } }
>>> print(bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": Literal('say "hi"')}))
CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { ("say \\"hi\\"") } { ?s ?p ?o } }
>>> query_form("PREFIX ex: <http://e/#> # a comment with ASK\\nSELECT * {}")
'SELECT'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode
from rdflib.term import Node

from kg.errors import InputError, QueryError

FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_TOKENS = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7]+)
  | (?P<word>[A-Za-z_][\w.-]*(?::[\w.:%-]*)?|:[\w.:%-]*)
  | (?P<open>\{) | (?P<close>\}) | (?P<lparen>\() | (?P<rparen>\))
  | (?P<other>.)
""", re.X | re.S)


@dataclass(frozen=True)
class Token:
    """One lexical token of a query: its kind, text and start offset."""

    kind: str
    text: str
    start: int


def tokens(sparql: str) -> Iterator[Token]:
    """Yield the significant tokens of ``sparql`` (no spaces, no comments)."""
    for match in _TOKENS.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), match.start())


def query_form(sparql: str) -> str:
    """Return SELECT, CONSTRUCT, DESCRIBE or ASK; raise :class:`QueryError` otherwise."""
    for token in tokens(sparql):
        if token.kind == "word" and token.text.upper() in FORMS:
            return token.text.upper()
    raise QueryError("not a SPARQL query (no SELECT, CONSTRUCT, DESCRIBE or ASK)")


def _group_after(toks: list[Token], start: int) -> tuple[int, int] | None:
    """Index range ``(open, close)`` of the first top-level ``{...}`` at or after ``start``."""
    parens = 0
    for i in range(start, len(toks)):
        kind = toks[i].kind
        parens += (kind == "lparen") - (kind == "rparen")
        if kind == "open" and parens == 0:
            depth = 0
            for j in range(i, len(toks)):
                depth += (toks[j].kind == "open") - (toks[j].kind == "close")
                if depth == 0:
                    return i, j
            raise QueryError("unbalanced braces in the query")
    return None


def where_group(sparql: str) -> tuple[int, int] | None:
    """Character offsets of the braces of the query's top-level WHERE group, if it has one.

    >>> q = "CONSTRUCT { ?s ?p 1 } WHERE { ?s ?p ?o }"
    >>> q[slice(*where_group(q))]
    '{ ?s ?p ?o '
    >>> where_group("DESCRIBE <http://e/a>") is None
    True
    """
    toks = list(tokens(sparql))
    form_at = next((i for i, t in enumerate(toks)
                    if t.kind == "word" and t.text.upper() in FORMS), None)
    if form_at is None:
        raise QueryError("not a SPARQL query (no SELECT, CONSTRUCT, DESCRIBE or ASK)")
    start = form_at + 1
    if toks[form_at].text.upper() == "CONSTRUCT" and start < len(toks):
        if toks[start].kind != "open":
            return None  # CONSTRUCT WHERE { triples }: no group to put VALUES into
        template = _group_after(toks, start)
        start = template[1] + 1 if template else start
    found = _group_after(toks, start)
    return (toks[found[0]].start, toks[found[1]].start) if found else None


def sparql_term(term: Node) -> str:
    """Write an rdflib term in SPARQL (N-Triples) syntax; refuse blank nodes and bad IRIs."""
    from kg.store.terms import to_oxigraph

    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be bound in a query sent to a SPARQL server")
    try:
        return str(to_oxigraph(term))
    except (TypeError, ValueError, InputError) as error:  # InputError: not a valid IRI
        raise QueryError(f"cannot bind {term!r}: {error}") from error


def values_block(bindings: Mapping[str, Node]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for one row of bindings."""
    names = []
    for name in bindings:
        if not re.fullmatch(r"[\w\u00b7]+", name):
            raise QueryError(f"not a variable name: {name!r}")
        names.append(f"?{name}")
    row = " ".join(sparql_term(term) for term in bindings.values())
    return f"VALUES ({' '.join(names)}) {{ ({row}) }}"


def bind_values(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """Return ``sparql`` with ``bindings`` joined in at the start of its WHERE group.

    The original group is wrapped in braces so that a sub-select or FILTER
    keeps its meaning; the join happens before any aggregation, as with
    pre-bound variables. A query without a group (``DESCRIBE <x>``,
    ``CONSTRUCT WHERE {...}``) gets a trailing ``VALUES`` clause instead.
    """
    if not bindings:
        return sparql
    block = values_block(bindings)
    group = where_group(sparql)
    if group is None:
        return f"{sparql}\n{block}"
    open_at, close_at = group
    inner = sparql[open_at + 1:close_at]
    return f"{sparql[:open_at]}{{ {block} {{{inner}}} }}{sparql[close_at + 1:]}"


def ntriples_body(triples: Iterable[tuple[Node, Node, Node]]) -> tuple[list[str], bool]:
    """N-Triples lines for ``triples`` and whether any term is a blank node."""
    from kg.store.terms import to_oxigraph

    lines, blank = [], False
    for s, p, o in triples:
        blank = blank or isinstance(s, BNode) or isinstance(o, BNode)
        lines.append(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .")
    return lines, blank


def quad_line(quad: ox.Quad) -> str:
    """One N-Triples line for the triple of a pyoxigraph quad."""
    return f"{quad.subject} {quad.predicate} {quad.object} ."
