"""What every command shares: exit statuses, the store option, error reporting.

Commands get an :class:`Environment` from the click context instead of reaching
for globals, so tests can drive the real entry point with their own store and
streams (``CliRunner().invoke(main, [...], obj=Environment(...))``).
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO, TypeVar

import click

from kg.errors import KGError
from kg.store import Store, open_store, store_uri

F = TypeVar("F", bound=Callable[..., object])


class ExitStatus(enum.IntEnum):
    """Process exit codes of ``kg``."""

    SUCCESS = 0
    ERROR = 1  # the command ran but found a problem (invalid graph, failed inputs)
    USAGE = 2  # click's own code for bad options
    STORE = 3  # the store could not be opened or written


@dataclass
class Environment:
    """The world a command runs in: its store URI and output streams."""

    store_uri: str | None = None
    stdout: TextIO | None = None  # None: the process's stdout at the time of writing
    stderr: TextIO | None = None
    _store: Store | None = None

    def store(self) -> Store:
        """Open (once) and return the store."""
        if self._store is None:
            self._store = open_store(store_uri(self.store_uri))
        return self._store

    def close(self) -> None:
        """Close the store if it was opened; a failure to flush is one line and exit 3."""
        from kg.errors import StoreError

        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except StoreError as error:
                self.error(str(error))
                raise SystemExit(ExitStatus.STORE) from error

    def echo(self, message: str | bytes, nl: bool = True) -> None:
        """Print to stdout; bytes (UTF-8) go to its binary buffer when it has one."""
        if isinstance(message, bytes) and self.stdout is not None and \
                not hasattr(self.stdout, "buffer"):  # a text-only stream (io.StringIO)
            message = message.decode("utf-8")
        click.echo(message, file=self.stdout, nl=nl)

    def error(self, message: str) -> None:
        """Print a one-line error to stderr."""
        click.echo(f"kg: error: {message}", file=self.stderr, err=self.stderr is None)

    def stderr_is_terminal(self) -> bool:
        """Whether stderr is an interactive terminal (progress bars go there)."""
        return (self.stderr or sys.stderr).isatty()


def store_option(command: F) -> F:
    """Add ``--store URI`` (default ``$KG_STORE`` or ``oxigraph:./data/kg``)."""
    return click.option(
        "--store", "store", metavar="URI", default=None,
        help="oxigraph:PATH (default ./data/kg), memory:, or sparql:URL; or set KG_STORE.",
    )(command)


def get_env(ctx: click.Context, store: str | None = None) -> Environment:
    """Return the context's :class:`Environment`, creating it on first use."""
    if not isinstance(ctx.obj, Environment):
        ctx.obj = Environment()
    if store:
        ctx.obj.store_uri = store
    ctx.call_on_close(ctx.obj.close)
    return ctx.obj


@contextmanager
def reported_errors(env: Environment) -> Iterator[None]:
    """Turn a :class:`KGError` into a one-line message and an exit status."""
    from kg.errors import StoreError

    try:
        yield
    except StoreError as error:
        env.error(str(error))
        raise SystemExit(ExitStatus.STORE) from error
    except KGError as error:
        env.error(str(error))
        raise SystemExit(ExitStatus.ERROR) from error
