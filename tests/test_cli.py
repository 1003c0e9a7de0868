"""The command line contract: exit codes, tables, JSON Lines, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from claims.cli import app
from tests.conftest import ROOT, SEED_ARTICLE, SEEDS

runner = CliRunner()

SEARCH_KEYS = {"claim_id", "score", "sentence", "content", "speaker", "verb", "source",
               "published", "doc_id"}


def run(*args: str, **kw):
    return runner.invoke(app, list(args), **kw)


def test_search_json_lines(seed_store):
    r = run("search", "Turkey failed to neutralise terrorists in Idlib", "-k", "3",
            "--index", str(seed_store), "--json")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 3
    assert all(SEARCH_KEYS <= set(row) for row in rows)
    assert rows[0]["speaker"] == "Russia"


def test_search_filters_on_the_command_line(seed_store):
    r = run("search", "toxic smoke", "--source", "daily-ledger", "--speaker", "green tide",
            "--since", "2026-03-01", "--until", "2026-03-31", "--index", str(seed_store),
            "--json")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(x["source"] == "daily-ledger" and x["speaker"] == "Green Tide"
                        for x in rows)


def test_search_table_for_people(seed_store):
    r = run("search", "800,000 people fled", "-k", "2", "--index", str(seed_store))
    assert r.exit_code == 0
    assert "United Nations" in r.stdout and "score" in r.stdout


def test_index_from_environment(seed_store):
    r = run("stats", "--json", env={"CLAIMS_INDEX": str(seed_store)})
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    listed = [d for f in sorted(SEEDS.glob("*/_answers.json"))
              for d in json.loads(f.read_text())["documents"]]
    assert data["documents"] == len(listed)
    assert data["sources"] == len({d["source"] for d in listed})
    assert data["claims"] >= len(listed) * 5


def test_ingest_reports_and_is_idempotent(tmp_path):
    idx = str(tmp_path / "idx")
    r = run("ingest", str(SEED_ARTICLE), "--index", idx, "--json", "--no-relate")
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout)
    assert first["documents_added"] == 1 and first["claims_added"] > 30
    r = run("ingest", str(SEED_ARTICLE), "--index", idx, "--no-relate")
    assert r.exit_code == 0
    assert "Added 0 document(s) and 0 claim(s)" in r.stdout and "1 already there" in r.stdout


def test_ingest_from_stdin_with_source_and_date(tmp_path):
    idx = str(tmp_path / "idx")
    r = run("ingest", "-", "--source", "tass", "--date", "2020-02-15", "--index", idx,
            "--no-relate",
            input="Moscow said the talks failed.\n")
    assert r.exit_code == 0, r.output
    r = run("search", "talks", "--index", idx, "--json")
    row = json.loads(r.stdout.splitlines()[0])
    assert (row["source"], row["published"], row["speaker"]) == ("tass", "2020-02-15", "Moscow")


def test_errors_are_one_line_with_a_next_step(tmp_path):
    r = run("search", "x", "--index", str(tmp_path / "none"))
    assert r.exit_code != 0
    assert r.stderr.strip().count("\n") == 0
    assert "run `claims ingest PATH` first" in r.stderr
    assert "Traceback" not in r.output
    r = run("ingest", str(tmp_path / "missing.txt"), "--index", str(tmp_path / "i"))
    assert r.exit_code != 0 and "missing.txt: no such file or folder" in r.stderr
    r = run("ingest", str(SEED_ARTICLE), "--date", "15/02/2020", "--index", str(tmp_path / "i"))
    assert r.exit_code == 2 and "not a date" in r.output


def test_warnings_go_to_stderr_and_the_rest_is_kept(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "Police said the road is shut."}\n{oops\n')
    r = run("ingest", str(tmp_path / "bad.jsonl"), "--index", str(tmp_path / "i"))
    assert r.exit_code == 0
    assert "bad.jsonl:2" in r.stderr and "Added 1 document(s)" in r.stdout


def test_python_dash_m_and_help_is_fast_to_import():
    out = subprocess.run([sys.executable, "-m", "claims", "--help"], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    assert "ingest" in out.stdout and "search" in out.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, claims.cli; "
         "print(any(m in sys.modules for m in ('torch', 'faiss', 'sentence_transformers')))"],
        capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "False"


def test_brackets_in_quotes_are_printed_as_written(tmp_path):
    idx = str(tmp_path / "idx")
    text = 'The minister said "[the government] failed" and costs [/] rose.'
    r = run("ingest", "-", "--source", "[bold]wire", "--index", idx, "--no-relate",
            input=text + "\n")
    assert r.exit_code == 0, r.output
    r = run("search", "government failed", "--index", idx)
    assert r.exit_code == 0, r.output
    flat = " ".join(r.stdout.split())
    assert "[the government]" in flat and "costs [/] rose" in flat and "[bold]wire" in flat


def test_help_names_what_each_option_takes():
    for command in ("ingest", "search", "conflicts", "groups", "report", "judge", "stats"):
        r = run(command, "--help")
        assert r.exit_code == 0
        options = [line for line in r.stdout.splitlines() if line.lstrip().startswith("-")]
        assert options and not any("<" in line for line in options), r.stdout  # no "<str>"
        assert "╭" not in r.stdout  # plain text, no boxes
    r = run("conflicts", "--help")
    flat = " ".join(r.stdout.split())
    assert "--since DATE" in flat and "--source OUTLET" in flat and "--limit N" in flat
    assert "--json Print JSON Lines" in flat
    assert "--json Print one JSON object" in " ".join(run("stats", "--help").stdout.split())
    r = run("conflicts", "--sinse", "2020-01-01")  # a usage error: plain lines, exit 2
    assert r.exit_code == 2 and "No such option: --sinse" in r.output and "╭" not in r.output


def test_an_empty_query_is_a_usage_error(seed_store):
    r = run("search", "  ", "--index", str(seed_store))
    assert r.exit_code == 2 and "say what to look for" in r.output


def test_files_claims_cannot_read_are_named_not_stored(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "story.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 word")
    (folder / "wire.txt").write_text("Police said the road is shut.\n", encoding="utf-8")
    idx = str(tmp_path / "i")
    r = run("ingest", str(folder), "--index", idx, "--no-relate")
    assert r.exit_code == 0, r.output  # the text file is read...
    assert "Added 1 document(s)" in r.stdout
    assert "skipped 2 file(s)" in r.stderr and ".docx, .pdf" in r.stderr  # ...the rest named
    r = run("ingest", str(folder / "story.pdf"), "--index", idx, "--no-relate")
    assert r.exit_code == 2  # named on its own: said, and nothing read is an error
    assert "not .pdf" in r.stderr and "nothing was read" in r.stderr
    docs = json.loads(run("stats", "--index", idx, "--json").stdout)["documents"]
    assert docs == 1  # no %PDF text stored as a document
    (tmp_path / "empty").mkdir()
    r = run("ingest", str(tmp_path / "empty"), "--index", str(tmp_path / "j"), "--no-relate")
    assert r.exit_code == 2 and "nothing was read" in r.stderr


def test_report_out_must_be_a_folder(seed_store, tmp_path):
    (tmp_path / "taken").write_text("x")
    r = run("report", "--out", str(tmp_path / "taken"), "--index", str(seed_store))
    assert r.exit_code == 2 and "a file of that name is in the way" in r.stderr
    assert r.stderr.strip().count("\n") == 0


def test_a_side_says_who_said_it_and_how():
    from claims.conflicts import attribution

    assert attribution({"speaker": "Ilse Dravant", "verb": "denied"}) == "Ilse Dravant denied"
    assert attribution({"speaker": "the coastguard", "verb": "according to"}) == \
        "according to the coastguard"
    assert attribution({"speaker": "ROSK", "verb": None}) == "ROSK"  # a transcript turn
    assert attribution({"speaker": None, "verb": None}) == "narrator"


def test_filters_that_cannot_match_say_why(seed_store):
    r = run("search", "toxic smoke", "--source", "tass", "--index", str(seed_store))
    assert r.exit_code == 0 and "No matching claims" in r.stdout
    assert "no outlet called 'tass' in this store; `claims stats` lists its" in r.stderr
    r = run("search", "toxic smoke", "--source", "daily-ledgr", "--index", str(seed_store))
    assert "did you mean daily-ledger," in r.stderr  # a misspelt outlet: the nearest first
    r = run("search", "toxic smoke", "--source", "Daily-Ledger", "--index", str(seed_store))
    assert r.exit_code == 0 and "warning" not in r.stderr  # case does not matter
    r = run("conflicts", "--since", "2026-04-01", "--until", "2026-03-01",
            "--index", str(seed_store))
    assert r.exit_code == 2 and "is after --until" in r.output


def test_the_sides_of_a_clash_read_in_the_order_of_its_reason():
    from claims.conflicts import in_reason_order

    forty = {"content": "40 firefighters fought the blaze"}
    sixty = {"content": "Around 60 firefighters were sent"}
    reason = ["numbers: 'Around 60 firefighters' vs '40 firefighters' (firefighters)"]
    assert in_reason_order(forty, sixty, reason) == (sixty, forty)
    assert in_reason_order(sixty, forty, reason) == (sixty, forty)
    assert in_reason_order(forty, sixty, ["model claims-judge: contradiction (0.91)"]) == \
        (forty, sixty)  # nothing quoted: as stored
    many, some = {"content": "1,200 people were displaced"}, {"content": "200 people left"}
    assert in_reason_order(many, some, ["numbers: '200 people' vs '1,200 people' (people)"]) \
        == (some, many)  # whole figures: '200 people' is not in "1,200 people"
    nine = {"content": "nine of the region's polling stations opened late"}
    reason = ['numbers: "nine of the region\'s polling stations" vs \'47 stations\'']
    assert in_reason_order({"content": "47 stations opened late"}, nine, reason)[0] is nine
    yes, no = {"content": "the port was closed"}, {"content": "the port was not closed"}
    assert in_reason_order(yes, no, ["negation: 'the port was not closed' denies "
                                     "'the port was closed'"]) == (no, yes)


def test_a_search_hit_shows_its_sentence_once(seed_store):
    r = run("search", "800,000 people fled", "-k", "5", "--index", str(seed_store),
            env={"COLUMNS": "250"})
    assert r.exit_code == 0
    assert "in: " in r.stdout  # a said claim: its content, then the sentence it came from
    r = run("search", "Syrian President Bashar al-Assad has pressed an assault supported by "
            "Russian air strikes", "-k", "1",
            "--index", str(seed_store), env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "narrator" in r.stdout
    assert "in: " not in r.stdout  # a narrator's claim is its sentence: shown once
