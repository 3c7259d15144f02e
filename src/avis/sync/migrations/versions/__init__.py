"""Alembic revisions of the catalogue (one module per schema change)."""
