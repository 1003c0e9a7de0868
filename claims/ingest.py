"""Read files, folders or stdin into `Document`s.

Formats: .txt, .md/.markdown (YAML front matter via python-frontmatter), .html/.htm (main text
via trafilatura), .json (a record or a list of records), .jsonl, .csv. A record's fields are
text (or body/content), source, published (or date), title, url (or uri).

Source: the record's or front matter's field, else `--source`, else the parent folder's name.
Date: the record's or front matter's field (or the HTML page's), else `--date`, else a
YYYY-MM-DD at the start of the file name.
Files and folders whose name starts with "." or "_", and README/LICENSE files, are skipped
when walking a folder (sample sets keep their answers in `_answers.json`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from claims.errors import InputError
from claims.types import Document

TEXT_EXTS = {".txt", ".text"}
MD_EXTS = {".md", ".markdown"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
RECORD_EXTS = {".json", ".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_EXTS | MD_EXTS | HTML_EXTS | RECORD_EXTS
# formats that are not text, even when named one by one: said so, not read as junk text
NOT_TEXT = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ods",
            ".ppt", ".pptx", ".zip", ".gz", ".tar", ".7z", ".png", ".jpg", ".jpeg", ".gif",
            ".webp", ".mp3", ".mp4", ".wav", ".parquet", ".faiss"}
_SKIP_NAMES = {"readme", "license", "licence", "changelog"}
_DATED_NAME = re.compile(r"^((?:19|20)\d\d-[01]\d-[0-3]\d)[-_. ]")

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Defaults:
    """What the command line says about documents that don't say it themselves."""

    source: str | None = None
    published: dt.date | None = None


def doc_id(text: str) -> str:
    """Content hash: the same text (up to line endings and outer space) is the same document."""
    norm = text.replace("\r\n", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> dt.date | None:
    """A date from a field value ("2020-02-15", "Feb 15, 2020", a datetime, an epoch)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
    from dateutil import parser

    try:
        return parser.parse(str(value), default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(data: bytes, where: str, warn: Warn) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        warn(f"{where}: skipped, looks like a binary file")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(f"{where}: not valid UTF-8, read as Windows-1252")
        return data.decode("cp1252", errors="replace")


LARGE_FILE = 8 << 20  # plain text bigger than this is read in parts, not whole
PART_CHARS = 1 << 20  # about this many characters per part


def _read_large_text(path: Path, defaults: Defaults, fallback: str,
                     warn: Warn) -> Iterator[Document]:
    """A huge .txt/.md file in parts of about PART_CHARS, cut at paragraph breaks, so memory
    stays bounded whatever the file's size. Each part is a document `path#partN`."""
    with open(path, "rb") as f:
        head = f.read(8192)
    encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    if encoding is None and b"\x00" in head:
        warn(f"{path}: skipped, looks like a binary file")
        return
    decoder = codecs.getincrementaldecoder(encoding or "utf-8-sig")(errors="replace")
    buf: list[str] = []
    size = 0
    part = 0
    with open(path, "rb") as f:
        for raw in iter(lambda: f.read(1 << 16), b""):
            buf.append(decoder.decode(raw))
            size += len(buf[-1])
            if size >= PART_CHARS:
                text = "".join(buf)
                cut = text.rfind("\n\n")
                cut = cut if cut > 0 else (text.rfind("\n") if text.rfind("\n") > 0 else len(text))
                part += 1
                doc = _make(text[:cut], source=None, defaults=defaults, fallback_source=fallback,
                            uri=f"{path}#part{part}", title=None, published=None)
                if doc:
                    yield doc
                buf, size = [text[cut:]], len(text) - cut
        buf.append(decoder.decode(b"", final=True))
    rest = "".join(buf)
    part += 1
    doc = _make(rest, source=None, defaults=defaults, fallback_source=fallback,
                uri=f"{path}#part{part}", title=None, published=None)
    if doc:
        yield doc


def _make(text: str, *, source: str | None, defaults: Defaults, fallback_source: str,
          uri: str, title: str | None, published: Any) -> Document | None:
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return None
    when = parse_date(published) or defaults.published
    src = (str(source).strip() if source else "") or defaults.source or fallback_source
    return Document(id=doc_id(text), source=src, uri=uri, title=(title or None),
                    published=when, text=text)


def _first_line_title(text: str) -> str | None:
    head, sep, _ = text.strip().partition("\n\n")
    head = head.strip()
    if sep and "\n" not in head and len(head) < 200 and not head.endswith((".", "?", "!")):
        return head
    return None


def _from_record(rec: Any, *, where: str, defaults: Defaults, fallback_source: str,
                 warn: Warn) -> Document | None:
    if not isinstance(rec, dict):
        warn(f"{where}: skipped, a record must be an object with a 'text' field")
        return None
    text = rec.get("text") or rec.get("body") or rec.get("content")
    if not isinstance(text, str) or not text.strip():
        warn(f"{where}: skipped, no 'text' field")
        return None
    uri = str(rec.get("url") or rec.get("uri") or where)
    return _make(text, source=rec.get("source") or rec.get("outlet"), defaults=defaults,
                 fallback_source=fallback_source, uri=uri,
                 title=rec.get("title"), published=rec.get("published") or rec.get("date"))


def _read_records(text: str, ext: str, where: str, defaults: Defaults, fallback: str,
                  warn: Warn) -> Iterator[Document]:
    if ext == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        fields = {f.lower() for f in (reader.fieldnames or [])}
        if not fields & {"text", "body", "content"}:
            raise InputError(f"{where}: CSV has no 'text' column (columns: "
                             f"{', '.join(reader.fieldnames or []) or 'none'})")
        for i, row in enumerate(reader, start=2):
            row = {(k or "").lower(): v for k, v in row.items()}
            doc = _from_record(row, where=f"{where}:{i}", defaults=defaults,
                               fallback_source=fallback, warn=warn)
            if doc:
                yield doc
        return
    if ext == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: invalid JSON at line {e.lineno}: {e.msg}") from None
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records):
            doc = _from_record(rec, where=f"{where}[{i}]", defaults=defaults,
                               fallback_source=fallback, warn=warn)
            if doc:
                yield doc
        return
    for lineno, line in enumerate(text.splitlines(), start=1):  # JSON Lines
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            warn(f"{where}:{lineno}: skipped, invalid JSON ({e.msg})")
            continue
        doc = _from_record(rec, where=f"{where}:{lineno}", defaults=defaults,
                           fallback_source=fallback, warn=warn)
        if doc:
            yield doc


