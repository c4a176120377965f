"""KIM Dashboard: data, ranking, coverage and planning for Kelompok Informasi Masyarakat.

Plain Python: nothing here imports Streamlit except the `kim_dash.ui` subpackage.

The package itself imports nothing when it is loaded (its names are looked up on first use): a package
that imports its own submodules is an import cycle, and Streamlit imports the pages' modules in several
threads at once after a start, where such a cycle raised "partially initialized module" on the first
visitors' pages.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("kim_dash.store.dataset"), name)
    raise AttributeError(f"module 'kim_dash' has no attribute {name!r}")
