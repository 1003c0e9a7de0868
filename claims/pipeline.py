"""The stages composed: documents -> sentences -> claims -> vectors -> store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from claims.attribute import Attributor
from claims.embed import DEFAULT_MODEL, Embedder
from claims.errors import ClaimsError, StoreError
from claims.ingest import Defaults, read_documents
from claims.judge import DEFAULT_JUDGE
from claims.numbers import extract_quantities
from claims.relate import judged_rows, restated_texts
from claims.relate import update as relate_update
from claims.speakers import kinds, story_forms
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
    attributor = Attributor(sentences, doc.source)
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


def one_name_each(claims: list[Claim], texts: dict[str, str],
                  known: Iterable[str] = ()) -> list[Claim]:
    """The claims with an organisation's short form ("the commission said", in an outlet
    that never names it in full) read as the one full name other documents of the batch or
    the store (`known`: its speakers) give it (`speakers.canonical`, checked against the
    words of the document, `texts` by document id), or else the one a document of the same
    story in the batch names (`speakers.story_forms`); the words said stay in `mention`."""
    names = {c.speaker for c in claims if c.speaker} | set(known)
    by_doc: dict[str, set[str]] = {}
    for c in claims:
        if c.speaker:
            by_doc.setdefault(c.doc_id, set()).add(c.speaker)
    called = kinds(names, texts.values())  # "the Kessenmark First party": a party
    mapped = story_forms(by_doc, texts, known, called)
    return [replace(c, speaker=mapped[(c.doc_id, c.speaker)])
            if c.speaker and (c.doc_id, c.speaker) in mapped else c for c in claims]


def return_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's malloc_trim) after a commit.
    A long ingest frees as much as it allocates, but the freed memory stays in the process,
    scattered between live blocks: on a 60k-claim ingest the resident heap was 870 MB
    without this and 600 MB with it; the 1M-claim ingest of benchmarks/scale.py peaked at
    3,337 MB with it and 4,165 MB without. Elsewhere than glibc this does nothing."""
    import ctypes
    import ctypes.util

    global _LIBC
    if _LIBC is None:
        try:
            _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _LIBC.malloc_trim  # noqa: B018  # glibc only
        except (OSError, AttributeError):
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC: Any = None


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
           batch_documents: int = BATCH_DOCUMENTS, wait: bool = True, relate: bool = True,
           judge: str | None = None) -> IngestResult:
    """Read, split, attribute, embed and store every new document under `paths`.

    One writer at a time: a second ingest waits for the first (or fails at once with
    wait=False). Documents are committed in batches, each batch atomically, so an interrupted
    ingest keeps what it finished and a re-run adds exactly the rest (finished documents are
    skipped by content hash, and claim ids follow input order either way). With `relate`, the
    new claims are judged against their nearest neighbours and the relations and groups are
    updated in the same commit.
    """
    with writer_lock(index_path, wait=wait, on_wait=warn):
        return _ingest(paths, index_path, source=source, published=published, model=model,
                       stdin=stdin, stdin_format=stdin_format, progress=progress, warn=warn,
                       batch_documents=batch_documents, relate=relate, judge=judge)


