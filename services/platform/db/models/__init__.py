"""Every model module is imported here so that `Base.metadata` is complete."""

from services.platform.db.base import Base
from services.platform.db.models.announcements import Announcement, AnnouncementRecipient
from services.platform.db.models.attendance_marks import AttendanceMark, AttendanceMarkKind
from services.platform.db.models.billing import (
    BillingPeriod,
    Payment,
    PaymentRefund,
    PaymentStatus,
    SubscriptionPeriod,
)
from services.platform.db.models.breaks import ShiftBreak
from services.platform.db.models.contracts import (
    Contract,
    ContractEvent,
    ContractSignature,
    ContractStatus,
    ContractTemplate,
    ContractTemplateVersion,
    EsignAgreement,
    SigningCode,
    TemplateKind,
)
from services.platform.db.models.exchange import (
    ExchangeStatus,
    OpenPlaceNotice,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
)
from services.platform.db.models.incidents import (
    CHARGEABLE_STATUSES,
    CaseEvent,
    EmployeeRequest,
    ExpenseProduct,
    Incident,
    IncidentKind,
    IncidentStatus,
    RequestKind,
    RequestStatus,
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
from services.platform.db.models.rates import Holiday, OvertimeRule
from services.platform.db.models.report_chats import ReportChatCode
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
    "CHARGEABLE_STATUSES",
    "Announcement",
    "AnnouncementRecipient",
    "AttemptKind",
    "AttemptResult",
    "AttendanceMark",
    "AttendanceMarkKind",
    "Base",
    "BillingPeriod",
    "CancellationApproval",
    "CancellationInitiator",
    "CancellationReason",
    "CaseEvent",
    "ClockInAttempt",
    "ClockInOverride",
    "Contract",
    "ContractEvent",
    "ContractSignature",
    "ContractStatus",
    "ContractTemplate",
    "ContractTemplateVersion",
    "ContractTerms",
    "EmployeeRequest",
    "EsignAgreement",
    "ExchangeStatus",
    "ExpenseProduct",
    "Holiday",
    "Incident",
    "IncidentKind",
    "IncidentStatus",
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
    "OvertimeRule",
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
    "RequestKind",
    "RequestStatus",
    "Shift",
    "ShiftBreak",
    "ShiftCancellation",
    "ShiftOffer",
    "ShiftStatus",
    "ShiftSwap",
    "ShiftTask",
    "ShiftTaskStatus",
    "SigningCode",
    "SlotRequest",
    "StorageMode",
    "SubscriptionPeriod",
    "Tariff",
    "TaskTemplate",
    "TemplateKind",
    "TimeSlot",
    "UnreachableChat",
    "User",
    "WeeklyTemplate",
    "WeeklyTemplateItem",
    "WorkObject",
]
