"""The Protocol and Graph Store tests: replay each test's HTTP exchange against the server.

Each test lists requests (``ht:Request``: method, path, headers, body) and
what each response must be (``mf:expectedStatus``, a results format or
boolean, a ``Content-Type`` and an RDF body to compare up to isomorphism, a
``Location`` to use in later requests). Paths are mapped onto this server:
``/sparql/`` -> ``/sparql``, ``/gsp`` -> ``/sparql/graph``. Every request carries
the write token, as an administrator running the suite would send it; the
protocol's ``ut:graphData`` is loaded with Graph Store PUTs first.

The service description tests read the description a GET without a query returns.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import requests
from rdflib import RDF, Literal

from tests.w3c.answers import MEDIA_RDF_FORMATS, MEDIA_RESULT_FORMATS, Answer, from_http, verdict
from tests.w3c.compare import triple_rows
from tests.w3c.evaluation import Outcome
from tests.w3c.manifests import CNT, HT, MF, UT, W3CTest, graph_label, local_path
from tests.w3c.served import ServedEndpoint

HTS = "http://www.w3.org/2011/http-statusCodes#"
STATUS = {"OK": {200}, "Created": {201}, "NoContent": {204}, "NotFound": {404},
          **{f"StatusCode{n}xx": set(range(n * 100, n * 100 + 100)) for n in (2, 3, 4, 5)}}
SD = "http://www.w3.org/ns/sparql-service-description#"
SD_TERMS = set("""endpoint feature defaultEntailmentRegime entailmentRegime supportedEntailmentProfile
    extensionFunction extensionAggregate languageExtension supportedLanguage propertyFeature
    defaultDataset availableGraphs resultFormat inputFormat defaultGraph namedGraph name graph
    Service Feature Language Function Aggregate EntailmentRegime EntailmentProfile GraphCollection
    Dataset NamedGraph Graph SPARQL10Query SPARQL11Query SPARQL11Update DereferencesURIs
    UnionDefaultGraph RequiresDataset EmptyGraphs BasicFederatedQuery""".split())
"""The terms of the service description vocabulary (its schema)."""


def server_path(path: str) -> str:
    """The manifest's path on this server.

    >>> server_path("/sparql/?query=x"), server_path("/gsp/person/1.ttl"), server_path("/gsp")
    ('/sparql?query=x', '/sparql/graph/person/1.ttl', '/sparql/graph')
    """
    if path.startswith("/sparql/"):
        return "/sparql" + path[len("/sparql/"):]
    return "/sparql/graph" + path[len("/gsp"):] if path.startswith("/gsp") else path


def _list(test: W3CTest, node: object, predicate: object) -> list:
    from rdflib.collection import Collection

    head = test.value(predicate, node)  # type: ignore[arg-type]
    return list(Collection(test.graph, head)) if head is not None else []


def _headers(test: W3CTest, node: object) -> dict[str, str]:
    return {str(test.value(HT.fieldName, h)).lower(): str(test.value(HT.fieldValue, h))
            for h in _list(test, node, HT.headers)}


def _body(test: W3CTest, node: object) -> bytes | None:
    body = test.value(HT.body, node)  # type: ignore[arg-type]
    if body is None:
        return None
    encoding = str(test.value(CNT.characterEncoding, body) or "UTF-8")
    return str(test.value(CNT.chars, body)).encode(encoding)


def run_exchange(test: W3CTest, root: Path, served: ServedEndpoint) -> Outcome:
    """Replay a Protocol or Graph Store test; the store is emptied afterwards."""
    try:
        for item in test.graph.objects(test.iri, UT.graphData):
            iri = str(test.value(UT.graph, item))
            response = served.put_graph(graph_label(test, item), local_path(root, iri).read_bytes(),
                                        "application/n-triples")
            if response.status_code >= 300:
                return "fail", f"loading {iri}: {response.status_code} {served.message(response)}"
        location = ""
        for number, request in enumerate(_list(test, test.action(), HT.requests), 1):
            response = _send(test, request, served, location)
            expected = test.value(HT.resp, request)
            outcome = _check(test, expected, response, served)
            if outcome is not None:
                return outcome[0], f"request {number} ({response.request.method}): {outcome[1]}"
            if test.value(MF.expectedLocation, expected) is not None:
                location = response.headers.get("Location", "")
        return "pass", ""
    finally:
        served.clear()


def _send(test: W3CTest, request: object, served: ServedEndpoint,
          location: str) -> requests.Response:
    path = server_path(str(test.value(HT.absolutePath, request)).replace("$LOCATION$", location))
    body = _body(test, request)
    if body is not None and location:
        body = body.replace(b"$LOCATION$", location.encode())
    return served.request(str(test.value(HT.methodName, request)), path, data=body,
                          headers={**served.auth, **_headers(test, request)},
                          allow_redirects=False)


def _check(test: W3CTest, expected: object, response: requests.Response,
           served: ServedEndpoint) -> Outcome | None:
    """None when ``response`` is what ``expected`` describes, else the outcome saying why not."""
    codes = set().union(*(STATUS[str(code)[len(HTS):]]
                          for code in test.graph.objects(expected, MF.expectedStatus)))
    if codes and response.status_code not in codes:
        status = "refused" if served.refused(response) else "fail"
        return status, f"{response.status_code} {served.message(response)}"
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    form = test.value(MF.expectedFormat, expected)
    if form is not None:
        outcome = _check_format(str(form), test.value(MF.expectedBoolean, expected),
                                media_type, response.content)
        if outcome is not None:
            return outcome
    headers = _headers(test, expected)
    wanted_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if wanted_type and media_type != wanted_type:
        return "fail", f"Content-Type {media_type!r}, expected {wanted_type!r}"
    body = _body(test, expected)
    if body is not None and response.request.method != "HEAD":
        actual = from_http(response.content, media_type)
        wanted = Answer("graph", rows=triple_rows(ox.parse(body, format=ox.RdfFormat.TURTLE)))
        if verdict(actual, wanted) != "pass":
            return "fail", "the graph returned differs from the expected one"
    return None


def _check_format(form: str, boolean: object, media_type: str, body: bytes) -> Outcome | None:
    if form == "RDF":
        return None if media_type in MEDIA_RDF_FORMATS else ("fail", f"{media_type} is not RDF")
    if media_type not in MEDIA_RESULT_FORMATS:
        return "fail", f"{media_type} is not a SPARQL results format"
    answer = from_http(body, media_type)
    if answer.kind != ("boolean" if form == "boolean" else "rows"):
        return "fail", f"a {answer.kind} answer, expected {form}"
    if boolean is not None and answer.boolean != Literal(boolean).toPython():
        return "fail", f"answered {answer.boolean}, expected {boolean}"
    return None


def run_service_description(test: W3CTest, served: ServedEndpoint) -> Outcome:
    """The service description tests: RDF from a plain GET, with ``sd:endpoint`` naming the URL."""
    response = served.request("GET", "/sparql", headers={"Accept": "text/turtle"})
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    if response.status_code != 200 or media_type not in MEDIA_RDF_FORMATS:
        return "fail", f"{response.status_code} {media_type}"
    triples = list(ox.parse(response.content, format=MEDIA_RDF_FORMATS[media_type]))
    services = {t.subject for t in triples if t.predicate.value == str(RDF.type)
                and t.object.value == SD + "Service"}
    endpoints = {t.object.value for t in triples
                 if t.predicate.value == SD + "endpoint" and t.subject in services}
    local = test.name.rsplit("/", 1)[-1]
    if local == "returns-rdf":
        return "pass", ""
    if local == "has-endpoint-triple":
        ok = served.url + "/sparql" in endpoints
        return ("pass", "") if ok else ("fail", f"sd:endpoint {sorted(endpoints)}")
    used = {t.predicate.value[len(SD):] for t in triples if t.predicate.value.startswith(SD)} | \
        {t.object.value[len(SD):] for t in triples
         if isinstance(t.object, ox.NamedNode) and t.object.value.startswith(SD)}
    unknown = used - SD_TERMS
    if not services or not endpoints or unknown:
        return "fail", f"no sd:Service with sd:endpoint, or terms outside the vocabulary: {unknown}"
    return "pass", ""
