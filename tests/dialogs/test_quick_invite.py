"""Inviting an employee in few taps, in Russian and English: the link ready to forward and
its QR picture sent as a photo for a paper at the counter. Taps are button presses from
the main menu. Before: 7 (Invitations → Invite an employee → object → Next → No rate →
uses → validity)."""

import re

import pytest
from sqlalchemy import select, update

from services.platform.clock import ManualClock
from services.platform.db.models import Invite, Membership, MembershipRole, User
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.staff import organization_with_objects

LINK = re.compile(r"https://t\.me/staffprobot_test_bot\?start=(inv_[A-Za-z0-9_-]+)")
OWNER_TG = 3100

WORDS = {
    "ru": {"invites": "✉️ Приглашения", "quick": "⚡ Сотрудник: ссылка и QR", "qr": "🖨 QR-код"},
    "en": {"invites": "✉️ Invitations", "quick": "⚡ Employee: link and QR", "qr": "🖨 QR code"},
}


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(
    ("objects", "expected_taps"), [(("Кафе на Мира",), 2), (("Кафе на Мира", "Склад"), 3)]
)
async def test_an_employee_invite_with_its_qr_in_at_most_four_taps(
    language: str,
    objects: tuple[str, ...],
    expected_taps: int,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    words = WORDS[language]
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=OWNER_TG, object_names=objects
    )
    async with session_factory() as session, session.begin():
        await session.execute(update(User).where(User.id == org.owner_id).values(language=language))
    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    taps = 0
    for button in (
        words["invites"],
        words["quick"],
        *(["Кафе на Мира"] if len(objects) > 1 else []),
    ):
        await owner.press(button)
        taps += 1

    assert taps == expected_taps
    match = LINK.search(owner.text())
    assert match, owner.text()
    photos = [m for m in telegram.chat_messages(OWNER_TG) if m.get("photo")]
    assert len(photos) == 1
    assert match.group(0) in photos[0]["caption"]
    async with session_factory() as session:
        invite = await session.scalar(select(Invite))
    assert invite is not None
    assert (invite.role, invite.object_ids, invite.max_uses) == (
        MembershipRole.EMPLOYEE,
        [org.object_ids[0]],
        50,
    )
    assert (invite.expires_at - clock.now()).days == 30

    # The same card sends the QR again on request, and the link works.
    await owner.press(words["qr"])
    assert len([m for m in telegram.chat_messages(OWNER_TG) if m.get("photo")]) == 2
    ivan = make_user(3101, first_name="Ivan")
    await ivan.send(f"/start {match.group(1)}")
    async with session_factory() as session:
        joined = await session.scalar(select(Membership).join(User).where(User.telegram_id == 3101))
    assert joined is not None and joined.role == MembershipRole.EMPLOYEE
