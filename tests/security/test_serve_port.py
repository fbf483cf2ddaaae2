"""Issue 13, item 9: ``kg serve`` on a busy port says so in one line and exits non-zero.

On 7c16e4f it printed "Conflict KG on http://..." (as if it served) and then a
traceback. Now the socket is bound before the banner is printed.
"""

from __future__ import annotations

import socket
import subprocess

from tests.security.conftest import kg_command, project_env


def test_busy_port_is_one_line_and_a_non_zero_exit(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(kg_command("serve", "--store", f"oxigraph:{tmp_path / 'kg'}",
                                         "--port", str(port)),
                              env=project_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"127.0.0.1:{port}" in lines[0] and "in use" in lines[0], lines[0]
    assert "Conflict KG on" not in done.stderr

