"""contract templates with versions, contracts, their history and simple e-signatures

Revision ID: 0023
Revises: 0026
Create Date: 2026-12-03 11:23:36.962642
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = "0023"
down_revision: str | Sequence[str] | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contract_templates",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column(
            "created_at",
            services.platform.db.base.UTCDateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_contract_templates_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_templates")),
    )
    with op.batch_alter_table("contract_templates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_templates_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "contract_template_versions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "template_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_by_user_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            services.platform.db.base.UTCDateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_contract_template_versions_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["contract_templates.id"],
            name=op.f("fk_contract_template_versions_template_id_contract_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_template_versions")),
        sa.UniqueConstraint(
            "template_id", "number", name=op.f("uq_contract_template_versions_template_id_number")
        ),
    )
    with op.batch_alter_table("contract_template_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_template_versions_template_id"), ["template_id"], unique=False
        )

    op.create_table(
        "contracts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "membership_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "template_version_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("document_pdf", sa.LargeBinary(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_pdf", sa.LargeBinary(), nullable=True),
        sa.Column(
            "created_by_user_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            services.platform.db.base.UTCDateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_contracts_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["memberships.id"],
            name=op.f("fk_contracts_membership_id_memberships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_contracts_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["contract_template_versions.id"],
            name=op.f("fk_contracts_template_version_id_contract_template_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
    )
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contracts_ends_on"), ["ends_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contracts_membership_id"), ["membership_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contracts_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contracts_template_version_id"), ["template_version_id"], unique=False
        )

    op.create_table(
        "esign_agreements",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "template_version_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "accepted_at", services.platform.db.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_esign_agreements_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["contract_template_versions.id"],
            name=op.f("fk_esign_agreements_template_version_id_contract_template_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_esign_agreements_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_esign_agreements")),
        sa.UniqueConstraint(
            "organization_id", "user_id", name=op.f("uq_esign_agreements_organization_id_user_id")
        ),
    )
    with op.batch_alter_table("esign_agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_esign_agreements_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_esign_agreements_user_id"), ["user_id"], unique=False)

    op.create_table(
        "contract_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "contract_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column(
            "actor_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "happened_at", services.platform.db.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["users.id"],
            name=op.f("fk_contract_events_actor_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_contract_events_contract_id_contracts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_events")),
    )
    with op.batch_alter_table("contract_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_events_contract_id"), ["contract_id"], unique=False
        )

    op.create_table(
        "contract_signatures",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "contract_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "template_version_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("code_message_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "signed_at", services.platform.db.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_contract_signatures_contract_id_contracts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["contract_template_versions.id"],
            name=op.f("fk_contract_signatures_template_version_id_contract_template_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_contract_signatures_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_signatures")),
        sa.UniqueConstraint("contract_id", name=op.f("uq_contract_signatures_contract_id")),
    )
    op.create_table(
        "contract_signing_codes",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "contract_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "expires_at", services.platform.db.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("used_at", services.platform.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            services.platform.db.base.UTCDateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_contract_signing_codes_contract_id_contracts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_contract_signing_codes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_signing_codes")),
    )
    with op.batch_alter_table("contract_signing_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_signing_codes_contract_id"), ["contract_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("contract_signing_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_signing_codes_contract_id"))

    op.drop_table("contract_signing_codes")
    op.drop_table("contract_signatures")
    with op.batch_alter_table("contract_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_events_contract_id"))

    op.drop_table("contract_events")
    with op.batch_alter_table("esign_agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_esign_agreements_user_id"))
        batch_op.drop_index(batch_op.f("ix_esign_agreements_organization_id"))

    op.drop_table("esign_agreements")
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contracts_template_version_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_organization_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_membership_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_ends_on"))

    op.drop_table("contracts")
    with op.batch_alter_table("contract_template_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_template_versions_template_id"))

    op.drop_table("contract_template_versions")
    with op.batch_alter_table("contract_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_templates_organization_id"))

    op.drop_table("contract_templates")
