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
from typing import BinaryIO

from kg.errors import InputError, PayloadTooLarge
from kg.html_text import html_to_text
from kg.ids import check_article_key, slugify
from kg.model import Article
from kg.walk import Skipped, walk

MAX_ARTICLE_BYTES = int(os.environ.get("KG_MAX_ARTICLE_BYTES", 5_000_000))
MAX_LINE_BYTES = int(os.environ.get("KG_MAX_LINE_BYTES", 4 * MAX_ARTICLE_BYTES))
"""Longest JSON-lines record read (JSON escapes make a record longer than its text)."""
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


def article_from_text(text: str, *, origin: str, meta: Mapping[str, object] | None = None,
                      name: str | None = None) -> Article:
    """Build an :class:`Article` from decoded text and optional metadata.

    The key is the metadata's ``id`` exactly as given, else a slug of its
    ``url``, else a slug of ``name`` (default: the file name of ``origin``
    without its suffix); :attr:`Article.key_from` records which.

    >>> article_from_text("Talks.", origin="in/a/Report 1.txt", meta={"id": "YEM71337"}).key
    'YEM71337'
    >>> article = article_from_text("Talks.", origin="in/a/Report 1.txt")
    >>> article.key, article.key_from
    ('report-1', 'name')
    """
    meta = meta or {}
    if not text.strip():
        raise InputError("empty article", where=origin)
    url = _optional_str(meta.get("url"))
    if meta.get("id") not in (None, ""):
        key, key_from = check_article_key(str(meta["id"]), where=origin), "id"
    elif url:
        key, key_from = slugify(url), "url"
    else:
        key, key_from = slugify(name or Path(origin).stem or "article"), "name"
    return Article(
        key=key,
        text=text,
        sha256=hashlib.sha256(utf8_bytes(text, origin)).hexdigest(),
        title=_optional_str(meta.get("title")),
        published=parse_date(meta.get("published"), origin),
        source=_optional_str(meta.get("source")),
        url=url,
        origin=origin,
        key_from=key_from,  # type: ignore[arg-type]
    )


def _optional_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def article_from_bytes(data: bytes, *, origin: str, meta: Mapping[str, object] | None = None,
                       encoding: str | None = None, name: str | None = None) -> Article:
    """Decode ``data`` (text or HTML, by ``origin``'s suffix or sniffing) into an article."""
    text = decode(data, origin, encoding)
    meta = dict(meta or {})
    if Path(origin).suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
            ("<!doctype html", "<html")):
        page = html_to_text(text)
        text = page.text
        for field in ("title", "published", "url", "source"):
            meta.setdefault(field, getattr(page, field))
    return article_from_text(text, origin=origin, meta=meta, name=name)


def articles_from_lines(lines: BinaryIO, *, origin: str, defaults: Mapping[str, object],
                        limit: int | None = None) -> Iterator[Article | InputError]:
    """Yield one article (or error) per line of a JSON-lines batch, read from ``lines``.

    Each line is read with a bound (:data:`MAX_LINE_BYTES`): an over-long
    record is skipped without being held in memory, as an error naming
    ``file:line``, and the lines after it still load.

    >>> import io
    >>> batch = io.BytesIO(b'{"text": "Calm."}\\n' + b"x" * 30 + b'\\n{"text": "Talks."}')
    >>> [getattr(x, "key", None) or str(x) for x in articles_from_lines(
    ...     batch, origin="b.jsonl", defaults={}, limit=20)]  # doctest: +NORMALIZE_WHITESPACE
    ['b-1', 'b.jsonl:2: record is over the 20-byte limit of a JSON line (KG_MAX_LINE_BYTES),
     skipped', 'b-3']
    """
    limit = limit or MAX_LINE_BYTES
    for number, line in bounded_lines(lines, limit):
        if line is None:
            yield PayloadTooLarge(f"record is over the {_size(limit)} limit of a JSON line "
                                  "(KG_MAX_LINE_BYTES), skipped", where=f"{origin}:{number}")
        elif line.strip():
            yield article_from_line(line, origin=origin, number=number, defaults=defaults)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count}-byte"


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(number, line)`` for each line of ``stream``; ``line`` is None when over ``limit`` bytes.

    Never holds more than ``limit`` bytes of a line (plus one read buffer).
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n") and len(line) == limit + 1:
            yield number, line
            continue
        while line and not line.endswith(b"\n"):  # skip the rest of the over-long line
            line = stream.readline(1 << 20)
        yield number, None


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
        return article_from_bytes(utf8_bytes(record["text"], where), origin=where, meta=meta,
                                  name=f"{Path(origin).stem}-{number}")
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
        if path.suffix.lower() in LINES_SUFFIXES:
            with path.open("rb") as lines:
                yield from articles_from_lines(lines, origin=where, defaults=defaults)
            return
        data = path.read_bytes()
        meta = {**defaults, **sidecar_meta(path)}
        yield article_from_bytes(data, origin=where, meta=meta, encoding=encoding)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(f"cannot read: {error.strerror}", where=where)


def expand_paths(paths: Iterable[str | Path], *, follow_links: bool = False
                 ) -> Iterator[Path | Skipped]:
    """Expand folders into the article files they contain, sorted by name.

    A symbolic link leading outside the folder given is a :class:`~kg.walk.Skipped`
    notice unless ``follow_links`` (see :mod:`kg.walk`).
    """
    return walk(paths, SUFFIXES, follow_links=follow_links)


def iter_articles(paths: Iterable[str | Path], defaults: Mapping[str, object] | None = None,
                  encoding: str | None = None, *, follow_links: bool = False
                  ) -> Iterator[Article | InputError | Skipped]:
    """Yield every article (or the error for it, or the notice of a link skipped) under ``paths``."""
    for path in expand_paths(paths, follow_links=follow_links):
        if isinstance(path, Skipped):
            yield path
        else:
            yield from load_path(path, defaults, encoding)
