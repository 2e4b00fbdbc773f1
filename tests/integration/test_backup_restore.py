"""The restore drill: the backup service's script (deploy/backup/staffprobot-backup.sh,
the `backup` service of docker-compose.yml) dumps a database holding a month of an
organization's work, restores the dump into a fresh database with the command of
doc/operations.md, and the restored database has the same rows in every table, the same
Alembic revision and the same payslip recomputed. Old dumps go after the retention."""

import asyncio
import os
import subprocess
import time
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from services.payroll.ledger import record_missing_entries
from services.payroll.payslips import payslip
from services.payroll.periods import period_for_date
from services.platform.db.session import create_engine, create_session_factory
from tests.support import services as real
from tests.support.synthetic import SyntheticOrganization, SyntheticSpec, generate_organization

BACKUP_SCRIPT = real.PROJECT_ROOT / "deploy/backup/staffprobot-backup.sh"
# A small organization's month: 3 objects, 10 employees, 300 finished shifts in March.
MONTH = SyntheticSpec(objects=3, employees=10, shifts=300, month_start=date(2026, 3, 1))


def backup(command: list[str], database_url: str, backup_dir: Path, **env: str) -> str:
    """The backup script as the `backup` service runs it, against `database_url`."""
    url = make_url(database_url)
    result = subprocess.run(
        ["sh", str(BACKUP_SCRIPT), *command],
        env={
            "PATH": os.environ["PATH"],
            "TZ": "UTC",
            "PGHOST": url.host or "127.0.0.1",
            "PGPORT": str(url.port or 5432),
            "PGUSER": url.username or "postgres",
            "PGDATABASE": url.database or "",
            "BACKUP_DIR": str(backup_dir),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        tables = await connection.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        )
        return {
            table: await connection.scalar(text(f'SELECT count(*) FROM "{table}"'))
            for table in list(tables)
        }


async def alembic_revision(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list(await connection.scalars(text("SELECT version_num FROM alembic_version")))


async def recomputed_payslip(engine: AsyncEngine, organization: SyntheticOrganization) -> tuple:
    """The first employee's March payslip, as the owner sees it: the ledger completed for
    every finished shift, then totals and lines summed from it; with its period's dates."""
    sessions = create_session_factory(engine)
    while True:
        async with sessions() as session, session.begin():
            if not await record_missing_entries(session):
                break
    async with sessions() as session, session.begin():
        period = await period_for_date(session, organization.organization_id, MONTH.month_start)
        view = await payslip(
            session,
            user_id=organization.owner_user_id,
            period_id=period.id,
            employee_user_id=organization.employee_user_ids[0],
        )
    return (period.id, period.start_date, period.end_date), view.totals, view.lines


@pytest.fixture
async def month_of_work() -> AsyncIterator[tuple[str, SyntheticOrganization]]:
    url = await real.create_test_database()
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            organization = await generate_organization(session, MONTH)
        yield url, organization
    finally:
        await engine.dispose()
        await real.drop_test_database(url)


@pytest.fixture
async def fresh_database() -> AsyncIterator[str]:
    url = await real.create_empty_database()
    yield url
    await real.drop_test_database(url)


async def test_a_nightly_dump_restores_into_a_fresh_database_with_the_same_data(
    month_of_work: tuple[str, SyntheticOrganization], fresh_database: str, tmp_path: Path
) -> None:
    source_url, organization = month_of_work
    source = create_engine(source_url)
    restored = create_engine(fresh_database)
    try:
        expected_payslip = await recomputed_payslip(source, organization)
        expected_rows = await row_counts(source)
        expected_revision = await alembic_revision(source)

        await asyncio.to_thread(backup, ["now"], source_url, tmp_path)
        [dump] = (tmp_path / "postgres").glob("staffprobot-*.dump")
        await asyncio.to_thread(backup, ["restore"], fresh_database, tmp_path)

        assert await row_counts(restored) == expected_rows
        assert expected_rows["shifts"] == MONTH.shifts and expected_rows["ledger_entries"] > 0
        assert await alembic_revision(restored) == expected_revision
        assert await recomputed_payslip(restored, organization) == expected_payslip
        _, totals, lines = expected_payslip
        assert totals.net > 0 and len(lines) > 1
        assert dump.stat().st_size > 0
    finally:
        await source.dispose()
        await restored.dispose()


async def test_dumps_older_than_the_retention_are_removed(
    fresh_database: str, tmp_path: Path
) -> None:
    dumps = tmp_path / "postgres"
    dumps.mkdir()
    now = time.time()
    ages = {"staffprobot-old.dump": 15, "staffprobot-kept.dump": 13}
    for name, days in ages.items():
        (dumps / name).write_bytes(b"dump")
        os.utime(dumps / name, (now - days * 86400, now - days * 86400))

    output = await asyncio.to_thread(
        backup, ["now"], fresh_database, tmp_path, BACKUP_RETENTION_DAYS="14"
    )

    [new] = (path.name for path in dumps.iterdir() if path.name not in ages)
    assert {path.name for path in dumps.iterdir()} == {"staffprobot-kept.dump", new}
    assert new.startswith(f"staffprobot-{datetime.now(UTC):%Y%m%d}T")
    assert "removed old dump" in output and "staffprobot-old.dump" in output


@pytest.mark.parametrize("minutes_ahead", [1, 61, 23 * 60 + 59])
def test_the_nightly_backup_waits_until_its_time_of_day(minutes_ahead: int) -> None:
    moment = datetime.now(UTC)
    at = moment.timestamp() + minutes_ahead * 60
    backup_at = datetime.fromtimestamp(at, UTC).strftime("%H:%M")
    expected = at - at % 60 - moment.timestamp()  # to the start of that minute

    result = subprocess.run(
        ["sh", str(BACKUP_SCRIPT), "next"],
        env={"PATH": os.environ["PATH"], "TZ": "UTC", "BACKUP_AT": backup_at},
        capture_output=True,
        text=True,
        check=True,
    )

    assert abs(int(result.stdout) - expected) <= 2
