"""The numeric and negation rules on examples written for them."""

import pytest

from claims.numbers import extract_quantities
from claims.rules import (
    align_figures,
    apply_rules,
    figures_apart,
    mostly_restates,
    negation_conflict,
    numeric_conflict,
    shared_figure,
    timing_conflict,
)


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
    ("There are no Kesmiran troops on Sokol Hill", "Kesmiran troops still on Sokol Hill"),
    # the owner is the run of names before the thing, past an opening word that is no name
    ("The ministry said no Kesmiran soldiers had crossed the border",
     "Kesmiran Army soldiers had crossed the border"),
    ("There were no Kalder workers in the plant when it exploded",
     "Three workers were in the plant when it exploded"),
])
def test_explicit_negation_of_the_same_predicate_clashes(a, b):
    hit = negation_conflict(a, b)
    assert hit is not None and hit.reason.startswith("negation:")
    assert negation_conflict(b, a) is not None


@pytest.mark.parametrize("a, b", [
    ("The company did not store fuel", "The union did not strike"),  # both negated
    ("Police found no evidence of arson", "The port reopened on Friday"),  # unrelated
    # "no" to someone else's: the monitors found Kesmiran soldiers, and no Aldravian troops
    ("Monitors on Sokol Hill found 40 Kesmiran soldiers in fresh positions and no Aldravian "
     "troops", "Kesmiran troops still on Sokol Hill"),
    # two clauses that each say no are no "yes": both sides say no
    ("The review said Linden Court had not been on Velgrid's list of protected sites and that "
     "no registration for the home appeared in its records",
     "Linden Court was not on our protected list"),
    ("City Hall had been given no advance warning of the cuts, which also left tram lines "
     "without power", "the city was not warned"),
    # ...and a "no" in a clause beside the main one is no "no" to what the other says
    ("The company paid the ransom, which it had not disclosed and had never denied",
     "The company paid the ransom"),
    ("The council approved the plan, which residents had not opposed",
     "The council approved the plan"),
])
def test_negation_alone_is_not_a_clash(a, b):
    assert negation_conflict(a, b) is None


def test_rules_report_numbers_before_negation():
    hits = apply_rules("14 soldiers were not killed", "13 soldiers were killed")
    assert [h.rule for h in hits] == ["numbers", "negation"]


@pytest.mark.parametrize("a, b", [
    # a figure both sides state is corroborated, not set against the other side's other figure
    ("3,100 people were still unable to return home",
     "four people have died and 3,100 remain out of their homes"),
    ("an emergency fund of 40 million crowns",
     "40 million crowns in emergency aid and a further 15 million crowns for flood defences"),
    # clock times are not counts
    ("the first alert reached her phone at 2:50 a.m.", "the first alert came at 2:50 a.m."),
])
def test_a_shared_figure_or_a_clock_time_is_not_a_clash(a, b):
    assert numeric_conflict(a, b, similarity=0.7) is None


def test_residents_and_people_are_one_counted_thing():
    hit = numeric_conflict("About 1,200 residents were evacuated from streets near the port",
                           "about 2,000 people were evacuated from the district",
                           similarity=0.6)
    assert hit is not None and "1,200" in hit.reason and "2,000" in hit.reason
    assert numeric_conflict("About 1,200 residents were evacuated",
                            "about 1,200 people were evacuated", similarity=0.6) is None


def test_two_times_for_one_event_clash_and_compatible_times_do_not():
    a = "The alerts went out at 1:40 in the morning and the records prove it"
    b = "the first alert reached town hall at 2:50 a.m., when the water was in the streets"
    hit = numeric_conflict(a, b, similarity=0.62)
    assert hit is not None and "1:40" in hit.reason and "2:50" in hit.reason
    assert numeric_conflict(a, b, similarity=0.3) is None  # not shown to be one event
    assert numeric_conflict("the breach happened shortly after 2 a.m.",
                            "the dam gave way at 2:20 a.m.", similarity=0.8) is None


@pytest.mark.parametrize("a, b, figure, very_same", [
    ("The alerts went out at 1:40 in the morning", "alerts were sent to phones at 1:40 a.m.",
     "1:40 in the morning", True),
    ("214 mm of rain had fallen on the upper valley", "More than 200 mm of rain fell",
     "214 mm within More than 200 mm", False),
    ("About 1,200 residents were moved out", "1,200 people were evacuated",
     "About 1,200 residents", False),  # "about" on one side only
    ("About 1,200 residents were moved out", "about 1,200 people were evacuated",
     "About 1,200 residents", True),
    ("the true figure was about 3,000 people", "3,100 people were unable to return",
     "3,100 people within about 3,000 people", False),
    ("the protection system tripped at about two o'clock", "the protection had tripped at 13:58",
     "13:58 within about two o'clock", False),  # a clock time a few minutes from "about"
])
def test_one_figure_reported_twice_is_a_shared_figure(a, b, figure, very_same):
    assert shared_figure(a, b) == figure
    # only the very same figure, qualifier and all, where a hedge is not enough (claims far
    # apart)
    assert shared_figure(a, b, hedged=False) == (figure if very_same else None)


@pytest.mark.parametrize("a, b", [
    ("Rescuers pulled more than 60 people from houses", "3,100 people were unable to return"),
    ("about 40 firefighters fought the blaze", "Around 60 firefighters were sent"),
    ("The alarm sounded at 2:10 a.m.", "The alarm sounded shortly after 2 a.m."),
    ("12 observation posts", "up to four of the posts"),
    # "about" holds a figure a tenth away, not more: 35 is no report of "about 39"
    ("the substation would produce about 39 decibels at night", "the figure at 35 decibels"),
    ("The alarm sounded at about 2 a.m.", "The alarm sounded at 2:40 a.m."),
])
def test_a_hedge_far_from_the_figure_or_another_time_is_not_shared(a, b):
    assert shared_figure(a, b) is None


@pytest.mark.parametrize("a, b, similarity", [
    ("Two people died", "more than 2,000 residents had left their homes", 0.7),
    ("Each displaced household will receive an initial payment of 2,000 crowns",
     "the government would provide 40 million crowns in emergency aid", 0.7),
    ("Cod catches should be cut by 15 percent next year",
     "The Lundar Isles will be allowed to catch 43 percent of the cod next year", 0.7),
    ("214 mm of rain had fallen on the valley in the 48 hours before the breach",
     "140 mm of rain had fallen on the valley in the 24 hours before the dam failed", 0.8),
])
def test_shares_sums_and_people_clash_only_where_the_words_around_them_match(a, b, similarity):
    # a share, a sum or a head count says nothing of what it counts: the words around it do
    assert numeric_conflict(a, b, similarity) is None


@pytest.mark.parametrize("a, b, similarity, figures", [
    ("1,200 people had been displaced", "about 3,000 people have been displaced", 0.8,
     ("1,200", "3,000")),
    ("Repairing the dam would cost at least 60 million crowns",
     "the repairs would cost about 25 million crowns", 0.8, ("60 million", "25 million")),
    ("Two people died and about 1,500 were forced from their homes",
     "more than 2,000 residents had left their homes", 0.59, ("1,500", "2,000")),
    ("214 mm of rain fell in the 48 hours before the breach",
     "140 mm of rain fell in the two days before the breach", 0.8, ("214", "140")),
    # the same words around the figure ("evacuated") make up for claims worded further apart
    ("About 1,200 residents were evacuated from streets near the port as a precaution",
     "about 2,000 residents were evacuated from the Saltmarsh district overnight", 0.58,
     ("1,200", "2,000")),
])
def test_the_same_share_sum_or_head_count_stated_differently_clashes(a, b, similarity, figures):
    hit = numeric_conflict(a, b, similarity)
    assert hit is not None and all(f in hit.reason for f in figures)


def test_two_peoples_ages_are_no_figures_to_compare():
    assert numeric_conflict("eight people had now died, after a 58-year-old woman died in "
                            "hospital", "four patients were still in hospital and one, a "
                            "12-year-old boy, remained in intensive care", 0.6) is None
    # ...one's age given two ways is
    assert numeric_conflict("The victim, a 58-year-old woman, died in hospital",
                            "The victim, a 61-year-old woman, died in hospital", 0.9)
    assert numeric_conflict("Victim, 58-Year-Old Woman, Dies", "Victim, 61-Year-Old Woman, Dies",
                            0.9)  # a headline's capitals
    # ...but not two ages of no one named: "the 58-year-old died" / "the 12-year-old died"
    assert numeric_conflict("the 58-year-old died in hospital", "the 12-year-old died in "
                            "hospital", 0.9) is None
    assert numeric_conflict("a 10-year contract", "a 15-year contract", 0.9) is not None


def test_an_age_after_aged_counts_nothing_and_corroborates_no_count():
    # "people aged 75 or over" is no count of 75 that "fewer than 250 people" holds
    hit = numeric_conflict(
        "hospitals had admitted fewer than 250 people with heatstroke since the heatwave began",
        "72 percent of the excess deaths were among people aged 75 or over, and that hospitals "
        "had admitted 431 people with heatstroke over the same period", 0.7)
    assert hit is not None and "431" in hit.reason
    assert [q.kind for q in extract_quantities("children under the age of 12")] == ["age"]


def test_a_plural_in_ves_is_its_nouns_word_not_a_verbs():
    from claims.rules import content_words

    assert content_words("three midwives") & content_words("No midwife has been moved")
    assert content_words("the two halves") & content_words("half the fleet")
    assert not content_words("she leaves") & content_words("a leaf")  # a verb's "leaves"
    assert not content_words("it gives") & content_words("a gift")


def test_shares_in_words_clash_where_a_quotation_opens_with_the_figure():
    hit = numeric_conflict("Our biggest customer has cut its orders by more than a third",
                           'its orders from the plant had fallen "by about a quarter" last year',
                           0.62)
    assert hit is not None and "a quarter" in hit.reason


