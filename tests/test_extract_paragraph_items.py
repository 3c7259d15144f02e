"""List items printed as paragraphs of their own (text converted from PDF, HTML paragraphs):
a capitalised phrase set apart by a blank line is an item even without a final period; a lone
word there is the end of the item above, cut by the converter."""

from __future__ import annotations

import pytest

from avis.pipeline import parse_bytes

HEAD = (
    "AVIS DE VACANCE DE POSTE\nRéférence : 2026-041\nIntitulé du poste : Facteur\n"
    "Employeur : OPT-NC\n\n"
)


@pytest.mark.parametrize("kind", ["md", "html"])
def test_paragraph_items(kind: str) -> None:
    missions = [
        "Distribuer le courrier dans les quartiers du secteur",
        "Écouter, identifier et analyser les besoins émis et proposer des solutions",
        "Adaptées",
        "Port obligatoire de l'uniforme fourni",
        "Gestes répétitifs",
        "Tenir la tournée à jour.",
    ]
    if kind == "md":
        text = HEAD + "Missions :\n\n" + "\n\n".join(missions) + "\n"
        data, name = text.encode(), "items.md"
    else:
        paras = "".join(f"<p>{m}</p>" for m in missions)
        body = "".join(f"<p>{ln}</p>" for ln in HEAD.strip().split("\n"))
        data = f"<html><body>{body}<h3>Missions</h3>{paras}</body></html>".encode()
        name = "items.html"
    notice = parse_bytes(data, name)
    assert notice.missions == [
        "Distribuer le courrier dans les quartiers du secteur",
        "Écouter, identifier et analyser les besoins émis et proposer des solutions Adaptées",
        "Port obligatoire de l'uniforme fourni",
        "Gestes répétitifs",
        "Tenir la tournée à jour",
    ]
