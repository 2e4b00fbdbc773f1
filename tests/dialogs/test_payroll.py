"""Payroll through the real Dispatcher: the owner's periods and payslips, the explain
view, a manual bonus, a payout, corrections (under the rules frozen at clock-in, and of
an auto-closed shift straight from its notification), the Excel document (sent to the
fake Telegram server and opened with openpyxl), a manager's limited view and the
employee's own pay. The clock
stands at Monday 2 March 2026, 12:00 in Moscow; weekly periods."""

import io
import re
from datetime import date, timedelta
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import select

from dialogs.payroll.getters import explain_args
from services.attendance.clock_in import ShiftChoice, open_shift
from services.attendance.clock_out import auto_close_overdue_shifts
from services.payroll.closing import close_pay_period
from services.payroll.ledger import record_shift_entries, record_task_entries
from services.payroll.payslips import PayslipLine, PayslipTotals, PayslipView, payslip
from services.payroll.periods import current_period, payroll_settings, period_for_date
from services.places.geo import LocationReport
from services.places.objects import ObjectField, set_object_field
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    MembershipRole,
    OutboxMessage,
    PayPeriod,
    PayPeriodStatus,
    Permission,
    User,
)
from services.platform.i18n import translator_for
from services.ratings.rules import rating_buttons
from tests.dialogs.conftest import UserFactory
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    add_task,
    local,
    make_payroll_world,
)
from tests.support.shifts import CAFE, make_shift_world
from tests.support.shifts import MANAGER_TG as SHIFT_MANAGER_TG
from tests.support.shifts import OWNER_TG as SHIFT_OWNER_TG

OWNER_TG, ANNA_TG, MANAGER_TG, VIEWER_TG = 8101, 8102, 8103, 8104
MON = date(2026, 3, 2)


async def tap(user, text: str) -> None:
    """Press a button by its exact text (the locator takes a regex: "?" and "(" are plain
    characters here)."""
    await user.press(re.escape(text))


