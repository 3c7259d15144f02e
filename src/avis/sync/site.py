"""The published site: one HTML page per notice with its JSON-LD, sitemap, feed, changes.

Everything here is rebuilt from the catalogue, never from the inputs, so a run killed after
the catalogue commit finishes the site on the next run, and the files always agree with the
catalogue. Every file is written atomically (temp file + rename).

* ``SLUG/index.html`` — an open notice: the whole notice as HTML and, in a
  ``<script type="application/ld+json">``, the JobPosting of :mod:`avis.writers.jsonld`
  (its ``url`` is the page's own URL) validated against the Google profile. An expired
  notice keeps its page, which says so, carries ``noindex`` and no JobPosting (Google's
  advice for expired jobs). A withdrawn notice's page is removed.
* ``sitemap.xml`` — the open pages with ``lastmod``, valid against the sitemaps.org XSD;
  over 50,000 pages it becomes a sitemap index of ``sitemap-N.xml`` files.
* ``feed.xml`` — the job feed of :mod:`avis.writers.feed` over the open notices, each job's
  ``url`` pointing at its page.
* ``index.html`` — the open notices, each linking to its page.
* ``changes.jsonl`` — every change ever made, oldest first, one JSON object per line with a
  ``seq`` number a job board can resume from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from lxml import etree

from avis.batch.worker import write_atomic
from avis.errors import AvisError, OutputValidationError
from avis.model import Notice
from avis.sync.catalogue import NoticeRow, from_db
from avis.writers import WriterOptions
from avis.writers.shared import french_date
from avis.writers.sitemap import SITEMAP_NS, sitemap_problems

SITEMAP_LIMIT = 50_000
"""URLs per sitemap file (the protocol's limit)."""
SITEMAP_NAME = "sitemap.xml"
FEED_NAME = "feed.xml"
CHANGES_NAME = "changes.jsonl"
PAGE_NAME = "index.html"
INDEX_NAME = "index.html"


def page_url(base_url: str, slug: str) -> str:
    return f"{base_url.rstrip('/')}/{slug}/"


def page_path(slug: str) -> str:
    """The page file relative to the site."""
    return f"{slug}/{PAGE_NAME}"


def w3c_time(moment: dt.datetime) -> str:
    """``2026-03-15T00:00:00Z`` (W3C datetime, as sitemaps want)."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# -- pages -----------------------------------------------------------------------------------


def job_posting_json(notice: Notice, url: str, options: WriterOptions) -> dict[str, Any]:
    """The JobPosting for the page (the jsonld writer's, ``url`` = the page), validated."""
    from avis.validate import validate_output
    from avis.writers.jsonld import job_posting

    doc = job_posting(notice, options)
    doc["url"] = url
    problems = validate_output(json.dumps(doc).encode("utf-8"), "jsonld")
    if problems:
        raise OutputValidationError(
            f"the JobPosting of notice {notice.reference.id} is invalid: {'; '.join(problems[:5])}"
        )
    return doc


def _esc(text: str | None) -> str:
    from avis.writers.shared import clean

    return html.escape(clean(text) or "", quote=True)


def _facts(notice: Notice) -> str:
    from avis.writers.shared import present

    rows = [
        ("Employeur", present(notice.employer)),
        ("Lieu de travail", present(notice.location)),
        ("Référence", present(notice.reference.id)),
        ("Publiée le", french_date(notice.posted_on) if notice.posted_on else None),
        ("Date limite de candidature", french_date(notice.deadline) if notice.deadline else None),
    ]
    items = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>\n" for k, v in rows if v)
    return f"<dl>\n{items}</dl>\n" if items else ""


def render_page(row: NoticeRow, notice: Notice, options: WriterOptions) -> bytes:
    """The HTML page of a catalogued open or expired notice."""
    from avis.writers.shared import description_html

    expired = row.status == "expired"
    title = notice.title or row.reference
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}{' — ' + _esc(notice.employer) if notice.employer else ''}</title>",
        f'<link rel="canonical" href="{_esc(row.url)}">',
    ]
    if expired:
        head.append('<meta name="robots" content="noindex">')
        body_html = description_html(notice) or ""
        status = (
            '<p class="avis-status" role="status"><strong>Offre expirée</strong> : '
            + (
                f"la date limite de candidature était le {french_date(notice.deadline)}. "
                if notice.deadline
                else ""
            )
            + "Cette offre n'est plus ouverte aux candidatures.</p>\n"
        )
    else:
        doc = job_posting_json(notice, row.url, options)
        text = json.dumps(doc, ensure_ascii=False, indent=2).replace("</", "<\\/")
        head.append(f'<script type="application/ld+json">\n{text}\n</script>')
        body_html = doc["description"]
        status = ""
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n<main>\n"
        + f"<h1>{_esc(title)}</h1>\n"
        + status
        + _facts(notice)
        + f'<div class="avis-description">\n{body_html}\n</div>\n'
        + "</main>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def extract_json_ld(page: bytes) -> list[Any]:
    """Every JSON-LD block of a page (for checks and tests)."""
    tree = etree.HTML(page)
    return [
        json.loads(node.text or "")
        for node in tree.iter("script")
        if node.get("type") == "application/ld+json"
    ]


