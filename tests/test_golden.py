"""Golden files: the report of the seed article and the harbor-fire set, built with the shipped
judge. Any change to what a report says shows up as a diff here. After a deliberate change,
regenerate with `python -m pytest tests/test_golden.py --update-golden` and review the diff.

The models run in float32 here (`CLAIMS_PRECISION=fp32`, the reference path), whatever this
processor would choose, and probabilities, cosines and scores are compared without their digits:
two processors give them a hundredth apart (AVX-512 with AMX against AVX2, float32 on both), and
that noise is no change to what the report says. Which clashes, groups and sides it shows, and
in which order, are compared as written."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from claims.pipeline import ingest
from claims.report import write_report
from claims.store import Store
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_DECIMALS = re.compile(r"(?<![\d.,])([01])\.\d{2,}\b")  # 0.94, 0.9412, 1.00: not 1.2 million


def _without_noise(text: str) -> str:
    return _DECIMALS.sub(r"\1.##", text)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    import os

    tmp = tmp_path_factory.mktemp("golden")
    here, precision = os.getcwd(), os.environ.get("CLAIMS_PRECISION")
    os.environ["CLAIMS_PRECISION"] = "fp32"
    os.chdir(ROOT)  # relative paths: documents' uris do not depend on where the repo lives
    try:
        ingest([str((SEEDS / "idlib").relative_to(ROOT)),
                str((SEEDS / "harbor-fire").relative_to(ROOT))], str(tmp / "index"))
    finally:
        os.chdir(here)
        if precision is None:
            del os.environ["CLAIMS_PRECISION"]
        else:
            os.environ["CLAIMS_PRECISION"] = precision
    write_report(Store.open(tmp / "index"), tmp / "report", "Seed report", now=NOW)
    return tmp / "report"


@pytest.mark.parametrize("name", ["report.md", "report.json"])
def test_seed_report_matches_the_golden_file(seed_report, update_golden, name):
    got = (seed_report / name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
        pytest.skip(f"rewrote {golden}")
    assert golden.exists(), "no golden file yet: run pytest --update-golden"
    assert _without_noise(got) == _without_noise(golden.read_text(encoding="utf-8"))


def test_seed_report_shows_the_clashes_written_down_for_the_seed(seed_report):
    data = json.loads((seed_report / "report.json").read_text())
    contents = [(x["a"]["content"], x["b"]["content"])
                for g in data["contested"] for x in g["clashes"]]
    assert any("fulfilled its responsibilities" in a + b and "neutralise terrorists" in a + b
               for a, b in contents)
    assert any("this claim" in a + b and "neutralise terrorists" in a + b for a, b in contents)


def test_every_relation_written_down_for_the_seed_article_is_found(seed_report):
    """Issue 4's bar on the seed article: both clashes (Oktay / Russia, Erdogan's dismissal),
    the four agreements (800,000 fled, 12 observation posts, 14 Turks killed, "victory is
    unavoidable"), and no clash between the figures written down as none (800,000 / "a million
    more"; 12 posts / "up to four of the posts")."""
    from claims.labels import score_relations

    store = Store.open(seed_report.parent / "index")
    score = score_relations(SEEDS / "idlib", store.claims(), store.relations(), store.groups())
    assert score.clashes >= 2 and score.clashes_found == score.clashes, score.missed
    assert score.agreements >= 4 and score.agreements_found == score.agreements, score.missed
    assert score.non_conflicts_flagged == 0
