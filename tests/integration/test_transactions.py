"""One use case, one transaction, on PostgreSQL and on the embedded default's SQLite: what
a savepoint added (an insert that may hit a unique index) is undone with the transaction
that holds it, even when the savepoint came before any other write."""

from sqlalchemy import func, select

from services.platform.db.models import User
from services.platform.db.session import SessionFactory
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES


async def test_a_rolled_back_transaction_keeps_nothing_its_savepoint_added(
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session:
        await session.scalar(select(func.count()).select_from(User))  # reads come first
        async with session.begin_nested():
            session.add(User(telegram_id=9100, first_name="Anna"))
        await session.rollback()  # the use case was refused after its insert

    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0
