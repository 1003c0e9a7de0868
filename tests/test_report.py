"""Reports: one value, three renderings; hostile text escaped; --since; --each."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.pipeline import ingest
from claims.report import build_report, md_escape, render_html, render_markdown, write_report
from claims.store import Store
from tests import fake_embedder
from tests.test_judge import build_tiny_nli

runner = CliRunner()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

HOSTILE = [
    {"text": 'Police said <script>alert("x")</script> the road was closed on Monday.\n\n'
             'Officials said 40 firefighters fought the fire.',
     "source": "evil<img src=x onerror=alert(1)>", "published": "2026-03-03",
     "title": "<script>alert(2)</script>", "url": "javascript:alert(3)"},
    {"text": "Officials said 60 firefighters fought the fire.\n\n"
             "The mayor said the road was closed on Monday.",
     "source": "good", "published": "2026-03-04", "title": "Fire",
     "url": "https://x.example/a?b=<img\tsrc=x\tonerror=alert(4)//>"},
]


@pytest.fixture(scope="module")
def tiny_judge(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("judge")
    return str(build_tiny_nli(path, {0: "contradiction", 1: "entailment", 2: "neutral"}, 0))


@pytest.fixture()
def hostile_store(tmp_path, tiny_judge, monkeypatch) -> Path:
    f = tmp_path / "docs.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    index = tmp_path / "index"
    # Real embeddings (numbers must look alike to be compared); the judge is tiny and fixed.
    ingest([str(f)], str(index), judge=tiny_judge)
    return index


def test_the_three_renderings_come_from_one_value(hostile_store):
    data = build_report(Store.open(hostile_store), "T", now=NOW)
    assert json.loads(json.dumps(data)) == data  # report.json is the value itself
    md, html = render_markdown(data), render_html(data)
    h = data["headline"]
    assert h["documents"] == 2 and h["outlets"] == 2 and h["claims"] == 4
    assert h["numeric_disagreements"] >= 1
    for figure in (h["documents"], h["claims"], h["conflicts"]):
        assert f">{figure}<" in html.replace("<b>", ">").replace("</b>", "<")
    assert f"| {h['outlets']} | {h['documents']} | {h['claims']} |" in md
    assert "40 firefighters" in md and "60 firefighters" in md


def test_hostile_text_comes_out_escaped(hostile_store):
    data = build_report(Store.open(hostile_store), "<script>alert(0)</script>", now=NOW)
    html = render_html(data)
    md = render_markdown(data)
    for out in (html, md):
        assert "<script" not in out.lower()  # none at all, not even the report's own
        assert "onerror=alert(1)>" not in out
        assert "javascript:" not in out
    assert "&lt;script&gt;alert" in html
    assert 'href="https://x.example/a?b=%3Cimg%09src=x%09onerror=alert(4)//%3E"' in html
    assert "(<https://x.example/a?b=%3Cimg%09src=x%09onerror=alert(4)//%3E>)" in md
    assert "<img" not in md and "<img" not in html
    assert html.count("<script") == 0 and "http-equiv=\"Content-Security-Policy\"" in html
    assert md_escape("a|b <i>") == "a\\|b &lt;i&gt;"


def test_since_says_what_is_new_and_what_is_gone(tmp_path, monkeypatch):
    fake_embedder.install(monkeypatch)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("The mayor said the road was closed.",
                                             encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Police said the bridge reopened on Friday.",
                                             encoding="utf-8")
    first, second = tmp_path / "s1", tmp_path / "s2"
    ingest([str(tmp_path / "a")], str(first))
    ingest([str(tmp_path / "a"), str(tmp_path / "b")], str(second))
    write_report(Store.open(first), tmp_path / "r1", now=NOW)
    r = runner.invoke(app, ["report", "--index", str(second), "--out", str(tmp_path / "r2"),
                            "--since", str(tmp_path / "r1" / "report.json")])
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "r2" / "report.json").read_text())
    since = data["since"]
    assert since["new_claims_count"] == 1 and since["gone_claims_count"] == 0
    assert since["new_claims"][0]["content"] == "the bridge reopened on Friday"
    assert "the bridge reopened on Friday" in (tmp_path / "r2" / "report.md").read_text()
    back = write_report(Store.open(first), tmp_path / "r3",
                        since=tmp_path / "r2" / "report.json", now=NOW)
    assert back["since"]["gone_claims_count"] == 1 and back["since"]["new_claims_count"] == 0
    r = runner.invoke(app, ["report", "--index", str(second), "--out", str(tmp_path / "r4"),
                            "--since", str(tmp_path / "nothing.json")])
    assert r.exit_code == 2 and "not a readable report.json" in r.stderr


def test_each_corpus_gets_a_report_and_a_bad_one_does_not_stop_the_rest(tmp_path, monkeypatch):
    fake_embedder.install(monkeypatch)
    corpora = tmp_path / "corpora"
    for name, text in (("alpha", "The mayor said the road was closed."),
                       ("beta", "Police said the bridge reopened on Friday.")):
        (corpora / name / "outlet").mkdir(parents=True)
        (corpora / name / "outlet" / "doc.txt").write_text(text, encoding="utf-8")
    (corpora / "broken").mkdir()
    (corpora / "broken" / "junk.txt").write_bytes(b"\x00\x01\x02")  # nothing readable
    out = tmp_path / "out"
    r = runner.invoke(app, ["report", "--each", str(corpora), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "Wrote 2 report(s)" in r.stdout and "1 corpus(es) failed" in r.stdout
    for name in ("alpha", "beta"):
        assert (out / name / "report.html").exists() and (out / name / "report.md").exists()
    index_html = (out / "index.html").read_text()
    assert 'href="alpha/report.html"' in index_html and "failed: " in index_html
    assert "[alpha](alpha/report.md)" in (out / "index.md").read_text()


CHROMIUM = Path("/usr/bin/chromium")


def chromium(page: Path, tmp: Path) -> tuple[str, list[str]]:
    """Render a page headless; return its DOM and the URLs the page itself requested."""
    import subprocess

    netlog = tmp / f"netlog-{page.stem}.json"
    out = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp / ('profile-' + page.stem)}",
         f"--log-net-log={netlog}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True)
    log = json.loads(netlog.read_text())
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    # The page's own requests carry its (opaque, file://) origin as initiator: "null";
    # the browser's own background requests carry "not an origin".
    starts = [e["params"] for e in log["events"]
              if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in e.get("params", {})]
    requested = [p["url"] for p in starts if p.get("initiator") != "not an origin"]
    return out.stdout, requested


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed "
                    "(.ci/run installs it)")
def test_browser_shows_the_seeds_clash_and_loads_nothing(tmp_path, tiny_judge):
    from tests.conftest import SEEDS

    index = tmp_path / "index"
    ingest([str(SEEDS / "idlib")], str(index), judge=tiny_judge)
    write_report(Store.open(index), tmp_path / "report", "Idlib")
    dom, requested = chromium(tmp_path / "report" / "report.html", tmp_path)
    assert requested == []
    clash = next(block for block in dom.split('<article class="clash"')
                 if "fulfilled its responsibilities" in block)
    assert "neutralise terrorists" in clash and "Fuat Oktay" in clash and "Russia" in clash
    # The check itself works: a page that does load something is caught (loopback only).
    control = tmp_path / "control.html"
    control.write_text('<img src="http://127.0.0.1:9/pixel.png">', encoding="utf-8")
    assert chromium(control, tmp_path)[1] == ["http://127.0.0.1:9/pixel.png"]
