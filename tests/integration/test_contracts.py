"""Contracts against the real database: template versions, a contract made with every
field and read back from its PDF, its rate in the terms payroll reads, signing with a
one-time code (wrong, expired, twice at once), planning after the last day, and the end
reminders 14 and 3 days before."""

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from services.contracts.contracts import (
    ContractAnswers,
    change_end_date,
    prepare_contract,
    send_for_signature,
)
from services.contracts.errors import (
    AgreementRequired,
    AlreadySigned,
    CodeExpired,
    ContractEnded,
    UnknownFields,
    WrongCode,
)
from services.contracts.jobs import remind_contract_endings
from services.contracts.pdf import text_of
from services.contracts.queries import contract_last_day
from services.contracts.signing import accept_agreement, confirm_signature, send_signing_code
from services.contracts.templates import change_template, create_template
from services.planning.bookings import assign_employee
from services.planning.slots import create_slot
from services.platform.clock import ManualClock
from services.platform.db.models import (
    Contract,
    ContractEvent,
    ContractSignature,
    ContractStatus,
    ContractTemplateVersion,
    MembershipRole,
    OutboxMessage,
    Permission,
    User,
)
from services.platform.db.session import SessionFactory
from services.platform.errors import NotFound, PermissionDenied
from services.staff.memberships import rate_in_force
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.staff import add_member, organization_with_objects

OWNER_TG, IVAN_TG, MANAGER_TG = 7000, 7001, 7002
ANSWERS = ContractAnswers(
    full_name="Иванов Иван Иванович",
    starts_on=date(2026, 3, 10),
    ends_on=date(2026, 5, 31),
    hourly_rate=Decimal("350"),
    service="приготовление кофе",
)


class World:
    def __init__(self, organization_id: int, owner_id: int, object_ids: list[int], ivan: int):
        self.organization_id = organization_id
        self.owner_id = owner_id
        self.object_ids = object_ids
        self.ivan = ivan


async def _world(session_factory: SessionFactory, clock: ManualClock) -> World:
    org = await organization_with_objects(
        session_factory,
        clock,
        owner_telegram_id=OWNER_TG,
        name="ООО «Ромашка»",
        object_names=("Кафе на Мира", "Склад"),
    )
    ivan = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=IVAN_TG,
        first_name="Иван",
        object_permissions={org.object_ids[0]: [], org.object_ids[1]: []},
    )
    return World(org.organization_id, org.owner_id, org.object_ids, ivan)


async def _owner(session, world: World):
    return await actor_in(session, world.owner_id, world.organization_id)


async def _sent_contract(session_factory, clock, world: World, answers=ANSWERS) -> int:
    async with session_factory() as session:
        owner = await _owner(session, world)
        template = await create_template(session, owner, name="ГПХ бариста", start_from="gpc_ru")
        contract = await prepare_contract(
            session,
            owner,
            clock,
            membership_id=world.ivan,
            template_id=template.id,
            answers=answers,
        )
        await send_for_signature(session, owner, clock, contract.id)
        await session.commit()
        return contract.id


async def _ivan(session) -> User:
    user = await session.scalar(select(User).where(User.telegram_id == IVAN_TG))
    assert user is not None
    return user


class CodeInbox:
    """The separate message a code goes out in: what it said and its id."""

    def __init__(self) -> None:
        self.codes: list[str] = []

    async def send(self, code: str) -> int:
        self.codes.append(code)
        return 900 + len(self.codes)


