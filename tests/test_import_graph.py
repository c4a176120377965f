"""The package's shape holds: no import cycle between modules, and no import that climbs from a lower job
to a higher one (sources < boundaries < store < model < outputs < cli, ui)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kim_dash"
# Lower jobs first: a module may import its own job's modules and any lower job's, never a higher one's.
LAYERS = {
    "strings": 0,
    "i18n": 1,  # formats dates through sources.dates
    "sources": 1,
    "boundaries": 2,
    "store": 3,
    "model": 4,
    "officers": 4,
    "outputs": 5,
    "cli": 6,
    "ui": 6,
    "__main__": 7,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def type_checking_lines(tree: ast.Module) -> set[int]:
    """Imports under `if TYPE_CHECKING:` do not run, so they make no cycle."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                lines.add(getattr(inner, "lineno", -1))
    return lines


def imports_of(path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", -1) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kim_dash")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kim_dash"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return {name for name in found if name in known and name != "kim_dash"}


def graph() -> dict[str, set[str]]:
    """Module -> the kim_dash modules it imports."""
    known = set(modules())
    return {name: imports_of(path, known) - {name} for name, path in modules().items()}


def edges() -> set[tuple[str, str]]:
    return {(source, target) for source, targets in graph().items() for target in targets}


def job(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_graph_is_read() -> None:
    assert len(graph()) >= 50
    assert ("kim_dash.cli.commands", "kim_dash.store.dataset") in edges()  # the CLI reads the Dataset


def test_no_import_cycle() -> None:
    # A package's __init__ re-exporting its own modules is not a cycle of jobs: leave those edges out.
    g = {s: {t for t in ts if s != t.rpartition(".")[0]} for s, ts in graph().items()}
    try:
        TopologicalSorter(g).prepare()
    except CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None


def test_no_import_climbs_to_a_higher_job() -> None:
    upward = sorted(
        f"{source} -> {target}"
        for source, target in edges()
        if job(source) in LAYERS and job(target) in LAYERS and LAYERS[job(target)] > LAYERS[job(source)]
    )
    assert upward == []


def test_every_module_belongs_to_a_job_and_every_package_states_it() -> None:
    top = sorted(p.name for p in PACKAGE.iterdir() if not p.name.startswith((".", "__pycache__")))
    assert len(top) <= 12, top
    assert {job(name) for name in modules()} - {"__init__"} <= set(LAYERS)
    for init in PACKAGE.rglob("__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init
