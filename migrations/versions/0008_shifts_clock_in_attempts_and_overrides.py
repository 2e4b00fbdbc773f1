"""shifts, clock-in attempts and overrides

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 03:50:46.395317
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0008'
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('shifts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('membership_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('planned_shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('planned_start_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('opened_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('paid_from', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('scheduled_end_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('hourly_rate', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('rate_source', sa.String(length=16), nullable=False),
    sa.Column('late_minutes', sa.Integer(), nullable=False),
    sa.Column('late_fine', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('worked_minutes', sa.Integer(), nullable=True),
    sa.Column('pay', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('closed_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('close_reason', sa.String(length=500), nullable=True),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_user_id'], ['users.id'], name=op.f('fk_shifts_closed_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_shifts_membership_id_memberships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_shifts_object_id_objects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_shifts_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['planned_shift_id'], ['planned_shifts.id'], name=op.f('fk_shifts_planned_shift_id_planned_shifts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_shifts_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts')),
    sa.UniqueConstraint('planned_shift_id', name=op.f('uq_shifts_planned_shift_id'))
    )
    op.create_index(op.f('ix_shifts_membership_id'), 'shifts', ['membership_id'], unique=False)
    op.create_index(op.f('ix_shifts_object_id'), 'shifts', ['object_id'], unique=False)
    op.create_index(op.f('ix_shifts_organization_id'), 'shifts', ['organization_id'], unique=False)
    op.create_index('ix_shifts_status_scheduled_end', 'shifts', ['status', 'scheduled_end_at'], unique=False)
    op.create_index('uq_shifts_one_open_per_user', 'shifts', ['user_id'], unique=True, postgresql_where=sa.text("status = 'open'"), sqlite_where=sa.text("status = 'open'"))
    op.create_table('clock_in_attempts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('membership_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('planned_shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=False),
    sa.Column('longitude', sa.Double(), nullable=False),
    sa.Column('distance_m', sa.Double(), nullable=True),
    sa.Column('horizontal_accuracy', sa.Double(), nullable=True),
    sa.Column('is_live', sa.Boolean(), nullable=False),
    sa.Column('sent_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('attempted_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('approval_requested_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_clock_in_attempts_membership_id_memberships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_clock_in_attempts_object_id_objects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_clock_in_attempts_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['planned_shift_id'], ['planned_shifts.id'], name=op.f('fk_clock_in_attempts_planned_shift_id_planned_shifts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_clock_in_attempts_shift_id_shifts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_clock_in_attempts_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clock_in_attempts'))
    )
    op.create_index(op.f('ix_clock_in_attempts_object_id'), 'clock_in_attempts', ['object_id'], unique=False)
    op.create_index(op.f('ix_clock_in_attempts_organization_id'), 'clock_in_attempts', ['organization_id'], unique=False)
    op.create_index(op.f('ix_clock_in_attempts_user_id'), 'clock_in_attempts', ['user_id'], unique=False)
    op.create_table('clock_in_overrides',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('attempt_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('approver_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('approved_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['approver_user_id'], ['users.id'], name=op.f('fk_clock_in_overrides_approver_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['attempt_id'], ['clock_in_attempts.id'], name=op.f('fk_clock_in_overrides_attempt_id_clock_in_attempts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_clock_in_overrides_shift_id_shifts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clock_in_overrides')),
    sa.UniqueConstraint('attempt_id', name=op.f('uq_clock_in_overrides_attempt_id'))
    )


def downgrade() -> None:
    op.drop_table('clock_in_overrides')
    op.drop_index(op.f('ix_clock_in_attempts_user_id'), table_name='clock_in_attempts')
    op.drop_index(op.f('ix_clock_in_attempts_organization_id'), table_name='clock_in_attempts')
    op.drop_index(op.f('ix_clock_in_attempts_object_id'), table_name='clock_in_attempts')
    op.drop_table('clock_in_attempts')
    op.drop_index('uq_shifts_one_open_per_user', table_name='shifts', postgresql_where=sa.text("status = 'open'"), sqlite_where=sa.text("status = 'open'"))
    op.drop_index('ix_shifts_status_scheduled_end', table_name='shifts')
    op.drop_index(op.f('ix_shifts_organization_id'), table_name='shifts')
    op.drop_index(op.f('ix_shifts_object_id'), table_name='shifts')
    op.drop_index(op.f('ix_shifts_membership_id'), table_name='shifts')
    op.drop_table('shifts')
