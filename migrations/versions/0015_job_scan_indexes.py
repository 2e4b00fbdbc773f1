"""indexes for the scheduler's scans and "on shift now"

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | Sequence[str] | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLANNED = sa.text("status = 'planned'")
OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.create_index('ix_planned_shifts_planned_starts', 'planned_shifts', ['starts_at'], unique=False, postgresql_where=PLANNED, sqlite_where=PLANNED)
    op.create_index('ix_planned_shifts_planned_ends', 'planned_shifts', ['ends_at', 'starts_at'], unique=False, postgresql_where=PLANNED, sqlite_where=PLANNED)
    op.create_index('ix_planned_shifts_object_starts', 'planned_shifts', ['object_id', 'starts_at'], unique=False)
    op.create_index('ix_shifts_open_by_object', 'shifts', ['object_id', 'opened_at'], unique=False, postgresql_where=OPEN, sqlite_where=OPEN)
    op.create_index('ix_shifts_object_opened', 'shifts', ['object_id', 'opened_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_shifts_object_opened', table_name='shifts')
    op.drop_index('ix_shifts_open_by_object', table_name='shifts', postgresql_where=OPEN, sqlite_where=OPEN)
    op.drop_index('ix_planned_shifts_object_starts', table_name='planned_shifts')
    op.drop_index('ix_planned_shifts_planned_ends', table_name='planned_shifts', postgresql_where=PLANNED, sqlite_where=PLANNED)
    op.drop_index('ix_planned_shifts_planned_starts', table_name='planned_shifts', postgresql_where=PLANNED, sqlite_where=PLANNED)