def _read_html(raw: str, where: str, defaults: Defaults, fallback: str) -> Document | None:
    import trafilatura

    result = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    text = getattr(result, "text", None)
    if not isinstance(text, str) or not text.strip():
        return None
    body = "\n\n".join(p.strip() for p in text.splitlines() if p.strip())
    title = getattr(result, "title", None)
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return _make(body, source=None, defaults=defaults, fallback_source=fallback, uri=where,
                 title=title, published=_page_date(raw))


def _page_date(raw: str) -> str | None:
    """The date the page's own metadata gives (`article:published_time`, JSON-LD
    `datePublished`, ...), whatever it is, or None (then `--date` or the file name's date).
    trafilatura's own date search rejects a date after today and then takes one from the
    text: "June 2026" in a headline became 2026-01-01, and a page published in a later
    timezone's today, or an embargoed or sample page, lost its date."""
    from htmldate import find_date

    try:
        return find_date(raw, extensive_search=False, original_date=True,
                         max_date="2999-12-31")
    except (ValueError, TypeError):
        return None


def read_text(text: str, *, ext: str, where: str, defaults: Defaults, fallback_source: str,
              warn: Warn) -> Iterator[Document]:
    """Documents from the text of one file (or stdin) in the given format."""
    if ext in RECORD_EXTS:
        yield from _read_records(text, ext, where, defaults, fallback_source, warn)
        return
    if ext in HTML_EXTS:
        doc = _read_html(text, where, defaults, fallback_source)
    elif ext in MD_EXTS:
        import frontmatter

        try:
            post = frontmatter.loads(text)
            meta, body = dict(post.metadata), post.content
        except Exception as e:  # bad YAML: keep the text, say so
            warn(f"{where}: front matter unreadable ({type(e).__name__}), read as plain text")
            meta, body = {}, text
        source, title = meta.get("source") or meta.get("outlet"), meta.get("title")
        doc = _make(body, source=str(source) if source else None, defaults=defaults,
                    fallback_source=fallback_source, uri=str(meta.get("url") or where),
                    title=str(title) if title else _first_line_title(body),
                    published=meta.get("published") or meta.get("date"))
    else:
        doc = _make(text, source=None, defaults=defaults, fallback_source=fallback_source,
                    uri=where, title=_first_line_title(text), published=None)
    if doc is None:
        warn(f"{where}: skipped, no text")
        return
    yield doc


