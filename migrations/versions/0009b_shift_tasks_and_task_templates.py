"""shift tasks and task templates

Revision ID: 0009b
Revises: 0009
Create Date: 2026-11-26 04:00:36.282465
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0009b'
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
# The shifts table comes from the clock-in revision.
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('task_templates',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('proof_required', sa.Boolean(), nullable=False),
    sa.Column('bonus', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('fine', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_task_templates_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_task_templates_object_id_objects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_templates'))
    )
    op.create_index(op.f('ix_task_templates_object_id'), 'task_templates', ['object_id'], unique=False)
    op.create_table('shift_tasks',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('template_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('proof_required', sa.Boolean(), nullable=False),
    sa.Column('bonus', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('fine', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('done_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('proof_flow_id', sa.String(length=32), nullable=True),
    sa.Column('proof_comment', sa.String(length=1000), nullable=True),
    sa.Column('rejection_comment', sa.String(length=1000), nullable=True),
    sa.Column('rejected_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('rejected_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['rejected_by_user_id'], ['users.id'], name=op.f('fk_shift_tasks_rejected_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_shift_tasks_shift_id_shifts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['template_id'], ['task_templates.id'], name=op.f('fk_shift_tasks_template_id_task_templates'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_tasks')),
    sa.UniqueConstraint('shift_id', 'template_id', name=op.f('uq_shift_tasks_shift_id_template_id'))
    )
    op.create_index(op.f('ix_shift_tasks_shift_id'), 'shift_tasks', ['shift_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_shift_tasks_shift_id'), table_name='shift_tasks')
    op.drop_table('shift_tasks')
    op.drop_index(op.f('ix_task_templates_object_id'), table_name='task_templates')
    op.drop_table('task_templates')
