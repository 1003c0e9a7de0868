import pytest

from claims.numbers import extract_quantities


def one(text):
    qs = extract_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    "text, value, unit, qualifier, words",
    [
        ("800,000 people have fled the region", 800_000, "people", "", "800,000 people"),
        ("Damascus killed 14 Turks earlier this month", 14, "Turks", "", "14 Turks"),
        (
            "Turkey has 12 observation posts in Idlib",
            12,
            "observation posts",
            "",
            "12 observation posts",
        ),
        (
            "We cannot accept a million more people",
            1_000_000,
            "people",
            "",
            "a million more people",
        ),
        ("up to four of the posts are surrounded", 4, "posts", "up to", "up to four of the posts"),
        (
            "home to more than 3.6 million Syrians.",
            3_600_000,
            "Syrians",
            "more than",
            "more than 3.6 million Syrians",
        ),
        (
            "about 2,000 residents were evacuated",
            2000,
            "residents",
            "about",
            "about 2,000 residents",
        ),
        (
            "Hundreds of civilians have been killed",
            100,
            "civilians",
            "hundreds",
            "Hundreds of civilians",
        ),
    ],
)
def test_counts_with_their_nouns(text, value, unit, qualifier, words):
    q = one(text)
    assert (q.value, q.unit, q.qualifier, q.text, q.kind) == (
        value,
        unit,
        qualifier,
        words,
        "count",
    )
    assert text[q.start : q.end] == q.text


def test_years_percentages_and_money_are_told_apart():
    qs = extract_quantities("After a 2018 deal, prices rose 12% and $5 million was lost.")
    assert [(q.kind, q.value, q.unit) for q in qs] == [
        ("year", 2018, ""),
        ("percent", 12, "%"),
        ("money", 5_000_000, "USD"),
    ]


def test_offsets_are_relative_to_the_whole_text():
    text = "Intro. The UN says 800,000 people fled."
    start = text.index("800,000")
    q = extract_quantities(text, start=7)[0]
    assert (q.start, text[q.start : q.end]) == (start, "800,000 people")


def test_no_numbers_no_quantities():
    assert extract_quantities("one of the last hotbeds of terrorism, a problem") == []


def test_clock_times_are_not_counts_and_ratios_are_not_quantities():
    qs = extract_quantities("At 2:50 a.m. the score was 3:1 and 12 people had left")
    assert [(q.kind, q.value, q.unit) for q in qs] == [("time", 170, ""), ("count", 12, "people")]


@pytest.mark.parametrize("text, minutes, qualifier", [
    ("the first alert reached her phone at 2:50 a.m.", 170, ""),
    ("The alerts went out at 1:40 in the morning", 100, ""),
    ("the dam gave way shortly after 2 a.m. on Sunday", 120, "shortly after"),
    ("the talks ended at 14:30", 870, ""),
    ("a statement issued at 9 p.m.", 21 * 60, ""),
    ("people were still queuing at eleven in the morning", 11 * 60, ""),
    ("the last train left at ten in the evening", 22 * 60, ""),
    ("the shelling began at five in the afternoon", 17 * 60, ""),
    ("the shelling stopped twelve at night", 0, ""),  # midnight, not noon
    ("the shelling stopped at 12 at night", 0, ""),
])
def test_clock_times_are_minutes_after_midnight(text, minutes, qualifier):
    (q,) = extract_quantities(text)
    assert (q.kind, q.value, q.qualifier) == ("time", minutes, qualifier)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    "text, value, unit, kind, words",
    [
        ("We were a mile and a half outside the line", 1.5, "mile", "count",
         "a mile and a half"),
        ("about one and a half miles off the coast", 1.5, "miles", "count",
         "about one and a half miles"),
        ("two and a half million people fled", 2_500_000, "people", "count",
         "two and a half million people"),
        ("the boat was half a mile away", 0.5, "mile", "count", "half a mile"),
        ("more than half a million people fled", 500_000, "people", "count",
         "more than half a million people"),
        ("half a dozen people were hurt", 6, "people", "count", "half a dozen people"),
        ("a million and a half people fled", 1_500_000, "people", "count",
         "a million and a half people"),
        ("the talks lasted a day and a half", 1.5, "day", "count", "a day and a half"),
        ("both agreed to a 30-day pause on boardings", 30, "day", "count", "30-day"),
        ("it would appeal against the 250,000-euro fine", 250_000, "EUR", "money",
         "250,000-euro"),
        ("a 40-percent cut in the catch", 40, "%", "percent", "40-percent"),
        # an age is an age of someone: a woman's, not a boy's
        ("a 58-year-old woman died in hospital", 58, "year-old woman", "count",
         "58-year-old woman"),
        ("a six-month-old baby was rescued", 6, "month-old baby", "count",
         "a six-month-old baby"),
    ],
)
def test_halves_and_hyphenated_units_are_read(text, value, unit, kind, words):
    q = one(text)
    assert (q.value, q.unit, q.kind, q.text) == (value, unit, kind, words)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text, value, unit, kind", [
    ("the company was fined half a million euros", 500_000, "EUR", "money"),
    ("a 5-million-euro fine", 5_000_000, "EUR", "money"),
    ("a 40-per-cent cut", 40, "%", "percent"),
    ("a dozen and a half eggs", 18, "eggs", "count"),
    ("The population is one and a half million.", 1_500_000, "", "count"),
    ("leaders met for a two-day summit", 2, "day", "count"),  # not 3 ("a" + "two")
])
def test_more_spelled_out_and_hyphenated_figures(text, value, unit, kind):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, kind)