def plain(text: str) -> str:
    """Money as babel writes it uses no-break spaces; compare with plain ones."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


async def _world(session_factory):
    """Olga owns "Мира"; Anna worked Monday 07:00–11:00 (planned 06:45: 15 min late, 10
    over the grace, 100 ₽ fine) at 300 ₽/h: 240 min → 1200.00, and did a 150 ₽ task."""
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, owner_telegram_id=OWNER_TG)
        mira = await add_object(session, world, "Мира", rate="300", grace=5, fine_per_minute="10")
        anna = await add_person(session, world, "Anna", [mira], telegram_id=ANNA_TG)
        shift = await add_finished_shift(
            session,
            anna,
            mira,
            local(MON, 7, 0),
            local(MON, 11, 0),
            planned_start=local(MON, 6, 45),
        )
        await add_task(session, shift, "Витрина", done=True, bonus="150")
        await record_shift_entries(session, shift)
        await record_task_entries(session, shift)
        await add_person(
            session,
            world,
            "Max",
            [mira],
            role=MembershipRole.MANAGER,
            permissions=[Permission.VIEW.value, Permission.VIEW_MONEY.value],
            telegram_id=VIEWER_TG,
        )
    return world, anna[0]


async def _open_anna_payslip(owner) -> None:
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    period = next(b for b in owner.buttons() if "открыт" in b)
    await tap(owner, period)
    anna = next(b for b in owner.buttons() if b.startswith("Anna"))
    await tap(owner, anna)


async def test_owner_sees_periods_payslips_and_the_explanation(
    make_user: UserFactory, session_factory
) -> None:
    await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    assert "Выберите период" in owner.text()
    assert "02.03.2026 – 08.03.2026 · 🟢 открыт" in owner.buttons()
    await tap(owner, "02.03.2026 – 08.03.2026 · 🟢 открыт")
    assert "Сотрудников: 1" in owner.text()
    assert "Anna: 1 250,00 ₽ (остаток 1 250,00 ₽)" in plain(" ".join(owner.buttons()))
    anna = next(b for b in owner.buttons() if b.startswith("Anna"))
    await tap(owner, anna)
    payslip = plain(owner.text())
    assert "Часы: 4" in payslip
    assert "Начислено за смены: 1 200,00 ₽" in payslip
    assert "Штрафы и удержания: -100,00 ₽" in payslip
    assert "Премии и бонусы: +150,00 ₽" in payslip
    assert "Итого начислено: 1 250,00 ₽" in payslip
    assert "Остаток к выплате: 1 250,00 ₽" in payslip
    assert {"❓ Почему такая сумма?", "➕ Премия", "➖ Удержание", "💸 Выплатить"} <= set(
        owner.buttons()
    )
    await tap(owner, "❓ Почему такая сумма?")
    explained = plain(owner.text())
    assert "пн, 2 мар. · Мира, 07:00–11:00: 240 мин × 300,00 ₽/ч = +1 200,00 ₽" in explained
    # (15 − 5) × 10,00 = 100,00: the grace and the rate, to redo it by hand.
    assert (
        "пн, 2 мар. · Мира: опоздание 15 мин − 5 мин льготы = 10 мин × 10,00 ₽/мин = -100,00 ₽"
        in explained
    )
    assert "задача «Витрина» выполнена → +150,00 ₽" in explained
    assert "целыми минутами" in explained
    assert "итого <b>1 250,00 ₽</b>" in explained


async def test_owner_adds_a_bonus_with_a_reason_and_the_employee_is_told(
    make_user: UserFactory, session_factory, telegram
) -> None:
    _, anna = await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await _open_anna_payslip(owner)
    await tap(owner, "➕ Премия")
    assert "Премия для Anna" in owner.text()
    await owner.send("много")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and refusal["text"].startswith("Напишите сумму в ₽")
    await owner.send("500")
    assert "причину" in owner.text()
    await owner.send("За чистоту в зале")
    assert "✅ Записано: 500,00 ₽" in plain(owner.text())
    assert "Премии и бонусы: +650,00 ₽" in plain(owner.text())
    async with session_factory() as session:
        bonus = await session.scalar(
            select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.MANUAL_BONUS)
        )
        assert bonus is not None
        assert (bonus.amount, bonus.reason, bonus.user_id) == (
            Decimal("500.00"),
            "За чистоту в зале",
            anna.id,
        )
        told = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "payroll_adjustment")
        )
        assert told is not None and told.recipient_user_id == anna.id


async def test_owner_records_a_cash_payout_of_the_balance(
    make_user: UserFactory, session_factory
) -> None:
    _, anna = await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await _open_anna_payslip(owner)
    await tap(owner, "💸 Выплатить")
    assert "остаток 1 250,00 ₽" in plain(owner.text())
    await tap(owner, "💵 Наличные")
    whole = next(b for b in owner.buttons() if b.startswith("Весь остаток"))
    assert plain(whole) == "Весь остаток: 1 250,00 ₽"
    await tap(owner, whole)
    assert "✅ Выплата 1 250,00 ₽ записана." in plain(owner.text())
    assert "Остаток к выплате: 0,00 ₽" in plain(owner.text())
    assert "💸 Выплатить" not in owner.buttons()
    async with session_factory() as session:
        payout = await session.scalar(
            select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.PAYOUT)
        )
        assert payout is not None
        assert (payout.amount, payout.payout_method) == (Decimal("-1250.00"), "cash")
        told = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "payroll_payout")
        )
        assert told is not None and told.recipient_user_id == anna.id


async def test_owner_records_a_partial_card_payout_and_over_balance_is_refused(
    make_user: UserFactory, session_factory, telegram
) -> None:
    _, anna = await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await _open_anna_payslip(owner)
    await tap(owner, "💸 Выплатить")
    await tap(owner, "💳 На карту")
    assert "Выплата для Anna (💳 На карту), остаток 1 250,00 ₽" in plain(owner.text())
    await owner.send("2000")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None
    assert "Больше остатка выплатить нельзя: остаток 1 250,00 ₽" in plain(refusal["text"])
    await owner.send("500,50")
    payslip = plain(owner.text())
    assert "✅ Выплата 500,50 ₽ записана." in payslip
    assert "Выплачено: 500,50 ₽" in payslip
    assert "Остаток к выплате: 749,50 ₽" in payslip
    assert "💸 Выплатить" in owner.buttons()
    async with session_factory() as session:
        [payout] = await session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.PAYOUT)
        )
        assert (payout.amount, payout.payout_method) == (Decimal("-500.50"), "card")
        [told] = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "payroll_payout")
        )
        assert told.recipient_user_id == anna.id
        assert (told.payload["amount"], told.payload["method"]) == ({"money": "500.50"}, "card")


async def test_owner_corrects_a_shift_and_the_payslip_follows(
    make_user: UserFactory, session_factory, telegram
) -> None:
    """Anna really came at 06:45 (on time) and left at 11:30: 285 min × 300 ₽/h =
    1 425,00 ₽, no late fine; with the 150 ₽ task the net is 1 575,00 ₽."""
    _, anna = await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await _open_anna_payslip(owner)
    await tap(owner, "✏️ Исправить время смены")
    assert "Какую смену Anna исправить?" in owner.text()
    await tap(owner, "пн, 2 мар. · Мира · 07:00–11:00")
    assert "240 мин, 1 200,00 ₽" in plain(owner.text())
    await owner.send("7 утра")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and "Не понял часы" in refusal["text"]
    await owner.send("11:00-13:00")  # ends after now (12:00)
    await tap(owner, "✅ Да, исправить")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and "Время не может быть в будущем" in refusal["text"]
    assert "Напишите верное время" in owner.text()
    await owner.send("06:45–11:30 пришла вовремя, забыла отметиться")
    assert "на 06:45–11:30?" in owner.text()
    await tap(owner, "✅ Да, исправить")
    payslip = plain(owner.text())
    assert "✅ Время смены исправлено: 285 мин, 1 425,00 ₽." in payslip
    assert "Начислено за смены: 1 425,00 ₽" in payslip
    assert "Штрафы и удержания: 0,00 ₽" in payslip
    assert "Итого начислено: 1 575,00 ₽" in payslip
    await tap(owner, "❓ Почему такая сумма?")
    explained = plain(owner.text())
    assert (
        "↩️ исправление: 🕘 пн, 2 мар. · Мира, 07:00–11:00: 240 мин × 300,00 ₽/ч = -1 200,00 ₽"
        in explained
    )
    assert (
        "пн, 2 мар. · Мира, 06:45–11:30: 285 мин × 300,00 ₽/ч = +1 425,00 ₽"
        " · исправил(а) Olga: пришла вовремя, забыла отметиться" in explained
    )
    assert (
        "↩️ исправление: ⏰ пн, 2 мар. · Мира: опоздание 15 мин − 5 мин льготы = 10 мин"
        " × 10,00 ₽/мин = +100,00 ₽" in explained
    )
    async with session_factory() as session:
        amounts = list(
            await session.scalars(
                select(LedgerEntry.amount)
                .where(LedgerEntry.type == LedgerEntryType.SHIFT_PAY)
                .order_by(LedgerEntry.id)
            )
        )
        assert amounts == [Decimal("1200.00"), Decimal("-1200.00"), Decimal("1425.00")]
        [told] = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "payroll_shift_corrected")
        )
        assert told.recipient_user_id == anna.id
        assert (told.payload["worked_minutes"], told.payload["pay"]) == (285, {"money": "1425.00"})


async def test_a_correction_keeps_the_lateness_rules_anna_clocked_in_under(
    make_user: UserFactory, session_factory
) -> None:
    """Anna clocked in under 5 min of grace and 10 ₽ a minute; the owner has made "Мира"
    stricter since (no grace, 50 ₽ a minute). Corrected to 07:05, she is 20 min late:
    (20 − 5) × 10 = 150 ₽ under her rules, not 20 × 50 = 1 000 ₽ under today's."""
    world, _ = await _world(session_factory)
    async with session_factory() as session, session.begin():
        owner_user = await session.get(User, world.owner.id)
        assert owner_user is not None
        mira = world.objects[0].id
        await set_object_field(session, owner_user, mira, ObjectField.LATE_GRACE, "0")
        await set_object_field(session, owner_user, mira, ObjectField.LATE_FINE, "50")
    owner = make_user(OWNER_TG, first_name="Olga")
    await _open_anna_payslip(owner)
    await tap(owner, "✏️ Исправить время смены")
    await tap(owner, "пн, 2 мар. · Мира · 07:00–11:00")
    await owner.send("07:05-11:00")
    await tap(owner, "✅ Да, исправить")
    assert "Штрафы и удержания: -150,00 ₽" in plain(owner.text())
    await tap(owner, "❓ Почему такая сумма?")
    assert (
        "пн, 2 мар. · Мира: опоздание 20 мин − 5 мин льготы = 15 мин × 10,00 ₽/мин = -150,00 ₽"
        in plain(owner.text())
    )


