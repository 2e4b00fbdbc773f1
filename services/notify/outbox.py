"""Notifications are written to the outbox in the caller's transaction; the pipeline
(relay → RabbitMQ → notifier) delivers them. `dedup_key` makes a cause notify once."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import OutboxMessage, OutboxStatus
from services.platform.db.session import dialect_insert
from services.platform.i18n import Translator, fluent_args


@dataclass(frozen=True)
class NotificationKind:
    """How a kind of notification is delivered. `optional` kinds can be switched off by
    the user (settings dialog); non-`urgent` kinds wait for the end of quiet hours;
    `for_managers` kinds go to owners and managers only, so only they are offered them."""

    name: str
    optional: bool = True
    urgent: bool = False
    for_managers: bool = False


NOTIFICATION_KINDS: dict[str, NotificationKind] = {}
# Quiet hours of a user without a timezone of their own are read in this zone.
DEFAULT_TIMEZONE = "Europe/Moscow"


def register_kind(
    name: str, *, optional: bool = True, urgent: bool = False, for_managers: bool = False
) -> NotificationKind:
    """Declare a kind so that users can choose it in the settings dialog (its label is
    the locale key `notify-kind-<name>`). Unregistered kinds are always delivered at once."""
    kind = NotificationKind(name, optional=optional, urgent=urgent, for_managers=for_managers)
    NOTIFICATION_KINDS[name] = kind
    return kind


def kind_of(name: str) -> NotificationKind:
    return NOTIFICATION_KINDS.get(name) or NotificationKind(name, optional=False, urgent=True)


# Every kind the product sends is declared here, so that each process (bot, worker) knows
# them all whatever else it imports. Urgent: it matters within minutes; not optional:
# the user acts on it, or it concerns money or the account.

# To employees.
SHIFT_REMINDER = register_kind("shift_reminder", urgent=True)
SHIFT_ASSIGNED = register_kind("shift-assigned")
SHIFT_UNASSIGNED = register_kind("shift-unassigned", optional=False, urgent=True)
SLOT_DELETED = register_kind("slot-deleted", optional=False, urgent=True)
CANCELLATION_APPROVED = register_kind("cancellation-approved")
CANCELLATION_REFUSED = register_kind("cancellation-refused")
CLOCK_IN_APPROVED = register_kind("clock_in_approved", optional=False, urgent=True)
SHIFT_CLOSED_BY_MANAGER = register_kind("shift_closed_by_manager")
TASKS_UNFINISHED = register_kind("tasks_unfinished", urgent=True)
TASK_PROOF_REJECTED = register_kind("task_proof_rejected", urgent=True)
PAYROLL_SHIFT_CORRECTED = register_kind("payroll_shift_corrected")
PAYROLL_PAYSLIP_READY = register_kind("payroll_payslip_ready")
PAYROLL_ADJUSTMENT = register_kind("payroll_adjustment")
PAYROLL_PAYOUT = register_kind("payroll_payout")
SHIFT_MOVED = register_kind("shift-moved")
OPEN_PLACES = register_kind("open_places")
OFFER_TAKEN = register_kind("offer_taken", optional=False, urgent=True)
SWAP_PROPOSED = register_kind("swap_proposed", optional=False, urgent=True)
SWAP_ANSWERED = register_kind("swap_answered", optional=False, urgent=True)
EXCHANGE_DECIDED = register_kind("exchange_decided", optional=False, urgent=True)
EXCHANGE_LAPSED = register_kind("exchange_lapsed", optional=False, urgent=True)
INCIDENT_RECORDED = register_kind("incident_recorded", optional=False, urgent=True)
INCIDENT_DECIDED = register_kind("incident_decided", optional=False)
INCIDENT_LAPSED = register_kind("incident_lapsed", optional=False)
REQUEST_DECIDED = register_kind("request_decided", optional=False)
CONTRACT_TO_SIGN = register_kind("contract_to_sign", optional=False)
CONTRACT_ENDING = register_kind("contract_ending", optional=False)
ANNOUNCEMENT = register_kind("announcement", optional=False)
SCHEDULE_PUBLISHED = register_kind("schedule-published", optional=False)
TIME_OFF_DECIDED = register_kind("time_off_decided", optional=False)
DOCUMENT_REVIEWED = register_kind("document_reviewed", optional=False)
DOCUMENT_EXPIRING = register_kind("document_expiring", optional=False)

# To owners and managers.
DOCUMENT_TO_CHECK = register_kind("document_to_check", for_managers=True)
NOT_CLOCKED_IN = register_kind("not_clocked_in", urgent=True, for_managers=True)
DAILY_SUMMARY = register_kind("daily_summary", for_managers=True)
CLOCK_IN_APPROVAL = register_kind(
    "clock_in_approval", optional=False, urgent=True, for_managers=True
)
SHIFT_OPENED = register_kind("shift_opened", for_managers=True)
SHIFT_CLOSED = register_kind("shift_closed", for_managers=True)
SHIFT_AUTO_CLOSED = register_kind("shift_auto_closed", for_managers=True)
CLOCK_IN_REFUSED = register_kind("clock_in_refused", for_managers=True)
SHIFT_BOOKED = register_kind("shift-booked", for_managers=True)
TIME_OFF_REQUESTED = register_kind("time_off_requested", optional=False, for_managers=True)
TIME_OFF_WITHDRAWN = register_kind("time_off_withdrawn", optional=False, for_managers=True)
SHIFT_CANCELLED = register_kind("shift-cancelled", urgent=True, for_managers=True)
CANCELLATION_NEEDS_APPROVAL = register_kind("cancellation-needs-approval", for_managers=True)
EXCHANGE_APPROVAL_NEEDED = register_kind(
    "exchange_approval_needed", optional=False, urgent=True, for_managers=True
)
EMPLOYEE_LIMIT_REACHED = register_kind("employee-limit-reached", for_managers=True)
BILLING_PAYMENT_SUCCEEDED = register_kind(
    "billing_payment_succeeded", optional=False, urgent=True, for_managers=True
)
BILLING_PAYMENT_CANCELED = register_kind(
    "billing_payment_canceled", optional=False, urgent=True, for_managers=True
)
BILLING_REFUND = register_kind("billing_refund", optional=False, urgent=True, for_managers=True)
BILLING_RENEWAL_REMINDER = register_kind(
    "billing_renewal_reminder", optional=False, for_managers=True
)
BILLING_SUBSCRIPTION_EXPIRED = register_kind(
    "billing_subscription_expired", optional=False, for_managers=True
)
INCIDENT_ANSWERED = register_kind("incident_answered", optional=False, for_managers=True)
REQUEST_FILED = register_kind("request_filed", optional=False, for_managers=True)
ADMIN_BROADCAST = register_kind("admin_broadcast", optional=False, for_managers=True)

# Hiring: to those who hire at an object, and to candidates (who are no members yet).
HIRING_APPLICATION_NEW = register_kind("hiring-application-new", for_managers=True)
HIRING_APPLICATION_WITHDRAWN = register_kind("hiring-application-withdrawn", for_managers=True)
HIRING_INTERVIEW_ANSWER = register_kind(
    "hiring-interview-answer", optional=False, urgent=True, for_managers=True
)
HIRING_UNTOUCHED = register_kind("hiring-untouched", for_managers=True)
HIRING_INTERVIEW_REMINDER = register_kind("hiring-interview-reminder", optional=False, urgent=True)
HIRING_INTERVIEW_INVITED = register_kind("hiring-interview-invited", optional=False, urgent=True)
HIRING_REJECTED = register_kind("hiring-rejected", optional=False)
HIRING_HIRED = register_kind("hiring-hired", optional=False, urgent=True)

# Ratings and reviews: to the person rated, the author, and the moderators.
RATING_RECEIVED = register_kind("rating-received")
RATING_HELD = register_kind("rating-held", optional=False)
RATING_MODERATED = register_kind("rating-moderated", optional=False)
RATING_APPEALED = register_kind("rating-appealed", optional=False, urgent=True)
RATING_APPEAL_DECIDED = register_kind("rating-appeal-decided", optional=False, urgent=True)

# To objects' report chats.
TASK_PROOF = register_kind("task_proof", optional=False, urgent=True)


# A payload variable holding a sum of money is {MONEY_KEY: "1500.00"}: the notifier writes
# it in the recipient's language and the organization's currency ("1 500,00 ₽", "€1,500.00").
MONEY_KEY = "money"


def money_variable(amount: Decimal) -> dict[str, str]:
    """`amount` as a notification variable (see `MONEY_KEY`)."""
    return {MONEY_KEY: str(amount)}


def money_amounts(payload: dict[str, Any]) -> dict[str, Decimal]:
    """The payload's sums of money by variable name."""
    return {
        name: Decimal(value[MONEY_KEY])
        for name, value in payload.items()
        if isinstance(value, dict) and MONEY_KEY in value
    }


