"""Every model module is imported here so that `Base.metadata` is complete."""

from services.platform.db.base import Base
from services.platform.db.models.availability import (
    AvailabilityException,
    AvailabilityKind,
    AvailabilityOverride,
    CalendarFeed,
    TimeOffKind,
    TimeOffRequest,
    TimeOffStatus,
    WeeklyAvailability,
)
from services.platform.db.models.billing import (
    BillingPeriod,
    Payment,
    PaymentRefund,
    PaymentStatus,
    SubscriptionPeriod,
)
from services.platform.db.models.exchange import (
    ExchangeStatus,
    OpenPlaceNotice,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
)
from services.platform.db.models.invites import Invite
from services.platform.db.models.media import (
    Media,
    MediaContext,
    MediaType,
    OrganizationMediaSetting,
    StorageMode,
)
from services.platform.db.models.notification_prefs import NotificationPreferences, UnreachableChat
from services.platform.db.models.notifications import OutboxMessage, OutboxStatus
from services.platform.db.models.objects import WorkObject
from services.platform.db.models.organizations import (
    ContractTerms,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    Permission,
)
from services.platform.db.models.payroll import (
    LedgerEntry,
    LedgerEntryType,
    OrganizationPayrollSettings,
    PayoutMethod,
    PayPeriod,
    PayPeriodKind,
    PayPeriodStatus,
    Payslip,
)
from services.platform.db.models.planning import (
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
from services.platform.db.models.report_chats import ReportChatCode
from services.platform.db.models.scheduling import (
    DailySales,
    DraftAssignment,
    ObjectTravelTime,
    OrganizationSchedulingSettings,
)
from services.platform.db.models.shifts import (
    AttemptKind,
    AttemptResult,
    ClockInAttempt,
    ClockInOverride,
    Shift,
    ShiftStatus,
)
from services.platform.db.models.tariffs import Tariff
from services.platform.db.models.tasks import ShiftTask, ShiftTaskStatus, TaskTemplate
from services.platform.db.models.users import User

__all__ = [
    "AttemptKind",
    "AttemptResult",
    "AvailabilityException",
    "AvailabilityKind",
    "AvailabilityOverride",
    "Base",
    "BillingPeriod",
    "CalendarFeed",
    "CancellationApproval",
    "CancellationInitiator",
    "CancellationReason",
    "ClockInAttempt",
    "ClockInOverride",
    "ContractTerms",
    "DailySales",
    "DraftAssignment",
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
    "ObjectTravelTime",
    "OpenPlaceNotice",
    "Organization",
    "OrganizationMediaSetting",
    "OrganizationPayrollSettings",
    "OrganizationPlanningSettings",
    "OrganizationSchedulingSettings",
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
    "TimeOffKind",
    "TimeOffRequest",
    "TimeOffStatus",
    "TimeSlot",
    "UnreachableChat",
    "User",
    "WeeklyAvailability",
    "WeeklyTemplate",
    "WeeklyTemplateItem",
    "WorkObject",
]
