"""README of an unseen-families corpus: families, seed, command, truth conventions."""

from __future__ import annotations

from pathlib import Path

from . import CLASS_LAYOUTS, UNSEEN_LAYOUTS

FAMILY_NOTES: dict[str, str] = {
    "pdf-grid2": "label *above* its value, two cells side by side (RÉFÉRENCE / value, POSTE À "
    "POURVOIR / value), ruled or not, labels upper-case or not",
    "pdf-grid3": "the same grid in three columns: short cells, wrapped labels and values",
    "pdf-grid4": "the same grid in four columns: the narrowest cells, many wrapped labels",
    "pdf-table4": "label │ value │ label │ value: two pairs per row of a PDF table, ruled and "
    "shaded or borderless, narrow wrapped label columns",
    "pdf-leaders": "dotted leaders `N° de référence ........ value` (or `...... : value`), in a "
    "two-column table or in running text where the value wraps under the label",
    "pdf-inline": "inline `Label : value` prose, two short pairs sometimes on one line "
    "joined by ` – `",
    "pdf-split": "two-column header table pushed to the bottom of page 1 by a letterhead band, "
    "so it breaks across the page furniture onto page 2",
    "text-leaders": "plain text typed with dotted leaders, hard-wrapped at 88 columns, values "
    "continued on lines indented to the value column",
    "docx-table4": "Word 4-column header table (label │ value │ label │ value)",
    "docx-textbox": "Word header inside a text box (DrawingML `wps:txbx` with the VML fallback "
    "Word writes beside it, so the same text is stored twice)",
    "pdf-libreoffice": "a Word document (2-column, label-above or 4-column header table) printed "
    "to PDF by LibreOffice Writer (`soffice --headless --convert-to pdf`)",
    "pdf-sidebar": "header pairs (label over value, or `Label : value`) in a narrow shaded box "
    "left or right of the body on page 1; full-width body from page 2",
    "pdf-prose": "header facts as sentences (`La Direction … recrute un(e) …`, `Poste basé à …`, "
    "`Date limite de dépôt des candidatures : …`)",
    "text-prose": "the same prose header in a hard-wrapped plain-text notice",
    "pdf-ocr": "label │ value table whose labels (and some values, some headings) carry OCR "
    "damage: l/I/1, rn/m, e/c, dropped accents, a split word",
    "text-ocr": "the same damage in a plain-text notice (leaders or `Label : value`)",
    "pdf-word": "a PDF with the marks of Word's PDF export, emulated with reportlab (see below); "
    "2-column header table or 4-column label-above grid",
}


def write_unseen_readme(outdir: Path, count: int, seed: int, layouts: list[str]) -> Path:
    """Say how the files were made and what each family exercises."""
    if layouts == list(CLASS_LAYOUTS):
        return _write_classes_readme(outdir, count, seed)
    only = (
        " --layouts unseen"
        if layouts == list(UNSEEN_LAYOUTS)
        else f" --layouts {','.join(layouts)}"
    )
    rows = "\n".join(
        f"| `{layout}` | {count} | {FAMILY_NOTES.get(layout, 'classic layout')} |"
        for layout in layouts
    )
    text = f"""# Unseen families: generated notices (fictional) with ground truth by construction

Made by `python -m tools.gencorpus corpus/unseen --count {count} --seed {seed}{only}` from the
repository root (`make corpus` also does it). Same seed and same tool versions, same bytes
(`pdf-libreoffice` depends on the LibreOffice version: its dates and file id are fixed after
conversion, its layout is LibreOffice's). Score with `avis eval corpus/unseen --details`; per
family with `.venv/bin/python -m tools.gencorpus.family_scores corpus/unseen`.

These families were added for issue #10 *after* the extraction rules were written: they are
the layouts, wordings and closings no rule was tuned on. Do not tune rules on single files here;
draw another seed (`--seed N`) to check a change on notices nobody has looked at.

**All content is fictional**: employers are real public bodies (New Caledonian, territorial,
state and hospital), but the offers, references, people, e-mail addresses (`@example.nc`) and
phone numbers are invented. Do not read them as real vacancies.

| family | notices | what it exercises |
|---|---|---|
{rows}

Across families, each notice draws:
- a **wording group** — NC (DRHFPNC habits), FPT (territorial), FPE (state) or FPH (hospital) —
  for header labels and section headings (`Service / Direction`, `Cadre d’emplois`,
  `Collectivité`, `Lieu d’affectation`, `Date de publication`, `Date de clôture des
  candidatures`, `Prise de poste`, `Établissement`, `Grade`, `Savoir-être`, …; the full list is
  `tools/gencorpus/label-wordings.md`, from the table in `tools/gencorpus/wordings.py`), and
  employers and corps of that group; only NC notices print a residence row;
- dates as `08/05/2026`, `8 mai 2026` (`1er` on the first), `Vendredi 8 mai 2026` or
  `8 janv. 2026`; deadlines sometimes followed by a time (`à 12 h 00`, `, 16 heures`)
  or `(délai de rigueur)`; a job-title header row (`Intitulé du poste`) in a third of notices,
  and then, one time in two, a banner (`OFFRE D’EMPLOI`, `AVIS DE RECRUTEMENT`, `Appel à
  candidatures`) printed on top instead of the title;
- labels in upper case in half the notices, typed without accents in 40 % of those
  (`DATE DE CLOTURE DES CANDIDATURES`), abbreviated in some (`Réf. offre`, `Date lim. dépôt`,
  `Nb postes`), with or without ` :`;
- **list closings**: an unbulleted note after the activities list (`Liste non exhaustive.`,
  feeds no field) in 40 % of notices, and one of four endings after the last list:
  `sections` (contact heading + lines, application heading + paragraph), `apply-heading`
  (application heading, paragraph, then a `Renseignements : …` line), `tail` (no heading: a
  plain paragraph right after the last bulleted list, then the `Renseignements` line) and
  `tail-info-first` (the same, `Renseignements` first); the paragraph sometimes opens with an
  inline label (`Candidatures : …`);
- bullets `•`, `–`, `▪`, `-`, `◦`; plain, numbered or upper-case headings; ’ or ' apostrophes.

## Truth

Same format and conventions as `corpus/generated` (see its README): `file`, `source`,
`fields` with dotted keys, `hard` `[]`, `notes` `""`; scalars with whitespace collapsed and
trailing `; , . :` removed; list items without bullets or trailing `; , .`; ISO dates;
`reference.id` without `N°` / `AVP n°` and without ` du <date>`; deadlines are the date only
(a printed time is dropped). One more key: **`contact.how_to_apply`**, the application
paragraph as printed (final full stop removed, an inline label such as `Candidatures :` not
included). The `Renseignements : …` line feeds `contact.phone` (as printed) and
`contact.email`; neither it nor the application paragraph nor the `Liste non exhaustive` note
belongs to any list field.

## What is emulated

`pdf-word` is not printed by Microsoft Word (not available here). It imitates what tells Word's
PDF export apart from reportlab's usual output:
- the text of each line is one `TJ` array in which words are separate strings with **no space
  character** between them: the gap is a negative positioning adjustment, so a reader must
  infer word breaks from positions; a share of lines is drawn **glyph by glyph** with small
  kerning adjustments between letters;
- the fonts are **TrueType subsets** (Carlito, metric-compatible with Calibri, when installed;
  else Liberation Sans; else DejaVu Sans);
- table borders are drawn as thin **filled rectangles**, not stroked lines;
- page header and footer stay in DejaVu Sans, and reportlab still lists an unused Helvetica;
- the document is marked (`/MarkInfo << /Marked true >>`, `/Lang (fr-FR)`) and text is wrapped
  in marked-content sequences with MCIDs (`/P <</MCID n>> BDC … EMC`), with the Producer
  `Microsoft® Word pour Microsoft 365`; **no structure tree** (`/StructTreeRoot`) is written,
  so it is *not* a tagged PDF a screen reader could use.
What it does not reproduce: Word's exact line breaking, its font embedding names, its
`/ActualText` for ligatures, and its object streams.

`pdf-libreoffice` is really printed by LibreOffice Writer (Debian `libreoffice-writer-nogui`,
installed by `make corpus` only); the intermediate DOCX is not kept.
"""
    path = outdir / "README.md"
    path.write_text(text, encoding="utf-8")
    return path


