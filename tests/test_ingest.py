"""Reading every format into Documents: text, source and date precedence, skips and warnings."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from claims.ingest import Defaults, doc_id, read_documents
from tests.conftest import SEEDS


def read(paths, defaults=None, stdin=None, fmt="txt"):
    warnings: list[str] = []
    docs = list(read_documents([str(p) for p in paths], defaults or Defaults(), warnings.append,
                               stdin, fmt))
    return docs, warnings


def test_txt_source_is_the_folder_and_title_the_headline(tmp_path):
    f = tmp_path / "tass" / "a.txt"
    f.parent.mkdir()
    f.write_text("Moscow says talks failed\n\nLavrov said talks failed.\n", encoding="utf-8")
    [doc], _ = read([f])
    assert (doc.source, doc.title, doc.published) == ("tass", "Moscow says talks failed", None)
    assert doc.text == "Moscow says talks failed\n\nLavrov said talks failed."


def test_source_and_date_options_fill_what_documents_do_not_say(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "Record text.", "source": "reuters", "published": "2020-02-15"}) + "\n",
        encoding="utf-8")
    docs, _ = read([tmp_path], Defaults(source="tass", published=dt.date(2021, 1, 2)))
    got = {d.text: (d.source, d.published) for d in docs}
    assert got == {"Plain text.": ("tass", dt.date(2021, 1, 2)),
                   "Record text.": ("reuters", dt.date(2020, 2, 15))}


def test_a_date_at_the_start_of_the_file_name_is_the_last_resort(tmp_path):
    (tmp_path / "2026-03-04-port-closed.txt").write_text("Port closed.", encoding="utf-8")
    (tmp_path / "2026-13-99-bad.txt").write_text("Bad date.", encoding="utf-8")
    docs, _ = read([tmp_path])
    assert {d.text: d.published for d in docs} == {"Port closed.": dt.date(2026, 3, 4),
                                                    "Bad date.": None}
    docs, _ = read([tmp_path], Defaults(published=dt.date(2020, 1, 1)))
    assert {d.published for d in docs} == {dt.date(2020, 1, 1)}


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "x.md"
    f.write_text("---\ntitle: Fire\npublished: 2026-03-03\nurl: https://h.example/1\n"
                 "source: herald\n---\n\n# Fire at port\n\nThe port burned.\n", encoding="utf-8")
    [doc], _ = read([f])
    assert (doc.title, doc.published, doc.uri, doc.source) == (
        "Fire", dt.date(2026, 3, 3), "https://h.example/1", "herald")
    assert "The port burned." in doc.text and "title:" not in doc.text


def test_html_main_text_without_navigation_or_scripts():
    f = SEEDS / "harbor-fire" / "daily-ledger" / "2026-03-03-port-blaze.html"
    [doc], _ = read([f])
    assert doc.source == "daily-ledger"
    assert doc.published == dt.date(2026, 3, 3)
    assert doc.text.startswith(doc.title)
    assert "Environmental group Green Tide said toxic smoke" in doc.text
    raw = f.read_text(encoding="utf-8")
    assert "<script" in raw and "<script" not in doc.text and "function" not in doc.text
    assert "Copyright" not in doc.text and "©" not in doc.text


def test_an_html_page_keeps_the_date_its_metadata_gives(tmp_path):
    """A page dated after today (an embargoed or sample page; another timezone's today) keeps
    its `article:published_time`, not a date from its text ("June 2026" in the headline);
    with no metadata date, a date the text only mentions is not the page's."""
    body = ("<body><article><h1>Mayor says she first saw overrun figures in June 2026</h1>"
            + "<p>The mayor said the figures reached her office late. " * 6 + "</p></article>"
            "</body></html>")
    (tmp_path / "later.html").write_text(
        '<html><head><meta property="article:published_time" '
        'content="2999-03-18T17:30:00+01:00"></head>' + body, encoding="utf-8")
    (tmp_path / "none.html").write_text("<html><head></head>" + body, encoding="utf-8")
    docs, _ = read([tmp_path / "later.html", tmp_path / "none.html"])
    dates = {d.uri.rsplit("/", 1)[-1]: d.published for d in docs}
    assert dates == {"later.html": dt.date(2999, 3, 18), "none.html": None}


def test_json_csv_and_jsonl_records(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(
        [{"text": "One.", "source": "s1", "title": "T1", "url": "u1", "date": "2020-01-02"},
         {"body": "Two.", "outlet": "s2"}]), encoding="utf-8")
    (tmp_path / "b.csv").write_text('text,source,published\n"Three, with comma.",s3,2020-03-04\n',
                                    encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Four."}\n\n{"text": "Five.", "uri": "u5"}\n',
                                      encoding="utf-8")
    docs, warnings = read([tmp_path])
    assert warnings == []
    got = {d.text: (d.source, d.published, d.title, d.uri) for d in docs}
    assert got["One."] == ("s1", dt.date(2020, 1, 2), "T1", "u1")
    assert got["Two."][0] == "s2"
    assert got["Three, with comma."][:2] == ("s3", dt.date(2020, 3, 4))
    assert got["Four."][0] == tmp_path.name  # no field, no option: the folder's name
    assert got["Five."][3] == "u5"


def test_bad_jsonl_lines_are_reported_with_line_numbers_and_the_rest_kept(tmp_path):
    f = tmp_path / "w.jsonl"
    f.write_text('{"text": "Good one."}\n{broken\n{"title": "no text"}\n{"text": "Good two."}\n',
                 encoding="utf-8")
    docs, warnings = read([f])
    assert [d.text for d in docs] == ["Good one.", "Good two."]
    assert any(":2:" in w and "invalid JSON" in w for w in warnings)
    assert any(":3:" in w and "no 'text'" in w for w in warnings)


def test_csv_without_text_column_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "bad.csv").write_text("title,url\nx,y\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Kept.", encoding="utf-8")
    docs, warnings = read([tmp_path])
    assert [d.text for d in docs] == ["Kept."]
    assert any("no 'text' column" in w for w in warnings)


