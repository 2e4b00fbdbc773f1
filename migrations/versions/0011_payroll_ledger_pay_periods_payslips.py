"""payroll ledger, pay periods, payslips

Revision ID: 0011
Revises: 0009b
Create Date: 2026-11-26 04:20:06.604447
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0011'
down_revision: str | Sequence[str] | None = "0009b"
branch_labels: str | Sequence[str] | None = None
# Entries point at cancellations (0006).
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('organization_payroll_settings',
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('period_kind', sa.String(length=16), nullable=False),
    sa.Column('anchor_date', sa.Date(), nullable=False),
    sa.Column('pay_day_offset_days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_organization_payroll_settings_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organization_id', name=op.f('pk_organization_payroll_settings'))
    )
    op.create_table('pay_periods',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('pay_day', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('closed_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_pay_periods_ends_after_start')),
    sa.ForeignKeyConstraint(['closed_by_user_id'], ['users.id'], name=op.f('fk_pay_periods_closed_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_pay_periods_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_periods')),
    sa.UniqueConstraint('organization_id', 'start_date', name=op.f('uq_pay_periods_organization_id_start_date'))
    )
    op.create_index(op.f('ix_pay_periods_organization_id'), 'pay_periods', ['organization_id'], unique=False)
    op.create_table('payslips',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('pay_period_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('membership_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('gross', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('fines', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('bonuses', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('net', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_payslips_membership_id_memberships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_payslips_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pay_period_id'], ['pay_periods.id'], name=op.f('fk_payslips_pay_period_id_pay_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_payslips_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payslips')),
    sa.UniqueConstraint('pay_period_id', 'user_id', name=op.f('uq_payslips_pay_period_id_user_id'))
    )
    op.create_index(op.f('ix_payslips_organization_id'), 'payslips', ['organization_id'], unique=False)
    op.create_table('ledger_entries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('pay_period_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('membership_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('work_date', sa.Date(), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('task_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('cancellation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('hourly_rate', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('payout_method', sa.String(length=16), nullable=True),
    sa.Column('author_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('cause', sa.String(length=64), nullable=False),
    sa.Column('cause_key', sa.String(length=96), nullable=False),
    sa.Column('reverses_entry_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('late_for_closed_period', sa.Boolean(), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_ledger_entries_author_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['cancellation_id'], ['shift_cancellations.id'], name=op.f('fk_ledger_entries_cancellation_id_shift_cancellations')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_ledger_entries_membership_id_memberships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_ledger_entries_object_id_objects'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_ledger_entries_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pay_period_id'], ['pay_periods.id'], name=op.f('fk_ledger_entries_pay_period_id_pay_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reverses_entry_id'], ['ledger_entries.id'], name=op.f('fk_ledger_entries_reverses_entry_id_ledger_entries')),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_ledger_entries_shift_id_shifts')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ledger_entries_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries')),
    sa.UniqueConstraint('cause_key', name=op.f('uq_ledger_entries_cause_key')),
    sa.UniqueConstraint('reverses_entry_id', name=op.f('uq_ledger_entries_reverses_entry_id'))
    )
    op.create_index('ix_ledger_entries_cause', 'ledger_entries', ['cause'], unique=False)
    op.create_index(op.f('ix_ledger_entries_cancellation_id'), 'ledger_entries', ['cancellation_id'], unique=False)
    op.create_index(op.f('ix_ledger_entries_organization_id'), 'ledger_entries', ['organization_id'], unique=False)
    op.create_index('ix_ledger_entries_period_user', 'ledger_entries', ['pay_period_id', 'user_id'], unique=False)
    op.create_index(op.f('ix_ledger_entries_shift_id'), 'ledger_entries', ['shift_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_ledger_entries_shift_id'), table_name='ledger_entries')
    op.drop_index('ix_ledger_entries_period_user', table_name='ledger_entries')
    op.drop_index(op.f('ix_ledger_entries_organization_id'), table_name='ledger_entries')
    op.drop_index('ix_ledger_entries_cause', table_name='ledger_entries')
    op.drop_index(op.f('ix_ledger_entries_cancellation_id'), table_name='ledger_entries')
    op.drop_table('ledger_entries')
    op.drop_index(op.f('ix_payslips_organization_id'), table_name='payslips')
    op.drop_table('payslips')
    op.drop_index(op.f('ix_pay_periods_organization_id'), table_name='pay_periods')
    op.drop_table('pay_periods')
    op.drop_table('organization_payroll_settings')