def render_index(rows: Sequence[NoticeRow]) -> bytes:
    """``index.html``: the open notices, soonest deadline first, each linking to its page
    (people and crawlers that do not read sitemaps find every page from here)."""
    open_rows = sorted(
        (r for r in rows if r.status == "open"),
        key=lambda r: (r.deadline or dt.date.max, r.title or "", r.reference),
    )
    items = []
    for row in open_rows:
        until = f" — jusqu'au {french_date(row.deadline)}" if row.deadline else ""
        items.append(
            f'<li><a href="{_esc(row.url)}">{_esc(row.title or row.reference)}</a> '
            f"<small>({_esc(row.reference)}){_esc(until)}</small></li>\n"
        )
    body = f"<ul>\n{''.join(items)}</ul>\n" if items else "<p>Aucune offre ouverte.</p>\n"
    page = (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Offres d'emploi</title>\n</head>\n<body>\n<main>\n"
        f"<h1>Offres d'emploi ({len(open_rows)})</h1>\n{body}</main>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


# -- sitemap ---------------------------------------------------------------------------------


def _xml(root: etree._Element) -> bytes:
    from avis.writers.shared import xml_bytes

    data = xml_bytes(root)
    problems = sitemap_problems(data)
    if problems:
        raise OutputValidationError("the sitemap is invalid: " + "; ".join(problems[:5]))
    return data


def render_sitemaps(rows: Sequence[NoticeRow], base_url: str) -> dict[str, bytes]:
    """File name → bytes: ``sitemap.xml`` alone, or an index and its parts.

    The site's own index page comes first: it is a real page listing the open notices, and it
    keeps the sitemap valid (the XSD wants at least one ``<url>``) when nothing is open."""
    open_rows = sorted((r for r in rows if r.status == "open"), key=lambda r: r.url)
    home_changed = max((r.last_changed for r in rows), default=None)
    entries: list[tuple[str, dt.datetime | None]] = [(base_url.rstrip("/") + "/", home_changed)]
    entries += [(r.url, r.last_changed) for r in open_rows]
    chunks = [entries[i : i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]

    def urlset(part: Sequence[tuple[str, dt.datetime | None]]) -> bytes:
        root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
        for loc, changed in part:
            url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
            etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = loc
            if changed is not None:
                etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = w3c_time(changed)
        return _xml(root)

    if len(chunks) == 1:
        return {SITEMAP_NAME: urlset(entries)}
    files: dict[str, bytes] = {}
    index = etree.Element(f"{{{SITEMAP_NS}}}sitemapindex", nsmap={None: SITEMAP_NS})
    for n, part in enumerate(chunks, start=1):
        name = f"sitemap-{n}.xml"
        files[name] = urlset(part)
        entry = etree.SubElement(index, f"{{{SITEMAP_NS}}}sitemap")
        etree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = f"{base_url.rstrip('/')}/{name}"
        latest = max((c for _, c in part if c is not None), default=None)
        if latest is not None:
            etree.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = w3c_time(latest)
    files[SITEMAP_NAME] = _xml(index)
    return files


# -- feed ------------------------------------------------------------------------------------


class _Notices(Sequence[Notice]):
    """The open notices, loaded from the catalogue one at a time as the feed writer asks."""

    def __init__(self, refs: list[str], load: Callable[[str], Notice]) -> None:
        self.refs = refs
        self.load = load

    def __len__(self) -> int:
        return len(self.refs)

    @overload
    def __getitem__(self, index: int) -> Notice: ...
    @overload
    def __getitem__(self, index: slice) -> list[Notice]: ...
    def __getitem__(self, index: int | slice) -> Notice | list[Notice]:
        if isinstance(index, slice):
            return [self.load(r) for r in self.refs[index]]
        return self.load(self.refs[index])

    def __iter__(self) -> Iterator[Notice]:
        for ref in self.refs:
            yield self.load(ref)


def render_feed(
    rows: Sequence[NoticeRow], options: WriterOptions, load: Callable[[str], Notice]
) -> bytes | None:
    """The job feed of the open notices with each ``url`` set to the page (None: no job)."""
    from avis.validate import validate_output
    from avis.writers.feed import FeedWriter

    open_rows = sorted((r for r in rows if r.status == "open"), key=lambda r: r.reference)
    if not open_rows:
        return None
    notices = _Notices([r.reference for r in open_rows], load)
    urls = {r.reference: r.url for r in open_rows}
    try:
        data = FeedWriter().render(notices, options=options)
    except OutputValidationError:
        return None
    parser = etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    for job in root.iter("job"):
        ref = job.findtext("referencenumber")
        url = urls.get(ref or "")
        if url is None:
            continue
        node = job.find("url")
        if node is None:
            node = etree.Element("url")
            # the derived XSD orders url right after requisitionid
            job.find("requisitionid").addnext(node)  # type: ignore[union-attr]
        node.text = etree.CDATA(url)
    from avis.writers.shared import xml_bytes

    out = xml_bytes(root)
    problems = validate_output(out, "feed")
    if problems:
        raise OutputValidationError("the feed is invalid: " + "; ".join(problems[:5]))
    return out


# -- changes.jsonl ---------------------------------------------------------------------------


def change_record(change: dict[str, Any]) -> dict[str, Any]:
    at = from_db(change["at"])
    assert at is not None
    return {
        "seq": change["id"],
        "kind": change["kind"],
        "reference": change["reference"],
        "hash": change["content_hash"],
        "previous_hash": change["previous_hash"],
        "status": change["status"],
        "url": change["url"],
        "source_file": change["source_file"],
        "at": w3c_time(at),
    }


def render_changes(all_changes: Iterable[dict[str, Any]]) -> bytes:
    lines = [json.dumps(change_record(c), ensure_ascii=False) + "\n" for c in all_changes]
    return "".join(lines).encode("utf-8")


# -- writing ---------------------------------------------------------------------------------


class SiteWriter:
    """Writes and removes the files of one site folder."""

    def __init__(
        self, root: Path, base_url: str, options: WriterOptions, load: Callable[[str], Notice]
    ) -> None:
        self.root = root
        self.base_url = base_url
        self.options = options
        self.load = load

    def _target(self, rel: str) -> Path:
        target = (self.root / rel).resolve()
        if not target.is_relative_to(self.root.resolve()):
            raise AvisError(f"refusing to write outside the site: {rel}")
        return target

    def write_page(self, row: NoticeRow) -> None:
        notice = self.load(row.reference)
        write_atomic(self._target(row.page), render_page(row, notice, self.options))

    def remove_page(self, row: NoticeRow) -> None:
        target = self._target(row.page)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        with contextlib.suppress(OSError):
            target.parent.rmdir()  # only when nothing else is in the page's folder

    def page_missing(self, row: NoticeRow) -> bool:
        return not self._target(row.page).exists()

    def write_indexes(
        self, rows: Sequence[NoticeRow], all_changes: Sequence[dict[str, Any]], now: dt.datetime
    ) -> list[str]:
        """Sitemap(s), feed (built ``now``) and changes.jsonl; returns warnings (no feed)."""
        from dataclasses import replace

        warnings: list[str] = []
        files = render_sitemaps(rows, self.base_url)
        for name, data in files.items():
            write_atomic(self.root / name, data)
        for stale in self.root.glob("sitemap-*.xml"):
            if stale.name not in files:
                with contextlib.suppress(OSError):
                    os.unlink(stale)
        feed = render_feed(rows, replace(self.options, generated_at=now), self.load)
        if feed is None:
            with contextlib.suppress(FileNotFoundError):
                (self.root / FEED_NAME).unlink()
            warnings.append("no open notice with a title, posting date and reference: no feed.xml")
        else:
            write_atomic(self.root / FEED_NAME, feed)
        write_atomic(self.root / INDEX_NAME, render_index(rows))
        write_atomic(self.root / CHANGES_NAME, render_changes(all_changes))
        return warnings
