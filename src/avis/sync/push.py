"""Telling an HTTP endpoint about each change, from the outbox, at least once, keyed.

One POST per change with a JSON body and an ``Idempotency-Key`` header; the key and body were
stored in the outbox when the change was catalogued, so every resend (retry, next run after a
crash) is byte-identical and a receiver that remembers keys applies each change once.

* 2xx: accepted, ``sent_at`` is stored at once.
* 5xx, 429, timeouts and connection errors: retried with exponential back-off
  (``backoff × 2^n``, capped; a ``Retry-After`` in seconds is honoured up to the cap). After
  ``max_attempts`` the push stops; the change stays queued for the next run.
* any other 4xx: the push stops at once, the answer goes in the report, and the change stays
  queued (a 401/403/404 is usually the endpoint's configuration, fixed before the next run).

A notice first seen already expired (or reappearing expired after a withdrawal) is
catalogued and listed in ``changes.jsonl`` but not pushed: no board ever saw it open.

Changes go out in catalogue order, and a stop leaves the later ones queued, so a receiver
never sees an ``expired`` before the ``new`` it follows.

Body formats (``--push-format``): ``avis`` — the change record plus, for an open notice, its
JobPosting; ``google`` — the Google Indexing API's ``{"url": …, "type": "URL_UPDATED"}``
(``URL_DELETED`` for an expired or withdrawn notice, whose page is ``noindex`` or gone).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from avis import __version__

PUSH_FORMATS = ("avis", "google")
KEY_HEADER = "Idempotency-Key"


def idempotency_key(reference: str, content_hash: str, kind: str, revision: int) -> str:
    """``REF:HASH:KIND:REVISION`` — reference and content hash, plus what happened and the
    notice's revision, so an expiry (same content) or a re-publication keeps its own key."""
    return f"{reference}:{content_hash}:{kind}:{revision}"


def header_value(key: str) -> str:
    """The key as an HTTP header value (non-ASCII and controls percent-encoded)."""
    return quote(key, safe=":/@-._~+=!$&'()*,;")


def body(
    fmt: str, record: Mapping[str, Any], job_posting: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The JSON body for one change (``record`` as in ``changes.jsonl``)."""
    if fmt == "google":
        kind = "URL_UPDATED" if record["status"] == "open" else "URL_DELETED"
        return {"url": record["url"], "type": kind}
    out = dict(record)
    if job_posting is not None:
        out["jobPosting"] = dict(job_posting)
    return out


@dataclass(frozen=True, slots=True)
class PushResult:
    """What happened to one queued change."""

    outbox_id: int
    reference: str
    kind: str
    outcome: str
    """``sent``, ``rejected`` (4xx) or ``failed`` (gave up after retries)."""
    status: int | None
    answer: str | None
    attempts: int

    def line(self) -> str:
        if self.outcome == "sent":
            tries = f", {self.attempts} attempts" if self.attempts > 1 else ""
            return f"pushed    {self.kind:<9} {self.reference}  (HTTP {self.status}{tries})"
        what = f"HTTP {self.status}" if self.status is not None else "no answer"
        answer = f": {self.answer}" if self.answer else ""
        verb = "rejected" if self.outcome == "rejected" else "not sent"
        return (
            f"{verb:<9} {self.kind:<9} {self.reference}  ({what} after {self.attempts} "
            f"attempt(s){answer}) — kept queued for the next run"
        )


def _answer(response: httpx.Response) -> str:
    text = response.text.strip().replace("\n", " ")
    return text if len(text) <= 500 else text[:497] + "…"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    return float(value) if value.isdigit() else None


class Pusher:
    """Sends outbox rows to one endpoint (an ``httpx.Client`` for the whole run)."""

    def __init__(
        self,
        target: str,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: float = 10.0,
        max_attempts: int = 5,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.target = target
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.sleep = sleep
        base = {"Content-Type": "application/json", "User-Agent": f"avis/{__version__}"}
        self.client = httpx.Client(
            headers=base | dict(headers or {}),
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self.client.close()

    def _delay(self, attempt: int, hint: float | None) -> float:
        delay = self.backoff * (2 ** (attempt - 1))
        if hint is not None:
            delay = max(delay, hint)
        return min(delay, self.max_backoff)

    def send(self, row: Mapping[str, Any]) -> PushResult:
        """POST one outbox row, retrying as the module doc says."""
        status: int | None = None
        answer: str | None = None
        attempt = 0
        while attempt < self.max_attempts:
            attempt += 1
            hint: float | None = None
            try:
                response = self.client.post(
                    self.target,
                    content=row["body"].encode("utf-8"),
                    headers={KEY_HEADER: header_value(row["idempotency_key"])},
                )
            except httpx.TimeoutException as exc:
                status, answer = None, f"timed out ({type(exc).__name__})"
            except httpx.TransportError as exc:
                status, answer = None, f"{type(exc).__name__}: {exc}"
            else:
                status, answer = response.status_code, _answer(response)
                if response.is_success:
                    return self._result(row, "sent", status, None, attempt)
                if 400 <= status < 500 and status != 429:
                    return self._result(row, "rejected", status, answer, attempt)
                if status < 400:  # a redirect: the URL is wrong, retrying will not help
                    where = response.headers.get("Location", "?")
                    return self._result(row, "rejected", status, f"redirected to {where}", attempt)
                hint = _retry_after(response)
            if attempt < self.max_attempts:
                self.sleep(self._delay(attempt, hint))
        return self._result(row, "failed", status, answer, attempt)

    @staticmethod
    def _result(
        row: Mapping[str, Any], outcome: str, status: int | None, answer: str | None, attempts: int
    ) -> PushResult:
        return PushResult(
            outbox_id=row["id"],
            reference=row["reference"],
            kind=row["kind"],
            outcome=outcome,
            status=status,
            answer=answer,
            attempts=attempts,
        )


def push_pending(
    catalogue: Any, pusher: Pusher, clock: Callable[[], dt.datetime]
) -> list[PushResult]:
    """Send every queued change for the pusher's target, oldest first; stop at the first one
    that is not accepted (the rest stay queued)."""
    results: list[PushResult] = []
    for row in catalogue.pending(pusher.target):
        result = pusher.send(row)
        catalogue.record_attempt(
            row["id"],
            sent_at=clock() if result.outcome == "sent" else None,
            status=result.status,
            error=None if result.outcome == "sent" else result.answer,
            attempts=result.attempts,
        )
        results.append(result)
        if result.outcome != "sent":
            break
    return results
