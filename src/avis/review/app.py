"""The review web app (Starlette + Jinja2): the notice list, one notice, saving corrections.

Every value reaches the page through autoescaping templates; forms that write carry the
session's token (a page from another site cannot read it); requests must be local
(:mod:`avis.review.guard`).
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from avis.corrections import CorrectionError, export_truth, record_corrections
from avis.errors import AvisError
from avis.readers import ReadOptions
from avis.review.catalog import Catalog, Entry
from avis.review.guard import LocalOnly
from avis.review.pages import PageCache
from avis.review.view import notice_view

HERE = Path(__file__).parent


@dataclass
class ReviewState:
    """Everything one review session holds (one per app: no module-level state)."""

    catalog: Catalog
    reviewer: str
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    pages: PageCache = field(default_factory=PageCache)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)


def _order(state: ReviewState) -> list[Entry]:
    """Notices needing a look first: failed, then most low-confidence fields, then warnings;
    notices not read yet last."""

    def key(entry: Entry) -> tuple[int, int, int, str]:
        s = state.catalog.summary(entry)
        if s is None:
            return (3, 0, 0, entry.name)
        if s.status in ("failed", "skipped"):
            return (0 if s.status == "failed" else 4, 0, 0, entry.name)
        return (1 if s.low_confidence or s.warnings else 2, -s.low_confidence, -s.warnings,
                entry.name)  # fmt: skip

    return sorted(state.catalog.entries, key=key)


def create_app(
    paths: list[Path],
    *,
    reviewer: str = "",
    background: bool = True,
    catalog: Catalog | None = None,
    options: ReadOptions | None = None,
) -> Starlette:
    """The app for a review of ``paths``. ``background``: read every notice in a thread so the
    list fills in while the reviewer works."""
    catalog = catalog or Catalog(paths, options)
    state = ReviewState(
        catalog=catalog, reviewer=reviewer, pages=PageCache(password=catalog.options.password)
    )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates = Jinja2Templates(env=env)

    def entry_or_404(request: Request) -> Entry:
        entry = state.catalog.get(int(request.path_params["nid"]))
        if entry is None:
            raise _NotFound()
        return entry

    def check_token(form: Any) -> bool:
        given = str(form.get("csrf", ""))
        return hmac.compare_digest(given.encode(), state.token.encode())

    async def index(request: Request) -> Response:
        order = _order(state)
        rows = [(e, state.catalog.summary(e)) for e in order]
        pending = sum(1 for _, s in rows if s is None)
        return templates.TemplateResponse(
            request, "index.html", {"rows": rows, "pending": pending, "total": len(rows)}
        )

    def render_notice(request: Request, entry: Entry, error: str | None = None,
                      status: int = 200) -> Response:  # fmt: skip
        order = _order(state)
        pos = next(i for i, e in enumerate(order) if e.id == entry.id)
        loaded, notice = state.catalog.current(entry)
        view = notice_view(entry, loaded, notice, state.pages)
        saved = request.query_params.get("saved", "")
        context = {
            "entry": entry,
            "v": view,
            "summary": state.catalog.summary(entry),
            "prev": order[pos - 1] if pos > 0 else None,
            "next": order[pos + 1] if pos + 1 < len(order) else None,
            "position": pos + 1,
            "total": len(order),
            "csrf": state.token,
            "error": error,
            "saved": int(saved) if saved.isdigit() else None,
            "truth": request.query_params.get("truth") == "1",
            "reviewer": state.reviewer,
        }
        return templates.TemplateResponse(request, "notice.html", context, status_code=status)

    async def notice(request: Request) -> Response:
        entry = entry_or_404(request)
        return await _in_thread(render_notice, request, entry)

    async def page_image(request: Request) -> Response:
        entry = entry_or_404(request)
        number = int(request.path_params["page"])
        loaded = state.catalog.load(entry)
        if entry.input is None or loaded.fmt not in ("pdf", "image"):
            return PlainTextResponse("no page image for this notice", status_code=404)
        if not state.catalog.is_allowed(entry.input):  # pragma: no cover - catalogue invariant
            return PlainTextResponse("forbidden", status_code=403)
        try:
            image = await _in_thread(state.pages.page, entry.input, loaded.fmt, number)
        except (AvisError, OSError) as exc:
            return PlainTextResponse(f"cannot render this page: {exc}", status_code=404)
        return Response(image.png, media_type="image/png")

    async def save(request: Request) -> Response:
        entry = entry_or_404(request)
        form = await request.form()
        if not check_token(form):
            return PlainTextResponse("403 Forbidden: missing or wrong session token", 403)
        if entry.input is None:
            return await _in_thread(render_notice, request, entry,
                                    "the input file is gone: nothing to correct", 409)  # fmt: skip
        edits: dict[str, str] = {}
        for key, value in form.multi_items():
            if key.startswith("f.") and isinstance(value, str):
                path = key[2:]
                original = form.get("o." + path, "")
                if _norm(value) != _norm(original if isinstance(original, str) else ""):
                    edits[path] = value

        def write() -> int:
            with state.write_lock:
                _, current = state.catalog.current(entry)
                if current is None:
                    raise CorrectionError("this notice could not be read: nothing to correct")
                assert entry.input is not None
                made = record_corrections(entry.input, current, edits, state.reviewer)
                return len(made)

        try:
            count = await _in_thread(write)
        except AvisError as exc:
            return await _in_thread(render_notice, request, entry, exc.message, 400)
        return RedirectResponse(f"/notice/{entry.id}?saved={count}", status_code=303)

    async def truth(request: Request) -> Response:
        entry = entry_or_404(request)
        form = await request.form()
        if not check_token(form):
            return PlainTextResponse("403 Forbidden: missing or wrong session token", 403)

        def write() -> None:
            with state.write_lock:
                _, current = state.catalog.current(entry)
                if current is None or entry.input is None:
                    raise CorrectionError("this notice could not be read: no truth to export")
                export_truth(entry.input, current, state.reviewer)

        try:
            await _in_thread(write)
        except AvisError as exc:
            return await _in_thread(render_notice, request, entry, exc.message, 400)
        return RedirectResponse(f"/notice/{entry.id}?truth=1", status_code=303)

    async def not_found(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("404 Not Found", status_code=404)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        worker = None
        if background:
            worker = threading.Thread(
                target=state.catalog.load_all, args=(state.stop,), daemon=True,
                name="avis-review-load",
            )  # fmt: skip
            worker.start()
        try:
            yield
        finally:
            state.stop.set()
            if worker is not None:
                worker.join(timeout=5)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/favicon.ico", lambda request: Response(status_code=204)),
            Route("/notice/{nid:int}", notice),
            Route("/notice/{nid:int}/page/{page:int}.png", page_image),
            Route("/notice/{nid:int}/save", save, methods=["POST"]),
            Route("/notice/{nid:int}/truth", truth, methods=["POST"]),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        middleware=[Middleware(LocalOnly)],
        exception_handlers={_NotFound: not_found, 404: not_found},
        lifespan=lifespan,
    )
    app.state.review = state
    return app


class _NotFound(Exception):
    pass


def _norm(text: str) -> str:
    return text.replace("\r\n", "\n")


async def _in_thread(fn: Any, *args: Any) -> Any:
    """Parsing and rendering are blocking work: keep them off the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, *args)
