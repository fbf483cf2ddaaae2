"""Hostile and broken input through the HTTP ingest API (``POST /api/articles``): a 4xx
JSON error of one line naming what and where, and the store byte-for-byte unchanged;
good input lands once. The CLI's side is ``tests/test_bad_input.py``."""

from __future__ import annotations

import json

import pytest

from tests.bad_input import FIFTY_MB, GOOD_TEXT, OTHER_TEXT, literals, quads
from tests.bad_input import spy, store  # noqa: F401  (fixtures)
from tests.reliability_log import reliability  # noqa: F401  (fixtures)

RELIABILITY_AREA = "Bad input"

TOKEN = "bad-input-test-token"


@pytest.fixture
def api(store, spy):
    """A test client of an app over :func:`store` with writes on (token :data:`TOKEN`)."""
    from web import create_app

    app = create_app({"TESTING": True, "KG_STORE": "memory:", "KG_WRITE_TOKEN": TOKEN})
    app.extensions["kg_store"] = store
    if not any(r.rule == "/api/articles" and "POST" in (r.methods or ())
               for r in app.url_map.iter_rules()):
        pytest.skip("POST /api/articles is not built yet (issue 6)")
    return app.test_client()


def post(api, data: bytes, content_type: str, token: str | None = TOKEN, **params: str):  # type: ignore[no-untyped-def]
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return api.post("/api/articles", data=data, headers=headers, query_string=params)


def error_of(response) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """``(where, message)`` of a JSON error answer (an error body or an ingest report)."""
    assert response.mimetype == "application/json", response.get_data()[:300]
    body = response.get_json()
    assert b"Traceback" not in response.get_data()
    error = body["failed"][0] if "failed" in body else body
    assert error["status"] == response.status_code
    return error.get("where", ""), error["message"]


def http_refused(api, store, reliability, data: bytes, content_type: str, status: int,  # type: ignore[no-untyped-def]
                 **kwargs: str) -> tuple[str, str]:
    before = quads(store)
    response = post(api, data, content_type, **kwargs)
    assert response.status_code == status, response.get_data()[:500]
    where, message = error_of(response)
    assert message and "\n" not in message
    assert quads(store) == before
    reliability.happened(f"HTTP {status}, JSON error `{where + ': ' if where else ''}{message}`"
                         ", store unchanged")
    return where, message


JSON = "application/json"


HTTP_BAD = [
    ("an empty text/plain body", b"", "text/plain", "request body", "empty article"),
    ("a PNG as text/plain", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8, "text/plain",
     "request body", "binary data"),
    ("Latin-1 text/plain without a charset", "Caf\u00e9 in Beyrouth".encode("latin-1"),
     "text/plain", "request body", "charset=latin-1"),
    ("UTF-16 without a BOM", GOOD_TEXT.encode("utf-16-le"), "text/plain", "request body",
     "UTF-16 without a BOM"),
    ("broken JSON", b'{"text": "unterminated', JSON, "request body", "not valid JSON"),
    ("a JSON list", b'["text"]', JSON, "request body", "expected a JSON object"),
    ("JSON whose text is a number", b'{"text": 3}', JSON, "field 'text'", "non-empty string"),
    ("JSON with an unpaired surrogate", b'{"text": "\\ud800 Arsal was shelled."}', JSON, "",
     "unpaired surrogate"),
    ("JSON nested 100,000 deep", b'{"text": ' + b"[" * 100_000, JSON, "request body", ""),
    ("JSON with published 2017-02-30",
     json.dumps({"text": GOOD_TEXT, "published": "2017-02-30"}).encode(), JSON, "",
     "bad date '2017-02-30'"),
    ("JSON with published 2999-01-01",
     json.dumps({"text": GOOD_TEXT, "published": "2999-01-01"}).encode(), JSON, "",
     "is in the future"),
    ("text/plain with ?published=2999-01-01", GOOD_TEXT.encode(), "text/plain", "",
     "is in the future"),
    ("a JSON-lines batch (one article per request)",
     b'{"text": "a"}\n{"text": "b"}', "application/x-ndjson", "request body",
     "unsupported Content-Type"),
]


@pytest.mark.parametrize("label, data, content_type, where, message", HTTP_BAD,
                         ids=[case[0] for case in HTTP_BAD])
def test_http_bad_input_is_a_4xx_json_error(api, store, reliability, label, data, content_type,
                                            where, message):
    reliability.tried(f"POST /api/articles with {label}")
    params = {"published": "2999-01-01"} if "?published" in label else {}
    got_where, got_message = http_refused(api, store, reliability, data, content_type, 400,
                                          **params)
    assert message in got_message
    assert got_where.startswith(where)


def test_http_fifty_megabytes_is_413_without_extraction(api, store, spy, reliability):
    reliability.tried("POST /api/articles with a 50 MB text/plain body")
    where, message = http_refused(api, store, reliability,
                                  b"Arsal was shelled. " * (FIFTY_MB // 19), "text/plain", 413)
    assert where == "request body" and message.startswith("over the 8.4 MB limit")
    assert spy.keys == []


@pytest.mark.parametrize("token, status", [(None, 401), ("wrong-token", 403)])
def test_http_ingest_needs_the_token(api, store, spy, reliability, token, status):
    reliability.tried(f"POST /api/articles {'without a token' if token is None else 'with a wrong token'}")
    http_refused(api, store, reliability, GOOD_TEXT.encode(), "text/plain", status, token=token)
    assert spy.keys == []


HTTP_GOOD = [
    ("Latin-1 text with charset=latin-1", "Caf\u00e9 owners said Hezbollah shelled Arsal."
     .encode("latin-1"), "text/plain; charset=latin-1", {}),
    ("UTF-16 text with its BOM", GOOD_TEXT.encode("utf-16"), "text/plain", {}),
    ("HTML with <script> and <style>", (
        "<html><head><title>Clashes near Arsal</title><script>document.cookie</script>"
        "<style>p{}</style></head><body><p>" + GOOD_TEXT + "</p>"
        "<script>fetch('//evil.example')</script></body></html>").encode(), "text/html", {}),
    ("JSON with metadata", json.dumps({"id": "json-one", "text": OTHER_TEXT + " Again.",
                                       "title": "T", "published": "2017-08-28"}).encode(),
     JSON, {}),
]


@pytest.mark.parametrize("label, data, content_type, params", HTTP_GOOD,
                         ids=[case[0] for case in HTTP_GOOD])
def test_http_good_input_lands(api, store, reliability, label, data, content_type, params):
    reliability.tried(f"POST /api/articles with {label}")
    response = post(api, data, content_type, **params)
    assert response.status_code == 201, response.get_data()[:500]
    body = response.get_json()
    assert len(body["added"]) == 1 and not body["failed"]
    texts = literals(store)
    assert not any("cookie" in t or "evil.example" in t or "p{}" in t for t in texts)
    assert any("Caf\u00e9 owners" in t or t.startswith(("Hezbollah", "The Lebanese")) for t in texts)
    again = post(api, data, content_type, **params)
    assert again.status_code == 200 and again.get_json()["unchanged"] == body["added"]
    reliability.happened(f"HTTP 201 `{body['summary']}`; resent: HTTP 200 "
                         f"`{again.get_json()['summary']}`; no script or style text stored")
