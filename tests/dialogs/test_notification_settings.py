"""Settings → 🔔 Notifications: switching kinds off and on, the reminder lead time,
quiet hours and (owners and managers) the daily summary hour, stored for the notifier and
the jobs."""

from datetime import time

from sqlalchemy import select

from services.orgs.organizations import create_organization
from services.platform.clock import ManualClock
from services.platform.db.models import MembershipRole, NotificationPreferences, Permission, User
from services.staff.users import TelegramProfile, get_or_register_user
from tests.dialogs.conftest import UserFactory
from tests.support.planning import make_employee, make_world


async def preferences_of(session_factory, telegram_id: int) -> NotificationPreferences | None:
    async with session_factory() as session:
        user_id = await session.scalar(select(User.id).where(User.telegram_id == telegram_id))
        return await session.get(NotificationPreferences, user_id)


async def test_defaults_are_shown_and_a_kind_can_be_switched_off_and_on(
    make_user: UserFactory, session_factory
) -> None:
    anna = make_user(8001)
    await anna.send("/start")
    await anna.press("⚙️ Настройки")
    await anna.press("🔔 Уведомления")

    assert "Напоминание о смене: за 60 мин." in anna.text()
    assert "Тихие часы: выключены" in anna.text()
    assert "✅ Напоминания о сменах" in anna.buttons()
    assert await preferences_of(session_factory, 8001) is None

    await anna.press("✅ Напоминания о сменах")
    assert "⬜ Напоминания о сменах" in anna.buttons()
    stored = await preferences_of(session_factory, 8001)
    assert stored is not None and stored.muted_kinds == ["shift_reminder"]

    await anna.press("⬜ Напоминания о сменах")
    assert "✅ Напоминания о сменах" in anna.buttons()
    stored = await preferences_of(session_factory, 8001)
    assert stored is not None and stored.muted_kinds == []


async def test_reminder_lead_time_and_quiet_hours_are_saved(
    make_user: UserFactory, session_factory
) -> None:
    john = make_user(8002, language_code="en", first_name="John")
    await john.send("/start")
    await john.press("⚙️ Settings")
    await john.press("🔔 Notifications")

    await john.press("⏰ Reminder time")
    assert john.text() == "How many minutes before a shift should we remind you?"
    await john.press("30 min")
    assert "Shift reminder: 30 min before." in john.text()

    await john.press("🌙 Quiet hours")
    await john.press("22:00–08:00")
    assert "Quiet hours: 22:00–08:00" in john.text()

    stored = await preferences_of(session_factory, 8002)
    assert stored is not None
    assert stored.reminder_lead_minutes == 30
    assert (stored.quiet_hours_start, stored.quiet_hours_end) == (time(22), time(8))

    await john.press("🌙 Quiet hours")
    await john.press("No quiet hours")
    assert "Quiet hours: off" in john.text()
    stored = await preferences_of(session_factory, 8002)
    assert stored is not None and stored.quiet_hours_start is None


async def test_back_returns_to_the_settings(make_user: UserFactory) -> None:
    anna = make_user(8003)
    await anna.send("/start")
    await anna.press("⚙️ Настройки")
    await anna.press("🔔 Уведомления")
    await anna.press("⬅️ Назад")

    assert "🔔 Уведомления" in anna.buttons()


async def test_an_employee_is_not_offered_the_owners_notifications(make_user: UserFactory) -> None:
    anna = make_user(8004)
    await anna.send("/start")
    await anna.press("⚙️ Настройки")
    await anna.press("🔔 Уведомления")

    assert "✅ Расчётный листок готов" in anna.buttons()
    assert "✅ Невыполненные задачи в конце смены" in anna.buttons()
    assert "✅ Ежедневная сводка" not in anna.buttons()
    assert "📊 Время сводки" not in anna.buttons()
    assert "Ежедневная сводка" not in anna.text()


async def test_an_owner_chooses_the_daily_summary_hour(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    async with session_factory() as session:
        owner = await get_or_register_user(
            session, TelegramProfile(telegram_id=8005, first_name="Olga", language_code="ru")
        )
        await create_organization(session, owner, clock, name="Кофейни")
        await session.commit()
    olga = make_user(8005)
    await olga.send("/start")
    await olga.press("⚙️ Настройки")
    await olga.press("🔔 Уведомления")
    assert "Ежедневная сводка: в 09:00" in olga.text()
    assert "✅ Сотрудник не отметился на смене" in olga.buttons()

    await olga.press("📊 Время сводки")
    assert "по часовому поясу организации" in olga.text()
    await olga.press("07:00")

    assert "Ежедневная сводка: в 07:00" in olga.text()
    stored = await preferences_of(session_factory, 8005)
    assert stored is not None and stored.daily_summary_hour == 7


async def test_a_manager_chooses_the_daily_summary_hour_too(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    async with session_factory() as session:
        world = await make_world(session, clock, owner_telegram_id=8006)
        await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=8007,
            first_name="Max",
            role=MembershipRole.MANAGER,
            permissions=[Permission.VIEW.value],
            language="en",
        )
        await session.commit()
    max_ = make_user(8007, language_code="en", first_name="Max")
    await max_.send("/start")
    await max_.press("⚙️ Settings")
    await max_.press("🔔 Notifications")
    assert "Daily summary: at 09:00" in max_.text()
    assert "✅ Daily summary" in max_.buttons()

    await max_.press("📊 Summary time")
    await max_.press("18:00")

    assert "Daily summary: at 18:00" in max_.text()
    stored = await preferences_of(session_factory, 8007)
    assert stored is not None and stored.daily_summary_hour == 18


async def test_a_manager_who_may_report_on_no_object_is_not_offered_the_summary(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    # Planning and staff rights but no 👁 View: the daily summary would never come.
    async with session_factory() as session:
        world = await make_world(session, clock, owner_telegram_id=8008)
        await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=8009,
            first_name="Max",
            role=MembershipRole.MANAGER,
            permissions=[Permission.PLAN.value, Permission.MANAGE_STAFF.value],
        )
        await session.commit()
    max_ = make_user(8009, first_name="Max")
    await max_.send("/start")
    await max_.press("⚙️ Настройки")
    await max_.press("🔔 Уведомления")

    assert "✅ Сотрудник не отметился на смене" in max_.buttons()
    assert "✅ Ежедневная сводка" not in max_.buttons()
    assert "📊 Время сводки" not in max_.buttons()
    assert "Ежедневная сводка" not in max_.text()
