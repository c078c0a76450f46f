"""Acts going on since a date (yalu/dates/combine.py `coded_as_start`, rule date.since_start):
coded as precisely as the day, week, month or year they began, from that start to
publication. On whole (fictional) articles: tests/test_slots.py.
"""

from datetime import date

import pytest

from yalu.dates import coded_as_start, resolve

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
