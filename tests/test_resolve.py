"""A figure that answers the figure before it ("the number is 1,200") is read as that claim
with its own figure, so it clashes with the figure it answers and agrees with other outlets'
reports of the same figure."""

from __future__ import annotations

import pytest

from claims.pipeline import ingest
from claims.resolve import answered_figures, restate, restated
from claims.store import Store


@pytest.mark.parametrize("content, figures", [
    ("the number is 1,200 and that many residents have gone to stay with relatives",
     ["1,200"]),
    ("the true figure was 6,300 tonnes, or 87.5 percent", ["6,300 tonnes", "87.5 percent"]),
    ("the true figure was closer to 3,000", ["closer to 3,000"]),
    ("The official figure stood at 41.", ["41"]),
    ("the real number is actually more than 2,000", ["more than 2,000"]),
    # whose figure it is: an owner before the figure noun
    ("The electoral commission's figure is nine.", ["nine"]),
    ("Our count was 2,870", ["2,870"]),
    # what "The union put the number at 8,000" leaves of the claim
    ("the number at 8,000", ["8,000"]),
    ("the figure at about 600", ["about 600"]),
])
def test_a_figure_of_what_was_said_before_is_an_answer(content, figures):
    assert [q.text for q in answered_figures(content)] == figures


@pytest.mark.parametrize("content", [
    "the number of displaced people is 1,200",  # names its own matter
    "The numbers are not a matter of opinion. We surveyed the sound for 30 years",
    "1,200 people had been displaced",
    "the number is rising fast",  # no figure
    "Nobody believes the commission's figure is nine",  # doubts a figure, does not state it
    "I doubt the commission's figure is nine",
    "the figure was disputed by 3 agencies",  # the figure is not what it states
    "The death toll stood at 41",  # says what it counts: maybe not what was said before
    "the phone number is 555",
    "The figure was 4.9 percent a year earlier",  # more than the claim before it says
    "the number was 1,200 in 2019",
    "the true figure was 1,200, not 3,000",
    "the figure at the centre of the row, 3,000",  # "at" a place, not a figure
])
def test_other_claims_are_no_answers(content):
    assert answered_figures(content) == []


def test_restating_puts_the_answers_figures_in_place_of_those_they_fit():
    assert restate("about 3,000 people have been displaced",
                   answered_figures("the number is 1,200")) == \
        "1,200 people have been displaced"  # the counted noun comes from the claim answered
    assert restate(
        "Lundar vessels have landed 8,060 tonnes of Grey Sound cod this year, or 112 percent "
        "of the Lundar share of 7,200 tonnes",
        answered_figures("the true figure was 6,300 tonnes, or 87.5 percent")) == (
        "Lundar vessels have landed 6,300 tonnes of Grey Sound cod this year, or 87.5 percent "
        "of the Lundar share of 7,200 tonnes")  # each figure used once, in order
    assert restate("Turnout was 48 percent", answered_figures("the number is 1,200")) is None
    assert restate("The fine was 250,000 euros",
                   answered_figures("the true figure was 6,300 tonnes")) is None
    assert restate("the storm damaged 400 homes and killed 12 people",  # which of the two?
                   answered_figures("the number is 20")) is None


def placed(*texts: str, gap: int = 10) -> list[tuple[str, int, int]]:
    """Claims one after another in a document, `gap` characters apart."""
    out, pos = [], 0
    for text in texts:
        out.append((text, pos, pos + len(text)))
        pos += len(text) + gap
    return out


def test_an_answer_restates_the_nearest_claim_before_it_with_a_figure_it_fits():
    claims = placed("about 3,000 people have been displaced",
                    "the dam gave way on Sunday",
                    "the number is 1,200",
                    "the true figure was 1,500")  # answers the 3,000, not the other answer
    assert restated(claims) == {2: "1,200 people have been displaced",
                                3: "1,500 people have been displaced"}
    assert restated(placed("the number is 1,200")) == {}  # nothing before it
    far = placed("about 3,000 people have been displaced", "a", "b", "c", "the number is 1,200")
    assert restated(far) == {}  # too many claims back to be what it answers
    apart = placed("about 3,000 people have been displaced", "the number is 1,200", gap=400)
    assert restated(apart) == {}  # too far back in the text
    # a time is no figure a count answers: "nine" answers the 23 stations two claims back
    stations = placed("Our observers recorded 23 polling stations that opened late",
                      "people were still queuing at eleven in the morning",
                      "The commission's figure is nine")
    assert restated(stations) == {2: "Our observers recorded nine polling stations that "
                                     "opened late"}


def test_an_answering_figure_clashes_with_the_figure_it_answers_and_agrees_with_its_own(
        tmp_path):
    # real MiniLM and the shipped judge: alone, "the number is 1,200" was not close to
    # either claim (cosine 0.41 with the mayor's) and no figure rule could compare them
    docs = tmp_path / "docs"
    (docs / "ledger").mkdir(parents=True)
    (docs / "post").mkdir()
    (docs / "ledger" / "displaced.txt").write_text(
        "Mayor Edda Farrow says about 3,000 people have been displaced, a figure the Sarn "
        "Valley Water Board disputes. The board says the number is 1,200 and that many "
        "residents have gone to stay with relatives.\n")
    (docs / "post" / "water-board.txt").write_text(
        "The Sarn Valley Water Board said on Monday that 1,200 people had been displaced "
        "by the flood.\n")
    index = tmp_path / "index"
    ingest([str(docs)], str(index))
    store = Store.open(index)
    claims = {r["claim_id"]: r["content"] for r in store.claims().iter_rows(named=True)}
    rel = {(claims[a], claims[b]): (k, reasons) for a, b, k, reasons in
           store.relations().select("a", "b", "kind", "reasons").iter_rows()}
    answer = next(c for c in claims.values() if c.startswith("the number is 1,200"))
    mayor = next(c for c in claims.values() if c.startswith("about 3,000 people"))
    other = next(c for c in claims.values() if c.startswith("1,200 people had been"))
    kind, reasons = rel.get((mayor, answer)) or rel[(answer, mayor)]
    assert kind == "contradict"
    assert any("read as '1,200 people have been displaced" in r for r in reasons)
    kind, _ = rel.get((other, answer)) or rel[(answer, other)]
    assert kind == "agree"


def test_a_denial_is_neither_restated_nor_answered():
    from claims.relate import judged_rows

    got = judged_rows([(1, "d", "3,000 homes were lost", "mayor", "said", 0, 21),
                       (2, "d", "that 5,000 families fled", "council", "denied", 30, 54),
                       (3, "d", "the true number is 1,200", "board", "says", 60, 84)])
    assert got[2].denied and got[2].text == "that 5,000 families fled"
    assert (got[3].text, got[3].said) == ("1,200 homes were lost", "the true number is 1,200")
