"""The money of incidents and requests, settled from their status through the ledger's
`settle`: a chargeable incident owes its amount, anything else owes nothing, so a
deduction is entered once, and a later decision in the employee's favour reverses it
once, however often and in whatever order the events arrive."""

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.entries import Cause, Due, settle
from services.payroll.rules import ZERO
from services.platform.db.models import (
    CHARGEABLE_STATUSES,
    EmployeeRequest,
    Incident,
    LedgerEntryType,
    RequestStatus,
)
from services.platform.local_time import local_today
from services.staff.memberships import organization_of

LINE_REASON_LENGTH = 80


def line_reason(case_id: int, text: str) -> str:
    """What the payslip line says of its case: its number (the card's) and the start of
    its text."""
    short = text if len(text) <= LINE_REASON_LENGTH else text[: LINE_REASON_LENGTH - 1] + "…"
    return f"#{case_id} {short}".strip()


def incident_cause_key(incident_id: int) -> str:
    return f"incident:{incident_id}"


def request_cause_key(request_id: int) -> str:
    return f"request:{request_id}"


async def _charge_date(session: AsyncSession, organization_id: int, now: datetime) -> date:
    organization = await organization_of(session, organization_id)
    return local_today(now, organization.timezone)


async def settle_incident(
    session: AsyncSession, incident: Incident, now: datetime, *, author_user_id: int | None
) -> int:
    """Bring the incident's ledger line to its status. The deduction is dated the day it
    became due (kept on the incident, so settling again dates it the same)."""
    chargeable = incident.status in CHARGEABLE_STATUSES
    if chargeable and incident.charge_date is None:
        incident.charge_date = await _charge_date(session, incident.organization_id, now)
    if incident.charge_date is None:
        return 0  # never charged: nothing to write or reverse
    organization = await organization_of(session, incident.organization_id)
    cause = Cause(
        key=incident_cause_key(incident.id),
        organization=organization,
        user_id=incident.user_id,
        membership_id=incident.membership_id,
        work_date=incident.charge_date,
        object_id=incident.object_id,
        shift_id=incident.shift_id,
    )
    amount = -incident.amount if chargeable else ZERO
    due = Due(
        LedgerEntryType.INCIDENT_DEDUCTION,
        amount,
        reason=line_reason(incident.id, incident.description),
    )
    return await settle(session, [(cause, [due])], author_user_id=author_user_id)


async def settle_request(
    session: AsyncSession, request: EmployeeRequest, now: datetime, *, author_user_id: int
) -> int:
    """An approved request pays its amount back once."""
    if request.status != RequestStatus.APPROVED:
        return 0
    if request.charge_date is None:
        request.charge_date = await _charge_date(session, request.organization_id, now)
    organization = await organization_of(session, request.organization_id)
    cause = Cause(
        key=request_cause_key(request.id),
        organization=organization,
        user_id=request.user_id,
        membership_id=request.membership_id,
        work_date=request.charge_date,
        object_id=request.object_id,
    )
    due = Due(
        LedgerEntryType.EXPENSE_COMPENSATION,
        request.amount,
        reason=line_reason(request.id, request.comment),
    )
    return await settle(session, [(cause, [due])], author_user_id=author_user_id)
