"""The catalogue of published notices: one row per reference, the change log and the outbox.

SQLAlchemy Core (2.x) over any database it speaks: SQLite by default (a file, no server),
PostgreSQL with a ``postgresql+psycopg://…`` URL for shared use. The schema is created and
upgraded by Alembic (:mod:`avis.sync.migrations`) every time a catalogue is opened, so an
older catalogue is brought up to date before anything reads it, and one written by a newer
avis is refused instead of being damaged.

Tables:

* ``notices`` — one row per reference: content hash, first seen, last changed, status
  (``open`` / ``expired`` / ``withdrawn``), source file, page path and URL, the Notice JSON
  (pages, sitemap and feed are rebuilt from here, not from the inputs; read one at a time,
  so memory does not grow with the catalogue), and a revision
  counter bumped by every change.
* ``changes`` — every change ever made (``new`` / ``updated`` / ``expired`` / ``withdrawn``,
  with the previous hash); ``written_at`` is set once the site reflects it, so a run killed
  between the commit and the site files finishes the site on the next run.
* ``outbox`` — one row per change and push target, written in the *same transaction* as the
  change: a change is either catalogued and queued, or neither. ``sent_at`` is set only
  after the endpoint said 2xx, so a kill -9 at any point loses nothing, and a resend carries
  the same idempotency key and body.

Times are stored as naive UTC (portable across SQLite and PostgreSQL) and returned aware.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from avis.errors import AvisError, UsageError
from avis.model import Notice

STATUSES = ("open", "expired", "withdrawn")
KINDS = ("new", "updated", "expired", "withdrawn")
VERSION_TABLE = "avis_catalogue_version"
"""Alembic's version table, named for avis so a shared PostgreSQL database can hold others."""

ADVISORY_LOCK_KEY = 0x61766973_73796E63
"""PostgreSQL advisory lock held by a running sync ("avissync" in ASCII)."""

metadata = sa.MetaData()

