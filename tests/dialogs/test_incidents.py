"""Incidents and requests through the real Dispatcher, in Russian and English: the owner
records an incident in chat; the employee opens it from the notification's link and
accepts it, or disputes it with a comment and a photo, and the owner decides; the owner
lists a product and an employee claims an expense with a receipt, which the owner
approves. Each money step is checked in the ledger; wrong input gets its hint."""

import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.platform.db.models import (
    Incident,
    IncidentStatus,
    LedgerEntry,
    LedgerEntryType,
    OutboxMessage,
)
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.payroll import add_object, add_person, make_payroll_world

OWNER_TG, ANNA_TG = 8301, 8302

TEXTS = {
    "ru": {
        "incidents": "⚠️ Инциденты",
        "requests": "🧾 Заявки",
        "record": "➕ Записать инцидент",
        "damage": "Порча",
        "next": "➡️ Дальше",
        "save": "✅ Записать",
        "accept": "✅ Признаю",
        "dispute": "✋ Оспорить",
        "send_dispute": "📨 Отправить возражение",
        "cancel": "↩️ Отменить удержание",
        "settings": "⚙️ Виды, товары и предел удержаний",
        "add_product": "➕ Товар",
        "new_request": "➕ Новая заявка",
        "expense": "🛒 Вернуть расходы (с чеком)",
        "to_receipt": "➡️ Дальше: чек",
        "send": "📨 Отправить",
        "approve": "✅ Одобрить",
        "card": "Инцидент №",
        "status_awaiting": "ждёт ответа",
        "status_disputed": "оспорен",
        "status_cancelled": "отменён",
        "status_accepted": "признан",
        "money_hint": "Напишите сумму в ₽",
        "count_hint": "Напишите целое число от 1 до 1 000",
        "approved": "одобрена",
        "my_pay": "💰 Мой заработок",
        "why": "❓ Почему такая сумма?",
        "case_button": "⚠️ Инцидент №{}",
        "line": "инцидент #{} Разбит кофейник → -1 500,00 ₽",
        "total": "2 × 1 200,00 ₽ = 2 400,00 ₽",
    },
    "en": {
        "incidents": "⚠️ Incidents",
        "requests": "🧾 Requests",
        "record": "➕ Record an incident",
        "damage": "Damage",
        "next": "➡️ Next",
        "save": "✅ Record",
        "accept": "✅ I accept",
        "dispute": "✋ Dispute",
        "send_dispute": "📨 Send the objection",
        "cancel": "↩️ Cancel the deduction",
        "settings": "⚙️ Kinds, products and the cap",
        "add_product": "➕ Product",
        "new_request": "➕ New request",
        "expense": "🛒 Expenses back (with a receipt)",
        "to_receipt": "➡️ Next: the receipt",
        "send": "📨 Send",
        "approve": "✅ Approve",
        "card": "Incident #",
        "status_awaiting": "waiting for an answer",
        "status_disputed": "disputed",
        "status_cancelled": "cancelled",
        "status_accepted": "accepted",
        "money_hint": "Type an amount in ₽",
        "count_hint": "Type a whole number from 1 to 1,000",
        "approved": "approved",
        "my_pay": "💰 My pay",
        "why": "❓ Why this amount?",
        "case_button": "⚠️ Incident #{}",
        "line": "incident #{} Разбит кофейник → -₽1,500.00",
        "total": "2 × ₽1,200.00 = ₽2,400.00",
    },
}

LANGUAGES = pytest.mark.parametrize("language", ["ru", "en"])


async def tap(user, text: str) -> None:
    await user.press(re.escape(text))


async def _world(session_factory, language: str):
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(
            session, owner_telegram_id=OWNER_TG, owner_language=language
        )
        mira = await add_object(session, world, "Мира")
        anna = await add_person(
            session, world, "Anna", [mira], telegram_id=ANNA_TG, language=language
        )
    return world, anna[0]


async def _incident_lines(session_factory, user_id: int) -> list[Decimal]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(LedgerEntry.amount)
                .where(
                    LedgerEntry.user_id == user_id,
                    LedgerEntry.type == LedgerEntryType.INCIDENT_DEDUCTION,
                )
                .order_by(LedgerEntry.id)
            )
        )


def _refusal(telegram: FakeTelegramServer, chat_id: int) -> str:
    message = telegram.last_message(chat_id)
    assert message is not None
    return str(message["text"]).replace("\xa0", " ").replace("\u202f", " ")


async def _record_in_chat(owner, texts, telegram: FakeTelegramServer) -> None:
    """The owner's path: 7 taps and 2 typed answers with one location (no object to
    choose); a wrong amount is answered with the hint and nothing is lost."""
    await owner.send("/start")
    await tap(owner, texts["incidents"])
    await tap(owner, texts["record"])
    await tap(owner, "Anna")
    await tap(owner, texts["damage"])
    await owner.send("Разбит кофейник")
    await owner.send_photo()
    await tap(owner, texts["next"])
    await owner.send("полторы тысячи")
    assert _refusal(telegram, OWNER_TG).startswith(texts["money_hint"])
    await owner.send("1500")
    assert "Разбит кофейник" in owner.text()
    await tap(owner, texts["save"])
    assert texts["card"] in owner.text()
    assert texts["status_awaiting"] in owner.text()


async def _incident(session_factory) -> Incident:
    async with session_factory() as session:
        incident = await session.scalar(select(Incident).order_by(Incident.id.desc()))
        assert incident is not None
        return incident


