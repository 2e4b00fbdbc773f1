"""What the exchange tells people: the language-neutral variables of a notification
about a shift, its deep-link buttons, and the two ways of telling (one user, or the
planners of objects)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.views import ShiftInfo
from services.notify.outbox import EXCHANGE_APPROVAL_NEEDED, UserNotification, notify, notify_many
from services.planning.planners import planner_user_ids
from services.platform.db.models import WorkObject

# `/start` payloads of the notification buttons (the bot's deep links).
OPEN_PLACES_PAYLOAD = "open_places"
SWAP_PAYLOAD_PREFIX = "swap_"
APPROVALS_PAYLOAD = "decisions"


def shift_payload(info: ShiftInfo, prefix: str = "", **extra: Any) -> dict[str, Any]:
    """Language-neutral variables of a notification about a shift."""
    return {
        f"{prefix}object_name": info.object_name,
        f"{prefix}date": info.local_date.strftime("%d.%m.%Y"),
        f"{prefix}start": info.start_time.strftime("%H:%M"),
        f"{prefix}end": info.end_time.strftime("%H:%M"),
        **extra,
    }


def button(text_key: str, start_payload: str) -> list[dict[str, str]]:
    return [{"text_key": text_key, "start_payload": start_payload}]


async def tell(
    session: AsyncSession,
    now: datetime,
    kind: str,
    cause: str,
    user_id: int,
    organization_id: int | None,
    **payload: Any,
) -> None:
    """One notification of `kind` to the user, once per `cause`; about the organization
    `organization_id` (None: several), so a dismissed member is not sent it."""
    await notify(
        session,
        kind=kind,
        dedup_key=f"{kind}:{cause}:u{user_id}",
        not_before=now,
        recipient_user_id=user_id,
        organization_id=organization_id,
        payload=payload,
    )


async def notify_planners(
    session: AsyncSession,
    now: datetime,
    work_objects: Sequence[WorkObject],
    cause: str,
    **payload: Any,
) -> None:
    """Tell the planners of every given object (owners, managers with `plan` on all of
    them) that a decision is waiting."""
    recipients: set[int] | None = None
    for work_object in work_objects:
        planners = set(await planner_user_ids(session, work_object))
        recipients = planners if recipients is None else recipients & planners
    await notify_many(
        session,
        kind=EXCHANGE_APPROVAL_NEEDED.name,
        not_before=now,
        notifications=[
            UserNotification(
                recipient_user_id=planner_id,
                dedup_key=f"{EXCHANGE_APPROVAL_NEEDED.name}:{cause}:u{planner_id}",
                payload={
                    **payload,
                    "buttons": button("notify-button-approvals", APPROVALS_PAYLOAD),
                },
                organization_id=work_objects[0].organization_id,
            )
            for planner_id in sorted(recipients or ())
        ],
    )
