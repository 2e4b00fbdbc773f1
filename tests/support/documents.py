"""An organization for the employee-document tests: an owner, two objects, an employee
working at both, a manager with `manage_staff` at the first, a manager who only views
it; and an orchestrator whose files go to S3 (moto) or stay in Telegram."""

import os
import uuid
from dataclasses import dataclass

from services.media.flows import MemoryMediaFlows
from services.media_orchestrator import IncomingMedia, MediaOrchestrator
from services.media_storage.s3_client import S3MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.clock import Clock
from services.platform.db.models import MediaType, MembershipRole, Permission
from services.platform.db.session import SessionFactory
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.staff import add_member, organization_with_objects


@dataclass(frozen=True)
class DocumentsWorld:
    organization_id: int
    owner_id: int
    object_ids: list[int]
    ivan: int  # memberships
    maria: int
    petr: int


async def documents_world(session_factory: SessionFactory, clock: Clock) -> DocumentsWorld:
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=8000, object_names=("Кафе", "Склад")
    )
    cafe, store = org.object_ids
    ivan = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=8001,
        first_name="Иван",
        object_permissions={cafe: [], store: []},
    )
    maria = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=8002,
        first_name="Мария",
        role=MembershipRole.MANAGER,
        object_permissions={
            cafe: [Permission.MANAGE_STAFF.value, Permission.PLAN.value],
            store: [Permission.MANAGE_STAFF.value],
        },
    )
    petr = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=8003,
        first_name="Пётр",
        role=MembershipRole.MANAGER,
        object_permissions={cafe: [Permission.VIEW.value]},
    )
    return DocumentsWorld(org.organization_id, org.owner_id, org.object_ids, ivan, maria, petr)


def document_orchestrator(
    telegram: FakeTelegramServer, s3_endpoint: str | None = None, bucket: str = ""
) -> MediaOrchestrator:
    telegram_client = TelegramMediaStorageClient(TEST_BOT_TOKEN, telegram.base_url)
    storage = (
        S3MediaStorageClient(
            endpoint=s3_endpoint,
            access_key="test",
            secret_key="test",
            bucket=bucket,
            telegram=telegram_client,
        )
        if s3_endpoint
        else None
    )
    return MediaOrchestrator(MemoryMediaFlows(), telegram=telegram_client, storage=storage)


def document_photo(telegram: FakeTelegramServer) -> IncomingMedia:
    data = os.urandom(20_000)
    unique = f"doc-{uuid.uuid4().hex[:8]}"
    file_id = telegram.add_file(data, file_unique_id=unique)
    return IncomingMedia(file_id, unique, MediaType.PHOTO, size=len(data))
