"""Notices in header layouts the extraction rules were not written for, with their truth.

Families: labels above their values in grids of 2, 3 or 4 columns (ruled or not), dotted
leaders, "Label : value" prose (one or two pairs a line), in PDF (reportlab canvas, so the
geometry is exact), DOCX (a table whose rows alternate labels and values) and text. Label
wordings, case, colons and date styles vary with the seed; the body ends its last list with an
unbulleted paragraph and a "Renseignements : …" line, which belong to no list.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

MONTHS = tuple(
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
)

WORDINGS: dict[str, list[str]] = {
    "reference": ["Référence", "N° de référence", "N° de l'offre", "Référence de l'offre"],
    "employer": ["Employeur", "Collectivité", "Administration", "Collectivité employeur"],
    "corps": ["Cadre d'emplois", "Corps", "Corps / Grade", "Cadre d'emplois / Grade"],
    "direction": ["Direction", "Service / Direction", "Direction / Service", "Direction / Pôle"],
    "location": [
        "Lieu de travail",
        "Lieu d'affectation",
        "Localisation du poste",
        "Lieu d'exercice",
    ],
    "start": ["Poste à pourvoir", "Prise de poste", "Date de prise de poste"],
    "posted_on": ["Date de publication", "Date de dépôt de l'offre", "Date de mise en ligne"],
    "deadline": ["Date limite de candidature", "Date de clôture des candidatures", "Date limite"],
}
EMPLOYERS = ["Commune de Bourail", "Province Sud", "Ville de Nouméa", "Centre hospitalier du Nord"]
CORPS = ["Rédacteurs territoriaux", "Attaché d'administration", "Technicien supérieur", "Adjoint"]
DIRECTIONS = ["Direction des finances", "Direction du patrimoine bâti", "Pôle ressources"]
PLACES = ["Bourail", "Koné, centre-ville", "Nouméa – Port Plaisance", "Lifou"]
TITLES = ["Gestionnaire budgétaire", "Chargé de mission urbanisme", "Technicien réseaux"]
MISSIONS = [
    "Préparer le budget primitif et les décisions modificatives",
    "Suivre l'exécution comptable des dépenses et des recettes",
    "Conseiller les services sur les procédures financières",
    "Tenir les tableaux de bord de l'activité du service",
]
CLOSINGS = [
    "Les candidatures (lettre de motivation et CV) sont à adresser avant la date limite à la "
    "direction des ressources humaines.",
    "Le dossier de candidature est à transmettre par courriel avant la date de clôture.",
    "Merci d'adresser votre candidature au service du personnel.",
]


@dataclass
class Sample:
    header: list[tuple[str, str, str]]  # (field, label, value)
    title: str
    missions: list[str]
    closing: str
    contact: str
    truth: dict[str, object] = field(default_factory=dict)


def _date(d: dt.date, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


def sample(seed: int) -> Sample:
    rng = random.Random(seed)
    posted = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(200))
    deadline = posted + dt.timedelta(days=21 + rng.randrange(20))
    start = deadline + dt.timedelta(days=30)
    start = start.replace(day=1)
    ref = f"{3100 + rng.randrange(90)}-26-{rng.randrange(1000):04d}/SR"
    values = {
        "reference": f"{ref} du {_date(posted, rng)}",
        "employer": rng.choice(EMPLOYERS),
        "corps": rng.choice(CORPS),
        "direction": rng.choice(DIRECTIONS),
        "location": rng.choice(PLACES),
        "start": _date(start, rng),
        "posted_on": _date(posted, rng),
        "deadline": _date(deadline, rng),
    }
    upper = rng.random() < 0.4
    header = []
    for name, wordings in WORDINGS.items():
        label = rng.choice(wordings)
        header.append((name, label.upper() if upper else label, values[name]))
    title = rng.choice(TITLES)
    missions = rng.sample(MISSIONS, 3)
    phone = f"{rng.randrange(20, 30)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
    contact = f"Renseignements : Mme Wamytan, tél. {phone}, drh{seed}@exemple.nc"
    s = Sample(header, title, missions, rng.choice(CLOSINGS), contact)
    s.truth = {
        "reference.id": ref,
        "reference.date": posted.isoformat(),
        "title": title,
        "employer": values["employer"],
        "corps": values["corps"],
        "direction": values["direction"],
        "location": values["location"],
        "start.date": start.isoformat(),
        "posted_on": posted.isoformat(),
        "deadline": deadline.isoformat(),
        "missions": missions,
        "contact.email": f"drh{seed}@exemple.nc",
        "contact.phone": phone,
    }
    return s


W, H = A4


def _body(c: Canvas, s: Sample, y: float) -> None:
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "Missions")
    y -= 17
    c.setFont("Helvetica", 10)
    for item in s.missions:
        c.drawString(62, y, "•")
        c.drawString(72, y, item)
        y -= 13
    y -= 8
    for text in (s.closing, s.contact):
        for part in _fit(c, text, "Helvetica", 10, W - 100):
            c.drawString(50, y, part)
            y -= 13
        y -= 2


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap ``text`` to ``width`` points."""
    lines: list[str] = []
    for word in text.split():
        if lines and c.stringWidth(lines[-1] + " " + word, font, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def grid_pdf(s: Sample, ncols: int, ruled: bool, colon: bool) -> bytes:
    """Labels above their values, ``ncols`` to a row."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, H - 60, s.title)
    y = H - 95
    colw = (W - 100) / ncols
    for i in range(0, len(s.header), ncols):
        row = s.header[i : i + ncols]
        cells = [_fit(c, v, "Helvetica", 9, colw - 10) for _, _, v in row]
        height = 12 + 11 * max(len(v) for v in cells) + 8
        for j, ((_, label, _), value) in enumerate(zip(row, cells, strict=True)):
            x = 50 + j * colw
            if ruled:
                c.rect(x, y - height + 10, colw, height, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", 8)
            c.drawString(x + 4, y, label + (" :" if colon else ""))
            c.setFont("Helvetica", 9)
            for k, part in enumerate(value):
                c.drawString(x + 4, y - 12 - 11 * k, part)
        y -= height + (2 if ruled else 8)
    _body(c, s, y - 12)
    c.save()
    return buf.getvalue()


def pairs4_pdf(s: Sample, ruled: bool) -> bytes:
    """Label │ value │ label │ value rows (a 4-column Word table printed), labels wrapping."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, H - 60, s.title)
    y = H - 95
    widths = (90.0, 150.0, 90.0, 150.0)
    xs = (50.0, 140.0, 290.0, 380.0)
    for i in range(0, len(s.header), 2):
        row = s.header[i : i + 2]
        cells = []
        for j, (_, label, value) in enumerate(row):
            cells.append(_fit(c, label, "Helvetica-Bold", 8, widths[2 * j] - 8))
            cells.append(_fit(c, value, "Helvetica", 9, widths[2 * j + 1] - 8))
        height = 11 * max(len(x) for x in cells) + 8
        for k, parts in enumerate(cells):
            if ruled:
                c.rect(xs[k], y - height + 9, widths[k], height, stroke=1, fill=0)
            c.setFont("Helvetica-Bold" if k % 2 == 0 else "Helvetica", 8 if k % 2 == 0 else 9)
            for n, part in enumerate(parts):
                c.drawString(xs[k] + 4, y - 11 * n, part)
        y -= height + (0 if ruled else 6)
    _body(c, s, y - 12)
    c.save()
    return buf.getvalue()


def leaders_pdf(s: Sample) -> bytes:
    """``Label ........ value``, dots up to a value column."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, H - 60, s.title)
    y = H - 95
    for _, label, value in s.header:
        c.setFont("Helvetica", 10)
        text = label + " "
        c.drawString(50, y, text)
        x = 50 + c.stringWidth(text, "Helvetica", 10)
        dot = c.stringWidth(".", "Helvetica", 10)
        c.drawString(x, y, "." * max(3, int((228 - x) / dot)))
        c.drawString(232, y, value)
        y -= 15
    _body(c, s, y - 12)
    c.save()
    return buf.getvalue()


def prose_pdf(s: Sample, two_per_line: bool) -> bytes:
    """``Label : value`` lines, one pair or two pairs (far apart) to a line."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, H - 60, s.title)
    y = H - 95
    step = 2 if two_per_line else 1
    for i in range(0, len(s.header), step):
        for j, (_, label, value) in enumerate(s.header[i : i + step]):
            x = 50 + j * 260
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x, y, label + " :")
            w = c.stringWidth(label + " : ", "Helvetica-Bold", 9)
            c.setFont("Helvetica", 9)
            c.drawString(x + w, y, value)
        y -= 14
    _body(c, s, y - 12)
    c.save()
    return buf.getvalue()


