"""Layout classes avis lost fields on (issue #10, seen on corpus/blind3), as families.

A notice is drawn by :func:`~.sample_family.sample_family_notice`, then restyled here with an
RNG of its own (so the other families stay byte-identical):

- ``pdf-sidebar``: header pairs in a narrow shaded box beside the body on page 1;
- ``pdf-prose`` / ``text-prose``: header facts written as sentences ("La Direction … de …
  recrute un(e) … Poste basé à …");
- ``pdf-ocr`` / ``text-ocr``: labels (and some values and headings) damaged as Tesseract does;
- in every class family: references with prefixes and shapes other than ``NNNN-YY-NNNN/XX``
  ("Avis n° PN-2026-014", "DRH/2026/045"), and closings that open like contact or application
  sentences right after the last list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re

from .frdates import format_date
from .ocrnoise import damage
from .sample_family import sample_family_notice
from .spec import HeaderRow, ListSection, NoticeSpec

# Reference label wordings these employers print before the new shapes.
REF_LABELS: tuple[str, ...] = ("Référence", "Réf.", "N° d’avis", "Numéro d’avis", "Référence")
# How an application paragraph may open when it follows a list directly.
HOW_FORMS: tuple[str, ...] = (
    "Les personnes intéressées sont invitées à faire parvenir leur candidature (CV et lettre "
    "de motivation) {dest} avant le {deadline}.",
    "Vous êtes intéressé(e) ? Envoyez votre CV et votre lettre de motivation {dest}.",
    "Le dossier de candidature (CV, lettre de motivation, copie des diplômes) doit être "
    "transmis {dest} pour le {deadline} au plus tard.",
    "Toute candidature (lettre de motivation et CV) est à envoyer {dest}.",
    "Si ce poste vous intéresse, merci de transmettre votre candidature {dest}.",
)
INFO_FORMS: tuple[str, ...] = (
    "Pour tout renseignement complémentaire, vous pouvez contacter {who}, {role}, au {phone} "
    "ou à l’adresse {email}.",
    "Des informations complémentaires peuvent être obtenues auprès de {who} ({phone}, {email}).",
    "Vous pouvez joindre {who}, {role}, au {phone} – {email}.",
    "Pour toute question sur le poste : {who} – {phone} – {email}.",
)


def _initials(name: str) -> str:
    caps = "".join(w[0] for w in re.findall(r"[A-ZÉÎ][\w’'-]+", name) if w[0].isupper())
    return (caps or "AVP")[:3].replace("É", "E").replace("Î", "I")


def _reference(rng: random.Random, spec: NoticeSpec) -> tuple[str, str, str, dt.date | None]:
    """(label, printed value, id, date) of a reference in a shape other than the DRHFPNC one."""
    posted = spec.facts.posted_on
    year, n = posted.year, rng.randint(1, 480)
    prefix = _initials(spec.employer)
    ref_id = rng.choice(
        (
            f"{prefix}-{year}-{n:03d}",
            f"DRH/{year}/{n:03d}",
            f"{year}-DRH-{n:04d}",
            f"AVP-{year % 100:02d}-{n:03d}",
            f"RH.{year}.{n:03d}",
            f"{n:03d}/{prefix}/{year}",
        )
    )
    label = rng.choice(REF_LABELS)
    printed = ref_id
    if label in ("Référence", "Réf.") and rng.random() < 0.6:
        printed = rng.choice(("Avis n° ", "Avis n°", "AVP n° ", "Offre n° ")) + ref_id
    date: dt.date | None = None
    if rng.random() < 0.4:
        date = posted - dt.timedelta(days=rng.choice((0, 0, 1, 2)))
        printed += " du " + format_date(date, rng.choice(("long", "numeric")))
    return label, printed, ref_id, date


def _closing(rng: random.Random, spec: NoticeSpec, deadline_text: str) -> dict[str, object]:
    """A closing right after the last list whose paragraphs open like contact / application."""
    email = spec.facts.contact_email or "recrutement@example.nc"
    phone = spec.facts.contact_phone or ""
    # "M. Prénom NOM, role" or "M. Prénom NOM – role – phone – email" (contact_lines).
    parts = re.split(r", | – ", spec.contact_lines[0])
    who = parts[0]
    role = parts[1] if len(parts) > 1 else "service des ressources humaines"
    dest = rng.choice((f"par courriel à {email}", f"à l’adresse {email}"))
    how = rng.choice(HOW_FORMS).format(dest=dest, deadline=deadline_text)
    info = rng.choice(INFO_FORMS).format(who=who, role=role, phone=phone, email=email)
    return {
        "closing": rng.choice(("tail", "tail-info-first")),
        "how_to_apply": how,
        "info_line": info,
        "apply_label": "",
    }


def _prose(rng: random.Random, spec: NoticeSpec) -> tuple[tuple[HeaderRow, ...], tuple[str, ...]]:
    """The header facts as sentences; direction becomes "Direction …" as printed in prose."""
    rows = {r.key: r for r in spec.header}
    values = {k: r.value for k, r in rows.items()}
    if "direction" in values:
        values["direction"] = "Direction " + values["direction"]
    employer, title = values.get("employer", ""), spec.title
    opening = rng.choice(
        (
            "La {direction} de l’employeur {employer} recrute un(e) {title}.",
            "{employer} recrute pour sa {direction} un(e) {title}.",
            "Au sein de la {direction}, {employer} recrute un(e) {title}.",
        )
    ).format(direction=values.get("direction", ""), employer=employer, title=title)
    sentences = [opening]
    if "corps" in values:
        sentences.append(
            rng.choice(
                (
                    "Le poste relève du corps ou cadre d’emplois suivant : {v}.",
                    "Cadre d’emplois ou corps : {v}.",
                    "Grade recherché : {v}.",
                )
            ).format(v=values["corps"])
        )
    location = rng.choice(
        ("Poste basé à {v}.", "Le poste est basé à {v}.", "Lieu de travail : {v}.")
    )
    sentences.append(location.format(v=values["location"]))
    if "start" in values:
        sentences.append(
            rng.choice(("Poste à pourvoir {v}.", "Prise de poste : {v}.")).format(v=values["start"])
        )
    if "residence" in values:
        sentences.append(f"Durée de résidence exigée : {values['residence']}.")
    ref = values["reference"]
    sentences.append(
        rng.choice(
            (
                "Référence de l’avis : {ref} – publié le {posted}.",
                "Numéro d’avis {ref}, publié le {posted}.",
                "Date de publication : {posted} (référence : {ref}).",
            )
        ).format(ref=ref, posted=values["posted"])
    )
    sentences.append(
        rng.choice(
            (
                "Date limite de dépôt des candidatures : {v}.",
                "Les candidatures sont reçues jusqu’au {v}.",
                "Date limite de candidature : {v}.",
            )
        ).format(v=values["deadline"])
    )
    keep = tuple(
        HeaderRow(r.key, r.label, values[r.key])
        for r in spec.header
        if r.key not in ("positions", "title")
    )
    return keep, tuple(sentences)


def _ocr(rng: random.Random, spec: NoticeSpec) -> dict[str, object]:
    """Labels damaged (most), some text values and headings (fewer): truth reads the damage."""
    header = []
    for row in spec.header:
        label = spec.label(row)
        if rng.random() < 0.75:
            label = damage(rng, label, 1 if len(label) < 18 else rng.choice((1, 2)))
        value = row.value
        if row.key in ("employer", "direction", "corps", "location") and rng.random() < 0.3:
            value = damage(rng, value)
        header.append(HeaderRow(row.key, label, value))

    def sec(s: ListSection) -> ListSection:
        if rng.random() < 0.35:
            return dataclasses.replace(s, heading=damage(rng, s.heading))
        return s

    return {
        "header": tuple(header),
        "upper_labels": False,
        "plain_caps": False,
        "missions": sec(spec.missions),
        "activity_sections": tuple(sec(s) for s in spec.activity_sections),
        "profile_sections": tuple(sec(s) for s in spec.profile_sections),
    }


def sample_classes_notice(rng: random.Random, name: str, layout: str, source: str) -> NoticeSpec:
    """Draw a notice of a layout class: the unseen-family notice, restyled."""
    spec = sample_family_notice(rng, name, layout, source)
    own = random.Random(f"classes:{source}")
    changes: dict[str, object] = {}
    facts = spec.facts
    if own.random() < 0.75:
        label, printed, ref_id, date = _reference(own, spec)
        old_id = facts.reference_id
        spec = dataclasses.replace(
            spec,
            header=tuple(
                HeaderRow(r.key, label, printed) if r.key == "reference" else r for r in spec.header
            ),
            how_to_apply=spec.how_to_apply.replace(old_id, ref_id),
            facts=dataclasses.replace(facts, reference_id=ref_id, reference_date=date),
        )
    if own.random() < 0.7:
        changes.update(_closing(own, spec, format_date(spec.facts.deadline, "long")))
    if spec.header_style == "prose":
        header, sentences = _prose(own, spec)
        changes.update(
            header=header,
            prose=sentences,
            banner="",
            facts=dataclasses.replace(spec.facts, positions=None),
        )
    elif spec.header_style == "sidebar":
        changes["sidebar"] = own.choice(("left", "right"))
    elif spec.header_style.startswith("ocr"):
        changes.update(_ocr(own, spec))
    return dataclasses.replace(spec, **changes)  # type: ignore[arg-type]