def _judge_for(store: Store, judge: str | None) -> str:
    """The judge of the store's relations; another one would mix verdicts silently."""
    built = store.manifest.get("judge_model")
    if judge is not None and built is not None and judge != built:
        raise StoreError(f"relations in {store.path} were judged by {built!r}, not {judge!r}; "
                         f"leave --judge-model out, or rebuild them all with "
                         f"`claims relate --judge-model {judge}`")
    return judge or built or DEFAULT_JUDGE


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
            batch_documents: int, relate: bool, judge: str | None) -> IngestResult:
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
    known: set[str] | None = None  # the store's speakers, read once (`one_name_each`)
    for batch in _batches(docs, batch_documents):
        claims: list[Claim] = []
        next_id = store.next_claim_id()
        for i, d in enumerate(batch, start=1):
            claims.extend(extract_claims(d, next_id + len(claims)))
            if progress:
                progress("documents", result.documents_added + i, None)
        if known is None:
            known = {s for s in store.claims()["speaker"].unique().to_list() if s}
        claims = one_name_each(claims, {d.id: d.text for d in batch}, known)
        known |= {c.speaker for c in claims if c.speaker}

        def on_embed(done: int, _total: int, base: int = result.claims_added,
                     n: int = len(claims)) -> None:
            if progress:
                progress("embedding", base + done, base + n)

        # a figure that answers the one before it is embedded as what it says ("the number
        # is 1,200" as "1,200 people have been displaced"), so it meets the claims it answers
        answers = restated_texts(judged_rows([  # in document order, as `relate` reads them
            (c.id, c.doc_id, c.content, c.speaker, c.verb, c.start, c.end,
             c.sentence[:c.start - c.sentence_start])
            for c in sorted(claims, key=lambda c: (c.doc_id, c.start))]))
        vectors = embedder.encode([answers.get(c.id, c.content) for c in claims],
                                  progress=on_embed)
        new_claims = claims_frame(claims)
        index = store.index_with(new_claims, vectors)
        extra: dict[str, Any] = {}
        if relate:
            judge_name = _judge_for(store, judge)
            relations, new_pairs, groups = relate_update(store, new_claims, index, judge_name,
                                                         progress=progress)
            extra = {"relations": relations, "new_pairs": new_pairs, "groups": groups,
                     "judge": judge_name}
        store.append(documents_frame(batch, dt.datetime.now(dt.UTC)), new_claims, vectors,
                     index=index, **extra)
        return_free_memory()
        result.documents_added += len(batch)
        result.claims_added += len(claims)
    return result


def relate(index_path: str, *, judge: str | None = None, wait: bool = True,
           progress: Progress | None = None) -> dict[str, int]:
    """Rebuild relations and groups for the whole store (e.g. after changing the judge);
    verdicts already cached for the same judge are reused."""
    with writer_lock(index_path, wait=wait):
        store = Store.open(index_path, locked=True)
        judge_name = judge or store.manifest.get("judge_model") or DEFAULT_JUDGE
        empty = store.claims().head(0)
        index = store.index()
        relations, new_pairs, groups = relate_update(store, empty, index, judge_name,
                                                     progress=progress, rebuild=True)
        store.append(store.documents().head(0), empty, index=index, relations=relations,
                     new_pairs=new_pairs, groups=groups, judge=judge_name)
        return {"relations": len(relations), "judged": len(new_pairs), "groups": len(groups),
                "contested": int(groups["contested"].sum())}


def report_each(corpora: Path, out: Path, title: str = "Claims reports",
                progress: Progress | None = None, warn: Callable[[str], None] | None = None,
                **ingest_options: Any) -> list[dict[str, Any]]:
    """One store and one report per sub-folder of `corpora`, plus index.md/index.html.
    A corpus that fails is listed with its error; the others still complete."""
    from claims.errors import InputError
    from claims.report import write_index, write_report

    if not corpora.is_dir():
        raise InputError(f"{corpora} is not a folder of corpora")
    folders = sorted(c for c in corpora.iterdir()
                     if c.is_dir() and not c.name.startswith((".", "_")))
    entries: list[dict[str, Any]] = []
    for i, folder in enumerate(folders):
        if progress:
            progress("corpora", i, len(folders))
        target = out / folder.name
        try:
            ingest([str(folder)], str(target / "index"), warn=warn, **ingest_options)
            data = write_report(Store.open(target / "index"), target, f"{title}: {folder.name}")
            entries.append({"name": folder.name, "ok": True, "headline": data["headline"]})
        except Exception as e:  # one bad corpus must not stop the batch
            message = str(e) if isinstance(e, ClaimsError) else f"{type(e).__name__}: {e}"
            entries.append({"name": folder.name, "ok": False, "error": message})
            if warn:
                warn(f"{folder.name}: {message}")
    if progress:
        progress("corpora", len(folders), len(folders))
    write_index(out, title, entries)
    return entries