@pytest.mark.parametrize("text", [
    "an apology and a half-hearted promise",  # not 1.5 apologies
    "one-and-a-half miles",  # not 1 "and"
    "a well-known figure",
])
def test_halves_and_hyphens_that_are_no_quantity_are_left_alone(text):
    assert extract_quantities(text) == []


def test_a_spelled_out_number_is_a_time_only_with_the_part_of_the_day():
    assert [q.kind for q in extract_quantities("eleven people were still queuing")] == ["count"]
    # an hour the part of the day hardly has, and no "at": a count
    assert [q.kind for q in extract_quantities("Police arrested five in the afternoon")] \
        == ["count"]


@pytest.mark.parametrize("text, qualifier", [
    ("its members never saw more than 110 people on site", "no more than"),
    ("the company did not employ over 40 workers", "no more than"),
    ("he hasn't seen more than 3 ships", "no more than"),
    ("Nobody counted fewer than 12 boats", "no fewer than"),
    ("it had more than 40 workers", "more than"),  # no negation
    ("it was not only more than 40 workers", "more than"),  # "not only": more, not fewer
    # the negation is of something else: saying, knowing, expecting, eating
    ("Police would not say whether more than 40 people were arrested", "more than"),
    ("The ministry did not deny that more than 300 people had been detained", "more than"),
    ("Nobody expected more than 200 people to attend", "more than"),
    ("The miners had not eaten for more than 40 hours", "more than"),
    ("Never before have more than 10,000 people marched", "more than"),
])
def test_a_negated_comparative_bounds_the_figure_the_other_way(text, qualifier):
    """ "never saw more than 110 people" is at most 110, not more than 110."""
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize("text, ends", [
    ("the turbines would kill between 900 and 1,400 seabirds a year",
     [(900, "seabirds", "at least"), (1400, "seabirds", "up to")]),
    ("from 40 to 50 percent of voters", [(40, "%", "at least"), (50, "%", "up to")]),
    ("between 2 and 3 million euros", [(2e6, "EUR", "at least"), (3e6, "EUR", "up to")]),
    # "and" joins a range only after "between"
    ("12 injured and 40 dead", [(12, "injured", ""), (40, "dead", "")]),
])
def test_a_range_is_read_as_its_two_ends(text, ends):
    assert [(q.value, q.unit, q.qualifier) for q in extract_quantities(text)] == ends


@pytest.mark.parametrize("text, value", [
    ("the test turbines killed two hundred and twelve birds last year", 212),
    ("Two hundred and sixty metres to the tip of the blade", 260),
    ("a hundred and fifty people", 150),
    ("two hundred and forty-five boats", 245),
    ("two dozen eggs", 24),  # "dozen" multiplies; "twelve" adds
])
def test_spelled_out_hundreds_with_and(text, value):
    assert [q.value for q in extract_quantities(text) if q.unit][-1] == value


@pytest.mark.parametrize("text, values", [
    ("SELVIK, Lorvania, June 29 (LPA) - Talks broke down.", []),
    ("On 3 March, 40 people were evacuated", [40]),
    ("on March 3, 2027, the board met", [2027]),
    ("the 3rd of May", []),
    ("officials may 5 people come", [5]),  # "may" the verb, no month
])
def test_a_day_of_a_month_is_no_count(text, values):
    assert [q.value for q in extract_quantities(text)] == values


def test_two_spelled_out_hundreds_are_two_numbers():
    assert [q.value for q in extract_quantities("between one hundred and two hundred birds")] \
        == [100, 200]


