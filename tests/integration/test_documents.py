"""Employee documents against the real database: upload, approve and reject (with the
employee told), the managers who may and may not review, expiry reminders 30 and 7 days
before (each once), an expired document blocking booking at the objects that require it,
and the deletion of a dismissed employee's documents after the retention period."""

import uuid
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select

from dialogs.common.errors import error_text
from services.documents.errors import (
    DocumentExpired,
    DocumentFileType,
    DocumentNotPending,
    ExpiryDateRequired,
)
from services.documents.jobs import purge_dismissed_documents, remind_document_expiries
from services.documents.kinds import (
    add_kind,
    delete_kind,
    set_retention_days,
    toggle_kind_object,
)
from services.documents.queries import document_card, documents_to_check, my_documents
from services.documents.uploads import (
    add_file,
    approve_document,
    begin_upload,
    reject_document,
    submit_document,
)
from services.media.access import set_storage_mode
from services.media_orchestrator import IncomingMedia, MediaOrchestrator
from services.media_storage.factory import get_media_storage_client
from services.planning.bookings import assign_employee
from services.planning.slots import create_slot
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    EmployeeDocument,
    Media,
    MediaContext,
    MediaType,
    Membership,
    Organization,
    OutboxMessage,
    StorageMode,
)
from services.platform.db.session import SessionFactory
from services.platform.errors import InvalidInput, PermissionDenied
from services.platform.i18n import translator_for
from services.staff.memberships import end_contract
from services.staff.permissions import Actor, actor_in
from tests.conftest import ON_BOTH_DATABASES, make_settings
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.documents import (
    DocumentsWorld,
    document_orchestrator,
    document_photo,
    documents_world,
)


async def _actor(session, world: DocumentsWorld, membership_id: int) -> Actor:  # type: ignore[no-untyped-def]
    membership = await session.get(Membership, membership_id)
    return await actor_in(session, membership.user_id, world.organization_id)


async def _owner(session, world: DocumentsWorld) -> Actor:  # type: ignore[no-untyped-def]
    return await actor_in(session, world.owner_id, world.organization_id)


async def _medical_book(session_factory: SessionFactory, world: DocumentsWorld) -> int:
    """A medical book with an expiry date, required at the café only."""
    async with session_factory() as session:
        owner = await _owner(session, world)
        kind = await add_kind(session, owner, "Медкнижка", has_expiry=True)
        await toggle_kind_object(session, owner, kind.id, world.object_ids[0])
        await session.commit()
        return kind.id


async def _upload(
    session_factory: SessionFactory,
    clock: ManualClock,
    orchestrator: MediaOrchestrator,
    telegram: FakeTelegramServer,
    world: DocumentsWorld,
    kind_id: int,
    expires_on: date | None,
) -> int:
    async with session_factory() as session:
        ivan = await _actor(session, world, world.ivan)
        flow, _ = await begin_upload(session, orchestrator, ivan, kind_id)
        await add_file(orchestrator, flow.flow_id, document_photo(telegram))
        document = await submit_document(
            session,
            clock,
            orchestrator,
            ivan,
            kind_id=kind_id,
            flow_id=flow.flow_id,
            expires_on=expires_on,
        )
        await session.commit()
        return document.id


async def _approve(session_factory: SessionFactory, clock, world, document_id: int) -> None:  # type: ignore[no-untyped-def]
    async with session_factory() as session:
        await approve_document(session, await _owner(session, world), clock, document_id)
        await session.commit()


async def _outbox(session_factory: SessionFactory, kind: str) -> list[OutboxMessage]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


async def _user_id(session_factory: SessionFactory, membership_id: int) -> int:
    async with session_factory() as session:
        membership = await session.get(Membership, membership_id)
        assert membership is not None
        return membership.user_id


