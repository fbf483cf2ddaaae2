"""Loading articles: formats, metadata, and a clear error for each bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from kg import documents
from kg.documents import article_from_bytes, decode, iter_articles, load_path
from kg.errors import InputError, PayloadTooLarge
from tests.conftest import SEED_FILE


def test_seed_loads_with_its_metadata(seed_article):
    text = SEED_FILE.read_text("utf-8")
    assert seed_article.key == "000-be81285fb7b3f189"
    assert seed_article.text == text
    assert seed_article.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert seed_article.published == dt.date(2017, 8, 27)
    assert seed_article.title.startswith("ISIS Submits to Cease-fire")
    assert not seed_article.date_inferred


@pytest.mark.parametrize("data, message", [
    (b"", "empty article"),
    (b"   \n\t ", "empty article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    (bytes(range(1, 30)) * 20, "binary data"),
    ("Caf\u00e9 in Beirut".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
])
def test_bad_bytes_get_a_one_line_error_naming_the_input(data, message):
    with pytest.raises(InputError) as caught:
        decode(data, "inbox/a.txt")
    assert message in str(caught.value)
    assert str(caught.value).startswith("inbox/a.txt: ")
    assert "\n" not in str(caught.value)


def test_utf16_with_bom_and_explicit_latin1_decode():
    assert decode("Arsal \u2014 Lebanon".encode("utf-16"), "x") == "Arsal \u2014 Lebanon"
    assert decode("Caf\u00e9".encode("latin-1"), "x", encoding="latin-1") == "Caf\u00e9"


def test_oversized_article_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(documents, "MAX_ARTICLE_BYTES", 1000)
    with pytest.raises(PayloadTooLarge, match="over the 0.0 MB limit"):
        decode(b"a" * 1001, "big.txt")


def test_html_article_keeps_text_and_metadata_not_scripts():
    html = (b"<html><head><title>Clashes in Arsal</title>"
            b'<meta property="article:published_time" content="2017-08-20T10:00:00Z">'
            b"<script>alert(1)</script></head><body><p>Hezbollah shelled Arsal.</p>"
            b"<style>p{}</style><p>Two killed.</p></body></html>")
    article = article_from_bytes(html, origin="page.html")
    assert article.text == "Hezbollah shelled Arsal.\n\nTwo killed."
    assert article.title == "Clashes in Arsal"
    assert article.published == dt.date(2017, 8, 20)


def test_jsonl_batch_reports_broken_lines_and_keeps_the_rest(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"text": "ISIS attacked Arsal.", "published": "2017-08-01"}),
        '{"text": "unterminated',
        json.dumps({"title": "no text"}),
        json.dumps({"id": "third", "text": "Talks began in Beirut."}),
    ]), "utf-8")
    items = list(load_path(batch))
    good = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.key for a in good] == ["batch-1", "third"]
    assert [e.where for e in bad] == [f"{batch}:2", f"{batch}:3"]
    assert "broken JSON line" in bad[0].message


def test_bad_date_in_metadata_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_text("Fighting in Arsal.", "utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2017-02-30"}', "utf-8")
    (error,) = list(load_path(tmp_path / "a.txt"))
    assert isinstance(error, InputError)
    assert "bad date '2017-02-30'" in str(error)


def test_folder_expansion_is_sorted_and_skips_other_files(tmp_path):
    for name in ("b.txt", "a.html", "notes.pdf", "c.meta.json"):
        (tmp_path / name).write_text("<p>Text about Syria.</p>", "utf-8")
    keys = [a.key for a in iter_articles([tmp_path])]
    assert keys == ["a", "b"]


def test_missing_file_is_reported_not_raised(tmp_path):
    (error,) = list(load_path(tmp_path / "gone.txt"))
    assert isinstance(error, InputError) and "cannot read" in str(error)