@pytest.mark.parametrize("text, minutes, dial", [
    ("the port received the warning at ten past five", 5 * 60 + 10, "12h"),
    ("acknowledged on the radio at twenty-five past five", 5 * 60 + 25, "12h"),
    ("the ferry left at a quarter to seven in the evening", 18 * 60 + 45, ""),
    ("a warning issued at four o'clock", 4 * 60, "12h"),
    ("the master sent a mayday at 19.41, within a minute", 19 * 60 + 41, ""),
    ("the duty officer acknowledged it at 5.25 p.m. by radio", 17 * 60 + 25, ""),
    # digits up to 12 with no a.m./p.m. (and no leading zero) are read on a 12-hour dial
    ("passed it to every operator by radio at 5:25", 5 * 60 + 25, "12h"),
    ("the attack was detected at 02:15 on Thursday", 2 * 60 + 15, ""),
    ("the warning email did not arrive until 19:02", 19 * 60 + 2, ""),
    # a 24-hour clock read out, from 13 hours
    ("Our master called at nineteen forty-one", 19 * 60 + 41, ""),
    ("the gate was shut at seventeen hundred hours", 17 * 60, ""),
    ("the ship left at twenty-two oh five", 22 * 60 + 5, ""),
])
def test_spoken_and_dotted_clock_times(text, minutes, dial):
    (q,) = extract_quantities(text)
    assert (q.kind, q.value, q.unit) == ("time", minutes, dial)


def test_a_dot_before_a_unit_is_a_decimal_not_a_time():
    assert [q.kind for q in extract_quantities("rates rose at 2.50 percent")] == ["percent"]
    assert [q.kind for q in extract_quantities("tickets sold at 10.50 euros")] == ["money"]


def test_nothing_before_a_time_is_at_it():
    (q,) = [q for q in extract_quantities("no alert was raised before a quarter past two, "
                                          "when its own systems flagged the intrusion")
            if q.kind == "time"]
    assert (q.value, q.qualifier) == (2 * 60 + 15, "")
    (q,) = extract_quantities("the warning came before 5 p.m.")
    assert q.qualifier == "before"


def test_not_until_a_time_is_at_it():
    (q,) = extract_quantities("the warning email did not arrive until 19:02, when the ship "
                              "was already at sea")
    assert (q.value, q.qualifier) == (19 * 60 + 2, "")
    (q,) = extract_quantities("the port stays closed until 6 p.m.")
    assert q.qualifier == "until"


@pytest.mark.parametrize("text", [
    "Prices rose from five to seven euros.", "The council voted ten to two.",
    "The bookmakers offered odds of ten to one.", "Children aged from five to twelve.",
    "The pound traded at 1.16 against the euro.", "The index closed at 11.45.",
    "The ferry was listing at 20.30 degrees.", "The shares were priced at 10.50 each.",
    "The tax stays at fifteen percent.", "The line was held at nineteen people.",
    "The crowd stood at fourteen hundred people.", "Shares closed at sixteen fifty.",
    "Tickets were priced at nineteen ninety-nine.",
])
def test_numbers_that_are_no_clock_times(text):
    assert all(q.kind != "time" for q in extract_quantities(text))


def test_an_adverb_after_a_count_is_no_part_of_what_it_counts():
    assert [(q.value, q.unit) for q in extract_quantities(
        "the ferry had only 11 crew aboard when she capsized")] == [(11.0, "crew")]
    assert [(q.value, q.unit) for q in extract_quantities(
        "200 people were evacuated overnight")] == [(200.0, "people")]


@pytest.mark.parametrize("text, minutes, qualifier", [
    ("at ten past two at night", 2 * 60 + 10, ""),
    ("at twelve o'clock at night", 0, ""),
    ("by four o'clock", 4 * 60, "by"),
    ("the ship didn't leave until 19:02", 19 * 60 + 2, ""),
    # the "not" well before "until": still at that time, not by it
    ("The agency did not ask the police to close the Sedden Bridge until 17:51",
     17 * 60 + 51, ""),
    ("the port stays shut till a quarter to six", 5 * 60 + 45, "until"),
])
def test_times_at_night_by_a_time_and_not_until(text, minutes, qualifier):
    (q,) = extract_quantities(text)
    assert (q.kind, q.value, q.qualifier) == ("time", minutes, qualifier)


def test_a_share_with_a_dot_is_no_time():
    assert [q.kind for q in extract_quantities("Inflation stood at 14.50%")] == ["percent"]