@ON_BOTH_DATABASES
async def test_upload_then_reject_with_a_reason_then_approve(
    session_factory: SessionFactory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    world = await documents_world(session_factory, clock)
    kind_id = await _medical_book(session_factory, world)
    orchestrator = document_orchestrator(telegram)

    async with session_factory() as session:
        ivan = await _actor(session, world, world.ivan)
        flow, _ = await begin_upload(session, orchestrator, ivan, kind_id)
        with pytest.raises(DocumentFileType):
            await add_file(
                orchestrator,
                flow.flow_id,
                IncomingMedia("f", "u", MediaType.DOCUMENT, 10, "application/zip", "a.zip"),
            )
        pdf_id = telegram.add_file(b"%PDF-1.7", file_unique_id="pdf-1")
        await add_file(
            orchestrator,
            flow.flow_id,
            IncomingMedia(pdf_id, "pdf-1", MediaType.DOCUMENT, 8, "application/pdf", "book.pdf"),
        )
        with pytest.raises(ExpiryDateRequired):
            await submit_document(
                session,
                clock,
                orchestrator,
                ivan,
                kind_id=kind_id,
                flow_id=flow.flow_id,
                expires_on=None,
            )
        with pytest.raises(InvalidInput):
            await submit_document(
                session,
                clock,
                orchestrator,
                ivan,
                kind_id=kind_id,
                flow_id=flow.flow_id,
                expires_on=date(2026, 3, 1),
            )
        first = await submit_document(
            session,
            clock,
            orchestrator,
            ivan,
            kind_id=kind_id,
            flow_id=flow.flow_id,
            expires_on=date(2027, 1, 31),
        )
        await session.commit()

    to_check = await _outbox(session_factory, "document_to_check")
    told = {message.recipient_user_id for message in to_check}
    assert told == {world.owner_id, await _user_id(session_factory, world.maria)}
    assert {m.payload["employee"] for m in to_check} == {"Иван"}

    async with session_factory() as session:
        petr = await _actor(session, world, world.petr)
        assert await documents_to_check(session, petr, clock) == []
        with pytest.raises(PermissionDenied):
            await document_card(session, petr, clock, first.id)
        maria = await _actor(session, world, world.maria)
        card = await document_card(session, maria, clock, first.id)
        assert [m.content_type for m in card.files] == ["application/pdf"]
        await reject_document(session, maria, clock, first.id, "  Нечитаемо,   переснимите ")
        await session.commit()

    async with session_factory() as session:
        maria = await _actor(session, world, world.maria)
        with pytest.raises(DocumentNotPending):
            await approve_document(session, maria, clock, first.id)
        rows = await my_documents(session, clock, await _actor(session, world, world.ivan))
        assert [(r.title, r.status, r.reject_reason) for r in rows] == [
            ("Медкнижка", "rejected", "Нечитаемо, переснимите")
        ]
    [reviewed] = await _outbox(session_factory, "document_reviewed")
    assert reviewed.recipient_user_id == await _user_id(session_factory, world.ivan)
    assert reviewed.payload["status"] == "rejected"
    assert reviewed.payload["reason"] == "Нечитаемо, переснимите"

    second = await _upload(
        session_factory, clock, orchestrator, telegram, world, kind_id, date(2027, 1, 31)
    )
    await _approve(session_factory, clock, world, second)
    async with session_factory() as session:
        [row] = await my_documents(session, clock, await _actor(session, world, world.ivan))
        assert (row.status, row.expires_on) == ("approved", date(2027, 1, 31))
    assert [m.payload["status"] for m in await _outbox(session_factory, "document_reviewed")] == [
        "rejected",
        "approved",
    ]


@ON_BOTH_DATABASES
async def test_expiry_reminders_30_and_7_days_before_each_once(
    session_factory: SessionFactory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    world = await documents_world(session_factory, clock)
    kind_id = await _medical_book(session_factory, world)
    document = await _upload(
        session_factory,
        clock,
        document_orchestrator(telegram),
        telegram,
        world,
        kind_id,
        date(2026, 4, 30),
    )
    await _approve(session_factory, clock, world, document)
    recipients = {
        await _user_id(session_factory, world.ivan),
        world.owner_id,
        await _user_id(session_factory, world.maria),
    }

    async def run_at(moment: datetime) -> int:
        async with session_factory() as session:
            queued = await remind_document_expiries(session, ManualClock(moment))
            await session.commit()
            return queued

    # 31 March, 00:30 in Moscow is still 30 March in UTC: the organization's day counts.
    assert await run_at(datetime(2026, 3, 30, 20, 0, tzinfo=UTC)) == 0
    assert await run_at(datetime(2026, 3, 30, 21, 30, tzinfo=UTC)) == 3
    assert await run_at(datetime(2026, 3, 31, 12, 0, tzinfo=UTC)) == 3  # deduplicated
    assert await run_at(datetime(2026, 4, 10, 9, 0, tzinfo=UTC)) == 0
    assert await run_at(datetime(2026, 4, 23, 9, 0, tzinfo=UTC)) == 3
    reminders = await _outbox(session_factory, "document_expiring")
    assert sorted((m.payload["days"], m.recipient_user_id) for m in reminders) == sorted(
        (days, user_id) for days in (30, 7) for user_id in recipients
    )
    own = [m for m in reminders if m.payload["own"] == 1]
    assert {m.recipient_user_id for m in own} == {await _user_id(session_factory, world.ivan)}
    assert {m.payload["employee"] for m in reminders} == {"Иван"}


async def test_an_expired_document_blocks_booking_only_where_it_is_required(
    session_factory: SessionFactory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    world = await documents_world(session_factory, clock)
    kind_id = await _medical_book(session_factory, world)
    orchestrator = document_orchestrator(telegram)

    async def assign(object_id: int, day: date) -> None:
        async with session_factory() as session:
            slot = await create_slot(
                session,
                clock,
                user_id=world.owner_id,
                object_id=object_id,
                local_date=day,
                start_time=time(9),
                end_time=time(18),
                max_employees=1,
            )
            await assign_employee(
                session, clock, user_id=world.owner_id, slot_id=slot.id, membership_id=world.ivan
            )
            await session.commit()

    cafe, store = world.object_ids
    # Never uploaded: a warning in the employee's list, not a block.
    await assign(cafe, date(2026, 3, 25))
    document = await _upload(
        session_factory, clock, orchestrator, telegram, world, kind_id, date(2026, 3, 20)
    )
    await _approve(session_factory, clock, world, document)

    await assign(cafe, date(2026, 3, 20))
    with pytest.raises(DocumentExpired) as refused:
        await assign(cafe, date(2026, 3, 21))
    assert refused.value.params == {"title": "Медкнижка", "expires_on": "20.03.2026"}
    for language in ("ru", "en"):
        said = error_text(translator_for(language), refused.value)
        assert "«Медкнижка»" in said or '"Медкнижка"' in said
        assert "20.03.2026" in said
    await assign(store, date(2026, 3, 21))  # the warehouse does not require it

    renewed = await _upload(
        session_factory, clock, orchestrator, telegram, world, kind_id, date(2027, 3, 20)
    )
    with pytest.raises(DocumentExpired):  # still pending: the approved copy counts
        await assign(cafe, date(2026, 3, 22))
    await _approve(session_factory, clock, world, renewed)
    await assign(cafe, date(2026, 3, 22))


async def test_a_dismissed_employees_documents_are_deleted_after_the_retention_period(
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    s3_endpoint: str,
) -> None:
    world = await documents_world(session_factory, clock)
    bucket = f"docs-{uuid.uuid4().hex[:10]}"
    orchestrator = document_orchestrator(telegram, s3_endpoint, bucket)
    settings: Settings = make_settings(
        telegram_api_base=telegram.base_url,
        media_storage_provider="minio",
        minio={
            "endpoint": s3_endpoint,
            "access_key": "test",
            "secret_key": "test",
            "bucket": bucket,
        },
    )
    async with session_factory() as session:
        organization = await session.get(Organization, world.organization_id)
        assert organization is not None
        organization.tariff_code = "pro"
        owner = await _owner(session, world)
        await set_storage_mode(session, owner, MediaContext.EMPLOYEE_DOCUMENT, StorageMode.STORAGE)
        kind = await add_kind(session, owner, "Паспорт", has_expiry=False)
        await set_retention_days(session, owner, "10")
        await session.commit()
    document = await _upload(session_factory, clock, orchestrator, telegram, world, kind.id, None)
    await _approve(session_factory, clock, world, document)
    async with session_factory() as session:
        [stored] = await session.scalars(
            select(Media).where(Media.context == MediaContext.EMPLOYEE_DOCUMENT)
        )
        assert stored.provider == "minio"
        key = stored.key
        # A document the owner stops requiring takes its files with it at the next run.
        dropped = await add_kind(session, await _owner(session, world), "ИНН", has_expiry=False)
        await session.commit()
    await _upload(session_factory, clock, orchestrator, telegram, world, dropped.id, None)
    async with session_factory() as session:
        dropped_key = await session.scalar(
            select(Media.key).where(Media.key != key, Media.provider == "minio")
        )
        assert dropped_key is not None
        await delete_kind(session, await _owner(session, world), dropped.id)
        await end_contract(
            session, await _owner(session, world), clock, world.ivan, on_date=date(2026, 3, 2)
        )
        await session.commit()
    storage = get_media_storage_client(settings=settings)
    assert await storage.exists(key)

    async def purge_at(day: date) -> int:
        async with session_factory() as session:
            moment = datetime.combine(day, time(9), tzinfo=UTC)
            deleted = await purge_dismissed_documents(session, ManualClock(moment), settings)
            await session.commit()
            return deleted

    async def left() -> tuple[int, int]:
        async with session_factory() as session:
            documents = await session.scalar(select(func.count()).select_from(EmployeeDocument))
            files = await session.scalar(
                select(func.count()).where(Media.context == MediaContext.EMPLOYEE_DOCUMENT)
            )
            return documents or 0, files or 0

    assert await purge_at(date(2026, 3, 3)) == 1
    assert not await storage.exists(dropped_key)
    assert await purge_at(date(2026, 3, 11)) == 0
    assert await left() == (1, 1) and await storage.exists(key)
    assert await purge_at(date(2026, 3, 12)) == 1
    assert await left() == (0, 0)
    assert not await storage.exists(key)