def _walk(path: Path, unread: list[Path]) -> Iterator[Path]:
    """The files under `path` in a format `claims` reads; others go to `unread`."""
    for child in sorted(path.iterdir()):
        name = child.name
        if name.startswith((".", "_")) or child.stem.lower() in _SKIP_NAMES:
            continue
        if child.is_dir():
            if (child / "manifest.json").exists() and (child / ".lock").exists():
                continue  # a claims store (e.g. index/), not documents
            yield from _walk(child, unread)
        elif child.suffix.lower() in SUPPORTED:
            yield child
        else:
            unread.append(child)


def expand_paths(paths: Iterable[str], missing: Callable[[str], None],
                 warn: Warn | None = None) -> list[str | Path]:
    """Files to read, in order; '-' stands for stdin. Missing paths are reported and skipped,
    and so (to `warn`) are the files of a folder in no format `claims` reads."""
    out: list[str | Path] = []
    for p in paths:
        if p == "-":
            out.append("-")
            continue
        path = Path(p)
        if not path.exists():
            missing(f"{p}: no such file or folder")
            continue
        if path.is_dir():
            unread: list[Path] = []
            out.extend(_walk(path, unread))
            if unread and warn:
                kinds = sorted({f.suffix.lower() or "no extension" for f in unread})
                warn(f"{p}: skipped {len(unread)} file(s) in formats claims does not read "
                     f"({', '.join(kinds[:6])}); it reads txt, md, html, json, jsonl and csv "
                     "(convert PDF or Word files to text first, e.g. with pdftotext)")
        else:
            out.append(path)
    return out


def read_documents(paths: Iterable[str], defaults: Defaults, warn: Warn,
                   stdin: TextIO | None = None, stdin_format: str = "txt",
                   missing: Warn | None = None) -> Iterator[Document]:
    """Every document under `paths`, read lazily; unreadable files and missing paths are
    skipped with a warning (`missing` hears about paths that do not exist)."""
    for item in expand_paths(paths, missing or warn, warn):
        if item == "-":
            stream = stdin or sys.stdin
            text = stream.read()
            yield from read_text(text, ext="." + stdin_format.lstrip("."), where="<stdin>",
                                 defaults=defaults, fallback_source="stdin", warn=warn)
            continue
        assert isinstance(item, Path)
        ext = item.suffix.lower()
        if ext in NOT_TEXT:
            warn(f"{item}: skipped, claims reads txt, md, html, json, jsonl and csv, not {ext} "
                 "(convert it to text first, e.g. with pdftotext)")
            continue
        if ext not in SUPPORTED:
            ext = ".txt"  # a file named explicitly is read as text whatever its extension
        fallback = item.resolve().parent.name or "unknown"
        named = _DATED_NAME.match(item.name)
        file_defaults = defaults
        if named and defaults.published is None:  # "2026-03-04-port-closed.txt"
            file_defaults = Defaults(defaults.source, parse_date(named.group(1)))
        try:
            if ext in TEXT_EXTS and item.stat().st_size > LARGE_FILE:
                yield from _read_large_text(item, file_defaults, fallback, warn)
                continue
            data = item.read_bytes()
        except OSError as e:
            warn(f"{item}: skipped, cannot read ({e.strerror})")
            continue
        text = _decode(data, str(item), warn)
        if text is None:
            continue
        try:
            yield from read_text(text, ext=ext, where=str(item), defaults=file_defaults,
                                 fallback_source=fallback, warn=warn)
        except InputError as e:
            warn(f"{e}; skipped")