async def test_an_auto_closed_shift_needs_review_and_its_notification_opens_the_correction(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    """Anna opened an unscheduled shift at 12:00 at a café without opening hours and
    never closed it: it is closed 12 hours later (the object's maximum), paid 720 min and
    marked for review on the payslip. The owner's notification button opens the
    correction of that very shift: she types the real hours and confirms."""
    world = await make_shift_world(
        session_factory, allow_spontaneous_shifts=True, opening_hours={}, report_chat_id=None
    )
    async with session_factory() as session, session.begin():
        await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(object_id=world.work_object.id),
            report=LocationReport(*CAFE, sent_at=clock.now()),
        )
    clock.advance(timedelta(hours=12, minutes=31))
    async with session_factory() as session, session.begin():
        [shift_id] = await auto_close_overdue_shifts(session, clock)
        told = await session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.kind == "shift_auto_closed",
                OutboxMessage.recipient_user_id == world.owner.id,
            )
        )
    assert told is not None
    text = translator_for("ru").get("notify-shift_auto_closed", **told.payload)
    assert "Отработано 720 мин" in text and "нужна проверка" in text
    button, rate = told.payload["buttons"]
    assert button == {"text_key": "notify-button-correct-shift", "start_payload": f"fix_{shift_id}"}
    assert rate == rating_buttons(shift_id)

    owner = make_user(SHIFT_OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    await tap(owner, "01.03.2026 – 31.03.2026 · 🟢 открыт")
    await tap(owner, next(b for b in owner.buttons() if b.startswith("Anna")))
    await tap(owner, "❓ Почему такая сумма?")
    assert (
        "пн, 2 мар. · Кофейня, 12:00–00:00: 720 мин × 300,00 ₽/ч = +3 600,00 ₽"
        " ⚠️ закрыта автоматически, нужна проверка" in plain(owner.text())
    )

    await owner.send(f"/start {button['start_payload']}")  # the notification's button
    assert "пн, 2 мар. · Кофейня · 12:00–00:00 ⚠️: 720 мин, 3 600,00 ₽" in plain(owner.text())
    await owner.send("12:00-20:00")
    await tap(owner, "✅ Да, исправить")
    payslip = plain(owner.text())
    assert "✅ Время смены исправлено: 480 мин, 2 400,00 ₽." in payslip
    await tap(owner, "❓ Почему такая сумма?")
    explained = plain(owner.text())
    assert (
        "Кофейня, 12:00–20:00: 480 мин × 300,00 ₽/ч = +2 400,00 ₽"
        " · закрыта автоматически · исправил(а) Olga" in explained
    )
    assert "нужна проверка" not in explained

    # Max only plans there: the link is not his to use.
    max_ = make_user(SHIFT_MANAGER_TG, first_name="Max")
    await max_.send(f"/start fix_{shift_id}")
    refusal = telegram.last_message(SHIFT_MANAGER_TG)
    assert refusal is not None and "У вас нет прав на это действие." in refusal["text"]


async def test_owner_changes_the_period_kind_from_the_next_period(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    """Weekly periods become monthly ones paid 5 days after the end: the current week
    keeps its dates, pay day and entries; March's rest is the first monthly period."""
    world, anna = await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    await tap(owner, "⚙️ Периоды и день выплаты")
    text = plain(owner.text())
    assert "Сейчас: Неделя, выплата через 2 дн. после конца периода." in text
    assert "Текущий период 02.03.2026 – 08.03.2026 (выплата 10.03.2026) не изменится." in text
    assert "начнут действовать с 09.03.2026" in text
    await tap(owner, "Месяц")
    assert "Период: Месяц." in owner.text()
    await owner.send("40")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and "Напишите целое число дней от 0 до 31" in refusal["text"]
    await owner.send("5")
    assert (
        "✅ Сохранено: Месяц, выплата через 5 дн. после конца периода — с 09.03.2026."
        in owner.text()
    )
    assert "Выберите период" in owner.text()
    async with session_factory() as session, session.begin():
        settings = await payroll_settings(session, world.organization.id)
        assert (settings.period_kind, settings.pay_day_offset_days) == ("monthly", 5)
        current = await current_period(session, clock, world.organization.id)
        assert (current.start_date, current.end_date, current.pay_day) == (
            MON,
            date(2026, 3, 8),
            date(2026, 3, 10),
        )
        kept = await payslip(
            session, user_id=world.owner.id, period_id=current.id, employee_user_id=anna.id
        )
        assert (kept.totals.net, len(kept.lines)) == (Decimal("1250.00"), 3)
        following = await period_for_date(session, world.organization.id, date(2026, 3, 9))
        assert (following.start_date, following.end_date, following.pay_day) == (
            date(2026, 3, 9),
            date(2026, 3, 31),
            date(2026, 4, 5),
        )


async def test_excel_export_is_sent_as_a_document(
    make_user: UserFactory, session_factory, telegram, bot
) -> None:
    await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    await tap(owner, "02.03.2026 – 08.03.2026 · 🟢 открыт")
    await tap(owner, "📊 Выгрузить в Excel")
    actions = telegram.calls_of("sendChatAction")
    assert any(call.params.get("action") == "upload_document" for call in actions)
    [sent] = telegram.calls_of("sendDocument")
    document = sent.result["document"]
    assert document["file_name"] == "payroll_2026-03-02_2026-03-08.xlsx"
    content = await bot.download(document["file_id"])
    assert content is not None
    workbook = load_workbook(io.BytesIO(content.read()))
    summary, detail = workbook["Сводка"], workbook["Все начисления"]
    rows = list(summary.iter_rows(values_only=True))
    assert rows[0] == (
        "Сотрудник",
        "Часы",
        "Начислено за смены",
        "Штрафы и удержания",
        "Премии и бонусы",
        "Итого",
        "Выплачено",
        "Остаток",
    )
    assert [float(value) for value in rows[1][1:]] == [4, 1200, 100, 150, 1250, 0, 1250]
    assert workbook.sheetnames == ["Сводка", "Все начисления", "Мира"]
    assert summary.freeze_panes == "A2" and detail.freeze_panes == "A2"
    assert summary["C2"].number_format == '#,##0.00 "₽"'
    assert summary.column_dimensions["C"].width >= len("Начислено за смены")
    # Мира: the shift (+1 200), the late fine (−100) and the task (+150) = 1 250.
    mira = list(workbook["Мира"].iter_rows(values_only=True))
    assert mira[-1][0] == "Всего" and float(mira[-1][5]) == 1250
    assert workbook["Мира"]["F2"].number_format == '#,##0.00 "₽"'
    assert rows[1][0] == "Anna"
    assert rows[2][0] == "Всего" and [float(value) for value in rows[2][1:]] == [
        4,
        1200,
        100,
        150,
        1250,
        0,
        1250,
    ]
    assert summary.freeze_panes == detail.freeze_panes == "A2"
    entries = list(detail.iter_rows(min_row=2, values_only=True))
    assert sorted((row[2], float(row[6])) for row in entries) == [
        ("Бонус за задачу", 150.0),
        ("Оплата смены", 1200.0),
        ("Штраф за опоздание", -100.0),
    ]


async def test_manager_with_view_money_sees_but_cannot_change(
    make_user: UserFactory, session_factory
) -> None:
    await _world(session_factory)
    manager = make_user(VIEWER_TG, first_name="Max")
    await _open_anna_payslip(manager)
    assert "Итого начислено: 1 250,00 ₽" in plain(manager.text())
    assert "❓ Почему такая сумма?" in manager.buttons()
    assert not {"➕ Премия", "➖ Удержание", "💸 Выплатить"} & set(manager.buttons())


async def test_employee_sees_only_their_own_pay_and_why(
    make_user: UserFactory, session_factory
) -> None:
    await _world(session_factory)
    anna = make_user(ANNA_TG, first_name="Anna")
    await anna.send("/start")
    assert "💰 Зарплата" not in anna.buttons()
    await tap(anna, "💰 Мой заработок")
    payslip = plain(anna.text())
    assert "Anna" in payslip and "Итого начислено: 1 250,00 ₽" in payslip
    await tap(anna, "❓ Почему такая сумма?")
    assert "опоздание 15 мин − 5 мин льготы = 10 мин × 10,00 ₽/мин = -100,00 ₽" in plain(
        anna.text()
    )
    await tap(anna, "⬅️ Назад")
    await tap(anna, "📅 Другие периоды")
    assert "02.03.2026 – 08.03.2026 · 🟢 открыт" in anna.buttons()


async def _fresh_world(session_factory):
    """Olga owns "Мира" where Anna works; nothing is written to the ledger yet."""
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, owner_telegram_id=OWNER_TG)
        mira = await add_object(session, world, "Мира", rate="300")
        await add_person(session, world, "Anna", [mira], telegram_id=ANNA_TG)
    return world


async def _stored_periods(session_factory, world) -> list[PayPeriod]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(PayPeriod).where(PayPeriod.organization_id == world.organization.id)
            )
        )


