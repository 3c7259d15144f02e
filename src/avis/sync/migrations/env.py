"""Alembic environment of the catalogue.

avis passes an open connection in ``config.attributes["connection"]``. For maintainers'
command-line use (``alembic revision --autogenerate``) a URL comes from ``-x url=…``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from avis.sync.catalogue import VERSION_TABLE, metadata


def _run(connection: sa.engine.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("give the catalogue with: alembic -x url=sqlite:///FILE …")
    with sa.create_engine(url).begin() as conn:
        _run(conn)
