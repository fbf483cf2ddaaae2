"""Loading articles: text, HTML and JSON lines, with metadata and a content hash.

Every input is checked before extraction sees it. A bad input becomes an
:class:`~kg.errors.InputError` naming the file (and line), yielded in place of
the article, so the rest of a batch still loads.

Metadata for ``story.txt`` may sit beside it in ``story.meta.json`` (keys:
``id``, ``title``, ``published`` as ``YYYY-MM-DD``, ``source``, ``url``).

Examples
--------
>>> article = article_from_text("Hezbollah fighters shelled Arsal.", origin="demo")
>>> article.key, article.sha256[:12]
('demo', '3f68fa91190e')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from kg.errors import InputError, PayloadTooLarge
from kg.html_text import html_to_text
from kg.ids import slugify
from kg.model import Article

MAX_ARTICLE_BYTES = int(os.environ.get("KG_MAX_ARTICLE_BYTES", 5_000_000))
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
LINES_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | LINES_SUFFIXES
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Decode article bytes: a BOM or ``encoding`` if given, else strict UTF-8.

    Raises :class:`InputError` for empty, binary or non-UTF-8 input.
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise PayloadTooLarge(
            f"article is {len(data) / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES / 1e6:.1f} MB limit",
            where=where)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            encoding = bom_encoding
            break
    if encoding is None and b"\x00" in data[:8192]:
        raise InputError(_binary_message(data[:8192]), where=where)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid {encoding or 'UTF-8'} (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); re-save it as UTF-8 or name its encoding (kg ingest --encoding "
            "latin-1; over HTTP: Content-Type charset=latin-1)", where=where) from error
    except LookupError as error:
        raise InputError(f"unknown encoding {encoding!r}", where=where) from error
    if _control_ratio(text) > 0.05:
        raise InputError("binary data, not text", where=where)
    if not text.strip():
        raise InputError("empty article", where=where)
    return text


def _binary_message(sample: bytes) -> str:
    """Say why bytes with NULs are refused; spot UTF-16 that lost its byte-order mark."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 8 and odd.count(0) > 0.9 * len(odd) and not even.count(0):
        return "binary data, not text (looks like UTF-16 without a BOM: --encoding utf-16-le)"
    if len(sample) >= 8 and even.count(0) > 0.9 * len(even) and not odd.count(0):
        return "binary data, not text (looks like UTF-16 without a BOM: --encoding utf-16-be)"
    return "binary data, not text"


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(sample), 1)


def parse_date(value: object, where: str, today: dt.date | None = None) -> dt.date | None:
    """Parse a publication date: ``YYYY-MM-DD`` (or the date part of an ISO timestamp).

    A date that does not exist, or that lies after ``today`` (default: the
    local date, plus one day of slack for time zones), is an :class:`InputError`:
    an article cannot be published in the future.

    >>> parse_date("2017-08-27T07:00:00Z", "a.txt")
    datetime.date(2017, 8, 27)
    >>> parse_date("2017-02-30", "a.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.txt: bad date '2017-02-30', expected YYYY-MM-DD
    >>> parse_date("2031-01-01", "a.txt", today=dt.date(2030, 1, 1))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.txt: date 2031-01-01 is in the future (today is 2030-01-01); \
a published article cannot be dated later than today
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value)[:10])
        except ValueError as error:
            raise InputError(f"bad date {value!r}, expected YYYY-MM-DD", where=where) from error
    today = today or dt.date.today()
    if value > today + dt.timedelta(days=1):
        raise InputError(f"date {value.isoformat()} is in the future (today is {today}); "
                         "a published article cannot be dated later than today", where=where)
    return value


def article_from_text(text: str, *, origin: str, meta: Mapping[str, object] | None = None
                      ) -> Article:
    """Build an :class:`Article` from decoded text and optional metadata."""
    meta = meta or {}
    if not text.strip():
        raise InputError("empty article", where=origin)
    key = meta.get("id") or (slugify(str(meta["url"])) if meta.get("url") else None)
    return Article(
        key=slugify(str(key or Path(origin).stem or "article")),
        text=text,
        sha256=hashlib.sha256(utf8_bytes(text, origin)).hexdigest(),
        title=_optional_str(meta.get("title")),
        published=parse_date(meta.get("published"), origin),
        source=_optional_str(meta.get("source")),
        url=_optional_str(meta.get("url")),
        origin=origin,
    )


def _optional_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def article_from_bytes(data: bytes, *, origin: str, meta: Mapping[str, object] | None = None,
                       encoding: str | None = None) -> Article:
    """Decode ``data`` (text or HTML, by ``origin``'s suffix or sniffing) into an article."""
    text = decode(data, origin, encoding)
    meta = dict(meta or {})
    if Path(origin).suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
            ("<!doctype html", "<html")):
        page = html_to_text(text)
        text = page.text
        for field in ("title", "published", "url", "source"):
            meta.setdefault(field, getattr(page, field))
    return article_from_text(text, origin=origin, meta=meta)


