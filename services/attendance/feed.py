"""The live feed of an object: who follows it (its owners, its managers, its report chat),
who may approve a clock-in or correct a shift there, and the events sent to them (a shift
opened, closed or auto-closed, a clock-in refused)."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.queries import display_name_of
from services.notify.outbox import (
    CLOCK_IN_REFUSED,
    SHIFT_AUTO_CLOSED,
    SHIFT_CLOSED,
    SHIFT_OPENED,
    ChatNotification,
    UserNotification,
    notify_many,
)
from services.payroll.corrections import CORRECT_SHIFT_PAYLOAD_PREFIX
from services.places.geo import LocationVerdict
from services.platform.db.models import (
    ClockInAttempt,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Permission,
    Shift,
    User,
    WorkObject,
)
from services.platform.local_time import local_hhmm
from services.ratings.rules import rating_buttons
from services.staff.permissions import permission_holder_ids

# `/start today`: the deep link of the buttons of "not clocked in" and "late" alerts.
TODAY_PAYLOAD = "today"


def today_buttons(employee_telegram_id: int) -> list[dict[str, str]]:
    """The actions of an alert about someone: write to them, open the "Today" board
    (where they are marked absent, their shift opened for them or their place offered)."""
    return [
        {"text_key": "today-message", "url": f"tg://user?id={employee_telegram_id}"},
        {"text_key": "today-open-board", "start_payload": TODAY_PAYLOAD},
    ]


# Read at every clock-in and clock-out, so built once: `object_id`, `organization_id`.
_FEED_FOLLOWERS = (
    select(Membership.user_id, Membership.role)
    .outerjoin(
        MembershipObject,
        and_(
            MembershipObject.membership_id == Membership.id,
            MembershipObject.object_id == bindparam("object_id"),
        ),
    )
    .where(
        Membership.organization_id == bindparam("organization_id"),
        Membership.status == MembershipStatus.ACTIVE,
        or_(
            Membership.role == MembershipRole.OWNER,
            and_(
                Membership.role == MembershipRole.MANAGER,
                MembershipObject.object_id.is_not(None),
            ),
        ),
    )
    .order_by(Membership.id)
)


async def feed_user_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Who follows the object's live feed: the owners and the object's managers (owners
    first). One query."""
    parameters = {"object_id": work_object.id, "organization_id": work_object.organization_id}
    rows = await session.execute(_FEED_FOLLOWERS, parameters)
    by_role = list(rows.tuples())
    owners = [user_id for user_id, role in by_role if role == MembershipRole.OWNER]
    managers = [user_id for user_id, role in by_role if role != MembershipRole.OWNER]
    return list(dict.fromkeys(owners + managers))


async def staff_manager_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Who hires at the object: the owners and the managers with `manage_staff` on it."""
    return await permission_holder_ids(session, work_object, Permission.MANAGE_STAFF)


async def approver_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Who may approve a clock-in: the owners and the managers with `plan` on the object."""
    return await permission_holder_ids(session, work_object, Permission.PLAN)


def shift_payload(shift: Shift, work_object: WorkObject) -> dict[str, Any]:
    """A shift's figures as the notifications about it show them, in the object's time."""
    return {
        "object": work_object.name,
        "opened": local_hhmm(shift.opened_at, work_object.timezone),
        "closed": local_hhmm(shift.closed_at, work_object.timezone) if shift.closed_at else "",
        "late_minutes": shift.late_minutes,
        "late_fine": str(shift.late_fine),
        "worked_minutes": shift.worked_minutes or 0,
        "pay": str(shift.pay) if shift.pay is not None else "",
    }


