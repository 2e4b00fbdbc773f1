"""Every model module is imported here so that `Base.metadata` is complete."""

from services.db.base import Base
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
from services.db.models.planning import PlannedShift, PlannedShiftStatus, TimeSlot
from services.db.models.tariffs import Tariff
from services.db.models.users import User

__all__ = [
    "Base",
    "ContractTerms",
    "Membership",
    "MembershipObject",
    "MembershipRole",
    "MembershipStatus",
    "Organization",
    "OutboxMessage",
    "OutboxStatus",
    "Permission",
    "PlannedShift",
    "PlannedShiftStatus",
    "Tariff",
    "TimeSlot",
    "User",
    "WorkObject",
]
