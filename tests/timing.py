"""Timing helper for the linear-time tests (a ratio of two sizes, never an absolute limit)."""

from __future__ import annotations

import gc
import time
from typing import Any, Callable

import cxcoach


def best_analysis_time(make_text: Callable[[], str], budget: float = 0.3, **options: Any) -> float:
    """The fastest of a few runs of ``cxcoach.analyze(make_text(), **options)``.

    At least one run, more while under ``budget`` seconds (five at most). Garbage collection is paused
    during each run: collecting earlier tests' garbage is not the analyzer's time.
    """
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs == 0 or (spent < budget and runs < 5):
        text = make_text()
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            analysis = cxcoach.analyze(text, **options)
            elapsed = time.perf_counter() - start
        finally:
            gc.enable()
        assert analysis.text == text
        best = min(best, elapsed)
        spent += elapsed
        runs += 1
    return best