@ON_BOTH_DATABASES
async def test_a_change_makes_a_version_and_contracts_keep_theirs(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await _world(session_factory, clock)
    contract_id = await _sent_contract(session_factory, clock, world)
    async with session_factory() as session:
        owner = await _owner(session, world)
        contract = await session.get(Contract, contract_id)
        first = await session.get(ContractTemplateVersion, contract.template_version_id)
        with pytest.raises(UnknownFields) as refused:
            await change_template(session, owner, first.template_id, "{employee.passport} {pay}")
        assert refused.value.params == {"fields": "{employee.passport}, {pay}"}
        second = await change_template(session, owner, first.template_id, "# Новый\n{objects}")
        await session.commit()
    assert (first.number, second.number) == (1, 2)
    async with session_factory() as session:
        contract = await session.get(Contract, contract_id)
        assert contract.template_version_id == first.id
        assert "Договор возмездного оказания услуг" in text_of(contract.document_pdf)


async def test_the_contract_pdf_holds_every_field_and_its_rate_is_what_payroll_reads(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await _world(session_factory, clock)
    contract_id = await _sent_contract(session_factory, clock, world)
    async with session_factory() as session:
        contract = await session.get(Contract, contract_id)
        text = " ".join(text_of(contract.document_pdf).split())
        assert f"Договор возмездного оказания услуг № {contract_id}" in text
        assert "02.03.2026" in text  # the date it was made
        assert "ООО «Ромашка», далее «Заказчик», и Иванов Иван Иванович" in text
        assert "услуги: приготовление кофе" in text
        assert "Место оказания услуг: Кафе на Мира, Склад" in text
        assert "с 10.03.2026 по 31.05.2026" in text
        assert "350,00 ₽ за час" in text
        assert contract.status == ContractStatus.SENT
        assert await rate_in_force(session, world.ivan, date(2026, 3, 9)) is None
        assert await rate_in_force(session, world.ivan, date(2026, 3, 10)) == Decimal("350.00")
        kinds = await session.scalars(
            select(ContractEvent.kind).where(ContractEvent.contract_id == contract_id)
        )
        assert list(kinds) == ["created", "sent"]
        notice = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "contract_to_sign")
        )
        assert notice is not None and notice.payload == {"number": contract_id}