def test_people_counted_by_what_befell_them_are_people_who_suffered_it():
    assert shared_figure("twelve dead", "twelve people are now known to have died in the "
                                        "collapse") == "twelve dead"
    hit = numeric_conflict("twelve dead in the bridge collapse",
                           "eleven people died in the bridge collapse", 0.8)
    assert hit is not None and "eleven" in hit.reason
    # ...not people something else befell
    assert shared_figure("40 injured", "40 people were killed") is None
    assert numeric_conflict("twelve dead in the bridge collapse",
                            "eleven injured in the bridge collapse", 0.8) is None


def test_a_figure_one_side_rejects_is_no_shared_figure_but_a_clash():
    a = "there were 28 tonnes of cod in the hold, not the 42 tonnes claimed by inspectors"
    b = "the trawler had 42 tonnes of cod on board"
    assert shared_figure(a, b) is None
    hit = numeric_conflict(a, b, similarity=0.65)
    assert hit is not None and "rejects '42 tonnes'" in hit.reason
    # "not by 38 percent": a change it rejects, no change it reports
    a = 'its orders had fallen "by about a quarter" last year, not by 38 percent'
    b = "Orders from Norvel Motors fell by 38 percent last year"
    assert shared_figure(a, b) is None and shared_figure(a, b, hedged=False) is None


def test_a_figure_set_against_the_statements_own_is_no_shared_figure():
    a = ("turnout was no higher than 57 percent, well below the commission's figure of 61.4 "
         "percent")
    assert shared_figure(a, "turnout of around 61 percent") is None
    assert shared_figure("the commission's figure of 61.4 percent stands",
                         "turnout of around 61 percent")
    hit = numeric_conflict(a, "turnout was 61.4 percent", similarity=0.6)
    assert hit is not None and "rejects '61.4 percent'" in hit.reason
    # "under the official estimate of": according to it, no rejection
    assert numeric_conflict("Under the official estimate of 4.2 million customers affected, the "
                            "fine could reach 80 million euros",
                            "the data of 4.2 million customers was stolen", 0.7) is None


def test_negation_is_read_sentence_by_sentence():
    a = ("Lundar vessels have already taken 112 percent of their agreed share of cod this "
         "year. We cannot simply stand by while the stock is emptied")
    b = "Lundar vessels have taken 112 percent of their agreed share of cod this year"
    assert negation_conflict(a, b) is None
    assert negation_conflict("The vessels did not take their share of cod this year. "
                             "We will act", b) is not None


def test_a_statement_with_all_the_words_of_another_and_more_restates_it():
    from claims.rules import restates

    short = "ammonium nitrate was stored at the site"
    assert restates(short, "ammonium nitrate had been stored at the site in breach of its permit")
    assert not restates(short, "ammonium nitrate had not been stored at the site, inspectors say")
    assert not restates(short, "fuel was stored at the site in breach of its permit")
    assert not restates("the fire spread", "the fire spread to the roof")  # too little to go on


@pytest.mark.parametrize("a, b, aligned", [
    ("Repairing the dam would cost at least 60 million crowns",
     "the government would provide 40 million crowns in aid",
     "the government would provide at least 60 million crowns in aid"),
    ("rain fell at 1:40 a.m. for 48 hours", "rain fell at 2:50 a.m. for 24 hours",
     "rain fell at 1:40 a.m. for 48 hours"),
    ("3 percent of the catch", "5% of the catch", "3 percent of the catch"),
    # a figure b also states is corroborated, not swapped in for b's other figures
    ("1,200 people were displaced", "1,200 people were displaced and 3 died", None),
    ("Two people died", "No one died", None),  # nothing to align
    ("12 observation posts", "40 tonnes of cod", None),  # different units
    ("12 observation posts", "He said 3 were killed", None),  # a count of what?
    ("The vote was 52 percent to 48 percent", "The vote was 60 percent to 40 percent",
     "The vote was 52 percent to 48 percent"),  # in order, each figure once
    ("28 tonnes, not the 42 tonnes claimed", "there were 30 tonnes", "there were 28 tonnes"),
])
def test_aligning_figures_gives_b_the_figures_a_states_differently(a, b, aligned):
    assert align_figures(a, b) == aligned


def test_a_maximum_or_minimum_is_a_bound_not_a_figure():
    fine = "it would appeal against the 250,000-euro fine imposed by a court"
    cap = "The maximum fine for the offences is 400,000 euros"
    assert numeric_conflict(fine, cap, 0.6) is None  # within the cap
    assert numeric_conflict("the fine was 500,000 euros", cap, 0.6) is not None  # above it
    assert numeric_conflict("the court fined it 300,000 euros",
                            "The minimum fine for the offence is 400,000 euros", 0.6) is not None
    assert numeric_conflict("the court fined it 500,000 euros",
                            "The minimum fine for the offence is 400,000 euros", 0.6) is None
    # two bounds are figures to compare; a bound word in another sense bounds nothing
    assert numeric_conflict("The maximum sentence is 10 years in prison",
                            "The maximum sentence is 15 years in prison", 0.9) is not None
    assert numeric_conflict("The hospital at maximum capacity turned away 40 patients",
                            "The hospital at maximum capacity turned away 90 patients",
                            0.9) is not None


def test_a_hedged_figure_holds_a_tenth_either_way_and_clashes_further_off():
    study = "the substation would produce about 39 decibels at the nearest house at night"
    assert numeric_conflict(study, "the substation would produce 42 decibels at the nearest "
                                   "house at night", 0.9) is None
    assert numeric_conflict(study, "the substation would produce 35 decibels at the nearest "
                                   "house at night", 0.9) is not None
    # a round hedge holds more: "about 2,000" is 1,700 to 2,300, "about 2 million" 1.7 to 2.3
    assert numeric_conflict("about 2,000 people were evacuated",
                            "2,250 people were evacuated", 0.9) is None
    assert numeric_conflict("about 2 million customers were affected",
                            "2.25 million customers were affected", 0.9) is None
    assert numeric_conflict("about 2,000 people were evacuated",
                            "2,400 people were evacuated", 0.9) is not None


def test_just_over_a_figure_is_near_it():
    # "a little over three hours" is no five hours, though "over three hours" holds five
    assert numeric_conflict("Varo gave evidence for almost five hours",
                            "Varo gave evidence for a little over three hours", 0.8) is not None
    assert numeric_conflict("Varo gave evidence for almost five hours",
                            "Varo gave evidence for over three hours", 0.8) is None
    assert numeric_conflict("turnout was just over 60 percent", "turnout was 62 percent",
                            0.9) is None
    assert numeric_conflict("turnout was just under 60 percent", "turnout was 45 percent",
                            0.9) is not None


def test_the_limit_a_figure_is_held_against_confirms_the_same_limit():
    assert numeric_conflict("Noise reached 45 decibels, above the 40-decibel limit.",
                            "The legal limit is 40 decibels.", 0.8) is None


def test_a_limit_confirms_no_figure_within_it():
    # "40" is the limit, not a report of "about 39": the 39 is still set against the 35
    limit = ", just under the legal limit of 40"
    hit = numeric_conflict("an independent study found that the substation would produce "
                           "about 39 decibels at the nearest house at night" + limit,
                           "an independent study found that the substation would produce "
                           "35 decibels at the nearest house at night" + limit, 0.99)
    assert hit is not None and "about 39 decibels" in hit.reason


def test_sums_in_an_old_currency_are_sums_like_any_other():
    # a story's bail, repayment and single transfer are three sums, not three counts of one
    # thing ("dalers" counted like "birds" clashed them all)
    bail = "Hallan was released on bail of 600,000 dalers in March 2024"
    repay = "The court ordered Hallan to repay 3.7 million dalers to the club"
    first = "The first transfer, of 8,500 dalers, went out on January 14, 2019"
    assert numeric_conflict(bail, repay, 0.66) is None
    assert numeric_conflict(first, repay, 0.6) is None
    assert numeric_conflict(repay, "The court ordered Hallan to repay 4.1 million dalers to "
                                   "the club", 0.9) is not None  # one sum, two values


def test_a_spelled_out_half_and_a_hyphenated_unit_are_figures_the_rules_compare():
    assert numeric_conflict("the trawler was a mile and a half inside the line",
                            "the trawler was 3.2 miles inside the line") is not None
    assert shared_figure("the two governments had agreed to a 30-day pause on boardings",
                         "both delegations had accepted a 30-day pause on boardings") == "30-day"


def test_a_share_used_up_is_not_compared_with_a_share_of_the_whole():
    used = "Lundar vessels have already taken 112 percent of their agreed share of cod this year"
    whole = "Under the arrangement, Marvessa holds 60% of the Grey Sound cod catch"
    assert numeric_conflict(used, whole, 0.66) is None
    assert numeric_conflict(used, "Lundar vessels have taken 90 percent of their agreed share "
                                  "of cod this year", 0.9) is not None  # both used up: compared


def test_an_overrun_is_a_share_of_the_budget():
    office = ("the overrun, 47 percent above the original budget of 38 million crowns, had "
              "been caused mainly by design changes")
    for city in ("the overrun at 37 percent", "a 37 percent overrun",
                 "the overrun is about 37 percent"):
        assert numeric_conflict(city, office, 0.6) is not None, city
    assert numeric_conflict("the overrun at 47 percent", office, 0.6) is None  # the same
    # a share of another limit, or of the whole, is another figure
    assert numeric_conflict("the fleet has used 37 percent of its quota", office, 0.6) is None
    assert numeric_conflict("the club holds 37 percent of the shares", office, 0.6) is None


