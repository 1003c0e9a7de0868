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
from claims.store import Store
from claims.tables import claims_frame, documents_frame
from claims.types import Claim, Document

Progress = Callable[[str, int, int], None]
BATCH_DOCUMENTS = 500  # documents per store commit
_MIN_WORDS = 3  # shorter fragments ("What's going on?") are not worth a claim of their own


@dataclass
class IngestResult:
    documents_added: int = 0
    documents_skipped: int = 0
    claims_added: int = 0
    warnings: list[str] = field(default_factory=list)


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
           batch_documents: int = BATCH_DOCUMENTS) -> IngestResult:
    """Read, split, attribute, embed and store every new document under `paths`.

    Documents are committed to the store in batches, so an interrupted ingest keeps what it
    finished and a re-run picks up the rest (finished documents are skipped by content hash).
    """
    result = IngestResult()

    def _warn(msg: str) -> None:
        result.warnings.append(msg)
        if warn:
            warn(msg)

    store = Store.create_or_open(index_path, model, DEFAULT_MODEL,
                                 lambda name: Embedder(name).dimension)
    embedder = Embedder(store.model)
    defaults = Defaults(source=source, published=published)
    docs = list(_new_documents(read_documents(paths, defaults, _warn, stdin, stdin_format),
                               store.known_doc_ids(), result))
    embedded = 0
    for b in range(0, len(docs), batch_documents):
        batch = docs[b:b + batch_documents]
        claims: list[Claim] = []
        next_id = store.next_claim_id()
        for i, d in enumerate(batch, start=b + 1):
            claims.extend(extract_claims(d, next_id + len(claims)))
            if progress:
                progress("reading", i, len(docs))

        def on_embed(done: int, _total: int, base: int = embedded, n: int = len(claims)) -> None:
            if progress:
                progress("embedding", base + done, base + n)

        vectors = embedder.encode([c.content for c in claims], progress=on_embed)
        store.append(documents_frame(batch, dt.datetime.now(dt.UTC)), claims_frame(claims),
                     vectors)
        embedded += len(claims)
        result.documents_added += len(batch)
        result.claims_added += len(claims)
    return result
