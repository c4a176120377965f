"""The layering holds: every module outside kim_dash/ui imports with Streamlit made unimportable, so the
CLI, the tests and any other front end use the same plain code as the pages."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCKED_IMPORT = """
import importlib, importlib.abc, pkgutil, sys

class NoStreamlit(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "streamlit" or name.startswith("streamlit."):
            raise ImportError(f"{name} is blocked: kim_dash outside ui/ must not need it")
        return None

sys.meta_path.insert(0, NoStreamlit())
import kim_dash
names = [m.name for m in pkgutil.walk_packages(kim_dash.__path__, "kim_dash.")
         if not m.name.startswith("kim_dash.ui") and m.name != "kim_dash.__main__"]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_module_outside_ui_imports_without_streamlit():
    result = subprocess.run([sys.executable, "-c", BLOCKED_IMPORT], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) >= 40  # the walk found the package's modules


def test_no_module_outside_ui_reaches_into_ui():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "kim_dash").rglob("*.py")
        if "ui" not in path.relative_to(ROOT / "kim_dash").parts[:1]
        and ("from kim_dash.ui" in (text := path.read_text(encoding="utf-8")) or "import streamlit" in text)
    ]
    assert offenders == []


def test_no_module_outside_the_translation_table_is_over_250_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in [*(ROOT / "kim_dash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 250
    }
    assert long == {}


def test_no_data_can_reach_raw_html():
    """Streamlit renders HTML only through unsafe_allow_html or st.html: the first only in the module that
    checks a map picture against a list of allowed SVG parts first (tests/test_inline_svg.py), the second
    only where the HTML is built from the project's own strings (escaped anyway)."""
    ours = [
        p
        for p in ROOT.rglob("*.py")
        if not any(part.startswith((".venv", ".")) for part in p.relative_to(ROOT).parts)
    ]
    assert len(ours) > 100
    unsafe = [str(p.relative_to(ROOT)) for p in ours if "unsafe_allow_html" in p.read_text(encoding="utf-8")]
    unsafe.remove("tests/test_layering.py")
    assert unsafe == ["kim_dash/ui/inline_svg.py"]
    raw_html = sorted(str(p.relative_to(ROOT)) for p in ours if "st.html(" in p.read_text(encoding="utf-8"))
    assert raw_html == ["kim_dash/ui/map_legend.py", "kim_dash/ui/page_style.py", "tests/test_layering.py"]


def test_only_the_cache_module_calls_streamlits_caches():
    """One module owns caching (kim_dash/ui/cached.py): what is kept, how many, and by which key."""
    sources = [*(ROOT / "kim_dash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
    callers = sorted(
        str(p.relative_to(ROOT)) for p in sources if "st.cache_" in p.read_text(encoding="utf-8")
    )
    assert callers == ["kim_dash/ui/cached.py"]