@pytest.mark.parametrize("a, b, apart", [
    ("214 mm of rain had fallen in the 48 hours before the breach",
     "140 mm of rain had fallen in the 24 hours before the dam failed", True),  # time spans
    ("Lundar vessels have taken 112 percent of their agreed share",
     "Marvessa holds 60% of the catch", True),  # a share used up, a share of the whole
    ("cod catches must fall by 15 percent", "Lundar will catch 43 percent of the cod", True),
    ("Turnout in the referendum was 48 percent",
     "Only 30 percent of voters cast a ballot in the referendum", False),  # maybe one thing
    ("Repairing the dam would cost at least 60 million crowns",
     "the government would provide 40 million crowns in emergency aid", True),  # few words
    ("The dam repairs would cost 60 million crowns",  # in common; here most are
     "The dam repairs would cost 40 million crowns", False),
    ("Two people died", "Nobody died", False),  # no figures to set apart
])
def test_figures_apart_only_for_a_reason_the_rules_can_name(a, b, apart):
    assert figures_apart(a, b) is apart


@pytest.mark.parametrize("a, b", [
    # how many places something happened in is no count of the thing the other side counts
    ("Inspectors found cracked rails in 40 stations",
     "The operator has closed 12 stations for repairs"),
    ("Pickets turned drivers away at more than 60 depots",
     "At five depots our monitors saw managers driving the trains themselves"),
    ("With 1,018 polling stations counted, the governor leads",
     "A review of the signed protocols from all 1,032 polling stations found errors"),
])
def test_a_count_of_places_where_something_happened_clashes_only_with_the_same_happening(a, b):
    assert numeric_conflict(a, b, 0.75) is None


def test_the_same_happening_counted_in_different_numbers_of_places_clashes():
    hit = numeric_conflict("Pickets turned drivers away at more than 60 depots",
                           "the union says pickets turned drivers away at nine depots", 0.75)
    assert hit is not None and "60" in hit.reason and "nine" in hit.reason
    # no words beside either count: nothing says they count different things
    assert numeric_conflict("The virus has killed 40 people from 12 villages",
                            "The virus has killed 40 people from 15 villages", 0.8) is not None
    # "with" counts what it comes with
    assert numeric_conflict("The boat sank with 40 passengers on board",
                            "The boat, carrying 60 passengers, sank", 0.8) is not None


@pytest.mark.parametrize("a, b, clash", [
    # a change of a count is no level of it ("won by" is a margin, "cut ... by" a change)
    ("The recount cut the governor's lead over his rival by 412 votes",
     "The governor had won by 3,968 votes", False),
    ("Ticket sales fell by 2,000 seats a week after the strike began",
     "The operator sold 40,000 seats a week after the strike began", False),
    # two changes of one count are compared
    ("The recount narrowed the governor's margin by more than 1,000 votes",
     "The recount cut the governor's margin by 412 votes", True),
    # a change verb without "by" states how many; a "by" another verb heads is no change
    ("The airline will cut 400 jobs", "The airline is cutting 600 jobs", True),
    ("Residents who fled the rising water were rescued by 40 soldiers",
     "Residents were rescued by 60 soldiers", True),
    ("Holtz climbed into first place and won the seat by 3,968 votes",
     "Holtz won the seat by 4,100 votes", True),
    # a participle before "by" that is no verb of its own: still a change
    ("The recount cut Maslen's lead in the disputed district by 412 votes",
     "Maslen leads by 3,968 votes", False),
])
def test_a_change_of_a_count_is_compared_only_with_a_change(a, b, clash):
    assert (numeric_conflict(a, b, 0.75) is not None) is clash


def test_a_negation_in_another_clause_denies_nothing_the_other_side_says():
    # the "no" is about doubting the organisers, not about the attendance both report
    assert negation_conflict(
        "Our own count puts attendance at about 5,000 people, so we have no reason to doubt "
        "the organisers", "attendance at 5,200 people") is None
    # the clause that carries the negation is the one about the attendance: a clash
    assert negation_conflict("The march was not peaceful, so the organisers must answer",
                             "the march was peaceful") is not None
    assert negation_conflict("Officials have so far not confirmed any deaths",  # no clause join
                             "Officials confirmed deaths") is not None
    # "but" joins clauses with or without a comma
    assert negation_conflict("The union did not strike but the drivers walked out",
                             "The drivers walked out") is None


@pytest.mark.parametrize("a, b", [
    ("only nine of the region's 1,032 polling stations opened late",
     "observers recorded nine polling stations that opened late"),
    ("We were in 612 of the 1,032 stations", "observers visited 600 stations"),
])
def test_the_whole_a_part_is_taken_from_is_no_count_of_the_part(a, b):
    assert numeric_conflict(a, b, 0.8) is None


def test_a_lead_in_points_is_the_difference_of_two_shares():
    from claims.rules import margin_figure

    assert margin_figure("An exit poll put Lind ahead by 1.9 percentage points",
                         "The poll gave Lind 49.1 percent and Berg 47.2 percent") \
        == "49.1 - 47.2 = 1.9 points"
    assert margin_figure("Berg had 48.6 percent of the vote against 47.9 percent for Lind",
                         "With most votes counted, Berg leads by 0.7 points") is not None
    # the other candidate leads, or the difference is another
    assert margin_figure("An exit poll put Lind ahead by 1.9 percentage points",
                         "The poll gave Lind 47.2 percent and Berg 49.1 percent") is None
    assert margin_figure("An exit poll put Lind ahead by 3 points",
                         "The poll gave Lind 49.1 percent and Berg 47.2 percent") is None
    # shares of other things, a change, a third place, and who trails
    assert margin_figure("Lind leads by 3 points",
                         "Unemployment stood at 7.5 percent while inflation was 4.5 percent") \
        is None
    assert margin_figure("Lind leads by 3 points",
                         "Lind's approval fell from 45 percent to 42 percent") is None
    assert margin_figure("Lind is ahead by 2 points",
                         "Berg 50 percent, Lind 48 percent, Moor 46 percent") is None
    assert margin_figure("Lind trails by 3 points", "Lind won 48 percent and Berg 45 percent") \
        is None
    assert margin_figure("Lind trails by 3 points", "Lind won 45 percent and Berg 48 percent") \
        is not None


def test_a_part_of_a_whole_is_the_share_it_makes():
    from claims.rules import ratio_figure

    part = "761,700 of the region's 1,240,500 registered voters had cast a ballot"
    assert ratio_figure(part, "turnout at 61.4 percent") == \
        "761,700 of 1,240,500 = 61.4 percent"
    assert ratio_figure(part, "turnout at 62.4 percent") is None
    # a whole share is too often one by chance; a change is no share
    assert ratio_figure("3 of the 12 posts were hit", "unemployment is 25 percent") is None
    assert ratio_figure("3 of the 12 posts were hit", "prices rose by 25.0 percent") is None
    # a share cited to be disputed is no agreement
    assert ratio_figure(part, "turnout was no higher than 57 percent, well below the "
                              "commission's figure of 61.4 percent") is None


def test_each_candidates_share_is_compared_with_the_same_candidates():
    """Several shares in one statement belong to the names at them: an exit poll's share for
    Lind is set against the count's share for Lind, not Berg's (the reason names the right
    figures), and two statements that give each the same share do not clash."""
    count = "The final count gives Berg 48.5 percent to Lind's 48.0 percent"
    assert numeric_conflict("The exit poll gave Lind 49.1 percent and Berg 47.2 percent", count,
                            0.9).reason == "numbers: '49.1 percent' vs '48.0 percent' (%)"
    assert numeric_conflict("Berg, of the governing party, had 48.6 percent of the vote "
                            "against 47.9 percent for Lind", count,
                            0.9).reason == "numbers: '47.9 percent' vs '48.0 percent' (%)"
    assert numeric_conflict("Lind won 49.1 percent of the vote", count,
                            0.9).reason == "numbers: '49.1 percent' vs '48.0 percent' (%)"
    for same in ("Lind took 48.0 percent and Berg 48.5 percent", "Lind won 48.0 percent",
                 "Berg won 48.5 percent of the vote"):
        assert numeric_conflict(same, count, 0.9) is None, same
    # no names at the figures: compared as before
    assert numeric_conflict("Turnout was 61 percent and 3 percent of ballots were invalid",
                            "Turnout was 55 percent", 0.9) is not None


def test_a_name_only_one_statement_uses_owns_no_share():
    """ "the Social Democrats" and "the SPD" may be one party: their shares are compared."""
    assert numeric_conflict(
        "The exit poll gave the Social Democrats 31 percent of the vote and the Greens 12 "
        "percent", "The exit poll gave the SPD 25 percent of the vote and the Greens 12 percent",
        0.9).reason == "numbers: '31 percent' vs '25 percent' (%)"


def test_sums_far_apart_clash_only_between_statements_that_match():
    """One story's costs, claims and grants: a sum more than five times another is another
    sum unless the statements say the same thing around them."""
    cost = "The consultant's report put the final cost of the stadium at 49 million crowns"
    assert numeric_conflict(cost, "the hall would be built soon, at a cost of about 3 million "
                                  "crowns", 0.7) is None
    assert numeric_conflict(cost, "Kalder says it is owed a further 9.5 million crowns in "
                                  "extra costs", 0.7) is None
    assert numeric_conflict(cost, "The renovation of the stadium will cost 59 million crowns",
                            0.7) is not None  # rival figures for one sum
    assert numeric_conflict("Repairing the dam would cost at least 60 million crowns",
                            "the repairs would cost about 25 million crowns", 0.78) is not None
    # the same words around them: one sum, however far apart
    assert numeric_conflict("The stadium will cost 5 million crowns",
                            "The stadium will cost 50 million crowns", 0.9) is not None
    # people are no sums
    assert numeric_conflict("Police said 31,000 people had been displaced",
                            "about 4,800 people had been displaced by the floods",
                            0.7) is not None


