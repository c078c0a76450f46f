import pytest

from yalu.extract.quantities import quantities


@pytest.mark.parametrize(
    "text, kind, value, unit",
    [
        ("the guard was demanding RMB 500 and two bottles of liquor", "money", 500, "CNY"),
        ("paid 3,000 yuan to the guards", "money", 3000, "CNY"),
        ("a fine of 50,000 won", "money", 50000, "KPW"),
        ("brokers charge $8,000 per person", "money", 8000, "USD"),
        ("USD 1.5 million in cash", "money", 1500000, "USD"),
        ("carrying a 7.62mm rifle and 90 rounds of ammunition", "ammunition", 90, "rounds"),
        ("carrying a 7.62mm rifle and 90 rounds of ammunition", "weapon", 1, "rifle"),
        ("sank the ship, killing at least 14 crewmen", "fatalities", 14, None),
        ("three soldiers were killed", "fatalities", 3, None),
        ("injuring one ROK soldier", "injured", 1, None),
        ("twelve defectors were caught", "people", 12, "defectors"),
    ],
)
def test_quantity_found(text, kind, value, unit):
    found = [(q.kind, q.value, q.unit) for q in quantities(text)]
    assert (kind, value, unit) in found, found


def test_one_stretch_of_text_is_one_quantity():
    found = quantities("He paid 500 yuan.")
    assert [(q.kind, q.value) for q in found] == [("money", 500)]


def test_no_quantity_in_plain_text():
    assert quantities("The border was closed after the inspection.") == []
