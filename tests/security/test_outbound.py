"""Issue 13, item 1: no text sent to the endpoint makes the server open a connection.

A canary listener on loopback counts connections. The real ``kg serve``
(confined, with a write token) receives the forms that got SERVICE and LOAD
past the old lexical fallback, then a hypothesis fuzzer that puts SERVICE /
LOAD / FROM / FROM NAMED / USING in random positions with random padding,
comments, escapes, nesting and case. The canary must see zero connections and
the server must never answer 500. (tests/test_sandbox.py shows the same
attempts *do* connect from an unconfined process.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.canary import Canary
from tests.security.conftest import WRITE_TOKEN

ESCAPES = {"S": "\\u0053", "E": "\\u0045", "L": "\\u004C", "F": "\\u0046", "U": "\\u0055"}


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    listening = Canary()
    yield listening
    listening.close()


def ask(served, text: str, update: bool = False) -> requests.Response:
    if update:
        return requests.post(f"{served.url}/sparql", data={"update": text}, timeout=60,
                             headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
    return requests.post(f"{served.url}/sparql", data={"query": text}, timeout=60,
                         headers={"Accept": "application/sparql-results+json"})


def known_bypasses(port: int) -> list[tuple[str, bool]]:
    """The forms that passed the old lexical fallback (issue 13), as (text, is_update)."""
    target = f"<http://127.0.0.1:{port}/sparql>"
    groups, parens = "{}" * 40, "(" * 60 + "1" + ")" * 60
    return [
        (f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\# ?o . SERVICE {target} "
         "{ ?s ?p ?o } }", False),
        (f"SELECT * WHERE {{ {groups} ?s ?p ?o.SERVICE {target} {{ ?s ?p ?o }} }}", False),
        (f"SELECT * WHERE {{ ?s ?p ?o LATERAL {{ SELECT ?s {{ ?s ?p ?o }} LIMIT 1 }} "
         f"?s ?p ?o.SERVICE {target} {{ ?s ?p ?o }} }}", False),
        (f"SELECT * WHERE {{ BIND({parens} AS ?x) ?s ?p ?o.SERVICE {target} {{ ?s ?p ?o }} }}",
         False),
        (f"PREFIX ex: <http://e/> INSERT {{ ?s ex:a\\# ?o }} WHERE {{ }} ; LOAD {target}", True),
        (f"LOAD {target}", True),
    ]


def test_known_bypasses_reach_nothing(served_kg, canary):
    for text, update in known_bypasses(canary.port):
        answer = ask(served_kg, text, update)
        assert canary.hits == 0, text
        assert answer.status_code != 500, (text, answer.text)
        assert answer.status_code >= 400, (text, answer.status_code)  # refused: fail closed


def _cased(word: str, pattern: list[bool], escape: bool) -> str:
    letters = [c.lower() if lower else c for c, lower in zip(word, pattern + [False] * 10)]
    if escape and word[0] in ESCAPES:
        letters[0] = ESCAPES[word[0]]
    return "".join(letters)


PADDING = st.sampled_from([" ", "\n", "\t", " # comment SERVICE <x>\n", "{}", "{ {} }",
                           "FILTER((((1))))", "OPTIONAL {}", " . ", "?o."])


@st.composite
def outbound_requests(draw: st.DrawFn, port: int) -> tuple[str, bool]:
    """A query or update that names the canary through a dataset, SERVICE or LOAD clause."""
    iri = draw(st.sampled_from([f"<http://127.0.0.1:{port}/x>", "c:x", "<x>"]))
    prologue = f"BASE <http://127.0.0.1:{port}/> PREFIX c: <http://127.0.0.1:{port}/> "
    word = draw(st.sampled_from(["SERVICE", "LOAD", "FROM", "FROM NAMED", "USING",
                                 "USING NAMED", "SERVICE SILENT"]))
    keyword = _cased(word, draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word))),
                     draw(st.booleans()))
    pad = "".join(draw(st.lists(PADDING, max_size=6)))
    nest = draw(st.integers(0, 8))
    body = "{" * nest + f" ?s ?p ?o {pad}" + "}" * nest
    if word.startswith("SERVICE"):
        return prologue + f"SELECT * WHERE {{ {pad} {body} {keyword} {iri} {{ ?s ?p ?o }} }}", False
    if word.startswith("FROM"):
        return prologue + f"SELECT * {pad} {keyword} {iri} WHERE {{ {body} }}", False
    if word == "LOAD":
        return prologue + f"{pad} {keyword} {iri}", True
    return prologue + f"DELETE {{ ?s ?p ?o }} {keyword} {iri} WHERE {{ {body} }}", True


def test_fuzzed_outbound_clauses_reach_nothing(served_kg, canary):
    @settings(max_examples=150, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def attempt(data: st.DataObject) -> None:
        text, update = data.draw(outbound_requests(canary.port))
        answer = ask(served_kg, text, update)
        assert canary.hits == 0, text
        assert answer.status_code != 500, (text, answer.text)

    attempt()
    assert served_kg.process.poll() is None, served_kg.output()
