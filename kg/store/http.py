"""A small HTTP client for SPARQL servers: timeouts, bounded retries, one-line errors.

Every request has a socket timeout (connecting and each read), so a server
that stops answering fails the request instead of hanging it. Failures that
may be passing (connection refused or reset, HTTP 502/503/504, and timeouts
of requests that are safe to repeat) are retried a bounded number of times
with a growing pause; what is left is a :class:`~kg.errors.StoreError` naming
the server, or a :class:`~kg.errors.QueryError` when the server rejects the
request itself (HTTP 400).

Examples
--------
>>> client = HttpClient(HttpSettings(timeout=0.5, retries=1, backoff=0.01))
>>> client.send("GET", "http://127.0.0.1:9/sparql")
Traceback (most recent call last):
...
kg.errors.StoreError: http://127.0.0.1:9/sparql: cannot reach the SPARQL server: connection refused (2 attempts)
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http.client import HTTPException, HTTPResponse

from kg.errors import QueryError, StoreError

RETRY_STATUSES = (502, 503, 504)
USER_AGENT = "conflict-kg"


@dataclass(frozen=True)
class HttpSettings:
    """Timeout (seconds of silence), retries after the first attempt, pause, credentials."""

    timeout: float = 30.0
    retries: int = 2
    backoff: float = 0.25
    user: str | None = None
    password: str | None = None


def _reason(error: BaseException) -> str:
    """A short description of a network failure."""
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(error, socket.gaierror):
        return f"unknown host ({error.strerror})"
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _first_line(body: bytes, limit: int = 300) -> str:
    text = body.decode("utf-8", "replace").strip()
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line[:limit] or "(empty answer)"


class HttpClient:
    """Send requests to one server with :class:`HttpSettings`."""

    def __init__(self, settings: HttpSettings, urls: Sequence[str] = ()) -> None:
        self.settings = settings
        handlers: list[urllib.request.BaseHandler] = []
        if settings.user is not None:
            # Sent when the server asks (Basic or Digest). Not up front: Virtuoso answers an
            # unasked-for Basic header with a 401 that offers no other scheme.
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in urls:
                passwords.add_password(None, url, settings.user, settings.password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords),
                         urllib.request.HTTPDigestAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, method: str, url: str, *, params: Sequence[tuple[str, str]] = (),
             body: bytes | None = None, headers: Mapping[str, str] | None = None,
             idempotent: bool = True, allow: Sequence[int] = ()) -> HTTPResponse:
        """Send one request and return the open response (the caller reads and closes it).

        ``allow`` lists error statuses returned as responses instead of raised
        (404 for a graph that is not there). Timeouts are retried only when
        ``idempotent``: a write that timed out may still be running.
        """
        full = f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode(params)}" \
            if params else url
        attempts = 1 + max(0, self.settings.retries)
        for attempt in range(1, attempts + 1):
            request = urllib.request.Request(full, data=body, method=method,
                                             headers={"User-Agent": USER_AGENT, **(headers or {})})
            try:
                return self._opener.open(request, timeout=self.settings.timeout)
            except urllib.error.HTTPError as error:
                if error.code in allow:
                    return error  # type: ignore[return-value]  # an HTTPError is a response
                retry = error.code in RETRY_STATUSES and idempotent and attempt < attempts
                if not retry:
                    raise self._status_error(error, url, attempt) from None
            except (TimeoutError, socket.timeout) as error:
                if not idempotent or attempt == attempts:
                    raise self._timeout_error(url, attempt, idempotent) from error
            except urllib.error.URLError as error:
                reason = error.reason
                if isinstance(reason, TimeoutError | socket.timeout):
                    if not idempotent or attempt == attempts:
                        raise self._timeout_error(url, attempt, idempotent) from error
                elif attempt == attempts or not isinstance(reason, OSError):
                    raise StoreError(f"cannot reach the SPARQL server: {_reason(reason)} "
                                     f"({attempt} attempt{'s' if attempt > 1 else ''})",
                                     where=url) from error
            except (ConnectionError, HTTPException) as error:
                if attempt == attempts or not idempotent:
                    raise StoreError(f"the SPARQL server broke the connection: {_reason(error)} "
                                     f"({attempt} attempt{'s' if attempt > 1 else ''})",
                                     where=url) from error
            time.sleep(self.settings.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _timeout_error(self, url: str, attempt: int, idempotent: bool) -> StoreError:
        tail = "" if idempotent else "; the write may or may not have been applied"
        return StoreError(f"no answer from the SPARQL server within {self.settings.timeout:g} s "
                          f"({attempt} attempt{'s' if attempt > 1 else ''}){tail}", where=url)

    @staticmethod
    def _status_error(error: urllib.error.HTTPError, url: str, attempt: int) -> Exception:
        try:
            detail = _first_line(error.read())
        except (OSError, HTTPException):
            detail = error.reason or ""
        finally:
            error.close()
        if error.code == 400:
            return QueryError(f"the SPARQL server rejected the request: {detail}")
        if error.code in (401, 403):
            return StoreError(f"the SPARQL server refused access (HTTP {error.code}); check "
                              "KG_SPARQL_USER / KG_SPARQL_PASSWORD", where=url)
        tries = f" after {attempt} attempts" if attempt > 1 else ""
        return StoreError(f"the SPARQL server answered HTTP {error.code}{tries}: {detail}",
                          where=url)


def read_body(response: HTTPResponse, url: str) -> bytes:
    """Read a whole response body; a timeout or broken connection is a StoreError."""
    try:
        with response:
            return response.read()
    except (OSError, HTTPException) as error:  # OSError covers timeouts and resets
        raise StoreError(f"the SPARQL server's answer broke off: {_reason(error)}",
                         where=url) from error