async def test_looking_at_pay_stores_no_period(make_user: UserFactory, session_factory) -> None:
    """Getters only read: before anything is written to the current week, the employee's
    payslip and period list and the owner's period list and settings show its dates and
    store nothing."""
    world = await _fresh_world(session_factory)
    week = "02.03.2026 – 08.03.2026"
    anna = make_user(ANNA_TG, first_name="Anna")
    await anna.send("/start")
    await tap(anna, "💰 Мой заработок")
    assert f"Anna</b>, период {week}" in anna.text()
    assert "Итого начислено: 0,00 ₽" in plain(anna.text())
    await tap(anna, "📅 Другие периоды")
    await tap(anna, f"{week} · 🟢 открыт")
    assert f"Anna</b>, период {week}" in anna.text()
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    assert f"{week} · 🟢 открыт" in owner.buttons()
    await tap(owner, "⚙️ Периоды и день выплаты")
    assert f"Текущий период {week} (выплата 10.03.2026)" in owner.text()
    assert await _stored_periods(session_factory, world) == []


async def test_the_owner_opening_the_current_period_stores_it(
    make_user: UserFactory, session_factory
) -> None:
    world = await _fresh_world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    await tap(owner, "02.03.2026 – 08.03.2026 · 🟢 открыт")
    assert "Период 02.03.2026 – 08.03.2026</b> (🟢 открыт, день выплаты 10.03.2026)" in (
        owner.text()
    )
    assert "В этом периоде пока нет начислений." in owner.text()
    [period] = await _stored_periods(session_factory, world)
    assert (period.start_date, period.end_date, period.pay_day) == (
        MON,
        date(2026, 3, 8),
        date(2026, 3, 10),
    )


