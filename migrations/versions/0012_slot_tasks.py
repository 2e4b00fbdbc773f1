"""slot tasks; cancellation documents as media rows

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 10:00:00.000000

A slot can have its own tasks (task templates with `slot_id`) and ignore its object's.
Cancellation documents move from raw Telegram file ids on the cancellation to media rows
written by the media orchestrator; the documents already there become Telegram media rows
of a flow named after the cancellation, so none is lost.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_cancellations = sa.table(
    "shift_cancellations",
    sa.column("id", sa.BigInteger),
    sa.column("planned_shift_id", sa.BigInteger),
    sa.column("organization_id", sa.BigInteger),
    sa.column("cancelled_by_user_id", sa.BigInteger),
    sa.column("document_file_ids", sa.JSON),
    sa.column("document_flow_id", sa.String),
)
_planned_shifts = sa.table(
    "planned_shifts", sa.column("id", sa.BigInteger), sa.column("object_id", sa.BigInteger)
)
_media = sa.table(
    "media",
    sa.column("key", sa.String),
    sa.column("provider", sa.String),
    sa.column("organization_id", sa.BigInteger),
    sa.column("object_id", sa.BigInteger),
    sa.column("context", sa.String),
    sa.column("context_id", sa.BigInteger),
    sa.column("flow_id", sa.String),
    sa.column("uploader_user_id", sa.BigInteger),
    sa.column("media_type", sa.String),
    sa.column("content_type", sa.String),
    sa.column("telegram_file_id", sa.String),
    sa.column("position", sa.Integer),
)


def _legacy_flow_id(cancellation_id: int) -> str:
    return f"legacy{cancellation_id}"


def upgrade() -> None:
    with op.batch_alter_table("time_slots") as batch_op:
        batch_op.add_column(
            sa.Column(
                "ignore_object_tasks", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("task_templates") as batch_op:
        batch_op.add_column(
            sa.Column(
                "slot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )
        batch_op.create_index(batch_op.f("ix_task_templates_slot_id"), ["slot_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_task_templates_slot_id_time_slots"),
            "time_slots",
            ["slot_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("shift_cancellations") as batch_op:
        batch_op.add_column(sa.Column("document_flow_id", sa.String(length=32), nullable=True))
    _move_documents_to_media()
    with op.batch_alter_table("shift_cancellations") as batch_op:
        batch_op.drop_column("document_file_ids")


def _move_documents_to_media() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            _cancellations.c.id,
            _cancellations.c.planned_shift_id,
            _cancellations.c.organization_id,
            _cancellations.c.cancelled_by_user_id,
            _cancellations.c.document_file_ids,
            _planned_shifts.c.object_id,
        ).join(_planned_shifts, _planned_shifts.c.id == _cancellations.c.planned_shift_id)
    ).all()
    for row in rows:
        file_ids = [str(file_id) for file_id in row.document_file_ids or []]
        if not file_ids:
            continue
        flow_id = _legacy_flow_id(row.id)
        connection.execute(
            _media.insert(),
            [
                {
                    "key": file_id,
                    "provider": "telegram",
                    "organization_id": row.organization_id,
                    "object_id": row.object_id,
                    "context": "cancellation_document",
                    "context_id": row.planned_shift_id,
                    "flow_id": flow_id,
                    "uploader_user_id": row.cancelled_by_user_id,
                    "media_type": "photo",
                    "content_type": "image/jpeg",
                    "telegram_file_id": file_id,
                    "position": position,
                }
                for position, file_id in enumerate(file_ids)
            ],
        )
        connection.execute(
            _cancellations.update()
            .where(_cancellations.c.id == row.id)
            .values(document_flow_id=flow_id)
        )


def downgrade() -> None:
    with op.batch_alter_table("shift_cancellations") as batch_op:
        batch_op.add_column(
            sa.Column("document_file_ids", sa.JSON(), nullable=False, server_default="[]")
        )
    connection = op.get_bind()
    flows = connection.execute(
        sa.select(_cancellations.c.id, _cancellations.c.document_flow_id).where(
            _cancellations.c.document_flow_id.is_not(None)
        )
    ).all()
    for cancellation_id, flow_id in flows:
        file_ids = connection.scalars(
            sa.select(_media.c.telegram_file_id)
            .where(_media.c.flow_id == flow_id, _media.c.provider == "telegram")
            .order_by(_media.c.position)
        ).all()
        connection.execute(
            _cancellations.update()
            .where(_cancellations.c.id == cancellation_id)
            .values(document_file_ids=list(file_ids))
        )
    with op.batch_alter_table("shift_cancellations") as batch_op:
        batch_op.drop_column("document_flow_id")
    with op.batch_alter_table("task_templates") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_task_templates_slot_id_time_slots"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_task_templates_slot_id"))
        batch_op.drop_column("slot_id")
    with op.batch_alter_table("time_slots") as batch_op:
        batch_op.drop_column("ignore_object_tasks")
