"""The three Linux mechanisms the sandbox stacks: a network namespace, Landlock and seccomp.

Each function applies one mechanism to the calling process (its calling thread
and every thread or child created afterwards) and raises
:class:`SandboxUnavailable` when the kernel or the process's privileges do not
allow it. None of them can be undone: that is the point.

- :func:`leave_network` moves the process into a new network namespace with no
  interface up, not even loopback: ``connect()`` to any address fails with
  ``ENETUNREACH``. Sockets created before (a server's listening socket) stay
  in the old namespace and keep working.
- :func:`restrict_paths` is Landlock: file access only beneath the given trees,
  TCP connect only to the given ports, no bind, no abstract Unix sockets or
  signals outside the sandbox.
- :func:`forbid_sockets` is a seccomp filter: ``socket()`` only for the given
  address families, no io_uring (which would create sockets behind seccomp's
  back), no x32 system calls.

Numbers and layouts come from the kernel's UAPI headers
(``linux/landlock.h``, ``linux/seccomp.h``, ``linux/filter.h``, ``linux/audit.h``).
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import signal
import struct
from collections.abc import Iterable
from pathlib import Path

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_NO_NEW_PRIVS = 38
PR_SET_PDEATHSIG = 1
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

# Landlock (the same syscall numbers on every architecture).
SYS_LANDLOCK_CREATE_RULESET, SYS_LANDLOCK_ADD_RULE, SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH, LANDLOCK_RULE_NET_PORT = 1, 2
FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
FS_WRITES_ABI1 = sum(1 << bit for bit in range(4, 13))  # remove/make dir, file, sock, fifo, ...
FS_REFER, FS_TRUNCATE, FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1
READ_ACCESS = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
FILE_ONLY_ACCESS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV

# seccomp: architectures we know the numbers of -> (AUDIT_ARCH, socket, io_uring_setup).
SECCOMP_ARCHES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}
IO_URING_CALLS = 3  # io_uring_setup, _enter, _register are consecutive
X32_SYSCALL_BIT = 0x40000000
BPF_LD_W_ABS, BPF_JEQ_K, BPF_JGE_K, BPF_RET_K = 0x20, 0x15, 0x35, 0x06
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x00050000

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


class SandboxUnavailable(OSError):
    """The kernel or the process's privileges do not allow this mechanism."""


def _check(result: int, what: str) -> int:
    if result < 0:
        code = ctypes.get_errno()
        raise SandboxUnavailable(code, f"{what}: {os.strerror(code)}")
    return result


def _prctl(option: int, *args: int) -> int:
    values = [ctypes.c_ulong(value) for value in (*args, 0, 0, 0, 0)[:4]]
    return int(_libc.prctl(ctypes.c_int(option), *values))


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (``PR_SET_PDEATHSIG``); exit
    now if ``parent`` has died already."""
    _check(_prctl(PR_SET_PDEATHSIG, signal.SIGKILL), "prctl(PDEATHSIG)")
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def thread_count() -> int:
    """Threads of this process (``/proc/self/task``); 1 where ``/proc`` is missing."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def no_new_privileges() -> None:
    """Set ``no_new_privs``: required by Landlock and seccomp for an unprivileged process."""
    _check(_prctl(PR_SET_NO_NEW_PRIVS, 1), "prctl(NO_NEW_PRIVS)")


def leave_network() -> None:
    """Enter a fresh network namespace (as root directly, else inside a new user namespace).

    A user namespace can only be entered by a single-threaded process, so call
    this before any thread starts.
    """
    if _libc.unshare(CLONE_NEWNET) == 0:
        return
    if ctypes.get_errno() != errno.EPERM:
        _check(-1, "unshare(CLONE_NEWNET)")
    uid, gid = os.getuid(), os.getgid()
    _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNET), "unshare(CLONE_NEWUSER|CLONE_NEWNET)")
    # Map our own ids so files keep their owner and new files can be created.
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
    Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")


def landlock_abi() -> int:
    """The Landlock ABI version the kernel offers, 0 where Landlock is off or missing."""
    version = _libc.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0),
                            ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION))
    return max(int(version), 0)


def _fs_rights(abi: int) -> int:
    rights = READ_ACCESS | FS_WRITE_FILE | FS_WRITES_ABI1
    rights |= FS_REFER if abi >= 2 else 0
    rights |= FS_TRUNCATE if abi >= 3 else 0
    return rights | (FS_IOCTL_DEV if abi >= 5 else 0)