def notification_args(payload: dict[str, Any], translator: Translator) -> dict[str, Any]:
    """The Fluent variables of a notification: its scalars, and its sums of money written
    by `translator` (its language and currency)."""
    amounts = {name: translator.money(value) for name, value in money_amounts(payload).items()}
    return fluent_args(payload) | amounts


async def notify(
    session: AsyncSession,
    *,
    kind: str,
    dedup_key: str,
    not_before: datetime,
    payload: dict[str, Any] | None = None,
    recipient_user_id: int | None = None,
    chat_id: int | None = None,
    organization_id: int | None = None,
) -> None:
    """Queue a notification of `kind` (its text is the locale key `notify-<kind>` with
    `payload` as variables). A second call with the same `dedup_key` does nothing.
    `organization_id` is the organization it is about: a user who is not (or no longer)
    its active member is not sent it."""
    if (recipient_user_id is None) == (chat_id is None):
        raise ValueError("a notification goes to exactly one user or one chat")
    await _insert_outbox(
        session,
        [
            _outbox_row(
                kind, dedup_key, not_before, payload, recipient_user_id, chat_id, organization_id
            )
        ],
    )


@dataclass(frozen=True)
class UserNotification:
    """One notification of a batch: its recipient, dedup key, variables and the
    organization it is about (see `notify`)."""

    recipient_user_id: int
    dedup_key: str
    payload: dict[str, Any]
    organization_id: int | None = None


