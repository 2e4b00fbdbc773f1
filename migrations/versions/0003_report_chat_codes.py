"""report chat codes: one-time codes that bind a Telegram group to an object

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 04:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0003'
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('report_chat_codes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('issued_by_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('expires_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['issued_by_user_id'], ['users.id'], name=op.f('fk_report_chat_codes_issued_by_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_report_chat_codes_object_id_objects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_chat_codes')),
    sa.UniqueConstraint('code', name=op.f('uq_report_chat_codes_code'))
    )
    op.create_index(op.f('ix_report_chat_codes_object_id'), 'report_chat_codes', ['object_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_report_chat_codes_object_id'), table_name='report_chat_codes')
    op.drop_table('report_chat_codes')