async def test_employee_in_english_and_the_payslip_deep_link(
    make_user: UserFactory, session_factory, clock
) -> None:
    world, anna_user = await _world(session_factory)
    async with session_factory() as session, session.begin():
        (await session.get(User, anna_user.id)).language = "en"
        period = await current_period(session, clock, world.organization.id)
        await close_pay_period(session, clock, period_id=period.id, user_id=None)
    anna = make_user(ANNA_TG, language_code="en", first_name="Anna")
    await anna.send(f"/start pay_{period.id}")
    assert "(🔒 closed)" in anna.text()
    await tap(anna, "❓ Why this amount?")
    explained = anna.text()
    assert "Mon, 2 Mar · Мира, 07:00–11:00: 240 min × ₽300.00/h = +₽1,200.00" in explained
    assert "15 min late − 5 min grace = 10 min × ₽10.00/min = -₽100.00" in explained
    assert "whole minutes" in explained


async def test_owner_closes_the_period_and_payslips_go_out(
    make_user: UserFactory, session_factory
) -> None:
    _, anna = await _world(session_factory)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "💰 Зарплата")
    await tap(owner, "02.03.2026 – 08.03.2026 · 🟢 открыт")
    await tap(owner, "🔒 Закрыть период")
    assert "Закрыть период 02.03.2026 – 08.03.2026?" in owner.text()
    await tap(owner, "✅ Да, закрыть")
    assert "🔒 Период закрыт, расчётные листки отправлены." in owner.text()
    assert "🔒 закрыт" in owner.text()
    assert "🔒 Закрыть период" not in owner.buttons()
    async with session_factory() as session:
        ready = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "payroll_payslip_ready")
        )
        assert ready is not None and ready.recipient_user_id == anna.id
        assert ready.payload["net"] == {"money": "1250.00"}


def test_a_long_explanation_stays_within_one_telegram_message() -> None:
    period = PayPeriod(start_date=MON, end_date=date(2026, 3, 8), status=PayPeriodStatus.OPEN)
    line = PayslipLine(
        entry_id=1,
        type=LedgerEntryType.SHIFT_PAY,
        work_date=MON,
        object_name="Кофейня с очень длинным названием на углу двух улиц",
        minutes=480,
        hourly_rate=Decimal("350.00"),
        amount=Decimal("2800.00"),
        reason="",
        payout_method=None,
        is_reversal=True,
        late_for_closed_period=True,
    )
    totals = PayslipTotals(1, "Anna", 0, *(Decimal("0.00"),) * 5)
    args = explain_args(translator_for("ru"), PayslipView(period, "RUB", totals, [line] * 90))
    assert len(args["lines"]) < 3_200
    assert args["lines"].endswith(
        "… и ещё 69 строк — полный список в выгрузке Excel у руководителя."
    )
