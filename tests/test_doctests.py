"""The examples in cxcoach's docstrings run and give what they show: one test per module."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cxcoach

# __main__ runs the command line when imported; its code is cli.main, whose examples run here.
MODULES = ["cxcoach"] + sorted(
    module.name for module in pkgutil.walk_packages(cxcoach.__path__, "cxcoach.") if module.name != "cxcoach.__main__"
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, capsys):
    module = importlib.import_module(name)
    failed, attempted = doctest.testmod(module, optionflags=FLAGS, report=False)
    report = capsys.readouterr().out
    assert failed == 0, f"{failed} of {attempted} examples failed in {name}:\n{report}"


def test_the_modules_are_found():
    for name in ("cxcoach.techniques", "cxcoach.customer_cues", "cxcoach.commitments", "cxcoach.sentiment"):
        assert name in MODULES


@pytest.mark.parametrize("name", ["cxcoach.techniques", "cxcoach.customer_cues", "cxcoach.commitments"])
def test_the_analyzers_have_examples(name):
    tests = doctest.DocTestFinder().find(importlib.import_module(name))
    assert sum(len(test.examples) for test in tests) > 0
