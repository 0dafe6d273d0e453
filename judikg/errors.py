"""One exception root for judikg, one subclass per layer.

Messages name the input at fault and say what the user can do about it; the CLI turns any
``JudikgError`` into one line on stderr and an exit code, so no layer prints by itself.
"""

from __future__ import annotations


class JudikgError(Exception):
    """Root of every error judikg raises on purpose."""

    exit_code: int = 2


class InputError(JudikgError):
    """An article or file cannot be read: empty, binary, undecodable, oversized, malformed."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Exceptions pickle their args (here the joined message), which this __init__ cannot take:
        # without this a worker process could not send one back.
        return (InputError, (self.source, self.reason))


class ExtractionError(JudikgError):
    """Extraction failed on an article (a bug: the extractor should accept any text)."""


class StoreError(JudikgError):
    """The RDF store cannot be opened, locked, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class QueryError(JudikgError):
    """A SPARQL query is malformed, unknown, times out or is refused."""


class ValidationFailed(JudikgError):
    """The data does not conform to the SHACL shapes (exit code 1, like pySHACL)."""

    exit_code = 1


class ReferenceDataError(JudikgError):
    """A reference-data file (countries, cities, organisations) is missing or inconsistent."""


class EndpointError(JudikgError):
    """A remote SPARQL endpoint refused, failed or could not be reached."""
