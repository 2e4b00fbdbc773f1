"""Every model module is imported here so that `Base.metadata` is complete."""

from services.db.base import Base
from services.db.models.objects import WorkObject
from services.db.models.organizations import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
)
from services.db.models.users import User

__all__ = [
    "Base",
    "Membership",
    "MembershipRole",
    "MembershipStatus",
    "Organization",
    "User",
    "WorkObject",
]
