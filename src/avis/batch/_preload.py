"""Imported once by the fork server (:data:`avis.batch.server.PRELOAD`), never by avis itself.

Importing it warms avis up (:mod:`avis.batch.warm`: a small text notice and a small PDF
converted and rendered in the default format) and every worker forked from the server starts
warm instead of paying for it on its first document.
"""

from __future__ import annotations

from avis.batch.warm import warm_up

warm_up()
