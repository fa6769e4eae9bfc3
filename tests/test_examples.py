"""The example scripts under examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTCOME_FIRST = REPO / "examples" / "outcome_first.py"


def _run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_outcome_first_example_compares_process_and_outcome_replies(tmp_path: Path) -> None:
    completed = _run(OUTCOME_FIRST, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    output = completed.stdout.lower()
    assert "process" in output
    assert "outcome" in output


def test_techniques_example_names_techniques_cues_and_promises(tmp_path: Path) -> None:
    completed = _run(REPO / "examples" / "techniques.py", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    output = completed.stdout
    for expected in ("techniques:", "escalation risk:", "commitments:", "setting_limits", "apology"):
        assert expected in output


def test_drafting_example_drafts_with_each_playbook_rewrites_and_reports_missing_facts(tmp_path: Path) -> None:
    completed = _run(REPO / "examples" / "drafting.py", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    output = completed.stdout
    for expected in ("playbook: limits_first", "playbook: ldal", "playbook: outcome_first", "outcome",
                     "set_limits", "check:    passed", "kept", "a deferral the outcome now answers",
                     "MissingFactsError", "missing: amount, decision, estimate"):
        assert expected in output
    assert "FAILED" not in output
