"""Publishing to job boards (``avis sync``): a catalogue of notices, incremental site, push.

Modules: :mod:`~avis.sync.catalogue` (SQLAlchemy tables and queries; Alembic migrations in
:mod:`~avis.sync.migrations`), :mod:`~avis.sync.plan` (notices from the batch → the changes
against the catalogue), :mod:`~avis.sync.site` (pages with JSON-LD, sitemap, feed,
``changes.jsonl``), :mod:`~avis.sync.push` (HTTP notifications through the outbox),
:mod:`~avis.sync.run` (the whole run), :mod:`~avis.sync.command` (the Click command).
"""
