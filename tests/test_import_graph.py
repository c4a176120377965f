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


def closure(start: set[str], g: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += g.get(name, set())
    return seen


def test_no_two_threads_can_meet_in_a_package_being_loaded() -> None:
    """Streamlit runs the first visitors' pages in several threads at once, each importing modules. A
    package whose __init__ imports its own submodules is safe only if nobody outside it imports those
    submodules directly: a thread holding `readers.budget` would wait for `readers` while the thread
    loading `readers` waits for `budget` ("partially initialized module", seen on a cold start). The top
    package imports nothing at all (every module's import passes through it)."""
    g = graph()
    top = imports_of(PACKAGE / "__init__.py", set(modules()) | {"kim_dash"})
    assert top == set(), top
    offenders = []
    for package, path in modules().items():
        if path.name != "__init__.py":
            continue
        inside = {t for t in closure(g[package], g) if t.startswith(package + ".")}
        offenders += [
            f"{source} -> {target}"
            for source, target in edges()
            if target in inside and not source.startswith(package + ".") and source != package
        ]
    assert offenders == []


def test_the_modules_load_in_many_threads_at_once() -> None:
    """The same cold start, for real: fresh interpreters, 8 threads importing every module in different
    orders at the same moment; none may see a partially initialized module."""
    import subprocess
    import sys

    names = sorted(n for n in modules() if n != "kim_dash.__main__")
    script = f"""
import importlib, random, sys, threading
names = {names!r}
errors, start = [], threading.Barrier(8)
def load(seed):
    order = names[:]
    random.Random(seed).shuffle(order)
    start.wait()
    for name in order:
        try:
            importlib.import_module(name)
        except ImportError as error:
            errors.append(f"{{name}}: {{error}}")
threads = [threading.Thread(target=load, args=(seed,)) for seed in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print("\\n".join(errors))
sys.exit(1 if errors else 0)
"""
    for attempt in range(3):  # a smoke check; the structural test above is the one that caught the cycle
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, (attempt, done.stdout[-2000:], done.stderr[-2000:])