def test_above_below_and_no_more_than_are_hedges():
    """ "well above 70 million crowns" holds 74 million; "no more than 95 workers" is at most
    95, not "more than 95"."""
    assert shared_figure("the real cost would be well above 70 million crowns",
                         "his group's estimate put the final cost at 74 million crowns")
    assert numeric_conflict("the logs record no more than 95 workers on site",
                            "the logs record 118 workers on site", 0.9) is not None
    assert numeric_conflict("the logs record more than 95 workers on site",
                            "the logs record 118 workers on site", 0.9) is None
    assert numeric_conflict("turnout was below 50 percent", "turnout was 61 percent",
                            0.9) is not None


def test_counts_in_different_months_are_not_compared():
    assert numeric_conflict("Kalder billed the city for 240 workers on site in October 2026",
                            "The site logs show a peak of 118 workers, in September 2026",
                            0.7) is None
    assert numeric_conflict("Kalder billed the city for 240 workers on site in October 2026",
                            "The site logs show 118 workers on site in October 2026",
                            0.7) is not None


def test_a_month_counts_only_where_it_is_the_figures():
    """A month elsewhere in the sentence says nothing about when a figure was counted."""
    assert numeric_conflict("The bridge, which opened in May, cost 40 million crowns to build",
                            "The bridge, completed in June, cost 74 million crowns to build",
                            0.8) is not None
    # rival estimates of one sum four times apart still clash
    assert numeric_conflict("The government said the flood damage would cost 200 million "
                            "euros to repair", "Independent engineers estimate the flood "
                            "damage repairs will run to 800 million euros", 0.7) is not None
    assert numeric_conflict("the logs record not more than 95 workers on site",
                            "the logs record 118 workers on site", 0.9) is not None


def test_a_negated_comparative_clashes_with_a_figure_beyond_it():
    assert numeric_conflict("members never saw more than 110 workers on the site",
                            "the logs show 118 workers on the site", 0.9) is not None
    assert numeric_conflict("members saw more than 110 workers on the site",
                            "the logs show 118 workers on the site", 0.9) is None


def test_a_quoted_figure_keeps_the_words_beside_it():
    """A quotation mark right at a figure quotes the figure; the words after it still say
    what it counts ("of the original budget"), so two shares of one overrun clash."""
    assert numeric_conflict('The auditor put the overrun at "more than 80 percent" of the '
                            'original budget', "The auditor put the overrun at 40 percent of "
                            "the original budget", 0.9) is not None
    hit = numeric_conflict(
        "the overrun at \"more than 80 percent\" of the original budget, far beyond the "
        "audit office's estimate",
        "the overrun, 47 percent above the original budget of 38 million crowns, had been "
        "caused mainly by design changes", 0.59)
    assert hit is not None and "more than 80 percent" in hit.reason


def test_a_count_restricted_by_a_relative_clause_is_compared_only_with_the_same_restriction():
    """ "23 polling stations that opened more than an hour late" are not the 612 the observers
    visited, nor the five where agents were asked to leave; the nine that opened late are."""
    late = "Our observers recorded 23 polling stations that opened more than an hour late"
    assert numeric_conflict(late, "The network's observers visited 612 polling stations on "
                            "election day", 0.6) is None
    assert numeric_conflict(late, "At five polling stations our observers saw party agents "
                            "asked to leave", 0.6) is None
    assert numeric_conflict(late, "The commission said nine polling stations opened late",
                            0.6) is not None
    assert numeric_conflict(late, "Officials recorded nine polling stations that opened more "
                            "than an hour late", 0.6) is not None
    # the same words around both, or the restriction in the other's unit: one count
    assert numeric_conflict("The strike closed 40 schools where teachers walked out",
                            "The strike closed 12 schools", 0.6) is not None
    assert numeric_conflict("Inspectors found 30 buildings that were unsafe",
                            "Inspectors found 12 unsafe buildings", 0.6) is not None
    # what they were told is no restriction
    assert numeric_conflict("The ministry warned 40 hospitals that funding would end",
                            "The ministry warned 55 hospitals about the cuts", 0.6) is not None
    # people in a relative clause are some of them: those who came home are not all displaced
    assert numeric_conflict("Officials said 1,200 people who were displaced have returned "
                            "home", "About 3,000 people were displaced by the flood",
                            0.6) is None


def test_figures_of_different_years_are_not_compared():
    assert numeric_conflict("The farm had 40 turbines in 2025",
                            "The farm had 55 turbines in 2026", 0.9) is None
    assert numeric_conflict("In 2025 the farm had 40 turbines",
                            "The farm had 55 turbines in 2026", 0.9) is None
    assert numeric_conflict("The farm had 40 turbines last year",
                            "The farm now has 55 turbines", 0.9) is None
    assert numeric_conflict("the current 40 percent share remains in force",
                            "the share would rise to 43% next year", 0.9) is None
    # "since 2009" is a baseline, not when the figure holds; "now says" is the reporting
    assert numeric_conflict("Turnout of 61 percent was the highest since 2009",
                            "Turnout of 48 percent was the lowest since 2012", 0.9) is not None
    assert numeric_conflict("The company now says 400 workers were exposed",
                            "Last year the company said 250 workers were exposed",
                            0.9) is not None
    # the same year, or a year on one side only: compared as before
    assert numeric_conflict("The farm will have 40 turbines by 2030",
                            "The farm will have 55 turbines by 2030", 0.9) is not None
    assert numeric_conflict("The farm had 40 turbines in 2025",
                            "The farm had 55 turbines", 0.9) is not None


def test_a_range_is_one_figure_and_a_kind_of_thing_counts_as_the_thing():
    far = "the 58 turbines would kill between 900 and 1,400 seabirds a year"
    hit = numeric_conflict("the full farm would kill fewer than 500 birds a year", far, 0.6)
    assert hit is not None and "between 900 and 1,400 seabirds" in hit.reason
    assert numeric_conflict("the farm would kill fewer than 1,000 birds a year", far,
                            0.6) is None  # 900 to 1,000 is in both
    assert numeric_conflict("the farm would kill 1,200 birds a year", far, 0.6) is None
    # seabirds are some of the birds: 900 to 1,400 of 2,000 can both hold
    assert numeric_conflict("the farm would kill 2,000 birds a year", far, 0.6) is None
    assert numeric_conflict("the farm would kill 2,000 seabirds a year", far, 0.6) is not None


def test_a_forecast_and_a_count_of_what_happened_are_not_one_figure():
    forecast = "the 58 turbines would kill between 900 and 1,400 birds a year"
    assert numeric_conflict("the test turbines killed 212 birds", forecast, 0.6) is None
    assert numeric_conflict("the society had counted 64 dead birds at the site", forecast,
                            0.6) is None
    # a past verb of stating is no count of what happened: two estimates of one level
    assert numeric_conflict("a noise expert had put the level at the nearest house at 45 "
                            "decibels", "the substation will produce 35 decibels at the "
                            "nearest house", 0.6) is not None


@pytest.mark.parametrize("a, b, clash", [
    # a kind of a thing is part of the thing; units are no kinds of each other
    ("The test turbines killed 212 birds last year.",
     "The test turbines killed 64 seabirds last year.", False),
    ("Some 1,200 dockworkers joined the strike on Monday.",
     "More than 3,000 workers joined the strike on Monday.", False),
    ("the substation would stand 1,500 metres from the beach",
     "the substation would stand 1.5 kilometres from the beach", False),
    # "planned" is no past verb of the figure; "could" says nothing of when
    ("Galeforth will build 58 turbines off Selvik.",
     "The planned farm has 64 turbines off Selvik.", True),
    ("Rescuers could reach only 40 villages", "Rescuers reached 60 villages", True),
    # a change is no range: the price is now 55
    ("Ticket prices rose from 40 to 55 euros this year.", "Tickets now cost 45 euros this year.",
     True),
    # a range's low end keeps its own scale
    ("the funding is between 800,000 and 1.2 million euros",
     "the funding is about 1 million euros", False),
    # "did not cost more than": at most
    ("The repairs did not cost more than 2 million euros.",
     "The repairs cost 1.8 million euros.", False),
])
def test_second_review_of_the_numbers_rule(a, b, clash):
    assert (numeric_conflict(a, b, 0.7) is not None) == clash


def test_a_plan_that_was_and_one_that_will_be_are_two_figures():
    """ "Galeforth's first application, filed in 2025, was for 64 turbines with a tip height of
    230 metres" / "the turbines will have a tip height of 260 metres": a revised plan."""
    assert numeric_conflict("Galeforth's first application, filed in 2025, was for turbines "
                            "with a tip height of 230 metres",
                            "Galeforth says the turbines will have a tip height of 260 metres",
                            0.7) is None
    assert numeric_conflict("the turbines have a tip height of 230 metres",
                            "Galeforth says the turbines will have a tip height of 260 metres",
                            0.7) is not None  # no tense on one side: compared


def test_a_portion_of_a_sum_is_compared_only_with_the_same_portion():
    """ "the remaining 7 million crowns" is not "the first 14 million crowns" (stadium-costs);
    two extra sums of one thing still clash."""
    assert numeric_conflict("she would ask the council for the remaining 7 million crowns",
                            "The council approved the first 14 million crowns last month",
                            0.7) is None
    assert numeric_conflict("the council approved an extra 14 million crowns for the stadium",
                            "the council approved an additional 12 million crowns for the "
                            "stadium", 0.7) is not None
    assert numeric_conflict("the council approved 14 million crowns for the stadium",
                            "the council approved 7 million crowns for the stadium",
                            0.7) is not None  # no portion on either side: one sum


def test_a_verb_of_stating_says_nothing_of_what_a_figure_counts():
    """ "put the final cost at 49 million" and "puts the overrun at 21 million" share only the
    verb that states them: a cost and an overrun, not one sum."""
    assert numeric_conflict("a consultant's report put the final cost at 49 million crowns",
                            "that puts the overrun at 21 million crowns", 0.6) is None
    assert numeric_conflict("a consultant's report put the final cost at 49 million crowns",
                            "the audit puts the final cost at 59 million crowns",
                            0.6) is not None


