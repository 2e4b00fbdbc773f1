"""Async engine and session factory for PostgreSQL (asyncpg) and SQLite (aiosqlite), the
INSERT of the session's dialect, and the reads a session keeps until it writes."""

from typing import Any

from sqlalchemy import Select, event, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine, ExecutionContext
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.expression import SavepointClause

from services.platform.observability.metrics import (
    DB_CONNECTIONS_IN_USE,
    DB_CONNECTIONS_OPENED,
    DB_POOL_CAPACITY,
    DB_STATEMENTS,
)

SessionFactory = async_sessionmaker[AsyncSession]


def _unicode_lower(value: str | None) -> str | None:
    return None if value is None else value.lower()


def _needs_a_transaction_first(context: ExecutionContext | None) -> bool:
    """A `SELECT … FOR UPDATE` (or `FOR SHARE`), which SQLite sends without its clause,
    or a savepoint, which outside a transaction is one that commits when released."""
    statement = context.compiled.statement if context and context.compiled else None
    if isinstance(statement, SavepointClause):
        return True
    return isinstance(statement, Select) and statement._for_update_arg is not None


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys, WAL, a `lower()` that folds every alphabet (SQLite's own folds ASCII
    only, so a search for "анна" would miss "Анна"), and row locks made whole-database.

    SQLite has no row locks: a `SELECT … FOR UPDATE` is sent without its `FOR UPDATE`,
    and the rule it guards (a slot's places, a tariff's limit) would be checked by every
    concurrent transaction at once. So the first such `SELECT` of a transaction begins it
    with `BEGIN IMMEDIATE` (one that already wrote holds the lock already): it takes the
    database's one write lock, and its checks and writes run alone until it ends, in
    this process and in the others on the same file. A savepoint outside a transaction
    begins one the same way: SQLite would make the savepoint itself the transaction,
    committed when released, whatever the use case does next. Transactions that do
    neither keep the driver's lazy `BEGIN` before their first write, so readers (and a
    notifier talking to Telegram) do not wait for each other."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "before_cursor_execute")
    def _begin_immediate_when_needed(  # type: ignore[no-untyped-def]
        connection, cursor, _statement, _parameters, context, _executemany
    ) -> None:
        in_transaction = connection.connection.driver_connection.in_transaction
        if not in_transaction and _needs_a_transaction_first(context):
            cursor.execute("BEGIN IMMEDIATE")


def _replace_closed_connections(engine: Engine) -> None:
    """Instead of a ping per checkout: a connection the server closed (a restart) is
    known closed to asyncpg as soon as the event loop read its end, without a round
    trip; it is replaced at checkout, and the transaction gets a live one."""

    @event.listens_for(engine, "checkout")
    def _replace_if_closed(_dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        if record.driver_connection.is_closed():
            raise DisconnectionError("closed by the server")


def _count_statements(engine: Engine) -> None:
    event.listen(engine, "before_cursor_execute", lambda *_: DB_STATEMENTS.inc())


def _observe_pool(engine: Engine, capacity: int) -> None:
    """Connections in use against the pool's capacity: when they are equal, the next
    request waits for a connection (an alert in deploy/prometheus/alerts.yml)."""
    DB_POOL_CAPACITY.set(capacity)
    event.listen(engine, "checkout", lambda *_: DB_CONNECTIONS_IN_USE.inc())
    event.listen(engine, "checkin", lambda *_: DB_CONNECTIONS_IN_USE.dec())
    event.listen(engine, "connect", lambda *_: DB_CONNECTIONS_OPENED.inc())


def create_engine(url: str, *, pool_size: int = 20) -> AsyncEngine:
    """PostgreSQL: a pool sized for the process's load, so that connections are reused
    rather than opened and closed per request (each new one prepares its statements
    anew); a little overflow for peaks. Most recently used first (LIFO), so that idle
    ones are the same few. No ping on every checkout (a round trip per transaction): a
    connection closed by a database restart is replaced at checkout, and one found dead
    while in use invalidates the whole pool, so only the transactions in flight at the
    restart fail."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url)
        _configure_sqlite(engine.sync_engine)
        _count_statements(engine.sync_engine)
        return engine
    max_overflow = pool_size // 2
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_use_lifo=True,
        pool_timeout=60,
    )
    _observe_pool(engine.sync_engine, pool_size + max_overflow)
    _replace_closed_connections(engine.sync_engine)
    _count_statements(engine.sync_engine)
    return engine


def create_session_factory(engine: AsyncEngine) -> SessionFactory:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


def is_postgres(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


def dialect_insert(session: AsyncSession) -> Any:
    """The `insert` of the session's database, for its `ON CONFLICT` clauses (PostgreSQL in
    production, SQLite in the embedded default)."""
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


# Reads kept by a session (one update, one request) until it writes: see `kept_reads`.
_KEPT_READS = "kept_reads"


def kept_reads(session: AsyncSession) -> dict[Any, Any]:
    """What this session has read and may read again without asking the database (the
    user's memberships loaded with the user, their open shift): forgotten as soon as the
    session writes anything (a flush with changes, an INSERT, UPDATE or DELETE) and when
    its transaction ends badly, so that a read after a write always asks again. While
    the session holds changes not flushed yet (which a query would flush first), nothing
    is kept or found: the dict returned is a throwaway one."""
    sync_session = session.sync_session
    if sync_session.new or sync_session.dirty or sync_session.deleted:
        return {}
    return sync_session.info.setdefault(_KEPT_READS, {})


def _forget_kept_reads(session: Session, *_: Any) -> None:
    session.info.pop(_KEPT_READS, None)


def _forget_kept_reads_on_write(state: ORMExecuteState) -> None:
    if not state.is_select:
        _forget_kept_reads(state.session)


event.listen(Session, "after_flush", _forget_kept_reads)
event.listen(Session, "after_rollback", _forget_kept_reads)
event.listen(Session, "do_orm_execute", _forget_kept_reads_on_write)
