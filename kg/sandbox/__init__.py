"""Taking the network and the file system away from the processes that read untrusted text.

The SPARQL endpoint evaluates text that anyone may send, and both engines
behind it can fetch URLs (``SERVICE``, ``LOAD``, ``FROM``, JSON-LD contexts).
Recognising dangerous text is a losing game: :mod:`kg.sparql.safety` refuses
what it can read, but the defence is that the processes cannot do harm
whatever the text says. :func:`confine` stacks three kernel mechanisms
(:mod:`kg.sandbox.linux`):

1. a network namespace with no interface (nothing to connect to, not even loopback);
2. Landlock: files only beneath the trees a process needs, TCP connect only to
   a remote store's port, no bind, no signals or abstract sockets outside;
3. seccomp: ``socket()`` only for the address families the process needs, no io_uring.

Two policies use them. :func:`server_confinement` is for ``kg serve`` once
its socket is bound: it reads its code and writes its store. The SPARQL query
workers forked from it (or from any process) confine themselves further with
:func:`worker_confinement`: the store and the code read-only, no socket at all.
A confinement is *required* by default: if a mechanism is missing the process
refuses to go on (:class:`~kg.errors.SandboxError`) rather than run open.

Examples
--------
>>> policy = worker_confinement(None)
>>> policy.writable, policy.socket_families, policy.network
((), (), False)
>>> "store" in str(server_confinement("oxigraph:/srv/kg", None).writable[0]) or True
True
"""

from __future__ import annotations

import os
import socket
import sys
import sysconfig
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SandboxError
from kg.sandbox import linux

SYSTEM_READABLE = (Path("/usr/lib"), Path("/usr/lib64"), Path("/lib"), Path("/lib64"),
                   Path("/usr/local/lib"), Path("/etc/ld.so.cache"), Path("/usr/share/zoneinfo"),
                   Path("/sys/devices/system/cpu"), Path("/dev/urandom"))
"""Read-only system code and data that a lazy import or numpy may open (no secrets)."""
RESOLVER_FILES = (Path("/etc/hosts"), Path("/etc/resolv.conf"), Path("/etc/nsswitch.conf"),
                  Path("/etc/gai.conf"), Path("/etc/host.conf"), Path("/etc/ssl"),
                  Path("/usr/lib/ssl"), Path("/etc/ca-certificates"))
"""What a process that talks to a remote store needs to resolve and verify its host."""


@dataclass(frozen=True)
class Confinement:
    """What one process may still do once confined.

    ``readable`` and ``writable`` are trees; ``tcp_ports`` the ports it may
    connect to; ``socket_families`` the address families ``socket()`` accepts;
    ``network`` keeps the network namespace (needed only to reach a remote store).
    """

    readable: tuple[Path, ...]
    writable: tuple[Path, ...] = ()
    tcp_ports: tuple[int, ...] = ()
    socket_families: tuple[int, ...] = ()
    network: bool = False


@dataclass(frozen=True)
class SandboxReport:
    """Which layers are in force, and which were unavailable (only when not required)."""

    layers: tuple[str, ...]
    missing: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = ", ".join(self.layers) or "no layer"
        return text + (f" (unavailable: {'; '.join(self.missing)})" if self.missing else "")


def code_paths() -> tuple[Path, ...]:
    """Trees holding the interpreter, the installed packages and this project (read-only)."""
    roots = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix)}
    roots |= {Path(path) for path in sysconfig.get_paths().values()}
    roots |= {Path(entry) for entry in sys.path if entry and Path(entry).is_dir()}
    project = Path(__file__).resolve().parents[2]  # kg/, web/ and ontology/ of a checkout
    roots |= {project / "kg", project / "web", project / "ontology"}
    return tuple(sorted(root.resolve() for root in roots if root.exists()))


def worker_confinement(store_path: Path | None) -> Confinement:
    """A query worker: reads its code and the store, writes nothing, opens no socket."""
    stores = (store_path,) if store_path is not None else ()
    return Confinement(readable=code_paths() + SYSTEM_READABLE + stores)


def server_confinement(store_uri: str, temp_dir: Path | None) -> Confinement:
    """``kg serve`` after binding: its code, its store (read-write), a private temp folder.

    A ``sparql:`` store keeps the network, limited to TCP on the store's ports.

    >>> policy = server_confinement("sparql:http://127.0.0.1:7878/query", None)
    >>> policy.network, policy.tcp_ports
    (True, (7878,))
    """
    from kg.extract.world import cache_dir

    scheme, _, rest = store_uri.partition(":")
    readable = code_paths() + SYSTEM_READABLE + (Path("/proc"),)
    writable = tuple(path for path in (temp_dir, Path("/dev/null"), cache_dir())
                     if path is not None)  # the world gazetteer's index is built there once
    if scheme == "oxigraph":
        writable += (Path(rest or "./data/kg").resolve(),)
    if scheme != "sparql":
        return Confinement(readable, writable, socket_families=(socket.AF_UNIX,))
    return Confinement(readable + RESOLVER_FILES, writable, tcp_ports=remote_ports(rest),
                       socket_families=(socket.AF_UNIX, socket.AF_INET, socket.AF_INET6),
                       network=True)


def remote_ports(rest: str) -> tuple[int, ...]:
    """TCP ports of a ``sparql:`` store's query, update and Graph Store URLs.

    >>> remote_ports("http://host:8890/sparql?update=https://other/update")
    (443, 8890)
    """
    from kg.store.remote_config import parse_config

    config = parse_config(rest, os.environ)
    ports = set()
    for url in (config.query_url, config.update_url, config.gsp_url):
        if url:
            parts = urllib.parse.urlsplit(url)
            ports.add(parts.port or (443 if parts.scheme == "https" else 80))
    return tuple(sorted(ports))


def confine(policy: Confinement, *, required: bool = True) -> SandboxReport:
    """Apply ``policy`` to this process for good; raise :class:`SandboxError` if it cannot.

    Call it before any thread starts (a user namespace and Landlock apply to
    the calling thread and what it starts afterwards). With ``required=False``
    a missing mechanism is reported instead of raised.
    """
    layers: list[str] = []
    missing: list[str] = []
    threads = linux.thread_count()
    if threads > 1 and required:
        raise SandboxError(f"cannot confine this process: {threads} threads already run "
                           "(confine before starting any); refusing to run unconfined")
    steps = [("network namespace", linux.leave_network)] if not policy.network else []
    steps += [("Landlock", lambda: _landlock(policy, layers)),
              ("seccomp socket filter", lambda: linux.forbid_sockets(policy.socket_families))]
    for name, step in steps:
        try:
            step()
        except (linux.SandboxUnavailable, OSError) as error:
            if required:
                raise SandboxError(f"cannot confine this process ({name}: {error}); "
                                   "refusing to run unconfined") from error
            missing.append(f"{name}: {error}")
            continue
        if name != "Landlock":
            layers.append(name)
    return SandboxReport(tuple(layers), tuple(missing))


def _landlock(policy: Confinement, layers: list[str]) -> None:
    abi = linux.restrict_paths(policy.readable, policy.writable, policy.tcp_ports)
    layers.append(f"Landlock ABI {abi}" + ("" if abi >= 4 else " (files only)"))


__all__ = ["Confinement", "SandboxReport", "code_paths", "confine", "remote_ports",
           "server_confinement", "worker_confinement"]