def test_a_figure_that_is_the_subject_takes_the_tense_of_its_verb():
    forecast = "the 58 turbines would kill between 900 and 1,400 seabirds a year"
    assert numeric_conflict("The society says your two test turbines killed 212 birds last "
                            "year", forecast, 0.7) is None  # what happened, and a forecast
    assert numeric_conflict("the 40 turbines would kill 300 seabirds a year", forecast,
                            0.7) is not None  # two forecasts of one figure


def test_sums_in_any_currency_are_measures():
    """Florins, like crowns: a sum's unit does not say what it is of; sums far apart are two
    sums ("a compensation fund of 6 million florins" / "fish worth about 31 million
    florins")."""
    assert numeric_conflict("it would raise the compensation fund it is offering fishermen "
                            "to 6 million florins", "The cooperative's 180 boats landed fish "
                            "worth about 31 million florins last year", 0.6) is None
    assert numeric_conflict("the cooperative's boats landed fish worth 31 million florins",
                            "the cooperative's boats landed fish worth 18 million florins",
                            0.6) is not None


def test_the_level_a_change_reached_is_not_set_against_other_levels():
    """ "raises the fund to 6 million florins": the figure before may be the other's."""
    assert numeric_conflict("Galeforth raises fishermen's compensation fund to 6 million "
                            "florins", "Galeforth had offered the cooperative a compensation "
                            "fund of 4.5 million florins in March", 0.7) is None
    assert numeric_conflict("The death toll rose to four on Tuesday",
                            "The death toll was three on Tuesday", 0.7) is None
    assert numeric_conflict("The death toll was four on Tuesday",
                            "The death toll was three on Tuesday", 0.7) is not None


def test_sums_far_apart_count_different_things_for_the_models_clash():
    """A model clash between a hall's cost and the stadium's is asked again with the figures
    set equal (`figures_apart`)."""
    assert figures_apart("the hall would be built later, at a cost of about 3 million crowns",
                         "The renovation of the stadium will cost 59 million crowns")
    assert not figures_apart("The renovation of the stadium will cost 52 million crowns",
                             "The renovation of the stadium will cost 59 million crowns")


def test_counts_on_different_days_of_the_week_are_not_compared():
    """A count as it stood on Tuesday and one on Wednesday are two counts (dam-breach)."""
    assert numeric_conflict("2,800 people were still in emergency shelters on Tuesday",
                            "3,100 people were still unable to return home on Wednesday",
                            0.7) is None
    assert numeric_conflict("2,800 people were still in emergency shelters on Tuesday",
                            "3,100 people were still in emergency shelters on Tuesday",
                            0.7) is not None


def test_a_small_count_both_speak_of_is_no_shared_report():
    """ "the two turbines" is what both speak of; what they report (212 birds, 37 deaths)
    differs: no agreement on "two turbines". A specific figure in both still is one."""
    a = "the two demonstration turbines killed at least 212 birds in 2026"
    b = "its monitoring programme recorded 37 bird deaths at the two turbines in 2026"
    assert shared_figure(a, b) is None
    assert shared_figure("the two turbines killed 212 birds in 2026",
                         "two turbines, the society says, killed 212 birds") is not None
    assert shared_figure("two turbines were stopped on Monday",
                         "the two turbines were stopped for the night") == "two turbines"


@pytest.mark.parametrize("a, b, clash", [
    # two levels a change reached are one quantity; whom a cut went to is no level
    ("The death toll rose to 14 on Thursday evening.",
     "The death toll rose to 23 on Thursday evening.", True),
    ("The government cut benefits to 12,000 families in the north.",
     "The government cut benefits to 20,000 families in the north.", True),
    # a participle after the counted thing is no tense; "were being cut" says none
    ("The closure will cost 650 jobs at the plant.",
     "The 400 jobs affected will disappear from the plant by March.", True),
    ("Officials said 3,000 people evacuated from the valley would be able to return on Friday.",
     "Officials said 5,000 people would be able to return to the valley on Friday.", True),
    ("650 jobs would be lost at the Kell plant.", "400 jobs were being cut at the Kell plant.",
     True),
    # one portion in other words; what remains is a level
    ("the council will need an extra 5 million euros", "the council will need 9 million euros "
     "more", True),
    ("Another 300 people were evacuated from the valley",
     "500 more people were evacuated from the valley", True),
    ("12 miners remained trapped underground.",
     "The remaining 30 miners were still trapped underground.", True),
    # another thing's day, or a day things began
    ("The 40 passengers on the ferry that sank on Tuesday were rescued.",
     "All 65 passengers were rescued from the ferry on Wednesday.", True),
    ("Some 300 workers have been on strike at the Kell plant since Monday.",
     "About 500 workers have been on strike at the Kell plant since Tuesday.", True),
    ("On Tuesday 2,800 people were still in emergency shelters",
     "3,100 people were still in emergency shelters on Wednesday", False),
    # "project" and "estimate" as nouns say what a sum is of
    ("The council has spent 4 million euros on the project.",
     "Only 2 million euros has gone into the project so far.", True),
])
def test_third_review_of_the_numbers_rule(a, b, clash):
    assert (numeric_conflict(a, b, 0.7) is not None) == clash


def test_rival_sums_far_apart_with_the_same_words_are_one_sum_for_the_model():
    assert not figures_apart("Organisers said the festival brought 40 million euros into the "
                             "city", "the festival brought in just 6 million euros")


def test_people_of_one_kind_are_at_most_the_people():
    assert numeric_conflict("its members never saw more than 110 people working at the "
                            "stadium last year", "The site logs show a peak of 118 workers at "
                            "the stadium last year", 0.6) is not None
    assert numeric_conflict("About 2,000 people were evacuated from the district",
                            "40 firefighters were sent to the district", 0.6) is None
    assert shared_figure("Three people were taken to Velmora General Hospital",
                         "Three workers were taken to hospital with breathing difficulties")


def test_clock_times_on_a_12_hour_dial_and_what_happened_at_them():
    # "twenty-five past five" is 17:25 too
    assert numeric_conflict("the duty officer acknowledged the warning on the radio at "
                            "twenty-five past five", "the duty officer had acknowledged the "
                            "warning by radio at 17.25", 0.7) is None
    assert shared_figure("the duty officer acknowledged the warning at twenty-five past five",
                         "the duty officer acknowledged the warning at 17.25")
    # two events at two times: issued, received
    assert numeric_conflict("the port authority received the storm warning at ten past five",
                            "its warning, issued at four o'clock on Friday afternoon, "
                            "forecast a storm", 0.6) is None
    # one event, told apart: the clause says what happened ("the first alert reached town hall
    # at 2:50 a.m." / "the alerts went out at 1:40 in the morning")
    assert numeric_conflict("the first alert reached town hall at 2:50 a.m., when the water "
                            "was in the streets", "The alerts went out at 1:40 in the morning",
                            0.6) is not None
    # one event in other words: close claims say so ("broke out" / "started")
    assert numeric_conflict("The fire broke out at 3 a.m.", "The blaze started at 5 a.m.",
                            0.75) is not None
    # two start times clash ("open from 7 a.m." / "from 8 a.m.")
    assert numeric_conflict("Polling stations open from 7 a.m.",
                            "Polling stations open from 8 a.m.", 0.9) is not None


def test_a_warning_that_did_not_arrive_until_later_clashes_with_its_earlier_receipt():
    assert numeric_conflict("the port authority's warning email did not arrive until 19:02, "
                            "when the ship was already at sea", "the port authority received "
                            "the storm warning at ten past five and passed it on", 0.69)
    # ...a hedge between "until" and the time says when too
    assert numeric_conflict("the Brennick-Oska line was not de-energised until about 15:40",
                            "the line had been de-energised at 12:15 in accordance with its "
                            "wind protocol", 0.56)


def test_the_day_of_two_times_is_no_word_of_what_happened_at_them():
    assert numeric_conflict("the line had been switched off at 12:15 on Saturday",
                            "The first emergency call came at 14:05 on Saturday from a farm",
                            0.59) is None
    assert numeric_conflict("the line had been switched off at 12:15 on Saturday",
                            "the line was switched off at 14:05 on Saturday", 0.59)
    # a month's name may be what happened: "the march"
    assert numeric_conflict("Protesters began the march at 14:00",
                            "The march set off from the square at 15:30", 0.6)


def test_a_time_in_a_denied_clause_is_a_point_of_reference():
    assert numeric_conflict("it received no storm warning before the Corrin Star left Hesk at "
                            "ten past six on Friday evening", "its storm warning was issued at "
                            "four o'clock on Friday afternoon", 0.75) is None
    assert numeric_conflict("the storm warning reached the ship at ten past six",
                            "the storm warning reached the ship at four o'clock", 0.75)


def test_most_of_the_words_and_every_figure_make_a_near_restatement():
    assert mostly_restates("Schools in the eastern districts were closed on Tuesday",
                           "Schools near the port were closed on Tuesday and Wednesday")
    assert not mostly_restates("Schools in the eastern districts were closed on Tuesday",
                               "Schools in the eastern districts were not closed on Tuesday")
    assert not mostly_restates("Lundar vessels have taken 112 percent of their share of cod",
                               "the Lundar share of cod will rise to 43 percent")
    assert not mostly_restates("The ferry sank", "The ferry sank near the harbour")  # too few


@pytest.mark.parametrize("a, b, clash", [
    ("2,800 people were in shelters on tuesday", "3,100 people were in shelters on Tuesday",
     True),  # one day, whatever its case
    ("The ship, which had not been inspected, left at 18:30", "The ship left at 19:15",
     True),  # a negation in a relative clause denies nothing of the time
    ("the 40 turbines exceed the noise limit", "the 58 turbines would exceed the noise limit",
     True),  # "exceed" is no past verb
])
def test_final_read_of_the_time_and_tense_rules(a, b, clash):
    assert (numeric_conflict(a, b, 0.8) is not None) == clash


