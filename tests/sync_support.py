"""Helpers of the sync tests: corpus notices in a temp folder, and a job-board endpoint.

The endpoint is a real HTTP server (``http.server.ThreadingHTTPServer``) on 127.0.0.1 that
does what a careful receiver does: it *applies* a change the first time it sees its
idempotency key and only acknowledges a repeat. It can be told to fail the next requests
(503), reject them (4xx), answer slowly, or hold one request until the test lets it go.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

DAY1 = {
    "gouv.txt": CORPUS / "blind" / "blind-01-gouv-drhfpnc.txt",  # 3151-26-0218/DAE, → 03-04-03
    "dumbea.md": CORPUS / "blind" / "blind-02-dumbea-fiche.md",  # DUM-RH-2026-014, → 03-20
    "cht.txt": CORPUS / "blind" / "blind-04-cht-bloc.txt",  # 2026/047, → 04-10
    "kone.txt": CORPUS / "blind2" / "blind2-01-kone-commune.txt",  # KON/RH/2026-031, → 05-11
    "port.md": CORPUS / "blind2" / "blind2-02-port-autonome.md",  # PANC/RH/26-009, → 04-17
}
NEW = ("chn.md", CORPUS / "blind2" / "blind2-06-chn-avp.md")  # 2026-117/DRH, → 05-22
REFS = {
    "gouv.txt": "3151-26-0218/DAE",
    "dumbea.md": "DUM-RH-2026-014",
    "cht.txt": "2026/047",
    "kone.txt": "KON/RH/2026-031",
    "port.md": "PANC/RH/26-009",
    "chn.md": "2026-117/DRH",
}
EDIT_FROM = "Apporter un appui méthodologique aux autres services de la direction."
EDIT_TO = "Apporter un appui méthodologique à toutes les directions du gouvernement."


def day1_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, src in DAY1.items():
        shutil.copyfile(src, folder / name)
    return folder


def day2_edit(folder: Path) -> None:
    """One notice edited, one new, one removed (the deadline of dumbea.md passes by date)."""
    gouv = folder / "gouv.txt"
    text = gouv.read_text(encoding="utf-8")
    assert EDIT_FROM in text
    gouv.write_text(text.replace(EDIT_FROM, EDIT_TO), encoding="utf-8")
    shutil.copyfile(NEW[1], folder / NEW[0])
    (folder / "kone.txt").unlink()


@dataclass
class Board:
    """What the endpoint saw, and how it should answer next."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    applied: dict[str, Any] = field(default_factory=dict)
    """Idempotency key → body, the first time the key arrived."""
    repeats: list[str] = field(default_factory=list)
    fail_next: int = 0
    fail_status: int = 503
    retry_after: str | None = None
    """``Retry-After`` sent with the failures."""
    reject_status: int | None = None
    reject_body: str = ""
    delay_next: float = 0.0
    hold_at: int | None = None
    """Hold the request with this number (1-based) until ``release`` is set."""
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def keys(self) -> list[str]:
        return [r["key"] for r in self.requests]


def _handler(board: Board) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

        def _answer(self, status: int, text: str, retry_after: str | None = None) -> None:
            data = text.encode("utf-8")
            self.send_response(status)
            if retry_after is not None:
                self.send_header("Retry-After", retry_after)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            try:
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a timeout under test): nobody to answer

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            key = self.headers.get("Idempotency-Key", "")
            with board.lock:
                number = len(board.requests) + 1
                board.requests.append(
                    {
                        "key": key,
                        "body": json.loads(raw),
                        "content_type": self.headers.get("Content-Type"),
                        "authorization": self.headers.get("Authorization"),
                        "path": self.path,
                    }
                )
                if board.fail_next > 0:
                    board.fail_next -= 1
                    fail: int | None = board.fail_status
                else:
                    fail = None
                reject = board.reject_status
                delay, board.delay_next = board.delay_next, 0.0
                if fail is None and reject is None:
                    if key in board.applied:
                        board.repeats.append(key)
                    else:
                        board.applied[key] = json.loads(raw)
            if delay:
                time.sleep(delay)
            if board.hold_at == number:
                board.held.set()
                board.release.wait(30)
                return  # the client was killed meanwhile: nobody to answer
            if fail is not None:
                self._answer(fail, "try again later", board.retry_after)
            elif reject is not None:
                self._answer(reject, board.reject_body)
            else:
                self._answer(200, "ok")

    return Handler


@contextmanager
def job_board() -> Iterator[tuple[str, Board]]:
    board = Board()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(board))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/notify", board
    finally:
        board.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
