"""The `claims` command: parse options, call one library function, print the result.

Only this module talks to people. Library errors (`ClaimsError`) become one line on stderr
and a non-zero exit; tables go to stdout by default, JSON Lines with --json.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from claims import __version__
from claims.errors import ClaimsError

app = typer.Typer(
    name="claims",
    help="Track who claims what across outlets: ingest articles, search claims, judge pairs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])

IndexOpt = Annotated[str, typer.Option(
    "--index", envvar="CLAIMS_INDEX", metavar="DIR", help="Store folder (env CLAIMS_INDEX).",
    show_default=True)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON Lines for scripts.")]
JsonObjOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")]
DAY = "DATE"  # the metavar of a YYYY-MM-DD option


def _err(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def _handle_errors(func: F) -> F:
    """Turn library errors into one line on stderr and an exit code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimsError as e:
            _err(str(e))
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            _err("interrupted; the store keeps its last complete state")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # usage errors: typer prints them itself
        except Exception as e:  # a bug: say so in one line, keep the traceback on request
            if os.environ.get("CLAIMS_DEBUG"):
                raise
            _err(f"unexpected {type(e).__name__}: {e} (set CLAIMS_DEBUG=1 for the traceback)")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2020-02-15",
                                 param_hint=option) from None


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


class _progress:
    """A rich progress bar on stderr (only on a terminal); call it with (stage, done, total)."""

    def __init__(self, console: Any, quiet: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                             MofNCompleteColumn(), console=console, transient=True,
                             disable=quiet or not console.is_terminal)
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> Callable[[str, int, int | None], None]:
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._bar.__exit__(*exc)

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage.capitalize(), total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)


def _e(value: Any) -> str:
    """Text from documents shown in a rich console: "[the government]" stays as written."""
    from rich.markup import escape

    return escape("" if value is None else str(value))


def _warn_to(console: Any) -> Callable[[str], None]:
    return lambda msg: console.print(f"[yellow]warning:[/] {_e(msg)}", highlight=False,
                                     soft_wrap=True)


