"""Run the review app with uvicorn on 127.0.0.1 (a free port unless one is asked for)."""

from __future__ import annotations

import socket
import threading
from typing import Any

import uvicorn
from starlette.applications import Starlette

HOST = "127.0.0.1"


class ReviewServer:
    """A uvicorn server bound to the loopback address; ``serve`` blocks, ``start`` runs it in a
    thread (what tests and embedding programs use) and ``stop`` ends it."""

    def __init__(self, app: Starlette, port: int = 0) -> None:
        self.app = app
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.sock.bind((HOST, port))
            self.sock.listen(128)  # connections queue from now on: the printed URL works at once
        except OSError:
            self.sock.close()
            raise
        self.port: int = self.sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def serve(self) -> None:
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self.sock.close()

    def start(self) -> ReviewServer:
        self._thread = threading.Thread(target=self.serve, name="avis-review", daemon=True)
        self._thread.start()
        while not self.server.started and self._thread.is_alive():
            self._thread.join(0.02)
        if not self.server.started:
            raise RuntimeError("the review server did not start")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> ReviewServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
