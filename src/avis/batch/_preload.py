"""Imported once by the fork server (:data:`avis.batch.pool.PRELOAD`), never by avis itself.

Importing it warms avis up — one small notice parsed and rendered by every writer, so the
lexicon, compiled patterns and output schemas are loaded — and every worker forked from the
server starts warm instead of paying for it on its first document.
"""

from __future__ import annotations

from avis.batch.worker import warm_up

warm_up()
