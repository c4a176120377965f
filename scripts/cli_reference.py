"""Write the command-line reference into README.md from the parser (run after changing kim_dash/cli/parser.py).

Usage: python scripts/cli_reference.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kim_dash.cli.reference import replace_reference  # noqa: E402


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = replace_reference(text)
    if "--check" in sys.argv[1:]:
        return int(new != text)
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
