"""The staff dialog: list with search and pages, the employee card, rate versions,
objects, dismissal (with what becomes of the planned shifts ahead, and silence towards
the dismissed person) and manager permissions, through the real Dispatcher."""

from datetime import date, time, timedelta
from decimal import Decimal

from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from services.exchange.open_places import open_places
from services.jobs import SCHEDULED_JOBS
from services.notify.notifier import Outcome
from services.planning.bookings import book_slot
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    CancellationInitiator,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    OutboxMessage,
    PlannedShift,
    PlannedShiftStatus,
    ShiftCancellation,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from services.platform.scheduler import Scheduler
from services.staff.memberships import rate_in_force
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import make_notifier
from tests.support.planning import make_slot
from tests.support.staff import add_employee, add_member, organization_with_objects

IVAN_TG, PETR_TG = 4300, 4301
NAMES = ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Зоя", "Иван", "Кира"]


async def _organization(session_factory, clock):
    return await organization_with_objects(
        session_factory, clock, owner_telegram_id=4000, object_names=("Кафе на Мира", "Склад")
    )


def _last_text(telegram: FakeTelegramServer, chat_id: int) -> str:
    message = telegram.last_message(chat_id)
    assert message is not None
    return " ".join(message["text"].split())


async def test_staff_list_pages_and_search(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    org = await _organization(session_factory, clock)
    for index, name in enumerate(NAMES):
        await add_member(
            session_factory,
            org.organization_id,
            telegram_id=4100 + index,
            first_name=name,
            object_permissions={org.object_ids[0]: []},
        )
    owner = make_user(4000, first_name="Olga")
    await owner.send("/start")
    await owner.press("👥 Сотрудники")

    assert "Сотрудники</b> (10)" in owner.text()
    assert owner.buttons()[:8] == NAMES[:8]
    await owner.press(">")
    assert owner.buttons()[:2] == NAMES[8:]

    await owner.send("ИВ")
    assert "Поиск: «ИВ»" in owner.text()
    assert owner.buttons()[0] == "Иван"
    assert "Анна" not in owner.buttons()

    await owner.send("x" * 10_000)
    assert _last_text(telegram, 4000) == "Слишком длинно: не больше 64 символов."
    assert "Поиск: «ИВ»" in owner.text()
    await owner.send("<b>%_</b>")
    assert "Никого не нашлось." in owner.text()
    assert "&lt;b&gt;%_&lt;/b&gt;" in owner.text()

    await owner.press("✖️ Сбросить поиск")
    assert "Сотрудники</b> (10)" in owner.text()


async def test_employee_card_rate_versions_objects_and_dismissal(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    org = await _organization(session_factory, clock)
    cafe, warehouse = org.object_ids
    ivan = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=4200,
        first_name="Иван",
        object_permissions={cafe: []},
    )
    owner = make_user(4000, first_name="Olga")
    await owner.send("/start")
    await owner.press("👥 Сотрудники")
    await owner.press("Иван")

    card = owner.text()
    assert "👤 <b>Иван</b>" in card and "Объекты: Кафе на Мира" in card
    assert "Своей ставки нет" in card

    await owner.press("💰 Изменить ставку")
    for typed in ("-1", "абв", "1000000"):
        await owner.send(typed)
        assert "Напишите новую почасовую ставку" in owner.text()
    await owner.send("300")
    await owner.press("📅 С сегодняшнего дня")
    assert "Ставка сейчас: 300,00" in owner.text()

    await owner.press("💰 Изменить ставку")
    await owner.send("400")
    await owner.send("завтра")
    assert _last_text(telegram, 4000) == "Не понял дату. Напишите её так: 15.03.2026."
    await owner.send("01.01.2020")
    assert _last_text(telegram, 4000).startswith("Дата раньше начала работы")
    await owner.send("15.03.2026")
    assert "Ставка сейчас: 300,00" in owner.text()
    assert "С 15 мар. 2026 г.: 400,00 ₽ в час" in " ".join(owner.text().split())
    async with session_factory() as session:
        assert await rate_in_force(session, ivan, date(2026, 3, 14)) == Decimal("300.00")
        assert await rate_in_force(session, ivan, date(2026, 3, 15)) == Decimal("400.00")

    await owner.press("📍 Изменить объекты")
    await owner.press("✅ Кафе на Мира")
    await owner.press("💾 Сохранить")
    assert _last_text(telegram, 4000) == "Отметьте хотя бы один объект."
    await owner.press("▫️ Склад")
    await owner.press("💾 Сохранить")
    assert "Объекты: Склад" in owner.text()

    await owner.press("🚪 Уволить")
    await owner.send("20.03.2026")
    assert _last_text(telegram, 4000).startswith("Дата увольнения не может быть в будущем")
    await owner.press("🚪 Сегодня")
    assert "Статус: уволен" in owner.text()
    assert "💰 Изменить ставку" not in owner.buttons()

    async with session_factory() as session:
        membership = await session.get(Membership, ivan)
        objects = list(
            await session.scalars(
                select(MembershipObject.object_id).where(MembershipObject.membership_id == ivan)
            )
        )
    assert membership is not None
    assert (membership.status, membership.ended_on) == (MembershipStatus.ENDED, date(2026, 3, 2))
    assert objects == [warehouse]


async def test_owner_changes_a_managers_permissions_per_object(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    org = await _organization(session_factory, clock)
    cafe, warehouse = org.object_ids
    maria = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=4300,
        first_name="Мария",
        role=MembershipRole.MANAGER,
        object_permissions={cafe: ["view"]},
    )
    owner = make_user(4000, first_name="Olga")
    await owner.send("/start")
    await owner.press("👥 Сотрудники")
    await owner.press("🧑‍💼 Управляющие")
    await owner.press("Мария")
    assert "Кафе на Мира (👁 Просмотр)" in owner.text()

    await owner.press("🔐 Права на объектах")
    await owner.press("Склад · прав: 0")
    await owner.press("▫️ 📅 Планирование")
    await owner.press("▫️ 👥 Сотрудники")
    await owner.press("💾 Сохранить")
    assert "Склад · прав: 2" in owner.buttons()

    async with session_factory() as session:
        links = dict(
            (
                await session.execute(
                    select(MembershipObject.object_id, MembershipObject.permissions).where(
                        MembershipObject.membership_id == maria
                    )
                )
            )
            .tuples()
            .all()
        )
    assert links == {cafe: ["view"], warehouse: ["manage_staff", "plan"]}

    # With manage_staff now, Maria sees the staff entries in her menu.
    maria_chat = make_user(4300, first_name="Мария")
    await maria_chat.send("/start")
    assert "👥 Сотрудники" in maria_chat.buttons()
    assert "✉️ Приглашения" in maria_chat.buttons()


async def test_manager_invites_only_employees_on_their_objects(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    org = await _organization(session_factory, clock)
    cafe, _ = org.object_ids
    await add_member(
        session_factory,
        org.organization_id,
        telegram_id=4400,
        first_name="Мария",
        role=MembershipRole.MANAGER,
        object_permissions={cafe: ["view", "manage_staff"]},
    )
    maria = make_user(4400, first_name="Мария")
    await maria.send("/start")
    await maria.press("✉️ Приглашения")
    assert "➕ Пригласить управляющего" not in maria.buttons()
    await maria.press("➕ Пригласить сотрудника")
    assert maria.buttons()[:1] == ["▫️ Кафе на Мира"]
    assert "▫️ Склад" not in maria.buttons()


# ------------------------------------------------------------------ dismissal and shifts


async def _ivan_planned_today_and_tomorrow(session_factory: SessionFactory, clock: ManualClock):
    """Ivan and Petr work at the café; Ivan is planned today 13:00–18:00 (one place) and
    tomorrow 09:00–18:00 (two places). The clock stands at 12:00 in Moscow."""
    org = await _organization(session_factory, clock)
    cafe = org.object_ids[0]
    ivan = await add_employee(session_factory, org.organization_id, IVAN_TG, "Иван", cafe)
    await add_employee(session_factory, org.organization_id, PETR_TG, "Пётр", cafe)
    async with session_factory() as session:
        owner = await session.get(User, org.owner_id)
        work_object = await session.get(WorkObject, cafe)
        ivan_user_id, petr_user_id = await session.scalars(
            select(User.id).where(User.telegram_id.in_([IVAN_TG, PETR_TG])).order_by(User.id)
        )
        assert owner is not None and work_object is not None
        today = await make_slot(
            session, clock, owner, work_object, day=date(2026, 3, 2), start=time(13)
        )
        tomorrow = await make_slot(
            session, clock, owner, work_object, day=date(2026, 3, 3), places=2
        )
        for slot in (today, tomorrow):
            await book_slot(session, clock, user_id=ivan_user_id, slot_id=slot.id)
        await session.commit()
    return org, ivan, ivan_user_id, petr_user_id, today.id, tomorrow.id


async def _dismiss_ivan(owner, choice: str) -> None:
    await owner.send("/start")
    await owner.press("👥 Сотрудники")
    await owner.press("Иван")
    await owner.press("🚪 Уволить")
    assert "впереди смен в графике: 2" in owner.text()
    await owner.press(choice)
    await owner.press("🚪 Сегодня")
    assert "Статус: уволен" in owner.text()


async def test_dismissal_cancels_the_shifts_ahead_and_nothing_reaches_the_dismissed(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    engine: AsyncEngine,
    settings: Settings,
    bot: Bot,
    redis: Redis,
) -> None:
    _, ivan, ivan_user_id, _, today, tomorrow = await _ivan_planned_today_and_tomorrow(
        session_factory, clock
    )
    scheduler = Scheduler(
        engine=engine,
        session_factory=session_factory,
        clock=clock,
        settings=settings,
        jobs=SCHEDULED_JOBS,
    )
    await scheduler.tick()  # today's reminder (an hour ahead) is queued for Ivan
    async with session_factory() as session:
        [reminder] = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "shift_reminder")
        )
    assert reminder.recipient_user_id == ivan_user_id

    owner = make_user(4000, first_name="Olga")
    await _dismiss_ivan(owner, "✖️ Отменить их")
    assert "Смены уволенного сотрудника (2) отменены и убраны из графика." in owner.text()

    async with session_factory() as session:
        planned = list(
            await session.scalars(select(PlannedShift).where(PlannedShift.membership_id == ivan))
        )
        initiators = set(await session.scalars(select(ShiftCancellation.initiator)))
        today_slot = await session.get(TimeSlot, today)
        tomorrow_slot = await session.get(TimeSlot, tomorrow)
    assert {p.status for p in planned} == {PlannedShiftStatus.CANCELLED}
    assert initiators == {CancellationInitiator.DISMISSAL}
    assert today_slot is not None and today_slot.deleted_at is not None  # its only place
    assert tomorrow_slot is not None and tomorrow_slot.max_employees == 1

    # The reminder queued before the dismissal is not sent; at 13:15 nobody is alerted
    # that Ivan has not clocked in.
    notifier = make_notifier(settings, session_factory, bot, redis, clock)
    assert await notifier.deliver(reminder.id) == Outcome.SKIPPED
    assert telegram.last_message(IVAN_TG) is None
    clock.advance(timedelta(hours=1, minutes=15))
    await scheduler.tick()
    async with session_factory() as session:
        queued = list(await session.scalars(select(OutboxMessage)))
    assert [r.kind for r in queued if r.recipient_user_id == ivan_user_id] == ["shift_reminder"]
    assert "not_clocked_in" not in {r.kind for r in queued}


async def test_dismissal_can_leave_the_shifts_ahead_open_for_colleagues(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    _, ivan, _, petr_user_id, today, tomorrow = await _ivan_planned_today_and_tomorrow(
        session_factory, clock
    )
    owner = make_user(4000, first_name="Olga")
    await _dismiss_ivan(owner, "📢 Оставить как свободные смены")
    assert "Смены уволенного сотрудника (2) теперь свободны" in owner.text()

    async with session_factory() as session:
        planned = list(
            await session.scalars(select(PlannedShift).where(PlannedShift.membership_id == ivan))
        )
        found = await open_places(session, clock, user_id=petr_user_id)
    assert {p.status for p in planned} == {PlannedShiftStatus.CANCELLED}
    assert [place.slot_id for place in found.places] == [today, tomorrow]