def _words(text: str) -> list[str]:
    """The words of a text, without punctuation: a narrator's claim is its sentence."""
    return re.findall(r"\w+", text.lower())


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _jsonable_deep(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable_deep(v) for v in value]
    return _jsonable(value)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claims {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Track who claims what across outlets."""


@app.command()
@_handle_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH",
        help="Files or folders to read (txt, md, html, json, jsonl, csv); '-' reads stdin.")],
    source: Annotated[str | None, typer.Option(
        metavar="OUTLET",
        help="Outlet for documents that don't name one (default: the parent folder's name).")
    ] = None,
    date: Annotated[str | None, typer.Option(
        metavar=DAY,
        help="Publication date (YYYY-MM-DD) for documents that don't give one.")] = None,
    model: Annotated[str | None, typer.Option(
        metavar="MODEL", help="Sentence-transformers model (path or name) for a new store; "
             "default: the bundled all-MiniLM-L6-v2.")] = None,
    stdin_format: Annotated[str, typer.Option(
        "--format", metavar="FORMAT",
        help="Format of stdin: txt, md, html, json, jsonl or csv.")] = "txt",
    wait: Annotated[bool, typer.Option(
        "--wait/--no-wait", help="If another ingest is writing the store: wait for it, or "
                                 "stop at once.")] = True,
    relate: Annotated[bool, typer.Option(
        "--relate/--no-relate", help="Judge new claims against their neighbours and update "
                                     "agreements, conflicts and groups.")] = True,
    judge_model: Annotated[str | None, typer.Option(
        metavar="MODEL",
        help="NLI cross-encoder for a new store's relations (default: the shipped judge); "
             "to change an existing store's judge use claims relate.")
    ] = None,
    index: IndexOpt = "index",
    as_json: JsonObjOpt = False,
) -> None:
    """Add documents to the store: split into claims, attribute speakers, embed, index.

    Documents already in the store (same text) are skipped, so re-running is safe.
    """
    from rich.console import Console

    from claims.pipeline import ingest as run_ingest

    published = _parse_day(date, "--date")
    console = Console(stderr=True)

    warn = _warn_to(console)

    with _progress(console, as_json) as progress:
        result = run_ingest(paths, index, source=source, published=published, model=model,
                            stdin=sys.stdin, stdin_format=stdin_format, progress=progress,
                            warn=warn, wait=wait, relate=relate, judge=judge_model)
    _ingest_summary(result, index, as_json)
    if result.missing_paths:
        raise typer.Exit(2)  # the rest was ingested, but a path the user named was not there
    if not result.documents_added and not result.documents_skipped:
        _err("nothing was read: no txt, md, html, json, jsonl or csv document with text in "
             "the paths given")
        raise typer.Exit(2)


def _ingest_summary(result: Any, index: str, as_json: bool) -> None:
    summary = {"documents_added": result.documents_added,
               "documents_skipped": result.documents_skipped,
               "claims_added": result.claims_added, "warnings": len(result.warnings),
               "missing_paths": len(result.missing_paths), "index": index}
    if as_json:
        typer.echo(json.dumps(summary))
        return
    typer.echo(f"Added {result.documents_added} document(s) and {result.claims_added} "
               f"claim(s) to {index}"
               + (f"; {result.documents_skipped} already there" if result.documents_skipped
                  else "")
               + (f"; {len(result.warnings)} warning(s)" if result.warnings else "") + ".")


@app.command()
@_handle_errors
def search(
    query: Annotated[str, typer.Argument(
        metavar="QUERY", help="What to look for, in plain words.")],
    k: Annotated[int, typer.Option("-k", "--top", min=1, metavar="N",
                                   help="How many claims to show.")] = 10,
    source: Annotated[list[str] | None, typer.Option(
        metavar="OUTLET", help="Only claims from this outlet (repeat for several).")] = None,
    speaker: Annotated[str | None, typer.Option(
        metavar="TEXT", help="Only claims whose speaker contains this text.")] = None,
    since: Annotated[str | None, typer.Option(
        metavar=DAY, help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(
        metavar=DAY, help="Published on or before (YYYY-MM-DD).")] = None,
    index: IndexOpt = "index",
    as_json: JsonOpt = False,
) -> None:
    """Find the claims closest in meaning to QUERY (cosine similarity of embeddings)."""
    if not query.strip():
        raise typer.BadParameter("say what to look for, e.g. claims search \"troops crossed "
                                 "the border\"", param_hint="QUERY")
    from claims.search import Filters
    from claims.search import search as run_search
    from claims.store import Store

    filters = Filters(sources=tuple(source or ()), speaker=speaker,
                      since=_parse_day(since, "--since"), until=_parse_day(until, "--until"))
    store = Store.open(index)
    _check_filters(store, source, filters.since, filters.until)
    hits = run_search(store, query, k=k, filters=filters)
    if as_json:
        for row in hits.iter_rows(named=True):
            typer.echo(json.dumps({key: _jsonable(v) for key, v in row.items()},
                                  ensure_ascii=False))
        return
    if hits.is_empty():
        typer.echo("No matching claims." + (" Try fewer filters." if filters.active else ""))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("speaker")
    table.add_column("verb")
    table.add_column("source", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("claim", ratio=1)
    from rich.text import Text

    for row in hits.iter_rows(named=True):
        claim = Text(row["content"])
        if _words(row["sentence"]) != _words(row["content"]):  # the sentence it came out
            claim.append("\nin: " + _shorten(row["sentence"], 160), style="dim")  # of
        table.add_row(f"{row['score']:.3f}",
                      Text(row["speaker"]) if row["speaker"] else Text("narrator", style="dim"),
                      Text(row["verb"] or ""), Text(row["source"] or ""),
                      row["published"].isoformat() if row["published"] else "", claim)
    Console().print(table)


@app.command()
@_handle_errors
def stats(index: IndexOpt = "index", as_json: JsonObjOpt = False) -> None:
    """Summarise the store: documents, claims, outlets, speakers, dates, model."""
    from claims.search import stats as run_stats
    from claims.store import Store

    data = run_stats(Store.open(index))
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{_e(data['store'])}[/]: {data['documents']} documents, {data['claims']} "
                  f"claims ({data['attributed_claims']} attributed), {data['sources']} "
                  f"sources, {data['speakers']} speakers")
    if data["first_published"]:
        console.print(f"published {data['first_published']} to {data['last_published']}")
    console.print(f"model {_e(data['embedding_model'])} ({data['dimension']}-d), "
                  f"index {data['index_type']}")
    table = Table("source", "documents", "claims", header_style="bold")
    by_source: dict[str, dict[str, int]] = data["by_source"]  # type: ignore[assignment]
    for name, row in by_source.items():
        table.add_row(_e(name), str(row["documents"]), str(row["claims"]))
    console.print(table)


def _more(shown: int, found: int, what: str) -> None:
    """Say on stderr that a list was cut (stdout stays the list itself)."""
    if shown < found:
        typer.echo(f"showing {shown} of {found} {what}; --limit N shows more", err=True)


def _check_filters(store: Any, sources: list[str] | None, since: dt.date | None,
                   until: dt.date | None) -> None:
    """A date range that cannot hold anything is a usage error; an outlet the store does
    not have is said on stderr, with its nearest names (the list itself stays empty)."""
    if since is not None and until is not None and since > until:
        raise typer.BadParameter(f"--since {since} is after --until {until}",
                                 param_hint="--since")
    if not sources:
        return
    import difflib

    known = sorted({s for s in store.documents()["source"].to_list() if s})
    by_lower = {k.lower(): k for k in known}
    for name in sources:
        if name.lower() not in by_lower:
            close = [by_lower[c] for c in difflib.get_close_matches(name.lower(), by_lower)]
            hint = f"did you mean {', '.join(close)}? " if close else ""
            typer.echo(f"warning: no outlet called {name!r} in this store; {hint}"
                       f"`claims stats` lists its {len(known)} outlets", err=True)


def _claim_line(c: dict[str, Any]) -> str:
    from claims.conflicts import attribution

    who = attribution(c)
    when = f", {c['published'].isoformat()}" if c["published"] else ""
    return f"{who} ({c['source']}{when})"


@app.command()
@_handle_errors
def conflicts(
    source: Annotated[list[str] | None, typer.Option(
        metavar="OUTLET", help="Only clashes with a side from this outlet (repeat for several).")
    ] = None,
    speaker: Annotated[str | None, typer.Option(
        metavar="TEXT", help="Only clashes with a side whose speaker contains this text.")
    ] = None,
    min_score: Annotated[float, typer.Option(
        min=0.0, max=1.0, metavar="SCORE",
        help="Only clashes at least this sure: the share of clashes found the same way that "
             "were right on the sample sets (0.5 leaves out the model's alone).")] = 0.0,
    since: Annotated[str | None, typer.Option(
        metavar=DAY, help="A side published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(
        metavar=DAY, help="A side published on or before (YYYY-MM-DD).")] = None,
    method: Annotated[list[str] | None, typer.Option(
        metavar="METHOD",
        help="Only clashes found this way: numbers, negation, denial or model (repeat for "
             "several). A clash from the model alone was right about four times in ten on the "
             "sample sets it was tuned on and one in three on those it was not; leave it out "
             "for fewer, surer clashes.")] = None,
    sort: Annotated[str, typer.Option(
        metavar="ORDER", help="strongest or newest first.")] = "strongest",
    limit: Annotated[int, typer.Option("-n", "--limit", min=1, metavar="N",
                                       help="How many to show.")] = 50,
    index: IndexOpt = "index",
    as_json: JsonOpt = False,
) -> None:
    """Claims that clash: both quotes side by side, who said them, where, and why."""
    from claims.conflicts import CLASH_METHODS, ConflictFilters
    from claims.conflicts import conflicts as run_conflicts
    from claims.store import Store

    if sort not in ("strongest", "newest"):
        raise typer.BadParameter("use strongest or newest", param_hint="--sort")
    unknown = sorted({m.lower() for m in method or ()} - set(CLASH_METHODS))
    if unknown:
        raise typer.BadParameter(f"unknown {', '.join(unknown)}: use "
                                 f"{', '.join(CLASH_METHODS)}", param_hint="--method")
    store = Store.open(index)
    first, last = _parse_day(since, "--since"), _parse_day(until, "--until")
    _check_filters(store, source, first, last)
    every = run_conflicts(store, ConflictFilters(
        tuple(source or ()), speaker, min_score, first, last, tuple(method or ())), sort=sort)
    found = every[:limit]
    _more(len(found), len(every), "clashes")
    if as_json:
        for c in found:
            typer.echo(json.dumps(_jsonable_deep(c), ensure_ascii=False))
        return
    if not found:
        typer.echo("No conflicts found." + (" Try fewer filters." if source or speaker or
                                             since or until or min_score or method else ""))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(header_style="bold", show_lines=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("one side", ratio=1)
    table.add_column("the other side", ratio=1)
    table.add_column("why", ratio=1)
    for c in found:
        table.add_row(f"{c['score']:.2f}",
                      f"[bold]{_e(_claim_line(c['a']))}[/]\n{_e(c['a']['content'])}",
                      f"[bold]{_e(_claim_line(c['b']))}[/]\n{_e(c['b']['content'])}",
                      _e("\n".join(c["reasons"])))
    Console().print(table)


@app.command()
@_handle_errors
def groups(
    contested: Annotated[bool, typer.Option(help="Only groups whose sides clash.")] = False,
    limit: Annotated[int, typer.Option("-n", "--limit", min=1, metavar="N",
                                       help="How many to show.")] = 50,
    index: IndexOpt = "index",
    as_json: JsonOpt = False,
) -> None:
    """Claims grouped by what they say: corroborated claims, and contested matters with sides."""
    from claims.conflicts import groups as run_groups
    from claims.store import Store

    every = run_groups(Store.open(index), contested_only=contested)
    found = every[:limit]
    _more(len(found), len(every), "groups")
    if as_json:
        for g in found:
            typer.echo(json.dumps(_jsonable_deep(g), ensure_ascii=False))
        return
    if not found:
        typer.echo("No groups yet: ingest documents from several outlets, or run claims relate.")
        return
    from rich.console import Console

    out = Console()
    for g in found:
        tag = "[red]contested[/]" if g["contested"] else "[green]corroborated[/]"
        out.print(f"[bold]#{g['group_id']}[/] {tag} · {len(g['sources'])} outlet(s): "
                  f"{_e(', '.join(g['sources']))}", highlight=False)
        for i, side in enumerate(g["sides"]):
            label = f"  side {i + 1}" if g["contested"] else "  "
            out.print(f"{label} ({g['side_sources'][i]} outlet(s), {g['side_speakers'][i]} "
                      f"speaker(s))", highlight=False)
            for c in side:
                out.print(f"    - {_e(_claim_line(c))}: {_e(_shorten(c['content'], 140))}",
                          highlight=False)


@app.command()
@_handle_errors
def relate(
    judge_model: Annotated[str | None, typer.Option(
        metavar="MODEL",
        help="NLI cross-encoder to judge with (default: the store's judge, else the shipped "
             "one).")] = None,
    wait: Annotated[bool, typer.Option("--wait/--no-wait",
                                       help="Wait for a running ingest.")] = True,
    index: IndexOpt = "index",
    as_json: JsonObjOpt = False,
) -> None:
    """Rebuild agreements, conflicts and groups for the whole store (e.g. after a new judge)."""
    from rich.console import Console

    from claims.pipeline import relate as run_relate

    with _progress(Console(stderr=True), as_json) as progress:
        summary = run_relate(index, judge=judge_model, wait=wait, progress=progress)
    if as_json:
        typer.echo(json.dumps(summary))
    else:
        typer.echo(f"{summary['relations']} relation(s), {summary['groups']} group(s) "
                   f"({summary['contested']} contested); judged {summary['judged']} new pair(s).")


@app.command()
@_handle_errors
def report(
    out: Annotated[str, typer.Option(
        metavar="DIR", help="Folder for report.md, report.html, report.json.")] = "report",
    title: Annotated[str, typer.Option(metavar="TEXT", help="Title at the top of the report.")
                     ] = "Claims report",
    since: Annotated[str | None, typer.Option(
        metavar="REPORT_JSON",
        help="A previous report.json (not a date): say what is new and what is gone since "
             "then.")] = None,
    each: Annotated[str | None, typer.Option(
        metavar="DIR",
        help="A folder of corpora: one store and one report per sub-folder, plus an index.")
    ] = None,
    index: IndexOpt = "index",
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print JSON for scripts: the headline as one object (with --each, a "
                       "list of the reports written).")] = False,
) -> None:
    """Write batch reports (Markdown, self-contained HTML, JSON) for an editor to read."""
    from pathlib import Path

    from rich.console import Console

    from claims.pipeline import report_each
    from claims.report import write_report
    from claims.store import Store

    console = Console(stderr=True)
    if each is not None:
        with _progress(console, as_json) as progress:
            entries = report_each(Path(each), Path(out), title, progress=progress,
                                  warn=_warn_to(console))
        if as_json:
            typer.echo(json.dumps(entries))
        else:
            good = sum(e["ok"] for e in entries)
            typer.echo(f"Wrote {good} report(s) and {out}/index.html"
                       + (f"; {len(entries) - good} corpus(es) failed" if good < len(entries)
                          else "") + ".")
        if not any(e["ok"] for e in entries):
            raise typer.Exit(1)
        return
    data = write_report(Store.open(index), Path(out), title,
                        Path(since) if since else None)
    if as_json:
        typer.echo(json.dumps(data["headline"]))
    else:
        h = data["headline"]
        typer.echo(f"Wrote {out}/report.md, report.html and report.json: {h['claims']} claims "
                   f"from {h['outlets']} outlet(s), {h['contested_groups']} contested and "
                   f"{h['corroborated_groups']} corroborated group(s).")


@app.command()
@_handle_errors
def check(index: IndexOpt = "index", as_json: JsonObjOpt = False) -> None:
    """Verify the store: every file against its checksum, vectors against claims."""
    from claims.store import check as run_check

    problems = run_check(index)
    if as_json:
        typer.echo(json.dumps({"ok": not problems, "problems": problems}))
    else:
        for p in problems:
            _err(p)
        if not problems:
            typer.echo(f"{index}: every file matches its checksum.")
    if problems:
        raise typer.Exit(3)


@app.command()
@_handle_errors
def repair(index: IndexOpt = "index") -> None:
    """Go back to the newest intact state of a damaged store (re-ingest to redo the rest)."""
    from claims.store import repair as run_repair

    gen = run_repair(index)
    if gen is None:
        typer.echo(f"{index} is intact; nothing to repair.")
    else:
        typer.echo(f"{index} now serves generation {gen}. Documents added after it are gone: "
                   f"run the same `claims ingest` again to add them back (nothing is added "
                   f"twice).")


@app.command()
@_handle_errors
def judge(
    premise: Annotated[str | None, typer.Argument(
        metavar="PREMISE", help="The first claim.")] = None,
    hypothesis: Annotated[str | None, typer.Argument(
        metavar="HYPOTHESIS", help="The second claim.")] = None,
    pairs: Annotated[str | None, typer.Option(
        metavar="FILE",
        help="TSV with a header containing 'premise' and 'hypothesis' ('-' for stdin); "
             "other columns are ignored.")] = None,
    judge_model: Annotated[str | None, typer.Option(
        metavar="MODEL",
        help="A Hugging Face NLI cross-encoder (path or name) instead of the shipped judge.")
    ] = None,
    keep_wrappers: Annotated[bool, typer.Option(
        help="Judge the texts as given, without removing 'X said' wrappers.")] = False,
    index: IndexOpt = "index",
    as_json: JsonOpt = False,
) -> None:
    """Does PREMISE entail, contradict or leave open HYPOTHESIS? Model and rules, with reasons."""
    from rich.console import Console

    from claims.errors import InputError
    from claims.judge import judge_texts, read_pairs_tsv

    if pairs is not None:
        if premise is not None:
            raise InputError("give either PREMISE HYPOTHESIS or --pairs FILE, not both")
        rows = read_pairs_tsv(pairs)
    elif premise is not None and hypothesis is not None:
        rows = [(premise, hypothesis)]
    else:
        raise InputError("give PREMISE and HYPOTHESIS, or --pairs FILE (see claims judge --help)")
    console = Console(stderr=True)
    with _progress(console, as_json) as progress:
        verdicts = judge_texts(rows, name=judge_model, index=index,
                               strip_wrappers=not keep_wrappers,
                               progress=lambda d, t: progress("judging", d, t))
    if as_json:
        for v in verdicts:
            typer.echo(json.dumps({"label": v.label, "scores": v.scores,
                                   "similarity": v.similarity, "reasons": list(v.reasons),
                                   "method": v.method, "premise": v.premise,
                                   "hypothesis": v.hypothesis}, ensure_ascii=False))
        return
    from rich.table import Table

    colour = {"contradiction": "red", "entailment": "green", "neutral": "yellow"}
    out = Console()
    if len(verdicts) == 1:
        v = verdicts[0]
        sim = f"   similarity {v.similarity:.2f}" if v.similarity is not None else ""
        out.print(f"[bold {colour[v.label]}]{v.label}[/] ({_sureness(v)}){sim}")
        out.print(f"  premise:    {_e(v.premise)}", highlight=False)
        out.print(f"  hypothesis: {_e(v.hypothesis)}", highlight=False)
        for r in v.reasons:
            out.print(f"  why:        {_e(r)}", highlight=False)
        return
    table = Table(header_style="bold")
    for col in ("label", "p", "sim", "premise", "hypothesis", "why"):
        table.add_column(col)
    for v in verdicts:
        table.add_row(f"[{colour[v.label]}]{v.label}[/]", _sureness(v),
                      f"{v.similarity:.2f}" if v.similarity is not None else "",
                      _e(_shorten(v.premise, 120)), _e(_shorten(v.hypothesis, 120)),
                      _e("; ".join(v.reasons)))
    out.print(table)


def _sureness(v: Any) -> str:
    """The model's probability of its label, or the rule that decided (a rule's label can go
    against the model's: "numbers rule", not the model's 0.03 for contradiction)."""
    return f"{v.scores[v.label]:.2f}" if v.method == "model" else f"{v.method} rule"


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
