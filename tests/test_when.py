"""Points in time a text names (`claims.when`), and which of two comes first."""

from __future__ import annotations

import pytest

from claims.when import earlier, points


def one(text):
    found = points(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, said, year, months, day", [
    ("an alert was raised on February 21", "February 21", None, (2, 2), 21),
    ("no alert before the fourth of March", "the fourth of March", None, (3, 3), 4),
    ("paid on March the thirteenth", "March the thirteenth", None, (3, 3), 13),
    ("informed the office on Friday, March 5", "Friday, March 5", None, (3, 3), 5),
    ("on 4 March 2026 the line failed", "4 March 2026", 2026, (3, 3), 4),
    ("due to be finished in September 2027", "September 2027", 2027, (9, 9), None),
    ("construction starts in the spring of 2028", "the spring of 2028", 2028, (3, 5), None),
    ("nothing will be built before 2029", "2029", 2029, None, None),
])
def test_a_date_keeps_what_the_text_says_and_nothing_more(text, said, year, months, day):
    p = one(text)
    assert (p.text, p.year, p.months, p.day) == (said, year, months, day)


def test_a_clock_time_takes_the_day_just_after_it_and_ordinals_in_words_read_whole():
    p = one("at 10:15 in the morning of March 5")
    assert (p.minute, p.months, p.day) == (615, (3, 3), 5)
    p = one("at 9 p.m. Sunday")
    assert (p.minute, p.weekday) == (21 * 60, 6)
    assert one("on the twenty first of March").day == 21


def test_a_clock_time_takes_the_day_just_after_it():
    p = one("did not notify the office until 22:40 on Saturday, March 6")
    assert (p.minute, p.months, p.day, p.weekday) == (22 * 60 + 40, (3, 3), 6, 5)
    p = one("received the warning at ten past five")
    assert (p.minute, p.dial, p.months) == (17 * 60 + 10 - 720, True, None)


@pytest.mark.parametrize("text", [
    "2029 homes were flooded",  # a count, not a year
    "it may be too late",  # "may", the verb
    "the figures for May",  # a month alone: which year's?
    "in the winter of 2027",  # 2027's winter, or the one that starts in 2027?
    "they will march 20 kilometres",  # verbs, not months
    "the minister may 3 times have said so",
    "until 2030 homes are built",  # counts, not years
    "a fall of 2028 points",
    "the firm's staff grew by 2000",
    "on 31 February",  # no such day
    "between 2 and 3 a.m.",  # a stretch
])
def test_no_point_in_time_where_the_text_names_none(text):
    assert points(text) == ()


@pytest.mark.parametrize("a, b", [
    ("on February 21", "before the fourth of March"),
    ("on Friday, March 5", "until 22:40 on Saturday, March 6"),
    ("in September 2027", "before March 2028"),
    ("in the spring of 2028", "before 2029"),
    ("at 12:15", "until about 15:40"),
    ("at ten past five", "before the ship left at ten past six on Friday"),
    ("at ten past five", "until 19:02"),  # 5:10 or 17:10: both before 19:02
    ("at 05:25", "before 05:30"),  # the 24-hour clock, unhedged: to the minute
])
def test_the_earlier_of_two_points(a, b):
    p, q = one(a), one(b)
    assert earlier(p, q)
    assert not earlier(q, p)


@pytest.mark.parametrize("a, b", [
    ("on March 4", "before 2029"),  # no year on one side: nothing to compare
    ("in 2028", "before March 2028"),  # the year is the bound's: which month?
    ("in the spring of 2028", "before May 2028"),  # spring runs into May
    ("on Friday", "until Saturday, March 6"),  # which week's Friday?
    ("on Monday", "on Saturday"),
    ("at 1:40", "until 1:45"),  # within ten minutes: one report of a time
    ("at about 05:25", "before 05:30"),  # ...or hedged
    ("at 05:29", "before 05:30"),  # ...and a minute or two either way
    ("at ten past seven", "until 19:02"),  # 7:10 or 19:10: not surely earlier
    ("on March 4", "until 2:15"),  # a day and a time of some day
])
def test_no_order_where_the_two_do_not_say_enough(a, b):
    assert not earlier(one(a), one(b))


def test_days_of_the_week_apart_put_no_order_on_their_times():
    # 9 a.m. on Monday may be after 10 a.m. on Saturday
    assert not earlier(one("at 9 a.m. on Monday"), one("until 10 a.m. on Saturday"))
    assert earlier(one("at 9 a.m. on Monday"), one("until 10 a.m. on Monday"))


def test_dated_points_name_a_day_of_a_month():
    from claims.when import dated

    assert [p.text for p in dated("shares fell on Monday, May 8, after a week of losses")] == \
        ["Monday, May 8"]
    assert dated("shares fell on Monday") == () and dated("in March 2028") == ()
