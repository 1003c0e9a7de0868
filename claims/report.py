"""Batch reports: one ReportData value, rendered to Markdown, HTML and JSON.

`build_report` computes every number and list once; `render_markdown` and `render_html` only
lay it out (Jinja2 templates in claims/templates/, HTML autoescaped), and report.json is the
value itself. With a previous report.json, the report also says what is new and what is gone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

import polars as pl

from claims import __version__
from claims.conflicts import attribution, in_reason_order, strongest_first
from claims.relate import content_key, shown_scores
from claims.store import Store

REPORT_VERSION = 1
TOP = 50  # items per section


def _claim(c: dict[str, Any], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    d = docs.get(c["doc_id"], {})
    return {"claim_id": c["claim_id"], "key": content_key(c["content"]),
            "speaker": c["speaker"], "verb": c["verb"], "attribution": attribution(c),
            "content": c["content"],
            "sentence": c["sentence"], "source": c["source"],
            "published": c["published"].isoformat() if c["published"] else None,
            "doc_id": c["doc_id"], "url": d.get("uri"), "link": safe_url(d.get("uri")),
            "title": d.get("title")}


def _clash(a: dict[str, Any], b: dict[str, Any], r: dict[str, Any]) -> dict[str, Any]:
    """A clash as the report shows it: the sides in the order its reason quotes them."""
    reasons = list(r["reasons"] or [])
    a, b = in_reason_order(a, b, reasons)
    return {"a": a, "b": b, "score": r["score"], "method": r["method"], "reasons": reasons}


def build_report(store: Store, title: str = "Claims report",
                 previous: dict[str, Any] | None = None,
                 now: dt.datetime | None = None) -> dict[str, Any]:
    """The report as one JSON-able value (`now` fixes the timestamp, for golden files)."""
    claims_df = store.claims()
    docs_df = store.documents()
    rels = shown_scores(store.relations(), claims_df)
    groups_df = store.groups()
    docs = {r["doc_id"]: r for r in docs_df.select("doc_id", "uri", "title")
            .iter_rows(named=True)}
    by_id = {r["claim_id"]: _claim(r, docs) for r in claims_df.iter_rows(named=True)}
    clash_reasons: dict[tuple[int, int], dict[str, Any]] = {}
    for r in rels.filter(pl.col("kind") == "contradict").iter_rows(named=True):
        clash_reasons[(r["a"], r["b"])] = r

    contested, corroborated = [], []
    for g in groups_df.iter_rows(named=True):
        sides = [[by_id[c] for c in side] for side in g["sides"]]
        entry = {"group_id": g["group_id"], "canonical": by_id[g["canonical"]],
                 "sources": g["sources"], "speakers": g["speakers"],
                 "first_seen": g["first_seen"].isoformat() if g["first_seen"] else None,
                 "last_seen": g["last_seen"].isoformat() if g["last_seen"] else None,
                 "sides": [{"claims": s, "outlets": n_out, "speakers": n_spk,
                            "first": min(s, key=lambda c: (c["published"] or "9999",
                                                           c["claim_id"]))}
                           for s, n_out, n_spk in zip(sides, g["side_sources"],
                                                      g["side_speakers"], strict=True)]}
        if g["contested"]:
            members = {c: i for i, side in enumerate(g["sides"]) for c in side}
            entry["clashes"] = [_clash(by_id[a], by_id[b], r)
                                for (a, b), r in clash_reasons.items()
                                if a in members and b in members and members[a] != members[b]]
            entry["clashes"].sort(key=strongest_first)
            contested.append(entry)
        else:
            corroborated.append(entry)
    corroborated.sort(key=lambda e: (-len(e["sources"]), -len(e["sides"][0]["claims"]),
                                     e["group_id"]))
    numeric = [_clash(by_id[r["a"]], by_id[r["b"]], r)
               for r in rels.filter((pl.col("kind") == "contradict")
                                    & (pl.col("method") == "numbers")).iter_rows(named=True)]
    numeric.sort(key=lambda x: (x["a"]["source"], x["b"]["source"], x["a"]["claim_id"]))

    attributed = claims_df.filter(pl.col("speaker").is_not_null())
    outlets = sorted(docs_df["source"].unique().to_list()) if len(docs_df) else []
    matrix_counts = Counter(zip(attributed["speaker"].to_list(), attributed["source"].to_list(),
                                strict=True))
    speakers = [s for s, _ in Counter(attributed["speaker"].to_list()).most_common(TOP)]
    who = {"outlets": outlets, "speakers": speakers,
           "counts": [[matrix_counts.get((s, o), 0) for o in outlets] for s in speakers]}
    per_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in attributed.sort("published", "claim_id", nulls_last=True).iter_rows(named=True):
        if r["speaker"] in speakers and len(per_speaker[r["speaker"]]) < 10:
            per_speaker[r["speaker"]].append(by_id[r["claim_id"]])

    timeline = sorted(
        ({"date": e["first_seen"], "group_id": e["group_id"], "contested": "clashes" in e,
          "canonical": e["canonical"], "sources": e["sources"]}
         for e in contested + corroborated if e["first_seen"]),
        key=lambda t: (t["date"], t["group_id"]))

    data: dict[str, Any] = {
        "report_version": REPORT_VERSION,
        "title": title,
        "generated_at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "tool": f"claims-tracker {__version__}",
        "store": {"embedding_model": store.model, "judge_model":
                  store.manifest.get("judge_model"), "generation":
                  store.manifest.get("generation")},
        "headline": {"outlets": len(outlets), "documents": len(docs_df),
                     "claims": len(claims_df), "attributed_claims": len(attributed),
                     "groups": len(groups_df), "contested_groups": len(contested),
                     "corroborated_groups": len(corroborated),
                     "conflicts": len(clash_reasons),
                     "numeric_disagreements": len(numeric)},
        "contested": contested[:TOP],
        "corroborated": corroborated[:TOP],
        "numeric": numeric[:TOP],
        "who_says_what": who,
        "per_speaker": {s: per_speaker[s] for s in speakers},
        "timeline": timeline[:TOP],
        "grid": _grid(contested[:20], outlets),
        # everything `--since` compares, by content (ids change between stores)
        "keys": {"claims": sorted({c["key"] for c in by_id.values()}),
                 "groups": sorted({e["canonical"]["key"] for e in contested + corroborated}),
                 "conflicts": sorted({"|".join(sorted((by_id[a]["key"], by_id[b]["key"])))
                                      for a, b in clash_reasons})},
    }
    data["since"] = _since(data, previous, by_id, contested + corroborated) if previous else None
    return data


def _grid(contested: list[dict[str, Any]], outlets: list[str]) -> dict[str, Any]:
    """Outlets x contested groups: which side (1, 2, ...) each outlet carries, 0 for none."""
    rows = []
    for e in contested:
        cells = []
        for o in outlets:
            sides = sorted({i + 1 for i, s in enumerate(e["sides"])
                            for c in s["claims"] if c["source"] == o})
            cells.append(sides)
        rows.append({"group_id": e["group_id"], "label": e["canonical"]["content"][:80],
                     "cells": cells})
    return {"outlets": outlets, "rows": rows}


def _since(data: dict[str, Any], previous: dict[str, Any], by_id: dict[int, dict[str, Any]],
           groups: list[dict[str, Any]]) -> dict[str, Any]:
    old = previous.get("keys", {})
    new_claim_keys = set(data["keys"]["claims"]) - set(old.get("claims", []))
    new_group_keys = set(data["keys"]["groups"]) - set(old.get("groups", []))
    new_conflicts = set(data["keys"]["conflicts"]) - set(old.get("conflicts", []))
    by_key = {c["key"]: c for c in by_id.values()}
    return {
        "previous_generated_at": previous.get("generated_at"),
        "new_claims": [by_key[k] for k in sorted(new_claim_keys)][:TOP],
        "new_claims_count": len(new_claim_keys),
        "gone_claims_count": len(set(old.get("claims", [])) - set(data["keys"]["claims"])),
        "new_groups": [{"group_id": g["group_id"], "canonical": g["canonical"]}
                       for g in groups if g["canonical"]["key"] in new_group_keys][:TOP],
        "gone_groups_count": len(set(old.get("groups", [])) - set(data["keys"]["groups"])),
        "new_conflicts_count": len(new_conflicts),
        "gone_conflicts_count": len(set(old.get("conflicts", [])) -
                                    set(data["keys"]["conflicts"])),
    }


def safe_url(url: Any) -> str:
    """A link to the source, or "": only http(s) URLs, percent-encoded so that no character
    in them can open a tag or break out of an attribute or a Markdown link."""
    s = str(url or "").strip()
    if not s.lower().startswith(("http://", "https://")):
        return ""
    return quote(s, safe=":/?#@!$&'()*+,;=%~-._")


def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claims", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "j2"),
                                            default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


def md_escape(text: Any) -> str:
    """Text safe inside Markdown: no raw HTML, no table breaks, no stray emphasis."""
    s = "" if text is None else str(text)
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("`", "\\`"),
                 ("*", "\\*"), ("_", "\\_"), ("[", "\\["), ("]", "\\]"), ("\n", " ")):
        s = s.replace(a, b)
    return s


def _md_env() -> Any:
    env = _env()
    env.autoescape = False
    env.filters["md"] = md_escape
    return env


def render_markdown(data: dict[str, Any]) -> str:
    return str(_md_env().get_template("report.md.j2").render(r=data))


def render_html(data: dict[str, Any]) -> str:
    return str(_env().get_template("report.html.j2").render(r=data))


def write_report(store: Store, out: Path, title: str = "Claims report",
                 since: Path | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Write report.json, report.md and report.html into `out`; returns the report value."""
    from claims.errors import InputError

    previous = None
    if since is not None:
        try:
            previous = json.loads(Path(since).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"--since {since}: not a readable report.json ({e})") from None
    _folder(out)
    data = build_report(store, title, previous, now)
    _write(out / "report.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    _write(out / "report.md", render_markdown(data))
    _write(out / "report.html", render_html(data))
    return data


def _folder(out: Path) -> None:
    """Make the output folder, or say why it cannot be one."""
    from claims.errors import InputError

    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"--out {out}: a file of that name is in the way; give a folder "
                         "(it is made if it does not exist)") from None
    except OSError as e:
        raise InputError(f"--out {out}: cannot make that folder ({e.strerror})") from None


def write_index(out: Path, title: str, entries: list[dict[str, Any]]) -> None:
    """index.html and index.md listing the reports of a batch with their headline figures."""
    _folder(out)
    _write(out / "index.html", _env().get_template("index.html.j2").render(
        title=title, entries=entries))
    _write(out / "index.md", _md_env().get_template("index.md.j2").render(
        title=title, entries=entries))


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)

