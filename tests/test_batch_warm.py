"""The warm-up a fork server or Dask zygote runs before forking workers covers what a first
document needs: after it, converting a born-digital PDF, a text notice or a saved web page and
rendering it in the warmed formats loads no further module (each would be paid again by every
worker)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from avis.batch.warm import WARM_NOTICE, warm_pdf
from avis.pipeline import parse_bytes

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import json, sys
from avis.batch.warm import warm_up
formats = sys.argv[1].split(",")
warm_up(formats) if formats != ["default"] else warm_up()
formats = ["json"] if formats == ["default"] else formats
before = set(sys.modules)
from avis.pipeline import parse_bytes
from avis.writers import WriterOptions, get_writer
for path in sys.argv[2:]:
    notice = parse_bytes(open(path, "rb").read(), path)
    for name in formats:
        try:
            get_writer(name).render([notice], options=WriterOptions(include_expired=True))
        except Exception:
            pass
print(json.dumps(sorted(set(sys.modules) - before)))
"""


@pytest.mark.parametrize("formats", ["default", "jsonld,hropen,xml,feed,csv,dc"])
def test_after_warm_up_a_first_document_imports_nothing_new(formats: str) -> None:
    samples = [
        *sorted((ROOT / "corpus" / "generated").glob("pdf-ruled-*.pdf"))[:2],
        *sorted((ROOT / "corpus" / "generated").glob("pdf-borderless-*.pdf"))[:2],
        *sorted((ROOT / "corpus" / "generated").glob("text-md-*.md"))[:2],
        *sorted((ROOT / "corpus").rglob("*.html"))[:2],
    ]
    assert len(samples) >= 6
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, formats, *map(str, samples)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    new = [m for m in json.loads(out) if not m.startswith("encodings.")]
    assert new == []


def test_the_warm_samples_are_notices_read_through_their_header() -> None:
    """The PDF sample goes through the ruled-grid path (label│value cells), as most do."""
    for data, name in ((warm_pdf(), "warm.pdf"), (WARM_NOTICE, "warm.md")):
        notice = parse_bytes(data, name)
        assert notice.reference.id == "0000-00-0000/SR"
        assert (notice.title, notice.employer, notice.location) == (
            "Agent d'accueil",
            "Province",
            "Nouméa",
        )
        assert str(notice.deadline) == "2025-01-31"
        assert notice.missions == ["accueillir le public", "orienter les usagers"]
    assert parse_bytes(warm_pdf(), "warm.pdf").source.format == "pdf"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["convert", "in", "-o", "out"], True),
        (["convert", "in", "-o", "out", "-j", "2", "--to", "json,xml"], True),
        (["convert", "in", "-o", "out", "--executor", "dask"], False),
        (["convert", "in", "-o", "out", "--executor=local"], False),  # left to the command
        (["convert", "in", "-o", "out", "--scheduler", "tcp://h:8786"], False),
        (["convert", "--help"], False),
        (["parse", "x.pdf"], False),
        ([], False),
    ],
)
def test_the_fork_server_is_started_from_the_arguments(args: list[str], expected: bool) -> None:
    from avis.entry import starts_local_workers

    assert starts_local_workers(args) is expected


def test_the_command_main_module_is_light() -> None:
    """Every worker imports the command's main module as it starts: not click, nor any
    command."""
    code = (
        "import json, sys, avis.entry; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('click', 'avis.')))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert json.loads(out) == ["avis.entry"]


def test_the_avis_command_runs_through_its_entry(tmp_path: Path) -> None:
    """The installed ``avis`` script (as pip writes it) converts with local workers."""
    notice = tmp_path / "in" / "a.md"
    notice.parent.mkdir()
    notice.write_bytes(WARM_NOTICE)
    avis = Path(sys.executable).with_name("avis")
    done = subprocess.run(
        [str(avis), "convert", str(notice.parent), "-o", str(tmp_path / "out"), "-j", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "a.md.json").is_file()
