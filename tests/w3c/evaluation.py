"""The query, update, syntax and result-format tests, run two ways.

:func:`run_raw` runs a test on a fresh ``pyoxigraph.Store`` (the engine
alone, data loaded as the manifest says, base IRIs from the files);
:func:`run_served` runs it through the served endpoint over HTTP:

- data files go in with Graph Store PUTs (``?graph=<file IRI>``; an update
  test's default graph with ``?default``);
- a query is sent with the test's dataset as the protocol's
  ``default-graph-uri`` / ``named-graph-uri`` (the endpoint's own default
  graph is the union of its named graphs), unless it names its own with FROM;
- a query or update is sent with ``BASE <its file's IRI>`` in front when it
  declares none, which is the base the suite evaluates it against;
- the answer is asked for in the expected file's format (XML, JSON, CSV, TSV
  results; N-Triples for graphs), so the endpoint's writers are tested too;
- after an update the graphs are read back with Graph Store GETs.

Both return ``(status, reason)``: ``pass``, ``value`` (equal only by value),
``fail`` or ``refused`` (the endpoint's policy, with its message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from tests.w3c.answers import (MEDIA_RESULT_FORMATS, RDF_FORMATS, RESULT_MEDIA, Answer,
                               from_file, from_http, from_pyoxigraph, verdict)
from tests.w3c.compare import same_rows, triple_rows
from tests.w3c.manifests import MF, QT, UT, W3CTest, graph_label, local_path
from tests.w3c.served import ServedEndpoint

Outcome = tuple[str, str]
_BASE_DECLARED = re.compile(r"^\s*BASE\s*<", re.I | re.M)


@dataclass
class Case:
    """A test's files: the request, its dataset, the expected answer or dataset."""

    request: str  # IRI of the .rq / .ru file
    update: bool
    default: list[str] = field(default_factory=list)  # IRIs of default-graph files
    named: list[tuple[str, str]] = field(default_factory=list)  # (graph name, file IRI)
    result: str | None = None  # expected answer file (queries)
    result_default: list[str] = field(default_factory=list)  # expected dataset (updates)
    result_named: list[tuple[str, str]] = field(default_factory=list)


def case_of(test: W3CTest) -> Case:
    """Read a test's files from its manifest entry."""
    action = test.action()
    if test.kind.endswith("SyntaxTest11"):
        return Case(str(action), str(action).endswith(".ru"))
    if test.kind == "UpdateEvaluationTest":
        case = Case(str(test.value(UT.request, action)), True,
                    [str(d) for d in test.graph.objects(action, UT.data)],
                    _graph_data(test, action, UT.graphData))
        result = test.value(MF.result)
        case.result_default = [str(d) for d in test.graph.objects(result, UT.data)]
        case.result_named = _graph_data(test, result, UT.graphData)
        return case
    return Case(str(test.value(QT.query, action)), False,
                [str(d) for d in test.graph.objects(action, QT.data)],
                [(str(g), str(g)) for g in test.graph.objects(action, QT.graphData)],
                result=_optional(test.value(MF.result)))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _graph_data(test: W3CTest, node: object, predicate: object) -> list[tuple[str, str]]:
    return [(graph_label(test, item), str(test.value(UT.graph, item)))  # type: ignore[arg-type]
            for item in test.graph.objects(node, predicate)]  # type: ignore[arg-type]


def _rdf_format(iri: str) -> ox.RdfFormat:
    return RDF_FORMATS[Path(iri).suffix]


# --- raw pyoxigraph ----------------------------------------------------------------------

def _raw_store(root: Path, default: list[str], named: list[tuple[str, str]]) -> ox.Store:
    store = ox.Store()
    for iri in default:
        store.load(path=str(local_path(root, iri)), format=_rdf_format(iri), base_iri=iri,
                   to_graph=ox.DefaultGraph())
    for name, iri in named:
        store.load(path=str(local_path(root, iri)), format=_rdf_format(iri), base_iri=iri,
                   to_graph=ox.NamedNode(name))
    return store


def run_raw(test: W3CTest, root: Path) -> Outcome:
    """Run ``test`` on pyoxigraph alone."""
    case = case_of(test)
    text = local_path(root, case.request).read_text(encoding="utf-8")
    store = _raw_store(root, case.default, case.named) if not test.kind.endswith("11") else \
        ox.Store()
    try:
        if case.update:
            store.update(text, base_iri=case.request)
        else:
            answer = store.query(text, base_iri=case.request)
            actual = _as_written(answer, case.result) if case.result else None
    except SyntaxError as error:
        return ("fail" if test.kind.startswith("Positive") or "Evaluation" in test.kind
                else "pass", f"syntax error: {error}")
    except (OSError, RuntimeError, ValueError) as error:
        if test.kind.startswith("Negative"):
            return "fail", f"parsed, then failed: {error}"
        if test.kind.startswith("Positive"):
            return "pass", ""
        return "fail", f"evaluation failed: {error}"
    if test.kind.startswith("Negative"):
        return "fail", "accepted a malformed request"
    if test.kind.startswith("Positive"):
        return "pass", ""
    if case.update:
        return _dataset_verdict(root, case, _raw_graphs(store))
    return _answer_verdict(actual, _expected(root, case, test))  # type: ignore[arg-type]


