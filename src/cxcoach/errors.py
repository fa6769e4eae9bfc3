"""The exceptions cxcoach raises.

Every error is a subclass of `CxcoachError`, so ``except cxcoach.errors.CxcoachError`` catches them all.
Errors about bad input also subclass the built-in exception a Python user would expect (`TypeError`,
`ValueError`, `LookupError`), so existing handlers keep working. Every message says what to do.

```text
CxcoachError
├── InputTypeError (TypeError)          an argument has the wrong type
├── InputValueError (ValueError)        an argument has a value cxcoach does not accept
├── AnalyzerError (TypeError)           an object does not implement the Analyzer protocol
├── UnknownAnalyzerError (LookupError)  no analyzer or backend is registered under that name
├── ResourceError (ValueError)          a data file (lexicon, pack) is missing or invalid
├── MissingDataError (LookupError)      a feature needs data that is not installed
├── MissingDependencyError (ImportError) an optional feature needs a package that is not installed
├── MissingFactsError (LookupError)     a reply draft needs facts that were not given
└── DraftCheckError (ValueError)        no draft passed its self-check
```

Examples:
    >>> import cxcoach
    >>> try:
    ...     cxcoach.analyze(42)
    ... except cxcoach.errors.InputTypeError as error:
    ...     print(error)
    text must be a str, got int: pass the message text as a string
"""

from __future__ import annotations

__all__ = [
    "AnalyzerError",
    "CxcoachError",
    "DraftCheckError",
    "InputTypeError",
    "InputValueError",
    "MissingDataError",
    "MissingDependencyError",
    "MissingFactsError",
    "ResourceError",
    "UnknownAnalyzerError",
]


class CxcoachError(Exception):
    """Base class of every error raised by cxcoach."""


class InputTypeError(CxcoachError, TypeError):
    """An argument has the wrong type (for example a message text that is not a `str`)."""


class InputValueError(CxcoachError, ValueError):
    """An argument has a value cxcoach does not accept (for example an unknown role)."""


class AnalyzerError(CxcoachError, TypeError):
    """An object given as an analyzer does not implement the `Analyzer` protocol."""


class UnknownAnalyzerError(CxcoachError, LookupError):
    """No analyzer factory or sentiment backend is registered under the requested name."""

    def __str__(self) -> str:
        # LookupError's KeyError cousin quotes its message; keep ours readable.
        return str(self.args[0]) if self.args else ""


class ResourceError(CxcoachError, ValueError):
    """A data file (lexicon adjustments, phrase pack) is missing, unreadable or fails validation."""


class MissingDataError(CxcoachError, LookupError):
    """A feature needs data that is not installed; the message names the package that ships it."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(CxcoachError, ImportError):
    """An optional feature needs a package that is not installed; the message says what to install."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class MissingFactsError(CxcoachError, LookupError):
    """A reply draft needs facts that were not given; ``missing`` names the slots that would do."""

    def __init__(self, message: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.missing = missing

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class DraftCheckError(CxcoachError, ValueError):
    """No draft passed its self-check (usually a fact whose words break a guarantee, such as blame).

    ``draft`` is the last draft tried, with its ``check.problems``.
    """

    def __init__(self, message: str, draft: object = None) -> None:
        super().__init__(message)
        self.draft = draft


def type_name(value: object) -> str:
    """The name of ``value``'s type, for error messages."""
    return type(value).__name__
