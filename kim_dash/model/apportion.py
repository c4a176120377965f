"""Apportionment: share a whole number of KIM among units (kecamatan) in proportion to weights.

Exact rational arithmetic (fractions.Fraction) throughout, so a tie is a real tie and is broken
only by the caller's explicit `order` (earlier wins) — never by float noise or dict order.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction

import pandas as pd

from kim_dash.model.kinds import METHODS, Method

DIVISOR_METHODS: tuple[Method, ...] = METHODS[1:]


def as_fraction(weight: float | int | str | Fraction) -> Fraction:
    if isinstance(weight, Fraction):
        return weight
    if isinstance(weight, float):
        if not math.isfinite(weight):
            raise ValueError(f"weight {weight} is not finite")
        return Fraction(repr(weight))  # 0.1 -> 1/10, as the user wrote it
    return Fraction(weight)


def _check(weights: Mapping[str, Fraction], total: int, order: Sequence[str]) -> None:
    if total < 0:
        raise ValueError("total must be >= 0")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must be >= 0")
    if total > 0 and not any(w > 0 for w in weights.values()):
        raise ValueError("at least one weight must be positive")
    if set(order) != set(weights):
        raise ValueError("order must list every unit once")


def quotas(weights: Mapping[str, Fraction], total: int) -> dict[str, Fraction]:
    """Each unit's exact share of `total`."""
    weight_sum = sum(weights.values(), Fraction(0))
    return {u: Fraction(total) * w / weight_sum for u, w in weights.items()}


def hamilton(weights: Mapping[str, Fraction], total: int, order: Sequence[str]) -> dict[str, int]:
    """Largest remainder: everyone gets the floor of their quota, the rest go to the largest remainders."""
    _check(weights, total, order)
    if total == 0:
        return dict.fromkeys(weights, 0)
    exact = quotas(weights, total)
    seats = {u: math.floor(q) for u, q in exact.items()}
    left = total - sum(seats.values())
    position = {u: i for i, u in enumerate(order)}
    by_remainder = sorted(weights, key=lambda u: (-(exact[u] - seats[u]), position[u]))
    for unit in by_remainder[:left]:
        seats[unit] += 1
    return seats


def _priority(method: Method, weight: Fraction, seats: int) -> tuple[int, Fraction]:
    """Sortable priority of a unit's next seat; (1, _) is infinite (Huntington–Hill's first seat)."""
    if weight == 0:
        return (0, Fraction(0))
    if method == "dhondt":
        return (0, weight / (seats + 1))
    if method == "webster":
        return (0, weight / (Fraction(seats) + Fraction(1, 2)))
    if method == "huntington-hill":
        if seats == 0:
            return (1, weight)
        return (0, weight * weight / (seats * (seats + 1)))  # compare squares: no sqrt needed
    raise ValueError(f"unknown divisor method {method!r}")


def _greedy(
    units: Sequence[str],
    start: Mapping[str, int],
    seats_to_add: int,
    order: Sequence[str],
    claim: Callable[[str, int], tuple | None],
) -> dict[str, int]:
    """Hand out seats one at a time to the strongest claim (ties: earlier in `order`); a unit whose
    claim is None takes no (more) seats."""
    position = {u: i for i, u in enumerate(order)}
    seats = dict(start)

    def entry(unit: str) -> tuple | None:
        key = claim(unit, seats[unit])
        return None if key is None else (tuple(-k for k in key), position[unit], unit)

    heap = [e for u in units if (e := entry(u)) is not None]
    heapq.heapify(heap)
    for _ in range(seats_to_add):
        if not heap:
            break
        unit = heapq.heappop(heap)[2]
        seats[unit] += 1
        if (again := entry(unit)) is not None:
            heapq.heappush(heap, again)
    return seats


def fill(
    weights: Mapping[str, Fraction],
    start: Mapping[str, int],
    seats_to_add: int,
    method: Method,
    order: Sequence[str],
    total: int = 0,
) -> dict[str, int]:
    """Hand out seats one at a time to the strongest claim: a divisor method's priority (from zero this
    is the divisor method), or for Hamilton's top-up the unit furthest below its exact quota of `total`."""
    if method == "hamilton":
        exact = quotas(weights, total)
        return _greedy(list(weights), start, seats_to_add, order, lambda u, s: (exact[u] - s,))
    return _greedy(list(weights), start, seats_to_add, order, lambda u, s: _priority(method, weights[u], s))


def apportion(
    weights: Mapping[str, float | int | Fraction], total: int, method: Method, order: Sequence[str]
) -> dict[str, int]:
    """Share `total` among the units by `method`; ties go to the unit earlier in `order`."""
    exact_weights = {u: as_fraction(w) for u, w in weights.items()}
    _check(exact_weights, total, order)
    if method == "hamilton":
        return hamilton(exact_weights, total, order)
    if method not in DIVISOR_METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    return fill(exact_weights, dict.fromkeys(exact_weights, 0), total, method, order)


def top_up(
    weights: Mapping[str, float | int | Fraction],
    current: Mapping[str, int],
    total: int,
    method: Method,
    order: Sequence[str],
) -> dict[str, int]:
    """Add KIM until the sum reaches `total`, never taking one away ("no kecamatan loses a KIM")."""
    exact_weights = {u: as_fraction(w) for u, w in weights.items()}
    _check(exact_weights, total, order)
    if any(c < 0 for c in current.values()):
        raise ValueError("current counts must be >= 0")
    to_add = max(total - sum(current.values()), 0)
    if method != "hamilton" and method not in DIVISOR_METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    return fill(exact_weights, current, to_add, method, order, total)


def tie_order(units: pd.DataFrame) -> list[str]:
    """The stated tie rule: more desa/kelurahan first, then the larger weight, then the lower code."""
    ordered = units.assign(_w=units.get("weight", 0.0))
    return ordered.sort_values(["villages", "_w", "code"], ascending=[False, False, True])["code"].tolist()


def fill_floors(
    floors: Mapping[str, int], current: Mapping[str, int], seats_to_add: int, order: Sequence[str]
) -> dict[str, int]:
    """Add seats toward per-unit minimums ("a KIM in every kecamatan/desa"): each seat goes to the unit
    furthest below its floor, ties by `order`; units at or above their floor get none."""
    return _greedy(
        list(floors), current, seats_to_add, order, lambda u, s: (floors[u] - s,) if floors[u] > s else None
    )


def cover_empty(
    weights: Mapping[str, float | int | Fraction],
    current: Mapping[str, int],
    seats_to_add: int,
    order: Sequence[str],
) -> dict[str, int]:
    """The SPM step before any sharing: every unit without a seat (and with a positive weight) gets
    one, the larger weight first, ties by `order`; at most `seats_to_add` in all."""
    exact = {u: as_fraction(w) for u, w in weights.items()}
    position = {u: i for i, u in enumerate(order)}
    empty = sorted(
        (u for u in exact if current[u] == 0 and exact[u] > 0), key=lambda u: (-exact[u], position[u])
    )
    out = dict(current)
    for unit in empty[: max(seats_to_add, 0)]:
        out[unit] = 1
    return out


def top_up_empty_first(
    weights: Mapping[str, float | int | Fraction],
    current: Mapping[str, int],
    total: int,
    method: Method,
    order: Sequence[str],
) -> dict[str, int]:
    """`top_up` after `cover_empty`: a KIM in every kecamatan without one first, then the rest by
    `method` from there (the method's own arithmetic is untouched)."""
    seeded = cover_empty(weights, current, total - sum(current.values()), order)
    return top_up(weights, seeded, total, method, order)
