"""The ``cxcoach`` command: ``cxcoach lint`` checks a template pack, ``cxcoach draft`` drafts a reply.

Examples:
    >>> from cxcoach.cli import main
    >>> main(["lint", "--seeds", "1"])
    template pack 'builtin': 148 checks, no problems
    0
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from .errors import CxcoachError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cxcoach", description="Customer-service know-how as software.")
    commands = parser.add_subparsers(dest="command", required=True)
    lint = commands.add_parser("lint", help="check a template pack: every wording and every playbook")
    lint.add_argument("--pack", help="a TOML template pack (default: the built-in one)")
    lint.add_argument("--seeds", type=int, default=3, help="seeds per sample, playbook and tone (default 3)")
    draft = commands.add_parser("draft", help="draft a reply to a customer message")
    draft.add_argument("message", help="the customer's message")
    draft.add_argument("--fact", action="append", default=[], metavar="NAME=VALUE",
                       help="a fact for the reply, e.g. --fact estimate='3 to 5 days' (repeatable)")
    draft.add_argument("--playbook", help="limits_first, ldal or outcome_first (default: chosen from the message)")
    draft.add_argument("--tone", choices=["formal", "friendly"])
    draft.add_argument("--seed", type=int)
    draft.add_argument("--pack", help="a TOML template pack (default: the built-in one)")
    draft.add_argument("--json", action="store_true", help="print the whole Draft as JSON")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 problems found, 2 bad input)."""
    args = _parser().parse_args(argv)
    from .drafting import Drafter
    from .templates import load_template_pack

    try:
        drafter = Drafter(pack=load_template_pack(args.pack)) if args.pack else Drafter()
        if args.command == "lint":
            report = drafter.lint(seeds=args.seeds)
            for problem in report.problems:
                print(problem)
            verdict = "no problems" if report.ok else f"{len(report.problems)} problems"
            print(f"template pack {report.pack!r}: {report.checked} checks, {verdict}")
            return 0 if report.ok else 1
        facts = {}
        for item in args.fact:
            name, sep, value = item.partition("=")
            if not sep:
                print(f"cxcoach: --fact needs NAME=VALUE, got {item!r}", file=sys.stderr)
                return 2
            facts[name.strip()] = value
        result = drafter.draft(args.message, facts, playbook=args.playbook, tone=args.tone, seed=args.seed)
        if args.json:
            print(result.model_dump_json(indent=2))
        else:
            print(result.text)
            for part in result.parts:
                print(f"  [{part.start}:{part.end}] {part.block}: {part.reason}")
        return 0
    except CxcoachError as error:
        print(f"cxcoach: {error}", file=sys.stderr)
        return 2
