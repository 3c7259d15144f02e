"""Synthetic notice corpus with ground truth by construction.

Each notice is sampled once as a :class:`~tools.gencorpus.spec.NoticeSpec` holding the exact
strings to print; every renderer prints those strings and the truth is derived from the same
strings, so the truth is right by construction rather than by annotation.
"""

LAYOUTS: tuple[str, ...] = ("pdf-ruled", "pdf-borderless", "pdf-stacked", "docx-table", "text-md")

# Families no extraction rule was tuned on (issue #10); made with their own sampler.
UNSEEN_LAYOUTS: tuple[str, ...] = (
    "pdf-grid2",
    "pdf-grid3",
    "pdf-grid4",
    "pdf-table4",
    "pdf-leaders",
    "pdf-inline",
    "pdf-split",
    "text-leaders",
    "docx-table4",
    "docx-textbox",
    "pdf-libreoffice",
    "pdf-word",
)
# Layout classes avis lost fields on in corpus/blind3 (sidebar, prose header, OCR-damaged
# labels; prefixed references and contact-like closings in all of them): sample_classes.py.
CLASS_LAYOUTS: tuple[str, ...] = ("pdf-sidebar", "pdf-prose", "text-prose", "pdf-ocr", "text-ocr")
LAYOUT_GROUPS: dict[str, tuple[str, ...]] = {
    "classic": LAYOUTS,
    "unseen": UNSEEN_LAYOUTS,
    "classes": CLASS_LAYOUTS,
    "all": LAYOUTS + UNSEEN_LAYOUTS + CLASS_LAYOUTS,
}
