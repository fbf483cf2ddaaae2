"""Exceptions raised by the library.

Every error the library raises on purpose is a :class:`KGError`. Each subclass
carries the HTTP status the web layer maps it to, so there is one error handler
and no blanket ``except Exception`` anywhere.

Examples
--------
>>> try:
...     raise InputError("empty article", where="seeds/empty.txt")
... except KGError as error:
...     print(error.status, error)
400 seeds/empty.txt: empty article
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: a one-line message, optionally naming where it happened."""

    status: int = 500
    retry_after: int | None = None  # seconds a client should wait (HTTP Retry-After)

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)

    def to_dict(self) -> dict[str, str | int]:
        """Return the JSON error body the web layer sends."""
        body: dict[str, str | int] = {
            "error": type(self).__name__,
            "message": self.message,
            "status": self.status,
        }
        if self.where:
            body["where"] = self.where
        return body


class InputError(KGError):
    """An article or file that cannot be read: empty, binary, too big, bad encoding."""

    status = 400


class QueryError(KGError):
    """A malformed or refused SPARQL query."""

    status = 400


class QueryTimeout(KGError):
    """A query that ran past its time limit."""

    status = 503


class ServerBusy(QueryTimeout):
    """Every query worker stayed busy: the client should retry later (503 with Retry-After)."""

    def __init__(self, message: str, *, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TooManyQueries(KGError):
    """A client already runs as many queries as it may at once (429 with Retry-After)."""

    status = 429

    def __init__(self, message: str, *, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QueryTooLarge(KGError):
    """A query that needed more memory than its worker may use."""

    status = 503


class NotFound(KGError):
    """An entity, article or graph that is not in the store."""

    status = 404


class AuthError(KGError):
    """A write without a valid token."""

    status = 403


class NotAcceptable(InputError):
    """An Accept header that offers no media type the endpoint can answer in."""

    status = 406


class UnsupportedMediaType(InputError):
    """A request body in a media type or character set the endpoint does not read."""

    status = 415


class PayloadTooLarge(InputError):
    """A request or article over the configured size limit."""

    status = 413


class StoreError(KGError):
    """The store is unreachable, read-only, full, or answered with an error."""

    status = 503


class ConfigError(KGError):
    """A bad ``--store`` URI or other configuration value."""

    status = 500


class SandboxError(ConfigError):
    """A process that must run confined (no network, no foreign files) could not be."""

    status = 503
