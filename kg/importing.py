"""Importing RDF produced elsewhere (``kg import``), validated before anything is written.

The file is parsed once in full first: a syntax error is an
:class:`~kg.errors.InputError` naming the file, line and column, and the store
is not touched. Then it is loaded:

* triples (Turtle, N-Triples, RDF/XML) go into one named graph: ``graph`` if
  given, else the article graph named after the file (``demo.ttl`` ->
  ``id:article/demo``), so ``kg remove demo`` takes them out again;
* quads (TriG, N-Quads, JSON-LD) keep their graphs; their default-graph
  triples go where triples would;
* a blank node as a graph name is refused (such a graph could not be removed);
* a file over :data:`MAX_IMPORT_BYTES`, nested too deep, or RDF/XML declaring
  DTD entities is refused before parsing (see :mod:`kg.rdfinput`).

Files up to :data:`ATOMIC_LIMIT` bytes are loaded in one transaction on the
embedded store; bigger ones use pyoxigraph's bulk loader, which is several
times faster but not transactional — if the process dies, part of the file
may be stored, and importing the file again completes it (triples are a set;
only blank-node triples would be doubled).

Examples
--------
>>> import tempfile, pathlib
>>> from kg.store import open_store
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "note.ttl").write_text('<http://e/a> <http://e/b> "c" .')
>>> report = import_file(open_store("memory:"), folder / "note.ttl")
>>> report.quads, [str(g) for g in report.graphs]
(1, ['https://w3id.org/conflict-kg/id/article/note'])
>>> _ = (folder / "bad.nt").write_text('<http://e/a> <http://e/b> "c .')
>>> import_file(open_store("memory:"), folder / "bad.nt")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.InputError: .../bad.nt: line 1, column 27: ...
"""

from __future__ import annotations

import mmap
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg import ids
from kg.errors import InputError, QueryError
from kg.formats import RdfFormat, rdf_format
from kg.rdfinput import check_untrusted, syntax_error
from kg.store import Store

ATOMIC_LIMIT = 64 * 1024 * 1024
"""Bytes up to which an import is one transaction on the embedded store."""
MAX_IMPORT_BYTES = int(os.environ.get("KG_MAX_IMPORT_BYTES", 4 * 1024 ** 3))
"""Size cap of a file to import (``KG_MAX_IMPORT_BYTES``; 0: no cap)."""


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote: the graphs and the number of quads read from the file."""

    path: Path
    format: str
    graphs: tuple[URIRef, ...]
    quads: int

    def summary(self) -> str:
        """One line for the command line."""
        graphs = len(self.graphs)
        return (f"{self.path}: {self.quads} quads into {graphs} graph{'s' * (graphs != 1)} "
                f"({self.format})")


def graph_for_file(path: Path) -> URIRef:
    """The article graph a file's triples go to when no graph is given."""
    return ids.article_uri(ids.slugify(path.name.split(".")[0]))


def parse_graph_option(value: str) -> URIRef:
    """``--graph``: an absolute IRI, or an article key.

    >>> str(parse_graph_option("demo")), str(parse_graph_option("http://e/g"))
    ('https://w3id.org/conflict-kg/id/article/demo', 'http://e/g')
    """
    if ":" in value:
        try:
            return URIRef(ox.NamedNode(value).value)
        except ValueError as error:
            raise InputError(f"--graph: not an IRI: {value!r} ({error})") from error
    return ids.article_uri(value)


def _check_bounds(path: Path, fmt: RdfFormat) -> None:
    """Size, nesting and DTD checks of :func:`kg.rdfinput.check_untrusted`, on a map of the file."""
    with path.open("rb") as source:
        if os.fstat(source.fileno()).st_size == 0:
            return
        with mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ) as data:
            check_untrusted(data, fmt, str(path), MAX_IMPORT_BYTES)


def check_file(path: Path, fmt: RdfFormat) -> Counter[object]:
    """Parse ``path`` in full; return quads per graph name (the default graph included)."""
    counts: Counter[object] = Counter()
    try:
        _check_bounds(path, fmt)
        for quad in ox.parse(path=path, format=getattr(ox.RdfFormat, fmt.oxigraph_name)):
            graph = quad.graph_name
            if isinstance(graph, ox.BlankNode):
                raise InputError(f"a blank node names a graph ({graph}); give graphs IRIs",
                                 where=str(path))
            counts[graph] += 1
    except SyntaxError as error:
        raise syntax_error(error, str(path)) from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the file: {error}", where=str(path)) from error
    return counts


def import_file(store: Store, path: Path, format_name: str | None = None,
                graph: URIRef | None = None, *, atomic: bool | None = None) -> ImportReport:
    """Validate ``path`` and load it into ``store`` (see the module notes); the tallies of the
    graphs it writes are recounted (:func:`kg.aggregates.raw.kept_current`)."""
    from kg.aggregates.raw import kept_current

    try:
        fmt = rdf_format(format_name or path.suffix.lstrip(".") or path.name)
    except InputError as error:
        raise InputError(f"{error.message}; name it with --format", where=str(path)) from error
    counts = check_file(path, fmt)
    target = graph or graph_for_file(path)
    graphs = {URIRef(g.value) for g in counts if isinstance(g, ox.NamedNode)}
    if counts.get(ox.DefaultGraph()):
        graphs.add(target)
    if atomic is None:
        atomic = path.stat().st_size <= ATOMIC_LIMIT
    try:
        with path.open("rb") as source, kept_current(store, map(str, graphs)):
            store.load(source, fmt.name, target, atomic=atomic)
    except QueryError as error:  # the store's parser disagreed with ours
        raise InputError(str(error), where=str(path)) from error
    return ImportReport(path, fmt.name, tuple(sorted(graphs)), sum(counts.values()))


__all__ = ["ATOMIC_LIMIT", "MAX_IMPORT_BYTES", "ImportReport", "check_file", "graph_for_file",
           "import_file", "parse_graph_option"]