notices = sa.Table(
    "notices",
    metadata,
    sa.Column("reference", sa.String(200), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("first_seen", sa.DateTime(), nullable=False),
    sa.Column("last_changed", sa.DateTime(), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("source_file", sa.Text(), nullable=False),
    sa.Column("page", sa.Text(), nullable=False),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("title", sa.Text(), nullable=True),
    sa.Column("deadline", sa.Date(), nullable=True),
    sa.Column("revision", sa.Integer(), nullable=False),
    sa.Column("notice", sa.Text(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'expired', 'withdrawn')", name="ck_notices_status"),
)

changes = sa.Table(
    "changes",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("reference", sa.String(200), sa.ForeignKey("notices.reference"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("previous_hash", sa.String(64), nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("revision", sa.Integer(), nullable=False),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("source_file", sa.Text(), nullable=False),
    sa.Column("at", sa.DateTime(), nullable=False),
    sa.Column("written_at", sa.DateTime(), nullable=True),
    sa.CheckConstraint(
        "kind IN ('new', 'updated', 'expired', 'withdrawn')", name="ck_changes_kind"
    ),
    sa.Index("ix_changes_unwritten", "written_at"),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.Integer(), sa.ForeignKey("changes.id"), nullable=False),
    sa.Column("target", sa.Text(), nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("idempotency_key", sa.Text(), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("sent_at", sa.DateTime(), nullable=True),
    sa.Column("last_status", sa.Integer(), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.UniqueConstraint("target", "idempotency_key", name="uq_outbox_target_key"),
    sa.Index("ix_outbox_pending", "target", "sent_at"),
)


def to_db(moment: dt.datetime) -> dt.datetime:
    """An aware time as naive UTC for storage."""
    if moment.tzinfo is None:
        raise ValueError("catalogue times must be timezone-aware")
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def from_db(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class NoticeRow:
    """One catalogued notice (what the diff and the site writer read)."""

    reference: str
    content_hash: str
    first_seen: dt.datetime
    last_changed: dt.datetime
    status: str
    source_file: str
    page: str
    url: str
    title: str | None
    deadline: dt.date | None
    revision: int

    @classmethod
    def from_mapping(cls, m: Any) -> NoticeRow:
        values = dict(m)
        values["first_seen"] = from_db(values["first_seen"])
        values["last_changed"] = from_db(values["last_changed"])
        return cls(**values)


def catalogue_url(value: str) -> str:
    """A database URL from ``--catalog``: a URL as given, a plain path as a SQLite file."""
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _engine(url: str) -> Engine:
    try:
        engine = sa.create_engine(url)
    except ImportError as exc:
        hint = (
            " (pip install 'avis[postgres]', URL postgresql+psycopg://…)"
            if url.startswith("postgres")
            else ""
        )
        raise UsageError(
            f"cannot use the catalogue {url!r}: its database driver is not installed: {exc}{hint}"
        ) from exc
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as exc:
        raise UsageError(f"cannot use the catalogue {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        # pysqlite opens transactions only before INSERT/UPDATE/DELETE, so CREATE TABLE (a
        # migration) would run outside one and a kill mid-migration would leave half a
        # schema. SQLAlchemy's documented recipe: driver autocommit off, BEGIN ourselves.
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN")

    return engine


class CatalogueError(AvisError):
    """The catalogue cannot be opened, migrated or written."""

    code = "catalogue_error"


class Catalogue:
    """An open catalogue: its engine and the queries the sync needs."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Catalogue:
        """Open (and by default create or upgrade) the catalogue at ``url``.

        ``migrate=False`` (dry runs) never writes: a missing SQLite file reads as an empty
        catalogue, and one whose schema is behind is an error asking for a real run first.
        """
        from avis.sync.migrations import check_current, upgrade

        url = catalogue_url(url)
        engine = _engine(url)
        path = sqlite_path(url)
        if path is not None and migrate:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UsageError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
        cat = cls(engine)
        try:
            if migrate:
                with cat.exclusive():
                    upgrade(engine)
            elif path is None or path.exists():
                check_current(engine)
        except AvisError:
            engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise CatalogueError(f"cannot open the catalogue {url!r}: {exc}") from exc
        cat.empty = not migrate and path is not None and not path.exists()
        return cat

    empty: bool = False
    """A dry run on a catalogue that does not exist yet: every query answers nothing."""

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the catalogue for one sync: two at once would plan the same changes and
        send the same outbox rows. SQLite: a lock file beside the database; PostgreSQL: a
        session advisory lock. Both die with the process, even on kill -9."""
        busy = UsageError("another 'avis sync' is using this catalogue; wait for it to finish")
        path = sqlite_path(str(self.engine.url))
        if path is not None:
            try:
                import fcntl
            except ImportError:  # pragma: no cover - not POSIX: no lock
                yield
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(f"{path}.avis-lock", "a+b") as fh:
                try:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as exc:
                    raise busy from exc
                yield
            return
        if self.engine.dialect.name != "postgresql":
            yield
            return
        with self.engine.connect() as conn:
            key = sa.select(sa.func.pg_try_advisory_lock(ADVISORY_LOCK_KEY))
            if not conn.execute(key).scalar_one():
                raise busy
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.select(sa.func.pg_advisory_unlock(ADVISORY_LOCK_KEY)))
                conn.commit()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: committed on success, rolled back on any exception."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise CatalogueError(f"the catalogue could not be written: {exc}") from exc

    def rows(self) -> dict[str, NoticeRow]:
        """Every catalogued notice, without its Notice JSON (memory stays small)."""
        if self.empty:
            return {}
        columns = [c for c in notices.c if c.name != "notice"]
        with self.engine.connect() as conn:
            result = conn.execute(sa.select(*columns)).mappings()
            return {m["reference"]: NoticeRow.from_mapping(m) for m in result}

    def notice(self, reference: str) -> Notice:
        """The stored Notice of one reference."""
        from avis.writers.native_json import from_json

        query = sa.select(notices.c.notice).where(notices.c.reference == reference)
        with self.engine.connect() as conn:
            text = conn.execute(query).scalar_one()
        return from_json(text.encode("utf-8"))

    def unwritten_changes(self) -> list[dict[str, Any]]:
        if self.empty:
            return []
        query = sa.select(changes).where(changes.c.written_at.is_(None)).order_by(changes.c.id)
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(query).mappings()]

    def all_changes(self) -> list[dict[str, Any]]:
        if self.empty:
            return []
        with self.engine.connect() as conn:
            query = sa.select(changes).order_by(changes.c.id)
            return [dict(m) for m in conn.execute(query).mappings()]

    def mark_written(self, ids: list[int], at: dt.datetime) -> None:
        if not ids:
            return
        with self.transaction() as conn:
            conn.execute(
                sa.update(changes).where(changes.c.id.in_(ids)).values(written_at=to_db(at))
            )

    def pending(self, target: str | None = None) -> list[dict[str, Any]]:
        """Outbox rows not yet accepted, oldest first (for one target, or all)."""
        if self.empty:
            return []
        query = (
            sa.select(outbox, changes.c.reference, changes.c.kind)
            .join(changes, outbox.c.change_id == changes.c.id)
            .where(outbox.c.sent_at.is_(None))
            .order_by(outbox.c.id)
        )
        if target is not None:
            query = query.where(outbox.c.target == target)
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(query).mappings()]

    def record_attempt(
        self,
        outbox_id: int,
        *,
        sent_at: dt.datetime | None,
        status: int | None,
        error: str | None,
        attempts: int,
    ) -> None:
        """Store the result of sending one outbox row (committed at once)."""
        with self.transaction() as conn:
            conn.execute(
                sa.update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(
                    attempts=outbox.c.attempts + attempts,
                    sent_at=to_db(sent_at) if sent_at is not None else None,
                    last_status=status,
                    last_error=error,
                )
            )
