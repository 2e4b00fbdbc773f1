"""Who decides an employee's incident or request, and the notifications about either:
one per recipient and step (dedup key), each with a button that opens the case's card."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import UserNotification, money_variable, notify_many
from services.platform.db.models import Permission, WorkObject
from services.staff.permissions import permission_holder_ids


@dataclass(frozen=True)
class Case:
    """An incident or a request as its notifications name it: `name` is the payload
    variable of its number, `payload_prefix` the `/start` payload of its card."""

    name: str
    id: int
    organization_id: int
    object_id: int | None
    employee_user_id: int
    amount: Decimal
    payload_prefix: str


async def deciders(session: AsyncSession, case: Case) -> list[int]:
    """The owners and the managers with `edit_money` on the case's object, never the
    employee it concerns."""
    work_object = await session.get(WorkObject, case.object_id) if case.object_id else None
    if work_object is None:
        return []
    holders = await permission_holder_ids(session, work_object, Permission.EDIT_MONEY)
    return [user_id for user_id in holders if user_id != case.employee_user_id]


async def tell(
    session: AsyncSession,
    case: Case,
    now: datetime,
    kind: str,
    user_ids: list[int],
    step: str,
    **payload: Any,
) -> None:
    await notify_many(
        session,
        kind=kind,
        not_before=now,
        notifications=[
            UserNotification(
                recipient_user_id=user_id,
                dedup_key=f"{kind}:{case.id}:{step}:u{user_id}",
                payload={
                    case.name: case.id,
                    "amount": money_variable(case.amount),
                    **payload,
                    "buttons": [
                        {
                            "text_key": f"notify-button-open-{case.name}",
                            "start_payload": f"{case.payload_prefix}{case.id}",
                        }
                    ],
                },
                organization_id=case.organization_id,
            )
            for user_id in user_ids
        ],
    )
