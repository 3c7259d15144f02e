"""Schema migrations of the catalogue, run by Alembic from this folder.

Alembic rather than a home-made version table: it is the migration tool of SQLAlchemy, its
scripts run the same on SQLite (batch mode rebuilds tables SQLite cannot ALTER) and
PostgreSQL, and its autogenerate compares a database with the tables the code declares
(the tests run ``alembic check`` that way on both). avis calls it programmatically on an open
connection: nothing reads an ``alembic.ini``.

To add a revision after changing :mod:`avis.sync.catalogue`: write an ``alembic.ini`` holding
``[alembic]`` / ``script_location = src/avis/sync/migrations``, then
``alembic -x url=sqlite:///scratch.sqlite upgrade head`` and
``alembic -x url=sqlite:///scratch.sqlite revision --autogenerate -m "what changed"``;
review the generated file in ``versions/``.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from avis.errors import AvisError

HERE = Path(__file__).resolve().parent


class CatalogueVersionError(AvisError):
    """The catalogue's schema is newer than this avis, or behind it in a dry run."""

    code = "catalogue_version"


def _config(connection: sa.engine.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current(connection: sa.engine.Connection) -> str | None:
    from avis.sync.catalogue import VERSION_TABLE

    ctx = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return ctx.get_current_revision()


def _known(revision: str) -> bool:
    script = ScriptDirectory.from_config(_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def upgrade(engine: sa.engine.Engine) -> None:
    """Create the catalogue or bring it to the newest schema (no-op when it is current)."""
    with engine.begin() as conn:
        rev = current(conn)
        if rev == head():
            return
        if rev is not None and not _known(rev):
            raise CatalogueVersionError(
                f"the catalogue's schema (revision {rev}) was written by a newer avis; "
                "upgrade avis to use it"
            )
        command.upgrade(_config(conn), "head")


def check_current(engine: sa.engine.Engine) -> None:
    """Raise unless the catalogue is at the newest schema (used by dry runs, which never
    migrate)."""
    with engine.connect() as conn:
        rev = current(conn)
    if rev != head():
        raise CatalogueVersionError(
            f"the catalogue's schema is at revision {rev or 'none'}, not {head()}: run "
            "'avis sync' once without --dry-run to migrate it"
        )