@LANGUAGES
async def test_the_owner_records_and_the_employee_accepts_from_the_link(
    make_user: UserFactory, session_factory, telegram: FakeTelegramServer, language: str
) -> None:
    texts = TEXTS[language]
    _, anna_user = await _world(session_factory, language)
    owner = make_user(OWNER_TG, language_code=language, first_name="Olga")
    await _record_in_chat(owner, texts, telegram)
    incident = await _incident(session_factory)
    assert incident.amount == Decimal("1500.00") and len(incident.photo_file_ids) == 1
    async with session_factory() as session:
        told = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.recipient_user_id == anna_user.id)
        )
        assert told is not None and told.kind == "incident_recorded"
        (button,) = told.payload["buttons"]
        assert button["start_payload"] == f"case_inc_{incident.id}"

    anna = make_user(ANNA_TG, language_code=language)
    await anna.send(f"/start case_inc_{incident.id}")
    assert "Разбит кофейник" in anna.text()
    assert texts["accept"] in anna.buttons() and texts["dispute"] in anna.buttons()
    await tap(anna, texts["accept"])
    assert texts["status_accepted"] in anna.text()
    assert texts["accept"] not in anna.buttons()
    assert await _incident_lines(session_factory, anna_user.id) == [Decimal("-1500.00")]

    await anna.send("/start")
    await tap(anna, texts["my_pay"])
    await tap(anna, texts["why"])
    explained = anna.text().replace("\xa0", " ").replace("\u202f", " ")
    assert texts["line"].format(incident.id) in explained
    await tap(anna, texts["case_button"].format(incident.id))
    assert "Разбит кофейник" in anna.text() and texts["status_accepted"] in anna.text()


@LANGUAGES
async def test_a_dispute_with_a_photo_is_decided_by_the_owner(
    make_user: UserFactory, session_factory, telegram: FakeTelegramServer, language: str
) -> None:
    texts = TEXTS[language]
    _, anna_user = await _world(session_factory, language)
    owner = make_user(OWNER_TG, language_code=language, first_name="Olga")
    await _record_in_chat(owner, texts, telegram)
    incident = await _incident(session_factory)

    anna = make_user(ANNA_TG, language_code=language)
    await anna.send(f"/start case_inc_{incident.id}")
    await tap(anna, texts["dispute"])
    await anna.send("Кофейник был треснут с утра")
    await anna.send_photo()
    await tap(anna, texts["send_dispute"])
    assert texts["status_disputed"] in anna.text()
    assert "Кофейник был треснут с утра" in anna.text()
    assert await _incident_lines(session_factory, anna_user.id) == []

    await owner.send(f"/start case_inc_{incident.id}")
    await tap(owner, texts["cancel"])
    await owner.send("Проверили по камере, ты права")
    assert texts["status_cancelled"] in owner.text()
    assert "Проверили по камере" in owner.text()
    assert texts["cancel"] not in owner.buttons()
    async with session_factory() as session:
        decided = await session.get(Incident, incident.id)
        assert decided.status == IncidentStatus.CANCELLED
        assert len(decided.dispute_photo_file_ids) == 1
        kinds = list(
            await session.scalars(
                select(OutboxMessage.kind)
                .where(OutboxMessage.recipient_user_id == anna_user.id)
                .order_by(OutboxMessage.id)
            )
        )
        assert kinds == ["incident_recorded", "incident_decided"]
    assert await _incident_lines(session_factory, anna_user.id) == []


@LANGUAGES
async def test_an_expense_with_a_receipt_is_approved_and_paid_back(
    make_user: UserFactory, session_factory, telegram: FakeTelegramServer, language: str
) -> None:
    texts = TEXTS[language]
    _, anna_user = await _world(session_factory, language)
    owner = make_user(OWNER_TG, language_code=language, first_name="Olga")
    await owner.send("/start")
    await tap(owner, texts["incidents"])
    await tap(owner, texts["settings"])
    await tap(owner, texts["add_product"])
    await owner.send("Кофе 1 кг — 1200")
    assert "Кофе 1 кг" in owner.text()

    anna = make_user(ANNA_TG, language_code=language)
    await anna.send("/start")
    await tap(anna, texts["requests"])
    await tap(anna, texts["new_request"])
    await tap(anna, texts["expense"])
    product = next(b for b in anna.buttons() if b.startswith("Кофе 1 кг"))
    await tap(anna, product)
    await anna.send("0")
    assert _refusal(telegram, ANNA_TG).startswith(texts["count_hint"])
    await anna.send("2")
    assert texts["total"] in anna.text().replace("\xa0", " ").replace("\u202f", " ")
    await tap(anna, texts["to_receipt"])
    await anna.send_photo()
    await tap(anna, texts["send"])
    async with session_factory() as session:
        told = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "request_filed")
        )
        assert told is not None
        payload = told.payload["buttons"][0]["start_payload"]

    await owner.send(f"/start {payload}")
    await tap(owner, texts["approve"])
    assert texts["approved"] in owner.text()
    async with session_factory() as session:
        paid = list(
            await session.scalars(
                select(LedgerEntry.amount).where(
                    LedgerEntry.user_id == anna_user.id,
                    LedgerEntry.type == LedgerEntryType.EXPENSE_COMPENSATION,
                )
            )
        )
    assert paid == [Decimal("2400.00")]
