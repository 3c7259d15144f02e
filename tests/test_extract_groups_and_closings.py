"""Header tables whose rows are grouped by a merged cell on their left, and conditions followed
by the notice's closing: built here as PDFs with varied wordings, parsed from bytes.

- A group cell ("IDENTIFICATION DU POSTE", "CALENDRIER"), printed left of the label column
  between two rows, continues no value: values keep to their own column.
- A label avis has no field for ("Quotité") ends the value above it (its value goes to extra).
- Unbulleted "Label : value" conditions end where a closing paragraph, set apart by a blank
  line, begins ("Les candidatures … sont à adresser …"): that is how to apply, not a condition.
- A French ten-digit phone number is read whole; a contact's name comes without "Renseignements
  auprès de".
"""

from __future__ import annotations

import io
import random

import pytest

from avis.pipeline import parse_bytes

GROUPS = ["IDENTIFICATION DU POSTE", "AFFECTATION", "CALENDRIER", "POSITION", "RATTACHEMENT"]
EMPLOYERS = [
    "Centre hospitalier intercommunal de Cornouaille",
    "Communauté d'agglomération du Grand Dax",
    "Centre hospitalier de Saint-Lô",
]
GRADES = ["Préparateur en pharmacie hospitalière", "Adjoint administratif", "Technicien principal"]


def _pdf(seed: int) -> tuple[bytes, dict[str, str]]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    ref = f"CH-DRH-2026-{rng.randrange(100, 999)}"
    employer, grade = rng.choice(EMPLOYERS), rng.choice(GRADES)
    phone = (
        "0" + str(rng.randrange(1, 6)) + "".join(f" {rng.randrange(0, 100):02d}" for _ in range(4))
    )
    rows = [
        ("Référence", ref),
        ("Grade", grade),
        ("Quotité", f"{rng.choice([50, 80, 100])} %"),
        ("Établissement", employer),
        ("Lieu d'exercice", "Site de Quimper"),
        ("Date de publication", "21.05.2026"),
        ("Date limite de candidature", "20.06.2026"),
    ]
    groups = rng.sample(GROUPS, 3)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(150, 790, "FICHE DE POSTE")
    c.drawString(150, 770, "Chargé(e) de mission")
    y = 740.0
    for k, (label, value) in enumerate(rows):
        if k % 3 == 1:  # a group cell, vertically centred on its rows: between two lines
            c.setFont("Helvetica-Bold", 8)
            c.drawString(40, y + 10, groups[k // 3])
        c.setFont("Helvetica", 10)
        c.drawString(160, y, label)
        c.drawString(300, y, value)
        y -= 20
    y -= 20
    lines = [
        ("Helvetica-Bold", "Conditions d'exercice"),
        ("Helvetica", "Horaires : 7 h 30 - 15 h 30, du lundi au vendredi"),
        ("Helvetica", "Temps de travail : un samedi matin sur six"),
        None,  # a blank line
        ("Helvetica", "Les candidatures (lettre de motivation et CV) sont à adresser à la"),
        ("Helvetica", "direction des ressources humaines, par courriel : drh@example.fr."),
        ("Helvetica", f"Renseignements auprès de Prénom NOM, cadre de santé, {phone}."),
    ]
    for line in lines:
        if line is not None:
            c.setFont(line[0], 10)
            c.drawString(60, y, line[1])
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue(), {"ref": ref, "employer": employer, "grade": grade, "phone": phone}


@pytest.mark.parametrize("seed", range(6))
def test_group_cells_closings_and_contact(seed: int) -> None:
    data, want = _pdf(seed)
    notice = parse_bytes(data, f"groups-{seed}.pdf")
    assert notice.reference.id == want["ref"]
    assert notice.employer == want["employer"]
    assert notice.corps == want["grade"]
    assert notice.location == "Site de Quimper"
    assert str(notice.deadline) == "2026-06-20"
    assert "Quotité" in notice.extra and notice.extra["Quotité"].endswith("%")
    assert [c.split(" : ")[0] for c in notice.conditions] == ["Horaires", "Temps de travail"]
    assert notice.contact.how_to_apply is not None
    assert notice.contact.how_to_apply.startswith("Les candidatures")
    assert notice.contact.phone == want["phone"]
    assert notice.contact.name == "Prénom NOM, cadre de santé"
    for text in (notice.reference.raw or "", notice.employer or "", notice.corps or ""):
        assert not any(g.split()[0] in text for g in GROUPS)


@pytest.mark.parametrize(
    "text",
    [
        "AVIS DE VACANCE DE POSTE\nRéférence : 2026-041\nIntitulé du poste : Agent\n"
        "Quotité : 80 %\nEmployeur : Province Sud\n\nMissions :\n- accueillir\n",
        # the same label displaced into the body, after a section heading
        "AVIS DE VACANCE DE POSTE\nRéférence : 2026-041\nIntitulé du poste : Agent\n"
        "Employeur : Province Sud\n\nMissions :\n- accueillir\n\nQuotité : 80 %\n",
    ],
)
def test_a_label_without_a_field_keeps_its_value_in_extra(text: str) -> None:
    notice = parse_bytes(text.encode(), "quotite.md")
    assert notice.extra.get("Quotité") == "80 %"
    assert notice.employer == "Province Sud"
    assert all("80 %" not in m for m in notice.missions)


def test_an_export_with_english_labels_and_bold_unknown_labels() -> None:
    """A job board's export: English labels for the header facts; a bold "Label:" no wording
    names ends the value above it and keeps its own value in extra."""
    text = (
        "# Ingénieur d'études en développement\n\n"
        "**Employer:** Université de la Nouvelle-Calédonie\n"
        "**Reference:** UNC-2026-07\n"
        "**Department:** Direction du numérique\n"
        "**Location:** Campus de Nouville, Nouméa\n"
        "**Job family:** BAP E – Informatique\n"
        "**Grade:** Ingénieur d'études\n"
        "**Contract type:** Titulaire ou contractuel\n"
        "**Posted:** 2026-05-18\n"
        "**Closing date:** 08/06/2026\n\n"
        "## Missions\n\n- Développer les applications de gestion\n"
    )
    notice = parse_bytes(text.encode(), "export.md")
    assert notice.employer == "Université de la Nouvelle-Calédonie"
    assert notice.reference.id == "UNC-2026-07"
    assert notice.direction == "Direction du numérique"
    assert notice.location == "Campus de Nouville, Nouméa"
    assert notice.corps == "Ingénieur d'études"
    assert (str(notice.posted_on), str(notice.deadline)) == ("2026-05-18", "2026-06-08")
    assert notice.extra == {
        "Job family": "BAP E – Informatique",
        "Contract type": "Titulaire ou contractuel",
    }
