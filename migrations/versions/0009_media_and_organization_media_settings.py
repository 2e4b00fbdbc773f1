"""media and organization media settings

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 03:50:31.854078
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = '0009'
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('organization_media_settings',
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('context', sa.String(length=32), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_organization_media_settings_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organization_id', 'context', name=op.f('pk_organization_media_settings'))
    )
    op.create_table('media',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('organization_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('object_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('context', sa.String(length=32), nullable=False),
    sa.Column('context_id', sa.BigInteger(), nullable=False),
    sa.Column('flow_id', sa.String(length=32), nullable=False),
    sa.Column('uploader_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('media_type', sa.String(length=16), nullable=False),
    sa.Column('content_type', sa.String(length=128), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('checksum', sa.String(length=64), nullable=True),
    sa.Column('telegram_file_id', sa.String(length=256), nullable=True),
    sa.Column('telegram_file_unique_id', sa.String(length=128), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', services.platform.db.base.UTCDateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_media_object_id_objects'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_media_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploader_user_id'], ['users.id'], name=op.f('fk_media_uploader_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media')),
    sa.UniqueConstraint('flow_id', 'provider', 'key', name=op.f('uq_media_flow_id_provider_key'))
    )
    op.create_index('ix_media_context', 'media', ['context', 'context_id'], unique=False)
    op.create_index('ix_media_key', 'media', ['key'], unique=False)
    op.create_index(op.f('ix_media_object_id'), 'media', ['object_id'], unique=False)
    op.create_index(op.f('ix_media_organization_id'), 'media', ['organization_id'], unique=False)
    op.create_index(op.f('ix_media_uploader_user_id'), 'media', ['uploader_user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_media_uploader_user_id'), table_name='media')
    op.drop_index(op.f('ix_media_organization_id'), table_name='media')
    op.drop_index(op.f('ix_media_object_id'), table_name='media')
    op.drop_index('ix_media_key', table_name='media')
    op.drop_index('ix_media_context', table_name='media')
    op.drop_table('media')
    op.drop_table('organization_media_settings')
