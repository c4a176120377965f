"""Apportionment maths: properties (hypothesis) and known results from the literature."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_dash.model.apportion import DIVISOR_METHODS, METHODS, apportion, quotas, top_up

weights_st = st.dictionaries(
    st.text(alphabet="ABCDEFGHJK", min_size=1, max_size=3),
    st.integers(min_value=0, max_value=10_000),
    min_size=1,
    max_size=12,
).filter(lambda w: sum(w.values()) > 0)


def order_of(weights):
    return sorted(weights)


@settings(max_examples=150, deadline=None)
@given(weights=weights_st, total=st.integers(0, 300), method=st.sampled_from(METHODS))
def test_sums_to_total_and_no_negative(weights, total, method):
    seats = apportion(weights, total, method, order_of(weights))
    assert sum(seats.values()) == total
    assert all(s >= 0 for s in seats.values())
    assert set(seats) == set(weights)


@settings(max_examples=150, deadline=None)
@given(weights=weights_st, total=st.integers(0, 300))
def test_hamilton_stays_within_quota(weights, total):
    seats = apportion(weights, total, "hamilton", order_of(weights))
    for unit, exact in quotas({u: Fraction(w) for u, w in weights.items()}, total).items():
        assert math.floor(exact) <= seats[unit] <= math.ceil(exact)


@settings(max_examples=100, deadline=None)
@given(weights=weights_st, total=st.integers(0, 200), method=st.sampled_from(DIVISOR_METHODS))
def test_divisor_methods_are_house_monotone(weights, total, method):
    if method == "huntington-hill" and total < sum(1 for w in weights.values() if w > 0):
        total = sum(1 for w in weights.values() if w > 0)  # HH hands every weighted unit a first seat
    before = apportion(weights, total, method, order_of(weights))
    after = apportion(weights, total + 1, method, order_of(weights))
    assert all(after[u] >= before[u] for u in weights)


@settings(max_examples=150, deadline=None)
@given(weights=weights_st, data=st.data(), method=st.sampled_from(METHODS))
def test_top_up_never_lowers_and_reaches_total(weights, data, method):
    current = {u: data.draw(st.integers(0, 20)) for u in weights}
    total = data.draw(st.integers(0, 400))
    after = top_up(weights, current, total, method, order_of(weights))
    assert all(after[u] >= current[u] for u in weights)
    assert sum(after.values()) == max(total, sum(current.values()))


@settings(max_examples=80, deadline=None)
@given(weights=weights_st, total=st.integers(0, 200), method=st.sampled_from(METHODS))
def test_identical_inputs_identical_output(weights, total, method):
    first = apportion(weights, total, method, order_of(weights))
    reordered = dict(reversed(list(weights.items())))  # dict order must not matter, only `order`
    assert apportion(reordered, total, method, order_of(weights)) == first


def test_equal_weights_ties_follow_the_stated_order():
    units = [f"32.01.{i:02d}" for i in range(1, 41)]
    order = list(reversed(units))  # e.g. "more desa first": here simply the last code first
    seats = apportion(dict.fromkeys(units, 1), 150, "hamilton", order)
    assert sorted(seats.values()).count(4) == 30 and sorted(seats.values()).count(3) == 10
    assert all(seats[u] == 4 for u in order[:30]) and all(seats[u] == 3 for u in order[30:])
    for method in DIVISOR_METHODS:
        assert apportion(dict.fromkeys(units, 1), 150, method, order) == seats


# Known results. Source: Wikipedia, "D'Hondt method" and "Sainte-Laguë method", worked example
# (parties A 100,000, B 80,000, C 30,000, D 20,000 votes; 8 seats): D'Hondt gives 4/3/1/0,
# Sainte-Laguë gives 3/3/1/1.
PARTIES = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}


def test_dhondt_known_result():
    assert apportion(PARTIES, 8, "dhondt", list(PARTIES)) == {"A": 4, "B": 3, "C": 1, "D": 0}


def test_webster_sainte_lague_known_result():
    assert apportion(PARTIES, 8, "webster", list(PARTIES)) == {"A": 3, "B": 3, "C": 1, "D": 1}


def test_huntington_hill_same_parties():
    # Every party first gets one seat; then priorities p/sqrt(n(n+1)): A 70,711, B 56,569 (n=1),
    # A 40,825 (n=2), B 32,660 (n=2) take seats 5-8 (Huntington-Hill as defined by the US Census Bureau).
    assert apportion(PARTIES, 8, "huntington-hill", list(PARTIES)) == {"A": 3, "B": 3, "C": 1, "D": 1}


def test_hamilton_known_result():
    # Source: Wikipedia, "Largest remainder method", example with the Hare quota: 100,000 votes,
    # 10 seats -> Yellows 5, Whites 2, Reds 1, Greens 1, Blues 1, Pinks 0.
    votes = {
        "Yellows": 47_000,
        "Whites": 16_000,
        "Reds": 15_800,
        "Greens": 12_000,
        "Blues": 6_100,
        "Pinks": 3_100,
    }
    expected = {"Yellows": 5, "Whites": 2, "Reds": 1, "Greens": 1, "Blues": 1, "Pinks": 0}
    assert apportion(votes, 10, "hamilton", list(votes)) == expected


def test_hamilton_alabama_paradox():
    # The Alabama paradox (Balinski & Young, Fair Representation): a larger house can cost a unit a seat
    # under Hamilton — why the top-up plan and the house-monotone property use divisor methods.
    weights = {"A": 6, "B": 6, "C": 2}
    assert apportion(weights, 10, "hamilton", list(weights))["C"] == 2
    assert apportion(weights, 11, "hamilton", list(weights))["C"] == 1


def test_rejects_bad_input():
    with pytest.raises(ValueError):
        apportion({"A": -1, "B": 2}, 3, "hamilton", ["A", "B"])
    with pytest.raises(ValueError):
        apportion({"A": 0, "B": 0}, 3, "webster", ["A", "B"])
    with pytest.raises(ValueError):
        apportion({"A": 1}, 3, "nope", ["A"])  # type: ignore[arg-type]  # a method no type allows