@dataclass(frozen=True)
class ChatNotification:
    """A notification of a batch to a chat (an object's report chat)."""

    chat_id: int
    dedup_key: str
    payload: dict[str, Any]


async def notify_many(
    session: AsyncSession,
    *,
    kind: str,
    not_before: datetime,
    notifications: list[UserNotification],
    chats: Sequence[ChatNotification] = (),
) -> None:
    """`notify` for many users (and chats) in one statement (e.g. every payslip of a
    closed period): the number of statements does not grow with the number of recipients."""
    rows = [
        _outbox_row(
            kind,
            n.dedup_key,
            not_before,
            n.payload,
            n.recipient_user_id,
            None,
            n.organization_id,
        )
        for n in notifications
    ] + [
        _outbox_row(kind, c.dedup_key, not_before, c.payload, None, c.chat_id, None) for c in chats
    ]
    if rows:
        await _insert_outbox(session, rows)


def _outbox_row(
    kind: str,
    dedup_key: str,
    not_before: datetime,
    payload: dict[str, Any] | None,
    recipient_user_id: int | None,
    chat_id: int | None,
    organization_id: int | None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "dedup_key": dedup_key,
        "recipient_user_id": recipient_user_id,
        "chat_id": chat_id,
        "organization_id": organization_id,
        "payload": payload or {},
        "status": OutboxStatus.PENDING,
        "not_before": not_before,
        "attempts": 0,
    }


async def _insert_outbox(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    insert = dialect_insert(session)
    statement = (
        insert(OutboxMessage).values(rows).on_conflict_do_nothing(index_elements=["dedup_key"])
    )
    await session.execute(statement)