@pytest.mark.parametrize("text, value, unit", [
    ("cut the team from 48 people to 19", 19, "people"),  # the second figure of a change
    ("approved by 27 votes to 22", 22, "votes"),
    ("4.2 million customers, not 1.2 million as it first reported", 1.2e6, "customers"),
    ("only nine of the region's 1,032 polling stations opened late", 9, "polling stations"),
    ("Clara Wendt was in 612 of the 1,032 stations", 612, "stations"),  # a part of the whole
    ("95 buildings had been destroyed, 58 of them homes", 58, "homes"),
    ("640 of them were sleeping in shelters", 640, ""),  # a verb, no noun
    ("About 1,100 of those evacuated were allowed to return", 1100, ""),
    # a part of one's own: "three of its soldiers" are three soldiers
    ("three of its soldiers were wounded near Ruzan", 3, "soldiers"),
    ("Three of our soldiers were wounded, one of them seriously", 3, "soldiers"),
    ("nine of the region's polling stations", 9, "region's"),  # no noun of its own
    ("three of our own said so", 3, ""),  # no plural noun: no count of anything
    # "57 that ...": what the figure before it in the sentence counts
    ("a review of 412 invoices from the builder found 57 that appear to bill twice", 57,
     "invoices"),
    ("It sold 300 tickets. Later 40 that were fake turned up", 40, ""),
    ("The fund raised 4.2 million euros for the 300 who lost their homes", 300, ""),
    ("Divers pulled 14 bodies from the river and found 3 who were still alive", 3, ""),
])
def test_a_bare_figure_counts_what_the_figure_beside_it_counts(text, value, unit):
    q = next(q for q in extract_quantities(text) if q.value == value)
    assert q.unit == unit


def test_two_counts_joined_by_and_keep_their_own_nouns():
    qs = extract_quantities("12 injured and 40 dead; 27 to 22")
    assert [q.unit for q in qs] == ["injured", "dead", "", ""]


@pytest.mark.parametrize("text, value, words", [
    ("Our auditors found three point nine million dalers", 3.9e6,
     "three point nine million dalers"),
    ("turnout was sixty-one point four percent", 61.4, "sixty-one point four percent"),
    ("it rose by one point five points", 1.5, "one point five points"),
])
def test_a_spoken_decimal_is_one_figure(text, value, words):
    q = one(text)
    assert (round(q.value, 6), q.text) == (value, words)


def test_a_point_that_is_no_decimal_stays_out_of_the_figure():
    assert [q.text for q in extract_quantities("He scored one point. Nine people came.")] == [
        "one point", "Nine people"]


@pytest.mark.parametrize("text, value, words", [
    ("sentenced him to four years and six months in prison", 4.5,
     "four years and six months"),
    ("the search lasted two hours and 15 minutes", 2.25, "two hours and 15 minutes"),
])
def test_a_span_of_time_in_two_units_is_one_figure(text, value, words):
    q = one(text)
    assert (q.value, q.text) == (value, words)


def test_two_counts_joined_by_and_stay_two():
    assert [q.text for q in extract_quantities("four years and six people were hurt")] == [
        "four", "six people"]


def test_at_no_point_is_no_count_of_points():
    assert [q.text for q in extract_quantities(
        "indoor temperatures had at no point exceeded 29 degrees")] == ["29 degrees"]
    assert [q.value for q in extract_quantities("no passengers were hurt")] == [0.0]


def test_a_smaller_unit_past_the_larger_is_no_part_of_it():
    assert [q.value for q in extract_quantities("2 hours and 90 minutes")] == [2.0, 90.0]


def test_a_part_of_a_whole_said_in_words_counts_the_whole_s_noun():
    qs = extract_quantities("At least eight hundred of the twelve hundred construction jobs "
                            "will be filled here")
    assert [(q.value, q.unit) for q in qs] == [(800.0, "construction jobs"),
                                               (1200.0, "construction jobs")]


@pytest.mark.parametrize("text, value, qualifier", [
    ("cut its orders by more than a third", 33.3, "more than"),
    ("working at less than half its capacity", 50.0, "less than"),
    ("two thirds of the vote", 66.7, ""),
    ("three quarters of them", 75.0, ""),
])
def test_a_fraction_is_a_share(text, value, qualifier):
    (q,) = extract_quantities(text)
    assert (q.kind, q.value, q.qualifier) == ("percent", value, qualifier)


@pytest.mark.parametrize("text", ["a third time", "the third pier", "a quarter century"])
def test_an_ordinal_or_a_fraction_of_a_thing_is_no_share(text):
    assert not [q for q in extract_quantities(text) if q.kind == "percent"]


def test_an_age_is_no_count():
    assert [q.kind for q in extract_quantities("people aged between 18 and 25 were hired")] == [
        "age", "age"]
