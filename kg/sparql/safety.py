"""Refusing queries that would reach outside the store: SERVICE, LOAD, foreign datasets.

Both engines behind the endpoint follow links if asked: pyoxigraph runs
``SERVICE`` and ``LOAD`` over HTTP, rdflib also fetches ``FROM`` IRIs. A public
endpoint must therefore refuse, before evaluation:

- ``SERVICE`` anywhere (federation is off: it would make the server a proxy);
- ``LOAD`` in updates (data comes in through ingest or the Graph Store protocol);
- ``FROM`` / ``FROM NAMED`` / ``USING`` / ``default-graph-uri`` /
  ``named-graph-uri`` naming a graph outside the store: allowed are IRIs in the
  project's instance namespace (:data:`kg.ids.BASE`) and named graphs the store holds.

The decision is made on rdflib's SPARQL parse tree (which also expands
prefixed names in dataset clauses). Parsing costs ~40 ms for a query with the
project's prologue, so queries that contain none of the words that could
start such a clause skip it. The analysis fails closed: a text that holds one
of those words and that rdflib cannot parse is refused with the reason, never
handed to a weaker check (a lexical scan read some texts differently from
the SPARQL grammar and let SERVICE through). So is a text that holds one of
those words and a codepoint escape (``\\u0022``): rdflib expands escapes
everywhere before parsing, pyoxigraph only inside strings and IRIs, so the two
would read different queries.

Before any parser sees a text, :func:`precheck` bounds its size and its
nesting depth with one linear pass: pyoxigraph's parser and evaluator
recurse on nesting and a few thousand ``{`` overflow the native stack.

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p 'a service from a load' }")
>>> check_query("SELECT * WHERE {\\n  SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: SERVICE is not allowed (line 2, column 3): this endpoint only reads its own store
>>> check_query("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
Traceback (most recent call last):
...
kg.errors.QueryError: FROM <file:///etc/passwd> is not a graph of this store (line 1, column 10)
>>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT ?x # from")
Traceback (most recent call last):
...
kg.errors.QueryError: query cannot be analysed: rdflib's SPARQL parser stops at line 1, column 29; text that mentions SERVICE, FROM, LOAD or USING must be plain SPARQL 1.1
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from kg.errors import PayloadTooLarge, QueryError
from kg.ids import BASE

GraphExists = Callable[[str], bool]
MAX_QUERY_BYTES = 256 * 1024
"""Default size cap of a query or update text (``KG_MAX_QUERY_BYTES``)."""
MAX_DEPTH = 64
"""Deepest nesting of ``(``, ``{`` and ``[`` allowed (the W3C SPARQL 1.1 tests need 5)."""
_SUSPECT_WORDS = ("service", "from", "load", "using")
_CODEPOINT_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")
_LEXEMES = re.compile(r"""
    (?P<skip>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
            |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*"|\#[^\n\r]*|\\.)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<open>[({\[]) | (?P<close>[)}\]]) | (?P<newline>[\n\r])
  | [^'"\#<(){}\[\]\\\n\r]+ | .
""", re.X | re.S)
_OPERAND_END = re.compile(r"[\w)\]'\">?$]")
_BLANKED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                      r"'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_TOKEN = re.compile(r"[?$@]?[A-Za-z_][\w.\-:]*")
_KEYWORDS = {"SERVICE", "LOAD", "FROM", "USING"}


def _no_graph(_: str) -> bool:
    return False


def blanked(text: str) -> str:
    """``text`` with strings, IRIs and comments replaced by spaces (offsets unchanged).

    >>> blanked("ASK { ?s <x> 'a' } # c")
    'ASK { ?s         }    '
    """
    return _BLANKED.sub(lambda m: " " * len(m.group()), text)


def keyword_positions(text: str, keywords: frozenset[str] | set[str] = _KEYWORDS
                      ) -> Iterator[tuple[str, int]]:
    """Yield ``(KEYWORD, offset)`` for SERVICE/LOAD/FROM/USING (or ``keywords``) used as keywords.

    Strings, IRIs and comments are blanked first; variables (``?service``),
    prefixed names (``ex:from``) and language tags never count.

    >>> list(keyword_positions("SELECT ?service WHERE { ?s ex:load 'from' } # SERVICE"))
    []
    >>> list(keyword_positions("select * from <x> where { service <y> { } }"))
    [('FROM', 9), ('SERVICE', 26)]
    """
    for match in _TOKEN.finditer(blanked(text)):
        word = match.group()
        if word.upper() in keywords:
            yield word.upper(), match.start()


def where(text: str, offset: int) -> str:
    """``line L, column C`` (both from 1) of a character offset.

    >>> where("a\\nbc", 3)
    'line 2, column 2'
    """
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _position(text: str, keyword: str, nth: int = 0) -> str:
    offsets = [offset for word, offset in keyword_positions(text) if word == keyword]
    return f" ({where(text, offsets[min(nth, len(offsets) - 1)])})" if offsets else ""


def allowed_graph(iri: str, graph_exists: GraphExists = _no_graph) -> bool:
    """Whether a dataset IRI points inside the store.

    >>> allowed_graph(BASE + "article/x"), allowed_graph("http://127.0.0.1/")
    (True, False)
    """
    return iri.startswith(BASE) or graph_exists(iri)


def any_graph(iri: str) -> bool:
    """Every graph is allowed: the policy of updates on the embedded store.

    Oxigraph takes a ``USING`` IRI as the name of a graph of its own store (an
    absent one is empty) and never dereferences it, and the process has no
    network anyway (:mod:`kg.sandbox`); an update may name in ``USING`` a graph
    that an earlier operation of the same request creates, which no check
    against the store before the request can see.

    >>> any_graph("http://example.org/g1")
    True
    """
    return True


def check_dataset(iris: list[str], parameter: str, graph_exists: GraphExists = _no_graph) -> None:
    """Refuse protocol dataset parameters (``default-graph-uri`` ...) outside the store."""
    for iri in iris:
        if not allowed_graph(iri, graph_exists):
            raise QueryError(f"{parameter} <{iri}> is not a graph of this store")


def _walk(node: object) -> Iterator[object]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _walk(value)


def _name(node: object) -> str | None:
    return getattr(node, "name", None) if isinstance(node, dict) else None


@lru_cache(maxsize=64)
def _parsed(text: str, update: bool, base: str | None = None
            ) -> tuple[list[object], object] | str:
    """rdflib's parse tree and prologue of ``text``, or why rdflib cannot parse it."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import parser
    from rdflib.plugins.sparql.algebra import translatePrologue

    try:
        if update:
            tree = parser.parseUpdate(text)
            declarations = [decl for part in tree.get("prologue", []) for decl in part]
            return list(tree.get("request", [])), translatePrologue(declarations, base)
        prologue, query = parser.parseQuery(text)
        return [query], translatePrologue(prologue, base)
    except ParseException as error:
        return f"rdflib's SPARQL parser stops at line {error.lineno}, column {error.col}"
    except RecursionError:
        return "it is nested too deeply for rdflib's SPARQL parser"
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:
        return f"rdflib's SPARQL parser fails ({type(error).__name__}: {error})"


def _dataset_iris(tree: list[object], prologue: object) -> Iterator[tuple[str, str]]:
    """Yield ``(clause, IRI)`` for FROM / FROM NAMED / USING clauses in the tree."""
    for node in _walk(tree):
        name = _name(node)
        if name in ("DatasetClause", "UsingClause"):
            keyword = "FROM" if name == "DatasetClause" else "USING"
            for key in ("default", "named"):
                if key in node:  # type: ignore[operator]
                    iri = node[key]  # type: ignore[index]
                    if _name(iri) == "pname":
                        iri = _resolved(prologue, *(iri[part] if part in iri else None
                                                    for part in ("prefix", "localname")))
                    else:  # relative to BASE (or to the endpoint's URL)
                        iri = prologue.absolutize(iri)  # type: ignore[attr-defined]
                    yield keyword + (" NAMED" if key == "named" else ""), str(iri)


def _resolved(prologue: object, prefix: str | None, localname: str | None) -> str:
    """A prefixed name's IRI (rdflib raises a bare ``Exception`` for an unknown prefix).

    (A parse tree's ``get(key)`` answers the key itself when it is missing.)
    """
    namespace = prologue.namespace_manager.store.namespace(prefix or "")  # type: ignore[attr-defined]
    if namespace is None:
        raise QueryError(f"unknown prefix {prefix or ''}: in a dataset clause")
    return str(namespace) + (localname or "")


def _check_tree(text: str, tree: list[object], prologue: object, graph_exists: GraphExists
                ) -> None:
    names = {_name(node) for node in _walk(tree)}
    if "ServiceGraphPattern" in names:
        raise QueryError(f"SERVICE is not allowed{_position(text, 'SERVICE')}: "
                         "this endpoint only reads its own store")
    if "Load" in names:
        raise QueryError(f"LOAD is not allowed{_position(text, 'LOAD')}: send data to the "
                         "ingest API or the Graph Store protocol instead")
    seen: dict[str, int] = {}
    for clause, iri in _dataset_iris(tree, prologue):
        keyword = clause.split()[0]
        nth = seen[keyword] = seen.get(keyword, -1) + 1
        if not allowed_graph(iri, graph_exists):
            raise QueryError(f"{clause} <{iri}> is not a graph of this store"
                             f"{_position(text, keyword, nth)}")


def _suspect(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _SUSPECT_WORDS)


def _check(text: str, update: bool, graph_exists: GraphExists, base: str | None = None) -> None:
    kind = "update" if update else "query"
    escaped = _CODEPOINT_ESCAPE.search(text)
    if escaped is not None and _suspect(_CODEPOINT_ESCAPE.sub(_expand, text)):
        raise QueryError(f"{kind} cannot be analysed: a codepoint escape ({escaped.group()}, "
                         f"{where(text, escaped.start())}) in text that mentions SERVICE, "
                         "FROM, LOAD or USING; write the character itself")
    if not _suspect(text):
        return
    parsed = _parsed(text, update, base)
    if isinstance(parsed, str):
        raise QueryError(f"{kind} cannot be analysed: {parsed}; text that mentions "
                         "SERVICE, FROM, LOAD or USING must be plain SPARQL 1.1")
    _check_tree(text, *parsed, graph_exists)


def _expand(match: re.Match[str]) -> str:
    code = int(match.group()[2:], 16)
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``(``, ``{`` and ``[`` outside strings and comments.

    The count never falls below the parser's, whichever way it reads a ``<``:
    brackets inside an IRI (or what looks like one: ``?a<(1)>0`` is a
    comparison) may open but never close below the IRI's own level, and when
    a ``<x#...>`` may be a comparison followed by a comment, closing brackets
    on the rest of that line do not count.

    >>> nesting_depth("SELECT * { ?s ?p '{{{' { FILTER((1)) } } # {{{")
    4
    >>> nesting_depth("ASK { ?s <http://e/a)))> ?o }")
    1
    >>> nesting_depth("ASK { FILTER(?a<(#x>)\\n?a<(#x>)\\n1))) }")
    4
    """
    stack: list[str] = []
    deepest = 0
    held = False  # closing brackets may be inside a comment until the end of the line
    last = ""  # the last significant character before the current lexeme
    for match in _LEXEMES.finditer(text):
        kind, lexeme = match.lastgroup, match.group()
        if kind == "open":
            stack.append(lexeme)
        elif kind == "close" and stack and not held:
            stack.pop()
        elif kind == "newline":
            held = False
        elif kind == "iri":
            held = held or _may_be_comparison(lexeme, last, stack)
            opened, peak = _iri_brackets(lexeme)
            deepest = max(deepest, len(stack) + peak)
            stack.extend("(" * opened)
        deepest = max(deepest, len(stack))
        if not lexeme.startswith("#"):
            last = lexeme.rstrip()[-1:] or last
    return deepest


def _iri_brackets(iri: str) -> tuple[int, int]:
    """``(left open, deepest)`` of the brackets inside an IRI, never closing below zero."""
    depth = peak = 0
    for char in iri:
        if char in "([":
            depth += 1
            peak = max(peak, depth)
        elif char in ")]":
            depth = max(depth - 1, 0)
    return depth, peak


def _may_be_comparison(iri: str, before: str, stack: list[str]) -> bool:
    """Whether ``<...#...>`` may be ``<`` and a comment (``?a<1#...``), not an IRI.

    Only inside parentheses after an operand; ``<scheme://...`` is no expression.
    """
    return ("#" in iri and "//" not in iri.split("#", 1)[0] and stack[-1:] == ["("]
            and _OPERAND_END.fullmatch(before) is not None)


def check_size(text: str, max_bytes: int = MAX_QUERY_BYTES, kind: str = "query") -> None:
    """Refuse a text over ``max_bytes`` bytes in UTF-8 (0: no limit) with a 413.

    >>> check_size("ASK {}", max_bytes=4)
    Traceback (most recent call last):
    ...
    kg.errors.PayloadTooLarge: query of 6 bytes is over the 4-byte limit (KG_MAX_QUERY_BYTES)
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if max_bytes > 0 and size > max_bytes:
        raise PayloadTooLarge(f"{kind} of {size} bytes is over the {max_bytes}-byte limit "
                              "(KG_MAX_QUERY_BYTES)")


def precheck(text: str, max_bytes: int = MAX_QUERY_BYTES, max_depth: int = MAX_DEPTH,
             kind: str = "query") -> None:
    """Refuse a text too large or too deeply nested for the parsers, in one linear pass.

    The depth count is pure Python (~1.4 s for 256 KB of ``()``), so the
    endpoint runs it in the query worker, under the deadline, and only
    :func:`check_size` in the request thread.

    >>> precheck("ASK " + "{" * 100 + "}" * 100)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query nested 100 levels deep (brackets and braces); at most 64 allowed
    """
    check_size(text, max_bytes, kind)
    depth = nesting_depth(text)
    if depth > max_depth:
        raise QueryError(f"{kind} nested {depth} levels deep (brackets and braces); "
                         f"at most {max_depth} allowed")


def prepare() -> None:
    """Load rdflib's SPARQL parser now (0.7 s, first parse included).

    Called before query workers are forked: each inherits the loaded parser
    instead of paying for it on its first query, and a worker confined to
    its store (no file reads elsewhere) never needs to import it.
    """
    _parsed("ASK FROM <urn:kg:prepare> {}", False)


def check_query(text: str, graph_exists: GraphExists = _no_graph, base: str | None = None
                ) -> None:
    """Refuse a query that uses SERVICE or a dataset outside the store.

    ``graph_exists(iri)`` tells whether the store holds a named graph;
    relative IRIs resolve against the query's BASE, else against ``base``.

    >>> check_query("BASE <http://e.org/> SELECT * FROM <g> {}", "http://e.org/g".__eq__)
    >>> check_query("SELECT * FROM <g> {}", "http://e.org/g".__eq__, base="http://e.org/sparql")
    """
    _check(text, False, graph_exists, base)


def check_update(text: str, graph_exists: GraphExists = _no_graph, base: str | None = None
                 ) -> None:
    """Refuse an update that uses LOAD, SERVICE or USING a graph outside the store.

    >>> check_update("LOAD <http://127.0.0.1:9/data.ttl>")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: LOAD is not allowed (line 1, column 1): send data to the ingest API or the Graph Store protocol instead
    """
    _check(text, True, graph_exists, base)
