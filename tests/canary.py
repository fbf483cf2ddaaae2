"""A TCP listener on loopback that counts the connections made to it: the proof that a
confined process or a refused query reached nothing."""

from __future__ import annotations

import socket
import threading


class Canary:
    """Listens on a free 127.0.0.1 port; :attr:`hits` counts accepted connections."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.hits = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.hits += 1
            connection.close()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/``."""
        return f"http://127.0.0.1:{self.port}/"

    def close(self) -> None:
        self.listener.close()