def test_only_counts_that_go_on_are_running_counts():
    from claims.rules import running_figures

    assert running_figures("numbers: 'four people' vs 'Two people'",
                           "four people have died and 3,100 remain out of their homes",
                           "Two people died")
    assert not running_figures("numbers: '4 million euros' vs '6 million euros'",
                               "The insurer has offered 4 million euros",
                               "The insurer offered 6 million euros")
    # a threshold a count has passed, a count since a day
    assert running_figures("numbers: '12,000 signatures' vs 'nearly nine thousand signatures'",
                           "the petition had passed 12,000 signatures",
                           "The petition has nearly nine thousand signatures")
    assert running_figures("numbers: 'About 30 women' vs 'Sixteen women'",
                           "About 30 women were booked to give birth there",
                           "Sixteen women have given birth since the unit closed")
    assert not running_figures("numbers: '40 votes' vs '52 votes'",  # a bill, not a count
                               "The senate had passed the bill by 40 votes",
                               "The senate had passed the bill by 52 votes")
    assert not running_figures("numbers: '58 people' vs '61 people'",  # since: the saying
                               "The ministry has insisted since Friday that 58 people died",
                               "61 people died")
    assert not running_figures("numbers: '120 people' vs '140 people'",  # a word's start
                               "120 people died, as officials confirmed on Stillwater Road",
                               "140 people died")
    assert running_figures("numbers: 'forty' vs '52'", "the petition has passed forty",
                           "it has 52")
    assert not running_figures("numbers: '30 women' vs '16 women'",
                               "30 women gave birth there in May", "16 women gave birth there "
                               "in May, since the unit had closed in April")


def test_running_figures_reads_the_reason_numeric_conflict_writes():
    """`relate.without_updates` finds the clashing figures in the rule's reason: a change of
    that reason's wording must not silently stop it."""
    from claims.rules import running_figures

    a = "26 people were now confirmed dead and 19 were still missing"
    b = "The death toll rose to 21, with 24 people still missing"
    hit = numeric_conflict(a, b, 0.8)
    assert hit is not None and running_figures(hit.reason, a, b)
    a, b = "the ship carried 212 passengers", "the ship carried 255 passengers"
    hit = numeric_conflict(a, b, 0.8)
    assert hit is not None and not running_figures(hit.reason, a, b)


def test_none_of_a_thing_is_a_count_of_zero():
    from claims.numbers import extract_quantities

    assert [(q.text, q.value) for q in extract_quantities("not one passenger was hurt")] == [
        ("not one passenger", 0.0)]
    for text in ("no more than 300 workers", "there was no evidence of arson",
                 "the line is no longer live"):
        assert all(q.value != 0 for q in extract_quantities(text)), text
    assert numeric_conflict("no household in the three communities had yet received a single "
                            "florin of the 1,500-florin payment", "More than seven hundred "
                            "households have had fifteen hundred florins each", 0.6)
    assert numeric_conflict("No shots were fired at any point",
                            "two warning shots were fired across the trawler's bow", 0.6)
    # none of one thing against a count of another, or of what happened otherwise
    assert numeric_conflict("no passengers were injured", "212 passengers were on board",
                            0.6) is None


def test_dying_and_being_killed_are_one_thing_done_to_people():
    assert numeric_conflict("three people died", "four people were killed", 0.6)
    assert numeric_conflict("five people had died because of the fire",
                            "the fire service puts the death toll at four", 0.6)
    assert numeric_conflict("three people died", "four people were injured", 0.6) is None


@pytest.mark.parametrize("a, b, clash", [
    # the same word right after both figures: one thing counted alike, other words aside
    ("the fire had now burned 3,400 hectares and that 46 homes had been destroyed, most of "
     "them in Tullen", "2,400 people had been evacuated from the town and that 61 homes had "
     "been destroyed", True),
    ("a 25-crown credit on their next bill", "the 75-crown credit it had already offered "
     "was fair", True),
    # a word beside both, but not on the same side, or a time: two things
    ("Five workers were treated in hospital for smoke inhalation",
     "Three workers remain in hospital, one of them in serious condition", False),
    ("it is owed a further 9.5 million crowns in extra costs",
     "the council approved an extra 14 million crowns for the renovation", False),
    ("the boats landed fish worth about 31 million florins last year",
     "the fleet stood to lose about 10 million florins of catch every year", False),
    # the very same specific noun beside both figures: one count, whatever words surround it
    ("Velgrid's rolling cuts on Monday evening left about 240,000 households without power",
     "about 180,000 households were affected, for no more than two hours each", True),
    ("all 140 bridges of that design had now been inspected",
     "there were 163 bridges in the country built to the Sedden design", True),
    # a narrower count, a rate, counts far apart, a small number: two things
    ("the true number of jobs at stake was about 1,950, once some 380 contract workers on the "
     "site were counted", "it had not yet been told what would happen to its 310 workers at "
     "Marsk", False),
    ("footage showed 22 vehicles on the central span when it gave way",
     "traffic camera data showed that an average of 46 vehicles a day had crossed the bridge",
     False),
    ("monitors found about 40 Kesmiran soldiers in freshly dug positions on the hill",
     "about 1,800 Kesmiran soldiers had taken part in an exercise last week", False),
    ("the three midwives had volunteered to cover shifts",
     "two midwives at the unit had been given a week's notice", False),
])
def test_one_thing_counted_alike_is_one_matter_between_statements_of_one_story(a, b, clash):
    assert (numeric_conflict(a, b, similarity=0.5) is not None) == clash
    assert numeric_conflict(a, b, similarity=0.4) is None  # not about the same story


def test_a_digital_time_without_am_or_pm_is_either_reading_of_the_dial():
    a = "the port passed the warning to every operator by radio and by email at 5:25"
    assert shared_figure(a, "the duty officer had acknowledged the warning by radio at 17.25")
    assert numeric_conflict("the warning was issued at 11:40", "the warning was issued at "
                            "10:30", similarity=0.8)  # either reading: still two times


def test_words_that_only_add_to_a_figure_say_nothing_of_what_it_counts():
    # "extra" beside both sums: still two sums, however close the statements
    assert numeric_conflict("it is owed a further 9.5 million crowns in extra costs",
                            "the council approved an extra 14 million crowns for the stadium",
                            0.6) is None
    assert numeric_conflict("the council approved an extra 12 million crowns",
                            "the council approved an extra 14 million crowns", 0.6)


def test_figures_of_two_places_the_statements_name_do_not_clash():
    assert numeric_conflict("In Velmora, 46 homes had been destroyed",
                            "in Kellbrook, 61 homes had been destroyed", 0.6) is None
    assert numeric_conflict("In Velmora, 46 homes had been destroyed",
                            "61 homes had been destroyed in Velmora", 0.6)
    assert numeric_conflict("46 homes had been destroyed in March in Velmora",
                            "61 homes had been destroyed in Velmora", 0.6)  # no month a place
    assert numeric_conflict("In Velmora, 46 homes had been destroyed",
                            "61 homes had been destroyed", 0.6)  # one names no place
    assert numeric_conflict("more than 80 homes were destroyed in Brennick, Oska and Tullen",
                            "46 homes had been destroyed, most of them in Tullen", 0.6)
    # a possessive, a day, a holiday, or where it was said: no place of the figures
    for a, b in (("46 homes were destroyed in Velmora", "61 homes were destroyed in Velmora's "
                  "east"),
                 ("In Monday's statement, the council said 46 homes were destroyed",
                  "61 homes were destroyed in Velmora"),
                 ("46 homes were destroyed, a spokesman at Norvik Chemicals said",
                  "In Velmora, 61 homes were destroyed"),
                 ("46 homes were destroyed around Christmas", "In Velmora, 61 homes were "
                  "destroyed"),
                 ("In VELMORA, 46 homes were destroyed", "In Velmora, 61 homes were destroyed")):
        assert numeric_conflict(a, b, 0.6), (a, b)


@pytest.mark.parametrize("a, b, clash", [
    # a part of a whole that counts the same happening as the other side's figure
    ("only nine of the region's 1,032 polling stations opened late on Sunday",
     "Our observers recorded 23 polling stations that opened more than an hour late", True),
    ("at least 800 of the 1,200 construction jobs will go to workers from Lorvania",
     "no more than three hundred of the jobs will go to Lorvanians", True),
    # a part of what the other side counts, or a part inside a phrase: no clash
    ("up to four of the posts are surrounded", "Turkey has 12 observation posts in Idlib",
     False),
    ("Twenty-three people are confirmed dead and 22 remain missing",
     "it had made advance payments to the families of 24 of the 26 people confirmed dead",
     False),
])
def test_a_part_of_a_whole_clashes_only_with_a_count_of_the_same_happening(a, b, clash):
    assert (numeric_conflict(a, b, similarity=0.6) is not None) == clash


@pytest.mark.parametrize("a, b, clash", [
    # "of those evacuated": a part of the evacuated, counting what it says after
    ("about 1,800 people had been evacuated",
     "About 1,100 of those evacuated were allowed to return to the western half of Brennick "
     "on Friday afternoon", False),
    ("About 1,100 of those evacuated were allowed to return home on Friday",
     "only 600 of those evacuated had been allowed to return home by Friday", True),
    ("1,100 of those evacuated, officials said, were allowed to return home on Friday",
     "only 600 of those evacuated had been allowed to return home by Friday", True),
    # "58 of them homes": homes destroyed, as the other side counts
    ("61 homes had been destroyed",
     "95 buildings had been destroyed, 58 of them homes, and four people had died", True),
    # how many live in a town is no count of what happened to them
    ("2,400 people had been evacuated from the town and the two villages",
     "Brennick, a market town of about 4,200 people, and the villages of Oska and Tullen were "
     "ordered to evacuate on Saturday", False),
    ("Brennick, a town of about 4,200 people", "Brennick, a town of 5,000 people", True),
    # "in the region of" is "about", not a region's population
    ("2,400 people had been evacuated", "in the region of 4,000 people had been evacuated",
     True),
])
def test_a_part_of_those_named_before_and_a_towns_population(a, b, clash):
    assert (numeric_conflict(a, b, similarity=0.6) is not None) == clash