def leaders_text(s: Sample) -> str:
    out = [s.title, ""]
    for _, label, value in s.header:
        out.append(f"{label} {'.' * max(3, 34 - len(label))} {value}")
    out += ["", "Missions", *[f"- {m}" for m in s.missions], "", s.closing, "", s.contact]
    return "\n".join(out) + "\n"


def grid_docx(s: Sample, ncols: int) -> bytes:
    """A Word table whose rows alternate labels and the values under them."""
    import docx

    d = docx.Document()
    d.add_heading(s.title, level=1)
    rows = [s.header[i : i + ncols] for i in range(0, len(s.header), ncols)]
    table = d.add_table(rows=2 * len(rows), cols=ncols)
    for r, row in enumerate(rows):
        for j, (_, label, value) in enumerate(row):
            run = table.cell(2 * r, j).paragraphs[0].add_run(label)
            run.bold = True
            table.cell(2 * r + 1, j).paragraphs[0].add_run(value)
    d.add_heading("Missions", level=2)
    for m in s.missions:
        d.add_paragraph(m, style="List Bullet")
    d.add_paragraph(s.closing)
    d.add_paragraph(s.contact)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build(seed: int) -> list[tuple[str, bytes, dict[str, object]]]:
    """One notice of every family: (file name, bytes, truth fields)."""
    out: list[tuple[str, bytes, dict[str, object]]] = []
    rng = random.Random(seed)
    for ncols in (2, 3, 4):
        s = sample(seed * 100 + ncols)
        ruled = rng.random() < 0.5
        out.append(
            (f"grid{ncols}-{seed}.pdf", grid_pdf(s, ncols, ruled, rng.random() < 0.3), s.truth)
        )
    s = sample(seed * 100 + 10)
    out.append((f"leaders-{seed}.pdf", leaders_pdf(s), s.truth))
    s = sample(seed * 100 + 14)
    out.append((f"pairs4-{seed}.pdf", pairs4_pdf(s, rng.random() < 0.5), s.truth))
    s = sample(seed * 100 + 11)
    out.append((f"prose1-{seed}.pdf", prose_pdf(s, False), s.truth))
    s = sample(seed * 100 + 12)
    out.append((f"prose2-{seed}.pdf", prose_pdf(s, True), s.truth))
    s = sample(seed * 100 + 13)
    out.append((f"leaders-{seed}.txt", leaders_text(s).encode(), s.truth))
    for ncols in (2, 3):
        s = sample(seed * 100 + 20 + ncols)
        out.append((f"grid{ncols}-{seed}.docx", grid_docx(s, ncols), s.truth))
    return out
