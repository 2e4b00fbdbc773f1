"""open places, give-aways and swaps of planned shifts, with optional approval

Revision ID: 0014
Revises: 0011
Create Date: 2026-11-26 06:28:34.393594
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0014'
down_revision: str | Sequence[str] | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('open_place_notices',
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('subject', sa.String(length=32), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_open_place_notices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'subject', name=op.f('pk_open_place_notices'))
    )
    op.create_table('shift_offers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('planned_shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('offered_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('taker_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('taker_membership_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deadline_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('resolved_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('decided_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decision_comment', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_user_id'], ['users.id'], name=op.f('fk_shift_offers_decided_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_shift_offers_object_id_objects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offered_by_user_id'], ['users.id'], name=op.f('fk_shift_offers_offered_by_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['planned_shift_id'], ['planned_shifts.id'], name=op.f('fk_shift_offers_planned_shift_id_planned_shifts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['taker_membership_id'], ['memberships.id'], name=op.f('fk_shift_offers_taker_membership_id_memberships'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['taker_user_id'], ['users.id'], name=op.f('fk_shift_offers_taker_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_offers'))
    )
    op.create_index(op.f('ix_shift_offers_object_id'), 'shift_offers', ['object_id'], unique=False)
    op.create_index(op.f('ix_shift_offers_offered_by_user_id'), 'shift_offers', ['offered_by_user_id'], unique=False)
    op.create_index(op.f('ix_shift_offers_planned_shift_id'), 'shift_offers', ['planned_shift_id'], unique=False)
    op.create_index('uq_shift_offers_live_planned_shift', 'shift_offers', ['planned_shift_id'], unique=True, postgresql_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"), sqlite_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"))
    op.create_table('shift_swaps',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('proposer_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('proposer_shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('partner_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('partner_shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deadline_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('resolved_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('decided_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decision_comment', sa.String(length=500), nullable=False),
    sa.CheckConstraint('proposer_shift_id <> partner_shift_id', name=op.f('ck_shift_swaps_two_shifts')),
    sa.ForeignKeyConstraint(['decided_by_user_id'], ['users.id'], name=op.f('fk_shift_swaps_decided_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_shift_swaps_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_shift_id'], ['planned_shifts.id'], name=op.f('fk_shift_swaps_partner_shift_id_planned_shifts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_user_id'], ['users.id'], name=op.f('fk_shift_swaps_partner_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposer_shift_id'], ['planned_shifts.id'], name=op.f('fk_shift_swaps_proposer_shift_id_planned_shifts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposer_user_id'], ['users.id'], name=op.f('fk_shift_swaps_proposer_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_swaps'))
    )
    op.create_index(op.f('ix_shift_swaps_organization_id'), 'shift_swaps', ['organization_id'], unique=False)
    op.create_index(op.f('ix_shift_swaps_partner_shift_id'), 'shift_swaps', ['partner_shift_id'], unique=False)
    op.create_index(op.f('ix_shift_swaps_partner_user_id'), 'shift_swaps', ['partner_user_id'], unique=False)
    op.create_index(op.f('ix_shift_swaps_proposer_shift_id'), 'shift_swaps', ['proposer_shift_id'], unique=False)
    op.create_index(op.f('ix_shift_swaps_proposer_user_id'), 'shift_swaps', ['proposer_user_id'], unique=False)
    op.create_index('uq_shift_swaps_live_pair', 'shift_swaps', ['proposer_shift_id', 'partner_shift_id'], unique=True, postgresql_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"), sqlite_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"))
    op.create_table('slot_requests',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('slot_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('membership_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deadline_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('planned_shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('resolved_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('decided_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decision_comment', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_user_id'], ['users.id'], name=op.f('fk_slot_requests_decided_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_slot_requests_membership_id_memberships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_slot_requests_object_id_objects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['planned_shift_id'], ['planned_shifts.id'], name=op.f('fk_slot_requests_planned_shift_id_planned_shifts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['slot_id'], ['time_slots.id'], name=op.f('fk_slot_requests_slot_id_time_slots'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_slot_requests_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slot_requests'))
    )
    op.create_index(op.f('ix_slot_requests_object_id'), 'slot_requests', ['object_id'], unique=False)
    op.create_index(op.f('ix_slot_requests_slot_id'), 'slot_requests', ['slot_id'], unique=False)
    op.create_index(op.f('ix_slot_requests_user_id'), 'slot_requests', ['user_id'], unique=False)
    op.create_index('uq_slot_requests_live_slot_user', 'slot_requests', ['slot_id', 'user_id'], unique=True, postgresql_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"), sqlite_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"))
    # Existing objects keep working as before: no approval needed.
    op.add_column('objects', sa.Column('exchange_needs_approval', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('organization_planning_settings', sa.Column('weekly_hours_cap', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('organization_planning_settings', 'weekly_hours_cap')
    op.drop_column('objects', 'exchange_needs_approval')
    op.drop_index('uq_slot_requests_live_slot_user', table_name='slot_requests', postgresql_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"), sqlite_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"))
    op.drop_index(op.f('ix_slot_requests_user_id'), table_name='slot_requests')
    op.drop_index(op.f('ix_slot_requests_slot_id'), table_name='slot_requests')
    op.drop_index(op.f('ix_slot_requests_object_id'), table_name='slot_requests')
    op.drop_table('slot_requests')
    op.drop_index('uq_shift_swaps_live_pair', table_name='shift_swaps', postgresql_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"), sqlite_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"))
    op.drop_index(op.f('ix_shift_swaps_proposer_user_id'), table_name='shift_swaps')
    op.drop_index(op.f('ix_shift_swaps_proposer_shift_id'), table_name='shift_swaps')
    op.drop_index(op.f('ix_shift_swaps_partner_user_id'), table_name='shift_swaps')
    op.drop_index(op.f('ix_shift_swaps_partner_shift_id'), table_name='shift_swaps')
    op.drop_index(op.f('ix_shift_swaps_organization_id'), table_name='shift_swaps')
    op.drop_table('shift_swaps')
    op.drop_index('uq_shift_offers_live_planned_shift', table_name='shift_offers', postgresql_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"), sqlite_where=sa.text("status IN ('open', 'proposed', 'pending_approval')"))
    op.drop_index(op.f('ix_shift_offers_planned_shift_id'), table_name='shift_offers')
    op.drop_index(op.f('ix_shift_offers_offered_by_user_id'), table_name='shift_offers')
    op.drop_index(op.f('ix_shift_offers_object_id'), table_name='shift_offers')
    op.drop_table('shift_offers')
    op.drop_table('open_place_notices')
