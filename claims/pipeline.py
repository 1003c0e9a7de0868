"""The stages composed: documents -> sentences -> claims -> vectors -> store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from claims.attribute import Attributor
from claims.embed import DEFAULT_MODEL, Embedder
from claims.ingest import Defaults, read_documents
from claims.numbers import extract_quantities
from claims.split import split_sentences
from claims.store import Store, writer_lock
from claims.tables import claims_frame, documents_frame
from claims.types import Claim, Document

Progress = Callable[[str, int, int | None], None]  # stage, done, total (None: unknown)
BATCH_DOCUMENTS = 500  # documents per store commit
BATCH_CHARS = 16 << 20  # or fewer, when they hold this much text (bounds memory)
_MIN_WORDS = 3  # shorter fragments ("What's going on?") are not worth a claim of their own


@dataclass
class IngestResult:
    documents_added: int = 0
    documents_skipped: int = 0
    claims_added: int = 0
    warnings: list[str] = field(default_factory=list)
    missing_paths: list[str] = field(default_factory=list)


def extract_claims(doc: Document, first_id: int = 0) -> list[Claim]:
    """Claims of one document: one per attribution, narrator sentences included."""
    out: list[Claim] = []
    sentences = split_sentences(doc.text)
    attributor = Attributor(sentences)
    for sent in sentences:
        for att in attributor.attribute(sent):
            content = doc.text[att.start:att.end]
            if len(content.split()) < _MIN_WORDS and att.speaker is None:
                continue
            out.append(Claim(
                id=first_id + len(out), doc_id=doc.id, source=doc.source,
                published=doc.published, sentence=sent.text, sentence_start=sent.start,
                sentence_end=sent.end, start=att.start, end=att.end, speaker=att.speaker,
                mention=att.mention, verb=att.verb, content=content,
                numbers=tuple(extract_quantities(doc.text, att.start, att.end)),
            ))
    return out


def _new_documents(docs: Iterable[Document], known: set[str],
                   result: IngestResult) -> Iterator[Document]:
    seen = set(known)
    for d in docs:
        if d.id in seen:
            result.documents_skipped += 1
            continue
        seen.add(d.id)
        yield d


def ingest(paths: Iterable[str], index_path: str, *, source: str | None = None,
           published: dt.date | None = None, model: str | None = None,
           stdin: TextIO | None = None, stdin_format: str = "txt",
           progress: Progress | None = None,
           warn: Callable[[str], None] | None = None,
           batch_documents: int = BATCH_DOCUMENTS, wait: bool = True) -> IngestResult:
    """Read, split, attribute, embed and store every new document under `paths`.

    One writer at a time: a second ingest waits for the first (or fails at once with
    wait=False). Documents are committed in batches, each batch atomically, so an interrupted
    ingest keeps what it finished and a re-run adds exactly the rest (finished documents are
    skipped by content hash, and claim ids follow input order either way).
    """
    with writer_lock(index_path, wait=wait, on_wait=warn):
        return _ingest(paths, index_path, source=source, published=published, model=model,
                       stdin=stdin, stdin_format=stdin_format, progress=progress, warn=warn,
                       batch_documents=batch_documents)


def _batches(docs: Iterable[Document], max_docs: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    chars = 0
    for d in docs:
        batch.append(d)
        chars += len(d.text)
        if len(batch) >= max_docs or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _ingest(paths: Iterable[str], index_path: str, *, source: str | None,
            published: dt.date | None, model: str | None, stdin: TextIO | None,
            stdin_format: str, progress: Progress | None, warn: Callable[[str], None] | None,
            batch_documents: int) -> IngestResult:
    result = IngestResult()

    def _warn(msg: str) -> None:
        result.warnings.append(msg)
        if warn:
            warn(msg)

    def _missing(msg: str) -> None:
        result.missing_paths.append(msg)
        _warn(msg)

    store = Store.create_or_open(index_path, model, DEFAULT_MODEL,
                                 lambda name: Embedder(name).dimension)
    embedder = Embedder(store.model)
    defaults = Defaults(source=source, published=published)
    docs = _new_documents(read_documents(paths, defaults, _warn, stdin, stdin_format, _missing),
                          store.known_doc_ids(), result)
    for batch in _batches(docs, batch_documents):
        claims: list[Claim] = []
        next_id = store.next_claim_id()
        for i, d in enumerate(batch, start=1):
            claims.extend(extract_claims(d, next_id + len(claims)))
            if progress:
                progress("documents", result.documents_added + i, None)

        def on_embed(done: int, _total: int, base: int = result.claims_added,
                     n: int = len(claims)) -> None:
            if progress:
                progress("embedding", base + done, base + n)

        vectors = embedder.encode([c.content for c in claims], progress=on_embed)
        store.append(documents_frame(batch, dt.datetime.now(dt.UTC)), claims_frame(claims),
                     vectors)
        result.documents_added += len(batch)
        result.claims_added += len(claims)
    return result