def _write_classes_readme(outdir: Path, count: int, seed: int) -> Path:
    """README of a ``--layouts classes`` corpus: the layout classes of issue #10."""
    rows = "\n".join(
        f"| `{layout}` | {count} | {FAMILY_NOTES[layout]} |" for layout in CLASS_LAYOUTS
    )
    text = f"""# Layout classes: generated notices (fictional) with ground truth by construction

Made by `python -m tools.gencorpus corpus/classes --count {count} --seed {seed} --layouts classes`
from the repository root (`make corpus` also does it). Same seed, same bytes. Score with
`avis eval corpus/classes --details`; per family with
`.venv/bin/python -m tools.gencorpus.family_scores corpus/classes`.

These families reproduce the classes of notices avis lost fields on in `corpus/blind3` (issue
#10), without copying any of its files: header facts in a **sidebar box** beside the body,
**prose headers**, **references with prefixes** and shapes other than `NNNN-YY-NNNN/XX`,
**closings** that open like a contact or application sentence right after the last list, and
**labels with light OCR damage**. They were scored once untuned (soft F1 0.803, 0 of 30
documents all right, seed 101); the rules were then fixed on that seed, so this folder is
*tuned on*: draw a fresh seed (`--seed N`) for an honest measure.

**All content is fictional**: employers are real public bodies, but the offers, references,
people, e-mail addresses (`@example.nc`) and phone numbers are invented.

| family | notices | what it exercises |
|---|---|---|
{{rows}}

Across families, each notice is an unseen-family notice (see `corpus/unseen/README.md` for the
wording groups, date styles and closings) restyled by `tools/gencorpus/sample_classes.py`:
- three times in four, a reference in another shape (`PN-2026-014`, `DRH/2026/045`,
  `2026-DRH-0451`, `AVP-26-118`, `RH.2026.045`, `014/CN/2026`), under `Référence`, `Réf.`,
  `N° d’avis` or `Numéro d’avis`, often printed with a prefix (`Avis n° `, `Offre n° `,
  `AVP n° `) and sometimes ` du <date>`; the truth id is the code without the prefix;
- seven times in ten, a closing with no heading right after the last list, whose paragraphs
  open like contact or application sentences (`Vous pouvez joindre …`, `Pour toute question
  sur le poste : …`, `Des informations complémentaires peuvent être obtenues auprès de …`,
  `Les personnes intéressées sont invitées à faire parvenir leur candidature …`, `Vous êtes
  intéressé(e) ? Envoyez …`): they feed `contact`, never a list;
- OCR damage (`ocr` families): l/I/1, rn/m, e/c, E/F, o/0, a dropped accent or a word split by
  a space, once or twice in three labels of four, in some section headings and in three text
  values of ten (the truth holds the damaged value, as printed).
""".replace("{{rows}}", rows)
    path = outdir / "README.md"
    path.write_text(text, encoding="utf-8")
    return path
