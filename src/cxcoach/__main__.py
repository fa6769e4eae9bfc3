"""``python -m cxcoach``: the same as the ``cxcoach`` command."""

from .cli import main

raise SystemExit(main())
