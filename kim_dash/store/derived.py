"""One cache for derived tables: computed once per data object, keyed by function and arguments.

The app keeps one Dataset per store version and date for the whole process, so a table derived
from it (the national ranking, a regency's kecamatan table) is computed once and shared read-only by
every session. Callers must not modify what a derived function returns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
MAX_ENTRIES = 512  # filter combinations are many; keep memory bounded


class HasDerived(Protocol):
    _derived: dict[tuple, Any]


Owner = TypeVar("Owner", bound=HasDerived)


def derived(func: Callable[Concatenate[Owner, P], R]) -> Callable[Concatenate[Owner, P], R]:
    """Cache `func(owner, *args, **kwargs)` on `owner._derived`; arguments must be hashable."""

    @functools.wraps(func)
    def wrapper(owner: Owner, /, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items())))
        cache = owner._derived
        if key not in cache:
            if len(cache) >= MAX_ENTRIES:
                cache.clear()
            cache[key] = func(owner, *args, **kwargs)
        return cache[key]

    return wrapper