def test_stdin_in_any_format():
    docs, _ = read(["-"], stdin=io.StringIO('{"text": "From a pipe.", "source": "p"}\n'),
                   fmt="jsonl")
    assert [(d.text, d.source) for d in docs] == [("From a pipe.", "p")]


def test_hidden_underscore_and_readme_files_are_not_documents(tmp_path):
    for name in (".hidden.txt", "_answers.json", "README.md", "note.txt", "image.png"):
        (tmp_path / name).write_text("Some text.", encoding="utf-8")
    docs, _ = read([tmp_path])
    assert [d.uri.rsplit("/", 1)[-1] for d in docs] == ["note.txt"]


def test_binary_and_non_utf8_files(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners said prices rose.".encode("cp1252"))
    docs, warnings = read([tmp_path])
    assert [d.text for d in docs] == ["Café owners said prices rose."]
    assert any("binary" in w for w in warnings) and any("UTF-8" in w for w in warnings)


def test_a_missing_path_is_reported_and_the_rest_is_read(tmp_path):
    (tmp_path / "ok.txt").write_text("Kept.", encoding="utf-8")
    missing: list[str] = []
    docs = list(read_documents([str(tmp_path / "nope.txt"), str(tmp_path / "ok.txt")],
                               Defaults(), lambda m: None, missing=missing.append))
    assert [d.text for d in docs] == ["Kept."]
    assert missing == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_hostile_files_are_skipped_or_read_with_a_warning_and_the_rest_kept(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes("Minister said the port is safe.".encode("utf-16"))
    (tmp_path / "invalid.txt").write_bytes(b"Caf\xc3 prices \xff rose, traders said.")
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>alert('x')</script></head><body><article><h1>Port news</h1>"
        + "<p>The mayor said the port reopened on Friday after the fire.</p>" * 3
        + "<script>document.write('<p>injected</p>')</script>"
        + "<img src=x onerror=alert(1)></article></body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Kept.", encoding="utf-8")
    docs, warnings = read([tmp_path])
    texts = {d.uri.rsplit("/", 1)[-1]: d.text for d in docs}
    assert texts["ok.txt"] == "Kept."
    assert texts["utf16.txt"] == "Minister said the port is safe."
    assert "traders said" in texts["invalid.txt"]
    assert "mayor said the port reopened" in texts["scripts.html"]
    assert "alert" not in texts["scripts.html"] and "injected" not in texts["scripts.html"]
    assert "empty.txt" not in texts and "blank.md" not in texts
    assert sum("no text" in w for w in warnings) == 2
    assert any("invalid.txt" in w and "UTF-8" in w for w in warnings)


def test_a_huge_text_file_is_read_in_parts_with_bounded_memory(tmp_path, monkeypatch):
    import tracemalloc

    import claims.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "LARGE_FILE", 1 << 20)
    monkeypatch.setattr(ingest_mod, "PART_CHARS", 1 << 18)
    paragraph = ("Officials said the river rose by two metres overnight. " * 8 + "\n\n")
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as f:
        for _ in range((24 << 20) // len(paragraph)):  # 24 MB
            f.write(paragraph)
    tracemalloc.start()
    parts = 0
    total = 0
    for doc in read_documents([str(big)], Defaults(), lambda m: None):
        parts += 1
        total += len(doc.text)
        assert doc.uri == f"{big}#part{parts}"
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert parts >= 90 and total > 23 << 20
    assert peak < 8 << 20  # a few parts in memory, never the whole 24 MB file


def test_document_id_is_a_content_hash():
    assert doc_id("Same text.\r\n") == doc_id("  Same text.\n")
    assert doc_id("Same text.") != doc_id("Other text.")


def test_a_store_inside_the_folder_is_not_read_as_documents(tmp_path):
    from claims.store import writer_lock

    (tmp_path / "a.txt").write_text("Kept.", encoding="utf-8")
    store = tmp_path / "index"
    with writer_lock(store):
        (store / "manifest.json").write_text('{"schema_version": 1}', encoding="utf-8")
    docs, warnings = read([tmp_path])
    assert [d.text for d in docs] == ["Kept."] and warnings == []


@pytest.mark.slow
def test_a_100_mb_text_file_streams_with_bounded_memory(tmp_path):
    import tracemalloc

    paragraph = ("Officials said the river rose by two metres overnight. " * 8 + "\n\n")
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as f:
        for _ in range((100 << 20) // len(paragraph)):
            f.write(paragraph)
    tracemalloc.start()
    parts = sum(1 for _ in read_documents([str(big)], Defaults(), lambda m: None))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert parts >= 100
    assert peak < 24 << 20  # a few 1 MB parts at a time, never the 100 MB file