def articles_from_lines(data: bytes, *, origin: str, defaults: Mapping[str, object]
                        ) -> Iterator[Article | InputError]:
    """Yield one article (or error) per line of a JSON-lines batch."""
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield article_from_line(line, origin=origin, number=number, defaults=defaults)


def article_from_line(line: bytes, *, origin: str, number: int,
                      defaults: Mapping[str, object]) -> Article | InputError:
    """The article of line ``number`` of the JSON-lines file ``origin``, or why it is refused.

    The record's keys other than ``text`` are metadata over ``defaults``; an
    article without an ``id`` is named after the file and the line.

    >>> article_from_line(b'{"text": "Talks in Doha."}', origin="batch.jsonl", number=3,
    ...                   defaults={}).key
    'batch-3'
    >>> print(article_from_line(b'{"text": 1}', origin="batch.jsonl", number=4, defaults={}))
    batch.jsonl:4: expected a JSON object with a "text" string
    """
    where = f"{origin}:{number}"
    try:
        record = _json_line(line, where)
        meta = {**defaults, **{k: v for k, v in record.items() if k != "text"}}
        meta.setdefault("id", f"{Path(origin).stem}-{number}")
        return article_from_bytes(utf8_bytes(record["text"], where), origin=where, meta=meta)
    except InputError as error:
        return error


def _json_line(line: bytes, where: str) -> dict[str, object]:
    """Parse one JSON-lines record: an object with a ``text`` string."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"broken JSON line ({error.msg.removesuffix(' at')} at column "
                         f"{error.colno})",
                         where=where) from error
    except UnicodeDecodeError as error:
        raise InputError(f"line is not valid UTF-8 (byte 0x{error.object[error.start]:02x} at "
                         f"column {error.start + 1})", where=where) from error
    except RecursionError as error:
        raise InputError("JSON nested too deeply", where=where) from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError('expected a JSON object with a "text" string', where=where)
    return record


def utf8_bytes(text: str, where: str) -> bytes:
    """Encode text as UTF-8; an unpaired surrogate (JSON ``"\\ud800"``) is an input error.

    >>> utf8_bytes("Arsal \\ud800", "field 'text'")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: field 'text': text holds an unpaired surrogate U+D800 at character 6
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(f"text holds an unpaired surrogate U+{ord(text[error.start]):04X} "
                         f"at character {error.start}", where=where) from error


def sidecar_meta(path: Path) -> dict[str, object]:
    """Read ``<stem>.meta.json`` beside ``path`` if it exists."""
    meta_path = path.with_name(path.stem + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"bad metadata file: {error}", where=str(meta_path)) from error
    if not isinstance(meta, dict):
        raise InputError("metadata must be a JSON object", where=str(meta_path))
    return meta


def load_path(path: Path, defaults: Mapping[str, object] | None = None,
              encoding: str | None = None) -> Iterator[Article | InputError]:
    """Yield the article(s) in one file, or an :class:`InputError` for each bad one."""
    defaults = dict(defaults or {})
    where = str(path)
    try:
        if path.exists() and not path.is_file():
            raise InputError("not a regular file (a folder, device, FIFO or socket)", where=where)
        if path.stat().st_size > MAX_ARTICLE_BYTES and path.suffix.lower() not in LINES_SUFFIXES:
            raise PayloadTooLarge(
                f"file is {path.stat().st_size / 1e6:.1f} MB, over the "
                f"{MAX_ARTICLE_BYTES / 1e6:.1f} MB limit", where=where)
        data = path.read_bytes()
        if path.suffix.lower() in LINES_SUFFIXES:
            yield from articles_from_lines(data, origin=where, defaults=defaults)
            return
        meta = {**defaults, **sidecar_meta(path)}
        yield article_from_bytes(data, origin=where, meta=meta, encoding=encoding)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(f"cannot read: {error.strerror}", where=where)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into the article files they contain, sorted by name."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def iter_articles(paths: Iterable[str | Path], defaults: Mapping[str, object] | None = None,
                  encoding: str | None = None) -> Iterator[Article | InputError]:
    """Yield every article (or the error for it) under ``paths``."""
    for path in expand_paths(paths):
        yield from load_path(path, defaults, encoding)
