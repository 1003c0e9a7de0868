"""The numeric and negation rules on examples written for them."""

import pytest

from claims.rules import apply_rules, negation_conflict, numeric_conflict


@pytest.mark.parametrize("a, b", [
    ("800,000 fled since December", "a million fled since December"),
    ("14 soldiers killed", "13 soldiers killed"),
    ("1,200 residents were evacuated", "about 2,000 residents were evacuated overnight"),
    ("Inflation reached 12% in March", "Inflation reached 9% in March"),
])
def test_the_same_quantity_stated_differently_clashes(a, b):
    hit = numeric_conflict(a, b)
    assert hit is not None and hit.label == "contradiction"
    assert hit.reason.startswith("numbers:")


@pytest.mark.parametrize("a, b", [
    ("800,000 people have fled the region since December",
     "We are not in a position to accept a million more people"),
    ("The Turkish military has 12 observation posts in Idlib",
     "up to four of the posts are surrounded by the regime forces"),
    ("14 soldiers killed", "14 soldiers killed on Monday"),
    ("more than 3.6 million Syrians live in Turkey", "4 million Syrians live in Turkey"),
    ("about 2,000 residents were evacuated", "1,900 residents were evacuated"),
    ("12 fire engines fought the blaze", "60 firefighters fought the blaze"),
])
def test_different_things_or_compatible_values_do_not_clash(a, b):
    assert numeric_conflict(a, b) is None


def test_similarity_lets_differently_worded_counts_of_one_thing_clash():
    a, b = "about 40 firefighters fought the blaze", "Around 60 firefighters were sent"
    assert numeric_conflict(a, b) is None
    assert numeric_conflict(a, b, similarity=0.7) is not None


@pytest.mark.parametrize("a, b", [
    ("the company did not store ammonium nitrate at the site",
     "ammonium nitrate was stored at the site"),
    ("Turkish forces would not fight", "Turkish forces would fight against any terrorist"),
    ("The fire was never contained", "The fire was contained by Tuesday"),
])
def test_explicit_negation_of_the_same_predicate_clashes(a, b):
    hit = negation_conflict(a, b)
    assert hit is not None and hit.reason.startswith("negation:")
    assert negation_conflict(b, a) is not None


@pytest.mark.parametrize("a, b", [
    ("The company did not store fuel", "The union did not strike"),  # both negated
    ("Police found no evidence of arson", "The port reopened on Friday"),  # unrelated
])
def test_negation_alone_is_not_a_clash(a, b):
    assert negation_conflict(a, b) is None


def test_rules_report_numbers_before_negation():
    hits = apply_rules("14 soldiers were not killed", "13 soldiers were killed")
    assert [h.rule for h in hits] == ["numbers", "negation"]