def test_what_marks_a_population_and_a_part_of_those_named_before():
    from claims.rules import _of_those, _population, _quantities

    def first(text: str):  # the first figure
        return _quantities(text)[0]

    for text, population in [("Brennick is home to 4,200 people", True),
                             ("the district, home to about 4,200 residents, was cleared", True),
                             ("a population of 4,200 people", True),
                             ("in the region of 4,000 people had been evacuated", False),
                             ("a town of 40 percent", False),  # a share is no population
                             ("the town of Brennick lost 400 homes", False)]:
        assert _population(text, first(text)) == population, text
    for text, part in [("About 1,100 of them were allowed to return", True),
                       ("About 1,100 of those evacuated were allowed to return", True),
                       ("95 buildings had been destroyed, 58 of them homes", False),
                       ("1,100 of those who fled", False)]:
        q = [x for x in _quantities(text) if "1,100" in x.text or "58" in x.text][0]
        assert (_of_those(text, q) is not None) == part, text


@pytest.mark.parametrize("a, b", [
    ("about 1,800 people had been evacuated", "more than 3,000 people had been displaced"),
    ("1,200 people had been displaced", "more than 2,000 residents had been evacuated"),
    ("About 1,200 residents were moved out of their homes overnight",
     "about 2,000 people were evacuated from the district"),
])
def test_evacuated_and_displaced_count_one_thing(a, b):
    assert numeric_conflict(a, b, similarity=0.6) is not None
    assert numeric_conflict(a, "about 2,000 people were treated in hospital",
                            similarity=0.6) is None
    # "homes" is no evacuation: "trapped in their homes"
    assert numeric_conflict("About 400 people were trapped in their homes by the floodwater",
                            "About 1,200 people had been evacuated", similarity=0.61) is None
    # head counts far apart are two stories' ("800,000 people have fled the region")
    assert numeric_conflict("800,000 people have fled the region since December",
                            "About 1,200 residents were evacuated from streets near the port",
                            similarity=0.6) is None


def test_a_grown_figure_is_read_from_the_figure_each_side_states_alone():
    from claims.rules import grown_figure

    earlier = "the fund would hold 1,500 florins"
    later = "the fund now holds 4,000 florins, up from 1,500 florins"  # states both
    for reason in ("numbers: '1,500 florins' vs '4,000 florins' (florins)",
                   "numbers: '4,000 florins' vs '1,500 florins' (florins)"):
        assert grown_figure(reason, earlier, later)
        assert not grown_figure(reason, later, earlier)  # 4,000 first, 1,500 later: smaller


@pytest.mark.parametrize("a, b", [
    ("There was no alert about this attack before the fourth of March",
     "Veradyne's analysts had raised an alert about unusually large data transfers from the "
     "billing servers on February 21, and that it sat unanswered for eleven days"),
    ("Tarrow Energy did not notify the Office of the Data Commissioner of the theft of its "
     "customers' data until 22:40 on Saturday, March 6",
     "Tarrow Energy informed the office on Friday, March 5"),
    ("Heskline Ferries received no storm warning before the Corrin Star left Hesk at ten past "
     "six on Friday evening",
     "the port authority received the storm warning at ten past five"),
    ("the stadium would not be ready before March 2028",
     "the stadium will be ready in September 2027"),
])
def test_a_thing_said_not_to_have_happened_before_a_time_clashes_with_it_earlier(a, b):
    for x, y in ((a, b), (b, a)):
        hit = timing_conflict(x, y)
        assert hit is not None and hit.rule == "numbers" and hit.reason.startswith("dates:")
    assert apply_rules(a, b)[0].reason.startswith("dates:")


@pytest.mark.parametrize("a, b", [
    # the same time, or a later one
    ("There was no alert about this attack before the fourth of March",
     "an alert was raised on March 9"),
    # another thing: the words after the "no" are not the other's
    ("Tarrow Energy did not notify the Office of the Data Commissioner of the theft of its "
     "customers' data until 22:40 on Saturday, March 6",
     "Data stolen from Tarrow Energy was being offered for sale as early as February 19"),
    # no answer: "not clear whether"
    ("It was not clear whether the crew had received the warning before the ship left at 6:10",
     "the port authority received the warning at ten past five"),
    # a forecast against a thing done
    ("no turbine foundation would go into the seabed before 2029",
     "Galeforth's first application for 64 turbines was filed in 2025"),
    # the other side says no too, or gives a start, not a time it happened
    ("There was no alert about this attack before the fourth of March",
     "no alert was raised on February 21"),
    ("There was no alert about this attack before the fourth of March",
     "the attackers were inside the network from at least January 28, and alerts went unread"),
    # no "no" at all
    ("An alert was raised before the fourth of March", "an alert was raised on February 21"),
])
def test_no_timing_clash_without_an_earlier_time_of_the_same_thing(a, b):
    assert timing_conflict(a, b) is None
    assert timing_conflict(b, a) is None


@pytest.mark.parametrize("a, b, clash", [
    ("Its shares closed 11.4 percent lower at 212.60 crowns",
     "Tarrow shares fell 2.8 percent to 181.20 crowns", False),  # which days?
    ("The shares fell a further 6.2 percent to 188.90 crowns",
     "Tarrow's shares fell a further 3 percent on Wednesday", False),  # one day named
    ("Tarrow's shares fell 6.2 percent on Wednesday",
     "Tarrow's shares fell 3 percent on Wednesday", True),  # one day: one move
    # not a market: a fish stock, a quota's share
    ("the spawning stock of cod has fallen by 23 percent since 2023",
     "the spawning stock of cod has fallen by 15 percent since 2023", True),
    ("the Lundar share of the catch would rise to 43 percent",
     "the Lundar share of the catch would rise to 45 percent", True),
])
def test_a_share_price_or_its_move_clashes_only_on_one_named_day(a, b, clash):
    assert (numeric_conflict(a, b, 0.8) is not None) is clash


@pytest.mark.parametrize("a, b, clash", [
    # a message made, and the same message passed on: two steps, two times
    ("The Meteorological Service issued a storm warning for the coast at 4 p.m. on Friday",
     "the port authority received the storm warning at ten past five", False),
    ("The weather service issued its warning at half past ten",
     "the company had received the weather service's warning at 11:40", False),
    # ...unless the sentence says it went out then too
    ("the weather service said its wind warning was issued at 10:30 and sent to the control "
     "rooms of all operators", "the company had received the weather service's warning at 11:40",
     True),
    ("flood alerts had been sent to residents at 1:40 a.m.",
     "the first flood alert reached residents at 2:50 a.m.", True),
    # when a stretch began is no time a thing happened
    ("the warning had been broadcast on the radio channel every hour from 4 p.m.",
     "the duty officer acknowledged the warning on the radio at twenty-five past five", False),
])
def test_two_times_of_one_message_clash_only_for_one_step_of_it(a, b, clash):
    assert (numeric_conflict(a, b, 0.7) is not None) is clash


def test_a_message_made_is_not_the_message_received_for_the_timing_rule():
    received = ("Heskline Ferries received no storm warning before the Corrin Star left Hesk at "
                "ten past six on Friday evening")
    assert timing_conflict(received, "the Met Service's warning, issued at four o'clock on "
                                     "Friday afternoon, forecast a storm") is None
    assert timing_conflict(received, "the harbourmaster says Heskline's duty officer received "
                                     "the storm warning at twenty-five past five") is not None


@pytest.mark.parametrize("a, b, figure", [
    # a rough span is no one report
    ("the ship had been leaning badly for at least twenty minutes",
     "the ship was at least twenty minutes late when she sailed", None),
    ("the line was still live nearly two hours after the warning",
     "the line had been switched off nearly two hours before the fire", None),
    # an exact one is, and so is an exact one within a rough one of the very same value
    ("Tarrow took 72 hours to report the breach", "the law gives a company 72 hours", "72 hours"),
    ("the ambulance takes thirty-five minutes", "could be reached in around 35 minutes",
     "thirty-five minutes"),
    # a hedge holds a figure of the same thing only, not of a kind of it
    ("the ferry had only 11 crew aboard", "At least nine people died", None),
    ("11 people died", "At least nine people died", "11 people within At least nine people"),
])
def test_rough_spans_and_kinds_of_a_thing_share_no_figure(a, b, figure):
    assert shared_figure(a, b) == figure