async def _feed(
    session: AsyncSession,
    work_object: WorkObject,
    *,
    kind: str,
    cause: str,
    payload: dict[str, Any],
    now: datetime,
    extra_for: Mapping[int, dict[str, Any]] | None = None,
) -> None:
    """One live-feed event to the owners, the object's managers and its report chat;
    `extra_for` adds to the payload of some recipients (their buttons)."""
    report_chat = work_object.report_chat_id
    await notify_many(
        session,
        kind=kind,
        not_before=now,
        notifications=[
            UserNotification(
                recipient_user_id=recipient,
                dedup_key=f"{kind}:{cause}:u{recipient}",
                payload=payload | (extra_for or {}).get(recipient, {}),
                organization_id=work_object.organization_id,
            )
            for recipient in await feed_user_ids(session, work_object)
        ],
        chats=[]
        if report_chat is None
        else [ChatNotification(report_chat, f"{kind}:{cause}:chat", payload)],
    )


async def feed_shift(
    session: AsyncSession,
    shift: Shift,
    work_object: WorkObject,
    now: datetime,
    *,
    kind: str,
    extra_for: Mapping[int, dict[str, Any]] | None = None,
) -> None:
    """A shift opened, closed or auto-closed (`kind`), with its figures and employee; a
    finished one carries the 1–5 buttons that rate it in one tap."""
    payload = shift_payload(shift, work_object) | {
        "employee": await display_name_of(session, shift.user_id)
    }
    if kind in (SHIFT_CLOSED.name, SHIFT_AUTO_CLOSED.name):
        extras = dict(extra_for or {})
        for recipient in await feed_user_ids(session, work_object):
            mine = extras.get(recipient, {})
            extras[recipient] = mine | {
                "buttons": [*mine.get("buttons", []), rating_buttons(shift.id)]
            }
        extra_for = extras
    await _feed(
        session,
        work_object,
        kind=kind,
        cause=str(shift.id),
        payload=payload,
        now=now,
        extra_for=extra_for,
    )


async def feed_opened(
    session: AsyncSession, shift: Shift, work_object: WorkObject, now: datetime
) -> None:
    """A shift opened; when late, the owners and managers also get the alert's actions."""
    extra_for = None
    employee = await session.get(User, shift.user_id)
    if shift.late_minutes > 0 and employee is not None:
        late = {"buttons": today_buttons(employee.telegram_id)}
        extra_for = dict.fromkeys(await feed_user_ids(session, work_object), late)
    await feed_shift(session, shift, work_object, now, kind=SHIFT_OPENED.name, extra_for=extra_for)


async def feed_auto_closed(
    session: AsyncSession, shift: Shift, work_object: WorkObject, now: datetime
) -> None:
    """A shift closed by the auto-close job, which needs review: those who may correct it
    (the owners and the managers with `edit_money`) get a button that opens its
    correction."""
    correct = {
        "buttons": [
            {
                "text_key": "notify-button-correct-shift",
                "start_payload": f"{CORRECT_SHIFT_PAYLOAD_PREFIX}{shift.id}",
            }
        ]
    }
    correctors = await permission_holder_ids(session, work_object, Permission.EDIT_MONEY)
    await feed_shift(
        session,
        shift,
        work_object,
        now,
        kind=SHIFT_AUTO_CLOSED.name,
        extra_for=dict.fromkeys(correctors, correct),
    )


async def feed_refused(
    session: AsyncSession,
    work_object: WorkObject,
    attempt: ClockInAttempt,
    verdict: LocationVerdict,
    now: datetime,
) -> None:
    """A clock-in refused by the location check: who, where, why and how far away."""
    payload = {
        "employee": await display_name_of(session, attempt.user_id),
        "object": work_object.name,
        "reason": attempt.reason or "",
        "distance_m": round(verdict.distance_m) if verdict.distance_m is not None else -1,
        "radius_m": work_object.geofence_radius_m,
        "time": local_hhmm(now, work_object.timezone),
    }
    await _feed(
        session,
        work_object,
        kind=CLOCK_IN_REFUSED.name,
        cause=str(attempt.id),
        payload=payload,
        now=now,
    )
