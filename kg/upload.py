"""Articles sent over HTTP: a text/plain (or HTML) body, or a JSON object.

Every refusal is an :class:`~kg.errors.InputError` naming the part of the
request at fault (``request body``, ``field 'published'``), so the API can
answer 4xx with a JSON body that says what to fix.

Examples
--------
>>> article = article_from_upload(b'{"text": "Hezbollah shelled Arsal.", "title": "T"}',
...                               "application/json")
>>> article.title, article.key.startswith("upload-")
('T', True)
>>> article_from_upload(b'{"text": 3}', "application/json")
Traceback (most recent call last):
...
kg.errors.InputError: field 'text': expected a non-empty string
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from kg.documents import article_from_bytes, decode, utf8_bytes
from kg.errors import InputError
from kg.model import Article

FIELDS = ("title", "published", "source", "url", "id")
BODY = "request body"


def _meta(values: Mapping[str, object]) -> dict[str, object]:
    meta: dict[str, object] = {}
    for name in FIELDS:
        value = values.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError("expected a string", where=f"field {name!r}")
        meta[name] = value
    return meta


def _default_id(meta: dict[str, object], text_bytes: bytes) -> dict[str, object]:
    if "id" not in meta and "url" not in meta:
        meta["id"] = "upload-" + hashlib.sha256(text_bytes).hexdigest()[:16]
    return meta


def _json_record(body: bytes) -> dict[str, object]:
    try:
        record = json.loads(decode(body, BODY))
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg} at line {error.lineno} column "
                         f"{error.colno})", where=BODY) from error
    except RecursionError as error:  # json's C parser recurses once per nesting level
        raise InputError("JSON nested too deeply", where=BODY) from error
    if not isinstance(record, dict):
        raise InputError('expected a JSON object with a "text" string', where=BODY)
    return record


def article_from_upload(body: bytes, mimetype: str | None, params: Mapping[str, object] | None = None,
                        charset: str | None = None) -> Article:
    """Build an article from an HTTP request body.

    ``application/json``: an object with ``text`` and optional ``title``,
    ``published`` (YYYY-MM-DD), ``source``, ``url``, ``id``. ``text/plain``
    or ``text/html``: the body is the article; metadata comes from ``params``
    (the query string). Without ``id`` or ``url`` the key is derived from the
    text, so the same text uploaded twice is the same article.
    """
    mimetype = (mimetype or "").lower()
    if mimetype == "application/json":
        record = _json_record(body)
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError("expected a non-empty string", where="field 'text'")
        text_bytes = utf8_bytes(text, "field 'text'")
        return article_from_bytes(text_bytes, origin=BODY, meta=_default_id(_meta(record), text_bytes))
    if mimetype in ("text/plain", "text/html", ""):
        text = decode(body, BODY, charset)
        meta = _default_id(_meta(params or {}), utf8_bytes(text, BODY))
        origin = BODY + (".html" if mimetype == "text/html" else "")
        return article_from_bytes(body, origin=origin, meta=meta, encoding=charset)
    raise InputError(f"unsupported Content-Type {mimetype!r}: send text/plain, text/html or "
                     "application/json", where=BODY)
