"""Contracts in chat, in Russian and English, through the real Dispatcher: the owner's
template wizard and its versions (text, a .md file, unknown fields), a contract for an
employee from the staff card with its PDF preview, and the employee's signature with the
agreement and a one-time code (wrong, expired, then right); both sides get the signed PDF."""

import io
import re
from datetime import timedelta

import pytest
from aiogram import Bot
from pypdf import PdfReader
from sqlalchemy import func, select

from services.contracts.templates import create_template
from services.platform.clock import ManualClock
from services.platform.db.models import ContractSignature, ContractTemplate, Organization, User
from services.platform.i18n import translator_for
from services.staff.permissions import actor_in
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.staff import add_member, organization_with_objects

OWNER_TG, IVAN_TG = 7300, 7301
LANGUAGES = ["ru", "en"]
# A few texts as a person reads them, so both catalogues are checked word for word.
WORDS = {
    "ru": {
        "unknown": "В тексте есть неизвестные поля: {employee.passport}",
        "scope": "Трудовой договор по Трудовому кодексу так подписать нельзя",
        "wrong": "Код не подходит",
        "expired": "Код устарел",
        "signed": "подписан",
        "page": "ID сообщения с кодом",
        "sent": "отправлен на подпись",
        "changed": "новая дата окончания: 30.06.2026",
    },
    "en": {
        "unknown": "The text has unknown fields: {employee.passport}",
        "scope": "An employment contract under the Labour Code cannot be signed this way",
        "wrong": "Wrong code",
        "expired": "The code has expired",
        "signed": "is signed",
        "page": "Code message id",
        "sent": "sent to sign",
        "changed": "new end date: 30.06.2026",
    },
}


async def _organization(session_factory, clock, language: str) -> tuple[int, int]:
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=OWNER_TG, name="Ромашка"
    )
    ivan = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=IVAN_TG,
        first_name="Иван",
        object_permissions={org.object_ids[0]: []},
    )
    async with session_factory() as session:
        for user in await session.scalars(select(User)):
            user.language = language
        # The organization's language is the one its documents are printed in.
        (await session.get(Organization, org.organization_id)).language = language
        await session.commit()
    return org.organization_id, ivan


def _last_text(telegram: FakeTelegramServer, chat_id: int) -> str:
    message = telegram.last_message(chat_id)
    assert message is not None
    return " ".join((message.get("text") or message.get("caption") or "").split())


