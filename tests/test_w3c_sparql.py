"""The W3C SPARQL 1.1 test suites against the served endpoint (``kg serve``), and raw pyoxigraph.

Reads ``../shared/eval/w3c-sparql11/`` (``$KG_EVAL_DIR/w3c-sparql11``) and
skips, saying why, when it is absent. One real ``kg serve`` over an empty
store, with a write token, answers every suite: Protocol, Graph Store,
query and update evaluation, result formats and service description. The
query, update and result-format tests also run on raw pyoxigraph, so that a
failure the engine shares is listed as the engine's. Each test prints its
suite's table and fails on any regression against
``tests/w3c/expected-outcomes.txt`` (see :mod:`tests.w3c.outcomes`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.evaluate import eval_dir
from tests.live import free_port
from tests.security.conftest import kg_command, project_env, wait_until_up
from tests.w3c import outcomes
from tests.w3c.evaluation import run_raw, run_served
from tests.w3c.http_tests import run_exchange, run_service_description
from tests.w3c.manifests import suite_tests
from tests.w3c.served import ServedEndpoint

SUITE_DIR = eval_dir() / "w3c-sparql11"
TOKEN = "w3c-suite-token"


@pytest.fixture(scope="module")
def suite_root() -> Path:
    if not (SUITE_DIR / "manifest-sparql11-query.ttl").is_file():
        pytest.skip(f"the W3C SPARQL 1.1 suites are not in {SUITE_DIR} "
                    "(set KG_EVAL_DIR to the folder that holds w3c-sparql11/)")
    return SUITE_DIR


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, suite_root: Path
           ) -> Iterator[ServedEndpoint]:
    """``kg serve`` over an empty on-disk store, with a write token."""
    port = free_port()
    folder = tmp_path_factory.mktemp("w3c")
    log = folder / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            kg_command("serve", "--store", f"oxigraph:{folder / 'kg'}", "--port", str(port)),
            env=project_env(KG_WRITE_TOKEN=TOKEN), stdout=sink, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, process)
        yield ServedEndpoint(url, TOKEN)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _report(suite: str, results: list[outcomes.Result], capsys: pytest.CaptureFixture) -> None:
    with capsys.disabled():
        print(f"\n\nW3C SPARQL 1.1 {suite}\n{outcomes.table(results)}\n")
    if outcomes.should_write():
        outcomes.write_expected(results)
    found = outcomes.regressions(results, outcomes.read_expected())
    assert not found, f"{len(found)} regressions:\n" + "\n".join(found)


@pytest.mark.parametrize("suite", ["protocol", "graph store"])
def test_http_exchanges(suite: str, suite_root: Path, served: ServedEndpoint,
                        capsys: pytest.CaptureFixture) -> None:
    results = [outcomes.combine(suite, t.name, run_exchange(t, suite_root, served), None)
               for t in suite_tests(suite_root, suite)]
    _report(suite, results, capsys)


@pytest.mark.parametrize("suite", ["query", "update", "results formats"])
def test_evaluation(suite: str, suite_root: Path, served: ServedEndpoint,
                    capsys: pytest.CaptureFixture) -> None:
    results = [outcomes.combine(suite, t.name, run_served(t, suite_root, served),
                                run_raw(t, suite_root))
               for t in suite_tests(suite_root, suite)]
    _report(suite, results, capsys)


def test_service_description(suite_root: Path, served: ServedEndpoint,
                             capsys: pytest.CaptureFixture) -> None:
    suite = "service description"
    results = [outcomes.combine(suite, t.name, run_service_description(t, served), None)
               for t in suite_tests(suite_root, suite)]
    _report(suite, results, capsys)


def test_a_test_that_does_worse_than_expected_is_a_regression() -> None:
    expected = {"a": "pass", "b": "refused", "c": "engine", "d": "fail"}
    results = [outcomes.Result("query", "a", "engine"), outcomes.Result("query", "b", "refused"),
               outcomes.Result("query", "c", "fail"), outcomes.Result("query", "d", "pass"),
               outcomes.Result("query", "e", "pass")]
    found = outcomes.regressions(results, expected)
    assert [line.split(":")[0] for line in found] == ["a", "c", "e"]


def test_the_table_lists_refusals_and_engine_failures_by_name() -> None:
    results = [outcomes.Result("update", "u/load", "refused", "LOAD is not allowed"),
               outcomes.combine("query", "q/cast", ("fail", "differs"), ("value", "by value")),
               outcomes.Result("query", "q/ok", "pass")]
    text = outcomes.table(results)
    assert "| query | 2 | 1 | 0 | 0 | 0 | 1 |" in text
    assert "- u/load: LOAD is not allowed" in text and "- q/cast: pyoxigraph: by value" in text