def _as_written(answer: object, result: str) -> Answer:
    """pyoxigraph's answer, written in the expected file's results format and read back."""
    suffix = Path(result).suffix
    if suffix not in RESULT_MEDIA or not isinstance(answer, ox.QuerySolutions | ox.QueryBoolean):
        return from_pyoxigraph(answer)
    written = answer.serialize(format=MEDIA_RESULT_FORMATS[RESULT_MEDIA[suffix]]
                               or ox.QueryResultsFormat.CSV)
    return from_http(written, RESULT_MEDIA[suffix])


def _raw_graphs(store: ox.Store) -> dict[str, list]:
    graphs: dict[str, list] = {}
    for quad in store:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, []).append(quad)
    return {name: triple_rows(quads) for name, quads in graphs.items()}


def _expected(root: Path, case: Case, test: W3CTest) -> Answer:
    assert case.result is not None
    return from_file(local_path(root, case.result), case.result)


def _answer_verdict(actual: Answer, expected: Answer) -> Outcome:
    status = verdict(actual, expected)
    if status == "fail" and actual.kind == expected.kind == "boolean":
        return status, f"answered {actual.boolean}, expected {expected.boolean}"
    if status == "value":
        return status, "equal only by value (literals in another lexical form)"
    return status, "" if status == "pass" else \
        f"answer differs ({len(actual.rows)} rows, expected {len(expected.rows)})"


def _dataset_verdict(root: Path, case: Case, graphs: dict[str, list]) -> Outcome:
    """Compare the graphs after an update (name "" is the default graph) with the expected ones."""
    expected: dict[str, list] = {}
    for name, iris in [("", case.result_default)] + [(n, [i]) for n, i in case.result_named]:
        for iri in iris:
            rows = triple_rows(ox.parse(path=str(local_path(root, iri)), format=_rdf_format(iri),
                                        base_iri=iri))
            expected.setdefault(name, []).extend(rows)
    expected = {name: rows for name, rows in expected.items() if rows}
    graphs = {name: rows for name, rows in graphs.items() if rows}
    if set(graphs) != set(expected):
        return "fail", f"graphs {sorted(graphs)} after the update, expected {sorted(expected)}"
    statuses = set()
    for name, rows in expected.items():
        if same_rows(graphs[name], rows):
            statuses.add("pass")
        elif same_rows(graphs[name], rows, by_value=True):
            statuses.add("value")
        else:
            return "fail", f"graph <{name or 'default'}> differs"
    return ("value", "equal by value") if "value" in statuses else ("pass", "")


# --- through the served endpoint ---------------------------------------------------------

def with_base(text: str, iri: str) -> str:
    """``text`` with ``BASE <iri>`` in front unless it declares a base itself.

    >>> with_base("ASK {}", "http://x/q.rq")
    'BASE <http://x/q.rq>\\nASK {}'
    """
    return text if _BASE_DECLARED.search(text) else f"BASE <{iri}>\n{text}"


def run_served(test: W3CTest, root: Path, served: ServedEndpoint) -> Outcome:
    """Run ``test`` through the endpoint (which must be empty; it is emptied afterwards)."""
    case = case_of(test)
    text = with_base(local_path(root, case.request).read_text(encoding="utf-8"), case.request)
    try:
        loaded = _load(root, case, served)
        if loaded is not None:
            return loaded
        if case.update:
            return _served_update(test, root, case, text, served)
        return _served_query(test, root, case, text, served)
    finally:
        served.clear()


def _load(root: Path, case: Case, served: ServedEndpoint) -> Outcome | None:
    graphs = [(None if case.update else iri, iri) for iri in case.default] + case.named
    for name, iri in graphs:
        triples = ox.parse(path=str(local_path(root, iri)), format=_rdf_format(iri), base_iri=iri)
        response = served.put_graph(name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                                    "application/n-triples")
        if response.status_code >= 300:
            return "fail", f"loading {Path(iri).name}: {response.status_code} {served.message(response)}"
    return None


def _error_outcome(test: W3CTest, response, served: ServedEndpoint) -> Outcome:  # type: ignore[no-untyped-def]
    message = served.message(response)
    if test.kind.startswith("Negative") and 400 <= response.status_code < 500:
        return "pass", ""  # a malformed text refused, whatever the reason given
    if served.refused(response):
        return "refused", message
    syntax = "malformed" in message
    if test.kind.startswith("Positive") and not syntax and response.status_code == 400:
        return "pass", ""  # parsed, then the engine refused to run it on an empty store
    return "fail", f"{response.status_code} {message}"


def _served_query(test: W3CTest, root: Path, case: Case, text: str,
                  served: ServedEndpoint) -> Outcome:
    result_ext = Path(case.result).suffix if case.result else ".srj"
    accept = f"{RESULT_MEDIA.get(result_ext, RESULT_MEDIA['.srj'])}, application/n-triples"
    default, named = ([], []) if test.kind.endswith("11") else \
        (case.default, [iri for iri, _ in case.named])
    response = served.query(text, default, named, accept)
    if response.status_code != 200:
        return _error_outcome(test, response, served)
    if test.kind.startswith("Negative"):
        return "fail", "accepted a malformed query"
    if not case.result:
        return "pass", ""
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    return _answer_verdict(from_http(response.content, media_type), _expected(root, case, test))


def _served_update(test: W3CTest, root: Path, case: Case, text: str,
                   served: ServedEndpoint) -> Outcome:
    response = served.update(text)
    if response.status_code >= 300:
        return _error_outcome(test, response, served)
    if test.kind.startswith("Negative"):
        return "fail", "accepted a malformed update"
    if test.kind.startswith("Positive"):
        return "pass", ""
    graphs = served.graphs()
    if isinstance(graphs, str):
        return "fail", graphs
    return _dataset_verdict(root, case, graphs)
