"""Synthetic notice corpus with ground truth by construction.

Each notice is sampled once as a :class:`~tools.gencorpus.spec.NoticeSpec` holding the exact
strings to print; every renderer prints those strings and the truth is derived from the same
strings, so the truth is right by construction rather than by annotation.
"""

LAYOUTS: tuple[str, ...] = ("pdf-ruled", "pdf-borderless", "pdf-stacked", "docx-table", "text-md")
