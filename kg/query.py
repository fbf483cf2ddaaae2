"""Running user SPARQL: pick the answer format from the query form.

The text first passes :func:`kg.sparql.safety.precheck`'s nesting bound (no
size bound: the user owns this store), because a few thousand nested ``{``
overflow the engine's native stack and kill the process.

Examples
--------
>>> from kg.store import open_store
>>> print(run_query(open_store("memory:"), "ASK { ?s ?p ?o }", "json").decode())
{"head":{},"boolean":false}
>>> run_query(open_store("memory:"), "ASK " + "{" * 5000 + "}" * 5000)
Traceback (most recent call last):
...
kg.errors.QueryError: query nested 5000 levels deep (brackets and braces); at most 64 allowed
"""

from __future__ import annotations

from kg.sparql.safety import precheck
from kg.store import Store

RESULT_FORMATS = ("json", "xml", "csv", "tsv")


def run_query(store: Store, sparql: str, output_format: str = "json") -> bytes:
    """Run ``sparql`` and serialise its answer.

    ``output_format`` is a results format (json, xml, csv, tsv) for SELECT and
    ASK, or an RDF format (turtle, nt, jsonld, ...) for CONSTRUCT and DESCRIBE;
    a results format asked of a graph answer gives Turtle, and vice versa JSON.
    """
    precheck(sparql, max_bytes=0)
    is_results = output_format in RESULT_FORMATS
    body, _ = store.serialized_query(
        sparql,
        results_format=output_format if is_results else "json",
        rdf_format="turtle" if is_results else output_format,
    )
    return body
