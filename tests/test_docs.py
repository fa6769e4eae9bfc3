"""The documentation builds, its examples run and print what the pages say, and the example script works."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
QUICKSTART = REPO / "examples" / "quickstart.py"

# Pages whose ```python blocks are executed; a ```text title="Output" block right after one is what it prints.
PAGES = sorted([REPO / "README.md", *DOCS.glob("*.md")])

_FENCE = re.compile(r"^```(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')

# Runs a page's blocks in one namespace, in order, and reports what each printed (or where it failed).
_RUNNER = """
import contextlib, io, json, sys, traceback
blocks = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
outputs = []
for index, code in enumerate(blocks):
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(compile(code, f"<block {index}>", "exec"), namespace)
    except BaseException:
        print(json.dumps({"failed": index, "traceback": traceback.format_exc(), "outputs": outputs}))
        sys.exit(0)
    outputs.append(buffer.getvalue())
print(json.dumps({"outputs": outputs}))
"""


def _blocks(page: Path) -> list[tuple[str, str, str]]:
    """``(language, title, body)`` for each top-level fenced block of a Markdown page."""
    blocks = []
    for match in _FENCE.finditer(page.read_text(encoding="utf-8")):
        title = _TITLE.search(match["attrs"])
        blocks.append((match["lang"], title["title"] if title else "", match["body"]))
    return blocks


def run_page(page: Path, workdir: Path) -> list[tuple[str, str | None, str]]:
    """Run a page's Python blocks; return ``(code, documented output or None, actual output)`` for each.

    Titled non-Python blocks (```toml title="my_lexicon.toml") are written to ``workdir`` first, so the
    examples can read the files the page shows.
    """
    blocks = _blocks(page)
    for lang, title, body in blocks:
        if title and lang != "python" and title != "Output":
            (workdir / title).write_text(body, encoding="utf-8")
    examples: list[tuple[str, str | None]] = []
    for index, (lang, _, body) in enumerate(blocks):
        if lang != "python":
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        documented = following[2] if following and following[0] == "text" and following[1] == "Output" else None
        examples.append((body, documented))
    if not examples:
        return []
    completed = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input=json.dumps([code for code, _ in examples]),
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    if "failed" in report:
        pytest.fail(f"{page.name}: example {report['failed'] + 1} raised:\n{examples[report['failed']][0]}\n{report['traceback']}")
    return [(code, documented, actual) for (code, documented), actual in zip(examples, report["outputs"])]


def _normalise(output: str) -> str:
    return "\n".join(line.rstrip() for line in output.strip().splitlines())


def test_docs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert completed.returncode == 0, f"mkdocs build --strict failed:\n{completed.stderr}"
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_page_examples_print_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    for code, documented, actual in run_page(page, tmp_path):
        if documented is not None:
            assert _normalise(actual) == _normalise(documented), (
                f"{page.name}: the output shown after this example is not what it prints.\n"
                f"--- code ---\n{code}--- shown ---\n{documented}--- printed ---\n{actual}"
            )


def test_lexicon_excerpt_matches_the_built_in_file() -> None:
    from cxcoach.resources import read_toml

    excerpts = [body for lang, _, body in _blocks(DOCS / "sentiment.md") if lang == "toml" and 'name = "support"' in body]
    assert len(excerpts) == 1, "sentiment.md should show one excerpt of support_lexicon.toml"
    excerpt = tomllib.loads(excerpts[0])
    builtin = read_toml("support_lexicon.toml", package_file=True)
    for key, value in excerpt.items():
        if isinstance(value, dict):
            assert value.items() <= builtin[key].items(), f"[{key}] in the excerpt differs from the built-in file"
        elif isinstance(value, list):
            assert set(value) <= set(builtin[key]), f"{key} in the excerpt lists words the built-in file does not"
        else:
            assert value == builtin[key]


def test_benchmarks_page_has_the_sections_the_scripts_fill() -> None:
    text = (DOCS / "benchmarks.md").read_text(encoding="utf-8")
    for name in ("accuracy", "speed"):
        lines = text.splitlines()
        assert f"<!-- {name}:start -->" in lines and f"<!-- {name}:end -->" in lines
        assert lines.index(f"<!-- {name}:start -->") < lines.index(f"<!-- {name}:end -->")


def _run_quickstart(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(QUICKSTART), *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_quickstart_example_reports_negative_and_positive_messages(tmp_path: Path) -> None:
    completed = _run_quickstart(cwd=tmp_path)  # another cwd: the script finds its data beside itself
    assert completed.returncode == 0, completed.stderr
    assert "NEGATIVE" in completed.stdout
    assert "POSITIVE" in completed.stdout
    assert "evidence:" in completed.stdout


def test_quickstart_example_analyses_text_from_the_command_line(tmp_path: Path) -> None:
    completed = _run_quickstart("Thanks for nothing, still waiting for my refund!!", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "NEGATIVE" in completed.stdout
    assert "Thanks for nothing" in completed.stdout
