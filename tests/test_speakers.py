"""An organisation's short form in an outlet that never names it in full is read as the one
full name other documents give it."""

from __future__ import annotations

from claims.pipeline import ingest
from claims.speakers import canonical, short_form
from claims.store import Store


def test_short_forms_are_organisations_named_by_what_they_are():
    assert short_form("commission")
    assert short_form("regional electoral commission")
    assert short_form("Kessenmark's electoral commission")
    assert short_form("Commission")  # a headline's capital
    assert not short_form("Kessenmark Regional Electoral Commission")
    assert not short_form("residents")  # a group of people, no one name
    assert not short_form("Irena Holtz")


def test_a_short_form_takes_the_one_full_name_with_all_its_words():
    labels = ["commission", "regional electoral commission", "Kessenmark's electoral commission",
              "Kessenmark Regional Electoral Commission", "Irena Holtz", "court"]
    names = canonical(labels, known=["Administrative Court of Varnholm", "Supreme Court"])
    full = "Kessenmark Regional Electoral Commission"
    assert names == {"commission": full, "regional electoral commission": full,
                     "Kessenmark's electoral commission": full}  # two courts: "court" stays
    # a modifier the full name lacks is another organisation
    assert canonical(["national electoral commission", full]) == {}


def test_ingest_names_an_organisation_once_across_outlets(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "radio").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(
        "The Norrland Rail Safety Board said on Monday that the signal had failed twice.\n")
    (tmp_path / "radio" / "b.txt").write_text(
        "The safety board said the driver had not been warned about the signal.\n")
    ingest([str(tmp_path / "wire"), str(tmp_path / "radio")], str(tmp_path / "index"),
           relate=False)
    claims = Store.open(tmp_path / "index").claims()
    radio = claims.filter(claims["content"].str.contains("driver")).row(0, named=True)
    assert radio["speaker"] == "Norrland Rail Safety Board"
    assert radio["mention"] == "The safety board"