async def _last_pdf(telegram: FakeTelegramServer, bot: Bot, chat_id: int) -> str:
    documents = [m for m in telegram.chat_messages(chat_id) if "document" in m]
    assert documents, f"no document sent to {chat_id}"
    data = await bot.download(documents[-1]["document"]["file_id"])
    assert data is not None
    reader = PdfReader(io.BytesIO(data.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("language", LANGUAGES)
async def test_owner_makes_a_template_and_changes_it_by_text_and_by_file(
    language: str,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    t = translator_for(language)
    await _organization(session_factory, clock, language)
    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    await owner.press(re.escape(t("menu-contract-templates")))
    assert t("contract-templates-none") in owner.text()
    assert WORDS[language]["scope"] in owner.text()

    await owner.press(re.escape(t("contract-template-new")))
    await owner.press(re.escape(t("contract-template-base-gpc-ru")))
    await owner.send("ГПХ бариста")
    assert t("contract-template-view").split("{")[0].strip()[:2] in owner.text()
    assert "ГПХ бариста" in owner.text() and "{employee.full_name}" in owner.text()

    await owner.press(re.escape(t("contract-template-edit")))
    await owner.send("# Договор\n{employee.full_name}, {employee.passport}")
    assert _last_text(telegram, OWNER_TG).startswith(WORDS[language]["unknown"])

    await owner.send("# Договор\n{employee.full_name} — {contract.rate}")
    assert t("contract-template-saved", version=2) in owner.text()

    await owner.press(re.escape(t("contract-template-edit")))
    file_id = telegram.add_file("# Акт\n\n{employee.full_name} ознакомлен(а).".encode())
    await owner.send_document(file_id, "акт.md")
    assert t("contract-template-saved", version=3) in owner.text()
    assert "ознакомлен(а)" in owner.text()

    await owner.press(re.escape(t("contract-template-edit")))
    await owner.send_document(telegram.add_file(b"%PDF-1.7"), "scan.pdf")
    assert _last_text(telegram, OWNER_TG) == t("error-template-file-unreadable")
    await owner.press(re.escape(t("common-back")))
    await owner.press(re.escape(t("common-back")))
    assert t("contract-template-label", name="ГПХ бариста", version=3) in owner.buttons()


@pytest.mark.parametrize("language", LANGUAGES)
async def test_contract_from_the_staff_card_is_signed_with_a_one_time_code(
    language: str,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    bot: Bot,
) -> None:
    t = translator_for(language)
    organization_id, _ = await _organization(session_factory, clock, language)
    async with session_factory() as session:
        owner_user = await session.scalar(select(User).where(User.telegram_id == OWNER_TG))
        actor = await actor_in(session, owner_user.id, organization_id)
        await create_template(session, actor, name="ГПХ бариста", start_from="gpc_ru")
        await session.commit()

    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    await owner.press(re.escape(t("menu-staff")))
    await owner.press(re.escape("Иван"))
    await owner.press(re.escape(t("staff-contracts")))
    assert t("contract-list-none") in owner.text()
    await owner.press(re.escape(t("contract-new")))
    await owner.press(re.escape("ГПХ бариста"))

    assert t("contract-ask-full_name") in owner.text()
    await owner.send("Иванов Иван Иванович")
    assert t("contract-ask-start") in owner.text()
    await owner.press(re.escape(t("contract-keep-value", value="02.03.2026")))
    await owner.send("31.02.2026")
    assert _last_text(telegram, OWNER_TG) == t("error-invalid-input-date-format")
    await owner.send("31.05.2026")
    assert t("contract-ask-rate") in owner.text()
    await owner.send("350")
    await owner.send("приготовление кофе")
    preview = await _last_pdf(telegram, bot, OWNER_TG)
    assert "Иванов Иван Иванович" in preview and "с 02.03.2026 по 31.05.2026" in preview
    assert WORDS[language]["sent"] not in owner.text()
    # The rate as the organization's language writes money.
    assert ("350,00 ₽" if language == "ru" else "₽350.00") in preview.replace("\xa0", " ")
    await owner.press(re.escape(t("contract-send")))
    assert t("contract-sent", number=1) in owner.text()
    await owner.press(re.escape(owner.buttons()[0]))
    assert WORDS[language]["sent"] in owner.text()
    await owner.press(re.escape(t("contract-change-end")))
    await owner.send("30.06.2026")
    assert t("contract-end-changed") in owner.text()
    assert WORDS[language]["changed"] in owner.text()

    ivan = make_user(IVAN_TG, language_code=language, first_name="Иван")
    await ivan.send("/start")
    await ivan.press(re.escape(t("menu-my-contracts")))
    await ivan.press(re.escape(ivan.buttons()[0]))
    assert "приготовление кофе" in await _last_pdf(telegram, bot, IVAN_TG)
    assert WORDS[language]["scope"] in ivan.text()
    await ivan.press(re.escape(t("contract-sign")))
    assert "{organization.name}" not in ivan.text() and "Ромашка" in ivan.text()
    await ivan.press(re.escape(t("contract-agreement-accept")))
    code = re.search(r"\d{6}", _last_text(telegram, IVAN_TG))
    assert code is not None
    assert t("contract-ask-code", number=1) in ivan.text()

    await ivan.send("000000" if code.group() != "000000" else "111111")
    assert _last_text(telegram, IVAN_TG).startswith(WORDS[language]["wrong"])
    clock.advance(timedelta(minutes=11))
    await ivan.send(code.group())
    assert _last_text(telegram, IVAN_TG).startswith(WORDS[language]["expired"])
    await ivan.press(re.escape(t("contract-new-code")))
    code = re.search(r"\d{6}", _last_text(telegram, IVAN_TG))
    assert code is not None
    await ivan.send(code.group())

    assert WORDS[language]["signed"] in ivan.text()
    signed = await _last_pdf(telegram, bot, IVAN_TG)
    assert WORDS[language]["page"] in signed and str(IVAN_TG) in signed
    assert WORDS[language]["page"] in await _last_pdf(telegram, bot, OWNER_TG)
    assert "Иван" in _last_text(telegram, OWNER_TG)

    # A second sign after the signature: no button, and no second signature.
    await ivan.press(re.escape(ivan.buttons()[0]))
    assert t("contract-sign") not in ivan.buttons()
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(ContractSignature)) == 1
        assert await session.scalar(select(func.count()).select_from(ContractTemplate)) == 2
