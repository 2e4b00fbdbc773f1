"""Incident use cases: an owner or a manager with `edit_money` records one on an
employee; the employee accepts or disputes it within 72 hours; a dispute is decided by
someone with `edit_money` on the employee; silence past the window lapses it (a job).
Each step locks the incident row, writes a history event, settles the ledger from the
new status and tells the other side."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.incidents.errors import AnswerWindowClosed, CaseAlreadyDecided
from services.incidents.kinds import kind_in
from services.incidents.money import settle_incident
from services.incidents.notices import Case, deciders, tell
from services.notify.outbox import (
    INCIDENT_ANSWERED,
    INCIDENT_DECIDED,
    INCIDENT_LAPSED,
    INCIDENT_RECORDED,
)
from services.payroll.access import require_money_access
from services.platform.clock import Clock
from services.platform.db.models import (
    CaseEvent,
    Incident,
    IncidentStatus,
    Permission,
    Shift,
)
from services.platform.errors import InvalidInput, NotFound
from services.platform.validation import MAX_MONEY, clean_text
from services.staff.permissions import (
    Actor,
    require_object_permission,
)

ANSWER_WINDOW = timedelta(hours=72)
MAX_TEXT_LENGTH = 1000
MAX_PHOTOS = 10
# `/start case_inc_<id>`: the button of every notification about an incident.
INCIDENT_PAYLOAD_PREFIX = "case_inc_"
LAPSE_BATCH = 500


@dataclass(frozen=True)
class NewIncident:
    employee_user_id: int
    object_id: int
    kind_id: int
    description: str
    amount: Decimal
    photo_file_ids: tuple[str, ...] = ()
    shift_id: int | None = None


def _amount(value: Decimal) -> Decimal:
    if value < 0 or value > MAX_MONEY:
        raise InvalidInput(field="amount", reason="money", maximum=MAX_MONEY)
    return value.quantize(Decimal("0.01"))


async def _locked(session: AsyncSession, organization_id: int, incident_id: int) -> Incident:
    """The incident of the organization, locked for this transaction; another
    organization's is "not found"."""
    incident = await session.scalar(
        select(Incident)
        .where(Incident.id == incident_id, Incident.organization_id == organization_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if incident is None:
        raise NotFound(what="incident")
    return incident


def _event(
    incident: Incident, now: datetime, actor_user_id: int | None, action: str, comment: str = ""
) -> CaseEvent:
    return CaseEvent(
        organization_id=incident.organization_id,
        incident_id=incident.id,
        actor_user_id=actor_user_id,
        action=action,
        comment=comment,
        amount=incident.amount,
        created_at=now,
    )


def _case(incident: Incident) -> Case:
    return Case(
        "incident",
        incident.id,
        incident.organization_id,
        incident.object_id,
        incident.user_id,
        incident.amount,
        INCIDENT_PAYLOAD_PREFIX,
    )


async def _tell(
    session: AsyncSession,
    incident: Incident,
    now: datetime,
    kind: str,
    user_ids: list[int],
    step: str,
    **payload: Any,
) -> None:
    await tell(session, _case(incident), now, kind, user_ids, step, **payload)


async def _deciders(session: AsyncSession, incident: Incident) -> list[int]:
    return await deciders(session, _case(incident))


async def record_incident(
    session: AsyncSession, clock: Clock, actor: Actor, new: NewIncident
) -> Incident:
    """Record an incident on an employee of an object the actor holds `edit_money` on.
    The employee is told at once and has 72 hours to accept or dispute it."""
    await require_object_permission(session, actor, new.object_id, Permission.EDIT_MONEY)
    membership = await require_money_access(
        session, actor, new.employee_user_id, Permission.EDIT_MONEY
    )
    kind = await kind_in(session, actor.organization_id, new.kind_id)
    if new.shift_id is not None:
        shift = await session.get(Shift, new.shift_id)
        if shift is None or shift.user_id != new.employee_user_id:
            raise NotFound(what="shift")
    now = clock.now()
    incident = Incident(
        organization_id=actor.organization_id,
        object_id=new.object_id,
        user_id=new.employee_user_id,
        membership_id=membership.id,
        shift_id=new.shift_id,
        kind_id=kind.id,
        description=clean_text(new.description, field="description", max_length=MAX_TEXT_LENGTH),
        amount=_amount(new.amount),
        photo_file_ids=list(new.photo_file_ids[:MAX_PHOTOS]),
        answer_by=now + ANSWER_WINDOW,
        created_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(incident)
    await session.flush()
    session.add(_event(incident, now, actor.user_id, "recorded", incident.description))
    await _tell(session, incident, now, INCIDENT_RECORDED.name, [incident.user_id], "recorded")
    return incident


async def _own_awaiting(
    session: AsyncSession, clock: Clock, actor: Actor, incident_id: int
) -> Incident:
    incident = await _locked(session, actor.organization_id, incident_id)
    if incident.user_id != actor.user_id:
        raise NotFound(what="incident")
    if incident.status != IncidentStatus.AWAITING:
        raise CaseAlreadyDecided()
    if clock.now() >= incident.answer_by:
        raise AnswerWindowClosed(deadline=incident.answer_by)
    return incident


async def accept_incident(
    session: AsyncSession, clock: Clock, actor: Actor, incident_id: int
) -> Incident:
    """The employee agrees: the deduction enters the ledger now."""
    incident = await _own_awaiting(session, clock, actor, incident_id)
    now = clock.now()
    incident.status = IncidentStatus.ACCEPTED
    session.add(_event(incident, now, actor.user_id, "accepted"))
    await settle_incident(session, incident, now, author_user_id=actor.user_id)
    deciders = await _deciders(session, incident)
    await _tell(session, incident, now, INCIDENT_ANSWERED.name, deciders, "accepted", accepted=1)
    return incident


async def dispute_incident(
    session: AsyncSession,
    clock: Clock,
    actor: Actor,
    incident_id: int,
    comment: str,
    photo_file_ids: tuple[str, ...] = (),
) -> Incident:
    """The employee disputes with a comment (and photos): nothing is deducted until
    someone with `edit_money` on the employee decides."""
    incident = await _own_awaiting(session, clock, actor, incident_id)
    now = clock.now()
    incident.status = IncidentStatus.DISPUTED
    incident.dispute_comment = clean_text(comment, field="comment", max_length=MAX_TEXT_LENGTH)
    incident.dispute_photo_file_ids = list(photo_file_ids[:MAX_PHOTOS])
    session.add(_event(incident, now, actor.user_id, "disputed", incident.dispute_comment))
    deciders = await _deciders(session, incident)
    await _tell(session, incident, now, INCIDENT_ANSWERED.name, deciders, "disputed", accepted=0)
    return incident


async def decide_incident(
    session: AsyncSession,
    clock: Clock,
    actor: Actor,
    incident_id: int,
    *,
    uphold: bool,
    comment: str,
) -> Incident:
    """Decide a disputed incident (`uphold`: against the employee, the deduction is
    entered), or cancel an incident in any state (the employee's favour: a deduction
    already entered is reversed, exactly once). Deciding again is refused."""
    incident = await _locked(session, actor.organization_id, incident_id)
    await require_money_access(session, actor, incident.user_id, Permission.EDIT_MONEY)
    if actor.user_id == incident.user_id:
        raise NotFound(what="incident")
    if uphold and incident.status != IncidentStatus.DISPUTED:
        raise CaseAlreadyDecided()
    if not uphold and incident.status == IncidentStatus.CANCELLED:
        raise CaseAlreadyDecided()
    now = clock.now()
    incident.status = IncidentStatus.UPHELD if uphold else IncidentStatus.CANCELLED
    incident.decision_comment = clean_text(comment, field="comment", max_length=MAX_TEXT_LENGTH)
    action = "upheld" if uphold else "cancelled"
    session.add(_event(incident, now, actor.user_id, action, incident.decision_comment))
    await settle_incident(session, incident, now, author_user_id=actor.user_id)
    others = [u for u in await _deciders(session, incident) if u != actor.user_id]
    await _tell(
        session,
        incident,
        now,
        INCIDENT_DECIDED.name,
        [incident.user_id, *others],
        action,
        upheld=int(uphold),
        comment=incident.decision_comment,
    )
    return incident


async def lapse_unanswered_incidents(session: AsyncSession, clock: Clock) -> int:
    """Incidents nobody answered within the window lapse: the deduction is entered and
    both sides are told. Rows another run holds are skipped (it is lapsing them)."""
    now = clock.now()
    due = list(
        await session.scalars(
            select(Incident)
            .where(Incident.status == IncidentStatus.AWAITING, Incident.answer_by <= now)
            .order_by(Incident.id)
            .limit(LAPSE_BATCH)
            .with_for_update(skip_locked=True)
            .execution_options(populate_existing=True)
        )
    )
    for incident in due:
        incident.status = IncidentStatus.LAPSED
        session.add(_event(incident, now, None, "lapsed"))
        await settle_incident(session, incident, now, author_user_id=None)
        recipients = [incident.user_id, *await _deciders(session, incident)]
        await _tell(session, incident, now, INCIDENT_LAPSED.name, recipients, "lapsed")
    return len(due)
