"""Web notices saved as HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from avis.errors import EmptyInputError
from avis.pipeline import parse_bytes
from avis.readers import detect_format

PAGE = """<!DOCTYPE html><html><head><title>Offre</title><script>var x = "Employeur";</script>
</head><body><nav>Accueil &gt; Offres</nav>
<h1>Chargé de mission <em>numérique</em></h1>
<table>
 <tr><th>Référence</th><td>2025-118/DRH du 3 mars 2025</td></tr>
 <tr><th>Collectivité</th><td>Province Sud</td></tr>
 <tr><th>Lieu d'affectation</th><td>Nouméa<br>Immeuble Carcopino</td></tr>
 <tr><th>Date de publication</th><td>3 mars 2025</td></tr>
 <tr><th>Date de clôture des candidatures</th><td>28/03/2025</td></tr>
</table>
<h2>Missions</h2><ul><li>Piloter les projets numériques,</li>
<li>Animer le réseau des référents <b>informatique</b>.</li></ul>
<h2>Savoir-être</h2><ol><li>Rigueur</li><li>Sens du service public</li></ol>
<p>Contact : <a href="mailto:rh@example.nc">rh@example.nc</a></p>
</body></html>"""


def test_html_is_detected_from_content_and_read() -> None:
    data = PAGE.encode()
    assert detect_format(data) == "html"
    notice = parse_bytes(data, "offre.pdf")  # a misleading name does not matter
    assert notice.source.format == "html"
    assert notice.title == "Chargé de mission numérique"
    assert notice.reference.id == "2025-118/DRH"
    assert notice.employer == "Province Sud"
    assert notice.location == "Nouméa Immeuble Carcopino"
    assert notice.posted_on == dt.date(2025, 3, 3)
    assert notice.deadline == dt.date(2025, 3, 28)
    assert notice.missions == [
        "Piloter les projets numériques",
        "Animer le réseau des référents informatique",
    ]
    assert notice.behaviours == ["Rigueur", "Sens du service public"]
    assert notice.contact.email == "rh@example.nc"


def test_script_text_is_never_read() -> None:
    notice = parse_bytes(PAGE.encode(), "x.html")
    assert "var x" not in notice.model_dump_json()


def test_empty_html_is_a_clear_error() -> None:
    with pytest.raises(EmptyInputError):
        parse_bytes(b"<!DOCTYPE html><html><body><script>x</script></body></html>", "e.html")