def restrict_paths(readable: Iterable[Path], writable: Iterable[Path],
                   tcp_ports: Iterable[int] = ()) -> int:
    """Landlock: read beneath ``readable``, read and write beneath ``writable``, nothing else.

    TCP: connect only to ``tcp_ports`` and bind nowhere (Landlock ABI >= 4);
    no abstract Unix socket or signal may reach outside (ABI >= 6). Paths that
    do not exist are skipped. Returns the ABI version used.
    """
    abi = landlock_abi()
    if abi < 1:
        raise SandboxUnavailable(errno.ENOSYS, "Landlock is not enabled in this kernel")
    handled_fs = _fs_rights(abi)
    handled_net = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0
    attr = struct.pack("=QQQ", handled_fs, handled_net, scoped)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    ruleset = _check(_libc.syscall(SYS_LANDLOCK_CREATE_RULESET, ctypes.c_char_p(attr),
                                   ctypes.c_size_t(size), ctypes.c_uint32(0)),
                     "landlock_create_ruleset")
    try:
        for path in readable:
            _allow_path(ruleset, path, READ_ACCESS)
        for path in writable:
            _allow_path(ruleset, path, handled_fs)
        for port in tcp_ports if handled_net else ():
            rule = struct.pack("=QQ", NET_CONNECT_TCP, port)
            _check(_libc.syscall(SYS_LANDLOCK_ADD_RULE, ruleset, LANDLOCK_RULE_NET_PORT,
                                 ctypes.c_char_p(rule), ctypes.c_uint32(0)), "landlock_add_rule")
        no_new_privileges()
        _check(_libc.syscall(SYS_LANDLOCK_RESTRICT_SELF, ruleset, ctypes.c_uint32(0)),
               "landlock_restrict_self")
    finally:
        os.close(ruleset)
    return abi


def _allow_path(ruleset: int, path: Path, rights: int) -> None:
    try:
        handle = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    try:
        if not path.is_dir():
            rights &= FILE_ONLY_ACCESS
        rule = struct.pack("=Qi", rights, handle)
        _check(_libc.syscall(SYS_LANDLOCK_ADD_RULE, ruleset, LANDLOCK_RULE_PATH_BENEATH,
                             ctypes.c_char_p(rule), ctypes.c_uint32(0)),
               f"landlock_add_rule({path})")
    finally:
        os.close(handle)


def _instruction(code: int, jump_true: int, jump_false: int, value: int) -> bytes:
    return struct.pack("=HBBI", code, jump_true, jump_false, value)


def socket_filter(families: Iterable[int], machine: str | None = None) -> bytes:
    """The seccomp BPF program of :func:`forbid_sockets` for ``machine`` (default: this one).

    >>> len(socket_filter([1], "x86_64")) % 8, len(socket_filter([], "x86_64")) > 0
    (0, True)
    """
    arch = SECCOMP_ARCHES.get(machine or platform.machine())
    if arch is None:
        raise SandboxUnavailable(errno.ENOSYS, f"no seccomp numbers for {platform.machine()}")
    audit_arch, sys_socket, sys_io_uring = arch
    allowed = sorted(set(families))
    deny_socket = SECCOMP_RET_ERRNO | errno.EACCES
    deny_call = SECCOMP_RET_ERRNO | errno.ENOSYS
    program = [
        _instruction(BPF_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        _instruction(BPF_JEQ_K, 1, 0, audit_arch),
        _instruction(BPF_RET_K, 0, 0, deny_call),  # a foreign ABI: refuse every call
        _instruction(BPF_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
        _instruction(BPF_JGE_K, 0, 1, X32_SYSCALL_BIT),
        _instruction(BPF_RET_K, 0, 0, deny_call),
    ]
    for offset in range(IO_URING_CALLS):
        program += [_instruction(BPF_JEQ_K, 0, 1, sys_io_uring + offset),
                    _instruction(BPF_RET_K, 0, 0, deny_call)]
    program += [
        _instruction(BPF_JEQ_K, 1, 0, sys_socket),
        _instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW),
        _instruction(BPF_LD_W_ABS, 0, 0, 16),  # low word of args[0]: the address family
    ]
    for family in allowed:
        program += [_instruction(BPF_JEQ_K, 0, 1, family),
                    _instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)]
    program.append(_instruction(BPF_RET_K, 0, 0, deny_socket))
    return b"".join(program)


def forbid_sockets(families: Iterable[int] = ()) -> None:
    """seccomp: ``socket()`` fails with ``EACCES`` except for ``families``; no io_uring."""
    program = socket_filter(families)
    buffer = ctypes.create_string_buffer(program, len(program))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(program) // 8, ctypes.addressof(buffer))
    no_new_privileges()
    _check(_prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog)),
           "prctl(PR_SET_SECCOMP)")
