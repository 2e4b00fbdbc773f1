"""Employee documents in the bot, in Russian and in English: the owner requires a medical
book (offered) and a document of their own at one object; the employee uploads a photo
(a ZIP file and a bad date are refused with a clear message) with the expiry date; a
manager with `manage_staff` sees the file, rejects it with a reason, then accepts the
re-upload; the employee is told both times."""

import pytest
from sqlalchemy import select

from services.platform.clock import ManualClock
from services.platform.db.models import (
    DocumentView,
    EmployeeDocument,
    EmployeeDocumentStatus,
    Media,
    Membership,
    OutboxMessage,
    User,
)
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.documents import documents_world

LANGUAGES = ["ru", "en"]
OWNER_TG, IVAN_TG, MARIA_TG = 8000, 8001, 8002


def _button(buttons: list[str], part: str) -> str:
    matching = [button for button in buttons if part in button]
    assert len(matching) == 1, (part, buttons)
    return matching[0]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_owner_requires_employee_uploads_manager_rejects_then_accepts(
    language: str,
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    t = translator_for(language)
    world = await documents_world(session_factory, clock)
    async with session_factory() as session:
        for user in await session.scalars(select(User)):
            user.language = language
        await session.commit()
    book = t.get("documents-default-medical-book")

    owner = make_user(OWNER_TG, language_code=language, first_name="Olga")
    await owner.send("/start")
    await owner.press(t.get("menu-document-kinds"))
    assert t.get("documents-kinds-none") in owner.text()
    await owner.press(t.get("documents-add-preset", title=book))
    assert t.get("documents-kind-added", title=book) in owner.text()
    assert t.get("documents-add-preset", title=book) not in owner.buttons()
    await owner.press(t.get("documents-add-other"))
    await owner.send("Справка")
    await owner.press(t.get("documents-without-expiry"))
    await owner.press("Справка")
    await owner.press("▫️ Склад")
    assert "✅ Склад" in owner.buttons()
    await owner.press(t.get("common-back"))
    assert "Справка — Склад" in owner.text()

    ivan = make_user(IVAN_TG, language_code=language, first_name="Иван")
    await ivan.send("/start")
    await ivan.press(t.get("menu-my-documents"))
    assert len(ivan.buttons()) == 3  # both documents and "back": Ivan works at both objects
    await ivan.press(_button(ivan.buttons(), book))
    await ivan.send_document("zip-1", "scan.zip")
    await telegram.wait_for_message(ivan.user.id, text_contains=t.get("error-document-file-type"))
    await ivan.send_photo()
    assert t.get("documents-upload", count=1, max_items=5).splitlines()[-1] in ivan.text()
    await ivan.press(t.get("documents-upload-done"))
    assert t.get("documents-ask-expiry-date") in ivan.text()
    await ivan.send("завтра")
    await telegram.wait_for_message(
        ivan.user.id, text_contains=t.get("error-invalid-input-date-format")
    )
    await ivan.send("31.12.2027")
    assert t.get("documents-sent", title=book) in ivan.text()
    assert "🕓" in _button(ivan.buttons(), book)

    maria = make_user(MARIA_TG, language_code=language, first_name="Мария")
    await maria.send("/start")
    await maria.press(t.get("menu-documents-to-check"))
    await maria.press(_button(maria.buttons(), book))
    assert "31.12.2027" in maria.text()
    assert telegram.calls_of("sendPhoto")[-1].params["chat_id"] == maria.user.id
    await maria.press(t.get("documents-reject"))
    await maria.send("Не видно печати")
    assert t.get("documents-rejected") in maria.text()
    assert t.get("documents-check-none") in maria.text()

    async with session_factory() as session:
        told = list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "document_reviewed")
            )
        )
        membership = await session.get(Membership, world.ivan)
        assert membership is not None
    assert [(m.recipient_user_id, m.payload["reason"]) for m in told] == [
        (membership.user_id, "Не видно печати")
    ]

    await ivan.send("/start")
    await ivan.press(t.get("menu-my-documents"))
    assert "Не видно печати" in ivan.text()
    await ivan.press(_button(ivan.buttons(), book))
    await ivan.send_photo()
    await ivan.press(t.get("documents-upload-done"))
    await ivan.send("31.12.2027")

    await maria.send("/start")
    await maria.press(t.get("menu-documents-to-check"))
    await maria.press(_button(maria.buttons(), book))
    await maria.press(t.get("documents-approve"))
    assert t.get("documents-approved") in maria.text()

    await ivan.send("/start")
    await ivan.press(t.get("menu-my-documents"))
    assert "✅" in _button(ivan.buttons(), book) and "31.12.2027" in _button(ivan.buttons(), book)
    # The staff card lists the employee's uploads, whatever their status.
    await owner.send("/start")
    await owner.press(t.get("menu-staff"))
    await owner.press(_button(owner.buttons(), "Иван"))
    await owner.press(t.get("staff-documents"))
    assert t.get("documents-member-title").splitlines()[0] in owner.text()
    assert [b for b in owner.buttons() if book in b] == [f"✅ Иван · {book}", f"❌ Иван · {book}"]

    async with session_factory() as session:
        statuses = list(
            await session.scalars(select(EmployeeDocument.status).order_by(EmployeeDocument.id))
        )
        files = list(await session.scalars(select(Media.provider)))
        views = list(await session.scalars(select(DocumentView.viewer_user_id)))
        maria_membership = await session.get(Membership, world.maria)
        assert maria_membership is not None
    assert statuses == [EmployeeDocumentStatus.REJECTED, EmployeeDocumentStatus.APPROVED]
    assert files == ["telegram", "telegram"]
    assert views == [maria_membership.user_id] * 2  # each file Maria was sent is logged
