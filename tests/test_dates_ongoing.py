"""Acts going on since a date (yalu/dates/combine.py `coded_as_start`, rule date.since_start):
coded as precisely as the day, week, month or year they began, from that start to
publication. On whole (fictional) articles: tests/test_slots.py.
"""

from datetime import date

import pytest

from yalu.annotate import text_of
from yalu.dates import after_clause_date, coded_as_start, coded_by_width, find_dates, governing_date, resolve
from yalu.model import TimeSpan

PUB = date(2024, 10, 11)


@pytest.mark.parametrize(
    ("expression", "start", "precision"),
    [
        ("since mid-August", date(2024, 8, 11), 3),
        ("since November 2", date(2023, 11, 2), 1),
        ("ever since last week", date(2024, 9, 29), 2),
        ("since May", date(2024, 5, 1), 3),
        ("since Saturday", date(2024, 10, 5), 1),
        ("since 2019", date(2019, 1, 1), 4),
    ],
)
def test_an_ongoing_span_is_as_precise_as_its_start(expression, start, precision):
    found = resolve(expression, PUB)
    coded = coded_as_start(found, PUB)
    assert (coded.start, coded.end, coded.precision) == (start, PUB, precision)
    assert found.precision == 4  # the date stage's own span stays ongoing


@pytest.mark.parametrize("expression", ["in May", "last week", "recently", "the first such test since 1983"])
def test_other_spans_keep_their_precision(expression):
    found = resolve(expression, PUB)
    assert coded_as_start(found, PUB) == found


@pytest.mark.parametrize(("span", "precision"), [
    (resolve("recently", PUB), 3),  # the thirty days before publication (date.month_window)
    (resolve("in recent weeks", PUB), 3),  # sixty days
    (TimeSpan(date(2024, 8, 11), PUB, 4), 3),  # a report's recent window of two months
    (resolve("in recent months", PUB), 4),  # half a year
    (TimeSpan(date(2024, 8, 3), PUB, 4), 4),  # over two months
    (resolve("since mid-August", PUB), 4),  # ongoing: coded by its start (coded_as_start)
    (TimeSpan(None, PUB, 4), 4),  # on or before: no width
])
def test_a_window_of_weeks_is_coded_as_a_month(span, precision):
    coded = coded_by_width(span)
    assert coded.precision == precision
    assert (coded.start, coded.end) == (span.start, span.end)  # the interval stays


@pytest.mark.parametrize(("sentence", "start", "told"), [
    ("Many engineers have been dispatched since the authorities issued an order in mid-June.",
     date(2024, 6, 11), "since mid-June"),
    ("Rice prices have soared since the authorities shut the market on the 8th.", date(2024, 10, 8), "since the 8th"),
])
def test_an_act_in_the_perfect_since_a_dated_clause_goes_on_from_its_date(nlp, sentence, start, told):
    doc = nlp(sentence)
    sent = next(doc.sents)
    found = after_clause_date(sent, sent.root, find_dates(text_of(doc), PUB))
    assert found is not None and found.rule == "date.since_clause"
    assert (found.span.start, found.span.end, found.span.expression) == (start, PUB, told)
    assert coded_as_start(found.span, PUB).precision in (1, 3)


@pytest.mark.parametrize("sentence", [
    "Since the market closed on Monday, traders sell rice in the alleys.",  # "since" of cause
    "Prices rose sharply after the market closed in mid-June.",  # an after long before: no date
])
def test_a_since_or_after_clause_without_the_perfect_or_recent_date_dates_nothing(nlp, sentence):
    doc = nlp(sentence)
    sent = next(doc.sents)
    assert after_clause_date(sent, sent.root, find_dates(text_of(doc), PUB)) is None


ONGOING = "The ministry sent its agents to the border on Oct. 3, and they are currently staging inspections in every town."


@pytest.mark.parametrize(("sentence", "word", "ongoing"), [
    (ONGOING, "inspections", True),
    (ONGOING, "sent", False),  # the past act keeps its day
    ("Police were searching trains at Hyesan station on Oct. 3.", "searching", False),  # a past progressive
])
def test_an_act_in_the_present_progressive_goes_on_since_its_past_date(nlp, sentence, word, ongoing):
    doc = nlp(sentence)
    sent = next(doc.sents)
    trigger = next(t for t in doc if t.text == word)
    found = governing_date(sent, trigger, find_dates(text_of(doc), PUB))
    assert found is not None and found.span.start == date(2024, 10, 3)
    if ongoing:
        assert (found.rule, found.span.end, found.span.expression) == ("date.ongoing_since", PUB, "since Oct. 3")
        assert coded_as_start(found.span, PUB).precision == 1
    else:
        assert (found.span.end, found.span.precision) == (date(2024, 10, 3), 1)



# date.began_since: an act that began on a stated day, over a week back, runs to publication;
# one begun yesterday is the day's news, one begun in a month has no day to code it by
BEGAN = {
    "The mobilization of students for weeding began on Sept. 20, a teacher said.": ("mobilization", True),
    "Security agents started searching every house in Musan on Sept. 20.": ("searching", True),
    "The annual winter drill began on Oct. 10, the ministry said.": ("drill", False),
    "The mobilization of students for weeding began in September, a teacher said.": ("mobilization", False),
}


def test_an_act_told_as_beginning_on_a_day_goes_on_since_it(nlp):
    for sentence, (word, since) in BEGAN.items():
        doc = nlp(sentence)
        found = governing_date(next(doc.sents), next(t for t in doc if t.text == word), find_dates(text_of(doc), PUB))
        assert found is not None and (found.rule == "date.began_since") == since, sentence
        if since:
            assert (found.span.start, found.span.end, found.span.precision) == (date(2024, 9, 20), PUB, 1)
            assert coded_as_start(found.span, PUB) == found.span


# date.fronted_relative: a fronted month dates the relative clause on the main clause's subject
# that tells no date of its own; a fronted day dates the main clause only
FRONTED = {
    "Last August, a smuggler who was detained for selling copper was freed after paying a bribe.": (8, 3),
    "On Sept. 20, a smuggler who was detained for selling copper was freed after paying a bribe.": None,
}


def test_a_fronted_month_dates_the_subjects_relative_clause(nlp):
    for sentence, expected in FRONTED.items():
        doc = nlp(sentence)
        found = governing_date(next(doc.sents), next(t for t in doc if t.text == "detained"),
                               find_dates(text_of(doc), PUB))
        got = (found.span.start.month, found.span.precision) if found is not None else None
        assert got == expected, sentence
