"""The confidence of each extraction rule, in one table (provenance ``rule`` → confidence).

A value read by several rules keeps the lowest; OCR word confidences lower it further. Values
under :data:`LOW_CONFIDENCE` are named in the notice's warnings and flagged by ``--explain``.
"""

from __future__ import annotations

LOW_CONFIDENCE = 0.6

CONFIDENCE: dict[str, float] = {
    # header: the relation that paired the value with its label
    "header.pair": 0.95,
    "header.inline": 0.95,  # "Label : value" on one line
    "header.leader": 0.95,  # "Label ........ value"
    "header.right-of": 0.95,  # a label│value table
    "header.below": 0.9,  # the value under its label (stacked, or a grid of labels above values)
    "header.orphan-continuation": 0.75,  # a line with no label, joined to the pair it continues
    "header.type-repair": 0.7,  # a value that did not fit its label's type, moved here
    "header.prose": 0.75,  # a fact read in a sentence ("Poste basé à Bourail.")
    "label.fuzzy": 0.8,  # the label was read through OCR damage ("Référcnce", "DATE LlMITE")
    # body
    "body.inline-label": 0.95,
    "body.table-label": 0.95,
    "body.displaced-header": 0.7,  # a header line a converter moved into the body
    "section": 0.9,
    "title.prominent-line": 0.9,
    "title.prominent-line-of-several": 0.8,
    "contact.email-pattern": 0.95,
    "contact.phone-pattern": 0.9,
    "contact.apply-section": 0.85,
    "contact.apply-line": 0.85,
    "contact.first-line": 0.7,
    "dates.swapped-by-reference": 0.7,
}

#: How many pairs back a continuation or a wrapped label's tail is looked for.
PAIR_WINDOW = 4


def confidence(rule: str) -> float:
    """The confidence of ``rule``; ``header.below+date`` reads as ``header.below``."""
    return CONFIDENCE[rule.split("+", 1)[0]]
