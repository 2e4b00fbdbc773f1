"""billing payments refunds subscription periods

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 03:49:03.020455
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0007'
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('payments',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('tariff_code', sa.String(length=32), nullable=False),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('idempotence_key', sa.String(length=64), nullable=False),
    sa.Column('yookassa_payment_id', sa.String(length=64), nullable=True),
    sa.Column('confirmation_url', sa.String(length=2048), nullable=True),
    sa.Column('created_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('cancellation_reason', sa.String(length=64), nullable=True),
    sa.Column('refunded_amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('succeeded_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('canceled_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_payments_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_payments_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tariff_code'], ['tariffs.code'], name=op.f('fk_payments_tariff_code_tariffs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    sa.UniqueConstraint('idempotence_key', name=op.f('uq_payments_idempotence_key')),
    sa.UniqueConstraint('yookassa_payment_id', name=op.f('uq_payments_yookassa_payment_id'))
    )
    op.create_index(op.f('ix_payments_organization_id'), 'payments', ['organization_id'], unique=False)
    op.create_index('ix_payments_status_created_at', 'payments', ['status', 'created_at'], unique=False)
    op.create_table('payment_refunds',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('payment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('yookassa_refund_id', sa.String(length=64), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('recorded_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_payment_refunds_payment_id_payments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_refunds')),
    sa.UniqueConstraint('yookassa_refund_id', name=op.f('uq_payment_refunds_yookassa_refund_id'))
    )
    op.create_index(op.f('ix_payment_refunds_payment_id'), 'payment_refunds', ['payment_id'], unique=False)
    op.create_table('subscription_periods',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('payment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('tariff_code', sa.String(length=32), nullable=False),
    sa.Column('starts_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_subscription_periods_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_subscription_periods_payment_id_payments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tariff_code'], ['tariffs.code'], name=op.f('fk_subscription_periods_tariff_code_tariffs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription_periods')),
    sa.UniqueConstraint('payment_id', name=op.f('uq_subscription_periods_payment_id'))
    )
    op.create_index(op.f('ix_subscription_periods_organization_id'), 'subscription_periods', ['organization_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_subscription_periods_organization_id'), table_name='subscription_periods')
    op.drop_table('subscription_periods')
    op.drop_index(op.f('ix_payment_refunds_payment_id'), table_name='payment_refunds')
    op.drop_table('payment_refunds')
    op.drop_index('ix_payments_status_created_at', table_name='payments')
    op.drop_index(op.f('ix_payments_organization_id'), table_name='payments')
    op.drop_table('payments')
