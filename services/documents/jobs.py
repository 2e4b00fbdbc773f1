"""Scheduled jobs of employee documents: expiry reminders 30 and 7 days before, to the
employee and whoever manages them, and the deletion of a dismissed employee's documents
(rows and stored files) after the owner's retention period."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.documents.kinds import retention_days_of
from services.documents.rules import REMIND_DAYS_BEFORE, purge_due, reminder_due
from services.documents.uploads import manager_ids
from services.media_storage.base import MediaStorageClient
from services.media_storage.factory import get_media_storage_client
from services.media_storage.telegram_client import TELEGRAM_PROVIDER
from services.notify.outbox import DOCUMENT_EXPIRING, notify
from services.platform.clock import Clock, ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    DocumentKind,
    EmployeeDocument,
    EmployeeDocumentStatus,
    Media,
    MediaContext,
    Membership,
    MembershipStatus,
    Organization,
    User,
)
from services.platform.local_time import local_today
from services.platform.scheduler import JobContext, ScheduledJob


async def remind_document_expiries(session: AsyncSession, clock: Clock) -> int:
    """Queue the reminders due today where each organization is, for the approved
    documents of active employees; each once per document, day count and person."""
    now = clock.now()
    utc_today = now.date()
    rows = await session.execute(
        select(EmployeeDocument, DocumentKind.title, Membership, User, Organization.timezone)
        .join(DocumentKind, DocumentKind.id == EmployeeDocument.kind_id)
        .join(Membership, Membership.id == EmployeeDocument.membership_id)
        .join(User, User.id == Membership.user_id)
        .join(Organization, Organization.id == EmployeeDocument.organization_id)
        .where(
            EmployeeDocument.status == EmployeeDocumentStatus.APPROVED,
            Membership.status == MembershipStatus.ACTIVE,
            EmployeeDocument.expires_on.between(
                utc_today, utc_today + timedelta(days=max(REMIND_DAYS_BEFORE) + 1)
            ),
        )
    )
    queued = 0
    for document, title, membership, employee, timezone in rows:
        assert document.expires_on is not None
        days_left = reminder_due(document.expires_on, local_today(now, ZoneInfo(timezone)))
        if days_left is None:
            continue
        for user_id in [membership.user_id, *await manager_ids(session, membership)]:
            await notify(
                session,
                kind=DOCUMENT_EXPIRING.name,
                dedup_key=f"document-expiring:{document.id}:{days_left}:{user_id}",
                not_before=now,
                recipient_user_id=user_id,
                organization_id=document.organization_id,
                payload={
                    "title": title,
                    "days": days_left,
                    "expires_on": document.expires_on.strftime("%d.%m.%Y"),
                    "own": int(user_id == membership.user_id),
                    "employee": employee.display_name,
                },
            )
            queued += 1
    return queued


async def _delete_stored(
    media: Media, storage: dict[str, MediaStorageClient], settings: Settings
) -> None:
    """The file's copy in object storage (a Telegram copy cannot be deleted by a bot:
    its row goes, so nothing of ours points at it any more)."""
    if media.provider == TELEGRAM_PROVIDER:
        return
    if media.provider not in storage:
        storage[media.provider] = get_media_storage_client(media.provider, settings=settings)
    await storage[media.provider].delete(media.key)


async def purge_dismissed_documents(session: AsyncSession, clock: Clock, settings: Settings) -> int:
    """Delete the documents of employees whose last day of work is at least the
    organization's retention period ago, then every employee-document file no document
    refers to any more (those, and the files of a kind the owner stopped requiring): rows
    and stored copies. Returns the files deleted."""
    now = clock.now()
    ended = await session.execute(
        select(Membership, Organization.timezone)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(
            Membership.status == MembershipStatus.ENDED,
            select(EmployeeDocument.id)
            .where(EmployeeDocument.membership_id == Membership.id)
            .exists(),
        )
    )
    for membership, timezone in ended:
        retention = await retention_days_of(session, membership.organization_id)
        if purge_due(membership.ended_on, retention, local_today(now, ZoneInfo(timezone))):
            await session.execute(
                delete(EmployeeDocument).where(EmployeeDocument.membership_id == membership.id)
            )
    orphans = list(
        await session.scalars(
            select(Media).where(
                Media.context == MediaContext.EMPLOYEE_DOCUMENT,
                ~select(EmployeeDocument.id)
                .where(
                    EmployeeDocument.flow_id == Media.flow_id,
                    EmployeeDocument.membership_id == Media.context_id,
                )
                .exists(),
            )
        )
    )
    storage: dict[str, MediaStorageClient] = {}
    for media in orphans:
        await _delete_stored(media, storage, settings)
        await session.delete(media)
    await session.flush()
    return len(orphans)


async def remind_document_expiries_job(context: JobContext) -> int:
    return await remind_document_expiries(context.session, ManualClock(context.now))


async def purge_dismissed_documents_job(context: JobContext) -> int:
    return await purge_dismissed_documents(
        context.session, ManualClock(context.now), context.settings
    )


JOBS = [
    ScheduledJob("documents_remind_expiries", remind_document_expiries_job),
    ScheduledJob("documents_purge_dismissed", purge_dismissed_documents_job),
]