@ON_BOTH_DATABASES
async def test_signing_needs_the_agreement_and_the_right_fresh_code(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await _world(session_factory, clock)
    contract_id = await _sent_contract(session_factory, clock, world)
    inbox = CodeInbox()
    async with session_factory() as session:
        ivan = await _ivan(session)
        with pytest.raises(AgreementRequired):
            await send_signing_code(session, clock, ivan, contract_id, inbox.send)
        await accept_agreement(session, clock, ivan, contract_id)
        await send_signing_code(session, clock, ivan, contract_id, inbox.send)
        await send_signing_code(session, clock, ivan, contract_id, inbox.send)  # double tap
        assert len(inbox.codes) == 1
        wrong = "000000" if inbox.codes[-1] != "000000" else "111111"
        with pytest.raises(WrongCode):
            await confirm_signature(session, clock, ivan, contract_id, wrong)
        clock.advance(timedelta(minutes=11))
        with pytest.raises(CodeExpired):
            await confirm_signature(session, clock, ivan, contract_id, inbox.codes[-1])
        await send_signing_code(session, clock, ivan, contract_id, inbox.send)
        clock.advance(timedelta(minutes=1))
        with pytest.raises(WrongCode):  # only the code sent last works
            await confirm_signature(session, clock, ivan, contract_id, inbox.codes[0])
        await send_signing_code(session, clock, ivan, contract_id, inbox.send)
        signed = await confirm_signature(session, clock, ivan, contract_id, inbox.codes[-1])
        await session.commit()
    assert signed.counterparts == [(OWNER_TG, "ru")]
    async with session_factory() as session:
        contract = await session.get(Contract, contract_id)
        signature = await session.scalar(select(ContractSignature))
        assert contract.status == ContractStatus.SIGNED
        assert signature.document_sha256 == contract.document_sha256
        assert (signature.telegram_user_id, signature.code_message_id) == (IVAN_TG, 903)
        assert signature.signed_at == clock.now()
        last_page = " ".join(text_of(contract.signed_pdf).split())
        assert contract.document_sha256 in last_page
        assert f"ID пользователя Telegram {IVAN_TG}" in last_page
        assert "ID сообщения с кодом 903" in last_page
        assert contract.signed_pdf.count(b"/Type /Page") > contract.document_pdf.count(
            b"/Type /Page"
        )
        ivan = await _ivan(session)
        with pytest.raises(AlreadySigned):
            await send_signing_code(session, clock, ivan, contract_id, inbox.send)


async def test_two_confirmations_at_once_make_exactly_one_signature(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await _world(session_factory, clock)
    contract_id = await _sent_contract(session_factory, clock, world)
    inbox = CodeInbox()
    async with session_factory() as session:
        ivan = await _ivan(session)
        await accept_agreement(session, clock, ivan, contract_id)
        await send_signing_code(session, clock, ivan, contract_id, inbox.send)
        await session.commit()

    async def confirm() -> str:
        async with session_factory() as session:
            try:
                await confirm_signature(
                    session, clock, await _ivan(session), contract_id, inbox.codes[-1]
                )
                await session.commit()
                return "signed"
            except AlreadySigned:
                return "already"

    assert sorted(await asyncio.gather(confirm(), confirm())) == ["already", "signed"]
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(ContractSignature)) == 1
        signature = await session.scalar(select(ContractSignature))
        session.add(
            ContractSignature(
                contract_id=contract_id,
                user_id=signature.user_id,
                telegram_user_id=IVAN_TG,
                document_sha256="x",
                template_version_id=signature.template_version_id,
                code_message_id=1,
                signed_at=datetime.now(UTC),
            )
        )
        with pytest.raises(IntegrityError):
            await session.flush()


async def test_a_manager_without_staff_rights_sees_no_contract(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await _world(session_factory, clock)
    await add_member(
        session_factory,
        world.organization_id,
        telegram_id=MANAGER_TG,
        first_name="Мария",
        role=MembershipRole.MANAGER,
        object_permissions={world.object_ids[0]: [Permission.PLAN]},
    )
    contract_id = await _sent_contract(session_factory, clock, world)
    async with session_factory() as session:
        manager_user = await session.scalar(select(User).where(User.telegram_id == MANAGER_TG))
        manager = await actor_in(session, manager_user.id, world.organization_id)
        with pytest.raises((NotFound, PermissionDenied)):
            await change_end_date(session, manager, clock, contract_id, date(2026, 4, 1))
        stranger = await organization_with_objects(session_factory, clock, owner_telegram_id=7100)
        other_owner = await actor_in(session, stranger.owner_id, stranger.organization_id)
        with pytest.raises(NotFound):
            await change_end_date(session, other_owner, clock, contract_id, date(2026, 4, 1))
        with pytest.raises(NotFound):
            await confirm_signature(session, clock, manager_user, contract_id, "123456")


@ON_BOTH_DATABASES
async def test_planning_stops_after_the_last_day_and_a_new_end_is_history(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await _world(session_factory, clock)
    contract_id = await _sent_contract(
        session_factory,
        clock,
        world,
        ContractAnswers("Иван", date(2026, 3, 2), date(2026, 3, 20), None, "кофе"),
    )

    async def assign_on(day: date) -> None:
        async with session_factory() as session:
            slot = await create_slot(
                session,
                clock,
                user_id=world.owner_id,
                object_id=world.object_ids[0],
                local_date=day,
                start_time=time(9),
                end_time=time(18),
                max_employees=1,
            )
            await assign_employee(
                session, clock, user_id=world.owner_id, slot_id=slot.id, membership_id=world.ivan
            )
            await session.commit()

    await assign_on(date(2026, 3, 20))
    with pytest.raises(ContractEnded) as refused:
        await assign_on(date(2026, 3, 21))
    assert refused.value.params == {"ends_on": "20.03.2026"}

    async with session_factory() as session:
        owner = await _owner(session, world)
        await change_end_date(session, owner, clock, contract_id, date(2026, 3, 31))
        await session.commit()
        assert await contract_last_day(session, world.ivan) == date(2026, 3, 31)
        event = await session.scalar(select(ContractEvent).where(ContractEvent.kind == "changed"))
        assert event.details == {"ends_on_before": "2026-03-20", "ends_on": "2026-03-31"}
    await assign_on(date(2026, 3, 21))


@pytest.mark.parametrize(
    ("now", "reminded_days"),
    [
        (datetime(2026, 3, 17, 9, tzinfo=UTC), "14"),  # 31.03 is 14 days ahead in Moscow
        (datetime(2026, 3, 28, 9, tzinfo=UTC), "3"),
        (datetime(2026, 3, 27, 21, 30, tzinfo=UTC), "3"),  # 00:30 in Moscow: the 28th
        (datetime(2026, 3, 20, 9, tzinfo=UTC), None),
    ],
)
async def test_end_reminders_come_14_and_3_days_before_once(
    session_factory: SessionFactory, clock: ManualClock, now: datetime, reminded_days: str | None
) -> None:
    world = await _world(session_factory, clock)
    contract_id = await _sent_contract(
        session_factory,
        clock,
        world,
        ContractAnswers("Иван", date(2026, 3, 2), date(2026, 3, 31), None, "кофе"),
    )
    clock.set(now)
    for _ in range(2):
        async with session_factory() as session:
            await remind_contract_endings(session, clock)
            await session.commit()
    async with session_factory() as session:
        rows = list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "contract_ending")
            )
        )
    if reminded_days is None:
        assert rows == []
        return
    async with session_factory() as session:
        ivan_id = (await _ivan(session)).id
    assert sorted(row.recipient_user_id for row in rows) == sorted([world.owner_id, ivan_id])
    assert {row.payload["days"] for row in rows} == {int(reminded_days)}
    assert {row.payload["number"] for row in rows} == {contract_id}
