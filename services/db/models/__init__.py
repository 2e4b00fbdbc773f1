"""Every model module is imported here so that `Base.metadata` is complete."""

from services.db.base import Base
from services.db.models.billing import (
    BillingPeriod,
    Payment,
    PaymentRefund,
    PaymentStatus,
    SubscriptionPeriod,
)
from services.db.models.exchange import (
    ExchangeStatus,
    OpenPlaceNotice,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
)
from services.db.models.invites import Invite
from services.db.models.media import (
    Media,
    MediaContext,
    MediaType,
    OrganizationMediaSetting,
    StorageMode,
)
from services.db.models.notification_prefs import NotificationPreferences, UnreachableChat
from services.db.models.notifications import OutboxMessage, OutboxStatus
from services.db.models.objects import WorkObject
from services.db.models.organizations import (
    ContractTerms,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    Permission,
)
from services.db.models.payroll import (
    LedgerEntry,
    LedgerEntryType,
    OrganizationPayrollSettings,
    PayoutMethod,
    PayPeriod,
    PayPeriodKind,
    PayPeriodStatus,
    Payslip,
)
from services.db.models.planning import (
    CancellationApproval,
    CancellationInitiator,
    CancellationReason,
    OrganizationPlanningSettings,
    PlannedShift,
    PlannedShiftStatus,
    ShiftCancellation,
    TimeSlot,
    WeeklyTemplate,
    WeeklyTemplateItem,
)
from services.db.models.report_chats import ReportChatCode
from services.db.models.shifts import (
    AttemptKind,
    AttemptResult,
    ClockInAttempt,
    ClockInOverride,
    Shift,
    ShiftStatus,
)
from services.db.models.tariffs import Tariff
from services.db.models.tasks import ShiftTask, ShiftTaskStatus, TaskTemplate
from services.db.models.users import User

__all__ = [
    "AttemptKind",
    "AttemptResult",
    "Base",
    "BillingPeriod",
    "CancellationApproval",
    "CancellationInitiator",
    "CancellationReason",
    "ClockInAttempt",
    "ClockInOverride",
    "ContractTerms",
    "ExchangeStatus",
    "Invite",
    "LedgerEntry",
    "LedgerEntryType",
    "Media",
    "MediaContext",
    "MediaType",
    "Membership",
    "MembershipObject",
    "MembershipRole",
    "MembershipStatus",
    "NotificationPreferences",
    "OpenPlaceNotice",
    "Organization",
    "OrganizationMediaSetting",
    "OrganizationPayrollSettings",
    "OrganizationPlanningSettings",
    "OutboxMessage",
    "OutboxStatus",
    "PayPeriod",
    "PayPeriodKind",
    "PayPeriodStatus",
    "Payment",
    "PaymentRefund",
    "PaymentStatus",
    "PayoutMethod",
    "Payslip",
    "Permission",
    "PlannedShift",
    "PlannedShiftStatus",
    "ReportChatCode",
    "Shift",
    "ShiftCancellation",
    "ShiftOffer",
    "ShiftStatus",
    "ShiftSwap",
    "ShiftTask",
    "ShiftTaskStatus",
    "SlotRequest",
    "StorageMode",
    "SubscriptionPeriod",
    "Tariff",
    "TaskTemplate",
    "TimeSlot",
    "UnreachableChat",
    "User",
    "WeeklyTemplate",
    "WeeklyTemplateItem",
    "WorkObject",
]
