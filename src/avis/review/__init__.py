"""``avis review``: a local page to check each notice against its pages and correct it.

``app`` (Starlette routes), ``catalog`` (which notices, which files), ``view`` (what a notice
page shows), ``pages`` (page images), ``guard`` (local requests only), ``server`` (uvicorn on
127.0.0.1), ``command`` (the CLI). Corrections are saved beside each input as
``NAME.corrections.json`` (:mod:`avis.corrections`) and applied by the next ``avis parse`` /
``avis convert``. Nothing is imported here, so ``avis`` starts fast.
"""
