"""`avis review` over real HTTP (uvicorn on 127.0.0.1, started here): what it refuses, what it
escapes, what it writes. The browser-driven checks are in test_review_browser.py."""

from __future__ import annotations

import asyncio
import http.client
import json
import re
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from avis.cli import main
from avis.corrections import corrections_path
from avis.readers import ReadOptions
from avis.review.app import create_app
from avis.review.guard import host_is_local
from avis.review.server import ReviewServer

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "corpus" / "generated"
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
ODD_NAME = "<i onmouseover=alert(1)>odd name.md"


class Client:
    """Raw HTTP: the request line and Host header go out exactly as written."""

    def __init__(self, port: int) -> None:
        self.port = port

    def request(
        self,
        method: str,
        path: str,
        *,
        host: str | None = None,
        body: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", host if host is not None else f"127.0.0.1:{self.port}")
            data = urllib.parse.urlencode(body).encode() if body is not None else b""
            if body is not None:
                conn.putheader("Content-Type", "application/x-www-form-urlencoded")
            conn.putheader("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                conn.putheader(key, value)
            conn.endheaders(data)
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def get(self, path: str, **kw: Any) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path, **kw)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "notices"
    (root / "sub").mkdir(parents=True)
    shutil.copy(GENERATED / "pdf-ruled-01.pdf", root / "ruled.pdf")
    shutil.copy(GENERATED / "docx-table-01.docx", root / "sub" / "table.docx")
    shutil.copy(GENERATED / "text-md-01.md", root / "sub" / ODD_NAME)
    (tmp_path / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    return root


@pytest.fixture
def served(folder: Path) -> Iterator[tuple[Client, Any]]:
    app = create_app([folder], reviewer="tester", background=False)
    with ReviewServer(app) as server:
        yield Client(server.port), app.state.review


def _id_of(state: Any, suffix: str) -> int:
    return next(e.id for e in state.catalog.entries if e.name.endswith(suffix))


def _token(html: bytes) -> str:
    found = re.search(rb'name="csrf" value="([^"]+)"', html)
    assert found is not None
    return found.group(1).decode()


def test_lists_every_notice_with_its_status(served: tuple[Client, Any]) -> None:
    client, state = served
    for entry in state.catalog.entries:
        state.catalog.load(entry)
    status, headers, body = client.get("/")
    assert status == 200
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    html = body.decode()
    assert html.count('class="open"') == 3
    assert "ruled.pdf" in html and "sub/table.docx" in html
    assert "st-ok" in html or "st-partial" in html


def test_refuses_foreign_host_headers_dns_rebinding(served: tuple[Client, Any]) -> None:
    client, _ = served
    for host in ("evil.example", f"evil.example:{client.port}", "127.0.0.1.nip.io", ""):
        status, _, body = client.get("/", host=host)
        assert status == 403, host
        assert b"127.0.0.1 or localhost only" in body
    assert client.get("/", host=f"localhost:{client.port}")[0] == 200
    assert client.get("/", host="127.0.0.1:1")[0] == 403  # another port: not this server
    assert host_is_local(f"[::1]:{client.port}", client.port)


def test_refuses_clients_that_are_not_this_machine(folder: Path) -> None:
    app = create_app([folder], background=False)

    def call(client_host: str) -> int:
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/",
            "raw_path": b"/",
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1:8000")],
            "client": (client_host, 40000),
            "server": ("127.0.0.1", 8000),
        }
        asyncio.run(app(scope, receive, send))
        return int(sent[0]["status"])

    assert call("203.0.113.9") == 403
    assert call("192.168.1.20") == 403
    assert call("127.0.0.1") == 200


@pytest.mark.parametrize(
    "path",
    [
        "/static/../corrections.py",
        "/static/..%2f..%2fcorrections.py",
        "/static/%2e%2e/app.py",
        "/static/../../../../../../etc/passwd",
        "/notice/../../secret.txt",
        "/notice/..%2f..%2fsecret.txt",
        "/notice/99",
        "/notice/-1",
        "/notice/0/page/0.png",
        "/notice/0/page/999.png",
        "/notice/0/page/..%2f..%2fsecret.txt",
        "/secret.txt",
        "/../secret.txt",
    ],
)
def test_path_traversal_reaches_nothing(served: tuple[Client, Any], path: str) -> None:
    client, _ = served
    status, _, body = client.get(path)
    assert status in (400, 404), (path, status)
    assert b"TOP SECRET" not in body and b"root:" not in body and b"import" not in body


def test_writes_need_the_session_token(served: tuple[Client, Any], folder: Path) -> None:
    client, state = served
    nid = _id_of(state, "ruled.pdf")
    form = {"f.deadline": "2031-03-15", "o.deadline": "2024-07-10"}
    for token in (None, "", "guess"):
        body = dict(form) if token is None else {**form, "csrf": token}
        status, _, _ = client.request("POST", f"/notice/{nid}/save", body=body)
        assert status == 403
    assert client.request("POST", f"/notice/{nid}/truth", body={})[0] == 403
    assert not corrections_path(folder / "ruled.pdf").exists()
    assert client.get(f"/notice/{nid}/save")[0] == 405  # no write by GET


def test_saving_writes_beside_the_input_only(served: tuple[Client, Any], folder: Path) -> None:
    client, state = served
    nid = _id_of(state, "table.docx")
    status, _, page = client.get(f"/notice/{nid}")
    assert status == 200
    token = _token(page)
    before = {p for p in folder.parent.rglob("*")}
    status, headers, _ = client.request(
        "POST",
        f"/notice/{nid}/save",
        body={"csrf": token, "f.deadline": "2031-03-15", "o.deadline": "2025-01-27"},
    )
    assert status == 303 and headers["location"] == f"/notice/{nid}?saved=1"
    created = {p for p in folder.parent.rglob("*")} - before
    assert created == {folder / "sub" / "table.docx.corrections.json"}
    status, _, page = client.get(headers["location"])
    assert b'value="2031-03-15"' in page and b"1 correction saved" in page
    # a bad value is refused with a message, nothing else written
    status, _, page = client.request(
        "POST",
        f"/notice/{nid}/save",
        body={"csrf": token, "f.positions": "beaucoup", "o.positions": "2"},
    )
    assert status == 400 and b"not a whole number" in page
    log = json.loads((folder / "sub" / "table.docx.corrections.json").read_text("utf-8"))
    assert [c["field"] for c in log["corrections"]] == ["deadline"]
    # exporting the reviewed notice as truth
    status, headers, _ = client.request("POST", f"/notice/{nid}/truth", body={"csrf": token})
    assert status == 303
    truth = json.loads((folder / "sub" / "table.truth.json").read_text("utf-8"))
    assert truth["fields"]["deadline"] == "2031-03-15" and truth["file"] == "table.docx"


def test_every_value_is_escaped(served: tuple[Client, Any], folder: Path) -> None:
    client, state = served
    nid = _id_of(state, "odd name.md")
    token = _token(client.get(f"/notice/{nid}")[2])
    status, _, _ = client.request(
        "POST",
        f"/notice/{nid}/save",
        body={"csrf": token, "f.title": HOSTILE, "o.title": "", "f.missions": HOSTILE},
    )
    assert status == 303
    for path in ("/", f"/notice/{nid}"):
        html = client.get(path)[2].decode()
        assert "<script>window" not in html and "<img src=x" not in html
        assert "<i onmouseover" not in html
    html = client.get(f"/notice/{nid}")[2].decode()
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "&lt;i onmouseover=alert(1)&gt;odd name.md" in html
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/review.js" defer>']


def test_docx_notice_shows_its_text_with_field_spans(served: tuple[Client, Any]) -> None:
    client, state = served
    nid = _id_of(state, "table.docx")
    html = client.get(f"/notice/{nid}")[2].decode()
    assert 'class="textdoc"' in html and "<img" not in html
    fields = set(re.findall(r'<mark class="span o-docx" data-field="([\w.]+)"', html))
    assert {"deadline", "title", "location", "missions"} <= fields, fields


def test_pdf_pages_are_rendered_once_and_boxes_placed(served: tuple[Client, Any]) -> None:
    client, state = served
    nid = _id_of(state, "ruled.pdf")
    html = client.get(f"/notice/{nid}")[2].decode()
    assert html.count('<figure class="page"') == 3
    rect = re.search(r'<rect class="box o-text_layer[^"]*" data-field="deadline"[^>]*>', html)
    assert rect is not None
    status, headers, png = client.get(f"/notice/{nid}/page/1.png")
    assert status == 200 and headers["content-type"] == "image/png"
    assert png.startswith(b"\x89PNG")
    renders = state.pages.renders
    assert client.get(f"/notice/{nid}/page/1.png")[2] == png
    assert state.pages.renders == renders


def test_review_of_a_convert_output_folder(tmp_path: Path, folder: Path) -> None:
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\0" * 200)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(folder), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 1, result.output  # broken.pdf failed
    app = create_app([out], background=False)
    state = app.state.review
    names = sorted(e.name.rsplit("/", 1)[-1] for e in state.catalog.entries)
    assert names == [ODD_NAME, "broken.pdf", "ruled.pdf", "table.docx"]
    statuses = {}
    for entry in state.catalog.entries:
        state.catalog.load(entry)
        summary = state.catalog.summary(entry)
        assert summary is not None
        statuses[entry.name.rsplit("/", 1)[-1]] = summary.status
        if not entry.name.endswith("broken.pdf"):
            assert entry.notice_json is not None  # read from the output, not parsed again
    assert statuses["broken.pdf"] == "failed"
    with ReviewServer(app) as server:
        client = Client(server.port)
        html = client.get("/")[2].decode()
        assert html.index("broken.pdf") < html.index("ruled.pdf")  # failures first


def test_command_prints_its_local_address(folder: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from avis.cli import main; main()", "review", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url), url
        port = int(url.rsplit(":", 1)[1].strip("/"))
        assert Client(port).get("/")[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_scan_shows_its_image_with_ocr_boxes(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(GENERATED / "pdf-ruled-01.pdf"))
    image = pdf[0].render(scale=200 / 72).to_pil().convert("L")
    pdf.close()
    image = image.crop((0, 0, image.width, image.height // 2))  # the header: half the OCR work
    scan = tmp_path / "scan.png"
    image.save(scan, dpi=(200, 200))
    app = create_app([scan], background=False)
    with ReviewServer(app) as server:
        client = Client(server.port)
        html = client.get("/notice/0")[2].decode()
        width, height = (round(v * 72 / 200, 2) for v in image.size)
        assert f'viewBox="0 0 {width} {height}"' in html
        boxes = re.findall(r'<rect class="box o-(\w+)[^"]*" data-field="([\w.]+)"', html)
        assert ("ocr", "deadline") in boxes and {o for o, _ in boxes} == {"ocr"}
        status, _, png = client.get("/notice/0/page/1.png")
        assert status == 200 and png.startswith(b"\x89PNG")


def test_a_stray_file_in_a_folder_is_listed_as_skipped_last(tmp_path: Path) -> None:
    shutil.copy(GENERATED / "text-md-02.md", tmp_path / "b.md")
    (tmp_path / "a.bin").write_bytes(bytes(range(256)) * 8)
    app = create_app([tmp_path], background=False)
    with ReviewServer(app) as server:
        client = Client(server.port)
        for entry in app.state.review.catalog.entries:
            app.state.review.catalog.load(entry)
        html = client.get("/")[2].decode()
    assert 'class="status st-skipped"' in html
    assert html.index("b.md") < html.index("a.bin")


def test_low_confidence_fields_are_marked_and_listed_first(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(GENERATED / "pdf-ruled-01.pdf", src / "a.pdf")
    shutil.copy(GENERATED / "pdf-ruled-02.pdf", src / "b.pdf")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    doubtful = json.loads((out / "b.pdf.json").read_text("utf-8"))
    doubtful["provenance"]["deadline"]["confidence"] = 0.31  # as OCR of a poor scan gives
    (out / "b.pdf.json").write_text(json.dumps(doubtful), "utf-8")
    app = create_app([out], background=False)
    with ReviewServer(app) as server:
        client = Client(server.port)
        for entry in app.state.review.catalog.entries:
            app.state.review.catalog.load(entry)
        listing = client.get("/")[2].decode()
        assert listing.index("b.pdf") < listing.index("a.pdf")
        nid = _id_of(app.state.review, "b.pdf")
        html = client.get(f"/notice/{nid}")[2].decode()
    rect = re.search(r'<rect class="([^"]*)" data-field="deadline"', html)
    assert rect is not None and rect.group(1).split() == ["box", "o-text_layer", "low"]
    row = re.search(r'<div class="([^"]*)" id="f-deadline"', html)
    assert row is not None and "low" in row.group(1).split()
    assert "low 0.31" in html
    title = re.search(r'<rect class="([^"]*)" data-field="title"', html)
    assert title is not None and "low" not in title.group(1).split()


def test_an_encrypted_pdf_is_reviewed_with_its_password(tmp_path: Path) -> None:
    from tests.pdf_factory import encrypted_pdf

    (tmp_path / "locked.pdf").write_bytes(encrypted_pdf("s3cret"))
    without = create_app([tmp_path], background=False)
    catalog = without.state.review.catalog
    catalog.load(catalog.entries[0])
    summary = catalog.summary(catalog.entries[0])
    assert summary is not None and summary.status == "failed"
    assert "password_required" in (summary.message or "")

    app = create_app([tmp_path], background=False, options=ReadOptions(password="s3cret"))
    with ReviewServer(app) as server:
        client = Client(server.port)
        html = client.get("/notice/0")[2].decode()
        assert '<figure class="page" id="page-1">' in html
        status, _, png = client.get("/notice/0/page/1.png")
        assert status == 200 and png.startswith(b"\x89PNG")


def test_the_reading_limits_hold_in_review_too(tmp_path: Path) -> None:
    """`avis review --max-pages/--max-mb` refuse a file as convert would: listed as failed with
    the limit named, and its pages never rendered."""
    from avis.readers import ReadOptions

    shutil.copy(GENERATED / "pdf-ruled-01.pdf", tmp_path / "long.pdf")
    app = create_app([tmp_path], background=False, options=ReadOptions(max_pages=1))
    with ReviewServer(app) as server:
        client = Client(server.port)
        entry = app.state.review.catalog.entries[0]
        app.state.review.catalog.load(entry)
        html = client.get("/")[2].decode()
        assert 'class="status st-failed"' in html
        page = client.get("/notice/0")[2].decode()
        assert "--max-pages" in page
        status, _, _ = client.get("/notice/0/page/1.png")
    assert status != 200
    runner = CliRunner()
    assert "--max-pages" in runner.invoke(main, ["review", "--help"]).output
