"""Expand, then contract: every migration keeps the previous release working on the new
schema, because during a rolling upgrade (and after `migrate` ran, before every replica
is replaced) the previous release's code runs against it.

The rule, checked on the SQL each revision's upgrade sends to PostgreSQL: a revision may
create tables, add columns that are nullable or have a server default, add indexes and
constraints, and change data. It may not drop or rename a table or column, change a
column's type, make a column NOT NULL, or drop a column's default, except on a table it
created itself. Such a contract step is a revision of its own, shipped in a release after
the one whose code stopped using the column, and listed in CONTRACT_REVISIONS below with
that release. doc/operations.md ("Upgrade with migrations") states the same rule."""

import asyncio
import re
from collections import defaultdict
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import event, make_url
from sqlalchemy.engine import Engine

from tests.support import services as real

# Revisions allowed to contract, each with the release whose code stopped using what
# it drops (that release must be running everywhere before this one is deployed).
CONTRACT_REVISIONS: dict[str, str] = {
    "0012": "before this rule: moved cancellation documents into media and dropped "
    "shift_cancellations.document_file_ids in one step (no installation ran replicas yet)",
}

_BREAKING = {
    "drops a table": re.compile(r"^DROP TABLE (?:IF EXISTS )?(?P<table>\S+)"),
    "drops a column": re.compile(r"^ALTER TABLE (?P<table>\S+) DROP COLUMN"),
    "renames": re.compile(r"^ALTER TABLE (?P<table>\S+) RENAME"),
    "changes a column's type": re.compile(r"^ALTER TABLE (?P<table>\S+) ALTER COLUMN \S+ TYPE"),
    "makes a column NOT NULL": re.compile(
        r"^ALTER TABLE (?P<table>\S+) ALTER COLUMN \S+ SET NOT NULL"
    ),
    "drops a default": re.compile(r"^ALTER TABLE (?P<table>\S+) ALTER COLUMN \S+ DROP DEFAULT"),
    "adds a NOT NULL column without a default": re.compile(
        r"^ALTER TABLE (?P<table>\S+) ADD (?:COLUMN )?(?!.*\bDEFAULT\b).*\bNOT NULL\b"
    ),
}
_CREATE_TABLE = re.compile(r"^CREATE TABLE (?:IF NOT EXISTS )?(?P<table>\S+)")


def breaking_changes(statements: list[str]) -> list[str]:
    """What in these statements (one revision's upgrade) the previous release's code
    would trip over, as "<what>: <statement>"."""
    created: set[str] = set()
    found = []
    for statement in statements:
        sql = " ".join(statement.split()).upper().replace('"', "")
        if creates := _CREATE_TABLE.match(sql):
            created.add(creates["table"])
            continue
        for what, pattern in _BREAKING.items():
            if (match := pattern.match(sql)) and match["table"] not in created:
                found.append(f"{what}: {' '.join(statement.split())[:160]}")
    return found


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("CREATE TABLE shifts_archive (id INTEGER NOT NULL)", None),
        ("ALTER TABLE shifts ADD COLUMN note VARCHAR(200)", None),
        ("ALTER TABLE shifts ADD COLUMN paid BOOLEAN DEFAULT false NOT NULL", None),
        ("CREATE INDEX ix_shifts_note ON shifts (note)", None),
        ("DROP INDEX ix_shifts_note", None),
        ("UPDATE shifts SET note = ''", None),
        ("ALTER TABLE shifts ADD COLUMN paid BOOLEAN NOT NULL", "adds a NOT NULL column"),
        ("DROP TABLE shifts", "drops a table"),
        ("ALTER TABLE shifts DROP COLUMN note", "drops a column"),
        ("ALTER TABLE shifts RENAME COLUMN note TO comment", "renames"),
        ("ALTER TABLE shifts RENAME TO work_shifts", "renames"),
        ("ALTER TABLE shifts ALTER COLUMN note TYPE TEXT", "changes a column's type"),
        ("ALTER TABLE shifts ALTER COLUMN note SET NOT NULL", "makes a column NOT NULL"),
        ("ALTER TABLE shifts ALTER COLUMN paid DROP DEFAULT", "drops a default"),
    ],
)
def test_the_rule_refuses_what_would_break_the_previous_release(
    statement: str, verdict: str | None
) -> None:
    found = breaking_changes([statement])
    if verdict is None:
        assert found == []
    else:
        [what] = found
        assert what.startswith(verdict)


def test_a_revision_may_reshape_a_table_it_creates_itself() -> None:
    statements = [
        "CREATE TABLE drafts (id INTEGER NOT NULL, body TEXT)",
        "ALTER TABLE drafts ALTER COLUMN body SET NOT NULL",
        "ALTER TABLE drafts DROP COLUMN body",
    ]
    assert breaking_changes(statements) == []


def _revisions_oldest_first() -> list[str]:
    config = Config(str(real.PROJECT_ROOT / "alembic.ini"))
    scripts = ScriptDirectory.from_config(config)
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


async def test_every_migration_keeps_the_previous_release_working() -> None:
    url = await real.create_empty_database()
    database = make_url(url).database
    statements: dict[str, list[str]] = defaultdict(list)
    running: list[str] = []

    def record(connection: Any, cursor: Any, statement: str, *_: Any) -> None:
        if running and connection.engine.url.database == database:
            statements[running[-1]].append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        for revision in _revisions_oldest_first():
            running.append(revision)
            await asyncio.to_thread(real.alembic_upgrade, url, revision)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
        await real.drop_test_database(url)

    contracting = {
        revision: found for revision in running if (found := breaking_changes(statements[revision]))
    }
    unannounced = {r: found for r, found in contracting.items() if r not in CONTRACT_REVISIONS}
    assert unannounced == {}
    # The list names only revisions that exist and really contract.
    assert set(CONTRACT_REVISIONS) <= set(contracting)
