"""An employee document's file through the media proxy: the owner, a manager with
`manage_staff` at every object of the employee and the employee themselves get it;
a manager who only views, a manager with `manage_staff` at one of two objects and
another organization's owner get the same 404 as for a key that does not exist. Every
file served is logged in `document_views`."""

import uuid

import httpx
import pytest
from sqlalchemy import select

from services.documents.kinds import add_kind
from services.documents.uploads import add_file, begin_upload, submit_document
from services.media.access import set_storage_mode
from services.orgs.organizations import create_organization
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    DocumentView,
    Media,
    MediaContext,
    Membership,
    MembershipRole,
    Organization,
    Permission,
    StorageMode,
    User,
)
from services.platform.db.session import SessionFactory
from services.staff.permissions import actor_in
from tests.conftest import make_settings
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.documents import (
    DocumentsWorld,
    document_orchestrator,
    document_photo,
    documents_world,
)
from tests.support.staff import add_member
from tests.support.webapp import signed_header


@pytest.fixture
def bucket() -> str:
    return f"docs-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def app_settings(
    database_url: str,
    namespace: str,
    telegram: FakeTelegramServer,
    s3_endpoint: str,
    bucket: str,
) -> Settings:
    return make_settings(
        database_url=database_url,
        redis_url=real.REDIS_URL,
        namespace=namespace,
        telegram_api_base=telegram.base_url,
        media_storage_provider="minio",
        minio={
            "endpoint": s3_endpoint,
            "access_key": "test",
            "secret_key": "test",
            "bucket": bucket,
        },
    )


@pytest.fixture
async def world(session_factory: SessionFactory, clock: ManualClock) -> DocumentsWorld:
    return await documents_world(session_factory, clock)


async def _stored_passport(
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    s3_endpoint: str,
    bucket: str,
    world: DocumentsWorld,
) -> str:
    orchestrator = document_orchestrator(telegram, s3_endpoint, bucket)
    async with session_factory() as session:
        organization = await session.get(Organization, world.organization_id)
        assert organization is not None
        organization.tariff_code = "pro"
        owner = await actor_in(session, world.owner_id, world.organization_id)
        await set_storage_mode(session, owner, MediaContext.EMPLOYEE_DOCUMENT, StorageMode.STORAGE)
        kind = await add_kind(session, owner, "Паспорт", has_expiry=False)
        ivan_membership = await session.get(Membership, world.ivan)
        assert ivan_membership is not None
        ivan = await actor_in(session, ivan_membership.user_id, world.organization_id)
        flow, _ = await begin_upload(session, orchestrator, ivan, kind.id)
        await add_file(orchestrator, flow.flow_id, document_photo(telegram))
        await submit_document(
            session,
            clock,
            orchestrator,
            ivan,
            kind_id=kind.id,
            flow_id=flow.flow_id,
            expires_on=None,
        )
        await session.commit()
        media = await session.scalar(select(Media).where(Media.flow_id == flow.flow_id))
        assert media is not None and media.provider == "minio"
        return media.key


async def _people(
    session_factory: SessionFactory, clock: ManualClock, world: DocumentsWorld
) -> dict[str, User]:
    half = await add_member(
        session_factory,
        world.organization_id,
        telegram_id=8004,
        first_name="Нина",
        role=MembershipRole.MANAGER,
        object_permissions={world.object_ids[0]: [Permission.MANAGE_STAFF.value]},
    )
    async with session_factory() as session:
        stranger = User(telegram_id=8009, first_name="Чужой", language="ru")
        session.add(stranger)
        await session.flush()
        await create_organization(session, stranger, clock, name="Чужая")
        await session.commit()
        people = {"stranger_owner": stranger}
        for name, membership_id in (
            ("employee", world.ivan),
            ("staff_manager", world.maria),
            ("viewing_manager", world.petr),
            ("one_object_manager", half),
        ):
            membership = await session.get(Membership, membership_id)
            assert membership is not None
            user = await session.get(User, membership.user_id)
            assert user is not None
            people[name] = user
        owner = await session.get(User, world.owner_id)
        assert owner is not None
        people["owner"] = owner
        return people


async def test_who_may_open_an_employee_document_and_every_view_is_logged(
    http: httpx.AsyncClient,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    s3_endpoint: str,
    bucket: str,
    world: DocumentsWorld,
) -> None:
    key = await _stored_passport(session_factory, clock, telegram, s3_endpoint, bucket, world)
    people = await _people(session_factory, clock, world)
    expected = {
        "owner": 200,
        "staff_manager": 200,
        "employee": 200,
        "viewing_manager": 404,
        "one_object_manager": 404,
        "stranger_owner": 404,
    }

    answers = {
        who: (await http.get(f"/api/media/{key}", headers=signed_header(people[who], clock)))
        for who in expected
    }
    assert {who: answer.status_code for who, answer in answers.items()} == expected
    missing = await http.get(f"/api/media/{key}x", headers=signed_header(people["owner"], clock))
    assert missing.status_code == 404
    assert answers["employee"].content == answers["owner"].content != b""

    await http.get(f"/api/media/{key}", headers=signed_header(people["owner"], clock))
    async with session_factory() as session:
        views = list(await session.scalars(select(DocumentView).order_by(DocumentView.id)))
    assert [view.viewer_user_id for view in views] == [
        people["owner"].id,
        people["staff_manager"].id,
        people["employee"].id,
        people["owner"].id,
    ]
    assert {view.media_key for view in views} == {key}
    assert all(view.viewed_at == clock.now() for view in views)
