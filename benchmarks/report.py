"""Writes a benchmark's table into its marked section of ``docs/benchmarks.md``."""

from __future__ import annotations

import platform
import re
import sys
from datetime import date
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def machine() -> str:
    return f"Python {platform.python_version()} on {platform.machine()} ({platform.system()}), {date.today()}"


def write_section(name: str, body: str) -> None:
    """Replace the text between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
    text = DOC.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        sys.exit(f"{DOC} has no {start} ... {end} section to fill")
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    DOC.write_text(pattern.sub(lambda _: f"{start}\n{body.strip()}\n{end}", text), encoding="utf-8")
    print(f"wrote the {name} table to {DOC}")
