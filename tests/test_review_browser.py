"""`avis review` driven in a real headless browser (Debian chromium through Playwright).

The server is started here on a free port of 127.0.0.1; nothing is downloaded (no
``playwright install``: the system chromium is used).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from avis.corrections import record_corrections
from avis.pipeline import parse_path
from avis.review.app import create_app
from avis.review.server import ReviewServer
from avis.review.view import PAD

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "corpus" / "generated"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TEXT_LAYER_RGB = (0x1C, 0x6F, 0xD1)  # --text-layer in review.css
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian chromium is not installed (/usr/bin/chromium): `make test` installs it",
)


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review") / "notices"
    root.mkdir()
    shutil.copy(GENERATED / "pdf-ruled-01.pdf", root / "ruled.pdf")
    shutil.copy(GENERATED / "text-md-01.md", root / "hostile.md")
    shutil.copy(GENERATED / "docx-table-01.docx", root / "table.docx")
    md = root / "hostile.md"
    # A label avis does not know (not even through OCR damage: "Publiée" reads as "Publié le"),
    # so the notice misses its posting date and needs a look.
    md.write_text(md.read_text("utf-8").replace("Date de publication", "Affichage"), "utf-8")
    record_corrections(md, parse_path(md), {"title": HOSTILE, "service": HOSTILE}, "fixture")
    return root


@pytest.fixture(scope="module")
def server(notices: Path) -> Iterator[ReviewServer]:
    app = create_app([notices], reviewer="tester")
    for entry in app.state.review.catalog.entries:
        app.state.review.catalog.load(entry)
    with ReviewServer(app) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.dialogs = dialogs
    pg.errors = errors  # CSP violations, failed loads and script errors all land here
    yield pg
    context.close()


def _open(page: Any, server: ReviewServer, name: str) -> None:
    page.goto(server.url)
    page.click(f"a.open:text-is('{name}')")
    page.wait_for_load_state("networkidle")


def _matches(pixel: tuple[int, ...], rgb: tuple[int, int, int], tol: int = 40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(pixel[:3], rgb, strict=True))


def test_a_field_box_is_drawn_over_the_page_where_it_was_read(
    page: Any, server: ReviewServer, notices: Path
) -> None:
    import pypdfium2 as pdfium
    from PIL import Image

    _open(page, server, "ruled.pdf")
    img = page.locator("#page-1 img")
    img.wait_for()
    page.wait_for_function("document.querySelector('#page-1 img').naturalWidth > 0")
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    ratio = shot.width / 1400

    # where the deadline box must be: its provenance, scaled onto the page image on screen
    prov = parse_path(notices / "ruled.pdf").provenance["deadline"]
    assert prov.page == 1 and prov.bbox is not None
    pdf = pdfium.PdfDocument(str(notices / "ruled.pdf"))
    width_pt, _ = pdf[0].get_size()
    pdf.close()
    box = img.bounding_box()
    scale = box["width"] / width_pt

    def px(x: float, y: float) -> tuple[int, int]:
        return round((box["x"] + x * scale) * ratio), round((box["y"] + y * scale) * ratio)

    x0, y0 = px(prov.bbox[0] - PAD, prov.bbox[1] - PAD)
    x1, y1 = px(prov.bbox[2] + PAD, prov.bbox[3] + PAD)
    assert 0 < x0 < x1 < shot.width and 0 < y0 < y1 < shot.height

    def edge_hits(points: list[tuple[int, int]]) -> float:
        hits = 0
        for x, y in points:
            near = [
                shot.getpixel((x + dx, y + dy))
                for dx in (-2, -1, 0, 1, 2)
                for dy in (-2, -1, 0, 1, 2)
            ]
            hits += any(_matches(p, TEXT_LAYER_RGB) for p in near)
        return hits / len(points)

    top = [(x, y0) for x in range(x0 + 6, x1 - 6, 3)]
    bottom = [(x, y1) for x in range(x0 + 6, x1 - 6, 3)]
    left = [(x0, y) for y in range(y0 + 3, y1 - 3)]
    assert edge_hits(top) > 0.9 and edge_hits(bottom) > 0.9 and edge_hits(left) > 0.9
    margin = [(px(8, 0)[0], y) for y in range(y0, y1)]  # the page margin beside it: no box
    assert edge_hits(margin) == 0

    # clicking the field selects its box; clicking a box goes to its field
    page.click("#in-deadline")
    assert "sel" in page.get_attribute('rect[data-field="deadline"]', "class")
    page.click('rect[data-field="title"]')
    assert page.evaluate("document.activeElement.id") == "in-title"
    assert "sel" in page.get_attribute('rect[data-field="title"]', "class")
    assert "sel" not in page.get_attribute('rect[data-field="deadline"]', "class")
    # a list item's box selects its line in the list's field
    page.click('rect[data-key="missions[1]"]')
    assert page.evaluate("document.activeElement.id") == "in-missions"
    chosen = page.evaluate(
        "(() => { const t = document.activeElement;"
        " return t.value.slice(t.selectionStart, t.selectionEnd); })()"
    )
    assert chosen == page.input_value("#in-missions").split("\n")[1]
    assert page.errors == []


def test_correct_the_deadline_reload_and_parse(
    page: Any, server: ReviewServer, notices: Path
) -> None:
    _open(page, server, "ruled.pdf")
    page.fill("#in-deadline", "2031-03-15")
    with page.expect_navigation():
        page.press("#in-deadline", "Control+Enter")
    assert "1 correction saved" in page.inner_text("#saved")
    page.reload()
    assert page.input_value("#in-deadline") == "2031-03-15"
    assert page.locator("#f-deadline .revchip").count() == 1

    log = json.loads((notices / "ruled.pdf.corrections.json").read_text("utf-8"))
    (entry,) = log["corrections"]
    assert (entry["field"], entry["old"], entry["new"], entry["by"]) == (
        "deadline",
        "2024-07-10",
        "2031-03-15",
        "tester",
    )
    out = subprocess.run(
        [sys.executable, "-c", "from avis.cli import main; main()", "parse", "ruled.pdf"],
        cwd=notices,
        capture_output=True,
        text=True,
        check=True,
    )
    parsed = json.loads(out.stdout)
    assert parsed["deadline"] == "2031-03-15"
    assert parsed["provenance"]["deadline"]["source"] == "review"


def test_html_in_values_is_shown_as_text(page: Any, server: ReviewServer) -> None:
    _open(page, server, "hostile.md")
    assert page.input_value("#in-title") == HOSTILE
    assert page.input_value("#in-service") == HOSTILE
    assert page.evaluate("window.pwned === undefined")
    assert page.locator('img[src="x"]').count() == 0
    assert page.dialogs == [] and page.errors == []


def test_keyboard_next_previous_notice_and_next_warning(page: Any, server: ReviewServer) -> None:
    page.goto(server.url)
    with page.expect_navigation():
        page.keyboard.press("n")  # first notice: the one needing a look (warnings) comes first
    assert page.inner_text("h1") == "hostile.md"
    first = page.url
    page.keyboard.press("w")
    focused = page.evaluate("(document.activeElement.closest('.field') || {}).className")
    assert focused is not None and ("warn" in focused or "low" in focused)
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("n")
    assert page.url != first
    with page.expect_navigation():
        page.keyboard.press("p")
    assert page.url == first


def test_docx_text_spans_link_to_fields(page: Any, server: ReviewServer) -> None:
    _open(page, server, "table.docx")
    assert page.locator("#page-1").count() == 0
    page.click('mark[data-field="location"]')
    assert page.evaluate("document.activeElement.id") == "in-location"
    page.click("#in-deadline")
    assert "sel" in page.get_attribute('mark[data-field="deadline"]', "class")
    assert page.errors == []
