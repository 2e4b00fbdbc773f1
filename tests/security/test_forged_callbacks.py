"""A modified client can send any callback data. A press whose data is on none of the
message's buttons (another organization's object id put into a real button's data) is
answered like an outdated screen: the menu comes back and nothing foreign is shown."""

from sqlalchemy.ext.asyncio import AsyncSession

from services.orgs.organizations import create_organization
from services.platform.clock import ManualClock
from services.platform.db.models import User, WorkObject
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.crowd import plain
from tests.support.shifts import OWNER_TG, make_shift_world

STRANGER_TG = 7900


async def stranger_object(session: AsyncSession, clock: ManualClock) -> WorkObject:
    nina = User(telegram_id=STRANGER_TG, first_name="Nina", language="ru")
    session.add(nina)
    await session.flush()
    organization = await create_organization(session, nina, clock, name="Чужая")
    work_object = WorkObject(
        organization_id=organization.id, name="Чужой склад", timezone="Europe/Moscow"
    )
    session.add(work_object)
    await session.flush()
    return work_object


async def test_a_forged_object_id_is_answered_as_an_outdated_screen(
    webhook, telegram: FakeTelegramServer, session_factory: SessionFactory, clock: ManualClock
) -> None:
    await make_shift_world(session_factory)
    async with session_factory() as session, session.begin():
        foreign = await stranger_object(session, clock)
    olga = telegram.user(OWNER_TG, first_name="Olga")
    await telegram.send_text(olga, "/start")
    await telegram.press(olga, plain("menu-objects"))
    objects = telegram.last_message(OWNER_TG)
    assert objects is not None
    [genuine] = [
        button["callback_data"]
        for row in objects["reply_markup"]["inline_keyboard"]
        for button in row
        if button["text"] == "🏪 Кофейня"
    ]
    forged = f"{genuine.rsplit(':', 1)[0]}:{foreign.id}"
    calls_before = len(telegram.calls)

    await telegram.press_callback(olga, forged, message_id=objects["message_id"])

    answers = [
        str(message.get("text", ""))
        for call in telegram.calls[calls_before:]
        if call.method in ("sendMessage", "editMessageText") and call.error_code is None
        for message in [call.response["result"]]
    ]
    assert answers[0] == plain("common-outdated-screen")
    assert plain("menu-objects") in telegram.buttons(telegram.last_message(OWNER_TG))
    assert not any("Чужой склад" in answer for answer in answers)

    await telegram.press(olga, plain("menu-objects"))
    await telegram.press(olga, "🏪 Кофейня")  # the genuine button still works
    assert "Кофейня" in telegram.last_message(OWNER_TG)["text"]


async def test_an_outdated_press_telegram_no_longer_lets_us_answer_still_gets_the_menu(
    webhook, telegram: FakeTelegramServer, session_factory: SessionFactory
) -> None:
    """A press on a screen of a dialog that no longer exists, handled after Telegram's
    time to answer it (or answered already): the answer is refused, yet the user is
    told why and gets the menu (the refusal used to end the recovery with an error)."""
    await make_shift_world(session_factory)
    olga = telegram.user(OWNER_TG, first_name="Olga")
    await telegram.send_text(olga, "/start")
    menu = telegram.last_message(OWNER_TG)
    assert menu is not None
    calls_before = len(telegram.calls)

    await telegram.press_callback(
        olga, "0000deadbeef\x1dsettings", message_id=menu["message_id"], answerable=False
    )

    refused = [c for c in telegram.calls[calls_before:] if c.method == "answerCallbackQuery"]
    assert [call.error_code for call in refused] == [400]
    told = telegram.chat_messages(OWNER_TG)[-2:]
    assert told[0]["text"] == plain("common-outdated-screen")
    assert plain("menu-objects") in telegram.buttons(told[1])