@pytest.mark.parametrize("a, b", [
    # another act on the same thing, or the same act on another thing
    ("Police did not arrest the suspect until March 5",
     "Police questioned the suspect's brother on March 3"),
    ("The embassy did not issue a warning until March 5", "The embassy issued visas on March 2"),
    ("The bank did not cut rates until 2021", "The bank cut jobs in 2019"),
    ("No vaccine doses were delivered before March 5", "Vaccine doses were ordered on March 3"),
    # the nearest "not" says what was not done ("never made a loss" is an aside)
    ("The company, which has never made a loss, did not disclose the breach until March 9",
     "The company reported a loss on March 2"),
    # the other time is of another day, after midnight, a bound or a stretch
    ("The alarm did not sound until 22:40 on Saturday, March 6",
     "The alarm sounded on March 7 at 9:00"),
    ("The company did not inform the office until 22:40 on Saturday, March 6",
     "The company informed the office at 9 p.m. Sunday"),
    ("No distress call was made until 23:50", "The distress call was made at 00:10"),
    ("No alert was raised until 3 a.m.", "An alert was raised after 1 a.m."),
    ("The contract had not been signed before March 5",
     "The contract had to be signed by March 3"),
    ("No evacuation order was given until 1 a.m.",
     "An evacuation order was given between 2 and 3 a.m."),
    ("No decision was taken before the board met on March 5",
     "The board had met on March 1 without taking a decision"),
    # a count, a verb: no time at all
    ("The firm did not hire new staff until 2012", "The firm grew its staff by 2000"),
    ("The protest march was not allowed before March 5", "Protesters march 5 miles a day"),
    # a question states nothing
    ("Did the company not disclose the breach until March 9?",
     "The company disclosed the breach on March 2"),
])
def test_no_timing_clash_between_other_happenings_or_other_times(a, b):
    assert timing_conflict(a, b) is None
    assert timing_conflict(b, a) is None


@pytest.mark.parametrize("a, b", [
    ("It was not until March 9 that the company disclosed the breach",
     "The company disclosed the breach on March 2"),
    ("An alert was not raised until 3 a.m.", "An alert was raised shortly after 1 a.m."),
    ("The alert was not raised before March 10",
     "The alert was raised on the twenty first of February"),
    # with emphasis: "not a single round" is "did not fire"
    ('Aldravian guns "did not fire a single round before 05:30"',
     "the mission first recorded outgoing artillery fire from the Aldravian side at 05:18"),
    ("Tarrow did not pay a single crown before March 13",
     "Tarrow paid 9 million crowns on March 2"),
    ("No Kesmiran shell was fired before twenty to six", "Kesmiran shells were fired at 04:50"),
    ("Nobody was arrested until Friday, March 6", "Two men were arrested on Thursday, March 5"),
    ("Nothing was published before March 9", "The report was published on March 2"),
    ("no alert connected with the attack was raised before March 4",  # the alert, not what
     "analysts had raised an alert about the data transfers on February 21"),  # it is about
    ("The crew received no storm warning before 18:10", "The crew received a warning at 16:00"),
    ("No emergency meeting was held before March 9", "The cabinet held a meeting on March 4"),
])
def test_a_time_said_first_clashes_however_the_not_before_is_put(a, b):
    assert timing_conflict(a, b) is not None


@pytest.mark.parametrize("a, b", [
    # the other clause's own later time: which is the act's?
    ("The company did not disclose the breach until March 9",
     "The company disclosed the breach on March 9, a week after it learned of it on March 2"),
    # another part, order or degree of the thing
    ("Power was not fully restored until Sunday, March 8",
     "Power was partially restored on Saturday, March 7"),
    ("The full report was not published until March 9",
     "A preliminary report was published on March 2"),
    ("The last survivors were not rescued until Friday, March 6",
     "The first survivors were rescued on Thursday, March 5"),
    ("Residents of Holm were not evacuated until 2 a.m.",
     "Residents of Dravnik were evacuated at 1 a.m."),
    ("Aldravian guns did not fire a single round before 05:30",  # not done by another
     "Kesmiran guns fired at 05:18"),
    ("No Kesmiran shell was fired before twenty to six",  # none of a thing: that thing
     "Aldravian artillery had fired on Kesmiran positions at 05:25"),
    ("Tarrow did not pay a single crown before March 13",  # emphasis, not "did not pay"
     "Tarrow paid its lawyers on March 2"),
    ("The ministry did not receive a single complaint before May 3",
     "The ministry received the report on April 20"),
    # a rule, not a fact
    ("Residents must not return until March 9", "Some residents returned on March 5"),
    ("Residents were told not to return until March 9", "Some residents returned on March 5"),
    # a time before the one named
    ("The ship did not receive the warning until an hour before it sank at 11 p.m.",
     "The ship received the warning at 10 p.m."),
    # the nearest "not" says what was not done: "never reported a loss" is an aside
    ("The company, which has never reported a loss, did not disclose the breach until March 9",
     "The company reported a loss on March 2"),
    # the message made, against the message received
    ("The port authority received no storm warning before 6:10 p.m.",
     "The storm warning the port later received was issued at 4 p.m."),
])
def test_no_timing_clash_for_another_time_part_rule_or_step(a, b):
    assert timing_conflict(a, b) is None
    assert timing_conflict(b, a) is None


@pytest.mark.parametrize("a, b", [
    ("The regulator did not ban the drug until May 2024",
     "The regulator banned the drug in January 2024"),  # ban / banned
    ("Tarrow did not inform the office until March 6",
     "Tarrow told the office on March 5"),  # inform / tell
    ("The victims' families were not told until Tuesday, March 3",
     "The families were told on Monday, March 2"),
    ("No one was arrested until Friday, March 6", "Two men were arrested on Thursday, March 5"),
    ("The alarm was not raised until 3 a.m. on March 5",
     "The alarm was raised on March 5 at 1 a.m."),
    ("No alert was raised until 3 a.m.",
     "The first alert was raised at 1 a.m."),  # the first of them, said on one side
])
def test_a_time_said_first_clashes_in_other_forms_of_the_act(a, b):
    assert timing_conflict(a, b) is not None


@pytest.mark.parametrize("a, b", [
    # a statement, a point, an appeal: no messages passed on
    ("Officials issued a statement saying the blast happened at 3 a.m.",
     "Officials said the blast happened at 5 a.m."),
    ("The key issue is that the blast happened at 3 a.m.",
     "The key point is that the blast happened at 5 a.m."),
    ("The warning was issued at 4 p.m., after the storm reached the coast",
     "The warning was issued at 2 p.m."),
    ("The fire service issued its first alert at 2 a.m.",
     "The fire service raised its first alert at 4 a.m."),
    # a start said two ways ("from", "began")
    ("The curfew was in force from 10 p.m.", "The curfew began at 8 p.m."),
    # one market on one date
    ("Tarrow shares fell 6 percent on March 3", "Tarrow shares fell 9 percent on March 3"),
    # no market at all
    ("Cod stocks in Grey Sound have fallen by 23 percent since 2023",
     "Cod stocks in Grey Sound have fallen by 15 percent since 2023"),
    ("Lundar's shares of the quota rose to 43 percent",
     "Lundar's shares of the quota rose to 45 percent"),
])
def test_figures_of_one_thing_still_clash_beside_messages_starts_and_markets(a, b):
    assert numeric_conflict(a, b, 0.9) is not None


@pytest.mark.parametrize("a, b", [
    # a figure promised, required or guaranteed is what should be, not what is
    ('the agreement required Veltmann to keep "at least 1,000 jobs" at Marsk',
     "Castellan is preparing an offer that would keep about 400 jobs"),
    ('it had received a letter from the company guaranteeing the deficit "up to 48 million '
     'marks"', 'the deficit at "more than 90 million marks"'),
    ("the ministry pledged 40 new ambulances", "only 12 new ambulances have arrived"),
])
def test_a_promised_figure_is_no_clash_with_a_count(a, b):
    assert numeric_conflict(a, b, 0.7) is None


def test_two_promises_of_one_thing_still_clash():
    assert numeric_conflict("the company promised to keep 1,000 jobs",
                            "the company promised to keep 400 jobs", 0.8) is not None


@pytest.mark.parametrize("a, b, clash", [
    # a count of a kind of thing, named with words before it, is at most the count of the
    # thing: "four water-bombing aircraft" within "Fourteen aircraft"
    ("Fourteen aircraft, six of them water bombers, were working the fire on Tuesday",
     "four water-bombing aircraft had been over the fire within 40 minutes of the call", False),
    ("the figure included about 900,000 former customers whose records it had kept",
     "the records of 1.2 million customers were taken", False),
    # ...and still clashes where it is more ("four Kesmiran soldiers" / "three soldiers")
    ("four Kesmiran soldiers had been wounded near Ruzan", "three soldiers were wounded near Ruzan",
     True),
])
def test_a_kind_named_with_words_before_it_is_within_the_whole(a, b, clash):
    assert (numeric_conflict(a, b, 0.7) is not None) is clash


@pytest.mark.parametrize("a, b", [
    # a unit of measure is no kind ("metric tonnes" are tonnes)
    ("The tanker spilled 3,000 metric tonnes of oil into the bay",
     "The tanker spilled 10,000 tonnes of oil into the bay"),
    # a kind within the whole confirms neither whole: 12 soldiers still clash with 40
    ("The shelling killed 12 soldiers, including four Kesmiran soldiers, near Ruzan",
     "The shelling killed 40 soldiers near Ruzan"),
    # the words of the kind said on the other side too: one count ("Kesmiran" soldiers where
    # Kesmir speaks; "dead" birds and birds that had died)
    ("Kesmir's army said 12 Kesmiran soldiers were killed in the shelling",
     "Kesmir's army said 40 soldiers were killed in the shelling"),
    ("Inspectors found 30 dead birds along the river",
     "Inspectors found 120 birds that had died along the river"),
    # no promise: what a guarantee says happened, what a task took
    ("The company guaranteed that 300 jobs had been cut at the Marsk plant",
     "The company said 1,200 jobs had been cut at the Marsk plant"),
    ("Emergency crews required 40 hours to put out the fire",
     "Emergency crews needed 12 hours to put out the fire"),
    ("The gang committed 40 burglaries in the city last year",
     "The gang carried out 12 burglaries in the city last year"),
])
def test_second_review_of_kinds_and_promises(a, b):
    assert numeric_conflict(a, b, 0.8) is not None
    assert numeric_conflict(b, a, 0.8) is not None


def test_a_bound_holds_a_kind_within_it():
    assert numeric_conflict("The cap is 300 seasonal workers at the farm",
                            "The farm employs 200 workers", 0.8) is None
