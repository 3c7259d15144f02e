"""``avis-report.jsonl``: one line per input, written as the run goes."""

from __future__ import annotations

import contextlib
import json
import os
from typing import IO, Any

from avis.batch.discover import display_path
from avis.batch.outdir import OutDir
from avis.batch.summary import REPORT_NAME, now_utc
from avis.errors import AvisError
from avis.files import os_error, shown


class ReportFile:
    """``avis-report.jsonl`` written as the run goes, to a temp file with room reserved up
    front (so it still fits when the disk fills up), renamed into place at the end. A line
    that cannot be written is kept and tried again; the end says what was lost."""

    LINE_RESERVE = 700

    def __init__(self, out: OutDir, cwd: str, expected: int) -> None:
        self.out = out
        self.cwd = cwd
        reserve = min(4096 + expected * self.LINE_RESERVE, 64 << 20)
        self._fh: IO[bytes]
        self._fh, self.tmp = out.create_reserved(REPORT_NAME, reserve)
        self._written = 0
        self._pending: list[bytes] = []
        self.error: AvisError | None = None

    def write(self, path: str, **fields: Any) -> None:
        record = {
            "input": display_path(path, self.cwd),
            "sha256": fields.get("sha256"),
            "format": fields.get("format"),
            "status": fields["status"],
            "code": fields.get("code"),
            "message": fields.get("message"),
            "outputs": [shown(o) for o in fields.get("outputs", [])],
            "pages": fields.get("pages", 0),
            "seconds": fields.get("seconds", 0.0),
            "warnings": fields.get("warnings", 0),
            "cached": fields.get("cached", False),
            "time": now_utc(),
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        self._pending.append(line.encode("utf-8", "backslashreplace"))
        self._flush()

    def _flush(self) -> None:
        while self._pending:
            data = self._pending[0]
            try:
                self._fh.seek(self._written)
                self._fh.write(data)
                self._fh.flush()
            except OSError as exc:
                self.error = os_error(exc, "write the report", self.out.path / REPORT_NAME)
                return
            self._written += len(data)
            self._pending.pop(0)
        self.error = None

    def close(self) -> None:
        """Truncate to what was written and rename into place; raises a typed error if the
        report is incomplete or cannot be put in place."""
        self._flush()
        try:
            self._fh.truncate(self._written)
            self._fh.close()
        except OSError as exc:
            self.error = self.error or os_error(exc, "write the report", self.out.path)
        if self.error is not None:
            lost = len(self._pending)
            raise type(self.error)(
                f"{self.error.message} ({lost} line(s) could not be written)",
                path=self.error.path,
            )
        self.out.rename(self.tmp, REPORT_NAME)

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self._fh.close()
        with contextlib.suppress(OSError):
            os.unlink(self.out.path / self.tmp)
